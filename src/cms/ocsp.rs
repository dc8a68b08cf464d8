//! OCSP responses (RFC 6960), read minimally: who answered, when, and what it said
//! about which certificate; the response's signature is checked with a key the caller
//! chooses (the issuer, or a delegated responder certificate the response carries).
//! Whether an answer counts as evidence at a given time is decided in
//! the revocation engine (`trust::revocation`).
//!
//! ```text
//! OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, responseBytes [0] EXPLICIT
//!     SEQUENCE { responseType OID, response OCTET STRING } OPTIONAL }
//! BasicOCSPResponse ::= SEQUENCE { tbsResponseData ResponseData,
//!     signatureAlgorithm AlgorithmIdentifier, signature BIT STRING,
//!     certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
//! ResponseData ::= SEQUENCE { version [0] EXPLICIT DEFAULT v1,
//!     responderID CHOICE { byName [1] Name, byKey [2] OCTET STRING },
//!     producedAt GeneralizedTime, responses SEQUENCE OF SingleResponse,
//!     responseExtensions [1] EXPLICIT Extensions OPTIONAL }
//! SingleResponse ::= SEQUENCE { certID CertID, certStatus CHOICE { good [0] NULL,
//!     revoked [1] RevokedInfo, unknown [2] NULL }, thisUpdate GeneralizedTime,
//!     nextUpdate [0] EXPLICIT GeneralizedTime OPTIONAL, singleExtensions [1] ... }
//! RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime,
//!     revocationReason [0] EXPLICIT CRLReason OPTIONAL }   -- [1] IMPLICIT above
//! CertID ::= SEQUENCE { hashAlgorithm, issuerNameHash OCTET STRING,
//!     issuerKeyHash OCTET STRING, serialNumber INTEGER }
//! ```

use der::Decode;
use serde::Serialize;
use x509_cert::ext::pkix::CrlReason;

