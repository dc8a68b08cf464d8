//! Vietnamese mobile numbers.
//!
//! Since the 2018 renumbering (Circular 22/2014/TT-BTTTT as amended; Ministry of
//! Information and Communications plan of 2018), mobile numbers have 10 digits and
//! start with 03, 05, 07, 08 or 09; written internationally as +84 followed by the
//! nine digits after the leading 0.

use serde::Serialize;

/// Prefixes of mobile numbers (the first two digits of the national form).
pub const MOBILE_PREFIXES: &[&str] = &["03", "05", "07", "08", "09"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneProblem {
    /// Characters other than digits, spaces, dots, dashes, parentheses, leading +.
    Characters,
    /// Not 10 digits in the national form.
    Length,
    /// 10 digits but not a mobile prefix (a landline, an old 11-digit number...).
    Prefix,
}

impl PhoneProblem {
    pub fn code(self) -> &'static str {
        match self {
            PhoneProblem::Characters => "phone_characters",
            PhoneProblem::Length => "phone_length",
            PhoneProblem::Prefix => "phone_prefix",
        }
    }
}

/// Checks a mobile number and returns it in the national 10-digit form
/// (`0912 345 678`, `+84 912.345.678`, `84912345678` → `0912345678`).
pub fn check_mobile(text: &str) -> Result<String, PhoneProblem> {
    let t = text.trim();
    let (international, rest) = match t.strip_prefix('+') {
        Some(r) => (true, r),
        None => (false, t),
    };
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')'))
    {
        return Err(PhoneProblem::Characters);
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let national = if international {
        match digits.strip_prefix("84") {
            Some(d) => format!("0{}", d.strip_prefix('0').unwrap_or(d)),
            None => return Err(PhoneProblem::Prefix),
        }
    } else if digits.len() == 11 && digits.starts_with("84") {
        format!("0{}", digits.get(2..).unwrap_or_default())
    } else {
        digits
    };
    if national.len() != 10 {
        return Err(PhoneProblem::Length);
    }
    if !MOBILE_PREFIXES.iter().any(|p| national.starts_with(p)) {
        return Err(PhoneProblem::Prefix);
    }
    Ok(national)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles() {
        assert_eq!(check_mobile("0912345678").as_deref(), Ok("0912345678"));
        assert_eq!(check_mobile("0989.788.170").as_deref(), Ok("0989788170"));
        assert_eq!(check_mobile("+84 912 345 678").as_deref(), Ok("0912345678"));
        assert_eq!(
            check_mobile("+84 (0)912345678").as_deref(),
            Ok("0912345678")
        );
        assert_eq!(check_mobile("84356789012").as_deref(), Ok("0356789012"));
        assert_eq!(check_mobile("0206.3955899"), Err(PhoneProblem::Length));
        assert_eq!(check_mobile("0241234567"), Err(PhoneProblem::Prefix));
        assert_eq!(check_mobile("01234567890"), Err(PhoneProblem::Length));
        assert_eq!(check_mobile("091234567"), Err(PhoneProblem::Length));
        assert_eq!(check_mobile("0912-345-67a"), Err(PhoneProblem::Characters));
        assert_eq!(check_mobile("+1 912 345 678"), Err(PhoneProblem::Prefix));
        assert_eq!(check_mobile(""), Err(PhoneProblem::Length));
    }
}
