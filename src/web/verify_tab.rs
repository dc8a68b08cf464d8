//! The "Kiểm tra chữ ký PDF" tab: drop signed PDFs, get one panel per document and
//! one verdict per signature.
//!
//! This file only composes: the drop zone, the evidence controls
//! ([`super::verify_evidence`]), the batch summary ([`super::verify_summary`]) and a
//! panel per document ([`super::verify_doc`], [`super::verify_signature`]). What is
//! shown is [`VerifyState`] ([`super::verify_state`]); the work — the queue, the
//! evidence, reading, hashing and verifying — is [`super::verify_job`].

use std::rc::Rc;

use yew::prelude::*;

use super::cert_card::vn_time;
use super::clock;
use super::dropzone::DropZone;
use super::lang::{fill, t, use_lang};
use super::print::print_as;
use super::verify_doc::{DocPanel, export_json};
use super::verify_evidence::EvidenceControls;
use super::verify_job;
use super::verify_state::VerifyState;
use super::verify_summary::VerifySummary;
use crate::verify::DocumentReport;

// The batch summary names these here.
pub use super::verify_state::{DocEntry, Stage};

/// How many document panels are drawn before "show more".
const PANELS_PAGE: usize = 100;

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
            verify_job::drop_files(dispatch.clone(), files)
        })
    };
    let on_clear = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| verify_job::clear(&dispatch))
    };
    let on_print = Callback::from(|_: MouseEvent| print_as("print-report"));
    let on_trust = {
        let dispatch = state.dispatcher();
        Callback::from(move |on: bool| verify_job::set_trust_user(dispatch.clone(), on))
    };
    // The same callback on every render, so a panel whose document did not change is
    // not drawn again.
    let on_remove = {
        let dispatch = state.dispatcher();
        use_callback((), move |id: usize, _| verify_job::remove(&dispatch, id))
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
            <EvidenceControls names={state.extras.clone()} problems={state.extra_problems.clone()}
                trust_user={state.trust_user} on_trust={on_trust} />
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
                        <DocPanel key={d.id} doc={Rc::clone(d)} on_remove={on_remove.clone()} />
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
