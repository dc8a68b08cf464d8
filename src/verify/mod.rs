//! The signed-PDF report: PDF structure ([`crate::pdf`]) + CMS ([`crate::cms`]) +
//! trust ([`crate::trust`]) → one ETSI EN 319 102-1 indication per signature, the
//! checks behind it as codes, and a one-line summary for the document.
//!
//! The work is split so that a browser can hash large files itself, in chunks:
//!
//! ```text
//! plan(bytes) ──▶ Plan { per signature: byte ranges + digest algorithms }
//!        caller hashes the ranges (WebCrypto, streaming) ──▶ Vec<Digests>
//! finish(&plan, &digests, &opts) ──▶ DocumentReport
//! ```
//!
//! [`verify_pdf`] does the three steps with the crate's own hashes.
//!
//! A verdict is never better than the evidence: TOTAL_PASSED needs an exact
//! coverage, a matching digest, a valid signature by a found certificate, a chain to
//! an anchor at the signing time, revocation evidence for the signer, acceptable
//! algorithms and no disallowed change after signing.

mod detail;
mod evaluate;
mod revocation_checks;

pub use detail::CheckDetail;

use serde::Serialize;

use crate::cert::{Cert, CertFacts};
use crate::cms::{self, CmsError, Content, Digests, Integrity, SignedCms};
use crate::crypto::HashAlg;

use crate::input::InputFile;
use crate::pdf::{self, Document, PdfError, SigKind};
use crate::time::Instant;
use crate::trust::revocation::{Evidence, EvidenceStats, Origin};
use crate::trust::{ChainResult, Crl, TrustStore};

pub use crate::trust::revocation::RevStatus;

/// Everything besides the PDF that the verdict depends on.
#[derive(Clone, Debug)]
pub struct VerifyOptions {
    /// The validation time ("now"), supplied by the caller.
    pub at: Instant,
    /// A name for the file in the report.
    pub file_name: String,
    /// Extra certificates for finding signers and building chains.
    pub extra_certs: Vec<InputFile>,
    /// Anchors the user trusts on top of the pinned government CAs.
    pub anchors: Vec<InputFile>,
    /// CRL files the user supplies.
    pub crls: Vec<InputFile>,
    /// OCSP responses obtained besides the file (DER; `kyso verify --online`).
    pub ocsps: Vec<Vec<u8>>,
    /// Use the pinned government anchors (true except in conformance tests).
    pub pins: bool,
}

impl VerifyOptions {
    pub fn at(at: Instant) -> Self {
        VerifyOptions {
            at,
            file_name: String::new(),
            extra_certs: Vec::new(),
            anchors: Vec::new(),
            crls: Vec::new(),
            ocsps: Vec::new(),
            pins: true,
        }
    }
}

/// ETSI EN 319 102-1 §5.1.3 main indications.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Indication {
    TotalPassed,
    TotalFailed,
    Indeterminate,
}

impl Indication {
    pub fn code(self) -> &'static str {
        match self {
            Indication::TotalPassed => "TOTAL_PASSED",
            Indication::TotalFailed => "TOTAL_FAILED",
            Indication::Indeterminate => "INDETERMINATE",
        }
    }
}

/// ETSI EN 319 102-1 §5.1.3 sub-indications (those this verifier can reach).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SubIndication {
    FormatFailure,
    HashFailure,
    SigCryptoFailure,
    Revoked,
    Expired,
    NotYetValid,
    SigConstraintsFailure,
    ChainConstraintsFailure,
    CertificateChainGeneralFailure,
    CryptoConstraintsFailure,
    CryptoConstraintsFailureNoPoe,
    NoSigningCertificateFound,
    NoCertificateChainFound,
    OutOfBoundsNoPoe,
    RevokedNoPoe,
    TryLater,
}

