//! The batch summary: one row per checked document (file, signatures, verdict,
//! signer, signing time, modified?), the same in the page's table, its CSV and XLSX
//! exports and `kyso verify --summary csv|tsv`, so an auditor's spreadsheet says what
//! the panels say.
//!
//! CSV follows RFC 4180 (comma, CRLF, fields with a comma, quote or line break in
//! double quotes, quotes doubled) and starts with a UTF-8 BOM, without which Excel
//! reads the Vietnamese as Windows-1252. A cell that Excel would take for a formula
//! (`=`, `+`, `-`, `@` first: a file named `=HYPERLINK(…)`) gets a leading `'`
//! (OWASP "CSV injection"); XLSX cells are strings, never formulas. TSV is for
//! scripts: no BOM, no quoting, LF; a tab or line break inside a cell becomes a space.

use crate::i18n::{self, Lang};
use crate::time::Instant;
use crate::verify::{CheckDetail, DocumentReport, Summary};

use super::changes_code;
use super::xlsx::{self, XCell};

/// The columns' i18n codes, in order.
pub const COLUMNS: [&str; 6] = [
    "summary_col_file",
    "summary_col_signatures",
    "summary_col_verdict",
    "summary_col_signer",
    "summary_col_time",
    "summary_col_modified",
];

/// One document's row. The text is worded in the language it was built for; the
/// codes and the earliest time are there to sort and filter by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub file: String,
    pub signatures: usize,
    /// `summary` code of the report (`all_signatures_valid`, …) or its error code.
    pub verdict_code: &'static str,
    pub verdict: String,
    /// `ok`, `unsure` or `bad`: the document's tone (never shown by colour alone).
    pub tone: &'static str,
    /// The signers, in signature order, `; ` between them.
    pub signer: String,
    /// Each signature's signing time (the one its chain was validated at), Viet Nam
    /// time, in signature order.
    pub signing_time: String,
    /// The earliest of those times, for sorting.
    pub first_time: Option<Instant>,
    /// `modified_yes`, `modified_allowed_only`, `modified_no`,
    /// `modified_not_analysed`, or empty without signatures.
    pub modified_code: &'static str,
    pub modified: String,
}

/// `ok`, `unsure` or `bad` for a document summary.
pub fn tone(summary: Summary) -> &'static str {
    match summary {
        Summary::AllSignaturesValid | Summary::ValidWithAllowedChanges => "ok",
        Summary::SignaturesIndeterminate | Summary::NoSignatures => "unsure",
        Summary::PdfError
        | Summary::EncryptedDocument
        | Summary::ModifiedAfterSigning
        | Summary::SomeSignatureInvalid => "bad",
    }
}

/// The row of `report`.
pub fn row(report: &DocumentReport, lang: Lang) -> Row {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let (verdict_code, verdict) = match &report.error {
        Some(e) => (
            e.code(),
            format!("{}: {}", t("pdf_error"), i18n::pdf_error(lang, e)),
        ),
        None => (
            report.summary.code(),
            i18n::summary_text(lang, report.summary).to_string(),
        ),
    };
    let sigs = &report.signatures;
    let signer: Vec<String> = sigs
        .iter()
        .map(|s| {
            s.signer.as_ref().map_or_else(
                || i18n::check_detail(lang, &CheckDetail::SignerCertificateNotFound).to_string(),
                |f| f.display_name().to_string(),
            )
        })
        .collect();
    let times: Vec<String> = sigs
        .iter()
        .map(|s| s.signing_time.used_time.to_vn_local_display())
        .collect();
    // The worst of the signatures: one modified signature makes a modified file.
    let codes: Vec<&'static str> = sigs.iter().map(changes_code).collect();
    let modified_code = [
        "modified_yes",
        "modified_not_analysed",
        "modified_allowed_only",
        "modified_no",
    ]
    .into_iter()
    .find(|c| codes.contains(c))
    .unwrap_or("");
    Row {
        file: report.file.clone(),
        signatures: sigs.len(),
        verdict_code,
        verdict,
        tone: if report.error.is_some() {
            "bad"
        } else {
            tone(report.summary)
        },
        signer: signer.join("; "),
        signing_time: times.join("; "),
        first_time: sigs.iter().map(|s| s.signing_time.used_time).min(),
        modified_code,
        modified: if modified_code.is_empty() {
            String::new()
        } else {
            t(modified_code)
        },
    }
}

impl Row {
    /// The six cells as text, in [`COLUMNS`] order.
    pub fn cells(&self) -> [String; 6] {
        [
            self.file.clone(),
            self.signatures.to_string(),
            self.verdict.clone(),
            self.signer.clone(),
            self.signing_time.clone(),
            self.modified.clone(),
        ]
    }
}

/// The header cells in `lang`.
pub fn headers(lang: Lang) -> [String; 6] {
    COLUMNS.map(|c| i18n::text(lang, c).to_string())
}

/// CSV (RFC 4180, UTF-8 with BOM, CRLF), header first.
pub fn to_csv(rows: &[Row], lang: Lang) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    let mut push = |cells: &[String]| {
        let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    push(&headers(lang));
    for r in rows {
        push(&r.cells());
    }
    out.into_bytes()
}

fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// TSV (tab-separated, LF, no BOM), header first.
pub fn to_tsv(rows: &[Row], lang: Lang) -> String {
    let mut out = String::new();
    let mut push = |cells: &[String]| {
        let line: Vec<String> = cells
            .iter()
            .map(|c| c.replace(['\t', '\r', '\n'], " "))
            .collect();
        out.push_str(&line.join("\t"));
        out.push('\n');
    };
    push(&headers(lang));
    for r in rows {
        push(&r.cells());
    }
    out
}

/// An XLSX workbook of one sheet: the header row (frozen, with a filter) and the
/// rows, the signature count as a number.
pub fn to_xlsx(rows: &[Row], lang: Lang) -> Vec<u8> {
    crate::forms::zip::zip_files(&xlsx_parts(rows, lang))
}

/// The XLSX's parts before packing (the page's writer module packs them).
pub fn xlsx_parts(rows: &[Row], lang: Lang) -> Vec<(String, String)> {
    let body: Vec<Vec<XCell>> = rows
        .iter()
        .map(|r| {
            let [file, _, verdict, signer, time, modified] = r.cells();
            vec![
                XCell::Text(file),
                XCell::Number(r.signatures as f64),
                XCell::Text(verdict),
                XCell::Text(signer),
                XCell::Text(time),
                XCell::Text(modified),
            ]
        })
        .collect();
    xlsx::parts(
        i18n::text(lang, "summary_sheet_name"),
        &headers(lang),
        &[40, 10, 45, 40, 20, 28],
        &body,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_per_rfc_4180_and_defuses_formulas() {
        assert_eq!(csv_field("a"), "a");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
    }

    #[test]
    fn tones_follow_the_document_summary() {
        assert_eq!(tone(Summary::AllSignaturesValid), "ok");
        assert_eq!(tone(Summary::ValidWithAllowedChanges), "ok");
        assert_eq!(tone(Summary::SignaturesIndeterminate), "unsure");
        assert_eq!(tone(Summary::ModifiedAfterSigning), "bad");
        assert_eq!(tone(Summary::EncryptedDocument), "bad");
    }
}
