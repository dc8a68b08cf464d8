//! Distinguished names, decoded attribute by attribute.
//!
//! Government certificates mix string types: UTF8String for Vietnamese text,
//! PrintableString for `C=VN`, sometimes BMPString from older Windows tooling and
//! TeletexString from very old CAs. Each value is decoded by its own tag; a value we
//! cannot read as text is shown as its OID and `#hex` (RFC 4514 §2.4) rather than
//! guessed at, so the clerk never copies a wrong name into a letter.

use const_oid::ObjectIdentifier;
use der::Encode;
use serde::Serialize;
use x509_cert::name::Name;

use crate::asn1;

/// One attribute of a name, in the order the certificate lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NameAttr {
    /// Short name (`CN`, `O`, `UID` ...) or the dotted OID when there is none.
    pub key: String,
    pub oid: String,
    pub value: String,
    /// How the value was encoded: `utf8`, `printable`, `bmp`, `teletex`, `ia5`, `hex`...
    pub encoding: &'static str,
}

/// Short names, as OpenSSL and Windows print them, for the attributes seen in
/// Vietnamese certificates and in the wider Web PKI.
const SHORT_NAMES: &[(&str, &str)] = &[
    ("2.5.4.3", "CN"),
    ("2.5.4.4", "SN"),
    ("2.5.4.5", "serialNumber"),
    ("2.5.4.6", "C"),
    ("2.5.4.7", "L"),
    ("2.5.4.8", "ST"),
    ("2.5.4.9", "street"),
    ("2.5.4.10", "O"),
    ("2.5.4.11", "OU"),
    ("2.5.4.12", "T"),
    ("2.5.4.13", "description"),
    ("2.5.4.15", "businessCategory"),
    ("2.5.4.17", "postalCode"),
    ("2.5.4.41", "name"),
    ("2.5.4.42", "GN"),
    ("2.5.4.43", "initials"),
    ("2.5.4.44", "generationQualifier"),
    ("2.5.4.46", "dnQualifier"),
    ("2.5.4.65", "pseudonym"),
    ("2.5.4.97", "organizationIdentifier"),
    ("0.9.2342.19200300.100.1.1", "UID"),
    ("0.9.2342.19200300.100.1.25", "DC"),
    ("1.2.840.113549.1.9.1", "E"),
    ("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC"),
];

/// The short name of an attribute type, or its dotted OID.
pub fn short_name(oid: &ObjectIdentifier) -> String {
    let dotted = oid.to_string();
    SHORT_NAMES
        .iter()
        .find(|(o, _)| *o == dotted)
        .map_or(dotted.clone(), |(_, n)| (*n).to_string())
}

/// Every attribute of a typed `name` (from an extension), in order.
pub fn attributes(name: &Name) -> Vec<NameAttr> {
    name.to_der()
        .map(|d| attributes_der(&d))
        .unwrap_or_default()
}

/// Every attribute of a DER-encoded Name, in order (RDN by RDN, then within a
/// multi-valued RDN), decoded from the bytes as written.
pub fn attributes_der(name: &[u8]) -> Vec<NameAttr> {
    let Ok((seq, _)) = asn1::expect(name, asn1::SEQUENCE) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for rdn in asn1::children(seq.value).flatten() {
        for atv in asn1::children(rdn.value).flatten() {
            let mut parts = asn1::children(atv.value);
            let (Some(Ok(oid)), Some(Ok(value))) = (parts.next(), parts.next()) else {
                continue;
            };
            let Ok(oid) = ObjectIdentifier::from_bytes(oid.value) else {
                continue;
            };
            let key = short_name(&oid);
            // RFC 4514 §2.4: a type we can only name by its OID has its value in
            // hex, since we cannot know how the value is meant to be read.
            let (value, encoding) = if key.starts_with(|c: char| c.is_ascii_digit()) {
                (format!("#{}", crate::cert::hex_upper(value.raw)), "hex")
            } else {
                decode_raw(value.tag, value.value, value.raw)
            };
            out.push(NameAttr {
                key,
                oid: oid.to_string(),
                value,
                encoding,
            });
        }
    }
    out
}

/// `C=VN, O=..., CN=...` from a DER-encoded Name.
pub fn dn_string_der(name: &[u8]) -> String {
    join(&attributes_der(name))
}