impl SubIndication {
    pub fn code(self) -> &'static str {
        use SubIndication::*;
        match self {
            FormatFailure => "FORMAT_FAILURE",
            HashFailure => "HASH_FAILURE",
            SigCryptoFailure => "SIG_CRYPTO_FAILURE",
            Revoked => "REVOKED",
            Expired => "EXPIRED",
            NotYetValid => "NOT_YET_VALID",
            SigConstraintsFailure => "SIG_CONSTRAINTS_FAILURE",
            ChainConstraintsFailure => "CHAIN_CONSTRAINTS_FAILURE",
            CertificateChainGeneralFailure => "CERTIFICATE_CHAIN_GENERAL_FAILURE",
            CryptoConstraintsFailure => "CRYPTO_CONSTRAINTS_FAILURE",
            CryptoConstraintsFailureNoPoe => "CRYPTO_CONSTRAINTS_FAILURE_NO_POE",
            NoSigningCertificateFound => "NO_SIGNING_CERTIFICATE_FOUND",
            NoCertificateChainFound => "NO_CERTIFICATE_CHAIN_FOUND",
            OutOfBoundsNoPoe => "OUT_OF_BOUNDS_NO_POE",
            RevokedNoPoe => "REVOKED_NO_POE",
            TryLater => "TRY_LATER",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Passed,
    Failed,
    Warning,
    NotChecked,
}

impl CheckStatus {
    pub fn code(self) -> &'static str {
        match self {
            CheckStatus::Passed => "passed",
            CheckStatus::Failed => "failed",
            CheckStatus::Warning => "warning",
            CheckStatus::NotChecked => "not_checked",
        }
    }
}

/// What a check is about: the steps of the verdict, in the order they run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckId {
    Format,
    Coverage,
    ContentType,
    Integrity,
    Signature,
    SigningCertificate,
    EssSigningCertificate,
    Timestamp,
    TimestampRevocation,
    SigningTime,
    CertificateChain,
    /// Profile rules of RFC 5280 §4 the chain breaks without failing (a warning).
    CertificateProfile,
    ValidityAtSigningTime,
    Revocation,
    RevocationCa,
    SignerKeyUsage,
    SignerExtendedKeyUsage,
    Algorithms,
    Modifications,
}

impl CheckId {
    /// The code of the check in the JSON report (`"id"`).
    pub fn code(self) -> &'static str {
        match self {
            CheckId::Format => "format",
            CheckId::Coverage => "coverage",
            CheckId::ContentType => "content_type",
            CheckId::Integrity => "integrity",
            CheckId::Signature => "signature",
            CheckId::SigningCertificate => "signing_certificate",
            CheckId::EssSigningCertificate => "ess_signing_certificate",
            CheckId::Timestamp => "timestamp",
            CheckId::TimestampRevocation => "timestamp_revocation",
            CheckId::SigningTime => "signing_time",
            CheckId::CertificateChain => "certificate_chain",
            CheckId::ValidityAtSigningTime => "validity_at_signing_time",
            CheckId::Revocation => "revocation",
            CheckId::RevocationCa => "revocation_ca",
            CheckId::SignerKeyUsage => "signer_key_usage",
            CheckId::SignerExtendedKeyUsage => "signer_extended_key_usage",
            CheckId::Algorithms => "algorithms",
            CheckId::Modifications => "modifications",
            CheckId::CertificateProfile => "certificate_profile",
        }
    }
}

impl Serialize for CheckId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// The one-line verdict on a whole document, worst first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Summary {
    PdfError,
    EncryptedDocument,
    NoSignatures,
    ModifiedAfterSigning,
    SomeSignatureInvalid,
    SignaturesIndeterminate,
    ValidWithAllowedChanges,
    AllSignaturesValid,
}

impl Summary {
    /// Its code in the JSON report.
    pub fn code(self) -> &'static str {
        match self {
            Summary::PdfError => "pdf_error",
            Summary::EncryptedDocument => "encrypted_document",
            Summary::NoSignatures => "no_signatures",
            Summary::ModifiedAfterSigning => "modified_after_signing",
            Summary::SomeSignatureInvalid => "some_signature_invalid",
            Summary::SignaturesIndeterminate => "signatures_indeterminate",
            Summary::ValidWithAllowedChanges => "valid_with_allowed_changes",
            Summary::AllSignaturesValid => "all_signatures_valid",
        }
    }
}

impl Summary {
    /// Every summary, worst first.
    pub const ALL: [Summary; 8] = [
        Summary::PdfError,
        Summary::EncryptedDocument,
        Summary::ModifiedAfterSigning,
        Summary::SomeSignatureInvalid,
        Summary::SignaturesIndeterminate,
        Summary::NoSignatures,
        Summary::ValidWithAllowedChanges,
        Summary::AllSignaturesValid,
    ];

