//! The browser's clock: the one place the page reads the time.
//!
//! The core never reads a clock; the page passes "now" as the validation time.

use crate::time::Instant;

/// Now, from `Date.now()`, to the second.
pub fn now() -> Instant {
    let millis = js_sys::Date::now();
    // Date.now() is a finite count of milliseconds well inside i64's range; `as`
    // saturates on anything unexpected (NaN becomes 0) rather than failing.
    Instant::from_unix((millis / 1000.0).floor() as i64)
}
