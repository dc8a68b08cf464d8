//! The verify tab's work: the queue of documents, the evidence they are judged with,
//! and the verification of one document (read, hash, verify), reported to the tab as
//! [`Action`]s.
//!
//! It lives outside Yew, in one [`Job`] per page, because the work outlives every
//! render: a single loop, started once, takes documents one at a time and must see
//! the evidence as it is when each document's turn comes (a CRL dropped after the
//! PDFs has to count), which a closure over a reducer snapshot would not. The tab's
//! state ([`VerifyState`]) only says what to show; the bytes of the evidence and the
//! file handles waiting for their turn are here.
//!
//! Each file is read in chunks into the page, planned by the core ([`verify::plan`]),
//! its signed ranges hashed without freezing the tab ([`super::hash`], the SHA-256
//! worker for big files), and finished by the core ([`verify::finish`]).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::dropzone::{Loaded, is_pdf_name};
use super::hash::{self, Engine};
use super::trust_folder::FolderCrl;
use super::verify_state::{Action, DocEntry, Stage, Timing, VerifyState};
use super::{clock, hash_helper, read, trust_folder};
use crate::cert::Cert;
use crate::cms::Digests;
use crate::crypto::HashAlg;
use crate::crypto::checkpoint::Checkpoints;
use crate::input::InputFile;
use crate::pdf::{CoverageGrade, MAX_PDF_BYTES};
use crate::trust::folder;
use crate::verify::{self, DocumentReport, Plan, VerifyOptions};

type Dispatch = UseReducerDispatcher<VerifyState>;

/// The documents on the tab and the order of their turns. Generic over the file
/// handle so the order can be tested without a browser file.
#[derive(Debug)]
pub struct Queue<F> {
    next_id: usize,
    /// Every document on the tab, in the order dropped: verified again when the
    /// evidence changes.
    known: Vec<(usize, F)>,
    /// The documents waiting for their turn, first first.
    waiting: VecDeque<usize>,
}

impl<F> Default for Queue<F> {
    fn default() -> Self {
        Queue {
            next_id: 1,
            known: Vec::new(),
            waiting: VecDeque::new(),
        }
    }
}

impl<F: Clone> Queue<F> {
    /// A new document, queued last; its id.
    pub fn add(&mut self, file: F) -> usize {
        let id = self.next_id;
        self.next_id = id.wrapping_add(1);
        self.known.push((id, file));
        self.waiting.push_back(id);
        id
    }

    /// Queues every document on the tab that is not already waiting (the one being
    /// verified too: it may have read the old evidence); the ids queued, in tab order.
    pub fn requeue_all(&mut self) -> Vec<usize> {
        let mut queued = Vec::new();
        for (id, _) in &self.known {
            if !self.waiting.contains(id) {
                self.waiting.push_back(*id);
                queued.push(*id);
            }
        }
        queued
    }

    /// The next document's turn.
    pub fn take_next(&mut self) -> Option<(usize, F)> {
        while let Some(id) = self.waiting.pop_front() {
            if let Some((_, f)) = self.known.iter().find(|(i, _)| *i == id) {
                return Some((id, f.clone()));
            }
        }
        None
    }

    /// Takes a document off the tab (and out of the queue, if it was waiting).
    pub fn remove(&mut self, id: usize) {
        self.known.retain(|(i, _)| *i != id);
        self.waiting.retain(|i| *i != id);
    }

    pub fn clear(&mut self) {
        self.known.clear();
        self.waiting.clear();
    }
}

/// Certificates and CRLs the next verifications use.
#[derive(Clone, Debug, Default)]
pub struct Evidence {
    /// The deployer's CA certificates: `trust/bundle.pem` and the trust folder's.
    pub bundle: Vec<InputFile>,
    /// Certificates and CRLs the user dropped beside the PDFs.
    pub dropped: Vec<InputFile>,
    /// Treat the dropped certificates as trust anchors.
    pub trust_user: bool,
}

