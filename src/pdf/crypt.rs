//! The Standard security handler (ISO 32000-1 §7.6.3–7.6.4, ISO 32000-2 §7.6.4),
//! revisions 2 to 6, opened with the EMPTY user password only.
//!
//! Office suites export "protected" PDFs that anyone can open (no open password, an
//! owner password that only restricts printing or editing) and then people sign
//! them. Their strings and streams are encrypted, so without this module the change
//! analysis cannot read them. kyso never asks for a password: when the empty one does
//! not open the file, or the file uses another handler, decryption is
//! [`CryptError::PasswordRequired`] or [`CryptError::Unsupported`] and the reader
//! keeps refusing to conclude anything about changes.
//!
//! ```text
//! R2      RC4 40-bit          Algorithm 2 (MD5 of the padding, /O, /P, /ID[0]); /U = RC4(PAD)
//! R3      RC4 40–128-bit      Algorithm 2 with 50 MD5 rounds; /U = 20 RC4 passes over MD5(PAD‖ID)
//! R4      crypt filters       as R3; /StmF, /StrF, /EFF name RC4 (/V2), AES-128 (/AESV2) or /Identity
//! R5      AES-256             SHA-256(salt) checks /U, the file key is /UE decrypted (Adobe ext. 3)
//! R6      AES-256             as R5 with the hash of Algorithm 2.B (SHA-256/384/512 rounds)
//! ```
//!
//! Per object (Algorithm 1): below R5 the key is MD5(file key ‖ object number (3
//! bytes LE) ‖ generation (2 bytes LE) [‖ "sAlT" for AES]) cut to n + 5 bytes (at
//! most 16); R5/R6 use the file key itself. AES data is a 16-byte IV followed by
//! CBC ciphertext with PKCS#5 padding; bad padding is kept, never a panic.
//!
//! MD5 comes from `md-5`, AES from `aes` (the same RustCrypto generation as `sha2`);
//! RC4 and CBC are a few lines here.

use core::fmt;
use std::rc::Rc;

use aes::cipher::{Array, BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};
use aes::{Aes128, Aes256};
use md5::{Digest, Md5};
use serde::Serialize;
use sha2::{Sha256, Sha384, Sha512};

use super::object::{Dict, ObjRef, Object};

/// The padding string of Algorithm 2 step (a): what an empty password becomes.
const PAD: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
    0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

/// Why the document cannot be decrypted. Data, not prose: `code()` is the key `i18n`
/// words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CryptError {
    /// The empty user password does not open the file: it needs a password, and kyso
    /// does not ask for one.
    PasswordRequired,
    /// Not the Standard handler, an unknown /V, /R or crypt filter method, or an
    /// encryption dictionary without the values the algorithms need.
    Unsupported,
}

/// What the reader could do with an encrypted document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Encryption {
    /// Not encrypted.
    None,
    /// Opened with the empty user password: strings and streams are read decrypted.
    Decrypted { revision: i64, cipher: Cipher },
    /// Encrypted, and not readable by kyso.
    Unavailable { why: CryptError },
}

impl Encryption {
    /// The key `i18n` words; `None` for a document that is not encrypted.
    pub fn code(&self) -> Option<&'static str> {
        match self {
            Encryption::None => None,
            Encryption::Decrypted { .. } => Some("encryption_decrypted"),
            Encryption::Unavailable {
                why: CryptError::PasswordRequired,
            } => Some("encryption_password_required"),
            Encryption::Unavailable {
                why: CryptError::Unsupported,
            } => Some("encryption_unsupported"),
        }
    }

    pub fn is_decrypted(&self) -> bool {
        matches!(self, Encryption::Decrypted { .. })
    }
}

/// How one class of data (strings, streams, embedded files) is encrypted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cipher {
    /// Not encrypted (the `/Identity` crypt filter, or `/CFM /None`).
    Identity,
    Rc4,
    /// AES-128-CBC (`/AESV2`).
    Aes128,
    /// AES-256-CBC (`/AESV3`).
    Aes256,
}

