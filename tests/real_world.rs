//! Signed PDFs other people made: ../shared/corpora/real-world, judged by its
//! `expected.json` (see the README there). This is the contract for verification:
//!
//! - `legit`: no false alarm: for a signature whose later changes are legitimate
//!   (`changes_ok: true`), no change after it is listed as not allowed (unless it is
//!   TOTAL_FAILED for another reason, which is itself a false alarm), and a
//!   signature the source calls intact is reported intact;
//! - `attack`: no signature the source does not call sound comes out valid and
//!   unmodified, and not every signature is clean;
//! - `broken`: no broken signature is TOTAL_PASSED;
//! - every file answers, quickly.
//!
//! The two Government decrees must also verify as a clerk expects out of the box:
//! every signature intact, the chain trusted to "RootCA chuyên dùng Chính phủ G2",
//! no change that is not allowed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant as Clock};

use kyso::i18n::Lang;
use kyso::time::Instant;
use kyso::verify::{self, VerifyOptions};
use serde_json::Value;

fn corpus() -> PathBuf {
    common::shared("corpora/real-world")
}

/// The validation time: fixed, so the result does not drift with the calendar.
fn at() -> Instant {
    Instant::parse_rfc3339("2026-12-01T00:00:00Z").unwrap()
}

fn verify(path: &Path) -> Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (is ../shared beside the repository?)",
            path.display()
        )
    });
    let mut opts = VerifyOptions::at(at());
    opts.file_name = path.display().to_string();
    let report = verify::verify_pdf(&bytes, &opts);
    kyso::render::verify_json(&report, Lang::En)
}

fn not_allowed(s: &Value) -> Vec<String> {
    s["changes_after"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["allowed"] == false)
        .map(|c| {
            format!(
                "rev {} {} {} {} obj {}",
                c["revision"], c["what"], c["action"], c["rule"], c["object"][0]
            )
        })
        .collect()
}

fn clean(s: &Value) -> bool {
    s["integrity"] == "valid"
        && s["indication"] != "TOTAL_FAILED"
        && !matches!(
            s["sub_indication"].as_str(),
            Some("FORMAT_FAILURE" | "HASH_FAILURE" | "SIG_CRYPTO_FAILURE")
        )
        && s["modified_after"] == false
        && not_allowed(s).is_empty()
}

/// The reported signature for expected signature `i`: by field name, else by
/// position.
fn matching<'a>(got: &'a [Value], expected: &Value, i: usize) -> Option<&'a Value> {
    got.iter()
        .find(|g| g["field"] == expected["field"])
        .or_else(|| got.get(i))
}

#[derive(Default)]
struct Tally {
    files: usize,
    false_alarms: usize,
    missed_attacks: usize,
    broken_passed: usize,
}

