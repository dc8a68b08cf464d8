//! Cross-reference sections (ISO 32000-1 §7.5.4, §7.5.8): classic tables, xref
//! streams, and the object scan used when neither can be trusted.

use super::filter::{self, Budget, DecodeError};
use super::lexer::{self, Lexer, Spanned, Token};
use super::object::{self, Dict, ObjRef, Object, Parser, StreamContext};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum XrefEntry {
    Free,
    InUse { offset: usize, generation: u16 },
    Compressed { stream: u32, index: u32 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SectionKind {
    Table,
    Stream,
}

/// One cross-reference section and its trailer.
#[derive(Clone, Debug)]
pub(crate) struct Section {
    pub kind: SectionKind,
    pub entries: Vec<(u32, XrefEntry)>,
    pub trailer: Dict,
    pub prev: Option<usize>,
    pub xref_stm: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum XrefError {
    /// Neither `xref` nor an xref stream object at the offset.
    NotFound,
    Malformed,
    Decode(DecodeError),
}

/// Reads the section at `offset`: a table (`xref … trailer << >>`) or an xref stream.
pub(crate) fn read_section(
    bytes: &[u8],
    offset: usize,
    ctx: &dyn StreamContext,
    budget: &Budget,
) -> Result<Section, XrefError> {
    let mut lex = Lexer::new(bytes, offset);
    match lex.peek() {
        Ok(Spanned {
            tok: Token::Keyword(b"xref"),
            ..
        }) => read_table(bytes, offset, ctx),
        Ok(Spanned {
            tok: Token::Int(_), ..
        }) => read_stream(bytes, offset, ctx, budget),
        _ => Err(XrefError::NotFound),
    }
}

fn offset_of(v: Option<i64>) -> Option<usize> {
    v.and_then(|n| usize::try_from(n).ok())
}

fn read_table(bytes: &[u8], offset: usize, _ctx: &dyn StreamContext) -> Result<Section, XrefError> {
    let mut lex = Lexer::new(bytes, offset);
    let _ = lex.next_token(); // `xref`
    let mut entries = Vec::new();
    loop {
        let t = lex.next_token().map_err(|_| XrefError::Malformed)?;
        match t.tok {
            Token::Keyword(b"trailer") => break,
            Token::Int(start) => {
                let Ok(Spanned {
                    tok: Token::Int(count),
                    ..
                }) = lex.next_token()
                else {
                    return Err(XrefError::Malformed);
                };
                let start = u32::try_from(start).map_err(|_| XrefError::Malformed)?;
                let count = usize::try_from(count).map_err(|_| XrefError::Malformed)?;
                // Each entry takes at least 6 bytes ("0 0 n "): a count beyond that is
                // a lie that must not drive a loop or an allocation.
                if count > bytes.len().saturating_sub(lex.pos()) / 6 + 1 {
                    return Err(XrefError::Malformed);
                }
                for j in 0..count {
                    let num = u32::try_from(j)
                        .ok()
                        .and_then(|j| start.checked_add(j))
                        .ok_or(XrefError::Malformed)?;
                    // Fast path for the standard 20-byte entry `oooooooooo ggggg n`.
                    lex.skip_ws();
                    if let Some((entry, len)) = fixed_entry(bytes, lex.pos()) {
                        entries.push((num, entry));
                        lex.set_pos(lex.pos() + len);
                        continue;
                    }
                    let off = lex.next_token().map_err(|_| XrefError::Malformed)?;
                    let generation = lex.next_token().map_err(|_| XrefError::Malformed)?;
                    let kind = lex.next_token().map_err(|_| XrefError::Malformed)?;
                    let (Token::Int(off), Token::Int(generation)) = (off.tok, generation.tok)
                    else {
                        return Err(XrefError::Malformed);
                    };
                    let generation = u16::try_from(generation).unwrap_or(u16::MAX);
                    let entry = match kind.tok {
                        Token::Keyword(b"n") => match usize::try_from(off) {
                            Ok(o) if o > 0 => XrefEntry::InUse {
                                offset: o,
                                generation,
                            },
                            _ => XrefEntry::Free,
                        },
                        Token::Keyword(b"f") => XrefEntry::Free,
                        _ => return Err(XrefError::Malformed),
                    };
                    entries.push((num, entry));
                }
            }
            _ => return Err(XrefError::Malformed),
        }
    }
    let mut p = Parser::new(bytes, lex.pos(), true);
    let trailer = match p.parse_object() {
        Ok(Object::Dict(d)) => d,
        _ => return Err(XrefError::Malformed),
    };
    Ok(Section {
        kind: SectionKind::Table,
        entries,
        prev: offset_of(trailer.int(b"Prev")),
        xref_stm: offset_of(trailer.int(b"XRefStm")),
        trailer,
    })
}

/// `oooooooooo ggggg n|f` at `at`, followed by a delimiter: the entry and its length.
fn fixed_entry(bytes: &[u8], at: usize) -> Option<(XrefEntry, usize)> {
    let e = bytes.get(at..at + 18)?;
    let digits = |r: core::ops::Range<usize>| -> Option<u64> {
        let d = e.get(r)?;
        if !d.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(d.iter().fold(0u64, |a, &c| a * 10 + u64::from(c - b'0')))
    };
    let off = digits(0..10)?;
    if e.get(10) != Some(&b' ') || e.get(16) != Some(&b' ') {
        return None;
    }
    let generation = digits(11..16)?;
    if bytes.get(at + 18).is_some_and(|&c| lexer::is_regular(c)) {
        return None;
    }
    let generation = u16::try_from(generation).unwrap_or(u16::MAX);
    let entry = match e.get(17) {
        Some(b'n') => match usize::try_from(off) {
            Ok(o) if o > 0 => XrefEntry::InUse {
                offset: o,
                generation,
            },
            _ => XrefEntry::Free,
        },
        Some(b'f') => XrefEntry::Free,
        _ => return None,
    };
    Some((entry, 18))
}

fn read_stream(
    bytes: &[u8],
    offset: usize,
    ctx: &dyn StreamContext,
    budget: &Budget,
) -> Result<Section, XrefError> {
    let (_, obj) = object::parse_indirect(bytes, offset, ctx).map_err(|_| XrefError::NotFound)?;
    let Object::Stream(stream) = obj else {
        return Err(XrefError::NotFound);
    };
    let dict = &stream.dict;
    if dict.name(b"Type").is_some_and(|t| t != b"XRef") {
        return Err(XrefError::NotFound);
    }
    let w: Vec<usize> = dict
        .get(b"W")
        .and_then(Object::as_array)
        .ok_or(XrefError::Malformed)?
        .iter()
        .map(|o| o.as_int().and_then(|n| usize::try_from(n).ok()))
        .collect::<Option<_>>()
        .ok_or(XrefError::Malformed)?;
    let [w0, w1, w2] = w.as_slice() else {
        return Err(XrefError::Malformed);
    };
    let (w0, w1, w2) = (*w0, *w1, *w2);
    if w0 > 8 || w1 > 8 || w2 > 8 || w1 == 0 {
        return Err(XrefError::Malformed);
    }
    let row = w0 + w1 + w2;
    let size = dict.int(b"Size").unwrap_or(0);
    let index: Vec<i64> = match dict.get(b"Index").and_then(Object::as_array) {
        Some(a) => a
            .iter()
            .map(Object::as_int)
            .collect::<Option<_>>()
            .ok_or(XrefError::Malformed)?,
        None => vec![0, size],
    };
    if !index.len().is_multiple_of(2) {
        return Err(XrefError::Malformed);
    }
    let raw = bytes
        .get(stream.data.0..stream.data.1)
        .ok_or(XrefError::Malformed)?;
    let data = filter::decode(raw, dict, budget).map_err(XrefError::Decode)?;
    let rows = data.len() / row;
    let mut entries = Vec::new();
    let mut r = 0usize;
    for pair in index.chunks(2) {
        let (Some(&start), Some(&count)) = (pair.first(), pair.get(1)) else {
            break;
        };
        let start = u32::try_from(start).map_err(|_| XrefError::Malformed)?;
        let count = usize::try_from(count).map_err(|_| XrefError::Malformed)?;
        for j in 0..count.min(rows.saturating_sub(r)) {
            let at = r * row;
            let field = |from: usize, width: usize| -> u64 {
                data.get(at + from..at + from + width)
                    .unwrap_or_default()
                    .iter()
                    .fold(0u64, |acc, &b| acc << 8 | u64::from(b))
            };
            let ty = if w0 == 0 { 1 } else { field(0, w0) };
            let f1 = field(w0, w1);
            let f2 = field(w0 + w1, w2);
            r += 1;
            let Some(num) = u32::try_from(j).ok().and_then(|j| start.checked_add(j)) else {
                break;
            };
            let entry = match ty {
                0 => XrefEntry::Free,
                1 => match usize::try_from(f1) {
                    Ok(o) if o > 0 => XrefEntry::InUse {
                        offset: o,
                        generation: u16::try_from(f2).unwrap_or(u16::MAX),
                    },
                    _ => XrefEntry::Free,
                },
                2 => match (u32::try_from(f1), u32::try_from(f2)) {
                    (Ok(stream), Ok(index)) => XrefEntry::Compressed { stream, index },
                    _ => XrefEntry::Free,
                },
                // Unknown types are references to null (§7.5.8.3).
                _ => continue,
            };
            entries.push((num, entry));
        }
    }
    Ok(Section {
        kind: SectionKind::Stream,
        entries,
        prev: offset_of(dict.int(b"Prev")),
        xref_stm: None,
        trailer: stream.dict,
    })
}

/// Every `n g obj` header in the file, in file order: the raw material for rebuilding
/// a cross-reference when the real one is broken. One linear pass.
pub(crate) fn scan_objects(bytes: &[u8]) -> Vec<(usize, ObjRef)> {
    let mut out = Vec::new();
    for at in lexer::find_all(bytes, b"obj") {
        if bytes.get(at + 3).is_some_and(|&c| lexer::is_regular(c)) {
            continue;
        }
        // Walk back over `ws generation ws num`.
        let mut i = at;
        let back_ws = |i: &mut usize| {
            let s = *i;
            while *i > 0 && bytes.get(*i - 1).is_some_and(|&c| lexer::is_whitespace(c)) {
                *i -= 1;
            }
            *i < s
        };
        let back_digits = |i: &mut usize| {
            let s = *i;
            while *i > 0 && bytes.get(*i - 1).is_some_and(u8::is_ascii_digit) && s - *i < 10 {
                *i -= 1;
            }
            *i < s
        };
        if !back_ws(&mut i) || !back_digits(&mut i) {
            continue;
        }
        if !back_ws(&mut i) || !back_digits(&mut i) {
            continue;
        }
        if i > 0 && bytes.get(i - 1).is_some_and(|&c| lexer::is_regular(c)) {
            continue;
        }
        let mut lex = Lexer::new(bytes, i);
        if let Some(r) = object::parse_header(&mut lex) {
            out.push((i, r));
        }
    }
    out
}

/// The dictionaries following each `trailer` keyword before `end`, in file order.
pub(crate) fn scan_trailers(bytes: &[u8], end: usize) -> Vec<Dict> {
    let mut out = Vec::new();
    for at in lexer::find_all(bytes.get(..end).unwrap_or(bytes), b"trailer") {
        let mut p = Parser::new(bytes, at + 7, true);
        if let Ok(Object::Dict(d)) = p.parse_object() {
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::filter::MAX_TOTAL_DECODED;

    struct NoCtx;
    impl StreamContext for NoCtx {
        fn length_of(&self, _: ObjRef) -> Option<i64> {
            None
        }
        fn endstream_at_or_after(&self, _: usize) -> Option<usize> {
            None
        }
    }

    #[test]
    fn table() {
        let s = b"xref\n0 2\n0000000000 65535 f\r\n0000000017 00000 n\r\n5 1\n0000000099 00002 n \ntrailer\n<< /Size 6 /Root 1 0 R /Prev 7 >>\n";
        let sec = read_section(s, 0, &NoCtx, &Budget::new(MAX_TOTAL_DECODED)).unwrap();
        assert_eq!(sec.kind, SectionKind::Table);
        assert_eq!(
            sec.entries,
            vec![
                (0, XrefEntry::Free),
                (
                    1,
                    XrefEntry::InUse {
                        offset: 17,
                        generation: 0
                    }
                ),
                (
                    5,
                    XrefEntry::InUse {
                        offset: 99,
                        generation: 2
                    }
                ),
            ]
        );
        assert_eq!(sec.prev, Some(7));
    }

    #[test]
    fn table_with_absurd_count_is_refused_quickly() {
        let s = b"xref\n0 4000000000\n0000000000 65535 f\r\ntrailer<<>>";
        assert_eq!(
            read_section(s, 0, &NoCtx, &Budget::new(MAX_TOTAL_DECODED)).unwrap_err(),
            XrefError::Malformed
        );
    }

    #[test]
    fn scan() {
        let s = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n 12 3 obj null endobj x4 0 obj 5 0 objx";
        let found = scan_objects(s);
        assert_eq!(
            found,
            vec![
                (
                    9,
                    ObjRef {
                        num: 1,
                        generation: 0
                    }
                ),
                (
                    30,
                    ObjRef {
                        num: 12,
                        generation: 3
                    }
                )
            ]
        );
    }
}
