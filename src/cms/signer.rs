//! Verifying one SignerInfo: content type, message digest, the signature over the
//! signed attributes as they appear (or over the content digest when there are
//! none), the signer's certificate and the ESS signing-certificate binding.
//!
//! Without signed attributes a changed document shows only as a failing signature.
//! For RSA PKCS#1 v1.5 the digest the signature does sign can be recovered with the
//! key ([`crypto::recover_pkcs1v15_digest`]); when that is a well-formed encoding of
//! another digest, integrity is reported invalid (the content changed) rather than
//! unknown. The signature stays invalid either way.
//!
//! Nothing here decides trust: the chain, revocation and time policy are the
//! caller's ([`crate::verify`]). This module answers "is this CMS structure, with
//! this content digest, cryptographically what it claims to be, and by which key".

use const_oid::ObjectIdentifier;
use serde::Serialize;

use super::der_util::{self, items, octets, oid};
use super::tst::{self, Imprint, TimestampReport};
use super::{SignedCms, SignerId, SignerInfo, oids};
use crate::asn1;
use crate::cert::Cert;
use crate::crypto::{self, HashAlg, SignatureError};
use crate::time::Instant;

/// What the signed content is, which decides what the digests refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Content {
    /// adbe.pkcs7.detached, ETSI.CAdES.detached: the byte ranges, outside the CMS.
    Detached,
    /// adbe.pkcs7.sha1: eContent must be SHA-1 of the byte ranges.
    Sha1Encapsulated,
    /// ETSI.RFC3161: the CMS is a time-stamp token over the byte ranges.
    DocTimestamp,
}

/// Digests of the external content, keyed by algorithm.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Digests(pub Vec<(HashAlg, Vec<u8>)>);

impl Digests {
    pub fn get(&self, alg: HashAlg) -> Option<&[u8]> {
        self.0
            .iter()
            .find(|(a, _)| *a == alg)
            .map(|(_, d)| d.as_slice())
    }

    /// Computes every digest in `algs` over `parts` (tests and native callers).
    pub fn compute(algs: &[HashAlg], parts: &[&[u8]]) -> Digests {
        Digests(
            algs.iter()
                .map(|a| (*a, a.digest_parts(parts.iter().copied())))
                .collect(),
        )
    }
}

/// Certificates besides those embedded (the PDF's DSS, the user's files).
#[derive(Clone, Copy, Debug, Default)]
pub struct VerifyContext<'a> {
    pub extra_certs: &'a [Cert],
}

/// The outcome of the signature check proper.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum SignatureStatus {
    Valid,
    /// The signature does not verify with the signer's key.
    Invalid,
    /// An algorithm or key we do not implement, or malformed parameters (serialised
    /// as the error's code).
    Unsupported {
        #[serde(rename = "code", serialize_with = "error_code")]
        error: SignatureError,
    },
    /// Not attempted (no certificate, or the message digest already failed).
    NotChecked,
}

fn error_code<S: serde::Serializer>(e: &SignatureError, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(e.code())
}

/// Result of the ESS signing-certificate(-v2) check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EssStatus {
    /// signing-certificate-v2 present and matching.
    V2Match,
    /// signing-certificate (v1, SHA-1) present and matching.
    V1Match,
    Absent,
    /// Present but the hash (or issuerSerial) names another certificate.
    Mismatch,
    /// Present but unreadable, or with a hash algorithm we do not implement.
    Malformed,
    /// Present, but there is no signer certificate to compare it with.
    NotChecked,
}

/// Whether the signed content is the content the caller hashed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Integrity {
    Valid,
    Invalid,
    Unknown,
}

impl Integrity {
    pub fn code(self) -> &'static str {
        match self {
            Integrity::Valid => "valid",
            Integrity::Invalid => "invalid",
            Integrity::Unknown => "unknown",
        }
    }
}

