//! Why a check went the way it did: [`CheckDetail`], one variant per detail the
//! verifier can give, serialised as today's code (`"detail"` in the JSON report).
//!
//! One flat list for the findings this layer makes itself (one line per variant,
//! below), and a wrapper for each vocabulary that already has its own type and its
//! own words: a CMS that does not parse ([`CmsError`]), what the byte range covers
//! ([`CoverageGrade`], [`CoverageProblem`]) and why a chain failed ([`ChainReason`],
//! with its facts). `i18n::check_detail` words every variant in one exhaustive match,
//! so a detail added here without words does not compile. The conversions from the
//! lower layers' types are exhaustive matches too, for the same reason.

use serde::Serialize;

use crate::cms::{CmsError, TimestampDetail};
use crate::crypto::SignatureError;
use crate::pdf::{CoverageGrade, CoverageProblem};
use crate::trust::{ChainReason, MissingIssuer};

/// The findings of this layer: `Variant = "code",` one per line.
macro_rules! check_details {
    ($($variant:ident = $code:literal,)*) => {
        /// The detail of a check: why it passed, failed, or was left open.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum CheckDetail {
            $($variant,)*
            /// The signature's CMS does not parse.
            Cms(CmsError),
            /// What the byte range covers (`coverage_entire_file` …).
            Coverage(CoverageGrade),
            /// Why the coverage is unclear.
            CoverageProblem(CoverageProblem),
            /// Why the signer's chain failed, with the facts.
            Chain(ChainReason),
        }

        impl CheckDetail {
            /// Every variant without a payload, in order (for tests and tools).
            pub const FINDINGS: &'static [CheckDetail] = &[$(CheckDetail::$variant,)*];

            /// Its code in the JSON report.
            pub fn code(&self) -> &'static str {
                match self {
                    $(CheckDetail::$variant => $code,)*
                    CheckDetail::Cms(e) => e.code(),
                    CheckDetail::Coverage(g) => match g {
                        CoverageGrade::EntireFile => "coverage_entire_file",
                        CoverageGrade::EntireRevision => "coverage_entire_revision",
                        CoverageGrade::Partial => "coverage_partial",
                        CoverageGrade::Unclear => "coverage_unclear",
                    },
                    CheckDetail::CoverageProblem(p) => p.code(),
                    CheckDetail::Chain(r) => r.code(),
                }
            }
        }
    };
}

