//! The page: the header with its three tabs and the language switch, and the tab the
//! URL hash names (`#chung-thu`, `#kiem-tra`, `#lap-van-ban`), so a reload keeps the
//! user's place.
//!
//! Each tab's state lives here, not in the tab, so that going to another tab and back
//! — or switching the language — keeps what was dropped and typed. Only the visible
//! tab is drawn: each has its own drop zone, and a drop anywhere on the page goes to
//! the visible one. The tabs follow the WAI-ARIA tabs pattern: one tab stop, arrow
//! keys (and Home/End) move between tabs and open them.

use gloo::events::EventListener;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::cert_job;
use super::cert_state::Session;
use super::cert_tab::CertTab;
use super::forms_tab::{self, FormsTab};
use super::lang::{self, LangSwitch, t};
use super::trust_folder;
use super::verify_job;
use super::verify_state::VerifyState;
use super::verify_tab::VerifyTab;
use crate::i18n::Lang;
use crate::input::InputFile;

/// The three tabs, in the order of the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Certificates,
    Verify,
    Forms,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Certificates, Tab::Verify, Tab::Forms];

    /// The URL hash (without `#`).
    pub fn hash(self) -> &'static str {
        match self {
            Tab::Certificates => "chung-thu",
            Tab::Verify => "kiem-tra",
            Tab::Forms => "lap-van-ban",
        }
    }

    /// The i18n code of the tab's name.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Certificates => "ui_tab_certificates",
            Tab::Verify => "ui_tab_verify",
            Tab::Forms => "ui_tab_forms",
        }
    }

    fn tagline(self) -> &'static str {
        match self {
            Tab::Certificates => "ui_tagline_certificates",
            Tab::Verify => "ui_tagline_verify",
            Tab::Forms => "ui_tagline_forms",
        }
    }

    /// The tab a hash names; the certificate tab for anything else.
    pub fn from_hash(hash: &str) -> Tab {
        let h = hash.trim_start_matches('#');
        Tab::ALL
            .into_iter()
            .find(|t| t.hash() == h)
            .unwrap_or(Tab::Certificates)
    }

    /// The tab of the page's current URL.
    pub fn current() -> Tab {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        Tab::from_hash(&hash)
    }

    /// The tab a key press on `self` moves to (ArrowLeft/Right wrap around).
    fn after_key(self, key: &str) -> Option<Tab> {
        let i = Tab::ALL.iter().position(|t| *t == self)?;
        let n = Tab::ALL.len();
        let j = match key {
            "ArrowRight" => (i + 1) % n,
            "ArrowLeft" => (i + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return None,
        };
        Tab::ALL.get(j).copied()
    }
}

