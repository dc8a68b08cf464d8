//! Saving a file the page made (JSON export...) through a Blob and an object URL.
//!
//! No server is involved: the bytes go into a Blob, a temporary `blob:` URL points at
//! it, and a hidden `<a download>` is clicked. The URL is revoked a little later, once
//! the browser has started the download.

use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Media type of JSON exports.
pub const JSON: &str = "application/json;charset=utf-8";
/// Word documents.
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const PDF: &str = "application/pdf";
pub const ZIP: &str = "application/zip";

/// Offers `bytes` to the user as a download named `file_name`.
pub fn save(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    save_array(file_name, mime, &js_sys::Uint8Array::from(bytes))
}

/// Offers bytes already in JavaScript (a file the writer module made) as a download.
pub fn save_array(file_name: &str, mime: &str, bytes: &js_sys::Uint8Array) -> Result<(), JsValue> {
    let parts = js_sys::Array::new();
    parts.push(bytes);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    save_blob(file_name, &blob)
}

/// Offers a Blob (or a slice of a dropped file) as a download named `file_name`.
pub fn save_blob(file_name: &str, blob: &Blob) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;

    let document = gloo::utils::document();
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = gloo::utils::body();
    body.append_child(&anchor)?;
    anchor.click();
    anchor.remove();

    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
