//! The revocation evidence at hand: CRLs and OCSP responses, each kept once, with
//! where it came from, and the issuer-signature checks already done on them.
//!
//! A hostile file may carry the same CRL in every signature, in the DSS and in each
//! CMS, or a hundred copies of it with a byte changed; and every signature asks about
//! the same issuers. So evidence is de-duplicated when it is added (by its bytes, and
//! by issuer + CRL number or thisUpdate, a few variants each at most: a forged copy
//! must not push out the genuine one, and a flood must not cost a signature check
//! each), the number of items is bounded, and each (CRL, signer key) signature is
//! verified once whatever the number of signatures that ask. Total cost grows with
//! signatures + evidence, not their product.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

use super::Origin;
use crate::cert::Cert;
use crate::cms::ocsp::{self, OcspResponse};
use crate::crypto::{self, HashAlg};
use crate::trust::crl::Crl;
use crate::trust::name::NormName;

/// CRLs kept; more are dropped (and counted).
pub const MAX_CRLS: usize = 1_024;
/// OCSP responses kept.
pub const MAX_OCSPS: usize = 1_024;
/// CRLs kept with the same issuer, kind and number (or thisUpdate) but other bytes.
const MAX_VARIANTS: usize = 4;

/// (evidence index, SHA-256 of a certificate): a signature question asked once.
type Pair = (usize, [u8; 32]);

/// One CRL and where it came from.
#[derive(Clone, Debug)]
pub struct HeldCrl {
    pub crl: Crl,
    pub origin: Origin,
}

/// One OCSP response and where it came from.
#[derive(Clone, Debug)]
pub struct HeldOcsp {
    pub response: OcspResponse,
    pub origin: Origin,
}

/// Why a CRL cannot be attributed to its issuer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignerProblem {
    /// No certificate at hand bears the CRL's issuer name.
    UnknownIssuer,
    /// Certificates of that name are at hand, but none of their keys verifies it.
    WrongKey,
}

/// What was done to gather and check the evidence (shown by the benchmark).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct EvidenceStats {
    pub crls: usize,
    pub ocsps: usize,
    /// Items not kept: the same bytes again, too many variants, over the bounds.
    pub duplicates: usize,
    /// CRL signatures verified (each CRL once per candidate signer key).
    pub crl_signature_checks: usize,
    /// OCSP responses whose signer was worked out (once per response and issuer).
    pub ocsp_signer_checks: usize,
}

/// CRLs and OCSP responses, de-duplicated, with their signature checks cached.
#[derive(Clone, Debug, Default)]
pub struct Evidence {
    crls: Vec<HeldCrl>,
    ocsps: Vec<HeldOcsp>,
    /// CRLs by normalised issuer name (the candidates for a certificate).
    by_issuer: HashMap<NormName, Vec<usize>>,
    /// SHA-256 of every CRL's bytes → its index (`None`: seen, not kept).
    seen_crls: HashMap<Vec<u8>, Option<usize>>,
    seen_ocsps: HashSet<Vec<u8>>,
    variants: HashMap<(NormName, bool, Vec<u8>), usize>,
    duplicates: usize,
    /// (CRL index, signer SHA-256) → the signature verifies.
    crl_signed: RefCell<HashMap<Pair, bool>>,
    crl_checks: Cell<usize>,
    /// (OCSP index, issuer SHA-256) → the authorised signer, if any.
    ocsp_signer: RefCell<HashMap<Pair, Option<Cert>>>,
    ocsp_checks: Cell<usize>,
}

impl Evidence {
    pub fn new() -> Self {
        Evidence::default()
    }

    /// Evidence from a list of parsed CRLs, all of one origin.
    pub fn from_crls(crls: &[Crl], origin: Origin) -> Self {
        let mut e = Evidence::new();
        for c in crls {
            e.add_crl(c.clone(), origin);
        }
        e
    }

    /// Adds a CRL unless the same bytes (or too many variants of it) are already
    /// held. Returns its index when it is held (now or before).
    pub fn add_crl(&mut self, crl: Crl, origin: Origin) -> Option<usize> {
        let hash = HashAlg::Sha256.digest(crl.der());
        match self.seen_crls.get(&hash) {
            Some(held) => self.duplicate(*held),
            None => self.keep_crl(hash, crl, origin),
        }
    }

    /// Parses and adds a DER CRL; bytes already held are recognised before they are
    /// parsed again. `None` when it is not a CRL or not kept.
    pub fn add_crl_der(&mut self, der: &[u8], origin: Origin) -> Option<usize> {
        let hash = HashAlg::Sha256.digest(der);
        match self.seen_crls.get(&hash) {
            Some(held) => self.duplicate(*held),
            None => {
                let crl = Crl::from_der(der).ok()?;
                self.keep_crl(hash, crl, origin)
            }
        }
    }

