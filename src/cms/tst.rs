//! RFC 3161 time-stamp tokens: the TSTInfo they sign and the checks that make their
//! `genTime` a proven time.
//!
//! ```text
//! TSTInfo ::= SEQUENCE {
//!    version INTEGER { v1(1) }, policy TSAPolicyId,
//!    messageImprint SEQUENCE { hashAlgorithm AlgorithmIdentifier, hashedMessage OCTET STRING },
//!    serialNumber INTEGER, genTime GeneralizedTime,
//!    accuracy Accuracy OPTIONAL, ordering BOOLEAN DEFAULT FALSE, nonce INTEGER OPTIONAL,
//!    tsa [0] GeneralName OPTIONAL, extensions [1] IMPLICIT Extensions OPTIONAL }
//! ```
//!
//! A token proves a time when: its CMS signature verifies (content type id-ct-TSTInfo,
//! message digest over the TSTInfo), the imprint equals the hash of what it stamps
//! (the SignerInfo's signature value, or a PDF's byte ranges), and the signer is a
//! time-stamping certificate (EKU id-kp-timeStamping, critical per RFC 3161 §2.3).
//! Whether the TSA's certificate chains to a trusted anchor is decided by the caller.

use serde::Serialize;

use super::der_util::{self, items, octets, oid};
use super::signer::{
    self, Content, Digests, SignatureStatus, SignerProblem, SignerReport, VerifyContext,
};
use super::{CmsError, SignedCms, oids};
use crate::asn1;
use crate::cert::{Cert, hex_upper};
use crate::crypto::{HashAlg, SignatureError};
use crate::time::Instant;

/// The parts of a TSTInfo we use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TstInfo {
    pub policy: String,
    pub imprint_alg: Option<HashAlg>,
    pub imprint_alg_oid: String,
    #[serde(skip)]
    pub imprint: Vec<u8>,
    pub serial_hex: String,
    pub gen_time: Instant,
}

impl TstInfo {
    pub fn parse(der: &[u8]) -> Result<TstInfo, TimestampDetail> {
        let (seq, _) = asn1::read(der).map_err(|_| TimestampDetail::TstInfoMalformed)?;
        if seq.tag != asn1::SEQUENCE {
            return Err(TimestampDetail::TstInfoMalformed);
        }
        let parts = items(seq.value).ok_or(TimestampDetail::TstInfoMalformed)?;
        let policy = parts
            .get(1)
            .and_then(oid)
            .ok_or(TimestampDetail::TstInfoMalformed)?
            .to_string();
        let mi = parts
            .get(2)
            .filter(|t| t.tag == asn1::SEQUENCE)
            .and_then(|t| items(t.value))
            .ok_or(TimestampDetail::TstInfoMalformed)?;
        let alg_oid = mi
            .first()
            .and_then(|a| items(a.value))
            .and_then(|a| a.first().and_then(oid))
            .ok_or(TimestampDetail::TstInfoMalformed)?;
        let imprint = mi
            .get(1)
            .and_then(octets)
            .ok_or(TimestampDetail::TstInfoMalformed)?;
        let serial = parts
            .get(3)
            .filter(|t| t.tag == der_util::INTEGER)
            .ok_or(TimestampDetail::TstInfoMalformed)?;
        let gen_time = parts
            .get(4)
            .filter(|t| t.tag == der_util::GENERALIZED_TIME)
            .and_then(der_util::time)
            .ok_or(TimestampDetail::TstInfoBadTime)?;
        Ok(TstInfo {
            policy,
            imprint_alg: HashAlg::from_oid(&alg_oid),
            imprint_alg_oid: alg_oid.to_string(),
            imprint,
            serial_hex: hex_upper(der_util::integer_trimmed(serial.value)),
            gen_time,
        })
    }
}

