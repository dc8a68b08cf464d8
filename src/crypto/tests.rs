use super::*;
use crate::cert::Cert;

fn shared(rel: &str) -> Vec<u8> {
    let path = format!("{}/../shared/{rel}", env!("CARGO_MANIFEST_DIR"));
    let pem = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (_, der) = der::pem::decode_vec(&pem).unwrap();
    der
}

fn pem_cert(rel: &str) -> Cert {
    Cert::from_der(&shared(rel)).unwrap()
}

fn fixture(name: &str) -> Cert {
    let path = format!(
        "{}/tests/fixtures/crypto/{name}.der",
        env!("CARGO_MANIFEST_DIR")
    );
    Cert::from_der(&std::fs::read(path).unwrap()).unwrap()
}

fn check(child: &Cert, issuer: &Cert) -> Result<(), SignatureError> {
    verify_signature(
        issuer.x509().tbs_certificate().subject_public_key_info(),
        child.x509().signature_algorithm(),
        child.tbs_der(),
        child.signature_bytes(),
    )
}

fn tampered(c: &Cert) -> Vec<u8> {
    let mut tbs = c.tbs_der().to_vec();
    let last = tbs.len() - 1;
    tbs[last] ^= 1;
    tbs
}

#[test]
fn verifies_government_g2_rsa4096_sha256() {
    let root = pem_cert("trust/vgca-g2-rootcag2.pem");
    let ca = pem_cert("trust/vgca-g2-cpcag2.pem");
    let leaf = pem_cert("fixtures/real-certs/leaf-g2-cpcag2-tongcucthue.pem");
    assert_eq!(check(&ca, &root), Ok(()));
    assert_eq!(check(&root, &root), Ok(()));
    assert_eq!(check(&leaf, &ca), Ok(()));
    assert_eq!(check(&leaf, &root), Err(SignatureError::Mismatch));
    let info = describe(ca.x509().signature_algorithm());
    assert_eq!(info.name, "sha256WithRSAEncryption");
    assert_eq!(info.hash, Some(HashAlg::Sha256));
    let key = public_key_info(root.x509().tbs_certificate().subject_public_key_info());
    assert_eq!((key.algorithm.as_str(), key.bits), ("RSA", Some(4096)));
}

#[test]
fn verifies_government_g1_sha1() {
    let root = pem_cert("trust/vgca-g1-rootca.pem");
    let ca = pem_cert("trust/vgca-g1-cp.pem");
    assert_eq!(check(&ca, &root), Ok(()));
    assert_eq!(
        describe(ca.x509().signature_algorithm()).name,
        "sha1WithRSAEncryption"
    );
    let key = public_key_info(root.x509().tbs_certificate().subject_public_key_info());
    assert_eq!(key.bits, Some(2048));
    let spki = root.x509().tbs_certificate().subject_public_key_info();
    let bad = verify_signature(
        spki,
        ca.x509().signature_algorithm(),
        &tampered(&ca),
        ca.signature_bytes(),
    );
    assert_eq!(bad, Err(SignatureError::Mismatch));
}

