//! Which CRLs speak about a certificate (RFC 5280 §6.3.3 (b)): issuer (direct, or
//! the cRLIssuer of an indirect CRL), distribution point against issuing
//! distribution point, and the kinds of certificates the CRL covers.

use der::Decode;
use x509_cert::ext::pkix::CrlDistributionPoints;
use x509_cert::ext::pkix::crl::dp::DistributionPoint;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage};

use crate::cert::Cert;
use crate::trust::crl::{ALL_REASONS, Crl};
use crate::trust::name::NormName;

/// What revocation checking needs of the certificate asked about, decoded once.
pub(crate) struct Subject<'a> {
    pub cert: &'a Cert,
    pub issuer_name: NormName,
    pub serial: &'a [u8],
    pub is_ca: bool,
    pub dps: Vec<DistributionPoint>,
    /// The cRLIssuer names of its distribution points (indirect CRLs).
    pub crl_issuers: Vec<NormName>,
}

impl<'a> Subject<'a> {
    pub fn new(cert: &'a Cert) -> Self {
        let tbs = cert.x509().tbs_certificate();
        // An unreadable extension counts as absent here; path validation reports it.
        let dps: Vec<DistributionPoint> = tbs
            .get_extension::<CrlDistributionPoints>()
            .ok()
            .flatten()
            .map(|(_, d)| d.0)
            .unwrap_or_default();
        let crl_issuers = dps
            .iter()
            .flat_map(|dp| dp.crl_issuer.iter().flatten())
            .filter_map(|g| match g {
                GeneralName::DirectoryName(n) => Some(NormName::new(n)),
                _ => None,
            })
            .collect();
        Subject {
            cert,
            issuer_name: NormName::new(tbs.issuer()),
            serial: tbs.serial_number().as_bytes(),
            is_ca: tbs
                .get_extension::<BasicConstraints>()
                .ok()
                .flatten()
                .is_some_and(|(_, b)| b.ca),
            dps,
            crl_issuers,
        }
    }

    /// The names a CRL about this certificate may be issued under.
    pub fn crl_issuer_names(&self) -> Vec<&NormName> {
        std::iter::once(&self.issuer_name)
            .chain(self.crl_issuers.iter())
            .collect()
    }
}

/// May `cert` sign CRLs? keyUsage, when present, must assert cRLSign (RFC 5280
/// §4.2.1.3, §6.3.3 (f)); an unreadable keyUsage does not.
pub(crate) fn may_sign_crls(cert: &Cert) -> bool {
    match cert.x509().tbs_certificate().get_extension::<KeyUsage>() {
        Ok(None) => true,
        Ok(Some((_, ku))) => ku.crl_sign(),
        Err(_) => false,
    }
}

/// The reasons `crl` covers (onlySomeReasons of its IDP, all without one).
pub(crate) fn reasons(crl: &Crl) -> u16 {
    crl.idp()
        .and_then(|i| i.only_some_reasons)
        .map_or(ALL_REASONS, |r| r.bits() & ALL_REASONS)
}

/// RFC 5280 §6.3.3 (b): does `crl` cover `s`?
pub(crate) fn in_scope(crl: &Crl, s: &Subject<'_>) -> bool {
    let direct = *crl.norm_issuer() == s.issuer_name;
    let idp = crl.idp();
    if let Some(idp) = idp
        && ((idp.only_contains_user_certs && s.is_ca)
            || (idp.only_contains_ca_certs && !s.is_ca)
            || idp.only_contains_attribute_certs)
    {
        return false;
    }
    let indirect = idp.is_some_and(|i| i.indirect_crl);
    let idp_names: Option<Vec<GeneralName>> = idp
        .and_then(|i| i.distribution_point.as_ref())
        .map(|dp| dp_names(dp, crl.issuer()));
    if s.dps.is_empty() {
        // No distribution point: only a direct CRL without a named scope applies.
        return direct && idp_names.is_none();
    }
    let cert_issuer = s.cert.x509().tbs_certificate().issuer();
    s.dps.iter().any(|dp| {
        let issuer_ok = match &dp.crl_issuer {
            Some(names) => {
                indirect
                    && names.iter().any(|g| {
                        matches!(g, GeneralName::DirectoryName(n)
                            if NormName::new(n) == *crl.norm_issuer())
                    })
            }
            None => direct,
        };
        let names_ok = match &idp_names {
            None => true,
            Some(crl_names) => {
                // A relative name is relative to the cRLIssuer when there is one.
                let base = dp
                    .crl_issuer
                    .iter()
                    .flatten()
                    .find_map(|g| match g {
                        GeneralName::DirectoryName(n) => Some(n),
                        _ => None,
                    })
                    .unwrap_or(cert_issuer);
                let names: Vec<GeneralName> = match (&dp.distribution_point, &dp.crl_issuer) {
                    (Some(n), _) => dp_names(n, base),
                    (None, Some(issuers)) => issuers.clone(),
                    (None, None) => Vec::new(),
                };
                names
                    .iter()
                    .any(|a| crl_names.iter().any(|b| same_general_name(a, b)))
            }
        };
        issuer_ok && names_ok
    })
}

/// The general names of a distribution point; a name relative to the CRL issuer is
/// appended to `issuer` (RFC 5280 §4.2.1.13).
fn dp_names(dp: &DistributionPointName, issuer: &x509_cert::name::Name) -> Vec<GeneralName> {
    match dp {
        DistributionPointName::FullName(names) => names.clone(),
        DistributionPointName::NameRelativeToCRLIssuer(rdn) => {
            // Name has no public constructor from RDNs: go through its encoding.
            let mut seq: x509_cert::name::RdnSequence = issuer.clone().into();
            seq.push(rdn.clone());
            der::Encode::to_der(&seq)
                .ok()
                .and_then(|d| x509_cert::name::Name::from_der(&d).ok())
                .map(GeneralName::DirectoryName)
                .into_iter()
                .collect()
        }
    }
}

fn same_general_name(a: &GeneralName, b: &GeneralName) -> bool {
    match (a, b) {
        (GeneralName::DirectoryName(x), GeneralName::DirectoryName(y)) => {
            NormName::new(x) == NormName::new(y)
        }
        _ => a == b,
    }
}
