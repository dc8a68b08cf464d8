//! Identifier formats: CCCD, CMND, tax code (MST), budget-relation code (MNS),
//! passport (HC).
//!
//! Sources: Law on Identification 2023 (12-digit CCCD; the old 9- or 12-digit CMND
//! is valid only until 31/12/2024, art. 46.2), Circular 86/2024/TT-BTC (tax code
//! structure and check digit; it replaced Circular 105/2020/TT-BTC), Circular
//! 185/2015/TT-BTC (7-digit budget-relation code). Certificates carry them in the
//! subject's UID attribute as `PREFIX:value` (see `cert::identifiers`).

use serde::Serialize;

/// The last day a CMND (chứng minh nhân dân) is valid: Luật Căn cước 2023, art. 46.2.
/// From 01/01/2025 a CMND number in a letter is a warning: the holder now has a căn
/// cước (CCCD).
pub const CMND_VALID_UNTIL: (i32, u32, u32) = (2024, 12, 31);

/// The kinds of identifier a Vietnamese certificate or letter carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum IdKind {
    /// Căn cước công dân / căn cước: 12 digits.
    #[serde(rename = "CCCD")]
    Cccd,
    /// Chứng minh nhân dân: 9 or 12 digits.
    #[serde(rename = "CMND")]
    Cmnd,
    /// Hộ chiếu (passport): a letter and 7 digits for Vietnamese passports; foreign
    /// passports vary, so only the character set is checked.
    #[serde(rename = "HC")]
    Hc,
    /// Mã số thuế: 10 digits, or 10 + "-" + 3 for a dependent unit.
    #[serde(rename = "MST")]
    Mst,
    /// Mã số đơn vị có quan hệ với ngân sách: 7 digits.
    #[serde(rename = "MNS")]
    Mns,
}

impl IdKind {
    /// The prefix written before the value in a certificate's UID (`CCCD:...`).
    pub fn prefix(self) -> &'static str {
        match self {
            IdKind::Cccd => "CCCD",
            IdKind::Cmnd => "CMND",
            IdKind::Hc => "HC",
            IdKind::Mst => "MST",
            IdKind::Mns => "MNS",
        }
    }

    pub fn from_prefix(prefix: &str) -> Option<IdKind> {
        let p = prefix.trim().to_ascii_uppercase();
        [
            IdKind::Cccd,
            IdKind::Cmnd,
            IdKind::Hc,
            IdKind::Mst,
            IdKind::Mns,
        ]
        .into_iter()
        .find(|k| k.prefix() == p)
    }

    /// True for identifiers of people; false for those of organisations.
    pub fn is_personal(self) -> bool {
        matches!(self, IdKind::Cccd | IdKind::Cmnd | IdKind::Hc)
    }
}

/// Why an identifier is malformed. The code is what the UI and CLI translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IdProblem {
    /// CCCD must be exactly 12 digits.
    CccdLength,
    /// CMND must be 9 or 12 digits.
    CmndLength,
    /// MST must be 10 digits or 10-3.
    MstFormat,
    /// The 10th digit of the MST does not match its check digit.
    MstCheckDigit,
    /// MNS must be 7 digits.
    MnsLength,
    /// A passport number holds letters and digits only, 6 to 12 of them.
    HcFormat,
}

impl IdProblem {
    pub fn code(self) -> &'static str {
        match self {
            IdProblem::CccdLength => "cccd_length",
            IdProblem::CmndLength => "cmnd_length",
            IdProblem::MstFormat => "mst_format",
            IdProblem::MstCheckDigit => "mst_check_digit",
            IdProblem::MnsLength => "mns_length",
            IdProblem::HcFormat => "hc_format",
        }
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks `value` (without prefix, already trimmed) against the format of `kind`.
pub fn check(kind: IdKind, value: &str) -> Result<(), IdProblem> {
    match kind {
        IdKind::Cccd if all_digits(value) && value.len() == 12 => Ok(()),
        IdKind::Cccd => Err(IdProblem::CccdLength),
        IdKind::Cmnd if all_digits(value) && matches!(value.len(), 9 | 12) => Ok(()),
        IdKind::Cmnd => Err(IdProblem::CmndLength),
        IdKind::Mns if all_digits(value) && value.len() == 7 => Ok(()),
        IdKind::Mns => Err(IdProblem::MnsLength),
        IdKind::Hc
            if (6..=12).contains(&value.len())
                && value.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            Ok(())
        }
        IdKind::Hc => Err(IdProblem::HcFormat),
        IdKind::Mst => check_tax_code(value),
    }
}

/// A personal number as written in a letter or a list, without a prefix: 12 digits
/// are a CCCD (since 2016 every new number has 12 digits; a 12-digit CMND must be
/// written `CMND:…`, see [`write_personal`]), 9 digits a CMND, letters and digits a
/// passport. Spaces are ignored. Any other length of digits is named after the
/// nearer format.
pub fn classify_personal(value: &str) -> Result<IdKind, IdProblem> {
    let compact: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    if all_digits(&compact) {
        match compact.len() {
            12 => Ok(IdKind::Cccd),
            9 => Ok(IdKind::Cmnd),
            n if n < 9 => Err(IdProblem::CmndLength),
            _ => Err(IdProblem::CccdLength),
        }
    } else {
        check(IdKind::Hc, &compact).map(|()| IdKind::Hc)
    }
}

