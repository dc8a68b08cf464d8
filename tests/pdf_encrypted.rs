//! Encrypted signed PDFs (tests/fixtures/encrypted, made by qpdf and pyHanko with
//! make.py there): with an empty user password kyso decrypts them and the verdict is
//! the one the same document gets unencrypted; with a password, or a handler kyso
//! does not read, the document stays "encrypted" and nothing is concluded about its
//! changes. Validated at 2026-09-01 with the fixtures' test root as the only anchor,
//! as in verify_fixtures.rs.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use kyso::i18n::Lang;
use kyso::input::InputFile;
use kyso::pdf::{self, Cipher, CryptError, Encryption};
use kyso::time::Instant;
use kyso::verify::{self, DocumentReport, VerifyOptions};
use serde_json::{Value, json};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/encrypted")
}

fn read(name: &str) -> Vec<u8> {
    let p = dir().join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn options(name: &str) -> VerifyOptions {
    let mut opts = VerifyOptions::at(Instant::parse_rfc3339("2026-09-01T00:00:00Z").unwrap());
    opts.pins = false;
    opts.file_name = name.to_string();
    opts.anchors = vec![InputFile::new("root.cer", read("pki/root.cer"))];
    opts
}

fn verify_bytes(name: &str, bytes: &[u8]) -> DocumentReport {
    verify::verify_pdf(bytes, &options(name))
}

fn verify(name: &str) -> DocumentReport {
    verify_bytes(name, &read(name))
}

/// What must not depend on encryption: per signature, the verdict, its reasons and
/// the changes after it (object numbers left out: qpdf renumbers the objects).
fn verdict(r: &DocumentReport) -> Value {
    let j = kyso::render::verify_json(r, Lang::En);
    let sigs: Vec<Value> = j["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let changes: Vec<Value> = s["changes_after"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    json!([
                        c["revision"],
                        c["what"],
                        c["action"],
                        c["allowed"],
                        c["rule"],
                        c["page"]
                    ])
                })
                .collect();
            let checks: Vec<Value> = s["checks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| json!([c["id"], c["status"], c["detail"]]))
                .collect();
            json!({
                "field": s["field"],
                "headline": s["headline"],
                "indication": s["indication"],
                "sub_indication": s["sub_indication"],
                "integrity": s["integrity"],
                "coverage": s["coverage"],
                "modified_after": s["modified_after"],
                "changes": changes,
                "checks": checks,
                "reason": s["reason"],
                "location": s["location"],
                "signer": s["signer"]["common_name"],
            })
        })
        .collect();
    json!({ "summary": j["summary"], "revisions": j["revisions"], "signatures": sigs })
}

const EMPTY_PASSWORD: [&str; 6] = [
    "rc4_40.pdf",
    "rc4_128.pdf",
    "aes128.pdf",
    "aes128_clear_metadata.pdf",
    "aes256.pdf",
    "aes256_objstm.pdf",
];

#[test]
fn the_plain_document_passes() {
    let r = verify("plain.pdf");
    assert!(!r.encrypted);
    assert_eq!(r.encryption.code(), None);
    assert_eq!(r.summary.code(), "valid_with_allowed_changes");
    assert_eq!(r.signatures.len(), 1);
    assert_eq!(r.signatures[0].indication, verify::Indication::TotalPassed);
}

#[test]
fn empty_password_files_verify_as_the_same_document_unencrypted() {
    let plain = verdict(&verify("plain.pdf"));
    for name in EMPTY_PASSWORD {
        let r = verify(name);
        assert!(r.encrypted, "{name}");
        assert_eq!(r.encryption.code(), Some("encryption_decrypted"), "{name}");
        assert_eq!(verdict(&r), plain, "{name}");
        // The strings read decrypted, not as ciphertext.
        let s = &r.signatures[0];
        assert_eq!(s.field, "Sig1", "{name}");
        assert_eq!(s.reason.as_deref(), Some("Phê duyệt"), "{name}");
        assert_eq!(s.location.as_deref(), Some("Hà Nội"), "{name}");
    }
}

#[test]
fn the_reader_names_the_handler() {
    for (name, revision, cipher) in [
        ("rc4_40.pdf", 2, Cipher::Rc4),
        ("rc4_128.pdf", 3, Cipher::Rc4),
        ("aes128.pdf", 4, Cipher::Aes128),
        ("aes256.pdf", 6, Cipher::Aes256),
        ("aes256_r5_unsigned.pdf", 5, Cipher::Aes256),
    ] {
        let doc = pdf::open(&read(name)).unwrap();
        assert_eq!(
            doc.encryption(),
            Encryption::Decrypted { revision, cipher },
            "{name}"
        );
    }
    // Unsigned (pyHanko does not open R5): read, nothing to verify.
    assert_eq!(
        verify("aes256_r5_unsigned.pdf").summary.code(),
        "no_signatures"
    );
}

#[test]
fn a_second_signature_is_an_allowed_change_after_decryption() {
    for name in ["aes128_two_signatures.pdf", "rc4_128_two_signatures.pdf"] {
        let r = verify(name);
        assert_eq!(r.encryption.code(), Some("encryption_decrypted"), "{name}");
        assert_eq!(r.summary.code(), "valid_with_allowed_changes", "{name}");
        assert_eq!(r.signatures.len(), 2, "{name}");
        for s in &r.signatures {
            assert_eq!(
                s.indication,
                verify::Indication::TotalPassed,
                "{name}/{}",
                s.field
            );
            assert!(
                s.changes_after.iter().all(|c| c.allowed),
                "{name}/{}",
                s.field
            );
            assert_eq!(s.reason.as_deref(), Some("Phê duyệt"));
        }
        let first = &r.signatures[0];
        assert!(first.modified_after);
        assert!(
            first
                .changes_after
                .iter()
                .any(|c| c.what.code() == "signature"),
            "{name}"
        );
        assert_eq!(r.signatures[1].field, "Sig2");
    }
}

