//! What the verify tab shows: one entry per dropped document, the names of the
//! evidence files, and the reducer that changes them.
//!
//! The reducer is pure: it only turns an [`Action`] into the next state. The work
//! (reading, hashing, verifying) and the evidence's bytes belong to
//! [`super::verify_job`], which dispatches these actions as documents move along; the
//! components only read this state.

use std::rc::Rc;

use yew::Reducible;

use super::hash::Engine;
use super::read::ReadProblem;
use super::trust_folder::FolderCrl;
use crate::verify::DocumentReport;

/// Where a document is in its work.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    Waiting,
    /// Reading the file: fraction done.
    Reading(f64),
    /// Hashing the signed ranges: fraction done.
    Hashing(f64),
    Done,
    /// Why the file could not be read: an i18n code.
    Failed(&'static str),
}

impl Stage {
    /// The stage as the panels' `data-state` attribute (the e2e tests wait on it).
    pub fn code(&self) -> &'static str {
        match self {
            Stage::Waiting => "waiting",
            Stage::Reading(_) => "reading",
            Stage::Hashing(_) => "hashing",
            Stage::Done => "done",
            Stage::Failed(_) => "failed",
        }
    }
}

/// Measured for benchmarks (also shown as data attributes).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Timing {
    pub read_ms: f64,
    pub plan_ms: f64,
    pub hash_ms: f64,
    pub hashed_bytes: usize,
    pub finish_ms: f64,
    /// Time the SHA-256 worker spent hashing (it overlaps reading and parsing).
    pub worker_ms: Option<f64>,
    pub total_ms: f64,
    pub engine: Option<Engine>,
}

/// One dropped document.
#[derive(Clone)]
pub struct DocEntry {
    pub id: usize,
    pub name: String,
    /// Bytes, once the document's turn has come: asking a dropped file its size is a
    /// synchronous round trip to the browser process in Chromium, too slow to do for
    /// each of 1,000 files at the drop (see `web::read`).
    pub size: Option<f64>,
    /// The dropped file: the record buttons and "download the signed version" slice it.
    pub file: Option<web_sys::File>,
    pub stage: Stage,
    pub report: Option<Rc<DocumentReport>>,
    /// Per signature (report order): the end of the signed revision, when the
    /// coverage allows offering it as a download.
    pub signed_ends: Vec<Option<usize>>,
    pub timing: Timing,
    /// The trust folder's CRLs fetched for this document, with their age.
    pub folder_crls: Vec<FolderCrl>,
}

impl DocEntry {
    /// A document just dropped, waiting for its turn.
    pub fn waiting(id: usize, file: web_sys::File) -> DocEntry {
        DocEntry {
            id,
            name: file.name(),
            size: None,
            file: Some(file),
            stage: Stage::Waiting,
            report: None,
            signed_ends: Vec::new(),
            timing: Timing::default(),
            folder_crls: Vec::new(),
        }
    }
}

/// Everything the tab shows.
#[derive(Clone, Default)]
pub struct VerifyState {
    /// In the order they were dropped (the order they are verified in).
    pub docs: Vec<Rc<DocEntry>>,
    /// Certificates and CRLs the user dropped beside the PDFs (names only; the bytes
    /// are evidence, held by [`super::verify_job`]).
    pub extras: Vec<String>,
    pub extra_problems: Vec<ReadProblem>,
    /// Treat the certificates the user dropped as trust anchors (an agency's own CA,
    /// a test PKI). Off by default: trust comes from the pinned government CAs.
    pub trust_user: bool,
}

/// Any change is a new state (the reducer always makes one), so identity is enough
/// and the comparison costs nothing with a thousand documents.
impl PartialEq for VerifyState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub enum Action {
    /// New documents, in the order they will be verified.
    Added(Vec<DocEntry>),
    Stage(usize, Stage),
    /// The size of a document, read when its turn comes.
    Sized(usize, f64),
    Done {
        id: usize,
        report: Rc<DocumentReport>,
        signed_ends: Vec<Option<usize>>,
        timing: Timing,
        folder_crls: Vec<FolderCrl>,
    },
    /// Evidence files read: their names (each once) and what could not be read.
    Extras {
        names: Vec<String>,
        problems: Vec<ReadProblem>,
    },
    Remove(usize),
    TrustUser(bool),
    /// Empties the list: the documents and the dropped evidence (the deployer's CAs
    /// and the trust setting stay).
    Clear,
}

impl Reducible for VerifyState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // A document's entry is replaced, never changed in place: panels compare
        // entries by pointer to know whether to draw again.
        let update = |docs: &mut Vec<Rc<DocEntry>>, id: usize, f: &dyn Fn(&mut DocEntry)| {
            if let Some(slot) = docs.iter_mut().find(|d| d.id == id) {
                let mut d = (**slot).clone();
                f(&mut d);
                *slot = Rc::new(d);
            }
        };
        match action {
            Action::Added(docs) => next.docs.extend(docs.into_iter().map(Rc::new)),
            Action::Stage(id, stage) => update(&mut next.docs, id, &|d| d.stage = stage.clone()),
            Action::Sized(id, size) => update(&mut next.docs, id, &|d| d.size = Some(size)),
            Action::Done {
                id,
                report,
                signed_ends,
                timing,
                folder_crls,
            } => update(&mut next.docs, id, &|d| {
                d.folder_crls = folder_crls.clone();
                d.stage = Stage::Done;
                d.report = Some(Rc::clone(&report));
                d.signed_ends = signed_ends.clone();
                d.timing = timing;
            }),
            Action::Extras { names, problems } => {
                for name in names {
                    if !next.extras.contains(&name) {
                        next.extras.push(name);
                    }
                }
                next.extra_problems.extend(problems);
            }
            Action::Remove(id) => next.docs.retain(|d| d.id != id),
            Action::TrustUser(on) => next.trust_user = on,
            Action::Clear => {
                next.docs.clear();
                next.extras.clear();
                next.extra_problems.clear();
            }
        }
        Rc::new(next)
    }
}
