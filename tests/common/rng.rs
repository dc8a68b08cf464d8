//! The tests' one pseudo-random generator: xorshift64*, seeded by the test, so a
//! failure reproduces with the same inputs. Shared by the integration tests
//! (`common::rng`) and, through `#[path]`, by the library's own randomised test of the
//! change analysis (`src/pdf/tests/random.rs`), which cannot see `tests/`.

#![allow(dead_code)]

/// xorshift64* (Vigna 2016); any non-zero seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    /// One of `items`, which must not be empty.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}
