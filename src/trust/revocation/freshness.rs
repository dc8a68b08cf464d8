//! The time rules: which instant the evidence must speak for, whether a piece of
//! evidence is fresh enough for it, whether it still speaks about an expired
//! certificate, and which revocations void a time-stamp.

use super::{Origin, RevSource, RevStatus};
use crate::time::Instant;
use crate::trust::RevocationReason;

/// How long a CRL or OCSP response without nextUpdate counts after its thisUpdate.
///
/// Evidence without a nextUpdate promises nothing beyond the moment it was issued
/// (RFC 6960 §2.4: "newer revocation information is available all the time"); like
/// pyhanko-certvalidator (`FRESHNESS_FALLBACK_VALIDITY_DEFAULT`) it is given half an
/// hour.
pub const NO_NEXT_UPDATE_SECS: i64 = 30 * 60;

/// The instant the revocation evidence for a signature must speak for.
///
/// With a proof of existence (a verified time-stamp), the proven time: evidence
/// issued at or after it, or current at it, shows the certificate was not revoked
/// when the signature was made.
///
/// Without one, the claimed time proves nothing (the signer may have set the clock
/// back to before a revocation). ETSI EN 319 102-1 §5.5 (validation of signatures
/// with time) sets the best-signature-time to the current time when there is no
/// POE, and the revocation freshness checker (§5.2.5) accepts evidence only when
/// it is fresh at that time: with no freshness constraint given, its maximum age
/// is nextUpdate − thisUpdate, that is, the evidence is fresh when its nextUpdate
/// (or, without one, thisUpdate + [`NO_NEXT_UPDATE_SECS`]) is at or after the
/// validation time, or it was issued at or after it. So a CRL issued after the
/// claimed time but out of date now does not count (INDETERMINATE / TRY_LATER);
/// one listing a revocation still counts (REVOKED_NO_POE, §5.2.6).
pub fn evidence_time(proven: bool, signing_time: Instant, validation_time: Instant) -> Instant {
    if proven {
        signing_time
    } else {
        validation_time
    }
}

/// Whether an OCSP "good" about a certificate whose validity ends at `not_after`
/// counts: one produced after the expiry does only when its archiveCutoff
/// (RFC 6960 §4.4.4) is at or before `not_after`, the OCSP counterpart of
/// [`crate::trust::Crl::speaks_for_expiry`].
pub fn ocsp_speaks_for_expiry(
    this_update: Instant,
    archive_cutoff: Option<Instant>,
    not_after: Instant,
) -> bool {
    this_update <= not_after || archive_cutoff.is_some_and(|d| d <= not_after)
}

/// "Not revoked" evidence issued at `issued` (valid until `next`), judged for `t`:
/// fresh (issued at or after `t`), current at `t`, or too old.
pub(crate) fn judge(
    source: RevSource,
    origin: Origin,
    issued: Instant,
    next: Option<Instant>,
    t: Instant,
) -> RevStatus {
    let until = next.or_else(|| issued.checked_add_secs(NO_NEXT_UPDATE_SECS));
    if issued >= t {
        RevStatus::Good {
            source,
            origin,
            issued,
            fresh: true,
        }
    } else if until.is_some_and(|n| n >= t) {
        RevStatus::Good {
            source,
            origin,
            issued,
            fresh: false,
        }
    } else {
        RevStatus::Stale {
            source,
            origin,
            issued,
        }
    }
}

/// The stronger of two answers: fresh good, good, stale, silent after expiry,
/// nothing.
pub(crate) fn better(a: RevStatus, b: RevStatus) -> RevStatus {
    let rank = |s: &RevStatus| match s {
        RevStatus::Good { fresh: true, .. } => 4,
        RevStatus::Good { .. } => 3,
        RevStatus::Stale { .. } => 2,
        RevStatus::AfterExpiry { .. } => 1,
        _ => 0,
    };
    if rank(&b) > rank(&a) { b } else { a }
}

