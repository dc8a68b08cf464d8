//! X.509 certificates: the parsed structure, the bytes it came from, and the facts
//! a clerk reads off it.
//!
//! ```text
//! Certificate  ::=  SEQUENCE  {
//!      tbsCertificate       TBSCertificate,
//!      signatureAlgorithm   AlgorithmIdentifier,
//!      signatureValue       BIT STRING  }
//! ```
//!
//! [`Cert`] keeps the original encoding next to the decoded value because signatures
//! are checked over the TBSCertificate bytes exactly as they appear in the file.

use core::ops::Range;

use der::Decode;
use sha1::Sha1;
use sha2::{Digest, Sha256};

use crate::asn1;

pub mod facts;
pub mod holder;
pub mod identifiers;
pub mod name;
pub mod oids;
mod revocation_reason;

pub use facts::{CertFacts, facts};
pub use revocation_reason::RevocationReason;

/// A decoded certificate together with its original DER.
#[derive(Clone, Debug)]
pub struct Cert {
    der: Vec<u8>,
    tbs: Range<usize>,
    signature: Range<usize>,
    issuer: Range<usize>,
    subject: Range<usize>,
    inner: x509_cert::Certificate,
    sha256: [u8; 32],
}

/// Why bytes are not a certificate. `offset` is a byte position in the DER when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertError {
    /// The outer structure is not a complete DER SEQUENCE of three parts.
    Structure { offset: usize },
    /// The structure is there but a field does not decode (bad DER, unknown version...).
    Field { detail: String },
}

impl Cert {
    /// The subjectKeyIdentifier's key identifier, when the certificate has one. The
    /// one reader of it (path building, CMS signer lookup, the trust folder).
    pub fn subject_key_id(&self) -> Option<Vec<u8>> {
        let (_, ski) = self
            .x509()
            .tbs_certificate()
            .get_extension::<x509_cert::ext::pkix::SubjectKeyIdentifier>()
            .ok()??;
        Some(ski.0.as_bytes().to_vec())
    }

    /// The authorityKeyIdentifier's keyIdentifier, when the certificate has one.
    pub fn authority_key_id(&self) -> Option<Vec<u8>> {
        let (_, aki) = self
            .x509()
            .tbs_certificate()
            .get_extension::<x509_cert::ext::pkix::AuthorityKeyIdentifier>()
            .ok()??;
        Some(aki.key_identifier?.as_bytes().to_vec())
    }

    /// Every certificate the files hold (PEM, DER, PKCS#7), as evidence for finding
    /// issuers: a file or certificate that cannot be read is skipped here (reading the
    /// user's files reports it, `report::read_user_file`).
    pub fn all_in(files: &[crate::input::InputFile]) -> Vec<Cert> {
        files
            .iter()
            .filter_map(|f| crate::input::decode(&f.bytes).ok())
            .flat_map(|d| d.certs)
            .filter_map(|c| Cert::from_der(&c).ok())
            .collect()
    }

    /// Parses one DER certificate. The whole input must be the certificate.
    pub fn from_der(der: &[u8]) -> Result<Cert, CertError> {
        let parts =
            asn1::split_signed(der).map_err(|e| CertError::Structure { offset: e.offset })?;
        let tbs = subrange(der, parts.tbs);
        let signature = subrange(der, parts.signature);
        let (issuer_raw, subject_raw) =
            tbs_names(parts.tbs).ok_or(CertError::Structure { offset: tbs.start })?;
        let issuer = subrange(der, issuer_raw);
        let subject = subrange(der, subject_raw);
        let inner = match x509_cert::Certificate::from_der(der) {
            Ok(c) => c,
            Err(first) => {
                // Names may use string types the typed decoder does not know
                // (UniversalString, GraphicString). Names are read from the original
                // bytes anyway; for the typed view, retag those values as OCTET
                // STRING, which keeps every length and offset unchanged.
                let mut copy = der.to_vec();
                retag_exotic_strings(&mut copy, &issuer);
                retag_exotic_strings(&mut copy, &subject);
                x509_cert::Certificate::from_der(&copy).map_err(|_| CertError::Field {
                    detail: first.to_string(),
                })?
            }
        };
        Ok(Cert {
            der: der.to_vec(),
            tbs,
            signature,
            issuer,
            subject,
            inner,
            sha256: Sha256::digest(der).into(),
        })
    }

