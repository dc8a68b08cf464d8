//! CMS SignedData (RFC 5652) and RFC 3161 time-stamp tokens: parsing and verification.
//!
//! ```text
//! ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT SignedData }
//! SignedData ::= SEQUENCE {
//!     version CMSVersion, digestAlgorithms SET OF AlgorithmIdentifier,
//!     encapContentInfo SEQUENCE { eContentType OID, eContent [0] EXPLICIT OCTET STRING OPTIONAL },
//!     certificates [0] IMPLICIT CertificateSet OPTIONAL,
//!     crls [1] IMPLICIT RevocationInfoChoices OPTIONAL,
//!     signerInfos SET OF SignerInfo }
//! SignerInfo ::= SEQUENCE {
//!     version, sid SignerIdentifier, digestAlgorithm,
//!     signedAttrs [0] IMPLICIT SET OF Attribute OPTIONAL,
//!     signatureAlgorithm, signature OCTET STRING,
//!     unsignedAttrs [1] IMPLICIT SET OF Attribute OPTIONAL }
//! ```
//!
//! The structure is read with our own TLV walker ([`crate::asn1`]) rather than the
//! `cms` crate's typed decoder, for three reasons: PDF signers emit BER (indefinite
//! lengths, constructed OCTET STRINGs) that a DER decoder refuses; the signature over
//! the signed attributes must be checked on their bytes *as they appear*; and every
//! field we do not need (other certificate formats, unknown attributes) should not be
//! able to make the whole signature unreadable. Small DER pieces (algorithm
//! identifiers, certificates) still go through the typed decoders.
//!
//! The caller hashes the signed content itself (a PDF's byte ranges, possibly in
//! chunks in the browser): [`SignedCms::required_digests`] says which digests are
//! needed, [`verify`] takes them.

mod der_util;
pub mod ocsp;
pub mod policy;
mod signer;
pub mod tst;

use const_oid::ObjectIdentifier;
use serde::Serialize;
use spki::AlgorithmIdentifierOwned;

use crate::asn1::{self, Tlv};
use crate::cert::Cert;
use crate::crypto::{HashAlg, Scheme};
use der_util::{items, octets, oid};

pub use signer::{
    Content, Digests, EssStatus, Integrity, SignatureStatus, SignerProblem, SignerReport,
    VerifyContext, verify,
};
pub use tst::{TimestampDetail, TimestampReport, TimestampStatus, TstInfo};

/// Object identifiers used here.
pub mod oids {
    use const_oid::ObjectIdentifier as O;
    pub const ID_DATA: O = O::new_unwrap("1.2.840.113549.1.7.1");
    pub const ID_SIGNED_DATA: O = O::new_unwrap("1.2.840.113549.1.7.2");
    pub const ID_CT_TST_INFO: O = O::new_unwrap("1.2.840.113549.1.9.16.1.4");
    pub const CONTENT_TYPE: O = O::new_unwrap("1.2.840.113549.1.9.3");
    pub const MESSAGE_DIGEST: O = O::new_unwrap("1.2.840.113549.1.9.4");
    pub const SIGNING_TIME: O = O::new_unwrap("1.2.840.113549.1.9.5");
    pub const SIGNING_CERTIFICATE: O = O::new_unwrap("1.2.840.113549.1.9.16.2.12");
    pub const SIGNING_CERTIFICATE_V2: O = O::new_unwrap("1.2.840.113549.1.9.16.2.47");
    pub const SIGNATURE_TIME_STAMP_TOKEN: O = O::new_unwrap("1.2.840.113549.1.9.16.2.14");
    /// Adobe's revocationInfoArchival (PDF 1.7 / ISO 32000-1 §12.8.3.3.2).
    pub const ADBE_REVOCATION_INFO_ARCHIVAL: O = O::new_unwrap("1.2.840.113583.1.1.8");
    pub const KP_TIME_STAMPING: O = O::new_unwrap("1.3.6.1.5.5.7.3.8");
    pub const KP_OCSP_SIGNING: O = O::new_unwrap("1.3.6.1.5.5.7.3.9");
    pub const OCSP_BASIC: O = O::new_unwrap("1.3.6.1.5.5.7.48.1.1");
    /// id-pkix-ocsp-archive-cutoff (RFC 6960 §4.4.4).
    pub const OCSP_ARCHIVE_CUTOFF: O = O::new_unwrap("1.3.6.1.5.5.7.48.1.6");
    /// id-ri-ocsp-response (RFC 5940), an OtherRevocationInfoFormat in `crls`.
    pub const RI_OCSP_RESPONSE: O = O::new_unwrap("1.3.6.1.5.5.7.16.2");
}

