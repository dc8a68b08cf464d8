//! Vietnamese identifiers carried in the subject, and e-mail addresses.
//!
//! The government CA writes identifiers into the UID attribute
//! (0.9.2342.19200300.100.1.1) as `PREFIX:value`: `CCCD:001088012345`,
//! `MST:0301519977-029`, `MNS:1234567`; a subject may hold several. Some CAs put the
//! same text in serialNumber (2.5.4.5), so that is read too. E-mail comes from the
//! SubjectAltName rfc822Name or, in older certificates, the EMAILADDRESS attribute.

use serde::Serialize;
use x509_cert::ext::pkix::{SubjectAltName, name::GeneralName};

use crate::cert::name::NameAttr;
use crate::rules::ids::{self, IdKind};

/// An identifier read from the certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Identifier {
    /// `CCCD`, `CMND`, `HC`, `MST`, `MNS`, or `OTHER` for an unknown prefix.
    pub kind: String,
    /// The value without its prefix.
    pub value: String,
    /// The prefix as written (`OTHER` keeps it here, e.g. `BHXH`).
    pub prefix: String,
    /// The attribute it came from (`UID` or `serialNumber`).
    pub source: String,
    /// A format problem code (`cccd_length`, `mst_check_digit`...) or none.
    pub problem: Option<&'static str>,
}

impl Identifier {
    pub fn id_kind(&self) -> Option<IdKind> {
        IdKind::from_prefix(&self.kind)
    }
}

/// Identifiers in the order they appear in the subject.
pub fn identifiers(subject: &[NameAttr]) -> Vec<Identifier> {
    subject
        .iter()
        .filter(|a| a.key == "UID" || a.key == "serialNumber")
        .filter_map(|a| parse_one(&a.value, &a.key))
        .collect()
}

fn parse_one(text: &str, source: &str) -> Option<Identifier> {
    let text = text.trim();
    let (prefix, value) = match text.split_once(':') {
        Some((p, v)) => (p.trim(), v.trim()),
        // A bare serialNumber is not an identifier we can name.
        None if source == "serialNumber" => return None,
        None => ("", text),
    };
    match IdKind::from_prefix(prefix) {
        Some(kind) => Some(Identifier {
            kind: kind.prefix().to_string(),
            value: value.to_string(),
            prefix: prefix.to_string(),
            source: source.to_string(),
            problem: ids::check(kind, value).err().map(|p| p.code()),
        }),
        None if source == "UID" => Some(Identifier {
            kind: "OTHER".to_string(),
            value: value.to_string(),
            prefix: prefix.to_string(),
            source: source.to_string(),
            problem: None,
        }),
        None => None,
    }
}

/// E-mail addresses from the SubjectAltName and the subject's E attribute, without
/// duplicates (compared case-insensitively), SAN first.
pub fn emails(san: Option<&SubjectAltName>, subject: &[NameAttr]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        let s = s.trim();
        if !s.is_empty() && !out.iter().any(|e| e.eq_ignore_ascii_case(s)) {
            out.push(s.to_string());
        }
    };
    if let Some(san) = san {
        for gn in &san.0 {
            if let GeneralName::Rfc822Name(m) = gn {
                push(m.as_str());
            }
        }
    }
    for a in subject
        .iter()
        .filter(|a| a.key == "E" && a.encoding != "hex")
    {
        push(&a.value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uid(v: &str) -> NameAttr {
        NameAttr {
            key: "UID".into(),
            oid: "0.9.2342.19200300.100.1.1".into(),
            value: v.into(),
            encoding: "utf8",
        }
    }

    #[test]
    fn reads_prefixed_uids() {
        let ids = identifiers(&[
            uid("MST:0301519977-029"),
            uid("MNS:1234567"),
            uid("CCCD:00108801234"),
        ]);
        assert_eq!(ids.len(), 3);
        assert_eq!(
            (ids[0].kind.as_str(), ids[0].value.as_str()),
            ("MST", "0301519977-029")
        );
        assert_eq!(ids[0].problem, None);
        assert_eq!(ids[1].kind, "MNS");
        assert_eq!(ids[2].problem, Some("cccd_length"));
        let other = identifiers(&[uid("BHXH:123")]);
        assert_eq!(
            (other[0].kind.as_str(), other[0].prefix.as_str()),
            ("OTHER", "BHXH")
        );
    }
}
