//! Signature verification shared by certificates, CRLs and (later) CMS / RFC 3161.
//!
//! Everything here works on the *bytes that were signed*: callers pass the original
//! TBS encoding (or a digest they computed while streaming a large PDF), never a
//! re-encoded structure, because a re-encoding only reproduces the signed bytes for
//! signers that wrote perfect DER.
//!
//! The algorithm identifier is turned into a [`Scheme`] first (which padding, which
//! hash, which PSS parameters); the scheme then decides how the public key is read.
//! Keeping the two steps apart lets CMS pass `rsaEncryption` as its "signature
//! algorithm" together with the digest algorithm it names separately.

pub mod checkpoint;
mod ecdsa;
mod hash;
mod rsa;

use const_oid::ObjectIdentifier;
use const_oid::db::rfc5912;
use der::{Decode, Encode};
use serde::Serialize;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

pub use hash::HashAlg;
pub use rsa::recover_pkcs1v15_digest;

/// Why a signature was not accepted. The variants say *what* was wrong so that a
/// caller can tell "forged or damaged" ([`SignatureError::Mismatch`]) from "we cannot
/// judge" ([`SignatureError::UnsupportedAlgorithm`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "code")]
#[non_exhaustive]
pub enum SignatureError {
    /// The signature or key algorithm is not one we implement (DSA, GOST, Ed25519 ...).
    UnsupportedAlgorithm { oid: String },
    /// The algorithm identifier's parameters are malformed or contradict themselves
    /// (PSS with a trailer field other than 1, an unknown MGF ...).
    BadParameters { oid: String },
    /// The signature algorithm needs one kind of key and the certificate holds another
    /// (an ECDSA signature checked against an RSA key).
    KeyMismatch {
        signature_oid: String,
        key_oid: String,
    },
    /// The public key does not decode, or is outside the sizes we accept.
    BadKey { key_oid: String },
    /// A precomputed digest has the wrong length for the hash it claims to be.
    DigestLength { expected: usize, found: usize },
    /// The signature is well-formed input for the algorithm but does not verify.
    Mismatch,
}

impl SignatureError {
    /// A stable snake_case code for logs, JSON and the i18n layer.
    pub fn code(&self) -> &'static str {
        match self {
            SignatureError::UnsupportedAlgorithm { .. } => "unsupported_algorithm",
            SignatureError::BadParameters { .. } => "bad_algorithm_parameters",
            SignatureError::KeyMismatch { .. } => "key_algorithm_mismatch",
            SignatureError::BadKey { .. } => "bad_public_key",
            SignatureError::DigestLength { .. } => "digest_length",
            SignatureError::Mismatch => "bad_signature",
        }
    }
}

/// How a signature is computed: padding/curve family plus the hash(es).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scheme {
    /// RSASSA-PKCS1-v1_5 over a DigestInfo of `hash`.
    RsaPkcs1(HashAlg),
    /// RSASSA-PSS (RFC 8017 §8.1) with the RFC 4055 parameters.
    RsaPss {
        hash: HashAlg,
        mgf_hash: HashAlg,
        salt_len: usize,
    },
    /// ECDSA with a DER `Ecdsa-Sig-Value`; the curve comes from the key.
    Ecdsa(HashAlg),
}

impl Scheme {
    /// The hash applied to the message (what a precomputed digest must be).
    pub fn hash(&self) -> HashAlg {
        match *self {
            Scheme::RsaPkcs1(h) | Scheme::Ecdsa(h) => h,
            Scheme::RsaPss { hash, .. } => hash,
        }
    }

    /// Reads a signature `AlgorithmIdentifier`. `hash_hint` supplies the digest when
    /// the identifier names only the key type (`rsaEncryption` or `id-ecPublicKey`, as
    /// CMS SignerInfos do, with the hash in `digestAlgorithm`).
    pub fn from_algorithm(
        algorithm: &AlgorithmIdentifierOwned,
        hash_hint: Option<HashAlg>,
    ) -> Result<Scheme, SignatureError> {
        let oid = algorithm.oid;
        let unsupported = || SignatureError::UnsupportedAlgorithm {
            oid: oid.to_string(),
        };
        if let Some(h) = rsa_pkcs1_hash(&oid) {
            return Ok(Scheme::RsaPkcs1(h));
        }
        if let Some(h) = ecdsa_hash(&oid) {
            return Ok(Scheme::Ecdsa(h));
        }
        if oid == rfc5912::ID_RSASSA_PSS {
            return rsa::pss_params(algorithm);
        }
        if oid == rfc5912::RSA_ENCRYPTION {
            return hash_hint.map(Scheme::RsaPkcs1).ok_or_else(unsupported);
        }
        if oid == rfc5912::ID_EC_PUBLIC_KEY {
            return hash_hint.map(Scheme::Ecdsa).ok_or_else(unsupported);
        }
        Err(unsupported())
    }
}