/// The file key and which cipher applies to what.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Decryptor {
    key: Vec<u8>,
    revision: i64,
    strings: Cipher,
    streams: Cipher,
    embedded_files: Cipher,
    /// The named crypt filters of /CF (V4, V5), for streams with a `/Crypt` filter.
    filters: Vec<(Vec<u8>, Cipher)>,
    encrypt_metadata: bool,
}

impl fmt::Debug for Decryptor {
    // Not the key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Decryptor")
            .field("revision", &self.revision)
            .field("strings", &self.strings)
            .field("streams", &self.streams)
            .finish_non_exhaustive()
    }
}

impl Decryptor {
    /// Opens the encryption dictionary `enc` with the empty user password. `id0` is
    /// the first element of the trailer's `/ID` (used below R5).
    pub fn new(enc: &Dict, id0: Option<&[u8]>) -> Result<Decryptor, CryptError> {
        if enc.name(b"Filter") != Some(b"Standard") {
            return Err(CryptError::Unsupported);
        }
        let v = enc.int(b"V").unwrap_or(0);
        let r = enc.int(b"R").ok_or(CryptError::Unsupported)?;
        let o = string(enc, b"O").ok_or(CryptError::Unsupported)?;
        let u = string(enc, b"U").ok_or(CryptError::Unsupported)?;
        let p = enc.int(b"P").ok_or(CryptError::Unsupported)?;
        let encrypt_metadata = !matches!(enc.get(b"EncryptMetadata"), Some(Object::Bool(false)));
        let (filters, strings, streams, embedded_files) = match v {
            1 | 2 => (Vec::new(), Cipher::Rc4, Cipher::Rc4, Cipher::Rc4),
            4 | 5 => {
                let filters = crypt_filters(enc, v)?;
                let pick = |key: &[u8], default: Cipher| -> Result<Cipher, CryptError> {
                    match enc.name(key) {
                        None => Ok(default),
                        Some(n) => named(&filters, n).ok_or(CryptError::Unsupported),
                    }
                };
                let streams = pick(b"StmF", Cipher::Identity)?;
                let strings = pick(b"StrF", Cipher::Identity)?;
                let embedded_files = pick(b"EFF", streams)?;
                (filters, strings, streams, embedded_files)
            }
            _ => return Err(CryptError::Unsupported),
        };
        let key = match r {
            2..=4 => {
                // The key depends on the file identifier: without one, nothing to
                // compute it from (and no proof a password is needed).
                let id0 = id0.ok_or(CryptError::Unsupported)?;
                let n = match (r, enc.int(b"Length")) {
                    (2, _) => 5,
                    (_, Some(bits)) if (40..=128).contains(&bits) && bits % 8 == 0 => {
                        usize::try_from(bits / 8).map_err(|_| CryptError::Unsupported)?
                    }
                    (_, Some(_)) => return Err(CryptError::Unsupported),
                    (_, None) if v == 4 => 16,
                    (_, None) => 5,
                };
                let key = key_r2_r4(r, n, &o, p, id0, encrypt_metadata)?;
                if !user_key_matches(r, &key, &u, id0) {
                    return Err(CryptError::PasswordRequired);
                }
                key
            }
            5 | 6 => {
                let ue = string(enc, b"UE").ok_or(CryptError::Unsupported)?;
                let key = key_r5_r6(r, &u, &ue)?;
                if let Some(perms) = string(enc, b"Perms")
                    && !perms_match(&key, &perms, p)
                {
                    // The key opened /U but not /Perms: the dictionary is damaged or
                    // tampered with; better no reading than a wrong one.
                    return Err(CryptError::Unsupported);
                }
                key
            }
            _ => return Err(CryptError::Unsupported),
        };
        // AES-256 only with the 32-byte key of R5/R6, and R5/R6 only with AES-256.
        let aes256 = [strings, streams, embedded_files].contains(&Cipher::Aes256)
            || filters.iter().any(|(_, c)| *c == Cipher::Aes256);
        if aes256 != (r >= 5) {
            return Err(CryptError::Unsupported);
        }
        Ok(Decryptor {
            key,
            revision: r,
            strings,
            streams,
            embedded_files,
            filters,
            encrypt_metadata,
        })
    }