/// A personal ID written so that [`classify_personal`] (or the prefix) reads the same
/// kind back: bare, except a 12-digit CMND, which bare would read as a CCCD.
pub fn write_personal(kind: IdKind, value: &str) -> String {
    match kind {
        IdKind::Cmnd if value.len() == 12 => format!("{}:{value}", kind.prefix()),
        _ => value.to_owned(),
    }
}

/// Weights of the tax-code check digit over digits 1-9 (Circular 86/2024/TT-BTC, as in
/// Circular 105/2020/TT-BTC before it).
const MST_WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/// `0301519977` or `0301519977-029`: ten digits whose tenth is the check digit:
/// r = Σ digitᵢ·weightᵢ mod 11; check = 10 − r (r = 10 gives 0; r = 0 is invalid).
pub fn check_tax_code(value: &str) -> Result<(), IdProblem> {
    let (main, branch) = match value.split_once('-') {
        Some((m, b)) => (m, Some(b)),
        None => (value, None),
    };
    if !all_digits(main) || main.len() != 10 {
        return Err(IdProblem::MstFormat);
    }
    if let Some(b) = branch
        && (!all_digits(b) || b.len() != 3)
    {
        return Err(IdProblem::MstFormat);
    }
    let digits: Vec<u32> = main.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = digits
        .iter()
        .zip(MST_WEIGHTS.iter())
        .map(|(d, w)| d * w)
        .sum();
    let r = sum % 11;
    let expected = match r {
        0 => return Err(IdProblem::MstCheckDigit),
        10 => 0,
        r => 10 - r,
    };
    if digits.get(9).copied() == Some(expected) {
        Ok(())
    } else {
        Err(IdProblem::MstCheckDigit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_numbers_are_classified_and_written_back_as_the_same_kind() {
        assert_eq!(classify_personal("001088012345"), Ok(IdKind::Cccd));
        assert_eq!(classify_personal(" 001 088 012 345 "), Ok(IdKind::Cccd));
        assert_eq!(classify_personal("123456789"), Ok(IdKind::Cmnd));
        assert_eq!(classify_personal("B1234567"), Ok(IdKind::Hc));
        assert_eq!(classify_personal("12345678"), Err(IdProblem::CmndLength));
        assert_eq!(classify_personal("1234567890"), Err(IdProblem::CccdLength));
        assert_eq!(classify_personal("B12"), Err(IdProblem::HcFormat));
        // What a certificate says it is, written into a letter, reads back as that.
        for (kind, value) in [
            (IdKind::Cccd, "001088012345"),
            (IdKind::Cmnd, "123456789"),
            (IdKind::Cmnd, "001088012345"),
            (IdKind::Hc, "B1234567"),
        ] {
            let written = write_personal(kind, value);
            let read = match written.split_once(':') {
                Some((prefix, v)) => IdKind::from_prefix(prefix)
                    .filter(|k| check(*k, v).is_ok())
                    .ok_or(IdProblem::CmndLength),
                None => classify_personal(&written),
            };
            assert_eq!(read, Ok(kind), "{written}");
        }
    }

    #[test]
    fn tax_codes() {
        // A real tax code of a tax department (from the G1 fixture certificate).
        assert_eq!(check_tax_code("0301519977"), Ok(()));
        assert_eq!(check_tax_code("0301519977-029"), Ok(()));
        assert_eq!(check_tax_code("0301519978"), Err(IdProblem::MstCheckDigit));
        assert_eq!(check_tax_code("0301519977-29"), Err(IdProblem::MstFormat));
        assert_eq!(check_tax_code("030151997"), Err(IdProblem::MstFormat));
        assert_eq!(check_tax_code("03015199７7"), Err(IdProblem::MstFormat));
        assert_eq!(check_tax_code(""), Err(IdProblem::MstFormat));
    }

    #[test]
    fn personal_ids() {
        assert_eq!(check(IdKind::Cccd, "001088012345"), Ok(()));
        assert_eq!(
            check(IdKind::Cccd, "00108801234"),
            Err(IdProblem::CccdLength)
        );
        assert_eq!(check(IdKind::Cmnd, "123456789"), Ok(()));
        assert_eq!(
            check(IdKind::Cmnd, "1234567890"),
            Err(IdProblem::CmndLength)
        );
        assert_eq!(check(IdKind::Mns, "1234567"), Ok(()));
        assert_eq!(check(IdKind::Mns, "123456"), Err(IdProblem::MnsLength));
        assert_eq!(check(IdKind::Hc, "B1234567"), Ok(()));
        assert_eq!(check(IdKind::Hc, "B12-4567"), Err(IdProblem::HcFormat));
        assert_eq!(IdKind::from_prefix(" mst "), Some(IdKind::Mst));
        assert_eq!(IdKind::from_prefix("BHXH"), None);
    }
}
