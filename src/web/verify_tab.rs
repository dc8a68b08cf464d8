//! The "Kiểm tra chữ ký PDF" tab: drop signed PDFs, get one panel per document and
//! one verdict per signature.
//!
//! Each file is read in chunks into the page, planned by the core
//! ([`verify::plan`]), its signed ranges hashed here without freezing the tab
//! ([`super::hash`]), and finished by the core ([`verify::finish`]). Certificate and
//! CRL files dropped together help find signers and check revocation.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::cert_card::{chain_view, status_code, vn_time};
use super::copy::CopyButton;
use super::dropzone::{DropZone, Loaded, is_pdf_name};
use super::hash::{self, Engine};
use super::hash_helper;
use super::lang::{fill, t, use_lang};
use super::trust_folder::{FolderCrl, FolderCrls};
use super::verify_record::RecordButtons;
use super::verify_summary::VerifySummary;
use super::{clock, download, read, trust_folder};
use crate::cms::Digests;
use crate::crypto::HashAlg;
use crate::i18n::{self, Lang};
use crate::input::InputFile;
use crate::pdf::{CoverageGrade, MAX_PDF_BYTES};
use crate::verify::{
    self, ChangeEntry, CheckDetail, CheckStatus, DocumentReport, Indication, RevStatus,
    SignatureReport, VerifyOptions,
};

/// How many document panels are drawn before "show more".
const PANELS_PAGE: usize = 100;

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
pub struct DocEntry {
    pub id: usize,
    pub name: String,
    pub size: f64,
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

/// Everything the tab holds.
#[derive(Default)]
pub struct VerifyState {
    pub docs: Vec<Rc<DocEntry>>,
    /// The deployer's CA certificates: `trust/bundle.pem` and the trust folder's.
    pub bundle: Vec<InputFile>,
    /// Certificates and CRLs the user dropped beside the PDFs (names only; the bytes
    /// live in [`EXTRAS`]).
    pub extras: Vec<String>,
    pub extra_problems: Vec<read::ReadProblem>,
    /// Treat the certificates the user dropped as trust anchors (an agency's own CA,
    /// a test PKI). Off by default: trust comes from the pinned government CAs.
    pub trust_user: bool,
}

impl PartialEq for VerifyState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub enum Action {
    Added(Vec<(usize, String, f64, web_sys::File)>),
    Stage(usize, Stage),
    Done {
        id: usize,
        report: Rc<DocumentReport>,
        signed_ends: Vec<Option<usize>>,
        timing: Timing,
        folder_crls: Vec<FolderCrl>,
    },
    Bundle(InputFile),
    Extras(Loaded),
    Remove(usize),
    TrustUser(bool),
    Clear,
}

impl Reducible for VerifyState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = VerifyState {
            docs: self.docs.clone(),
            bundle: self.bundle.clone(),
            extras: self.extras.clone(),
            extra_problems: self.extra_problems.clone(),
            trust_user: self.trust_user,
        };
        let update = |docs: &mut Vec<Rc<DocEntry>>, id: usize, f: &dyn Fn(&mut DocEntry)| {
            if let Some(slot) = docs.iter_mut().find(|d| d.id == id) {
                let mut d = DocEntry {
                    id: slot.id,
                    name: slot.name.clone(),
                    size: slot.size,
                    file: slot.file.clone(),
                    stage: slot.stage.clone(),
                    report: slot.report.clone(),
                    signed_ends: slot.signed_ends.clone(),
                    timing: slot.timing,
                    folder_crls: slot.folder_crls.clone(),
                };
                f(&mut d);
                *slot = Rc::new(d);
            }
        };
        match action {
            Action::Added(files) => {
                for (id, name, size, file) in files {
                    next.docs.push(Rc::new(DocEntry {
                        id,
                        name,
                        size,
                        file: Some(file),
                        stage: Stage::Waiting,
                        report: None,
                        signed_ends: Vec::new(),
                        timing: Timing::default(),
                        folder_crls: Vec::new(),
                    }));
                }
            }
            Action::Stage(id, stage) => update(&mut next.docs, id, &|d| d.stage = stage.clone()),
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
            Action::Bundle(b) => {
                EXTRAS.with(|e| e.borrow_mut().bundle.push(b.clone()));
                next.bundle.push(b);
            }
            Action::Extras(loaded) => {
                EXTRAS.with(|e| {
                    let mut e = e.borrow_mut();
                    for f in loaded.files {
                        if !next.extras.contains(&f.name) {
                            next.extras.push(f.name.clone());
                        }
                        e.files.push(f);
                    }
                });
                next.extra_problems.extend(loaded.problems);
            }
            Action::Remove(id) => {
                next.docs.retain(|d| d.id != id);
                KNOWN.with(|k| k.borrow_mut().retain(|(i, _)| *i != id));
            }
            Action::TrustUser(on) => {
                EXTRAS.with(|e| e.borrow_mut().trust_user = on);
                next.trust_user = on;
            }
            Action::Clear => {
                next.docs.clear();
                KNOWN.with(|k| k.borrow_mut().clear());
                next.extras.clear();
                next.extra_problems.clear();
                EXTRAS.with(|e| e.borrow_mut().files.clear());
            }
        }
        Rc::new(next)
    }
}

