//! The certificate report: what the page shows as cards and the CLI prints, from the
//! same data.
//!
//! All files given together form one session: every certificate and CRL found in any
//! of them is available for building chains, so a clerk who drops a leaf together
//! with the CA's `.p7b` sees the chain, just as `--certs` does on the command line.

use serde::Serialize;

use crate::cert::{self, Cert, CertFacts};
use crate::input::{self, InputError};
use crate::rules::renewal::{self, Eligibility};
use crate::time::Instant;
use crate::trust::revocation::evidence::SignerProblem;
use crate::trust::{
    ChainResult, Crl, Evidence, Origin, PathBuilder, RevocationMode, TrustStore, ValidationOptions,
};

use crate::input::InputFile;

/// Everything besides the files themselves that the verdict depends on.
#[derive(Clone, Debug)]
pub struct CertOptions {
    /// The validation time (the CLI's `--at`, the page's clock).
    pub at: Instant,
    /// Extra certificates for chain building (`--certs`), not listed as cards.
    pub extra_certs: Vec<InputFile>,
    /// Trust anchors the user adds (`--trust`), on top of the pinned government CAs.
    pub anchors: Vec<InputFile>,
    /// CRL files (`--crl`).
    pub crls: Vec<InputFile>,
    /// RFC 5280 §6.3 as PKITS assumes it (`--require-revocation`): a certificate
    /// below the anchor without a usable CRL leaves the path invalid, instead of
    /// "revocation not checked".
    pub require_revocation: bool,
}

impl CertOptions {
    pub fn at(at: Instant) -> Self {
        CertOptions {
            at,
            extra_certs: Vec::new(),
            anchors: Vec::new(),
            crls: Vec::new(),
            require_revocation: false,
        }
    }
}

/// One certificate, with everything the card shows.
#[derive(Clone, Debug, Serialize)]
pub struct CertEntry {
    pub file: String,
    /// Position of the certificate within its file (bundles hold several).
    pub index: usize,
    #[serde(flatten)]
    pub facts: CertFacts,
    pub renewal: Eligibility,
    pub chain: ChainResult,
}

/// A file, or a part of one, that could not be read.
#[derive(Clone, Debug, Serialize)]
pub struct FileError {
    pub file: String,
    /// The position within the file, for one bad item among good ones.
    pub index: Option<usize>,
    pub error: InputError,
}

