//! Rows from a list: CSV (UTF-8 with or without BOM, UTF-16 "Unicode text" from
//! Excel, comma / semicolon / tab, quoted fields, CRLF) and XLSX (the first sheet).
//!
//! The header row is found among the first lines and matched to the form's columns
//! by folded Vietnamese names (no diacritics, case or punctuation: "SỐ HIỆU CHỨNG THƯ
//! SỐ" = "so hieu chung thu so"), with the usual variants ("Email", "MST", "SĐT",
//! "Đơn vị"...). The printed column headers of each form are accepted too (a letter's
//! own table pasted into a sheet). Anything unexpected is an [`ImportError`] naming
//! the line and the column; an import returns new rows and never touches the rows a
//! letter already has.

mod csv;
mod header;
mod rows;
mod xlsx;

use serde::Serialize;

use super::model::{FormKind, Row};

pub use self::csv::import_csv;
pub use self::xlsx::import_xlsx;

/// At most this many rows per letter.
pub const MAX_ROWS: usize = 10_000;
/// Files larger than this are refused before parsing.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;
/// An XLSX part may inflate to at most this many bytes.
pub const MAX_PART_BYTES: usize = 64 * 1024 * 1024;
/// The header row is looked for in the first lines (a title may come before it).
pub const HEADER_SEARCH_LINES: usize = 15;
/// At most this many characters in one cell.
pub const MAX_CELL_CHARS: usize = 2_000;

/// Why a list could not be imported. `line` is the 1-based line of the CSV or the
/// row number of the sheet; `column` the header text or the sheet's column letter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportError {
    pub code: &'static str,
    pub line: Option<usize>,
    pub column: Option<String>,
}

impl ImportError {
    fn new(code: &'static str) -> Self {
        ImportError {
            code,
            line: None,
            column: None,
        }
    }
    fn at(code: &'static str, line: usize) -> Self {
        ImportError {
            code,
            line: Some(line),
            column: None,
        }
    }
    fn col(mut self, c: impl Into<String>) -> Self {
        self.column = Some(c.into());
        self
    }
}

/// Reads `bytes` as XLSX or CSV, by content (the name only helps word the error).
pub fn import_rows(kind: FormKind, name: &str, bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    let lower = name.to_ascii_lowercase();
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::new("import_too_large"));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // The old binary .xls (OLE2).
        return Err(ImportError::new("import_old_xls"));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return import_xlsx(kind, bytes);
    }
    if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") {
        return Err(ImportError::new("import_not_xlsx"));
    }
    import_csv(kind, bytes)
}

/// Column letters of a 0-based index: 0 → A, 27 → AB.
pub fn column_letters(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(char::from(b'A' + (i % 26) as u8));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::rows::fix_numeric;
    use super::xlsx::{cell_ref, number_text};
    use super::*;
    use crate::forms::model::Field;

    #[test]
    fn csv_with_bom_semicolons_quotes_crlf() {
        let csv = "\u{FEFF}STT;Tên chứng thư số;Số hiệu chứng thư số;Email\r\n1;\"Nguyễn Văn A; Sở Nội vụ\";54 01 AB;a@hanoi.gov.vn\r\n\r\n2;\"Trần \"\"B\"\"\";5402;b@hanoi.gov.vn\r\n";
        let rows = import_csv(FormKind::F04, csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cert_name, "Nguyễn Văn A; Sở Nội vụ");
        assert_eq!(rows[0].serial, "54 01 AB");
        assert_eq!(rows[1].cert_name, "Trần \"B\"");
        assert_eq!(rows[1].email, "b@hanoi.gov.vn");
    }

    #[test]
    fn csv_errors_name_the_line() {
        let e = import_csv(FormKind::F04, b"Ten chung thu so,So hieu\n\"abc,1\n").unwrap_err();
        assert_eq!(e.code, "import_unterminated_quote");
        let e = import_csv(
            FormKind::F04,
            "Tên chứng thư số,Số hiệu chứng thư số,Ngày sinh\n".as_bytes(),
        )
        .unwrap_err();
        assert_eq!((e.code, e.line), ("import_column_not_in_form", Some(1)));
        assert_eq!(e.column.as_deref(), Some("Ngày sinh"));
        let e = import_csv(FormKind::F04, b"a,b\n\x00\x01\x02").unwrap_err();
        assert_eq!(e.code, "import_binary");
        let e = import_csv(FormKind::F04, b"Ten chung thu so,Serial\nA,\xC3\x28\n").unwrap_err();
        assert_eq!((e.code, e.line), ("import_not_utf8", Some(2)));
        let e = import_csv(FormKind::F04, b"Ten chung thu so,Serial\nA,1,extra\n").unwrap_err();
        assert_eq!(
            (e.code, e.line, e.column.as_deref()),
            ("import_extra_cell", Some(2), Some("C"))
        );
        let e = import_csv(FormKind::F04, b"foo,bar\n1,2\n").unwrap_err();
        assert_eq!(e.code, "import_no_header");
    }

    #[test]
    fn composite_id_column() {
        let csv = "Họ và tên,Số định danh cá nhân / ngày cấp, nơi cấp\n";
        // The header itself has a comma: quoted in real files.
        let csv = csv.replace(
            "Số định danh cá nhân / ngày cấp, nơi cấp",
            "\"Số định danh cá nhân / ngày cấp, nơi cấp\"",
        );
        let csv =
            format!("{csv}Lê Văn C,\"001088012345 / 01/02/2021, Cục Cảnh sát QLHC về TTXH\"\n");
        let rows = import_csv(FormKind::F01, csv.as_bytes()).unwrap();
        assert_eq!(rows[0].id_number, "001088012345");
        assert_eq!(rows[0].id_issue_date, "01/02/2021");
        assert_eq!(rows[0].id_issue_place, "Cục Cảnh sát QLHC về TTXH");
    }

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(cell_ref("AB12"), Some((27, 12)));
        assert_eq!(number_text("1088012345"), "1088012345");
        assert_eq!(
            fix_numeric(Field::IdNumber, "1088012345".into(), true),
            "001088012345"
        );
        assert_eq!(
            fix_numeric(Field::BirthDate, "45658".into(), true),
            "01/01/2025"
        );
    }
}
