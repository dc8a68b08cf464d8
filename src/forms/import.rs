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

use serde::Serialize;

use crate::rules::dates::Date;

use super::model::{Column, Field, FormKind, Row};
use super::nfc::{fold, nfc};
use super::xml::{Event, Reader};
use super::zip::{Archive, ZipError};

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

// ---------------------------------------------------------------- header matching

/// What a header cell feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Field(Field),
    /// A printed column holding several fields ("Số định danh / ngày cấp, nơi cấp").
    Composite(&'static Column),
    /// STT, ghi chú (when the form has no note)...: read and dropped.
    Ignore,
}

fn aliases(f: Field) -> &'static [&'static str] {
    match f {
        Field::FullName => &["ho va ten", "ho ten", "ho va ten chu in hoa", "ten ca nhan"],
        Field::BirthDate => &["ngay sinh", "ngay thang nam sinh", "ngay sinh dd mm yyyy"],
        Field::IdNumber => &[
            "so dinh danh ca nhan",
            "so dinh danh",
            "so cccd",
            "cccd",
            "so can cuoc",
            "so can cuoc cong dan",
            "so cmnd",
            "cmnd",
            "so cmnd cccd",
            "cmnd cccd",
            "so cmnd cccd ho chieu",
            "so cccd cmnd",
            "so cmnd cccd hc",
            "so cmnd cccd hc ngay cap noi cap",
        ],
        Field::IdIssueDate => &["ngay cap", "ngay cap cccd", "ngay cap cmnd cccd"],
        Field::IdIssuePlace => &["noi cap", "noi cap cccd", "noi cap cmnd cccd"],
        Field::Email => &[
            "thu dien tu cong vu",
            "dia chi thu dien tu cong vu",
            "thu dien tu",
            "email",
            "e mail",
            "email cong vu",
            "dia chi email",
            "hop thu cong vu",
            "thu dien tu cong vu da dang ky",
            "email da dang ky",
        ],
        Field::Agency => &[
            "co quan to chuc",
            "co quan",
            "don vi",
            "don vi cong tac",
            "co quan cong tac",
            "co quan to chuc cong tac",
            "co quan to chuc quan ly",
            "co quan don vi",
        ],
        Field::Province => &[
            "tinh thanh pho",
            "tinh",
            "tinh tp",
            "tinh thanh",
            "tinh thanh pho truc thuoc trung uong",
        ],
        Field::Title => &["chuc vu", "chuc danh"],
        Field::Mobile => &[
            "so dien thoai di dong",
            "so dien thoai",
            "dien thoai",
            "dien thoai di dong",
            "di dong",
            "sdt",
            "so dt",
            "dt",
            "so di dong",
            "so dien thoai ky so",
        ],
        Field::OldSerial => &[
            "so hieu chung thu so cu",
            "so hieu chung thu cu",
            "serial cu",
            "so serial cu",
            "so hieu cts cu",
        ],
        Field::SimPki => &["sim pki", "simpki"],
        Field::OrgName => &[
            "ten co quan to chuc",
            "ten co quan",
            "ten don vi",
            "ten to chuc",
        ],
        Field::Address => &["dia chi", "dia chi tru so"],
        Field::TaxCode => &["ma so thue", "mst"],
        Field::BudgetCode => &[
            "ma quan he ngan sach",
            "ma so quan he ngan sach",
            "ma qhns",
            "qhns",
            "mns",
            "ma ngan sach",
            "ma don vi quan he ngan sach",
            "ma so dvqhns",
            "ma dvqhns",
        ],
        Field::DeviceName => &[
            "ten thiet bi dich vu phan mem",
            "ten thiet bi",
            "ten dich vu",
            "ten phan mem",
        ],
        Field::DeviceVersion => &["phien ban"],
        Field::CertName => &[
            "ten chung thu so",
            "ten chung thu",
            "ten thue bao",
            "ten cts",
            "ten chung thu so cua thue bao",
            "chu the",
        ],
        Field::Serial => &[
            "so hieu chung thu so",
            "so hieu chung thu",
            "serial",
            "so serial",
            "serial number",
            "so hieu cts",
        ],
        Field::ChangeWhat => &["thong tin can thay doi"],
        Field::ChangeNew => &["thong tin moi"],
        Field::Renew => &["gia han"],
        Field::Change => &[
            "thay doi thong tin",
            "thay doi",
            "thay doi noi dung thong tin",
        ],
        Field::TokenSerial => &[
            "so hieu thiet bi luu khoa bi mat",
            "so hieu thiet bi",
            "so hieu token",
            "so serial token",
            "ma token",
            "token",
            "so hieu usb token",
            "iccid",
        ],
        Field::Reason => &["ly do thu hoi", "ly do"],
        Field::HandoverDate => &["ngay ban giao"],
        Field::Note => &["ghi chu"],
    }
}

