//! Path building and RFC 5280 §6.1 basic path validation.
//!
//! The steps, in order:
//! 1. [`Ctx::new`]: index the certificates at hand by normalised subject: the leaf,
//!    the pool, the user's anchors and the store's built-in CA certificates.
//! 2. [`Ctx::search`]: depth-first from the leaf through issuers whose subject matches
//!    (AKI/SKI matches first), avoiding loops, bounded in depth and work, collecting
//!    paths that end at an anchor (a pinned intermediate only when no path through
//!    it reached a root).
//! 3. [`Ctx::check_structure`]: for each candidate, the anchor certificate's own
//!    constraints ([`super::anchor_constraints`]), then signatures over the original
//!    TBS bytes, the RFC 5280 §4 profile ([`super::profile`]), validity, name
//!    chaining, name constraints, policies, basic constraints, path length, key usage
//!    and critical extensions, from the anchor down.
//! 4. [`Ctx::check_revocation`]: each certificate against the CRLs of its issuer, by
//!    the one revocation engine ([`super::revocation::current`]).
//! 5. The first candidate that passes wins; otherwise the first failure is reported.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use const_oid::ObjectIdentifier;
use const_oid::db::rfc5280;
use der::Decode;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{
    BasicConstraints, CertificatePolicies, CrlDistributionPoints, InhibitAnyPolicy, KeyUsage,
    NameConstraints, PolicyConstraints, PolicyMappings, SubjectAltName,
};

use super::anchor_constraints::{AnchorConstraints, AnchorExtensions};
use super::constraints::NameConstraintsState;
use super::name::NormName;
use super::policy::PolicyState;
use super::revocation::{self, Evidence, OtherSigners, PathAnswer};
use super::{
    AnchorInfo, ChainReason, ChainResult, ChainStatus, PathCert, RevocationMode, RevocationOutcome,
    TrustStore, ValidationOptions,
};
use crate::cert::{Cert, hex_upper};
use crate::crypto::{self, SignatureError};
use crate::time::Instant;

/// Longest path searched, leaf and anchor included.
const MAX_DEPTH: usize = 10;
/// Candidate paths to an anchor validated before giving up.
const MAX_CANDIDATES: usize = 32;
/// Search steps (certificates visited) before giving up: bounds hostile pools full
/// of cross-certificates with the same names.
const MAX_STEPS: usize = 2_000;
/// How deep CRL-signer validation may recurse (a CRL signed by a separate key whose
/// own certificate needs a path).
const MAX_NESTING: usize = 1;

/// Extensions we process, and may therefore accept when marked critical.
const KNOWN_EXTENSIONS: &[ObjectIdentifier] = &[
    rfc5280::ID_CE_BASIC_CONSTRAINTS,
    rfc5280::ID_CE_KEY_USAGE,
    rfc5280::ID_CE_EXT_KEY_USAGE,
    rfc5280::ID_CE_SUBJECT_ALT_NAME,
    rfc5280::ID_CE_ISSUER_ALT_NAME,
    rfc5280::ID_CE_NAME_CONSTRAINTS,
    rfc5280::ID_CE_CERTIFICATE_POLICIES,
    rfc5280::ID_CE_POLICY_CONSTRAINTS,
    rfc5280::ID_CE_POLICY_MAPPINGS,
    rfc5280::ID_CE_INHIBIT_ANY_POLICY,
    rfc5280::ID_CE_CRL_DISTRIBUTION_POINTS,
    rfc5280::ID_CE_FRESHEST_CRL,
    rfc5280::ID_CE_AUTHORITY_KEY_IDENTIFIER,
    rfc5280::ID_CE_SUBJECT_KEY_IDENTIFIER,
    rfc5280::ID_PE_AUTHORITY_INFO_ACCESS,
];

/// The extensions of one certificate, decoded once.
#[derive(Default)]
struct Exts {
    bc: Option<BasicConstraints>,
    ku: Option<KeyUsage>,
    nc: Option<NameConstraints>,
    policies: Option<CertificatePolicies>,
    pc: Option<PolicyConstraints>,
    pm: Option<PolicyMappings>,
    inhibit_any: Option<u32>,
    san: Vec<GeneralName>,
    unknown_critical: Option<ObjectIdentifier>,
}

