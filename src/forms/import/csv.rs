//! CSV lists: text decoding (UTF-8 with or without BOM, UTF-16), delimiter sniffing
//! and quoted fields. Separate from XLSX: the two formats share only the rows step.

use super::rows::rows_from_lines;
use super::{HEADER_SEARCH_LINES, ImportError, MAX_IMPORT_BYTES, MAX_ROWS};
use crate::forms::model::{FormKind, Row};

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

pub(super) fn decode_text(bytes: &[u8]) -> Result<String, ImportError> {
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
pub(super) fn sniff_delimiter(text: &str) -> char {
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
pub(super) fn parse_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
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
