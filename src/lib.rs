//! kyso core: certificates, trust, signed PDFs and the Decree 68 letters.
//!
//! Pure functions and data: bytes, a trust store and a validation time go in, data
//! comes out. No clock, no I/O, no prose (codes only; [`i18n`] words them).

pub mod asn1;
pub mod cert;
pub mod cms;
pub mod crypto;
pub mod forms;
pub mod i18n;
pub mod input;
pub mod pdf;
pub mod record;
pub mod render;
pub mod report;
pub mod rules;
pub mod time;
pub mod trust;
pub mod verify;
#[cfg(target_arch = "wasm32")]
pub mod web;
pub mod writer;
