//! Helpers of the tests of what the letters' writers make (`tests/forms_*.rs`, and
//! `tests/verify_record.rs`, whose record uses the same writers): the serif for PDF
//! output, and the independent readers of what kyso writes (`unzip`, poppler's
//! `pdftotext`).

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

use kyso::forms::FontSet;

/// A scratch folder per test binary.
pub fn out_dir(test: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(test);
    std::fs::create_dir_all(&d).unwrap();
    d
}

pub fn fonts() -> FontSet {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("static/fonts");
    let read = |n: &str| std::fs::read(dir.join(n)).unwrap();
    FontSet::new(
        read("LiberationSerif-Regular.ttf"),
        read("LiberationSerif-Bold.ttf"),
        read("LiberationSerif-Italic.ttf"),
        read("LiberationSerif-BoldItalic.ttf"),
    )
    .unwrap()
}

/// One part of a DOCX written to `dir/name`, read back by `unzip`.
pub fn unzip(dir: &str, docx: &[u8], part: &str, name: &str) -> String {
    let p = out_dir(dir).join(name);
    std::fs::write(&p, docx).unwrap();
    let out = Command::new("unzip")
        .arg("-p")
        .arg(&p)
        .arg(part)
        .output()
        .unwrap();
    assert!(out.status.success(), "unzip {part}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The text of `dir/name` by `pdftotext` (`-raw`: content-stream order, so a wrapped
/// table cell reads as one run), after writing `pdf` there when given.
pub fn pdftotext(dir: &str, pdf: Option<&[u8]>, name: &str, raw: bool) -> String {
    let p = out_dir(dir).join(name);
    if let Some(pdf) = pdf {
        std::fs::write(&p, pdf).unwrap();
    }
    let mut cmd = Command::new("pdftotext");
    if raw {
        cmd.arg("-raw");
    }
    let out = cmd.arg(&p).arg("-").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