/// Bounds on hostile input: a PDF signature holds one signer and a handful of
/// certificates; these limits are far above any real file.
pub const MAX_CERTS: usize = 256;
pub const MAX_SIGNERS: usize = 16;
pub const MAX_ATTRIBUTES: usize = 64;
pub const MAX_CMS_BYTES: usize = 16 * 1024 * 1024;

/// Why bytes are not a usable SignedData. Data, not prose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CmsError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// The outer TLV does not read (truncated, bad length); `offset` is where.
    Structure {
        offset: usize,
    },
    /// Non-zero bytes after the structure (zero padding is normal in PDFs).
    TrailingData {
        offset: usize,
    },
    /// A ContentInfo of another type (enveloped data ...).
    NotSignedData {
        content_type: String,
    },
    /// A field is missing or malformed; `field` names it.
    Field {
        field: &'static str,
    },
    /// No SignerInfo at all.
    NoSigner,
    TooManyItems {
        field: &'static str,
    },
}

impl CmsError {
    pub fn code(&self) -> &'static str {
        match self {
            CmsError::Empty => "cms_empty",
            CmsError::TooLarge { .. } => "cms_too_large",
            CmsError::Structure { .. } => "cms_structure",
            CmsError::TrailingData { .. } => "cms_trailing_data",
            CmsError::NotSignedData { .. } => "cms_not_signed_data",
            CmsError::Field { .. } => "cms_bad_field",
            CmsError::NoSigner => "cms_no_signer",
            CmsError::TooManyItems { .. } => "cms_too_many_items",
        }
    }
}

/// One attribute: its type and the raw encodings of its values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    pub oid: ObjectIdentifier,
    pub values: Vec<Vec<u8>>,
}

/// How a SignerInfo names its certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignerId {
    /// The issuer Name (raw DER) and the serial number (INTEGER content, trimmed).
    IssuerSerial {
        issuer: Vec<u8>,
        serial: Vec<u8>,
    },
    SubjectKeyId(Vec<u8>),
}

/// One SignerInfo, with the bytes its signature covers.
#[derive(Clone, Debug)]
pub struct SignerInfo {
    pub version: u64,
    pub sid: SignerId,
    pub digest_oid: ObjectIdentifier,
    /// `None` when the digest algorithm is not one we implement (MD5, GOST ...).
    pub digest_alg: Option<HashAlg>,
    /// The signed attributes re-tagged as `SET OF` (0x31), byte for byte otherwise.
    pub signed_attrs_der: Option<Vec<u8>>,
    pub signed_attrs: Vec<Attribute>,
    /// The signed attributes used an indefinite length (not DER: the signature, made
    /// over DER, will not match these bytes).
    pub signed_attrs_indefinite: bool,
    pub signature_oid: ObjectIdentifier,
    pub signature_alg: Option<AlgorithmIdentifierOwned>,
    pub signature: Vec<u8>,
    pub unsigned_attrs: Vec<Attribute>,
}

impl SignerInfo {
    /// The first value of signed attribute `oid`, with how many times it occurs.
    pub fn signed_attr(&self, oid: &ObjectIdentifier) -> (Option<&[u8]>, usize) {
        attr(&self.signed_attrs, oid)
    }

    pub fn unsigned_attr_values(&self, oid: &ObjectIdentifier) -> Vec<&[u8]> {
        self.unsigned_attrs
            .iter()
            .filter(|a| a.oid == *oid)
            .flat_map(|a| a.values.iter().map(Vec::as_slice))
            .collect()
    }

    /// The signature scheme, with the digest algorithm as the hash hint.
    pub fn scheme(&self) -> Result<Scheme, crate::crypto::SignatureError> {
        match &self.signature_alg {
            Some(alg) => Scheme::from_algorithm(alg, self.digest_alg),
            None => Err(crate::crypto::SignatureError::BadParameters {
                oid: self.signature_oid.to_string(),
            }),
        }
    }
}