/// Everything learnt about one SignerInfo.
#[derive(Clone, Debug, Serialize)]
pub struct SignerReport {
    pub signer_count: usize,
    pub digest_algorithm: Option<HashAlg>,
    pub digest_oid: String,
    /// The signature algorithm's OID and conventional name.
    pub signature_oid: String,
    pub signature_algorithm: &'static str,
    /// The hash the signature itself uses (differs from the digest algorithm only for
    /// odd signers).
    pub signature_hash: Option<HashAlg>,
    pub has_signed_attributes: bool,
    pub integrity: Integrity,
    pub signature: SignatureStatus,
    #[serde(skip)]
    pub signer_cert: Option<Cert>,
    /// The signer certificate came from the embedded set (not the caller's extras).
    pub signer_cert_embedded: bool,
    pub ess: EssStatus,
    /// The claimed time (signingTime attribute).
    pub signing_time: Option<Instant>,
    pub signature_timestamp: Option<Box<TimestampReport>>,
    /// How many signature time-stamp tokens the unsigned attributes hold.
    pub signature_timestamp_count: usize,
    /// CRLs (raw DER) from adbe-revocationInfoArchival and the SignedData `crls`.
    #[serde(skip)]
    pub crls: Vec<Vec<u8>>,
    /// OCSP responses (raw OCSPResponse DER) from the same places.
    #[serde(skip)]
    pub ocsp_responses: Vec<Vec<u8>>,
    /// adbe.pkcs7.sha1: the encapsulated digest equals SHA-1 of the ranges.
    pub encapsulated_digest_matches: Option<bool>,
    /// SHA-1 in the digest or signature algorithm.
    pub uses_sha1: bool,
    /// Codes of problems found along the way (`content_type_mismatch`,
    /// `message_digest_missing`, ...), in the order met.
    pub problems: Vec<SignerProblem>,
}

/// A problem met while verifying a SignerInfo, in the order met. The verdict steps
/// (`verify::evaluate`, `cms::tst`) decide what each one means; `code()` is only for
/// serialising and for looking up the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignerProblem {
    CmsNoSigner,
    MultipleSigners,
    UnsupportedDigestAlgorithm,
    EcontentTypeUnexpected,
    DetachedWithContent,
    EncapsulatedDigestMismatch,
    EncapsulatedContentMissing,
    SignedAttributesNotDer,
    ContentTypeMismatch,
    ContentTypeMissing,
    ContentTypeRepeated,
    MessageDigestMalformed,
    ContentDigestUnavailable,
    MessageDigestMissing,
    MessageDigestRepeated,
    SigningTimeMalformed,
    RevocationArchivalMalformed,
    MessageDigestMismatch,
    SignerCertificateNotFound,
    SignatureInvalid,
    SignedDigestMismatch,
    EssSigningCertificateMismatch,
}

impl SignerProblem {
    pub fn code(self) -> &'static str {
        match self {
            SignerProblem::CmsNoSigner => "cms_no_signer",
            SignerProblem::MultipleSigners => "multiple_signers",
            SignerProblem::UnsupportedDigestAlgorithm => "unsupported_digest_algorithm",
            SignerProblem::EcontentTypeUnexpected => "econtent_type_unexpected",
            SignerProblem::DetachedWithContent => "detached_with_content",
            SignerProblem::EncapsulatedDigestMismatch => "encapsulated_digest_mismatch",
            SignerProblem::EncapsulatedContentMissing => "encapsulated_content_missing",
            SignerProblem::SignedAttributesNotDer => "signed_attributes_not_der",
            SignerProblem::ContentTypeMismatch => "content_type_mismatch",
            SignerProblem::ContentTypeMissing => "content_type_missing",
            SignerProblem::ContentTypeRepeated => "content_type_repeated",
            SignerProblem::MessageDigestMalformed => "message_digest_malformed",
            SignerProblem::ContentDigestUnavailable => "content_digest_unavailable",
            SignerProblem::MessageDigestMissing => "message_digest_missing",
            SignerProblem::MessageDigestRepeated => "message_digest_repeated",
            SignerProblem::SigningTimeMalformed => "signing_time_malformed",
            SignerProblem::RevocationArchivalMalformed => "revocation_archival_malformed",
            SignerProblem::MessageDigestMismatch => "message_digest_mismatch",
            SignerProblem::SignerCertificateNotFound => "signer_certificate_not_found",
            SignerProblem::SignatureInvalid => "signature_invalid",
            SignerProblem::SignedDigestMismatch => "signed_digest_mismatch",
            SignerProblem::EssSigningCertificateMismatch => "ess_signing_certificate_mismatch",
        }
    }
}