fn exts(cert: &Cert) -> Result<Exts, ObjectIdentifier> {
    let mut e = Exts::default();
    let mut seen: Vec<ObjectIdentifier> = Vec::new();
    for ext in cert
        .x509()
        .tbs_certificate()
        .extensions()
        .into_iter()
        .flatten()
    {
        let oid = ext.extn_id;
        if seen.contains(&oid) {
            return Err(oid);
        }
        seen.push(oid);
        let b = ext.extn_value.as_bytes();
        match oid {
            rfc5280::ID_CE_BASIC_CONSTRAINTS => e.bc = Some(decode(b, oid)?),
            rfc5280::ID_CE_KEY_USAGE => e.ku = Some(decode(b, oid)?),
            rfc5280::ID_CE_NAME_CONSTRAINTS => e.nc = Some(decode(b, oid)?),
            rfc5280::ID_CE_CERTIFICATE_POLICIES => e.policies = Some(decode(b, oid)?),
            rfc5280::ID_CE_POLICY_CONSTRAINTS => e.pc = Some(decode(b, oid)?),
            rfc5280::ID_CE_POLICY_MAPPINGS => e.pm = Some(decode(b, oid)?),
            rfc5280::ID_CE_INHIBIT_ANY_POLICY => {
                e.inhibit_any = Some(decode::<InhibitAnyPolicy>(b, oid)?.0);
            }
            rfc5280::ID_CE_SUBJECT_ALT_NAME => e.san = decode::<SubjectAltName>(b, oid)?.0,
            // Read for revocation by `revocation::scope`; checked here so that a
            // malformed one is reported as such.
            rfc5280::ID_CE_CRL_DISTRIBUTION_POINTS => {
                decode::<CrlDistributionPoints>(b, oid)?;
            }
            _ if ext.critical && !KNOWN_EXTENSIONS.contains(&oid) => {
                e.unknown_critical.get_or_insert(oid);
            }
            _ => {}
        }
    }
    Ok(e)
}

fn decode<'a, T: Decode<'a>>(
    bytes: &'a [u8],
    oid: ObjectIdentifier,
) -> Result<T, ObjectIdentifier> {
    T::from_der(bytes).map_err(|_| oid)
}

/// The certificates at hand, indexed.
pub(super) struct Ctx<'a> {
    nodes: Vec<&'a Cert>,
    /// SHA-256 → node, so a leaf already in the pool reuses its index.
    by_fingerprint: HashMap<[u8; 32], usize>,
    subjects: Vec<NormName>,
    issuers: Vec<NormName>,
    by_subject: HashMap<NormName, Vec<usize>>,
    /// The CRLs (and OCSP responses) at hand, read by [`revocation`].
    evidence: Cow<'a, Evidence>,
    store: &'a TrustStore,
    at: Instant,
    options: &'a ValidationOptions,
    /// (child, issuer) → signature verdict; candidate paths share most links.
    signatures: RefCell<HashMap<(usize, usize), Result<(), SignatureError>>>,
}

/// What the search found.
#[derive(Default)]
struct Search {
    anchored: Vec<Vec<usize>>,
    dead_end: Option<Vec<usize>>,
    steps: usize,
    limited: bool,
}

pub(super) fn validate(
    leaf: &Cert,
    pool: &[Cert],
    evidence: Cow<'_, Evidence>,
    store: &TrustStore,
    at: Instant,
    options: &ValidationOptions,
) -> ChainResult {
    let ctx = Ctx::new(Some(leaf), pool, evidence, store, at, options);
    ctx.run(0, 0)
}

impl<'a> Ctx<'a> {
    /// An index over `pool` alone, reused for every leaf in it (see
    /// [`super::PathBuilder`]).
    pub(super) fn for_pool(
        pool: &'a [Cert],
        evidence: Cow<'a, Evidence>,
        store: &'a TrustStore,
        at: Instant,
        options: &'a ValidationOptions,
    ) -> Self {
        Ctx::new(None, pool, evidence, store, at, options)
    }

    /// The evidence this index validates with.
    pub(super) fn evidence(&self) -> &Evidence {
        &self.evidence
    }

    /// Validates a certificate of the pool, or `None` if it is not in it.
    pub(super) fn validate_member(&self, leaf: &Cert) -> Option<ChainResult> {
        let node = *self.by_fingerprint.get(&leaf.sha256())?;
        Some(self.run(node, 0))
    }
}

