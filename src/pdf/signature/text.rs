//! PDF text strings and dates (ISO 32000-1 §7.9.2, §7.9.4), as written in signature
//! dictionaries and field names.

use crate::time::Instant;

/// Decodes a PDF text string (§7.9.2.2): UTF-16BE with BOM, UTF-8 with BOM, or
/// PDFDocEncoding.
pub fn text_string(b: &[u8]) -> String {
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| {
                u16::from_be_bytes([
                    c.first().copied().unwrap_or(0),
                    c.get(1).copied().unwrap_or(0),
                ])
            })
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    b.iter().map(|&c| pdfdoc_char(c)).collect()
}

fn pdfdoc_char(c: u8) -> char {
    const HIGH: [char; 33] = [
        '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘', '’', '‚',
        '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\u{FFFD}', '€',
    ];
    match c {
        0x80..=0xA0 => HIGH
            .get(usize::from(c - 0x80))
            .copied()
            .unwrap_or('\u{FFFD}'),
        _ => char::from(c),
    }
}

/// Reads a PDF date `D:YYYYMMDDHHmmSSOHH'mm'` (§7.9.4). Only the year is required.
pub fn parse_pdf_date(s: &str) -> Option<Instant> {
    let s = s.trim();
    let s = s.strip_prefix("D:").unwrap_or(s);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits < 4 || digits % 2 != 0 || digits > 14 {
        return None;
    }
    let num = |from: usize, default: u32| -> Option<u32> {
        if from + 2 > digits {
            return Some(default);
        }
        s.get(from..from + 2)?.parse().ok()
    };
    let year: i64 = s.get(0..4)?.parse().ok()?;
    let base = Instant::from_civil(
        year,
        num(4, 1)?,
        num(6, 1)?,
        num(8, 0)?,
        num(10, 0)?,
        num(12, 0)?,
    )?;
    let rest = s.get(digits..)?;
    let offset: i64 = match rest.as_bytes().first() {
        None | Some(b'Z') => 0,
        Some(&sign @ (b'+' | b'-')) => {
            let t: String = rest.get(1..)?.chars().filter(|c| *c != '\'').collect();
            let hh: i64 = t.get(0..2)?.parse().ok()?;
            let mm: i64 = if t.len() >= 4 {
                t.get(2..4)?.parse().ok()?
            } else {
                0
            };
            if hh > 23 || mm > 59 {
                return None;
            }
            let secs = hh * 3600 + mm * 60;
            if sign == b'+' { secs } else { -secs }
        }
        _ => return None,
    };
    base.checked_add_secs(-offset)
}