use super::der_util::{self, items, octets, oid};
use super::oids;
use crate::asn1;
use crate::cert::Cert;
use crate::cert::RevocationReason;
use crate::crypto::{self, HashAlg};
use crate::time::Instant;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum CertStatus {
    Good,
    Revoked {
        at: Instant,
        reason: Option<RevocationReason>,
    },
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SingleResponse {
    pub hash_alg: Option<HashAlg>,
    pub issuer_name_hash: Vec<u8>,
    pub issuer_key_hash: Vec<u8>,
    pub serial: Vec<u8>,
    pub status: CertStatus,
    pub this_update: Instant,
    pub next_update: Option<Instant>,
    /// The archiveCutoff single extension (RFC 6960 §4.4.4): the responder keeps
    /// answering for certificates whose notAfter is at or after this date.
    pub archive_cutoff: Option<Instant>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponderId {
    Name(Vec<u8>),
    KeyHash(Vec<u8>),
}

/// A successful BasicOCSPResponse.
#[derive(Clone, Debug)]
pub struct OcspResponse {
    pub responder: ResponderId,
    pub produced_at: Instant,
    pub responses: Vec<SingleResponse>,
    pub certs: Vec<Cert>,
    tbs: Vec<u8>,
    algorithm: spki::AlgorithmIdentifierOwned,
    signature: Vec<u8>,
}

/// Reads an OCSPResponse; `Err(code)` for anything but a successful basic response.
pub fn parse(der: &[u8]) -> Result<OcspResponse, &'static str> {
    let bad = "ocsp_malformed";
    let (outer, _) = asn1::read(der).map_err(|_| bad)?;
    let parts = items(outer.value).ok_or(bad)?;
    let status = parts.first().filter(|t| t.tag == 0x0A).ok_or(bad)?;
    if status.value != [0] {
        return Err("ocsp_not_successful");
    }
    let rb = parts.get(1).filter(|t| t.tag == 0xA0).ok_or(bad)?;
    let (rb_seq, _) = asn1::read(rb.value).map_err(|_| bad)?;
    let rb_items = items(rb_seq.value).ok_or(bad)?;
    if rb_items.first().and_then(oid) != Some(oids::OCSP_BASIC) {
        return Err("ocsp_not_basic");
    }
    let basic_der = rb_items.get(1).and_then(octets).ok_or(bad)?;
    parse_basic(&basic_der)
}

fn parse_basic(der: &[u8]) -> Result<OcspResponse, &'static str> {
    let bad = "ocsp_malformed";
    let (basic, _) = asn1::read(der).map_err(|_| bad)?;
    let b = items(basic.value).ok_or(bad)?;
    let tbs = b.first().filter(|t| t.tag == asn1::SEQUENCE).ok_or(bad)?;
    let alg = b.get(1).ok_or(bad)?;
    let algorithm = crypto::algorithm_from_der(alg.raw).map_err(|_| bad)?;
    let sig = b.get(2).filter(|t| t.tag == 0x03).ok_or(bad)?;
    let signature = match sig.value.split_first() {
        Some((0, bits)) => bits.to_vec(),
        _ => return Err(bad),
    };
    let mut certs = Vec::new();
    if let Some(c) = b.get(3).filter(|t| t.tag == 0xA0) {
        let (seq, _) = asn1::read(c.value).map_err(|_| bad)?;
        for item in items(seq.value).ok_or(bad)?.iter().take(super::MAX_CERTS) {
            if let Ok(cert) = Cert::from_der(item.raw) {
                certs.push(cert);
            }
        }
    }
    let rd = items(tbs.value).ok_or(bad)?;
    let mut it = rd.iter().peekable();
    let _version = it.next_if(|t| t.tag == 0xA0);
    let rid = it.next().ok_or(bad)?;
    let responder = match rid.tag {
        0xA1 => ResponderId::Name(asn1::read(rid.value).map_err(|_| bad)?.0.raw.to_vec()),
        0xA2 => {
            let (k, _) = asn1::read(rid.value).map_err(|_| bad)?;
            ResponderId::KeyHash(octets(&k).ok_or(bad)?)
        }
        _ => return Err(bad),
    };
    let produced_at = it.next().and_then(der_util::time).ok_or(bad)?;
    let list = it.next().filter(|t| t.tag == asn1::SEQUENCE).ok_or(bad)?;
    let mut responses = Vec::new();
    for sr in items(list.value).ok_or(bad)?.iter().take(super::MAX_CERTS) {
        responses.push(single(sr).ok_or(bad)?);
    }
    Ok(OcspResponse {
        responder,
        produced_at,
        responses,
        certs,
        tbs: tbs.raw.to_vec(),
        algorithm,
        signature,
    })
}

fn single(sr: &asn1::Tlv<'_>) -> Option<SingleResponse> {
    let p = items(sr.value)?;
    let cid = items(p.first()?.value)?;
    let hash_alg = items(cid.first()?.value)?
        .first()
        .and_then(oid)
        .and_then(|o| HashAlg::from_oid(&o));
    let issuer_name_hash = octets(cid.get(1)?)?;
    let issuer_key_hash = octets(cid.get(2)?)?;
    let serial = cid.get(3).filter(|t| t.tag == der_util::INTEGER)?;
    let st = p.get(1)?;
    let status = match st.tag {
        0x80 => CertStatus::Good,
        0xA1 => {
            let info = items(st.value)?;
            // An unreadable reason leaves the certificate revoked, for no known reason.
            let reason = info
                .get(1)
                .filter(|r| r.tag == 0xA0)
                .and_then(|r| CrlReason::from_der(r.value).ok())
                .map(RevocationReason::from);
            CertStatus::Revoked {
                at: der_util::time(info.first()?)?,
                reason,
            }
        }
        0x82 => CertStatus::Unknown,
        _ => return None,
    };
    let this_update = der_util::time(p.get(2)?)?;
    let next_update = match p.get(3) {
        Some(t) if t.tag == 0xA0 => Some(der_util::time(&asn1::read(t.value).ok()?.0)?),
        _ => None,
    };
    // singleExtensions [1]; an unreadable archiveCutoff counts as absent (the
    // response then says nothing about an expired certificate).
    let archive_cutoff = p
        .iter()
        .skip(3)
        .find(|t| t.tag == 0xA1)
        .and_then(archive_cutoff);
    Some(SingleResponse {
        hash_alg,
        issuer_name_hash,
        issuer_key_hash,
        serial: der_util::integer_trimmed(serial.value).to_vec(),
        status,
        this_update,
        next_update,
        archive_cutoff,
    })
}

