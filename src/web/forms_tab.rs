//! The "Lập văn bản" tab: the nine Decree 68 letters.
//!
//! Pick the form, fill the letterhead once (it is shared by every form), fill
//! section 1, build the table from certificate files, a CSV/XLSX list, a paste from a
//! spreadsheet or by hand, see the problems as you type, preview and print, download
//! DOCX, PDF or a ZIP of several letters. Everything is kept in this browser's local
//! storage (a draft) until "Xóa dữ liệu".

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::dropzone::{DropZone, Loaded};
use super::{clock, download, read, verify_tab};
use crate::forms::check::{self, Problem, Severity};
use crate::forms::model::{Field, PersonField};
use crate::forms::{self, ALL_FORMS, FontSet, FormKind, Letter, Letterhead, Person, Row, doc, pdf};
use crate::i18n::{self, Lang};
use crate::input::InputFile;
use crate::report::{self, CertOptions};
use crate::rules::dates::Date;

const LANG: Lang = Lang::Vi;

/// Where the draft lives in the browser.
pub const STORAGE_KEY: &str = "kyso.van-ban.v1";

/// The tab's state: the shared letterhead and one letter per form.
#[derive(Clone)]
pub struct FormsState {
    pub kind: FormKind,
    pub letterhead: Letterhead,
    /// One per form, in [`ALL_FORMS`] order; their own letterheads are ignored.
    pub letters: Vec<Letter>,
    pub notice: Option<Notice>,
    /// Whether the last save to local storage worked.
    pub stored: bool,
}

impl PartialEq for FormsState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The message after an import, a fill or a failed download.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub ok: bool,
    pub text: String,
}

/// The stored draft: every form's letter and the shared letterhead.
#[derive(serde::Serialize, serde::Deserialize)]
struct Stored {
    version: u32,
    kind: FormKind,
    letterhead: Letterhead,
    letters: Vec<Letter>,
}

impl Default for FormsState {
    fn default() -> Self {
        FormsState {
            kind: FormKind::F04,
            letterhead: Letterhead::default(),
            letters: ALL_FORMS.iter().map(|k| Letter::new(*k)).collect(),
            notice: None,
            stored: true,
        }
    }
}

impl FormsState {
    /// The state kept in local storage, or a fresh one.
    pub fn load() -> Self {
        let mut s = FormsState::default();
        let Some(text) = storage().and_then(|st| st.get_item(STORAGE_KEY).ok().flatten()) else {
            return s;
        };
        let Ok(stored) = serde_json::from_str::<Stored>(&text) else {
            return s;
        };
        s.kind = stored.kind;
        s.letterhead = stored.letterhead;
        for l in stored.letters {
            // Through the draft reader: NFC, the form's own flags.
            if let Ok(l) = Letter::from_json(&l.to_json())
                && let Some(slot) = s.letters.iter_mut().find(|x| x.kind == l.kind)
            {
                *slot = l;
            }
        }
        s
    }

    /// The current letter as it prints (with the shared letterhead).
    pub fn letter(&self) -> Letter {
        self.letter_of(self.kind)
    }

    pub fn letter_of(&self, kind: FormKind) -> Letter {
        let mut l = self
            .letters
            .iter()
            .find(|l| l.kind == kind)
            .cloned()
            .unwrap_or_else(|| Letter::new(kind));
        l.letterhead = self.letterhead.clone();
        l
    }

    fn current_mut(&mut self) -> Option<&mut Letter> {
        let kind = self.kind;
        self.letters.iter_mut().find(|l| l.kind == kind)
    }

    fn save(&mut self) {
        let stored = Stored {
            version: 1,
            kind: self.kind,
            letterhead: self.letterhead.clone(),
            letters: self
                .letters
                .iter()
                .filter(|l| !is_empty_letter(l))
                .cloned()
                .collect(),
        };
        self.stored = match (storage(), serde_json::to_string(&stored)) {
            (Some(st), Ok(json)) => st.set_item(STORAGE_KEY, &json).is_ok(),
            _ => false,
        };
    }
}

fn is_empty_letter(l: &Letter) -> bool {
    l.rows.is_empty() && l.contact == forms::Contact::default()
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// A field of the letterhead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LhField {
    Superior,
    Managing,
    Number,
    Subject,
    Place,
    Date,
    Recipients,
    SignerTitle,
    SignerName,
}

/// Which person of section 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Person,
    Counterpart,
}

pub enum Action {
    Kind(FormKind),
    Letterhead(LhField, String),
    Contact(Who, PersonField, String),
    Address(String),
    Edit(usize, Field, String),
    AddRow,
    RemoveRow(usize),
    MoveRow(usize, bool),
    /// Rows from a list or a paste, with the message to show.
    Append(Vec<Row>, String),
    /// Rows from certificates, with the message to show.
    Fill(Vec<Row>, String),
    /// A draft file: replaces that form's letter (and the letterhead it carries).
    Draft(Box<Letter>, String),
    Notice(Notice),
    ClearAll,
}