    pub fn revision(&self) -> i64 {
        self.revision
    }

    pub fn cipher(&self) -> Cipher {
        match self.streams {
            Cipher::Identity => self.strings,
            c => c,
        }
    }

    /// A string of object `r` (Algorithm 1).
    pub fn string(&self, r: ObjRef, data: &[u8]) -> Vec<u8> {
        self.apply(self.strings, r, data)
    }

    /// The raw data of stream `r` whose dictionary is `dict`, decrypted (still
    /// encoded by its other filters).
    pub fn stream(&self, r: ObjRef, dict: &Dict, data: &[u8]) -> Vec<u8> {
        self.apply(self.stream_cipher(dict), r, data)
    }

    fn stream_cipher(&self, dict: &Dict) -> Cipher {
        if dict.is_type(b"XRef") {
            return Cipher::Identity;
        }
        if let Some(name) = crypt_filter_name(dict) {
            // §7.4.10: a /Crypt filter names the crypt filter of this stream, and
            // /Identity is always defined.
            return named(&self.filters, &name).unwrap_or(self.streams);
        }
        if dict.is_type(b"Metadata") && !self.encrypt_metadata {
            return Cipher::Identity;
        }
        if dict.is_type(b"EmbeddedFile") {
            return self.embedded_files;
        }
        self.streams
    }

    fn apply(&self, cipher: Cipher, r: ObjRef, data: &[u8]) -> Vec<u8> {
        match cipher {
            Cipher::Identity => data.to_vec(),
            Cipher::Rc4 => rc4(&self.object_key(r, false), data),
            Cipher::Aes128 => aes_cbc_decrypt(&self.object_key(r, true), data),
            Cipher::Aes256 => aes_cbc_decrypt(&self.key, data),
        }
    }

    /// Algorithm 1: the key of object `r` (below R5).
    fn object_key(&self, r: ObjRef, aes: bool) -> Vec<u8> {
        if self.revision >= 5 {
            return self.key.clone();
        }
        let mut h = Md5::new();
        h.update(&self.key);
        h.update(r.num.to_le_bytes().get(..3).unwrap_or_default());
        h.update(r.generation.to_le_bytes());
        if aes {
            h.update(b"sAlT");
        }
        let d = h.finalize();
        let n = (self.key.len() + 5).min(16);
        d.get(..n).unwrap_or_default().to_vec()
    }
}

/// How to decrypt the data of one stream: its object and the document's key.
#[derive(Clone, Debug)]
pub(crate) struct StreamCrypt {
    obj: ObjRef,
    dec: Rc<Decryptor>,
}

impl PartialEq for StreamCrypt {
    fn eq(&self, other: &Self) -> bool {
        self.obj == other.obj && Rc::ptr_eq(&self.dec, &other.dec)
    }
}

impl StreamCrypt {
    pub fn stream(&self, dict: &Dict, raw: &[u8]) -> Vec<u8> {
        self.dec.stream(self.obj, dict, raw)
    }
}

/// Decrypts, in place, the strings of indirect object `r` (read from the file, not
/// from an object stream) and marks its stream data as encrypted. Not decrypted
/// (ISO 32000-2 §7.6.2): the `/Contents` of a signature dictionary, which is the
/// signature value as the signer wrote it. The caller leaves out the encryption
/// dictionary and cross-reference streams.
pub(crate) fn decrypt_object(o: &mut Object, r: ObjRef, dec: &Rc<Decryptor>) {
    match o {
        Object::String(s) => s.bytes = dec.string(r, &s.bytes),
        Object::Array(a) => a.iter_mut().for_each(|x| decrypt_object(x, r, dec)),
        Object::Dict(d) => decrypt_dict(d, r, dec),
        Object::Stream(s) => {
            decrypt_dict(&mut s.dict, r, dec);
            s.crypt = Some(StreamCrypt {
                obj: r,
                dec: Rc::clone(dec),
            });
        }
        _ => {}
    }
}