fn attr<'a>(attrs: &'a [Attribute], oid: &ObjectIdentifier) -> (Option<&'a [u8]>, usize) {
    let mut found = attrs.iter().filter(|a| a.oid == *oid);
    let first = found.next();
    let count = usize::from(first.is_some()) + found.count();
    (
        first.and_then(|a| a.values.first()).map(Vec::as_slice),
        count,
    )
}

/// A parsed SignedData.
#[derive(Clone, Debug)]
pub struct SignedCms {
    pub version: u64,
    pub econtent_type: ObjectIdentifier,
    /// The encapsulated content, if any (adbe.pkcs7.sha1, time-stamp tokens).
    pub econtent: Option<Vec<u8>>,
    pub certificates: Vec<Cert>,
    /// Certificates present but not readable (other formats, bad DER).
    pub unreadable_certificates: usize,
    /// CRLs in the `crls` field (raw DER).
    pub crls: Vec<Vec<u8>>,
    /// OCSP responses carried as id-ri-ocsp-response in `crls` (raw DER).
    pub ocsp_responses: Vec<Vec<u8>>,
    pub signers: Vec<SignerInfo>,
    /// The structure used BER indefinite lengths somewhere.
    pub ber: bool,
    /// Length of the TLV itself (the zero padding after it excluded).
    pub encoded_len: usize,
}

/// Reads a SignedData: exactly one TLV, then nothing but zero bytes.
pub fn parse(bytes: &[u8]) -> Result<SignedCms, CmsError> {
    if bytes.is_empty() || bytes.iter().all(|b| *b == 0) {
        return Err(CmsError::Empty);
    }
    if bytes.len() > MAX_CMS_BYTES {
        return Err(CmsError::TooLarge { bytes: bytes.len() });
    }
    let (ci, rest) = asn1::read(bytes).map_err(|e| CmsError::Structure { offset: e.offset })?;
    if let Some(p) = rest.iter().position(|b| *b != 0) {
        return Err(CmsError::TrailingData {
            offset: ci.raw.len() + p,
        });
    }
    if ci.tag != asn1::SEQUENCE {
        return Err(CmsError::Structure { offset: 0 });
    }
    let ber = ci.raw.get(1) == Some(&0x80) || contains_indefinite(ci.value, 0);
    let f = |field| CmsError::Field { field };
    let parts = items(ci.value).ok_or(f("content_info"))?;
    let ct = parts.first().and_then(oid).ok_or(f("content_type"))?;
    if ct != oids::ID_SIGNED_DATA {
        return Err(CmsError::NotSignedData {
            content_type: ct.to_string(),
        });
    }
    let explicit = parts.get(1).filter(|t| t.tag == 0xA0).ok_or(f("content"))?;
    let (sd, _) = asn1::read(explicit.value).map_err(|_| f("signed_data"))?;
    if sd.tag != asn1::SEQUENCE {
        return Err(f("signed_data"));
    }
    let mut cms = signed_data(&sd)?;
    cms.ber = ber;
    cms.encoded_len = ci.raw.len();
    Ok(cms)
}

fn contains_indefinite(value: &[u8], depth: usize) -> bool {
    if depth > 32 {
        return false;
    }
    asn1::children(value).flatten().any(|t| {
        t.tag & 0x20 != 0
            && (t.raw.get(1) == Some(&0x80)
                || (t.raw.len() > t.value.len() + 1 && contains_indefinite(t.value, depth + 1)))
    })
}

