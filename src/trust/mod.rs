//! Does a certificate chain to a trust anchor, at a given instant?
//!
//! ```text
//! leaf ──issuer──▶ pool (indexed by subject) ──▶ … ──▶ anchor (pinned or user-added)
//! ```
//!
//! [`validate`] builds candidate paths from the leaf through the certificates at hand
//! (see [`path`]), runs RFC 5280 §6.1 basic path validation on each, checks revocation
//! with the CRLs supplied (see [`crl`]) and returns the first path that holds, or the
//! most informative failure. The verdict is data: a [`ChainStatus`], a
//! [`ChainReason`] with the facts and a stable code, the path, and the anchor.
//!
//! Anchors are roots whose SHA-256 is pinned (see [`anchors`]) or certificates that
//! the user added with [`TrustStore::add_anchor`]. Besides the certificates given, a
//! store that uses the pins offers the built-in CA certificates ([`builtin`]) to the
//! path search: signed files usually carry only the signer's certificate. Those help
//! build paths; they are not anchors. A pinned *issuing* CA anchors a path only when
//! no path through its root exists (the result says so, [`AnchorInfo::intermediate`]).
//!
//! When the issuer of the last certificate found is nowhere at hand, the result names
//! it and where its certificate is published ([`MissingIssuer`]).

mod anchor_constraints;
pub mod anchors;
pub mod builtin;
mod constraints;
pub mod crl;
pub mod folder;
mod name;
mod path;
mod policy;
mod profile;
pub mod revocation;

use std::borrow::Cow;

use serde::{Serialize, Serializer};

use crate::cert::{Cert, hex_upper};
use crate::time::Instant;

pub use crl::{Crl, CrlError, RevocationReason};
pub use revocation::{Evidence, Origin, RevStatus};

/// The trust anchors: the pins (unless disabled) plus certificates the user trusts.
/// With the pins come the built-in CA certificates, for path building only.
#[derive(Clone, Debug)]
pub struct TrustStore {
    user: Vec<Cert>,
    pins: bool,
}

impl Default for TrustStore {
    fn default() -> Self {
        TrustStore::new()
    }
}

impl TrustStore {
    /// The pinned Vietnamese anchors, no user anchors.
    pub fn new() -> Self {
        TrustStore {
            user: Vec::new(),
            pins: true,
        }
    }

    /// No pins and no built-in certificates: only what [`TrustStore::add_anchor`]
    /// adds and the certificates given (conformance suites, test PKIs).
    pub fn without_pins() -> Self {
        TrustStore {
            user: Vec::new(),
            pins: false,
        }
    }

    /// Trusts `cert` as an anchor whether or not it is pinned (the CLI's `--trust`).
    pub fn add_anchor(&mut self, cert: Cert) {
        if !self.user.iter().any(|c| c.sha256() == cert.sha256()) {
            self.user.push(cert);
        }
    }

    /// The user-added anchors.
    pub fn user_anchors(&self) -> &[Cert] {
        &self.user
    }

    /// The built-in CA certificates offered to path building: all of [`builtin`]
    /// with the pins, none without.
    pub fn builtin_certs(&self) -> &'static [Cert] {
        if self.pins { builtin::certs() } else { &[] }
    }

    /// Certificates the store brings besides those given: the user's anchors, then
    /// the built-in ones.
    pub fn certs_at_hand(&self) -> impl Iterator<Item = &Cert> {
        self.user.iter().chain(self.builtin_certs())
    }

    /// Describes `cert` as an anchor, if it is one.
    pub fn anchor_info(&self, cert: &Cert) -> Option<AnchorInfo> {
        if self.pins
            && let Some(pin) = anchors::pin_for(cert)
        {
            return Some(AnchorInfo {
                id: pin.id.to_string(),
                name: pin.name.to_string(),
                kind: if pin.government {
                    AnchorKind::Government
                } else {
                    AnchorKind::PublicCa
                },
                government: pin.government,
                pinned: true,
                intermediate: !pin.root,
            });
        }
        if self.user.iter().any(|c| c.sha256() == cert.sha256()) {
            return Some(AnchorInfo {
                id: format!("user:{}", hex_upper(&cert.sha256())),
                name: {
                    let attrs = crate::cert::name::attributes_der(cert.subject_der());
                    crate::cert::name::first(&attrs, "CN").map_or_else(
                        || crate::cert::name::dn_string_der(cert.subject_der()),
                        str::to_string,
                    )
                },
                kind: AnchorKind::User,
                government: false,
                pinned: false,
                intermediate: false,
            });
        }
        None
    }
}