impl Evidence {
    /// Hands the evidence to one verification: CRLs by their `.crl` name, the dropped
    /// certificates as anchors only when the user said so, else as intermediates.
    pub fn apply(&self, opts: &mut VerifyOptions) {
        opts.extra_certs.extend(self.bundle.iter().cloned());
        for f in &self.dropped {
            if f.name.to_ascii_lowercase().ends_with(".crl") {
                opts.crls.push(f.clone());
            } else if self.trust_user {
                opts.anchors.push(f.clone());
            } else {
                opts.extra_certs.push(f.clone());
            }
        }
    }

    /// The deployer's certificates, parsed (to find who issued a folder CRL).
    fn bundle_certs(&self) -> Vec<Cert> {
        Cert::all_in(&self.bundle)
    }
}

/// The one owner of the tab's work (see the module's comment for why it is not Yew
/// state).
#[derive(Default)]
struct Job {
    queue: Queue<web_sys::File>,
    evidence: Evidence,
    /// The loop is taking documents: a new drop only queues.
    running: bool,
}

thread_local! {
    static JOB: RefCell<Job> = RefCell::new(Job::default());
}

/// The job, briefly (never held across an `await`).
fn with_job<R>(f: impl FnOnce(&mut Job) -> R) -> R {
    JOB.with(|j| f(&mut j.borrow_mut()))
}

/// Queues PDF files for verification (one at a time, in order: a 100 MB file
/// verified while another is read would double the memory).
pub fn start(dispatch: Dispatch, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    let added = with_job(|job| {
        files
            .into_iter()
            .map(|file| DocEntry::waiting(job.queue.add(file.clone()), file))
            .collect()
    });
    dispatch.dispatch(Action::Added(added));
    run(dispatch);
}

/// Files dropped on the verify tab: PDFs are queued, the rest read as evidence
/// (certificates and CRLs) for them and for the documents already shown.
pub fn drop_files(dispatch: Dispatch, files: Vec<web_sys::File>) {
    let (pdfs, others): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|f| is_pdf_name(&f.name()) || f.type_() == "application/pdf");
    start(dispatch.clone(), pdfs);
    if !others.is_empty() {
        spawn_local(async move {
            let (files, problems) = read::read_all(others).await;
            add_dropped(dispatch, Loaded { files, problems });
        });
    }
}

/// Verifies every document on the tab again: the certificates, CRLs or trust setting
/// they were judged with have changed, and a verdict must never rest on evidence the
/// page no longer shows (a CRL dropped after the PDF has to count).
pub fn reverify_all(dispatch: Dispatch) {
    let queued = with_job(|job| job.queue.requeue_all());
    if queued.is_empty() {
        return;
    }
    for id in queued {
        dispatch.dispatch(Action::Stage(id, Stage::Waiting));
    }
    run(dispatch);
}

/// A CA certificate the deployer placed beside the page. The caller verifies again
/// once all are added ([`reverify_all`]).
pub fn add_deployer_ca(ca: InputFile) {
    with_job(|job| job.evidence.bundle.push(ca));
}

/// Certificates and CRLs the user dropped: used from now on, and for the documents
/// already shown.
pub fn add_dropped(dispatch: Dispatch, loaded: Loaded) {
    let names = loaded.files.iter().map(|f| f.name.clone()).collect();
    let changed = !loaded.files.is_empty();
    with_job(|job| job.evidence.dropped.extend(loaded.files));
    dispatch.dispatch(Action::Extras {
        names,
        problems: loaded.problems,
    });
    if changed {
        reverify_all(dispatch);
    }
}

/// Whether the dropped certificates are trust anchors; every document is judged again.
pub fn set_trust_user(dispatch: Dispatch, on: bool) {
    with_job(|job| job.evidence.trust_user = on);
    dispatch.dispatch(Action::TrustUser(on));
    reverify_all(dispatch);
}

/// Takes one document off the tab.
pub fn remove(dispatch: &Dispatch, id: usize) {
    with_job(|job| job.queue.remove(id));
    dispatch.dispatch(Action::Remove(id));
}

