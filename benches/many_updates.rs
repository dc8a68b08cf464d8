//! The hostile shapes of tests/pdf_many_updates.rs at full size: 10,000 fields,
//! one or a hundred per page, 1,000 or 4,000 updates each rewriting a field, fifty
//! fields, the form's field list, the catalog, the page tree or the shared font
//! (files up to ~360 MB). Prints, per shape, the time to open and analyse, the
//! revisions analysed and whether the analysis reached the end; exits non-zero if
//! a content change is ever reported allowed or a stopped analysis claims to be
//! complete.
//!
//! `cargo bench --bench many_updates` (release-native profile is faster still:
//! `cargo bench --profile release-native --bench many_updates`). A debug build of
//! the whole matrix took 163 s here, which is why `cargo test` runs smaller sizes.
//!
//! `cargo bench --bench many_updates -- --write-fixture` writes
//! tests/fixtures/fuzz-regressions/many-updates-many-fields.pdf again.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../tests/common/hostile_pdf.rs"]
mod hostile_pdf;

use std::time::Instant;

use hostile_pdf::{EACH, Last, generate_with};
use kyso::pdf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo test --benches` runs this without `--bench`: nothing to measure then.
    if !args.iter().any(|a| a == "--bench") {
        return;
    }
    if args.iter().any(|a| a == "--write-fixture") {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/fuzz-regressions/many-updates-many-fields.pdf"
        );
        std::fs::write(path, hostile_pdf::regression_fixture()).unwrap();
        println!("wrote {path}");
        return;
    }
    let mut wrong = 0;
    for (fields, per_page, updates) in [
        (10_000, 100, 1_000),
        (10_000, 1, 1_000),
        (10_000, 100, 4_000),
    ] {
        for each in EACH {
            let bytes = generate_with(fields, per_page, updates, each, Last::PageContent);
            let t0 = Instant::now();
            let doc = pdf::open(&bytes).unwrap();
            let ch = doc.changes_after(&doc.signatures()[0]);
            let elapsed = t0.elapsed();
            println!(
                "{fields} fields, {per_page} per page, {updates} × {each:?} ({} MB): {elapsed:?}, {} revisions analysed, reliable {}",
                bytes.len() / 1_000_000,
                ch.revisions.len(),
                ch.reliable,
            );
            if ch.all_allowed || !(ch.reliable || ch.revisions.len() < updates) {
                eprintln!(
                    "  WRONG: all_allowed {}, reliable {}",
                    ch.all_allowed, ch.reliable
                );
                wrong += 1;
            }
        }
    }
    if wrong > 0 {
        std::process::exit(1);
    }
}
