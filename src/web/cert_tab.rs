//! The "Chứng thư số" tab: the drop zone and the list of certificates.

use std::rc::Rc;

use yew::prelude::*;

use super::builtin_list::BuiltinList;
use super::cert_card::{CertCard, vn_time};
use super::dropzone::{DropZone, Loaded};
use super::read::ReadProblem;
use super::{clock, download};
use crate::i18n::{self, Lang};
use crate::input::InputFile;
use crate::report::{self, CertEntry, CertOptions, CertReport};

/// Everything the certificate tab holds: the files given so far and what they say.
#[derive(Default)]
pub struct Session {
    files: Vec<InputFile>,
    problems: Vec<ReadProblem>,
    bundle: Option<InputFile>,
    report: Option<Rc<CertReport>>,
    cards: Vec<Rc<CertEntry>>,
}

pub enum Action {
    /// Files were dropped, picked or pasted.
    Add(Loaded),
    /// The deployer's trust bundle arrived.
    Bundle(InputFile),
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
    /// The deployer's trust bundle, when the page found one.
    pub fn bundle(&self) -> Option<&InputFile> {
        self.bundle.as_ref()
    }
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut files = self.files.clone();
        let mut problems = self.problems.clone();
        let mut bundle = self.bundle.clone();
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
            Action::Bundle(b) => bundle = Some(b),
            Action::Clear => {
                files.clear();
                problems.clear();
            }
        }
        Rc::new(Session::computed(files, problems, bundle))
    }
}

impl Session {
    fn computed(
        files: Vec<InputFile>,
        problems: Vec<ReadProblem>,
        bundle: Option<InputFile>,
    ) -> Self {
        let report = if files.is_empty() && problems.is_empty() {
            None
        } else {
            let mut opts = CertOptions::at(clock::now());
            opts.extra_certs.extend(bundle.iter().cloned());
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
            report,
            cards,
        }
    }
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
        Callback::from(move |loaded: Loaded| session.dispatch(Action::Add(loaded)))
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