#[test]
fn a_page_change_is_caught_after_decryption() {
    for name in [
        "aes128_then_page_change.pdf",
        "rc4_128_then_page_change.pdf",
    ] {
        let r = verify(name);
        assert_eq!(r.encryption.code(), Some("encryption_decrypted"), "{name}");
        assert_eq!(r.summary.code(), "modified_after_signing", "{name}");
        let s = &r.signatures[0];
        assert_eq!(s.indication, verify::Indication::Indeterminate, "{name}");
        assert_eq!(
            s.sub_indication,
            Some(verify::SubIndication::SigConstraintsFailure),
            "{name}"
        );
        let bad: Vec<&str> = s
            .changes_after
            .iter()
            .filter(|c| !c.allowed)
            .map(|c| c.what.code())
            .collect();
        assert!(bad.contains(&"page_content"), "{name}: {bad:?}");
        // The signed bytes themselves are intact.
        assert_eq!(s.integrity.code(), "valid", "{name}");
    }
}

#[test]
fn a_user_password_is_out_of_scope_and_says_so() {
    let r = verify("password.pdf");
    assert!(r.encrypted);
    assert_eq!(r.encryption.code(), Some("encryption_password_required"));
    assert_eq!(r.summary.code(), "encrypted_document");
    assert_eq!(r.signatures.len(), 1);
    let s = &r.signatures[0];
    assert_eq!(s.indication, verify::Indication::Indeterminate);
    // As before decryption existed: the changes after signing (a DSS update here)
    // cannot be read, so the check does not pass.
    let m = s
        .checks
        .iter()
        .find(|c| c.id == kyso::verify::CheckId::Modifications)
        .unwrap();
    assert_ne!(m.status, verify::CheckStatus::Passed);
    let doc = pdf::open(&read("password.pdf")).unwrap();
    assert_eq!(
        doc.encryption(),
        Encryption::Unavailable {
            why: CryptError::PasswordRequired
        }
    );
    assert!(!doc.changes_after(&doc.signatures()[0]).reliable);
    let j = kyso::render::verify_json(&r, Lang::Vi);
    assert!(
        j["encryption_text"]
            .as_str()
            .unwrap()
            .contains("không hỏi mật khẩu")
    );
}

/// Text between `from` (included) and the first `to` after it.
fn between<'a>(b: &'a [u8], from: &[u8], to: &[u8]) -> &'a [u8] {
    let s = b.windows(from.len()).position(|w| w == from).unwrap();
    let e = b[s..].windows(to.len()).position(|w| w == to).unwrap();
    &b[s..s + e + to.len()]
}

fn last_number_after(b: &[u8], key: &[u8]) -> usize {
    let s = b.windows(key.len()).rposition(|w| w == key).unwrap() + key.len();
    let digits: String = b[s..]
        .iter()
        .skip_while(|c| c.is_ascii_whitespace())
        .take_while(|c| c.is_ascii_digit())
        .map(|&c| char::from(c))
        .collect();
    digits.parse().unwrap()
}

/// plain.pdf plus an update that only adds aes128.pdf's encryption dictionary (and
/// its /ID, so that the key derives): the earlier revisions stay plain text.
fn plain_then_encrypted() -> Vec<u8> {
    let mut b = read("plain.pdf");
    let aes = read("aes128.pdf");
    let enc = between(&aes, b"<< /CF", b">>\nendobj").to_vec();
    let enc = &enc[..enc.len() - b"\nendobj".len()];
    let id = between(&aes, b"/ID [<", b">]");
    let prev = last_number_after(&b, b"startxref");
    let size = last_number_after(&b, b"/Size");
    let obj = b.len();
    b.extend_from_slice(format!("{size} 0 obj\n").as_bytes());
    b.extend_from_slice(enc);
    b.extend_from_slice(b"\nendobj\n");
    let xref = b.len();
    b.extend_from_slice(
        format!(
            "xref\n0 1\n0000000000 65535 f \n{size} 1\n{obj:010} 00000 n \ntrailer\n<< /Size {} /Root 1 0 R /Prev {prev} /Encrypt {size} 0 R ",
            size + 1
        )
        .as_bytes(),
    );
    b.extend_from_slice(id);
    b.extend_from_slice(format!(" >>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    b
}

#[test]
fn encryption_added_after_signing_is_not_allowed() {
    let bytes = plain_then_encrypted();
    let doc = pdf::open(&bytes).unwrap();
    assert!(doc.is_encrypted());
    // The dictionary opens with the empty password; the plain revisions are read as
    // they are (the signature's strings are not "decrypted" into garbage).
    assert!(doc.encryption().is_decrypted());
    let r = verify_bytes("plain_then_encrypted.pdf", &bytes);
    assert_eq!(r.summary.code(), "modified_after_signing");
    let s = &r.signatures[0];
    assert_eq!(s.reason.as_deref(), Some("Phê duyệt"));
    assert!(
        s.changes_after
            .iter()
            .any(|c| c.what.code() == "encryption" && !c.allowed),
        "{:?}",
        s.changes_after
    );
}
