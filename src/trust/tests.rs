use super::*;

fn shared(rel: &str) -> Cert {
    let path = format!("{}/../shared/{rel}", env!("CARGO_MANIFEST_DIR"));
    let pem = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (_, der) = der::pem::decode_vec(&pem).unwrap();
    Cert::from_der(&der).unwrap()
}

fn at(s: &str) -> Instant {
    Instant::parse_rfc3339(s).unwrap()
}

fn g2() -> (Cert, Cert, Cert) {
    (
        shared("fixtures/real-certs/leaf-g2-cpcag2-tongcucthue.pem"),
        shared("trust/vgca-g2-cpcag2.pem"),
        shared("trust/vgca-g2-rootcag2.pem"),
    )
}

#[test]
fn pinned_fingerprints_match_the_published_certificates() {
    for (file, id) in [
        ("trust/vgca-g1-rootca.pem", "vgca-g1-root"),
        ("trust/vgca-g1-cp.pem", "vgca-g1-cp"),
        ("trust/vgca-g2-rootcag2.pem", "vgca-g2-root"),
        ("trust/vgca-g2-cpcag2.pem", "vgca-g2-cpcag2"),
        ("trust/vgca-g2-dcscag2.pem", "vgca-g2-dcscag2"),
        ("trust/vnrca256.pem", "vn-national-root"),
        ("trust/vnpt-ca-sha2.pem", "vnpt-ca-sha2"),
    ] {
        let pin = anchors::pin_for(&shared(file)).unwrap_or_else(|| panic!("{file}"));
        assert_eq!(pin.id, id);
    }
    assert_eq!(anchors::PINS.len(), 7);
    assert!(anchors::pin_by_id("vgca-g2-root").unwrap().government);
    assert!(!anchors::pin_by_id("vn-national-root").unwrap().government);
}

#[test]
fn government_g2_chain_is_trusted_at_the_pinned_root() {
    let (leaf, ca, root) = g2();
    let opts = ValidationOptions::default();
    // The pool order and extra junk do not matter.
    let pool = [shared("trust/vnrca256.pem"), root, ca];
    let r = validate(
        &leaf,
        &pool,
        &[],
        &TrustStore::new(),
        at("2025-01-01T00:00:00Z"),
        &opts,
    );
    assert_eq!(r.status, ChainStatus::Trusted, "{r:?}");
    assert_eq!(r.reason, ChainReason::Ok);
    let anchor = r.anchor.clone().unwrap();
    assert_eq!(anchor.id, "vgca-g2-root");
    assert!(anchor.government && anchor.pinned && !anchor.intermediate);
    assert_eq!(r.path.len(), 3);
    assert_eq!(r.path[0].sha256, hex_upper(&leaf.sha256()));
    assert_eq!(r.revocation, RevocationOutcome::NotChecked);
    assert_eq!(r.path[2].revocation, RevocationOutcome::Anchor);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["status"], "trusted");
    assert_eq!(json["reason"], "ok");
}

#[test]
fn pinned_intermediate_anchors_when_the_root_is_absent() {
    // Decision: a pinned issuing CA is itself a trust anchor when its root is not at
    // hand (signed PDFs usually embed only the issuing CA); the result says so.
    let (leaf, ca, _) = g2();
    let opts = ValidationOptions::default();
    let r = validate(
        &leaf,
        &[ca],
        &[],
        &TrustStore::new(),
        at("2025-01-01T00:00:00Z"),
        &opts,
    );
    assert_eq!(r.status, ChainStatus::Trusted);
    let anchor = r.anchor.unwrap();
    assert_eq!(anchor.id, "vgca-g2-cpcag2");
    assert!(anchor.intermediate && anchor.government);
    assert_eq!(r.path.len(), 2);
}

