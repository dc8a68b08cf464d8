//! The letters tab's state in the page: the plain-Rust [`Session`] (all the letters
//! and how edits change them, in `forms::session`), the last message, and whether
//! the draft could be kept in this browser's local storage.

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use super::lang::t;
use crate::forms::session::{Edit, Session};
use crate::i18n::Lang;

/// Where the draft lives in the browser.
pub const STORAGE_KEY: &str = "kyso.van-ban.v1";

/// The message after an import, a fill or a failed download.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub ok: bool,
    pub text: String,
}

/// The tab's state.
#[derive(Clone)]
pub struct FormsState {
    pub session: Session,
    pub notice: Option<Notice>,
    /// Whether the last save to local storage worked.
    pub stored: bool,
}

impl Default for FormsState {
    fn default() -> Self {
        FormsState {
            session: Session::default(),
            notice: None,
            stored: true,
        }
    }
}

impl Deref for FormsState {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.session
    }
}

impl PartialEq for FormsState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

impl FormsState {
    /// The state kept in local storage, or a fresh one.
    pub fn load() -> Self {
        let session = storage()
            .and_then(|st| st.get_item(STORAGE_KEY).ok().flatten())
            .map(|text| Session::from_json(&text))
            .unwrap_or_default();
        FormsState {
            session,
            notice: None,
            stored: true,
        }
    }

    fn save(&mut self) {
        self.stored = match (storage(), self.session.to_json()) {
            (Some(st), Some(json)) => st.set_item(STORAGE_KEY, &json).is_ok(),
            _ => false,
        };
    }
}

pub enum Action {
    /// An edit of the letters.
    Do(Edit),
    /// An edit, and the message that says what it did.
    Say(Edit, String),
    Notice(Notice),
    /// Take the notice away (a download that worked supersedes an earlier failure).
    ClearNotice,
    /// Forget every letter, here and in local storage (the notice in this language).
    ClearAll(Lang),
}

impl Reducible for FormsState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.notice = None;
        match action {
            Action::Do(e) => s.session.apply(e),
            Action::Say(e, text) => {
                s.session.apply(e);
                s.notice = Some(Notice { ok: true, text });
            }
            Action::Notice(n) => s.notice = Some(n),
            Action::ClearNotice => {}
            Action::ClearAll(lang) => {
                let mut fresh = FormsState::default();
                fresh.session.kind = s.session.kind;
                if let Some(st) = storage() {
                    let _ = st.remove_item(STORAGE_KEY);
                }
                fresh.notice = Some(Notice {
                    ok: true,
                    text: t(lang, "forms_cleared").into(),
                });
                return Rc::new(fresh);
            }
        }
        s.save();
        Rc::new(s)
    }
}