fn decrypt_dict(d: &mut Dict, r: ObjRef, dec: &Rc<Decryptor>) {
    let signature =
        d.is_type(b"Sig") || d.is_type(b"DocTimeStamp") || d.get(b"ByteRange").is_some();
    for (k, v) in d.entries_mut() {
        if signature && k == b"Contents" && matches!(v, Object::String(_)) {
            continue;
        }
        decrypt_object(v, r, dec);
    }
}

/// A direct string value of `d`.
fn string(d: &Dict, key: &[u8]) -> Option<Vec<u8>> {
    d.get(key)
        .and_then(Object::as_string)
        .map(|s| s.bytes.clone())
}

/// The crypt filters of `/CF` and the methods they use. `/Identity` is predefined and
/// cannot be redefined (§7.6.5).
fn crypt_filters(enc: &Dict, v: i64) -> Result<Vec<(Vec<u8>, Cipher)>, CryptError> {
    let mut out = vec![(b"Identity".to_vec(), Cipher::Identity)];
    let Some(cf) = enc.get(b"CF") else {
        return Ok(out);
    };
    let cf = cf.as_dict().ok_or(CryptError::Unsupported)?;
    for (name, f) in cf.entries() {
        if name == b"Identity" {
            continue;
        }
        let f = f.as_dict().ok_or(CryptError::Unsupported)?;
        let cipher = match f.name(b"CFM") {
            None | Some(b"None") => Cipher::Identity,
            Some(b"V2") if v == 4 => Cipher::Rc4,
            Some(b"AESV2") if v == 4 => Cipher::Aes128,
            Some(b"AESV3") if v == 5 => Cipher::Aes256,
            Some(_) => return Err(CryptError::Unsupported),
        };
        // Only the document-open event: a filter applied when an embedded file is
        // opened (/EFOpen) still encrypts with the same key, so the method holds.
        out.push((name.clone(), cipher));
    }
    Ok(out)
}

fn named(filters: &[(Vec<u8>, Cipher)], name: &[u8]) -> Option<Cipher> {
    filters
        .iter()
        .rev()
        .find(|(n, _)| n == name)
        .map(|(_, c)| *c)
}

/// The crypt filter a stream names with a `/Crypt` entry in its `/Filter` array
/// (`/Identity` when `/DecodeParms` says nothing).
fn crypt_filter_name(dict: &Dict) -> Option<Vec<u8>> {
    let at = match dict.get(b"Filter")? {
        Object::Name(n) if n == b"Crypt" => 0,
        Object::Array(a) => a.iter().position(|f| f.as_name() == Some(b"Crypt"))?,
        _ => return None,
    };
    let parms = match dict.get(b"DecodeParms").or(dict.get(b"DP")) {
        Some(Object::Dict(d)) if at == 0 => Some(d),
        Some(Object::Array(a)) => a.get(at).and_then(Object::as_dict),
        _ => None,
    };
    Some(
        parms
            .and_then(|p| p.name(b"Name"))
            .unwrap_or(b"Identity")
            .to_vec(),
    )
}

/// Algorithm 2 with the empty password: the file key for R2–R4.
fn key_r2_r4(
    r: i64,
    n: usize,
    o: &[u8],
    p: i64,
    id0: &[u8],
    encrypt_metadata: bool,
) -> Result<Vec<u8>, CryptError> {
    let o = o.get(..32).ok_or(CryptError::Unsupported)?;
    let mut h = Md5::new();
    h.update(PAD);
    h.update(o);
    // /P is a signed 32-bit integer; some writers write it unsigned.
    h.update((p as u32).to_le_bytes());
    h.update(id0);
    if r >= 4 && !encrypt_metadata {
        h.update([0xFF; 4]);
    }
    let mut key = h.finalize().to_vec();
    if r >= 3 {
        for _ in 0..50 {
            key = Md5::digest(key.get(..n).unwrap_or_default()).to_vec();
        }
    }
    key.truncate(n);
    Ok(key)
}

