//! The SHA-256 helper that runs inside a Web Worker (`src/bin/kyso-hash-worker.rs`).
//!
//! The page reads a PDF in chunks; each chunk is copied into the page's WebAssembly
//! memory for the PDF reader and its `ArrayBuffer` is then *transferred* (not copied)
//! here, where it is hashed from byte 0 with [`Checkpointer`] and dropped. So the
//! hashing runs on the second core while the page is still reading and parsing, and the
//! helper never holds more than the chunks in flight (see [`super::hash_helper`]).
//!
//! Messages (plain objects):
//! - page → helper: `{kind:"begin", id}`, `{kind:"chunk", id, buffer}`, `{kind:"end", id}`
//! - helper → page: `{kind:"ready"}` once listening; `{kind:"ack", id, hashed}` after
//!   each chunk; `{kind:"done", id, every, len, states}` with the checkpoint states as
//!   a `Uint32Array` (8 words each).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect, Uint8Array, Uint32Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::crypto::checkpoint::{CHECKPOINT_EVERY, Checkpointer};

/// Bytes copied from a chunk into WebAssembly memory at a time: the helper's own
/// memory stays at about this size whatever the file.
const SCRATCH: usize = 1024 * 1024;

struct Helper {
    scope: web_sys::DedicatedWorkerGlobalScope,
    job: Option<(f64, Checkpointer)>,
    scratch: Vec<u8>,
    /// Milliseconds spent hashing for the current job (reported to benchmarks).
    busy_ms: f64,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Starts listening; called by the worker binary's `main`.
pub fn run() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let helper = Rc::new(RefCell::new(Helper {
        scope: scope.clone(),
        job: None,
        scratch: vec![0; SCRATCH],
        busy_ms: 0.0,
    }));
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let Ok(mut h) = helper.try_borrow_mut() {
                h.handle(&ev.data());
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&scope, &message("ready", None), None);
}

impl Helper {
    fn handle(&mut self, data: &JsValue) {
        let kind = get(data, "kind").as_string().unwrap_or_default();
        let id = get(data, "id").as_f64().unwrap_or(-1.0);
        match kind.as_str() {
            "begin" => {
                self.job = Some((id, Checkpointer::new(CHECKPOINT_EVERY)));
                self.busy_ms = 0.0;
            }
            "chunk" => {
                let Some((job_id, cp)) = self.job.as_mut() else {
                    return;
                };
                if *job_id != id {
                    return;
                }
                let t0 = now_ms();
                let bytes = Uint8Array::new(&get(data, "buffer"));
                let len = bytes.length();
                let step = u32::try_from(SCRATCH).unwrap_or(u32::MAX);
                let mut at = 0u32;
                while at < len {
                    let end = at.saturating_add(step).min(len);
                    let n = (end - at) as usize;
                    if let Some(dst) = self.scratch.get_mut(..n) {
                        bytes.subarray(at, end).copy_to(dst);
                        cp.update(dst);
                    }
                    at = end;
                }
                self.busy_ms += now_ms() - t0;
                let ack = message("ack", Some(id));
                set(&ack, "hashed", &JsValue::from_f64(cp.len() as f64));
                post(&self.scope, &ack, None);
            }
            "end" => {
                let Some((job_id, cp)) = self.job.take() else {
                    return;
                };
                if job_id != id {
                    return;
                }
                let cps = cp.finish();
                let words = Uint32Array::from(cps.to_words().as_slice());
                let done = message("done", Some(id));
                set(&done, "every", &JsValue::from_f64(cps.every as f64));
                set(&done, "len", &JsValue::from_f64(cps.len as f64));
                set(&done, "states", &words);
                set(&done, "busy_ms", &JsValue::from_f64(self.busy_ms));
                post(&self.scope, &done, Some(&words.buffer()));
            }
            _ => {}
        }
    }
}

/// `{kind, id}`.
pub(crate) fn message(kind: &str, id: Option<f64>) -> Object {
    let o = Object::new();
    set(&o, "kind", &JsValue::from_str(kind));
    if let Some(id) = id {
        set(&o, "id", &JsValue::from_f64(id));
    }
    o
}

pub(crate) fn set(o: &Object, key: &str, value: &JsValue) {
    // Setting a property on a plain object cannot fail.
    let _ = Reflect::set(o, &JsValue::from_str(key), value);
}

pub(crate) fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn post(scope: &web_sys::DedicatedWorkerGlobalScope, msg: &Object, transfer: Option<&JsValue>) {
    let _ = match transfer {
        Some(t) => scope.post_message_with_transfer(msg, &js_sys::Array::of1(t)),
        None => scope.post_message(msg),
    };
}
