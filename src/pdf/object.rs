//! PDF objects (ISO 32000-1 §7.3) and the parser that builds them from tokens.
//!
//! Strings keep the span of their token in the file, because the signature's
//! `/Contents` must be located exactly; streams keep the byte range of their raw data
//! rather than a copy, because a 100 MB scan should not be copied to be read.

use std::borrow::Cow;

use super::crypt::StreamCrypt;
use super::lexer::{LexError, Lexer, Spanned, Token};

/// Nesting deeper than this is refused: no honest document needs it, and unbounded
/// recursion is how a tiny file exhausts a browser tab's stack.
pub const MAX_DEPTH: usize = 64;

/// An indirect reference `num generation R`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct ObjRef {
    pub num: u32,
    pub generation: u16,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Object {
    Null,
    Bool(bool),
    Int(i64),
    Real(f64),
    /// An integer too large for 64 bits.
    BigNumber,
    String(PdfString),
    Name(Vec<u8>),
    Array(Vec<Object>),
    Dict(Dict),
    Stream(Stream),
    Ref(ObjRef),
}

#[derive(Clone, Debug, PartialEq)]
pub struct PdfString {
    pub bytes: Vec<u8>,
    pub hex: bool,
    /// `[start, end)` of the token in the file, delimiters included. `None` for strings
    /// read from a decompressed object stream, which have no place in the file.
    pub span: Option<(usize, usize)>,
}

/// A dictionary, in file order. Duplicate keys are kept and flagged: readers disagree
/// on which one wins, and an attacker can use that disagreement.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Dict {
    entries: Vec<(Vec<u8>, Object)>,
    duplicate_keys: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stream {
    pub dict: Dict,
    /// `[start, end)` of the raw (still encoded) data in the file.
    pub data: (usize, usize),
    /// The `/Length` was wrong or unusable and the data was delimited by `endstream`.
    pub length_recovered: bool,
    /// The data is encrypted with this object's key (the document is encrypted and
    /// the reader could decrypt it); `None` for data stored as it is.
    pub(crate) crypt: Option<StreamCrypt>,
}

impl Stream {
    /// The data as the filters see it: the raw bytes of `file`, decrypted when the
    /// stream is encrypted. `None` when the range is not inside `file`.
    pub(crate) fn encoded<'b>(&self, file: &'b [u8]) -> Option<Cow<'b, [u8]>> {
        let raw = file.get(self.data.0..self.data.1)?;
        Some(match &self.crypt {
            Some(c) => Cow::Owned(c.stream(&self.dict, raw)),
            None => Cow::Borrowed(raw),
        })
    }
}

impl Dict {
    /// The value of `key`; for a duplicated key, the last one (as most viewers do).
    pub fn get(&self, key: &[u8]) -> Option<&Object> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    pub fn entries(&self) -> &[(Vec<u8>, Object)] {
        &self.entries
    }

    pub(crate) fn entries_mut(&mut self) -> &mut [(Vec<u8>, Object)] {
        &mut self.entries
    }

    pub fn has_duplicate_keys(&self) -> bool {
        self.duplicate_keys
    }

    pub fn name(&self, key: &[u8]) -> Option<&[u8]> {
        self.get(key).and_then(Object::as_name)
    }

    pub fn int(&self, key: &[u8]) -> Option<i64> {
        self.get(key).and_then(Object::as_int)
    }

    pub fn is_type(&self, ty: &[u8]) -> bool {
        self.name(b"Type") == Some(ty)
    }

    pub(crate) fn push(&mut self, key: Vec<u8>, value: Object) {
        if !self.duplicate_keys && self.entries.iter().any(|(k, _)| *k == key) {
            self.duplicate_keys = true;
        }
        self.entries.push((key, value));
    }

    #[cfg(test)]
    pub(crate) fn from_entries(entries: Vec<(&[u8], Object)>) -> Self {
        let mut d = Dict::default();
        for (k, v) in entries {
            d.push(k.to_vec(), v);
        }
        d
    }
}

