//! The letters tab's inputs: the letterhead (with the signer's title on several
//! lines and, for 04 and 06, the addressee), section 1, one table row, and the list
//! of certificates a fill left out. Page words come from `i18n` (`letters` table).

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::forms_state::{Action, FormsState};
use super::lang::{fill, t};
use crate::forms::session::{Edit, LhField, Who, get_letterhead};
use crate::forms::{Addressee, FormKind, LeftOut, Letter, Row};
use crate::i18n::Lang;

pub fn lh_input(
    state: &FormsState,
    dispatch: &UseReducerDispatcher<FormsState>,
    f: LhField,
    label: &str,
    placeholder: &str,
) -> Html {
    let dispatch = dispatch.clone();
    text_input(
        label,
        false,
        &get_letterhead(&state.letterhead, f),
        placeholder,
        &format!("lh-{f:?}").to_lowercase(),
        Callback::from(move |v: String| dispatch.dispatch(Action::Do(Edit::Letterhead(f, v)))),
        None,
    )
}

pub fn lh_area(
    lang: Lang,
    state: &FormsState,
    dispatch: &UseReducerDispatcher<FormsState>,
) -> Html {
    let dispatch = dispatch.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        if let Some(a) = e.target_dyn_into::<HtmlTextAreaElement>() {
            dispatch.dispatch(Action::Do(Edit::Letterhead(LhField::Recipients, a.value())));
        }
    });
    html! {
        <label class="field">
            <span>{ t(lang, "forms_lh_recipients") }</span>
            <textarea rows="3" value={get_letterhead(&state.letterhead, LhField::Recipients)} {oninput}
                placeholder={"Như trên;\nLưu: VT."} lang="vi" data-testid="lh-recipients" />
        </label>
    }
}

pub fn person_inputs(
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
                text_input(f.label(), true, f.get(p), "", &testid,
                    Callback::from(move |v: String| dispatch.dispatch(Action::Do(Edit::Contact(who, f, v)))), None)
            }) }
        </div>
    }
}

/// A labelled text box. What it holds is the letter's (Vietnamese) content, and so is
/// its example placeholder: the box is marked `lang="vi"`. The label is the page's
/// words, or, with `letter_label`, the letter's own (Vietnamese) name of the field.
pub fn text_input(
    label: &str,
    letter_label: bool,
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
            <span lang={letter_label.then_some("vi")}>{ label.to_owned() }</span>
            <input type="text" lang="vi" value={value.to_owned()} placeholder={placeholder.to_owned()} {oninput}
                data-testid={testid.to_owned()} title={bad} />
        </label>
    }
}

/// The signer's title: one printed line per line ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC").
pub fn signer_title_area(
    lang: Lang,
    state: &FormsState,
    dispatch: &UseReducerDispatcher<FormsState>,
) -> Html {
    let dispatch = dispatch.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        if let Some(a) = e.target_dyn_into::<HtmlTextAreaElement>() {
            dispatch.dispatch(Action::Do(Edit::Letterhead(
                LhField::SignerTitle,
                a.value(),
            )));
        }
    });
    html! {
        <label class="field">
            <span>{ t(lang, "forms_signer_title") }</span>
            <textarea rows="2" value={get_letterhead(&state.letterhead, LhField::SignerTitle)} {oninput}
                placeholder={"KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"} lang="vi" data-testid="lh-signertitle" />
        </label>
    }
}

/// 04 and 06: the Cục, or the Sở Khoa học và Công nghệ of a province.
pub fn addressee_pick(
    lang: Lang,
    state: &FormsState,
    dispatch: &UseReducerDispatcher<FormsState>,
) -> Html {
    let so = state.letterhead.addressee == Addressee::So;
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e.target_dyn_into::<HtmlSelectElement>() {
                let a = if sel.value() == "so" {
                    Addressee::So
                } else {
                    Addressee::Cuc
                };
                dispatch.dispatch(Action::Do(Edit::Addressee(a)));
            }
        })
    };
    html! {
        <div class="grid" data-testid="addressee">
            <label class="field">
                <span>{ t(lang, "forms_addressee") }</span>
                <select data-testid="addressee-select" {onchange}>
                    <option value="cuc" selected={!so}>{ t(lang, "forms_addressee_cuc") }</option>
                    <option value="so" selected={so}>{ t(lang, "forms_addressee_so") }</option>
                </select>
            </label>
            if so {
                { lh_input(state, dispatch, LhField::AddresseeProvince, t(lang, "forms_addressee_province"), "Ninh Bình") }
            }
            <p class="muted">{ t(lang, "forms_addressee_hint") }</p>
        </div>
    }
}

