//! The writer module's jobs (`kyso::writer`): what the page sends its second wasm
//! module, as JSON, must make the very bytes the CLI's direct calls make (letters as
//! DOCX and PDF, a verification record, the CA's sheet, the batch summary's XLSX), and
//! a ZIP of letters must hold what `unzip` (Info-ZIP, not ours) lists.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod forms_support;

use std::process::Command;

use forms_support::{fonts, out_dir, pdftotext};
use kyso::forms::{self, FormKind, Letter, Row, ca_sheet, doc, docx, pdf};
use kyso::i18n::Lang;
use kyso::record::{self, RecordInput, summary};
use kyso::time::Instant;
use kyso::verify::{self, VerifyOptions};
use kyso::writer::{self, Job, WriteError};

fn letter(kind: FormKind) -> Letter {
    let mut l = Letter::new(kind);
    l.letterhead.managing_body = "Sở Nội vụ".into();
    l.letterhead.number = "125/SNV-VP".into();
    for name in ["Nguyễn Văn An", "Trần Thị Bình"] {
        l.rows.push(Row {
            full_name: name.into(),
            agency: "Phòng Tổ chức, Sở Nội vụ, UBND tỉnh Cao Bằng".into(),
            province: "Cao Bằng".into(),
            ..Row::default()
        });
    }
    l
}

/// The job after the trip the page makes it take: JSON out, JSON in.
fn through_json(job: &Job) -> Job {
    let back = Job::from_json(&job.to_json()).unwrap();
    assert_eq!(&back, job, "the job survives JSON");
    back
}

fn written(job: &Job) -> Vec<u8> {
    let f = fonts();
    let w = writer::write(&through_json(job), Ok(&f)).unwrap();
    assert_eq!(w.files, 1);
    w.bytes
}

#[test]
fn letters_through_the_writer_are_the_bytes_of_a_direct_call() {
    let f = fonts();
    for kind in [FormKind::F01, FormKind::F04, FormKind::F06] {
        let l = letter(kind);
        let d = doc::build(&l);
        assert_eq!(
            written(&Job::Docx(d.clone())),
            docx::to_docx(&l),
            "{kind:?} DOCX"
        );
        let p = written(&Job::Pdf(d));
        assert_eq!(p, pdf::to_pdf(&l, &f).unwrap(), "{kind:?} PDF");
        let text = pdftotext("writer_jobs", Some(&p), &format!("{kind:?}.pdf"), false);
        assert!(text.contains("Số: 125/SNV-VP"), "{kind:?}: {text}");
        if kind == FormKind::F01 {
            assert!(text.contains("Trần Thị Bình"), "{kind:?}: {text}");
        }
    }
    let l = letter(FormKind::F01);
    assert_eq!(
        written(&Job::Package(ca_sheet::parts(&l))),
        ca_sheet::to_xlsx(&l)
    );
}

#[test]
fn a_record_and_a_summary_through_the_writer_are_the_bytes_of_a_direct_call() {
    let path = common::fixture("signed/pkcs7_rsa_sha256_crl.pdf");
    let bytes = common::read(&path);
    let mut opts = VerifyOptions::at(Instant::parse_rfc3339("2026-09-01T00:00:00Z").unwrap());
    opts.file_name = "pkcs7_rsa_sha256_crl.pdf".into();
    opts.anchors.push(common::input(
        "root.cer",
        &common::fixture("signed/pki/root.cer"),
    ));
    let report = verify::verify_pdf(&bytes, &opts);
    assert_eq!(report.summary.code(), "all_signatures_valid");
    let layout = record::build(&report, &RecordInput::of(&bytes), Lang::Vi);
    assert_eq!(
        written(&Job::Pdf(layout.clone())),
        pdf::render(&layout, &fonts()).unwrap()
    );
    assert_eq!(written(&Job::Docx(layout.clone())), docx::render(&layout));

    for lang in [Lang::Vi, Lang::En] {
        let rows = vec![summary::row(&report, lang), summary::row(&report, lang)];
        assert_eq!(
            written(&Job::Package(summary::xlsx_parts(&rows, lang))),
            summary::to_xlsx(&rows, lang)
        );
    }
}

#[test]
fn a_zip_of_letters_holds_each_file_and_leaves_out_the_pdfs_without_a_font() {
    let f = fonts();
    let letters = [letter(FormKind::F01), letter(FormKind::F04)];
    let mut jobs = Vec::new();
    for l in &letters {
        let d = doc::build(l);
        jobs.push((forms::file_name(l, "docx"), Job::Docx(d.clone())));
        jobs.push((forms::file_name(l, "pdf"), Job::Pdf(d)));
    }
    let job = through_json(&Job::Zip(jobs));
    let w = writer::write(&job, Ok(&f)).unwrap();
    assert_eq!(w.files, 4);
    let p = out_dir("writer_jobs").join("letters.zip");
    std::fs::write(&p, &w.bytes).unwrap();
    let out = Command::new("unzip").arg("-Z1").arg(&p).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let names: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(
        names,
        [
            "mau-01-125-SNV-VP.docx",
            "mau-01-125-SNV-VP.pdf",
            "mau-04-125-SNV-VP.docx",
            "mau-04-125-SNV-VP.pdf"
        ]
    );
    let out = Command::new("unzip")
        .arg("-p")
        .arg(&p)
        .arg("mau-04-125-SNV-VP.pdf")
        .output()
        .unwrap();
    assert_eq!(out.stdout, pdf::to_pdf(&letters[1], &f).unwrap());

    // Without the font (the worker could not fetch it) the DOCX are still packed.
    let missing = WriteError::new("forms_fetch_not_found", &["./fonts/x.ttf", "404"]);
    let w = writer::write(&job, Err(&missing)).unwrap();
    assert_eq!(w.files, 2);
    // A PDF asked for alone says why it failed.
    let d = doc::build(&letters[0]);
    assert_eq!(writer::write(&Job::Pdf(d), Err(&missing)), Err(missing));
}
