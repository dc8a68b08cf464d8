//! Revocation of a signer at the signing time, from the CRLs and OCSP responses at
//! hand (embedded in the signature, in the PDF's DSS, or given by the user).
//!
//! [`crate::trust::validate`] checks revocation *at its validation time* and wants a
//! CRL current at that instant. A signature needs a different question answered:
//! "was this certificate revoked before the signature was made?" Evidence for that
//! is a CRL or OCSP response, signed by the issuer (or its delegated OCSP responder),
//! that either was current at the signing time or was issued after it (a later CRL
//! that does not list the certificate proves it was not revoked at the signing time;
//! one that lists it gives the revocation date to compare with).
//!
//! Evidence without a nextUpdate promises nothing beyond the moment it was issued
//! (RFC 6960 §2.4: "newer revocation information is available all the time"); like
//! pyhanko-certvalidator (`FRESHNESS_FALLBACK_VALIDITY_DEFAULT`) it is given
//! [`NO_NEXT_UPDATE_SECS`]. A delegated OCSP responder must have been valid when it
//! answered ([`ocsp::OcspResponse::authorised_signer`]).
//!
//! Which instant the evidence must speak for is [`evidence_time`]: the proven
//! signing time when a time-stamp proves one, otherwise the validation time (a
//! claimed time proves nothing). Evidence issued after a certificate expired is
//! silent about it unless it says it keeps expired certificates
//! ([`Crl::speaks_for_expiry`], [`ocsp_speaks_for_expiry`]).
//!
//! A time-stamping authority's certificate is checked the same way at the token's
//! time ([`tsa`]); RFC 3161 §4 decides which revocations void its tokens
//! ([`voids_timestamp`]).

use serde::Serialize;

use super::CheckStatus;
use crate::cert::Cert;
use crate::cms::ocsp::{self, CertStatus};
use crate::crypto;
use crate::time::Instant;
use crate::trust::{ChainResult, Crl, RevocationReason, TrustStore};

/// How long a CRL or OCSP response without nextUpdate counts after its thisUpdate.
pub const NO_NEXT_UPDATE_SECS: i64 = 30 * 60;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RevStatus {
    /// Not revoked at the signing time, per a CRL or OCSP response issued at
    /// `issued` (`fresh`: issued at or after the signing time).
    Good {
        source: &'static str,
        issued: Instant,
        fresh: bool,
    },
    Revoked {
        at: Instant,
        reason: Option<RevocationReason>,
        source: &'static str,
    },
    /// Evidence from the issuer exists but is too old for the signing time.
    Stale {
        source: &'static str,
        issued: Instant,
    },
    /// Evidence from the issuer exists but was issued after the certificate
    /// expired and does not keep expired certificates (no expiredCertsOnCRL /
    /// archiveCutoff covering it): "not listed" says nothing (RFC 5280 §3.3, §5).
    AfterExpiry {
        source: &'static str,
        issued: Instant,
    },
    /// Nothing usable from this certificate's issuer.
    NotChecked,
}

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
/// [`Crl::speaks_for_expiry`].
pub fn ocsp_speaks_for_expiry(
    this_update: Instant,
    archive_cutoff: Option<Instant>,
    not_after: Instant,
) -> bool {
    this_update <= not_after || archive_cutoff.is_some_and(|d| d <= not_after)
}

