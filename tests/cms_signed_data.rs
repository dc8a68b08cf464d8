//! CMS specifics on signatures made by pyHanko and openssl (tests/fixtures/signed).
//! The PDF side is read crudely here on purpose (find /ByteRange and /Contents), so
//! these tests exercise `kyso::cms` alone.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use kyso::cms::{
    self, Content, Digests, EssStatus, Integrity, SignatureStatus, SignerProblem, TimestampStatus,
};
use kyso::crypto::HashAlg;

struct Sig {
    cms: Vec<u8>,
    ranges: [(usize, usize); 2],
    pdf: Vec<u8>,
}

fn last_sig(name: &str) -> Sig {
    let pdf = common::read(&common::fixture("signed").join(name));
    let text = String::from_utf8_lossy(&pdf).into_owned();
    let at = text.rfind("/ByteRange").unwrap();
    let open = at + text[at..].find('[').unwrap();
    let close = open + text[open..].find(']').unwrap();
    let nums: Vec<usize> = text[open + 1..close]
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    let (a, b, c, d) = (nums[0], nums[1], nums[2], nums[3]);
    let hex = &pdf[b + 1..c - 1];
    let cms = (0..hex.len() / 2)
        .map(|i| {
            u8::from_str_radix(std::str::from_utf8(&hex[2 * i..2 * i + 2]).unwrap(), 16).unwrap()
        })
        .collect();
    Sig {
        cms,
        ranges: [(a, a + b), (c, c + d)],
        pdf,
    }
}

impl Sig {
    fn digests(&self, algs: &[HashAlg]) -> Digests {
        let [(a0, a1), (b0, b1)] = self.ranges;
        Digests::compute(algs, &[&self.pdf[a0..a1], &self.pdf[b0..b1]])
    }
}

fn ctx() -> cms::VerifyContext<'static> {
    cms::VerifyContext::default()
}

#[test]
fn detached_rsa_with_signed_attributes() {
    let s = last_sig("pkcs7_rsa_sha256_crl.pdf");
    let c = cms::parse(&s.cms).unwrap();
    assert!(!c.ber);
    assert_eq!(c.content_digest_algorithm(), Some(HashAlg::Sha256));
    let need = c.required_digests(Content::Detached);
    assert_eq!(need, vec![HashAlg::Sha256]);
    let r = cms::verify(&c, Content::Detached, &s.digests(&need), &ctx());
    assert_eq!(r.integrity, Integrity::Valid);
    assert_eq!(r.signature, SignatureStatus::Valid);
    assert_eq!(r.ess, EssStatus::V2Match);
    assert!(r.signing_time.is_some());
    assert!(!r.crls.is_empty(), "revocationInfoArchival CRL extracted");
    assert!(r.problems.is_empty(), "{:?}", r.problems);
}

#[test]
fn wrong_message_digest_is_a_hash_failure() {
    let s = last_sig("pkcs7_rsa_sha256_crl.pdf");
    let c = cms::parse(&s.cms).unwrap();
    let wrong = Digests(vec![(HashAlg::Sha256, vec![0u8; 32])]);
    let r = cms::verify(&c, Content::Detached, &wrong, &ctx());
    assert_eq!(r.integrity, Integrity::Invalid);
    assert!(r.problems.contains(&SignerProblem::MessageDigestMismatch));
    // The signature over the signed attributes is still the signer's.
    assert_eq!(r.signature, SignatureStatus::Valid);
}

#[test]
fn ber_indefinite_lengths_without_signed_attributes() {
    let s = last_sig("openssl_pkcs7_sha256_ber_noattr.pdf");
    assert_eq!(&s.cms[..2], &[0x30, 0x80]);
    let c = cms::parse(&s.cms).unwrap();
    assert!(c.ber);
    assert!(c.signers[0].signed_attrs_der.is_none());
    let need = c.required_digests(Content::Detached);
    let r = cms::verify(&c, Content::Detached, &s.digests(&need), &ctx());
    assert_eq!(r.signature, SignatureStatus::Valid);
    assert_eq!(r.integrity, Integrity::Valid);
    // Without signed attributes a wrong digest makes the signature fail; the digest
    // recovered from the (RSA PKCS#1 v1.5) signature shows it is the content that
    // changed, not the signature.
    let wrong = Digests(vec![(HashAlg::Sha256, vec![1u8; 32])]);
    let r = cms::verify(&c, Content::Detached, &wrong, &ctx());
    assert_eq!(r.signature, SignatureStatus::Invalid);
    assert_eq!(r.integrity, Integrity::Invalid);
    assert!(
        r.problems.contains(&SignerProblem::SignedDigestMismatch),
        "{:?}",
        r.problems
    );
    // A damaged signature value proves nothing about the content.
    let mut forged = c.clone();
    let sig = &mut forged.signers[0].signature;
    let mid = sig.len() / 2;
    sig[mid] ^= 0x01;
    for digests in [s.digests(&need), wrong] {
        let r = cms::verify(&forged, Content::Detached, &digests, &ctx());
        assert_eq!(r.signature, SignatureStatus::Invalid);
        assert_eq!(r.integrity, Integrity::Unknown);
        assert!(!r.problems.contains(&SignerProblem::SignedDigestMismatch));
    }
}