impl Reducible for FormsState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.notice = None;
        match action {
            Action::Kind(k) => s.kind = k,
            Action::Letterhead(f, v) => set_letterhead(&mut s.letterhead, f, v),
            Action::Contact(who, f, v) => {
                if let Some(l) = s.current_mut() {
                    let p = match who {
                        Who::Person => &mut l.contact.person,
                        Who::Counterpart => &mut l.contact.counterpart,
                    };
                    set_person(p, f, v);
                }
            }
            Action::Address(v) => {
                if let Some(l) = s.current_mut() {
                    l.contact.address = v;
                }
            }
            Action::Edit(i, f, v) => {
                if let Some(r) = s.current_mut().and_then(|l| l.rows.get_mut(i)) {
                    r.set(f, v);
                }
            }
            Action::AddRow => {
                if let Some(l) = s.current_mut() {
                    l.rows.push(Row::default());
                }
            }
            Action::RemoveRow(i) => {
                if let Some(l) = s.current_mut()
                    && i < l.rows.len()
                {
                    l.rows.remove(i);
                }
            }
            Action::MoveRow(i, up) => {
                if let Some(l) = s.current_mut() {
                    let j = if up {
                        i.checked_sub(1)
                    } else {
                        i.checked_add(1)
                    };
                    if let Some(j) = j
                        && i < l.rows.len()
                        && j < l.rows.len()
                    {
                        l.rows.swap(i, j);
                    }
                }
            }
            Action::Append(rows, text) => {
                if let Some(l) = s.current_mut() {
                    let rows_before = std::mem::take(&mut l.rows);
                    l.rows = forms::merge_rows(rows_before, rows);
                }
                s.notice = Some(Notice { ok: true, text });
            }
            Action::Fill(rows, text) => {
                if let Some(l) = s.current_mut() {
                    add_cert_rows(&mut l.rows, rows);
                }
                s.notice = Some(Notice { ok: true, text });
            }
            Action::Draft(letter, text) => {
                let mut letter = *letter;
                if letter.letterhead != Letterhead::default() {
                    s.letterhead = letter.letterhead.clone();
                }
                letter.letterhead = Letterhead::default();
                s.kind = letter.kind;
                if let Some(slot) = s.letters.iter_mut().find(|l| l.kind == letter.kind) {
                    *slot = letter;
                }
                s.notice = Some(Notice { ok: true, text });
            }
            Action::Notice(n) => s.notice = Some(n),
            Action::ClearAll => {
                let mut fresh = FormsState {
                    kind: s.kind,
                    ..FormsState::default()
                };
                if let Some(st) = storage() {
                    let _ = st.remove_item(STORAGE_KEY);
                }
                fresh.notice = Some(Notice {
                    ok: true,
                    text: "Đã xóa mọi dữ liệu văn bản lưu trong trình duyệt này.".into(),
                });
                return Rc::new(fresh);
            }
        }
        s.save();
        Rc::new(s)
    }
}

/// Certificate rows: new serials are appended; a typed row with the same serial gets
/// the certificate's facts where it is empty (and its source, for the 30-day rule).
fn add_cert_rows(rows: &mut Vec<Row>, new: Vec<Row>) {
    for n in new {
        let key = forms::fill::serial_key(if n.serial.is_empty() {
            &n.old_serial
        } else {
            &n.serial
        });
        let existing = (!key.is_empty())
            .then(|| {
                rows.iter_mut().find(|r| {
                    forms::fill::serial_key(if r.serial.is_empty() {
                        &r.old_serial
                    } else {
                        &r.serial
                    }) == key
                })
            })
            .flatten();
        match existing {
            Some(r) => {
                for f in forms::model::ALL_FIELDS {
                    if !f.is_flag() && r.get(f).trim().is_empty() && !n.get(f).is_empty() {
                        r.set(f, n.get(f).to_string());
                    }
                }
                if r.source.is_none() {
                    r.source = n.source;
                }
            }
            None => rows.push(n),
        }
    }
}

fn set_letterhead(lh: &mut Letterhead, f: LhField, v: String) {
    match f {
        LhField::Superior => lh.superior_body = v,
        LhField::Managing => lh.managing_body = v,
        LhField::Number => lh.number = v,
        LhField::Subject => lh.subject = v,
        LhField::Place => lh.place = v,
        LhField::Date => lh.date = v,
        LhField::Recipients => {
            lh.recipients = v.lines().map(str::to_owned).collect();
        }
        LhField::SignerTitle => lh.signer_title = v,
        LhField::SignerName => lh.signer_name = v,
    }
}

fn get_letterhead(lh: &Letterhead, f: LhField) -> String {
    match f {
        LhField::Superior => lh.superior_body.clone(),
        LhField::Managing => lh.managing_body.clone(),
        LhField::Number => lh.number.clone(),
        LhField::Subject => lh.subject.clone(),
        LhField::Place => lh.place.clone(),
        LhField::Date => lh.date.clone(),
        LhField::Recipients => lh.recipients.join("\n"),
        LhField::SignerTitle => lh.signer_title.clone(),
        LhField::SignerName => lh.signer_name.clone(),
    }
}

fn set_person(p: &mut Person, f: PersonField, v: String) {
    match f {
        PersonField::FullName => p.full_name = v,
        PersonField::IdNumber => p.id_number = v,
        PersonField::IdIssueDate => p.id_issue_date = v,
        PersonField::IdIssuePlace => p.id_issue_place = v,
        PersonField::Title => p.title = v,
        PersonField::Agency => p.agency = v,
        PersonField::Mobile => p.mobile = v,
        PersonField::Email => p.email = v,
    }
}

/// "Mẫu 04 — Gia hạn, thay đổi thông tin" for the picker.
pub fn form_label(k: FormKind) -> String {
    let short = match k {
        FormKind::F01 => "Cấp chứng thư cho cá nhân",
        FormKind::F02 => "Cấp chứng thư cho cơ quan, tổ chức",
        FormKind::F03 => "Cấp chứng thư cho thiết bị, dịch vụ, phần mềm",
        FormKind::F04 => "Gia hạn, thay đổi thông tin",
        FormKind::F05 => "Thu hồi chứng thư",
        FormKind::F06 => "Khôi phục thiết bị lưu khóa",
        FormKind::F07 => "Thông báo bàn giao thiết bị",
        FormKind::F08 => "Biên bản giao nhận thiết bị",
        FormKind::F09 => "Biên bản xác nhận thất lạc",
    };
    let reference = if k.reference_only() {
        " (mẫu tham khảo)"
    } else {
        ""
    };
    format!("Mẫu {} — {short}{reference}", k.number())
}

/// Today in Viet Nam, for the rules.
pub fn today() -> Date {
    Date::in_viet_nam(clock::now())
}