const IGNORED: &[&str] = &["stt", "tt", "so tt", "so thu tu", "ghi chu"];

/// The header without parenthesised parts and footnote marks: "Thư điện tử công vụ
/// (1)" → "thu dien tu cong vu".
fn fold_bare(h: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in h.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '*' => {}
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    fold(&out)
}

fn target_of(kind: FormKind, header: &str) -> Option<Target> {
    // The header as written first, then without its parenthesised parts: "Số hiệu
    // chứng thư số" is the serial alone even though form 04's printed column adds
    // "(SIM PKI: kèm số điện thoại ký số)".
    target_of_folded(kind, &fold(header)).or_else(|| target_of_folded(kind, &fold_bare(header)))
}

fn target_of_folded(kind: FormKind, c: &str) -> Option<Target> {
    if c.is_empty() {
        return None;
    }
    for col in kind.columns() {
        if c == fold(col.header) {
            return Some(match col.fields {
                [one] => Target::Field(*one),
                _ => Target::Composite(col),
            });
        }
    }
    for f in kind.fields() {
        if c == fold(f.label()) || aliases(f).contains(&c) {
            return Some(Target::Field(f));
        }
    }
    for col in kind.columns() {
        if c == fold_bare(col.header) {
            return Some(match col.fields {
                [one] => Target::Field(*one),
                _ => Target::Composite(col),
            });
        }
    }
    if IGNORED.contains(&c) {
        return Some(Target::Ignore);
    }
    None
}

/// True when the header names a field of some other form (a wrong list).
fn known_elsewhere(header: &str) -> bool {
    let full = fold(header);
    let bare = fold_bare(header);
    super::model::ALL_FIELDS.iter().any(|f| {
        let l = fold(f.label());
        [&full, &bare]
            .iter()
            .any(|c| **c == l || aliases(*f).contains(&c.as_str()))
    })
}