/// Algorithms 4 and 5: does the key computed from the empty password produce `/U`?
fn user_key_matches(r: i64, key: &[u8], u: &[u8], id0: &[u8]) -> bool {
    if r == 2 {
        return u.get(..32) == Some(rc4(key, &PAD).as_slice());
    }
    let mut h = Md5::new();
    h.update(PAD);
    h.update(id0);
    let mut x = rc4(key, &h.finalize());
    for i in 1..=19u8 {
        let k: Vec<u8> = key.iter().map(|b| b ^ i).collect();
        x = rc4(&k, &x);
    }
    // Only the first 16 bytes are defined (the rest is arbitrary padding).
    u.get(..16) == x.get(..16)
}

/// Algorithms 2.A, 11 and 12 with the empty password: the file key for R5 and R6.
fn key_r5_r6(r: i64, u: &[u8], ue: &[u8]) -> Result<Vec<u8>, CryptError> {
    let hash = u.get(..32).ok_or(CryptError::Unsupported)?;
    let validation_salt = u.get(32..40).ok_or(CryptError::Unsupported)?;
    let key_salt = u.get(40..48).ok_or(CryptError::Unsupported)?;
    let ue = ue.get(..32).ok_or(CryptError::Unsupported)?;
    let h = |salt: &[u8]| -> Vec<u8> {
        if r == 5 {
            Sha256::digest(salt).to_vec()
        } else {
            hash_2b(b"", salt, b"")
        }
    };
    if h(validation_salt) != hash {
        return Err(CryptError::PasswordRequired);
    }
    let intermediate = h(key_salt);
    aes256_cbc_no_padding(&intermediate, &[0; 16], ue).ok_or(CryptError::Unsupported)
}

/// Algorithm 2.B (ISO 32000-2 §7.6.4.3.4): the hash of R6.
pub(crate) fn hash_2b(password: &[u8], salt: &[u8], udata: &[u8]) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(password);
    h.update(salt);
    h.update(udata);
    let mut k = h.finalize().to_vec();
    let mut round = 0u32;
    let mut last = 0u8;
    // At least 64 rounds, then until E's last byte ≤ round − 32: at most 288.
    while round < 64 || u32::from(last) > round - 32 {
        let mut k1 = Vec::with_capacity(64 * (password.len() + k.len() + udata.len()));
        for _ in 0..64 {
            k1.extend_from_slice(password);
            k1.extend_from_slice(&k);
            k1.extend_from_slice(udata);
        }
        let (Some(key), Some(iv)) = (k.get(..16), k.get(16..32)) else {
            break;
        };
        let e = aes128_cbc_encrypt_no_padding(key, iv, &k1);
        let sum: u32 = e.iter().take(16).map(|&b| u32::from(b)).sum();
        k = match sum % 3 {
            0 => Sha256::digest(&e).to_vec(),
            1 => Sha384::digest(&e).to_vec(),
            _ => Sha512::digest(&e).to_vec(),
        };
        last = e.last().copied().unwrap_or(0);
        round += 1;
    }
    k.truncate(32);
    k
}

/// Algorithm 13: `/Perms` decrypted with the file key says "adb" at bytes 9–11 and
/// repeats `/P` in its first four bytes.
fn perms_match(key: &[u8], perms: &[u8], p: i64) -> bool {
    let (Some(block), Ok(cipher)) = (perms.get(..16), Aes256::new_from_slice(key)) else {
        return false;
    };
    let Ok(mut b) = Array::try_from(block) else {
        return false;
    };
    cipher.decrypt_block(&mut b);
    b.get(9..12) == Some(b"adb") && b.get(..4) == Some(&(p as u32).to_le_bytes()[..])
}