/// What a problem says, where, and the rule's source.
pub fn problem_text(p: &Problem) -> (String, String, &'static str) {
    let place = match (p.row, p.field) {
        (Some(r), Some(f)) => format!("Dòng {r}, {}", field_label(f)),
        (Some(r), None) => format!("Dòng {r}"),
        (None, Some(f)) => field_label(f),
        (None, None) => String::new(),
    };
    let mut what = i18n::text(LANG, p.code()).to_owned();
    if let Some(e) = &p.eligibility {
        what.push_str(&format!(" — {}", i18n::renewal_sentence(LANG, e)));
    }
    if let Some(o) = p.other_row {
        what.push_str(&format!(" (trùng với dòng {o})"));
    }
    (place, what, p.rule.source())
}

fn field_label(key: &str) -> String {
    if let Some(f) = Field::from_key(key) {
        return f.label().to_owned();
    }
    let (head, last) = key.rsplit_once('.').unwrap_or(("", key));
    let person = [
        PersonField::FullName,
        PersonField::IdNumber,
        PersonField::IdIssueDate,
        PersonField::IdIssuePlace,
        PersonField::Title,
        PersonField::Agency,
        PersonField::Mobile,
        PersonField::Email,
    ]
    .into_iter()
    .find(|f| f.key() == last);
    match (head, last, person) {
        ("letterhead", "date", _) => "Ngày của văn bản".into(),
        ("letterhead", other, _) => format!("Phần đầu văn bản ({other})"),
        ("contact.counterpart", _, Some(f)) => format!("Mục 1, bên thứ hai: {}", f.label()),
        (_, "address", _) => "Mục 1: địa chỉ".into(),
        (_, _, Some(f)) => format!("Mục 1: {}", f.label()),
        _ => key.to_owned(),
    }
}

// ---- the fonts for PDF output: fetched once, when the first PDF is made ----

thread_local! {
    static FONTS: RefCell<Option<Rc<FontSet>>> = const { RefCell::new(None) };
}

/// Where the page finds the fonts (same origin; `index.html` copies `static/fonts`).
pub const FONT_DIR: &str = "./fonts/";

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = gloo::utils::window();
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("không tải được {url}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| url.to_owned())?;
    if !response.ok() {
        return Err(format!("không tìm thấy {url} (mã {})", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| url.to_owned())?)
        .await
        .map_err(|_| url.to_owned())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The serif for PDFs, fetched the first time and kept for the page's life.
pub async fn fonts() -> Result<Rc<FontSet>, String> {
    if let Some(f) = FONTS.with(|f| f.borrow().clone()) {
        return Ok(f);
    }
    let mut faces = Vec::with_capacity(4);
    for name in pdf::FONT_FILES {
        faces.push(fetch_bytes(&format!("{FONT_DIR}{name}")).await?);
    }
    let mut it = faces.into_iter();
    let (Some(r), Some(b), Some(i), Some(bi)) = (it.next(), it.next(), it.next(), it.next()) else {
        return Err("thiếu tệp phông chữ".into());
    };
    let set = FontSet::new(r, b, i, bi).map_err(|e| i18n::text(LANG, e.code).to_owned())?;
    let set = Rc::new(set);
    FONTS.with(|f| *f.borrow_mut() = Some(Rc::clone(&set)));
    Ok(set)
}

/// What a download button makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Docx,
    Pdf,
    Zip,
}

/// Makes and saves the file(s). Returns a message when something failed.
async fn make(output: Output, state: Rc<FormsState>) -> Result<String, String> {
    let letter = state.letter();
    match output {
        Output::Docx => {
            let bytes = forms::docx::to_docx(&letter);
            let name = forms::file_name(&letter, "docx");
            download::save(&name, download::DOCX, &bytes)
                .map_err(|_| "Trình duyệt không cho tải tệp.".to_owned())?;
            Ok(format!("Đã tạo {name}."))
        }
        Output::Pdf => {
            let fonts = fonts()
                .await
                .map_err(|e| format!("Không tạo được PDF: {e}."))?;
            let bytes = pdf::to_pdf(&letter, &fonts)
                .map_err(|e| format!("Không tạo được PDF: {}.", i18n::text(LANG, e.code)))?;
            let name = forms::file_name(&letter, "pdf");
            download::save(&name, download::PDF, &bytes)
                .map_err(|_| "Trình duyệt không cho tải tệp.".to_owned())?;
            Ok(format!("Đã tạo {name}."))
        }
        Output::Zip => {
            let fonts = fonts().await.ok();
            let mut files = Vec::new();
            for k in ALL_FORMS {
                let l = state.letter_of(k);
                if l.rows.is_empty() {
                    continue;
                }
                files.push((forms::file_name(&l, "docx"), forms::docx::to_docx(&l)));
                if let Some(f) = &fonts
                    && let Ok(p) = pdf::to_pdf(&l, f)
                {
                    files.push((forms::file_name(&l, "pdf"), p));
                }
            }
            if files.is_empty() {
                return Err("Chưa có văn bản nào có dòng dữ liệu để đóng gói.".into());
            }
            let zip = forms::zip_files(&files);
            let (y, m, d, ..) = clock::now().to_civil();
            let name = format!("kyso-van-ban-{y:04}{m:02}{d:02}.zip");
            download::save(&name, download::ZIP, &zip)
                .map_err(|_| "Trình duyệt không cho tải tệp.".to_owned())?;
            Ok(format!("Đã đóng gói {} tệp vào {name}.", files.len()))
        }
    }
}

/// The print view: the core's HTML, made to fit the page's CSP (no inline `style`
/// attribute: the rules are in kyso.css; the few measured values are set through
/// the CSSOM, which the CSP allows).
fn show_letter(container: &web_sys::Element, html: &str) {
    let clean = html.replace(" style=\"", " data-kyso-style=\"");
    container.set_inner_html(&clean);
    if let Ok(list) = container.query_selector_all("[data-kyso-style]") {
        for i in 0..list.length() {
            let Some(el) = list
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                continue;
            };
            if let Some(css) = el.get_attribute("data-kyso-style") {
                el.style().set_css_text(&css);
            }
        }
    }
}

