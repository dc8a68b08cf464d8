//! Every code a PDF verdict can carry reads as words in both languages.
//!
//! The page, the CLI and the JSON export render the codes that are still strings
//! (changes, rules, sub-indications, encryption) through `i18n::text`, which falls
//! back to the bare code; a missing entry shows a user "form_field_value" instead of
//! a sentence. The typed ones (check details, coverage, integrity) are worded by
//! exhaustive matches; this checks that what they say is a sentence, not the code. This runs the verifier over
//! every signed PDF we have (fixtures from pyHanko/OpenSSL, the removal attacks, the
//! encrypted ones, the shadow-attack corpus) with and without the test root trusted
//! and its CRLs, and checks that each code it produced has a text of its own.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use kyso::i18n::{self, Lang};
use kyso::input::InputFile;
use kyso::time::Instant;
use kyso::verify::{self, VerifyOptions};

fn input(p: &Path) -> InputFile {
    common::input(p.file_name().unwrap().to_string_lossy(), p)
}

#[test]
fn every_verdict_code_has_words() {
    let signed = common::fixture("signed");
    let mut files = common::files_with_ext(&signed, "pdf");
    files.extend(common::files_with_ext(&common::fixture("attacks"), "pdf"));
    files.extend(common::files_with_ext(&common::fixture("encrypted"), "pdf"));
    files.extend(common::files_with_ext(
        &common::shared("corpora/shadow-attacks"),
        "pdf",
    ));
    // Files other people signed reach codes our own fixtures do not (the
    // structure of tagged decrees, comments, Ed448 …).
    files.extend(common::files_with_ext(
        &common::shared("corpora/real-world"),
        "pdf",
    ));
    assert!(files.len() >= 60, "only {} PDFs found", files.len());

    let anchors = vec![
        input(&signed.join("pki/root.cer")),
        input(&signed.join("pki/rev/root.cer")),
    ];
    let crls = vec![
        input(&signed.join("pki/ca.crl")),
        input(&signed.join("pki/rev/ca.crl")),
    ];
    let at = Instant::parse_rfc3339("2026-09-01T00:00:00Z").unwrap();
    let mut codes = BTreeSet::new();
    let mut typed = BTreeSet::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        for evidence in [false, true] {
            let mut opts = VerifyOptions::at(at);
            if evidence {
                opts.anchors = anchors.clone();
                opts.crls = crls.clone();
            }
            let r = verify::verify_pdf(&bytes, &opts);

            codes.extend(r.encryption.map(str::to_string));
            for s in &r.signatures {
                if let Some(sub) = s.sub_indication {
                    codes.insert(format!("sub_{}", sub.code().to_ascii_lowercase()));
                }
                for lang in [Lang::Vi, Lang::En] {
                    typed.insert((s.coverage.code(), i18n::coverage_grade(lang, s.coverage)));
                    typed.insert((s.integrity.code(), i18n::integrity(lang, s.integrity)));
                    for c in &s.checks {
                        typed.insert((c.detail.code(), i18n::check_detail(lang, &c.detail)));
                    }
                }
                for c in &s.changes_after {
                    codes.insert(format!("change_{}", c.what));
                    codes.insert(format!("action_{}", c.action));
                    codes.insert(format!("rule_{}", c.rule));
                }
            }
        }
    }
    let missing: Vec<&String> = codes
        .iter()
        .filter(|c| i18n::text(Lang::Vi, c) == c.as_str() || i18n::text(Lang::En, c) == c.as_str())
        .collect();
    assert!(codes.len() > 40, "only {} codes seen", codes.len());
    let unworded: Vec<_> = typed
        .iter()
        .filter(|(code, words)| words.is_empty() || code == words)
        .collect();
    assert!(
        typed.len() > 2 * 70,
        "only {} typed words seen",
        typed.len()
    );
    assert!(
        unworded.is_empty(),
        "typed codes without words: {unworded:?}"
    );
    assert!(missing.is_empty(), "codes without words: {missing:?}");
}
