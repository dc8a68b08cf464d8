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

/// A CRL file that cannot be used is named the same way by `kyso cert` and `kyso
/// verify` (the page reads user files with the same reader): `crl_wrong_key` for a
/// CRL that names the test CA but was signed by another PKI's CA of the same name
/// (OpenSSL agrees: `openssl crl -verify` fails with that CA), `not_a_crl` for a
/// certificate given as a CRL, `crl_malformed` for a CRL with a broken date.
#[test]
fn a_crl_file_problem_has_one_code_in_cert_and_verify() {
    let wrong_key = "tests/fixtures/encrypted/pki/ca.crl";
    let out = kyso(&[
        "cert",
        "--json",
        "--at",
        "2026-09-01T00:00:00Z",
        "--trust",
        "tests/fixtures/signed/pki/root.cer",
        "--certs",
        "tests/fixtures/signed/pki/ca.cer",
        "--crl",
        wrong_key,
        "--crl",
        &format!("{FIX}/ca.pem"),
        "tests/fixtures/signed/pki/person.cer",
    ]);
    let doc = json(&out);
    let codes: Vec<&str> = doc["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["not_a_crl", "crl_wrong_key"], "{doc}");
    assert_eq!(out.status.code(), Some(2));
    let message = doc["errors"][1]["message"].as_str().unwrap();
    assert!(message.contains("khóa của CA"), "{message}");
    // The chain says why the CRL did not count.
    assert_eq!(
        doc["certificates"][0]["chain"]["reason"], "crl_bad_signature",
        "{doc}"
    );

    let out = kyso(&[
        "verify",
        "--json",
        "--at",
        "2026-09-01T00:00:00Z",
        "--trust",
        "tests/fixtures/signed/pki/root.cer",
        "--crl",
        wrong_key,
        "tests/fixtures/signed/pkcs7_rsa_sha256_crl.pdf",
    ]);
    let doc = json(&out);
    let problems = doc
        .get("input_problems")
        .or_else(|| doc["documents"][0].get("input_problems"))
        .cloned()
        .unwrap_or_default();
    assert!(
        problems.to_string().contains("crl_wrong_key"),
        "{problems} in {doc}"
    );

    // A CRL whose revocation date is not a date: malformed, not "not a certificate".
    let mut crl = std::fs::read(format!("{FIX}/ca.crl")).unwrap();
    let revoked_at = crl
        .windows(13)
        .rposition(|w| w.ends_with(b"Z") && w.iter().take(12).all(u8::is_ascii_digit))
        .expect("a UTCTime in the CRL");
    crl[revoked_at] = b'X';
    let dir = std::env::temp_dir().join(format!("kyso-crl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("broken.crl");
    std::fs::write(&bad, &crl).unwrap();
    let out = kyso(&[
        "cert",
        "--json",
        "--crl",
        bad.to_str().unwrap(),
        &format!("{FIX}/ca.pem"),
    ]);
    let doc = json(&out);
    assert_eq!(doc["errors"][0]["code"], "crl_malformed", "{doc}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--require-revocation`: a certificate below the anchor without a CRL makes the
/// chain invalid (`crl_missing`) where the default says "not checked". `ca.crl`
/// covers the leaf, but no CRL covers the CA's own certificate (the root's is not
/// given), so with the flag the chain stays invalid, as RFC 5280 §6.3 and PKITS
/// expect.
#[test]
fn require_revocation_makes_a_missing_crl_fail_the_chain() {
    let run = |extra: &[&str]| {
        let mut args = vec![
            "cert",
            "--json",
            "--at",
            "2026-11-21T00:00:00Z",
            "--trust",
            "tests/fixtures/certs/root.pem",
            "--certs",
            "tests/fixtures/certs/ca.pem",
        ];
        args.extend_from_slice(extra);
        args.push("tests/fixtures/certs/org-mst-mns.pem");
        let doc = json(&kyso(&args));
        let chain = doc["certificates"][0]["chain"].clone();
        (
            chain["status"].as_str().unwrap().to_string(),
            chain["reason"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(run(&[]), ("trusted".into(), "ok".into()));
    assert_eq!(
        run(&["--require-revocation"]),
        ("invalid".into(), "crl_missing".into())
    );
    let crl = format!("{FIX}/ca.crl");
    assert_eq!(run(&["--crl", &crl]), ("trusted".into(), "ok".into()));
    // ca.crl covers the leaf; nothing covers the CA certificate under the root.
    assert_eq!(
        run(&["--require-revocation", "--crl", &crl]),
        ("invalid".into(), "crl_missing".into())
    );
}
