//! `kyso verify --summary csv|tsv` and `--record FILE.pdf|FILE.docx`: what a clerk
//! files after a check, written by the same core code as the page's exports
//! (`kyso::record`), so the CLI's table and record match the page's.

use std::io::Write;
use std::path::Path;

use kyso::i18n::Lang;
use kyso::input::InputFile;
use kyso::record::{self, RecordInput, summary};
use kyso::verify::DocumentReport;

use super::files::Unreadable;
use super::{EXIT_UNREADABLE, form_cmd, usage_error};

/// Prints the summary table; `Some(status)` when the format is not known.
pub fn print_summary(
    format: &str,
    reports: &[DocumentReport],
    unreadable: &[Unreadable],
    lang: Lang,
) -> Option<u8> {
    let rows: Vec<summary::Row> = reports.iter().map(|r| summary::row(r, lang)).collect();
    let bytes = match format.to_ascii_lowercase().as_str() {
        "csv" => summary::to_csv(&rows, lang),
        "tsv" => summary::to_tsv(&rows, lang).into_bytes(),
        other => {
            return Some(usage_error(&format!("--summary {other}: csv | tsv")));
        }
    };
    let out = std::io::stdout();
    let mut out = out.lock();
    if let Err(e) = out.write_all(&bytes).and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("kyso: {e}");
    }
    // Files that could not be read have no row; they are named on stderr, and the
    // exit status says so.
    for u in unreadable {
        eprintln!("kyso: {}: {}", u.file, u.detail);
    }
    None
}

/// Writes the verification record of the one document checked, as PDF or DOCX by
/// the extension of `path`. `Err(status)` on a usage error or a failed write.
pub fn write_record(
    path: &Path,
    docs: &[InputFile],
    reports: &[DocumentReport],
    lang: Lang,
) -> Result<(), u8> {
    let (Some(doc), Some(report), 1) = (docs.first(), reports.first(), reports.len()) else {
        return Err(usage_error(
            "--record: một tệp PDF mỗi lần / one PDF at a time",
        ));
    };
    let layout = record::build(report, &RecordInput::of(&doc.bytes), lang);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match ext.as_deref() {
        Some("docx") => kyso::forms::docx::render(&layout),
        Some("pdf") => {
            let fonts = form_cmd::load_fonts(None).map_err(|e| {
                eprintln!("kyso: {e}");
                EXIT_UNREADABLE
            })?;
            kyso::forms::pdf::render(&layout, &fonts).map_err(|e| {
                eprintln!("kyso: {} ({})", e.code, e.style);
                EXIT_UNREADABLE
            })?
        }
        _ => {
            return Err(usage_error(
                "--record: tên tệp .pdf hoặc .docx / a .pdf or .docx file name",
            ));
        }
    };
    std::fs::write(path, bytes).map_err(|e| {
        eprintln!("kyso: {}: {e}", path.display());
        EXIT_UNREADABLE
    })
}
