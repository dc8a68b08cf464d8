//! Signed PDFs: revisions, signature dictionaries, what each signature covers, and
//! what changed after it.
//!
//! Bytes in, data out. [`open`] reads the structure once — every revision, the
//! signature dictionaries reachable from the form of any revision (a signature that
//! a later update removed is still listed, and its removal is a change that is never
//! allowed), the DSS, and for each signature the changes made after it — and keeps
//! only the results, not the file: the verify layer hashes the signed ranges itself
//! (streamed, in the browser), so the document never holds a second copy of a 100 MB
//! scan.
//!
//! The reader is tolerant (real files are slightly broken: wrong `/Length`, shifted
//! xref, missing `endobj`) but fails closed: when it had to guess, it says so —
//! [`Revision::reconstructed`], [`CoverageGrade::Unclear`], [`ChangesReport::reliable`]
//! — and never guesses in the signer's favour. Hostile files are normal input, so
//! every walk has a work budget (`signature::MAX_HISTORY_WALK_COST`,
//! [`changes::MAX_CHANGE_ANALYSIS_COST`]); what a budget cuts short is reported
//! the same way, never as unmodified.
//!
//! ```text
//! open(bytes) ─► revisions (xref tables/streams, /Prev, object streams)
//!             ─► signatures (each revision's AcroForm fields → /V signature dictionaries)
//!             ─► coverage per signature (ByteRange shape, gap = /Contents, revision end)
//!             ─► changes after each signed revision (roles × DocMDP/FieldMDP rules)
//! ```

pub mod changes;
pub mod coverage;
pub mod crypt;
mod filter;
mod graph;
mod lexer;
pub mod object;
pub mod revision;
pub mod signature;
mod xref;

use std::collections::HashMap;

use serde::Serialize;

pub use changes::{
    Change, ChangeAction, ChangeKind, ChangeRule, ChangesReport, Comment, RevisionSummary,
};
pub use coverage::{
    Coverage, CoverageGrade, CoverageProblem, checked_ranges, signed_revision_bytes,
};
pub use crypt::{Cipher, CryptError, Encryption};
pub use revision::{Revision, Warning, XrefKind};
pub use signature::{FieldLock, LockAction, MdpPermission, SigKind, SignatureInfo};

use revision::Store;

/// Files larger than this are refused before any work.
pub const MAX_PDF_BYTES: usize = 1024 * 1024 * 1024;
/// More signature dictionaries than this are refused as hostile.
pub const MAX_SIGNATURES: usize = 100_000;

/// Why a file could not be read as a PDF at all. Data, not prose: `code()` is the
/// stable key `i18n` words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
pub enum PdfError {
    Empty,
    /// No `%PDF-` header in the first kilobyte.
    NotPdf,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// The file ends inside its structure (no `%%EOF`, no objects).
    Truncated,
    /// Neither the cross-reference nor a scan of the objects yields a catalog.
    XrefBroken,
    /// The document is encrypted and its structure cannot be read without a key.
    Encrypted,
    TooDeep,
    TooManyRevisions {
        count: usize,
        limit: usize,
    },
    TooManySignatures {
        count: usize,
        limit: usize,
    },
}

impl PdfError {
    pub fn code(&self) -> &'static str {
        match self {
            PdfError::Empty => "empty_file",
            PdfError::NotPdf => "not_pdf",
            PdfError::TooLarge { .. } => "too_large",
            PdfError::Truncated => "truncated",
            PdfError::XrefBroken => "xref_broken",
            PdfError::Encrypted => "encrypted",
            PdfError::TooDeep => "too_deep",
            PdfError::TooManyRevisions { .. } => "too_many_revisions",
            PdfError::TooManySignatures { .. } => "too_many_signatures",
        }
    }
}

/// The Document Security Store of the last revision (ETSI EN 319 142-1 §5.4.2):
/// validation data added for long-term validation. Decoded stream contents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Dss {
    #[serde(skip)]
    pub certs: Vec<Vec<u8>>,
    #[serde(skip)]
    pub crls: Vec<Vec<u8>>,
    #[serde(skip)]
    pub ocsps: Vec<Vec<u8>>,
}