/// The archiveCutoff date in a singleExtensions `[1] EXPLICIT Extensions`.
fn archive_cutoff(exts: &asn1::Tlv<'_>) -> Option<Instant> {
    let (seq, _) = asn1::read(exts.value).ok()?;
    items(seq.value)?.iter().find_map(|ext| {
        let parts = items(ext.value)?;
        if parts.first().and_then(oid) != Some(oids::OCSP_ARCHIVE_CUTOFF) {
            return None;
        }
        let value = octets(parts.last()?)?;
        der_util::time(&asn1::read(&value).ok()?.0)
    })
}

impl OcspResponse {
    /// The answer about `cert` issued by `issuer`, if the response has one.
    pub fn find(&self, cert: &Cert, issuer: &Cert) -> Option<&SingleResponse> {
        let serial =
            der_util::integer_trimmed(cert.x509().tbs_certificate().serial_number().as_bytes());
        let key = issuer
            .x509()
            .tbs_certificate()
            .subject_public_key_info()
            .subject_public_key
            .raw_bytes();
        self.responses.iter().find(|r| {
            r.serial == serial
                && r.hash_alg.is_some_and(|h| {
                    h.digest(cert.issuer_der()) == r.issuer_name_hash
                        && h.digest(key) == r.issuer_key_hash
                })
        })
    }

    /// Does the responder ID name `cert`?
    pub fn responder_is(&self, cert: &Cert) -> bool {
        match &self.responder {
            ResponderId::Name(n) => super::signer::same_name(n, cert.subject_der()),
            ResponderId::KeyHash(h) => {
                let key = cert
                    .x509()
                    .tbs_certificate()
                    .subject_public_key_info()
                    .subject_public_key
                    .raw_bytes();
                HashAlg::Sha1.digest(key) == *h
            }
        }
    }

    /// Checks the response's signature with `signer`'s key.
    pub fn signed_by(&self, signer: &Cert) -> bool {
        crypto::verify_signature(
            signer.x509().tbs_certificate().subject_public_key_info(),
            &self.algorithm,
            &self.tbs,
            &self.signature,
        )
        .is_ok()
    }

    /// The certificate that signed this response for certificates issued by
    /// `issuer`: the issuer itself, or a delegated responder it issued that carries
    /// id-kp-OCSPSigning and was within its validity period when the response was
    /// produced (RFC 6960 §4.2.2.2). `None` when no such signer verifies.
    pub fn authorised_signer(&self, issuer: &Cert) -> Option<Cert> {
        if self.responder_is(issuer) && self.signed_by(issuer) {
            return Some(issuer.clone());
        }
        self.certs
            .iter()
            .find(|c| {
                let validity = c.x509().tbs_certificate().validity();
                self.responder_is(c)
                    && Instant::from(validity.not_before) <= self.produced_at
                    && self.produced_at <= Instant::from(validity.not_after)
                    && super::signer::same_name(c.issuer_der(), issuer.subject_der())
                    && crypto::verify_signature(
                        issuer.x509().tbs_certificate().subject_public_key_info(),
                        c.x509().signature_algorithm(),
                        c.tbs_der(),
                        c.signature_bytes(),
                    )
                    .is_ok()
                    && super::signer::eku(c, &oids::KP_OCSP_SIGNING).is_some_and(|(has, _, _)| has)
                    && self.signed_by(c)
            })
            .cloned()
    }
}