    /// The issuer Name exactly as encoded.
    pub fn issuer_der(&self) -> &[u8] {
        self.der.get(self.issuer.clone()).unwrap_or(&[])
    }

    /// The subject Name exactly as encoded.
    pub fn subject_der(&self) -> &[u8] {
        self.der.get(self.subject.clone()).unwrap_or(&[])
    }

    /// The certificate as it was read.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The TBSCertificate exactly as encoded in the file: what the issuer signed.
    pub fn tbs_der(&self) -> &[u8] {
        self.der.get(self.tbs.clone()).unwrap_or(&[])
    }

    /// The signature value (the BIT STRING's octets, without the unused-bits octet).
    pub fn signature_bytes(&self) -> &[u8] {
        self.der.get(self.signature.clone()).unwrap_or(&[])
    }

    /// The decoded certificate.
    pub fn x509(&self) -> &x509_cert::Certificate {
        &self.inner
    }

    /// SHA-256 of the DER: the fingerprint by which trust anchors are pinned.
    pub fn sha256(&self) -> [u8; 32] {
        self.sha256
    }

    /// SHA-1 of the DER, still what the Windows certificate dialog shows as "Thumbprint".
    pub fn sha1(&self) -> [u8; 20] {
        Sha1::digest(&self.der).into()
    }
}

/// The raw issuer and subject Names of a TBSCertificate:
/// `[0] version OPTIONAL, serial, signature, issuer, validity, subject, ...`.
fn tbs_names(tbs: &[u8]) -> Option<(&[u8], &[u8])> {
    let (t, _) = asn1::read(tbs).ok()?;
    let items: Vec<asn1::Tlv<'_>> = asn1::children(t.value)
        .take(6)
        .collect::<Result<_, _>>()
        .ok()?;
    let skip = usize::from(items.first()?.tag == 0xA0);
    let issuer = items.get(skip + 2)?;
    let subject = items.get(skip + 4)?;
    (issuer.tag == asn1::SEQUENCE && subject.tag == asn1::SEQUENCE)
        .then_some((issuer.raw, subject.raw))
}

/// Universal string tags `der` cannot decode: GraphicString, UniversalString,
/// CHARACTER STRING.
const EXOTIC_STRING_TAGS: [u8; 3] = [0x19, 0x1C, 0x1D];

/// Rewrites the tag of exotic attribute values within the Name at `range` to OCTET
/// STRING, in place. Only the decoding copy is changed, never the original bytes.
fn retag_exotic_strings(der: &mut [u8], range: &Range<usize>) {
    let Some(name) = der.get(range.clone()) else {
        return;
    };
    let mut positions = Vec::new();
    if let Ok((seq, _)) = asn1::read(name) {
        let base = range.start + (seq.raw.len() - seq.value.len());
        let mut rdn_off = 0;
        for rdn in asn1::children(seq.value).flatten() {
            let rdn_hdr = rdn.raw.len() - rdn.value.len();
            let mut atv_off = 0;
            for atv in asn1::children(rdn.value).flatten() {
                let atv_hdr = atv.raw.len() - atv.value.len();
                let mut inner = asn1::children(atv.value);
                if let (Some(Ok(oid)), Some(Ok(value))) = (inner.next(), inner.next())
                    && EXOTIC_STRING_TAGS.contains(&value.tag)
                {
                    positions.push(base + rdn_off + rdn_hdr + atv_off + atv_hdr + oid.raw.len());
                }
                atv_off += atv.raw.len();
            }
            rdn_off += rdn.raw.len();
        }
    }
    for p in positions {
        if let Some(b) = der.get_mut(p) {
            *b = 0x04;
        }
    }
}

/// The position of `part` (a sub-slice of `whole`) inside `whole`.
fn subrange(whole: &[u8], part: &[u8]) -> Range<usize> {
    let start = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
    start..start + part.len()
}

/// Upper-case hexadecimal without separators, as fingerprints and serials are shown.
pub fn hex_upper(bytes: &[u8]) -> String {
    use core::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02X}");
    }
    s
}
