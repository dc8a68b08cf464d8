//! The provinces and centrally-run cities since 1 July 2025, and the names that no
//! longer exist.
//!
//! Source: Nghị quyết 202/2025/QH15 (12/6/2025) of the National Assembly on the
//! rearrangement of provincial units, in force 01/7/2025: 34 units (28 provinces, 6
//! cities) from 63. Luật Tổ chức chính quyền địa phương 2025 (Luật 72/2025/QH15)
//! ends the district level (huyện, quận, thị xã) the same day. A certificate whose
//! names still carry a merged province or a district is exactly one that needs a
//! change of details or a revocation (seed 002). This list is the only copy.

/// The first day of the 34-unit map.
pub const SINCE: (i32, u32, u32) = (2025, 7, 1);

/// Where the list comes from, printed beside the rule.
pub const SOURCE: &str = "Nghị quyết 202/2025/QH15 (sắp xếp đơn vị hành chính cấp tỉnh, từ 01/7/2025); Luật Tổ chức chính quyền địa phương 2025 (không còn cấp huyện)";

/// The six centrally-run cities ("thành phố").
const CITIES: [&str; 6] = [
    "Hà Nội",
    "Hải Phòng",
    "Huế",
    "Đà Nẵng",
    "Hồ Chí Minh",
    "Cần Thơ",
];

/// The 28 provinces ("tỉnh").
const PROVINCES: [&str; 28] = [
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Đồng Nai",
    "Tây Ninh",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
    "Cao Bằng",
    "Điện Biên",
    "Hà Tĩnh",
    "Lai Châu",
    "Lạng Sơn",
    "Nghệ An",
    "Quảng Ninh",
    "Thanh Hóa",
    "Sơn La",
];

/// The 29 names merged away on 01/7/2025 (and Thừa Thiên Huế, renamed Huế), with the
/// unit that took them over.
const MERGED: [(&str, &str); 30] = [
    ("Hà Giang", "Tuyên Quang"),
    ("Yên Bái", "Lào Cai"),
    ("Bắc Kạn", "Thái Nguyên"),
    ("Vĩnh Phúc", "Phú Thọ"),
    ("Hòa Bình", "Phú Thọ"),
    ("Bắc Giang", "Bắc Ninh"),
    ("Thái Bình", "Hưng Yên"),
    ("Hà Nam", "Ninh Bình"),
    ("Nam Định", "Ninh Bình"),
    ("Quảng Bình", "Quảng Trị"),
    ("Kon Tum", "Quảng Ngãi"),
    ("Bình Định", "Gia Lai"),
    ("Ninh Thuận", "Khánh Hòa"),
    ("Đắk Nông", "Lâm Đồng"),
    ("Bình Thuận", "Lâm Đồng"),
    ("Phú Yên", "Đắk Lắk"),
    ("Bình Phước", "Đồng Nai"),
    ("Long An", "Tây Ninh"),
    ("Bến Tre", "Vĩnh Long"),
    ("Trà Vinh", "Vĩnh Long"),
    ("Tiền Giang", "Đồng Tháp"),
    ("Bạc Liêu", "Cà Mau"),
    ("Kiên Giang", "An Giang"),
    ("Hải Dương", "Hải Phòng"),
    ("Quảng Nam", "Đà Nẵng"),
    ("Bình Dương", "Hồ Chí Minh"),
    ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
    ("Sóc Trăng", "Cần Thơ"),
    ("Hậu Giang", "Cần Thơ"),
    ("Thừa Thiên Huế", "Huế"),
];

/// The words of the district level, gone since 01/7/2025.
const DISTRICT_WORDS: [&str; 3] = ["huyện", "quận", "thị xã"];