impl<'a> Ctx<'a> {
    fn new(
        leaf: Option<&'a Cert>,
        pool: &'a [Cert],
        evidence: Cow<'a, Evidence>,
        store: &'a TrustStore,
        at: Instant,
        options: &'a ValidationOptions,
    ) -> Self {
        let mut nodes: Vec<&Cert> = Vec::with_capacity(pool.len().saturating_add(1));
        let mut seen: HashMap<[u8; 32], usize> = HashMap::new();
        for c in leaf
            .into_iter()
            .chain(pool.iter())
            .chain(store.certs_at_hand())
        {
            if let std::collections::hash_map::Entry::Vacant(slot) = seen.entry(c.sha256()) {
                slot.insert(nodes.len());
                nodes.push(c);
            }
        }
        let subjects: Vec<NormName> = nodes
            .iter()
            .map(|c| NormName::new(c.x509().tbs_certificate().subject()))
            .collect();
        let issuers: Vec<NormName> = nodes
            .iter()
            .map(|c| NormName::new(c.x509().tbs_certificate().issuer()))
            .collect();
        let mut by_subject: HashMap<NormName, Vec<usize>> = HashMap::new();
        for (i, s) in subjects.iter().enumerate() {
            by_subject.entry(s.clone()).or_default().push(i);
        }
        Ctx {
            nodes,
            by_fingerprint: seen,
            subjects,
            issuers,
            by_subject,
            evidence,
            store,
            at,
            options,
            signatures: RefCell::new(HashMap::new()),
        }
    }

