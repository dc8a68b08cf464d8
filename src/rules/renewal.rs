//! May this certificate still be renewed or have its details changed?
//!
//! The provincial guide to Decree 68/2024/NĐ-CP (seed 000, items 6 and 7): a renewal
//! ("gia hạn") or a change of details ("thay đổi nội dung thông tin") is accepted only
//! while the certificate has at least 30 days of validity left, and a certificate is
//! renewed once only ("chỉ được đề nghị gia hạn 01 lần", seed 000 item 6). The older
//! regime (Decree 130/2018/NĐ-CP, art. 63 and 65) said 60 days; the numbers live here
//! alone.

use serde::Serialize;

use crate::time::{InPeriod, Instant, in_period};

/// Minimum whole days of validity left for a renewal or change request.
/// Source: the provincial guide to Decree 68/2024/NĐ-CP, seed 000 items 6-7.
pub const MIN_DAYS_LEFT: i64 = 30;

/// Up to this many days left the request is still accepted but tight: the CA needs
/// working days to process it (seed 000 gives the Cục working days for each step),
/// so a letter sent with 30-35 days left may arrive too late. A warning, not a rule.
pub const TIGHT_DAYS_LEFT: i64 = 35;

/// Renewal is once per certificate (seed 000 item 6). A renewal keeps the key pair:
/// the new certificate is installed on the same token. So a certificate of the same
/// subject and the same public key that expires later means this one was renewed.
pub fn already_renewed(
    subject_dn: &str,
    key_sha256: &str,
    not_after: Instant,
    others: &[(&str, &str, Instant)],
) -> bool {
    !key_sha256.is_empty()
        && others
            .iter()
            .any(|(s, k, na)| *s == subject_dn && *k == key_sha256 && *na > not_after)
}

/// The outcome, as data: the page words it in one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Eligibility {
    pub eligible: bool,
    pub reason: EligibilityReason,
    pub days_left: i64,
    pub min_days_left: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EligibilityReason {
    /// At least [`MIN_DAYS_LEFT`] days remain.
    EnoughDaysLeft,
    /// Still valid, but fewer than [`MIN_DAYS_LEFT`] days remain: request a new
    /// certificate instead.
    TooFewDaysLeft,
    /// Already expired: only a new certificate is possible.
    Expired,
    /// Not valid yet: nothing to renew.
    NotYetValid,
    /// A CA certificate is not renewed through these letters.
    CaCertificate,
    /// A revoked certificate cannot be renewed or changed.
    Revoked,
    /// The certificate failed a check of its own chain (bad signature, issuer not a
    /// CA...): it is not a certificate the CA issued as it stands.
    ChainInvalid,
}

impl EligibilityReason {
    pub fn code(self) -> &'static str {
        match self {
            EligibilityReason::EnoughDaysLeft => "enough_days_left",
            EligibilityReason::TooFewDaysLeft => "too_few_days_left",
            EligibilityReason::Expired => "expired",
            EligibilityReason::NotYetValid => "not_yet_valid",
            EligibilityReason::CaCertificate => "ca_certificate",
            EligibilityReason::Revoked => "revoked",
            EligibilityReason::ChainInvalid => "chain_invalid",
        }
    }
}

/// What chain validation found, as far as renewal cares. Renewal has its own small
/// type so that the rules do not depend on path validation (`report::renewal_finding`
/// maps a chain status to it, once).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainFinding {
    /// Trusted, or not known to be bad: an incomplete or untrusted chain (the clerk
    /// often has only the leaf file) does not block renewal.
    NotBlocking,
    /// A certificate on the path is revoked.
    Revoked,
    /// A path to an anchor exists but a check failed.
    Invalid,
}

/// Judges renewal/change eligibility at `at`, given what chain validation found.
/// An incomplete or untrusted chain does not block it (the clerk often has only
/// the leaf file); a revoked or broken one does.
pub fn eligibility(
    not_before: Instant,
    not_after: Instant,
    is_ca: bool,
    chain: ChainFinding,
    at: Instant,
) -> Eligibility {
    let days_left = at.whole_days_until(not_after);
    let reason = if is_ca {
        EligibilityReason::CaCertificate
    } else if chain == ChainFinding::Revoked {
        EligibilityReason::Revoked
    } else if in_period(at, not_before, not_after) == InPeriod::Before {
        EligibilityReason::NotYetValid
    } else if in_period(at, not_before, not_after) == InPeriod::After {
        EligibilityReason::Expired
    } else if chain == ChainFinding::Invalid {
        EligibilityReason::ChainInvalid
    } else if days_left >= MIN_DAYS_LEFT {
        EligibilityReason::EnoughDaysLeft
    } else {
        EligibilityReason::TooFewDaysLeft
    };
    Eligibility {
        eligible: reason == EligibilityReason::EnoughDaysLeft,
        reason,
        days_left,
        min_days_left: MIN_DAYS_LEFT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Instant {
        Instant::parse_rfc3339(s).unwrap()
    }

    #[test]
    fn thirty_days_is_the_line() {
        let nb = t("2024-01-01T00:00:00Z");
        let na = t("2026-12-31T00:00:00Z");
        let ok = ChainFinding::NotBlocking;
        let e = eligibility(nb, na, false, ok, t("2026-12-01T00:00:00Z"));
        assert_eq!((e.eligible, e.days_left), (true, 30));
        let e = eligibility(nb, na, false, ok, t("2026-12-01T00:00:01Z"));
        assert_eq!(
            (e.eligible, e.reason),
            (false, EligibilityReason::TooFewDaysLeft)
        );
        let e = eligibility(
            nb,
            na,
            false,
            ChainFinding::Invalid,
            t("2027-01-01T00:00:00Z"),
        );
        assert_eq!(e.reason, EligibilityReason::Expired);
        let e = eligibility(nb, na, false, ok, t("2023-01-01T00:00:00Z"));
        assert_eq!(e.reason, EligibilityReason::NotYetValid);
        let e = eligibility(nb, na, true, ok, t("2025-01-01T00:00:00Z"));
        assert_eq!(
            (e.eligible, e.reason),
            (false, EligibilityReason::CaCertificate)
        );
        let e = eligibility(
            nb,
            na,
            false,
            ChainFinding::Revoked,
            t("2025-01-01T00:00:00Z"),
        );
        assert_eq!((e.eligible, e.reason), (false, EligibilityReason::Revoked));
        let e = eligibility(
            nb,
            na,
            false,
            ChainFinding::Invalid,
            t("2025-01-01T00:00:00Z"),
        );
        assert_eq!(
            (e.eligible, e.reason),
            (false, EligibilityReason::ChainInvalid)
        );
    }
}
