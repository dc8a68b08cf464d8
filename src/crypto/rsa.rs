//! RSA signatures: PKCS#1 v1.5 and PSS (RFC 8017), keys from `RSAPublicKey` DER.
//!
//! The padding checks are the `rsa` crate's; what we add is the X.509 side: reading
//! the key with explicit size limits, the DigestInfo prefixes (including the
//! NULL-less form that RFC 8017 §9.2 note 2 tells verifiers to tolerate), and the
//! RFC 4055 PSS parameters. One thing is ours alone: [`recover_pkcs1v15_digest`], which
//! runs RSAVP1 (the crate's modular exponentiation) and parses the EMSA-PKCS1-v1_5
//! encoding strictly, to tell a changed document from a forged signature when a CMS
//! signer signed the content digest directly.

use const_oid::db::rfc5912;
use rsa::traits::PublicKeyParts;
use rsa::{BoxedUint, Pkcs1v15Sign, Pss, RsaPublicKey};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use super::{HashAlg, Scheme, SignatureError};
use crate::asn1;

/// Smallest modulus we accept: PKITS and old tokens use 1024-bit keys.
const MIN_MODULUS_BITS: usize = 1024;
/// Largest modulus: 8192 bits keeps one verification within a few milliseconds, so a
/// hostile certificate cannot stall the page.
const MAX_MODULUS_BITS: usize = 8192;

/// Reads `RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }`.
fn public_key(spki: &SubjectPublicKeyInfoOwned) -> Result<RsaPublicKey, SignatureError> {
    let bad = || SignatureError::BadKey {
        key_oid: spki.algorithm.oid.to_string(),
    };
    let (n, e) = components(spki.subject_public_key.raw_bytes()).ok_or_else(bad)?;
    let n_bits = u32::try_from(n.len().checked_mul(8).ok_or_else(bad)?).map_err(|_| bad())?;
    let e_bits = u32::try_from(e.len().checked_mul(8).ok_or_else(bad)?).map_err(|_| bad())?;
    let n = BoxedUint::from_be_slice(n, n_bits).map_err(|_| bad())?;
    let e = BoxedUint::from_be_slice(e, e_bits).map_err(|_| bad())?;
    RsaPublicKey::new_with_size_limits(n, e, MIN_MODULUS_BITS..=MAX_MODULUS_BITS).map_err(|_| bad())
}

/// The modulus and exponent content octets, leading zero octets stripped.
fn components(der: &[u8]) -> Option<(&[u8], &[u8])> {
    let seq = asn1::exactly_one(der, asn1::SEQUENCE).ok()?;
    let mut items = asn1::children(seq.value);
    let n = items.next()?.ok()?;
    let e = items.next()?.ok()?;
    if n.tag != 0x02 || e.tag != 0x02 || items.next().is_some() {
        return None;
    }
    let trim = |v: &[u8]| -> usize { v.iter().take_while(|b| **b == 0).count() };
    let n_val = n.value.get(trim(n.value)..)?;
    let e_val = e.value.get(trim(e.value)..)?;
    if n_val.is_empty() || e_val.is_empty() {
        return None;
    }
    Some((n_val, e_val))
}

/// Bits in the modulus, for display; `None` when the key does not decode.
pub(super) fn modulus_bits(key_der: &[u8]) -> Option<u32> {
    let (n, _) = components(key_der)?;
    super::integer_bits(n)
}

pub(super) fn verify_pkcs1(
    spki: &SubjectPublicKeyInfoOwned,
    hash: HashAlg,
    digest: &[u8],
    signature: &[u8],
) -> Result<(), SignatureError> {
    let key = public_key(spki)?;
    let signature = left_pad(&key, signature).ok_or(SignatureError::Mismatch)?;
    let prefix = hash.digest_info_prefix();
    let scheme = |prefix: &[u8]| Pkcs1v15Sign {
        hash_len: Some(digest.len()),
        prefix: prefix.into(),
    };
    if key.verify(scheme(prefix), digest, &signature).is_ok() {
        return Ok(());
    }
    // Rare: signers that omitted the NULL parameters (RFC 8017 §9.2 note 2).
    let without_null = prefix_without_null(prefix).ok_or(SignatureError::Mismatch)?;
    key.verify(scheme(&without_null), digest, &signature)
        .map_err(|_| SignatureError::Mismatch)
}

