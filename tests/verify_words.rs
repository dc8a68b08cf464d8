//! Every code a PDF verdict can carry reads as words in both languages.
//!
//! Every field of the report is typed and worded by an exhaustive match in `i18n`
//! (check details, coverage, integrity, verdicts, sub-indications, headlines, changes
//! and their rules, certification, time sources, chain statuses, root kinds,
//! encryption, PDF errors), so a word cannot be missing; this checks that what the
//! matches say for the verdicts kyso really reaches is words, not the code, and
//! differs between the languages. This runs the verifier over
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
            for lang in [Lang::Vi, Lang::En] {
                let mut add = |code: &str, words: &str| {
                    typed.insert((lang == Lang::Vi, code.to_string(), words.to_string()));
                };
                if let (Some(code), Some(words)) =
                    (r.encryption.code(), i18n::encryption(lang, &r.encryption))
                {
                    add(code, words);
                }
                if let Some(e) = &r.error {
                    add(e.code(), i18n::pdf_error(lang, e));
                }
                for s in &r.signatures {
                    add(s.indication.code(), i18n::verdict(lang, s.indication));
                    add(s.headline.code(), i18n::headline(lang, s.headline));
                    if let Some(sub) = s.sub_indication {
                        add(sub.code(), i18n::sub_indication(lang, sub));
                    }
                    add(s.coverage.code(), i18n::coverage_grade(lang, s.coverage));
                    add(s.integrity.code(), i18n::integrity(lang, s.integrity));
                    for c in &s.checks {
                        add(c.detail.code(), i18n::check_detail(lang, &c.detail));
                    }
                    for c in &s.changes_after {
                        add(c.what.code(), i18n::change_kind(lang, c.what));
                        add(c.action.code(), i18n::change_action(lang, c.action));
                        add(c.rule.code(), i18n::change_rule(lang, c.rule));
                    }
                    if let Some(p) = s.certification {
                        add(p.code(), i18n::certification(lang, p));
                    }
                    let st = &s.signing_time;
                    if let Some(c) = st.claimed_source {
                        add(c.code(), i18n::claimed_source(lang, c));
                    }
                    if let Some(p) = st.proven_source {
                        add(p.code(), i18n::proven_source(lang, p));
                    }
                    if let Some(c) = &s.chain {
                        add(c.status.code(), i18n::chain_status(lang, c.status));
                        if let Some(a) = &c.anchor {
                            add(a.kind.code(), i18n::anchor_kind(lang, a.kind));
                        }
                    }
                }
            }
        }
    }
    // A Vietnamese word is never its code (in English, "added" may be both).
    let unworded: Vec<_> = typed
        .iter()
        .filter(|(vi, code, words)| words.is_empty() || (*vi && code == words))
        .collect();
    // The same code in the other language must read differently: a word left in
    // one language only would otherwise pass.
    let untranslated: Vec<_> = typed
        .iter()
        .filter(|(vi, code, words)| *vi && typed.contains(&(false, code.clone(), words.clone())))
        .collect();
    assert!(
        typed.len() > 2 * 120,
        "only {} typed words seen",
        typed.len()
    );
    assert!(
        unworded.is_empty(),
        "typed codes without words: {unworded:?}"
    );
    assert!(
        untranslated.is_empty(),
        "worded alike in both languages: {untranslated:?}"
    );
}
