//! One signature, step by step (ETSI EN 319 102-1 §5.2–5.5, in the order a reader
//! would ask): is it readable, what does it cover, is the content intact, does the
//! signature verify and by whom, when was it made, did the signer's certificate chain
//! to an anchor and was it unrevoked then, are the algorithms acceptable, and what
//! changed afterwards.
//!
//! Each step appends a [`Check`]; failures and doubts are recorded in a [`Verdict`]
//! in that order, so the first TOTAL_FAILED reason wins, else the first
//! INDETERMINATE one.

mod chain;
mod integrity;
mod key_purpose;
mod modifications;
mod timestamps;

use super::{
    Check, CheckDetail, CheckId, CheckStatus, ClaimedSource, Headline, Indication, Material,
    PlannedSignature, ProvenSource, SignatureKind, SignatureReport, SigningTime, SubIndication,
    TimeUsed, VerifyOptions,
};
use crate::cert;
use crate::cms::{
    self, Content, Digests, Integrity, SignatureStatus, SignerProblem, TimestampReport,
    VerifyContext, policy, tst,
};
use crate::crypto::{HashAlg, SignatureError};
use crate::pdf::{CoverageGrade, Document, SigKind, SignatureInfo};
use crate::trust::Origin;
use chain::chain_checks;
use integrity::{ess, integrity_of_doc_timestamp, integrity_of_signature};
use key_purpose::signer_key_purpose;
use modifications::modifications;
use timestamps::timestamp_check;

#[derive(Default)]
struct Verdict {
    failed: Option<SubIndication>,
    indeterminate: Option<SubIndication>,
    checks: Vec<Check>,
}

impl Verdict {
    fn check(&mut self, id: CheckId, status: CheckStatus, detail: CheckDetail) {
        self.checks.push(Check { id, status, detail });
    }
    fn fail(&mut self, sub: SubIndication) {
        self.failed.get_or_insert(sub);
    }
    fn doubt(&mut self, sub: SubIndication) {
        self.indeterminate.get_or_insert(sub);
    }
    fn result(&self) -> (Indication, Option<SubIndication>) {
        match (self.failed, self.indeterminate) {
            (Some(s), _) => (Indication::TotalFailed, Some(s)),
            (None, Some(s)) => (Indication::Indeterminate, Some(s)),
            (None, None) => (Indication::TotalPassed, None),
        }
    }
}

const KNOWN_SUB_FILTERS: &[&str] = &[
    "adbe.pkcs7.detached",
    "ETSI.CAdES.detached",
    "adbe.pkcs7.sha1",
    "ETSI.RFC3161",
];