check_details! {
    FormatOk = "format_ok",
    SubFilterUnknown = "sub_filter_unknown",
    SubFilterKindMismatch = "sub_filter_kind_mismatch",
    MultipleSigners = "multiple_signers",
    DetachedWithContent = "detached_with_content",
    ContentTypeMismatch = "content_type_mismatch",
    DigestMatches = "digest_matches",
    DigestMismatch = "digest_mismatch",
    EncapsulatedDigestMismatch = "encapsulated_digest_mismatch",
    MessageDigestMissing = "message_digest_missing",
    UnsupportedDigestAlgorithm = "unsupported_digest_algorithm",
    DigestNotChecked = "digest_not_checked",
    TimestampImprintMatches = "timestamp_imprint_matches",
    TimestampImprintMismatch = "timestamp_imprint_mismatch",
    SignatureValid = "signature_valid",
    SignatureInvalid = "signature_invalid",
    SignatureOverOtherContent = "signature_over_other_content",
    SignatureNotChecked = "signature_not_checked",
    UnsupportedAlgorithm = "unsupported_algorithm",
    BadAlgorithmParameters = "bad_algorithm_parameters",
    KeyAlgorithmMismatch = "key_algorithm_mismatch",
    BadPublicKey = "bad_public_key",
    DigestLength = "digest_length",
    SignerCertificateFound = "signer_certificate_found",
    SignerCertificateNotFound = "signer_certificate_not_found",
    EssV2Match = "ess_v2_match",
    EssV1Match = "ess_v1_match",
    EssAbsent = "ess_absent",
    EssAbsentCades = "ess_absent_cades",
    EssMismatch = "ess_mismatch",
    EssMalformed = "ess_malformed",
    NoTimestamp = "no_timestamp",
    TimestampValid = "timestamp_valid",
    TimestampBadSignature = "timestamp_bad_signature",
    TimestampNoTsaCertificate = "timestamp_no_tsa_certificate",
    TimestampNotTsaCertificate = "timestamp_not_tsa_certificate",
    TimestampWrongContentType = "timestamp_wrong_content_type",
    TimestampImprintUnavailable = "timestamp_imprint_unavailable",
    TstInfoMalformed = "tst_info_malformed",
    TstInfoBadTime = "tst_info_bad_time",
    TstInfoMissing = "tst_info_missing",
    ContentTypeMissing = "content_type_missing",
    EcontentTypeUnexpected = "econtent_type_unexpected",
    EssSigningCertificateMismatch = "ess_signing_certificate_mismatch",
    TsaNotTrusted = "tsa_not_trusted",
    TsaEkuNotCritical = "tsa_eku_not_critical",
    TsaNotRevoked = "tsa_not_revoked",
    TsaRevoked = "tsa_revoked",
    TsaCaRevoked = "tsa_ca_revoked",
    TsaRevokedAfterTimestamp = "tsa_revoked_after_timestamp",
    TsaRevocationSilentAfterExpiry = "tsa_revocation_silent_after_expiry",
    TsaRevocationInfoTooOld = "tsa_revocation_info_too_old",
    TsaRevocationNotChecked = "tsa_revocation_not_checked",
    TsaCaRevocationNotChecked = "tsa_ca_revocation_not_checked",
    TimeProvenByTimestamp = "time_proven_by_timestamp",
    TimeClaimedOnly = "time_claimed_only",
    TimeUnknownValidationTimeUsed = "time_unknown_validation_time_used",
    ClaimedTimeAfterTimestamp = "claimed_time_after_timestamp",
    SigningTimeInFuture = "signing_time_in_future",
    ChainTrusted = "chain_trusted",
    MissingIssuerPublished = "missing_issuer_published",
    MissingIssuerNotPublished = "missing_issuer_not_published",
    CertValidAtSigningTime = "cert_valid_at_signing_time",
    CertExpiredAtSigningTime = "cert_expired_at_signing_time",
    CertNotYetValidAtSigningTime = "cert_not_yet_valid_at_signing_time",
    CertExpiredNowNoPoe = "cert_expired_now_no_poe",
    NotRevokedAtSigningTime = "not_revoked_at_signing_time",
    RevokedBeforeSigning = "revoked_before_signing",
    RevokedAfterSigning = "revoked_after_signing",
    RevokedAfterClaimedTimeNoPoe = "revoked_after_claimed_time_no_poe",
    RevocationInfoTooOld = "revocation_info_too_old",
    RevocationInfoNotCurrentNoPoe = "revocation_info_not_current_no_poe",
    RevocationSilentAfterExpiry = "revocation_silent_after_expiry",
    RevocationNotChecked = "revocation_not_checked",
    CaRevoked = "ca_revoked",
    CaRevocationNotChecked = "ca_revocation_not_checked",
    KeyUsageAbsent = "key_usage_absent",
    KeyUsageAllowsSigning = "key_usage_allows_signing",
    KeyUsageExcludesSigning = "key_usage_excludes_signing",
    KeyUsageMalformed = "key_usage_malformed",
    EkuAbsent = "eku_absent",
    EkuAllowsSigning = "eku_allows_signing",
    EkuNotCriticalOtherPurposes = "eku_not_critical_other_purposes",
    EkuExcludesSigning = "eku_excludes_signing",
    EkuMalformed = "eku_malformed",
    AlgorithmsOk = "algorithms_ok",
    Sha1BeforeRetirement = "sha1_before_retirement",
    Sha1NoPoe = "sha1_no_poe",
    NoChangesAfterSigning = "no_changes_after_signing",
    OnlyAllowedChanges = "only_allowed_changes",
    CommentsAdded = "comments_added",
    ChangesNotAllowed = "changes_not_allowed",
    ChangesAnalysisUnreliable = "changes_analysis_unreliable",
}

