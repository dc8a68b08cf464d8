//! Words put on the reports, last: the JSON documents of `kyso verify --json` and
//! `kyso cert --json` (also the page's "export JSON"). The core decides and returns
//! data; this layer, like `record` (the verification record and batch summary) and
//! the two front ends, turns it into words through `i18n`.

mod cert_json;
mod verify_json;

pub use cert_json::cert_json;
pub use verify_json::verify_json;