/// RFC 3161 §4: a TSA certificate revoked for a reason that leaves its key sound
/// (unspecified, affiliationChanged, superseded, cessationOfOperation) voids the
/// tokens made from the revocation on; revoked for keyCompromise, for any other
/// reason or for none given, it voids every token the key ever signed.
pub fn voids_timestamp(at: Instant, reason: Option<RevocationReason>, gen_time: Instant) -> bool {
    use RevocationReason::*;
    match reason {
        Some(Unspecified | AffiliationChanged | Superseded | CessationOfOperation) => {
            at <= gen_time
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trust::Crl;

    fn at(s: &str) -> Instant {
        Instant::parse_rfc3339(s).expect("an RFC 3339 time")
    }

    fn j(issued: Instant, next: Option<Instant>, t: Instant) -> RevStatus {
        judge(RevSource::Ocsp, Origin::Embedded, issued, next, t)
    }

    #[test]
    fn evidence_without_next_update_covers_half_an_hour() {
        let t = at("2026-06-01T03:00:00Z");
        let fresh = j(at("2026-06-01T03:00:00Z"), None, t);
        assert!(matches!(fresh, RevStatus::Good { fresh: true, .. }));
        let just_before = j(at("2026-06-01T02:35:00Z"), None, t);
        assert!(matches!(just_before, RevStatus::Good { fresh: false, .. }));
        let day_before = j(at("2026-05-31T03:00:00Z"), None, t);
        assert!(matches!(day_before, RevStatus::Stale { .. }));
        let window = j(
            at("2026-05-01T00:00:00Z"),
            Some(at("2026-05-08T00:00:00Z")),
            t,
        );
        assert!(matches!(window, RevStatus::Stale { .. }));
    }

    #[test]
    fn without_poe_the_evidence_speaks_for_the_validation_time() {
        let claimed = at("2026-08-12T03:00:00Z");
        let now = at("2026-09-01T00:00:00Z");
        assert_eq!(evidence_time(true, claimed, now), claimed);
        assert_eq!(evidence_time(false, claimed, now), now);
        // A CRL issued after the claim, out of date now: fresh for the claim only.
        let (this, next) = (at("2026-08-17T00:00:00Z"), Some(at("2026-08-24T00:00:00Z")));
        assert!(matches!(
            j(this, next, evidence_time(true, claimed, now)),
            RevStatus::Good { fresh: true, .. }
        ));
        assert!(matches!(
            j(this, next, evidence_time(false, claimed, now)),
            RevStatus::Stale { .. }
        ));
    }

    #[test]
    fn evidence_after_expiry_needs_a_promise_to_keep_expired_certificates() {
        let not_after = at("2026-07-01T00:00:00Z");
        let before = at("2026-06-30T00:00:00Z");
        let after = at("2026-08-31T00:00:00Z");
        assert!(ocsp_speaks_for_expiry(before, None, not_after));
        assert!(!ocsp_speaks_for_expiry(after, None, not_after));
        assert!(ocsp_speaks_for_expiry(after, Some(before), not_after));
        assert!(!ocsp_speaks_for_expiry(after, Some(after), not_after));
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/signed/pki/fresh");
        let crl = |n: &str| {
            Crl::from_der(&std::fs::read(dir.join(n)).expect("a fixture CRL")).expect("a CRL")
        };
        let (current, archive) = (crl("current.crl"), crl("archive.crl"));
        assert_eq!(current.expired_certs_on_crl(), None);
        assert_eq!(
            archive.expired_certs_on_crl(),
            Some(at("2015-01-01T00:00:00Z"))
        );
        assert!(!current.speaks_for_expiry(not_after));
        assert!(archive.speaks_for_expiry(not_after));
        assert!(current.speaks_for_expiry(after));
    }

    #[test]
    fn rfc3161_revocation_reasons() {
        use RevocationReason::*;
        let gen_time = at("2026-06-01T03:00:00Z");
        let before = at("2026-04-01T00:00:00Z");
        let after = at("2026-07-01T00:00:00Z");
        for r in [
            Some(Unspecified),
            Some(AffiliationChanged),
            Some(Superseded),
            Some(CessationOfOperation),
        ] {
            assert!(voids_timestamp(before, r, gen_time), "{r:?}");
            assert!(!voids_timestamp(after, r, gen_time), "{r:?}");
        }
        for r in [
            None,
            Some(KeyCompromise),
            Some(CaCompromise),
            Some(CertificateHold),
        ] {
            assert!(voids_timestamp(after, r, gen_time), "{r:?}");
        }
    }
}
