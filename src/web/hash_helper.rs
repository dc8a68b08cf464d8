//! The page's side of the SHA-256 Web Worker ([`super::hash_worker`]).
//!
//! Why a worker: on one thread the page must read 100 MB from the Blob, parse it and
//! hash it one after the other, and hashing on the main thread even slows the reading
//! (the Blob's data is delivered by the same event loop). With the hashing on the
//! second core, the file is hashed while it is read and parsed, and only the tail of
//! each signed range is hashed afterwards ([`crate::crypto::checkpoint`]).
//!
//! The helper is optional: when the browser cannot start it (no Worker, a `file://`
//! page, a server that does not serve its files, a crash), every call here answers
//! `None`/`false` and the page hashes on its own thread as before. A confused helper
//! cannot make a signature pass: its checkpoints only count when they have exactly the
//! shape of this file's (see [`Checkpoints::from_words`]), and a wrong state yields a
//! digest that does not match the signed one, i.e. a failure, never a pass.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use js_sys::{Promise, Uint32Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::hash_worker::{get, message, set};
use crate::crypto::checkpoint::Checkpoints;

/// The helper's loader, next to index.html (Trunk's loader shim for the worker binary).
const WORKER_URL: &str = "./kyso-hash-worker_loader.js";
/// How long the helper may take to start before the page stops waiting for it.
const READY_WITHIN_MS: u32 = 10_000;
/// Bytes sent but not yet hashed before the page waits: bounds the memory the queue of
/// transferred chunks can take when hashing is slower than reading.
const MAX_IN_FLIGHT: f64 = 40.0 * 1024.0 * 1024.0;

#[derive(Default)]
struct Inbox {
    ready: bool,
    failed: bool,
    job: f64,
    hashed: f64,
    done: Option<Checkpoints>,
    /// The helper's own hashing time for the finished job (benchmarks show it).
    busy_ms: f64,
    wake: Option<js_sys::Function>,
}

impl Inbox {
    fn wake(&mut self) {
        if let Some(f) = self.wake.take() {
            let _ = f.call0(&JsValue::UNDEFINED);
        }
    }
}

pub struct Helper {
    worker: web_sys::Worker,
    inbox: Rc<RefCell<Inbox>>,
    next_id: RefCell<f64>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    _ready_timeout: Timeout,
}

thread_local! {
    static HELPER: RefCell<Option<Rc<Helper>>> = const { RefCell::new(None) };
}

/// Whether the URL asks for everything on the page's thread (`?hash=main`, for
/// benchmarks that compare the two).
fn disabled() -> bool {
    gloo::utils::window()
        .location()
        .search()
        .map(|s| s.contains("hash=main"))
        .unwrap_or(false)
}

/// Starts the helper once (early, so it is ready when the first PDF arrives).
pub fn start() {
    let _ = helper();
}

/// The running helper, or `None` when it could not be started or has failed.
pub fn helper() -> Option<Rc<Helper>> {
    if disabled() {
        return None;
    }
    HELPER.with(|h| {
        let mut h = h.borrow_mut();
        if h.is_none() {
            *h = spawn().map(Rc::new);
        }
        h.clone().filter(|h| !h.inbox.borrow().failed)
    })
}

fn spawn() -> Option<Helper> {
    let worker = web_sys::Worker::new(WORKER_URL).ok()?;
    let inbox = Rc::new(RefCell::new(Inbox {
        job: -1.0,
        ..Inbox::default()
    }));
    let ib = inbox.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            let kind = get(&data, "kind").as_string().unwrap_or_default();
            let id = get(&data, "id").as_f64().unwrap_or(-2.0);
            let Ok(mut i) = ib.try_borrow_mut() else {
                return;
            };
            match kind.as_str() {
                "ready" => i.ready = true,
                "ack" if id == i.job => i.hashed = get(&data, "hashed").as_f64().unwrap_or(0.0),
                "done" if id == i.job => {
                    let every = get(&data, "every").as_f64().unwrap_or(0.0) as u64;
                    let len = get(&data, "len").as_f64().unwrap_or(0.0) as u64;
                    let words = get(&data, "states")
                        .dyn_into::<Uint32Array>()
                        .ok()
                        .map(|w| w.to_vec());
                    i.done = words.and_then(|w| Checkpoints::from_words(every, len, &w));
                    i.busy_ms = get(&data, "busy_ms").as_f64().unwrap_or(0.0);
                    if i.done.is_none() {
                        i.failed = true;
                    }
                }
                _ => return,
            }
            i.wake();
        });
    let ib = inbox.clone();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        if let Ok(mut i) = ib.try_borrow_mut() {
            i.failed = true;
            i.wake();
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let ib = inbox.clone();
    let ready_timeout = Timeout::new(READY_WITHIN_MS, move || {
        if let Ok(mut i) = ib.try_borrow_mut()
            && !i.ready
        {
            i.failed = true;
            i.wake();
        }
    });
    Some(Helper {
        worker,
        inbox,
        next_id: RefCell::new(0.0),
        _on_message: on_message,
        _on_error: on_error,
        _ready_timeout: ready_timeout,
    })
}

