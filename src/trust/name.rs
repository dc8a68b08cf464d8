//! Distinguished names compared the way RFC 5280 §7.1 asks: attribute by attribute,
//! strings case-folded with insignificant whitespace removed, RDNs as sets.
//!
//! Issuers and subjects written by different software differ in string type
//! (PrintableString vs UTF8String), case and spacing; byte equality would break
//! real chains (PKITS 4.3.3–4.3.11 test exactly this).

use der::Tag;
use der::Tagged;
use der::asn1::ObjectIdentifier;
use x509_cert::name::Name;

/// One attribute: its type and its normalised value.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct NormAttr {
    pub oid: ObjectIdentifier,
    /// `Ok(text)` for directory strings (normalised), `Err((tag, bytes))` otherwise.
    pub value: Result<String, (u8, Vec<u8>)>,
}

/// A name as a sequence of RDNs, each a sorted set of attributes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub(crate) struct NormName(pub Vec<Vec<NormAttr>>);

impl NormName {
    pub fn new(name: &Name) -> NormName {
        NormName(
            name.iter_rdn()
                .map(|rdn| {
                    let mut attrs: Vec<NormAttr> = rdn
                        .iter()
                        .map(|atv| NormAttr {
                            oid: atv.oid,
                            value: normalise(atv.value.tag(), atv.value.value()),
                        })
                        .collect();
                    attrs.sort();
                    attrs
                })
                .collect(),
        )
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `true` when `self`'s RDNs begin `other` (a directoryName subtree test).
    pub fn is_prefix_of(&self, other: &NormName) -> bool {
        self.0.len() <= other.0.len() && self.0.iter().zip(&other.0).all(|(a, b)| a == b)
    }
}

fn normalise(tag: Tag, bytes: &[u8]) -> Result<String, (u8, Vec<u8>)> {
    let text = match tag {
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String => {
            std::str::from_utf8(bytes).ok().map(str::to_string)
        }
        // T.61 in practice carries Latin-1 (PKITS and old Windows CAs).
        Tag::TeletexString => Some(bytes.iter().map(|b| char::from(*b)).collect()),
        Tag::BmpString => {
            let units: Vec<u16> = bytes
                .chunks(2)
                .map(|c| match c {
                    [a, b] => u16::from_be_bytes([*a, *b]),
                    _ => 0xFFFD,
                })
                .collect();
            String::from_utf16(&units).ok()
        }
        _ => None,
    };
    match text {
        Some(t) => Ok(t
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()),
        None => Err((tag_octet(tag), bytes.to_vec())),
    }
}

/// The identifier octet of `tag`, so that values of other types compare by type too.
fn tag_octet(tag: Tag) -> u8 {
    der::Encode::to_der(&tag)
        .ok()
        .and_then(|v| v.first().copied())
        .unwrap_or(0)
}
