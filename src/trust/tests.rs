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
        (
            "trust/public-ca/mic-national-root-ca.pem",
            "mic-national-root",
        ),
        ("trust/public-ca/vnrca-g3.pem", "vn-national-root-g3"),
        ("trust/public-ca/vnrca-rs.pem", "vn-national-root-rs"),
        (
            "trust/public-ca/vnrca-usbtoken.pem",
            "vn-national-root-usbtoken",
        ),
        (
            "trust/public-ca/vnrca-mobilepki.pem",
            "vn-national-root-mobilepki",
        ),
        ("trust/public-ca/vnrca-tsa.pem", "vn-national-root-tsa"),
    ] {
        let pin = anchors::pin_for(&shared(file)).unwrap_or_else(|| panic!("{file}"));
        assert_eq!(pin.id, id);
    }
    assert_eq!(anchors::PINS.len(), 13);
    // Every pinned root is self-signed and every new one is a public CAs' root.
    for pin in anchors::PINS.iter().filter(|p| p.root) {
        assert_eq!(pin.government, pin.id.starts_with("vgca-"), "{}", pin.id);
    }
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
fn the_built_in_roots_anchor_even_when_only_the_issuing_ca_is_given() {
    // The issuing CA is pinned too, but it anchors only when no path through its root
    // exists; the roots are built in, so the path goes on to the pinned root.
    let (leaf, ca, _) = g2();
    let opts = ValidationOptions::default();
    let t = at("2025-01-01T00:00:00Z");
    for pool in [vec![ca], vec![]] {
        let r = validate(&leaf, &pool, &[], &TrustStore::new(), t, &opts);
        assert_eq!(r.status, ChainStatus::Trusted);
        let anchor = r.anchor.unwrap();
        assert_eq!(anchor.id, "vgca-g2-root");
        assert_eq!(anchor.kind, AnchorKind::Government);
        assert!(!anchor.intermediate && anchor.government);
        assert_eq!(r.path.len(), 3);
        assert_eq!(r.missing_issuer, None);
    }
}

#[test]
fn a_missing_issuer_is_named_with_where_it_is_published() {
    // "Co quan chung thuc so Bo Tai chinh" (G1, Ministry of Finance) is not built in.
    let leaf = shared("fixtures/real-certs/leaf-g1-btc-chicucthue-q12.pem");
    let r = validate(
        &leaf,
        &[],
        &[],
        &TrustStore::new(),
        at("2024-01-01T00:00:00Z"),
        &ValidationOptions::default(),
    );
    assert_eq!(r.status, ChainStatus::Incomplete);
    assert_eq!(r.reason, ChainReason::IssuerNotFound { position: 0 });
    let m = r.missing_issuer.unwrap();
    assert_eq!(m.name, "Co quan chung thuc so Bo Tai chinh");
    assert_eq!(m.code, "missing_issuer_published");
    assert_eq!(m.published_at, ["http://ca.gov.vn/pki/pub/cert/btc.crt"]);
    assert!(
        m.issuer_dn.contains("Ban Co yeu Chinh phu"),
        "{}",
        m.issuer_dn
    );
    // A certificate without AIA says so.
    let (g2_leaf, ..) = g2();
    let mut no_aia = MissingIssuer::of(&shared("trust/vgca-g1-rootca.pem"));
    assert_eq!(no_aia.code, "missing_issuer_not_published");
    no_aia = MissingIssuer::of(&g2_leaf);
    assert_eq!(
        no_aia.published_at,
        ["http://ca.gov.vn/pki/pub/crt/cpcag2.crt"]
    );
}

#[test]
fn the_public_cas_roots_anchor_as_public_ca() {
    let ca = shared("trust/vnpt-ca-sha2.pem");
    let r = validate(
        &ca,
        &[],
        &[],
        &TrustStore::new(),
        at("2025-01-01T00:00:00Z"),
        &ValidationOptions::default(),
    );
    assert_eq!(r.status, ChainStatus::Trusted);
    let a = r.anchor.unwrap();
    assert_eq!(
        (a.id.as_str(), a.kind),
        ("vn-national-root", AnchorKind::PublicCa)
    );
    assert!(!a.government);
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
    // Without pins the built-in certificates are not at hand either.
    let r = validate(&leaf, &[], &[], &store, t, &opts);
    assert_eq!(r.status, ChainStatus::Incomplete);
    assert_eq!(r.reason, ChainReason::IssuerNotFound { position: 0 });
    assert_eq!(
        r.missing_issuer.map(|m| m.name),
        Some("CA phục vụ các cơ quan Nhà nước G2".to_string())
    );
    assert!(store.builtin_certs().is_empty());
    assert_eq!(TrustStore::new().builtin_certs().len(), 66);
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

#[test]
fn issuers_are_looked_for_in_the_certificates_at_hand_the_builtin_and_the_given_cas() {
    let (leaf, cpcag2, root) = g2();
    let test_ca = {
        let path = format!("{}/tests/fixtures/certs/ca.pem", env!("CARGO_MANIFEST_DIR"));
        let (_, der) = der::pem::decode_vec(&std::fs::read(&path).unwrap()).unwrap();
        Cert::from_der(&der).unwrap()
    };
    let count = |pool: &[Cert], c: &Cert| pool.iter().filter(|p| p.sha256() == c.sha256()).count();

    // The given G2 CA is also built in, and the leaf comes twice: each is kept once.
    let pool = folder::issuer_pool(
        &[leaf.clone(), leaf.clone()],
        &[test_ca.clone(), cpcag2.clone()],
    );
    assert_eq!(pool.len(), builtin::certs().len() + 2);
    for c in [&leaf, &cpcag2, &root, &test_ca] {
        assert_eq!(count(&pool, c), 1);
    }
    assert_eq!(
        pool[0].sha256(),
        leaf.sha256(),
        "the certificates at hand first"
    );
    // Through it, the leaf's chain is found up to the root, whose CRLs it needs.
    let chain = folder::with_issuers(std::slice::from_ref(&leaf), &pool);
    for c in [&leaf, &cpcag2, &root] {
        assert_eq!(count(&chain, c), 1);
    }

    // Nothing given: the built-in CAs alone still find the leaf's issuers.
    let builtin_only = folder::issuer_pool(&[], &[]);
    assert_eq!(builtin_only.len(), builtin::certs().len());
    assert_eq!(count(&builtin_only, &test_ca), 0);
    assert_eq!(folder::with_issuers(&[leaf], &builtin_only).len(), 3);
}