/// Certificates and CRLs for the next verifications (the work runs outside Yew).
#[derive(Default)]
struct Extras {
    bundle: Vec<InputFile>,
    files: Vec<InputFile>,
    trust_user: bool,
}

thread_local! {
    static EXTRAS: RefCell<Extras> = RefCell::new(Extras::default());
    static QUEUE: RefCell<VecDeque<(usize, web_sys::File)>> = const { RefCell::new(VecDeque::new()) };
    /// Every document on the tab, to verify again when the evidence changes.
    static KNOWN: RefCell<Vec<(usize, web_sys::File)>> = const { RefCell::new(Vec::new()) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    static NEXT_ID: Cell<usize> = const { Cell::new(1) };
}

/// Queues PDF files for verification (one at a time, in order: a 100 MB file
/// verified while another is read would double the memory).
pub fn start(dispatch: UseReducerDispatcher<VerifyState>, files: Vec<web_sys::File>) {
    let mut added = Vec::new();
    for file in files {
        let id = NEXT_ID.with(|n| {
            let id = n.get();
            n.set(id.wrapping_add(1));
            id
        });
        added.push((id, file.name(), file.size(), file.clone()));
        KNOWN.with(|k| k.borrow_mut().push((id, file.clone())));
        QUEUE.with(|q| q.borrow_mut().push_back((id, file)));
    }
    if added.is_empty() {
        return;
    }
    dispatch.dispatch(Action::Added(added));
    run(dispatch);
}

/// Verifies every document on the tab again: the certificates, CRLs or trust setting
/// they were judged with have changed, and a verdict must never rest on evidence the
/// page no longer shows (a CRL dropped after the PDF has to count).
pub fn reverify_all(dispatch: UseReducerDispatcher<VerifyState>) {
    let known = KNOWN.with(|k| k.borrow().clone());
    if known.is_empty() {
        return;
    }
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        for (id, file) in known {
            if !q.iter().any(|(i, _)| *i == id) {
                dispatch.dispatch(Action::Stage(id, Stage::Waiting));
                q.push_back((id, file));
            }
        }
    });
    run(dispatch);
}

/// Works through the queue, one document at a time, unless already doing so.
fn run(dispatch: UseReducerDispatcher<VerifyState>) {
    if RUNNING.with(|r| r.replace(true)) {
        return;
    }
    spawn_local(async move {
        while let Some((id, file)) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
            verify_one(&dispatch, id, &file).await;
        }
        RUNNING.with(|r| r.set(false));
    });
}

