//! The file writer that runs inside a Web Worker (`src/bin/kyso-writer.rs`): the
//! page's second wasm module, loaded only when the first file is downloaded, so the
//! DOCX, PDF (font subsetter) and ZIP writers are not part of the page's first load.
//! What each job makes is [`crate::writer`]; this is only the worker's mailbox.
//!
//! Messages (plain objects):
//! - page → writer: `{kind:"write", id, job}`, the job as JSON ([`Job::to_json`]);
//! - writer → page: `{kind:"ready"}` once listening; `{kind:"done", id, bytes, files}`
//!   with the file as a `Uint8Array` whose buffer is transferred, not copied; or
//!   `{kind:"failed", id, code, args}`, an i18n code the page words.
//!
//! The PDF font is fetched here, from `./fonts/` beside the page (the service worker
//! answers offline), the first time a job needs it, and kept for the worker's life.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::hash_worker::{get, message, set};
use crate::forms::pdf::{self, FontSet};
use crate::writer::{self, Job, WriteError, Written};

/// Where the font files are, relative to the worker's script (next to index.html).
pub const FONT_DIR: &str = "./fonts/";

type Scope = web_sys::DedicatedWorkerGlobalScope;
type FontCache = Rc<RefCell<Option<Rc<FontSet>>>>;

/// Starts listening; called by the worker binary's `main`.
pub fn run() {
    let scope: Scope = js_sys::global().unchecked_into();
    let fonts = FontCache::default();
    let s = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            if get(&data, "kind").as_string().as_deref() != Some("write") {
                return;
            }
            let id = get(&data, "id").as_f64().unwrap_or(-1.0);
            let job = get(&data, "job").as_string().unwrap_or_default();
            let (scope, fonts) = (s.clone(), Rc::clone(&fonts));
            wasm_bindgen_futures::spawn_local(async move {
                let result = match Job::from_json(&job) {
                    Ok(job) => make(&scope, &fonts, &job).await,
                    Err(e) => Err(e),
                };
                reply(&scope, id, result);
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&message("ready", None));
}

async fn make(scope: &Scope, cache: &FontCache, job: &Job) -> Result<Written, WriteError> {
    let fonts = if job.needs_fonts() {
        fonts(scope, cache).await
    } else {
        // Never looked at: the job draws no PDF.
        Err(WriteError::new("forms_font_missing", &[]))
    };
    writer::write(job, fonts.as_deref())
}

fn reply(scope: &Scope, id: f64, result: Result<Written, WriteError>) {
    match result {
        Ok(w) => {
            let bytes = Uint8Array::from(w.bytes.as_slice());
            let done = message("done", Some(id));
            set(&done, "bytes", &bytes);
            set(&done, "files", &JsValue::from_f64(w.files as f64));
            let _ = scope.post_message_with_transfer(&done, &Array::of1(&bytes.buffer()));
        }
        Err(e) => {
            let failed: Object = message("failed", Some(id));
            set(&failed, "code", &JsValue::from_str(&e.code));
            let args: Array = e.args.iter().map(|a| JsValue::from_str(a)).collect();
            set(&failed, "args", &args);
            let _ = scope.post_message(&failed);
        }
    }
}

/// The serif for PDFs, fetched the first time and kept.
async fn fonts(scope: &Scope, cache: &FontCache) -> Result<Rc<FontSet>, WriteError> {
    if let Some(f) = cache.borrow().clone() {
        return Ok(f);
    }
    let mut faces = Vec::with_capacity(4);
    for name in pdf::FONT_FILES {
        faces.push(fetch_bytes(scope, &format!("{FONT_DIR}{name}")).await?);
    }
    let mut it = faces.into_iter();
    let (Some(r), Some(b), Some(i), Some(bi)) = (it.next(), it.next(), it.next(), it.next()) else {
        return Err(WriteError::new("forms_font_missing", &[]));
    };
    let set = FontSet::new(r, b, i, bi).map_err(|e| WriteError::new(e.code, &[]))?;
    let set = Rc::new(set);
    *cache.borrow_mut() = Some(Rc::clone(&set));
    Ok(set)
}

async fn fetch_bytes(scope: &Scope, url: &str) -> Result<Vec<u8>, WriteError> {
    let failed = || WriteError::new("forms_fetch_failed", &[url]);
    let response = JsFuture::from(scope.fetch_with_str(url))
        .await
        .map_err(|_| failed())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed())?;
    if !response.ok() {
        return Err(WriteError::new(
            "forms_fetch_not_found",
            &[url, &response.status().to_string()],
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
