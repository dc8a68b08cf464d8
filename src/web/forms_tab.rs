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
use super::{clock, download, read, verify_tab};
use crate::forms::check::{self, Problem, Severity};
use crate::forms::model::{Field, PersonField};
use crate::forms::session::{self, Edit, LhField, Who};
use crate::forms::{self, ALL_FORMS, FormKind, Letterhead, doc};
use crate::i18n::{self, Lang};
use crate::rules::dates::Date;

pub const LANG: Lang = Lang::Vi;

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
    if let Some(d) = &p.detail {
        what.push_str(&format!(": {d}"));
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
                dispatch.dispatch(Action::Do(Edit::Kind(k)));
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
            match session::rows_from_paste(kind, &area.value()) {
                Ok(rows) if !rows.is_empty() => {
                    let n = rows.len();
                    area.set_value("");
                    dispatch.dispatch(Action::Say(
                        Edit::Append(rows),
                        format!("Đã thêm {n} dòng từ nội dung dán."),
                    ));
                }
                Ok(_) => {}
                Err(e) => dispatch.dispatch(Action::Notice(Notice {
                    ok: false,
                    text: paste_error_text(&e),
                })),
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
            match session::rows_from_paste(kind, &text) {
                Ok(rows) => {
                    let n = rows.len();
                    dispatch.dispatch(Action::Say(
                        Edit::Append(rows),
                        format!("Đã thêm {n} dòng từ nội dung dán."),
                    ));
                }
                Err(e) => dispatch.dispatch(Action::Notice(Notice {
                    ok: false,
                    text: paste_error_text(&e),
                })),
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
                Output::Sheet => "Đang tạo bảng nhập liệu…",
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
                    <p class="warn" data-testid="reference-only">{ i18n::text(LANG, "form_reference_only") }</p>
                }
                <p class="muted">{ i18n::text(LANG, kind.code()) }</p>
                if kind == FormKind::F01 {
                    { central_toggle(&letter, &dispatch) }
                }
                if kind.addressee_choice() {
                    { addressee_pick(&state, &dispatch) }
                }
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
                    { signer_title_area(&state, &dispatch) }
                    { lh_input(&state, &dispatch, LhField::SignerName, "Họ tên người ký", "Nguyễn Văn An") }
                    { lh_area(&state, &dispatch) }
                </div>
                <p class="muted" data-testid="sign-prompt">{ i18n::text(LANG, "forms_sign_prompt") }</p>
            </details>

            <section class="contact no-print" aria-label="Mục 1">
                <h2>{ if kind.is_record() { "1. Các bên" } else { "1. Người liên hệ" } }</h2>
                { person_inputs(&letter, kind, &dispatch, Who::Person) }
                if kind.is_record() {
                    <h3>{ if kind == FormKind::F08 { "Bên nhận" } else { "Người làm mất thiết bị" } }</h3>
                    { person_inputs(&letter, kind, &dispatch, Who::Counterpart) }
                }
                if kind == FormKind::F09 {
                    { loss_inputs(&letter, &dispatch) }
                }
                if let Some(label) = kind.address_label() {
                    <div class="grid">
                        { text_input(label, &letter.contact.address, "", "contact-address", {
                            let dispatch = dispatch.clone();
                            Callback::from(move |v: String| dispatch.dispatch(Action::Do(Edit::Address(v))))
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
                // The list only when there is one: a component rendering nothing
                // between conditional siblings trips Yew's node positions.
                if !state.left_out.is_empty() {
                    <LeftOutList items={Rc::new(state.left_out.clone())} />
                }
                if kind == FormKind::F09 && !letter.rows.is_empty() {
                    <p class="warn" data-testid="followup-05">
                        { i18n::text(LANG, "forms_09_then_05") }{ " " }
                        <button type="button" class="button" onclick={on_revoke_lost} data-testid="make-05">
                            { i18n::text(LANG, "forms_make_05") }
                        </button>
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
                    if kind == FormKind::F01 {
                        <button type="button" class="button" onclick={ask(Output::Sheet)} data-testid="download-sheet"
                            disabled={busy.is_some() || letter.rows.is_empty()}>{ i18n::text(LANG, "forms_export_sheet") }</button>
                    }
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
                            { match o { Output::Docx => "Vẫn tải DOCX", Output::Pdf => "Vẫn tải PDF", Output::Zip => "Vẫn tải ZIP", Output::Sheet => "Vẫn tải bảng nhập liệu" } }
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
