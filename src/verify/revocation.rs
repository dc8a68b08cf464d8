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

use serde::Serialize;

use crate::cert::Cert;
use crate::cms::ocsp::{self, CertStatus};
use crate::crypto;
use crate::time::Instant;
use crate::trust::{Crl, RevocationReason};

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
    /// Nothing usable from this certificate's issuer.
    NotChecked,
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
    let is_ca = crate::cert::facts(cert, t)
        .basic_constraints
        .is_some_and(|b| b.ca);
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
            CertStatus::Revoked { at } => {
                return RevStatus::Revoked {
                    at,
                    reason: None,
                    source: "ocsp",
                };
            }
            CertStatus::Unknown => {}
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
    if issued >= t {
        RevStatus::Good {
            source,
            issued,
            fresh: true,
        }
    } else if next.is_none_or(|n| n >= t) {
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
        RevStatus::Good { fresh: true, .. } => 3,
        RevStatus::Good { .. } => 2,
        RevStatus::Stale { .. } => 1,
        _ => 0,
    };
    if rank(&b) > rank(&a) { b } else { a }
}