/// What a province column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProvinceStatus {
    /// One of the 34, by its name.
    Current(&'static str),
    /// A name merged away; the unit that took it over.
    Merged { into: &'static str },
    /// Neither: misspelt, or not a province.
    Unknown,
}

/// Lower case, "tỉnh"/"thành phố"/"TP." dropped, dashes and spaces evened out.
fn key(name: &str) -> String {
    let lower = name.trim().to_lowercase().replace(['–', '—'], "-");
    let mut s = lower.as_str();
    for prefix in ["thành phố ", "tp. ", "tp.", "tp ", "tỉnh "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
            break;
        }
    }
    s.replace(" - ", "-")
        .replace("-", " - ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Judges a province name as written in a row.
pub fn judge(name: &str) -> ProvinceStatus {
    let k = key(name);
    if k == "hcm" || k == "tp hcm" || k == "tphcm" {
        return ProvinceStatus::Current("Hồ Chí Minh");
    }
    if let Some(c) = CITIES.iter().chain(PROVINCES.iter()).find(|c| key(c) == k) {
        return ProvinceStatus::Current(c);
    }
    match MERGED.iter().find(|(old, _)| key(old) == k) {
        Some((_, into)) => ProvinceStatus::Merged { into },
        None => ProvinceStatus::Unknown,
    }
}

/// "tỉnh Ninh Bình", "thành phố Huế": the name with its unit, as an addressee is
/// written. A name typed with its unit, or not in the list, is kept as typed.
pub fn with_unit(name: &str) -> String {
    let t = name.trim();
    let lower = t.to_lowercase();
    if lower.starts_with("tỉnh ") || lower.starts_with("thành phố ") {
        return t.to_string();
    }
    match judge(t) {
        ProvinceStatus::Current(c) if CITIES.contains(&c) => format!("thành phố {c}"),
        ProvinceStatus::Current(c) => format!("tỉnh {c}"),
        _ => format!("tỉnh {t}"),
    }
}

/// Whether `needle` occurs in `hay` as whole words (no letter on either side).
fn contains_words(hay: &str, needle: &str) -> bool {
    let mut start = 0;
    while let Some(pos) = hay.get(start..).and_then(|h| h.find(needle)) {
        let at = start + pos;
        let before = hay.get(..at).and_then(|b| b.chars().next_back());
        let after = hay.get(at + needle.len()..).and_then(|a| a.chars().next());
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        start = at + needle.len().max(1);
    }
    false
}

/// The stale parts of a certificate's names (O, OU, L, ST): each one that names a
/// district (huyện, quận, thị xã) or a merged province, as written.
pub fn stale_names<'a>(parts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    parts
        .into_iter()
        .filter(|p| {
            let lower = p.to_lowercase().replace(['–', '—'], "-");
            DISTRICT_WORDS.iter().any(|w| contains_words(&lower, w))
                || MERGED
                    .iter()
                    .any(|(old, _)| contains_words(&lower, &old.to_lowercase()))
        })
        .map(|p| p.trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_four_units_and_sixty_three_before() {
        // Source: Nghị quyết 202/2025/QH15: 63 units became 34.
        assert_eq!(CITIES.len() + PROVINCES.len(), 34);
        let merged_away = MERGED
            .iter()
            .filter(|(o, _)| *o != "Thừa Thiên Huế")
            .count();
        assert_eq!(34 + merged_away, 63);
        for (_, into) in MERGED {
            assert!(matches!(judge(into), ProvinceStatus::Current(_)), "{into}");
        }
    }

    #[test]
    fn names_as_clerks_write_them() {
        assert_eq!(
            judge("Tỉnh Ninh Bình"),
            ProvinceStatus::Current("Ninh Bình")
        );
        assert_eq!(
            judge("TP. Hồ Chí Minh"),
            ProvinceStatus::Current("Hồ Chí Minh")
        );
        assert_eq!(judge("thành phố Huế"), ProvinceStatus::Current("Huế"));
        assert_eq!(
            judge("Bà Rịa-Vũng Tàu"),
            ProvinceStatus::Merged {
                into: "Hồ Chí Minh"
            }
        );
        assert_eq!(
            judge("Hà Nam"),
            ProvinceStatus::Merged { into: "Ninh Bình" }
        );
        assert_eq!(judge("Ninh Binh"), ProvinceStatus::Unknown);
        assert_eq!(with_unit("Ninh Bình"), "tỉnh Ninh Bình");
        assert_eq!(with_unit("Huế"), "thành phố Huế");
        assert_eq!(with_unit("tỉnh Đồng Tháp"), "tỉnh Đồng Tháp");
    }

    #[test]
    fn stale_certificate_names() {
        let parts = [
            "UBND huyện Bảo Lâm",
            "Sở Nội vụ tỉnh Hà Nam",
            "UBND tỉnh Cao Bằng",
            "Cao Bằng",
        ];
        assert_eq!(
            stale_names(parts),
            vec!["UBND huyện Bảo Lâm", "Sở Nội vụ tỉnh Hà Nam"]
        );
    }
}