impl Serialize for SignerProblem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Verifies the (first) SignerInfo of `cms` against the digests of the external
/// content. For [`Content::Sha1Encapsulated`] `digests` must hold SHA-1 of the byte
/// ranges; for [`Content::DocTimestamp`] the token's imprint algorithm.
pub fn verify(
    cms: &SignedCms,
    content: Content,
    digests: &Digests,
    ctx: &VerifyContext<'_>,
) -> SignerReport {
    verify_inner(cms, content, digests, ctx, 0)
}

pub(super) fn verify_inner(
    cms: &SignedCms,
    content: Content,
    digests: &Digests,
    ctx: &VerifyContext<'_>,
    depth: usize,
) -> SignerReport {
    let mut problems = Vec::new();
    let mut report = SignerReport {
        signer_count: cms.signers.len(),
        digest_algorithm: None,
        digest_oid: String::new(),
        signature_oid: String::new(),
        signature_algorithm: "unknown",
        signature_hash: None,
        has_signed_attributes: false,
        integrity: Integrity::Unknown,
        signature: SignatureStatus::NotChecked,
        signer_cert: None,
        signer_cert_embedded: false,
        ess: EssStatus::Absent,
        signing_time: None,
        signature_timestamp: None,
        signature_timestamp_count: 0,
        crls: cms.crls.clone(),
        ocsp_responses: cms.ocsp_responses.clone(),
        encapsulated_digest_matches: None,
        uses_sha1: false,
        problems: Vec::new(),
    };
    let Some(si) = cms.signer() else {
        report.problems.push(SignerProblem::CmsNoSigner);
        return report;
    };
    if cms.signers.len() > 1 {
        problems.push(SignerProblem::MultipleSigners);
    }
    report.digest_algorithm = si.digest_alg;
    report.digest_oid = si.digest_oid.to_string();
    report.signature_oid = si.signature_oid.to_string();
    report.signature_algorithm = si
        .signature_alg
        .as_ref()
        .map_or("unknown", |a| crypto::describe(a).name);
    report.has_signed_attributes = si.signed_attrs_der.is_some();
    let scheme = si.scheme();
    report.signature_hash = scheme.as_ref().ok().map(|s| s.hash());
    report.uses_sha1 =
        si.digest_alg == Some(HashAlg::Sha1) || report.signature_hash == Some(HashAlg::Sha1);
    if si.digest_alg.is_none() {
        problems.push(SignerProblem::UnsupportedDigestAlgorithm);
    }

    // What the content is, and its digest under the signer's digest algorithm.
    let expected_type = match content {
        Content::DocTimestamp => oids::ID_CT_TST_INFO,
        Content::Detached | Content::Sha1Encapsulated => oids::ID_DATA,
    };
    if cms.econtent_type != expected_type {
        problems.push(SignerProblem::EcontentTypeUnexpected);
    }
    let content_digest: Option<Vec<u8>> = match content {
        Content::Detached => {
            if cms.econtent.is_some() {
                problems.push(SignerProblem::DetachedWithContent);
            }
            si.digest_alg
                .and_then(|h| digests.get(h))
                .map(<[u8]>::to_vec)
        }
        Content::Sha1Encapsulated | Content::DocTimestamp => match &cms.econtent {
            Some(e) => {
                if content == Content::Sha1Encapsulated {
                    let m = digests.get(HashAlg::Sha1).map(|d| d == e.as_slice());
                    report.encapsulated_digest_matches = m;
                    if m == Some(false) {
                        problems.push(SignerProblem::EncapsulatedDigestMismatch);
                    }
                }
                si.digest_alg.map(|h| h.digest(e))
            }
            None => {
                problems.push(SignerProblem::EncapsulatedContentMissing);
                None
            }
        },
    };

    // Signed attributes: content type, message digest, signing time, ESS, archival.
    let mut digest_ok: Option<bool> = None;
    if report.has_signed_attributes {
        if si.signed_attrs_indefinite {
            problems.push(SignerProblem::SignedAttributesNotDer);
        }
        match si.signed_attr(&oids::CONTENT_TYPE) {
            (Some(v), 1) => {
                let ct = asn1::read(v).ok().and_then(|(t, _)| oid(&t));
                if ct != Some(cms.econtent_type) {
                    problems.push(SignerProblem::ContentTypeMismatch);
                }
            }
            (None, _) => problems.push(SignerProblem::ContentTypeMissing),
            _ => problems.push(SignerProblem::ContentTypeRepeated),
        }
        match si.signed_attr(&oids::MESSAGE_DIGEST) {
            (Some(v), 1) => {
                let md = asn1::read(v).ok().and_then(|(t, _)| octets(&t));
                match (md, &content_digest) {
                    (Some(md), Some(cd)) => digest_ok = Some(md == *cd),
                    (None, _) => problems.push(SignerProblem::MessageDigestMalformed),
                    (_, None) => problems.push(SignerProblem::ContentDigestUnavailable),
                }
            }
            (None, _) => problems.push(SignerProblem::MessageDigestMissing),
            _ => problems.push(SignerProblem::MessageDigestRepeated),
        }
        if let (Some(v), _) = si.signed_attr(&oids::SIGNING_TIME) {
            report.signing_time = asn1::read(v).ok().and_then(|(t, _)| der_util::time(&t));
            if report.signing_time.is_none() {
                problems.push(SignerProblem::SigningTimeMalformed);
            }
        }
        if let (Some(v), _) = si.signed_attr(&oids::ADBE_REVOCATION_INFO_ARCHIVAL)
            && !revocation_archival(v, &mut report.crls, &mut report.ocsp_responses)
        {
            problems.push(SignerProblem::RevocationArchivalMalformed);
        }
    }
    if digest_ok == Some(false) {
        problems.push(SignerProblem::MessageDigestMismatch);
    }

    // The signer's certificate.
    let candidates = find_signer_certs(cms, si, ctx);
    if candidates.is_empty() {
        problems.push(SignerProblem::SignerCertificateNotFound);
    }

    // The signature: over the signed attributes, or over the content digest.
    let mut chosen: Option<(Cert, bool)> = None;
    let mut status = SignatureStatus::NotChecked;
    // A candidate whose key made this signature over other content (see below).
    let mut signed_other: Option<(Cert, bool)> = None;
    match &scheme {
        Err(e) => {
            status = SignatureStatus::Unsupported { error: e.clone() };
            chosen = candidates.first().cloned();
        }
        Ok(scheme) => {
            let to_check: Option<Vec<u8>> = match &si.signed_attrs_der {
                Some(sa) => Some(scheme.hash().digest(sa)),
                None => match content {
                    Content::Detached => digests.get(scheme.hash()).map(<[u8]>::to_vec),
                    _ => cms.econtent.as_ref().map(|e| scheme.hash().digest(e)),
                },
            };
            match to_check {
                None => problems.push(SignerProblem::ContentDigestUnavailable),
                Some(d) => {
                    for (cert, embedded) in &candidates {
                        let spki = cert.x509().tbs_certificate().subject_public_key_info();
                        let r = crypto::verify_digest(spki, scheme, &d, &si.signature);
                        match r {
                            Ok(()) => {
                                status = SignatureStatus::Valid;
                                chosen = Some((cert.clone(), *embedded));
                                break;
                            }
                            Err(SignatureError::Mismatch) => {
                                status = SignatureStatus::Invalid;
                                if si.signed_attrs_der.is_none()
                                    && signed_other.is_none()
                                    && signs_other_digest(scheme, spki, &si.signature, &d)
                                {
                                    signed_other = Some((cert.clone(), *embedded));
                                }
                            }
                            Err(e) => {
                                if status != SignatureStatus::Invalid {
                                    status = SignatureStatus::Unsupported { error: e.clone() };
                                }
                            }
                        }
                    }
                    if chosen.is_none() {
                        chosen = signed_other.clone().or_else(|| candidates.first().cloned());
                    }
                }
            }
        }
    }
    if status == SignatureStatus::Invalid {
        problems.push(SignerProblem::SignatureInvalid);
    }
    report.signature = status;
    report.integrity = match (report.has_signed_attributes, digest_ok, &report.signature) {
        (true, Some(true), _) => Integrity::Valid,
        (true, Some(false), _) => Integrity::Invalid,
        (false, _, SignatureStatus::Valid) => Integrity::Valid,
        _ => Integrity::Unknown,
    };
    if report.encapsulated_digest_matches == Some(false) {
        report.integrity = Integrity::Invalid;
    }
    // Without signed attributes the signature is over the content digest itself, so a
    // changed document makes the signature fail. When the signer's key recovers another
    // digest from it, the signature is genuine and the content is what changed. Only
    // ever turns "unknown" into "invalid"; the signature stays invalid.
    if signed_other.is_some()
        && report.integrity == Integrity::Unknown
        && report.signature == SignatureStatus::Invalid
    {
        report.integrity = Integrity::Invalid;
        problems.push(SignerProblem::SignedDigestMismatch);
    }

    // ESS signing certificate.
    report.ess = ess_check(si, chosen.as_ref().map(|(c, _)| c));
    if report.ess == EssStatus::Mismatch {
        problems.push(SignerProblem::EssSigningCertificateMismatch);
    }
    if let Some((c, embedded)) = chosen {
        report.signer_cert = Some(c);
        report.signer_cert_embedded = embedded;
    }

    // Signature time-stamp (unsigned attribute), over the signature value.
    let tokens = si.unsigned_attr_values(&oids::SIGNATURE_TIME_STAMP_TOKEN);
    report.signature_timestamp_count = tokens.len();
    if depth == 0
        && let Some(raw) = tokens.first()
    {
        let ts = match super::parse(raw) {
            Ok(token) => {
                tst::verify_token_inner(&token, Imprint::Data(&si.signature), ctx, depth + 1)
            }
            Err(e) => TimestampReport::malformed(tst::TimestampDetail::Cms(e)),
        };
        report.signature_timestamp = Some(Box::new(ts));
    }
    report.problems = problems;
    report
}

