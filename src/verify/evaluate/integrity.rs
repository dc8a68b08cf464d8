//! Content integrity: the signed digest against the bytes covered, for signatures
//! and document time-stamps, and the ESS signing-certificate attributes. Separate
//! from the step order in the parent, which only calls these in turn.

use super::Verdict;
use crate::cms::{
    Content, EssStatus, Integrity, SignatureStatus, SignerProblem, SignerReport, TimestampReport,
    TimestampStatus,
};
use crate::pdf::SignatureInfo;
use crate::verify::{CheckId, CheckStatus, SignatureReport, SubIndication};

pub(super) fn integrity_of_signature(
    v: &mut Verdict,
    r: &mut SignatureReport,
    sr: &SignerReport,
    content: Content,
) {
    r.integrity = sr.integrity.code();
    let p = |c: SignerProblem| sr.problems.contains(&c);
    if p(SignerProblem::ContentTypeMismatch)
        || p(SignerProblem::ContentTypeMissing)
        || p(SignerProblem::EcontentTypeUnexpected)
    {
        v.check(
            CheckId::ContentType,
            CheckStatus::Failed,
            "content_type_mismatch",
        );
        v.fail(SubIndication::FormatFailure);
    }
    if content == Content::Detached && p(SignerProblem::DetachedWithContent) {
        v.check(
            CheckId::Format,
            CheckStatus::Failed,
            "detached_with_content",
        );
        v.fail(SubIndication::FormatFailure);
    }
    match sr.integrity {
        Integrity::Valid => v.check(CheckId::Integrity, CheckStatus::Passed, "digest_matches"),
        Integrity::Invalid => {
            let detail = if p(SignerProblem::EncapsulatedDigestMismatch) {
                "encapsulated_digest_mismatch"
            } else {
                "digest_mismatch"
            };
            v.check(CheckId::Integrity, CheckStatus::Failed, detail);
            v.fail(SubIndication::HashFailure);
        }
        Integrity::Unknown => {
            let detail = if p(SignerProblem::MessageDigestMissing) {
                "message_digest_missing"
            } else if p(SignerProblem::UnsupportedDigestAlgorithm) {
                "unsupported_digest_algorithm"
            } else {
                "digest_not_checked"
            };
            v.check(CheckId::Integrity, CheckStatus::NotChecked, detail);
            if detail == "message_digest_missing" {
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
            r.integrity = "invalid";
            v.check(
                CheckId::Integrity,
                CheckStatus::Failed,
                "timestamp_imprint_mismatch",
            );
            v.fail(SubIndication::HashFailure);
        }
        TimestampStatus::Malformed => {
            v.check(CheckId::Integrity, CheckStatus::NotChecked, ts.detail);
            v.fail(SubIndication::FormatFailure);
        }
        _ => {
            r.integrity = "valid";
            v.check(
                CheckId::Integrity,
                CheckStatus::Passed,
                "timestamp_imprint_matches",
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
            "ess_v2_match",
        ),
        EssStatus::V1Match => v.check(
            CheckId::EssSigningCertificate,
            if cades {
                CheckStatus::Warning
            } else {
                CheckStatus::Passed
            },
            "ess_v1_match",
        ),
        EssStatus::Absent => {
            if cades {
                v.check(
                    CheckId::EssSigningCertificate,
                    CheckStatus::Warning,
                    "ess_absent_cades",
                );
            } else if !is_ts {
                v.check(
                    CheckId::EssSigningCertificate,
                    CheckStatus::NotChecked,
                    "ess_absent",
                );
            }
        }
        EssStatus::Mismatch => {
            v.check(
                CheckId::EssSigningCertificate,
                CheckStatus::Failed,
                "ess_mismatch",
            );
            v.doubt(SubIndication::NoSigningCertificateFound);
        }
        EssStatus::Malformed => {
            v.check(
                CheckId::EssSigningCertificate,
                CheckStatus::Failed,
                "ess_malformed",
            );
            v.fail(SubIndication::FormatFailure);
        }
        EssStatus::NotChecked => v.check(
            CheckId::EssSigningCertificate,
            CheckStatus::NotChecked,
            "signer_certificate_not_found",
        ),
    }
}