#[test]
fn unpinned_store_reports_incomplete_and_untrusted() {
    let (leaf, ca, root) = g2();
    let opts = ValidationOptions::default();
    let store = TrustStore::without_pins();
    let t = at("2025-01-01T00:00:00Z");
    let r = validate(&leaf, std::slice::from_ref(&ca), &[], &store, t, &opts);
    assert_eq!(r.status, ChainStatus::Incomplete);
    assert_eq!(r.reason, ChainReason::IssuerNotFound { position: 1 });
    assert_eq!(r.reason.code(), "issuer_not_found");
    let r = validate(&leaf, &[ca.clone(), root.clone()], &[], &store, t, &opts);
    assert_eq!(r.status, ChainStatus::Untrusted);
    assert_eq!(r.reason.code(), "root_not_trusted");
    let r = validate(&leaf, &[], &[], &TrustStore::new(), t, &opts);
    assert_eq!(r.status, ChainStatus::Incomplete);
    assert_eq!(r.reason, ChainReason::IssuerNotFound { position: 0 });
    // A user anchor is trusted even if not pinned.
    let mut user = TrustStore::without_pins();
    user.add_anchor(root);
    let r = validate(&leaf, &[ca], &[], &user, t, &opts);
    assert_eq!(r.status, ChainStatus::Trusted);
    assert!(!r.anchor.unwrap().pinned);
}

#[test]
fn expired_leaf_is_invalid() {
    let (leaf, ca, root) = g2();
    let r = validate(
        &leaf,
        &[ca, root],
        &[],
        &TrustStore::new(),
        at("2027-01-01T00:00:00Z"),
        &ValidationOptions::default(),
    );
    assert_eq!(r.status, ChainStatus::Invalid);
    assert!(
        matches!(r.reason, ChainReason::CertExpired { position: 0, .. }),
        "{:?}",
        r.reason
    );
    assert_eq!(r.reason.code(), "cert_expired");
    assert_eq!(r.reason.position(), Some(0));
    assert_eq!(r.anchor.unwrap().id, "vgca-g2-root");
}

#[test]
fn g1_sha1_chain_is_trusted_and_revocation_can_be_required() {
    // A pinned certificate validated on its own is an anchor: trivially trusted.
    let ca = shared("trust/vgca-g1-cp.pem");
    let root = shared("trust/vgca-g1-rootca.pem");
    let t = at("2025-01-01T00:00:00Z");
    let r = validate(
        &ca,
        std::slice::from_ref(&root),
        &[],
        &TrustStore::new(),
        t,
        &ValidationOptions::default(),
    );
    assert_eq!(r.status, ChainStatus::Trusted);
    assert_eq!(r.anchor.unwrap().id, "vgca-g1-root");
    // The issuing CA is pinned too, but with its root present the root anchors.
    let required = ValidationOptions {
        check_revocation: RevocationMode::Required,
    };
    let (leaf, g2ca, g2root) = g2();
    let r = validate(
        &leaf,
        &[g2ca, g2root],
        &[],
        &TrustStore::new(),
        t,
        &required,
    );
    assert_eq!(r.status, ChainStatus::Invalid);
    assert_eq!(r.reason, ChainReason::CrlMissing { position: 1 });
}

#[test]
fn the_wrong_issuer_key_is_a_bad_signature() {
    // The Party CA has the same issuer (the G2 root) but is not the leaf's issuer;
    // give the leaf a pool where a same-named impostor is the only candidate by
    // using the national root as user anchor for a chain it did not sign.
    let (leaf, ca, root) = g2();
    let opts = ValidationOptions::default();
    let mut store = TrustStore::without_pins();
    store.add_anchor(ca.clone());
    let r = validate(&leaf, &[], &[], &store, at("2025-01-01T00:00:00Z"), &opts);
    assert_eq!(r.status, ChainStatus::Trusted);
    // A root used as if it had issued the leaf directly fails the name chaining or
    // is not found at all: never trusted.
    let mut store = TrustStore::without_pins();
    store.add_anchor(root);
    let r = validate(&leaf, &[], &[], &store, at("2025-01-01T00:00:00Z"), &opts);
    assert_ne!(r.status, ChainStatus::Trusted);
}
