//! A signature that a later update removes from the form must still be listed,
//! verified over its own revision, and the removal reported as a change that is not
//! allowed. The fixtures (tests/fixtures/attacks/make.py) start from a PDF signed by
//! pyHanko and append one incremental update each.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use kyso::i18n::{self, Lang};
use kyso::input::InputFile;
use kyso::pdf::{self, CoverageGrade};
use kyso::time::Instant;
use kyso::verify::{self, Indication, VerifyOptions};
use serde_json::Value;

fn read(name: &str) -> Vec<u8> {
    common::read(&common::fixture("attacks").join(name))
}

fn verify_json(name: &str, bytes: &[u8]) -> (verify::DocumentReport, Value) {
    let mut opts = VerifyOptions::at(Instant::parse_rfc3339("2026-09-01T00:00:00Z").unwrap());
    opts.pins = false;
    opts.file_name = name.to_string();
    opts.anchors = vec![InputFile::new("root.cer", read("root.cer"))];
    let report = verify::verify_pdf(bytes, &opts);
    let json = kyso::render::verify_json(&report, Lang::En);
    (report, json)
}

/// The checks of the pyHanko signature in `name`, whose field the last update
/// removed; returns the JSON of the whole document.
fn removed_signature_is_reported(name: &str) -> Value {
    let bytes = read(name);
    let doc = pdf::open(&bytes).unwrap();
    assert_eq!(
        doc.revisions().len(),
        3,
        "{name}: pyHanko's two, and the attack"
    );

    // Listed, once, though the last revision's form does not reach it.
    let original: Vec<usize> = doc
        .signatures()
        .iter()
        .enumerate()
        .filter(|(_, s)| s.object == (9, 0))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(original.len(), 1, "{name}: {:#?}", doc.signatures());
    let i = original[0];
    let sig = &doc.signatures()[i];
    assert_eq!(sig.field_name, "Sig1", "{name}");
    assert!(!sig.reachable, "{name}");
    assert_eq!(sig.last_reachable, 1, "{name}");
    assert_eq!(sig.removed_in, vec![2], "{name}");

    // Its signed bytes are still exactly revision 1.
    let cov = doc.coverage(sig);
    assert_eq!(cov.grade, CoverageGrade::EntireRevision, "{name}");
    assert_eq!(cov.revision, Some(1), "{name}");
    assert_eq!(cov.signed_len, Some(doc.revisions()[1].end), "{name}");

    // The removal is a change after signing, never allowed.
    let ch = doc.changes_after(sig);
    assert!(ch.modified_after && !ch.all_allowed, "{name}");
    assert!(
        ch.changes
            .iter()
            .any(|c| c.kind == pdf::ChangeKind::SignatureRemoved
                && c.object == (9, 0)
                && c.revision == 2
                && !c.allowed),
        "{name}: {:#?}",
        ch.changes
    );

    let (report, json) = verify_json(name, &bytes);
    let r = &report.signatures[i];
    assert_eq!(r.field, "Sig1");
    assert_eq!(r.integrity.code(), "valid", "{name}: {:#?}", r.checks);
    assert_eq!(r.coverage.code(), "entire_revision", "{name}");
    assert!(r.modified_after, "{name}");
    assert!(!r.reachable, "{name}");
    assert_eq!(r.removed_in_revision, Some(2), "{name}");
    assert!(
        r.changes_after
            .iter()
            .any(|c| c.what == kyso::pdf::ChangeKind::SignatureRemoved
                && c.action == kyso::pdf::ChangeAction::Deleted
                && c.revision == 2
                && !c.allowed),
        "{name}: {:#?}",
        r.changes_after
    );
    assert_ne!(r.indication, Indication::TotalPassed, "{name}");
    // Everything else about the signature holds: only the removal keeps it from
    // passing.
    assert_eq!(
        r.indication,
        Indication::Indeterminate,
        "{name}: {:#?}",
        r.checks
    );
    assert_eq!(
        r.sub_indication,
        Some(verify::SubIndication::SigConstraintsFailure),
        "{name}"
    );
    let failed: Vec<(&str, &str)> = r
        .checks
        .iter()
        .filter(|c| c.status == verify::CheckStatus::Failed)
        .map(|c| (c.id.code(), c.detail.code()))
        .collect();
    assert_eq!(
        failed,
        vec![("modifications", "changes_not_allowed")],
        "{name}"
    );
    assert_eq!(report.summary.code(), "modified_after_signing", "{name}");

    let j = &json["signatures"][i];
    assert_eq!(j["reachable"], Value::Bool(false), "{name}");
    assert_eq!(j["removed_in_revision"], Value::from(2), "{name}");
    json
}

#[test]
fn the_signed_revision_alone_passes() {
    // The baseline the attacks start from: the bytes the signature covers.
    let bytes = read("removed_from_fields.pdf");
    let doc = pdf::open(&bytes).unwrap();
    let end = doc.revisions()[1].end;
    let (report, json) = verify_json("signed revision", &bytes[..end]);
    assert_eq!(report.signatures.len(), 1);
    assert_eq!(
        report.signatures[0].indication,
        Indication::TotalPassed,
        "{:#?}",
        report.signatures[0].checks
    );
    assert!(report.signatures[0].reachable);
    assert_eq!(json["signatures"][0]["removed_in_revision"], Value::Null);
    assert_eq!(report.summary.code(), "all_signatures_valid");
}

#[test]
fn field_dropped_from_acroform_fields() {
    let json = removed_signature_is_reported("removed_from_fields.pdf");
    assert_eq!(json["signatures"].as_array().unwrap().len(), 1);
}

#[test]
fn acroform_dropped_from_the_catalog() {
    let json = removed_signature_is_reported("acroform_removed.pdf");
    assert_eq!(json["signatures"].as_array().unwrap().len(), 1);
    // The catalog losing its form is itself not allowed either.
    let changes = json["signatures"][0]["changes_after"].as_array().unwrap();
    assert!(
        changes.iter().any(|c| c["what"] == "acro_form"
            && c["allowed"] == Value::Bool(false)
            && c["object"] == serde_json::json!([1, 0])),
        "{changes:#?}"
    );
}

#[test]
fn field_value_pointed_at_a_copy() {
    let json = removed_signature_is_reported("value_swapped.pdf");
    // The copy the field now shows is listed too, and fails: its /Contents is not
    // the gap of its /ByteRange.
    let sigs = json["signatures"].as_array().unwrap();
    assert_eq!(sigs.len(), 2);
    let copy = &sigs[1];
    assert_eq!(copy["field"], "Sig1");
    assert_eq!(copy["reachable"], Value::Bool(true));
    assert_eq!(copy["coverage"], "unclear");
    assert_eq!(copy["coverage_problem"], "gap_not_contents");
    assert_eq!(copy["indication"], "TOTAL_FAILED");
    // The field's value changing is reported on the original as well.
    let changes = sigs[0]["changes_after"].as_array().unwrap();
    assert!(
        changes
            .iter()
            .any(|c| c["what"] == "signature_modified" && c["allowed"] == Value::Bool(false)),
        "{changes:#?}"
    );
}

#[test]
fn the_removal_is_worded_in_both_languages() {
    let removed = kyso::pdf::ChangeKind::SignatureRemoved;
    let [vi, en] = [Lang::Vi, Lang::En].map(|l| i18n::change_kind(l, removed));
    assert!(
        vi.contains("chữ ký") && en.contains("signature"),
        "{vi} / {en}"
    );
}
