//! Hashing a signed PDF's byte ranges in the page without freezing it.
//!
//! The file is read from its Blob in chunks straight into one buffer in WebAssembly
//! memory (the PDF reader needs the whole file), then each signature's ranges are
//! hashed incrementally with the pure-Rust SHA-1/SHA-2, yielding to the browser's
//! event loop every [`SLICE_MS`] so the progress bar moves and the tab answers.
//!
//! In a secure context (https, localhost) small ranges may be hashed by the
//! browser's WebCrypto instead: it has no incremental API, so it needs the ranges as
//! one buffer (a copy), and is only used while that copy stays small
//! ([`WEBCRYPTO_MAX`]), keeping the page within "file size + 64 MB".

use gloo::timers::future::TimeoutFuture;
use sha2::Digest;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::hash_helper::Job;
use crate::cms::Digests;
use crate::crypto::HashAlg;

/// Bytes read from the Blob at a time (8 MB and 32 MB were both slower for 100 MB).
pub const READ_CHUNK: usize = 16 * 1024 * 1024;
/// The first read is smaller, so the hashing worker can start sooner.
pub const FIRST_CHUNK: usize = 4 * 1024 * 1024;
/// Bytes hashed between two looks at the clock.
pub const HASH_SLICE: usize = 2 * 1024 * 1024;
/// Work this long (ms) before letting the browser draw and answer.
pub const SLICE_MS: f64 = 60.0;
/// Largest signed range (bytes) given to WebCrypto, which copies it whole.
pub const WEBCRYPTO_MAX: usize = 24 * 1024 * 1024;

/// Milliseconds from the page's high-resolution clock.
pub fn now_ms() -> f64 {
    gloo::utils::window()
        .performance()
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// Lets the browser run (draw, handle input) before continuing.
pub async fn yield_now() {
    TimeoutFuture::new(0).await;
}

/// Reads the whole file into one buffer, chunk by chunk, reporting bytes read. With a
/// `helper` job, each chunk is then handed to the SHA-256 worker (which hashes it while
/// the next one is read); a helper that fails is simply left behind.
pub async fn read_file(
    file: &web_sys::File,
    limit: usize,
    mut helper: Option<&mut Job>,
    mut progress: impl FnMut(usize),
) -> Result<Vec<u8>, ReadError> {
    // `size` is a JS number; `as` saturates on anything odd.
    let size = file.size() as usize;
    if size > limit {
        return Err(ReadError::TooLarge);
    }
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(size)
        .map_err(|_| ReadError::NoMemory)?;
    let mut pos = 0usize;
    while pos < size {
        let step = if pos == 0 { FIRST_CHUNK } else { READ_CHUNK };
        let end = pos.saturating_add(step).min(size);
        let blob = file
            .slice_with_f64_and_f64(pos as f64, end as f64)
            .map_err(|_| ReadError::Unreadable)?;
        let buffer = JsFuture::from(blob.array_buffer())
            .await
            .map_err(|_| ReadError::Unreadable)?;
        let array = js_sys::Uint8Array::new(&buffer);
        let n = array.length() as usize;
        if n == 0 {
            break;
        }
        let old = bytes.len();
        bytes.resize(old.saturating_add(n), 0);
        if let Some(dst) = bytes.get_mut(old..) {
            array.copy_to(dst);
        }
        if let Some(job) = helper.as_deref_mut()
            && let Ok(buffer) = buffer.dyn_into::<js_sys::ArrayBuffer>()
            && !job.send(&buffer).await
        {
            helper = None;
        }
        pos = pos.saturating_add(n);
        progress(pos);
    }
    Ok(bytes)
}

/// Why a PDF could not be read into the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge,
    NoMemory,
    Unreadable,
}

impl ReadError {
    /// The i18n code of the reason (words in `i18n/ui.rs`).
    pub fn code(self) -> &'static str {
        match self {
            ReadError::TooLarge => "ui_pdf_too_large",
            ReadError::NoMemory => "ui_pdf_no_memory",
            ReadError::Unreadable => "ui_pdf_unreadable",
        }
    }
}

/// One running hash.
enum Hasher {
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Shake256(shake::Shake256),
}