/// Empties the tab: its documents and the evidence the user dropped (the deployer's
/// CAs and the trust setting stay). A document being verified finishes unseen.
pub fn clear(dispatch: &Dispatch) {
    with_job(|job| {
        job.queue.clear();
        job.evidence.dropped.clear();
    });
    dispatch.dispatch(Action::Clear);
}

/// Works through the queue, one document at a time, unless already doing so.
fn run(dispatch: Dispatch) {
    if with_job(|job| std::mem::replace(&mut job.running, true)) {
        return;
    }
    spawn_local(async move {
        while let Some((id, file)) = with_job(|job| job.queue.take_next()) {
            verify_one(&dispatch, id, &file).await;
        }
        with_job(|job| job.running = false);
    });
}

async fn verify_one(dispatch: &Dispatch, id: usize, file: &web_sys::File) {
    let t0 = hash::now_ms();
    let size = file.size().max(1.0);
    dispatch.dispatch(Action::Sized(id, file.size()));
    dispatch.dispatch(Action::Stage(id, Stage::Reading(0.0)));
    // Small files in a secure context go to WebCrypto after reading; anything else is
    // hashed by the worker while it is read (when the browser lets us start one).
    let mut job = if hash::webcrypto_allowed(size as usize) {
        None
    } else {
        hash_helper::begin().await
    };
    let bytes = {
        let d = dispatch.clone();
        let mut last = 0.0;
        hash::read_file(file, MAX_PDF_BYTES, job.as_mut(), move |done| {
            let f = done as f64 / size;
            if f - last > 0.05 {
                last = f;
                d.dispatch(Action::Stage(id, Stage::Reading(f)));
            }
        })
        .await
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            dispatch.dispatch(Action::Stage(id, Stage::Failed(e.code())));
            return;
        }
    };
    let t_read = hash::now_ms();
    dispatch.dispatch(Action::Stage(id, Stage::Hashing(0.0)));
    hash::yield_now().await;

    let t_plan0 = hash::now_ms();
    let plan = verify::plan(&bytes);
    let t_plan = hash::now_ms();

    // The worker's checkpoints, when a signature needs SHA-256 of ranges from byte 0.
    let wants_checkpoints = plan
        .signatures
        .iter()
        .any(|s| s.digests.contains(&HashAlg::Sha256) && s.ranges.is_some_and(|r| r[0].0 == 0));
    let from_worker = match job {
        Some(job) if wants_checkpoints => {
            let d = dispatch.clone();
            let mut last = 0.0;
            job.finish(move |n| {
                let f = n / size;
                if f - last > 0.02 {
                    last = f;
                    d.dispatch(Action::Stage(id, Stage::Hashing(f)));
                }
            })
            .await
        }
        _ => None,
    };
    let worker_ms = from_worker.as_ref().map(|(_, ms)| *ms);
    let checkpoints = from_worker.map(|(c, _)| c);

    let hashed = hash_signatures(dispatch, id, &bytes, &plan, checkpoints.as_ref()).await;
    let t_hash = hash::now_ms();

    let mut opts = VerifyOptions::at(clock::now());
    opts.file_name = file.name();
    let folder_crls = folder_crls(&plan).await;
    opts.crls
        .extend(folder_crls.iter().filter_map(|c| c.file.clone().ok()));
    with_job(|job| job.evidence.apply(&mut opts));
    let report = verify::finish(&plan, &hashed.digests, &opts);
    let signed_ends = signed_ends(&report, &plan);
    let t_end = hash::now_ms();
    drop(plan);
    drop(bytes);
    let timing = Timing {
        read_ms: t_read - t0,
        plan_ms: t_plan - t_plan0,
        hash_ms: t_hash - t_plan,
        hashed_bytes: hashed.bytes,
        finish_ms: t_end - t_hash,
        total_ms: t_end - t0,
        worker_ms,
        engine: hashed.engine,
    };
    dispatch.dispatch(Action::Done {
        id,
        report: Rc::new(report),
        signed_ends,
        timing,
        folder_crls,
    });
}