/// RC4 (the stream cipher of the ARCFOUR specification). An empty key is read as one
/// zero byte rather than divided by.
pub(crate) fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    let key = if key.is_empty() { &[0u8][..] } else { key };
    let mut s: [u8; 256] = core::array::from_fn(|i| (i & 0xFF) as u8);
    let mut j = 0u8;
    for i in 0..256 {
        let k = key.get(i % key.len()).copied().unwrap_or(0);
        let si = s.get(i).copied().unwrap_or(0);
        j = j.wrapping_add(si).wrapping_add(k);
        s.swap(i, usize::from(j));
    }
    let (mut i, mut j) = (0u8, 0u8);
    data.iter()
        .map(|&b| {
            i = i.wrapping_add(1);
            let si = s.get(usize::from(i)).copied().unwrap_or(0);
            j = j.wrapping_add(si);
            s.swap(usize::from(i), usize::from(j));
            // After the swap, s[j] holds the old s[i].
            let t = s.get(usize::from(i)).copied().unwrap_or(0).wrapping_add(si);
            b ^ s.get(usize::from(t)).copied().unwrap_or(0)
        })
        .collect()
}

/// AES-CBC decryption of `IV ‖ ciphertext` with PKCS#5 padding removed when it is
/// well formed. Tolerant: fewer than 16 bytes give nothing, a trailing partial block
/// is dropped, bad padding is kept.
pub(crate) fn aes_cbc_decrypt(key: &[u8], data: &[u8]) -> Vec<u8> {
    let Some((iv, body)) = data.split_first_chunk::<16>() else {
        return Vec::new();
    };
    let mut out = match key.len() {
        16 => match Aes128::new_from_slice(key) {
            Ok(c) => cbc_decrypt(&c, iv, body),
            Err(_) => return Vec::new(),
        },
        32 => match Aes256::new_from_slice(key) {
            Ok(c) => cbc_decrypt(&c, iv, body),
            Err(_) => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    if let Some(&p) = out.last() {
        let n = usize::from(p);
        if (1..=16).contains(&n) && n <= out.len() && out.iter().rev().take(n).all(|&b| b == p) {
            out.truncate(out.len() - n);
        }
    }
    out
}

fn cbc_decrypt<C: BlockCipherDecrypt<BlockSize = aes::cipher::consts::U16>>(
    c: &C,
    iv: &[u8; 16],
    body: &[u8],
) -> Vec<u8> {
    let mut prev = *iv;
    let mut out = Vec::with_capacity(body.len());
    for chunk in body.chunks_exact(16) {
        let Ok(block) = <[u8; 16]>::try_from(chunk) else {
            break;
        };
        let mut b = Array::from(block);
        c.decrypt_block(&mut b);
        out.extend(b.iter().zip(prev).map(|(x, y)| x ^ y));
        prev = block;
    }
    out
}

fn aes256_cbc_no_padding(key: &[u8], iv: &[u8; 16], data: &[u8]) -> Option<Vec<u8>> {
    let c = Aes256::new_from_slice(key).ok()?;
    if !data.len().is_multiple_of(16) {
        return None;
    }
    Some(cbc_decrypt(&c, iv, data))
}

fn aes128_cbc_encrypt_no_padding(key: &[u8], iv: &[u8], data: &[u8]) -> Vec<u8> {
    let (Ok(c), Ok(iv)) = (Aes128::new_from_slice(key), <[u8; 16]>::try_from(iv)) else {
        return Vec::new();
    };
    let mut prev = iv;
    let mut out = Vec::with_capacity(data.len());
    for chunk in data.chunks_exact(16) {
        let mut block = [0u8; 16];
        for ((o, x), y) in block.iter_mut().zip(chunk).zip(prev) {
            *o = x ^ y;
        }
        let mut b = Array::from(block);
        c.encrypt_block(&mut b);
        let enc: [u8; 16] = b.into();
        out.extend_from_slice(&enc);
        prev = enc;
    }
    out
}

#[cfg(test)]
mod tests;