impl FileError {
    pub fn code(&self) -> &'static str {
        self.error.code()
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CertReport {
    pub at: Instant,
    pub certificates: Vec<CertEntry>,
    pub errors: Vec<FileError>,
    /// CRLs found among the files (they are inputs, not cards).
    pub crl_count: usize,
}

/// Reads every file, validates every certificate at `opts.at`.
pub fn read_certificates(files: &[InputFile], opts: &CertOptions) -> CertReport {
    let mut errors = Vec::new();
    let mut listed: Vec<(String, usize, Cert)> = Vec::new();
    let mut pool: Vec<Cert> = Vec::new();
    let mut crls: Vec<(String, Crl)> = Vec::new();
    let mut store = TrustStore::new();

    let groups = [
        (files, Role::Listed),
        (&opts.extra_certs[..], Role::Certs),
        (&opts.crls[..], Role::Crls),
        (&opts.anchors[..], Role::Anchors),
    ];
    for (group, role) in groups {
        for f in group {
            let mut read = read_user_file(f, role == Role::Crls);
            errors.append(&mut read.errors);
            crls.extend(read.crls.into_iter().map(|c| (f.name.clone(), c)));
            for (i, c) in read.certs {
                match role {
                    Role::Listed => {
                        pool.push(c.clone());
                        listed.push((f.name.clone(), i, c));
                    }
                    Role::Anchors => store.add_anchor(c),
                    Role::Certs | Role::Crls => pool.push(c),
                }
            }
        }
    }
    let mut evidence = Evidence::new();
    errors.extend(add_user_crls(crls, &mut evidence, &pool, &store));

    let options = ValidationOptions {
        check_revocation: if opts.require_revocation {
            RevocationMode::Required
        } else {
            RevocationMode::IfCrlsAvailable
        },
    };
    let builder = PathBuilder::with_evidence(&pool, &evidence, &store, opts.at, &options);
    let certificates = listed
        .into_iter()
        .map(|(file, index, c)| {
            let facts = cert::facts(&c, opts.at);
            let is_ca = facts.basic_constraints.is_some_and(|b| b.ca);
            let chain = builder.validate(&c);
            let renewal = renewal::eligibility(
                facts.not_before,
                facts.not_after,
                is_ca,
                renewal_finding(chain.status),
                opts.at,
            );
            CertEntry {
                file,
                index,
                facts,
                renewal,
                chain,
            }
        })
        .collect();
    CertReport {
        at: opts.at,
        certificates,
        errors,
        crl_count: evidence.stats().crls,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Listed,
    Certs,
    Crls,
    Anchors,
}

/// What one file the user gave holds.
pub struct UserFile {
    /// Certificates, with their index in the file.
    pub certs: Vec<(usize, Cert)>,
    pub crls: Vec<Crl>,
    /// Every unreadable part.
    pub errors: Vec<FileError>,
}

/// The one reader of the certificate and CRL files a user gives, for the
/// certificate tab, `kyso cert`, PDF verification and the page alike, so a file
/// reads the same (and fails with the same code) wherever it is given. `as_crl`:
/// the file was given as a CRL (`--crl`, a `.crl` path, the page's CRL input), so
/// holding none is the error `not_a_crl` (its certificates are still read).
pub fn read_user_file(f: &InputFile, as_crl: bool) -> UserFile {
    let mut out = UserFile {
        certs: Vec::new(),
        crls: Vec::new(),
        errors: Vec::new(),
    };
    let error = |error: InputError, index: Option<usize>| FileError {
        file: f.name.clone(),
        index,
        error,
    };
    let decoded = match input::decode(&f.bytes) {
        Ok(d) => d,
        Err(e) => {
            out.errors
                .push(error(if as_crl { e.for_crl() } else { e }, None));
            return out;
        }
    };
    out.errors
        .extend(decoded.problems.into_iter().map(|e| error(e, None)));
    for (i, der) in decoded.certs.iter().enumerate() {
        match Cert::from_der(der) {
            Ok(c) => out.certs.push((i, c)),
            Err(e) => out.errors.push(error(
                InputError::BadCertificate {
                    detail: match e {
                        cert::CertError::Structure { offset } => format!("byte {offset}"),
                        cert::CertError::Field { detail } => detail,
                    },
                },
                Some(i),
            )),
        }
    }
    for (i, der) in decoded.crls.iter().enumerate() {
        match Crl::from_der(der) {
            Ok(c) => out.crls.push(c),
            Err(e) => out.errors.push(error(
                InputError::CrlMalformed {
                    detail: match e {
                        crate::trust::CrlError::Structure { offset } => format!("byte {offset}"),
                        crate::trust::CrlError::Field { detail } => detail,
                    },
                },
                Some(i),
            )),
        }
    }
    if as_crl && decoded.crls.is_empty() {
        out.errors.push(error(InputError::NotACrl, None));
    }
    out
}

/// Adds the user's CRLs (with the file each came from) to `evidence`, and says of
/// each that no certificate at hand (`pool`, the store's) can vouch for: unknown
/// issuer, or a signature no key of that name verifies. Such a CRL stays in the
/// evidence, where the revocation engine will not use it either.
pub fn add_user_crls(
    crls: Vec<(String, Crl)>,
    evidence: &mut Evidence,
    pool: &[Cert],
    store: &TrustStore,
) -> Vec<FileError> {
    let mut errors = Vec::new();
    for (file, crl) in crls {
        let issuer = der::Encode::to_der(crl.issuer())
            .map(|d| cert::name::dn_string_der(&d))
            .unwrap_or_default();
        let Some(index) = evidence.add_crl(crl, Origin::User) else {
            continue;
        };
        let error = match evidence.signer_problem(index, pool.iter().chain(store.certs_at_hand())) {
            None => continue,
            Some(SignerProblem::UnknownIssuer) => InputError::CrlUnknownIssuer { issuer },
            Some(SignerProblem::WrongKey) => InputError::CrlWrongKey { issuer },
        };
        errors.push(FileError {
            file,
            index: None,
            error,
        });
    }
    errors
}

/// What a chain status means for renewal: only a revoked or broken chain blocks it.
/// The one mapping from path validation to `rules::renewal`, which does not depend
/// on `trust`.
pub fn renewal_finding(s: crate::trust::ChainStatus) -> renewal::ChainFinding {
    use crate::trust::ChainStatus as C;
    match s {
        C::Revoked => renewal::ChainFinding::Revoked,
        C::Invalid => renewal::ChainFinding::Invalid,
        C::Trusted | C::Untrusted | C::Incomplete => renewal::ChainFinding::NotBlocking,
    }
}