impl Object {
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Object::Int(i) => Some(*i),
            _ => None,
        }
    }

    pub fn as_name(&self) -> Option<&[u8]> {
        match self {
            Object::Name(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Object]> {
        match self {
            Object::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The dictionary of a dictionary or of a stream.
    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Object::Dict(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    pub fn as_stream(&self) -> Option<&Stream> {
        match self {
            Object::Stream(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_ref(&self) -> Option<ObjRef> {
        match self {
            Object::Ref(r) => Some(*r),
            _ => None,
        }
    }

    pub fn as_string(&self) -> Option<&PdfString> {
        match self {
            Object::String(s) => Some(s),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParseError {
    Lex(LexError),
    TooDeep {
        at: usize,
    },
    Unexpected {
        at: usize,
    },
    /// `n g obj` expected and not found.
    NotAnObject {
        at: usize,
    },
    /// A stream whose end could not be found.
    UnterminatedStream {
        at: usize,
    },
}

impl From<LexError> for ParseError {
    fn from(e: LexError) -> Self {
        ParseError::Lex(e)
    }
}

pub(crate) struct Parser<'a> {
    lex: Lexer<'a>,
    keep_spans: bool,
}

impl<'a> Parser<'a> {
    /// `keep_spans`: record string positions (true for the file itself, false for the
    /// decompressed contents of an object stream).
    pub fn new(bytes: &'a [u8], pos: usize, keep_spans: bool) -> Self {
        Parser {
            lex: Lexer::new(bytes, pos),
            keep_spans,
        }
    }

    pub fn parse_object(&mut self) -> Result<Object, ParseError> {
        let t = self.lex.next_token()?;
        self.object_from(t, 0)
    }

    fn object_from(&mut self, t: Spanned<'a>, depth: usize) -> Result<Object, ParseError> {
        Ok(match t.tok {
            Token::Int(n) => self.maybe_ref(n),
            Token::Real(f) => Object::Real(f),
            Token::BigNumber => Object::BigNumber,
            Token::Name(n) => Object::Name(n),
            Token::Str { bytes, hex } => Object::String(PdfString {
                bytes,
                hex,
                span: self.keep_spans.then_some((t.start, t.end)),
            }),
            Token::ArrayOpen => {
                if depth >= MAX_DEPTH {
                    return Err(ParseError::TooDeep { at: t.start });
                }
                let mut items = Vec::new();
                loop {
                    let n = self.lex.next_token()?;
                    if n.tok == Token::ArrayClose {
                        break;
                    }
                    items.push(self.object_from(n, depth + 1)?);
                }
                Object::Array(items)
            }
            Token::DictOpen => {
                if depth >= MAX_DEPTH {
                    return Err(ParseError::TooDeep { at: t.start });
                }
                Object::Dict(self.dict_body(depth)?)
            }
            Token::Keyword(b"true") => Object::Bool(true),
            Token::Keyword(b"false") => Object::Bool(false),
            Token::Keyword(b"null") => Object::Null,
            _ => return Err(ParseError::Unexpected { at: t.start }),
        })
    }

    fn maybe_ref(&mut self, n: i64) -> Object {
        let save = self.lex.pos();
        if let (
            Ok(num),
            Ok(Spanned {
                tok: Token::Int(g), ..
            }),
        ) = (u32::try_from(n), self.lex.next_token())
            && let Ok(generation) = u16::try_from(g)
            && let Ok(Spanned {
                tok: Token::Keyword(b"R"),
                ..
            }) = self.lex.next_token()
        {
            return Object::Ref(ObjRef { num, generation });
        }
        self.lex.set_pos(save);
        Object::Int(n)
    }

    fn dict_body(&mut self, depth: usize) -> Result<Dict, ParseError> {
        let mut d = Dict::default();
        loop {
            let t = self.lex.next_token()?;
            match t.tok {
                Token::DictClose => break,
                Token::Name(key) => {
                    let v = self.lex.next_token()?;
                    if v.tok == Token::DictClose {
                        // `/Key >>`: a key without a value, read as null.
                        d.push(key, Object::Null);
                        break;
                    }
                    let value = self.object_from(v, depth + 1)?;
                    d.push(key, value);
                }
                _ => return Err(ParseError::Unexpected { at: t.start }),
            }
        }
        Ok(d)
    }
}

/// What parsing an indirect object needs from the document: the value of an indirect
/// `/Length`, and where the next `endstream` keyword is when the length is wrong.
pub(crate) trait StreamContext {
    fn length_of(&self, r: ObjRef) -> Option<i64>;
    fn endstream_at_or_after(&self, from: usize) -> Option<usize>;
}

/// Reads `num generation obj … [stream … endstream] endobj` starting at `offset`.
pub(crate) fn parse_indirect(
    bytes: &[u8],
    offset: usize,
    ctx: &dyn StreamContext,
) -> Result<(ObjRef, Object), ParseError> {
    let mut p = Parser::new(bytes, offset, true);
    let header = parse_header(&mut p.lex).ok_or(ParseError::NotAnObject { at: offset })?;
    let first = p.lex.next_token()?;
    let obj = p.object_from(first, 0)?;
    let Object::Dict(dict) = obj else {
        return Ok((header, obj));
    };
    let after_dict = p.lex.pos();
    match p.lex.next_token() {
        Ok(Spanned {
            tok: Token::Keyword(b"stream"),
            end,
            ..
        }) => {
            let mut start = end;
            if bytes.get(start) == Some(&b'\r') {
                start += 1;
            }
            if bytes.get(start) == Some(&b'\n') {
                start += 1;
            }
            let stream = read_stream_data(bytes, dict, start, ctx)?;
            Ok((header, Object::Stream(stream)))
        }
        _ => {
            p.lex.set_pos(after_dict);
            Ok((header, Object::Dict(dict)))
        }
    }
}

/// `n g obj`, returning the reference it declares.
pub(crate) fn parse_header(lex: &mut Lexer<'_>) -> Option<ObjRef> {
    let Ok(Spanned {
        tok: Token::Int(n), ..
    }) = lex.next_token()
    else {
        return None;
    };
    let Ok(Spanned {
        tok: Token::Int(g), ..
    }) = lex.next_token()
    else {
        return None;
    };
    let Ok(Spanned {
        tok: Token::Keyword(b"obj"),
        ..
    }) = lex.next_token()
    else {
        return None;
    };
    Some(ObjRef {
        num: u32::try_from(n).ok()?,
        generation: u16::try_from(g).ok()?,
    })
}

fn read_stream_data(
    bytes: &[u8],
    dict: Dict,
    start: usize,
    ctx: &dyn StreamContext,
) -> Result<Stream, ParseError> {
    let declared = match dict.get(b"Length") {
        Some(Object::Int(n)) => Some(*n),
        Some(Object::Ref(r)) => ctx.length_of(*r),
        _ => None,
    };
    if let Some(len) = declared.and_then(|n| usize::try_from(n).ok())
        && let Some(end) = start.checked_add(len)
        && end <= bytes.len()
        && ends_with_endstream(bytes, end)
    {
        return Ok(Stream {
            dict,
            data: (start, end),
            length_recovered: false,
            crypt: None,
        });
    }
    // The length is missing, wrong or absurd: delimit the data by the next
    // `endstream`, minus the end-of-line that precedes it.
    let at = ctx
        .endstream_at_or_after(start)
        .ok_or(ParseError::UnterminatedStream { at: start })?;
    let mut end = at;
    if end > start && bytes.get(end - 1) == Some(&b'\n') {
        end -= 1;
    }
    if end > start && bytes.get(end - 1) == Some(&b'\r') {
        end -= 1;
    }
    Ok(Stream {
        dict,
        data: (start, end),
        length_recovered: true,
        crypt: None,
    })
}

fn ends_with_endstream(bytes: &[u8], end: usize) -> bool {
    let mut lex = Lexer::new(bytes, end);
    lex.skip_ws();
    let p = lex.pos();
    bytes.get(p..p + 9) == Some(b"endstream")
}

/// Structural equality ignoring positions: the same value written twice in different
/// places is not a change. Stream data is compared byte for byte, after decryption
/// (AES draws a new IV each time a writer encrypts the same data again).
pub(crate) fn same_content(a: &Object, b: &Object, bytes: &[u8]) -> bool {
    match (a, b) {
        (Object::String(x), Object::String(y)) => x.bytes == y.bytes,
        (Object::Array(x), Object::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_content(p, q, bytes))
        }
        (Object::Dict(x), Object::Dict(y)) => same_dict(x, y, bytes),
        (Object::Stream(x), Object::Stream(y)) => {
            same_dict_except_length(&x.dict, &y.dict, bytes) && x.encoded(bytes) == y.encoded(bytes)
        }
        (Object::Real(x), Object::Real(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

/// Two dictionaries say the same thing: the same keys with the same values, in any
/// order. A dictionary is a map (ISO 32000-1 §7.3.7), and writers that rewrite an
/// object for an incremental update (to add `/Annots` to a page, say) often emit its
/// keys in another order; comparing in order would call that a change of every key.
/// Duplicated keys are ambiguous (viewers differ on which one wins): such
/// dictionaries are only equal entry by entry, in order.
pub(crate) fn same_dict(x: &Dict, y: &Dict, bytes: &[u8]) -> bool {
    same_entries(x, y, bytes, |_| true)
}

/// Two streams with identical data may state their length differently (direct or
/// indirect); the data comparison already covers what the length delimits.
fn same_dict_except_length(x: &Dict, y: &Dict, bytes: &[u8]) -> bool {
    same_entries(x, y, bytes, |k| k != b"Length")
}

fn same_entries(x: &Dict, y: &Dict, bytes: &[u8], keep: impl Fn(&[u8]) -> bool) -> bool {
    let xs: Vec<&(Vec<u8>, Object)> = x.entries.iter().filter(|(k, _)| keep(k)).collect();
    let ys: Vec<&(Vec<u8>, Object)> = y.entries.iter().filter(|(k, _)| keep(k)).collect();
    if xs.len() != ys.len() {
        return false;
    }
    if x.duplicate_keys || y.duplicate_keys {
        return xs
            .iter()
            .zip(&ys)
            .all(|((k1, v1), (k2, v2))| k1 == k2 && same_content(v1, v2, bytes));
    }
    // Keys are unique here; a map keeps large (hostile) dictionaries linear.
    let ys: std::collections::HashMap<&[u8], &Object> =
        ys.iter().map(|(k, v)| (k.as_slice(), v)).collect();
    xs.iter().all(|(k, v1)| {
        ys.get(k.as_slice())
            .is_some_and(|v2| same_content(v1, v2, bytes))
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    struct NoCtx;
    impl StreamContext for NoCtx {
        fn length_of(&self, _: ObjRef) -> Option<i64> {
            None
        }
        fn endstream_at_or_after(&self, _: usize) -> Option<usize> {
            None
        }
    }

    struct Scan<'a>(&'a [u8]);
    impl StreamContext for Scan<'_> {
        fn length_of(&self, _: ObjRef) -> Option<i64> {
            Some(1_000_000_000_000)
        }
        fn endstream_at_or_after(&self, from: usize) -> Option<usize> {
            super::super::lexer::find(self.0, b"endstream", from)
        }
    }

    pub(crate) fn parse(s: &[u8]) -> Result<Object, ParseError> {
        Parser::new(s, 0, true).parse_object()
    }

    #[test]
    fn objects() {
        let o =
            parse(b"<< /A [1 2 0 R 3 /N (s) <00ff>] /B << /C true /D null >> /E -1.5 >>").unwrap();
        let d = o.as_dict().unwrap();
        let a = d.get(b"A").unwrap().as_array().unwrap();
        assert_eq!(a[0], Object::Int(1));
        assert_eq!(
            a[1],
            Object::Ref(ObjRef {
                num: 2,
                generation: 0
            })
        );
        assert_eq!(a[2], Object::Int(3));
        assert_eq!(a[5].as_string().unwrap().bytes, vec![0, 255]);
        assert_eq!(a[5].as_string().unwrap().span, Some((24, 30)));
        assert_eq!(d.get(b"E"), Some(&Object::Real(-1.5)));
        assert!(!d.has_duplicate_keys());
    }

    #[test]
    fn duplicate_keys_flagged_last_wins() {
        let o = parse(b"<< /A 1 /A 2 >>").unwrap();
        let d = o.as_dict().unwrap();
        assert!(d.has_duplicate_keys());
        assert_eq!(d.int(b"A"), Some(2));
    }

    #[test]
    fn deep_nesting_refused() {
        let mut s = vec![b'['; 10_000];
        s.extend(vec![b']'; 10_000]);
        assert!(matches!(parse(&s), Err(ParseError::TooDeep { .. })));
        let mut s = b"<< /A ".repeat(5000);
        s.extend(b">>".repeat(5000));
        assert!(matches!(parse(&s), Err(ParseError::TooDeep { .. })));
    }

    #[test]
    fn stream_with_good_and_bad_length() {
        let s = b"4 0 obj << /Length 5 >> stream\r\nhello\r\nendstream endobj";
        let (r, o) = parse_indirect(s, 0, &NoCtx).unwrap();
        assert_eq!(
            r,
            ObjRef {
                num: 4,
                generation: 0
            }
        );
        let st = o.as_stream().unwrap();
        assert_eq!(&s[st.data.0..st.data.1], b"hello");
        assert!(!st.length_recovered);

        let s = b"4 0 obj << /Length 9 0 R >> stream\nhello world\nendstream endobj";
        let (_, o) = parse_indirect(s, 0, &Scan(s)).unwrap();
        let st = o.as_stream().unwrap();
        assert_eq!(&s[st.data.0..st.data.1], b"hello world");
        assert!(st.length_recovered);

        let s = b"4 0 obj << /Length 99999999999999999999 >> stream\nabc";
        assert!(matches!(
            parse_indirect(s, 0, &NoCtx),
            Err(ParseError::UnterminatedStream { .. })
        ));
    }

    #[test]
    fn same_content_ignores_key_order_but_not_duplicates() {
        let a = parse(b"<< /A 1 /B (x) >>").unwrap();
        let b = parse(b"<< /B <78> /A 1 >>").unwrap();
        assert!(same_content(&a, &b, b""));
        let c = parse(b"<< /B (x) /A 2 >>").unwrap();
        assert!(!same_content(&a, &c, b""));
        let d = parse(b"<< /A 1 /B (x) /C 3 >>").unwrap();
        assert!(!same_content(&a, &d, b""));
        // With a duplicated key, only the same entries in the same order are equal.
        let e = parse(b"<< /A 1 /A 2 >>").unwrap();
        let f = parse(b"<< /A 2 /A 1 >>").unwrap();
        assert!(!same_content(&e, &f, b""));
        assert!(same_content(&e, &e.clone(), b""));
    }

    #[test]
    fn same_content_ignores_position() {
        let a = parse(b"<< /A (x) >>").unwrap();
        let b = parse(b"   << /A <78> >>").unwrap();
        assert!(same_content(&a, &b, b""));
        let c = parse(b"<< /A (y) >>").unwrap();
        assert!(!same_content(&a, &c, b""));
    }
}
