//! The one revocation engine: what the CRLs and OCSP responses at hand say about a
//! certificate, for the certificate tab and `kyso cert` (path validation), for PDF
//! signers and their CAs, and for time-stamping authorities.
//!
//! ```text
//! Evidence (CRLs + OCSP, de-duplicated, signatures checked once)
//!    │  reading.rs: per certificate, each candidate CRL read once: signed by the
//!    │  issuer (cRLSign) or another validated key of its name, in scope (scope.rs:
//!    │  issuer / cRLIssuer, distribution point, user/CA-only), listed, with deltas
//!    ├─▶ current(): RFC 5280 §6.3 at the validation time (path.rs)
//!    └─▶ at_time(): "not revoked at t" for a signature, with the freshness and
//!        post-expiry rules (freshness.rs), CRLs and OCSP (RFC 6960)
//! ```
//!
//! Both answers are built from the same readings, so scope, issuer and delta rules
//! exist once. They differ in the question: path validation asks whether a CRL is
//! current at the validation time (a stale CRL is a fault of the path); a signature
//! asks whether the evidence speaks for the instant it must (the proven signing time,
//! or without a proof the validation time, [`evidence_time`]) and says "too old"
//! rather than failing. In both, a CRL issued after the certificate expired says
//! nothing about it unless it keeps expired certificates (RFC 5280 §3.3, §5;
//! [`Crl::speaks_for_expiry`]); at the validation time of a path this cannot happen
//! (the certificate is within its validity and the CRL current), so the rule only
//! ever bites signatures judged at an earlier time.

pub mod evidence;
mod freshness;
mod reading;
mod scope;

use std::cell::OnceCell;
use std::collections::HashMap;

use serde::Serialize;

use crate::cert::Cert;
use crate::cms::ocsp::CertStatus;
use crate::time::Instant;
use crate::trust::crl::{ALL_REASONS, Crl};
use crate::trust::name::NormName;
use crate::trust::{ChainReason, ChainResult, RevocationReason, TrustStore};

pub use evidence::{Evidence, EvidenceStats};
pub use freshness::{NO_NEXT_UPDATE_SECS, evidence_time, ocsp_speaks_for_expiry, voids_timestamp};
use reading::{Read, Readings};

/// Where a piece of evidence came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// In the file itself: the signature's CMS or revocation archive, the PDF's DSS.
    Embedded,
    /// A file the user gave (`--crl`, dropped on the page).
    User,
}

/// Which kind of evidence answered: a CRL (RFC 5280) or an OCSP response (RFC 6960).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RevSource {
    Crl,
    Ocsp,
}

impl RevSource {
    /// Its code in the JSON report (its serde name).
    pub fn code(self) -> &'static str {
        match self {
            RevSource::Crl => "crl",
            RevSource::Ocsp => "ocsp",
        }
    }
}

/// What the evidence says about one certificate at the instant asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RevStatus {
    /// Not revoked at the instant, per a CRL or OCSP response issued at `issued`
    /// (`fresh`: issued at or after the instant).
    Good {
        source: RevSource,
        origin: Origin,
        issued: Instant,
        fresh: bool,
    },
    Revoked {
        at: Instant,
        reason: Option<RevocationReason>,
        source: RevSource,
        origin: Origin,
    },
    /// Evidence from the issuer exists but is too old for the instant.
    Stale {
        source: RevSource,
        origin: Origin,
        issued: Instant,
    },
    /// Evidence from the issuer exists but was issued after the certificate
    /// expired and does not keep expired certificates (no expiredCertsOnCRL /
    /// archiveCutoff covering it): "not listed" says nothing (RFC 5280 §3.3, §5).
    AfterExpiry {
        source: RevSource,
        origin: Origin,
        issued: Instant,
    },
    /// Nothing usable from this certificate's issuer.
    NotChecked,
}

/// Other certificates that may have signed a CRL: RFC 5280 §6.3.3 (f) lets a CRL be
/// signed by another key of the issuer's name whose own certificate validates
/// (PKITS "separate certificate and CRL keys").
pub(crate) trait OtherSigners {
    /// The certificates at hand whose subject is `name`.
    fn named(&self, name: &NormName) -> Vec<&Cert>;
    /// Does `cert` validate to an anchor (without revocation, to end recursion)?
    fn trusted(&self, cert: &Cert) -> bool;
}

