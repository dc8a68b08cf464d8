//! The page's language: Tiếng Việt (the default) or English, chosen in the header,
//! remembered in this browser's local storage, and handed to every component through a
//! Yew context, so a switch redraws the whole page at once without losing its state.
//!
//! The words themselves live in `crate::i18n` (the page's own in `i18n/ui.rs`); the
//! letters of the forms tab stay Vietnamese whatever is chosen here.

use yew::prelude::*;

use crate::i18n::{self, Lang};

/// Where the choice is kept (local storage of this browser only).
pub const STORAGE_KEY: &str = "kyso.lang";

/// The language the page starts in: the stored choice, else Vietnamese.
pub fn stored() -> Lang {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|v| Lang::parse(&v))
        .unwrap_or_default()
}

/// Remembers the choice and tells the browser (and screen readers) the page's language.
pub fn apply(lang: Lang) {
    let window = gloo::utils::window();
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.set_item(STORAGE_KEY, code(lang));
    }
    let document = gloo::utils::document();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", code(lang));
    }
    document.set_title(t(lang, "ui_page_title"));
}

/// The BCP 47 tag of a language.
pub fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    }
}

/// The page's current language, from the context the app provides.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// Words for a code (shorthand for `i18n::text`).
pub fn t(lang: Lang, code: &str) -> &str {
    i18n::text(lang, code)
}

/// The words of `code` with each `{}` replaced by the next argument.
pub fn fill(lang: Lang, code: &str, args: &[&str]) -> String {
    i18n::fill(lang, code, args)
}

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub on_change: Callback<Lang>,
}

/// "Tiếng Việt | English": two buttons, the current one pressed. Each name is written in
/// its own language (and marked so), as a reader of the other one looks for it.
#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let lang = use_lang();
    let button = |l: Lang, name: &'static str| {
        let on_change = props.on_change.clone();
        let pressed = l == lang;
        html! {
            <button type="button" class={classes!("lang-button", pressed.then_some("active"))}
                lang={code(l)} aria-pressed={pressed.to_string()} data-testid={format!("lang-{}", code(l))}
                onclick={Callback::from(move |_: MouseEvent| on_change.emit(l))}>
                { name }
            </button>
        }
    };
    html! {
        <div class="lang-switch" role="group" aria-label={t(lang, "ui_language")}>
            { button(Lang::Vi, "Tiếng Việt") }
            { button(Lang::En, "English") }
        </div>
    }
}