async fn verify_one(dispatch: &UseReducerDispatcher<VerifyState>, id: usize, file: &web_sys::File) {
    let t0 = hash::now_ms();
    let size = file.size().max(1.0);
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

    // Hash every signature's ranges; progress over the total.
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
            got = hash::digest_parts_webcrypto(&bytes, &ranges, &s.digests).await;
            if got.is_some() {
                engine = Some(Engine::WebCrypto);
            }
        }
        // SHA-256 from the worker's checkpoints; any other algorithm still here.
        let mut from_worker = None;
        if got.is_none()
            && s.digests.contains(&HashAlg::Sha256)
            && let Some(cps) = &checkpoints
        {
            from_worker = cps.digest_ranges(&bytes, &ranges);
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
                    hash::digest_parts(&bytes, &ranges, &others, |_| {}).await
                };
                d.0.push((HashAlg::Sha256, sha256.to_vec()));
                d
            }
            (None, None) => {
                engine = Some(Engine::Wasm);
                let dd = dispatch.clone();
                let mut last = 0.0;
                hash::digest_parts(&bytes, &ranges, &s.digests, move |n| {
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
    let t_hash = hash::now_ms();

    let mut opts = VerifyOptions::at(clock::now());
    opts.file_name = file.name();
    // The trust folder's CRLs for the certificates this document carries.
    let folder_crls = if trust_folder::current().is_some() {
        let certs = plan.certificates();
        let mut pool = certs.clone();
        pool.extend(crate::trust::builtin::certs().iter().cloned());
        EXTRAS.with(|e| {
            for f in &e.borrow().bundle {
                if let Ok(d) = crate::input::decode(&f.bytes) {
                    pool.extend(
                        d.certs
                            .iter()
                            .filter_map(|c| crate::cert::Cert::from_der(c).ok()),
                    );
                }
            }
        });
        trust_folder::crls_for(&certs, &pool).await
    } else {
        Vec::new()
    };
    opts.crls
        .extend(folder_crls.iter().filter_map(|c| c.file.clone().ok()));
    EXTRAS.with(|e| {
        let e = e.borrow();
        opts.extra_certs.extend(e.bundle.iter().cloned());
        for f in &e.files {
            if f.name.to_ascii_lowercase().ends_with(".crl") {
                opts.crls.push(f.clone());
            } else if e.trust_user {
                opts.anchors.push(f.clone());
            } else {
                opts.extra_certs.push(f.clone());
            }
        }
    });
    let report = verify::finish(&plan, &digests, &opts);
    let signed_ends = report
        .signatures
        .iter()
        .zip(&plan.signatures)
        .map(|(r, p)| match (r.coverage, p.ranges) {
            (CoverageGrade::EntireFile | CoverageGrade::EntireRevision, Some([_, (_, end)])) => {
                Some(end)
            }
            _ => None,
        })
        .collect();
    let t_end = hash::now_ms();
    drop(plan);
    drop(bytes);
    let timing = Timing {
        read_ms: t_read - t0,
        plan_ms: t_plan - t_plan0,
        hash_ms: t_hash - t_plan,
        hashed_bytes: hashed,
        finish_ms: t_end - t_hash,
        total_ms: t_end - t0,
        worker_ms,
        engine,
    };
    dispatch.dispatch(Action::Done {
        id,
        report: Rc::new(report),
        signed_ends,
        timing,
        folder_crls,
    });
}

#[derive(Properties, PartialEq)]
pub struct VerifyTabProps {
    pub state: UseReducerHandle<VerifyState>,
}

#[component]
pub fn VerifyTab(props: &VerifyTabProps) -> Html {
    let lang = use_lang();
    let state = props.state.clone();
    let on_files = {
        let dispatch = state.dispatcher();
        Callback::from(move |files: Vec<web_sys::File>| {
            let (pdfs, others): (Vec<_>, Vec<_>) = files
                .into_iter()
                .partition(|f| is_pdf_name(&f.name()) || f.type_() == "application/pdf");
            start(dispatch.clone(), pdfs);
            if !others.is_empty() {
                let dispatch = dispatch.clone();
                spawn_local(async move {
                    let (files, problems) = read::read_all(others).await;
                    let changed = !files.is_empty();
                    dispatch.dispatch(Action::Extras(Loaded { files, problems }));
                    if changed {
                        reverify_all(dispatch);
                    }
                });
            }
        })
    };
    let on_clear = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Clear))
    };
    let on_print = Callback::from(|_: MouseEvent| print_as("print-report"));
    let on_trust = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                dispatch.dispatch(Action::TrustUser(i.checked()));
                reverify_all(dispatch.clone());
            }
        })
    };

    // Panels are drawn a page at a time: with 1,000 PDFs dropped, 1,000 panels of
    // ~260 elements each made every update re-lay out a quarter-million nodes (the
    // batch slowed down quadratically); the summary table above lists every document.
    let limit = use_state(|| PANELS_PAGE);
    let on_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(limit.saturating_add(PANELS_PAGE)))
    };
    let hidden = state.docs.len().saturating_sub(*limit);
    let done: Vec<&Rc<DocumentReport>> = state
        .docs
        .iter()
        .filter_map(|d| d.report.as_ref())
        .collect();
    let on_export_all = {
        let reports: Vec<Rc<DocumentReport>> = done.iter().map(|r| Rc::clone(r)).collect();
        Callback::from(move |_: MouseEvent| export_json(&reports, lang))
    };

    html! {
        <>
            <DropZone on_loaded={Callback::noop()} on_files={on_files}
                title={AttrValue::from(t(lang, "ui_verify_drop_title").to_owned())}
                label={AttrValue::from(t(lang, "ui_verify_drop_label").to_owned())}
                accept=".pdf,.cer,.crt,.pem,.p7b,.p7c,.crl"
                hint={AttrValue::from(t(lang, "ui_verify_drop_hint").to_owned())}
                paste={false} />
            if !state.extras.is_empty() || !state.extra_problems.is_empty() {
                <p class="muted extras" data-testid="verify-extras">
                    { fill(lang, "ui_extras_used", &[&state.extras.len().to_string(), &state.extras.join(", ")]) }
                    { for state.extra_problems.iter().map(|p| html! { <span class="warn">{ format!(" {}: {}", p.file, p.message_in(lang)) }</span> }) }
                    { t(lang, "ui_extras_apply") }
                </p>
                <label class="muted trust-user">
                    <input type="checkbox" checked={state.trust_user} onchange={on_trust} data-testid="trust-dropped-roots" />
                    { t(lang, "ui_trust_dropped") }
                </label>
            }
            if !state.docs.is_empty() {
                <section class="results verify-results" aria-label={t(lang, "ui_verify_results")}>
                    <h2 class="visually-hidden no-print">{ t(lang, "ui_verify_results") }</h2>
                    <div class="toolbar no-print">
                        <p class="summary" data-testid="verify-summary">
                            { fill(lang, "ui_documents_count", &[&state.docs.len().to_string()]) }
                            <span class="muted">{ fill(lang, "ui_checked_at", &[&vn_time(clock::now())]) }</span>
                        </p>
                        <div class="actions">
                            <button type="button" class="button" onclick={on_export_all} disabled={done.is_empty()}
                                data-testid="verify-export-json" title={t(lang, "ui_export_json_title")}>
                                { t(lang, "ui_export_json") }
                            </button>
                            <button type="button" class="button" onclick={on_print} disabled={done.is_empty()}
                                data-testid="verify-print" title={t(lang, "ui_print_report_title")}>
                                { t(lang, "ui_print_report") }
                            </button>
                            <button type="button" class="button subtle" onclick={on_clear} data-testid="verify-clear">
                                { t(lang, "ui_clear_list") }
                            </button>
                        </div>
                    </div>
                    <div class="print-only report-head">
                        <h2>{ t(lang, "ui_report_heading") }</h2>
                        <p>{ fill(lang, "ui_report_made", &[&vn_time(clock::now())]) }</p>
                    </div>
                    if state.docs.len() > 1 {
                        <VerifySummary docs={state.docs.clone()} />
                    }
                    { for state.docs.iter().take(*limit).map(|d| html! {
                        <DocPanel key={d.id} doc={Rc::clone(d)} dispatch={state.dispatcher()} />
                    }) }
                    if hidden > 0 {
                        <p class="more no-print">
                            <button type="button" class="button" onclick={on_more} data-testid="verify-show-more">
                                { t(lang, "panels_show_more").replace("{n}", &hidden.min(PANELS_PAGE).to_string()).replace("{left}", &hidden.to_string()) }
                            </button>
                        </p>
                    }
                </section>
            }
        </>
    }
}

