//! The engine on the `fresh` test PKI (tests/fixtures/signed/make.py, pyHanko and
//! Python `cryptography`): de-duplication, the signature cache, and the same CRL
//! read by both questions.

use super::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/signed/pki/fresh/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn cert(name: &str) -> Cert {
    let bytes = fixture(name);
    let der = match der::pem::decode_vec(&bytes) {
        Ok((_, d)) => d,
        Err(_) => bytes,
    };
    Cert::from_der(&der).expect("a fixture certificate")
}

fn at(s: &str) -> Instant {
    Instant::parse_rfc3339(s).expect("an RFC 3339 time")
}

#[test]
fn the_same_crl_is_kept_once_and_its_signature_checked_once() {
    let mut e = Evidence::new();
    let current = fixture("current.crl");
    let first = e.add_crl_der(&current, Origin::User);
    assert!(first.is_some());
    assert_eq!(e.add_crl_der(&current, Origin::Embedded), first);
    assert!(
        e.add_crl_der(&fixture("old.crl"), Origin::Embedded)
            .is_some()
    );
    assert_eq!(e.add_crl_der(b"not a CRL", Origin::User), None);
    let s = e.stats();
    assert_eq!((s.crls, s.duplicates), (2, 1));
    // The first origin is kept.
    assert_eq!(e.crls().next().map(|h| h.origin), Some(Origin::User));

    let (ca, revoked, root) = (cert("ca.cer"), cert("revoked.cer"), cert("root.cer"));
    let now = at("2026-09-01T00:00:00Z");
    for _ in 0..10 {
        at_time(&e, &[], &TrustStore::without_pins(), &revoked, &ca, now);
    }
    // Each CRL verified once against the CA, however many questions.
    assert_eq!(e.stats().crl_signature_checks, 2);
    // Named by a CA that did not sign it: unknown issuer vs wrong key.
    let index = first.expect("held");
    assert_eq!(e.signer_problem(index, [&ca]), None);
    assert_eq!(
        e.signer_problem(index, [&root]),
        Some(evidence::SignerProblem::UnknownIssuer)
    );
}

#[test]
fn one_reading_two_questions() {
    let (ca, revoked) = (cert("ca.cer"), cert("revoked.cer"));
    let e = Evidence::from_crls(
        &[Crl::from_der(&fixture("current.crl")).expect("a CRL")],
        Origin::User,
    );
    let t = at("2026-09-01T00:00:00Z");
    // Path validation: listed on a current CRL → revoked.
    let path = current(&e, &IssuerOnlyForTests, &revoked, &ca, t, 0);
    assert!(matches!(path, PathAnswer::Revoked { .. }), "{path:?}");
    // A signature: listed → revoked, with the date for the caller to compare.
    let sig = at_time(&e, &[], &TrustStore::without_pins(), &revoked, &ca, t);
    assert!(
        matches!(
            sig,
            RevStatus::Revoked {
                origin: Origin::User,
                ..
            }
        ),
        "{sig:?}"
    );
    // The wrong issuer key: the CRL is not evidence (bad signature / not checked).
    let root = cert("root.cer");
    let path = current(&e, &IssuerOnlyForTests, &revoked, &root, t, 0);
    assert!(
        matches!(
            path,
            PathAnswer::Unusable(ChainReason::CrlBadSignature { .. })
        ),
        "{path:?}"
    );
    let sig = at_time(&e, &[], &TrustStore::without_pins(), &revoked, &root, t);
    assert_eq!(sig, RevStatus::NotChecked);
}

struct IssuerOnlyForTests;

impl OtherSigners for IssuerOnlyForTests {
    fn named(&self, _: &NormName) -> Vec<&Cert> {
        Vec::new()
    }
    fn trusted(&self, _: &Cert) -> bool {
        false
    }
}

#[test]
fn a_flood_of_altered_copies_is_bounded_and_never_helps() {
    let genuine = fixture("current.crl");
    // Copies with one signature byte changed: same issuer and CRL number, other bytes.
    let forged: Vec<Vec<u8>> = (0..50u8)
        .map(|i| {
            let mut f = genuine.clone();
            if let Some(last) = f.last_mut() {
                *last = last.wrapping_add(i + 1);
            }
            f
        })
        .collect();
    let (ca, revoked) = (cert("ca.cer"), cert("revoked.cer"));
    let t = at("2026-09-01T00:00:00Z");
    let store = TrustStore::without_pins();

    let mut e = Evidence::new();
    e.add_crl_der(&genuine, Origin::User);
    for f in &forged {
        e.add_crl_der(f, Origin::Embedded);
    }
    let s = e.stats();
    assert_eq!((s.crls, s.duplicates), (4, 47));
    let st = at_time(&e, &[], &store, &revoked, &ca, t);
    assert!(matches!(st, RevStatus::Revoked { .. }), "{st:?}");
    assert_eq!(e.stats().crl_signature_checks, 4);

    // Forged copies first: the genuine one is dropped, and the answer is "not
    // checked", never "good".
    let mut e = Evidence::new();
    for f in &forged {
        e.add_crl_der(f, Origin::Embedded);
    }
    e.add_crl_der(&genuine, Origin::User);
    assert_eq!(
        at_time(&e, &[], &store, &revoked, &ca, t),
        RevStatus::NotChecked
    );
}
