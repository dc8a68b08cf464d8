//! XLSX lists: the first worksheet of the workbook, its shared strings, merged
//! cells and number cells. Separate from CSV: the two formats share only the rows
//! step.

use super::column_letters;
use super::header::find_header;
use super::rows::rows_from_lines;
use super::{HEADER_SEARCH_LINES, ImportError, MAX_IMPORT_BYTES, MAX_PART_BYTES, MAX_ROWS};
use crate::forms::model::{FormKind, Row};
use crate::forms::xml::{Event, Reader};
use crate::forms::zip::{Archive, ZipError};

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
        .any(|(_, cells)| crate::forms::ca_sheet::is_ca_header(cells))
    {
        return if kind == FormKind::F01 {
            Ok(crate::forms::ca_sheet::rows_from_lines(&lines))
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

pub(super) fn first_sheet_path(workbook: &str, rels: &str) -> Option<String> {
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

pub(super) fn xml_err(_: crate::forms::xml::XmlError) -> ImportError {
    ImportError::new("import_xlsx_corrupt")
}

pub(super) fn shared_strings(xml: &str) -> Result<Vec<String>, ImportError> {
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
pub(super) struct SheetCell {
    pub(super) text: String,
    pub(super) number: bool,
}

pub(super) struct Merge {
    pub(super) first_row: usize,
    pub(super) last_row: usize,
    pub(super) first_col: usize,
}

pub(super) struct Sheet {
    pub(super) rows: Vec<(usize, Vec<SheetCell>)>,
    pub(super) merges: Vec<Merge>,
}

/// "AB12" → (column index 27, row 12).
pub(super) fn cell_ref(r: &str) -> Option<(usize, usize)> {
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
pub(super) const MAX_COLUMNS: usize = 200;
/// Sheet rows read at most (beyond the row cap, to name the line of the excess).
pub(super) const MAX_SHEET_ROWS: usize = MAX_ROWS + HEADER_SEARCH_LINES + 2;

pub(super) fn parse_sheet(xml: &str, shared: &[String]) -> Result<Sheet, ImportError> {
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
pub(super) fn number_text(v: &str) -> String {
    let v = v.trim();
    match v.parse::<f64>() {
        Ok(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
        Ok(_) => v.to_string(),
        Err(_) => v.to_string(),
    }
}
