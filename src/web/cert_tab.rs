//! The "Chứng thư số" tab: the drop zone and the list of certificates.

use std::rc::Rc;

use yew::prelude::*;

use super::builtin_list::BuiltinList;
use super::cert_card::{CertCard, vn_time};
use super::dropzone::{DropZone, Loaded};
use super::lang::{fill, t, use_lang};
use super::read::ReadProblem;
use super::trust_folder::{self, FolderCrl, FolderCrls};
use super::{clock, download};
use crate::cert::Cert;
use crate::i18n::{self, Lang};
use crate::input::InputFile;
use crate::report::{self, CertEntry, CertOptions, CertReport};

/// Everything the certificate tab holds: the files given so far and what they say.
#[derive(Default)]
pub struct Session {
    files: Vec<InputFile>,
    problems: Vec<ReadProblem>,
    /// The deployer's CA certificates: `trust/bundle.pem` and the trust folder's.
    bundle: Vec<InputFile>,
    /// The trust folder's CRLs fetched for the certificates given.
    folder_crls: Vec<FolderCrl>,
    report: Option<Rc<CertReport>>,
    cards: Vec<Rc<CertEntry>>,
}

pub enum Action {
    /// Files were dropped, picked or pasted.
    Add(Loaded),
    /// A CA file of the deployer arrived (the bundle, a trust-folder CA).
    Bundle(InputFile),
    /// The trust folder's CRLs for the certificates given arrived.
    FolderCrls(Vec<FolderCrl>),
    /// "Xóa danh sách".
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
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut files = self.files.clone();
        let mut problems = self.problems.clone();
        let mut bundle = self.bundle.clone();
        let mut folder_crls = self.folder_crls.clone();
        match action {
            Action::Add(loaded) => {
                for f in loaded.files {
                    // The same file dropped twice is listed once.
                    if !files.iter().any(|g| g.name == f.name && g.bytes == f.bytes) {
                        files.push(f);
                    }
                }
                problems.extend(loaded.problems);
            }
            Action::Bundle(b) => bundle.push(b),
            Action::FolderCrls(crls) => {
                for c in crls {
                    if !folder_crls.iter().any(|f| f.entry.file == c.entry.file) {
                        folder_crls.push(c);
                    }
                }
            }
            Action::Clear => {
                files.clear();
                problems.clear();
                folder_crls.clear();
            }
        }
        Rc::new(Session::computed(files, problems, bundle, folder_crls))
    }
}

impl Session {
    fn computed(
        files: Vec<InputFile>,
        problems: Vec<ReadProblem>,
        bundle: Vec<InputFile>,
        folder_crls: Vec<FolderCrl>,
    ) -> Self {
        let report = if files.is_empty() && problems.is_empty() {
            None
        } else {
            let mut opts = CertOptions::at(clock::now());
            opts.extra_certs.extend(bundle.iter().cloned());
            opts.crls
                .extend(folder_crls.iter().filter_map(|c| c.file.clone().ok()));
            Some(Rc::new(report::read_certificates(&files, &opts)))
        };
        let cards = report
            .as_ref()
            .map(|r| r.certificates.iter().cloned().map(Rc::new).collect())
            .unwrap_or_default();
        Session {
            files,
            problems,
            bundle,
            folder_crls,
            report,
            cards,
        }
    }
}

/// Fetches the trust folder's CRLs the certificates in `files` need (when the page
/// has a folder) and hands them to the session, which validates again.
fn fetch_folder_crls(session: UseReducerDispatcher<Session>, files: &[InputFile]) {
    let Some(folder) = trust_folder::current() else {
        return;
    };
    let certs = Cert::all_in(files);
    if certs.is_empty() {
        return;
    }
    let mut pool = certs.clone();
    pool.extend(crate::trust::builtin::certs().iter().cloned());
    pool.extend(Cert::all_in(&folder.cas));
    yew::platform::spawn_local(async move {
        let crls = trust_folder::crls_for(&certs, &pool).await;
        if !crls.is_empty() {
            session.dispatch(Action::FolderCrls(crls));
        }
    });
}

/// Cards drawn at once. A merged agency's folder holds hundreds of certificates:
/// every one is read, validated and counted at once, but drawing a thousand cards
/// would freeze the tab for seconds, so they are shown a page at a time (the filter
/// searches all of them).
const PAGE: usize = 60;

#[derive(Properties, PartialEq)]
pub struct CertTabProps {
    /// The tab's state (kept by the page so that it survives a change of tab).
    pub session: UseReducerHandle<Session>,
    /// PDF files dropped here: the page opens them in the verify tab.
    pub on_pdfs: Callback<Vec<web_sys::File>>,
}