#[derive(Properties)]
struct DocPanelProps {
    doc: Rc<DocEntry>,
    dispatch: UseReducerDispatcher<VerifyState>,
}

impl PartialEq for DocPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
    }
}

/// One document: its name, a one-line summary, and a panel per signature.
#[component]
fn DocPanel(props: &DocPanelProps) -> Html {
    let lang = use_lang();
    let d = &props.doc;
    let on_remove = {
        let dispatch = props.dispatch.clone();
        let id = d.id;
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Remove(id)))
    };
    let on_json = {
        let report = d.report.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(r) = &report {
                export_json(std::slice::from_ref(r), lang);
            }
        })
    };
    let size_mb = d.size / (1024.0 * 1024.0);
    let (summary_class, summary) = match (&d.stage, &d.report) {
        (Stage::Done, Some(r)) => (summary_tone(r), doc_summary(r, lang)),
        (Stage::Failed(m), _) => ("bad", t(lang, m).to_owned()),
        (Stage::Reading(_), _) => ("busy", t(lang, "ui_stage_reading").to_owned()),
        (Stage::Hashing(_), _) => ("busy", t(lang, "ui_stage_hashing").to_owned()),
        _ => ("busy", t(lang, "ui_stage_waiting").to_owned()),
    };
    let tm = &d.timing;
    html! {
        <article class={classes!("doc-panel", summary_class)} data-testid="document-result"
            data-file={d.name.clone()} data-state={stage_code(&d.stage)}
            data-summary={d.report.as_ref().map(|r| r.summary.code())}
            data-total-ms={format!("{:.1}", tm.total_ms)} data-hash-ms={format!("{:.1}", tm.hash_ms)}
            data-read-ms={format!("{:.1}", tm.read_ms)} data-plan-ms={format!("{:.1}", tm.plan_ms)}
            data-finish-ms={format!("{:.1}", tm.finish_ms)}
            data-worker-ms={tm.worker_ms.map(|ms| format!("{ms:.1}"))}
            data-hashed-bytes={tm.hashed_bytes.to_string()} data-hash-engine={tm.engine.map(Engine::code)}>
            <header class="doc-head">
                <div>
                    <h3 class="doc-name">{ &d.name }</h3>
                    <p class="muted">
                        { format!("{size_mb:.1} MB") }
                        if let Some(r) = &d.report {
                            { fill(lang, "ui_revisions", &[&r.revisions.to_string()]) }
                            { fill(lang, "ui_signatures_count", &[&r.signatures.len().to_string()]) }
                        }
                    </p>
                </div>
                <div class="actions no-print">
                    if let Some(r) = &d.report {
                        <RecordButtons report={Rc::clone(r)} file={d.file.clone()} />
                        <button type="button" class="button" onclick={on_json} data-testid="doc-export-json">{ t(lang, "ui_export_json") }</button>
                    }
                    <button type="button" class="button subtle" onclick={on_remove}>{ t(lang, "ui_remove_from_list") }</button>
                </div>
            </header>
            <p class={classes!("doc-summary", summary_class)} data-testid="doc-summary">
                <span class="icon" aria-hidden="true">{ tone_icon(summary_class) }</span>{ " " }{ summary }
            </p>
            { progress(&d.stage, lang) }
            if let Some(r) = &d.report {
                if let Some(code) = r.encryption {
                    <p class={if code == "encryption_decrypted" { "muted" } else { "warn" }}
                        data-testid="doc-encryption" data-encryption={code}>
                        { t(lang, code) }
                    </p>
                }
                if !r.input_problems.is_empty() {
                    <p class="warn">{ fill(lang, "ui_extra_unreadable", &[&r.input_problems.iter().map(|c| t(lang, c)).collect::<Vec<_>>().join("; ")]) }</p>
                }
                <FolderCrls crls={d.folder_crls.clone()} at={r.at} />
                { for r.signatures.iter().enumerate().map(|(i, _)| html! {
                    <SignaturePanel report={Rc::clone(r)} index={i}
                        file={d.file.clone()} signed_end={d.signed_ends.get(i).copied().flatten()} />
                }) }
            }
        </article>
    }
}