    /// The summary a code names (the inverse of [`Summary::code`]).
    pub fn from_code(code: &str) -> Option<Summary> {
        Summary::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl Serialize for Summary {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// One check: what (`id`), how it went, and why (`detail`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    pub id: CheckId,
    pub status: CheckStatus,
    pub detail: CheckDetail,
}

/// What was signed: a signature by a person or organisation, or a document
/// time-stamp (ISO 32000-2 §12.8.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignatureKind {
    Signature,
    DocumentTimestamp,
}

/// The times of a signature: what it claims, what a time-stamp proves, and which
/// one the chain was validated at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SigningTime {
    pub claimed: Option<Instant>,
    /// `signing_time_attribute` or `pdf_m` (the signature dictionary's /M).
    pub claimed_source: Option<&'static str>,
    pub proven: Option<Instant>,
    /// `signature_timestamp` or `document_timestamp`.
    pub proven_source: Option<&'static str>,
    /// `proven`, `claimed`, or `validation_time` when the signature gives no time.
    pub used: &'static str,
    pub used_time: Instant,
}

/// A change after the signed revision, as the report lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeEntry {
    pub revision: usize,
    pub allowed: bool,
    /// The change kind code (`form_field_value`, `page_content`, ...).
    pub what: &'static str,
    pub action: &'static str,
    pub rule: &'static str,
    pub page: Option<usize>,
    pub object: (u32, u16),
    /// For a comment added after approval signatures: its kind and text.
    pub comment: Option<pdf::Comment>,
}

/// A signature (or document timestamp) made after another one, in a later update:
/// what the reader of the earlier one sees as "signed again by …", rather than as a
/// list of objects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LaterSignature {
    pub field: String,
    pub kind: SignatureKind,
    /// The signer's name as its certificate card shows it, when known.
    pub signer: Option<String>,
    pub revision: usize,
}

/// The one sentence a reader sees first for a signature, as a code: chosen from
/// the verdict and the evidence behind it, so that the common case (intact, the
/// government chain, revocation unknown) reads as what it is, and "modified"
/// appears only when a change that is not allowed was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Headline {
    /// TOTAL_PASSED and nothing after it but allowed changes.
    Valid,
    /// TOTAL_PASSED, with comments added after signing (not part of what was signed).
    ValidWithComments,
    /// A change that is not allowed was found after signing.
    Modified,
    /// The signed bytes or the signature itself do not verify, or the file is
    /// malformed.
    Broken,
    /// The signer's certificate was revoked.
    Revoked,
    /// Intact, chains to a trusted root, but revocation could not be checked.
    IntactRevocationUnknown,
    /// Intact, but the certificate does not chain to a trusted root.
    IntactUntrusted,
    /// Intact, and something else keeps the verdict open (expiry, algorithms …).
    IntactOtherwiseOpen,
    /// Nothing can be said yet (integrity not checked).
    Unknown,
}

impl Headline {
    pub fn code(self) -> &'static str {
        match self {
            Headline::Valid => "headline_valid",
            Headline::ValidWithComments => "headline_valid_with_comments",
            Headline::Modified => "headline_modified",
            Headline::Broken => "headline_broken",
            Headline::Revoked => "headline_revoked",
            Headline::IntactRevocationUnknown => "headline_intact_revocation_unknown",
            Headline::IntactUntrusted => "headline_intact_untrusted",
            Headline::IntactOtherwiseOpen => "headline_intact_otherwise_open",
            Headline::Unknown => "headline_unknown",
        }
    }

    /// `ok`, `unsure` or `bad`: the colour a page gives it (never the only sign).
    pub fn tone(self) -> &'static str {
        match self {
            Headline::Valid => "ok",
            Headline::Modified | Headline::Broken | Headline::Revoked => "bad",
            _ => "unsure",
        }
    }

    /// The headline of `s`.
    pub fn of(s: &SignatureReport) -> Headline {
        use SubIndication as S;
        let disallowed = s.changes_after.iter().any(|c| !c.allowed) || !s.reachable;
        let comments = s.changes_after.iter().any(|c| c.comment.is_some());
        if disallowed {
            return Headline::Modified;
        }
        match (s.indication, s.sub_indication) {
            (_, Some(S::Revoked | S::RevokedNoPoe)) => Headline::Revoked,
            (Indication::TotalFailed, _) | (_, Some(S::FormatFailure)) => Headline::Broken,
            (Indication::TotalPassed, _) if comments => Headline::ValidWithComments,
            (Indication::TotalPassed, _) => Headline::Valid,
            _ if s.integrity != Integrity::Valid => Headline::Unknown,
            (_, Some(S::TryLater)) if chain_trusted(s) => Headline::IntactRevocationUnknown,
            _ if !chain_trusted(s) => Headline::IntactUntrusted,
            _ => Headline::IntactOtherwiseOpen,
        }
    }
}

