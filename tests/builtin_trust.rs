//! The built-in CA certificates, out of the box: real Government certificates and
//! signed decrees chain with no file from the user; a CA that is not built in is
//! named with where it is published; and the built-in set never makes anything
//! trusted by itself, nor shows up when the pins are off.
//!
//! The real files are read in place from the shared folder (`../shared`), never
//! copied into the repository.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;
use std::process::Output;

mod common;

use common::{kyso, shared, stdout_json as json};
use kyso::cert::Cert;
use kyso::input::InputFile;
use kyso::time::Instant;
use kyso::trust::builtin::{self, BuiltinKind};
use kyso::trust::{
    AnchorKind, ChainReason, ChainStatus, TrustStore, ValidationOptions, anchors, validate,
};
use kyso::verify::{self, VerifyOptions};

const G2_LEAF: &str = "fixtures/real-certs/leaf-g2-cpcag2-tongcucthue.pem";
const G1_LEAF: &str = "fixtures/real-certs/leaf-g1-btc-chicucthue-q12.pem";
const DECREE_49: &str = "corpora/real-world/vn-real/49-2026-ND-CP.pdf";
const DECREE_50: &str = "corpora/real-world/vn-real/50-2026-ND-CP.pdf";

fn read_cert(path: PathBuf) -> Cert {
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let der = match der::pem::decode_vec(&bytes) {
        Ok((_, der)) => der,
        Err(_) => bytes,
    };
    Cert::from_der(&der).unwrap()
}