fn signed_data(sd: &Tlv<'_>) -> Result<SignedCms, CmsError> {
    let f = |field| CmsError::Field { field };
    let parts = items(sd.value).ok_or(f("signed_data"))?;
    let mut it = parts.iter().peekable();
    let version = it
        .next()
        .and_then(der_util::small_integer)
        .ok_or(f("version"))?;
    let _digest_algs = it
        .next()
        .filter(|t| t.tag == asn1::SET)
        .ok_or(f("digest_algorithms"))?;
    let encap = it
        .next()
        .filter(|t| t.tag == asn1::SEQUENCE)
        .ok_or(f("encap_content_info"))?;
    let encap_items = items(encap.value).ok_or(f("encap_content_info"))?;
    let econtent_type = encap_items
        .first()
        .and_then(oid)
        .ok_or(f("econtent_type"))?;
    let econtent = match encap_items.get(1) {
        None => None,
        Some(t) if t.tag == 0xA0 => {
            let (inner, _) = asn1::read(t.value).map_err(|_| f("econtent"))?;
            Some(octets(&inner).ok_or(f("econtent"))?)
        }
        Some(_) => return Err(f("econtent")),
    };
    let mut certificates = Vec::new();
    let mut unreadable_certificates = 0;
    let mut crls = Vec::new();
    let mut ocsp_responses = Vec::new();
    if let Some(t) = it.next_if(|t| t.tag == 0xA0) {
        for c in asn1::children(t.value) {
            let c = c.map_err(|_| f("certificates"))?;
            if certificates.len() + unreadable_certificates >= MAX_CERTS {
                return Err(CmsError::TooManyItems {
                    field: "certificates",
                });
            }
            match (c.tag == asn1::SEQUENCE)
                .then(|| Cert::from_der(c.raw).ok())
                .flatten()
            {
                Some(cert) => certificates.push(cert),
                None => unreadable_certificates += 1,
            }
        }
    }
    if let Some(t) = it.next_if(|t| t.tag == 0xA1) {
        for c in asn1::children(t.value) {
            let c = c.map_err(|_| f("crls"))?;
            if crls.len() + ocsp_responses.len() >= MAX_CERTS {
                return Err(CmsError::TooManyItems { field: "crls" });
            }
            if c.tag == asn1::SEQUENCE {
                crls.push(c.raw.to_vec());
            } else if c.tag == 0xA1 {
                // OtherRevocationInfoFormat ::= SEQUENCE { format OID, info ANY }
                let other = items(c.value).unwrap_or_default();
                if other.first().and_then(oid) == Some(oids::RI_OCSP_RESPONSE)
                    && let Some(info) = other.get(1)
                {
                    ocsp_responses.push(info.raw.to_vec());
                }
            }
        }
    }
    let signer_set = it
        .next()
        .filter(|t| t.tag == asn1::SET)
        .ok_or(f("signer_infos"))?;
    let mut signers = Vec::new();
    for s in asn1::children(signer_set.value) {
        let s = s.map_err(|_| f("signer_info"))?;
        if signers.len() >= MAX_SIGNERS {
            return Err(CmsError::TooManyItems {
                field: "signer_infos",
            });
        }
        signers.push(signer_info(&s)?);
    }
    if signers.is_empty() {
        return Err(CmsError::NoSigner);
    }
    Ok(SignedCms {
        version,
        econtent_type,
        econtent,
        certificates,
        unreadable_certificates,
        crls,
        ocsp_responses,
        signers,
        ber: false,
        encoded_len: 0,
    })
}

