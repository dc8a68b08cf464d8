//! The page's end of one of its Web Workers: the SHA-256 helper
//! ([`super::hash_helper`]) and the file writer ([`super::writer_client`]).
//!
//! Both speak the same small protocol ([`super::hash_worker::message`]): the worker says
//! `ready` once its wasm runs, then answers the page's messages by `kind` and `id`. What
//! they share lives here, once: starting the worker, its "ready" within a limit, an
//! error or a silent worker marking the link failed (so callers fall back or start a
//! fresh one), and waiting on the replies from async code. What each reply means stays
//! with its client, in the state `S` that its `on_reply` keeps.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use js_sys::{Array, Object, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::hash_worker::get;

/// What the page knows of its worker: whether it started, whether it failed, and the
/// client's own state of the replies.
pub struct Inbox<S> {
    pub ready: bool,
    pub failed: bool,
    pub state: S,
    /// Everyone waiting for a change (several calls may be in flight).
    wake: Vec<js_sys::Function>,
}

impl<S> Inbox<S> {
    fn wake(&mut self) {
        for f in self.wake.drain(..) {
            let _ = f.call0(&JsValue::UNDEFINED);
        }
    }

    /// Marks the worker failed and wakes every waiter (they then see `failed`).
    pub fn fail(&mut self) {
        self.failed = true;
        self.wake();
    }
}

/// A running worker and the page's view of it.
pub struct Link<S> {
    worker: web_sys::Worker,
    inbox: Rc<RefCell<Inbox<S>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    _ready_timeout: Timeout,
}

impl<S: 'static> Link<S> {
    /// Starts the worker at `url`. It must say `ready` within `ready_within_ms`, or the
    /// link fails. Every other message goes to `on_reply(inbox, kind, data)`, which
    /// says whether it changed anything (then the waiters look again).
    pub fn spawn(
        url: &str,
        ready_within_ms: u32,
        state: S,
        mut on_reply: impl FnMut(&mut Inbox<S>, &str, &JsValue) -> bool + 'static,
    ) -> Option<Self> {
        let worker = web_sys::Worker::new(url).ok()?;
        let inbox = Rc::new(RefCell::new(Inbox {
            ready: false,
            failed: false,
            state,
            wake: Vec::new(),
        }));
        let ib = Rc::clone(&inbox);
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                let kind = get(&data, "kind").as_string().unwrap_or_default();
                let Ok(mut i) = ib.try_borrow_mut() else {
                    return;
                };
                let changed = if kind == "ready" {
                    i.ready = true;
                    true
                } else {
                    on_reply(&mut i, &kind, &data)
                };
                if changed {
                    i.wake();
                }
            });
        let ib = Rc::clone(&inbox);
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            // The page reports it in its own words; keep it off the console as an
            // uncaught error.
            ev.prevent_default();
            if let Ok(mut i) = ib.try_borrow_mut() {
                i.fail();
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let ib = Rc::clone(&inbox);
        let ready_timeout = Timeout::new(ready_within_ms, move || {
            if let Ok(mut i) = ib.try_borrow_mut()
                && !i.ready
            {
                i.fail();
            }
        });
        Some(Link {
            worker,
            inbox,
            _on_message: on_message,
            _on_error: on_error,
            _ready_timeout: ready_timeout,
        })
    }

    /// The page's view of the worker, for the client's own reading and writing.
    pub fn inbox(&self) -> &RefCell<Inbox<S>> {
        &self.inbox
    }

    pub fn failed(&self) -> bool {
        self.inbox.borrow().failed
    }

    /// Waits until `until` gives a value, or the worker fails (`None`).
    pub async fn wait<T>(&self, mut until: impl FnMut(&mut Inbox<S>) -> Option<T>) -> Option<T> {
        loop {
            {
                let mut i = self.inbox.borrow_mut();
                if let Some(v) = until(&mut i) {
                    return Some(v);
                }
                if i.failed {
                    return None;
                }
            }
            let inbox = Rc::clone(&self.inbox);
            let p = Promise::new(&mut |resolve, _| inbox.borrow_mut().wake.push(resolve));
            let _ = JsFuture::from(p).await;
        }
    }

    /// Waits until the worker said `ready`; `false` when it failed instead.
    pub async fn ready(&self) -> bool {
        self.wait(|i| i.ready.then_some(())).await.is_some()
    }

    /// Sends `msg`, transferring `transfer` when given; a refused message fails the link.
    pub fn post(&self, msg: &Object, transfer: Option<&JsValue>) -> bool {
        let r = match transfer {
            Some(t) => self.worker.post_message_with_transfer(msg, &Array::of1(t)),
            None => self.worker.post_message(msg),
        };
        if r.is_err() {
            self.inbox.borrow_mut().fail();
        }
        r.is_ok()
    }

    /// Fails the link unless the returned timer is dropped within `ms`: a trap inside
    /// the worker's async task would otherwise never answer.
    pub fn watchdog(&self, ms: u32) -> Timeout {
        let inbox = Rc::clone(&self.inbox);
        Timeout::new(ms, move || {
            if let Ok(mut i) = inbox.try_borrow_mut() {
                i.fail();
            }
        })
    }

    pub fn terminate(&self) {
        self.worker.terminate();
    }
}