/// What a token stamps.
#[derive(Clone, Copy, Debug)]
pub enum Imprint<'a> {
    /// Bytes at hand (a SignerInfo's signature value): hashed here.
    Data(&'a [u8]),
    /// External data already hashed by the caller (a document time-stamp's ranges).
    Digests(&'a Digests),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimestampStatus {
    /// Signature, imprint and TSA certificate usage all check out.
    Valid,
    Malformed,
    /// The imprint is not the hash of what the token claims to stamp.
    ImprintMismatch,
    /// The token's own signature (or its message digest) does not verify.
    BadSignature,
    NoTsaCertificate,
    /// The signer certificate is not a TSA certificate (no id-kp-timeStamping).
    NotTsaCertificate,
    /// An algorithm we do not implement.
    Unsupported,
}

impl TimestampStatus {
    pub fn code(self) -> &'static str {
        match self {
            TimestampStatus::Valid => "timestamp_valid",
            TimestampStatus::Malformed => "timestamp_malformed",
            TimestampStatus::ImprintMismatch => "timestamp_imprint_mismatch",
            TimestampStatus::BadSignature => "timestamp_bad_signature",
            TimestampStatus::NoTsaCertificate => "timestamp_no_tsa_certificate",
            TimestampStatus::NotTsaCertificate => "timestamp_not_tsa_certificate",
            TimestampStatus::Unsupported => "timestamp_unsupported_algorithm",
        }
    }
}

/// Why a token is what its [`TimestampStatus`] says, precisely: the detail of the
/// time-stamp check. Typed so that the verifier maps each one to a check detail with
/// words (`verify::CheckDetail`), and a new one cannot go unworded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimestampDetail {
    Valid,
    /// The token has no encapsulated content.
    TstInfoMissing,
    /// The encapsulated content is not a TSTInfo.
    WrongContentType,
    TstInfoMalformed,
    /// genTime does not read.
    TstInfoBadTime,
    NoSigner,
    ImprintMismatch,
    /// The digest the imprint names was not computed (an unsupported hash).
    ImprintUnavailable,
    NoTsaCertificate,
    BadSignature,
    /// The TSA's signature uses an algorithm or key we do not implement.
    Unsupported(SignatureError),
    /// The token is not a readable SignedData.
    Cms(CmsError),
    ContentTypeMismatch,
    ContentTypeMissing,
    EcontentTypeUnexpected,
    EssSigningCertificateMismatch,
    NotTsaCertificate,
}

impl TimestampDetail {
    /// Its code (the detail of the check in the JSON report).
    pub fn code(&self) -> &'static str {
        match self {
            TimestampDetail::Valid => "timestamp_valid",
            TimestampDetail::TstInfoMissing => "tst_info_missing",
            TimestampDetail::WrongContentType => "timestamp_wrong_content_type",
            TimestampDetail::TstInfoMalformed => "tst_info_malformed",
            TimestampDetail::TstInfoBadTime => "tst_info_bad_time",
            TimestampDetail::NoSigner => "cms_no_signer",
            TimestampDetail::ImprintMismatch => "timestamp_imprint_mismatch",
            TimestampDetail::ImprintUnavailable => "timestamp_imprint_unavailable",
            TimestampDetail::NoTsaCertificate => "timestamp_no_tsa_certificate",
            TimestampDetail::BadSignature => "timestamp_bad_signature",
            TimestampDetail::Unsupported(e) => e.code(),
            TimestampDetail::Cms(e) => e.code(),
            TimestampDetail::ContentTypeMismatch => "content_type_mismatch",
            TimestampDetail::ContentTypeMissing => "content_type_missing",
            TimestampDetail::EcontentTypeUnexpected => "econtent_type_unexpected",
            TimestampDetail::EssSigningCertificateMismatch => "ess_signing_certificate_mismatch",
            TimestampDetail::NotTsaCertificate => "timestamp_not_tsa_certificate",
        }
    }
}

impl Serialize for TimestampDetail {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// The verdict on one token (before the TSA's chain is judged).
#[derive(Clone, Debug, Serialize)]
pub struct TimestampReport {
    pub status: TimestampStatus,
    /// Why `status`, precisely.
    pub detail: TimestampDetail,
    pub info: Option<TstInfo>,
    /// The TSA's certificate: its EKU extension is critical (RFC 3161 requires it; a
    /// non-critical one is accepted with a warning).
    pub eku_critical: bool,
    #[serde(skip)]
    pub tsa_cert: Option<Cert>,
    /// All certificates the token embeds (for the TSA's chain).
    #[serde(skip)]
    pub certificates: Vec<Cert>,
    pub signer: Option<Box<SignerReport>>,
}

impl TimestampReport {
    pub(crate) fn malformed(detail: TimestampDetail) -> TimestampReport {
        TimestampReport {
            status: TimestampStatus::Malformed,
            detail,
            info: None,
            eku_critical: false,
            tsa_cert: None,
            certificates: Vec::new(),
            signer: None,
        }
    }

