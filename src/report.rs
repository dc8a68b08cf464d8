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
use crate::trust::{ChainResult, Crl, PathBuilder, TrustStore, ValidationOptions};

// Moved to `input.rs`; re-exported until every caller names it there.
pub use crate::input::InputFile;

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
}

impl CertOptions {
    pub fn at(at: Instant) -> Self {
        CertOptions {
            at,
            extra_certs: Vec::new(),
            anchors: Vec::new(),
            crls: Vec::new(),
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
    let mut crls: Vec<Crl> = Vec::new();

    for f in files {
        let (certs, mut errs) = read_file(f, &mut crls);
        errors.append(&mut errs);
        for (i, c) in certs {
            pool.push(c.clone());
            listed.push((f.name.clone(), i, c));
        }
    }
    for f in &opts.extra_certs {
        let (certs, mut errs) = read_file(f, &mut crls);
        errors.append(&mut errs);
        pool.extend(certs.into_iter().map(|(_, c)| c));
    }
    for f in &opts.crls {
        let (certs, mut errs) = read_file(f, &mut crls);
        errors.append(&mut errs);
        pool.extend(certs.into_iter().map(|(_, c)| c));
    }
    let mut store = TrustStore::new();
    for f in &opts.anchors {
        let (certs, mut errs) = read_file(f, &mut crls);
        errors.append(&mut errs);
        for (_, c) in certs {
            store.add_anchor(c);
        }
    }

    let options = ValidationOptions::default();
    let builder = PathBuilder::new(&pool, &crls, &store, opts.at, &options);
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
                chain.status,
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
        crl_count: crls.len(),
    }
}

/// Decodes one file into certificates (with their index in the file), pushing its
/// CRLs into `crls`; every unreadable part becomes a [`FileError`].
fn read_file(f: &InputFile, crls: &mut Vec<Crl>) -> (Vec<(usize, Cert)>, Vec<FileError>) {
    let mut errors = Vec::new();
    let decoded = match input::decode(&f.bytes) {
        Ok(d) => d,
        Err(error) => {
            errors.push(FileError {
                file: f.name.clone(),
                index: None,
                error,
            });
            return (Vec::new(), errors);
        }
    };
    errors.extend(decoded.problems.into_iter().map(|error| FileError {
        file: f.name.clone(),
        index: None,
        error,
    }));
    let mut certs = Vec::with_capacity(decoded.certs.len());
    for (i, der) in decoded.certs.iter().enumerate() {
        match Cert::from_der(der) {
            Ok(c) => certs.push((i, c)),
            Err(e) => errors.push(FileError {
                file: f.name.clone(),
                index: Some(i),
                error: InputError::BadCertificate {
                    detail: match e {
                        cert::CertError::Structure { offset } => format!("byte {offset}"),
                        cert::CertError::Field { detail } => detail,
                    },
                },
            }),
        }
    }
    for der in &decoded.crls {
        match Crl::from_der(der) {
            Ok(c) => crls.push(c),
            Err(_) => errors.push(FileError {
                file: f.name.clone(),
                index: None,
                error: InputError::NotACertificate,
            }),
        }
    }
    (certs, errors)
}

/// The JSON document of `kyso cert --json` and of the page's "export JSON": the
/// report as data, with every error also worded in `lang` (`message`), the chain's
/// anchor reduced to its display name (or null; the object is `anchor_info`), and the
/// kind of root and the missing CA worded (`anchor_kind_text`, `missing_issuer_text`).
pub fn to_json(report: &CertReport, lang: crate::i18n::Lang) -> serde_json::Value {
    use serde_json::{Value, json};
    let certificates: Vec<Value> = report
        .certificates
        .iter()
        .map(|c| {
            let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
            if let Some(obj) = v.as_object_mut() {
                obj.insert(
                    "renewal_text".into(),
                    Value::String(crate::i18n::renewal_sentence(lang, &c.renewal)),
                );
                if let Some(chain) = obj.get_mut("chain").and_then(Value::as_object_mut) {
                    let anchor_name = chain
                        .get("anchor")
                        .and_then(|a| a.get("name"))
                        .cloned()
                        .unwrap_or(Value::Null);
                    if let Some(a) = chain.remove("anchor") {
                        chain.insert("anchor_info".into(), a);
                    }
                    chain.insert("anchor".into(), anchor_name);
                    for (k, v) in crate::i18n::chain_texts(lang, &c.chain) {
                        chain.insert(k.into(), v.map_or(Value::Null, Value::String));
                    }
                }
            }
            v
        })
        .collect();
    let errors: Vec<Value> = report
        .errors
        .iter()
        .map(|e| {
            json!({
                "file": e.file,
                "index": e.index,
                "code": e.code(),
                "message": crate::i18n::input_error(lang, &e.error),
                "detail": e.error,
            })
        })
        .collect();
    json!({
        "at": report.at,
        "certificates": certificates,
        "errors": errors,
        "crl_count": report.crl_count,
    })
}