fn rsa_pkcs1_hash(oid: &ObjectIdentifier) -> Option<HashAlg> {
    Some(match *oid {
        rfc5912::SHA_1_WITH_RSA_ENCRYPTION => HashAlg::Sha1,
        rfc5912::SHA_224_WITH_RSA_ENCRYPTION => HashAlg::Sha224,
        rfc5912::SHA_256_WITH_RSA_ENCRYPTION => HashAlg::Sha256,
        rfc5912::SHA_384_WITH_RSA_ENCRYPTION => HashAlg::Sha384,
        rfc5912::SHA_512_WITH_RSA_ENCRYPTION => HashAlg::Sha512,
        // sha1WithRSASignature (1.3.14.3.2.29), an OIW alias still seen in old tokens.
        SHA1_WITH_RSA_OIW => HashAlg::Sha1,
        _ => return None,
    })
}

const SHA1_WITH_RSA_OIW: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.29");

fn ecdsa_hash(oid: &ObjectIdentifier) -> Option<HashAlg> {
    Some(match *oid {
        ECDSA_WITH_SHA_1 => HashAlg::Sha1,
        rfc5912::ECDSA_WITH_SHA_224 => HashAlg::Sha224,
        rfc5912::ECDSA_WITH_SHA_256 => HashAlg::Sha256,
        rfc5912::ECDSA_WITH_SHA_384 => HashAlg::Sha384,
        rfc5912::ECDSA_WITH_SHA_512 => HashAlg::Sha512,
        _ => return None,
    })
}

/// Verifies `signature` over `message` (the exact signed bytes) with the key in `spki`.
pub fn verify_signature(
    spki: &SubjectPublicKeyInfoOwned,
    algorithm: &AlgorithmIdentifierOwned,
    message: &[u8],
    signature: &[u8],
) -> Result<(), SignatureError> {
    let scheme = Scheme::from_algorithm(algorithm, None)?;
    let digest = scheme.hash().digest(message);
    verify_digest(spki, &scheme, &digest, signature)
}

/// Verifies `signature` over a digest the caller computed (a streamed PDF byte range,
/// CMS without signed attributes). `digest` must be `scheme.hash()` of the message.
pub fn verify_digest(
    spki: &SubjectPublicKeyInfoOwned,
    scheme: &Scheme,
    digest: &[u8],
    signature: &[u8],
) -> Result<(), SignatureError> {
    let expected = scheme.hash().output_len();
    if digest.len() != expected {
        return Err(SignatureError::DigestLength {
            expected,
            found: digest.len(),
        });
    }
    let key_oid = spki.algorithm.oid;
    let mismatch = |sig: &str| SignatureError::KeyMismatch {
        signature_oid: sig.to_string(),
        key_oid: key_oid.to_string(),
    };
    match *scheme {
        Scheme::RsaPkcs1(hash) => {
            if key_oid != rfc5912::RSA_ENCRYPTION {
                return Err(mismatch("rsa-pkcs1"));
            }
            rsa::verify_pkcs1(spki, hash, digest, signature)
        }
        Scheme::RsaPss {
            hash,
            mgf_hash,
            salt_len,
        } => {
            // A PSS signature may be made with a plain RSA key or an id-RSASSA-PSS key.
            if key_oid != rfc5912::RSA_ENCRYPTION && key_oid != rfc5912::ID_RSASSA_PSS {
                return Err(mismatch("rsa-pss"));
            }
            rsa::verify_pss(spki, hash, digest, mgf_hash, salt_len, signature)
        }
        Scheme::Ecdsa(_) => {
            if key_oid != rfc5912::ID_EC_PUBLIC_KEY {
                return Err(mismatch("ecdsa"));
            }
            ecdsa::verify(spki, digest, signature)
        }
    }
}

/// A signature algorithm as the certificate card shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AlgorithmInfo {
    /// The conventional name (`sha256WithRSAEncryption`, `ecdsa-with-SHA384`,
    /// `rsassa-pss`), or `"unknown"`.
    pub name: &'static str,
    pub hash: Option<HashAlg>,
}

