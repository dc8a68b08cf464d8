//! What the letters tab reads and writes: fonts for PDF output, the files made for
//! download (DOCX, PDF, ZIP, the CA's import sheet), the print view, and the files
//! dropped on the tab (certificates, lists, drafts).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::dropzone::Loaded;
use super::forms_state::{Action, FormsState, Notice};
use super::forms_tab::{LANG, form_label};
use super::{clock, download};
use crate::forms::session::{Edit, PasteError};
use crate::forms::{self, ALL_FORMS, FontSet, FormKind, Letter, pdf};
use crate::i18n;
use crate::input::InputFile;
use crate::report::{self, CertOptions};

/// The media type of an XLSX workbook.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
    /// The CA's bulk-import sheet (Mẫu 01).
    Sheet,
}

/// Makes and saves the file(s). Returns a message when something failed.
pub async fn make(output: Output, state: Rc<FormsState>) -> Result<String, String> {
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
        Output::Sheet => {
            let bytes = forms::ca_sheet::to_xlsx(&letter);
            let name = forms::file_name(&letter, "xlsx").replace("mau-01", "mau-01-bang-nhap-lieu");
            download::save(&name, XLSX, &bytes)
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
pub fn show_letter(container: &web_sys::Element, html: &str) {
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

/// What a failed paste says.
pub fn paste_error_text(e: &PasteError) -> String {
    format!(
        "Dòng {} có {} ô, nhiều hơn {} cột của mẫu; hãy dán kèm dòng tiêu đề.",
        e.line, e.cells, e.columns
    )
}

pub fn import_error_text(name: &str, e: &forms::ImportError) -> String {
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
pub fn take_loaded(dispatch: &UseReducerDispatcher<FormsState>, kind: FormKind, loaded: Loaded) {
    let mut certs: Vec<InputFile> = Vec::new();
    let mut skipped = 0usize;
    for f in loaded.files {
        let lower = f.name.to_ascii_lowercase();
        if is_list_name(&f.name) {
            match forms::import_rows(kind, &f.name, &f.bytes) {
                Ok(rows) => {
                    let n = rows.len();
                    dispatch.dispatch(Action::Say(
                        Edit::Append(rows),
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
    let filled = forms::fill_from_certs(kind, &r.certificates);
    let mut text = format!(
        "Đã đọc {} chứng thư số từ {} tệp; thêm {} dòng.",
        r.certificates.len(),
        certs.len(),
        filled.rows.len()
    );
    if !filled.left_out.is_empty() {
        text.push_str(&format!(
            " {} ({}): xem danh sách bên dưới.",
            i18n::text(LANG, "forms_left_out"),
            filled.left_out.len()
        ));
    }
    for e in &r.errors {
        notes.push(format!("{}: {}", e.file, i18n::input_error(LANG, &e.error)));
    }
    if !notes.is_empty() {
        text.push_str(&format!(" Lưu ý: {}.", notes.join("; ")));
    }
    dispatch.dispatch(Action::Say(Edit::Fill(filled), text));
}

pub fn open_draft(dispatch: &UseReducerDispatcher<FormsState>, name: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    match Letter::from_json(&text) {
        Ok(l) => {
            let msg = format!("Đã mở bản nháp “{name}” ({}, {} dòng).", form_label(l.kind), l.rows.len());
            dispatch.dispatch(Action::Say(Edit::Draft(Box::new(l)), msg));
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