fn stage_code(s: &Stage) -> &'static str {
    match s {
        Stage::Waiting => "waiting",
        Stage::Reading(_) => "reading",
        Stage::Hashing(_) => "hashing",
        Stage::Done => "done",
        Stage::Failed(_) => "failed",
    }
}

/// The progress bar while reading and hashing (a native `<progress>`: no inline
/// style is needed, which the page's CSP forbids).
fn progress(s: &Stage, lang: Lang) -> Html {
    let (code, f) = match s {
        Stage::Reading(f) => ("ui_progress_reading", *f),
        Stage::Hashing(f) => ("ui_progress_hashing", *f),
        Stage::Waiting => ("ui_progress_waiting", 0.0),
        _ => return Html::default(),
    };
    let label = t(lang, code);
    let pct = (f.clamp(0.0, 1.0) * 100.0).round();
    html! {
        <div class="progress no-print" role="status">
            <progress max="100" value={format!("{pct}")} data-testid="verify-progress" aria-label={label}></progress>
            <span class="muted">{ format!(" {label}: {pct}%") }</span>
        </div>
    }
}

fn summary_tone(r: &DocumentReport) -> &'static str {
    crate::record::summary::tone(r.summary)
}

fn tone_icon(tone: &str) -> &'static str {
    match tone {
        "ok" => "✔",
        "unsure" => "?",
        "busy" => "…",
        _ => "✖",
    }
}

/// "Tất cả chữ ký hợp lệ; … · 2 chữ ký: 1 hợp lệ, 1 chưa đủ căn cứ".
pub fn doc_summary(r: &DocumentReport, lang: Lang) -> String {
    if let Some(e) = r.error {
        return format!("{}: {}", t(lang, "pdf_error"), words(e, lang));
    }
    let mut s = crate::i18n::summary_text(lang, r.summary).to_owned();
    if !r.signatures.is_empty() {
        let count = |i: Indication| r.signatures.iter().filter(|x| x.indication == i).count();
        let mut parts = Vec::new();
        for (i, w) in [
            (Indication::TotalPassed, "ui_count_valid"),
            (Indication::TotalFailed, "ui_count_invalid"),
            (Indication::Indeterminate, "ui_count_indeterminate"),
        ] {
            let n = count(i);
            if n > 0 {
                parts.push(format!("{n} {}", t(lang, w)));
            }
        }
        s.push_str(&fill(
            lang,
            "ui_doc_signatures",
            &[&r.signatures.len().to_string(), &parts.join(", ")],
        ));
    }
    s
}

#[derive(Properties, Clone)]
pub struct SignaturePanelProps {
    pub report: Rc<DocumentReport>,
    pub index: usize,
    /// The dropped file, to offer the signed revision from (a slice of the Blob).
    #[prop_or_default]
    pub file: Option<web_sys::File>,
    /// Where the signed revision ends, when the coverage allows the download.
    #[prop_or_default]
    pub signed_end: Option<usize>,
}

impl PartialEq for SignaturePanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && self.index == other.index
            && self.signed_end == other.signed_end
    }
}