#[component]
pub fn App() -> Html {
    let tab = use_state(Tab::current);
    let lang = use_state(lang::stored);
    let certs = use_reducer(Session::default);
    let verify = use_reducer(VerifyState::default);
    let forms = use_reducer(forms_tab::FormsState::load);

    // The document's language and title follow the switch.
    use_effect_with(*lang, |l| lang::apply(*l));

    // The deployer's trust folder and CA bundle, fetched once from the page's own
    // origin; documents already shown are verified again with them.
    let folder_loaded = use_state(|| false);
    {
        let certs = certs.dispatcher();
        let verify = verify.dispatcher();
        let folder_loaded = folder_loaded.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let mut cas: Vec<InputFile> =
                    trust_folder::load_bundle().await.into_iter().collect();
                let folder = trust_folder::load_index().await;
                if let Some(f) = &folder {
                    cas.extend(f.cas.iter().cloned());
                }
                for ca in cas {
                    verify_job::add_deployer_ca(ca.clone());
                    cert_job::add_deployer_ca(&certs, ca);
                }
                folder_loaded.set(folder.is_some());
                verify_job::reverify_all(verify.clone());
            });
        });
    }

    // Back/forward and typed hashes switch the tab too.
    {
        let tab = tab.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                tab.set(Tab::current());
            });
            move || drop(listener)
        });
    }

    // PDFs dropped on the certificate tab open in the verify tab.
    let on_pdfs = {
        let verify = verify.dispatcher();
        let tab = tab.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            go_to(Tab::Verify);
            tab.set(Tab::Verify);
            verify_job::start(verify.clone(), files);
        })
    };
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| lang.set(l))
    };
    // Arrow keys on a tab open the next one and move the focus to it.
    let on_tab_key = {
        let tab = tab.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(next) = tab.after_key(&e.key()) else {
                return;
            };
            e.prevent_default();
            go_to(next);
            tab.set(next);
            if let Some(el) = gloo::utils::document().get_element_by_id(&tab_id(next))
                && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
            {
                let _ = el.focus();
            }
        })
    };

    let current = *tab;
    let l = *lang;
    html! {
        <ContextProvider<Lang> context={l}>
            <header class="site">
                <div class="brand">
                    <img class="logo" src="favicon.svg" alt="" width="36" height="36" />
                    <div>
                        <h1>{ "kyso" }</h1>
                        <p class="tagline">{ t(l, current.tagline()) }</p>
                    </div>
                    <LangSwitch on_change={on_lang} />
                </div>
                <nav class="tabs" aria-label={t(l, "ui_functions")}>
                    <div role="tablist" class="tablist" aria-label={t(l, "ui_functions")}>
                    { for Tab::ALL.into_iter().map(|tb| {
                        let active = tb == current;
                        html! {
                            <a class={classes!("tab", active.then_some("active"))} href={format!("#{}", tb.hash())}
                                id={tab_id(tb)} role="tab" aria-selected={active.to_string()}
                                aria-controls="kyso-tabpanel" tabindex={if active { "0" } else { "-1" }}
                                onkeydown={on_tab_key.clone()} data-testid={format!("tab-{}", tb.hash())}>
                                { t(l, tb.label()) }
                            </a>
                        }
                    }) }
                    </div>
                </nav>
            </header>
            <main data-tab={current.hash()}>
                <div id="kyso-tabpanel" role="tabpanel" aria-labelledby={tab_id(current)}>
                { match current {
                    Tab::Certificates => html! { <CertTab session={certs.clone()} {on_pdfs} /> },
                    Tab::Verify => html! { <VerifyTab state={verify.clone()} /> },
                    Tab::Forms => html! { <FormsTab state={forms.clone()} /> },
                } }
                </div>
            </main>
            <footer class="site">
                <p>
                    { t(l, "ui_footer") }
                    if !certs.bundle().is_empty() {
                        { lang::fill(l, "ui_footer_bundle", &[&deployed_names(certs.bundle())]) }
                    }
                    if let Some(f) = trust_folder::current().filter(|_| *folder_loaded) {
                        <span data-testid="trust-folder" data-crls={f.index.crls.len().to_string()}>
                            { lang::fill(l, "ui_footer_trust_folder", &[&f.index.crls.len().to_string()]) }
                            { for f.problems.iter().map(|(file, code)| html! {
                                <span class="warn">{ format!(" {}{}", file.as_ref().map(|f| format!("{f}: ")).unwrap_or_default(), t(l, code)) }</span>
                            }) }
                        </span>
                    }
                </p>
            </footer>
        </ContextProvider<Lang>>
    }
}

/// The element id of a tab (for focus and `aria-labelledby`).
fn tab_id(tab: Tab) -> String {
    format!("tab-{}", tab.hash())
}

/// Puts `tab` in the URL (a reload then opens it again).
pub fn go_to(tab: Tab) {
    let location = gloo::utils::window().location();
    let _ = location.set_hash(tab.hash());
}

/// The deployer's CA files, named once: the bundle, or "trust/index.json" for the
/// folder's certificates.
fn deployed_names(files: &[InputFile]) -> String {
    let mut names: Vec<&str> = files
        .iter()
        .map(|f| {
            if f.name.starts_with("trust/ca/") {
                "trust/index.json"
            } else {
                f.name.as_str()
            }
        })
        .collect();
    names.dedup();
    names.join(", ")
}