/// Rows from text pasted from a spreadsheet: with its header row it is read like a
/// CSV file; without, the columns are taken in the form's order (a leading STT
/// column is skipped).
pub fn rows_from_paste(kind: FormKind, text: &str) -> Result<Vec<Row>, String> {
    if let Ok(rows) = forms::import_csv(kind, text.as_bytes()) {
        return Ok(rows);
    }
    let fields: Vec<Field> = kind.fields();
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut cells: Vec<&str> = line.split('\t').collect();
        if cells.len() > fields.len()
            && cells
                .first()
                .is_some_and(|c| c.trim().chars().all(|ch| ch.is_ascii_digit()))
        {
            cells.remove(0);
        }
        if cells.len() > fields.len() {
            return Err(format!(
                "Dòng {} có {} ô, nhiều hơn {} cột của mẫu; hãy dán kèm dòng tiêu đề.",
                n + 1,
                cells.len(),
                fields.len()
            ));
        }
        let mut row = Row::default();
        for (f, c) in fields.iter().zip(cells) {
            let c = c.trim();
            if f.is_flag() {
                row.set(
                    *f,
                    if crate::forms::model::parse_flag(c) {
                        "x".into()
                    } else {
                        String::new()
                    },
                );
            } else {
                row.set(*f, forms::nfc::nfc(c));
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

fn import_error_text(name: &str, e: &forms::ImportError) -> String {
    let mut s = format!("Không nhập được “{name}”: {}", i18n::text(LANG, e.code));
    if let Some(l) = e.line {
        s.push_str(&format!(" (dòng {l}"));
        if let Some(c) = &e.column {
            s.push_str(&format!(", cột {c}"));
        }
        s.push(')');
    } else if let Some(c) = &e.column {
        s.push_str(&format!(" (cột {c})"));
    }
    s.push_str(". Các dòng đã có trong bảng vẫn giữ nguyên.");
    s
}

fn is_list_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".csv") || n.ends_with(".xlsx") || n.ends_with(".tsv")
}

/// A certificate file, or a `.txt` holding pasted PEM text (clerks save the CA's
/// e-mail that way); anything else dropped on the letter is a list of rows.
fn is_cert_name(name: &str) -> bool {
    crate::input::is_certificate_file_name(name) || crate::input::extension_of(name) == "txt"
}

/// Reads dropped files: certificates fill rows, lists are imported, drafts opened.
fn take_loaded(dispatch: &UseReducerDispatcher<FormsState>, kind: FormKind, loaded: Loaded) {
    let mut certs: Vec<InputFile> = Vec::new();
    let mut skipped = 0usize;
    for f in loaded.files {
        let lower = f.name.to_ascii_lowercase();
        if is_list_name(&f.name) {
            match forms::import_rows(kind, &f.name, &f.bytes) {
                Ok(rows) => {
                    let n = rows.len();
                    dispatch.dispatch(Action::Append(
                        rows,
                        format!("Đã nhập {n} dòng từ “{}”.", f.name),
                    ));
                }
                Err(e) => dispatch.dispatch(Action::Notice(Notice {
                    ok: false,
                    text: import_error_text(&f.name, &e),
                })),
            }
        } else if lower.ends_with(".json") {
            open_draft(dispatch, &f.name, &f.bytes);
        } else if is_cert_name(&f.name) {
            certs.push(f);
        } else {
            skipped += 1;
        }
    }
    let mut notes: Vec<String> = loaded
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.file, p.message()))
        .collect();
    if skipped > 0 {
        notes.push(format!(
            "bỏ qua {skipped} tệp không phải chứng thư số hay danh sách"
        ));
    }
    if certs.is_empty() {
        if !notes.is_empty() {
            dispatch.dispatch(Action::Notice(Notice {
                ok: false,
                text: notes.join("; "),
            }));
        }
        return;
    }
    let r = report::read_certificates(&certs, &CertOptions::at(clock::now()));
    let rows = forms::rows_from_certs(kind, &r.certificates);
    let mut text = format!(
        "Đã đọc {} chứng thư số từ {} tệp; thêm {} dòng (chứng thư của CA không được đưa vào bảng).",
        r.certificates.len(),
        certs.len(),
        rows.len()
    );
    for e in &r.errors {
        notes.push(format!("{}: {}", e.file, i18n::input_error(LANG, &e.error)));
    }
    if !notes.is_empty() {
        text.push_str(&format!(" Lưu ý: {}.", notes.join("; ")));
    }
    dispatch.dispatch(Action::Fill(rows, text));
}

fn open_draft(dispatch: &UseReducerDispatcher<FormsState>, name: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    match Letter::from_json(&text) {
        Ok(l) => {
            let msg = format!("Đã mở bản nháp “{name}” ({}, {} dòng).", form_label(l.kind), l.rows.len());
            dispatch.dispatch(Action::Draft(Box::new(l), msg));
        }
        Err(e) => dispatch.dispatch(Action::Notice(Notice {
            ok: false,
            text: format!(
                "Không mở được bản nháp “{name}”: {} (dòng {}, cột {}). Dữ liệu đang có vẫn giữ nguyên.",
                i18n::text(LANG, e.code),
                e.line,
                e.column
            ),
        })),
    }
}

#[derive(Properties, PartialEq)]
pub struct FormsTabProps {
    pub state: UseReducerHandle<FormsState>,
}