#[test]
fn detached_signature_with_embedded_content_is_flagged() {
    let s = last_sig("openssl_detached_with_content_ber.pdf");
    let c = cms::parse(&s.cms).unwrap();
    let r = cms::verify(
        &c,
        Content::Detached,
        &s.digests(&[HashAlg::Sha256]),
        &ctx(),
    );
    assert!(r.problems.contains(&SignerProblem::DetachedWithContent));
}

#[test]
fn adbe_pkcs7_sha1_encapsulated_digest() {
    let s = last_sig("openssl_pkcs7_sha1.pdf");
    let c = cms::parse(&s.cms).unwrap();
    assert_eq!(c.econtent.as_ref().map(Vec::len), Some(20));
    let need = c.required_digests(Content::Sha1Encapsulated);
    assert_eq!(need, vec![HashAlg::Sha1]);
    let r = cms::verify(&c, Content::Sha1Encapsulated, &s.digests(&need), &ctx());
    assert_eq!(r.encapsulated_digest_matches, Some(true));
    assert_eq!(r.signature, SignatureStatus::Valid);
    assert!(r.uses_sha1);
    let wrong = Digests(vec![(HashAlg::Sha1, vec![0u8; 20])]);
    let r = cms::verify(&c, Content::Sha1Encapsulated, &wrong, &ctx());
    assert_eq!(r.integrity, Integrity::Invalid);
}

#[test]
fn ess_mismatch_is_detected() {
    let s = last_sig("pkcs7_rsa_sha256_crl.pdf");
    let c = cms::parse(&s.cms).unwrap();
    let cert = c.certificates.iter().find(|x| {
        kyso::cert::facts(x, kyso::time::Instant::from_unix(0))
            .common_name
            .as_deref()
            == Some("Nguyễn Văn An")
    });
    let hash = HashAlg::Sha256.digest(cert.unwrap().der());
    let mut bytes = s.cms.clone();
    let pos = bytes
        .windows(32)
        .position(|w| w == hash.as_slice())
        .unwrap();
    bytes[pos] ^= 0xFF;
    let c = cms::parse(&bytes).unwrap();
    let r = cms::verify(
        &c,
        Content::Detached,
        &s.digests(&[HashAlg::Sha256]),
        &ctx(),
    );
    assert_eq!(r.ess, EssStatus::Mismatch);
    // The attribute is signed, so the signature breaks too.
    assert_eq!(r.signature, SignatureStatus::Invalid);
}

#[test]
fn signature_timestamp_proves_time() {
    let s = last_sig("pkcs7_org_sig_timestamp.pdf");
    let c = cms::parse(&s.cms).unwrap();
    let r = cms::verify(
        &c,
        Content::Detached,
        &s.digests(&[HashAlg::Sha256]),
        &ctx(),
    );
    let ts = r.signature_timestamp.as_ref().unwrap();
    assert_eq!(ts.status, TimestampStatus::Valid, "{:?}", ts.detail);
    assert!(ts.eku_critical);
    assert_eq!(ts.gen_time().unwrap().to_rfc3339(), "2026-06-01T03:01:00Z");
    // A token moved onto another signature no longer matches its imprint.
    let other = last_sig("pkcs7_rsa_sha256_crl.pdf");
    let oc = cms::parse(&other.cms).unwrap();
    let token = cms::parse(&c.signers[0].unsigned_attrs[0].values[0]).unwrap();
    let t = cms::tst::verify_token(
        &token,
        cms::tst::Imprint::Data(&oc.signers[0].signature),
        &ctx(),
    );
    assert_eq!(t.status, TimestampStatus::ImprintMismatch);
}

#[test]
fn document_timestamp_token() {
    let s = last_sig("doc_timestamp.pdf");
    let c = cms::parse(&s.cms).unwrap();
    let need = c.required_digests(Content::DocTimestamp);
    assert_eq!(need, vec![HashAlg::Sha256]);
    let t = cms::tst::verify_token(&c, cms::tst::Imprint::Digests(&s.digests(&need)), &ctx());
    assert_eq!(t.status, TimestampStatus::Valid, "{:?}", t.detail);
    let wrong = Digests(vec![(HashAlg::Sha256, vec![0u8; 32])]);
    let t = cms::tst::verify_token(&c, cms::tst::Imprint::Digests(&wrong), &ctx());
    assert_eq!(t.status, TimestampStatus::ImprintMismatch);
}

#[test]
fn padding_and_garbage() {
    let s = last_sig("pkcs7_rsa_sha256_crl.pdf");
    let c = cms::parse(&s.cms).unwrap();
    assert!(
        c.encoded_len < s.cms.len(),
        "pyHanko pads /Contents with zeros"
    );
    let mut bad = s.cms.clone();
    bad[c.encoded_len + 3] = 7;
    assert_eq!(cms::parse(&bad).unwrap_err().code(), "cms_trailing_data");
    // Truncations and bit flips never panic.
    for cut in (0..c.encoded_len).step_by(97) {
        let _ = cms::parse(&s.cms[..cut]);
    }
    for i in (0..c.encoded_len).step_by(53) {
        let mut m = s.cms.clone();
        m[i] ^= 0x5A;
        if let Ok(p) = cms::parse(&m) {
            let _ = cms::verify(
                &p,
                Content::Detached,
                &s.digests(&[HashAlg::Sha256]),
                &ctx(),
            );
        }
    }
}