/// Every signature's digests, and how they were made.
struct Hashed {
    digests: Vec<Digests>,
    /// The last engine used (shown to benchmarks).
    engine: Option<Engine>,
    /// Bytes hashed for signatures that needed a digest.
    bytes: usize,
}

/// Hashes every signature's ranges (WebCrypto for small ones, the worker's SHA-256
/// checkpoints, else Rust on the page), reporting progress over the total.
async fn hash_signatures(
    dispatch: &Dispatch,
    id: usize,
    bytes: &[u8],
    plan: &Plan,
    checkpoints: Option<&Checkpoints>,
) -> Hashed {
    let total: usize = plan
        .signatures
        .iter()
        .filter_map(|s| s.ranges)
        .map(|r| r.iter().map(|(a, b)| b.saturating_sub(*a)).sum::<usize>())
        .sum::<usize>()
        .max(1);
    let mut digests = Vec::with_capacity(plan.signatures.len());
    let mut done_before = 0usize;
    let mut engine = None;
    let mut hashed = 0usize;
    for s in &plan.signatures {
        let Some(ranges) = s.ranges else {
            digests.push(Digests::default());
            continue;
        };
        let len: usize = ranges.iter().map(|(a, b)| b.saturating_sub(*a)).sum();
        let mut got = None;
        if hash::webcrypto_allowed(len) {
            got = hash::digest_parts_webcrypto(bytes, &ranges, &s.digests).await;
            if got.is_some() {
                engine = Some(Engine::WebCrypto);
            }
        }
        // SHA-256 from the worker's checkpoints; any other algorithm still here.
        let mut from_worker = None;
        if got.is_none()
            && s.digests.contains(&HashAlg::Sha256)
            && let Some(cps) = checkpoints
        {
            from_worker = cps.digest_ranges(bytes, &ranges);
        }
        let d = match (got, from_worker) {
            (Some(d), _) => d,
            (None, Some(sha256)) => {
                engine = Some(Engine::Worker);
                let others: Vec<HashAlg> = s
                    .digests
                    .iter()
                    .copied()
                    .filter(|a| *a != HashAlg::Sha256)
                    .collect();
                let mut d = if others.is_empty() {
                    Digests::default()
                } else {
                    hash::digest_parts(bytes, &ranges, &others, |_| {}).await
                };
                d.0.push((HashAlg::Sha256, sha256.to_vec()));
                d
            }
            (None, None) => {
                engine = Some(Engine::Wasm);
                let dd = dispatch.clone();
                let mut last = 0.0;
                hash::digest_parts(bytes, &ranges, &s.digests, move |n| {
                    let f = (done_before.saturating_add(n)) as f64 / total as f64;
                    if f - last > 0.02 {
                        last = f;
                        dd.dispatch(Action::Stage(id, Stage::Hashing(f)));
                    }
                })
                .await
            }
        };
        if !s.digests.is_empty() {
            hashed = hashed.saturating_add(len);
        }
        done_before = done_before.saturating_add(len);
        digests.push(d);
    }
    Hashed {
        digests,
        engine,
        bytes: hashed,
    }
}

/// The trust folder's CRLs for the certificates this document carries (none when
/// the deployer placed no folder).
async fn folder_crls(plan: &Plan) -> Vec<FolderCrl> {
    if trust_folder::current().is_none() {
        return Vec::new();
    }
    let certs = plan.certificates();
    let pool = folder::issuer_pool(&certs, &with_job(|job| job.evidence.bundle_certs()));
    trust_folder::crls_for(&certs, &pool).await
}

/// Per signature: where its signed revision ends, when the coverage is whole enough
/// to offer that revision as a download.
fn signed_ends(report: &DocumentReport, plan: &Plan) -> Vec<Option<usize>> {
    report
        .signatures
        .iter()
        .zip(&plan.signatures)
        .map(|(r, p)| match (r.coverage, p.ranges) {
            (CoverageGrade::EntireFile | CoverageGrade::EntireRevision, Some([_, (_, end)])) => {
                Some(end)
            }
            _ => None,
        })
        .collect()
}