/// What kind of root a path ends at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnchorKind {
    /// A root of the Government CA (VGCA, "chuyên dùng Chính phủ").
    Government,
    /// A national root of the licensed public CAs.
    PublicCa,
    /// A certificate the user chose to trust.
    User,
}

impl AnchorKind {
    /// The i18n code (`anchor_government`, `anchor_public_ca`, `anchor_user`).
    pub fn code(self) -> &'static str {
        match self {
            AnchorKind::Government => "anchor_government",
            AnchorKind::PublicCa => "anchor_public_ca",
            AnchorKind::User => "anchor_user",
        }
    }
}

/// Which anchor a path ended at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnchorInfo {
    /// The pin id (`"vgca-g2-root"`) or `"user:<SHA-256>"`.
    pub id: String,
    /// Display name: the pin's, or the certificate's subject for user anchors.
    pub name: String,
    /// Government root, licensed public CAs' national root, or the user's choice.
    pub kind: AnchorKind,
    /// The path ends at the Government CA (VGCA), not merely a public CA.
    pub government: bool,
    pub pinned: bool,
    /// The anchor is a pinned issuing CA, used because its root was not at hand.
    pub intermediate: bool,
}

/// How revocation is checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RevocationMode {
    /// Check each certificate whose issuer published a CRL among those supplied; if
    /// none was supplied for an issuer, the certificate is "not checked", not failed.
    /// A CRL that was supplied but cannot be used (bad signature, stale, wrong
    /// scope) fails the path: the caller asked for it to be checked.
    #[default]
    IfCrlsAvailable,
    /// Every certificate below the anchor needs a usable CRL.
    Required,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ValidationOptions {
    pub check_revocation: RevocationMode,
}

/// The verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChainStatus {
    /// A complete path to an anchor passed every check.
    Trusted,
    /// A complete path to a self-signed root that is not an anchor.
    Untrusted,
    /// The issuer of some certificate is not among the certificates at hand.
    Incomplete,
    /// A path to an anchor exists but a check failed (signature, validity,
    /// constraints, unusable CRL ...).
    Invalid,
    /// A certificate on the path is revoked.
    Revoked,
}

