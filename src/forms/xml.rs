//! Just enough XML: escaping for the writers, and a pull reader for the parts of an
//! XLSX (shared strings, a worksheet, the workbook and its relationships).
//!
//! The reader knows elements, attributes, text, character and the five predefined
//! entity references, comments, CDATA and processing instructions. A DOCTYPE is
//! refused (no entity expansion, so no "billion laughs"). Namespace prefixes are
//! dropped from names (`x:row` → `row`).

/// Escapes text for element content and attribute values, dropping the control
/// characters XML 1.0 forbids.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        empty: bool,
    },
    End {
        name: String,
    },
    Text(String),
}

impl Event {
    pub fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Event::Start { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct XmlError {
    pub offset: usize,
}

pub struct Reader<'a> {
    s: &'a str,
    pos: usize,
}

fn local(name: &str) -> String {
    name.rsplit_once(':').map_or(name, |(_, l)| l).to_string()
}

pub fn unescape(raw: &str, offset: usize) -> Result<String, XmlError> {
    if !raw.contains('&') {
        return Ok(raw.to_string());
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let after = rest.get(i + 1..).unwrap_or_default();
        let end = after.find(';').ok_or(XmlError { offset })?;
        let ent = after.get(..end).unwrap_or_default();
        let c = match ent {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            e if e.starts_with("#x") || e.starts_with("#X") => {
                u32::from_str_radix(e.get(2..).unwrap_or_default(), 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or(XmlError { offset })?
            }
            e if e.starts_with('#') => e
                .get(1..)
                .unwrap_or_default()
                .parse::<u32>()
                .ok()
                .and_then(char::from_u32)
                .ok_or(XmlError { offset })?,
            _ => return Err(XmlError { offset }),
        };
        out.push(c);
        rest = after.get(end + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    Ok(out)
}

impl<'a> Reader<'a> {
    pub fn new(s: &'a str) -> Reader<'a> {
        Reader { s, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or_default()
    }

    fn err(&self) -> XmlError {
        XmlError { offset: self.pos }
    }

    /// The next event, `Ok(None)` at the end.
    pub fn next_event(&mut self) -> Result<Option<Event>, XmlError> {
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                return Ok(None);
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                let raw = rest.get(..end).unwrap_or_default();
                let at = self.pos;
                self.pos += end;
                return Ok(Some(Event::Text(unescape(raw, at)?)));
            }
            if rest.starts_with("<?") {
                let end = rest.find("?>").ok_or_else(|| self.err())?;
                self.pos += end + 2;
                continue;
            }
            if rest.starts_with("<!--") {
                let end = rest.find("-->").ok_or_else(|| self.err())?;
                self.pos += end + 3;
                continue;
            }
            if rest.starts_with("<![CDATA[") {
                let end = rest.find("]]>").ok_or_else(|| self.err())?;
                let text = rest.get(9..end).unwrap_or_default().to_string();
                self.pos += end + 3;
                return Ok(Some(Event::Text(text)));
            }
            if rest.starts_with("<!") {
                // DOCTYPE and the like: refused.
                return Err(self.err());
            }
            let end = tag_end(rest).ok_or_else(|| self.err())?;
            let inner = rest.get(1..end).unwrap_or_default();
            let at = self.pos;
            self.pos += end + 1;
            if let Some(name) = inner.strip_prefix('/') {
                return Ok(Some(Event::End {
                    name: local(name.trim()),
                }));
            }
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(i) => (i, true),
                None => (inner, false),
            };
            let name_end = inner
                .find(|c: char| c.is_whitespace())
                .unwrap_or(inner.len());
            let name = local(inner.get(..name_end).unwrap_or_default());
            if name.is_empty() {
                return Err(XmlError { offset: at });
            }
            let attrs = parse_attrs(inner.get(name_end..).unwrap_or_default(), at)?;
            return Ok(Some(Event::Start { name, attrs, empty }));
        }
    }
}

/// The index of the `>` closing the tag at the start of `s`, skipping quoted values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

fn parse_attrs(s: &str, at: usize) -> Result<Vec<(String, String)>, XmlError> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let eq = rest.find('=').ok_or(XmlError { offset: at })?;
        let key = local(rest.get(..eq).unwrap_or_default().trim());
        let after = rest.get(eq + 1..).unwrap_or_default().trim_start();
        let q = after.chars().next().ok_or(XmlError { offset: at })?;
        if q != '"' && q != '\'' {
            return Err(XmlError { offset: at });
        }
        let body = after.get(1..).unwrap_or_default();
        let close = body.find(q).ok_or(XmlError { offset: at })?;
        out.push((key, unescape(body.get(..close).unwrap_or_default(), at)?));
        rest = body.get(close + 1..).unwrap_or_default().trim_start();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_elements() {
        let mut r = Reader::new(
            r#"<?xml version="1.0"?><x:a k="1 &amp; 2"><b/>T&#7879;n &lt;x&gt;<![CDATA[<c>]]></x:a>"#,
        );
        let mut ev = Vec::new();
        while let Some(e) = r.next_event().unwrap() {
            ev.push(e);
        }
        assert_eq!(ev[0].attr("k"), Some("1 & 2"));
        assert!(matches!(&ev[1], Event::Start { name, empty: true, .. } if name == "b"));
        assert_eq!(ev[2], Event::Text("Tện <x>".into()));
        assert_eq!(ev[3], Event::Text("<c>".into()));
        assert_eq!(ev[4], Event::End { name: "a".into() });
        assert!(
            Reader::new("<!DOCTYPE x [<!ENTITY a 'b'>]><x/>")
                .next_event()
                .is_err()
        );
        assert!(Reader::new("<a b=c>").next_event().is_err());
        assert_eq!(escape("a<b>&\u{1}\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
    }
}