fn signer_info(s: &Tlv<'_>) -> Result<SignerInfo, CmsError> {
    let f = |field| CmsError::Field { field };
    if s.tag != asn1::SEQUENCE {
        return Err(f("signer_info"));
    }
    let parts = items(s.value).ok_or(f("signer_info"))?;
    let mut it = parts.iter().peekable();
    let version = it
        .next()
        .and_then(der_util::small_integer)
        .ok_or(f("signer_version"))?;
    let sid_tlv = it.next().ok_or(f("sid"))?;
    let sid = match sid_tlv.tag {
        asn1::SEQUENCE => {
            let ias = items(sid_tlv.value).ok_or(f("sid"))?;
            let issuer = ias
                .first()
                .filter(|t| t.tag == asn1::SEQUENCE)
                .ok_or(f("sid"))?;
            let serial = ias
                .get(1)
                .filter(|t| t.tag == der_util::INTEGER)
                .ok_or(f("sid"))?;
            SignerId::IssuerSerial {
                issuer: issuer.raw.to_vec(),
                serial: der_util::integer_trimmed(serial.value).to_vec(),
            }
        }
        0x80 | 0xA0 => {
            SignerId::SubjectKeyId(der_util::octets_tagged(sid_tlv, 0x80).ok_or(f("sid"))?)
        }
        _ => return Err(f("sid")),
    };
    let digest = it
        .next()
        .filter(|t| t.tag == asn1::SEQUENCE)
        .ok_or(f("digest_algorithm"))?;
    let digest_oid = items(digest.value)
        .and_then(|v| v.first().and_then(oid))
        .ok_or(f("digest_algorithm"))?;
    let mut signed_attrs_der = None;
    let mut signed_attrs = Vec::new();
    let mut signed_attrs_indefinite = false;
    if let Some(sa) = it.next_if(|t| t.tag == 0xA0) {
        let mut raw = sa.raw.to_vec();
        if let Some(first) = raw.first_mut() {
            *first = asn1::SET;
        }
        signed_attrs_indefinite = sa.raw.get(1) == Some(&0x80);
        signed_attrs_der = Some(raw);
        signed_attrs = attributes(sa.value).ok_or(f("signed_attrs"))?;
    }
    let sig_alg = it
        .next()
        .filter(|t| t.tag == asn1::SEQUENCE)
        .ok_or(f("signature_algorithm"))?;
    let signature_oid = items(sig_alg.value)
        .and_then(|v| v.first().and_then(oid))
        .ok_or(f("signature_algorithm"))?;
    let signature_alg = crate::crypto::algorithm_from_der(sig_alg.raw).ok();
    let signature = it.next().and_then(octets).ok_or(f("signature_value"))?;
    let mut unsigned_attrs = Vec::new();
    if let Some(ua) = it.next_if(|t| t.tag == 0xA1) {
        unsigned_attrs = attributes(ua.value).ok_or(f("unsigned_attrs"))?;
    }
    Ok(SignerInfo {
        version,
        sid,
        digest_alg: HashAlg::from_oid(&digest_oid),
        digest_oid,
        signed_attrs_der,
        signed_attrs,
        signed_attrs_indefinite,
        signature_oid,
        signature_alg,
        signature,
        unsigned_attrs,
    })
}

/// `SET OF Attribute` content: `Attribute ::= SEQUENCE { attrType, attrValues SET }`.
fn attributes(value: &[u8]) -> Option<Vec<Attribute>> {
    let mut out = Vec::new();
    for a in asn1::children(value) {
        let a = a.ok()?;
        if a.tag != asn1::SEQUENCE || out.len() >= MAX_ATTRIBUTES {
            return None;
        }
        let parts = items(a.value)?;
        let oid = parts.first().and_then(oid)?;
        let set = parts.get(1).filter(|t| t.tag == asn1::SET)?;
        let values = items(set.value)?.iter().map(|v| v.raw.to_vec()).collect();
        out.push(Attribute { oid, values });
    }
    Some(out)
}

impl SignedCms {
    /// The one SignerInfo of a PDF signature (the first, if there are several; the
    /// caller reports the count).
    pub fn signer(&self) -> Option<&SignerInfo> {
        self.signers.first()
    }

    /// The digest algorithm the signer names for the content, if we implement it.
    pub fn content_digest_algorithm(&self) -> Option<HashAlg> {
        self.signer().and_then(|s| s.digest_alg)
    }

    /// Every digest of the *external* data (the PDF byte ranges) that [`verify`] or
    /// [`tst::verify_token`] may need for this structure, given what the content is.
    pub fn required_digests(&self, content: Content) -> Vec<HashAlg> {
        let mut out = Vec::new();
        let mut add = |h: HashAlg| {
            if !out.contains(&h) {
                out.push(h);
            }
        };
        match content {
            Content::Detached => {
                if let Some(s) = self.signer() {
                    if let Some(h) = s.digest_alg {
                        add(h);
                    }
                    if s.signed_attrs_der.is_none()
                        && let Ok(scheme) = s.scheme()
                    {
                        add(scheme.hash());
                    }
                }
            }
            // adbe.pkcs7.sha1: the encapsulated content is SHA-1 of the ranges.
            Content::Sha1Encapsulated => add(HashAlg::Sha1),
            Content::DocTimestamp => {
                if let Some(info) = self
                    .econtent
                    .as_deref()
                    .and_then(|e| tst::TstInfo::parse(e).ok())
                    && let Some(h) = info.imprint_alg
                {
                    add(h);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
