//! Hostile bytes are the normal case: thousands of deterministic mutations of real
//! certificate files (bit flips, truncations, insertions, spliced lengths) go through
//! every parser and the whole report. Nothing may panic or hang; every failure must
//! be an error value. The coverage-guided fuzzers in fuzz/ go further; this runs in
//! every test pass and replays the findings kept in tests/fixtures/fuzz-regressions/.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use kyso::cert::{Cert, facts};
use kyso::input;
use kyso::input::InputFile;
use kyso::report::{self, CertOptions};
use kyso::time::Instant;

use common::rng::Rng;

fn seeds() -> Vec<Vec<u8>> {
    let dir = common::fixture("certs");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("cer" | "pem" | "p7b" | "crl" | "der" | "b64")
            )
        })
        .collect();
    names.sort();
    names.into_iter().map(|p| common::read(&p)).collect()
}

fn mutate(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut b = src.to_vec();
    for _ in 0..=rng.below(4) {
        let len = b.len().max(1);
        match rng.below(6) {
            0 => {
                let i = rng.below(len);
                if let Some(x) = b.get_mut(i) {
                    *x ^= 1 << rng.below(8);
                }
            }
            1 => b.truncate(rng.below(len)),
            2 => {
                let i = rng.below(len);
                let junk: Vec<u8> = (0..rng.below(16)).map(|_| rng.next() as u8).collect();
                let at = i.min(b.len());
                b.splice(at..at, junk);
            }
            3 => {
                // A length byte set to something huge.
                let i = rng.below(len);
                if let Some(x) = b.get_mut(i) {
                    *x = [0x84, 0x88, 0xFF, 0x80][rng.below(4)];
                }
            }
            4 => {
                // Duplicate a chunk (nested structures, repeated blocks).
                let i = rng.below(len);
                let j = (i + rng.below(64)).min(b.len());
                let chunk = b[i.min(b.len())..j].to_vec();
                let at = rng.below(len).min(b.len());
                b.splice(at..at, chunk);
            }
            _ => {
                let i = rng.below(len);
                if let Some(x) = b.get_mut(i) {
                    *x = rng.next() as u8;
                }
            }
        }
    }
    b
}

fn exercise(bytes: &[u8], at: Instant) {
    if let Ok(d) = input::decode(bytes) {
        for der in d.certs.iter().chain(d.crls.iter()) {
            if let Ok(c) = Cert::from_der(der) {
                let _ = facts(&c, at);
            }
            let _ = kyso::trust::Crl::from_der(der);
        }
    }
}

#[test]
fn mutated_certificate_files_never_panic() {
    let at = Instant::parse_rfc3339("2026-11-21T00:00:00Z").unwrap();
    let seeds = seeds();
    assert!(seeds.len() > 30);
    let mut rng = Rng(0x6B79_736F_2026_1121);
    let mut parsed_ok = 0;
    for i in 0..6000 {
        let src = &seeds[i % seeds.len()];
        let m = mutate(&mut rng, src);
        exercise(&m, at);
        if input::decode(&m).is_ok() {
            parsed_ok += 1;
        }
    }
    // The mutations must not all be rejected at the first byte: many still decode
    // and reach the deeper parsers.
    assert!(
        parsed_ok > 500,
        "only {parsed_ok} mutants reached the certificate parser"
    );
}

#[test]
fn mutated_files_go_through_the_whole_report() {
    let at = Instant::parse_rfc3339("2026-11-21T00:00:00Z").unwrap();
    let seeds = seeds();
    let mut rng = Rng(0xC0FF_EE00_1234_5678);
    for i in 0..300 {
        let files: Vec<InputFile> = (0..3)
            .map(|k| {
                InputFile::new(
                    format!("{i}-{k}"),
                    mutate(&mut rng, &seeds[(i * 3 + k) % seeds.len()]),
                )
            })
            .collect();
        let r = report::read_certificates(&files, &CertOptions::at(at));
        let _ = kyso::render::cert_json(&r, kyso::i18n::Lang::Vi);
    }
}

#[test]
fn fuzz_findings_stay_fixed() {
    let dir = common::fixture("fuzz-regressions");
    let at = Instant::parse_rfc3339("2026-11-21T00:00:00Z").unwrap();
    let entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .collect();
    assert!(
        !entries.is_empty(),
        "the regression folder holds the fuzzers' findings"
    );
    for e in entries {
        let bytes = common::read(&e.path());
        exercise(&bytes, at);
        let _ =
            report::read_certificates(&[InputFile::new("x", bytes.clone())], &CertOptions::at(at));
        // The same bytes as a dropped list (XLSX: ZIP + XML; or CSV) and as a ZIP
        // (fuzz/fuzz_targets/list_import.rs, xlsx_xml.rs, zip_read.rs).
        let _ = kyso::forms::import_rows(kyso::forms::FormKind::F04, "x.xlsx", &bytes);
        let _ = kyso::forms::import_rows(kyso::forms::FormKind::F05, "x.csv", &bytes);
        if let Ok(archive) = kyso::forms::zip::Archive::open(&bytes) {
            for entry in &archive.entries {
                let _ = archive.read(entry, 1 << 20);
            }
        }
        // The same bytes as a dropped PDF: the whole verification ends (a hang guard,
        // not a speed test: scripts/bench.sh measures speed).
        let started = std::time::Instant::now();
        let opts = kyso::verify::VerifyOptions::at(at);
        let _ = kyso::render::verify_json(
            &kyso::verify::verify_pdf(&bytes, &opts),
            kyso::i18n::Lang::Vi,
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "{}: verification took {:?}",
            e.path().display(),
            started.elapsed()
        );
    }
}

