//! How the revocation engine's answers ([`crate::trust::revocation`]) become the
//! checks of a signature: the signer and the CAs above it at the instant the
//! evidence must speak for, and a time-stamping authority at its token's time.
//! The rules themselves (scope, issuer, freshness, expiry, RFC 3161) live in the
//! engine; this module only says which check each answer is.

use super::{CheckDetail, CheckId, CheckStatus, Material, SubIndication};
use crate::cert::Cert;
use crate::time::Instant;
use crate::trust::ChainResult;
use crate::trust::revocation::{self, RevStatus};

/// One line of the report: (check id, status, detail code).
pub(super) type Line = (CheckId, CheckStatus, CheckDetail);

/// What the evidence says about a signer and its CAs.
pub(super) struct SignerRevocation {
    pub leaf: RevStatus,
    pub lines: Vec<Line>,
    /// The doubt the evidence leaves, if any (a revocation before the proven time
    /// is a failure: `failed`).
    pub doubt: Option<SubIndication>,
    pub failed: Option<SubIndication>,
}

/// The answers for `chain` (the signer's, validated at `t`): the signer, then each
/// CA below the anchor. `proven`: `t` is proven by a time-stamp; `at`: the
/// validation time.
pub(super) fn signer(
    leaf: &Cert,
    chain: &ChainResult,
    m: &Material,
    t: Instant,
    at: Instant,
    proven: bool,
    chain_ok: bool,
) -> SignerRevocation {
    let path = revocation::path_certs(chain, &m.pool, &m.store);
    let issuer_of_leaf = path.get(1).cloned().flatten().or_else(|| {
        m.pool
            .iter()
            .chain(m.store.certs_at_hand())
            .find(|c| c.subject_der() == leaf.issuer_der())
            .cloned()
    });
    // The instant the evidence must speak for: the proven time, or without a proof
    // of existence the validation time (EN 319 102-1 §5.5, §5.2.5).
    let rev_t = revocation::evidence_time(proven, t, at);
    let status = |c: &Cert, issuer: &Cert| {
        revocation::at_time(&m.evidence, &m.pool, &m.store, c, issuer, rev_t)
    };
    let leaf_status = issuer_of_leaf
        .as_ref()
        .map_or(RevStatus::NotChecked, |issuer| status(leaf, issuer));
    let mut out = SignerRevocation {
        leaf: leaf_status.clone(),
        lines: Vec::new(),
        doubt: None,
        failed: None,
    };
    let (line, doubt, failed): (Line, _, _) = match &leaf_status {
        RevStatus::Good { .. } => (
            (
                CheckId::Revocation,
                CheckStatus::Passed,
                CheckDetail::NotRevokedAtSigningTime,
            ),
            None,
            None,
        ),
        RevStatus::Revoked { at: r, .. } if *r <= t && proven => (
            (
                CheckId::Revocation,
                CheckStatus::Failed,
                CheckDetail::RevokedBeforeSigning,
            ),
            None,
            Some(SubIndication::Revoked),
        ),
        RevStatus::Revoked { at: r, .. } if *r <= t => (
            (
                CheckId::Revocation,
                CheckStatus::Failed,
                CheckDetail::RevokedBeforeSigning,
            ),
            Some(SubIndication::RevokedNoPoe),
            None,
        ),
        RevStatus::Revoked { .. } if proven => (
            (
                CheckId::Revocation,
                CheckStatus::Warning,
                CheckDetail::RevokedAfterSigning,
            ),
            None,
            None,
        ),
        RevStatus::Revoked { .. } => (
            (
                CheckId::Revocation,
                CheckStatus::Failed,
                CheckDetail::RevokedAfterClaimedTimeNoPoe,
            ),
            Some(SubIndication::RevokedNoPoe),
            None,
        ),
        RevStatus::Stale { .. } => (
            (
                CheckId::Revocation,
                CheckStatus::Warning,
                if proven {
                    CheckDetail::RevocationInfoTooOld
                } else {
                    CheckDetail::RevocationInfoNotCurrentNoPoe
                },
            ),
            Some(SubIndication::TryLater),
            None,
        ),
        RevStatus::AfterExpiry { .. } => (
            (
                CheckId::Revocation,
                CheckStatus::Warning,
                CheckDetail::RevocationSilentAfterExpiry,
            ),
            Some(SubIndication::TryLater),
            None,
        ),
        RevStatus::NotChecked => (
            (
                CheckId::Revocation,
                CheckStatus::Warning,
                CheckDetail::RevocationNotChecked,
            ),
            Some(SubIndication::TryLater),
            None,
        ),
    };
    out.lines.push(line);
    out.doubt = doubt;
    out.failed = failed;
    // Intermediate CAs (the anchor excluded): revoked is fatal; unchecked is said.
    let mut ca_unchecked = false;
    for i in 1..path.len().saturating_sub(1) {
        let (Some(Some(c)), Some(Some(issuer))) = (path.get(i), path.get(i + 1)) else {
            continue;
        };
        match status(c, issuer) {
            // Without a proof of the signing time, a CA revoked at all before the
            // validation time leaves the signature in doubt, as for the signer.
            RevStatus::Revoked { at: r, .. } if r <= t || !proven => {
                out.lines.push((
                    CheckId::Revocation,
                    CheckStatus::Failed,
                    CheckDetail::CaRevoked,
                ));
                out.doubt.get_or_insert(SubIndication::RevokedNoPoe);
            }
            RevStatus::Good { .. } => {}
            _ => ca_unchecked = true,
        }
    }
    if ca_unchecked && chain_ok {
        out.lines.push((
            CheckId::RevocationCa,
            CheckStatus::Warning,
            CheckDetail::CaRevocationNotChecked,
        ));
    }
    out
}

