//! CRLReason (RFC 5280 §5.3.1), as a CRL entry or an OCSP answer gives it. It lives
//! beside the certificate because both CRLs (`trust`) and OCSP responses (`cms`) name
//! it, and neither may depend on the other's layer for it.

use serde::Serialize;
use x509_cert::ext::pkix::CrlReason;

/// CRLReason (RFC 5280 §5.3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RevocationReason {
    Unspecified,
    KeyCompromise,
    CaCompromise,
    AffiliationChanged,
    Superseded,
    CessationOfOperation,
    CertificateHold,
    RemoveFromCrl,
    PrivilegeWithdrawn,
    AaCompromise,
}

impl From<CrlReason> for RevocationReason {
    fn from(r: CrlReason) -> Self {
        match r {
            CrlReason::Unspecified => RevocationReason::Unspecified,
            CrlReason::KeyCompromise => RevocationReason::KeyCompromise,
            CrlReason::CaCompromise => RevocationReason::CaCompromise,
            CrlReason::AffiliationChanged => RevocationReason::AffiliationChanged,
            CrlReason::Superseded => RevocationReason::Superseded,
            CrlReason::CessationOfOperation => RevocationReason::CessationOfOperation,
            CrlReason::CertificateHold => RevocationReason::CertificateHold,
            CrlReason::RemoveFromCRL => RevocationReason::RemoveFromCrl,
            CrlReason::PrivilegeWithdrawn => RevocationReason::PrivilegeWithdrawn,
            CrlReason::AaCompromise => RevocationReason::AaCompromise,
        }
    }
}