/// The encrypted signed PDFs (tests/fixtures/encrypted): the file's bytes mutated at
/// random, and the encryption dictionary's values replaced by hostile ones (wrong
/// types, lengths, revisions, methods, truncated /O /U /UE /Perms). Decryption is
/// either refused or yields garbage that the reader must take in its stride.
#[test]
fn mutated_encrypted_pdfs_never_panic() {
    let dir = common::fixture("encrypted");
    let seeds: Vec<Vec<u8>> = [
        "rc4_40.pdf",
        "rc4_128.pdf",
        "aes128.pdf",
        "aes256.pdf",
        "aes256_objstm.pdf",
        "aes256_r5_unsigned.pdf",
        "password.pdf",
    ]
    .iter()
    .map(|n| std::fs::read(dir.join(n)).unwrap())
    .collect();
    let at = Instant::parse_rfc3339("2026-09-01T00:00:00Z").unwrap();
    let opts = kyso::verify::VerifyOptions::at(at);
    let run = |bytes: &[u8]| {
        let r = kyso::verify::verify_pdf(bytes, &opts);
        let _ = kyso::render::verify_json(&r, kyso::i18n::Lang::Vi);
    };
    let mut rng = Rng(0x656E_6372_7970_7421);
    for i in 0..150 {
        run(&mutate(&mut rng, &seeds[i % seeds.len()]));
    }
    // Random bytes behind a PDF header and an encryption dictionary.
    for _ in 0..50 {
        let mut b = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".to_vec();
        b.extend((0..rng.below(2000)).map(|_| rng.next() as u8));
        b.extend_from_slice(b"\ntrailer << /Root 1 0 R /Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -1 >> /ID [<00><00>] >>\n%%EOF\n");
        run(&b);
    }
    // Every value of the encryption dictionary replaced, one at a time.
    let hostile: [&[u8]; 14] = [
        b"null",
        b"-1",
        b"99999999999999999999",
        b"()",
        b"<00>",
        b"/Identity",
        b"[1 2 3]",
        b"<< /StdCF << /CFM /AESV2 /Length -5 >> >>",
        b"<< /StdCF << /CFM /AESV3 >> /Identity << /CFM /V2 >> >>",
        b"<< /StdCF 7 0 R >>",
        b"4294967292",
        b"true",
        b"<0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627282930>",
        b"7 0 R",
    ];
    let keys: [&[u8]; 14] = [
        b"/V ",
        b"/R ",
        b"/O ",
        b"/U ",
        b"/OE ",
        b"/UE ",
        b"/P ",
        b"/Perms ",
        b"/Length ",
        b"/CF ",
        b"/StmF ",
        b"/StrF ",
        b"/Filter ",
        b"/EncryptMetadata ",
    ];
    let mut variants = 0;
    for seed in &seeds {
        let Some(start) = find(seed, b"<< /CF").or_else(|| find(seed, b"<< /Filter /Standard"))
        else {
            continue;
        };
        let end = start + find(&seed[start..], b"\nendobj").unwrap();
        for key in keys {
            let Some(k) = find(&seed[start..end], key) else {
                continue;
            };
            let v = start + k + key.len();
            // The value ends at the next key (or the dictionary's end).
            let mut e = v;
            let mut depth = 0i32;
            while e < end {
                match seed[e] {
                    b'<' if seed.get(e + 1) == Some(&b'<') => {
                        depth += 1;
                        e += 1;
                    }
                    b'>' if seed.get(e + 1) == Some(&b'>') => {
                        if depth == 0 {
                            break;
                        }
                        depth -= 1;
                        e += 1;
                    }
                    b'/' if depth == 0 && e > v => break,
                    _ => {}
                }
                e += 1;
            }
            for h in hostile.iter().step_by(1 + rng.below(3)) {
                let mut b = seed[..v].to_vec();
                b.extend_from_slice(h);
                b.push(b' ');
                b.extend_from_slice(&seed[e..]);
                run(&b);
                variants += 1;
            }
        }
    }
    assert!(variants > 200, "only {variants} dictionaries mutated");
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