/// Names a signature algorithm for display; never fails.
pub fn describe(algorithm: &AlgorithmIdentifierOwned) -> AlgorithmInfo {
    let oid = algorithm.oid;
    let name = match oid {
        rfc5912::SHA_1_WITH_RSA_ENCRYPTION | SHA1_WITH_RSA_OIW => "sha1WithRSAEncryption",
        rfc5912::SHA_224_WITH_RSA_ENCRYPTION => "sha224WithRSAEncryption",
        rfc5912::SHA_256_WITH_RSA_ENCRYPTION => "sha256WithRSAEncryption",
        rfc5912::SHA_384_WITH_RSA_ENCRYPTION => "sha384WithRSAEncryption",
        rfc5912::SHA_512_WITH_RSA_ENCRYPTION => "sha512WithRSAEncryption",
        rfc5912::ID_RSASSA_PSS => "rsassa-pss",
        rfc5912::RSA_ENCRYPTION => "rsaEncryption",
        ECDSA_WITH_SHA_1 => "ecdsa-with-SHA1",
        rfc5912::ECDSA_WITH_SHA_224 => "ecdsa-with-SHA224",
        rfc5912::ECDSA_WITH_SHA_256 => "ecdsa-with-SHA256",
        rfc5912::ECDSA_WITH_SHA_384 => "ecdsa-with-SHA384",
        rfc5912::ECDSA_WITH_SHA_512 => "ecdsa-with-SHA512",
        rfc5912::DSA_WITH_SHA_1 => "dsa-with-sha1",
        rfc5912::DSA_WITH_SHA_224 => "dsa-with-sha224",
        rfc5912::DSA_WITH_SHA_256 => "dsa-with-sha256",
        ED25519 => "Ed25519",
        _ => "unknown",
    };
    let hash = Scheme::from_algorithm(algorithm, None)
        .ok()
        .map(|s| s.hash());
    AlgorithmInfo { name, hash }
}

/// ecdsa-with-SHA1 (RFC 3279), absent from the RFC 5912 module of the OID database.
const ECDSA_WITH_SHA_1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.1");

const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// The kind and size of a subject public key, for "RSA 2048 bit" on the card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KeyInfo {
    /// `"RSA"`, `"RSA-PSS"`, `"EC"`, `"DSA"`, `"Ed25519"`, or the dotted OID.
    pub algorithm: String,
    /// Modulus length for RSA, field size for EC, prime length for DSA.
    pub bits: Option<u32>,
    /// `"P-256"`, `"P-384"`, `"P-521"`, or `None` when unknown / not EC.
    pub curve: Option<&'static str>,
}

/// Describes a public key; never fails (unknown parts are `None`).
pub fn public_key_info(spki: &SubjectPublicKeyInfoOwned) -> KeyInfo {
    let oid = spki.algorithm.oid;
    let key = spki.subject_public_key.raw_bytes();
    match oid {
        rfc5912::RSA_ENCRYPTION | rfc5912::ID_RSASSA_PSS => KeyInfo {
            algorithm: if oid == rfc5912::RSA_ENCRYPTION {
                "RSA"
            } else {
                "RSA-PSS"
            }
            .to_string(),
            bits: rsa::modulus_bits(key),
            curve: None,
        },
        rfc5912::ID_EC_PUBLIC_KEY => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
                .and_then(|c| ecdsa::curve_name(&c));
            KeyInfo {
                algorithm: "EC".to_string(),
                bits: curve.and_then(ecdsa::curve_bits),
                curve,
            }
        }
        rfc5912::ID_DSA => KeyInfo {
            algorithm: "DSA".to_string(),
            bits: spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.to_der().ok())
                .and_then(|der| dsa_prime_bits(&der)),
            curve: None,
        },
        ED25519 => KeyInfo {
            algorithm: "Ed25519".to_string(),
            bits: Some(256),
            curve: None,
        },
        _ => KeyInfo {
            algorithm: oid.to_string(),
            bits: None,
            curve: None,
        },
    }
}

/// Dss-Parms ::= SEQUENCE { p INTEGER, q INTEGER, g INTEGER }: the size of `p`.
fn dsa_prime_bits(params_der: &[u8]) -> Option<u32> {
    let seq = crate::asn1::exactly_one(params_der, crate::asn1::SEQUENCE).ok()?;
    let p = crate::asn1::children(seq.value).next()?.ok()?;
    integer_bits(p.value)
}

/// Significant bits of a DER INTEGER's (non-negative) content octets.
pub(crate) fn integer_bits(content: &[u8]) -> Option<u32> {
    let first = content.iter().position(|b| *b != 0)?;
    let rest = content.get(first..)?;
    let lead = *rest.first()?;
    let bytes = u32::try_from(rest.len()).ok()?;
    bytes
        .checked_sub(1)?
        .checked_mul(8)?
        .checked_add(8 - lead.leading_zeros())
}

/// Decodes an `AlgorithmIdentifier` from raw DER (as [`crate::asn1::split_signed`]
/// returns it).
pub fn algorithm_from_der(der: &[u8]) -> Result<AlgorithmIdentifierOwned, SignatureError> {
    AlgorithmIdentifierOwned::from_der(der)
        .map_err(|_| SignatureError::BadParameters { oid: String::new() })
}

#[cfg(test)]
mod tests;
