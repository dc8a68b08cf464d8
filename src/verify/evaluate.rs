//! One signature, step by step (ETSI EN 319 102-1 §5.2–5.5, in the order a reader
//! would ask): is it readable, what does it cover, is the content intact, does the
//! signature verify and by whom, when was it made, did the signer's certificate chain
//! to an anchor and was it unrevoked then, are the algorithms acceptable, and what
//! changed afterwards.
//!
//! Each step appends a [`Check`]; failures and doubts are recorded in a [`Verdict`]
//! in that order, so the first TOTAL_FAILED reason wins, else the first
//! INDETERMINATE one.

use super::revocation_checks;
use super::{
    ChangeEntry, Check, CheckId, CheckStatus, Headline, Indication, Material, PlannedSignature,
    SignatureReport, SigningTime, SubIndication, VerifyOptions,
};
use crate::cert::{self, Cert};
use crate::cms::{
    self, Content, Digests, EssStatus, Integrity, SignatureStatus, SignerProblem, SignerReport,
    TimestampReport, TimestampStatus, VerifyContext, policy, tst,
};
use crate::crypto::HashAlg;
use crate::pdf::{self, CoverageGrade, Document, SigKind, SignatureInfo};
use crate::time::Instant;
use crate::trust::{ChainReason, ChainStatus, Origin, ValidationOptions};

#[derive(Default)]
struct Verdict {
    failed: Option<SubIndication>,
    indeterminate: Option<SubIndication>,
    checks: Vec<Check>,
}