/// Picks the header line among the first ones: the first line with at least two
/// cells that match a column of the form (one for single-column lists).
fn find_header(kind: FormKind, lines: &[(usize, Vec<String>)]) -> Option<usize> {
    lines
        .iter()
        .take(HEADER_SEARCH_LINES)
        .position(|(_, cells)| {
            let matched = cells
                .iter()
                .filter(|c| !c.trim().is_empty())
                .filter(|c| {
                    matches!(
                        target_of(kind, c),
                        Some(Target::Field(_) | Target::Composite(_))
                    )
                })
                .count();
            matched >= 2
                || (matched == 1 && cells.iter().filter(|c| !c.trim().is_empty()).count() == 1)
        })
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

/// Turns lines of cells (with their line numbers) into rows of `kind`.
fn rows_from_lines(
    kind: FormKind,
    lines: Vec<(usize, Vec<String>)>,
    numeric: &dyn Fn(usize, usize) -> bool,
) -> Result<Vec<Row>, ImportError> {
    let first_line = lines.first().map_or(1, |(n, _)| *n);
    let Some(h) = find_header(kind, &lines) else {
        // Name the first header cell that belongs to another form, if any.
        let wrong = lines
            .iter()
            .take(HEADER_SEARCH_LINES)
            .find_map(|(n, cells)| {
                cells
                    .iter()
                    .find(|c| known_elsewhere(c) && target_of(kind, c).is_none())
                    .map(|c| (*n, c.clone()))
            });
        return Err(match wrong {
            Some((n, c)) => ImportError::at("import_column_not_in_form", n).col(c),
            None => ImportError::at("import_no_header", first_line),
        });
    };
    let Some((header_line, header)) = lines.get(h) else {
        return Err(ImportError::new("import_no_header"));
    };
    let header_line = *header_line;
    let mut targets: Vec<Target> = Vec::with_capacity(header.len());
    for (i, cell) in header.iter().enumerate() {
        let t = if cell.trim().is_empty() {
            Target::Ignore
        } else {
            match target_of(kind, cell) {
                Some(t) => t,
                None if known_elsewhere(cell) => {
                    return Err(
                        ImportError::at("import_column_not_in_form", header_line).col(cell.trim())
                    );
                }
                None => {
                    return Err(
                        ImportError::at("import_unknown_column", header_line).col(cell.trim())
                    );
                }
            }
        };
        if !matches!(t, Target::Ignore) && targets.contains(&t) {
            return Err(
                ImportError::at("import_duplicate_column", header_line).col(format!(
                    "{} ({})",
                    cell.trim(),
                    column_letters(i)
                )),
            );
        }
        targets.push(t);
    }
    let mut rows = Vec::new();
    for (line, cells) in lines.iter().skip(h + 1) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some((i, _)) = cells
            .iter()
            .enumerate()
            .skip(targets.len())
            .find(|(_, c)| !c.trim().is_empty())
        {
            return Err(ImportError::at("import_extra_cell", *line).col(column_letters(i)));
        }
        if rows.len() >= MAX_ROWS {
            return Err(ImportError::at("import_too_many_rows", *line));
        }
        let mut row = Row::default();
        for (i, (t, cell)) in targets.iter().zip(cells.iter()).enumerate() {
            if cell.chars().count() > MAX_CELL_CHARS {
                return Err(ImportError::at("import_cell_too_long", *line).col(column_letters(i)));
            }
            let v = nfc(cell.trim());
            match t {
                Target::Ignore => {}
                Target::Field(f) => {
                    let v = fix_numeric(*f, v, numeric(*line, i));
                    row.set(*f, v);
                }
                Target::Composite(col) => split_composite(col, &v, &mut row),
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Spreadsheets store codes typed as numbers without their leading zeros
/// (CCCD `001088012345` → 1088012345, tax code `0301519977` → 301519977, a mobile
/// `0912345678` → 912345678). Put them back for number cells, and turn date
/// serials into `dd/mm/yyyy`.
fn fix_numeric(f: Field, v: String, was_number: bool) -> String {
    if !was_number || v.is_empty() {
        return v;
    }
    if f.is_date() {
        return v
            .parse::<f64>()
            .ok()
            .and_then(Date::from_excel_serial)
            .map_or(v, |d| d.to_string());
    }
    let digits = v.bytes().all(|b| b.is_ascii_digit());
    let pad = |width: usize| format!("{v:0>width$}");
    match f {
        Field::IdNumber if digits && (10..=11).contains(&v.len()) => pad(12),
        Field::TaxCode if digits && v.len() == 9 => pad(10),
        Field::BudgetCode if digits && v.len() < 7 => pad(7),
        Field::Mobile if digits && v.len() == 9 => pad(10),
        _ => v,
    }
}

/// "001088012345 / 01/02/2021, Cục Cảnh sát QLHC" → ID, issue date, place;
/// "5401A2B3... 0912345678" → serial, signing phone.
fn split_composite(col: &Column, v: &str, row: &mut Row) {
    match col.fields {
        [Field::IdNumber, rest @ ..] => {
            let v = v.trim();
            let id_end = v
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == ':'))
                .unwrap_or(v.len());
            row.id_number = v.get(..id_end).unwrap_or_default().to_string();
            let mut tail = v
                .get(id_end..)
                .unwrap_or_default()
                .trim_start_matches(|c: char| c.is_whitespace() || "/,;-".contains(c));
            if rest.contains(&Field::IdIssueDate) {
                let date_end = tail
                    .find(|c: char| !(c.is_ascii_digit() || "/.-".contains(c)))
                    .unwrap_or(tail.len());
                let cand = tail
                    .get(..date_end)
                    .unwrap_or_default()
                    .trim_end_matches(['-', '.']);
                if Date::parse(cand).is_ok() {
                    row.id_issue_date = cand.to_string();
                    tail = tail.get(cand.len()..).unwrap_or_default();
                }
            }
            let place = tail.trim_matches(|c: char| c.is_whitespace() || ",;-/".contains(c));
            if rest.contains(&Field::IdIssuePlace) {
                row.id_issue_place = place.to_string();
            }
        }
        [Field::Serial, Field::Mobile] => {
            // The signing phone, when there is one, is the last token.
            let v = v.trim();
            let split = v.rfind(|c: char| c.is_whitespace() || c == '/' || c == ';' || c == ',');
            let (serial, phone) = match split {
                Some(i) => {
                    let tail = v.get(i + 1..).unwrap_or_default().trim();
                    if crate::rules::phone::check_mobile(tail).is_ok() {
                        (
                            v.get(..i)
                                .unwrap_or_default()
                                .trim_end_matches(|c: char| c.is_whitespace() || "/;,".contains(c)),
                            tail,
                        )
                    } else {
                        (v, "")
                    }
                }
                None => (v, ""),
            };
            row.serial = serial.to_string();
            row.mobile = phone.to_string();
        }
        fields => {
            // Other composites: first line per field.
            for (f, part) in fields.iter().zip(v.lines()) {
                row.set(*f, part.trim().to_string());
            }
        }
    }
}

// ---------------------------------------------------------------- CSV

/// Reads a CSV list (see the module documentation).
pub fn import_csv(kind: FormKind, bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::new("import_too_large"));
    }
    let text = decode_text(bytes)?;
    if text.trim().is_empty() {
        return Err(ImportError::new("import_empty"));
    }
    let lines = parse_csv(&text)?;
    rows_from_lines(kind, lines, &|_, _| false)
}

