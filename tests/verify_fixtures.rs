//! Every signed-PDF fixture (made by pyHanko and openssl, see
//! tests/fixtures/signed/make.py) verified through `verify::verify_pdf` with the test
//! root as a user anchor and a fixed validation time, compared with expected.json.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use kyso::i18n::Lang;
use kyso::time::Instant;
use kyso::verify::{self, VerifyOptions};
use serde_json::Value;

use common::signed::{SIGNATURE_KEYS, dir, file};

fn accepts(expected: &Value, actual: &Value) -> bool {
    match expected {
        Value::Array(options) => options.iter().any(|o| o == actual),
        other => other == actual,
    }
}

#[test]
fn fixtures_match_expected() {
    let common::signed::Expected {
        json: exp,
        at,
        anchors,
    } = common::signed::expected();
    let files = exp["files"].as_object().unwrap();
    assert!(files.len() >= 25, "the fixture list shrank");
    let mut failures = Vec::new();
    for (name, e) in files {
        let mut opts = VerifyOptions::at(at);
        opts.pins = false;
        opts.file_name = name.clone();
        opts.anchors = anchors.clone();
        if let Some(crls) = e.get("user_crls").and_then(Value::as_array) {
            opts.crls = crls.iter().map(|c| file(c.as_str().unwrap())).collect();
        }
        let bytes = common::read(&dir().join(name));
        let report = verify::verify_pdf(&bytes, &opts);
        let json = kyso::render::verify_json(&report, Lang::En);
        if !accepts(&e["summary"], &json["summary"]) {
            failures.push(format!(
                "{name}: summary {} (expected {})",
                json["summary"], e["summary"]
            ));
        }
        let want = e["signatures"].as_array().unwrap();
        let got = json["signatures"].as_array().unwrap();
        if want.len() != got.len() {
            failures.push(format!(
                "{name}: {} signatures (expected {})",
                got.len(),
                want.len()
            ));
            continue;
        }
        for (w, g) in want.iter().zip(got) {
            let field = w["field"].as_str().unwrap();
            if g["field"] != w["field"] {
                failures.push(format!("{name}: field {} (expected {field})", g["field"]));
            }
            if !accepts(&w["indication"], &g["indication"])
                || !accepts(&w["sub_indication"], &g["sub_indication"])
            {
                let checks: Vec<String> = g["checks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|c| c["status"] != "passed")
                    .map(|c| format!("{}={}:{}", c["id"], c["status"], c["detail"]))
                    .collect();
                failures.push(format!(
                    "{name}/{field}: {} {} (expected {} {}) — {}",
                    g["indication"],
                    g["sub_indication"],
                    w["indication"],
                    w["sub_indication"],
                    checks.join(", ")
                ));
            }
            // The right reason: every check with the id has the expected detail.
            for (id, detail) in w["checks"].as_object().into_iter().flatten() {
                let seen: Vec<&Value> = g["checks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|c| c["id"] == id.as_str())
                    .map(|c| &c["detail"])
                    .collect();
                if seen.is_empty() || seen.iter().any(|d| *d != detail) {
                    failures.push(format!(
                        "{name}/{field}: check {id} {seen:?} (expected {detail})"
                    ));
                }
            }
            for (key, want) in w["revocation"].as_object().into_iter().flatten() {
                if g["revocation"][key] != *want {
                    failures.push(format!(
                        "{name}/{field}: revocation.{key} {} (expected {want})",
                        g["revocation"][key]
                    ));
                }
            }
            if !w["modified_after"].is_null() && w["modified_after"] != g["modified_after"] {
                failures.push(format!(
                    "{name}/{field}: modified_after {} (expected {})",
                    g["modified_after"], w["modified_after"]
                ));
            }
            // Every verdict carries its checks, and none is better than its evidence.
            if g["indication"] == "TOTAL_PASSED" {
                let bad = g["checks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["status"] == "failed");
                assert!(!bad, "{name}/{field}: TOTAL_PASSED with a failed check");
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn json_shape_for_the_cli() {
    let bytes = common::read(&dir().join("pkcs7_rsa_sha256_crl.pdf"));
    let mut opts = VerifyOptions::at(Instant::parse_rfc3339("2026-09-01T00:00:00Z").unwrap());
    opts.anchors = vec![file("pki/root.cer")];
    opts.file_name = "x.pdf".into();
    let j = kyso::render::verify_json(&verify::verify_pdf(&bytes, &opts), Lang::Vi);
    assert_eq!(j["file"], "x.pdf");
    assert!(j["error"].is_null());
    assert_eq!(j["revisions"], 2);
    let s = &j["signatures"][0];
    for key in SIGNATURE_KEYS {
        assert!(s.get(key).is_some(), "missing {key}");
    }
    assert_eq!(s["kind"], "signature");
    assert_eq!(s["integrity"], "valid");
    assert_eq!(s["verdict"], "Chữ ký hợp lệ");
    assert_eq!(s["signing_time"]["used"], "claimed");
    assert_eq!(
        s["signing_time"]["claimed_source"],
        "signing_time_attribute"
    );
    assert!(
        s["signer"]["identifiers"]
            .to_string()
            .contains("001090000001")
    );
    let j = kyso::render::verify_json(&verify::verify_pdf(b"not a pdf", &opts), Lang::En);
    assert!(j["error"]["code"].is_string());
}

#[test]
fn without_the_anchor_nothing_passes() {
    let at = Instant::parse_rfc3339("2026-09-01T00:00:00Z").unwrap();
    for name in ["pkcs7_rsa_sha256_crl.pdf", "cades_ecdsa_p256.pdf"] {
        let bytes = common::read(&dir().join(name));
        let mut opts = VerifyOptions::at(at);
        opts.pins = false;
        let r = verify::verify_pdf(&bytes, &opts);
        let s = &r.signatures[0];
        assert_eq!(s.indication, verify::Indication::Indeterminate, "{name}");
        assert_eq!(
            s.sub_indication,
            Some(verify::SubIndication::NoCertificateChainFound)
        );
    }
}

#[test]
fn split_api_equals_one_shot() {
    let bytes = common::read(&dir().join("two_signatures.pdf"));
    let mut opts = VerifyOptions::at(Instant::parse_rfc3339("2026-09-01T00:00:00Z").unwrap());
    opts.anchors = vec![file("pki/root.cer")];
    let plan = verify::plan(&bytes);
    assert_eq!(plan.signatures.len(), 2);
    // Hash in small chunks, as the browser does.
    let digests: Vec<kyso::cms::Digests> = plan
        .signatures
        .iter()
        .map(|s| {
            let [(a0, a1), (b0, b1)] = s.ranges.unwrap();
            let mut parts: Vec<&[u8]> = bytes[a0..a1].chunks(1000).collect();
            parts.extend(bytes[b0..b1].chunks(777));
            kyso::cms::Digests::compute(&s.digests, &parts)
        })
        .collect();
    let a = kyso::render::verify_json(&verify::finish(&plan, &digests, &opts), Lang::En);
    let b = kyso::render::verify_json(&verify::verify_pdf(&bytes, &opts), Lang::En);
    assert_eq!(a, b);
    // Wrong digests must fail integrity.
    let wrong: Vec<kyso::cms::Digests> = plan
        .signatures
        .iter()
        .map(|s| kyso::cms::Digests::compute(&s.digests, &[b"other".as_slice()]))
        .collect();
    let c = verify::finish(&plan, &wrong, &opts);
    assert!(
        c.signatures
            .iter()
            .all(|s| s.indication == verify::Indication::TotalFailed)
    );
}