/// One signature's verdict and the evidence behind it.
#[component]
pub fn SignaturePanel(props: &SignaturePanelProps) -> Html {
    let lang = use_lang();
    let Some(s) = props.report.signatures.get(props.index) else {
        return Html::default();
    };
    // The colour follows the headline, not the bare indication: an intact
    // signature on the government chain whose revocation is unknown is amber, and
    // red is kept for what is broken, revoked or modified.
    let tone = s.headline.tone();
    let headline = t(lang, s.headline.code()).to_owned();
    let whose = s.signer.as_ref().map(|f| f.display_name().to_string());
    let verdict = t(
        lang,
        &format!("verdict_{}", s.indication.code().to_ascii_lowercase()),
    )
    .to_owned();
    let sub = s.sub_indication.map(|x| {
        (
            x.code(),
            t(lang, &format!("sub_{}", x.code().to_ascii_lowercase())).to_owned(),
        )
    });
    let kind = t(
        lang,
        if s.kind == crate::verify::SignatureKind::DocumentTimestamp {
            "ui_kind_timestamp"
        } else {
            "ui_kind_signature"
        },
    );
    let on_download = {
        let file = props.file.clone();
        let end = props.signed_end;
        let name = signed_name(&props.report.file, props.index);
        Callback::from(move |_: MouseEvent| {
            if let (Some(file), Some(end)) = (&file, end)
                && let Ok(blob) = file.slice_with_f64_and_f64(0.0, end as f64)
                && let Err(e) = download::save_blob(&name, &blob)
            {
                web_sys::console::error_2(&"kyso: download failed".into(), &e);
            }
        })
    };
    html! {
        <section class={classes!("signature-result", tone)} data-testid="signature-result"
            data-indication={s.indication.code()} data-sub-indication={s.sub_indication.map(|x| x.code())}
            data-modified={s.modified_after.to_string()} data-coverage={s.coverage.code()}
            data-field={s.field.clone()}>
            <header class="sig-head">
                <span class={classes!("verdict-icon", tone)} aria-hidden="true">{ tone_icon(tone) }</span>
                <div>
                    <p class="headline" data-testid="headline" data-headline={s.headline.code()}>
                        <strong>{ headline }</strong>
                        if let Some(w) = &whose {
                            { fill(lang, "ui_kind_of", &[kind, w]) }
                        }
                    </p>
                    <p class="verdict" data-testid="verdict">
                        { verdict }
                        { format!(" — {kind} “{}”", s.field) }
                    </p>
                    if let Some((code, text)) = &sub {
                        <p class="sub-indication">{ text.clone() }<span class="muted code">{ format!(" ({code})") }</span></p>
                    }
                    if !s.reachable {
                        <p class={classes!("modified", "bad")} data-testid="removed-note">
                            { match s.removed_in_revision {
                                Some(r) => fill(lang, "ui_removed_in", &[&r.to_string()]),
                                None => t(lang, "ui_removed").to_string(),
                            } }
                        </p>
                    }
                    if s.modified_after && has_disallowed(s) {
                        <p class={classes!("modified", "bad")} data-testid="modified-note">
                            { t(lang, "ui_modified_note") }
                        </p>
                    }
                    if !s.signed_after.is_empty() {
                        <p class="signed-after" data-testid="signed-after">
                            { format!("{}: ", t(lang, "signed_after_by")) }
                            { s.signed_after.iter().map(|l| fill(lang, "ui_signed_after_item",
                                &[l.signer.as_deref().unwrap_or(&l.field), &l.field, &l.revision.to_string()]))
                                .collect::<Vec<_>>().join("; ") }
                        </p>
                    }
                </div>
            </header>
            <dl class="facts">
                <dt>{ t(lang, "ui_signer") }</dt>
                <dd>{ signer(s, lang) }</dd>
                <dt>{ t(lang, "ui_signing_time") }</dt>
                <dd>{ times(s, lang) }</dd>
                <dt>{ t(lang, "ui_chain") }</dt>
                <dd>
                    { match &s.chain {
                        Some(c) => chain_view(c, lang),
                        None => html! { <span class="muted">{ t(lang, "ui_no_chain") }</span> },
                    } }
                </dd>
                <dt>{ t(lang, "ui_revocation") }</dt>
                <dd>{ revocation(s.revocation.as_ref(), lang) }</dd>
                <dt>{ t(lang, "ui_coverage") }</dt>
                <dd data-testid="coverage">
                    { i18n::coverage_grade(lang, s.coverage) }
                    if let Some(p) = s.coverage_problem {
                        <span class="warn">{ format!(" — {}", i18n::coverage_problem(lang, p)) }</span>
                    }
                    if props.signed_end.is_some() && props.file.is_some() {
                        { " " }
                        <button type="button" class="button small no-print" onclick={on_download} data-testid="download-signed">
                            { t(lang, "ui_download_signed") }
                        </button>
                    }
                </dd>
                if let Some(c) = s.certification {
                    <dt>{ t(lang, "ui_certification") }</dt>
                    <dd>{ words(&format!("mdp_{c}"), lang) }</dd>
                }
                <dt>{ t(lang, "ui_changes_after") }</dt>
                <dd>{ changes(s, lang) }</dd>
                if let Some(r) = &s.reason {
                    <dt>{ t(lang, "ui_reason") }</dt>
                    <dd>{ r }</dd>
                }
                if let Some(l) = &s.location {
                    <dt>{ t(lang, "ui_location") }</dt>
                    <dd>{ l }</dd>
                }
                <dt>{ t(lang, "ui_technique") }</dt>
                <dd class="muted">
                    { format!("{} · {} · {}",
                        s.sub_filter.clone().unwrap_or_else(|| "—".into()),
                        s.signature_algorithm.unwrap_or("—"),
                        s.digest_algorithm.map(|a| a.name()).unwrap_or("—")) }
                </dd>
            </dl>
            <details class="checks" open={s.indication != Indication::TotalPassed}>
                <summary>{ fill(lang, "ui_checks", &[&s.checks.len().to_string()]) }</summary>
                <ul class="check-list">
                    { for s.checks.iter().map(|c| html! {
                        <li class={classes!("check", c.status.code())} data-testid="check" data-check={c.id.code()} data-status={c.status.code()}>
                            <span class={classes!("check-status", c.status.code())}>{ t(lang, check_status_code(c.status)) }</span>
                            <strong>{ crate::i18n::check_title(lang, c.id) }</strong>
                            { ": " }{ i18n::check_detail(lang, &c.detail) }
                        </li>
                    }) }
                </ul>
            </details>
        </section>
    }
}

