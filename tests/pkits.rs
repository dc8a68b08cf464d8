//! NIST PKITS (PKI path validation) conformance run.
//!
//! Run with `cargo test --test pkits -- --nocapture` to see the per-section table and
//! the failing cases. The corpus is read in place from `../shared/corpora/pkits`.
//!
//! A case passes when no error is expected and the status is `Trusted`, or an error
//! is expected and the status is anything else. Cases with `params` (initial policy
//! inputs we do not take) are skipped and counted.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeMap;

use kyso::cert::Cert;
use kyso::time::Instant;
use kyso::trust::{
    ChainResult, ChainStatus, Crl, RevocationMode, TrustStore, ValidationOptions, validate,
};
use serde_json::Value;

/// The pass count this implementation reached; a regression below it fails the build.
const FLOOR: usize = 210;

/// Cases that must pass whatever else happens.
const MUST_PASS: &[&str] = &[
    "valid_signatures_test1",
    "invalid_ca_signature_test2",
    "invalid_ee_signature_test3",
    "invalid_ee_notafter_date_test6",
    "invalid_ee_notbefore_date_test2",
    "invalid_revoked_ee_test3",
    "invalid_missing_basicconstraints_test1",
    "invalid_pathlenconstraint_test6",
];

fn corpus() -> String {
    common::shared_arg("corpora/pkits")
}

fn read(dir: &str, name: &str) -> Vec<u8> {
    let path = format!("{}/{dir}/{name}", corpus());
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn section_title(section: &str) -> &'static str {
    match section {
        "401" => "4.1 Signature Verification",
        "402" => "4.2 Validity Periods",
        "403" => "4.3 Verifying Name Chaining",
        "404" => "4.4 Basic Certificate Revocation",
        "405" => "4.5 Verifying Paths with Self-Issued Certs",
        "406" => "4.6 Verifying Basic Constraints",
        "407" => "4.7 Key Usage",
        "408" => "4.8 Certificate Policies",
        "409" => "4.9 Require Explicit Policy",
        "410" => "4.10 Policy Mappings",
        "411" => "4.11 Inhibit Policy Mapping",
        "412" => "4.12 Inhibit Any Policy",
        "413" => "4.13 Name Constraints",
        "414" => "4.14 Distribution Points",
        "415" => "4.15 Delta-CRLs",
        "416" => "4.16 Private Certificate Extensions",
        _ => "other",
    }
}

struct Outcome {
    name: String,
    section: String,
    passed: bool,
    result: Option<ChainResult>,
    expected_error: bool,
}

