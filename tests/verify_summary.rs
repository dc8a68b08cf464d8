//! The batch summary (one row per document) as the CLI prints it (`kyso verify
//! --summary csv|tsv`) and as the page exports it (CSV, XLSX), read back by readers
//! we did not write: the `csv` crate, and Python's openpyxl for the XLSX; and by the
//! project's own ZIP/XML reader, the one the letters' XLSX import uses.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{fixture, kyso};
use kyso::forms::xml::{Event, Reader};
use kyso::forms::zip::Archive;
use kyso::i18n::{self, Lang};
use kyso::record::summary;
use kyso::time::Instant;
use kyso::verify::{self, VerifyOptions};

const AT: &str = "2026-09-01T00:00:00Z";

/// Fixtures and whether a change not allowed was found after signing; their
/// verdicts come from tests/fixtures/signed/expected.json.
const FILES: [(&str, &str); 4] = [
    ("pkcs7_rsa_sha256_crl.pdf", "modified_no"),
    ("approval_then_page_change.pdf", "modified_yes"),
    ("tampered.pdf", "modified_no"),
    ("certify_p2_then_form_fill.pdf", "modified_allowed_only"),
];

/// The fixtures' roots (expected.json's `anchors`).
const ANCHORS: [&str; 4] = [
    "pki/root.cer",
    "pki/rev/root.cer",
    "pki/ku/root.cer",
    "pki/fresh/root.cer",
];

/// The document summary code expected.json gives `file`.
fn expected_summary(file: &str) -> String {
    let v: serde_json::Value =
        serde_json::from_slice(&common::read(&fixture("signed/expected.json"))).unwrap();
    v["files"][file]["summary"].as_str().unwrap().to_string()
}

fn out_dir() -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("verify_summary");
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn paths() -> Vec<String> {
    FILES
        .iter()
        .map(|(f, ..)| format!("tests/fixtures/signed/{f}"))
        .collect()
}

fn run_summary(format: &str) -> std::process::Output {
    let mut args = vec![
        "verify".to_string(),
        "--at".into(),
        AT.into(),
        "--summary".into(),
        format.into(),
    ];
    for a in ANCHORS {
        args.push("--trust".into());
        args.push(format!("tests/fixtures/signed/{a}"));
    }
    args.extend(paths());
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    kyso(&refs)
}

fn expected_rows() -> Vec<[String; 6]> {
    FILES
        .iter()
        .map(|(f, modified)| {
            [
                format!("tests/fixtures/signed/{f}"),
                String::new(),
                i18n::summary_text(
                    Lang::Vi,
                    kyso::verify::Summary::from_code(&expected_summary(f)).unwrap(),
                )
                .to_string(),
                String::new(),
                String::new(),
                i18n::text(Lang::Vi, modified).to_string(),
            ]
        })
        .collect()
}

fn check_rows(rows: &[Vec<String>]) {
    let header = summary::headers(Lang::Vi);
    assert_eq!(rows[0], header.to_vec(), "header row");
    assert_eq!(rows.len(), FILES.len() + 1);
    for (got, want) in rows.iter().skip(1).zip(expected_rows()) {
        assert_eq!(got.len(), 6, "{got:?}");
        assert!(
            got[0].ends_with(want[0].rsplit('/').next().unwrap()),
            "{got:?}"
        );
        assert_eq!(got[1], "1", "one signature each: {got:?}");
        assert_eq!(got[2], want[2], "verdict of {}", got[0]);
        assert!(!got[3].is_empty(), "signer of {}", got[0]);
        // dd/mm/yyyy hh:mm, Viet Nam time.
        assert_eq!(got[4].len(), 16, "time of {}: {}", got[0], got[4]);
        assert_eq!(got[5], want[5], "modified? of {}", got[0]);
    }
}

#[test]
fn cli_csv_is_rfc_4180_with_a_bom_and_one_row_per_file() {
    let out = run_summary("csv");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let bytes = out.stdout;
    assert!(
        bytes.starts_with("\u{FEFF}".as_bytes()),
        "UTF-8 BOM for Excel"
    );
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.ends_with("\r\n"), "CRLF line ends");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    check_rows(&rows);
}

#[test]
fn cli_tsv_has_the_same_table() {
    let out = run_summary("tsv");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    check_rows(&rows);
    let bad = run_summary("xls");
    assert_eq!(bad.status.code(), Some(1), "unknown format: {bad:?}");
}

