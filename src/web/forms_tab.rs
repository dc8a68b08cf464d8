//! The "Lập văn bản" tab: the nine Decree 68 letters.
//!
//! Pick the form, fill the letterhead once (it is shared by every form), fill
//! section 1, build the table from certificate files, a CSV/XLSX list, a paste from a
//! spreadsheet or by hand, see the problems as you type, preview and print, download
//! DOCX, PDF, the CA's import sheet or a ZIP of several letters. Everything is kept
//! in this browser's local storage (a draft) until "Xóa dữ liệu".
//!
//! The letters and their edits are plain Rust (`forms::session`); the state in the
//! page is `forms_state`, files in and out `forms_io`, inputs `forms_inputs`; this
//! component composes them.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::dropzone::{DropZone, Loaded};
pub use super::forms_inputs::FormRow;
use super::forms_inputs::{
    LeftOutList, addressee_pick, central_toggle, lh_area, lh_input, loss_inputs, person_inputs,
    signer_title_area, text_input,
};
use super::forms_io::{Output, make, paste_error_text, show_letter, take_loaded};
pub use super::forms_state::{Action, FormsState, Notice, STORAGE_KEY};
use super::lang::{fill, t, use_lang};
use super::{clock, download, print, read};
use crate::forms::check::{self, Problem, Severity};
use crate::forms::model::{Field, PersonField};
use crate::forms::session::{self, Edit, LhField, Who};
use crate::forms::{self, ALL_FORMS, FormKind, Letterhead, doc};
use crate::i18n::{self, Lang};
use crate::rules::dates::Date;

/// "Mẫu 04 — Gia hạn, thay đổi thông tin" for the picker, in the page's language.
pub fn form_label(lang: Lang, k: FormKind) -> String {
    let short = match k {
        FormKind::F01 => "forms_pick_01",
        FormKind::F02 => "forms_pick_02",
        FormKind::F03 => "forms_pick_03",
        FormKind::F04 => "forms_pick_04",
        FormKind::F05 => "forms_pick_05",
        FormKind::F06 => "forms_pick_06",
        FormKind::F07 => "forms_pick_07",
        FormKind::F08 => "forms_pick_08",
        FormKind::F09 => "forms_pick_09",
    };
    let reference = if k.reference_only() {
        t(lang, "forms_pick_reference")
    } else {
        ""
    };
    fill(
        lang,
        "forms_pick_label",
        &[k.number(), t(lang, short), reference],
    )
}

/// Today in Viet Nam, for the rules.
pub fn today() -> Date {
    Date::in_viet_nam(clock::now())
}

/// Pasted lines (the paste box, or a spreadsheet's cells pasted onto the table) become
/// rows of the letter, or a notice that names the line that could not be read. True
/// when rows were added.
fn paste_rows(
    dispatch: &UseReducerDispatcher<FormsState>,
    lang: Lang,
    kind: FormKind,
    text: &str,
) -> bool {
    match session::rows_from_paste(kind, text) {
        Ok(rows) if !rows.is_empty() => {
            let n = rows.len();
            dispatch.dispatch(Action::Say(
                Edit::Append(rows),
                fill(lang, "forms_pasted_n", &[&n.to_string()]),
            ));
            true
        }
        Ok(_) => false,
        Err(e) => {
            dispatch.dispatch(Action::Notice(Notice {
                ok: false,
                text: paste_error_text(lang, &e),
            }));
            false
        }
    }
}

/// What a problem says, where, and the rule's source.
/// The place names the letter's own column (Vietnamese, as printed); the rest follows
/// the page's language.
pub fn problem_text(lang: Lang, p: &Problem) -> (String, String, &'static str) {
    let place = match (p.row, p.field) {
        (Some(r), Some(f)) => fill(
            lang,
            "forms_place_row_field",
            &[&r.to_string(), &field_label(lang, f)],
        ),
        (Some(r), None) => fill(lang, "forms_place_row", &[&r.to_string()]),
        (None, Some(f)) => field_label(lang, f),
        (None, None) => String::new(),
    };
    let what = i18n::form_problem(lang, p);
    (place, what, p.rule.source())
}

/// Where a problem is: the letter's column names stay Vietnamese (they are printed so);
/// the parts of the page around them follow `lang`.
fn field_label(lang: Lang, key: &str) -> String {
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
        ("letterhead", "date", _) => t(lang, "forms_place_letter_date").into(),
        ("letterhead", other, _) => fill(lang, "forms_place_letterhead", &[other]),
        ("contact.counterpart", _, Some(f)) => fill(lang, "forms_place_counterpart", &[f.label()]),
        (_, "address", _) => t(lang, "forms_place_address").into(),
        (_, _, Some(f)) => fill(lang, "forms_place_section1", &[f.label()]),
        _ => key.to_owned(),
    }
}