/// Other signers for a signature's evidence: the certificates of the file and the
/// store, validated at the instant asked.
struct PoolSigners<'a> {
    pool: &'a [Cert],
    store: &'a TrustStore,
    t: Instant,
    /// The certificates by subject, made the first time a CRL's issuer key fails.
    by_subject: OnceCell<HashMap<NormName, Vec<&'a Cert>>>,
}

impl OtherSigners for PoolSigners<'_> {
    fn named(&self, name: &NormName) -> Vec<&Cert> {
        let index = self.by_subject.get_or_init(|| {
            let mut m: HashMap<NormName, Vec<&Cert>> = HashMap::new();
            for c in self.pool.iter().chain(self.store.certs_at_hand()) {
                m.entry(NormName::new(c.x509().tbs_certificate().subject()))
                    .or_default()
                    .push(c);
            }
            m
        });
        index.get(name).cloned().unwrap_or_default()
    }

    fn trusted(&self, cert: &Cert) -> bool {
        let options = crate::trust::ValidationOptions::default();
        crate::trust::validate(cert, self.pool, &[], self.store, self.t, &options).status
            == crate::trust::ChainStatus::Trusted
    }
}

/// The answer for path validation ([`current`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PathAnswer {
    /// No CRL from the certificate's issuer (or its cRLIssuer) is at hand.
    NoCrl,
    /// Usable CRLs covering every reason do not list it; the newest thisUpdate.
    Good(Instant),
    Revoked {
        at: Instant,
        reason: Option<RevocationReason>,
    },
    /// CRLs were at hand but none decides (the first reason why).
    Unusable(ChainReason),
}

/// RFC 5280 §6.3 for `cert` issued by `issuer` at the validation time `at` (position
/// `pos` in the path, for the reasons).
pub(crate) fn current(
    evidence: &Evidence,
    others: &dyn OtherSigners,
    cert: &Cert,
    issuer: &Cert,
    at: Instant,
    pos: usize,
) -> PathAnswer {
    let r = Readings::new(evidence, others, cert, issuer);
    if !r.any_candidate {
        return PathAnswer::NoCrl;
    }
    let not_after = not_after(cert);
    let usable = |x: &Read<'_>| -> Result<(), ChainReason> {
        let crl = &x.held.crl;
        if !x.signed {
            return Err(ChainReason::CrlBadSignature { position: pos });
        }
        if let Some(oid) = crl.unknown_critical() {
            return Err(ChainReason::CrlUnknownCriticalExtension {
                position: pos,
                oid: oid.to_string(),
            });
        }
        if crl.this_update() > at {
            return Err(ChainReason::CrlNotYetValid {
                position: pos,
                this_update: crl.this_update(),
            });
        }
        if let Some(next) = crl.next_update()
            && next < at
        {
            return Err(ChainReason::CrlExpired {
                position: pos,
                next_update: next,
            });
        }
        // Out of scope by its distribution point, or by time: silent after expiry.
        if !x.in_scope || !crl.speaks_for_expiry(not_after) {
            return Err(ChainReason::CrlOutOfScope { position: pos });
        }
        Ok(())
    };
    let mut problem = None;
    let mut covered: u16 = 0;
    let mut newest: Option<Instant> = None;
    for b in &r.bases {
        if let Err(p) = usable(&b.base) {
            problem.get_or_insert(p);
            continue;
        }
        // Delta CRLs on top of this base: newer news wins.
        let mut removed = false;
        for d in &b.deltas {
            if let Err(p) = usable(d) {
                return PathAnswer::Unusable(p);
            }
            if let Some(e) = d.entry {
                if e.reason == Some(RevocationReason::RemoveFromCrl) {
                    removed = true;
                } else {
                    return PathAnswer::Revoked {
                        at: e.at,
                        reason: e.reason,
                    };
                }
            }
        }
        if let Some(e) = b.base.entry
            && !removed
            && e.reason != Some(RevocationReason::RemoveFromCrl)
        {
            return PathAnswer::Revoked {
                at: e.at,
                reason: e.reason,
            };
        }
        covered |= b.reasons;
        newest = newest.max(Some(b.base.held.crl.this_update()));
    }
    match newest {
        Some(t) if covered & ALL_REASONS == ALL_REASONS => PathAnswer::Good(t),
        _ => PathAnswer::Unusable(problem.unwrap_or(ChainReason::CrlOutOfScope { position: pos })),
    }
}

