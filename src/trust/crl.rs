//! Certificate revocation lists (RFC 5280 §5): the parsed list, the bytes its
//! signature covers, and the facts revocation checking needs.
//!
//! Which CRL applies to which certificate, and who may sign it, is decided by the
//! revocation engine ([`super::revocation`]); this module answers questions about one
//! CRL: is it a delta, what is its scope, is a serial listed and why.

use core::ops::Range;

use const_oid::ObjectIdentifier;
use const_oid::db::rfc5280;
use der::Decode;
use spki::AlgorithmIdentifierOwned;
use x509_cert::crl::CertificateList;
use x509_cert::ext::pkix::crl::dp::IssuingDistributionPoint;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{CrlReason, crl::BaseCrlNumber, crl::CrlNumber};

pub use crate::cert::RevocationReason;

use super::name::NormName;
use crate::asn1;
use crate::time::Instant;

/// A parsed CRL with its original bytes.
#[derive(Clone, Debug)]
pub struct Crl {
    der: Vec<u8>,
    tbs: Range<usize>,
    signature: Range<usize>,
    algorithm: AlgorithmIdentifierOwned,
    inner: CertificateList,
    issuer: NormName,
    idp: Option<IssuingDistributionPoint>,
    number: Option<Vec<u8>>,
    delta_base: Option<Vec<u8>>,
    expired_certs_on_crl: Option<Instant>,
    unknown_critical: Option<ObjectIdentifier>,
}

/// Why bytes are not a CRL.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CrlError {
    /// Not a complete `SEQUENCE { tbs, algorithm, BIT STRING }`.
    Structure { offset: usize },
    /// A field does not decode.
    Field { detail: String },
}

/// A CRL entry that matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub at: Instant,
    pub reason: Option<RevocationReason>,
}

/// All ReasonFlags bits except `unused` (bit 0).
pub(crate) const ALL_REASONS: u16 = 0x01FE;

/// CRL extensions we process (and may therefore accept when critical).
const KNOWN_CRL_EXTENSIONS: &[ObjectIdentifier] = &[
    rfc5280::ID_CE_ISSUING_DISTRIBUTION_POINT,
    rfc5280::ID_CE_DELTA_CRL_INDICATOR,
    rfc5280::ID_CE_CRL_NUMBER,
    rfc5280::ID_CE_AUTHORITY_KEY_IDENTIFIER,
    rfc5280::ID_CE_ISSUER_ALT_NAME,
    rfc5280::ID_CE_FRESHEST_CRL,
    ID_CE_EXPIRED_CERTS_ON_CRL,
];

/// expiredCertsOnCRL (ITU-T X.509 §9.3.12, OID 2.5.29.60): the CRL keeps listing
/// revoked certificates whose notAfter is at or after this date.
pub(crate) const ID_CE_EXPIRED_CERTS_ON_CRL: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.5.29.60");

/// CRL entry extensions we process.
const KNOWN_ENTRY_EXTENSIONS: &[ObjectIdentifier] = &[
    rfc5280::ID_CE_CRL_REASONS,
    rfc5280::ID_CE_INVALIDITY_DATE,
    rfc5280::ID_CE_CERTIFICATE_ISSUER,
    rfc5280::ID_CE_HOLD_INSTRUCTION_CODE,
];

impl Crl {
    /// Parses one DER CRL.
    pub fn from_der(der: &[u8]) -> Result<Crl, CrlError> {
        let parts =
            asn1::split_signed(der).map_err(|e| CrlError::Structure { offset: e.offset })?;
        let tbs = subrange(der, parts.tbs);
        let signature = subrange(der, parts.signature);
        let field = |e: der::Error| CrlError::Field {
            detail: e.to_string(),
        };
        let inner = CertificateList::from_der(der).map_err(field)?;
        let algorithm = AlgorithmIdentifierOwned::from_der(parts.algorithm).map_err(field)?;
        let mut idp = None;
        let mut number = None;
        let mut delta_base = None;
        let mut expired_certs_on_crl = None;
        let mut unknown_critical = None;
        for ext in inner.tbs_cert_list.crl_extensions.iter().flatten() {
            let bytes = ext.extn_value.as_bytes();
            match ext.extn_id {
                rfc5280::ID_CE_ISSUING_DISTRIBUTION_POINT => {
                    idp = Some(IssuingDistributionPoint::from_der(bytes).map_err(field)?);
                }
                rfc5280::ID_CE_CRL_NUMBER => {
                    number = Some(
                        CrlNumber::from_der(bytes)
                            .map_err(field)?
                            .0
                            .as_bytes()
                            .to_vec(),
                    );
                }
                rfc5280::ID_CE_DELTA_CRL_INDICATOR => {
                    delta_base = Some(
                        BaseCrlNumber::from_der(bytes)
                            .map_err(field)?
                            .0
                            .as_bytes()
                            .to_vec(),
                    );
                }
                // Unreadable, it is as if absent: the CRL then says nothing about
                // expired certificates, the cautious reading.
                ID_CE_EXPIRED_CERTS_ON_CRL => {
                    expired_certs_on_crl = der::asn1::GeneralizedTime::from_der(bytes)
                        .ok()
                        .map(|g| Instant::from(g.to_date_time()));
                }
                oid if ext.critical && !KNOWN_CRL_EXTENSIONS.contains(&oid) => {
                    unknown_critical.get_or_insert(oid);
                }
                _ => {}
            }
        }
        for entry in inner.tbs_cert_list.revoked_certificates.iter().flatten() {
            for ext in entry.crl_entry_extensions.iter().flatten() {
                if ext.critical && !KNOWN_ENTRY_EXTENSIONS.contains(&ext.extn_id) {
                    unknown_critical.get_or_insert(ext.extn_id);
                }
            }
        }
        Ok(Crl {
            der: der.to_vec(),
            tbs,
            signature,
            algorithm,
            issuer: NormName::new(&inner.tbs_cert_list.issuer),
            inner,
            idp,
            number,
            delta_base,
            expired_certs_on_crl,
            unknown_critical,
        })
    }