#[component]
pub fn FormsTab(props: &FormsTabProps) -> Html {
    let state = props.state.clone();
    let dispatch = state.dispatcher();
    let kind = state.kind;
    let letter = state.letter();
    let problems = use_memo((Rc::clone(&state_rc(&state)),), move |_| {
        check::check_letter(&letter, today())
    });
    let letter = state.letter();
    let counts = check::count_per_row(&problems, letter.rows.len());
    let errors = check::has_errors(&problems);
    let preview = use_state(|| false);
    let preview_ref = use_node_ref();
    let pending = use_state(|| None::<Output>);
    let busy = use_state(|| None::<&'static str>);
    let confirm_clear = use_state(|| false);
    let paste_ref = use_node_ref();
    // Open at first while the letterhead is empty; then the user folds it at will.
    let letterhead_open = use_state(|| state.letterhead == Letterhead::default());

    // The print view follows the letter while it is open.
    {
        let preview_ref = preview_ref.clone();
        let letter = letter.clone();
        use_effect_with(
            (*preview, Rc::clone(&state_rc(&state))),
            move |(open, _)| {
                if *open && let Some(el) = preview_ref.cast::<web_sys::Element>() {
                    show_letter(&el, &forms::html::to_html(&letter));
                }
            },
        );
    }

    let on_kind = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e.target_dyn_into::<HtmlSelectElement>()
                && let Some(k) = FormKind::parse(&sel.value())
            {
                dispatch.dispatch(Action::Kind(k));
            }
        })
    };
    let on_loaded = {
        let dispatch = dispatch.clone();
        Callback::from(move |loaded: Loaded| take_loaded(&dispatch, kind, loaded))
    };
    let on_pick_list = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let files = read::files_of(input.files());
            input.set_value("");
            let dispatch = dispatch.clone();
            spawn_local(async move {
                let (files, problems) = read::read_all(files).await;
                take_loaded(&dispatch, kind, Loaded { files, problems });
            });
        })
    };
    let on_paste_rows = {
        let dispatch = dispatch.clone();
        let paste_ref = paste_ref.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(area) = paste_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            match rows_from_paste(kind, &area.value()) {
                Ok(rows) if !rows.is_empty() => {
                    let n = rows.len();
                    area.set_value("");
                    dispatch.dispatch(Action::Append(
                        rows,
                        format!("Đã thêm {n} dòng từ nội dung dán."),
                    ));
                }
                Ok(_) => {}
                Err(text) => dispatch.dispatch(Action::Notice(Notice { ok: false, text })),
            }
        })
    };
    // Pasting several lines (from a spreadsheet) onto the table adds rows.
    let on_table_paste = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(ce) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let text = ce
                .clipboard_data()
                .and_then(|d| d.get_data("text/plain").ok())
                .unwrap_or_default();
            if !(text.contains('\t') || text.trim_end().contains('\n')) {
                return;
            }
            e.prevent_default();
            match rows_from_paste(kind, &text) {
                Ok(rows) => {
                    let n = rows.len();
                    dispatch.dispatch(Action::Append(
                        rows,
                        format!("Đã thêm {n} dòng từ nội dung dán."),
                    ));
                }
                Err(text) => dispatch.dispatch(Action::Notice(Notice { ok: false, text })),
            }
        })
    };

    let run = {
        let state = state.clone();
        let busy = busy.clone();
        let pending = pending.clone();
        Callback::from(move |output: Output| {
            pending.set(None);
            let dispatch = state.dispatcher();
            let snapshot = state_rc(&state);
            let busy = busy.clone();
            busy.set(Some(match output {
                Output::Docx => "Đang tạo DOCX…",
                Output::Pdf => "Đang tạo PDF (lần đầu cần tải phông chữ)…",
                Output::Zip => "Đang đóng gói…",
            }));
            spawn_local(async move {
                // Let the status line show before the work.
                super::hash::yield_now().await;
                let result = make(output, snapshot).await;
                busy.set(None);
                match result {
                    Ok(_) => {}
                    Err(text) => dispatch.dispatch(Action::Notice(Notice { ok: false, text })),
                }
            });
        })
    };
    let ask = |output: Output| {
        let run = run.clone();
        let pending = pending.clone();
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let has = match output {
                Output::Zip => ALL_FORMS.iter().any(|k| {
                    check::has_errors(&check::check_letter(&state.letter_of(*k), today()))
                }),
                _ => errors,
            };
            if has {
                pending.set(Some(output));
            } else {
                run.emit(output);
            }
        })
    };
    let on_confirm = {
        let run = run.clone();
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(o) = *pending {
                run.emit(o);
            }
        })
    };
    let on_cancel = {
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| pending.set(None))
    };
    let on_preview = {
        let preview = preview.clone();
        Callback::from(move |_: MouseEvent| preview.set(!*preview))
    };
    let on_print = Callback::from(|_: MouseEvent| verify_tab::print_as("print-letter"));
    let on_export_draft = {
        let letter = letter.clone();
        Callback::from(move |_: MouseEvent| {
            let name = format!("ban-nhap-mau-{}.json", letter.kind.number());
            let _ = download::save(&name, download::JSON, letter.to_json().as_bytes());
        })
    };
    let on_clear = {
        let confirm_clear = confirm_clear.clone();
        Callback::from(move |_: MouseEvent| confirm_clear.set(true))
    };
    let on_clear_yes = {
        let dispatch = dispatch.clone();
        let confirm_clear = confirm_clear.clone();
        Callback::from(move |_: MouseEvent| {
            confirm_clear.set(false);
            dispatch.dispatch(Action::ClearAll);
        })
    };
    let on_clear_no = {
        let confirm_clear = confirm_clear.clone();
        Callback::from(move |_: MouseEvent| confirm_clear.set(false))
    };
    let on_add_row = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::AddRow))
    };

    let columns = kind.fields();
    let rows_with_letters = ALL_FORMS
        .iter()
        .filter(|k| !state.letter_of(**k).rows.is_empty())
        .count();
    let error_count = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warning_count = problems.len().saturating_sub(error_count);

    html! {
        <div class="forms-tab">
            <section class="form-pick no-print" aria-label="Chọn mẫu văn bản">
                <label class="field wide">
                    <span>{ "Mẫu văn bản (Nghị định 68/2024/NĐ-CP)" }</span>
                    <select data-testid="form-select" onchange={on_kind}>
                        { for ALL_FORMS.iter().map(|k| html! {
                            <option value={k.number()} selected={*k == kind}>{ form_label(*k) }</option>
                        }) }
                    </select>
                </label>
                if kind.reference_only() {
                    <p class="warn" data-testid="reference-only">
                        { "Mẫu tham khảo: nội dung hiện hành của mẫu này chưa được xác nhận; bố cục dựng theo mẫu gần nhất đã xác nhận. Hãy đối chiếu với văn bản gốc trước khi gửi." }
                    </p>
                }
                <p class="muted">{ i18n::text(LANG, kind.code()) }</p>
            </section>

            <details class="letterhead no-print" open={*letterhead_open}>
                <summary>{ "Phần đầu và chữ ký của văn bản (điền một lần, dùng cho mọi mẫu)" }</summary>
                <div class="grid">
                    { lh_input(&state, &dispatch, LhField::Superior, "Cơ quan, tổ chức chủ quản", "UBND TỈNH …") }
                    { lh_input(&state, &dispatch, LhField::Managing, "Cơ quan, tổ chức quản lý trực tiếp", "SỞ …") }
                    { lh_input(&state, &dispatch, LhField::Number, "Số, ký hiệu văn bản", "125/SNV-VP") }
                    { lh_input(&state, &dispatch, LhField::Subject, "Trích yếu (V/v …)", doc::default_subject(kind)) }
                    { lh_input(&state, &dispatch, LhField::Place, "Địa danh", "Cao Bằng") }
                    { lh_input(&state, &dispatch, LhField::Date, "Ngày (dd/mm/yyyy)", "05/03/2025") }
                    { lh_input(&state, &dispatch, LhField::SignerTitle, "Chức vụ người ký", "GIÁM ĐỐC") }
                    { lh_input(&state, &dispatch, LhField::SignerName, "Họ tên người ký", "Nguyễn Văn An") }
                    { lh_area(&state, &dispatch) }
                </div>
            </details>

            <section class="contact no-print" aria-label="Mục 1">
                <h2>{ if kind.is_record() { "1. Các bên" } else { "1. Người liên hệ" } }</h2>
                { person_inputs(&letter, kind, &dispatch, Who::Person) }
                if kind.is_record() {
                    <h3>{ if kind == FormKind::F08 { "Bên nhận" } else { "Người làm mất thiết bị" } }</h3>
                    { person_inputs(&letter, kind, &dispatch, Who::Counterpart) }
                }
                if let Some(label) = kind.address_label() {
                    <div class="grid">
                        { text_input(label, &letter.contact.address, "", "contact-address", {
                            let dispatch = dispatch.clone();
                            Callback::from(move |v: String| dispatch.dispatch(Action::Address(v)))
                        }, None) }
                    </div>
                }
            </section>

            <section class="rows-section" aria-label="Mục 2">
                <h2 class="no-print">{ format!("2. Danh sách ({} dòng)", letter.rows.len()) }</h2>
                <div class="no-print">
                    <DropZone {on_loaded} folder=true paste=false
                        title="Kéo thả tệp chứng thư số (.cer, .p7b) hoặc danh sách (.csv, .xlsx) vào đây"
                        label="Nạp tệp chứng thư số hoặc danh sách"
                        accept=".cer,.crt,.pem,.der,.p7b,.p7c,.csv,.xlsx,.json"
                        hint="Mỗi chứng thư số thành một dòng: tên, số hiệu, thư điện tử, mã định danh lấy từ chứng thư. Danh sách CSV/XLSX lấy theo tên cột của mẫu. Tệp chỉ được đọc trên máy này." />
                </div>
                <div class="row-tools no-print">
                    <button type="button" class="button" onclick={on_add_row} data-testid="add-row">{ "Thêm dòng" }</button>
                    <label class="button">
                        { "Nhập danh sách CSV/XLSX…" }
                        <input class="visually-hidden" type="file" accept=".csv,.xlsx,.tsv,.txt"
                            data-testid="import-input" onchange={on_pick_list.clone()} />
                    </label>
                    <details class="paste">
                        <summary>{ "Dán từ bảng tính (Excel)" }</summary>
                        <textarea ref={paste_ref} rows="4" spellcheck="false" data-testid="paste-rows"
                            aria-label="Các dòng chép từ bảng tính"
                            placeholder="Chép các ô trong Excel (có thể kèm dòng tiêu đề) rồi dán vào đây" />
                        <button type="button" class="button" onclick={on_paste_rows} data-testid="paste-rows-submit">
                            { "Thêm các dòng đã dán" }
                        </button>
                    </details>
                </div>
                if let Some(n) = &state.notice {
                    <p class={classes!("notice", if n.ok { "ok" } else { "bad" })} role="status" data-testid="forms-notice">
                        { &n.text }
                    </p>
                }
                if !letter.rows.is_empty() {
                    <div class="table-wrap no-print">
                        <table class="rows" data-testid="form-table" onpaste={on_table_paste}>
                            <thead>
                                <tr>
                                    <th>{ "STT" }</th>
                                    { for columns.iter().map(|f| html! { <th>{ f.label() }</th> }) }
                                    <th>{ "Kiểm tra" }</th>
                                    <th><span class="visually-hidden">{ "Thao tác" }</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                { for letter.rows.iter().enumerate().map(|(i, r)| {
                                    let mine: Vec<String> = problems.iter()
                                        .filter(|p| p.row == Some(i + 1))
                                        .map(|p| { let (_, w, _) = problem_text(p); format!("{}: {w}", p.field.map(field_label).unwrap_or_default()) })
                                        .collect();
                                    let bad_fields: Vec<&'static str> = problems.iter()
                                        .filter(|p| p.row == Some(i + 1))
                                        .filter_map(|p| p.field)
                                        .collect();
                                    html! {
                                        <FormRow key={i} index={i} last={i + 1 == letter.rows.len()} {kind} row={r.clone()}
                                            problems={counts.get(i).copied().unwrap_or(0)}
                                            messages={Rc::new(mine)} bad_fields={Rc::new(bad_fields)}
                                            dispatch={dispatch.clone()} />
                                    }
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            </section>

            <section class="problems no-print" aria-label="Kiểm tra theo quy định" data-testid="problems"
                data-errors={error_count.to_string()} data-warnings={warning_count.to_string()}>
                <h2>{ "Kiểm tra theo quy định" }</h2>
                if problems.is_empty() {
                    <p class="ok-text">{ "✔ Không thấy lỗi nào theo các quy định kiểm tra được." }</p>
                } else {
                    <p>{ format!("{error_count} lỗi, {warning_count} lưu ý.") }</p>
                    <ul class="problem-list">
                        { for problems.iter().map(|p| {
                            let (place, what, source) = problem_text(p);
                            let sev = if p.severity == Severity::Error { "error" } else { "warning" };
                            html! {
                                <li class={classes!("problem", sev)} data-testid="problem" data-rule={p.code()} data-row={p.row.map(|r| r.to_string())}>
                                    <span class={classes!("sev", sev)}>{ if sev == "error" { "✖ Lỗi" } else { "! Lưu ý" } }</span>
                                    <strong>{ place }</strong>{ ": " }{ what }
                                    <span class="source">{ format!(" — Căn cứ: {source}") }</span>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </section>

            <section class="outputs no-print" aria-label="Tải văn bản">
                <div class="actions">
                    <button type="button" class="button" onclick={on_preview} data-testid="preview-toggle">
                        { if *preview { "Ẩn bản xem trước" } else { "Xem trước" } }
                    </button>
                    if *preview {
                        <button type="button" class="button" onclick={on_print} data-testid="print-letter">{ "In" }</button>
                    }
                    <button type="button" class="button primary" onclick={ask(Output::Docx)} data-testid="download-docx"
                        disabled={busy.is_some()}>{ "Tải DOCX" }</button>
                    <button type="button" class="button primary" onclick={ask(Output::Pdf)} data-testid="download-pdf"
                        disabled={busy.is_some()}>{ "Tải PDF" }</button>
                    <button type="button" class="button" onclick={ask(Output::Zip)} data-testid="download-zip"
                        disabled={busy.is_some() || rows_with_letters == 0}
                        title="Mỗi mẫu đã có dòng thành một tệp DOCX và một tệp PDF, gói chung trong một tệp ZIP">
                        { format!("Tải tất cả ({rows_with_letters} văn bản, ZIP)") }
                    </button>
                    <button type="button" class="button" onclick={on_export_draft} data-testid="export-draft">{ "Lưu bản nháp (JSON)" }</button>
                    <label class="button">
                        { "Mở bản nháp…" }
                        <input class="visually-hidden" type="file" accept=".json" data-testid="import-draft" onchange={on_pick_list} />
                    </label>
                    <button type="button" class="button subtle" onclick={on_clear} data-testid="clear-drafts">{ "Xóa dữ liệu" }</button>
                </div>
                if *confirm_clear {
                    <div class="confirm" role="alertdialog" data-testid="clear-confirm">
                        <p>{ "Xóa phần đầu văn bản, mục 1 và mọi dòng của cả chín mẫu khỏi trình duyệt này? Không thể hoàn tác." }</p>
                        <button type="button" class="button danger" onclick={on_clear_yes} data-testid="clear-drafts-confirm">{ "Xóa hết" }</button>
                        <button type="button" class="button" onclick={on_clear_no}>{ "Thôi" }</button>
                    </div>
                }
                if let Some(o) = *pending {
                    <div class="confirm" role="alertdialog" data-testid="download-confirm">
                        <p><strong>{ "Văn bản còn lỗi theo quy định. " }</strong>
                            { "Cơ quan tiếp nhận có thể trả lại văn bản. Vẫn tải về?" }</p>
                        <ul class="problem-list">
                            { for problems.iter().filter(|p| p.severity == Severity::Error).take(20).map(|p| {
                                let (place, what, _) = problem_text(p);
                                html! { <li>{ format!("{place}: {what}") }</li> }
                            }) }
                        </ul>
                        <button type="button" class="button primary" onclick={on_confirm} data-testid="download-anyway">
                            { match o { Output::Docx => "Vẫn tải DOCX", Output::Pdf => "Vẫn tải PDF", Output::Zip => "Vẫn tải ZIP" } }
                        </button>
                        <button type="button" class="button" onclick={on_cancel}>{ "Quay lại sửa" }</button>
                    </div>
                }
                if let Some(b) = *busy {
                    <p class="busy-note" role="status" data-testid="forms-busy">{ b }</p>
                }
                <p class="muted">
                    { if state.stored {
                        "Dữ liệu đang nhập được lưu tự động trong trình duyệt này (không gửi đi đâu); bấm “Xóa dữ liệu” để xóa."
                    } else {
                        "Trình duyệt không cho lưu dữ liệu tạm: hãy lưu bản nháp thành tệp JSON trước khi đóng trang."
                    } }
                </p>
            </section>

            if *preview {
                <section class="letter-preview" aria-label="Bản xem trước" data-testid="letter-preview">
                    <div ref={preview_ref}></div>
                </section>
            }
        </div>
    }
}

/// The state behind a handle, as an `Rc` (to compare by pointer and to move into
/// tasks).
fn state_rc(h: &UseReducerHandle<FormsState>) -> Rc<FormsState> {
    Rc::new((**h).clone())
}

fn lh_input(
    state: &FormsState,
    dispatch: &UseReducerDispatcher<FormsState>,
    f: LhField,
    label: &str,
    placeholder: &str,
) -> Html {
    let dispatch = dispatch.clone();
    text_input(
        label,
        &get_letterhead(&state.letterhead, f),
        placeholder,
        &format!("lh-{f:?}").to_lowercase(),
        Callback::from(move |v: String| dispatch.dispatch(Action::Letterhead(f, v))),
        None,
    )
}

fn lh_area(state: &FormsState, dispatch: &UseReducerDispatcher<FormsState>) -> Html {
    let dispatch = dispatch.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        if let Some(a) = e.target_dyn_into::<HtmlTextAreaElement>() {
            dispatch.dispatch(Action::Letterhead(LhField::Recipients, a.value()));
        }
    });
    html! {
        <label class="field">
            <span>{ "Nơi nhận (mỗi dòng một nơi)" }</span>
            <textarea rows="3" value={get_letterhead(&state.letterhead, LhField::Recipients)} {oninput}
                placeholder={"Như trên;\nLưu: VT."} data-testid="lh-recipients" />
        </label>
    }
}

fn person_inputs(
    letter: &Letter,
    kind: FormKind,
    dispatch: &UseReducerDispatcher<FormsState>,
    who: Who,
) -> Html {
    let p = match who {
        Who::Person => &letter.contact.person,
        Who::Counterpart => &letter.contact.counterpart,
    };
    html! {
        <div class="grid">
            { for kind.contact_fields().iter().map(|f| {
                let f = *f;
                let dispatch = dispatch.clone();
                let testid = format!("contact-{}-{}", if who == Who::Person { "person" } else { "counterpart" }, f.key());
                text_input(f.label(), f.get(p), "", &testid,
                    Callback::from(move |v: String| dispatch.dispatch(Action::Contact(who, f, v))), None)
            }) }
        </div>
    }
}

fn text_input(
    label: &str,
    value: &str,
    placeholder: &str,
    testid: &str,
    on: Callback<String>,
    bad: Option<String>,
) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
            on.emit(i.value());
        }
    });
    html! {
        <label class={classes!("field", bad.is_some().then_some("invalid"))}>
            <span>{ label.to_owned() }</span>
            <input type="text" value={value.to_owned()} placeholder={placeholder.to_owned()} {oninput}
                data-testid={testid.to_owned()} title={bad} />
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct FormRowProps {
    pub index: usize,
    #[prop_or_default]
    pub last: bool,
    pub kind: FormKind,
    pub row: Row,
    /// Problems on this row (`data-problems`).
    pub problems: usize,
    #[prop_or_default]
    pub messages: Rc<Vec<String>>,
    /// Keys of the fields with a problem (outlined).
    #[prop_or_default]
    pub bad_fields: Rc<Vec<&'static str>>,
    pub dispatch: UseReducerDispatcher<FormsState>,
}

/// One editable row of the table.
#[component]
pub fn FormRow(props: &FormRowProps) -> Html {
    let i = props.index;
    let d = &props.dispatch;
    let up = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::MoveRow(i, true)))
    };
    let down = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::MoveRow(i, false)))
    };
    let remove = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::RemoveRow(i)))
    };
    let source = props
        .row
        .source
        .as_ref()
        .map(|s| format!("Từ tệp {} · hết hạn {}", s.file, s.not_after_text));
    html! {
        <tr data-testid="form-row" data-problems={props.problems.to_string()}
            class={classes!((props.problems > 0).then_some("has-problems"))} title={source}>
            <td class="stt">{ i + 1 }</td>
            { for props.kind.fields().into_iter().map(|f| {
                let d = d.clone();
                let bad = props.bad_fields.contains(&f.key());
                if f.is_flag() {
                    let checked = !props.row.get(f).is_empty();
                    let onchange = Callback::from(move |e: Event| {
                        if let Some(i2) = e.target_dyn_into::<HtmlInputElement>() {
                            d.dispatch(Action::Edit(i, f, if i2.checked() { "x".into() } else { String::new() }));
                        }
                    });
                    html! {
                        <td class={classes!("flag", bad.then_some("invalid"))}>
                            <input type="checkbox" {checked} {onchange} aria-label={format!("{} (dòng {})", f.label(), i + 1)}
                                data-field={f.key()} />
                        </td>
                    }
                } else {
                    let oninput = Callback::from(move |e: InputEvent| {
                        if let Some(i2) = e.target_dyn_into::<HtmlInputElement>() {
                            d.dispatch(Action::Edit(i, f, i2.value()));
                        }
                    });
                    html! {
                        <td class={classes!(bad.then_some("invalid"))}>
                            <input type="text" value={props.row.get(f).to_owned()} {oninput}
                                aria-label={format!("{} (dòng {})", f.label(), i + 1)} data-field={f.key()} />
                        </td>
                    }
                }
            }) }
            <td class={classes!("row-check", (props.problems > 0).then_some("bad"))} title={props.messages.join("\n")}>
                if props.problems == 0 {
                    <span class="ok-text">{ "✔ Đạt" }</span>
                } else {
                    <span class="bad-text">{ format!("✖ {} lỗi", props.problems) }</span>
                    <ul class="row-problems">
                        { for props.messages.iter().map(|m| html! { <li>{ m }</li> }) }
                    </ul>
                }
            </td>
            <td class="row-actions">
                <button type="button" class="icon-button" onclick={up} disabled={i == 0} title="Chuyển lên" aria-label="Chuyển lên">{ "↑" }</button>
                <button type="button" class="icon-button" onclick={down} disabled={props.last} title="Chuyển xuống" aria-label="Chuyển xuống">{ "↓" }</button>
                <button type="button" class="icon-button" onclick={remove} title="Xóa dòng" aria-label="Xóa dòng" data-testid="remove-row">{ "✕" }</button>
            </td>
        </tr>
    }
}
