//! Who holds the certificate: a person, an agency, a device/service, or a CA.
//!
//! Decree 68 issues three kinds of subscriber certificate (cá nhân; cơ quan, tổ chức;
//! thiết bị, dịch vụ, phần mềm) and the forms differ by kind, but the certificate has
//! no field that says which. We infer it from what the certificate does say, in a
//! fixed order of strength, and keep the reason so the page can show it.

use serde::Serialize;

use crate::cert::facts::AlgorithmFacts;
use crate::cert::identifiers::Identifier;
use crate::rules::ids::IdKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HolderKind {
    Individual,
    Organization,
    Device,
    Ca,
    Unknown,
}

impl HolderKind {
    pub fn code(self) -> &'static str {
        match self {
            HolderKind::Individual => "individual",
            HolderKind::Organization => "organization",
            HolderKind::Device => "device",
            HolderKind::Ca => "ca",
            HolderKind::Unknown => "unknown",
        }
    }
}

/// What the inference looks at.
pub struct Evidence<'a> {
    pub is_ca: bool,
    pub identifiers: &'a [Identifier],
    pub common_name: Option<&'a str>,
    pub title: Option<&'a str>,
    pub dns_names: &'a [String],
    pub eku: &'a [AlgorithmFacts],
}

/// Words that open the name of a Vietnamese public body or enterprise. Compared
/// case-insensitively on the start of the CN; "Bộ" needs the space so that a
/// personal name is not matched.
const AGENCY_WORDS: &[&str] = &[
    "ủy ban",
    "uỷ ban",
    "ubnd",
    "hđnd",
    "hội đồng",
    "sở ",
    "bộ ",
    "tổng cục",
    "cục ",
    "chi cục",
    "phòng ",
    "văn phòng",
    "ban ",
    "trung tâm",
    "trường",
    "bệnh viện",
    "viện ",
    "kho bạc",
    "công an",
    "tòa án",
    "toà án",
    "viện kiểm sát",
    "công ty",
    "tổng công ty",
    "ngân hàng",
    "đảng ủy",
    "đảng uỷ",
    "huyện ủy",
    "tỉnh ủy",
    "thành ủy",
    "bảo hiểm",
    "đài ",
    "báo ",
    "hợp tác xã",
    "liên đoàn",
    "hội ",
];

/// Infers the holder kind and the reason code.
pub fn infer(e: &Evidence<'_>) -> (HolderKind, &'static str) {
    if e.is_ca {
        return (HolderKind::Ca, "basic_constraints_ca");
    }
    let kinds: Vec<IdKind> = e
        .identifiers
        .iter()
        .filter_map(Identifier::id_kind)
        .collect();
    if kinds.iter().any(|k| k.is_personal()) {
        return (HolderKind::Individual, "personal_identifier");
    }
    if kinds.iter().any(|k| matches!(k, IdKind::Mst | IdKind::Mns)) {
        return (HolderKind::Organization, "organization_identifier");
    }
    let server_auth = e.eku.iter().any(|a| a.oid == "1.3.6.1.5.5.7.3.1");
    let cn_is_host = e
        .common_name
        .is_some_and(|cn| cn.contains('.') && !cn.contains(' ') && cn.is_ascii());
    if !e.dns_names.is_empty() || (server_auth && cn_is_host) {
        return (HolderKind::Device, "dns_name");
    }
    if let Some(cn) = e.common_name {
        let lower = cn.trim().to_lowercase();
        if AGENCY_WORDS.iter().any(|w| lower.starts_with(w)) {
            return (HolderKind::Organization, "agency_name");
        }
    }
    if e.title.is_some() {
        return (HolderKind::Individual, "title_present");
    }
    (HolderKind::Unknown, "no_evidence")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev<'a>(cn: &'a str, ids: &'a [Identifier]) -> Evidence<'a> {
        Evidence {
            is_ca: false,
            identifiers: ids,
            common_name: Some(cn),
            title: None,
            dns_names: &[],
            eku: &[],
        }
    }

    #[test]
    fn agency_names_and_people() {
        assert_eq!(
            infer(&ev("TỔNG CỤC THUẾ", &[])),
            (HolderKind::Organization, "agency_name")
        );
        assert_eq!(infer(&ev("Bộ Tài chính", &[])).0, HolderKind::Organization);
        // A personal name starting with the same letters is not an agency.
        assert_eq!(
            infer(&ev("Bội Thị Lan", &[])),
            (HolderKind::Unknown, "no_evidence")
        );
    }
}