fn has_disallowed(s: &SignatureReport) -> bool {
    s.changes_after.iter().any(|c| !c.allowed)
}

fn signer(s: &SignatureReport, lang: Lang) -> Html {
    let Some(f) = &s.signer else {
        return html! { <span class="warn">{ i18n::check_detail(lang, &CheckDetail::SignerCertificateNotFound) }</span> };
    };
    let name = f.display_name().to_string();
    let org = f.org_line();
    let issuer = f.issuer_name().to_string();
    html! {
        <div class="signer" data-testid="signer" data-serial={f.serial_hex.clone()}>
            <strong>{ name }</strong>
            if !org.is_empty() {
                <span class="muted">{ format!(" — {}", org.join(" · ")) }</span>
            }
            <div>
                { t(lang, "ui_signer_serial") }<code class="serial">{ &f.serial_hex }</code>
                <CopyButton text={f.serial_hex.clone()} what={t(lang, "ui_serial_what")} />
            </div>
            if !f.identifiers.is_empty() {
                <div>{ f.identifiers.iter().map(|i| format!("{}: {}", i.kind, i.value)).collect::<Vec<_>>().join(" · ") }</div>
            }
            <div title={f.issuer_dn.clone()}>{ fill(lang, "ui_signer_issuer", &[&issuer]) }</div>
            <div>
                { fill(lang, "ui_signer_validity", &[&vn_time(f.not_before), &vn_time(f.not_after)]) }
                <span class={classes!("days", status_code(f.status))}>
                    { fill(lang, "ui_at_validation", &[&t(lang, status_code(f.status)).to_lowercase()]) }
                </span>
            </div>
        </div>
    }
}

fn times(s: &SignatureReport, lang: Lang) -> Html {
    let st = &s.signing_time;
    let used = t(
        lang,
        match st.used {
            "proven" => "ui_time_used_proven",
            "claimed" => "ui_time_used_claimed",
            _ => "ui_time_used_none",
        },
    );
    html! {
        <div class="times" data-testid="signing-time" data-used={st.used}>
            <div>
                { t(lang, "ui_time_claimed") }
                { st.claimed.map(vn_time).unwrap_or_else(|| t(lang, "ui_time_none").into()) }
                if let Some(src) = st.claimed_source {
                    <span class="muted">{ format!(" ({})", words(&format!("time_source_{src}"), lang)) }</span>
                }
            </div>
            <div>
                { t(lang, "ui_time_proven") }
                { st.proven.map(vn_time).unwrap_or_else(|| t(lang, "ui_time_no_timestamp").into()) }
                if let Some(src) = st.proven_source {
                    <span class="muted">{ format!(" ({})", words(&format!("time_source_{src}"), lang)) }</span>
                }
            </div>
            <div class="muted">{ used }{ format!(" ({})", vn_time(st.used_time)) }</div>
        </div>
    }
}

fn revocation(r: Option<&RevStatus>, lang: Lang) -> Html {
    match r {
        Some(RevStatus::Good {
            source,
            issued,
            fresh,
            ..
        }) => html! {
            <span class="ok-text">
                { fill(lang, "ui_rev_good", &[&words(&format!("rev_source_{source}"), lang), &vn_time(*issued),
                    if *fresh { "" } else { t(lang, "ui_rev_not_fresh") }]) }
            </span>
        },
        Some(RevStatus::Revoked { at, source, .. }) => html! {
            <span class="bad-text">{ fill(lang, "ui_rev_revoked", &[&vn_time(*at), &words(&format!("rev_source_{source}"), lang)]) }</span>
        },
        Some(RevStatus::Stale { source, issued, .. }) => html! {
            <span class="warn">
                { fill(lang, "ui_rev_stale", &[&words(&format!("rev_source_{source}"), lang), &vn_time(*issued)]) }
            </span>
        },
        Some(RevStatus::AfterExpiry { .. }) => html! {
            <span class="warn">{ i18n::check_detail(lang, &CheckDetail::RevocationSilentAfterExpiry) }</span>
        },
        Some(RevStatus::NotChecked) | None => html! {
            <span class="warn" data-testid="revocation-warning">
                { t(lang, "ui_rev_not_checked") }
            </span>
        },
    }
}