fn chain_trusted(s: &SignatureReport) -> bool {
    s.chain
        .as_ref()
        .is_some_and(|c| c.status == crate::trust::ChainStatus::Trusted)
}

/// The verdict on one signature (or document time-stamp).
#[derive(Clone, Debug, Serialize)]
pub struct SignatureReport {
    pub field: String,
    /// The revision (incremental update, 0 = the original file) that made it.
    pub revision: usize,
    /// Signatures made in later updates, in order.
    pub signed_after: Vec<LaterSignature>,
    pub headline: Headline,
    pub kind: SignatureKind,
    pub sub_filter: Option<String>,
    pub indication: Indication,
    pub sub_indication: Option<SubIndication>,
    pub integrity: Integrity,
    pub coverage: pdf::CoverageGrade,
    pub coverage_problem: Option<pdf::CoverageProblem>,
    pub modified_after: bool,
    pub changes_after: Vec<ChangeEntry>,
    /// The last revision's form still reaches this signature. False when a later
    /// update removed it (its field, the form, or the field's value): viewers no
    /// longer show it, and the removal is a change that is not allowed.
    pub reachable: bool,
    /// The update that first removed this signature from the form (same numbering
    /// as [`ChangeEntry::revision`]), even when a later one put it back.
    pub removed_in_revision: Option<usize>,
    pub certification: Option<&'static str>,
    pub signer: Option<CertFacts>,
    pub signing_time: SigningTime,
    pub signature_algorithm: Option<&'static str>,
    pub digest_algorithm: Option<HashAlg>,
    pub chain: Option<ChainResult>,
    pub revocation: Option<RevStatus>,
    pub reason: Option<String>,
    pub location: Option<String>,
    pub checks: Vec<Check>,
}

/// The whole document.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentReport {
    pub file: String,
    pub at: Instant,
    pub error: Option<&'static str>,
    pub revisions: usize,
    pub encrypted: bool,
    /// For an encrypted document, what kyso could do with it, as a code:
    /// `encryption_decrypted` (empty user password: read like a plain file),
    /// `encryption_password_required` (kyso does not ask for passwords), or
    /// `encryption_unsupported`.
    pub encryption: Option<&'static str>,
    pub signatures: Vec<SignatureReport>,
    /// One code for the whole file (`all_signatures_valid`, `modified_after_signing`, ...).
    pub summary: Summary,
    /// Problems with user-supplied files (unreadable certificates/CRLs), as codes.
    pub input_problems: Vec<&'static str>,
    /// The revocation evidence gathered and the work done on it (CRLs and OCSP
    /// responses kept, duplicates dropped, signature checks run).
    pub evidence: EvidenceStats,
}

/// One signature's share of the work before hashing.
#[derive(Clone, Debug)]
pub struct PlannedSignature {
    pub index: usize,
    /// The signed ranges as half-open `(start, end)` pairs; `None` when coverage is
    /// unclear (nothing should be hashed).
    pub ranges: Option<[(usize, usize); 2]>,
    /// The digests of the concatenated ranges that [`finish`] needs.
    pub digests: Vec<HashAlg>,
    pub content: Content,
    cms: Result<SignedCms, CmsError>,
}

/// What must be hashed before [`finish`].
#[derive(Clone, Debug)]
pub struct Plan {
    doc: Result<Document, PdfError>,
    pub signatures: Vec<PlannedSignature>,
}

impl Plan {
    /// Every certificate the document carries: in each signature's CMS, in the
    /// time-stamp tokens of its unsigned attributes, and in the DSS. What a caller
    /// that fetches revocation evidence (the page's trust folder, `--online`) must
    /// look up; verification itself gathers its material in [`finish`].
    pub fn certificates(&self) -> Vec<Cert> {
        let mut out: Vec<Cert> = Vec::new();
        let mut add = |c: &Cert| {
            if !out.iter().any(|o| o.sha256() == c.sha256()) {
                out.push(c.clone());
            }
        };
        for p in &self.signatures {
            if let Ok(cms) = &p.cms {
                cms.certificates.iter().for_each(&mut add);
                for si in &cms.signers {
                    for token in
                        si.unsigned_attr_values(&crate::cms::oids::SIGNATURE_TIME_STAMP_TOKEN)
                    {
                        if let Ok(t) = crate::cms::parse(token) {
                            t.certificates.iter().for_each(&mut add);
                        }
                    }
                }
            }
        }
        if let Ok(doc) = &self.doc {
            for c in doc
                .dss()
                .certs
                .iter()
                .filter_map(|d| Cert::from_der(d).ok())
            {
                add(&c);
            }
        }
        out
    }

