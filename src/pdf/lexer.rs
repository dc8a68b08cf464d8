//! Tokens of the PDF syntax (ISO 32000-1 §7.2–7.3), each with the byte offsets it
//! occupies.
//!
//! Offsets matter more here than in an ordinary reader: a signature's `/ByteRange`
//! must leave out exactly the `/Contents` hex string, so the reader has to know where
//! that token starts and ends in the file, byte for byte.

/// PDF white-space characters (Table 1): NUL, TAB, LF, FF, CR, SPACE.
pub(crate) fn is_whitespace(b: u8) -> bool {
    matches!(b, 0 | 9 | 10 | 12 | 13 | 32)
}

/// PDF delimiters (Table 2).
pub(crate) fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

pub(crate) fn is_regular(b: u8) -> bool {
    !is_whitespace(b) && !is_delimiter(b)
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Token<'a> {
    Int(i64),
    Real(f64),
    /// An integer that does not fit in 64 bits. Kept apart so that a `/ByteRange`
    /// entry is never silently rounded into a plausible number.
    BigNumber,
    Name(Vec<u8>),
    /// A string literal `( … )` or hex string `< … >`, decoded.
    Str {
        bytes: Vec<u8>,
        hex: bool,
    },
    ArrayOpen,
    ArrayClose,
    DictOpen,
    DictClose,
    /// `true`, `obj`, `R`, `stream`, `xref`, … and any other run of regular characters.
    Keyword(&'a [u8]),
}

/// A token and the half-open byte range `[start, end)` it occupies.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Spanned<'a> {
    pub tok: Token<'a>,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LexError {
    /// The input ended before the token did (or before any token).
    Eof,
    /// A character that cannot start a token (`)`, `{`, a lone `>`).
    Unexpected { at: usize },
    /// A hex string with a character that is neither a hex digit nor white space.
    BadHexString { at: usize },
}

pub(crate) struct Lexer<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(bytes: &'a [u8], pos: usize) -> Self {
        Lexer { bytes, pos }
    }

    pub fn pos(&self) -> usize {
        self.pos
    }

    pub fn set_pos(&mut self, pos: usize) {
        self.pos = pos;
    }

    /// Skips white space and comments.
    pub fn skip_ws(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if is_whitespace(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(&c) = self.bytes.get(self.pos) {
                    if c == b'\r' || c == b'\n' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    pub fn peek(&mut self) -> Result<Spanned<'a>, LexError> {
        let save = self.pos;
        let t = self.next_token();
        self.pos = save;
        t
    }

    pub fn next_token(&mut self) -> Result<Spanned<'a>, LexError> {
        self.skip_ws();
        let start = self.pos;
        let b = *self.bytes.get(start).ok_or(LexError::Eof)?;
        let tok = match b {
            b'[' => {
                self.pos += 1;
                Token::ArrayOpen
            }
            b']' => {
                self.pos += 1;
                Token::ArrayClose
            }
            b'<' if self.bytes.get(start + 1) == Some(&b'<') => {
                self.pos += 2;
                Token::DictOpen
            }
            b'>' if self.bytes.get(start + 1) == Some(&b'>') => {
                self.pos += 2;
                Token::DictClose
            }
            b'<' => self.hex_string()?,
            b'(' => self.literal_string()?,
            b'/' => self.name(),
            b')' | b'>' | b'{' | b'}' => return Err(LexError::Unexpected { at: start }),
            _ => {
                while self.bytes.get(self.pos).is_some_and(|&c| is_regular(c)) {
                    self.pos += 1;
                }
                let word = self.bytes.get(start..self.pos).unwrap_or_default();
                number(word).unwrap_or(Token::Keyword(word))
            }
        };
        Ok(Spanned {
            tok,
            start,
            end: self.pos,
        })
    }

    fn name(&mut self) -> Token<'a> {
        self.pos += 1;
        let mut out = Vec::new();
        while let Some(&c) = self.bytes.get(self.pos) {
            if !is_regular(c) {
                break;
            }
            if c == b'#' {
                let h = self.bytes.get(self.pos + 1).and_then(|&x| hex_val(x));
                let l = self.bytes.get(self.pos + 2).and_then(|&x| hex_val(x));
                if let (Some(h), Some(l)) = (h, l) {
                    out.push(h << 4 | l);
                    self.pos += 3;
                    continue;
                }
            }
            out.push(c);
            self.pos += 1;
        }
        Token::Name(out)
    }

    fn hex_string(&mut self) -> Result<Token<'a>, LexError> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        loop {
            let c = *self.bytes.get(self.pos).ok_or(LexError::Eof)?;
            self.pos += 1;
            if c == b'>' {
                break;
            }
            if is_whitespace(c) {
                continue;
            }
            let v = hex_val(c).ok_or(LexError::BadHexString { at: self.pos - 1 })?;
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        // An odd number of digits: the last one is followed by an implied 0 (§7.3.4.3).
        if let Some(h) = high {
            out.push(h << 4);
        }
        Ok(Token::Str {
            bytes: out,
            hex: true,
        })
    }

    fn literal_string(&mut self) -> Result<Token<'a>, LexError> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 1usize;
        loop {
            let c = *self.bytes.get(self.pos).ok_or(LexError::Eof)?;
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(c);
                }
                b'\\' => {
                    let e = *self.bytes.get(self.pos).ok_or(LexError::Eof)?;
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            // Line continuation: backslash + EOL produce nothing.
                            if self.bytes.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.bytes.get(self.pos) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            // High-order overflow is ignored (§7.3.4.2).
                            out.push((v & 0xFF) as u8);
                        }
                        other => out.push(other),
                    }
                }
                b'\r' => {
                    // An unescaped EOL inside a string reads as a single LF.
                    if self.bytes.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                }
                _ => out.push(c),
            }
        }
        Ok(Token::Str {
            bytes: out,
            hex: false,
        })
    }
}

