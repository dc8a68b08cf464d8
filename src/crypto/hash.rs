//! The hash functions signatures are made with, and their object identifiers.

use const_oid::ObjectIdentifier;
use const_oid::db::rfc5912;
use serde::Serialize;
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};

/// A message digest algorithm. SHA-1 stays because G1 government certificates
/// (valid until 2030) are signed with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HashAlg {
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    /// SHAKE256 with 512 bits of output: the message digest of Ed448 CMS signatures
    /// (RFC 8419 §2.3). Only hashed, so that the signed bytes can be checked; no
    /// signature scheme of ours uses it.
    Shake256,
}

/// id-shake256 (NIST CSOR), which signers use with the RFC 8419 default of 512 bits.
const ID_SHAKE_256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.12");
/// id-shake256-len (RFC 8419 §2.3); Ed448 requires a length of 512 bits.
const ID_SHAKE_256_LEN: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.18");

fn shake256(parts: impl IntoIterator<Item = impl AsRef<[u8]>>) -> Vec<u8> {
    use shake::digest::{ExtendableOutput, Update, XofReader};
    let mut h = shake::Shake256::default();
    for p in parts {
        h.update(p.as_ref());
    }
    let mut out = vec![0u8; 64];
    h.finalize_xof().read(&mut out);
    out
}

impl HashAlg {
    /// Hashes `data` in one go.
    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            HashAlg::Sha1 => Sha1::digest(data).to_vec(),
            HashAlg::Sha224 => Sha224::digest(data).to_vec(),
            HashAlg::Sha256 => Sha256::digest(data).to_vec(),
            HashAlg::Sha384 => Sha384::digest(data).to_vec(),
            HashAlg::Sha512 => Sha512::digest(data).to_vec(),
            HashAlg::Shake256 => shake256([data]),
        }
    }

    /// Hashes the concatenation of `parts` (a PDF's signed byte ranges).
    pub fn digest_parts<'a>(self, parts: impl IntoIterator<Item = &'a [u8]>) -> Vec<u8> {
        fn run<D: Digest>(parts: impl IntoIterator<Item = impl AsRef<[u8]>>) -> Vec<u8> {
            let mut d = D::new();
            for p in parts {
                d.update(p.as_ref());
            }
            d.finalize().to_vec()
        }
        match self {
            HashAlg::Sha1 => run::<Sha1>(parts),
            HashAlg::Sha224 => run::<Sha224>(parts),
            HashAlg::Sha256 => run::<Sha256>(parts),
            HashAlg::Sha384 => run::<Sha384>(parts),
            HashAlg::Sha512 => run::<Sha512>(parts),
            HashAlg::Shake256 => shake256(parts),
        }
    }

    /// Digest length in bytes.
    pub const fn output_len(self) -> usize {
        match self {
            HashAlg::Sha1 => 20,
            HashAlg::Sha224 => 28,
            HashAlg::Sha256 => 32,
            HashAlg::Sha384 => 48,
            HashAlg::Sha512 | HashAlg::Shake256 => 64,
        }
    }

    /// The digest algorithm OID (as in CMS `digestAlgorithm` and DigestInfo).
    pub const fn oid(self) -> ObjectIdentifier {
        match self {
            HashAlg::Sha1 => rfc5912::ID_SHA_1,
            HashAlg::Sha224 => rfc5912::ID_SHA_224,
            HashAlg::Sha256 => rfc5912::ID_SHA_256,
            HashAlg::Sha384 => rfc5912::ID_SHA_384,
            HashAlg::Sha512 => rfc5912::ID_SHA_512,
            HashAlg::Shake256 => ID_SHAKE_256,
        }
    }

    /// The hash named by a digest algorithm OID.
    pub fn from_oid(oid: &ObjectIdentifier) -> Option<HashAlg> {
        [
            HashAlg::Sha1,
            HashAlg::Sha224,
            HashAlg::Sha256,
            HashAlg::Sha384,
            HashAlg::Sha512,
            HashAlg::Shake256,
        ]
        .into_iter()
        .find(|h| h.oid() == *oid)
        .or((*oid == ID_SHAKE_256_LEN).then_some(HashAlg::Shake256))
    }

    /// `"SHA-256"` and friends, for display.
    pub const fn name(self) -> &'static str {
        match self {
            HashAlg::Sha1 => "SHA-1",
            HashAlg::Sha224 => "SHA-224",
            HashAlg::Sha256 => "SHA-256",
            HashAlg::Sha384 => "SHA-384",
            HashAlg::Sha512 => "SHA-512",
            HashAlg::Shake256 => "SHAKE256",
        }
    }

    /// The DER DigestInfo prefix that PKCS#1 v1.5 puts before the digest
    /// (RFC 8017 §9.2 note 1), with the NULL parameters.
    pub(crate) const fn digest_info_prefix(self) -> &'static [u8] {
        match self {
            HashAlg::Sha1 => &[
                0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04,
                0x14,
            ],
            HashAlg::Sha224 => &[
                0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                0x04, 0x05, 0x00, 0x04, 0x1c,
            ],
            HashAlg::Sha256 => &[
                0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                0x01, 0x05, 0x00, 0x04, 0x20,
            ],
            HashAlg::Sha384 => &[
                0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                0x02, 0x05, 0x00, 0x04, 0x30,
            ],
            HashAlg::Sha512 => &[
                0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                0x03, 0x05, 0x00, 0x04, 0x40,
            ],
            // Not a PKCS#1 v1.5 hash: nothing can match an empty prefix plus digest.
            HashAlg::Shake256 => &[],
        }
    }
}