    /// The CRLs and OCSP responses (DER) the document carries: in the signatures'
    /// CMS and in the DSS. For a report that says where evidence came from.
    pub fn embedded_revocation(&self) -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
        let (mut crls, mut ocsps) = (Vec::new(), Vec::new());
        if let Ok(doc) = &self.doc {
            let dss = doc.dss();
            crls.extend(dss.crls.iter().cloned());
            ocsps.extend(dss.ocsps.iter().cloned());
        }
        for c in self.signatures.iter().filter_map(|p| p.cms.as_ref().ok()) {
            crls.extend(c.crls.iter().cloned());
            ocsps.extend(c.ocsp_responses.iter().cloned());
        }
        crls.sort();
        crls.dedup();
        ocsps.sort();
        ocsps.dedup();
        (crls, ocsps)
    }
}

/// Reads the PDF and every signature's CMS; says what to hash.
pub fn plan(bytes: &[u8]) -> Plan {
    let doc = pdf::open(bytes);
    let mut signatures = Vec::new();
    if let Ok(d) = &doc {
        for (index, sig) in d.signatures().iter().enumerate() {
            let cov = d.coverage(sig);
            let ranges = if cov.grade == pdf::CoverageGrade::Unclear {
                None
            } else {
                d.byte_ranges(sig)
            };
            let content = content_kind(sig);
            let cms = cms::parse(&sig.contents);
            let digests = match (&cms, ranges) {
                (Ok(c), Some(_)) => c.required_digests(content),
                _ => Vec::new(),
            };
            signatures.push(PlannedSignature {
                index,
                ranges,
                digests,
                content,
                cms,
            });
        }
    }
    Plan { doc, signatures }
}

fn content_kind(sig: &pdf::SignatureInfo) -> Content {
    match (sig.kind, sig.sub_filter.as_deref()) {
        (SigKind::DocTimestamp, _) | (_, Some("ETSI.RFC3161")) => Content::DocTimestamp,
        (_, Some("adbe.pkcs7.sha1")) => Content::Sha1Encapsulated,
        _ => Content::Detached,
    }
}

/// Hashes every planned range with the crate's hashes and finishes.
pub fn verify_pdf(bytes: &[u8], opts: &VerifyOptions) -> DocumentReport {
    let p = plan(bytes);
    let digests: Vec<Digests> = p
        .signatures
        .iter()
        .map(|s| match s.ranges {
            Some([(a0, a1), (b0, b1)]) => match (bytes.get(a0..a1), bytes.get(b0..b1)) {
                (Some(x), Some(y)) => Digests::compute(&s.digests, &[x, y]),
                _ => Digests::default(),
            },
            None => Digests::default(),
        })
        .collect();
    finish(&p, &digests, opts)
}

/// The material shared by all signatures of a document.
pub(crate) struct Material {
    pub pool: Vec<Cert>,
    /// CRLs and OCSP responses from the user, the DSS and every signature, each
    /// kept once (the revocation engine's store).
    pub evidence: Evidence,
    pub store: TrustStore,
}