/// Whether `signature`, which did not verify over `digest`, is nevertheless a well-formed
/// RSA PKCS#1 v1.5 signature by this key over another digest of the same algorithm: the
/// signer signed other content. Never true for PSS or ECDSA, whose digest cannot be
/// recovered.
fn signs_other_digest(
    scheme: &crypto::Scheme,
    spki: &spki::SubjectPublicKeyInfoOwned,
    signature: &[u8],
    digest: &[u8],
) -> bool {
    match *scheme {
        crypto::Scheme::RsaPkcs1(hash) => crypto::recover_pkcs1v15_digest(spki, signature, hash)
            .is_some_and(|recovered| recovered != digest),
        _ => false,
    }
}

/// Certificates matching the SignerIdentifier: embedded first, then the extras.
fn find_signer_certs(
    cms: &SignedCms,
    si: &SignerInfo,
    ctx: &VerifyContext<'_>,
) -> Vec<(Cert, bool)> {
    let embedded = cms.certificates.iter().map(|c| (c, true));
    let extra = ctx.extra_certs.iter().map(|c| (c, false));
    let mut out: Vec<(Cert, bool)> = Vec::new();
    for (c, e) in embedded.chain(extra) {
        if matches_sid(c, &si.sid) && !out.iter().any(|(o, _)| o.sha256() == c.sha256()) {
            out.push((c.clone(), e));
        }
    }
    out
}