pub(super) fn signature(
    doc: &Document,
    sig: &SignatureInfo,
    plan: &PlannedSignature,
    digests: &Digests,
    m: &mut Material,
    opts: &VerifyOptions,
) -> SignatureReport {
    let mut v = Verdict::default();
    let is_ts = plan.content == Content::DocTimestamp;
    let cov = doc.coverage(sig);
    let mut r = SignatureReport {
        field: sig.field_name.clone(),
        revision: sig.revision,
        signed_after: Vec::new(),
        headline: Headline::Unknown,
        kind: if is_ts {
            SignatureKind::DocumentTimestamp
        } else {
            SignatureKind::Signature
        },
        sub_filter: sig.sub_filter.clone(),
        indication: Indication::Indeterminate,
        sub_indication: None,
        integrity: Integrity::Unknown,
        coverage: cov.grade,
        coverage_problem: cov.problem,
        modified_after: false,
        changes_after: Vec::new(),
        reachable: sig.reachable,
        removed_in_revision: sig.removed_in.first().copied(),
        certification: sig.mdp,
        signer: None,
        signing_time: SigningTime {
            claimed: None,
            claimed_source: None,
            proven: None,
            proven_source: None,
            used: TimeUsed::ValidationTime,
            used_time: opts.at,
        },
        signature_algorithm: None,
        digest_algorithm: None,
        chain: None,
        revocation: None,
        reason: sig.reason.clone(),
        location: sig.location.clone(),
        checks: Vec::new(),
    };

    // 1. Format: a sub-filter we know, a CMS that parses.
    let sf_known = sig
        .sub_filter
        .as_deref()
        .is_some_and(|s| KNOWN_SUB_FILTERS.contains(&s));
    let kind_ok = match sig.kind {
        SigKind::DocTimestamp => sig.sub_filter.as_deref() == Some("ETSI.RFC3161"),
        SigKind::Signature => sig.sub_filter.as_deref() != Some("ETSI.RFC3161") || sf_known,
    };
    let cms = match &plan.cms {
        Ok(c) => Some(c),
        Err(e) => {
            v.check(
                CheckId::Format,
                CheckStatus::Failed,
                CheckDetail::Cms(e.clone()),
            );
            v.fail(SubIndication::FormatFailure);
            None
        }
    };
    if cms.is_some() {
        if !sf_known {
            v.check(
                CheckId::Format,
                CheckStatus::Failed,
                CheckDetail::SubFilterUnknown,
            );
            v.fail(SubIndication::FormatFailure);
        } else if !kind_ok {
            v.check(
                CheckId::Format,
                CheckStatus::Failed,
                CheckDetail::SubFilterKindMismatch,
            );
            v.fail(SubIndication::FormatFailure);
        } else if cms.is_some_and(|c| c.signers.len() != 1) {
            v.check(
                CheckId::Format,
                CheckStatus::Failed,
                CheckDetail::MultipleSigners,
            );
            v.fail(SubIndication::FormatFailure);
        } else {
            v.check(CheckId::Format, CheckStatus::Passed, CheckDetail::FormatOk);
        }
    }

    // 2. Coverage.
    let grade = CheckDetail::Coverage(cov.grade);
    match cov.grade {
        CoverageGrade::EntireFile | CoverageGrade::EntireRevision => {
            v.check(CheckId::Coverage, CheckStatus::Passed, grade)
        }
        CoverageGrade::Partial => {
            v.check(CheckId::Coverage, CheckStatus::Warning, grade);
            v.doubt(SubIndication::FormatFailure);
        }
        CoverageGrade::Unclear => {
            v.check(
                CheckId::Coverage,
                CheckStatus::Failed,
                cov.problem.map_or(grade, CheckDetail::CoverageProblem),
            );
            v.fail(SubIndication::FormatFailure);
        }
    }

    let Some(cms) = cms else {
        return close(r, v);
    };
    if plan.ranges.is_none() {
        return close(r, v);
    }

    let ctx = VerifyContext {
        extra_certs: &m.pool,
    };
    let (signer_report, ts_report, signer_cert, claimed) = if is_ts {
        let ts = tst::verify_token(cms, tst::Imprint::Digests(digests), &ctx);
        let sr = ts.signer.as_deref().cloned();
        let cert = ts.tsa_cert.clone();
        (sr, Some(ts), cert, None)
    } else {
        let sr = cms::verify(cms, plan.content, digests, &ctx);
        let cert = sr.signer_cert.clone();
        let claimed = sr.signing_time;
        let ts = sr.signature_timestamp.as_deref().cloned();
        (Some(sr), ts, cert, claimed)
    };

    // The revocation archive the signature carries (signed attribute) joins the
    // evidence; what is already held (its CMS CRLs, gathered by `finish`) is not
    // added twice.
    if let Some(sr) = &signer_report {
        for d in &sr.crls {
            m.evidence.add_crl_der(d, Origin::Embedded);
        }
        for d in &sr.ocsp_responses {
            m.evidence.add_ocsp_der(d, Origin::Embedded);
        }
        r.signature_algorithm = Some(sr.signature_algorithm);
        r.digest_algorithm = sr.digest_algorithm;
    }
    if let Some(ts) = &ts_report {
        for c in &ts.certificates {
            if !m.pool.iter().any(|p| p.sha256() == c.sha256()) {
                m.pool.push(c.clone());
            }
        }
    }

    // 3. Integrity.
    if is_ts {
        integrity_of_doc_timestamp(&mut v, &mut r, ts_report.as_ref());
    } else if let Some(sr) = &signer_report {
        integrity_of_signature(&mut v, &mut r, sr, plan.content);
    }

    // 4. Signature value and signer certificate.
    let sr_for_sig = signer_report.as_ref();
    match sr_for_sig.map(|s| &s.signature) {
        Some(SignatureStatus::Valid) => v.check(
            CheckId::Signature,
            CheckStatus::Passed,
            CheckDetail::SignatureValid,
        ),
        Some(SignatureStatus::Invalid)
            if sr_for_sig
                .is_some_and(|s| s.problems.contains(&SignerProblem::SignedDigestMismatch)) =>
        {
            // The signer's key recovers a well-formed digest of other bytes: the value
            // is genuine, the document changed (HASH_FAILURE, already recorded above).
            v.check(
                CheckId::Signature,
                CheckStatus::Failed,
                CheckDetail::SignatureOverOtherContent,
            );
        }
        Some(SignatureStatus::Invalid) => {
            v.check(
                CheckId::Signature,
                CheckStatus::Failed,
                CheckDetail::SignatureInvalid,
            );
            v.fail(SubIndication::SigCryptoFailure);
        }
        Some(SignatureStatus::Unsupported { error }) => {
            // An algorithm we do not implement (Ed448, DSA …) says nothing against
            // the signature: it was not checked. A key that does not fit the
            // algorithm, or bad parameters, is a fault of the signature itself.
            let status = if matches!(error, SignatureError::UnsupportedAlgorithm { .. }) {
                CheckStatus::NotChecked
            } else {
                CheckStatus::Failed
            };
            v.check(CheckId::Signature, status, CheckDetail::from(error));
            v.doubt(SubIndication::CryptoConstraintsFailure);
        }
        Some(SignatureStatus::NotChecked) | None => {
            v.check(
                CheckId::Signature,
                CheckStatus::NotChecked,
                CheckDetail::SignatureNotChecked,
            );
            v.doubt(SubIndication::NoSigningCertificateFound);
        }
    }
    match &signer_cert {
        None => {
            v.check(
                CheckId::SigningCertificate,
                CheckStatus::Failed,
                CheckDetail::SignerCertificateNotFound,
            );
            v.doubt(SubIndication::NoSigningCertificateFound);
        }
        Some(_) => v.check(
            CheckId::SigningCertificate,
            CheckStatus::Passed,
            CheckDetail::SignerCertificateFound,
        ),
    }
    if let Some(sr) = &signer_report {
        ess(&mut v, sr, sig, is_ts);
    }

    // 5. Times: claimed, proven.
    let (claimed, claimed_source) = match (claimed, sig.claimed_time) {
        (Some(t), _) => (Some(t), Some(ClaimedSource::SigningTimeAttribute)),
        (None, Some(t)) if !is_ts => (Some(t), Some(ClaimedSource::PdfM)),
        _ => (None, None),
    };
    r.signing_time.claimed = claimed;
    r.signing_time.claimed_source = claimed_source;
    let mut proven = None;
    if let Some(ts) = &ts_report {
        proven = timestamp_check(&mut v, ts, m, opts, is_ts);
        if proven.is_some() {
            r.signing_time.proven = proven;
            r.signing_time.proven_source = Some(if is_ts {
                ProvenSource::DocumentTimestamp
            } else {
                ProvenSource::SignatureTimestamp
            });
        }
    } else if !is_ts {
        v.check(
            CheckId::Timestamp,
            CheckStatus::NotChecked,
            CheckDetail::NoTimestamp,
        );
    }
    let (used, used_time) = match (proven, claimed) {
        (Some(p), _) => (TimeUsed::Proven, p),
        (None, Some(c)) => (TimeUsed::Claimed, c),
        (None, None) => (TimeUsed::ValidationTime, opts.at),
    };
    r.signing_time.used = used;
    r.signing_time.used_time = used_time;
    v.check(
        CheckId::SigningTime,
        if used == TimeUsed::Proven {
            CheckStatus::Passed
        } else {
            CheckStatus::Warning
        },
        match used {
            TimeUsed::Proven => CheckDetail::TimeProvenByTimestamp,
            TimeUsed::Claimed => CheckDetail::TimeClaimedOnly,
            TimeUsed::ValidationTime => CheckDetail::TimeUnknownValidationTimeUsed,
        },
    );
    if let (Some(c), Some(p)) = (claimed, proven)
        && c > p.checked_add_secs(300).unwrap_or(p)
    {
        v.check(
            CheckId::SigningTime,
            CheckStatus::Warning,
            CheckDetail::ClaimedTimeAfterTimestamp,
        );
    }
    if used_time > opts.at {
        v.check(
            CheckId::SigningTime,
            CheckStatus::Warning,
            CheckDetail::SigningTimeInFuture,
        );
        v.doubt(SubIndication::SigConstraintsFailure);
    }

    // 6. What the signer's key may do, then chain, validity and revocation at the
    //    signing time. (A time-stamp's TSA is judged by its own EKU check.)
    if let Some(leaf) = &signer_cert {
        r.signer = Some(cert::facts(leaf, used_time));
        if !is_ts {
            signer_key_purpose(&mut v, leaf);
        }
        chain_checks(&mut v, &mut r, leaf, m, opts, used_time, proven.is_some());
    } else {
        v.check(
            CheckId::CertificateChain,
            CheckStatus::NotChecked,
            CheckDetail::SignerCertificateNotFound,
        );
        v.check(
            CheckId::Revocation,
            CheckStatus::NotChecked,
            CheckDetail::SignerCertificateNotFound,
        );
    }

    // 7. Algorithms (the SHA-1 policy).
    if let Some(sr) = &signer_report {
        let sha1 = sr.uses_sha1
            || plan.content == Content::Sha1Encapsulated
            || ts_report.as_ref().is_some_and(|t| is_ts && t.uses_sha1());
        // POE for the signature: a verified time-stamp that does not itself rely on SHA-1.
        let poe = proven.filter(|_| {
            !ts_report
                .as_ref()
                .is_some_and(TimestampReport::signature_uses_sha1)
        });
        if sha1 {
            if policy::hash_acceptable(HashAlg::Sha1, poe) {
                v.check(
                    CheckId::Algorithms,
                    CheckStatus::Passed,
                    CheckDetail::Sha1BeforeRetirement,
                );
            } else {
                v.check(
                    CheckId::Algorithms,
                    CheckStatus::Failed,
                    CheckDetail::Sha1NoPoe,
                );
                v.doubt(SubIndication::CryptoConstraintsFailureNoPoe);
            }
        } else {
            v.check(
                CheckId::Algorithms,
                CheckStatus::Passed,
                CheckDetail::AlgorithmsOk,
            );
        }
    }

    // 8. What changed afterwards.
    modifications(&mut v, &mut r, doc, sig);
    close(r, v)
}

fn close(mut r: SignatureReport, v: Verdict) -> SignatureReport {
    let (i, s) = v.result();
    r.indication = i;
    r.sub_indication = s;
    r.checks = v.checks;
    r
}