fn decode_text(bytes: &[u8]) -> Result<String, ImportError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                u16::from_le_bytes([
                    c.first().copied().unwrap_or(0),
                    c.get(1).copied().unwrap_or(0),
                ])
            })
            .collect();
        return String::from_utf16(&units).map_err(|_| ImportError::new("import_not_utf8"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                u16::from_be_bytes([
                    c.first().copied().unwrap_or(0),
                    c.get(1).copied().unwrap_or(0),
                ])
            })
            .collect();
        return String::from_utf16(&units).map_err(|_| ImportError::new("import_not_utf8"));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Binary junk: NUL bytes or many control characters.
    let controls = body
        .iter()
        .take(4096)
        .filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r'))
        .count();
    if body.contains(&0) || controls > 8 {
        let line = 1 + body
            .iter()
            .position(|b| *b == 0 || (*b < 0x20 && !matches!(*b, b'\t' | b'\n' | b'\r')))
            .map_or(0, |p| body.iter().take(p).filter(|b| **b == b'\n').count());
        return Err(ImportError::at("import_binary", line));
    }
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let line = 1 + body
                .iter()
                .take(e.valid_up_to())
                .filter(|b| **b == b'\n')
                .count();
            Err(ImportError::at("import_not_utf8", line))
        }
    }
}

/// The delimiter: the most frequent of `,` `;` tab on the first line, outside quotes.
fn sniff_delimiter(text: &str) -> char {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in first.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in &mut counts {
                if *d == c {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(',', |(d, _)| *d)
}

/// RFC 4180 with a sniffed delimiter; each record with the line it starts on.
fn parse_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
    let delim = sniff_delimiter(text);
    let mut out = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1usize;
    let mut record_line = 1usize;
    let mut quote_line = 0usize;
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' => {}
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                in_quotes = true;
                quote_line = line;
            }
            c if c == delim => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                out.push((record_line, std::mem::take(&mut record)));
                line += 1;
                record_line = line;
                if out.len() > MAX_ROWS + HEADER_SEARCH_LINES + 1 && !out.is_empty() {
                    // Keep going only to find the line number of the excess row;
                    // rows_from_lines reports it.
                }
            }
            c => field.push(c),
        }
    }
    if in_quotes {
        return Err(ImportError::at("import_unterminated_quote", quote_line));
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        out.push((record_line, record));
    }
    Ok(out)
}

// ---------------------------------------------------------------- XLSX