/// What [`open`] learned about a PDF. Holds no reference to the bytes.
#[derive(Clone, Debug)]
pub struct Document {
    file_len: usize,
    revisions: Vec<Revision>,
    signatures: Vec<SignatureInfo>,
    coverages: Vec<Coverage>,
    changes: Vec<ChangesReport>,
    by_object: HashMap<((u32, u16), usize), usize>,
    dss: Dss,
    encrypted: bool,
    encryption: Encryption,
    page_count: Option<usize>,
    warnings: Vec<Warning>,
}

/// Reads the structure of a PDF.
pub fn open(bytes: &[u8]) -> Result<Document, PdfError> {
    if bytes.is_empty() {
        return Err(PdfError::Empty);
    }
    if bytes.len() > MAX_PDF_BYTES {
        return Err(PdfError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_PDF_BYTES,
        });
    }
    let store = Store::open(bytes)?;
    let last = store.revisions.len().saturating_sub(1);
    let encrypted = store.trailer(last).is_some_and(|t| {
        t.get(b"Encrypt")
            .is_some_and(|e| *e != object::Object::Null)
    });
    // Encrypted and not decrypted: the objects cannot be compared, so no report of
    // changes can be relied on.
    let unreadable = encrypted && !store.encryption.is_decrypted();
    let collected = signature::collect(&store);
    let signatures = collected.signatures;
    if signatures.len() > MAX_SIGNATURES {
        return Err(PdfError::TooManySignatures {
            count: signatures.len(),
            limit: MAX_SIGNATURES,
        });
    }
    let coverages: Vec<Coverage> = signatures
        .iter()
        .map(|s| coverage::assess(bytes, &store.revisions, s))
        .collect();
    let bases: Vec<usize> = signatures
        .iter()
        .zip(&coverages)
        .map(|(s, c)| c.revision.unwrap_or(s.revision).min(last))
        .collect();
    let trailing = store.warnings.borrow().contains(&Warning::TrailingData);
    let mut changes: Vec<ChangesReport> = match bases.iter().min() {
        Some(&from) if from < last || trailing => {
            let h = changes::history(&store, &signatures, from);
            coverages
                .iter()
                .zip(&bases)
                .map(|(c, &b)| {
                    let t = trailing && c.grade != CoverageGrade::EntireFile;
                    changes::report(&store, &h, b, t, unreadable)
                })
                .collect()
        }
        _ => bases
            .iter()
            .map(|&b| changes::report(&store, &empty_history(), b, false, unreadable))
            .collect(),
    };
    for ((s, &base), r) in signatures.iter().zip(&bases).zip(&mut changes) {
        changes::account_for_removal(r, s, base, last);
        if !collected.complete {
            // Some revision's form was not read to the end: a signature may have
            // disappeared unseen.
            r.mark_unreliable();
        }
    }
    let by_object = signatures
        .iter()
        .enumerate()
        .map(|(i, s)| ((s.object, s.revision), i))
        .collect();
    let dss = read_dss(&store, last);
    let page_count = changes::page_count(&store, last);
    let warnings = store.warnings.borrow().clone();
    let mut revisions = store.revisions.clone();
    for r in &mut revisions {
        r.reconstructed |= store.repaired.borrow().contains(&r.index);
    }
    Ok(Document {
        file_len: bytes.len(),
        revisions,
        signatures,
        coverages,
        changes,
        by_object,
        dss,
        encrypted,
        encryption: store.encryption,
        page_count,
        warnings,
    })
}

fn empty_history() -> changes::History {
    changes::History {
        per_revision: Vec::new(),
        reliable_from: Vec::new(),
    }
}

