//! "Chép" buttons next to the serial number and the fingerprints.
//!
//! The asynchronous Clipboard API exists only in secure contexts (https, localhost);
//! an intranet page served over plain http does not have it, so the fallback selects
//! the text in a hidden textarea and uses the older `execCommand("copy")`.

use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlDocument, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::lang::{fill, t, use_lang};

#[derive(Properties, PartialEq, Clone)]
pub struct CopyProps {
    /// The text put on the clipboard.
    pub text: AttrValue,
    /// What is copied, for screen readers and the tooltip ("số hiệu", "SHA-256"...),
    /// already in the page's language.
    pub what: AttrValue,
}

/// A small button that copies `text` and says so for a moment.
#[component]
pub fn CopyButton(props: &CopyProps) -> Html {
    let lang = use_lang();
    let done = use_state(|| None::<bool>);
    let onclick = {
        let text = props.text.clone();
        let done = done.clone();
        Callback::from(move |_: MouseEvent| {
            let text = text.clone();
            let done = done.clone();
            spawn_local(async move {
                let ok = copy_text(&text).await;
                done.set(Some(ok));
                Timeout::new(1_500, move || done.set(None)).forget();
            });
        })
    };
    let label = t(
        lang,
        match *done {
            None => "ui_copy",
            Some(true) => "ui_copied",
            Some(false) => "ui_copy_failed",
        },
    );
    let title = fill(lang, "ui_copy_title", &[&props.what]);
    html! {
        <button type="button" class="copy" {onclick} title={title.clone()} aria-label={title}
            data-testid="copy">
            { label }
        </button>
    }
}

/// Puts `text` on the clipboard; `false` when the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let window = gloo::utils::window();
    let navigator = window.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if window.is_secure_context()
        && has_clipboard
        && JsFuture::from(navigator.clipboard().write_text(text))
            .await
            .is_ok()
    {
        return true;
    }
    copy_with_selection(text).is_ok()
}

/// The pre-Clipboard-API way: select the text in a temporary textarea and copy.
fn copy_with_selection(text: &str) -> Result<(), JsValue> {
    let document = gloo::utils::document();
    let area: HtmlTextAreaElement = document.create_element("textarea")?.dyn_into()?;
    area.set_value(text);
    area.set_read_only(true);
    area.set_class_name("offscreen");
    gloo::utils::body().append_child(&area)?;
    area.select();
    let html_document: HtmlDocument = document.dyn_into()?;
    let copied = html_document.exec_command("copy");
    area.remove();
    match copied {
        Ok(true) => Ok(()),
        Ok(false) => Err(JsValue::from_str("copy refused")),
        Err(e) => Err(e),
    }
}
