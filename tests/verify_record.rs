//! The verification record ("Phiếu kết quả kiểm tra chữ ký số") as files, read back
//! by tools we did not write: poppler's `pdftotext` for the PDF, `unzip` for the
//! DOCX's document.xml, `sha256sum` for the file's hash. A real Government decree
//! from ../shared and fixtures made by pyHanko/OpenSSL (tests/fixtures/signed).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod forms_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{fixture, kyso, shared};
use kyso::i18n::{self, Lang};
use kyso::record::{self, RecordInput};
use kyso::time::Instant;
use kyso::verify::{self, DocumentReport, VerifyOptions};

const DIR: &str = "verify_record";

fn out_dir() -> PathBuf {
    forms_support::out_dir(DIR)
}

/// `sha256sum`'s answer, upper case.
fn sha256sum(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    assert!(out.status.success(), "sha256sum: {out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    text.split_whitespace().next().unwrap().to_ascii_uppercase()
}

fn pdftotext(pdf: &[u8], name: &str) -> String {
    forms_support::pdftotext(DIR, Some(pdf), name, false)
}

fn document_xml(docx: &[u8], name: &str) -> String {
    forms_support::unzip(DIR, docx, "word/document.xml", name)
}

/// The text of the DOCX: the runs' text, tags removed, XML entities decoded.
fn docx_text(xml: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn verify_file(path: &Path, anchors: &[&str], at: &str) -> (Vec<u8>, DocumentReport) {
    let bytes = common::read(path);
    let mut opts = VerifyOptions::at(Instant::parse_rfc3339(at).unwrap());
    opts.file_name = path.file_name().unwrap().to_string_lossy().into_owned();
    for a in anchors {
        opts.anchors
            .push(common::input(*a, &fixture(&format!("signed/{a}"))));
    }
    let report = verify::verify_pdf(&bytes, &opts);
    (bytes, report)
}

/// Renders the record of `path` both ways and returns (PDF text, DOCX text), each
/// squashed, after checking what every record must say.
fn both_records(
    path: &Path,
    report: &DocumentReport,
    bytes: &[u8],
    name: &str,
) -> (String, String) {
    let input = RecordInput::of(bytes);
    assert_eq!(input.sha256, sha256sum(path), "our SHA-256 vs sha256sum");
    let layout = record::build(report, &input, Lang::Vi);
    let pdf = kyso::forms::pdf::render(&layout, &forms_support::fonts()).unwrap();
    let docx = kyso::forms::docx::render(&layout);
    let pdf_text = forms_support::squash(&pdftotext(&pdf, &format!("{name}.pdf")));
    let docx_text =
        forms_support::squash(&docx_text(&document_xml(&docx, &format!("{name}.docx"))));
    for text in [&pdf_text, &docx_text] {
        for must in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "PHIẾU KẾT QUẢ KIỂM TRA CHỮ KÝ SỐ",
            "1. Văn bản được kiểm tra",
            "2. Tóm tắt các chữ ký trên văn bản",
            "NGƯỜI KIỂM TRA",
            &report.file,
            &input.sha256,
            // The validation time, Viet Nam time, and the day in the date line.
            &report.at.to_vn_local_display(),
            &kyso::forms::doc::date_words(&report.at.to_vn_local_date()),
            i18n::summary_text(Lang::Vi, report.summary),
        ] {
            assert!(
                text.contains(&forms_support::squash(must)),
                "{name}: «{must}» missing"
            );
        }
        for s in &report.signatures {
            let verdict = record::verdict_words(s, Lang::Vi);
            assert!(
                text.contains(&forms_support::squash(&verdict)),
                "{name}: verdict {verdict}"
            );
            let headline = i18n::headline(Lang::Vi, s.headline);
            assert!(
                text.contains(&forms_support::squash(headline)),
                "{name}: {headline}"
            );
            if let Some(f) = &s.signer {
                assert!(
                    text.contains(&forms_support::squash(f.display_name())),
                    "{name}: signer"
                );
                assert!(text.contains(&f.serial_hex), "{name}: serial");
            }
        }
    }
    (pdf_text, docx_text)
}

#[test]
fn record_of_a_real_decree_names_the_government_its_chain_and_the_missing_revocation() {
    let path = shared("corpora/real-world/vn-real/49-2026-ND-CP.pdf");
    let (bytes, report) = verify_file(&path, &[], "2026-06-01T00:00:00Z");
    assert_eq!(report.signatures.len(), 1, "{:?}", report.summary);
    let (pdf, docx) = both_records(&path, &report, &bytes, "49-2026");
    for text in [&pdf, &docx] {
        assert!(text.contains(&forms_support::squash("CHÍNH PHỦ")));
        assert!(
            text.contains(&forms_support::squash("RootCA chuyên dùng Chính phủ G2")),
            "root"
        );
        // Proven by a timestamp, and the revocation status not checked: said, not
        // hidden, and the verdict is not "valid".
        assert!(text.contains(&forms_support::squash("dấu thời gian của chữ ký")));
        assert!(text.contains(&forms_support::squash(
            "chưa kiểm tra được (văn bản không kèm CRL"
        )));
        assert!(
            !text.contains(&forms_support::squash("Chữ ký hợp lệ ")),
            "never better than the evidence"
        );
        assert!(text.contains(&forms_support::squash("không có thay đổi sau khi ký")));
    }
}

#[test]
fn record_of_a_valid_fixture_names_the_crl_and_of_a_modified_one_the_change() {
    let path = fixture("signed/pkcs7_rsa_sha256_crl.pdf");
    let (bytes, report) = verify_file(&path, &["pki/root.cer"], "2026-09-01T00:00:00Z");
    assert_eq!(report.summary.code(), "all_signatures_valid");
    let (pdf, docx) = both_records(&path, &report, &bytes, "valid");
    for text in [&pdf, &docx] {
        assert!(text.contains(&forms_support::squash("Chữ ký hợp lệ")));
        assert!(
            text.contains(&forms_support::squash("chưa bị thu hồi (nguồn CRL")),
            "revocation source"
        );
    }

    let path = fixture("signed/approval_then_page_change.pdf");
    let (bytes, report) = verify_file(&path, &["pki/root.cer"], "2026-09-01T00:00:00Z");
    assert_eq!(report.summary.code(), "modified_after_signing");
    let (pdf, docx) = both_records(&path, &report, &bytes, "modified");
    for text in [&pdf, &docx] {
        assert!(text.contains(&forms_support::squash(
            "CÓ THAY ĐỔI KHÔNG ĐƯỢC PHÉP SAU KHI KÝ"
        )));
        assert!(
            text.contains(&forms_support::squash("KHÔNG được phép")),
            "the change is listed"
        );
    }
}

#[test]
fn a_file_that_is_not_a_pdf_still_gets_an_honest_record() {
    let bytes = b"not a pdf at all".to_vec();
    let mut opts = VerifyOptions::at(Instant::parse_rfc3339("2026-01-01T00:00:00Z").unwrap());
    opts.file_name = "rac.pdf".into();
    let report = verify::verify_pdf(&bytes, &opts);
    assert!(report.error.is_some());
    let layout = record::build(&report, &RecordInput::of(&bytes), Lang::Vi);
    let text = forms_support::squash(&pdftotext(
        &kyso::forms::pdf::render(&layout, &forms_support::fonts()).unwrap(),
        "error.pdf",
    ));
    assert!(text.contains(&forms_support::squash(i18n::text(Lang::Vi, "pdf_error"))));
    assert!(text.contains(&forms_support::squash("Văn bản không có chữ ký số")));
}

#[test]
fn cli_writes_the_record_as_pdf_and_docx_and_refuses_two_files() {
    let decree = common::shared_arg("corpora/real-world/vn-real/49-2026-ND-CP.pdf");
    let hash = sha256sum(Path::new(&decree));
    let dir = out_dir();
    let pdf = dir.join("cli-record.pdf");
    let docx = dir.join("cli-record.docx");
    for out in [&pdf, &docx] {
        let _ = std::fs::remove_file(out);
        let run = kyso(&[
            "verify",
            "--at",
            "2026-06-01T00:00:00Z",
            "--record",
            out.to_str().unwrap(),
            &decree,
        ]);
        assert_eq!(run.status.code(), Some(0), "{run:?}");
        // The usual report is still printed.
        assert!(String::from_utf8_lossy(&run.stdout).contains("CHÍNH PHỦ"));
    }
    let text = forms_support::squash(&pdftotext(&std::fs::read(&pdf).unwrap(), "cli-copy.pdf"));
    assert!(text.contains(&hash), "SHA-256 in the PDF");
    assert!(text.contains("75E92DD9AD56BD4D"), "serial in the PDF");
    assert!(text.contains(&forms_support::squash("01/06/2026 07:00 (giờ Việt Nam)")));
    let xml = docx_text(&document_xml(
        &std::fs::read(&docx).unwrap(),
        "cli-copy.docx",
    ));
    assert!(xml.contains(&hash), "SHA-256 in the DOCX");
    assert!(xml.contains("CHÍNH PHỦ"));

    let two = kyso(&[
        "verify",
        "--record",
        pdf.to_str().unwrap(),
        &decree,
        &common::shared_arg("corpora/real-world/vn-real/50-2026-ND-CP.pdf"),
    ]);
    assert_eq!(two.status.code(), Some(1), "one PDF at a time: {two:?}");
    let wrong = kyso(&["verify", "--record", "out.txt", &decree]);
    assert_eq!(wrong.status.code(), Some(1), "{wrong:?}");
}