impl Verdict {
    fn check(&mut self, id: CheckId, status: CheckStatus, detail: &'static str) {
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
            "document_timestamp"
        } else {
            "signature"
        },
        sub_filter: sig.sub_filter.clone(),
        indication: Indication::Indeterminate,
        sub_indication: None,
        integrity: "unknown",
        coverage: cov.grade.code(),
        coverage_problem: cov.problem.map(|p| p.code()),
        modified_after: false,
        changes_after: Vec::new(),
        reachable: sig.reachable,
        removed_in_revision: sig.removed_in.first().copied(),
        certification: sig.mdp.map(|p| p.code()),
        signer: None,
        signing_time: SigningTime {
            claimed: None,
            claimed_source: None,
            proven: None,
            proven_source: None,
            used: "validation_time",
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
            v.check(CheckId::Format, CheckStatus::Failed, e.code());
            v.fail(SubIndication::FormatFailure);
            None
        }
    };
    if cms.is_some() {
        if !sf_known {
            v.check(CheckId::Format, CheckStatus::Failed, "sub_filter_unknown");
            v.fail(SubIndication::FormatFailure);
        } else if !kind_ok {
            v.check(
                CheckId::Format,
                CheckStatus::Failed,
                "sub_filter_kind_mismatch",
            );
            v.fail(SubIndication::FormatFailure);
        } else if cms.is_some_and(|c| c.signers.len() != 1) {
            v.check(CheckId::Format, CheckStatus::Failed, "multiple_signers");
            v.fail(SubIndication::FormatFailure);
        } else {
            v.check(CheckId::Format, CheckStatus::Passed, "format_ok");
        }
    }

    // 2. Coverage.
    match cov.grade {
        // The details are the texts' codes (`coverage_*`), so they read as words.
        CoverageGrade::EntireFile => v.check(
            CheckId::Coverage,
            CheckStatus::Passed,
            "coverage_entire_file",
        ),
        CoverageGrade::EntireRevision => v.check(
            CheckId::Coverage,
            CheckStatus::Passed,
            "coverage_entire_revision",
        ),
        CoverageGrade::Partial => {
            v.check(CheckId::Coverage, CheckStatus::Warning, "coverage_partial");
            v.doubt(SubIndication::FormatFailure);
        }
        CoverageGrade::Unclear => {
            v.check(
                CheckId::Coverage,
                CheckStatus::Failed,
                cov.problem.map_or("coverage_unclear", |p| p.code()),
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
        Some(SignatureStatus::Valid) => {
            v.check(CheckId::Signature, CheckStatus::Passed, "signature_valid")
        }
        Some(SignatureStatus::Invalid)
            if sr_for_sig
                .is_some_and(|s| s.problems.contains(&SignerProblem::SignedDigestMismatch)) =>
        {
            // The signer's key recovers a well-formed digest of other bytes: the value
            // is genuine, the document changed (HASH_FAILURE, already recorded above).
            v.check(
                CheckId::Signature,
                CheckStatus::Failed,
                "signature_over_other_content",
            );
        }
        Some(SignatureStatus::Invalid) => {
            v.check(CheckId::Signature, CheckStatus::Failed, "signature_invalid");
            v.fail(SubIndication::SigCryptoFailure);
        }
        Some(SignatureStatus::Unsupported { code }) => {
            // An algorithm we do not implement (Ed448, DSA …) says nothing against
            // the signature: it was not checked. A key that does not fit the
            // algorithm, or bad parameters, is a fault of the signature itself.
            let status = if *code == "unsupported_algorithm" {
                CheckStatus::NotChecked
            } else {
                CheckStatus::Failed
            };
            v.check(CheckId::Signature, status, code);
            v.doubt(SubIndication::CryptoConstraintsFailure);
        }
        Some(SignatureStatus::NotChecked) | None => {
            v.check(
                CheckId::Signature,
                CheckStatus::NotChecked,
                "signature_not_checked",
            );
            v.doubt(SubIndication::NoSigningCertificateFound);
        }
    }
    match &signer_cert {
        None => {
            v.check(
                CheckId::SigningCertificate,
                CheckStatus::Failed,
                "signer_certificate_not_found",
            );
            v.doubt(SubIndication::NoSigningCertificateFound);
        }
        Some(_) => v.check(
            CheckId::SigningCertificate,
            CheckStatus::Passed,
            "signer_certificate_found",
        ),
    }
    if let Some(sr) = &signer_report {
        ess(&mut v, sr, sig, is_ts);
    }

    // 5. Times: claimed, proven.
    let (claimed, claimed_source) = match (claimed, sig.claimed_time) {
        (Some(t), _) => (Some(t), Some("signing_time_attribute")),
        (None, Some(t)) if !is_ts => (Some(t), Some("pdf_m")),
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
                "document_timestamp"
            } else {
                "signature_timestamp"
            });
        }
    } else if !is_ts {
        v.check(CheckId::Timestamp, CheckStatus::NotChecked, "no_timestamp");
    }
    let (used, used_time) = match (proven, claimed) {
        (Some(p), _) => ("proven", p),
        (None, Some(c)) => ("claimed", c),
        (None, None) => ("validation_time", opts.at),
    };
    r.signing_time.used = used;
    r.signing_time.used_time = used_time;
    v.check(
        CheckId::SigningTime,
        if used == "proven" {
            CheckStatus::Passed
        } else {
            CheckStatus::Warning
        },
        match used {
            "proven" => "time_proven_by_timestamp",
            "claimed" => "time_claimed_only",
            _ => "time_unknown_validation_time_used",
        },
    );
    if let (Some(c), Some(p)) = (claimed, proven)
        && c > p.checked_add_secs(300).unwrap_or(p)
    {
        v.check(
            CheckId::SigningTime,
            CheckStatus::Warning,
            "claimed_time_after_timestamp",
        );
    }
    if used_time > opts.at {
        v.check(
            CheckId::SigningTime,
            CheckStatus::Warning,
            "signing_time_in_future",
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
            "signer_certificate_not_found",
        );
        v.check(
            CheckId::Revocation,
            CheckStatus::NotChecked,
            "signer_certificate_not_found",
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
                    "sha1_before_retirement",
                );
            } else {
                v.check(CheckId::Algorithms, CheckStatus::Failed, "sha1_no_poe");
                v.doubt(SubIndication::CryptoConstraintsFailureNoPoe);
            }
        } else {
            v.check(CheckId::Algorithms, CheckStatus::Passed, "algorithms_ok");
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

fn integrity_of_signature(
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

fn integrity_of_doc_timestamp(
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

fn ess(v: &mut Verdict, sr: &SignerReport, sig: &SignatureInfo, is_ts: bool) {
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

/// Verifies a time-stamp's TSA chain; returns the proven time when all holds.
fn timestamp_check(
    v: &mut Verdict,
    ts: &TimestampReport,
    m: &Material,
    opts: &VerifyOptions,
    is_doc_ts: bool,
) -> Option<Instant> {
    if ts.status != TimestampStatus::Valid {
        v.check(CheckId::Timestamp, CheckStatus::Failed, ts.detail);
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
                "tsa_eku_not_critical",
            );
        }
        return Some(gen_time);
    }
    if chain.status != ChainStatus::Trusted {
        v.check(CheckId::Timestamp, CheckStatus::Warning, "tsa_not_trusted");
        return None;
    }
    if !ts.eku_critical {
        v.check(
            CheckId::Timestamp,
            CheckStatus::Warning,
            "tsa_eku_not_critical",
        );
    } else {
        v.check(CheckId::Timestamp, CheckStatus::Passed, "timestamp_valid");
    }
    Some(gen_time)
}

/// Key purposes that let a certificate sign a document when its extendedKeyUsage
/// extension is critical. RFC 5280 §4.2.1.12: with the extension present, "the
/// certificate MUST only be used for one of the purposes indicated"; we enforce that
/// only when the CA marked it critical, because many CAs put TLS-client or e-mail
/// purposes, non-critical, on certificates meant for signing (pyHanko's
/// `KeyUsageConstraints.extd_key_usage` documentation says the same of practice),
/// and a false alarm on a genuine document is as costly as a missed forgery.
///
/// The list, and where each comes from:
/// - `anyExtendedKeyUsage` 2.5.29.37.0 — RFC 5280 §4.2.1.12: no restriction;
/// - `id-kp-documentSigning` 1.3.6.1.5.5.7.3.36 — RFC 9336, the purpose made for it;
/// - `id-kp-emailProtection` 1.3.6.1.5.5.7.3.4 — RFC 5280; CMS/S-MIME signing
///   certificates, what the Vietnamese CAs issue to signers (the real G1/G2 leaves
///   carry it) and what Adobe Acrobat accepts for signing;
/// - Adobe Authentic Documents Trust 1.2.840.113583.1.1.5 — Adobe's PDF-signing
///   purpose (AATL certificates);
/// - Microsoft Document Signing 1.3.6.1.4.1.311.10.3.12 — `szOID_KP_DOCUMENT_SIGNING`;
/// - `id-kp-codeSigning` 1.3.6.1.5.5.7.3.3 — kept because Adobe Acrobat's signing
///   certificate requirements accept it beside the four above (RFC 9336 §1 regrets
///   that practice, but refusing what the common reader accepts would flag genuine
///   documents).
///
/// Not accepted: serverAuth, clientAuth, timeStamping, OCSPSigning and anything else.
const DOCUMENT_SIGNING_PURPOSES: &[const_oid::ObjectIdentifier] = &[
    const_oid::ObjectIdentifier::new_unwrap("2.5.29.37.0"),
    const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.36"),
    const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.4"),
    const_oid::ObjectIdentifier::new_unwrap("1.2.840.113583.1.1.5"),
    const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.4.1.311.10.3.12"),
    const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.3"),
];

/// May the signer's key sign a document? Two checks, each its own line in the report:
///
/// - `signer_key_usage` — RFC 5280 §4.2.1.3: when keyUsage is present, a signature
///   on anything but certificates and CRLs needs digitalSignature or nonRepudiation
///   (contentCommitment);
/// - `signer_extended_key_usage` — a critical extendedKeyUsage must name a purpose of
///   [`DOCUMENT_SIGNING_PURPOSES`]; a non-critical one that does not is a warning.
///
/// Either failing is CHAIN_CONSTRAINTS_FAILURE: the signing certificate does not meet
/// the constraints of the X.509 validation (ETSI EN 319 102-1 §5.2.6, applied to the
/// signer as a validation constraint, §5.2.8), which the standard's table of
/// indications (§5.1.3) files under INDETERMINATE, not TOTAL_FAILED.
fn signer_key_purpose(v: &mut Verdict, leaf: &Cert) {
    use x509_cert::ext::pkix::{ExtendedKeyUsage, KeyUsage};
    let tbs = leaf.x509().tbs_certificate();
    match tbs.get_extension::<KeyUsage>() {
        Ok(None) => v.check(
            CheckId::SignerKeyUsage,
            CheckStatus::Passed,
            "key_usage_absent",
        ),
        Ok(Some((_, ku))) if ku.digital_signature() || ku.non_repudiation() => v.check(
            CheckId::SignerKeyUsage,
            CheckStatus::Passed,
            "key_usage_allows_signing",
        ),
        Ok(Some(_)) => {
            v.check(
                CheckId::SignerKeyUsage,
                CheckStatus::Failed,
                "key_usage_excludes_signing",
            );
            v.doubt(SubIndication::ChainConstraintsFailure);
        }
        Err(_) => {
            v.check(
                CheckId::SignerKeyUsage,
                CheckStatus::Failed,
                "key_usage_malformed",
            );
            v.doubt(SubIndication::ChainConstraintsFailure);
        }
    }
    match tbs.get_extension::<ExtendedKeyUsage>() {
        Ok(None) => v.check(
            CheckId::SignerExtendedKeyUsage,
            CheckStatus::Passed,
            "eku_absent",
        ),
        Ok(Some((_, eku))) if eku.0.iter().any(|p| DOCUMENT_SIGNING_PURPOSES.contains(p)) => v
            .check(
                CheckId::SignerExtendedKeyUsage,
                CheckStatus::Passed,
                "eku_allows_signing",
            ),
        Ok(Some((false, _))) => v.check(
            CheckId::SignerExtendedKeyUsage,
            CheckStatus::Warning,
            "eku_not_critical_other_purposes",
        ),
        Ok(Some((true, _))) => {
            v.check(
                CheckId::SignerExtendedKeyUsage,
                CheckStatus::Failed,
                "eku_excludes_signing",
            );
            v.doubt(SubIndication::ChainConstraintsFailure);
        }
        Err(_) => {
            v.check(
                CheckId::SignerExtendedKeyUsage,
                CheckStatus::Failed,
                "eku_malformed",
            );
            v.doubt(SubIndication::ChainConstraintsFailure);
        }
    }
}

fn chain_checks(
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
                "chain_trusted",
            );
            v.check(
                CheckId::ValidityAtSigningTime,
                CheckStatus::Passed,
                "cert_valid_at_signing_time",
            );
            chain_ok = true;
        }
        (ChainStatus::Incomplete, _) => {
            // Which CA is missing and where it is published: the chain's
            // `missing_issuer`; the check says whether a location is known.
            let detail = chain
                .missing_issuer
                .as_ref()
                .map_or("issuer_not_found", |m| m.code);
            v.check(CheckId::CertificateChain, CheckStatus::Failed, detail);
            v.doubt(SubIndication::NoCertificateChainFound);
        }
        (ChainStatus::Untrusted, _) => {
            v.check(
                CheckId::CertificateChain,
                CheckStatus::Failed,
                "root_not_trusted",
            );
            v.doubt(SubIndication::NoCertificateChainFound);
        }
        (_, ChainReason::CertExpired { position, .. }) => {
            v.check(
                CheckId::CertificateChain,
                CheckStatus::Failed,
                "cert_expired",
            );
            v.check(
                CheckId::ValidityAtSigningTime,
                CheckStatus::Failed,
                "cert_expired_at_signing_time",
            );
            if *position == 0 && proven {
                v.fail(SubIndication::Expired);
            } else {
                v.doubt(SubIndication::OutOfBoundsNoPoe);
            }
        }
        (_, ChainReason::CertNotYetValid { position, .. }) => {
            v.check(
                CheckId::CertificateChain,
                CheckStatus::Failed,
                "cert_not_yet_valid",
            );
            v.check(
                CheckId::ValidityAtSigningTime,
                CheckStatus::Failed,
                "cert_not_yet_valid_at_signing_time",
            );
            if *position == 0 && proven {
                v.fail(SubIndication::NotYetValid);
            } else {
                v.doubt(SubIndication::OutOfBoundsNoPoe);
            }
        }
        (_, ChainReason::BadSignature { .. }) => {
            v.check(
                CheckId::CertificateChain,
                CheckStatus::Failed,
                "bad_signature",
            );
            v.doubt(SubIndication::CertificateChainGeneralFailure);
        }
        (_, reason) => {
            v.check(
                CheckId::CertificateChain,
                CheckStatus::Failed,
                reason.code(),
            );
            v.doubt(SubIndication::ChainConstraintsFailure);
        }
    }
    // Without a proof of the signing time, the certificate must still be within its
    // validity now (ETSI EN 319 102-1 §5.2.6: OUT_OF_BOUNDS_NO_POE).
    if chain_ok && !proven {
        let now = cert::facts(leaf, opts.at).status;
        if now != cert::facts::ValidityStatus::Valid {
            v.check(
                CheckId::ValidityAtSigningTime,
                CheckStatus::Warning,
                "cert_expired_now_no_poe",
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

fn modifications(v: &mut Verdict, r: &mut SignatureReport, doc: &Document, sig: &SignatureInfo) {
    let ch = doc.changes_after(sig);
    r.modified_after = ch.modified_after;
    r.changes_after = ch
        .changes
        .iter()
        .filter(|c| c.kind != pdf::ChangeKind::Bookkeeping)
        .map(|c| ChangeEntry {
            revision: c.revision,
            allowed: c.allowed,
            what: c.kind.code(),
            action: match c.action {
                pdf::ChangeAction::Added => "added",
                pdf::ChangeAction::Modified => "modified",
                pdf::ChangeAction::Deleted => "deleted",
            },
            rule: c.rule.code(),
            page: c.page,
            object: c.object,
            comment: c.comment.clone(),
        })
        .collect();
    if !ch.all_allowed {
        v.check(
            CheckId::Modifications,
            CheckStatus::Failed,
            "changes_not_allowed",
        );
        v.doubt(SubIndication::SigConstraintsFailure);
    } else if !ch.reliable {
        v.check(
            CheckId::Modifications,
            CheckStatus::Warning,
            "changes_analysis_unreliable",
        );
        v.doubt(SubIndication::SigConstraintsFailure);
    } else if ch.changes.iter().any(|c| c.comment.is_some()) {
        // Allowed, but not silent: the comments are not part of what was signed,
        // and the report lists each one with its page and text.
        v.check(
            CheckId::Modifications,
            CheckStatus::Warning,
            "comments_added",
        );
    } else if ch.modified_after {
        v.check(
            CheckId::Modifications,
            CheckStatus::Passed,
            "only_allowed_changes",
        );
    } else {
        v.check(
            CheckId::Modifications,
            CheckStatus::Passed,
            "no_changes_after_signing",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert(rel: &str) -> Cert {
        let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let der = match der::pem::decode_vec(&bytes) {
            Ok((_, d)) => d,
            Err(_) => bytes,
        };
        Cert::from_der(&der).unwrap()
    }

    fn purpose(
        rel: &str,
    ) -> (
        Vec<(&'static str, CheckStatus, &'static str)>,
        Option<SubIndication>,
    ) {
        let mut v = Verdict::default();
        signer_key_purpose(&mut v, &cert(rel));
        let checks = v
            .checks
            .iter()
            .map(|c| (c.id.code(), c.status, c.detail))
            .collect();
        (checks, v.result().1)
    }

    #[test]
    fn what_the_signers_key_may_do() {
        use CheckStatus::*;
        // A real G2 leaf: digitalSignature + nonRepudiation, a non-critical EKU that
        // names e-mail protection among client purposes.
        let (c, sub) = purpose("../shared/fixtures/real-certs/leaf-g2-cpcag2-tongcucthue.pem");
        assert_eq!(
            c,
            [
                ("signer_key_usage", Passed, "key_usage_allows_signing"),
                ("signer_extended_key_usage", Passed, "eku_allows_signing"),
            ]
        );
        assert_eq!(sub, None);
        let (c, sub) = purpose("tests/fixtures/signed/pki/ku/encipher.cer");
        assert_eq!(
            c[0],
            ("signer_key_usage", Failed, "key_usage_excludes_signing")
        );
        assert_eq!(sub, Some(SubIndication::ChainConstraintsFailure));
        let (c, sub) = purpose("tests/fixtures/signed/pki/ku/server.cer");
        assert_eq!(
            c[1],
            ("signer_extended_key_usage", Failed, "eku_excludes_signing")
        );
        assert_eq!(sub, Some(SubIndication::ChainConstraintsFailure));
        let (c, sub) = purpose("tests/fixtures/signed/pki/ku/nonrep.cer");
        assert_eq!(
            c[0],
            ("signer_key_usage", Passed, "key_usage_allows_signing")
        );
        assert_eq!(c[1], ("signer_extended_key_usage", Passed, "eku_absent"));
        assert_eq!(sub, None);
        // A non-critical EKU for another purpose (an OCSP responder's): said, not held
        // against the signature.
        let (c, sub) = purpose("tests/fixtures/signed/pki/rev/responder.cer");
        assert_eq!(
            c[1],
            (
                "signer_extended_key_usage",
                Warning,
                "eku_not_critical_other_purposes"
            )
        );
        assert_eq!(sub, None);
    }
}
