//! The SHA-1 policy, in one place.
//!
//! SHA-1 is broken for collisions (SHAttered, 2017; chosen-prefix collisions,
//! "SHA-1 is a Shambles", 2020), so a SHA-1 signature only proves something if it is
//! shown to have existed before collisions became practical. Here:
//!
//! - SHA-1 is still accepted to *read* integrity (a SHA-1 message digest that matches
//!   tells that the bytes are those signed, barring a collision attack);
//! - a signature whose digest or signature algorithm is SHA-1 is at best
//!   INDETERMINATE / CRYPTO_CONSTRAINTS_FAILURE_NO_POE, unless a proof of existence
//!   (a verified time-stamp whose own algorithms are not SHA-1) dates it before
//!   [`SHA1_SIGNATURE_RETIREMENT`].
//!
//! The date, 2019-01-01T00:00:00Z: ETSI TS 119 312 (V1.2.1, 2017-05, §7 and Table 4)
//! ends SHA-1's suitability for new signatures, and the Vietnamese government CA
//! (Ban Cơ yếu Chính phủ) issues SHA-256 certificates under its G2 hierarchy; the exact
//! date of its migration is not confirmed here, so the ETSI-based date is used and can
//! be changed in this one constant.

use crate::crypto::HashAlg;
use crate::time::Instant;

/// After this instant, a SHA-1 signature needs a proof of existence from before it.
pub const SHA1_SIGNATURE_RETIREMENT: Instant = Instant::from_unix(1_546_300_800);

/// Whether hash `alg` is acceptable for a signature proven to exist at `poe`.
pub fn hash_acceptable(alg: HashAlg, poe: Option<Instant>) -> bool {
    match alg {
        HashAlg::Sha1 => poe.is_some_and(|t| t < SHA1_SIGNATURE_RETIREMENT),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retirement_is_2019() {
        assert_eq!(
            SHA1_SIGNATURE_RETIREMENT.to_rfc3339(),
            "2019-01-01T00:00:00Z"
        );
        let before = Instant::parse_rfc3339("2018-06-01T00:00:00Z");
        let after = Instant::parse_rfc3339("2020-06-01T00:00:00Z");
        assert!(hash_acceptable(HashAlg::Sha1, before));
        assert!(!hash_acceptable(HashAlg::Sha1, after));
        assert!(!hash_acceptable(HashAlg::Sha1, None));
        assert!(hash_acceptable(HashAlg::Sha256, None));
    }
}
