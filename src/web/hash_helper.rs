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

use js_sys::Uint32Array;
use wasm_bindgen::JsCast;

use super::hash_worker::{get, message, set};
use super::worker_link::Link;
use crate::crypto::checkpoint::Checkpoints;

/// The helper's loader, next to index.html (Trunk's loader shim for the worker binary).
const WORKER_URL: &str = "./kyso-hash-worker_loader.js";
/// How long the helper may take to start before the page stops waiting for it.
const READY_WITHIN_MS: u32 = 10_000;
/// Bytes sent but not yet hashed before the page waits: bounds the memory the queue of
/// transferred chunks can take when hashing is slower than reading.
const MAX_IN_FLIGHT: f64 = 40.0 * 1024.0 * 1024.0;

/// The helper's replies for the file being hashed.
struct Progress {
    /// The file being hashed (replies about an earlier one are ignored).
    job: f64,
    hashed: f64,
    done: Option<Checkpoints>,
    /// The helper's own hashing time for the finished job (benchmarks show it).
    busy_ms: f64,
}

pub struct Helper {
    link: Link<Progress>,
    next_id: RefCell<f64>,
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
        h.clone().filter(|h| !h.link.failed())
    })
}

fn spawn() -> Option<Helper> {
    let progress = Progress {
        job: -1.0,
        hashed: 0.0,
        done: None,
        busy_ms: 0.0,
    };
    let link = Link::spawn(
        WORKER_URL,
        READY_WITHIN_MS,
        progress,
        |inbox, kind, data| {
            let id = get(data, "id").as_f64().unwrap_or(-2.0);
            let p = &mut inbox.state;
            match kind {
                "ack" if id == p.job => p.hashed = get(data, "hashed").as_f64().unwrap_or(0.0),
                "done" if id == p.job => {
                    let every = get(data, "every").as_f64().unwrap_or(0.0) as u64;
                    let len = get(data, "len").as_f64().unwrap_or(0.0) as u64;
                    let words = get(data, "states")
                        .dyn_into::<Uint32Array>()
                        .ok()
                        .map(|w| w.to_vec());
                    p.done = words.and_then(|w| Checkpoints::from_words(every, len, &w));
                    p.busy_ms = get(data, "busy_ms").as_f64().unwrap_or(0.0);
                    if p.done.is_none() {
                        inbox.failed = true;
                    }
                }
                _ => return false,
            }
            true
        },
    )?;
    Some(Helper {
        link,
        next_id: RefCell::new(0.0),
    })
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
    if !helper.link.ready().await {
        return None;
    }
    let id = {
        let mut n = helper.next_id.borrow_mut();
        *n += 1.0;
        *n
    };
    {
        let mut i = helper.link.inbox().borrow_mut();
        i.state.job = id;
        i.state.hashed = 0.0;
        i.state.done = None;
    }
    if !helper.link.post(&message("begin", Some(id)), None) {
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
        if !self.helper.link.post(&msg, Some(buffer)) {
            return false;
        }
        self.sent += n;
        let sent = self.sent;
        self.helper
            .link
            .wait(|i| (!i.failed && sent - i.state.hashed <= MAX_IN_FLIGHT).then_some(()))
            .await
            .is_some()
    }

    /// Bytes the helper has hashed so far.
    pub fn hashed(&self) -> f64 {
        self.helper.link.inbox().borrow().state.hashed
    }

    /// Waits for the checkpoints of everything sent; `progress` gets the bytes hashed.
    /// Also returns the milliseconds the helper spent hashing.
    pub async fn finish(self, mut progress: impl FnMut(f64)) -> Option<(Checkpoints, f64)> {
        if !self.helper.link.post(&message("end", Some(self.id)), None) {
            return None;
        }
        loop {
            let before = self.hashed();
            progress(before);
            self.helper
                .link
                .wait(|i| (i.state.done.is_some() || i.state.hashed != before).then_some(()))
                .await?;
            let mut i = self.helper.link.inbox().borrow_mut();
            if let Some(done) = i.state.done.take() {
                return Some((done, i.state.busy_ms));
            }
        }
    }
}