impl ChainStatus {
    /// The code of a status: its serde name, and the key of its words in `i18n`.
    pub fn code(self) -> &'static str {
        match self {
            ChainStatus::Trusted => "trusted",
            ChainStatus::Untrusted => "untrusted",
            ChainStatus::Incomplete => "incomplete",
            ChainStatus::Invalid => "invalid",
            ChainStatus::Revoked => "revoked",
        }
    }

    /// The status a code names (the inverse of [`ChainStatus::code`]).
    pub fn from_code(code: &str) -> Option<ChainStatus> {
        [
            ChainStatus::Trusted,
            ChainStatus::Untrusted,
            ChainStatus::Incomplete,
            ChainStatus::Invalid,
            ChainStatus::Revoked,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// Why the verdict is what it is. `position` is the index in [`ChainResult::path`]
/// (0 = leaf).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChainReason {
    Ok,
    IssuerNotFound {
        position: usize,
    },
    RootNotTrusted {
        position: usize,
    },
    BadSignature {
        position: usize,
    },
    UnsupportedAlgorithm {
        position: usize,
        oid: String,
    },
    CertExpired {
        position: usize,
        time: Instant,
        not_after: Instant,
    },
    CertNotYetValid {
        position: usize,
        time: Instant,
        not_before: Instant,
    },
    NotACa {
        position: usize,
    },
    PathLenExceeded {
        position: usize,
    },
    MissingKeyCertSign {
        position: usize,
    },
    NameChaining {
        position: usize,
    },
    UnknownCriticalExtension {
        position: usize,
        oid: String,
    },
    MalformedExtension {
        position: usize,
        oid: String,
    },
    NameConstraints {
        position: usize,
    },
    Policy {
        position: usize,
    },
    Revoked {
        position: usize,
        at: Instant,
        reason: Option<RevocationReason>,
    },
    CrlExpired {
        position: usize,
        next_update: Instant,
    },
    CrlNotYetValid {
        position: usize,
        this_update: Instant,
    },
    CrlBadSignature {
        position: usize,
    },
    CrlMissing {
        position: usize,
    },
    CrlUnknownCriticalExtension {
        position: usize,
        oid: String,
    },
    /// CRLs from the issuer were supplied but none covers this certificate (scope,
    /// reasons, distribution point, delta without base).
    CrlOutOfScope {
        position: usize,
    },
    /// The search for a path gave up (too deep, too many candidates).
    PathSearchLimit,
    // Constraints in the trust anchor's own certificate (see `anchor_constraints`).
    /// The anchor certificate is not a CA: no basicConstraints, or cA false.
    AnchorNotCa {
        position: usize,
    },
    /// More intermediates below the anchor than its pathLenConstraint allows;
    /// `position` is the first intermediate too many.
    AnchorPathLenExceeded {
        position: usize,
    },
    /// The anchor's keyUsage lacks keyCertSign.
    AnchorMissingKeyCertSign {
        position: usize,
    },
    AnchorUnknownCriticalExtension {
        position: usize,
        oid: String,
    },
    /// A certificate (at `position`) breaks the anchor's name constraints.
    AnchorNameConstraints {
        position: usize,
    },
    // The RFC 5280 §4 profile for issued certificates (see `profile`).
    /// No authorityKeyIdentifier keyIdentifier in a certificate that is not
    /// self-signed (§4.2.1.1).
    MissingAuthorityKeyId {
        position: usize,
    },
    /// No subjectKeyIdentifier in a CA certificate (§4.2.1.2).
    MissingSubjectKeyId {
        position: usize,
    },
    /// nameConstraints in a certificate that is not a CA (§4.2.1.10).
    EndEntityNameConstraints {
        position: usize,
    },
    /// An empty subject without a critical subjectAltName (§4.1.2.6).
    EmptySubjectWithoutCriticalSan {
        position: usize,
    },
    /// A dNSName that is no host name, under a dNSName constraint (§4.2.1.6).
    MalformedDnsName {
        position: usize,
    },
    /// Warning only: keyCertSign without basicConstraints cA (§4.2.1.3).
    KeyCertSignWithoutCa {
        position: usize,
    },
    /// Warning only: authorityInfoAccess marked critical (§4.2.2.1).
    CriticalAuthorityInfoAccess {
        position: usize,
    },
    /// Warning only: a serial number zero or negative (§4.1.2.2).
    SerialNotPositive {
        position: usize,
    },
}

impl ChainReason {
    /// A stable snake_case code.
    pub fn code(&self) -> &'static str {
        use ChainReason::*;
        match self {
            Ok => "ok",
            IssuerNotFound { .. } => "issuer_not_found",
            RootNotTrusted { .. } => "root_not_trusted",
            BadSignature { .. } => "bad_signature",
            UnsupportedAlgorithm { .. } => "unsupported_algorithm",
            CertExpired { .. } => "cert_expired",
            CertNotYetValid { .. } => "cert_not_yet_valid",
            NotACa { .. } => "not_a_ca",
            PathLenExceeded { .. } => "path_len_exceeded",
            MissingKeyCertSign { .. } => "missing_key_cert_sign",
            NameChaining { .. } => "name_chaining",
            UnknownCriticalExtension { .. } => "unknown_critical_extension",
            MalformedExtension { .. } => "malformed_extension",
            NameConstraints { .. } => "name_constraints",
            Policy { .. } => "policy",
            Revoked { .. } => "revoked",
            CrlExpired { .. } => "crl_expired",
            CrlNotYetValid { .. } => "crl_not_yet_valid",
            CrlBadSignature { .. } => "crl_bad_signature",
            CrlMissing { .. } => "crl_missing",
            CrlUnknownCriticalExtension { .. } => "crl_unknown_critical_extension",
            CrlOutOfScope { .. } => "crl_out_of_scope",
            PathSearchLimit => "path_search_limit",
            AnchorNotCa { .. } => "anchor_not_ca",
            AnchorPathLenExceeded { .. } => "anchor_path_len_exceeded",
            AnchorMissingKeyCertSign { .. } => "anchor_missing_key_cert_sign",
            AnchorUnknownCriticalExtension { .. } => "anchor_unknown_critical_extension",
            AnchorNameConstraints { .. } => "anchor_name_constraints",
            MissingAuthorityKeyId { .. } => "missing_authority_key_id",
            MissingSubjectKeyId { .. } => "missing_subject_key_id",
            EndEntityNameConstraints { .. } => "end_entity_name_constraints",
            EmptySubjectWithoutCriticalSan { .. } => "empty_subject_without_critical_san",
            MalformedDnsName { .. } => "malformed_dns_name",
            KeyCertSignWithoutCa { .. } => "key_cert_sign_without_ca",
            CriticalAuthorityInfoAccess { .. } => "critical_authority_info_access",
            SerialNotPositive { .. } => "serial_not_positive",
        }
    }

    /// The index in the path the reason is about, when there is one.
    pub fn position(&self) -> Option<usize> {
        use ChainReason::*;
        match self {
            Ok | PathSearchLimit => None,
            IssuerNotFound { position }
            | RootNotTrusted { position }
            | BadSignature { position }
            | UnsupportedAlgorithm { position, .. }
            | CertExpired { position, .. }
            | CertNotYetValid { position, .. }
            | NotACa { position }
            | PathLenExceeded { position }
            | MissingKeyCertSign { position }
            | NameChaining { position }
            | UnknownCriticalExtension { position, .. }
            | MalformedExtension { position, .. }
            | NameConstraints { position }
            | Policy { position }
            | Revoked { position, .. }
            | CrlExpired { position, .. }
            | CrlNotYetValid { position, .. }
            | CrlBadSignature { position }
            | CrlMissing { position }
            | CrlUnknownCriticalExtension { position, .. }
            | CrlOutOfScope { position }
            | AnchorNotCa { position }
            | AnchorPathLenExceeded { position }
            | AnchorMissingKeyCertSign { position }
            | AnchorUnknownCriticalExtension { position, .. }
            | AnchorNameConstraints { position }
            | MissingAuthorityKeyId { position }
            | MissingSubjectKeyId { position }
            | EndEntityNameConstraints { position }
            | EmptySubjectWithoutCriticalSan { position }
            | MalformedDnsName { position }
            | KeyCertSignWithoutCa { position }
            | CriticalAuthorityInfoAccess { position }
            | SerialNotPositive { position } => Some(*position),
        }
    }
}