    /// The time the token proves, if it is cryptographically valid.
    pub fn gen_time(&self) -> Option<Instant> {
        (self.status == TimestampStatus::Valid)
            .then(|| self.info.as_ref().map(|i| i.gen_time))
            .flatten()
    }

    /// The TSA's own signature relies on SHA-1 (digest or signature algorithm). A
    /// SHA-1 *imprint* is not counted here: reusing the token for other data would
    /// need a second preimage, which SHA-1 still resists; its signature would not.
    pub fn signature_uses_sha1(&self) -> bool {
        self.signer.as_ref().is_some_and(|s| s.uses_sha1)
    }

    pub fn uses_sha1(&self) -> bool {
        self.signer.as_ref().is_some_and(|s| s.uses_sha1)
            || self
                .info
                .as_ref()
                .is_some_and(|i| i.imprint_alg == Some(HashAlg::Sha1))
    }
}

/// Verifies a time-stamp token (a SignedData over a TSTInfo) against what it stamps.
pub fn verify_token(
    token: &SignedCms,
    imprint: Imprint<'_>,
    ctx: &VerifyContext<'_>,
) -> TimestampReport {
    verify_token_inner(token, imprint, ctx, 0)
}

pub(super) fn verify_token_inner(
    token: &SignedCms,
    imprint: Imprint<'_>,
    ctx: &VerifyContext<'_>,
    depth: usize,
) -> TimestampReport {
    let mut r = TimestampReport::malformed(TimestampDetail::TstInfoMissing);
    r.certificates = token.certificates.clone();
    if token.econtent_type != oids::ID_CT_TST_INFO {
        r.detail = TimestampDetail::WrongContentType;
        return r;
    }
    let Some(econtent) = token.econtent.as_deref() else {
        return r;
    };
    let info = match TstInfo::parse(econtent) {
        Ok(i) => i,
        Err(detail) => {
            r.detail = detail;
            return r;
        }
    };
    let signer = signer::verify_inner(
        token,
        Content::DocTimestamp,
        &Digests::default(),
        ctx,
        depth,
    );
    r.eku_critical = false;
    r.tsa_cert = signer.signer_cert.clone();
    // Imprint.
    let imprint_ok = match (info.imprint_alg, imprint) {
        (None, _) => None,
        (Some(h), Imprint::Data(d)) => Some(h.digest(d) == info.imprint),
        (Some(h), Imprint::Digests(ds)) => ds.get(h).map(|d| d == info.imprint.as_slice()),
    };
    r.info = Some(info);
    use TimestampDetail as D;
    let (status, detail) = if signer.problems.contains(&SignerProblem::CmsNoSigner) {
        (TimestampStatus::Malformed, D::NoSigner)
    } else if imprint_ok == Some(false) {
        (TimestampStatus::ImprintMismatch, D::ImprintMismatch)
    } else if imprint_ok.is_none() {
        (TimestampStatus::Unsupported, D::ImprintUnavailable)
    } else if signer.signer_cert.is_none() {
        (TimestampStatus::NoTsaCertificate, D::NoTsaCertificate)
    } else if signer.integrity != super::signer::Integrity::Valid
        || signer.signature == SignatureStatus::Invalid
    {
        (TimestampStatus::BadSignature, D::BadSignature)
    } else if let SignatureStatus::Unsupported { error } = &signer.signature {
        (TimestampStatus::Unsupported, D::Unsupported(error.clone()))
    } else if signer.signature != SignatureStatus::Valid {
        (TimestampStatus::BadSignature, D::BadSignature)
    } else if let Some(d) = signer.problems.iter().find_map(|p| match p {
        SignerProblem::ContentTypeMismatch => Some(D::ContentTypeMismatch),
        SignerProblem::ContentTypeMissing => Some(D::ContentTypeMissing),
        SignerProblem::EcontentTypeUnexpected => Some(D::EcontentTypeUnexpected),
        SignerProblem::EssSigningCertificateMismatch => Some(D::EssSigningCertificateMismatch),
        _ => None,
    }) {
        (TimestampStatus::Malformed, d)
    } else {
        match signer
            .signer_cert
            .as_ref()
            .and_then(|c| signer::eku(c, &oids::KP_TIME_STAMPING))
        {
            Some((true, critical, _)) => {
                r.eku_critical = critical;
                (TimestampStatus::Valid, D::Valid)
            }
            _ => (TimestampStatus::NotTsaCertificate, D::NotTsaCertificate),
        }
    };
    r.status = status;
    r.detail = detail;
    r.signer = Some(Box::new(signer));
    r
}