/// The revocation check of a time-stamp's TSA (check id `timestamp_revocation`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct TsaRevocation {
    pub status: CheckStatus,
    /// Why (`TsaNotRevoked`, `TsaRevoked`, ...).
    pub detail: CheckDetail,
    /// The token proves nothing: its TSA (or a CA above it) was revoked in a way
    /// that voids it.
    pub voids_token: bool,
}

/// Checks the revocation of `tsa` and of the CAs of its trusted `chain` (the
/// anchor excluded) at the token's `gen_time`, from the same evidence as the
/// signer's. Revoked (by [`revocation::voids_timestamp`] for the TSA, before
/// `gen_time` for a CA) → failed and the token is void; the TSA unchecked or with
/// stale evidence → not_checked / warning and the token still counts; a CA above it
/// unchecked → warning.
pub(super) fn tsa(
    tsa: &Cert,
    chain: &ChainResult,
    m: &Material,
    gen_time: Instant,
) -> TsaRevocation {
    let certs = revocation::path_certs(chain, &m.pool, &m.store);
    let mut tsa_status = RevStatus::NotChecked;
    let mut ca_unchecked = false;
    for i in 0..certs.len().saturating_sub(1) {
        let c = if i == 0 {
            Some(tsa)
        } else {
            certs.get(i).and_then(Option::as_ref)
        };
        let (Some(c), Some(issuer)) = (c, certs.get(i + 1).and_then(Option::as_ref)) else {
            ca_unchecked |= i > 0;
            continue;
        };
        let st = revocation::at_time(&m.evidence, &m.pool, &m.store, c, issuer, gen_time);
        if let RevStatus::Revoked { at, reason, .. } = st {
            let void = if i == 0 {
                revocation::voids_timestamp(at, reason, gen_time)
            } else {
                at <= gen_time
            };
            if void {
                return TsaRevocation {
                    status: CheckStatus::Failed,
                    detail: if i == 0 {
                        CheckDetail::TsaRevoked
                    } else {
                        CheckDetail::TsaCaRevoked
                    },
                    voids_token: true,
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
            (CheckStatus::Warning, CheckDetail::TsaCaRevocationNotChecked)
        }
        RevStatus::Good { .. } => (CheckStatus::Passed, CheckDetail::TsaNotRevoked),
        RevStatus::Revoked { .. } => (CheckStatus::Warning, CheckDetail::TsaRevokedAfterTimestamp),
        RevStatus::Stale { .. } => (CheckStatus::Warning, CheckDetail::TsaRevocationInfoTooOld),
        RevStatus::AfterExpiry { .. } => (
            CheckStatus::NotChecked,
            CheckDetail::TsaRevocationSilentAfterExpiry,
        ),
        RevStatus::NotChecked => (
            CheckStatus::NotChecked,
            CheckDetail::TsaRevocationNotChecked,
        ),
    };
    TsaRevocation {
        status,
        detail,
        voids_token: false,
    }
}