fn read_dss(store: &Store<'_>, rev: usize) -> Dss {
    let mut dss = Dss::default();
    let Some(cat) = signature::catalog(store, rev) else {
        return dss;
    };
    let Some(d) = cat
        .as_dict()
        .and_then(|c| store.resolve_key(rev, c, b"DSS"))
    else {
        return dss;
    };
    let Some(d) = d.as_dict() else { return dss };
    for (key, out) in [
        (&b"Certs"[..], &mut dss.certs),
        (&b"CRLs"[..], &mut dss.crls),
        (&b"OCSPs"[..], &mut dss.ocsps),
    ] {
        let Some(arr) = store.resolve_key(rev, d, key) else {
            continue;
        };
        let Some(arr) = arr.as_array() else { continue };
        for item in arr.iter().take(MAX_SIGNATURES) {
            let Some(s) = store.resolve(rev, item) else {
                continue;
            };
            let Some(st) = s.as_stream() else { continue };
            let Some(raw) = st.encoded(store.bytes) else {
                continue;
            };
            match filter::decode(&raw, &st.dict, &store.budget) {
                Ok(data) => out.push(data),
                Err(filter::DecodeError::TooLarge) => store.warn(Warning::DecodeBudgetExhausted),
                Err(_) => {}
            }
        }
    }
    dss
}

impl Document {
    pub fn revisions(&self) -> &[Revision] {
        &self.revisions
    }

    /// Every signature reachable from the AcroForm of any revision, each once, in the
    /// order they were signed. Those the last revision no longer reaches have
    /// [`SignatureInfo::reachable`] false.
    pub fn signatures(&self) -> &[SignatureInfo] {
        &self.signatures
    }

    fn index_of(&self, sig: &SignatureInfo) -> Option<usize> {
        self.by_object.get(&(sig.object, sig.revision)).copied()
    }

    /// What `sig` covers. A signature that is not from this document is `Unclear`.
    pub fn coverage(&self, sig: &SignatureInfo) -> Coverage {
        self.index_of(sig)
            .and_then(|i| self.coverages.get(i))
            .copied()
            .unwrap_or(Coverage {
                grade: CoverageGrade::Unclear,
                problem: None,
                signed_len: None,
                revision: None,
            })
    }

    /// The changes made after the revision `sig` signed, judged under its rules.
    pub fn changes_after(&self, sig: &SignatureInfo) -> ChangesReport {
        self.index_of(sig)
            .and_then(|i| self.changes.get(i))
            .cloned()
            .unwrap_or(ChangesReport {
                changes: Vec::new(),
                modified_after: true,
                all_allowed: false,
                revisions: Vec::new(),
                reliable: false,
            })
    }

    /// The two signed ranges of `sig` as half-open `(start, end)` pairs,
    /// `[(0, a), (b, b + c)]`, when `/ByteRange` has a valid shape inside this file.
    /// Whether the gap is the signature value is [`Document::coverage`]'s job: use
    /// these only when the coverage is not `Unclear`.
    pub fn byte_ranges(&self, sig: &SignatureInfo) -> Option<[(usize, usize); 2]> {
        byte_ranges(sig, self.file_len)
    }

    pub fn dss(&self) -> Dss {
        self.dss.clone()
    }

    /// The last revision's trailer has an `/Encrypt`.
    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    /// Whether the document is encrypted and whether kyso could decrypt it (only
    /// the Standard handler with an empty user password).
    pub fn encryption(&self) -> Encryption {
        self.encryption
    }

    /// Pages of the last revision; `None` when the page tree could not be walked.
    pub fn page_count(&self) -> Option<usize> {
        self.page_count
    }

    /// Any revision's cross-reference was rebuilt from a scan.
    pub fn is_reconstructed(&self) -> bool {
        self.revisions.iter().any(|r| r.reconstructed)
    }

    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    pub fn file_len(&self) -> usize {
        self.file_len
    }
}

/// The two signed ranges as half-open `(start, end)` pairs, when `/ByteRange` is
/// `[0 a b c]` with `a < b` and `b + c ≤ file_len`.
pub fn byte_ranges(sig: &SignatureInfo, file_len: usize) -> Option<[(usize, usize); 2]> {
    checked_ranges(sig.byte_range.as_deref(), file_len).ok()
}

#[cfg(test)]
pub(crate) mod tests;