/// Serialised as its code; the facts are available to Rust callers.
impl Serialize for ChainReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// What the CRLs said about one certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum RevocationOutcome {
    /// A usable CRL from the issuer does not list it.
    Good { crl_this_update: Instant },
    /// Listed on a usable CRL.
    Revoked {
        at: Instant,
        reason: Option<RevocationReason>,
    },
    /// No CRL from its issuer was supplied.
    NotChecked,
    /// CRLs were supplied but none could be used, for this reason (serialised as
    /// its code, under `code`).
    Unknown {
        #[serde(rename = "code")]
        reason: ChainReason,
    },
    /// The anchor itself: trusted by configuration, not by a CRL.
    Anchor,
}

/// One certificate of the path, as the page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PathCert {
    /// RFC 4514 string of the subject (a plain rendering; the card uses its own).
    pub subject_dn: String,
    /// SHA-256 of the DER, upper-case hex.
    pub sha256: String,
    pub revocation: RevocationOutcome,
}

/// The CA certificate a path lacks ([`ChainReason::IssuerNotFound`]): its name, and
/// where the certificate below it says it is published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MissingIssuer {
    /// `missing_issuer_published` when the certificate below names a location (AIA
    /// caIssuers), `missing_issuer_not_published` when it does not: the i18n code of
    /// the sentence ([`crate::i18n::missing_issuer`]).
    pub code: &'static str,
    /// The issuer's common name (its DN when it has none).
    pub name: String,
    /// The issuer's distinguished name (RFC 4514).
    pub issuer_dn: String,
    /// The caIssuers URIs of the certificate whose issuer is missing (RFC 5280
    /// §4.2.2.1), in the certificate's order.
    pub published_at: Vec<String>,
}