pub(crate) fn hex_val(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Reads `word` as a PDF number: `123`, `-4`, `+17`, `3.5`, `-.002`, `4.`.
fn number(word: &[u8]) -> Option<Token<'static>> {
    let digits = match word.first()? {
        b'+' | b'-' => word.get(1..)?,
        _ => word,
    };
    if digits.is_empty() || !digits.iter().all(|&c| c.is_ascii_digit() || c == b'.') {
        return None;
    }
    let dots = digits.iter().filter(|&&c| c == b'.').count();
    if dots > 1 || digits == b"." {
        return None;
    }
    let text = core::str::from_utf8(word).ok()?;
    if dots == 0 {
        match text.parse::<i64>() {
            Ok(v) => Some(Token::Int(v)),
            Err(_) => Some(Token::BigNumber),
        }
    } else {
        text.parse::<f64>().ok().map(Token::Real)
    }
}

/// Finds the first occurrence of `needle` in `hay` at or after `from`.
///
/// `memchr`'s searcher, because the reader looks for markers (`startxref`, `%%EOF`,
/// `endstream`) across the whole file: a byte-at-a-time loop cost ~150 ms on a
/// 100 MB PDF in the page, where the word-at-a-time search is several times faster.
pub(crate) fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let rest = hay.get(from..)?;
    memchr::memmem::find(rest, needle).map(|p| from + p)
}

/// Every occurrence of `needle` in `hay`, in order, not overlapping. One linear pass.
pub(crate) fn find_all(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    memchr::memmem::find_iter(hay, needle).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &[u8]) -> Vec<Token<'_>> {
        let mut l = Lexer::new(s, 0);
        let mut v = Vec::new();
        while let Ok(t) = l.next_token() {
            v.push(t.tok);
        }
        v
    }

    #[test]
    fn numbers_names_keywords() {
        assert_eq!(
            toks(b"12 -3 +4 3.5 -.5 4. /A#20B obj R 99999999999999999999"),
            vec![
                Token::Int(12),
                Token::Int(-3),
                Token::Int(4),
                Token::Real(3.5),
                Token::Real(-0.5),
                Token::Real(4.0),
                Token::Name(b"A B".to_vec()),
                Token::Keyword(b"obj"),
                Token::Keyword(b"R"),
                Token::BigNumber,
            ]
        );
    }

    #[test]
    fn strings_and_spans() {
        let s = b"  (a\\(b\\)\\101\\\n(c)) <41 42 4>";
        let mut l = Lexer::new(s, 0);
        let t = l.next_token().unwrap();
        assert_eq!(
            t.tok,
            Token::Str {
                bytes: b"a(b)A(c)".to_vec(),
                hex: false
            }
        );
        assert_eq!(t.start, 2);
        let t = l.next_token().unwrap();
        assert_eq!(
            t.tok,
            Token::Str {
                bytes: vec![0x41, 0x42, 0x40],
                hex: true
            }
        );
        assert_eq!(&s[t.start..t.end], b"<41 42 4>");
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert_eq!(
            Lexer::new(b"<4G>", 0).next_token(),
            Err(LexError::BadHexString { at: 2 })
        );
        assert_eq!(Lexer::new(b"(abc", 0).next_token(), Err(LexError::Eof));
        assert_eq!(
            Lexer::new(b")", 0).next_token(),
            Err(LexError::Unexpected { at: 0 })
        );
        assert_eq!(
            Lexer::new(b"% only a comment", 0).next_token(),
            Err(LexError::Eof)
        );
    }

    #[test]
    fn find_all_is_complete() {
        assert_eq!(find_all(b"xx%%EOFab%%EOF", b"%%EOF"), vec![2, 9]);
        assert_eq!(find(b"abc", b"", 0), None);
    }
}
