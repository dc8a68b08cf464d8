//! The file writers behind one door, for the page's second wasm module.
//!
//! The page's first load must stay small (issue 11), and the writers are only needed
//! when a clerk downloads something: the PDF writer (pdf-writer, the font subsetter,
//! ttf-parser), the DOCX writer and the ZIP compressor. So the page lays a file out
//! (a letter or a record as a [`Doc`], an XLSX as its XML parts) and sends that, as
//! JSON, to `kyso-writer` (a Web Worker, `src/web/writer_worker.rs`), which runs
//! [`write`] and sends the bytes back (`src/web/writer_client.rs`). The CLI calls
//! the writers directly; this module is the one place that says what each job makes,
//! and it is native code, so the tests check that a job sent through JSON gives the
//! very bytes of a direct call.
//!
//! Errors are data: an i18n code and its arguments, worded by the page.

use serde::{Deserialize, Serialize};

use crate::forms::doc::Doc;
use crate::forms::pdf::{self, FontSet};
use crate::forms::{docx, zip};

/// What the writer is asked to make.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// A laid-out letter or record as DOCX.
    Docx(Doc),
    /// A laid-out letter or record as PDF, in the letters' serif.
    Pdf(Doc),
    /// An Office package (the XLSX sheets): its parts (name, XML), packed as a ZIP.
    Package(Vec<(String, String)>),
    /// Several files in one ZIP (name, job). A PDF that cannot be made (no font) is
    /// left out, as the letters' "pack everything" button always did.
    Zip(Vec<(String, Job)>),
}

/// A failure, as an i18n code and the arguments for its `{}`s.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteError {
    pub code: String,
    pub args: Vec<String>,
}

impl WriteError {
    pub fn new(code: &str, args: &[&str]) -> WriteError {
        WriteError {
            code: code.to_string(),
            args: args.iter().map(|a| (*a).to_string()).collect(),
        }
    }
}

/// The file made, and how many files it holds (a ZIP's entries; 1 otherwise).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub bytes: Vec<u8>,
    pub files: usize,
}

impl Job {
    /// Whether the job draws text in the PDF font (the writer fetches it only then).
    pub fn needs_fonts(&self) -> bool {
        match self {
            Job::Pdf(_) => true,
            Job::Zip(jobs) => jobs.iter().any(|(_, j)| j.needs_fonts()),
            Job::Docx(_) | Job::Package(_) => false,
        }
    }

    pub fn to_json(&self) -> String {
        // A tree of strings, numbers and booleans always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads what the page sent; anything else is `writer_bad_job`.
    pub fn from_json(text: &str) -> Result<Job, WriteError> {
        serde_json::from_str(text).map_err(|_| WriteError::new("writer_bad_job", &[]))
    }
}

/// Makes the file. `fonts` is the letters' serif, or why it could not be loaded
/// (only PDF jobs look at it).
pub fn write(job: &Job, fonts: Result<&FontSet, &WriteError>) -> Result<Written, WriteError> {
    let one = |bytes| Ok(Written { bytes, files: 1 });
    match job {
        Job::Docx(d) => one(docx::render(d)),
        Job::Pdf(d) => {
            let fonts = fonts.map_err(Clone::clone)?;
            one(pdf::render(d, fonts).map_err(|e| WriteError::new(e.code, &[]))?)
        }
        Job::Package(parts) => one(zip::zip_files(parts)),
        Job::Zip(jobs) => {
            let mut files = Vec::with_capacity(jobs.len());
            for (name, j) in jobs {
                match (j, write(j, fonts)) {
                    (_, Ok(w)) => files.push((name.clone(), w.bytes)),
                    (Job::Pdf(_), Err(_)) => {}
                    (_, Err(e)) => return Err(e),
                }
            }
            let count = files.len();
            Ok(Written {
                bytes: zip::zip_files(&files),
                files: count,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Doc {
        let letter = crate::forms::Letter::new(crate::forms::FormKind::F04);
        crate::forms::doc::build(&letter)
    }

    #[test]
    fn fonts_are_needed_only_for_pdf() {
        assert!(Job::Pdf(doc()).needs_fonts());
        assert!(!Job::Docx(doc()).needs_fonts());
        assert!(Job::Zip(vec![("a.pdf".into(), Job::Pdf(doc()))]).needs_fonts());
        assert!(!Job::Zip(vec![("a.docx".into(), Job::Docx(doc()))]).needs_fonts());
    }

    #[test]
    fn a_pdf_without_fonts_fails_alone_and_is_left_out_of_a_zip() {
        let missing = WriteError::new("forms_fetch_failed", &["./fonts/x.ttf"]);
        assert_eq!(write(&Job::Pdf(doc()), Err(&missing)), Err(missing.clone()));
        let zip = Job::Zip(vec![
            ("a.docx".into(), Job::Docx(doc())),
            ("a.pdf".into(), Job::Pdf(doc())),
        ]);
        let w = write(&zip, Err(&missing)).unwrap();
        assert_eq!(w.files, 1);
        let archive = zip::Archive::open(&w.bytes).unwrap();
        assert!(archive.find("a.docx").is_some());
        assert!(archive.find("a.pdf").is_none());
    }

    #[test]
    fn garbage_is_a_bad_job_not_a_panic() {
        for text in [
            "",
            "{",
            "\"Pdf\"",
            "{\"Zip\":[[\"a\",{\"Nope\":1}]]}",
            "null",
        ] {
            assert_eq!(
                Job::from_json(text),
                Err(WriteError::new("writer_bad_job", &[]))
            );
        }
    }
}