impl Hasher {
    fn new(alg: HashAlg) -> Hasher {
        match alg {
            HashAlg::Sha1 => Hasher::Sha1(sha1::Sha1::new()),
            HashAlg::Sha224 => Hasher::Sha224(sha2::Sha224::new()),
            HashAlg::Sha256 => Hasher::Sha256(sha2::Sha256::new()),
            HashAlg::Sha384 => Hasher::Sha384(sha2::Sha384::new()),
            HashAlg::Sha512 => Hasher::Sha512(sha2::Sha512::new()),
            HashAlg::Shake256 => Hasher::Shake256(shake::Shake256::default()),
        }
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Sha1(h) => h.update(data),
            Hasher::Sha224(h) => h.update(data),
            Hasher::Sha256(h) => h.update(data),
            Hasher::Sha384(h) => h.update(data),
            Hasher::Sha512(h) => h.update(data),
            Hasher::Shake256(h) => shake::digest::Update::update(h, data),
        }
    }

    fn finish(self) -> Vec<u8> {
        match self {
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha224(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
            Hasher::Shake256(h) => {
                use shake::digest::{ExtendableOutput, XofReader};
                let mut out = vec![0u8; HashAlg::Shake256.output_len()];
                h.finalize_xof().read(&mut out);
                out
            }
        }
    }
}

/// Which engine hashed a document (shown to benchmarks as `data-hash-engine`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Pure-Rust SHA on the page's thread.
    Wasm,
    /// Pure-Rust SHA-256 in the Web Worker, resumed from its checkpoints.
    Worker,
    WebCrypto,
}

impl Engine {
    pub fn code(self) -> &'static str {
        match self {
            Engine::Wasm => "wasm",
            Engine::Worker => "worker",
            Engine::WebCrypto => "webcrypto",
        }
    }
}

/// Hashes the concatenation of `parts` of `bytes` with every algorithm in `algs`,
/// yielding to the browser now and then; `progress` gets the bytes done so far.
pub async fn digest_parts(
    bytes: &[u8],
    parts: &[(usize, usize)],
    algs: &[HashAlg],
    mut progress: impl FnMut(usize),
) -> Digests {
    let mut hashers: Vec<(HashAlg, Hasher)> = algs.iter().map(|a| (*a, Hasher::new(*a))).collect();
    let mut done = 0usize;
    let mut since = now_ms();
    for &(start, end) in parts {
        let Some(range) = bytes.get(start..end) else {
            return Digests::default();
        };
        for slice in range.chunks(HASH_SLICE) {
            for (_, h) in &mut hashers {
                h.update(slice);
            }
            done = done.saturating_add(slice.len());
            if now_ms() - since > SLICE_MS {
                progress(done);
                yield_now().await;
                since = now_ms();
            }
        }
    }
    progress(done);
    Digests(hashers.into_iter().map(|(a, h)| (a, h.finish())).collect())
}

/// Whether WebCrypto may hash `total` bytes here (a secure context, not disabled by
/// `?hash=wasm` or `?hash=main` in the URL, and a range small enough to copy).
pub fn webcrypto_allowed(total: usize) -> bool {
    let window = gloo::utils::window();
    let forced_wasm = window
        .location()
        .search()
        .map(|s| s.contains("hash=wasm") || s.contains("hash=main"))
        .unwrap_or(false);
    !forced_wasm && window.is_secure_context() && total <= WEBCRYPTO_MAX && subtle().is_some()
}

fn subtle() -> Option<web_sys::SubtleCrypto> {
    let crypto = gloo::utils::window().crypto().ok()?;
    Some(crypto.subtle())
}

fn webcrypto_name(alg: HashAlg) -> Option<&'static str> {
    match alg {
        HashAlg::Sha1 => Some("SHA-1"),
        HashAlg::Sha256 => Some("SHA-256"),
        HashAlg::Sha384 => Some("SHA-384"),
        HashAlg::Sha512 => Some("SHA-512"),
        HashAlg::Sha224 | HashAlg::Shake256 => None,
    }
}

/// The same digests through WebCrypto; `None` when an algorithm is missing there or
/// the browser refuses (the caller then hashes in WebAssembly).
pub async fn digest_parts_webcrypto(
    bytes: &[u8],
    parts: &[(usize, usize)],
    algs: &[HashAlg],
) -> Option<Digests> {
    let subtle = subtle()?;
    let total: usize = parts.iter().map(|(a, b)| b.saturating_sub(*a)).sum();
    let joined = js_sys::Uint8Array::new_with_length(u32::try_from(total).ok()?);
    let mut at = 0u32;
    for &(start, end) in parts {
        let range = bytes.get(start..end)?;
        let view = joined.subarray(at, at.saturating_add(u32::try_from(range.len()).ok()?));
        view.copy_from(range);
        at = at.saturating_add(u32::try_from(range.len()).ok()?);
    }
    let mut out = Vec::with_capacity(algs.len());
    for alg in algs {
        let name = webcrypto_name(*alg)?;
        let promise = subtle
            .digest_with_str_and_buffer_source(name, &joined)
            .ok()?;
        let value: JsValue = JsFuture::from(promise).await.ok()?;
        let buffer: js_sys::ArrayBuffer = value.dyn_into().ok()?;
        out.push((*alg, js_sys::Uint8Array::new(&buffer).to_vec()));
    }
    Some(Digests(out))
}
