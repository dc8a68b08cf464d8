//! The signer's certificate chain: path to an anchor, revocation at the time used,
//! and the checks and indications they give. Separate from the step order in the
//! parent, which only calls it.

use super::Verdict;
use crate::cert::{self, Cert};
use crate::time::Instant;
use crate::trust::{ChainReason, ChainStatus, ValidationOptions};
use crate::verify::{
    CheckDetail, CheckId, CheckStatus, Material, SignatureReport, SubIndication, VerifyOptions,
    revocation_checks,
};

pub(super) fn chain_checks(
    v: &mut Verdict,
    r: &mut SignatureReport,
    leaf: &Cert,
    m: &Material,
    opts: &VerifyOptions,
    t: Instant,
    proven: bool,
) {
    let chain = crate::trust::validate(
        leaf,
        &m.pool,
        &[],
        &m.store,
        t,
        &ValidationOptions::default(),
    );
    let mut chain_ok = false;
    match (&chain.status, &chain.reason) {
        (ChainStatus::Trusted, _) => {
            v.check(
                CheckId::CertificateChain,
                CheckStatus::Passed,
                CheckDetail::ChainTrusted,
            );
            v.check(
                CheckId::ValidityAtSigningTime,
                CheckStatus::Passed,
                CheckDetail::CertValidAtSigningTime,
            );
            chain_ok = true;
        }
        (ChainStatus::Incomplete, _) => {
            // Which CA is missing and where it is published: the chain's
            // `missing_issuer`; the check says whether a location is known. Without
            // one, the reason itself (the issuer not found, or the search gave up).
            let detail = chain.missing_issuer.as_ref().map_or_else(
                || CheckDetail::Chain(chain.reason.clone()),
                CheckDetail::from,
            );
            v.check(CheckId::CertificateChain, CheckStatus::Failed, detail);
            v.doubt(SubIndication::NoCertificateChainFound);
        }
        (ChainStatus::Untrusted, _) => {
            v.check(
                CheckId::CertificateChain,
                CheckStatus::Failed,
                CheckDetail::Chain(chain.reason.clone()),
            );
            v.doubt(SubIndication::NoCertificateChainFound);
        }
        // Outside its validity at the time used: a failure when that time is proven
        // and the signer's own certificate is out, else open (no proof of existence).
        (
            _,
            ChainReason::CertExpired { position, .. }
            | ChainReason::CertNotYetValid { position, .. },
        ) => {
            let (detail, out) = if matches!(chain.reason, ChainReason::CertExpired { .. }) {
                (
                    CheckDetail::CertExpiredAtSigningTime,
                    SubIndication::Expired,
                )
            } else {
                (
                    CheckDetail::CertNotYetValidAtSigningTime,
                    SubIndication::NotYetValid,
                )
            };
            v.check(
                CheckId::CertificateChain,
                CheckStatus::Failed,
                CheckDetail::Chain(chain.reason.clone()),
            );
            v.check(CheckId::ValidityAtSigningTime, CheckStatus::Failed, detail);
            if *position == 0 && proven {
                v.fail(out);
            } else {
                v.doubt(SubIndication::OutOfBoundsNoPoe);
            }
        }
        (_, ChainReason::BadSignature { .. }) => {
            v.check(
                CheckId::CertificateChain,
                CheckStatus::Failed,
                CheckDetail::Chain(chain.reason.clone()),
            );
            v.doubt(SubIndication::CertificateChainGeneralFailure);
        }
        (_, reason) => {
            v.check(
                CheckId::CertificateChain,
                CheckStatus::Failed,
                CheckDetail::Chain(reason.clone()),
            );
            v.doubt(SubIndication::ChainConstraintsFailure);
        }
    }
    // Profile rules the chain breaks without failing it (RFC 5280 §4 rules real CAs
    // break at no cost to the relying party: src/trust/profile.rs). The certificate tab
    // lists them; a signature on a document shows them too, as warnings that never
    // change its indication — the reader sees what a strict validator would object to.
    for w in &chain.warnings {
        v.check(
            CheckId::CertificateProfile,
            CheckStatus::Warning,
            CheckDetail::Chain(w.clone()),
        );
    }
    // Without a proof of the signing time, the certificate must still be within its
    // validity now (ETSI EN 319 102-1 §5.2.6: OUT_OF_BOUNDS_NO_POE).
    if chain_ok && !proven {
        let now = cert::facts(leaf, opts.at).status;
        if now != cert::facts::ValidityStatus::Valid {
            v.check(
                CheckId::ValidityAtSigningTime,
                CheckStatus::Warning,
                CheckDetail::CertExpiredNowNoPoe,
            );
            v.doubt(SubIndication::OutOfBoundsNoPoe);
        }
    }

    // Revocation of the signer and of each CA below the anchor.
    let rev = revocation_checks::signer(leaf, &chain, m, t, opts.at, proven, chain_ok);
    for (id, status, detail) in rev.lines {
        v.check(id, status, detail);
    }
    if let Some(sub) = rev.failed {
        v.fail(sub);
    }
    if let Some(sub) = rev.doubt {
        v.doubt(sub);
    }
    let leaf_status = rev.leaf;
    r.revocation = Some(leaf_status);
    r.chain = Some(chain);
}