    fn cert(&self, node: usize) -> Option<&'a Cert> {
        self.nodes.get(node).copied()
    }

    fn subject(&self, node: usize) -> &NormName {
        self.subjects.get(node).unwrap_or(&EMPTY)
    }

    fn issuer(&self, node: usize) -> &NormName {
        self.issuers.get(node).unwrap_or(&EMPTY)
    }

    fn self_issued(&self, node: usize) -> bool {
        self.subject(node) == self.issuer(node)
    }

    fn anchor(&self, node: usize) -> Option<AnchorInfo> {
        self.store.anchor_info(self.cert(node)?)
    }

    /// Steps 2–5 for the certificate at `start`.
    fn run(&self, start: usize, nesting: usize) -> ChainResult {
        let search = self.search(start);
        let mut first_failure: Option<ChainResult> = None;
        for path in &search.anchored {
            let result = self.check(path, nesting);
            if result.status == ChainStatus::Trusted {
                return result;
            }
            first_failure.get_or_insert(result);
        }
        if let Some(f) = first_failure {
            return f;
        }
        let path = search.dead_end.unwrap_or_else(|| vec![start]);
        let last = path.len().saturating_sub(1);
        let mut missing = None;
        let (status, reason) = match path.last() {
            _ if search.limited && search.anchored.is_empty() && path.len() >= MAX_DEPTH => {
                (ChainStatus::Incomplete, ChainReason::PathSearchLimit)
            }
            Some(&n) if self.self_issued(n) => (
                ChainStatus::Untrusted,
                ChainReason::RootNotTrusted { position: last },
            ),
            last_node => {
                missing = last_node
                    .and_then(|&n| self.cert(n))
                    .map(super::MissingIssuer::of);
                (
                    ChainStatus::Incomplete,
                    ChainReason::IssuerNotFound { position: last },
                )
            }
        };
        let mut result = self.result(&path, status, reason, None, Vec::new());
        result.missing_issuer = missing;
        result
    }

    fn result(
        &self,
        path: &[usize],
        status: ChainStatus,
        reason: ChainReason,
        anchor: Option<AnchorInfo>,
        revocation: Vec<RevocationOutcome>,
    ) -> ChainResult {
        let path: Vec<PathCert> = path
            .iter()
            .enumerate()
            .filter_map(|(i, &n)| {
                let c = self.cert(n)?;
                Some(PathCert {
                    subject_dn: crate::cert::name::dn_string_der(c.subject_der()),
                    sha256: hex_upper(&c.sha256()),
                    revocation: revocation.get(i).cloned().unwrap_or(
                        if anchor.is_some() && i + 1 == path.len() {
                            RevocationOutcome::Anchor
                        } else {
                            RevocationOutcome::NotChecked
                        },
                    ),
                })
            })
            .collect();
        let leaf_revocation = path
            .first()
            .map(|p| p.revocation.clone())
            .unwrap_or(RevocationOutcome::NotChecked);
        ChainResult {
            status,
            reason,
            anchor,
            missing_issuer: None,
            path,
            revocation: leaf_revocation,
            warnings: Vec::new(),
        }
    }

    // ---- step 2: search ----------------------------------------------------------

    fn search(&self, start: usize) -> Search {
        let mut s = Search::default();
        let mut path = vec![start];
        self.dfs(&mut path, &mut s);
        s
    }

    /// Issuer candidates of `node`: same subject as its issuer name, key identifier
    /// matches first.
    fn parents(&self, node: usize) -> Vec<usize> {
        let Some(list) = self.by_subject.get(self.issuer(node)) else {
            return Vec::new();
        };
        let aki = self.cert(node).and_then(Cert::authority_key_id);
        let mut out: Vec<(u8, usize)> = list
            .iter()
            .filter(|&&p| p != node)
            .map(|&p| {
                let rank = match (&aki, self.cert(p).and_then(Cert::subject_key_id)) {
                    (Some(a), Some(s)) if *a == s => 0,
                    (Some(_), Some(_)) => 2,
                    _ => 1,
                };
                (rank, p)
            })
            .collect();
        out.sort_by_key(|(rank, _)| *rank);
        out.into_iter().map(|(_, p)| p).collect()
    }

    fn dfs(&self, path: &mut Vec<usize>, s: &mut Search) {
        if s.steps >= MAX_STEPS || s.anchored.len() >= MAX_CANDIDATES {
            s.limited = true;
            return;
        }
        s.steps = s.steps.saturating_add(1);
        let Some(&node) = path.last() else { return };
        let anchor = self.anchor(node);
        if anchor.as_ref().is_some_and(|a| !a.intermediate) {
            s.anchored.push(path.clone());
            return;
        }
        let mut found_parent = false;
        let anchored_before = s.anchored.len();
        if path.len() < MAX_DEPTH {
            for parent in self.parents(node) {
                if path.contains(&parent) {
                    continue;
                }
                found_parent = true;
                path.push(parent);
                self.dfs(path, s);
                path.pop();
            }
        } else {
            s.limited = true;
        }
        if anchor.is_some() && s.anchored.len() == anchored_before {
            // A pinned issuing CA: an anchor only when no path through it reached a
            // root (trust comes from the pinned roots, which are built in).
            s.anchored.push(path.clone());
        } else if !found_parent && s.dead_end.is_none() {
            s.dead_end = Some(path.clone());
        }
    }

    // ---- step 3: structure -------------------------------------------------------

    fn check(&self, path: &[usize], nesting: usize) -> ChainResult {
        let anchor = path.last().and_then(|&a| self.anchor(a));
        let mut warnings = Vec::new();
        let mut result = match self.check_structure(path, &mut warnings) {
            Err(reason) => self.result(path, ChainStatus::Invalid, reason, anchor, Vec::new()),
            Ok(()) => match self.check_revocation(path, nesting) {
                Ok(revs) => self.result(path, ChainStatus::Trusted, ChainReason::Ok, anchor, revs),
                Err((reason, revs)) => {
                    let status = if matches!(reason, ChainReason::Revoked { .. }) {
                        ChainStatus::Revoked
                    } else {
                        ChainStatus::Invalid
                    };
                    self.result(path, status, reason, anchor, revs)
                }
            },
        };
        result.warnings = warnings;
        result
    }

    fn signature_ok(&self, child: usize, issuer: usize) -> Result<(), SignatureError> {
        if let Some(r) = self.signatures.borrow().get(&(child, issuer)) {
            return r.clone();
        }
        let r = match (self.cert(child), self.cert(issuer)) {
            (Some(c), Some(i)) => crypto::verify_signature(
                i.x509().tbs_certificate().subject_public_key_info(),
                c.x509().signature_algorithm(),
                c.tbs_der(),
                c.signature_bytes(),
            ),
            _ => Err(SignatureError::Mismatch),
        };
        self.signatures
            .borrow_mut()
            .insert((child, issuer), r.clone());
        r
    }

    fn check_validity(&self, cert: &Cert, position: usize) -> Result<(), ChainReason> {
        let v = cert.x509().tbs_certificate().validity();
        let not_before = Instant::from(v.not_before);
        let not_after = Instant::from(v.not_after);
        let period = crate::time::in_period(self.at, not_before, not_after);
        if period == crate::time::InPeriod::Before {
            return Err(ChainReason::CertNotYetValid {
                position,
                time: self.at,
                not_before,
            });
        }
        if period == crate::time::InPeriod::After {
            return Err(ChainReason::CertExpired {
                position,
                time: self.at,
                not_after,
            });
        }
        Ok(())
    }

    /// RFC 5280 §6.1.2–6.1.5 over `path` (leaf first, anchor last); profile rules
    /// that do not fail the path are added to `warnings`.
    fn check_structure(
        &self,
        path: &[usize],
        warnings: &mut Vec<ChainReason>,
    ) -> Result<(), ChainReason> {
        let n = path.len().saturating_sub(1);
        let anchor_node = *path.last().ok_or(ChainReason::PathSearchLimit)?;
        let anchor = self.cert(anchor_node).ok_or(ChainReason::PathSearchLimit)?;
        // The anchor's own validity is checked too: an expired root should not
        // silently keep vouching for documents.
        self.check_validity(anchor, n)?;
        if n == 0 {
            return Ok(());
        }
        let anchor_ex = exts(anchor).map_err(|oid| ChainReason::MalformedExtension {
            position: n,
            oid: oid.to_string(),
        })?;
        let mut anchor_rules = AnchorConstraints::of(
            AnchorExtensions {
                bc: anchor_ex.bc.as_ref(),
                ku: anchor_ex.ku.as_ref(),
                nc: anchor_ex.nc.as_ref(),
                unknown_critical: anchor_ex.unknown_critical,
            },
            n,
        )?;
        super::profile::check_anchor(anchor, n)?;
        let mut working_name = self.subject(anchor_node).clone();
        let mut max_path_len = n;
        let mut names = NameConstraintsState::default();
        let mut policy = PolicyState::new(n);
        for i in 1..=n {
            let pos = n - i;
            let node = *path.get(pos).ok_or(ChainReason::PathSearchLimit)?;
            let issuer = *path.get(pos + 1).ok_or(ChainReason::PathSearchLimit)?;
            let cert = self.cert(node).ok_or(ChainReason::PathSearchLimit)?;
            let is_leaf = i == n;
            let ex = exts(cert).map_err(|oid| ChainReason::MalformedExtension {
                position: pos,
                oid: oid.to_string(),
            })?;
            // 6.1.3 (a)(1): the signature, over the original TBS bytes.
            self.signature_ok(node, issuer).map_err(|e| match e {
                SignatureError::UnsupportedAlgorithm { oid } => {
                    ChainReason::UnsupportedAlgorithm { position: pos, oid }
                }
                _ => ChainReason::BadSignature { position: pos },
            })?;
            let same_key = self.cert(issuer).is_some_and(|i| {
                i.x509().tbs_certificate().subject_public_key_info()
                    == cert.x509().tbs_certificate().subject_public_key_info()
            });
            let self_signed = same_key && self.self_issued(node);
            super::profile::check_issued(cert, pos, self_signed, warnings)?;
            // (a)(2): validity at the validation time.
            self.check_validity(cert, pos)?;
            // (a)(4): the issuer name is the previous subject.
            if *self.issuer(node) != working_name {
                return Err(ChainReason::NameChaining { position: pos });
            }
            let self_issued = self.self_issued(node);
            // (b)–(c): name constraints, the anchor's first (self-issued
            // intermediates are exempt).
            if is_leaf || !self_issued {
                let subject = cert.x509().tbs_certificate().subject();
                anchor_rules.check_names(subject, self.subject(node), &ex.san, pos)?;
                names
                    .check(subject, self.subject(node), &ex.san)
                    .map_err(|v| v.reason(pos, false))?;
            }
            // (d)–(f): certificate policies.
            let policy_err = |_| ChainReason::Policy { position: pos };
            policy
                .process(i, ex.policies.as_ref(), self_issued, is_leaf)
                .map_err(policy_err)?;
            if is_leaf {
                policy.wrap_up(ex.pc.as_ref()).map_err(policy_err)?;
            } else {
                // 6.1.4: preparation for the next certificate.
                policy.map(i, ex.pm.as_ref()).map_err(policy_err)?;
                working_name = self.subject(node).clone();
                if let Some(nc) = &ex.nc {
                    names.add(nc);
                }
                policy.prepare(self_issued, ex.pc.as_ref(), ex.inhibit_any);
                // (k): must be a CA.
                let bc = ex
                    .bc
                    .as_ref()
                    .filter(|b| b.ca)
                    .ok_or(ChainReason::NotACa { position: pos })?;
                // (l)–(m): path length; self-issued certificates do not count.
                if !self_issued {
                    anchor_rules.count_intermediate(pos)?;
                    max_path_len = max_path_len
                        .checked_sub(1)
                        .ok_or(ChainReason::PathLenExceeded { position: pos })?;
                }
                if let Some(l) = bc.path_len_constraint {
                    max_path_len = max_path_len.min(usize::from(l));
                }
                // (n): keyCertSign when keyUsage is present.
                if ex.ku.as_ref().is_some_and(|ku| !ku.key_cert_sign()) {
                    return Err(ChainReason::MissingKeyCertSign { position: pos });
                }
            }
            // (o) / 6.1.5 (f): critical extensions we do not process.
            if let Some(oid) = ex.unknown_critical {
                return Err(ChainReason::UnknownCriticalExtension {
                    position: pos,
                    oid: oid.to_string(),
                });
            }
        }
        Ok(())
    }

    // ---- step 4: revocation ------------------------------------------------------

    fn check_revocation(
        &self,
        path: &[usize],
        nesting: usize,
    ) -> Result<Vec<RevocationOutcome>, (ChainReason, Vec<RevocationOutcome>)> {
        let n = path.len().saturating_sub(1);
        let mut out = Vec::with_capacity(path.len());
        let mut failure = None;
        for pos in 0..n {
            let (Some(&node), Some(&issuer)) = (path.get(pos), path.get(pos + 1)) else {
                break;
            };
            match self.revocation_of(node, issuer, pos, nesting) {
                Ok(outcome) => out.push(outcome),
                Err(reason) => {
                    out.push(match &reason {
                        ChainReason::Revoked { at, reason, .. } => RevocationOutcome::Revoked {
                            at: *at,
                            reason: *reason,
                        },
                        other => RevocationOutcome::Unknown {
                            reason: other.clone(),
                        },
                    });
                    // Report the failure nearest the anchor: it explains the rest.
                    failure = Some(reason);
                }
            }
        }
        out.push(RevocationOutcome::Anchor);
        match failure {
            Some(reason) => Err((reason, out)),
            None => Ok(out),
        }
    }

    /// RFC 5280 §6.3 for the certificate `node` issued by `issuer`, by the one
    /// revocation engine ([`revocation::current`]).
    fn revocation_of(
        &self,
        node: usize,
        issuer: usize,
        pos: usize,
        nesting: usize,
    ) -> Result<RevocationOutcome, ChainReason> {
        let (Some(cert), Some(issuer_cert)) = (self.cert(node), self.cert(issuer)) else {
            return Err(ChainReason::CrlMissing { position: pos });
        };
        let others = Others { ctx: self, nesting };
        match revocation::current(&self.evidence, &others, cert, issuer_cert, self.at, pos) {
            PathAnswer::NoCrl => match self.options.check_revocation {
                RevocationMode::Required if nesting == 0 => {
                    Err(ChainReason::CrlMissing { position: pos })
                }
                _ => Ok(RevocationOutcome::NotChecked),
            },
            PathAnswer::Good(t) => Ok(RevocationOutcome::Good { crl_this_update: t }),
            PathAnswer::Revoked { at, reason } => Err(ChainReason::Revoked {
                position: pos,
                at,
                reason,
            }),
            // Checking the CRL signer's own certificate: an unusable CRL there is
            // "not checked", or CRL signers could never be validated.
            PathAnswer::Unusable(reason) if nesting > 0 => {
                Ok(RevocationOutcome::Unknown { reason })
            }
            PathAnswer::Unusable(reason) => Err(reason),
        }
    }
}

/// The other keys of a CRL issuer's name among the certificates at hand, each
/// validated by a nested path search (at most [`MAX_NESTING`] deep).
struct Others<'c, 'a> {
    ctx: &'c Ctx<'a>,
    nesting: usize,
}

impl OtherSigners for Others<'_, '_> {
    fn named(&self, name: &NormName) -> Vec<&Cert> {
        if self.nesting >= MAX_NESTING {
            return Vec::new();
        }
        self.ctx
            .by_subject
            .get(name)
            .into_iter()
            .flatten()
            .filter_map(|&n| self.ctx.cert(n))
            .collect()
    }

    fn trusted(&self, cert: &Cert) -> bool {
        self.ctx
            .by_fingerprint
            .get(&cert.sha256())
            .is_some_and(|&n| {
                self.ctx.run(n, self.nesting.saturating_add(1)).status == ChainStatus::Trusted
            })
    }
}

static EMPTY: NormName = NormName(Vec::new());