#[test]
fn real_world_corpus_meets_expected_json() {
    let root = corpus();
    let text = std::fs::read_to_string(root.join("expected.json")).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: the real-world corpus must be at ../shared beside the repository",
            root.display()
        )
    });
    let expected: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert!(
        expected.len() >= 60,
        "expected.json lists {}",
        expected.len()
    );
    let mut problems = Vec::new();
    let mut per_folder: BTreeMap<String, Tally> = BTreeMap::new();
    for e in &expected {
        let rel = e["rel"].as_str().unwrap();
        let class = e["class"].as_str().unwrap();
        let folder = rel.split('/').next().unwrap_or("").to_string();
        let started = Clock::now();
        let report = verify(&root.join(rel));
        let took = started.elapsed();
        let got: Vec<Value> = report["signatures"].as_array().cloned().unwrap_or_default();
        let tally = per_folder.entry(folder).or_default();
        tally.files += 1;
        let mut bad = Vec::new();
        // Debug builds are slow; a hang or a quadratic blow-up is what this catches.
        if took > Duration::from_secs(60) {
            bad.push(format!("took {took:?}"));
        }
        let wanted = e["signatures"].as_array().unwrap();
        match class {
            "legit" => {
                for (i, x) in wanted.iter().enumerate() {
                    let Some(g) = matching(&got, x, i) else {
                        bad.push(format!("signature {} not reported", x["field"]));
                        continue;
                    };
                    if x["changes_ok"] == true {
                        let na = not_allowed(g);
                        if !na.is_empty() || g["indication"] == "TOTAL_FAILED" {
                            bad.push(format!(
                                "false alarm on {}: {} {:?}",
                                x["field"], g["indication"], na
                            ));
                        }
                    }
                    if x["integrity"] == "valid" && g["integrity"] != "valid" {
                        bad.push(format!(
                            "{} reported {} ({})",
                            x["field"], g["integrity"], g["sub_indication"]
                        ));
                    }
                }
                if !bad.is_empty() {
                    tally.false_alarms += 1;
                }
            }
            "attack" => {
                for (i, x) in wanted.iter().enumerate() {
                    let sound = x["integrity"] == "valid" && x["changes_ok"] == true;
                    if let Some(g) = matching(&got, x, i)
                        && !sound
                        && g["indication"] == "TOTAL_PASSED"
                        && g["modified_after"] == false
                        && not_allowed(g).is_empty()
                    {
                        bad.push(format!("{} passed as valid and unmodified", x["field"]));
                    }
                    // The manipulation the source names must show as a change not
                    // allowed, or as a broken signature.
                    if x["changes_ok"] == false
                        && let Some(g) = matching(&got, x, i)
                        && clean_or_allowed(g)
                    {
                        bad.push(format!(
                            "{}: the manipulation is not reported ({})",
                            x["field"], g["indication"]
                        ));
                    }
                }
                if !got.is_empty() && got.iter().all(clean) {
                    bad.push("every signature clean".into());
                }
                if !bad.is_empty() {
                    tally.missed_attacks += 1;
                }
            }
            "broken" => {
                for (i, x) in wanted.iter().enumerate() {
                    if x["integrity"] != "valid"
                        && let Some(g) = matching(&got, x, i)
                        && g["indication"] == "TOTAL_PASSED"
                    {
                        bad.push(format!("{} broken but TOTAL_PASSED", x["field"]));
                    }
                }
                if !bad.is_empty() {
                    tally.broken_passed += 1;
                }
            }
            _ => {}
        }
        if !bad.is_empty() {
            problems.push(format!("{class} {rel}: {}", bad.join("; ")));
        }
    }
    println!("folder                  files  false-alarms  missed-attacks  broken-passed");
    for (f, t) in &per_folder {
        println!(
            "{f:<22} {:>6} {:>13} {:>15} {:>14}",
            t.files, t.false_alarms, t.missed_attacks, t.broken_passed
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A signature after which the manipulation went unreported: intact, not failed,
/// and every later change allowed.
fn clean_or_allowed(s: &Value) -> bool {
    s["integrity"] == "valid"
        && s["indication"] != "TOTAL_FAILED"
        && !matches!(
            s["sub_indication"].as_str(),
            Some("FORMAT_FAILURE" | "HASH_FAILURE" | "SIG_CRYPTO_FAILURE")
        )
        && not_allowed(s).is_empty()
}

/// The decrees, as a clerk opens them: no file added, no deploy bundle.
#[test]
fn government_decrees_verify_out_of_the_box() {
    for (name, count) in [("49-2026-ND-CP.pdf", 1), ("50-2026-ND-CP.pdf", 6)] {
        let report = verify(&corpus().join("vn-real").join(name));
        let sigs = report["signatures"].as_array().unwrap();
        assert_eq!(sigs.len(), count, "{name}");
        for s in sigs {
            let field = &s["field"];
            assert_eq!(s["integrity"], "valid", "{name} {field}");
            assert!(
                not_allowed(s).is_empty(),
                "{name} {field}: {:?}",
                not_allowed(s)
            );
            assert_ne!(s["indication"], "TOTAL_FAILED", "{name} {field}");
            let chain = &s["chain"];
            assert_eq!(chain["status"], "trusted", "{name} {field}: {chain}");
            let root = chain["path"].as_array().unwrap().last().unwrap();
            let root_name = root.to_string();
            assert!(
                root_name.contains("RootCA chuyên dùng Chính phủ G2"),
                "{name} {field}: chain ends in {root_name}"
            );
        }
    }
}

/// Later signatures of the decree are listed as signing, not as edits.
#[test]
fn the_agency_signatures_on_decree_50_are_signing() {
    let report = verify(&corpus().join("vn-real/50-2026-ND-CP.pdf"));
    let first = &report["signatures"][0];
    assert_eq!(first["modified_after"], true);
    let rules: Vec<&str> = first["changes_after"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["rule"].as_str())
        .collect();
    for r in ["signing_allowed", "structure_for_new_content"] {
        assert!(rules.contains(&r), "{rules:?}");
    }
}
