//! The RFC 5280 §4 profile, as far as a relying party can hold CAs to it.
//!
//! §6.1 path validation says what a chain must satisfy; §4 says what conforming CAs
//! must write. OpenSSL (`-x509_strict`) and pyca/cryptography refuse certificates
//! that break the §4 rules below, so a chain they refuse must not read "trusted" here
//! either. Each rule is one [`ChainReason`].
//!
//! | Rule | Source | Here |
//! |---|---|---|
//! | authorityKeyIdentifier (keyIdentifier) in every certificate but a self-signed one | §4.2.1.1 | failure |
//! | subjectKeyIdentifier in every CA certificate (the anchor too) | §4.2.1.2 | failure |
//! | nameConstraints only in CA certificates | §4.2.1.10 | failure |
//! | an empty subject needs a critical subjectAltName | §4.1.2.6, §4.2.1.6 | failure |
//! | keyCertSign only with basicConstraints cA | §4.2.1.3, §4.2.1.9 | **warning** |
//! | authorityInfoAccess non-critical | §4.2.2.1 | **warning** |
//! | serial number positive | §4.1.2.2 | **warning** |
//!
//! Why three are warnings: the time-stamping certificates of six licensed public CAs
//! (built in, `src/trust/builtin/`: CA2, FPT, Intrust, Viettel, VNPAY and VNPT TSAs,
//! all issued by the Vietnam National Root CA) carry keyCertSign with cA=FALSE, and
//! FPT's also marks its AIA critical. OpenSSL `-x509_strict` and pyca refuse both,
//! but refusing them would fail every timestamp of those CAs: a real chain must
//! never fail on a rule that costs the relying party nothing. keyCertSign without cA
//! cannot sign anything (the basicConstraints check of §6.1.4 (k) stops it) and kyso
//! processes AIA, so the warning says what is wrong and the verdict stays on the
//! evidence. RFC 5280 itself asks users to tolerate zero and negative serials.
//!
//! Version 1 and 2 certificates carry no extensions; like OpenSSL, the extension
//! rules apply to version 3 certificates only.

use const_oid::db::rfc5280;
use der::Decode;
use x509_cert::certificate::Version;
use x509_cert::ext::pkix::{AuthorityKeyIdentifier, BasicConstraints, KeyUsage};

use super::ChainReason;
use crate::cert::Cert;

/// What the rules need to know about one certificate, read once.
#[derive(Default)]
struct Profile {
    v3: bool,
    ca: bool,
    key_cert_sign: bool,
    aki_key_id: bool,
    ski: bool,
    name_constraints: bool,
    /// `Some(critical)` when a subjectAltName is present.
    san: Option<bool>,
    aia_critical: bool,
    subject_empty: bool,
    serial_not_positive: bool,
}

impl Profile {
    fn of(cert: &Cert) -> Profile {
        let tbs = cert.x509().tbs_certificate();
        let serial = tbs.serial_number().as_bytes();
        let mut p = Profile {
            v3: tbs.version() == Version::V3,
            subject_empty: tbs.subject().is_empty(),
            serial_not_positive: serial.first().is_none_or(|b| b & 0x80 != 0)
                || serial.iter().all(|b| *b == 0),
            ..Profile::default()
        };
        for ext in tbs.extensions().into_iter().flatten() {
            let value = ext.extn_value.as_bytes();
            match ext.extn_id {
                rfc5280::ID_CE_BASIC_CONSTRAINTS => {
                    p.ca = BasicConstraints::from_der(value).is_ok_and(|b| b.ca);
                }
                rfc5280::ID_CE_KEY_USAGE => {
                    p.key_cert_sign = KeyUsage::from_der(value).is_ok_and(|k| k.key_cert_sign());
                }
                rfc5280::ID_CE_AUTHORITY_KEY_IDENTIFIER => {
                    p.aki_key_id = AuthorityKeyIdentifier::from_der(value)
                        .is_ok_and(|a| a.key_identifier.is_some());
                }
                rfc5280::ID_CE_SUBJECT_KEY_IDENTIFIER => p.ski = true,
                rfc5280::ID_CE_NAME_CONSTRAINTS => p.name_constraints = true,
                rfc5280::ID_CE_SUBJECT_ALT_NAME => p.san = Some(ext.critical),
                rfc5280::ID_PE_AUTHORITY_INFO_ACCESS => p.aia_critical |= ext.critical,
                _ => {}
            }
        }
        p
    }
}

/// The rules for a certificate issued below the anchor, at `position` in the path.
/// `self_signed`: same name and key as its issuer (a re-issued root), which needs no
/// AKI. Warnings are added to `warnings`; the first failure is returned.
pub(super) fn check_issued(
    cert: &Cert,
    position: usize,
    self_signed: bool,
    warnings: &mut Vec<ChainReason>,
) -> Result<(), ChainReason> {
    let p = Profile::of(cert);
    if p.serial_not_positive {
        warnings.push(ChainReason::SerialNotPositive { position });
    }
    if p.subject_empty && p.san != Some(true) {
        return Err(ChainReason::EmptySubjectWithoutCriticalSan { position });
    }
    if !p.v3 {
        return Ok(());
    }
    if !self_signed && !p.aki_key_id {
        return Err(ChainReason::MissingAuthorityKeyId { position });
    }
    if p.ca && !p.ski {
        return Err(ChainReason::MissingSubjectKeyId { position });
    }
    if p.name_constraints && !p.ca {
        return Err(ChainReason::EndEntityNameConstraints { position });
    }
    if p.key_cert_sign && !p.ca {
        warnings.push(ChainReason::KeyCertSignWithoutCa { position });
    }
    if p.aia_critical {
        warnings.push(ChainReason::CriticalAuthorityInfoAccess { position });
    }
    Ok(())
}

/// The profile rule that binds a trust anchor certificate too: its key identifier,
/// which the certificates it issues name in their AKI (OpenSSL checks it on the
/// root as well; every built-in root has one).
pub(super) fn check_anchor(cert: &Cert, position: usize) -> Result<(), ChainReason> {
    let p = Profile::of(cert);
    if p.v3 && !p.ski {
        return Err(ChainReason::MissingSubjectKeyId { position });
    }
    Ok(())
}