/// RSASSA-PKCS1-v1_5 read backwards: the digest an RSA signature signs, recovered with
/// the public key, or `None`.
///
/// For a signature that did not verify over `hash` of the content, this tells a
/// changed document (the signer's genuine signature over other content: a well-formed
/// encoding, another digest) from a forged or damaged signature or a wrong key
/// (anything else). Only a strict encoding is accepted, the one RFC 8017 §9.2 makes:
/// `00 01 FF…FF 00 DigestInfo` with at least 8 `FF` octets, the DigestInfo naming
/// `hash` with NULL or absent parameters, in DER, and ending exactly at the modulus'
/// length. The lax parsing that Bleichenbacher's e=3 forgeries rely on (garbage after
/// the digest, other lengths) yields `None`. PSS and ECDSA do not let the digest be
/// recovered, so there is nothing like this for them.
pub fn recover_pkcs1v15_digest(
    spki: &SubjectPublicKeyInfoOwned,
    signature: &[u8],
    hash: HashAlg,
) -> Option<Vec<u8>> {
    if spki.algorithm.oid != rfc5912::RSA_ENCRYPTION {
        return None;
    }
    let key = public_key(spki).ok()?;
    let k = key.size();
    // RSAVP1 (RFC 8017 §5.2.2): s < n, m = s^e mod n, EM = I2OSP(m, k).
    let signature = left_pad(&key, signature)?;
    let s = BoxedUint::from_be_slice(&signature, key.n_bits_precision()).ok()?;
    if s >= *key.n().as_ref() {
        return None;
    }
    let m = s.pow_mod(key.e(), key.n_params().modulus());
    let bytes = m.to_be_bytes();
    let (lead, em) = bytes.split_at_checked(bytes.len().checked_sub(k)?)?;
    if lead.iter().any(|b| *b != 0) {
        return None;
    }
    emsa_pkcs1_v15_digest(em, hash)
}

/// The digest in `EM = 00 01 PS 00 T`, `T = DigestInfo`, PS at least 8 `FF` octets.
fn emsa_pkcs1_v15_digest(em: &[u8], hash: HashAlg) -> Option<Vec<u8>> {
    let rest = em.strip_prefix(&[0x00, 0x01])?;
    let ps_len = rest.iter().take_while(|b| **b == 0xFF).count();
    if ps_len < 8 {
        return None;
    }
    let t = rest.get(ps_len..)?.strip_prefix(&[0x00])?;
    let prefix = hash.digest_info_prefix();
    let digest = match t.strip_prefix(prefix) {
        Some(d) => d,
        None => t.strip_prefix(prefix_without_null(prefix)?.as_slice())?,
    };
    (digest.len() == hash.output_len()).then(|| digest.to_vec())
}

/// RFC 8017 wants the signature as exactly k octets; a few signers drop leading
/// zero octets. Padding them back changes nothing about what is verified.
fn left_pad(key: &RsaPublicKey, signature: &[u8]) -> Option<Vec<u8>> {
    let k = key.size();
    let missing = k.checked_sub(signature.len())?;
    let mut out = vec![0u8; missing];
    out.extend_from_slice(signature);
    Some(out)
}

/// The DigestInfo prefix with the `05 00` parameters removed and lengths adjusted.
fn prefix_without_null(prefix: &[u8]) -> Option<Vec<u8>> {
    let (&outer_tag, rest) = prefix.split_first()?;
    let (&outer_len, rest) = rest.split_first()?;
    let (&alg_tag, rest) = rest.split_first()?;
    let (&alg_len, rest) = rest.split_first()?;
    let oid_len = usize::from(alg_len).checked_sub(2)?;
    let oid = rest.get(..oid_len)?;
    let tail = rest.get(oid_len.checked_add(2)?..)?;
    let mut out = vec![
        outer_tag,
        outer_len.checked_sub(2)?,
        alg_tag,
        alg_len.checked_sub(2)?,
    ];
    out.extend_from_slice(oid);
    out.extend_from_slice(tail);
    Some(out)
}

