//! SHA-256 of a file's signed ranges, started before anyone knows where they end.
//!
//! Every valid PDF signature signs `[0, a)` and `[b, end)`: the whole file up to its
//! `/Contents` hole, then the rest of its revision. The hole is only known once the
//! file has been read and parsed, but in the page that is too late to start hashing
//! 100 MB. So a helper (the page's Web Worker) hashes the file from byte 0 *while it is
//! being read* and keeps the SHA-256 state at every [`CHECKPOINT_EVERY`] bytes. Once
//! the plan is known, each signature's digest resumes from the last checkpoint at or
//! before `a`, so only the bytes between that checkpoint and `a`, plus the second range
//! (usually a few KB), are hashed afterwards.
//!
//! A checkpoint is the eight-word chaining state after a whole number of 64-byte blocks,
//! so resuming is plain SHA-256 ([FIPS 180-4] §6.2) from that state with the message
//! length carried on; the padding is added here, and the tests compare every result
//! with the `sha2` crate's one-shot digest.
//!
//! [FIPS 180-4]: https://csrc.nist.gov/pubs/fips/180-4/upd1/final

use sha2::block_api::compress256;

/// Bytes between two checkpoints: a multiple of the 64-byte block. 256 KiB keeps a
/// 100 MB file at 400 checkpoints (12.8 KB) and at most 256 KiB to re-hash per signature.
pub const CHECKPOINT_EVERY: u64 = 256 * 1024;

const BLOCK: usize = 64;

/// The initial SHA-256 state (FIPS 180-4 §5.3.3).
const IV: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

/// A running SHA-256 whose chaining state can be read and restored.
#[derive(Clone, Debug)]
pub struct Sha256Stream {
    state: [u32; 8],
    /// Bytes compressed into `state` (always a multiple of 64).
    compressed: u64,
    buf: [u8; BLOCK],
    buf_len: usize,
}

impl Default for Sha256Stream {
    fn default() -> Self {
        Self::new()
    }
}

impl Sha256Stream {
    pub fn new() -> Self {
        Self::resume(IV, 0)
    }

    /// Continues from `state`, the chaining value after `offset` bytes (a multiple of 64).
    pub fn resume(state: [u32; 8], offset: u64) -> Self {
        Sha256Stream {
            state,
            compressed: offset,
            buf: [0; BLOCK],
            buf_len: 0,
        }
    }

    /// Bytes hashed so far.
    pub fn len(&self) -> u64 {
        self.compressed.saturating_add(self.buf_len as u64)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds `data`; `limit_blocks` caps how many whole blocks are compressed straight
    /// from `data` in this call (so a caller can stop at a checkpoint). Returns the
    /// number of bytes of `data` consumed.
    fn absorb(&mut self, data: &[u8], limit_blocks: usize) -> usize {
        if self.buf_len > 0 || data.len() < BLOCK {
            // Top up the partial block; compress it once it is whole.
            let take = (BLOCK - self.buf_len).min(data.len());
            if let (Some(dst), Some(src)) = (
                self.buf.get_mut(self.buf_len..self.buf_len + take),
                data.get(..take),
            ) {
                dst.copy_from_slice(src);
            }
            self.buf_len += take;
            if self.buf_len == BLOCK {
                compress256(&mut self.state, std::slice::from_ref(&self.buf));
                self.compressed = self.compressed.saturating_add(BLOCK as u64);
                self.buf_len = 0;
            }
            return take;
        }
        // Whole blocks straight from `data` (at least one, since callers pass a
        // limit of at least one block).
        let (blocks, _) = data.as_chunks::<BLOCK>();
        let n = blocks.len().min(limit_blocks.max(1));
        compress256(&mut self.state, blocks.get(..n).unwrap_or_default());
        self.compressed = self.compressed.saturating_add((n * BLOCK) as u64);
        n * BLOCK
    }

    pub fn update(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            let used = self.absorb(data, usize::MAX);
            data = data.get(used..).unwrap_or_default();
        }
    }