#[component]
pub fn CertTab(props: &CertTabProps) -> Html {
    let lang = use_lang();
    let session = props.session.clone();
    let filter = use_state(String::new);
    let limit = use_state(|| PAGE);

    let on_loaded = {
        let session = session.dispatcher();
        Callback::from(move |loaded: Loaded| {
            fetch_folder_crls(session.clone(), &loaded.files);
            session.dispatch(Action::Add(loaded));
        })
    };
    let on_clear = {
        let session = session.dispatcher();
        let filter = filter.clone();
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| {
            filter.set(String::new());
            limit.set(PAGE);
            session.dispatch(Action::Clear);
        })
    };
    let on_export = {
        let report = session.report.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(report) = &report {
                export_json(report);
            }
        })
    };
    let on_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(limit.saturating_add(PAGE)))
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                filter.set(input.value());
            }
        })
    };

    let needle = filter.trim().to_lowercase();
    let shown: Vec<&Rc<CertEntry>> = session
        .cards
        .iter()
        .filter(|c| needle.is_empty() || matches_filter(c, &needle))
        .collect();
    let matching = shown.len();
    let hidden = matching.saturating_sub(*limit);

    html! {
        <>
                <DropZone {on_loaded} on_pdfs={props.on_pdfs.clone()}
                    hint={AttrValue::from(t(lang, "ui_cert_drop_hint").to_owned())} />
                <BuiltinList />
                if let Some(report) = &session.report {
                    <section class="results" aria-label={t(lang, "ui_results")}>
                        <h2 class="visually-hidden">{ t(lang, "ui_results") }</h2>
                        <div class="toolbar">
                            <p class="summary" data-testid="summary" data-total={session.cards.len().to_string()}>
                                { summary(report, session.problems.len(), lang) }
                                <span class="muted">
                                    { fill(lang, "ui_checked_at", &[&vn_time(report.at)]) }
                                </span>
                            </p>
                            <div class="actions">
                                if session.cards.len() > 3 {
                                    <input type="search" class="filter" placeholder={t(lang, "ui_filter_placeholder")}
                                        aria-label={t(lang, "ui_filter_label")} value={(*filter).clone()} oninput={on_filter}
                                        data-testid="filter" />
                                }
                                <button type="button" class="button" onclick={on_export} data-testid="export-json"
                                    title={t(lang, "ui_export_json_title")}>
                                    { t(lang, "ui_export_json") }
                                </button>
                                <button type="button" class="button subtle" onclick={on_clear} data-testid="clear">
                                    { t(lang, "ui_clear_list") }
                                </button>
                            </div>
                        </div>
                        { errors(report, &session.problems, lang) }
                        <FolderCrls crls={session.folder_crls.clone()} at={report.at} />
                        if !needle.is_empty() {
                            <p class="muted">{ fill(lang, "ui_showing", &[&shown.len().to_string(), &session.cards.len().to_string()]) }</p>
                        }
                        <div class="cards">
                            { for shown.into_iter().take(*limit).map(|c| html! {
                                <CertCard key={format!("{}#{}#{}", c.file, c.index, c.facts.sha256)} entry={Rc::clone(c)} />
                            }) }
                        </div>
                        if hidden > 0 {
                            <p class="more">
                                <button type="button" class="button" onclick={on_more} data-testid="show-more">
                                    { fill(lang, "ui_show_more", &[&hidden.min(PAGE).to_string(), &hidden.to_string()]) }
                                </button>
                                <span class="muted">{ t(lang, "ui_show_more_hint") }</span>
                            </p>
                        }
                    </section>
                }
        </>
    }
}

/// "3 chứng thư trong 2 tệp · 1 tệp lỗi".
fn summary(report: &CertReport, read_problems: usize, lang: Lang) -> String {
    let mut files: Vec<&str> = report
        .certificates
        .iter()
        .map(|c| c.file.as_str())
        .collect();
    files.sort_unstable();
    files.dedup();
    let mut text = fill(
        lang,
        "ui_cert_summary",
        &[
            &report.certificates.len().to_string(),
            &files.len().to_string(),
        ],
    );
    let bad = report.errors.len() + read_problems;
    if bad > 0 {
        text.push_str(&fill(lang, "ui_errors_count", &[&bad.to_string()]));
    }
    if report.crl_count > 0 {
        text.push_str(&fill(
            lang,
            "ui_crl_count",
            &[&report.crl_count.to_string()],
        ));
    }
    text
}

/// The list of files (or parts) that could not be read, each with its reason.
fn errors(report: &CertReport, problems: &[ReadProblem], lang: Lang) -> Html {
    if report.errors.is_empty() && problems.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="file-errors" aria-label={t(lang, "ui_unreadable_files")}>
            { for problems.iter().map(|p| html! {
                <li data-testid="file-error" data-file={p.file.clone()}>
                    <strong>{ &p.file }</strong>{ ": " }{ p.message_in(lang) }
                </li>
            }) }
            { for report.errors.iter().map(|e| {
                let part = e.index.map(|i| fill(lang, "ui_item_number", &[&(i + 1).to_string()])).unwrap_or_default();
                html! {
                    <li data-testid="file-error" data-file={e.file.clone()} data-code={e.code()}>
                        <strong>{ format!("{}{part}", e.file) }</strong>{ ": " }
                        { i18n::input_error(lang, &e.error) }
                        if e.code() == "looks_like_pdf" {
                            { " " }<a href="#kiem-tra">{ t(lang, "ui_pdf_go_verify") }</a>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

/// Whether a card mentions the (lower-case) filter text.
fn matches_filter(c: &CertEntry, needle: &str) -> bool {
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

/// Downloads the whole report as JSON, as the CLI's `--json` prints it.
fn export_json(report: &CertReport) {
    let Ok(json) = serde_json::to_vec_pretty(report) else {
        return;
    };
    let (y, m, d, ..) = report.at.to_civil();
    let name = format!("kyso-chung-thu-{y:04}{m:02}{d:02}.json");
    if let Err(e) = download::save(&name, download::JSON, &json) {
        web_sys::console::error_2(&"kyso: download failed".into(), &e);
    }
}