/// RSASSA-PSS. The `rsa` crate ties the MGF1 hash to the message hash, which is what
/// every signer we have met does; RFC 4055 allows them to differ, and such
/// signatures are reported as unsupported rather than wrongly rejected.
pub(super) fn verify_pss(
    spki: &SubjectPublicKeyInfoOwned,
    hash: HashAlg,
    m_hash: &[u8],
    mgf_hash: HashAlg,
    salt_len: usize,
    signature: &[u8],
) -> Result<(), SignatureError> {
    if hash != mgf_hash {
        return Err(SignatureError::UnsupportedAlgorithm {
            oid: rfc5912::ID_MGF_1.to_string(),
        });
    }
    let key = public_key(spki)?;
    let signature = left_pad(&key, signature).ok_or(SignatureError::Mismatch)?;
    let r = match hash {
        HashAlg::Sha1 => key.verify(
            Pss::<sha1::Sha1>::new_with_salt(salt_len),
            m_hash,
            &signature,
        ),
        HashAlg::Sha224 => key.verify(
            Pss::<sha2::Sha224>::new_with_salt(salt_len),
            m_hash,
            &signature,
        ),
        HashAlg::Sha256 => key.verify(
            Pss::<sha2::Sha256>::new_with_salt(salt_len),
            m_hash,
            &signature,
        ),
        HashAlg::Sha384 => key.verify(
            Pss::<sha2::Sha384>::new_with_salt(salt_len),
            m_hash,
            &signature,
        ),
        HashAlg::Sha512 => key.verify(
            Pss::<sha2::Sha512>::new_with_salt(salt_len),
            m_hash,
            &signature,
        ),
        // RSA-PSS with SHAKE (RFC 8702) is not supported.
        HashAlg::Shake256 => {
            return Err(SignatureError::UnsupportedAlgorithm {
                oid: hash.oid().to_string(),
            });
        }
    };
    r.map_err(|_| SignatureError::Mismatch)
}

/// RSASSA-PSS-params (RFC 4055 §3.1), every field defaulted as the RFC says:
/// SHA-1, MGF1 with SHA-1, 20 octets of salt, trailer field 1.
pub(super) fn pss_params(algorithm: &AlgorithmIdentifierOwned) -> Result<Scheme, SignatureError> {
    let bad = || SignatureError::BadParameters {
        oid: algorithm.oid.to_string(),
    };
    let mut hash = HashAlg::Sha1;
    let mut mgf_hash = HashAlg::Sha1;
    let mut salt_len = 20usize;
    let Some(params) = algorithm.parameters.as_ref() else {
        // Absent parameters are only allowed in a key's algorithm, not a signature's.
        return Err(bad());
    };
    let der = der::Encode::to_der(params).map_err(|_| bad())?;
    let seq = asn1::exactly_one(&der, asn1::SEQUENCE).map_err(|_| bad())?;
    for item in asn1::children(seq.value) {
        let item = item.map_err(|_| bad())?;
        let inner = asn1::exactly_one(item.value, item.value.first().copied().unwrap_or(0))
            .map_err(|_| bad())?;
        match item.tag {
            0xA0 => hash = digest_algorithm(inner.raw).ok_or_else(bad)?,
            0xA1 => {
                let mgf = <AlgorithmIdentifierOwned as der::Decode>::from_der(inner.raw)
                    .map_err(|_| bad())?;
                if mgf.oid != rfc5912::ID_MGF_1 {
                    return Err(SignatureError::UnsupportedAlgorithm {
                        oid: mgf.oid.to_string(),
                    });
                }
                let p = mgf.parameters.as_ref().ok_or_else(bad)?;
                let p = der::Encode::to_der(p).map_err(|_| bad())?;
                mgf_hash = digest_algorithm(&p).ok_or_else(bad)?;
            }
            0xA2 => {
                if inner.tag != 0x02 {
                    return Err(bad());
                }
                let bytes = inner.value;
                if bytes.len() > 4 || bytes.first().is_some_and(|b| b & 0x80 != 0) {
                    return Err(bad());
                }
                salt_len = bytes
                    .iter()
                    .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
            }
            0xA3 => {
                if inner.tag != 0x02 || inner.value != [1] {
                    return Err(bad());
                }
            }
            _ => return Err(bad()),
        }
    }
    Ok(Scheme::RsaPss {
        hash,
        mgf_hash,
        salt_len,
    })
}

