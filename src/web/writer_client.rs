//! The page's side of the file writer ([`super::writer_worker`], the `kyso-writer`
//! wasm module).
//!
//! Why a second module: the writers (DOCX, PDF with its font subsetter, the ZIP
//! compressor) are a good part of the page's wasm, and most visits download nothing;
//! the page's first load must stay within its budget (issue 11, scripts/test.sh). So
//! the page lays the file out, [`write`] sends the job to the worker and awaits the
//! bytes. The worker is started by the first write and kept for the next ones; when
//! it cannot start, dies or stops answering, the pending writes fail with
//! `writer_unavailable` and the next write starts a fresh one.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::download;
use super::hash_worker::{get, message, set};
use super::lang::fill;
use super::worker_link::Link;
use crate::i18n::Lang;
use crate::writer::{Job, WriteError};

/// The writer's loader, next to index.html (Trunk's loader shim for the worker binary).
const WORKER_URL: &str = "./kyso-writer_loader.js";
/// How long the writer may take to load and compile before the page gives up on it:
/// generous, since the clerk is waiting for a file and a slow PC compiles slowly.
const READY_WITHIN_MS: u32 = 60_000;
/// How long one file may take before the writer is taken for stuck and replaced: a
/// trap inside the worker's async task would otherwise never answer. A 500-row
/// letter's PDF takes under half a second.
const REPLY_WITHIN_MS: u32 = 120_000;

/// A file the writer made: its bytes stay in JavaScript (they are only saved).
pub struct Made {
    pub bytes: Uint8Array,
    /// How many files it holds (a ZIP's entries; 1 otherwise).
    pub files: usize,
}

impl Made {
    /// Offers the file as a download.
    pub fn save(&self, file_name: &str, mime: &str) -> Result<(), JsValue> {
        download::save_array(file_name, mime, &self.bytes)
    }
}

/// The words of a failure, in `lang`.
pub fn words(lang: Lang, e: &WriteError) -> String {
    let args: Vec<&str> = e.args.iter().map(String::as_str).collect();
    fill(lang, &e.code, &args)
}

/// "Could not make the file: …", in `lang`.
pub fn failure(lang: Lang, e: &WriteError) -> String {
    fill(lang, "writer_failed", &[&words(lang, e)])
}

/// Replies by job id, until their `write` takes them.
type Replies = HashMap<u32, JsValue>;

struct Writer {
    link: Link<Replies>,
    next_id: RefCell<u32>,
}

thread_local! {
    static WRITER: RefCell<Option<Rc<Writer>>> = const { RefCell::new(None) };
}

/// The running writer, started on first use, or again after a failure.
fn writer() -> Option<Rc<Writer>> {
    WRITER.with(|w| {
        let mut w = w.borrow_mut();
        if let Some(old) = w.as_ref().filter(|o| o.link.failed()) {
            old.link.terminate();
            *w = None;
        }
        if w.is_none() {
            *w = spawn().map(Rc::new);
        }
        w.clone()
    })
}

fn spawn() -> Option<Writer> {
    let link = Link::spawn(
        WORKER_URL,
        READY_WITHIN_MS,
        Replies::new(),
        |inbox, kind, data| {
            if kind != "done" && kind != "failed" {
                return false;
            }
            let id = get(data, "id").as_f64().unwrap_or(-1.0) as u32;
            inbox.state.insert(id, data.clone());
            true
        },
    )?;
    Some(Writer {
        link,
        next_id: RefCell::new(0),
    })
}

/// Has the writer make the file of `job`.
pub async fn write(job: &Job) -> Result<Made, WriteError> {
    let unavailable = || WriteError::new("writer_unavailable", &[]);
    let writer = writer().ok_or_else(unavailable)?;
    if !writer.link.ready().await {
        return Err(unavailable());
    }
    let id = {
        let mut n = writer.next_id.borrow_mut();
        *n = n.wrapping_add(1);
        *n
    };
    let msg = message("write", Some(f64::from(id)));
    set(&msg, "job", &JsValue::from_str(&job.to_json()));
    if !writer.link.post(&msg, None) {
        return Err(unavailable());
    }
    // Cancelled when dropped, i.e. once the reply is in.
    let _watchdog = writer.link.watchdog(REPLY_WITHIN_MS);
    let reply = writer
        .link
        .wait(|i| i.state.remove(&id))
        .await
        .ok_or_else(unavailable)?;
    if get(&reply, "kind").as_string().as_deref() == Some("done") {
        let bytes = get(&reply, "bytes")
            .dyn_into::<Uint8Array>()
            .map_err(|_| unavailable())?;
        let files = get(&reply, "files").as_f64().unwrap_or(1.0) as usize;
        return Ok(Made { bytes, files });
    }
    let args = get(&reply, "args")
        .dyn_into::<Array>()
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Err(WriteError {
        code: get(&reply, "code")
            .as_string()
            .unwrap_or_else(|| "writer_unavailable".to_string()),
        args,
    })
}