impl Serialize for CheckDetail {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl From<&TimestampDetail> for CheckDetail {
    fn from(d: &TimestampDetail) -> Self {
        use CheckDetail as C;
        use TimestampDetail as T;
        match d {
            T::Valid => C::TimestampValid,
            T::TstInfoMissing => C::TstInfoMissing,
            T::WrongContentType => C::TimestampWrongContentType,
            T::TstInfoMalformed => C::TstInfoMalformed,
            T::TstInfoBadTime => C::TstInfoBadTime,
            T::NoSigner => C::Cms(CmsError::NoSigner),
            T::ImprintMismatch => C::TimestampImprintMismatch,
            T::ImprintUnavailable => C::TimestampImprintUnavailable,
            T::NoTsaCertificate => C::TimestampNoTsaCertificate,
            T::BadSignature => C::TimestampBadSignature,
            T::Unsupported(e) => C::from(e),
            T::Cms(e) => C::Cms(e.clone()),
            T::ContentTypeMismatch => C::ContentTypeMismatch,
            T::ContentTypeMissing => C::ContentTypeMissing,
            T::EcontentTypeUnexpected => C::EcontentTypeUnexpected,
            T::EssSigningCertificateMismatch => C::EssSigningCertificateMismatch,
            T::NotTsaCertificate => C::TimestampNotTsaCertificate,
        }
    }
}

/// An algorithm or key the signature check could not use.
impl From<&SignatureError> for CheckDetail {
    fn from(e: &SignatureError) -> Self {
        match e {
            SignatureError::UnsupportedAlgorithm { .. } => CheckDetail::UnsupportedAlgorithm,
            SignatureError::BadParameters { .. } => CheckDetail::BadAlgorithmParameters,
            SignatureError::KeyMismatch { .. } => CheckDetail::KeyAlgorithmMismatch,
            SignatureError::BadKey { .. } => CheckDetail::BadPublicKey,
            SignatureError::DigestLength { .. } => CheckDetail::DigestLength,
            // Not an unsupported algorithm: the value does not verify. `cms` reports it
            // as `SignatureStatus::Invalid`, never as unsupported.
            SignatureError::Mismatch => CheckDetail::SignatureInvalid,
        }
    }
}

/// The CA certificate a chain lacks, by whether its location is known.
impl From<&MissingIssuer> for CheckDetail {
    fn from(m: &MissingIssuer) -> Self {
        if m.published_at.is_empty() {
            CheckDetail::MissingIssuerNotPublished
        } else {
            CheckDetail::MissingIssuerPublished
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes are the JSON's vocabulary: unique, snake_case, and the same as the
    /// lower layers' codes where a detail comes from one of them.
    #[test]
    fn codes_are_unique_and_agree_with_their_sources() {
        let codes: Vec<&str> = CheckDetail::FINDINGS
            .iter()
            .map(CheckDetail::code)
            .collect();
        for (i, c) in codes.iter().enumerate() {
            assert!(!codes[i + 1..].contains(c), "duplicate detail code {c}");
            assert!(
                c.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{c}"
            );
        }
        let ts = [
            TimestampDetail::Valid,
            TimestampDetail::TstInfoMissing,
            TimestampDetail::WrongContentType,
            TimestampDetail::TstInfoMalformed,
            TimestampDetail::TstInfoBadTime,
            TimestampDetail::NoSigner,
            TimestampDetail::ImprintMismatch,
            TimestampDetail::ImprintUnavailable,
            TimestampDetail::NoTsaCertificate,
            TimestampDetail::BadSignature,
            TimestampDetail::Unsupported(SignatureError::BadKey {
                key_oid: String::new(),
            }),
            TimestampDetail::ContentTypeMismatch,
            TimestampDetail::ContentTypeMissing,
            TimestampDetail::EcontentTypeUnexpected,
            TimestampDetail::EssSigningCertificateMismatch,
            TimestampDetail::NotTsaCertificate,
            TimestampDetail::Cms(CmsError::Empty),
        ];
        for t in &ts {
            assert_eq!(CheckDetail::from(t).code(), t.code());
        }
        for e in [
            SignatureError::UnsupportedAlgorithm { oid: String::new() },
            SignatureError::BadParameters { oid: String::new() },
            SignatureError::KeyMismatch {
                signature_oid: String::new(),
                key_oid: String::new(),
            },
            SignatureError::BadKey {
                key_oid: String::new(),
            },
            SignatureError::DigestLength {
                expected: 32,
                found: 20,
            },
        ] {
            assert_eq!(CheckDetail::from(&e).code(), e.code());
        }
    }
}
