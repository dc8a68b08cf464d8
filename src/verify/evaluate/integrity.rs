//! Content integrity: the signed digest against the bytes covered, for signatures
//! and document time-stamps, and the ESS signing-certificate attributes. Separate
//! from the step order in the parent, which only calls these in turn.

use super::Verdict;
use crate::cms::{
    Content, EssStatus, Integrity, SignatureStatus, SignerProblem, SignerReport, TimestampReport,
    TimestampStatus,
};
use crate::pdf::SignatureInfo;
use crate::verify::{CheckDetail, CheckId, CheckStatus, SignatureReport, SubIndication};

pub(super) fn integrity_of_signature(
    v: &mut Verdict,
    r: &mut SignatureReport,
    sr: &SignerReport,
    content: Content,
) {
    r.integrity = sr.integrity;
    let p = |c: SignerProblem| sr.problems.contains(&c);
    if p(SignerProblem::ContentTypeMismatch)
        || p(SignerProblem::ContentTypeMissing)
        || p(SignerProblem::EcontentTypeUnexpected)
    {
        v.check(
            CheckId::ContentType,
            CheckStatus::Failed,
            CheckDetail::ContentTypeMismatch,
        );
        v.fail(SubIndication::FormatFailure);
    }
    if content == Content::Detached && p(SignerProblem::DetachedWithContent) {
        v.check(
            CheckId::Format,
            CheckStatus::Failed,
            CheckDetail::DetachedWithContent,
        );
        v.fail(SubIndication::FormatFailure);
    }
    match sr.integrity {
        Integrity::Valid => v.check(
            CheckId::Integrity,
            CheckStatus::Passed,
            CheckDetail::DigestMatches,
        ),
        Integrity::Invalid => {
            let detail = if p(SignerProblem::EncapsulatedDigestMismatch) {
                CheckDetail::EncapsulatedDigestMismatch
            } else {
                CheckDetail::DigestMismatch
            };
            v.check(CheckId::Integrity, CheckStatus::Failed, detail);
            v.fail(SubIndication::HashFailure);
        }
        Integrity::Unknown => {
            let detail = if p(SignerProblem::MessageDigestMissing) {
                CheckDetail::MessageDigestMissing
            } else if p(SignerProblem::UnsupportedDigestAlgorithm) {
                CheckDetail::UnsupportedDigestAlgorithm
            } else {
                CheckDetail::DigestNotChecked
            };
            let missing = detail == CheckDetail::MessageDigestMissing;
            v.check(CheckId::Integrity, CheckStatus::NotChecked, detail);
            if missing {
                v.fail(SubIndication::FormatFailure);
            } else if sr.signature != SignatureStatus::Invalid {
                v.doubt(SubIndication::CryptoConstraintsFailure);
            }
        }
    }
}

pub(super) fn integrity_of_doc_timestamp(
    v: &mut Verdict,
    r: &mut SignatureReport,
    ts: Option<&TimestampReport>,
) {
    let Some(ts) = ts else {
        return;
    };
    match ts.status {
        TimestampStatus::ImprintMismatch => {
            r.integrity = Integrity::Invalid;
            v.check(
                CheckId::Integrity,
                CheckStatus::Failed,
                CheckDetail::TimestampImprintMismatch,
            );
            v.fail(SubIndication::HashFailure);
        }
        TimestampStatus::Malformed => {
            v.check(
                CheckId::Integrity,
                CheckStatus::NotChecked,
                CheckDetail::from(&ts.detail),
            );
            v.fail(SubIndication::FormatFailure);
        }
        _ => {
            r.integrity = Integrity::Valid;
            v.check(
                CheckId::Integrity,
                CheckStatus::Passed,
                CheckDetail::TimestampImprintMatches,
            );
        }
    }
}

pub(super) fn ess(v: &mut Verdict, sr: &SignerReport, sig: &SignatureInfo, is_ts: bool) {
    let cades = sig.sub_filter.as_deref() == Some("ETSI.CAdES.detached");
    match sr.ess {
        EssStatus::V2Match => v.check(
            CheckId::EssSigningCertificate,
            CheckStatus::Passed,
            CheckDetail::EssV2Match,
        ),
        EssStatus::V1Match => v.check(
            CheckId::EssSigningCertificate,
            if cades {
                CheckStatus::Warning
            } else {
                CheckStatus::Passed
            },
            CheckDetail::EssV1Match,
        ),
        EssStatus::Absent => {
            if cades {
                v.check(
                    CheckId::EssSigningCertificate,
                    CheckStatus::Warning,
                    CheckDetail::EssAbsentCades,
                );
            } else if !is_ts {
                v.check(
                    CheckId::EssSigningCertificate,
                    CheckStatus::NotChecked,
                    CheckDetail::EssAbsent,
                );
            }
        }
        EssStatus::Mismatch => {
            v.check(
                CheckId::EssSigningCertificate,
                CheckStatus::Failed,
                CheckDetail::EssMismatch,
            );
            v.doubt(SubIndication::NoSigningCertificateFound);
        }
        EssStatus::Malformed => {
            v.check(
                CheckId::EssSigningCertificate,
                CheckStatus::Failed,
                CheckDetail::EssMalformed,
            );
            v.fail(SubIndication::FormatFailure);
        }
        EssStatus::NotChecked => v.check(
            CheckId::EssSigningCertificate,
            CheckStatus::NotChecked,
            CheckDetail::SignerCertificateNotFound,
        ),
    }
}
