//! The evidence the user dropped beside the PDFs, on the verify tab: which
//! certificates and CRLs are used, which could not be read, and whether the dropped
//! certificates are trusted as roots.

use yew::prelude::*;

use super::lang::{fill, t, use_lang};
use super::read::ReadProblem;

#[derive(Properties, PartialEq)]
pub struct EvidenceControlsProps {
    /// The names of the certificates and CRLs in use.
    pub names: Vec<String>,
    pub problems: Vec<ReadProblem>,
    pub trust_user: bool,
    /// The box "trust the dropped certificates as roots" was ticked or cleared.
    pub on_trust: Callback<bool>,
}

/// Nothing until the user drops a certificate or a CRL.
#[component]
pub fn EvidenceControls(props: &EvidenceControlsProps) -> Html {
    let lang = use_lang();
    if props.names.is_empty() && props.problems.is_empty() {
        return Html::default();
    }
    let on_trust = props.on_trust.reform(|e: Event| {
        e.target_dyn_into::<web_sys::HtmlInputElement>()
            .is_some_and(|i| i.checked())
    });
    html! {
        <>
            <p class="muted extras" data-testid="verify-extras">
                { fill(lang, "ui_extras_used", &[&props.names.len().to_string(), &props.names.join(", ")]) }
                { for props.problems.iter().map(|p| html! { <span class="warn">{ format!(" {}: {}", p.file, p.message_in(lang)) }</span> }) }
                { t(lang, "ui_extras_apply") }
            </p>
            <label class="muted trust-user">
                <input type="checkbox" checked={props.trust_user} onchange={on_trust} data-testid="trust-dropped-roots" />
                { t(lang, "ui_trust_dropped") }
            </label>
        </>
    }
}
