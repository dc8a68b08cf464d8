//! ECDSA on the NIST curves P-256 and P-384, DER-encoded signatures (RFC 5480, 5758).

use const_oid::ObjectIdentifier;
use const_oid::db::rfc5912;
use signature::hazmat::PrehashVerifier;
use spki::SubjectPublicKeyInfoOwned;

use super::SignatureError;

const SECP256R1: ObjectIdentifier = rfc5912::SECP_256_R_1;
const SECP384R1: ObjectIdentifier = rfc5912::SECP_384_R_1;
const SECP521R1: ObjectIdentifier = rfc5912::SECP_521_R_1;

pub(super) fn curve_name(oid: &ObjectIdentifier) -> Option<&'static str> {
    match *oid {
        SECP256R1 => Some("P-256"),
        SECP384R1 => Some("P-384"),
        SECP521R1 => Some("P-521"),
        _ => None,
    }
}

pub(super) fn curve_bits(name: &'static str) -> Option<u32> {
    match name {
        "P-256" => Some(256),
        "P-384" => Some(384),
        "P-521" => Some(521),
        _ => None,
    }
}

/// Verifies a DER `Ecdsa-Sig-Value` over a precomputed digest. The curve is the one
/// named in the key's parameters (namedCurve only; explicit curves are refused).
pub(super) fn verify(
    spki: &SubjectPublicKeyInfoOwned,
    digest: &[u8],
    signature: &[u8],
) -> Result<(), SignatureError> {
    let key_oid = || spki.algorithm.oid.to_string();
    let curve = spki
        .algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
        .ok_or_else(|| SignatureError::BadKey { key_oid: key_oid() })?;
    let point = spki.subject_public_key.raw_bytes();
    match curve {
        SECP256R1 => {
            let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(point)
                .map_err(|_| SignatureError::BadKey { key_oid: key_oid() })?;
            let sig = p256::ecdsa::Signature::from_der(signature)
                .map_err(|_| SignatureError::Mismatch)?;
            key.verify_prehash(digest, &sig)
                .map_err(|_| SignatureError::Mismatch)
        }
        SECP384R1 => {
            let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(point)
                .map_err(|_| SignatureError::BadKey { key_oid: key_oid() })?;
            let sig = p384::ecdsa::Signature::from_der(signature)
                .map_err(|_| SignatureError::Mismatch)?;
            key.verify_prehash(digest, &sig)
                .map_err(|_| SignatureError::Mismatch)
        }
        other => Err(SignatureError::UnsupportedAlgorithm {
            oid: other.to_string(),
        }),
    }
}