/// 01: holders who sign remotely (the form's own subject line).
pub fn central_toggle(
    lang: Lang,
    letter: &Letter,
    dispatch: &UseReducerDispatcher<FormsState>,
) -> Html {
    let dispatch = dispatch.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
            dispatch.dispatch(Action::Do(Edit::Central(i.checked())));
        }
    });
    html! {
        <label class="field check">
            <input type="checkbox" checked={letter.central_signing} {onchange} data-testid="central-signing" />
            <span>{ t(lang, "forms_central_signing") }</span>
        </label>
    }
}

/// 09: when and where the device was lost.
pub fn loss_inputs(
    lang: Lang,
    letter: &Letter,
    dispatch: &UseReducerDispatcher<FormsState>,
) -> Html {
    let on_date = {
        let dispatch = dispatch.clone();
        Callback::from(move |v: String| dispatch.dispatch(Action::Do(Edit::LossDate(v))))
    };
    let on_place = {
        let dispatch = dispatch.clone();
        Callback::from(move |v: String| dispatch.dispatch(Action::Do(Edit::LossPlace(v))))
    };
    html! {
        <div class="grid">
            { text_input(t(lang, "forms_loss_date"), false, &letter.contact.loss_date, "dd/mm/yyyy", "loss-date", on_date, None) }
            { text_input(t(lang, "forms_loss_place"), false, &letter.contact.loss_place, "", "loss-place", on_place, None) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct LeftOutListProps {
    #[prop_or_default]
    pub lang: Lang,
    pub items: Rc<Vec<LeftOut>>,
}

/// The certificates a fill did not put in the table, each with the reason (rendered
/// by the tab only when there are some).
#[component]
pub fn LeftOutList(props: &LeftOutListProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="notice bad" data-testid="left-out">
            <p><strong>{ format!("{} ({})", t(lang, "forms_left_out"), props.items.len()) }</strong></p>
            <ul>
                { for props.items.iter().map(|o| html! {
                    // The file and the holder's name are data (the name marked as the
                    // Vietnamese it is); the reason follows the page's language.
                    <li data-testid="left-out-item" data-holder={o.holder.code()} data-file={o.file.clone()}>
                        { &o.file }{ " — " }<span lang="vi">{ &o.name }</span>
                        { format!(": {} ({})", t(lang, o.code), t(lang, o.holder.code())) }
                    </li>
                }) }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FormRowProps {
    #[prop_or_default]
    pub lang: Lang,
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
    let lang = props.lang;
    let i = props.index;
    let d = &props.dispatch;
    let up = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Do(Edit::MoveRow(i, true))))
    };
    let down = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Do(Edit::MoveRow(i, false))))
    };
    let remove = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Do(Edit::RemoveRow(i))))
    };
    let source = props
        .row
        .source
        .as_ref()
        .map(|s| fill(lang, "forms_row_source", &[&s.file, &s.not_after_text]));
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
                            d.dispatch(Action::Do(Edit::Cell(i, f, if i2.checked() { "x".into() } else { String::new() })));
                        }
                    });
                    html! {
                        <td class={classes!("flag", bad.then_some("invalid"))}>
                            <input type="checkbox" {checked} {onchange} aria-label={fill(lang, "forms_cell_aria", &[f.label(), &(i + 1).to_string()])}
                                data-field={f.key()} />
                        </td>
                    }
                } else {
                    let oninput = Callback::from(move |e: InputEvent| {
                        if let Some(i2) = e.target_dyn_into::<HtmlInputElement>() {
                            d.dispatch(Action::Do(Edit::Cell(i, f, i2.value())));
                        }
                    });
                    html! {
                        <td class={classes!(bad.then_some("invalid"))}>
                            <input type="text" value={props.row.get(f).to_owned()} {oninput}
                                aria-label={fill(lang, "forms_cell_aria", &[f.label(), &(i + 1).to_string()])} data-field={f.key()} />
                        </td>
                    }
                }
            }) }
            <td class={classes!("row-check", (props.problems > 0).then_some("bad"))} title={props.messages.join("\n")}>
                if props.problems == 0 {
                    <span class="ok-text">{ t(lang, "forms_row_ok") }</span>
                } else {
                    <span class="bad-text">{ fill(lang, "forms_row_errors", &[&props.problems.to_string()]) }</span>
                    <ul class="row-problems">
                        { for props.messages.iter().map(|m| html! { <li>{ m }</li> }) }
                    </ul>
                }
            </td>
            <td class="row-actions">
                <button type="button" class="icon-button" onclick={up} disabled={i == 0} title={t(lang, "forms_move_up")} aria-label={t(lang, "forms_move_up")}>{ "↑" }</button>
                <button type="button" class="icon-button" onclick={down} disabled={props.last} title={t(lang, "forms_move_down")} aria-label={t(lang, "forms_move_down")}>{ "↓" }</button>
                <button type="button" class="icon-button" onclick={remove} title={t(lang, "forms_remove_row")} aria-label={t(lang, "forms_remove_row")} data-testid="remove-row">{ "✕" }</button>
            </td>
        </tr>
    }
}