fn names(case: &Value, key: &str) -> Vec<String> {
    case.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn run_case(case: &Value, anchor: &Cert, at: Instant) -> Outcome {
    let name = case["name"].as_str().unwrap_or_default().to_string();
    let section = case["id"]
        .as_str()
        .unwrap_or_default()
        .get(..3)
        .unwrap_or("")
        .to_string();
    let expected_error = case.get("error").is_some();
    let parse_cert = |f: &str| Cert::from_der(&read("certs", f));
    let leaf = match parse_cert(case["cert"].as_str().unwrap_or_default()) {
        Ok(c) => c,
        // A leaf we cannot parse is rejected: right when an error is expected.
        Err(_) => {
            return Outcome {
                name,
                section,
                passed: expected_error,
                result: None,
                expected_error,
            };
        }
    };
    let pool: Vec<Cert> = names(case, "other_certs")
        .iter()
        .filter_map(|f| parse_cert(f).ok())
        .collect();
    // The anchor's CRL is part of every PKITS path's revocation data; the JSON
    // leaves it out, so it is added here.
    let mut crl_files = names(case, "crls");
    if !crl_files.iter().any(|f| f == "TrustAnchorRootCRL.crl") {
        crl_files.push("TrustAnchorRootCRL.crl".to_string());
    }
    let crls: Vec<Crl> = crl_files
        .iter()
        .filter_map(|f| Crl::from_der(&read("crls", f)).ok())
        .collect();
    let mut store = TrustStore::without_pins();
    store.add_anchor(anchor.clone());
    // PKITS assumes revocation checking on every path (RFC 5280 §6.3): a certificate
    // whose issuer published no usable CRL cannot be accepted. The product's default
    // (check when a CRL is at hand, otherwise say "not checked") is tested elsewhere.
    let options = ValidationOptions {
        check_revocation: RevocationMode::Required,
    };
    let result = validate(&leaf, &pool, &crls, &store, at, &options);
    let trusted = result.status == ChainStatus::Trusted;
    Outcome {
        name,
        section,
        passed: trusted != expected_error,
        result: Some(result),
        expected_error,
    }
}

/// Lists the corpus files our parsers refuse (they make their cases fail).
fn report_unparsable() {
    for (dir, is_crl) in [("certs", false), ("crls", true)] {
        let mut names: Vec<String> = std::fs::read_dir(format!("{}/{dir}", corpus()))
            .map(|rd| {
                rd.filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        for n in names {
            let bytes = read(dir, &n);
            let err = if is_crl {
                Crl::from_der(&bytes).err().map(|e| format!("{e:?}"))
            } else {
                Cert::from_der(&bytes).err().map(|e| format!("{e:?}"))
            };
            if let Some(e) = err {
                println!("unparsable {dir}/{n}: {e}");
            }
        }
    }
}

#[test]
fn pkits() {
    report_unparsable();
    let json: Value = serde_json::from_slice(&read(".", "pkits.json")).expect("pkits.json parses");
    let cases = json.as_array().expect("a list of cases");
    let anchor = Cert::from_der(&read("certs", "TrustAnchorRootCertificate.crt")).unwrap();
    let at = Instant::parse_rfc3339("2015-01-01T00:00:00Z").unwrap();

    let mut skipped = 0usize;
    let mut outcomes = Vec::new();
    for case in cases {
        if case.get("params").is_some() {
            skipped += 1;
            continue;
        }
        outcomes.push(run_case(case, &anchor, at));
    }

    let mut table: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for o in &outcomes {
        let e = table.entry(o.section.clone()).or_default();
        e.1 += 1;
        if o.passed {
            e.0 += 1;
        }
    }
    let passed = outcomes.iter().filter(|o| o.passed).count();
    println!("\nPKITS (run with --nocapture to see this table)");
    println!("{:<5} {:<45} {:>6} {:>6}", "sec", "title", "pass", "total");
    for (section, (ok, total)) in &table {
        println!(
            "{section:<5} {:<45} {ok:>6} {total:>6}",
            section_title(section)
        );
    }
    println!(
        "{:<5} {:<45} {passed:>6} {:>6}",
        "",
        "TOTAL",
        outcomes.len()
    );
    println!("skipped (need policy params): {skipped}");
    println!("failing cases:");
    for o in outcomes.iter().filter(|o| !o.passed) {
        let got = o
            .result
            .as_ref()
            .map(|r| format!("{:?}/{}", r.status, r.reason.code()))
            .unwrap_or_else(|| "unparsable".into());
        let want = if o.expected_error {
            "reject"
        } else {
            "trusted"
        };
        println!("  {:<60} want {want:<8} got {got}", o.name);
    }

    for must in MUST_PASS {
        let o = outcomes
            .iter()
            .find(|o| o.name == *must)
            .unwrap_or_else(|| panic!("case {must} missing from the corpus"));
        assert!(o.passed, "must-pass PKITS case {must} failed");
    }
    assert!(
        passed >= FLOOR,
        "PKITS regression: {passed} passed, floor is {FLOOR}"
    );
}

/// Valid leaves the X.509 decoder (`x509-cert`/`der`) refuses: a UTCTime notBefore
/// in 1950, before the decoder's 1970 floor. Not a revocation or path question.
const UNREADABLE_LEAVES: &[&str] = &["valid_pre2000_utc_notbefore_date_test3"];

/// The same corpus through `kyso cert --require-revocation` (the report the CLI and
/// the page build: files read by the one reader, CRLs checked against their issuers,
/// RFC 5280 §6.3 required). Every case that needs no policy parameters and whose
/// algorithms kyso supports must match its expected result.
#[test]
fn pkits_through_kyso_cert_require_revocation() {
    use kyso::input::InputFile;
    use kyso::report::{CertOptions, read_certificates};
    let json: Value = serde_json::from_slice(&read(".", "pkits.json")).expect("pkits.json parses");
    let cases = json.as_array().expect("a list of cases");
    let at = Instant::parse_rfc3339("2015-01-01T00:00:00Z").unwrap();
    let (mut matched, mut params, mut unsupported, mut unreadable) = (0usize, 0, 0, 0);
    let mut mismatches = Vec::new();
    for case in cases {
        if case.get("params").is_some() {
            params += 1;
            continue;
        }
        let name = case["name"].as_str().unwrap_or_default();
        let leaf = case["cert"].as_str().unwrap_or_default();
        let mut opts = CertOptions::at(at);
        opts.require_revocation = true;
        opts.anchors = vec![InputFile::new(
            "TrustAnchorRootCertificate.crt",
            read("certs", "TrustAnchorRootCertificate.crt"),
        )];
        opts.extra_certs = names(case, "other_certs")
            .iter()
            .map(|f| InputFile::new(f.clone(), read("certs", f)))
            .collect();
        let mut crl_files = names(case, "crls");
        if !crl_files.iter().any(|f| f == "TrustAnchorRootCRL.crl") {
            crl_files.push("TrustAnchorRootCRL.crl".to_string());
        }
        opts.crls = crl_files
            .iter()
            .map(|f| InputFile::new(f.clone(), read("crls", f)))
            .collect();
        let report = read_certificates(&[InputFile::new(leaf, read("certs", leaf))], &opts);
        let expected_error = case.get("error").is_some();
        let Some(entry) = report.certificates.first() else {
            // The leaf itself does not parse: rejected.
            if expected_error {
                matched += 1;
            } else if UNREADABLE_LEAVES.contains(&name) {
                unreadable += 1;
            } else {
                mismatches.push(format!("{name}: leaf unreadable"));
            }
            continue;
        };
        let trusted = entry.chain.status == ChainStatus::Trusted;
        if trusted != expected_error {
            matched += 1;
        } else if entry.chain.reason.code() == "unsupported_algorithm" {
            unsupported += 1;
        } else {
            mismatches.push(format!(
                "{name}: want {} got {:?}/{}",
                if expected_error { "reject" } else { "trusted" },
                entry.chain.status,
                entry.chain.reason.code()
            ));
        }
    }
    println!(
        "PKITS via kyso cert --require-revocation: {matched} match, {} do not, \
         {unsupported} use unsupported algorithms (DSA), {unreadable} leaf the X.509 \
         decoder refuses, {params} need policy parameters (of {})",
        mismatches.len(),
        cases.len()
    );
    for m in &mismatches {
        println!("  {m}");
    }
    assert!(
        mismatches.is_empty(),
        "{} PKITS cases differ",
        mismatches.len()
    );
}

/// Every PKITS leaf against the whole corpus as its pool (405 certificates, many
/// sharing names): the index by subject and the search bounds keep this fast.
#[test]
fn whole_corpus_as_pool() {
    let dir = format!("{}/certs", corpus());
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("certs dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    files.sort();
    let pool: Vec<Cert> = files
        .iter()
        .filter_map(|f| Cert::from_der(&read("certs", f)).ok())
        .collect();
    let anchor = Cert::from_der(&read("certs", "TrustAnchorRootCertificate.crt")).unwrap();
    let mut store = TrustStore::without_pins();
    store.add_anchor(anchor);
    let at = Instant::parse_rfc3339("2015-01-01T00:00:00Z").unwrap();
    let started = std::time::Instant::now();
    let mut trusted = 0usize;
    for leaf in &pool {
        let r = validate(leaf, &pool, &[], &store, at, &ValidationOptions::default());
        if r.status == ChainStatus::Trusted {
            trusted += 1;
        }
    }
    let elapsed = started.elapsed();
    println!(
        "whole corpus as pool: {} leaves x {} certificates, {trusted} trusted, {elapsed:?}",
        pool.len(),
        pool.len()
    );
    assert!(trusted > 100, "most PKITS certificates chain to the anchor");
    assert!(
        elapsed.as_secs() < 120,
        "path building too slow: {elapsed:?}"
    );
}