#[test]
fn a_file_name_cannot_become_a_formula_and_quotes_survive() {
    let mut report = verify::verify_pdf(
        b"%PDF-1.7 nothing",
        &VerifyOptions::at(Instant::parse_rfc3339(AT).unwrap()),
    );
    report.file = "=HYPERLINK(\"http://x\",\"a, b\")".into();
    let rows = [summary::row(&report, Lang::Vi)];
    let csv_bytes = summary::to_csv(&rows, Lang::Vi);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(&csv_bytes[3..]);
    let rec = reader.records().next().unwrap().unwrap();
    assert_eq!(&rec[0], "'=HYPERLINK(\"http://x\",\"a, b\")");
    assert_eq!(&rec[1], "0");
}

/// The sheet's rows as the project's own ZIP and XML readers see them (inline
/// strings and numbers).
fn read_with_own_reader(xlsx: &[u8]) -> Vec<Vec<String>> {
    let archive = Archive::open(xlsx).unwrap();
    let entry = archive.find("xl/worksheets/sheet1.xml").unwrap();
    let xml = String::from_utf8(archive.read(entry, 64 << 20).unwrap()).unwrap();
    let mut r = Reader::new(&xml);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut in_text = false;
    while let Some(e) = r.next_event().unwrap() {
        match e {
            Event::Start { name, empty, .. } => match name.as_str() {
                "row" => rows.push(Vec::new()),
                "c" => rows.last_mut().unwrap().push(String::new()),
                "t" | "v" if !empty => in_text = true,
                _ => {}
            },
            Event::End { name } if name == "t" || name == "v" => in_text = false,
            Event::Text(t) if in_text => rows.last_mut().unwrap().last_mut().unwrap().push_str(&t),
            _ => {}
        }
    }
    rows
}

/// Python's openpyxl (Debian's python3-openpyxl, installed by scripts/tools.sh):
/// missing is a failure that says what to install, never a skip. (LibreOffice is
/// no help here: the Writer-only package cannot open a spreadsheet.)
fn read_with_openpyxl(path: &std::path::Path) -> Vec<Vec<String>> {
    let script = "import sys, json, openpyxl\n\
        wb = openpyxl.load_workbook(sys.argv[1])\n\
        ws = wb.worksheets[0]\n\
        print(json.dumps([[('' if c is None else (str(int(c)) if isinstance(c, (int, float)) else str(c))) for c in row] for row in ws.iter_rows(values_only=True)]))";
    let mut tried = Vec::new();
    for python in ["python3", "/usr/bin/python3"] {
        match Command::new(python)
            .arg("-c")
            .arg(script)
            .arg(path)
            .output()
        {
            Ok(out) if out.status.success() => {
                return serde_json::from_slice(&out.stdout).unwrap();
            }
            Ok(out) => tried.push(format!(
                "{python}: {}",
                String::from_utf8_lossy(&out.stderr)
            )),
            Err(e) => tried.push(format!("{python}: {e}")),
        }
    }
    panic!(
        "no Python with openpyxl to read the XLSX (apt-get install python3-openpyxl, \
         or bash scripts/tools.sh): {tried:?}"
    );
}

#[test]
fn xlsx_export_reads_back_with_our_reader_and_an_independent_one() {
    let at = Instant::parse_rfc3339(AT).unwrap();
    let rows: Vec<summary::Row> = FILES
        .iter()
        .map(|(f, ..)| {
            let mut opts = VerifyOptions::at(at);
            opts.file_name = format!("tests/fixtures/signed/{f}");
            for a in ANCHORS {
                opts.anchors
                    .push(common::input(a, &fixture(&format!("signed/{a}"))));
            }
            let bytes = common::read(&fixture(&format!("signed/{f}")));
            summary::row(&verify::verify_pdf(&bytes, &opts), Lang::Vi)
        })
        .collect();
    let xlsx = summary::to_xlsx(&rows, Lang::Vi);
    let path = out_dir().join("summary.xlsx");
    std::fs::write(&path, &xlsx).unwrap();

    let own = read_with_own_reader(&xlsx);
    check_rows(&own);
    let independent = read_with_openpyxl(&path);
    check_rows(&independent);
    assert_eq!(own, independent, "both readers see the same sheet");

    // The CLI's CSV and the XLSX hold the same cells.
    let out = run_summary("csv");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&out.stdout[3..]);
    let from_cli: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(from_cli, own);
}
