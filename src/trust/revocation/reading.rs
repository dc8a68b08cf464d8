//! Reading the candidate CRLs for one certificate, once: who signed each, whether
//! it covers the certificate, and whether it lists it, with the delta CRLs that
//! apply on top of each base. The two questions ([`super::current`],
//! [`super::at_time`]) are answered from these readings.

use super::OtherSigners;
use super::evidence::{Evidence, HeldCrl};
use super::scope::{self, Subject};
use crate::cert::Cert;
use crate::trust::crl::Entry;
use crate::trust::name::NormName;

/// CRLs read for one certificate, in the order they were added (the user's first):
/// a CA publishes a handful; more from one issuer is a hostile file, whose extra
/// copies could only add work (an omitted CRL is what its author could have done
/// anyway by leaving it out).
const MAX_CANDIDATES: usize = 64;

/// One CRL as it bears on the certificate.
pub(crate) struct Read<'e> {
    pub held: &'e HeldCrl,
    /// Signed by the issuer with cRLSign, or by another validated key of its name.
    pub signed: bool,
    pub in_scope: bool,
    /// The certificate's entry, looked up only on a signed CRL in scope.
    pub entry: Option<Entry>,
}

/// A complete CRL and the delta CRLs that apply to it.
pub(crate) struct Base<'e> {
    pub base: Read<'e>,
    /// The reasons the base covers.
    pub reasons: u16,
    pub deltas: Vec<Read<'e>>,
}

pub(crate) struct Readings<'e> {
    /// Some CRL from the issuer (or a cRLIssuer it names) is at hand, delta or not.
    pub any_candidate: bool,
    pub bases: Vec<Base<'e>>,
}

impl<'e> Readings<'e> {
    pub fn new(
        evidence: &'e Evidence,
        others: &dyn OtherSigners,
        cert: &Cert,
        issuer: &Cert,
    ) -> Self {
        let s = Subject::new(cert);
        let pairs: Vec<(usize, &'e HeldCrl)> = evidence
            .crls_from(&s.crl_issuer_names())
            .into_iter()
            .take(MAX_CANDIDATES)
            .filter_map(|i| evidence.crl(i).map(|h| (i, h)))
            .collect();
        let deltas: Vec<&(usize, &'e HeldCrl)> =
            pairs.iter().filter(|(_, h)| h.crl.is_delta()).collect();
        let read = |index: usize, held: &'e HeldCrl| -> Read<'e> {
            let signed = signed(evidence, others, index, held, issuer);
            let in_scope = scope::in_scope(&held.crl, &s);
            let entry = if signed && in_scope {
                held.crl.lookup(s.serial, &s.issuer_name)
            } else {
                None
            };
            Read {
                held,
                signed,
                in_scope,
                entry,
            }
        };
        let bases = pairs
            .iter()
            .filter(|(_, h)| !h.crl.is_delta())
            .map(|&(i, h)| Base {
                base: read(i, h),
                reasons: scope::reasons(&h.crl),
                deltas: deltas
                    .iter()
                    .filter(|(_, d)| d.crl.is_delta_for(&h.crl))
                    .map(|&&(j, d)| read(j, d))
                    .collect(),
            })
            .collect();
        Readings {
            any_candidate: !pairs.is_empty(),
            bases,
        }
    }
}

/// Is CRL `index` signed by `issuer` (with cRLSign when keyUsage is present), or by
/// another key of the CRL issuer's name whose certificate validates?
fn signed(
    evidence: &Evidence,
    others: &dyn OtherSigners,
    index: usize,
    held: &HeldCrl,
    issuer: &Cert,
) -> bool {
    let name: &NormName = held.crl.norm_issuer();
    let by = |c: &Cert| scope::may_sign_crls(c) && evidence.crl_signed_by(index, c);
    if NormName::new(issuer.x509().tbs_certificate().subject()) == *name && by(issuer) {
        return true;
    }
    others
        .named(name)
        .into_iter()
        .filter(|o| o.sha256() != issuer.sha256())
        .any(|o| by(o) && others.trusted(o))
}