pub(crate) fn matches_sid(cert: &Cert, sid: &SignerId) -> bool {
    match sid {
        SignerId::IssuerSerial { issuer, serial } => {
            let own =
                der_util::integer_trimmed(cert.x509().tbs_certificate().serial_number().as_bytes());
            own == serial.as_slice() && same_name(cert.issuer_der(), issuer)
        }
        SignerId::SubjectKeyId(id) => cert.subject_key_id().is_some_and(|k| k == *id),
    }
}

/// Names compare equal byte for byte, or after decoding (re-encoded but same values).
pub(crate) fn same_name(a: &[u8], b: &[u8]) -> bool {
    use der::Decode;
    if a == b {
        return true;
    }
    match (
        x509_cert::name::Name::from_der(a),
        x509_cert::name::Name::from_der(b),
    ) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// RFC 5035 / RFC 2634: the first ESSCertID(v2) must name the signer certificate.
fn ess_check(si: &SignerInfo, cert: Option<&Cert>) -> EssStatus {
    let (v2, _) = si.signed_attr(&oids::SIGNING_CERTIFICATE_V2);
    let (v1, _) = si.signed_attr(&oids::SIGNING_CERTIFICATE);
    let (raw, is_v2) = match (v2, v1) {
        (Some(r), _) => (r, true),
        (None, Some(r)) => (r, false),
        (None, None) => return EssStatus::Absent,
    };
    let Some(cert) = cert else {
        return EssStatus::NotChecked;
    };
    let Some(first) = first_ess_cert_id(raw) else {
        return EssStatus::Malformed;
    };
    let Some(parts) = items(first.value) else {
        return EssStatus::Malformed;
    };
    let mut it = parts.iter().peekable();
    let mut alg = HashAlg::Sha1;
    if is_v2 {
        alg = HashAlg::Sha256;
        if let Some(a) = it.next_if(|t| t.tag == asn1::SEQUENCE) {
            match items(a.value)
                .and_then(|v| v.first().and_then(oid))
                .and_then(|o| HashAlg::from_oid(&o))
            {
                Some(h) => alg = h,
                None => return EssStatus::Malformed,
            }
        }
    }
    let Some(hash) = it.next().and_then(octets) else {
        return EssStatus::Malformed;
    };
    if hash != alg.digest(cert.der()) {
        return EssStatus::Mismatch;
    }
    if let Some(issuer_serial) = it.next() {
        match issuer_serial_matches(issuer_serial, cert) {
            Some(true) => {}
            Some(false) => return EssStatus::Mismatch,
            None => return EssStatus::Malformed,
        }
    }
    if is_v2 {
        EssStatus::V2Match
    } else {
        EssStatus::V1Match
    }
}

/// `SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), ... }`.
fn first_ess_cert_id(raw: &[u8]) -> Option<asn1::Tlv<'_>> {
    let (outer, _) = asn1::read(raw).ok()?;
    if outer.tag != asn1::SEQUENCE {
        return None;
    }
    let (certs, _) = asn1::read(outer.value).ok()?;
    if certs.tag != asn1::SEQUENCE {
        return None;
    }
    let (first, _) = asn1::read(certs.value).ok()?;
    (first.tag == asn1::SEQUENCE).then_some(first)
}