/// Reads the first worksheet of an XLSX workbook.
pub fn import_xlsx(kind: FormKind, bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::new("import_too_large"));
    }
    let zip_err = |e: ZipError| {
        ImportError::new(match e {
            ZipError::NotZip => "import_not_xlsx",
            ZipError::TooLarge => "import_too_large",
            ZipError::Unsupported => "import_xlsx_unsupported",
            ZipError::Corrupt | ZipError::BadData => "import_xlsx_corrupt",
        })
    };
    let archive = Archive::open(bytes).map_err(zip_err)?;
    let read_text = |name: &str| -> Result<Option<String>, ImportError> {
        match archive.find(name) {
            None => Ok(None),
            Some(e) => {
                let b = archive.read(e, MAX_PART_BYTES).map_err(zip_err)?;
                String::from_utf8(b)
                    .map(Some)
                    .map_err(|_| ImportError::new("import_xlsx_corrupt"))
            }
        }
    };
    if archive.find("xl/workbook.xml").is_none() {
        return Err(ImportError::new("import_not_xlsx"));
    }
    let sheet_path = first_sheet_path(
        &read_text("xl/workbook.xml")?.unwrap_or_default(),
        &read_text("xl/_rels/workbook.xml.rels")?.unwrap_or_default(),
    )
    .unwrap_or_else(|| "xl/worksheets/sheet1.xml".to_string());
    let shared = match read_text("xl/sharedStrings.xml")? {
        Some(x) => shared_strings(&x)?,
        None => Vec::new(),
    };
    let sheet = read_text(&sheet_path)?.ok_or(ImportError::new("import_xlsx_corrupt"))?;
    let parsed = parse_sheet(&sheet, &shared)?;
    // Merged cells inside the list (below the title) make the columns ambiguous.
    let lines: Vec<(usize, Vec<String>)> = parsed
        .rows
        .iter()
        .map(|(n, cells)| (*n, cells.iter().map(|c| c.text.clone()).collect()))
        .collect();
    // The CA's own import sheet (19 columns) is a Mẫu 01 list in its own layout.
    if lines
        .iter()
        .take(HEADER_SEARCH_LINES)
        .any(|(_, cells)| super::ca_sheet::is_ca_header(cells))
    {
        return if kind == FormKind::F01 {
            Ok(super::ca_sheet::rows_from_lines(&lines))
        } else {
            Err(ImportError::new("import_ca_sheet_not_01"))
        };
    }
    if let Some(h) = find_header(kind, &lines)
        && let Some((header_row, _)) = lines.get(h)
        && let Some(m) = parsed.merges.iter().find(|m| m.last_row >= *header_row)
    {
        return Err(
            ImportError::at("import_merged_cells", m.first_row).col(format!(
                "{}{}",
                column_letters(m.first_col),
                m.first_row
            )),
        );
    }
    let numbers: Vec<(usize, Vec<bool>)> = parsed
        .rows
        .iter()
        .map(|(n, cells)| (*n, cells.iter().map(|c| c.number).collect()))
        .collect();
    let numeric = |line: usize, col: usize| -> bool {
        numbers
            .binary_search_by_key(&line, |(n, _)| *n)
            .ok()
            .and_then(|i| numbers.get(i))
            .and_then(|(_, v)| v.get(col).copied())
            .unwrap_or(false)
    };
    rows_from_lines(kind, lines, &numeric)
}

fn first_sheet_path(workbook: &str, rels: &str) -> Option<String> {
    let mut r = Reader::new(workbook);
    let mut rid = None;
    while let Ok(Some(e)) = r.next_event() {
        if matches!(&e, Event::Start { name, .. } if name == "sheet") {
            rid = e.attr("id").map(str::to_string);
            break;
        }
    }
    let rid = rid?;
    let mut r = Reader::new(rels);
    while let Ok(Some(e)) = r.next_event() {
        if matches!(&e, Event::Start { name, .. } if name == "Relationship")
            && e.attr("Id") == Some(rid.as_str())
        {
            let target = e.attr("Target")?;
            return Some(if let Some(abs) = target.strip_prefix('/') {
                abs.to_string()
            } else {
                format!("xl/{target}")
            });
        }
    }
    None
}

fn xml_err(_: super::xml::XmlError) -> ImportError {
    ImportError::new("import_xlsx_corrupt")
}

fn shared_strings(xml: &str) -> Result<Vec<String>, ImportError> {
    let mut r = Reader::new(xml);
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    let mut in_t = false;
    let mut phonetic = 0u32;
    while let Some(e) = r.next_event().map_err(xml_err)? {
        match e {
            Event::Start { name, empty, .. } => match name.as_str() {
                "si" if empty => out.push(String::new()),
                "si" => cur = Some(String::new()),
                "t" if !empty => in_t = true,
                "rPh" if !empty => phonetic += 1,
                _ => {}
            },
            Event::End { name } => match name.as_str() {
                "si" => out.push(cur.take().unwrap_or_default()),
                "t" => in_t = false,
                "rPh" => phonetic = phonetic.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) => {
                if in_t
                    && phonetic == 0
                    && let Some(c) = cur.as_mut()
                {
                    c.push_str(&t);
                }
            }
        }
        if out.len() > 2_000_000 {
            return Err(ImportError::new("import_too_large"));
        }
    }
    Ok(out)
}

#[derive(Clone, Debug, Default)]
struct SheetCell {
    text: String,
    number: bool,
}

struct Merge {
    first_row: usize,
    last_row: usize,
    first_col: usize,
}

struct Sheet {
    rows: Vec<(usize, Vec<SheetCell>)>,
    merges: Vec<Merge>,
}

