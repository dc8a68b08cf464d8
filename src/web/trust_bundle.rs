//! The optional deployer-supplied CA certificates: `./trust/bundle.pem`.
//!
//! An agency that hosts the page may put the CA certificates of its choice (for
//! example the issuing CAs of the government PKI) next to index.html, as one PEM file.
//! The page fetches it once at start-up, from its own origin only, and uses those
//! certificates to build chains. A missing file (404) or any failure is silent: the
//! page works the same without it.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::input::InputFile;

/// Where the bundle is looked for, relative to the page.
pub const PATH: &str = "./trust/bundle.pem";

/// Fetches the bundle; `None` when there is none or it cannot be read.
pub async fn load() -> Option<InputFile> {
    let window = gloo::utils::window();
    let response = JsFuture::from(window.fetch_with_str(PATH)).await.ok()?;
    let response: Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    let text = text.as_string()?;
    // Servers that answer every path with a page (single-page-app fallbacks, "soft
    // 404" pages) must not make that page look like a broken bundle.
    if !looks_like_pem(&text) {
        return None;
    }
    Some(InputFile::new("trust/bundle.pem", text.into_bytes()))
}

/// Whether the text holds at least one PEM block the certificate reader accepts.
pub fn looks_like_pem(text: &str) -> bool {
    let head = text.trim_start();
    !head.starts_with('<')
        && [
            "-----BEGIN CERTIFICATE-----",
            "-----BEGIN PKCS7-----",
            "-----BEGIN X509 CRL-----",
        ]
        .iter()
        .any(|label| text.contains(label))
}