fn digest_algorithm(der: &[u8]) -> Option<HashAlg> {
    let alg = <AlgorithmIdentifierOwned as der::Decode>::from_der(der).ok()?;
    HashAlg::from_oid(&alg.oid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_null_from_digest_info() {
        let p = prefix_without_null(HashAlg::Sha1.digest_info_prefix()).unwrap();
        assert_eq!(
            p,
            [
                0x30, 0x1f, 0x30, 0x07, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x04, 0x14
            ]
        );
        let p = prefix_without_null(HashAlg::Sha256.digest_info_prefix()).unwrap();
        assert_eq!(p.len(), 17);
        assert_eq!(&p[..4], &[0x30, 0x2f, 0x30, 0x0b]);
    }

    /// `00 01 FF*ps 00 prefix digest`, as the EMSA-PKCS1-v1_5 encoding is laid out.
    fn em(ps: usize, prefix: &[u8], digest: &[u8]) -> Vec<u8> {
        let mut out = vec![0x00, 0x01];
        out.extend(std::iter::repeat_n(0xFF, ps));
        out.push(0x00);
        out.extend_from_slice(prefix);
        out.extend_from_slice(digest);
        out
    }

    #[test]
    fn parses_only_strict_pkcs1_v15_encodings() {
        let h = HashAlg::Sha256;
        let d = [0xABu8; 32];
        let prefix = h.digest_info_prefix();
        assert_eq!(
            emsa_pkcs1_v15_digest(&em(8, prefix, &d), h),
            Some(d.to_vec())
        );
        assert_eq!(
            emsa_pkcs1_v15_digest(&em(202, prefix, &d), h),
            Some(d.to_vec())
        );
        let no_null = prefix_without_null(prefix).unwrap();
        assert_eq!(
            emsa_pkcs1_v15_digest(&em(8, &no_null, &d), h),
            Some(d.to_vec())
        );
        // Fewer than 8 padding octets.
        assert_eq!(emsa_pkcs1_v15_digest(&em(7, prefix, &d), h), None);
        // A digest one octet short or long, or another algorithm's DigestInfo.
        assert_eq!(emsa_pkcs1_v15_digest(&em(8, prefix, &d[1..]), h), None);
        assert_eq!(emsa_pkcs1_v15_digest(&em(8, prefix, &[0xAB; 33]), h), None);
        assert_eq!(
            emsa_pkcs1_v15_digest(&em(8, prefix, &d), HashAlg::Sha384),
            None
        );
        // Block type 2, a leading non-zero octet, a non-FF padding octet, no separator.
        let mut bad = em(8, prefix, &d);
        bad[1] = 0x02;
        assert_eq!(emsa_pkcs1_v15_digest(&bad, h), None);
        let mut bad = em(8, prefix, &d);
        bad[0] = 0x01;
        assert_eq!(emsa_pkcs1_v15_digest(&bad, h), None);
        let mut bad = em(9, prefix, &d);
        bad[5] = 0xFE;
        assert_eq!(emsa_pkcs1_v15_digest(&bad, h), None);
        let mut bad = em(9, prefix, &d);
        bad[11] = 0x01;
        assert_eq!(emsa_pkcs1_v15_digest(&bad, h), None);
        assert_eq!(emsa_pkcs1_v15_digest(&[], h), None);
    }
}
