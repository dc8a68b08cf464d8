//! The "Chứng thư số" tab: the drop zone and the list of certificates.

use std::rc::Rc;

use yew::prelude::*;

use super::builtin_list::BuiltinList;
use super::cert_card::{CertCard, vn_time};
use super::dropzone::{DropZone, Loaded};
use super::read::ReadProblem;
use super::trust_folder::{self, FolderCrl, FolderCrls};
use super::{clock, download};
use crate::cert::Cert;
use crate::i18n::{self, Lang};
use crate::report::{self, CertEntry, CertOptions, CertReport, InputFile};

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
    let certs: Vec<Cert> = files
        .iter()
        .filter_map(|f| crate::input::decode(&f.bytes).ok())
        .flat_map(|d| d.certs)
        .filter_map(|c| Cert::from_der(&c).ok())
        .collect();
    if certs.is_empty() {
        return;
    }
    let mut pool = certs.clone();
    pool.extend(crate::trust::builtin::certs().iter().cloned());
    pool.extend(
        folder
            .cas
            .iter()
            .filter_map(|f| crate::input::decode(&f.bytes).ok())
            .flat_map(|d| d.certs)
            .filter_map(|c| Cert::from_der(&c).ok()),
    );
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
                    hint="Nhận tệp .cer, .crt, .pem, .p7b, .p7c (dạng nhị phân DER hoặc văn bản PEM); chọn được nhiều tệp cùng lúc. Tệp PDF có chữ ký sẽ được mở ở thẻ “Kiểm tra chữ ký PDF”. Tệp chỉ được đọc trên máy này, không gửi đi đâu." />
                <BuiltinList />
                if let Some(report) = &session.report {
                    <section class="results" aria-label="Kết quả">
                        <div class="toolbar">
                            <p class="summary" data-testid="summary" data-total={session.cards.len().to_string()}>
                                { summary(report, session.problems.len()) }
                                <span class="muted">
                                    { format!(" · thời điểm kiểm tra {} (giờ Việt Nam)", vn_time(report.at)) }
                                </span>
                            </p>
                            <div class="actions">
                                if session.cards.len() > 3 {
                                    <input type="search" class="filter" placeholder="Lọc theo tên, số hiệu, MST…"
                                        aria-label="Lọc danh sách" value={(*filter).clone()} oninput={on_filter}
                                        data-testid="filter" />
                                }
                                <button type="button" class="button" onclick={on_export} data-testid="export-json"
                                    title="Tải về toàn bộ kết quả dạng JSON">
                                    { "Xuất JSON" }
                                </button>
                                <button type="button" class="button subtle" onclick={on_clear} data-testid="clear">
                                    { "Xóa danh sách" }
                                </button>
                            </div>
                        </div>
                        { errors(report, &session.problems) }
                        <FolderCrls crls={session.folder_crls.clone()} at={report.at} />
                        if !needle.is_empty() {
                            <p class="muted">{ format!("Đang hiển thị {} / {} chứng thư.", shown.len(), session.cards.len()) }</p>
                        }
                        <div class="cards">
                            { for shown.into_iter().take(*limit).map(|c| html! {
                                <CertCard key={format!("{}#{}#{}", c.file, c.index, c.facts.sha256)} entry={Rc::clone(c)} />
                            }) }
                        </div>
                        if hidden > 0 {
                            <p class="more">
                                <button type="button" class="button" onclick={on_more} data-testid="show-more">
                                    { format!("Hiện thêm {} chứng thư (còn {} chưa hiện)", hidden.min(PAGE), hidden) }
                                </button>
                                <span class="muted">{ " Dùng ô lọc để tìm nhanh theo tên, số hiệu hoặc mã số." }</span>
                            </p>
                        }
                    </section>
                }
        </>
    }
}

/// "3 chứng thư trong 2 tệp · 1 tệp lỗi".
fn summary(report: &CertReport, read_problems: usize) -> String {
    let mut files: Vec<&str> = report
        .certificates
        .iter()
        .map(|c| c.file.as_str())
        .collect();
    files.sort_unstable();
    files.dedup();
    let mut text = format!(
        "{} chứng thư trong {} tệp",
        report.certificates.len(),
        files.len()
    );
    let bad = report.errors.len() + read_problems;
    if bad > 0 {
        text.push_str(&format!(" · {bad} lỗi"));
    }
    if report.crl_count > 0 {
        text.push_str(&format!(" · {} danh sách thu hồi (CRL)", report.crl_count));
    }
    text
}

/// The list of files (or parts) that could not be read, each with its reason.
fn errors(report: &CertReport, problems: &[ReadProblem]) -> Html {
    if report.errors.is_empty() && problems.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="file-errors" aria-label="Tệp không đọc được">
            { for problems.iter().map(|p| html! {
                <li data-testid="file-error" data-file={p.file.clone()}>
                    <strong>{ &p.file }</strong>{ ": " }{ p.message() }
                </li>
            }) }
            { for report.errors.iter().map(|e| {
                let part = e.index.map(|i| format!(" (mục thứ {})", i + 1)).unwrap_or_default();
                html! {
                    <li data-testid="file-error" data-file={e.file.clone()} data-code={e.code()}>
                        <strong>{ format!("{}{part}", e.file) }</strong>{ ": " }
                        { i18n::input_error(Lang::Vi, &e.error) }
                        if e.code() == "looks_like_pdf" {
                            { " " }<a href="#kiem-tra">{ "Kiểm tra chữ ký của tệp PDF ở thẻ “Kiểm tra chữ ký PDF”." }</a>
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