fn changes(s: &SignatureReport, lang: Lang) -> Html {
    // No "modifications" check means the analysis never ran (coverage unclear, CMS
    // unreadable): say so rather than "no change".
    if !s
        .checks
        .iter()
        .any(|c| c.id == crate::verify::CheckId::Modifications)
    {
        return html! {
            <span class="muted" data-testid="changes-not-analysed">
                { capitalise(&words("changes_not_analysed", lang)) }
            </span>
        };
    }
    if s.changes_after.is_empty() {
        return html! { { t(lang, if s.modified_after { "ui_saved_after" } else { "ui_no_change" }) } };
    }
    let comments: Vec<&ChangeEntry> = s
        .changes_after
        .iter()
        .filter(|c| c.comment.is_some())
        .collect();
    let not_allowed = s.changes_after.iter().filter(|c| !c.allowed).count();
    html! {
        <>
        if not_allowed == 0 {
            <p data-testid="changes-summary">
                { if s.signed_after.is_empty() {
                    t(lang, "ui_only_allowed").to_string()
                } else {
                    fill(lang, "ui_only_allowed_signed", &[&s.signed_after.len().to_string()])
                } }
            </p>
        }
        if !comments.is_empty() {
            <ul class="comments" data-testid="comments">
                { for comments.iter().filter_map(|c| c.comment.as_ref().map(|m| (c, m))).map(|(c, m)| html! {
                    <li class="comment-added">
                        <strong>{ t(lang, "ui_comment_added") }</strong>
                        { format!("{}{}", m.subtype, c.page.map(|p| fill(lang, "ui_page_n", &[&p.saturating_add(1).to_string()])).unwrap_or_default()) }
                        if !m.text.is_empty() {
                            { format!(" — “{}”", m.text) }
                        }
                    </li>
                }) }
            </ul>
        }
        <details class="change-details" open={not_allowed > 0}>
        <summary>{ fill(lang, "ui_change_details", &[&s.changes_after.len().to_string()]) }</summary>
        <ul class="changes" data-testid="changes">
            { for s.changes_after.iter().map(|c| html! {
                <li class={if c.allowed { "allowed" } else { "not-allowed" }} data-allowed={c.allowed.to_string()}>
                    <strong>{ t(lang, if c.allowed { "ui_allowed" } else { "ui_not_allowed" }) }</strong>
                    { words(&format!("change_{}", c.what), lang) }
                    { format!(" ({})", words(&format!("action_{}", c.action), lang)) }
                    if let Some(p) = c.page {
                        // Pages count from 0 in the report.
                        { fill(lang, "ui_page_n", &[&p.saturating_add(1).to_string()]) }
                    }
                    // Revisions count from 0 (the first version of the file).
                    { fill(lang, "ui_update_n", &[&c.revision.to_string()]) }
                    <span class="muted">{ format!(" — {}", words(&format!("rule_{}", c.rule), lang)) }</span>
                </li>
            }) }
        </ul>
        </details>
        </>
    }
}

/// The words of a check's status start with an icon: the verdict never rests on the
/// colour alone.
fn check_status_code(s: CheckStatus) -> &'static str {
    match s {
        CheckStatus::Passed => "ui_check_passed",
        CheckStatus::Failed => "ui_check_failed",
        CheckStatus::Warning => "ui_check_warning",
        CheckStatus::NotChecked => "ui_check_not_checked",
    }
}

/// Words for a code, from `i18n` (one table for the page, the CLI and the reports);
/// the code itself, spaced, when a new code has no words yet.
/// The sentence with its first letter in upper case (texts are written to follow a
/// label, in lower case).
fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub fn words(code: &str, lang: Lang) -> String {
    let w = t(lang, code);
    if w != code {
        return w.to_owned();
    }
    code.replace('_', " ")
}

fn signed_name(file: &str, index: usize) -> String {
    let stem = file
        .strip_suffix(".pdf")
        .or_else(|| file.strip_suffix(".PDF"))
        .unwrap_or(file);
    format!("{stem}-ban-da-ky-{}.pdf", index + 1)
}

/// Downloads the reports as JSON (`verify::to_json`, with the page language's words).
fn export_json(reports: &[Rc<DocumentReport>], lang: Lang) {
    let documents: Vec<serde_json::Value> = reports
        .iter()
        .map(|r| crate::render::verify_json(r, lang))
        .collect();
    let value = serde_json::json!({ "documents": documents });
    let Ok(json) = serde_json::to_vec_pretty(&value) else {
        return;
    };
    let (y, m, d, ..) = clock::now().to_civil();
    let name = format!("kyso-kiem-tra-chu-ky-{y:04}{m:02}{d:02}.json");
    if let Err(e) = download::save(&name, download::JSON, &json) {
        web_sys::console::error_2(&"kyso: download failed".into(), &e);
    }
}

/// Prints only one part of the page: `class` on `<body>` selects it in the print CSS.
pub fn print_as(class: &str) {
    let body = gloo::utils::body();
    let list = body.class_list();
    let _ = list.add_1(class);
    let _ = gloo::utils::window().print();
    let _ = list.remove_1(class);
}