impl Helper {
    /// Waits until `until` holds or the helper fails; `true` unless it failed.
    async fn wait(&self, until: impl Fn(&Inbox) -> bool) -> bool {
        loop {
            {
                let i = self.inbox.borrow();
                if i.failed {
                    return false;
                }
                if until(&i) {
                    return true;
                }
            }
            let inbox = self.inbox.clone();
            let p = Promise::new(&mut |resolve, _| {
                inbox.borrow_mut().wake = Some(resolve);
            });
            let _ = JsFuture::from(p).await;
        }
    }

    fn post(&self, msg: &js_sys::Object, transfer: Option<&JsValue>) -> bool {
        let r = match transfer {
            Some(t) => self
                .worker
                .post_message_with_transfer(msg, &js_sys::Array::of1(t)),
            None => self.worker.post_message(msg),
        };
        if r.is_err() {
            self.inbox.borrow_mut().failed = true;
        }
        r.is_ok()
    }
}

/// One file being hashed by the helper.
pub struct Job {
    helper: Rc<Helper>,
    id: f64,
    sent: f64,
}

/// Starts hashing a new file, once the helper is ready; `None` without a helper.
pub async fn begin() -> Option<Job> {
    let helper = helper()?;
    if !helper.wait(|i| i.ready).await {
        return None;
    }
    let id = {
        let mut n = helper.next_id.borrow_mut();
        *n += 1.0;
        *n
    };
    {
        let mut i = helper.inbox.borrow_mut();
        i.job = id;
        i.hashed = 0.0;
        i.done = None;
    }
    if !helper.post(&message("begin", Some(id)), None) {
        return None;
    }
    Some(Job {
        helper,
        id,
        sent: 0.0,
    })
}

impl Job {
    /// Hands the next chunk (the bytes that follow the previous one) to the helper; the
    /// buffer is transferred, so the caller must have copied what it needs first.
    /// Waits while too much is in flight. `false` when the helper has failed.
    pub async fn send(&mut self, buffer: &js_sys::ArrayBuffer) -> bool {
        let n = f64::from(buffer.byte_length());
        let msg = message("chunk", Some(self.id));
        set(&msg, "buffer", buffer);
        if !self.helper.post(&msg, Some(buffer)) {
            return false;
        }
        self.sent += n;
        let sent = self.sent;
        self.helper.wait(|i| sent - i.hashed <= MAX_IN_FLIGHT).await
    }

    /// Bytes the helper has hashed so far.
    pub fn hashed(&self) -> f64 {
        self.helper.inbox.borrow().hashed
    }

    /// Waits for the checkpoints of everything sent; `progress` gets the bytes hashed.
    /// Also returns the milliseconds the helper spent hashing.
    pub async fn finish(self, mut progress: impl FnMut(f64)) -> Option<(Checkpoints, f64)> {
        if !self.helper.post(&message("end", Some(self.id)), None) {
            return None;
        }
        loop {
            let before = self.hashed();
            progress(before);
            let changed = self
                .helper
                .wait(|i| i.done.is_some() || i.hashed != before)
                .await;
            if !changed {
                return None;
            }
            let mut i = self.helper.inbox.borrow_mut();
            if let Some(done) = i.done.take() {
                return Some((done, i.busy_ms));
            }
        }
    }
}