    /// The digest (FIPS 180-4 §5.1.1 padding: 0x80, zeros, the bit length).
    pub fn finish(mut self) -> [u8; 32] {
        let bits = self.len().wrapping_mul(8);
        let mut tail = [0u8; 2 * BLOCK];
        let n = self.buf_len;
        if let (Some(dst), Some(src)) = (tail.get_mut(..n), self.buf.get(..n)) {
            dst.copy_from_slice(src);
        }
        if let Some(b) = tail.get_mut(n) {
            *b = 0x80;
        }
        let total = if n < BLOCK - 8 { BLOCK } else { 2 * BLOCK };
        if let Some(dst) = tail.get_mut(total - 8..total) {
            dst.copy_from_slice(&bits.to_be_bytes());
        }
        let (blocks, _) = tail.get(..total).unwrap_or_default().as_chunks::<BLOCK>();
        compress256(&mut self.state, blocks);
        let mut out = [0u8; 32];
        for (dst, word) in out.chunks_exact_mut(4).zip(self.state) {
            dst.copy_from_slice(&word.to_be_bytes());
        }
        out
    }
}

/// Hashes a file from byte 0, keeping the state at every `every` bytes.
#[derive(Clone, Debug)]
pub struct Checkpointer {
    stream: Sha256Stream,
    every: u64,
    states: Vec<[u32; 8]>,
}

impl Default for Checkpointer {
    fn default() -> Self {
        Self::new(CHECKPOINT_EVERY)
    }
}

impl Checkpointer {
    /// `every` is rounded to whole blocks (at least one).
    pub fn new(every: u64) -> Self {
        let every = (every / BLOCK as u64).max(1) * BLOCK as u64;
        Checkpointer {
            stream: Sha256Stream::new(),
            every,
            states: vec![IV],
        }
    }

    /// Bytes hashed so far.
    pub fn len(&self) -> u64 {
        self.stream.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stream.is_empty()
    }

    pub fn update(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            let s = &self.stream;
            // Whole blocks left before the next checkpoint (the buffer is empty at one).
            let to_next = self.every - (s.compressed % self.every);
            let limit = usize::try_from(to_next / BLOCK as u64).unwrap_or(usize::MAX);
            let before = self.stream.compressed;
            let used = self.stream.absorb(data, limit);
            data = data.get(used..).unwrap_or_default();
            let after = self.stream.compressed;
            if after != before && after.is_multiple_of(self.every) {
                self.states.push(self.stream.state);
            }
        }
    }

    pub fn finish(self) -> Checkpoints {
        Checkpoints {
            every: self.every,
            len: self.stream.len(),
            states: self.states,
        }
    }
}

/// The states a [`Checkpointer`] kept: `states[i]` is the chaining value after
/// `i * every` bytes of a file of `len` bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoints {
    pub every: u64,
    pub len: u64,
    pub states: Vec<[u32; 8]>,
}

impl Checkpoints {
    /// Flattens the states for a message between threads (8 words each).
    pub fn to_words(&self) -> Vec<u32> {
        self.states.iter().flatten().copied().collect()
    }

    /// The inverse of [`Checkpoints::to_words`]; `None` when the words cannot be states
    /// of a file of `len` bytes (the wrong count, or a spacing that is not whole blocks),
    /// so a confused helper can never yield a digest.
    pub fn from_words(every: u64, len: u64, words: &[u32]) -> Option<Checkpoints> {
        if every == 0 || !every.is_multiple_of(BLOCK as u64) {
            return None;
        }
        let (chunks, rest) = words.as_chunks::<8>();
        let expected = usize::try_from(len / every).ok()?.checked_add(1)?;
        if !rest.is_empty() || chunks.len() != expected || chunks.first() != Some(&IV) {
            return None;
        }
        Some(Checkpoints {
            every,
            len,
            states: chunks.to_vec(),
        })
    }