/// "AB12" → (column index 27, row 12).
fn cell_ref(r: &str) -> Option<(usize, usize)> {
    let letters: String = r.chars().take_while(char::is_ascii_alphabetic).collect();
    let digits = r.get(letters.len()..)?;
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut col = 0usize;
    for c in letters.chars() {
        col = col * 26 + usize::from(c.to_ascii_uppercase() as u8 - b'A' + 1);
    }
    Some((col - 1, digits.parse().ok()?))
}

/// Columns beyond this are refused (a sheet claiming column XFD would allocate).
const MAX_COLUMNS: usize = 200;
/// Sheet rows read at most (beyond the row cap, to name the line of the excess).
const MAX_SHEET_ROWS: usize = MAX_ROWS + HEADER_SEARCH_LINES + 2;

fn parse_sheet(xml: &str, shared: &[String]) -> Result<Sheet, ImportError> {
    let mut r = Reader::new(xml);
    let mut rows: Vec<(usize, Vec<SheetCell>)> = Vec::new();
    let mut merges = Vec::new();
    let mut row_no = 0usize;
    let mut cells: Vec<SheetCell> = Vec::new();
    let mut col = 0usize;
    let mut cell_type = String::new();
    let mut value = String::new();
    let mut in_value = false;
    let mut in_cell = false;
    let mut phonetic = 0u32;
    while let Some(e) = r.next_event().map_err(xml_err)? {
        match &e {
            Event::Start { name, empty, .. } => match name.as_str() {
                "row" => {
                    row_no = e
                        .attr("r")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(row_no + 1);
                    cells = Vec::new();
                    col = 0;
                    if *empty {
                        rows.push((row_no, Vec::new()));
                    }
                }
                "c" => {
                    if let Some((c, _)) = e.attr("r").and_then(cell_ref) {
                        col = c;
                    }
                    if col >= MAX_COLUMNS {
                        return Err(ImportError::at("import_too_many_columns", row_no)
                            .col(column_letters(col)));
                    }
                    cell_type = e.attr("t").unwrap_or("n").to_string();
                    value.clear();
                    in_cell = !*empty;
                    if *empty {
                        col += 1;
                    }
                }
                "v" | "t" if in_cell && !*empty => in_value = true,
                "rPh" if !*empty => phonetic += 1,
                "mergeCell" => {
                    if let Some(rf) = e.attr("ref") {
                        let (a, b) = rf.split_once(':').unwrap_or((rf, rf));
                        if let (Some((c1, r1)), Some((_, r2))) = (cell_ref(a), cell_ref(b)) {
                            merges.push(Merge {
                                first_row: r1,
                                last_row: r2,
                                first_col: c1,
                            });
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_value && phonetic == 0 => value.push_str(t),
            Event::Text(_) => {}
            Event::End { name } => match name.as_str() {
                "v" | "t" => in_value = false,
                "rPh" => phonetic = phonetic.saturating_sub(1),
                "c" if in_cell => {
                    in_cell = false;
                    let (text, number) = match cell_type.as_str() {
                        "s" => {
                            let idx: usize = value.trim().parse().map_err(|_| {
                                ImportError::at("import_xlsx_corrupt", row_no)
                                    .col(column_letters(col))
                            })?;
                            let s = shared.get(idx).ok_or_else(|| {
                                ImportError::at("import_xlsx_corrupt", row_no)
                                    .col(column_letters(col))
                            })?;
                            (s.clone(), false)
                        }
                        "b" => (
                            (if value.trim() == "1" { "x" } else { "" }).to_string(),
                            false,
                        ),
                        "e" => (String::new(), false),
                        "n" | "" => (number_text(&value), true),
                        _ => (value.clone(), false),
                    };
                    if cells.len() < col {
                        cells.resize(col, SheetCell::default());
                    }
                    cells.push(SheetCell { text, number });
                    col += 1;
                }
                "row" => {
                    rows.push((row_no, std::mem::take(&mut cells)));
                    if rows.len() > MAX_SHEET_ROWS {
                        // Enough to report the excess row; stop reading.
                        break;
                    }
                }
                _ => {}
            },
        }
    }
    rows.sort_by_key(|(n, _)| *n);
    Ok(Sheet { rows, merges })
}

/// "1088012345" stays; "1.5E+3" → "1500"; "12.0" → "12".
fn number_text(v: &str) -> String {
    let v = v.trim();
    match v.parse::<f64>() {
        Ok(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
        Ok(_) => v.to_string(),
        Err(_) => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
