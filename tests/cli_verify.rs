//! `kyso verify` as a script sees it: the JSON document and the exit statuses.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::kyso;
use serde_json::Value;

/// A file of one shadow-attack variant in ../shared.
fn shadow(name: &str) -> String {
    common::shared_arg(&format!(
        "corpora/shadow-attacks/hide/variant-1_hide-via-referenced-object/{name}"
    ))
}

#[test]
fn documents_read_even_with_failing_signatures_exit_0() {
    let out = kyso(&[
        "verify",
        "--json",
        "--at",
        "2021-01-01T00:00:00Z",
        &shadow("3_original-document-shadowed-signed.pdf"),
        &shadow("4_original-document-shadowed-signed-manipulated_v1.pdf"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = doc["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    for d in docs {
        assert!(d["error"].is_null());
        for key in ["file", "revisions", "signatures"] {
            assert!(d.get(key).is_some(), "{key}");
        }
        let s = &d["signatures"][0];
        for key in common::signed::SIGNATURE_KEYS {
            assert!(s.get(key).is_some(), "{key} missing in {s}");
        }
        assert_eq!(s["kind"], "signature");
        assert_eq!(s["integrity"], "valid");
        assert!(
            s["signing_time"].get("claimed").is_some() && s["signing_time"].get("proven").is_some()
        );
        assert_ne!(
            s["indication"], "TOTAL_PASSED",
            "the attackers' own CA is not trusted"
        );
    }
    assert_eq!(docs[0]["signatures"][0]["coverage"], "entire_file");
    assert_eq!(docs[0]["signatures"][0]["modified_after"], false);
    assert_eq!(docs[1]["signatures"][0]["coverage"], "entire_revision");
    assert_eq!(docs[1]["signatures"][0]["modified_after"], true);
    assert!(
        docs[1]["signatures"][0]["changes_after"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["allowed"] == false)
    );
}

#[test]
fn a_document_that_cannot_be_read_exits_2() {
    let out = kyso(&["verify", "--json", "tests/fixtures/certs/person-cccd.pem"]);
    assert_eq!(out.status.code(), Some(2));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let err = &doc["documents"][0]["error"];
    assert!(
        err["code"].is_string() && err["message"].is_string(),
        "{doc}"
    );
}

#[test]
fn verify_usage_errors_exit_1() {
    assert_eq!(kyso(&["verify"]).status.code(), Some(1));
    assert_eq!(
        kyso(&["verify", "--at", "2021-13-01", "x.pdf"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn human_output_says_modified_after_signing() {
    let out = kyso(&[
        "verify",
        &shadow("4_original-document-shadowed-signed-manipulated_v2.pdf"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("ĐÃ BỊ SỬA ĐỔI SAU KHI KÝ"), "{text}");
}

#[test]
fn an_encrypted_document_is_named_as_such_and_never_passes() {
    let out = kyso(&[
        "verify",
        "--json",
        "tests/fixtures/pdf/encrypted-signed.pdf",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &doc["documents"][0];
    assert_eq!(d["encrypted"], true);
    assert_eq!(d["summary"], "encrypted_document");
    // qpdf's user password "user": kyso does not ask for it, and says so.
    assert_eq!(d["encryption"], "encryption_password_required");
    for s in d["signatures"].as_array().unwrap() {
        assert_ne!(s["indication"], "TOTAL_PASSED");
    }
}

#[test]
fn human_output_does_not_vouch_for_changes_it_did_not_analyse() {
    // An empty /Contents: the signature stops before the changes are looked at.
    let file = "tests/fixtures/signed/attack_zeroed_contents.pdf";
    for (lang, said, not_said) in [
        (
            "vi",
            "chưa phân tích các thay đổi sau khi ký",
            "không có sửa đổi trái phép",
        ),
        (
            "en",
            "changes after signing not analysed",
            "no disallowed change",
        ),
    ] {
        let out = kyso(&["verify", "--lang", lang, file]);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(said) && !text.contains(not_said), "{text}");
    }
    // The shadow-attack original, analysed and unchanged, still says so.
    let out = kyso(&[
        "verify",
        "--at",
        "2021-01-01T00:00:00Z",
        &shadow("3_original-document-shadowed-signed.pdf"),
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("không có sửa đổi trái phép sau khi ký"),
        "{text}"
    );
}
