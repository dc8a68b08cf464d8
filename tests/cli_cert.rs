//! `kyso cert` as a script sees it: the JSON document, the exit statuses, folders.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::PathBuf;

use common::{kyso, stdout_json as json};

const FIX: &str = "tests/fixtures/certs";

#[test]
fn json_has_the_documented_shape() {
    let out = kyso(&[
        "cert",
        "--json",
        "--at",
        "2026-11-21T00:00:00Z",
        "--trust",
        &format!("{FIX}/root.pem"),
        "--certs",
        &format!("{FIX}/ca.pem"),
        "--crl",
        &format!("{FIX}/ca.crl"),
        &format!("{FIX}/org-mst-mns.pem"),
        &format!("{FIX}/revoked.cer"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json(&out);
    let certs = doc["certificates"].as_array().unwrap();
    assert_eq!(certs.len(), 2);
    let c = &certs[0];
    for key in [
        "file",
        "index",
        "serial_hex",
        "subject_dn",
        "issuer_dn",
        "subject",
        "identifiers",
        "emails",
        "not_before",
        "not_after",
        "days_left",
        "status",
        "sha1",
        "sha256",
        "holder_kind",
        "renewal",
        "chain",
    ] {
        assert!(c.get(key).is_some(), "missing {key} in {c}");
    }
    assert_eq!(c["serial_hex"], "7E57000000000012");
    assert_eq!(c["subject"]["UID"][0], "MST:0301519977-029");
    assert_eq!(c["identifiers"][0]["kind"], "MST");
    assert_eq!(c["identifiers"][0]["value"], "0301519977-029");
    assert_eq!(c["identifiers"][1]["kind"], "MNS");
    assert_eq!(c["holder_kind"], "organization");
    assert_eq!(c["status"], "valid");
    assert_eq!(c["days_left"], 41);
    assert_eq!(c["renewal"]["eligible"], true);
    assert_eq!(c["renewal"]["reason"], "enough_days_left");
    assert_eq!(c["chain"]["status"], "trusted");
    assert_eq!(c["chain"]["reason"], "ok");
    assert!(
        c["chain"]["anchor"]
            .as_str()
            .unwrap()
            .contains("Test RootCA")
    );
    assert_eq!(certs[1]["chain"]["status"], "revoked");
    assert_eq!(certs[1]["renewal"]["eligible"], false);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 0);
}

#[test]
fn an_unreadable_file_is_listed_and_exit_is_2() {
    let out = kyso(&[
        "cert",
        "--json",
        &format!("{FIX}/person-cccd.cer"),
        &format!("{FIX}/page.html"),
        &format!("{FIX}/truncated.cer"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let doc = json(&out);
    assert_eq!(doc["certificates"].as_array().unwrap().len(), 1);
    let errors = doc["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0]["code"], "looks_like_html");
    assert!(errors[0]["file"].as_str().unwrap().ends_with("page.html"));
    assert!(!errors[0]["message"].as_str().unwrap().is_empty());
    assert_eq!(errors[1]["code"], "truncated");
}

#[test]
fn wrong_usage_is_exit_1() {
    assert_eq!(kyso(&["cert"]).status.code(), Some(1));
    assert_eq!(
        kyso(&["cert", "--at", "yesterday", "x.cer"]).status.code(),
        Some(1)
    );
    assert_eq!(kyso(&["cert", "--bogus", "x.cer"]).status.code(), Some(1));
    assert_eq!(kyso(&["nonsense"]).status.code(), Some(1));
    assert_eq!(kyso(&["--help"]).status.code(), Some(0));
}

#[test]
fn a_folder_reads_every_certificate_file_in_it() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-folder");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let fix = common::root().join(FIX);
    std::fs::copy(fix.join("person-cccd.cer"), dir.join("a.cer")).unwrap();
    std::fs::copy(fix.join("chain.p7b"), dir.join("sub/b.p7b")).unwrap();
    std::fs::write(dir.join("notes.docx"), b"not a certificate, not read").unwrap();
    let out = kyso(&[
        "cert",
        "--json",
        "--at",
        "2026-11-21",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let doc = json(&out);
    // a.cer: 1 certificate; sub/b.p7b: leaf, CA and root.
    assert_eq!(doc["certificates"].as_array().unwrap().len(), 4);
}

#[test]
fn human_output_is_vietnamese() {
    let out = kyso(&[
        "cert",
        "--at",
        "2026-11-21T00:00:00Z",
        &common::shared_arg("fixtures/real-certs/leaf-g1-btc-chicucthue-q12.pem"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Số hiệu chứng thư:"), "{text}");
    assert!(text.contains("6B6C55"));
    assert!(text.contains("MST 0301519977-029"));
    assert!(text.contains("Đã hết hạn"));
    assert!(text.contains("Chi cục thuế Khu vực Quận 12 - Huyện Hóc Môn"));
}