/// A one-line rendering `C=VN, O=..., CN=...` in the certificate's own order (as
/// OpenSSL prints it). Separators inside values are escaped with `\` (RFC 4514) so
/// the line can be split again without ambiguity.
pub fn dn_string(name: &Name) -> String {
    join(&attributes(name))
}

fn join(attrs: &[NameAttr]) -> String {
    attrs
        .iter()
        .map(|a| format!("{}={}", a.key, escape(&a.value, a.encoding)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn escape(value: &str, encoding: &str) -> String {
    if encoding == "hex" {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    for (i, c) in value.chars().enumerate() {
        let special = matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=')
            || (i == 0 && (c == '#' || c == ' '));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    if out.ends_with(' ') {
        out.pop();
        out.push_str("\\ ");
    }
    out
}

/// The value of the first attribute with the given short name.
pub fn first<'a>(attrs: &'a [NameAttr], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|a| a.key == key)
        .map(|a| a.value.as_str())
}

/// Decodes an attribute value by its tag; falls back to `#HEX` of the whole DER.
pub fn decode_value(any: &der::Any) -> (String, &'static str) {
    let raw = any.to_der().unwrap_or_default();
    decode_raw(raw.first().copied().unwrap_or(0), any.value(), &raw)
}

/// Decodes a value given its tag octet, content and whole encoding.
fn decode_raw(tag: u8, bytes: &[u8], raw: &[u8]) -> (String, &'static str) {
    let text = match tag {
        0x0C => core::str::from_utf8(bytes)
            .ok()
            .map(|s| (s.to_string(), "utf8")),
        0x13 => ascii(bytes).map(|s| (s, "printable")),
        0x16 => ascii(bytes).map(|s| (s, "ia5")),
        0x1A => ascii(bytes).map(|s| (s, "visible")),
        0x12 => ascii(bytes).map(|s| (s, "numeric")),
        // T.61 is a Latin superset in theory; in practice CAs put Latin-1 in it.
        0x14 => Some((bytes.iter().map(|&b| char::from(b)).collect(), "teletex")),
        0x1E => utf16be(bytes).map(|s| (s, "bmp")),
        0x1C => utf32be(bytes).map(|s| (s, "universal")),
        _ => None,
    };
    match text {
        Some((s, enc)) if !s.chars().any(|c| c.is_control() && c != '\t') => (s, enc),
        _ => (format!("#{}", crate::cert::hex_upper(raw)), "hex"),
    }
}

fn utf32be(bytes: &[u8]) -> Option<String> {
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    bytes
        .chunks_exact(4)
        .map(|q| {
            let mut b = [0u8; 4];
            b.copy_from_slice(q);
            char::from_u32(u32::from_be_bytes(b))
        })
        .collect()
}

fn ascii(bytes: &[u8]) -> Option<String> {
    bytes
        .is_ascii()
        .then(|| bytes.iter().map(|&b| char::from(b)).collect())
}

fn utf16be(bytes: &[u8]) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|p| {
        u16::from_be_bytes([
            p.first().copied().unwrap_or(0),
            p.get(1).copied().unwrap_or(0),
        ])
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    use der::Tag;

    fn any(tag: Tag, bytes: &[u8]) -> der::Any {
        der::Any::new(tag, bytes.to_vec()).unwrap()
    }

    #[test]
    fn decodes_each_string_type() {
        assert_eq!(
            decode_value(&any(Tag::Utf8String, "Hà Nội".as_bytes())),
            ("Hà Nội".to_string(), "utf8")
        );
        assert_eq!(
            decode_value(&any(Tag::BmpString, &[0x00, 0x48, 0x00, 0xE0])),
            ("Hà".to_string(), "bmp")
        );
        assert_eq!(
            decode_value(&any(Tag::TeletexString, &[0x4D, 0xE1])),
            ("Má".to_string(), "teletex")
        );
        assert_eq!(
            decode_value(&any(Tag::Integer, &[0x05])),
            ("#020105".to_string(), "hex")
        );
        // Invalid UTF-8 is never shown as text.
        assert_eq!(decode_value(&any(Tag::Utf8String, &[0xFF])).1, "hex");
    }

    #[test]
    fn escapes_separators() {
        assert_eq!(escape("a,b", "utf8"), "a\\,b");
        assert_eq!(escape("#x ", "utf8"), "\\#x\\ ");
    }
}
