//! A signature without signed attributes (openssl -noattr) signs the content digest
//! itself. When the PDF changes after signing, the RSA PKCS#1 v1.5 signature no longer
//! verifies, but the digest recovered from it does not match the signed ranges: the
//! document changed (HASH_FAILURE), it was not forged (SIG_CRYPTO_FAILURE).
//! Options as in tests/verify_fixtures.rs (expected.json's anchors, time and CRLs).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::PathBuf;

use kyso::i18n::Lang;
use kyso::input::InputFile;
use kyso::time::Instant;
use kyso::verify::{self, VerifyOptions};
use serde_json::Value;

const NAME: &str = "openssl_pkcs7_sha256_ber_noattr.pdf";

fn dir() -> PathBuf {
    common::fixture("signed")
}

fn file(rel: &str) -> InputFile {
    common::input(rel, &dir().join(rel))
}

fn expected() -> Value {
    serde_json::from_slice(&common::read(&dir().join("expected.json"))).unwrap()
}

/// The first signature's JSON report, verified as verify_fixtures.rs does.
fn verify_first(bytes: &[u8]) -> Value {
    let exp = expected();
    let mut opts = VerifyOptions::at(
        Instant::parse_rfc3339(exp["validation_time"].as_str().unwrap()).unwrap(),
    );
    opts.pins = false;
    opts.file_name = NAME.to_string();
    opts.anchors = exp["anchors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| file(a.as_str().unwrap()))
        .collect();
    opts.crls = exp["files"][NAME]["user_crls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| file(c.as_str().unwrap()))
        .collect();
    let json = kyso::render::verify_json(&verify::verify_pdf(bytes, &opts), Lang::En);
    let sigs = json["signatures"].as_array().unwrap();
    assert_eq!(sigs.len(), 1, "{json}");
    sigs[0].clone()
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> usize {
    from + hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap()
}

/// `/ByteRange [a b c d]` of the (only) signature.
fn byte_range(pdf: &[u8]) -> [usize; 4] {
    let at = find(pdf, b"/ByteRange", 0);
    let open = find(pdf, b"[", at);
    let close = find(pdf, b"]", open);
    let nums: Vec<usize> = std::str::from_utf8(&pdf[open + 1..close])
        .unwrap()
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    nums.try_into().unwrap()
}

fn check<'a>(sig: &'a Value, id: &str) -> &'a Value {
    sig["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id} in {sig}"))
}

#[test]
fn unmodified_file_keeps_its_expected_result() {
    let pdf = common::read(&dir().join(NAME));
    let want = &expected()["files"][NAME]["signatures"][0];
    let got = verify_first(&pdf);
    assert_eq!(got["indication"], want["indication"], "{got}");
    assert_eq!(got["sub_indication"], want["sub_indication"], "{got}");
    assert_eq!(got["integrity"], "valid");
}

#[test]
fn changed_content_is_a_hash_failure() {
    let mut pdf = common::read(&dir().join(NAME));
    let [a, b, _, _] = byte_range(&pdf);
    assert_eq!(a, 0);
    // One letter of the page's text, inside the first content stream's data.
    let data = find(&pdf, b"stream\n", 0) + b"stream\n".len();
    let end = find(&pdf, b"endstream", data);
    let at = find(&pdf[..end], b"(", data) + 1;
    assert!(pdf[at].is_ascii_alphabetic() && at < a + b);
    pdf[at] ^= 0x01;
    assert!(pdf[at].is_ascii_alphabetic());

    let got = verify_first(&pdf);
    assert_eq!(got["indication"], "TOTAL_FAILED", "{got}");
    assert_eq!(got["sub_indication"], "HASH_FAILURE", "{got}");
    assert_eq!(got["integrity"], "invalid", "{got}");
    assert_eq!(check(&got, "integrity")["status"], "failed");
    assert_eq!(check(&got, "integrity")["detail"], "digest_mismatch");
    // The value is genuine (made over other content), so not called "wrong".
    assert_eq!(
        check(&got, "signature")["detail"],
        "signature_over_other_content"
    );
}

#[test]
fn damaged_signature_value_stays_a_crypto_failure() {
    let mut pdf = common::read(&dir().join(NAME));
    let [_, b, c, _] = byte_range(&pdf);
    // /Contents <hex>: the signature value is the last OCTET STRING of 256 octets.
    let hex = &pdf[b + 1..c - 1];
    let der: Vec<u8> = hex
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap(), 16).unwrap())
        .collect();
    let header = [0x04, 0x82, 0x01, 0x00];
    let value = der.windows(4).rposition(|w| w == header).unwrap() + header.len();
    let digit = b + 1 + 2 * (value + 128);
    pdf[digit] = if pdf[digit] == b'0' { b'1' } else { b'0' };

    let got = verify_first(&pdf);
    assert_eq!(got["indication"], "TOTAL_FAILED", "{got}");
    assert_eq!(got["sub_indication"], "SIG_CRYPTO_FAILURE", "{got}");
    assert_eq!(got["integrity"], "unknown", "{got}");
    assert_eq!(check(&got, "signature")["detail"], "signature_invalid");
}
