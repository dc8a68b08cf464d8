//! Words of the page itself: tab names, buttons, labels, hints (src/web). The letters
//! stay Vietnamese whatever the page's language; user data is never translated.

/// (code, Vietnamese, English). Codes are unique across all tables; a test checks it.
pub(super) const TEXTS: &[(&str, &str, &str)] = &[("ui_language", "Ngôn ngữ", "Language")];
