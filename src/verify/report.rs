//! The report's types: one ETSI EN 319 102-1 indication per signature, the checks
//! behind it, and the document's summary, as data. Every field is typed; codes
//! (`code()`, serde) exist only to serialise, and `i18n` words each type with an
//! exhaustive match, so a new variant without words does not compile.

use serde::Serialize;

use super::CheckDetail;
use crate::cert::CertFacts;
use crate::cms::Integrity;
use crate::crypto::HashAlg;
use crate::input::InputError;
use crate::pdf;
use crate::time::Instant;
use crate::trust::ChainResult;
use crate::trust::revocation::{EvidenceStats, RevStatus};

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
    pub claimed_source: Option<ClaimedSource>,
    pub proven: Option<Instant>,
    pub proven_source: Option<ProvenSource>,
    /// Which of the times the chain was validated at.
    pub used: TimeUsed,
    pub used_time: Instant,
}

/// Where a claimed signing time comes from: anyone holding the key can write either.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimedSource {
    /// The CMS signed attribute `signingTime` (RFC 5652 §11.3).
    SigningTimeAttribute,
    /// The signature dictionary's `/M` (ISO 32000-1 §12.8.1), outside what is signed.
    PdfM,
}

/// Where a proven time comes from: an RFC 3161 token from a time-stamping authority.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvenSource {
    /// The signature's own time-stamp (unsigned attribute `signatureTimeStampToken`).
    SignatureTimestamp,
    /// A document time-stamp (`/DocTimeStamp`): the signature's own time for one.
    DocumentTimestamp,
}

/// Which time the chain was validated at, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUsed {
    /// The time a time-stamp proves.
    Proven,
    /// The time the signer claims (not proven).
    Claimed,
    /// The signature gives no time: the validation time.
    ValidationTime,
}

impl ClaimedSource {
    /// Its code in the JSON report.
    pub fn code(self) -> &'static str {
        match self {
            ClaimedSource::SigningTimeAttribute => "signing_time_attribute",
            ClaimedSource::PdfM => "pdf_m",
        }
    }
}

impl ProvenSource {
    /// Its code in the JSON report.
    pub fn code(self) -> &'static str {
        match self {
            ProvenSource::SignatureTimestamp => "signature_timestamp",
            ProvenSource::DocumentTimestamp => "document_timestamp",
        }
    }
}

impl TimeUsed {
    /// Its code in the JSON report.
    pub fn code(self) -> &'static str {
        match self {
            TimeUsed::Proven => "proven",
            TimeUsed::Claimed => "claimed",
            TimeUsed::ValidationTime => "validation_time",
        }
    }
}

/// A change after the signed revision, as the report lists it: the PDF layer's own
/// vocabulary ([`pdf::ChangeKind`], [`pdf::ChangeAction`], [`pdf::ChangeRule`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeEntry {
    pub revision: usize,
    pub allowed: bool,
    pub what: pdf::ChangeKind,
    pub action: pdf::ChangeAction,
    pub rule: pdf::ChangeRule,
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
    /// The DocMDP level of a certification signature.
    pub certification: Option<pdf::MdpPermission>,
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
    /// Why the file could not be read as a PDF (serialised as its code).
    #[serde(serialize_with = "pdf_error_code")]
    pub error: Option<pdf::PdfError>,
    pub revisions: usize,
    pub encrypted: bool,
    /// For an encrypted document, what kyso could do with it (serialised as its
    /// code, `null` when the document is not encrypted): decrypted with the empty
    /// user password (read like a plain file), a password is required (kyso does
    /// not ask for passwords), or an encryption kyso does not read.
    #[serde(serialize_with = "encryption_code")]
    pub encryption: pdf::Encryption,
    pub signatures: Vec<SignatureReport>,
    /// One verdict for the whole file.
    pub summary: Summary,
    /// Problems with user-supplied files (unreadable certificates/CRLs), serialised
    /// as their codes.
    #[serde(serialize_with = "input_error_codes")]
    pub input_problems: Vec<InputError>,
    /// The revocation evidence gathered and the work done on it (CRLs and OCSP
    /// responses kept, duplicates dropped, signature checks run).
    pub evidence: EvidenceStats,
}

fn pdf_error_code<S: serde::Serializer>(
    e: &Option<pdf::PdfError>,
    s: S,
) -> Result<S::Ok, S::Error> {
    e.as_ref().map(pdf::PdfError::code).serialize(s)
}

fn encryption_code<S: serde::Serializer>(e: &pdf::Encryption, s: S) -> Result<S::Ok, S::Error> {
    e.code().serialize(s)
}

fn input_error_codes<S: serde::Serializer>(e: &[InputError], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(e.iter().map(InputError::code))
}