#[test]
fn verifies_precomputed_digests_with_rsa_encryption_oid() {
    // CMS names the key algorithm (rsaEncryption) and the digest separately.
    let root = pem_cert("trust/vgca-g2-rootcag2.pem");
    let ca = pem_cert("trust/vgca-g2-cpcag2.pem");
    let spki = root.x509().tbs_certificate().subject_public_key_info();
    let rsa_enc = AlgorithmIdentifierOwned {
        oid: rfc5912::RSA_ENCRYPTION,
        parameters: None,
    };
    assert!(matches!(
        Scheme::from_algorithm(&rsa_enc, None),
        Err(SignatureError::UnsupportedAlgorithm { .. })
    ));
    let scheme = Scheme::from_algorithm(&rsa_enc, Some(HashAlg::Sha256)).unwrap();
    let digest = HashAlg::Sha256.digest(ca.tbs_der());
    assert_eq!(
        verify_digest(spki, &scheme, &digest, ca.signature_bytes()),
        Ok(())
    );
    assert_eq!(
        verify_digest(spki, &scheme, &digest[..20], ca.signature_bytes()),
        Err(SignatureError::DigestLength {
            expected: 32,
            found: 20
        })
    );
    let wrong = Scheme::RsaPkcs1(HashAlg::Sha1);
    assert_eq!(
        verify_digest(
            spki,
            &wrong,
            &HashAlg::Sha1.digest(ca.tbs_der()),
            ca.signature_bytes()
        ),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn verifies_generated_vectors_and_rejects_tampering() {
    for (name, alg, key_alg, bits) in [
        ("ecdsa-p256-sha256", "ecdsa-with-SHA256", "EC", 256),
        ("ecdsa-p256-sha384", "ecdsa-with-SHA384", "EC", 256),
        ("ecdsa-p384-sha384", "ecdsa-with-SHA384", "EC", 384),
        ("ecdsa-p384-sha256", "ecdsa-with-SHA256", "EC", 384),
        ("rsa-pkcs1-sha512", "sha512WithRSAEncryption", "RSA", 2048),
        ("rsa-pkcs1-sha224", "sha224WithRSAEncryption", "RSA", 2048),
        ("rsa-pss-sha256", "rsassa-pss", "RSA", 2048),
        ("rsa-pss-sha384-salt0", "rsassa-pss", "RSA", 3072),
        ("rsa-pss-sha512", "rsassa-pss", "RSA", 3072),
    ] {
        let c = fixture(name);
        assert_eq!(check(&c, &c), Ok(()), "{name}");
        let spki = c.x509().tbs_certificate().subject_public_key_info();
        let bad = verify_signature(
            spki,
            c.x509().signature_algorithm(),
            &tampered(&c),
            c.signature_bytes(),
        );
        assert_eq!(bad, Err(SignatureError::Mismatch), "{name}");
        assert_eq!(describe(c.x509().signature_algorithm()).name, alg, "{name}");
        let info = public_key_info(spki);
        assert_eq!(
            (info.algorithm.as_str(), info.bits),
            (key_alg, Some(bits)),
            "{name}"
        );
    }
    let pss = fixture("rsa-pss-sha384-salt0");
    assert_eq!(
        Scheme::from_algorithm(pss.x509().signature_algorithm(), None),
        Ok(Scheme::RsaPss {
            hash: HashAlg::Sha384,
            mgf_hash: HashAlg::Sha384,
            salt_len: 0
        })
    );
    assert_eq!(
        public_key_info(
            fixture("ecdsa-p384-sha256")
                .x509()
                .tbs_certificate()
                .subject_public_key_info()
        )
        .curve,
        Some("P-384")
    );
}

#[test]
fn refuses_cross_family_and_unknown_algorithms() {
    let rsa = fixture("rsa-pkcs1-sha512");
    let ec = fixture("ecdsa-p256-sha256");
    let r = verify_signature(
        rsa.x509().tbs_certificate().subject_public_key_info(),
        ec.x509().signature_algorithm(),
        ec.tbs_der(),
        ec.signature_bytes(),
    );
    assert!(matches!(r, Err(SignatureError::KeyMismatch { .. })));
    let dsa = AlgorithmIdentifierOwned {
        oid: rfc5912::DSA_WITH_SHA_1,
        parameters: None,
    };
    let r = verify_signature(
        rsa.x509().tbs_certificate().subject_public_key_info(),
        &dsa,
        b"x",
        b"y",
    );
    assert_eq!(
        r,
        Err(SignatureError::UnsupportedAlgorithm {
            oid: "1.2.840.10040.4.3".into()
        })
    );
    // Garbage signatures of every length fail cleanly.
    for len in [0usize, 1, 255, 256, 257, 1000] {
        let sig = vec![0xFFu8; len];
        assert!(check_raw(&rsa, &sig).is_err());
        assert!(check_raw(&ec, &sig).is_err());
    }
}

fn check_raw(c: &Cert, sig: &[u8]) -> Result<(), SignatureError> {
    verify_signature(
        c.x509().tbs_certificate().subject_public_key_info(),
        c.x509().signature_algorithm(),
        c.tbs_der(),
        sig,
    )
}

#[test]
fn hash_oids_round_trip() {
    for h in [
        HashAlg::Sha1,
        HashAlg::Sha224,
        HashAlg::Sha256,
        HashAlg::Sha384,
        HashAlg::Sha512,
    ] {
        assert_eq!(HashAlg::from_oid(&h.oid()), Some(h));
        assert_eq!(h.digest(b"abc").len(), h.output_len());
        assert_eq!(h.digest_parts([&b"a"[..], b"bc"]), h.digest(b"abc"));
    }
}

fn crypto_file(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/crypto/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn test_pki_cert(name: &str) -> Cert {
    let path = format!("{}/tests/fixtures/certs/{name}", env!("CARGO_MANIFEST_DIR"));
    Cert::from_der(&std::fs::read(path).unwrap()).unwrap()
}

const ALL_HASHES: [HashAlg; 5] = [
    HashAlg::Sha1,
    HashAlg::Sha224,
    HashAlg::Sha256,
    HashAlg::Sha384,
    HashAlg::Sha512,
];

#[test]
fn recovers_pkcs1v15_digest_from_openssl_signatures() {
    // tests/fixtures/crypto/make-pkcs1-raw.sh: openssl dgst -sign with person-cccd's key.
    let signer = test_pki_cert("person-cccd.cer");
    let spki = signer.x509().tbs_certificate().subject_public_key_info();
    let message = crypto_file("pkcs1-message.txt");
    for (name, hash) in [
        ("pkcs1-sha256.sig", HashAlg::Sha256),
        ("pkcs1-sha1.sig", HashAlg::Sha1),
        ("pkcs1-sha512.sig", HashAlg::Sha512),
    ] {
        let sig = crypto_file(name);
        let digest = hash.digest(&message);
        assert_eq!(
            verify_digest(spki, &Scheme::RsaPkcs1(hash), &digest, &sig),
            Ok(()),
            "{name}"
        );
        assert_eq!(
            recover_pkcs1v15_digest(spki, &sig, hash),
            Some(digest),
            "{name}"
        );
        // The digest of other content is not what was signed: recovery still returns
        // the signed one, which is how a changed document is told from a forgery.
        let other = hash.digest(b"another message");
        assert_eq!(
            verify_digest(spki, &Scheme::RsaPkcs1(hash), &other, &sig),
            Err(SignatureError::Mismatch)
        );
        assert_ne!(recover_pkcs1v15_digest(spki, &sig, hash), Some(other));
        for wrong in ALL_HASHES.into_iter().filter(|h| *h != hash) {
            assert_eq!(
                recover_pkcs1v15_digest(spki, &sig, wrong),
                None,
                "{name} as {wrong:?}"
            );
        }
        for at in [0usize, 1, 100, 255] {
            let mut tampered = sig.clone();
            tampered[at] ^= 0x01;
            assert_eq!(
                recover_pkcs1v15_digest(spki, &tampered, hash),
                None,
                "{name} tampered at {at}"
            );
        }
    }
}

#[test]
fn pkcs1v15_recovery_is_strict_about_the_encoding() {
    let signer = test_pki_cert("person-cccd.cer");
    let spki = signer.x509().tbs_certificate().subject_public_key_info();
    let digest = HashAlg::Sha256.digest(&crypto_file("pkcs1-message.txt"));
    // DigestInfo without the NULL parameters: tolerated, as by verification.
    let no_null = crypto_file("pkcs1-sha256-nonull.sig");
    assert_eq!(
        recover_pkcs1v15_digest(spki, &no_null, HashAlg::Sha256),
        Some(digest.clone())
    );
    assert_eq!(
        verify_digest(spki, &Scheme::RsaPkcs1(HashAlg::Sha256), &digest, &no_null),
        Ok(())
    );
    // Correct padding around something that is not exactly the DigestInfo.
    for name in [
        "pkcs1-sha256-trailing.sig",
        "pkcs1-sha256-bare.sig",
        "pkcs1-sha256-in-sha512.sig",
    ] {
        let sig = crypto_file(name);
        for hash in ALL_HASHES {
            assert_eq!(
                recover_pkcs1v15_digest(spki, &sig, hash),
                None,
                "{name} as {hash:?}"
            );
        }
    }
    // Another RSA key, a non-RSA key, garbage of every length, s >= n.
    let sig = crypto_file("pkcs1-sha256.sig");
    let other = test_pki_cert("org-mst10.cer");
    let other_spki = other.x509().tbs_certificate().subject_public_key_info();
    assert_eq!(
        recover_pkcs1v15_digest(other_spki, &sig, HashAlg::Sha256),
        None
    );
    let ec = fixture("ecdsa-p256-sha256");
    let ec_spki = ec.x509().tbs_certificate().subject_public_key_info();
    assert_eq!(
        recover_pkcs1v15_digest(ec_spki, &sig, HashAlg::Sha256),
        None
    );
    for len in [0usize, 1, 32, 255, 256, 257, 1000] {
        for fill in [0x00u8, 0x01, 0xFF] {
            assert_eq!(
                recover_pkcs1v15_digest(spki, &vec![fill; len], HashAlg::Sha256),
                None,
                "{len} x {fill:#04x}"
            );
        }
    }
}

#[test]
fn recovers_digests_from_certificate_signatures() {
    // Self-signed fixtures (make.py) and the government G2 CA under its 4096-bit root.
    for (name, hash) in [
        ("rsa-pkcs1-sha512", HashAlg::Sha512),
        ("rsa-pkcs1-sha224", HashAlg::Sha224),
    ] {
        let c = fixture(name);
        let spki = c.x509().tbs_certificate().subject_public_key_info();
        assert_eq!(
            recover_pkcs1v15_digest(spki, c.signature_bytes(), hash),
            Some(hash.digest(c.tbs_der())),
            "{name}"
        );
    }
    // PSS signatures have no recoverable digest.
    let pss = fixture("rsa-pss-sha256");
    let spki = pss.x509().tbs_certificate().subject_public_key_info();
    assert_eq!(
        recover_pkcs1v15_digest(spki, pss.signature_bytes(), HashAlg::Sha256),
        None
    );
    let root = pem_cert("trust/vgca-g2-rootcag2.pem");
    let ca = pem_cert("trust/vgca-g2-cpcag2.pem");
    let leaf = pem_cert("fixtures/real-certs/leaf-g2-cpcag2-tongcucthue.pem");
    let root_spki = root.x509().tbs_certificate().subject_public_key_info();
    assert_eq!(
        recover_pkcs1v15_digest(root_spki, ca.signature_bytes(), HashAlg::Sha256),
        Some(HashAlg::Sha256.digest(ca.tbs_der()))
    );
    // Signed by the CA, not the root: wrong key.
    assert_eq!(
        recover_pkcs1v15_digest(root_spki, leaf.signature_bytes(), HashAlg::Sha256),
        None
    );
}

/// SHAKE256 with 512 bits of output (FIPS 202), answers from Python's hashlib.
#[test]
fn shake256_known_answers() {
    let hex = |v: Vec<u8>| v.iter().map(|b| format!("{b:02x}")).collect::<String>();
    assert_eq!(
        hex(HashAlg::Shake256.digest(b"")),
        "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762fd75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be"
    );
    assert_eq!(
        hex(HashAlg::Shake256.digest_parts([&b"a"[..], &b"bc"[..]])),
        "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739d5a15bef186a5386c75744c0527e1faa9f8726e462a12a4feb06bd8801e751e4"
    );
    let len_oid = const_oid::ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.18");
    assert_eq!(HashAlg::from_oid(&len_oid), Some(HashAlg::Shake256));
}
