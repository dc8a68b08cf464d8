//! The shadow-attack corpus (../shared/corpora/shadow-attacks, see its README): every
//! signed stage-3 file is covered entirely and unmodified; every manipulated stage-4
//! file is covered up to its signed revision and reports a change that is not allowed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use kyso::pdf::{self, CoverageGrade};

#[test]
fn shadow_attacks() {
    let root = common::shared("corpora/shadow-attacks");
    let all = common::files_with_ext(&root, "pdf");
    assert!(all.len() >= 20, "corpus not found at {}", root.display());
    let mut stage3 = 0;
    let mut stage4 = 0;
    let mut failures = Vec::new();
    println!(
        "{:<60} {:<40} {:<16} changes",
        "variant", "file", "coverage"
    );
    for path in &all {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let variant = path
            .parent()
            .unwrap()
            .strip_prefix(&root)
            .unwrap()
            .display()
            .to_string();
        let bytes = std::fs::read(path).unwrap();
        let doc = match pdf::open(&bytes) {
            Ok(d) => d,
            Err(e) => {
                println!("{variant:<60} {name:<40} error {}", e.code());
                if name.starts_with('3') || name.starts_with('4') {
                    failures.push(format!("{name}: {}", e.code()));
                }
                continue;
            }
        };
        let sigs = doc.signatures();
        let summary = |doc: &pdf::Document, s: &pdf::SignatureInfo| {
            let c = doc.coverage(s);
            let r = doc.changes_after(s);
            let bad: Vec<String> = r
                .changes
                .iter()
                .filter(|c| !c.allowed)
                .map(|c| format!("{}:{}/{}", c.object.0, c.kind.code(), c.rule.code()))
                .collect();
            (
                c,
                r.clone(),
                format!(
                    "modified_after={} all_allowed={} reliable={} n={} not_allowed=[{}]",
                    r.modified_after,
                    r.all_allowed,
                    r.reliable,
                    r.changes.len(),
                    bad.join(" ")
                ),
            )
        };
        if sigs.is_empty() {
            println!(
                "{variant:<60} {name:<40} {:<16} revisions={}",
                "(unsigned)",
                doc.revisions().len()
            );
        }
        for s in sigs {
            let (c, r, text) = summary(&doc, s);
            println!(
                "{variant:<60} {name:<40} {:<16} {text}",
                format!(
                    "{}{}",
                    c.grade.code(),
                    c.problem
                        .map(|p| format!("/{}", p.code()))
                        .unwrap_or_default()
                )
            );
            if name.starts_with("3_") {
                stage3 += 1;
                if c.grade != CoverageGrade::EntireFile || r.modified_after {
                    failures.push(format!("{name}: {text}"));
                }
            }
            if name.starts_with("4_") {
                stage4 += 1;
                if c.grade != CoverageGrade::EntireRevision
                    || !r.modified_after
                    || r.all_allowed
                    || !r.changes.iter().any(|c| !c.allowed)
                {
                    failures.push(format!("{name}: {:?} {text}", c.grade));
                }
            }
        }
        if (name.starts_with("3_") || name.starts_with("4_")) && sigs.len() != 1 {
            failures.push(format!("{name}: {} signatures", sigs.len()));
        }
    }
    assert_eq!(stage3, 7, "stage-3 signatures");
    assert_eq!(stage4, 8, "stage-4 signatures");
    assert!(failures.is_empty(), "{failures:#?}");
}
