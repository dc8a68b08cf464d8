//! The deployer's trust folder beside the page: `./trust/index.json` (CA
//! certificates and CRLs that `kyso trust update` keeps fresh) and the older single
//! `./trust/bundle.pem` (CA certificates only), both optional.
//!
//! Everything is fetched from the page's own origin with relative URLs, so the page
//! works from any sub-folder and never asks another server. The index and the CA
//! certificates it lists are fetched once at start-up; a CRL only when a signature or
//! certificate at hand names its issuer ([`crate::trust::folder::wanted`]), once per
//! page load. Each file must match the SHA-256 the index gives; a CRL is then handed
//! to verification like a dropped one, which checks its signature, issuer and
//! freshness. A missing folder (404) or an HTML page served in its place (single-page
//! fallbacks, "soft 404" pages) is no folder: the page works the same without it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;
use yew::prelude::*;

use crate::cert::Cert;
use crate::i18n;
use crate::input::InputFile;
use crate::time::Instant;
use crate::trust::folder::{self, CrlEntry, Index};

/// Where the bundle is looked for, relative to the page.
pub const BUNDLE_PATH: &str = "./trust/bundle.pem";
/// The folder, relative to the page.
const FOLDER: &str = "./trust/";

/// The folder as read at start-up.
pub struct Folder {
    pub index: Index,
    /// The CA certificates it lists that matched their SHA-256.
    pub cas: Vec<InputFile>,
    /// Files that did not match the index or could not be fetched: (file, i18n
    /// code), worded in the page's language when shown.
    pub problems: Vec<(Option<String>, &'static str)>,
}

/// A CRL of the folder, fetched for a document, and how old it is.
#[derive(Clone, Debug)]
pub struct FolderCrl {
    pub entry: CrlEntry,
    /// The file, or the i18n code of why it cannot be used.
    pub file: Result<InputFile, &'static str>,
}

/// The same entry and the same outcome: the bytes are fixed by the entry's SHA-256.
impl PartialEq for FolderCrl {
    fn eq(&self, other: &Self) -> bool {
        self.entry == other.entry
            && match (&self.file, &other.file) {
                (Ok(_), Ok(_)) => true,
                (Err(a), Err(b)) => a == b,
                _ => false,
            }
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Folder>>> = const { RefCell::new(None) };
    /// CRLs already fetched, by file name: each is asked for once per page load.
    static CRLS: RefCell<HashMap<String, Result<InputFile, &'static str>>> = RefCell::new(HashMap::new());
}

/// The folder read at start-up, if there is one.
pub fn current() -> Option<Rc<Folder>> {
    CURRENT.with(|c| c.borrow().clone())
}

async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    let window = gloo::utils::window();
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let buf = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Fetches the bundle; `None` when there is none or it cannot be read.
pub async fn load_bundle() -> Option<InputFile> {
    let bytes = fetch_bytes(BUNDLE_PATH).await?;
    let text = String::from_utf8(bytes).ok()?;
    if !looks_like_pem(&text) {
        return None;
    }
    Some(InputFile::new("trust/bundle.pem", text.into_bytes()))
}

/// Fetches `index.json` and the CA certificates it lists; `None` when there is no
/// folder (or an HTML page answers in its place). The result is kept for [`current`].
pub async fn load_index() -> Option<Rc<Folder>> {
    let bytes = fetch_bytes(&format!("{FOLDER}index.json")).await?;
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        return None;
    }
    let mut problems = Vec::new();
    let index = match folder::parse(&bytes) {
        Ok(i) => i,
        Err(e) => {
            problems.push((None, e.code()));
            Index::default()
        }
    };
    let mut cas = Vec::new();
    for c in &index.cas {
        match fetch_bytes(&format!("{FOLDER}{}", c.file)).await {
            Some(b) if folder::sha256_hex(&b).eq_ignore_ascii_case(&c.sha256) => {
                cas.push(InputFile::new(format!("trust/{}", c.file), b));
            }
            _ => problems.push((
                Some(format!("trust/{}", c.file)),
                "trust_file_hash_mismatch",
            )),
        }
    }
    let f = Rc::new(Folder {
        index,
        cas,
        problems,
    });
    CURRENT.with(|c| *c.borrow_mut() = Some(Rc::clone(&f)));
    Some(f)
}

/// The folder's CRLs that `certs` need (their issuers, up through `pool`), fetched
/// (once per page load) and checked against the index's SHA-256.
pub async fn crls_for(certs: &[Cert], pool: &[Cert]) -> Vec<FolderCrl> {
    let Some(f) = current() else {
        return Vec::new();
    };
    let chain = folder::with_issuers(certs, pool);
    let wanted: Vec<CrlEntry> = folder::wanted(&f.index, &chain)
        .into_iter()
        .cloned()
        .collect();
    let mut out = Vec::new();
    for entry in wanted {
        let cached = CRLS.with(|c| c.borrow().get(&entry.file).cloned());
        let file = match cached {
            Some(r) => r,
            None => {
                let r = match fetch_bytes(&format!("{FOLDER}{}", entry.file)).await {
                    Some(b) if folder::sha256_hex(&b).eq_ignore_ascii_case(&entry.sha256) => {
                        Ok(InputFile::new(format!("trust/{}", entry.file), b))
                    }
                    Some(_) => Err("trust_file_hash_mismatch"),
                    None => Err("http_status"),
                };
                CRLS.with(|c| c.borrow_mut().insert(entry.file.clone(), r.clone()));
                r
            }
        };
        out.push(FolderCrl { entry, file });
    }
    out
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

#[derive(Properties, PartialEq)]
pub struct FolderCrlsProps {
    pub crls: Vec<FolderCrl>,
    pub at: Instant,
}

/// "Danh sách thu hồi từ thư mục tin cậy của đơn vị": each CRL used, with its age.
#[component]
pub fn FolderCrls(props: &FolderCrlsProps) -> Html {
    let lang = super::lang::use_lang();
    if props.crls.is_empty() {
        return html! {};
    }
    html! {
        <ul class="muted folder-crls" data-testid="folder-crls">
            { for props.crls.iter().map(|c| {
                let who = c.entry.issuer.rsplit(", ").find_map(|p| p.strip_prefix("CN=")).unwrap_or(&c.entry.issuer).to_string();
                let fresh = folder::freshness(&c.entry, props.at);
                let (class, state, words) = match &c.file {
                    Ok(_) => {
                        let class = if matches!(fresh, folder::Freshness::Current { .. }) { "ok" } else { "warn" };
                        (class, fresh.code(), i18n::crl_freshness(lang, &fresh))
                    }
                    Err(code) => ("warn", "unusable", i18n::text(lang, code).to_string()),
                };
                html! {
                    <li class={class} data-testid="folder-crl" data-state={state}>
                        { format!("{} ({}): {words}", who, i18n::text(lang, "evidence_trust_folder")) }
                    </li>
                }
            }) }
        </ul>
    }
}