    /// The CRL as it was read.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The TBSCertList exactly as encoded: what the issuer signed.
    pub fn tbs_der(&self) -> &[u8] {
        self.der.get(self.tbs.clone()).unwrap_or(&[])
    }

    pub fn signature_bytes(&self) -> &[u8] {
        self.der.get(self.signature.clone()).unwrap_or(&[])
    }

    /// The outer signatureAlgorithm.
    pub fn signature_algorithm(&self) -> &AlgorithmIdentifierOwned {
        &self.algorithm
    }

    pub fn crl(&self) -> &CertificateList {
        &self.inner
    }

    pub fn issuer(&self) -> &x509_cert::name::Name {
        &self.inner.tbs_cert_list.issuer
    }

    pub fn this_update(&self) -> Instant {
        Instant::from(self.inner.tbs_cert_list.this_update)
    }

    pub fn next_update(&self) -> Option<Instant> {
        self.inner.tbs_cert_list.next_update.map(Instant::from)
    }

    /// The expiredCertsOnCRL date, when the CRL carries one.
    pub fn expired_certs_on_crl(&self) -> Option<Instant> {
        self.expired_certs_on_crl
    }

    /// Whether "not listed" on this CRL means "not revoked" for a certificate whose
    /// validity ends at `not_after`. RFC 5280 §3.3 and §5 let an issuer drop an entry
    /// once the certificate has expired, so a CRL issued after `not_after` is silent
    /// about it, unless its expiredCertsOnCRL date (X.509 §9.3.12) is at or before
    /// `not_after`: then expired certificates are kept on it.
    pub fn speaks_for_expiry(&self, not_after: Instant) -> bool {
        self.this_update() <= not_after || self.expired_certs_on_crl.is_some_and(|d| d <= not_after)
    }

    /// The CRLNumber's content octets (RFC 5280 §5.2.3), when the CRL has one.
    pub fn number(&self) -> Option<&[u8]> {
        self.number.as_deref()
    }

    /// A delta CRL (deltaCRLIndicator): only meaningful on top of its base CRL.
    pub fn is_delta(&self) -> bool {
        self.delta_base.is_some()
    }

    pub(crate) fn norm_issuer(&self) -> &NormName {
        &self.issuer
    }

    pub(crate) fn idp(&self) -> Option<&IssuingDistributionPoint> {
        self.idp.as_ref()
    }

    pub(crate) fn unknown_critical(&self) -> Option<ObjectIdentifier> {
        self.unknown_critical
    }

    /// `true` when this delta CRL can be applied on top of `base`: its BaseCRLNumber
    /// is not newer than the base's CRLNumber (RFC 5280 §5.2.4).
    pub(crate) fn is_delta_for(&self, base: &Crl) -> bool {
        match (&self.delta_base, &base.number) {
            (Some(b), Some(n)) => uint_le(b, n) && self.issuer == base.issuer,
            _ => false,
        }
    }

    /// The entry for `serial` issued by `cert_issuer` (indirect CRLs name the issuer
    /// of each run of entries with a certificateIssuer entry extension).
    pub(crate) fn lookup(&self, serial: &[u8], cert_issuer: &NormName) -> Option<Entry> {
        let indirect = self.idp.as_ref().is_some_and(|i| i.indirect_crl);
        let mut current = self.issuer.clone();
        for entry in self
            .inner
            .tbs_cert_list
            .revoked_certificates
            .iter()
            .flatten()
        {
            let mut reason = None;
            for ext in entry.crl_entry_extensions.iter().flatten() {
                let bytes = ext.extn_value.as_bytes();
                if ext.extn_id == rfc5280::ID_CE_CRL_REASONS {
                    reason = CrlReason::from_der(bytes).ok().map(RevocationReason::from);
                } else if indirect && ext.extn_id == rfc5280::ID_CE_CERTIFICATE_ISSUER {
                    let names = x509_cert::ext::pkix::name::GeneralNames::from_der(bytes)
                        .unwrap_or_default();
                    if let Some(dn) = names.iter().find_map(|g| match g {
                        GeneralName::DirectoryName(n) => Some(NormName::new(n)),
                        _ => None,
                    }) {
                        current = dn;
                    }
                }
            }
            if entry.serial_number.as_bytes() == serial && current == *cert_issuer {
                return Some(Entry {
                    at: Instant::from(entry.revocation_date),
                    reason,
                });
            }
        }
        None
    }
}

/// Unsigned big-endian comparison `a <= b` of INTEGER contents.
fn uint_le(a: &[u8], b: &[u8]) -> bool {
    let strip = |v: &[u8]| -> Vec<u8> { v.iter().copied().skip_while(|x| *x == 0).collect() };
    let (a, b) = (strip(a), strip(b));
    (a.len(), a) <= (b.len(), b)
}

fn subrange(whole: &[u8], part: &[u8]) -> Range<usize> {
    let start = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
    start..start.saturating_add(part.len())
}
