//! What the letters tab reads and writes: the files made for download (DOCX, PDF,
//! ZIP, the CA's import sheet; made by the writer module, [`writer_client`]), the
//! print view, and the files dropped on the tab (certificates, lists, drafts).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::dropzone::Loaded;
use super::forms_state::{Action, FormsState, Notice};
use super::forms_tab::form_label;
use super::lang::{fill, t};
use super::{clock, download, writer_client};
use crate::forms::session::{Edit, PasteError};
use crate::forms::{self, ALL_FORMS, FormKind, Letter, doc};
use crate::i18n::{self, Lang};
use crate::input::InputFile;
use crate::report::{self, CertOptions};
use crate::writer::{Job, WriteError};

/// The media type of an XLSX workbook.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What a download button makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Docx,
    Pdf,
    Zip,
    /// The CA's bulk-import sheet (Mẫu 01).
    Sheet,
}

/// Has the writer module make the file(s) and saves them. Returns a message (in
/// `lang`) when something failed.
pub async fn make(lang: Lang, output: Output, state: Rc<FormsState>) -> Result<String, String> {
    let letter = state.letter();
    let refused = |_| t(lang, "forms_download_refused").to_owned();
    let failed = |e: WriteError| writer_client::failure(lang, &e);
    match output {
        Output::Docx => {
            let made = writer_client::write(&Job::Docx(doc::build(&letter)))
                .await
                .map_err(failed)?;
            let name = forms::file_name(&letter, "docx");
            made.save(&name, download::DOCX).map_err(refused)?;
            Ok(fill(lang, "forms_made", &[&name]))
        }
        Output::Pdf => {
            let made = writer_client::write(&Job::Pdf(doc::build(&letter)))
                .await
                .map_err(|e| fill(lang, "forms_pdf_failed", &[&writer_client::words(lang, &e)]))?;
            let name = forms::file_name(&letter, "pdf");
            made.save(&name, download::PDF).map_err(refused)?;
            Ok(fill(lang, "forms_made", &[&name]))
        }
        Output::Sheet => {
            let made = writer_client::write(&Job::Package(forms::ca_sheet::parts(&letter)))
                .await
                .map_err(failed)?;
            let name = forms::file_name(&letter, "xlsx").replace("mau-01", "mau-01-bang-nhap-lieu");
            made.save(&name, XLSX).map_err(refused)?;
            Ok(fill(lang, "forms_made", &[&name]))
        }
        Output::Zip => {
            // Each letter with rows as DOCX and PDF; a PDF the writer cannot make (no
            // font) is left out of the ZIP, as before.
            let mut jobs = Vec::new();
            for k in ALL_FORMS {
                let l = state.letter_of(k);
                if l.rows.is_empty() {
                    continue;
                }
                let d = doc::build(&l);
                jobs.push((forms::file_name(&l, "docx"), Job::Docx(d.clone())));
                jobs.push((forms::file_name(&l, "pdf"), Job::Pdf(d)));
            }
            if jobs.is_empty() {
                return Err(t(lang, "forms_nothing_to_pack").to_owned());
            }
            let made = writer_client::write(&Job::Zip(jobs))
                .await
                .map_err(failed)?;
            let (y, m, d, ..) = clock::now().to_civil();
            let name = format!("kyso-van-ban-{y:04}{m:02}{d:02}.zip");
            made.save(&name, download::ZIP).map_err(refused)?;
            Ok(fill(
                lang,
                "forms_packed",
                &[&made.files.to_string(), &name],
            ))
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
pub fn paste_error_text(lang: Lang, e: &PasteError) -> String {
    fill(
        lang,
        "forms_paste_too_wide",
        &[
            &e.line.to_string(),
            &e.cells.to_string(),
            &e.columns.to_string(),
        ],
    )
}

pub fn import_error_text(lang: Lang, name: &str, e: &forms::ImportError) -> String {
    let mut s = fill(
        lang,
        "forms_import_failed",
        &[name, i18n::text(lang, e.code)],
    );
    if let Some(l) = e.line {
        s.push_str(&fill(lang, "forms_at_line", &[&l.to_string()]));
        if let Some(c) = &e.column {
            s.push_str(&fill(lang, "forms_and_column", &[&c.to_string()]));
        }
        s.push(')');
    } else if let Some(c) = &e.column {
        s.push_str(&fill(lang, "forms_at_column", &[&c.to_string()]));
    }
    s.push_str(t(lang, "forms_rows_kept"));
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

/// Reads dropped files: certificates fill rows, lists are imported, drafts opened. The
/// notices are worded in `lang`.
pub fn take_loaded(
    dispatch: &UseReducerDispatcher<FormsState>,
    lang: Lang,
    kind: FormKind,
    loaded: Loaded,
) {
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
                        fill(lang, "forms_imported_n", &[&n.to_string(), &f.name]),
                    ));
                }
                Err(e) => dispatch.dispatch(Action::Notice(Notice {
                    ok: false,
                    text: import_error_text(lang, &f.name, &e),
                })),
            }
        } else if lower.ends_with(".json") {
            open_draft(dispatch, lang, &f.name, &f.bytes);
        } else if is_cert_name(&f.name) {
            certs.push(f);
        } else {
            skipped += 1;
        }
    }
    let mut notes: Vec<String> = loaded
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.file, p.message_in(lang)))
        .collect();
    if skipped > 0 {
        notes.push(fill(lang, "forms_skipped_n", &[&skipped.to_string()]));
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
    let mut text = fill(
        lang,
        "forms_read_certs",
        &[
            &r.certificates.len().to_string(),
            &certs.len().to_string(),
            &filled.rows.len().to_string(),
        ],
    );
    if !filled.left_out.is_empty() {
        text.push_str(&fill(
            lang,
            "forms_left_out_see",
            &[
                i18n::text(lang, "forms_left_out"),
                &filled.left_out.len().to_string(),
            ],
        ));
    }
    for e in &r.errors {
        notes.push(format!("{}: {}", e.file, i18n::input_error(lang, &e.error)));
    }
    if !notes.is_empty() {
        text.push_str(&fill(lang, "forms_notes", &[&notes.join("; ")]));
    }
    dispatch.dispatch(Action::Say(Edit::Fill(filled), text));
}

pub fn open_draft(
    dispatch: &UseReducerDispatcher<FormsState>,
    lang: Lang,
    name: &str,
    bytes: &[u8],
) {
    let text = String::from_utf8_lossy(bytes);
    match Letter::from_json(&text) {
        Ok(l) => {
            let msg = fill(
                lang,
                "forms_draft_opened",
                &[name, &form_label(lang, l.kind), &l.rows.len().to_string()],
            );
            dispatch.dispatch(Action::Say(Edit::Draft(Box::new(l)), msg));
        }
        Err(e) => dispatch.dispatch(Action::Notice(Notice {
            ok: false,
            text: fill(
                lang,
                "forms_draft_failed",
                &[
                    name,
                    i18n::text(lang, e.code),
                    &e.line.to_string(),
                    &e.column.to_string(),
                ],
            ),
        })),
    }
}
