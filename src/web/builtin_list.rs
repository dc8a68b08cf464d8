//! "Các CA có sẵn trong kyso": the built-in CA certificates, which of them are trust
//! anchors, and how old the set is, folded away under the certificate tab's drop zone.

use yew::prelude::*;

use super::cert_card::vn_time;
use super::clock;
use super::lang::{fill, t, use_lang};
use crate::i18n::{self, Lang};
use crate::trust::builtin::{self, BuiltinCa};

/// The list is built (and the certificates parsed) only when the section is opened.
#[component]
pub fn BuiltinList() -> Html {
    let lang = use_lang();
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target_dyn_into::<web_sys::Element>() {
                open.set(d.has_attribute("open"));
            }
        })
    };
    let set_date = builtin::set_date();
    html! {
        <details class="builtin-cas" data-testid="builtin-cas" {ontoggle}>
            <summary>
                { fill(lang, "ui_builtin_title", &[&builtin::count().to_string(), &set_date.to_vn_date()]) }
            </summary>
            if *open {
                <p class="muted">
                    { i18n::builtin_summary(lang, builtin::count(), builtin::anchor_count(), set_date, clock::now()) }
                </p>
                { table(&builtin::list(), lang) }
            }
        </details>
    }
}

fn table(cas: &[BuiltinCa], lang: Lang) -> Html {
    let now = clock::now();
    html! {
        // Focusable, so that a keyboard can scroll the wide table too.
        <div class="table-wrap" tabindex="0" role="region" aria-label={t(lang, "ui_builtin_table")}>
            <table class="rows builtin-list">
                <thead>
                    <tr>
                        <th>{ t(lang, "ui_col_name") }</th>
                        <th>{ t(lang, "ui_col_kind") }</th>
                        <th>{ t(lang, "ui_col_owner") }</th>
                        <th>{ t(lang, "ui_col_valid_to") }</th>
                        <th>{ "SHA-256" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for cas.iter().map(|c| {
                        let source = if c.government { "builtin_government" } else { "builtin_public" };
                        let expired = c.not_after < now;
                        html! {
                            <tr data-testid="builtin-ca" data-sha256={c.sha256.clone()}
                                data-anchor={c.anchor.unwrap_or_default()}>
                                <td title={c.subject_dn.clone()}>
                                    { &c.name }
                                    if c.anchor.is_some() {
                                        <span class="muted">{ format!(" — {}", t(lang, "builtin_anchor")) }</span>
                                    }
                                </td>
                                <td>{ t(lang, c.kind.code()) }</td>
                                <td>{ t(lang, source) }</td>
                                <td class={classes!(expired.then_some("warn"))}>
                                    { vn_time(c.not_after) }
                                    if expired {
                                        { t(lang, "ui_expired_note") }
                                    }
                                </td>
                                <td><code class="hex">{ &c.sha256 }</code></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