/// `IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber INTEGER }`; only a
/// directoryName ([4]) issuer can be compared.
fn issuer_serial_matches(t: &asn1::Tlv<'_>, cert: &Cert) -> Option<bool> {
    let parts = items(t.value)?;
    let names = parts.first().filter(|n| n.tag == asn1::SEQUENCE)?;
    let serial = parts.get(1).filter(|s| s.tag == der_util::INTEGER)?;
    let own_serial =
        der_util::integer_trimmed(cert.x509().tbs_certificate().serial_number().as_bytes());
    if der_util::integer_trimmed(serial.value) != own_serial {
        return Some(false);
    }
    let mut saw_dir = false;
    for gn in items(names.value)? {
        if gn.tag == 0xA4 {
            saw_dir = true;
            let (name, _) = asn1::read(gn.value).ok()?;
            if same_name(name.raw, cert.issuer_der()) {
                return Some(true);
            }
        }
    }
    Some(!saw_dir)
}

/// `RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRLs OPTIONAL,
/// ocsp [1] EXPLICIT SEQUENCE OF OCSPResponse OPTIONAL, otherRevInfo [2] ... }`.
fn revocation_archival(raw: &[u8], crls: &mut Vec<Vec<u8>>, ocsps: &mut Vec<Vec<u8>>) -> bool {
    let Ok((outer, _)) = asn1::read(raw) else {
        return false;
    };
    if outer.tag != asn1::SEQUENCE {
        return false;
    }
    let Some(parts) = items(outer.value) else {
        return false;
    };
    for p in parts {
        let target = match p.tag {
            0xA0 => &mut *crls,
            0xA1 => &mut *ocsps,
            _ => continue,
        };
        let Ok((seq, _)) = asn1::read(p.value) else {
            return false;
        };
        let Some(list) = items(seq.value) else {
            return false;
        };
        for item in list.iter().take(super::MAX_CERTS) {
            if !target.iter().any(|x| x.as_slice() == item.raw) {
                target.push(item.raw.to_vec());
            }
        }
    }
    true
}

/// Whether `cert` carries extended key usage `purpose`, and whether the extension is
/// critical: `None` when it has no EKU extension at all.
pub(crate) fn eku(cert: &Cert, purpose: &ObjectIdentifier) -> Option<(bool, bool, usize)> {
    use x509_cert::ext::pkix::ExtendedKeyUsage;
    let (critical, e) = cert
        .x509()
        .tbs_certificate()
        .get_extension::<ExtendedKeyUsage>()
        .ok()??;
    Some((e.0.contains(purpose), critical, e.0.len()))
}