/// Was `cert` (issued by `issuer`) revoked at `t`, per the CRLs and OCSP responses
/// at hand? A listing on a usable CRL or OCSP answer wins (its date is for the
/// caller to compare); otherwise the best "not revoked" evidence, judged for `t`.
/// A CRL signed by another key of the issuer's name counts when that key's
/// certificate, among `pool` and the store's, validates at `t`.
pub fn at_time(
    evidence: &Evidence,
    pool: &[Cert],
    store: &TrustStore,
    cert: &Cert,
    issuer: &Cert,
    t: Instant,
) -> RevStatus {
    let others = PoolSigners {
        pool,
        store,
        t,
        by_subject: OnceCell::new(),
    };
    let r = Readings::new(evidence, &others, cert, issuer);
    let usable = |x: &Read<'_>| x.signed && x.in_scope && x.held.crl.unknown_critical().is_none();
    for b in r.bases.iter().filter(|b| usable(&b.base)) {
        let mut removed = false;
        for d in b.deltas.iter().filter(|d| usable(d)) {
            if let Some(e) = d.entry {
                if e.reason == Some(RevocationReason::RemoveFromCrl) {
                    removed = true;
                } else {
                    return revoked(e.at, e.reason, RevSource::Crl, d.held.origin);
                }
            }
        }
        if let Some(e) = b.base.entry
            && !removed
            && e.reason != Some(RevocationReason::RemoveFromCrl)
        {
            return revoked(e.at, e.reason, RevSource::Crl, b.base.held.origin);
        }
    }
    let not_after = not_after(cert);
    let mut best = RevStatus::NotChecked;
    // "Not revoked" needs every reason covered (onlySomeReasons partitions).
    let mut good = RevStatus::NotChecked;
    let mut covered: u16 = 0;
    for b in r.bases.iter().filter(|b| usable(&b.base)) {
        let (crl, origin): (&Crl, Origin) = (&b.base.held.crl, b.base.held.origin);
        if !crl.speaks_for_expiry(not_after) {
            let silent = RevStatus::AfterExpiry {
                source: RevSource::Crl,
                origin,
                issued: crl.this_update(),
            };
            best = freshness::better(best, silent);
            continue;
        }
        match freshness::judge(
            RevSource::Crl,
            origin,
            crl.this_update(),
            crl.next_update(),
            t,
        ) {
            g @ RevStatus::Good { .. } => {
                covered |= b.reasons;
                good = freshness::better(good, g);
            }
            other => best = freshness::better(best, other),
        }
    }
    if covered & ALL_REASONS == ALL_REASONS {
        best = freshness::better(best, good);
    }
    for (i, h) in evidence.ocsps().enumerate() {
        let Some(single) = h.response.find(cert, issuer) else {
            continue;
        };
        if evidence.ocsp_signer(i, issuer).is_none() {
            continue;
        }
        match single.status {
            CertStatus::Revoked { at, reason } => {
                return revoked(at, reason, RevSource::Ocsp, h.origin);
            }
            CertStatus::Unknown => {}
            CertStatus::Good
                if !ocsp_speaks_for_expiry(
                    single.this_update,
                    single.archive_cutoff,
                    not_after,
                ) =>
            {
                let silent = RevStatus::AfterExpiry {
                    source: RevSource::Ocsp,
                    origin: h.origin,
                    issued: single.this_update,
                };
                best = freshness::better(best, silent);
            }
            CertStatus::Good => {
                let g = freshness::judge(
                    RevSource::Ocsp,
                    h.origin,
                    single.this_update,
                    single.next_update,
                    t,
                );
                best = freshness::better(best, g);
            }
        }
    }
    best
}

fn revoked(
    at: Instant,
    reason: Option<RevocationReason>,
    source: RevSource,
    origin: Origin,
) -> RevStatus {
    RevStatus::Revoked {
        at,
        reason,
        source,
        origin,
    }
}

fn not_after(cert: &Cert) -> Instant {
    Instant::from(cert.x509().tbs_certificate().validity().not_after)
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
mod tests;