fn at(s: &str) -> Instant {
    Instant::parse_rfc3339(s).unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn every_built_in_certificate_parses() {
    assert!(
        builtin::unreadable().is_empty(),
        "{:?}",
        builtin::unreadable()
    );
    assert_eq!(builtin::certs().len(), builtin::count());
    assert_eq!(builtin::count(), 66);
    let list = builtin::list();
    assert_eq!(list.len(), 66);
    // Every certificate of the shared folders is in the set, byte for byte.
    let mut shared_files = 0;
    for dir in ["trust", "trust/public-ca"] {
        for e in std::fs::read_dir(shared(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "pem") {
                shared_files += 1;
                let c = read_cert(p.clone());
                assert!(
                    builtin::certs().iter().any(|b| b.der() == c.der()),
                    "{} is not built in",
                    p.display()
                );
            }
        }
    }
    assert_eq!(shared_files, 66);
    assert!(builtin::set_date() >= at("2026-07-13T00:00:00Z"));
}

#[test]
fn only_the_pinned_roots_are_anchors() {
    let store = TrustStore::new();
    let list = builtin::list();
    let roots = list.iter().filter(|c| c.kind == BuiltinKind::Root).count();
    assert_eq!(roots, 9);
    for (c, entry) in builtin::certs().iter().zip(&list) {
        // A pinned issuing CA (kept for its id) is not a root anchor.
        let root_anchor = store.anchor_info(c).filter(|a| !a.intermediate);
        assert_eq!(
            root_anchor.is_some(),
            entry.kind == BuiltinKind::Root,
            "{}",
            entry.file
        );
        if let Some(a) = root_anchor {
            assert_eq!(a.government, entry.government, "{}", entry.file);
            assert!(a.pinned);
        }
    }
    // The roots the brief names, by fingerprint: government and public.
    for (id, government) in [
        ("vgca-g1-root", true),
        ("vgca-g2-root", true),
        ("vn-national-root", false),
        ("mic-national-root", false),
        ("vn-national-root-g3", false),
        ("vn-national-root-rs", false),
        ("vn-national-root-usbtoken", false),
        ("vn-national-root-mobilepki", false),
        ("vn-national-root-tsa", false),
    ] {
        let pin = anchors::pin_by_id(id).unwrap();
        assert!(pin.root && pin.government == government, "{id}");
    }
}

#[test]
fn a_self_signed_root_stays_untrusted_beside_the_built_in_set() {
    // The test PKI's root and a leaf it issued, with its CA: a complete chain, but to
    // a root nobody pinned. The built-in certificates change nothing.
    let fix = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/certs");
    let root = read_cert(fix.join("root.pem"));
    let ca = read_cert(fix.join("ca.pem"));
    let leaf = read_cert(fix.join("person-cccd.cer"));
    let t = at("2026-11-21T00:00:00Z");
    let opts = ValidationOptions::default();
    let store = TrustStore::new();
    let r = validate(&leaf, &[ca.clone(), root.clone()], &[], &store, t, &opts);
    assert_eq!(r.status, ChainStatus::Untrusted, "{:?}", r.reason);
    assert!(matches!(r.reason, ChainReason::RootNotTrusted { .. }));
    assert!(r.anchor.is_none());
    let r = validate(&root, &[], &[], &store, t, &opts);
    assert_eq!(r.status, ChainStatus::Untrusted);
    // The same through the CLI, with the root given as an intermediate (--certs).
    let out = kyso(&[
        "cert",
        "--json",
        "--at",
        "2026-11-21T00:00:00Z",
        "--certs",
        "tests/fixtures/certs/ca.pem",
        "--certs",
        "tests/fixtures/certs/root.pem",
        "tests/fixtures/certs/person-cccd.cer",
    ]);
    let doc = json(&out);
    assert_eq!(doc["certificates"][0]["chain"]["status"], "untrusted");
}

#[test]
fn the_built_in_set_stays_out_when_the_pins_are_off() {
    let store = TrustStore::without_pins();
    assert!(store.builtin_certs().is_empty());
    assert_eq!(store.certs_at_hand().count(), 0);
    let leaf = read_cert(shared(G2_LEAF));
    let r = validate(
        &leaf,
        &[],
        &[],
        &store,
        at("2026-06-01T00:00:00Z"),
        &ValidationOptions::default(),
    );
    assert_eq!(r.status, ChainStatus::Incomplete);
    // A signed decree verified as the conformance tests do (pins off): no chain.
    let bytes = std::fs::read(shared(DECREE_49)).unwrap();
    let mut opts = VerifyOptions::at(at("2026-06-01T00:00:00Z"));
    opts.pins = false;
    let report = verify::verify_pdf(&bytes, &opts);
    for s in &report.signatures {
        assert_eq!(
            s.sub_indication.map(|x| x.code()),
            Some("NO_CERTIFICATE_CHAIN_FOUND")
        );
        assert_ne!(s.chain.as_ref().unwrap().status, ChainStatus::Trusted);
    }
}

#[test]
fn cli_cert_chains_a_real_g2_leaf_to_the_g2_root_out_of_the_box() {
    let out = kyso(&[
        "cert",
        "--json",
        "--at",
        "2026-06-01T00:00:00Z",
        shared(G2_LEAF).to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let doc = json(&out);
    let chain = &doc["certificates"][0]["chain"];
    assert_eq!(chain["status"], "trusted", "{chain}");
    assert_eq!(chain["anchor"], "RootCA chuyên dùng Chính phủ G2");
    assert_eq!(chain["anchor_info"]["id"], "vgca-g2-root");
    assert_eq!(chain["anchor_info"]["kind"], "government");
    assert_eq!(chain["anchor_info"]["government"], true);
    assert_eq!(chain["path"].as_array().unwrap().len(), 3);
    assert!(chain["missing_issuer"].is_null());
    assert!(
        chain["anchor_kind_text"]
            .as_str()
            .unwrap()
            .contains("Chính phủ")
    );

    let text = stdout(&kyso(&[
        "cert",
        "--at",
        "2026-06-01T00:00:00Z",
        shared(G2_LEAF).to_str().unwrap(),
    ]));
    assert!(text.contains("RootCA chuyên dùng Chính phủ G2"), "{text}");
    assert!(text.contains("CA gốc chuyên dùng Chính phủ"), "{text}");
}

#[test]
fn a_g1_leaf_whose_issuer_is_not_built_in_names_it_and_where_it_is_published() {
    let leaf = shared(G1_LEAF);
    for lang in ["vi", "en"] {
        let out = kyso(&[
            "cert",
            "--json",
            "--lang",
            lang,
            "--at",
            "2024-06-01T00:00:00Z",
            leaf.to_str().unwrap(),
        ]);
        let chain = &json(&out)["certificates"][0]["chain"];
        assert_eq!(chain["status"], "incomplete");
        assert_eq!(chain["reason"], "issuer_not_found");
        let m = &chain["missing_issuer"];
        assert_eq!(m["code"], "missing_issuer_published");
        assert_eq!(m["name"], "Co quan chung thuc so Bo Tai chinh");
        assert_eq!(
            m["published_at"][0],
            "http://ca.gov.vn/pki/pub/cert/btc.crt"
        );
        let words = chain["missing_issuer_text"].as_str().unwrap();
        assert!(
            words.contains("«Co quan chung thuc so Bo Tai chinh»"),
            "{words}"
        );
        assert!(
            words.contains("http://ca.gov.vn/pki/pub/cert/btc.crt"),
            "{words}"
        );
    }
    let text = stdout(&kyso(&[
        "cert",
        "--at",
        "2024-06-01T00:00:00Z",
        leaf.to_str().unwrap(),
    ]));
    assert!(text.contains("CA còn thiếu:"), "{text}");
    assert!(
        text.contains("Thiếu chứng thư của CA cấp «Co quan chung thuc so Bo Tai chinh»"),
        "{text}"
    );
    assert!(
        text.contains("http://ca.gov.vn/pki/pub/cert/btc.crt"),
        "{text}"
    );
}

#[test]
fn a_missing_issuer_without_aia_says_it_is_not_published() {
    // The signed fixtures' issuing CA names no caIssuers location; alone, with no
    // root at hand and pins on, its issuer is missing.
    let ca = read_cert(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/signed/pki/ca.cer"),
    );
    let r = validate(
        &ca,
        &[],
        &[],
        &TrustStore::new(),
        at("2026-11-21T00:00:00Z"),
        &ValidationOptions::default(),
    );
    assert_eq!(r.status, ChainStatus::Incomplete);
    let m = r.missing_issuer.unwrap();
    assert_eq!(m.code, "missing_issuer_not_published");
    assert!(m.published_at.is_empty());
    let vi = kyso::i18n::missing_issuer(kyso::i18n::Lang::Vi, &m);
    assert!(vi.contains("không ghi nơi công bố"), "{vi}");
}

/// A real decree, verified with no --certs: every signature's chain is trusted to
/// the G2 root, and the time-stamps' TSA chains too. The indication may stay
/// INDETERMINATE (no revocation evidence offline), never for want of a chain.
fn decree_chains(rel: &str) {
    let out = kyso(&["verify", "--json", shared(rel).to_str().unwrap()]);
    let doc = json(&out);
    let sigs = doc["documents"][0]["signatures"].as_array().unwrap();
    assert!(!sigs.is_empty());
    for s in sigs {
        let chain = &s["chain"];
        assert_eq!(chain["status"], "trusted", "{}: {chain}", s["field"]);
        assert_eq!(chain["anchor"]["id"], "vgca-g2-root");
        assert_eq!(chain["anchor"]["kind"], "government");
        assert_ne!(s["sub_indication"], "NO_CERTIFICATE_CHAIN_FOUND");
        let checks = s["checks"].as_array().unwrap();
        let check = |id: &str| checks.iter().find(|c| c["id"] == id).cloned();
        assert_eq!(check("certificate_chain").unwrap()["status"], "passed");
        // The TSA chained: its revocation is only looked at for a trusted chain, and
        // the time-stamp check does not say "tsa_not_trusted".
        assert!(check("timestamp_revocation").is_some(), "{}", s["field"]);
        assert!(
            checks.iter().all(|c| c["detail"] != "tsa_not_trusted"),
            "{}",
            s["field"]
        );
        assert_eq!(s["signing_time"]["used"], "proven");
    }
    let text = stdout(&kyso(&["verify", shared(rel).to_str().unwrap()]));
    assert!(text.contains("RootCA chuyên dùng Chính phủ G2"), "{text}");
    assert!(text.contains("Loại CA gốc:"), "{text}");
}

#[test]
fn cli_verify_chains_decree_49_to_the_g2_root_without_certs() {
    decree_chains(DECREE_49);
}

#[test]
fn cli_verify_chains_decree_50_to_the_g2_root_without_certs() {
    decree_chains(DECREE_50);
}

#[test]
fn the_tsa_of_the_decrees_chains_on_its_own() {
    // The Government's time-stamping unit, built in, chains to the G2 root.
    let tsa = read_cert(shared("trust/vgca-g2-tsa-cpnet.pem"));
    let r = validate(
        &tsa,
        &[],
        &[],
        &TrustStore::new(),
        at("2026-06-01T00:00:00Z"),
        &ValidationOptions::default(),
    );
    assert_eq!(r.status, ChainStatus::Trusted);
    assert_eq!(r.anchor.unwrap().kind, AnchorKind::Government);
}

#[test]
fn kyso_trust_list_says_what_is_built_in_and_how_old() {
    let out = kyso(&[
        "trust",
        "list",
        "--json",
        "--lang",
        "en",
        "--at",
        "2026-12-01T00:00:00Z",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let doc = json(&out);
    assert_eq!(doc["count"], 66);
    assert_eq!(doc["anchors"], 9);
    assert_eq!(doc["set_date"], "2026-07-13T00:00:00Z");
    assert!(doc["summary_text"].as_str().unwrap().contains("141 days"));
    let certs = doc["certificates"].as_array().unwrap();
    assert_eq!(certs.len(), 66);
    for c in certs {
        for key in ["name", "kind", "government", "not_after", "sha256"] {
            assert!(!c[key].is_null(), "{key} in {c}");
        }
    }
    let g2 = certs
        .iter()
        .find(|c| c["anchor"] == "vgca-g2-root")
        .unwrap();
    assert_eq!(g2["kind"], "root");
    assert_eq!(g2["government"], true);
    let text = stdout(&kyso(&["trust", "list", "--at", "2026-12-01T00:00:00Z"]));
    assert!(text.contains("bộ chứng thư ngày 13/07/2026"), "{text}");
    assert!(text.contains("★ RootCA chuyên dùng Chính phủ G2"), "{text}");
    assert!(text.contains("VIETNAM NATIONAL ROOT CA - TSA"), "{text}");
}

#[test]
fn the_page_session_sees_the_built_in_set_too() {
    // The certificate report (page and CLI) with the leaf alone.
    let bytes = std::fs::read(shared(G2_LEAF)).unwrap();
    let report = kyso::report::read_certificates(
        &[InputFile::new("leaf.pem", bytes)],
        &kyso::report::CertOptions::at(at("2026-06-01T00:00:00Z")),
    );
    let chain = &report.certificates[0].chain;
    assert_eq!(chain.status, ChainStatus::Trusted);
    assert_eq!(chain.anchor.as_ref().unwrap().kind, AnchorKind::Government);
}
