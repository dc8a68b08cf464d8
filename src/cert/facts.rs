//! The facts a clerk reads off a certificate, as plain data.
//!
//! Everything the card, the CLI and the letters show comes from [`facts`]; nothing
//! downstream decodes X.509 again. Extensions that fail to decode are reported in
//! `extension_errors` instead of silently dropped, so a malformed field never looks
//! like an absent one.

use std::collections::BTreeMap;

use const_oid::ObjectIdentifier;
use der::Decode;
use serde::Serialize;
use x509_cert::ext::pkix::{
    AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies,
    CrlDistributionPoints, ExtendedKeyUsage, KeyUsage, SubjectAltName, SubjectKeyIdentifier,
    name::{DistributionPointName, GeneralName},
};

use crate::asn1;
use crate::cert::holder::{self, HolderKind};
use crate::cert::identifiers::{self, Identifier};
use crate::cert::name::{self, NameAttr};
use crate::cert::{Cert, hex_upper, oids};
use crate::time::Instant;

/// Where the certificate stands at the validation time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValidityStatus {
    Valid,
    Expired,
    NotYetValid,
}

impl ValidityStatus {
    pub fn code(self) -> &'static str {
        match self {
            ValidityStatus::Valid => "valid",
            ValidityStatus::Expired => "expired",
            ValidityStatus::NotYetValid => "not_yet_valid",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicKeyFacts {
    /// `RSA`, `EC`, `DSA`, `Ed25519`, or the dotted OID.
    pub algorithm: String,
    pub bits: Option<u32>,
    /// `P-256`, `P-384`... for EC keys.
    pub curve: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AlgorithmFacts {
    pub oid: String,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct BasicConstraintsFacts {
    pub ca: bool,
    pub path_len: Option<u8>,
    pub critical: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AccessFacts {
    /// `ocsp`, `ca_issuers`, or the dotted OID.
    pub method: String,
    pub location: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PolicyFacts {
    pub oid: String,
    pub name: Option<&'static str>,
    pub cps: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExtensionFacts {
    pub oid: String,
    pub name: Option<&'static str>,
    pub critical: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExtensionError {
    pub oid: String,
    pub detail: String,
}

/// Everything shown about one certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CertFacts {
    pub version: u8,
    /// "Số hiệu chứng thư": the serial number in upper-case hex, as the CA and the
    /// Windows dialog show it (leading zero octets of the DER INTEGER dropped).
    pub serial_hex: String,
    pub subject_dn: String,
    pub issuer_dn: String,
    /// Subject attributes grouped by short name, in certificate order within a key.
    pub subject: BTreeMap<String, Vec<String>>,
    pub issuer: BTreeMap<String, Vec<String>>,
    /// The same attributes, in order, with their encodings.
    pub subject_attributes: Vec<NameAttr>,
    pub issuer_attributes: Vec<NameAttr>,
    pub common_name: Option<String>,
    pub organization: Option<String>,
    pub organizational_units: Vec<String>,
    pub title: Option<String>,
    pub identifiers: Vec<Identifier>,
    pub emails: Vec<String>,
    pub dns_names: Vec<String>,
    pub not_before: Instant,
    pub not_after: Instant,
    /// Whole days from the validation time to notAfter (negative once expired).
    pub days_left: i64,
    pub status: ValidityStatus,
    pub sha1: String,
    pub sha256: String,
    pub public_key: PublicKeyFacts,
    pub signature_algorithm: AlgorithmFacts,
    pub key_usage: Vec<&'static str>,
    pub key_usage_critical: bool,
    pub extended_key_usage: Vec<AlgorithmFacts>,
    pub basic_constraints: Option<BasicConstraintsFacts>,
    pub crl_distribution_points: Vec<String>,
    pub authority_info_access: Vec<AccessFacts>,
    pub policies: Vec<PolicyFacts>,
    pub subject_key_id: Option<String>,
    pub authority_key_id: Option<String>,
    pub extensions: Vec<ExtensionFacts>,
    pub extension_errors: Vec<ExtensionError>,
    pub self_issued: bool,
    pub holder_kind: HolderKind,
    /// Why the holder kind was inferred (a code: `basic_constraints_ca`,
    /// `personal_identifier`, ...).
    pub holder_reason: &'static str,
}

impl CertFacts {
    /// The name a person reads first: the CN, or the whole subject when there is none.
    pub fn display_name(&self) -> &str {
        self.common_name.as_deref().unwrap_or(&self.subject_dn)
    }

    /// The holder's units, then the organisation: "Phòng · Sở · UBND tỉnh".
    pub fn org_line(&self) -> Vec<&str> {
        self.organizational_units
            .iter()
            .map(String::as_str)
            .chain(self.organization.as_deref())
            .collect()
    }

    /// The issuing CA by its CN, or the whole issuer name.
    pub fn issuer_name(&self) -> &str {
        self.issuer
            .get("CN")
            .and_then(|v| v.first())
            .map_or(&self.issuer_dn, |s| s)
    }
}

/// Reads the facts of `cert`, judging validity at `at`.
pub fn facts(cert: &Cert, at: Instant) -> CertFacts {
    let x = cert.x509();
    let tbs = x.tbs_certificate();
    let subject_attributes = name::attributes_der(cert.subject_der());
    let issuer_attributes = name::attributes_der(cert.issuer_der());
    let mut errors = Vec::new();

    let san = ext::<SubjectAltName>(cert, &mut errors).map(|(_, v)| v);
    let bc = ext::<BasicConstraints>(cert, &mut errors);
    let ku = ext::<KeyUsage>(cert, &mut errors);
    let eku = ext::<ExtendedKeyUsage>(cert, &mut errors).map(|(_, v)| v);
    let crldp = ext::<CrlDistributionPoints>(cert, &mut errors).map(|(_, v)| v);
    let aia = ext::<AuthorityInfoAccessSyntax>(cert, &mut errors).map(|(_, v)| v);
    let policies = ext::<CertificatePolicies>(cert, &mut errors).map(|(_, v)| v);
    let ski = ext::<SubjectKeyIdentifier>(cert, &mut errors).map(|(_, v)| v);
    let aki = ext::<AuthorityKeyIdentifier>(cert, &mut errors).map(|(_, v)| v);

    let not_before = Instant::from(tbs.validity().not_before);
    let not_after = Instant::from(tbs.validity().not_after);
    let status = match crate::time::in_period(at, not_before, not_after) {
        crate::time::InPeriod::Before => ValidityStatus::NotYetValid,
        crate::time::InPeriod::After => ValidityStatus::Expired,
        crate::time::InPeriod::Within => ValidityStatus::Valid,
    };

    let identifiers = identifiers::identifiers(&subject_attributes);
    let emails = identifiers::emails(san.as_ref(), &subject_attributes);
    let dns_names: Vec<String> = san
        .as_ref()
        .map(|s| {
            s.0.iter()
                .filter_map(|g| match g {
                    GeneralName::DnsName(d) => Some(d.as_str().to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let extended_key_usage: Vec<AlgorithmFacts> = eku
        .map(|e| e.0.iter().map(algorithm_facts).collect())
        .unwrap_or_default();
    let basic_constraints = bc.map(|(critical, b)| BasicConstraintsFacts {
        ca: b.ca,
        path_len: b.path_len_constraint,
        critical,
    });

    let common_name = name::first(&subject_attributes, "CN").map(str::to_string);
    let organization = name::first(&subject_attributes, "O").map(str::to_string);
    let title = name::first(&subject_attributes, "T").map(str::to_string);
    let (holder_kind, holder_reason) = holder::infer(&holder::Evidence {
        is_ca: basic_constraints.is_some_and(|b| b.ca),
        identifiers: &identifiers,
        common_name: common_name.as_deref(),
        title: title.as_deref(),
        dns_names: &dns_names,
        eku: &extended_key_usage,
    });

    CertFacts {
        version: match tbs.version() {
            x509_cert::certificate::Version::V1 => 1,
            x509_cert::certificate::Version::V2 => 2,
            x509_cert::certificate::Version::V3 => 3,
        },
        serial_hex: serial_hex(tbs.serial_number().as_bytes()),
        subject_dn: name::dn_string_der(cert.subject_der()),
        issuer_dn: name::dn_string_der(cert.issuer_der()),
        subject: group(&subject_attributes),
        issuer: group(&issuer_attributes),
        organizational_units: subject_attributes
            .iter()
            .filter(|a| a.key == "OU")
            .map(|a| a.value.clone())
            .collect(),
        common_name,
        organization,
        title,
        identifiers,
        emails,
        dns_names,
        not_before,
        not_after,
        days_left: at.whole_days_until(not_after),
        status,
        sha1: hex_upper(&cert.sha1()),
        sha256: hex_upper(&cert.sha256()),
        public_key: public_key_facts(tbs.subject_public_key_info()),
        signature_algorithm: algorithm_facts(&x.signature_algorithm().oid),
        key_usage: ku.as_ref().map(|(_, k)| key_usages(k)).unwrap_or_default(),
        key_usage_critical: ku.is_some_and(|(c, _)| c),
        extended_key_usage,
        basic_constraints,
        crl_distribution_points: crldp.map(|d| crl_uris(&d)).unwrap_or_default(),
        authority_info_access: aia
            .map(|a| {
                a.0.iter()
                    .filter_map(|ad| {
                        let location = uri(&ad.access_location)?;
                        let method = match ad.access_method.to_string().as_str() {
                            "1.3.6.1.5.5.7.48.1" => "ocsp".to_string(),
                            "1.3.6.1.5.5.7.48.2" => "ca_issuers".to_string(),
                            other => other.to_string(),
                        };
                        Some(AccessFacts { method, location })
                    })
                    .collect()
            })
            .unwrap_or_default(),
        policies: policies
            .map(|p| {
                p.0.iter()
                    .map(|pi| {
                        let oid = pi.policy_identifier.to_string();
                        PolicyFacts {
                            name: oids::name(&oid),
                            cps: pi
                                .policy_qualifiers
                                .iter()
                                .flatten()
                                .filter(|q| {
                                    q.policy_qualifier_id.to_string() == "1.3.6.1.5.5.7.2.1"
                                })
                                .filter_map(|q| q.qualifier.as_ref())
                                .filter_map(|q| q.decode_as::<der::asn1::Ia5String>().ok())
                                .map(|s| s.as_str().to_string())
                                .collect(),
                            oid,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default(),
        subject_key_id: ski.map(|s| hex_upper(s.0.as_bytes())),
        authority_key_id: aki.and_then(|a| a.key_identifier.map(|k| hex_upper(k.as_bytes()))),
        extensions: tbs
            .extensions()
            .map(|exts| {
                exts.iter()
                    .map(|e| {
                        let oid = e.extn_id.to_string();
                        ExtensionFacts {
                            name: oids::name(&oid),
                            oid,
                            critical: e.critical,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default(),
        extension_errors: errors,
        self_issued: cert.subject_der() == cert.issuer_der(),
        holder_kind,
        holder_reason,
        subject_attributes,
        issuer_attributes,
    }
}

/// Decodes one extension; a decoding failure is recorded, not hidden.
fn ext<'a, T>(cert: &'a Cert, errors: &mut Vec<ExtensionError>) -> Option<(bool, T)>
where
    T: Decode<'a> + const_oid::AssociatedOid,
    <T as Decode<'a>>::Error: core::fmt::Display,
{
    match cert.x509().tbs_certificate().get_extension::<T>() {
        Ok(v) => v,
        Err(e) => {
            errors.push(ExtensionError {
                oid: T::OID.to_string(),
                detail: e.to_string(),
            });
            None
        }
    }
}

/// Serial as shown by the CA: hex of the INTEGER's magnitude. A leading 00 octet
/// (present so that a positive number does not look negative) is not part of it.
pub fn serial_hex(bytes: &[u8]) -> String {
    let trimmed = match bytes {
        [0, rest @ ..] if !rest.is_empty() => rest,
        _ => bytes,
    };
    hex_upper(trimmed)
}

fn group(attrs: &[NameAttr]) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for a in attrs {
        map.entry(a.key.clone()).or_default().push(a.value.clone());
    }
    map
}

fn algorithm_facts(oid: &ObjectIdentifier) -> AlgorithmFacts {
    let oid = oid.to_string();
    AlgorithmFacts {
        name: oids::name_or_oid(&oid),
        oid,
    }
}

fn key_usages(ku: &KeyUsage) -> Vec<&'static str> {
    [
        (ku.digital_signature(), "digitalSignature"),
        (ku.non_repudiation(), "nonRepudiation"),
        (ku.key_encipherment(), "keyEncipherment"),
        (ku.data_encipherment(), "dataEncipherment"),
        (ku.key_agreement(), "keyAgreement"),
        (ku.key_cert_sign(), "keyCertSign"),
        (ku.crl_sign(), "cRLSign"),
        (ku.encipher_only(), "encipherOnly"),
        (ku.decipher_only(), "decipherOnly"),
    ]
    .into_iter()
    .filter_map(|(on, n)| on.then_some(n))
    .collect()
}

fn uri(gn: &GeneralName) -> Option<String> {
    match gn {
        GeneralName::UniformResourceIdentifier(u) => Some(u.as_str().to_string()),
        GeneralName::DirectoryName(n) => Some(name::dn_string(n)),
        _ => None,
    }
}

fn crl_uris(d: &CrlDistributionPoints) -> Vec<String> {
    d.0.iter()
        .filter_map(|dp| dp.distribution_point.as_ref())
        .flat_map(|dpn| match dpn {
            DistributionPointName::FullName(names) => names.iter().filter_map(uri).collect(),
            DistributionPointName::NameRelativeToCRLIssuer(_) => Vec::new(),
        })
        .collect()
}

/// Public key algorithm and size, read from the SubjectPublicKeyInfo.
pub fn public_key_facts(spki: &spki::SubjectPublicKeyInfoOwned) -> PublicKeyFacts {
    let oid = spki.algorithm.oid.to_string();
    let key = spki.subject_public_key.raw_bytes();
    match oid.as_str() {
        "1.2.840.113549.1.1.1" | "1.2.840.113549.1.1.10" => PublicKeyFacts {
            algorithm: "RSA".into(),
            bits: rsa_modulus_bits(key),
            curve: None,
        },
        "1.2.840.10045.2.1" => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
                .map(|c| c.to_string());
            let (name, bits) = match curve.as_deref() {
                Some("1.2.840.10045.3.1.7") => ("P-256".to_string(), Some(256)),
                Some("1.3.132.0.34") => ("P-384".to_string(), Some(384)),
                Some("1.3.132.0.35") => ("P-521".to_string(), Some(521)),
                Some("1.3.132.0.10") => ("secp256k1".to_string(), Some(256)),
                Some(other) => (other.to_string(), None),
                None => ("?".to_string(), None),
            };
            PublicKeyFacts {
                algorithm: "EC".into(),
                bits,
                curve: Some(name),
            }
        }
        "1.2.840.10040.4.1" => PublicKeyFacts {
            algorithm: "DSA".into(),
            bits: None,
            curve: None,
        },
        "1.3.101.112" => PublicKeyFacts {
            algorithm: "Ed25519".into(),
            bits: Some(256),
            curve: None,
        },
        _ => PublicKeyFacts {
            algorithm: oid,
            bits: None,
            curve: None,
        },
    }
}

/// Bits of the modulus of an RSAPublicKey `SEQUENCE { n INTEGER, e INTEGER }`.
fn rsa_modulus_bits(key: &[u8]) -> Option<u32> {
    let (seq, _) = asn1::expect(key, asn1::SEQUENCE).ok()?;
    let (n, _) = asn1::expect(seq.value, 0x02).ok()?;
    let magnitude: &[u8] = {
        let first_nonzero = n.value.iter().position(|&b| b != 0)?;
        n.value.get(first_nonzero..)?
    };
    let top = *magnitude.first()?;
    let len = u32::try_from(magnitude.len()).ok()?;
    Some((len - 1) * 8 + (8 - top.leading_zeros()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_drops_sign_octet_only() {
        assert_eq!(serial_hex(&[0x00, 0x8A, 0x01]), "8A01");
        assert_eq!(serial_hex(&[0x00]), "00");
        assert_eq!(serial_hex(&[0x6B, 0x6C, 0x55]), "6B6C55");
    }
}