impl MissingIssuer {
    /// What `cert`'s issuer is called and where `cert` says to find it.
    pub fn of(cert: &Cert) -> Self {
        use x509_cert::ext::pkix::AuthorityInfoAccessSyntax;
        use x509_cert::ext::pkix::name::GeneralName;
        const CA_ISSUERS: const_oid::ObjectIdentifier =
            const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.2");
        let attrs = crate::cert::name::attributes_der(cert.issuer_der());
        let issuer_dn = crate::cert::name::dn_string_der(cert.issuer_der());
        let name = crate::cert::name::first(&attrs, "CN")
            .map_or_else(|| issuer_dn.clone(), str::to_string);
        let published_at: Vec<String> = cert
            .x509()
            .tbs_certificate()
            .get_extension::<AuthorityInfoAccessSyntax>()
            .ok()
            .flatten()
            .map(|(_, aia)| {
                aia.0
                    .into_iter()
                    .filter(|ad| ad.access_method == CA_ISSUERS)
                    .filter_map(|ad| match ad.access_location {
                        GeneralName::UniformResourceIdentifier(u) => Some(u.to_string()),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        MissingIssuer {
            code: if published_at.is_empty() {
                "missing_issuer_not_published"
            } else {
                "missing_issuer_published"
            },
            name,
            issuer_dn,
            published_at,
        }
    }
}

/// The result of [`validate`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChainResult {
    pub status: ChainStatus,
    pub reason: ChainReason,
    pub anchor: Option<AnchorInfo>,
    /// With [`ChainReason::IssuerNotFound`]: the CA certificate to look for.
    pub missing_issuer: Option<MissingIssuer>,
    /// Leaf first; ends at the anchor when one was reached.
    pub path: Vec<PathCert>,
    /// The leaf's revocation outcome (each certificate's is in `path`).
    pub revocation: RevocationOutcome,
    /// Profile rules the path breaks without failing it (RFC 5280 §4 rules that real
    /// CAs break at no cost to the relying party; see `profile`), leaf first.
    pub warnings: Vec<ChainReason>,
}

/// Validates `leaf` at `at`, building paths through `pool` to an anchor of `store`.
///
/// `pool` may hold anything (a bundle, a PDF's certificates, unrelated files): it is
/// indexed by subject, so a large pool costs one pass plus the candidates that
/// actually chain.
pub fn validate(
    leaf: &Cert,
    pool: &[Cert],
    crls: &[Crl],
    store: &TrustStore,
    at: Instant,
    options: &ValidationOptions,
) -> ChainResult {
    let evidence = Evidence::from_crls(crls, Origin::User);
    path::validate(leaf, pool, Cow::Owned(evidence), store, at, options)
}

/// [`validate`] with evidence already gathered (de-duplicated, signature checks
/// shared with other validations).
pub fn validate_with(
    leaf: &Cert,
    pool: &[Cert],
    evidence: &Evidence,
    store: &TrustStore,
    at: Instant,
    options: &ValidationOptions,
) -> ChainResult {
    path::validate(leaf, pool, Cow::Borrowed(evidence), store, at, options)
}

/// Validates many certificates against one pool: the pool is indexed once and
/// signature checks between its certificates are verified once, however many leaves
/// share them (a folder of 1,000 certificates from one CA costs one CA check, not
/// 1,000).
pub struct PathBuilder<'a> {
    ctx: path::Ctx<'a>,
    pool: &'a [Cert],
    store: &'a TrustStore,
    at: Instant,
    options: &'a ValidationOptions,
}

impl<'a> PathBuilder<'a> {
    /// A builder over `pool` with the CRLs `crls` (each kept once).
    pub fn new(
        pool: &'a [Cert],
        crls: &[Crl],
        store: &'a TrustStore,
        at: Instant,
        options: &'a ValidationOptions,
    ) -> Self {
        let evidence = Cow::Owned(Evidence::from_crls(crls, Origin::User));
        PathBuilder::build(pool, evidence, store, at, options)
    }

    /// A builder over `pool` with evidence already gathered (and shared with other
    /// validations: the signature checks done on it are not repeated).
    pub fn with_evidence(
        pool: &'a [Cert],
        evidence: &'a Evidence,
        store: &'a TrustStore,
        at: Instant,
        options: &'a ValidationOptions,
    ) -> Self {
        PathBuilder::build(pool, Cow::Borrowed(evidence), store, at, options)
    }

    fn build(
        pool: &'a [Cert],
        evidence: Cow<'a, Evidence>,
        store: &'a TrustStore,
        at: Instant,
        options: &'a ValidationOptions,
    ) -> Self {
        PathBuilder {
            ctx: path::Ctx::for_pool(pool, evidence, store, at, options),
            pool,
            store,
            at,
            options,
        }
    }

    /// Same verdict as [`validate`] with this builder's inputs.
    pub fn validate(&self, leaf: &Cert) -> ChainResult {
        self.ctx.validate_member(leaf).unwrap_or_else(|| {
            validate_with(
                leaf,
                self.pool,
                self.ctx.evidence(),
                self.store,
                self.at,
                self.options,
            )
        })
    }
}

#[cfg(test)]
mod tests;