    fn duplicate(&mut self, held: Option<usize>) -> Option<usize> {
        self.duplicates = self.duplicates.saturating_add(1);
        held
    }

    fn keep_crl(&mut self, hash: Vec<u8>, crl: Crl, origin: Origin) -> Option<usize> {
        let version = crl
            .number()
            .map(<[u8]>::to_vec)
            .unwrap_or_else(|| crl.this_update().to_rfc3339().into_bytes());
        let key = (crl.norm_issuer().clone(), crl.is_delta(), version);
        let n = self.variants.entry(key).or_default();
        if *n >= MAX_VARIANTS || self.crls.len() >= MAX_CRLS {
            self.seen_crls.insert(hash, None);
            return self.duplicate(None);
        }
        *n = n.saturating_add(1);
        let index = self.crls.len();
        self.seen_crls.insert(hash, Some(index));
        self.by_issuer
            .entry(crl.norm_issuer().clone())
            .or_default()
            .push(index);
        self.crls.push(HeldCrl { crl, origin });
        Some(index)
    }

    /// Parses and adds an OCSPResponse; `false` when it is unreadable, unsuccessful
    /// or already held.
    pub fn add_ocsp_der(&mut self, der: &[u8], origin: Origin) -> bool {
        if self.ocsps.len() >= MAX_OCSPS || !self.seen_ocsps.insert(HashAlg::Sha256.digest(der)) {
            self.duplicates = self.duplicates.saturating_add(1);
            return false;
        }
        match ocsp::parse(der) {
            Ok(response) => {
                self.ocsps.push(HeldOcsp { response, origin });
                true
            }
            Err(_) => false,
        }
    }

    pub fn crls(&self) -> impl Iterator<Item = &HeldCrl> {
        self.crls.iter()
    }

    pub fn ocsps(&self) -> impl Iterator<Item = &HeldOcsp> {
        self.ocsps.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.crls.is_empty() && self.ocsps.is_empty()
    }

    pub fn stats(&self) -> EvidenceStats {
        EvidenceStats {
            crls: self.crls.len(),
            ocsps: self.ocsps.len(),
            duplicates: self.duplicates,
            crl_signature_checks: self.crl_checks.get(),
            ocsp_signer_checks: self.ocsp_checks.get(),
        }
    }

    pub(crate) fn crl(&self, index: usize) -> Option<&HeldCrl> {
        self.crls.get(index)
    }

    /// Indices of the CRLs issued under any of `names`, in the order they were added.
    pub(crate) fn crls_from(&self, names: &[&NormName]) -> Vec<usize> {
        let mut out: Vec<usize> = names
            .iter()
            .filter_map(|n| self.by_issuer.get(*n))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Does `signer`'s key verify CRL `index`? Verified once per pair.
    pub(crate) fn crl_signed_by(&self, index: usize, signer: &Cert) -> bool {
        let key = (index, signer.sha256());
        if let Some(r) = self.crl_signed.borrow().get(&key) {
            return *r;
        }
        let ok = self.crl(index).is_some_and(|h| {
            self.crl_checks.set(self.crl_checks.get().saturating_add(1));
            crypto::verify_signature(
                signer.x509().tbs_certificate().subject_public_key_info(),
                h.crl.signature_algorithm(),
                h.crl.tbs_der(),
                h.crl.signature_bytes(),
            )
            .is_ok()
        });
        self.crl_signed.borrow_mut().insert(key, ok);
        ok
    }

    /// Who could have signed CRL `index` among `certs` (the certificates at hand):
    /// `None` when one of them, named as its issuer, verifies it.
    pub fn signer_problem<'c>(
        &self,
        index: usize,
        certs: impl IntoIterator<Item = &'c Cert>,
    ) -> Option<SignerProblem> {
        let name = self.crl(index)?.crl.norm_issuer();
        let named: Vec<&Cert> = certs
            .into_iter()
            .filter(|c| NormName::new(c.x509().tbs_certificate().subject()) == *name)
            .collect();
        if named.is_empty() {
            Some(SignerProblem::UnknownIssuer)
        } else if named.iter().any(|c| self.crl_signed_by(index, c)) {
            None
        } else {
            Some(SignerProblem::WrongKey)
        }
    }

    /// The certificate that signed OCSP response `index` for certificates of
    /// `issuer` ([`OcspResponse::authorised_signer`]), worked out once per pair.
    pub(crate) fn ocsp_signer(&self, index: usize, issuer: &Cert) -> Option<Cert> {
        let key = (index, issuer.sha256());
        if let Some(r) = self.ocsp_signer.borrow().get(&key) {
            return r.clone();
        }
        self.ocsp_checks
            .set(self.ocsp_checks.get().saturating_add(1));
        let r = self
            .ocsps
            .get(index)
            .and_then(|h| h.response.authorised_signer(issuer));
        self.ocsp_signer.borrow_mut().insert(key, r.clone());
        r
    }
}