/// Combines the plan and the digests (one [`Digests`] per planned signature, in
/// order) into the report.
pub fn finish(plan: &Plan, digests: &[Digests], opts: &VerifyOptions) -> DocumentReport {
    let mut report = DocumentReport {
        file: opts.file_name.clone(),
        at: opts.at,
        error: None,
        revisions: 0,
        encrypted: false,
        encryption: None,
        signatures: Vec::new(),
        summary: Summary::PdfError,
        input_problems: Vec::new(),
        evidence: EvidenceStats::default(),
    };
    let doc = match &plan.doc {
        Ok(d) => d,
        Err(e) => {
            report.error = Some(e.code());
            return report;
        }
    };
    report.revisions = doc.revisions().len();
    report.encrypted = doc.is_encrypted();
    report.encryption = doc.encryption().code();
    let unreadable = report.encrypted && !doc.encryption().is_decrypted();

    // Certificates, CRLs, OCSP: user files, the DSS, every signature's CMS.
    let mut m = Material {
        pool: Vec::new(),
        evidence: Evidence::new(),
        store: if opts.pins {
            TrustStore::new()
        } else {
            TrustStore::without_pins()
        },
    };
    let add_cert = |pool: &mut Vec<Cert>, c: Cert| {
        if !pool.iter().any(|p| p.sha256() == c.sha256()) {
            pool.push(c);
        }
    };
    // The user's files, read as the certificate tab reads them.
    let mut user_crls: Vec<(String, Crl)> = Vec::new();
    let user_files = (opts.extra_certs.iter().map(|f| (f, false, false)))
        .chain(opts.crls.iter().map(|f| (f, true, false)))
        .chain(opts.anchors.iter().map(|f| (f, false, true)));
    for (f, as_crl, anchor) in user_files {
        let read = crate::report::read_user_file(f, as_crl);
        report
            .input_problems
            .extend(read.errors.iter().map(crate::report::FileError::code));
        for (_, c) in read.certs {
            if anchor {
                m.store.add_anchor(c.clone());
            }
            add_cert(&mut m.pool, c);
        }
        user_crls.extend(read.crls.into_iter().map(|c| (f.name.clone(), c)));
    }
    // OCSP responses the caller brings (fetched with `--online`): evidence from
    // outside the file, like a user's CRL; the CLI's `evidence_sources` list says
    // where each came from.
    for d in &opts.ocsps {
        m.evidence.add_ocsp_der(d, Origin::User);
    }
    let dss = doc.dss();
    for c in dss.certs.iter().filter_map(|d| Cert::from_der(d).ok()) {
        add_cert(&mut m.pool, c);
    }
    for p in &plan.signatures {
        if let Ok(c) = &p.cms {
            for cert in &c.certificates {
                add_cert(&mut m.pool, cert.clone());
            }
        }
    }
    // With every certificate at hand, the user's CRLs first (they are checked
    // against their issuers), then the file's own.
    let problems = crate::report::add_user_crls(user_crls, &mut m.evidence, &m.pool, &m.store);
    report
        .input_problems
        .extend(problems.iter().map(crate::report::FileError::code));
    for d in &dss.crls {
        m.evidence.add_crl_der(d, Origin::Embedded);
    }
    for d in &dss.ocsps {
        m.evidence.add_ocsp_der(d, Origin::Embedded);
    }
    for p in &plan.signatures {
        if let Ok(c) = &p.cms {
            for d in &c.crls {
                m.evidence.add_crl_der(d, Origin::Embedded);
            }
            for d in &c.ocsp_responses {
                m.evidence.add_ocsp_der(d, Origin::Embedded);
            }
        }
    }

    let sigs = doc.signatures();
    for p in &plan.signatures {
        let Some(sig) = sigs.get(p.index) else {
            continue;
        };
        let d = digests.get(p.index).cloned().unwrap_or_default();
        report
            .signatures
            .push(evaluate::signature(doc, sig, p, &d, &mut m, opts));
    }
    let later: Vec<(usize, LaterSignature)> = report
        .signatures
        .iter()
        .map(|s| {
            (
                s.revision,
                LaterSignature {
                    field: s.field.clone(),
                    kind: s.kind,
                    signer: s.signer.as_ref().map(|f| f.display_name().to_string()),
                    revision: s.revision,
                },
            )
        })
        .collect();
    for s in &mut report.signatures {
        s.signed_after = later
            .iter()
            .filter(|(r, _)| *r > s.revision)
            .map(|(_, l)| l.clone())
            .collect();
        s.headline = Headline::of(s);
    }
    report.evidence = m.evidence.stats();
    report.summary = if unreadable && !report.signatures.is_empty() {
        // Not decrypted (a password is needed, or another handler): the changes
        // after signing could not be read, so no signature can pass, and the
        // summary says why before anything else.
        Summary::EncryptedDocument
    } else {
        summary(&report.signatures)
    };
    report
}

fn summary(sigs: &[SignatureReport]) -> Summary {
    if sigs.is_empty() {
        return Summary::NoSignatures;
    }
    let disallowed = sigs.iter().any(|s| {
        s.checks
            .iter()
            .any(|c| c.id == CheckId::Modifications && c.status == CheckStatus::Failed)
    });
    if disallowed {
        return Summary::ModifiedAfterSigning;
    }
    if sigs.iter().any(|s| s.indication == Indication::TotalFailed) {
        return Summary::SomeSignatureInvalid;
    }
    if sigs
        .iter()
        .any(|s| s.indication == Indication::Indeterminate)
    {
        return Summary::SignaturesIndeterminate;
    }
    if sigs.iter().any(|s| s.modified_after) {
        return Summary::ValidWithAllowedChanges;
    }
    Summary::AllSignaturesValid
}