/// What the CRLs and OCSP responses say about `cert` (issued by `issuer`) at `t`.
pub fn status(
    cert: &Cert,
    issuer: &Cert,
    crls: &[Crl],
    ocsps: &[Vec<u8>],
    t: Instant,
) -> RevStatus {
    let mut best = RevStatus::NotChecked;
    let serial = cert.x509().tbs_certificate().serial_number().as_bytes();
    let issuer_name = cert.x509().tbs_certificate().issuer();
    let issuer_key = issuer.x509().tbs_certificate().subject_public_key_info();
    let facts = crate::cert::facts(cert, t);
    let is_ca = facts.basic_constraints.is_some_and(|b| b.ca);
    let not_after = facts.not_after;
    for crl in crls {
        if crl.is_delta() || crl.issuer() != issuer_name || crl.unknown_critical().is_some() {
            continue;
        }
        if let Some(idp) = crl.idp()
            && ((idp.only_contains_ca_certs && !is_ca)
                || (idp.only_contains_user_certs && is_ca)
                || idp.only_contains_attribute_certs
                || idp.indirect_crl
                || idp.only_some_reasons.is_some())
        {
            continue;
        }
        if crypto::verify_signature(
            issuer_key,
            crl.signature_algorithm(),
            crl.tbs_der(),
            crl.signature_bytes(),
        )
        .is_err()
        {
            continue;
        }
        if let Some(e) = crl.lookup(serial, crl.norm_issuer())
            && e.reason != Some(RevocationReason::RemoveFromCrl)
        {
            return RevStatus::Revoked {
                at: e.at,
                reason: e.reason,
                source: "crl",
            };
        }
        if !crl.speaks_for_expiry(not_after) {
            best = better(
                best,
                RevStatus::AfterExpiry {
                    source: "crl",
                    issued: crl.this_update(),
                },
            );
            continue;
        }
        best = better(best, judge("crl", crl.this_update(), crl.next_update(), t));
    }
    for raw in ocsps {
        let Ok(resp) = ocsp::parse(raw) else {
            continue;
        };
        let Some(single) = resp.find(cert, issuer) else {
            continue;
        };
        if resp.authorised_signer(issuer).is_none() {
            continue;
        }
        match single.status {
            CertStatus::Revoked { at, reason } => {
                return RevStatus::Revoked {
                    at,
                    reason,
                    source: "ocsp",
                };
            }
            CertStatus::Unknown => {}
            CertStatus::Good
                if !ocsp_speaks_for_expiry(
                    single.this_update,
                    single.archive_cutoff,
                    not_after,
                ) =>
            {
                best = better(
                    best,
                    RevStatus::AfterExpiry {
                        source: "ocsp",
                        issued: single.this_update,
                    },
                );
            }
            CertStatus::Good => {
                best = better(
                    best,
                    judge("ocsp", single.this_update, single.next_update, t),
                );
            }
        }
    }
    best
}

fn judge(source: &'static str, issued: Instant, next: Option<Instant>, t: Instant) -> RevStatus {
    let until = next.or_else(|| issued.checked_add_secs(NO_NEXT_UPDATE_SECS));
    if issued >= t {
        RevStatus::Good {
            source,
            issued,
            fresh: true,
        }
    } else if until.is_some_and(|n| n >= t) {
        RevStatus::Good {
            source,
            issued,
            fresh: false,
        }
    } else {
        RevStatus::Stale { source, issued }
    }
}

fn better(a: RevStatus, b: RevStatus) -> RevStatus {
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

/// The revocation check of a time-stamp's TSA (check id `timestamp_revocation`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TsaRevocation {
    pub status: CheckStatus,
    /// The check's detail code (`tsa_not_revoked`, `tsa_revoked`, ...).
    pub detail: &'static str,
    /// The token proves nothing: its TSA (or a CA above it) was revoked in a way
    /// that voids it.
    pub voids_token: bool,
    /// What the evidence says about the TSA's own certificate.
    pub tsa: RevStatus,
}