#[derive(Properties, PartialEq)]
pub struct FormsTabProps {
    pub state: UseReducerHandle<FormsState>,
}

#[component]
pub fn FormsTab(props: &FormsTabProps) -> Html {
    let lang = use_lang();
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
    // The code of the status line's words, so a language switch rewords it.
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
                dispatch.dispatch(Action::Do(Edit::Kind(k)));
            }
        })
    };
    let on_loaded = {
        let dispatch = dispatch.clone();
        Callback::from(move |loaded: Loaded| take_loaded(&dispatch, lang, kind, loaded))
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
                take_loaded(&dispatch, lang, kind, Loaded { files, problems });
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
            if paste_rows(&dispatch, lang, kind, &area.value()) {
                area.set_value("");
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
            paste_rows(&dispatch, lang, kind, &text);
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
                Output::Docx => "forms_busy_docx",
                Output::Pdf => "forms_busy_pdf",
                Output::Zip => "forms_busy_zip",
                Output::Sheet => "forms_busy_sheet",
            }));
            spawn_local(async move {
                // Let the status line show before the work.
                super::hash::yield_now().await;
                let result = make(lang, output, snapshot).await;
                busy.set(None);
                match result {
                    // An earlier "could not make the file" must not stay beside a
                    // download that worked.
                    Ok(_) => dispatch.dispatch(Action::ClearNotice),
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
    let on_print = Callback::from(|_: MouseEvent| print::print_as("print-letter"));
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
            dispatch.dispatch(Action::ClearAll(lang));
        })
    };
    let on_clear_no = {
        let confirm_clear = confirm_clear.clone();
        Callback::from(move |_: MouseEvent| confirm_clear.set(false))
    };
    let on_revoke_lost = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Do(Edit::RevokeLost)))
    };
    let on_add_row = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Do(Edit::AddRow)))
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
            <section class="form-pick no-print" aria-label={t(lang, "forms_pick_aria")}>
                <label class="field wide">
                    <span>{ t(lang, "forms_pick_title") }</span>
                    <select data-testid="form-select" onchange={on_kind}>
                        { for ALL_FORMS.iter().map(|k| html! {
                            <option value={k.number()} selected={*k == kind}>{ form_label(lang, *k) }</option>
                        }) }
                    </select>
                </label>
                if kind.reference_only() {
                    <p class="warn" data-testid="reference-only">{ t(lang, "form_reference_only") }</p>
                }
                <p class="muted">{ t(lang, kind.code()) }</p>
                if kind == FormKind::F01 {
                    { central_toggle(lang, &letter, &dispatch) }
                }
                if kind.addressee_choice() {
                    { addressee_pick(lang, &state, &dispatch) }
                }
            </section>

            <details class="letterhead no-print" open={*letterhead_open}>
                <summary>{ t(lang, "forms_letterhead_summary") }</summary>
                <div class="grid">
                    { lh_input(&state, &dispatch, LhField::Superior, t(lang, "forms_lh_superior"), "UBND TỈNH …") }
                    { lh_input(&state, &dispatch, LhField::Managing, t(lang, "forms_lh_managing"), "SỞ …") }
                    { lh_input(&state, &dispatch, LhField::Number, t(lang, "forms_lh_number"), "125/SNV-VP") }
                    { lh_input(&state, &dispatch, LhField::Subject, t(lang, "forms_lh_subject"), doc::default_subject(kind)) }
                    { lh_input(&state, &dispatch, LhField::Place, t(lang, "forms_lh_place"), "Cao Bằng") }
                    { lh_input(&state, &dispatch, LhField::Date, t(lang, "forms_lh_date"), "05/03/2025") }
                    { signer_title_area(lang, &state, &dispatch) }
                    { lh_input(&state, &dispatch, LhField::SignerName, t(lang, "forms_lh_signer_name"), "Nguyễn Văn An") }
                    { lh_area(lang, &state, &dispatch) }
                </div>
                <p class="muted" data-testid="sign-prompt">{ t(lang, "forms_sign_prompt") }</p>
            </details>

            <section class="contact no-print" aria-label={t(lang, "forms_section1")}>
                <h2>{ t(lang, if kind.is_record() { "forms_section1_parties" } else { "forms_section1_contact" }) }</h2>
                { person_inputs(&letter, kind, &dispatch, Who::Person) }
                if kind.is_record() {
                    <h3>{ t(lang, if kind == FormKind::F08 { "forms_receiver" } else { "forms_loser" }) }</h3>
                    { person_inputs(&letter, kind, &dispatch, Who::Counterpart) }
                }
                if kind == FormKind::F09 {
                    { loss_inputs(lang, &letter, &dispatch) }
                }
                if let Some(label) = kind.address_label() {
                    <div class="grid">
                        { text_input(label, true, &letter.contact.address, "", "contact-address", {
                            let dispatch = dispatch.clone();
                            Callback::from(move |v: String| dispatch.dispatch(Action::Do(Edit::Address(v))))
                        }, None) }
                    </div>
                }
            </section>

            <section class="rows-section" aria-label={t(lang, "forms_section2")}>
                <h2 class="no-print">{ fill(lang, "forms_list_n", &[&letter.rows.len().to_string()]) }</h2>
                <div class="no-print">
                    <DropZone {on_loaded} folder=true paste=false
                        title={AttrValue::from(t(lang, "forms_drop_title").to_owned())}
                        label={AttrValue::from(t(lang, "forms_drop_label").to_owned())}
                        accept=".cer,.crt,.pem,.der,.p7b,.p7c,.csv,.xlsx,.json"
                        hint={AttrValue::from(t(lang, "forms_drop_hint").to_owned())} />
                </div>
                <div class="row-tools no-print">
                    <button type="button" class="button" onclick={on_add_row} data-testid="add-row">{ t(lang, "forms_add_row") }</button>
                    <label class="button">
                        { t(lang, "forms_import_list") }
                        <input class="visually-hidden" type="file" accept=".csv,.xlsx,.tsv,.txt"
                            data-testid="import-input" onchange={on_pick_list.clone()} />
                    </label>
                    <details class="paste">
                        <summary>{ t(lang, "forms_paste_summary") }</summary>
                        <textarea ref={paste_ref} rows="4" spellcheck="false" data-testid="paste-rows"
                            aria-label={t(lang, "forms_paste_aria")}
                            placeholder={t(lang, "forms_paste_placeholder")} />
                        <button type="button" class="button" onclick={on_paste_rows} data-testid="paste-rows-submit">
                            { t(lang, "forms_paste_submit") }
                        </button>
                    </details>
                </div>
                if let Some(n) = &state.notice {
                    <p class={classes!("notice", if n.ok { "ok" } else { "bad" })} role="status" data-testid="forms-notice">
                        { &n.text }
                    </p>
                }
                // The list only when there is one: a component rendering nothing
                // between conditional siblings trips Yew's node positions.
                if !state.left_out.is_empty() {
                    <LeftOutList {lang} items={Rc::new(state.left_out.clone())} />
                }
                if kind == FormKind::F09 && !letter.rows.is_empty() {
                    <p class="warn" data-testid="followup-05">
                        { t(lang, "forms_09_then_05") }{ " " }
                        <button type="button" class="button" onclick={on_revoke_lost} data-testid="make-05">
                            { t(lang, "forms_make_05") }
                        </button>
                    </p>
                }
                if !letter.rows.is_empty() {
                    <div class="table-wrap no-print">
                        <table class="rows" data-testid="form-table" onpaste={on_table_paste}>
                            <thead>
                                <tr>
                                    <th>{ t(lang, "forms_col_number") }</th>
                                    // The letter's own column names, printed so: Vietnamese.
                                    { for columns.iter().map(|f| html! { <th lang="vi">{ f.label() }</th> }) }
                                    <th>{ t(lang, "forms_col_check") }</th>
                                    <th><span class="visually-hidden">{ t(lang, "forms_col_actions") }</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                { for letter.rows.iter().enumerate().map(|(i, r)| {
                                    let mine: Vec<String> = problems.iter()
                                        .filter(|p| p.row == Some(i + 1))
                                        .map(|p| { let (_, w, _) = problem_text(lang, p); format!("{}: {w}", p.field.map(|f| field_label(lang, f)).unwrap_or_default()) })
                                        .collect();
                                    let bad_fields: Vec<&'static str> = problems.iter()
                                        .filter(|p| p.row == Some(i + 1))
                                        .filter_map(|p| p.field)
                                        .collect();
                                    html! {
                                        <FormRow key={i} {lang} index={i} last={i + 1 == letter.rows.len()} {kind} row={r.clone()}
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

            <section class="problems no-print" aria-label={t(lang, "forms_checks")} data-testid="problems"
                data-errors={error_count.to_string()} data-warnings={warning_count.to_string()}>
                <h2>{ t(lang, "forms_checks") }</h2>
                if problems.is_empty() {
                    <p class="ok-text">{ t(lang, "forms_no_problems") }</p>
                } else {
                    <p>{ fill(lang, "forms_problem_counts", &[&error_count.to_string(), &warning_count.to_string()]) }</p>
                    <ul class="problem-list">
                        { for problems.iter().map(|p| {
                            let (place, what, source) = problem_text(lang, p);
                            let sev = if p.severity == Severity::Error { "error" } else { "warning" };
                            html! {
                                <li class={classes!("problem", sev)} data-testid="problem" data-rule={p.code()} data-row={p.row.map(|r| r.to_string())}>
                                    <span class={classes!("sev", sev)}>{ t(lang, if sev == "error" { "forms_sev_error" } else { "forms_sev_warning" }) }</span>
                                    <strong>{ place }</strong>{ ": " }{ what }
                                    <span class="source">{ t(lang, "forms_basis") }<span lang="vi">{ source }</span></span>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </section>

            <section class="outputs no-print" aria-label={t(lang, "forms_outputs")}>
                <div class="actions">
                    <button type="button" class="button" onclick={on_preview} data-testid="preview-toggle">
                        { t(lang, if *preview { "forms_preview_hide" } else { "forms_preview_show" }) }
                    </button>
                    if *preview {
                        <button type="button" class="button" onclick={on_print} data-testid="print-letter">{ t(lang, "forms_print") }</button>
                    }
                    <button type="button" class="button primary" onclick={ask(Output::Docx)} data-testid="download-docx"
                        disabled={busy.is_some()}>{ t(lang, "forms_download_docx") }</button>
                    <button type="button" class="button primary" onclick={ask(Output::Pdf)} data-testid="download-pdf"
                        disabled={busy.is_some()}>{ t(lang, "forms_download_pdf") }</button>
                    <button type="button" class="button" onclick={ask(Output::Zip)} data-testid="download-zip"
                        disabled={busy.is_some() || rows_with_letters == 0}
                        title={t(lang, "forms_download_zip_title")}>
                        { fill(lang, "forms_download_zip", &[&rows_with_letters.to_string()]) }
                    </button>
                    if kind == FormKind::F01 {
                        <button type="button" class="button" onclick={ask(Output::Sheet)} data-testid="download-sheet"
                            disabled={busy.is_some() || letter.rows.is_empty()}>{ t(lang, "forms_export_sheet") }</button>
                    }
                    <button type="button" class="button" onclick={on_export_draft} data-testid="export-draft">{ t(lang, "forms_save_draft") }</button>
                    <label class="button">
                        { t(lang, "forms_open_draft") }
                        <input class="visually-hidden" type="file" accept=".json" data-testid="import-draft" onchange={on_pick_list} />
                    </label>
                    <button type="button" class="button subtle" onclick={on_clear} data-testid="clear-drafts">{ t(lang, "forms_clear") }</button>
                </div>
                if *confirm_clear {
                    <div class="confirm" role="alertdialog" data-testid="clear-confirm">
                        <p>{ t(lang, "forms_clear_question") }</p>
                        <button type="button" class="button danger" onclick={on_clear_yes} data-testid="clear-drafts-confirm">{ t(lang, "forms_clear_yes") }</button>
                        <button type="button" class="button" onclick={on_clear_no}>{ t(lang, "forms_clear_no") }</button>
                    </div>
                }
                if let Some(o) = *pending {
                    <div class="confirm" role="alertdialog" data-testid="download-confirm">
                        <p><strong>{ t(lang, "forms_has_errors") }</strong>
                            { t(lang, "forms_may_be_returned") }</p>
                        <ul class="problem-list">
                            { for problems.iter().filter(|p| p.severity == Severity::Error).take(20).map(|p| {
                                let (place, what, _) = problem_text(lang, p);
                                html! { <li>{ format!("{place}: {what}") }</li> }
                            }) }
                        </ul>
                        <button type="button" class="button primary" onclick={on_confirm} data-testid="download-anyway">
                            { t(lang, match o { Output::Docx => "forms_anyway_docx", Output::Pdf => "forms_anyway_pdf", Output::Zip => "forms_anyway_zip", Output::Sheet => "forms_anyway_sheet" }) }
                        </button>
                        <button type="button" class="button" onclick={on_cancel}>{ t(lang, "forms_go_back") }</button>
                    </div>
                }
                if let Some(b) = *busy {
                    <p class="busy-note" role="status" data-testid="forms-busy">{ t(lang, b) }</p>
                }
                <p class="muted">
                    { t(lang, if state.stored { "forms_stored" } else { "forms_not_stored" }) }
                </p>
            </section>

            if *preview {
                // The letter itself is Vietnamese whatever the page's language.
                <section class="letter-preview" lang="vi" aria-label={t(lang, "forms_preview")} data-testid="letter-preview">
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
