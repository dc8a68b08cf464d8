//! Time-stamps: a signature time-stamp's or document time-stamp's TSA chain, and
//! the proven time it gives when all holds. Separate because the proven time feeds
//! the signer's chain check, and reads best on its own.

use super::Verdict;
use crate::cms::{TimestampReport, TimestampStatus};
use crate::time::Instant;
use crate::trust::{ChainStatus, ValidationOptions};
use crate::verify::{
    CheckDetail, CheckId, CheckStatus, Material, SubIndication, VerifyOptions, revocation_checks,
};

/// Verifies a time-stamp's TSA chain; returns the proven time when all holds.
pub(super) fn timestamp_check(
    v: &mut Verdict,
    ts: &TimestampReport,
    m: &Material,
    opts: &VerifyOptions,
    is_doc_ts: bool,
) -> Option<Instant> {
    if ts.status != TimestampStatus::Valid {
        v.check(
            CheckId::Timestamp,
            CheckStatus::Failed,
            CheckDetail::from(&ts.detail),
        );
        if !is_doc_ts {
            // A broken time-stamp proves nothing and casts doubt on the signature.
            v.doubt(SubIndication::SigConstraintsFailure);
        }
        return None;
    }
    let gen_time = ts.gen_time()?;
    let tsa = ts.tsa_cert.as_ref()?;
    let chain = crate::trust::validate(
        tsa,
        &m.pool,
        &[],
        &m.store,
        gen_time,
        &ValidationOptions::default(),
    );
    let _ = opts;
    if chain.status == ChainStatus::Trusted {
        // A token whose TSA was revoked proves no time (RFC 3161 §4).
        let rev = revocation_checks::tsa(tsa, &chain, m, gen_time);
        v.check(CheckId::TimestampRevocation, rev.status, rev.detail);
        if rev.voids_token {
            v.doubt(if is_doc_ts {
                SubIndication::RevokedNoPoe
            } else {
                SubIndication::SigConstraintsFailure
            });
            return None;
        }
    }
    if is_doc_ts {
        // The TSA is the signer: its chain is judged by the main chain step.
        if !ts.eku_critical {
            v.check(
                CheckId::Timestamp,
                CheckStatus::Warning,
                CheckDetail::TsaEkuNotCritical,
            );
        }
        return Some(gen_time);
    }
    if chain.status != ChainStatus::Trusted {
        v.check(
            CheckId::Timestamp,
            CheckStatus::Warning,
            CheckDetail::TsaNotTrusted,
        );
        return None;
    }
    if !ts.eku_critical {
        v.check(
            CheckId::Timestamp,
            CheckStatus::Warning,
            CheckDetail::TsaEkuNotCritical,
        );
    } else {
        v.check(
            CheckId::Timestamp,
            CheckStatus::Passed,
            CheckDetail::TimestampValid,
        );
    }
    Some(gen_time)
}
