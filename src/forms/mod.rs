//! The nine request letters of Decree 68/2024/NĐ-CP that clerks send to the
//! government CA (Cục Chứng thực số và Bảo mật thông tin, Ban Cơ yếu Chính phủ).
//!
//! - [`model`]: the letter as data (and its JSON draft format);
//! - [`fill`]: rows from certificate files;
//! - [`import`]: rows from CSV and XLSX;
//! - [`check`]: the rules, each named with its source;
//! - [`doc`]: the letter laid out per Decree 30/2020, rendered by [`docx`], [`pdf`]
//!   and [`html`]; [`zip`] packs DOCX parts and batches.
//!
//! Forms 03, 07 and 09 are not confirmed: no text of them was found, so they are
//! built from the closest confirmed form ([`FormKind::reference_only`]) and the page
//! says so (the letter itself does not).

pub mod ca_sheet;
pub mod check;
pub mod columns;
pub mod doc;
pub mod docx;
pub mod fill;
pub mod followup;
pub mod html;
pub mod import;
pub mod model;
pub mod nfc;
pub mod pdf;
pub mod session;
pub mod xml;
pub mod zip;

pub use check::{Problem, RuleId, Severity, check_letter};
pub use fill::{
    Filled, LeftOut, fill_from_certs, form_holder, merge_rows, row_from_cert, rows_from_certs,
};
pub use import::{ImportError, import_csv, import_rows, import_xlsx};
pub use model::{
    ALL_FORMS, Addressee, CertSource, Contact, DraftError, Field, FormKind, Letter, Letterhead,
    Person, Row,
};
pub use pdf::{FontSet, PdfError};
pub use zip::zip_files;

/// A file name for a letter: `mau-04-125-SNV-VP.docx`.
pub fn file_name(letter: &Letter, extension: &str) -> String {
    let number: String = letter
        .letterhead
        .number
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let number = number.trim_matches('-');
    if number.is_empty() {
        format!("mau-{}.{extension}", letter.kind.number())
    } else {
        format!("mau-{}-{number}.{extension}", letter.kind.number())
    }
}