    /// SHA-256 of the concatenated `ranges` of `bytes` (the same file the checkpoints
    /// were taken of), resuming from the last checkpoint inside the first range. `None`
    /// when the ranges do not start at 0, fall outside the file, or `bytes` is not the
    /// file's length; the caller then hashes from scratch.
    pub fn digest_ranges(&self, bytes: &[u8], ranges: &[(usize, usize)]) -> Option<[u8; 32]> {
        if bytes.len() as u64 != self.len {
            return None;
        }
        let (&(start, first_end), rest) = ranges.split_first()?;
        if start != 0 || first_end > bytes.len() {
            return None;
        }
        let k = usize::try_from(first_end as u64 / self.every).ok()?;
        let state = *self.states.get(k)?;
        let from = usize::try_from(k as u64 * self.every).ok()?;
        let mut h = Sha256Stream::resume(state, from as u64);
        h.update(bytes.get(from..first_end)?);
        for &(a, b) in rest {
            h.update(bytes.get(a..b)?);
        }
        Some(h.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    fn data(n: usize) -> Vec<u8> {
        // A cheap deterministic byte stream (xorshift), not all zeros.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn stream_matches_sha2_at_every_padding_edge() {
        let d = data(300);
        for n in 0..d.len() {
            let mut h = Sha256Stream::new();
            // Feed in uneven pieces to cross the buffer in every way.
            for piece in d[..n].chunks(7 + n % 11) {
                h.update(piece);
            }
            assert_eq!(
                h.finish(),
                <[u8; 32]>::from(Sha256::digest(&d[..n])),
                "n={n}"
            );
        }
    }

    #[test]
    fn digest_ranges_matches_sha2_for_any_split_and_chunking() {
        let d = data(5000);
        for every in [64u64, 128, 640, 4096] {
            for chunk in [1usize, 63, 64, 65, 1000, 5000] {
                let mut cp = Checkpointer::new(every);
                for piece in d.chunks(chunk) {
                    cp.update(piece);
                }
                let cps = cp.finish();
                assert_eq!(cps.states.len() as u64, d.len() as u64 / every + 1);
                for (a, b) in [
                    (0, 0),
                    (1, 1),
                    (64, 64),
                    (640, 700),
                    (1000, 4990),
                    (4999, 5000),
                    (5000, 5000),
                    (0, 5000),
                ] {
                    let expect = {
                        let mut h = Sha256::new();
                        h.update(&d[..a]);
                        h.update(&d[b..]);
                        <[u8; 32]>::from(h.finalize())
                    };
                    let got = cps.digest_ranges(&d, &[(0, a), (b, d.len())]);
                    assert_eq!(got, Some(expect), "every={every} chunk={chunk} a={a} b={b}");
                }
                let words = cps.to_words();
                assert_eq!(
                    Checkpoints::from_words(cps.every, cps.len, &words),
                    Some(cps.clone())
                );
            }
        }
    }

    #[test]
    fn refuses_what_it_cannot_vouch_for() {
        let d = data(1000);
        let mut cp = Checkpointer::new(128);
        cp.update(&d);
        let cps = cp.finish();
        // Not starting at 0, outside the file, another file length.
        assert_eq!(cps.digest_ranges(&d, &[(1, 10)]), None);
        assert_eq!(cps.digest_ranges(&d, &[(0, 10), (20, 2000)]), None);
        assert_eq!(cps.digest_ranges(&d[..999], &[(0, 10)]), None);
        assert_eq!(cps.digest_ranges(&d, &[]), None);
        // Words that cannot be these states.
        let mut w = cps.to_words();
        assert_eq!(Checkpoints::from_words(128, 1000, &w[..w.len() - 1]), None);
        assert_eq!(Checkpoints::from_words(100, 1000, &w), None);
        assert_eq!(Checkpoints::from_words(128, 2000, &w), None);
        w[0] ^= 1;
        assert_eq!(Checkpoints::from_words(128, 1000, &w), None);
    }
}
