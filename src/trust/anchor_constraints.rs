//! Constraints carried by the trust anchor's own certificate.
//!
//! RFC 5280 §6.1.1 (d) makes the anchor a name and a key, and leaves its
//! certificate's extensions to the implementation; RFC 5937 applies them, and so do
//! OpenSSL and pyca/cryptography when the anchor is a certificate (measured in
//! `tests/rfc5280.rs`): a CA that limits its own root expects those limits to hold:
//!
//! - basicConstraints must say cA, and its pathLenConstraint bounds the
//!   intermediates below it (§4.2.1.9);
//! - a keyUsage without keyCertSign forbids signing certificates (§4.2.1.3);
//! - an unknown critical extension must not be ignored (§4.2 "MUST reject");
//! - its name constraints bind every certificate below (§4.2.1.10).
//!
//! A root written before it knew better (no basicConstraints, version 1) is refused,
//! as OpenSSL `-x509_strict` does; every built-in root passes these rules
//! (`tests/rfc5280.rs` checks them all).

use const_oid::ObjectIdentifier;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, NameConstraints};

use super::ChainReason;
use super::constraints::NameConstraintsState;
use super::name::NormName;

/// The anchor's extensions these rules read, as path validation decoded them.
pub(super) struct AnchorExtensions<'a> {
    pub bc: Option<&'a BasicConstraints>,
    pub ku: Option<&'a KeyUsage>,
    pub nc: Option<&'a NameConstraints>,
    /// The first critical extension path validation does not process.
    pub unknown_critical: Option<ObjectIdentifier>,
}

/// What the anchor allows below it.
pub(super) struct AnchorConstraints {
    names: NameConstraintsState,
    /// How many more non-self-issued intermediates the anchor's pathLen allows.
    path_len: Option<usize>,
}

impl AnchorConstraints {
    /// Checks the anchor certificate (extensions `ex`, at `position`) and keeps its
    /// limits for the certificates below.
    pub fn of(ex: AnchorExtensions<'_>, position: usize) -> Result<Self, ChainReason> {
        let bc = ex
            .bc
            .filter(|b| b.ca)
            .ok_or(ChainReason::AnchorNotCa { position })?;
        if ex.ku.is_some_and(|ku| !ku.key_cert_sign()) {
            return Err(ChainReason::AnchorMissingKeyCertSign { position });
        }
        if let Some(oid) = ex.unknown_critical {
            return Err(ChainReason::AnchorUnknownCriticalExtension {
                position,
                oid: oid.to_string(),
            });
        }
        let mut names = NameConstraintsState::default();
        if let Some(nc) = ex.nc {
            names.add(nc);
        }
        Ok(AnchorConstraints {
            names,
            path_len: bc.path_len_constraint.map(usize::from),
        })
    }

    /// §6.1.4 (l) against the anchor's pathLen, for the non-self-issued intermediate
    /// at `position`.
    pub fn count_intermediate(&mut self, position: usize) -> Result<(), ChainReason> {
        if let Some(left) = &mut self.path_len {
            *left = left
                .checked_sub(1)
                .ok_or(ChainReason::AnchorPathLenExceeded { position })?;
        }
        Ok(())
    }

    /// §6.1.3 (b)–(c) against the anchor's name constraints, for the certificate at
    /// `position`.
    pub fn check_names(
        &self,
        subject: &x509_cert::name::Name,
        subject_norm: &NormName,
        san: &[GeneralName],
        position: usize,
    ) -> Result<(), ChainReason> {
        self.names
            .check(subject, subject_norm, san)
            .map_err(|v| v.reason(position, true))
    }
}
