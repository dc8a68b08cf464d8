//! Benchmark: many signatures sharing many large CRLs, verified natively in process.
//!
//! `cargo bench --bench revocation -- DIR` where DIR was written by
//! `benches/make_revocation_bench.py` (scripts/bench.sh makes it into
//! target/bench/revocation: 200 signatures, 50 CAs, a CRL of 10,000 entries each, in
//! the PDF's /DSS). Pass `--user-crls` to also give the 50 CRLs as user files (the
//! same bytes twice: they must be kept once). Prints the time, the verdicts and the
//! revocation work: CRLs kept, duplicates dropped, CRL signature verifications (one
//! per CRL and issuer key, however many signatures ask). A measurement, not a test:
//! it asserts nothing about time.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Instant as Clock;

use kyso::input::InputFile;
use kyso::time::Instant;
use kyso::verify::{self, Indication, VerifyOptions};

fn main() {
    let args: Vec<String> = std::env::args().filter(|a| a != "--bench").collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: cargo bench --bench revocation -- DIR [--user-crls]");
        return;
    };
    let read = |name: &str| std::fs::read(format!("{dir}/{name}")).expect(name);
    let meta: serde_json::Value = serde_json::from_slice(&read("meta.json")).unwrap();
    let at = Instant::parse_rfc3339(meta["at"].as_str().unwrap()).unwrap();
    let mut opts = VerifyOptions::at(at);
    opts.file_name = "bench.pdf".into();
    opts.anchors = vec![InputFile::new("root.pem", read("root.pem"))];
    if args.iter().any(|a| a == "--user-crls") {
        let mut names: Vec<String> = std::fs::read_dir(format!("{dir}/crl"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        for n in names {
            opts.crls
                .push(InputFile::new(n.clone(), read(&format!("crl/{n}"))));
        }
    }
    let pdf = read("bench.pdf");
    let started = Clock::now();
    let report = verify::verify_pdf(&pdf, &opts);
    let elapsed = started.elapsed();
    let passed = report
        .signatures
        .iter()
        .filter(|s| s.indication == Indication::TotalPassed)
        .count();
    let e = report.evidence;
    println!(
        "revocation (native, in process): {} signatures, {} MB PDF: {:.2} s; {passed} TOTAL_PASSED; \
         {} CRLs kept, {} duplicates dropped, {} CRL signature verifications, input problems {:?}",
        report.signatures.len(),
        pdf.len() / 1_000_000,
        elapsed.as_secs_f64(),
        e.crls,
        e.duplicates,
        e.crl_signature_checks,
        report.input_problems,
    );
}
