//! Benchmark: read and validate a bundle of certificates with the core, in process.
//!
//! `cargo bench --bench certs -- BUNDLE.pem [ROUNDS]` (scripts/bench.sh makes the
//! bundle and runs this beside `openssl` on the same file). Prints the median of the
//! rounds; no assertion — this is a measurement, not a test.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Instant as Clock;

use kyso::input::InputFile;
use kyso::report::{self, CertOptions};
use kyso::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().filter(|a| a != "--bench").collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: cargo bench --bench certs -- BUNDLE.pem [ROUNDS]");
        return;
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(10);
    let bytes = std::fs::read(path).expect("bundle");
    let at = Instant::parse_rfc3339("2026-01-01T00:00:00Z").unwrap();
    let files = [InputFile::new(path.clone(), bytes)];
    let mut times = Vec::with_capacity(rounds);
    let mut n = 0;
    for _ in 0..rounds {
        let t = Clock::now();
        let r = report::read_certificates(&files, &CertOptions::at(at));
        let json = kyso::render::cert_json(&r, kyso::i18n::Lang::Vi);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        n = r.certificates.len();
        std::hint::black_box(json);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "core (native, in process): {n} certificates read, validated and rendered to JSON: median {median:.1} ms over {rounds} rounds ({:.1} µs per certificate)",
        median * 1000.0 / n.max(1) as f64
    );
}