/// Checks the revocation of `tsa` and of the CAs of its trusted chain (`path`, from
/// [`path_certs`]; the anchor, last, excluded) at the token's `gen_time`, from the
/// same CRLs and OCSP responses as the signer's. Revoked (by [`voids_timestamp`] for
/// the TSA, before `gen_time` for a CA) → failed and the token is void; the TSA
/// unchecked or with stale evidence → not_checked / warning and the token still
/// counts; a CA above it unchecked → warning.
pub fn tsa(
    tsa: &Cert,
    path: &[Option<Cert>],
    crls: &[Crl],
    ocsps: &[Vec<u8>],
    gen_time: Instant,
) -> TsaRevocation {
    let certs = path;
    let below_anchor = certs.len().saturating_sub(1);
    let mut tsa_status = RevStatus::NotChecked;
    let mut ca_unchecked = false;
    for i in 0..below_anchor {
        let c = if i == 0 {
            Some(tsa)
        } else {
            certs.get(i).and_then(Option::as_ref)
        };
        let (Some(c), Some(issuer)) = (c, certs.get(i + 1).and_then(Option::as_ref)) else {
            ca_unchecked |= i > 0;
            continue;
        };
        let st = status(c, issuer, crls, ocsps, gen_time);
        if let RevStatus::Revoked { at, reason, .. } = st {
            let void = if i == 0 {
                voids_timestamp(at, reason, gen_time)
            } else {
                at <= gen_time
            };
            if void {
                return TsaRevocation {
                    status: CheckStatus::Failed,
                    detail: if i == 0 {
                        "tsa_revoked"
                    } else {
                        "tsa_ca_revoked"
                    },
                    voids_token: true,
                    tsa: if i == 0 { st } else { tsa_status },
                };
            }
        }
        if i == 0 {
            tsa_status = st;
        } else if !matches!(st, RevStatus::Good { .. } | RevStatus::Revoked { .. }) {
            ca_unchecked = true;
        }
    }
    let (status, detail) = match &tsa_status {
        RevStatus::Good { .. } if ca_unchecked => {
            (CheckStatus::Warning, "tsa_ca_revocation_not_checked")
        }
        RevStatus::Good { .. } => (CheckStatus::Passed, "tsa_not_revoked"),
        RevStatus::Revoked { .. } => (CheckStatus::Warning, "tsa_revoked_after_timestamp"),
        RevStatus::Stale { .. } => (CheckStatus::Warning, "tsa_revocation_info_too_old"),
        RevStatus::AfterExpiry { .. } => (
            CheckStatus::NotChecked,
            "tsa_revocation_silent_after_expiry",
        ),
        RevStatus::NotChecked => (CheckStatus::NotChecked, "tsa_revocation_not_checked"),
    };
    TsaRevocation {
        status,
        detail,
        voids_token: false,
        tsa: tsa_status,
    }
}

/// The certificates of `chain`'s path, leaf first, as found in `pool` or among the
/// store's own (user anchors, built-in CAs); `None` where a path entry is not at hand.
pub fn path_certs(chain: &ChainResult, pool: &[Cert], store: &TrustStore) -> Vec<Option<Cert>> {
    chain
        .path
        .iter()
        .map(|pc| {
            pool.iter()
                .chain(store.certs_at_hand())
                .find(|c| crate::cert::hex_upper(&c.sha256()) == pc.sha256)
                .cloned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        Instant::parse_rfc3339(s).expect("an RFC 3339 time")
    }

    #[test]
    fn evidence_without_next_update_covers_half_an_hour() {
        let t = at("2026-06-01T03:00:00Z");
        let fresh = judge("ocsp", at("2026-06-01T03:00:00Z"), None, t);
        assert!(matches!(fresh, RevStatus::Good { fresh: true, .. }));
        let just_before = judge("ocsp", at("2026-06-01T02:35:00Z"), None, t);
        assert!(matches!(just_before, RevStatus::Good { fresh: false, .. }));
        let day_before = judge("ocsp", at("2026-05-31T03:00:00Z"), None, t);
        assert!(matches!(day_before, RevStatus::Stale { .. }));
        let window = judge(
            "crl",
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
            judge("crl", this, next, evidence_time(true, claimed, now)),
            RevStatus::Good { fresh: true, .. }
        ));
        assert!(matches!(
            judge("crl", this, next, evidence_time(false, claimed, now)),
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
