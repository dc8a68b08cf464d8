//! Turning lines of cells into the form's rows: mapping columns, restoring codes
//! a spreadsheet stored as numbers, and splitting composite columns. Shared by the
//! CSV and XLSX readers, so separate from both.

use crate::rules::dates::Date;

use super::header::{Target, find_header, known_elsewhere, target_of};
use super::{HEADER_SEARCH_LINES, ImportError, MAX_CELL_CHARS, MAX_ROWS, column_letters};
use crate::forms::model::{Column, Field, FormKind, Row};
use crate::forms::nfc::nfc;

/// Turns lines of cells (with their line numbers) into rows of `kind`.
pub(super) fn rows_from_lines(
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
pub(super) fn fix_numeric(f: Field, v: String, was_number: bool) -> String {
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
pub(super) fn split_composite(col: &Column, v: &str, row: &mut Row) {
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
