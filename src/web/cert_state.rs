//! What the certificate tab shows: the files given so far, the deployer's CAs and the
//! trust folder's CRLs, and the report they make; the reducer that changes them.
//!
//! The reducer is pure: the validation time comes in the action (the caller reads
//! the clock, [`super::cert_job`]), so the same actions always make the same report,
//! and a test can pin the time. Every change validates again, with every file and CA
//! at hand: a CRL or CA that arrives after a certificate must count for it.

use std::rc::Rc;

use yew::Reducible;

use super::dropzone::Loaded;
use super::read::ReadProblem;
use super::trust_folder::FolderCrl;
use crate::input::InputFile;
use crate::report::{self, CertEntry, CertOptions, CertReport};
use crate::time::Instant;

/// Everything the certificate tab holds: the files given so far and what they say.
#[derive(Clone, Default)]
pub struct Session {
    files: Vec<InputFile>,
    pub problems: Vec<ReadProblem>,
    /// The deployer's CA certificates: `trust/bundle.pem` and the trust folder's.
    bundle: Vec<InputFile>,
    /// The trust folder's CRLs fetched for the certificates given.
    pub folder_crls: Vec<FolderCrl>,
    /// `None` until a file is given (and again after "Xóa danh sách").
    pub report: Option<Rc<CertReport>>,
    /// The report's certificates, each shared with its card (cards redraw by pointer).
    pub cards: Vec<Rc<CertEntry>>,
}

pub enum Action {
    /// Files were dropped, picked or pasted.
    Add { loaded: Loaded, at: Instant },
    /// A CA file of the deployer arrived (the bundle, a trust-folder CA).
    Bundle { ca: InputFile, at: Instant },
    /// The trust folder's CRLs for the certificates given arrived.
    FolderCrls { crls: Vec<FolderCrl>, at: Instant },
    /// "Xóa danh sách": the files, their problems and the folder's CRLs go; the
    /// deployer's CAs stay.
    Clear,
}

/// Two states are the same only when they are the same value: every action makes a
/// new one, so the tab redraws after each.
impl PartialEq for Session {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Session {
    /// The deployer's CA files the page found.
    pub fn bundle(&self) -> &[InputFile] {
        &self.bundle
    }

    /// The files given, each once.
    pub fn files(&self) -> &[InputFile] {
        &self.files
    }

    /// The report again, from the files and evidence at hand, at `at`.
    fn validated(mut self, at: Instant) -> Self {
        self.report = if self.files.is_empty() && self.problems.is_empty() {
            None
        } else {
            let mut opts = CertOptions::at(at);
            opts.extra_certs.extend(self.bundle.iter().cloned());
            opts.crls
                .extend(self.folder_crls.iter().filter_map(|c| c.file.clone().ok()));
            Some(Rc::new(report::read_certificates(&self.files, &opts)))
        };
        self.cards = self
            .report
            .as_ref()
            .map(|r| r.certificates.iter().cloned().map(Rc::new).collect())
            .unwrap_or_default();
        self
    }
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let next = match action {
            Action::Add { loaded, at } => {
                for f in loaded.files {
                    // The same file dropped twice is listed once.
                    if !next
                        .files
                        .iter()
                        .any(|g| g.name == f.name && g.bytes == f.bytes)
                    {
                        next.files.push(f);
                    }
                }
                next.problems.extend(loaded.problems);
                next.validated(at)
            }
            Action::Bundle { ca, at } => {
                next.bundle.push(ca);
                next.validated(at)
            }
            Action::FolderCrls { crls, at } => {
                for c in crls {
                    if !next
                        .folder_crls
                        .iter()
                        .any(|f| f.entry.file == c.entry.file)
                    {
                        next.folder_crls.push(c);
                    }
                }
                next.validated(at)
            }
            Action::Clear => Session {
                bundle: next.bundle,
                ..Session::default()
            },
        };
        Rc::new(next)
    }
}

/// Whether a card mentions the (lower-case) filter text: its subject, serial, file,
/// SHA-1 thumbprint, e-mail addresses or identifiers.
pub fn matches_filter(c: &CertEntry, needle: &str) -> bool {
    let f = &c.facts;
    let hay = [
        f.subject_dn.as_str(),
        f.serial_hex.as_str(),
        c.file.as_str(),
        f.sha1.as_str(),
    ];
    hay.iter().any(|h| h.to_lowercase().contains(needle))
        || f.emails.iter().any(|e| e.to_lowercase().contains(needle))
        || f.identifiers
            .iter()
            .any(|i| i.value.to_lowercase().contains(needle))
}
