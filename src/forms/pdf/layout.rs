//! Text layout: styles, the page's drawing operations, line breaking and paragraph
//! drawing. Separate so the line-breaking rules read on their own, apart from the
//! letter's table and blocks and from writing the PDF objects.

use super::font::Font;
use super::mm;
use crate::forms::doc::{Align, Para, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    Regular = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = 3,
}

pub(super) fn style_of(s: &Span) -> Style {
    match (s.bold, s.italic) {
        (false, false) => Style::Regular,
        (true, false) => Style::Bold,
        (false, true) => Style::Italic,
        (true, true) => Style::BoldItalic,
    }
}

pub(super) const FONT_NAMES: [&[u8]; 4] = [b"F0", b"F1", b"F2", b"F3"];

/// What a page holds: text runs and strokes, in points from the bottom left.
pub(super) enum Op {
    Text {
        style: Style,
        size: f32,
        x: f32,
        y: f32,
        text: String,
        /// Extra space after each U+0020 (justification), in points.
        word_extra: f32,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

/// A run of text of one style, as laid out on a line.
#[derive(Clone, Debug)]
pub(super) struct Run {
    pub(super) style: Style,
    pub(super) text: String,
    pub(super) width: f32,
}

pub(super) struct Line {
    pub(super) runs: Vec<Run>,
    pub(super) width: f32,
    pub(super) spaces: usize,
}

pub(super) struct Layout<'a> {
    pub(super) fonts: [Font<'a>; 4],
    /// Finished pages, then the page being filled.
    pub(super) done: Vec<Vec<Op>>,
    pub(super) cur: Vec<Op>,
    /// Current y (points from the bottom) of the next line's top.
    pub(super) y: f32,
    pub(super) left: f32,
    pub(super) right: f32,
    pub(super) top: f32,
    pub(super) bottom: f32,
}

pub(super) const LEADING: f32 = 1.2;

impl<'a> Layout<'a> {
    pub(super) fn font(&mut self, s: Style) -> &mut Font<'a> {
        let [r, b, i, bi] = &mut self.fonts;
        match s {
            Style::Regular => r,
            Style::Bold => b,
            Style::Italic => i,
            Style::BoldItalic => bi,
        }
    }

    pub(super) fn width(&mut self, s: Style, text: &str, size: f32) -> f32 {
        self.font(s).width(text, size)
    }

    pub(super) fn page(&mut self) -> &mut Vec<Op> {
        &mut self.cur
    }

    pub(super) fn new_page(&mut self) {
        self.done.push(std::mem::take(&mut self.cur));
        self.y = self.top;
    }

    pub(super) fn ensure(&mut self, height: f32) {
        if self.y - height < self.bottom && self.y < self.top - 1.0 {
            self.new_page();
        }
    }

    /// Breaks spans into lines of at most `width` points.
    pub(super) fn break_lines(
        &mut self,
        spans: &[(Style, &str)],
        size: f32,
        width: f32,
    ) -> Vec<Line> {
        // Tokens: words with their trailing space.
        let mut tokens: Vec<(Style, String, bool)> = Vec::new();
        for (style, text) in spans {
            let mut word = String::new();
            for c in text.chars() {
                if c == ' ' {
                    tokens.push((*style, std::mem::take(&mut word), true));
                } else if c == '\n' {
                    tokens.push((*style, std::mem::take(&mut word), false));
                    tokens.push((*style, "\n".into(), false));
                } else {
                    word.push(c);
                }
            }
            if !word.is_empty() {
                tokens.push((*style, word, false));
            }
        }
        let mut lines = Vec::new();
        let mut cur = Line {
            runs: Vec::new(),
            width: 0.0,
            spaces: 0,
        };
        let space_w = |l: &mut Self, s: Style| l.width(s, " ", size);
        for (style, word, trailing) in tokens {
            if word == "\n" {
                lines.push(std::mem::replace(
                    &mut cur,
                    Line {
                        runs: Vec::new(),
                        width: 0.0,
                        spaces: 0,
                    },
                ));
                continue;
            }
            let mut w = self.width(style, &word, size);
            // A word wider than the line: cut it by characters.
            let mut word = word;
            while w > width && word.chars().count() > 1 {
                let mut head = String::new();
                let mut hw = 0.0;
                // The last break after punctuation that fits ("ten@", "so.gov.").
                let mut soft: Option<(usize, f32)> = None;
                for c in word.chars() {
                    let cw = self.font(style).glyph(c).1 * size / 1000.0;
                    if hw + cw > width - cur.width && !head.is_empty() {
                        break;
                    }
                    if hw + cw > width && head.is_empty() {
                        head.push(c);
                        hw += cw;
                        break;
                    }
                    head.push(c);
                    hw += cw;
                    if matches!(c, '@' | '.' | '/' | '_') {
                        soft = Some((head.len(), hw));
                    }
                }
                if head.len() < word.len()
                    && let Some((at, at_w)) = soft
                    && at_w > (width - cur.width) * 0.4
                {
                    head.truncate(at);
                    hw = at_w;
                }
                if head.is_empty() || (cur.width > 0.0 && hw + cur.width > width) {
                    lines.push(std::mem::replace(
                        &mut cur,
                        Line {
                            runs: Vec::new(),
                            width: 0.0,
                            spaces: 0,
                        },
                    ));
                    continue;
                }
                let rest: String = word.chars().skip(head.chars().count()).collect();
                push_run(&mut cur, style, &head, hw);
                lines.push(std::mem::replace(
                    &mut cur,
                    Line {
                        runs: Vec::new(),
                        width: 0.0,
                        spaces: 0,
                    },
                ));
                word = rest;
                w = self.width(style, &word, size);
            }
            if cur.width > 0.0 && cur.width + w > width + 0.01 {
                trim_trailing_space(self, &mut cur, size);
                lines.push(std::mem::replace(
                    &mut cur,
                    Line {
                        runs: Vec::new(),
                        width: 0.0,
                        spaces: 0,
                    },
                ));
            }
            push_run(&mut cur, style, &word, w);
            if trailing {
                let sw = space_w(self, style);
                push_run(&mut cur, style, " ", sw);
                cur.spaces += 1;
            }
        }
        trim_trailing_space(self, &mut cur, size);
        if !cur.runs.is_empty() || lines.is_empty() {
            lines.push(cur);
        }
        lines
    }

    /// Draws lines at the current position (`x` .. `x + width`), moving `self.y`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn draw_lines(
        &mut self,
        lines: &[Line],
        size: f32,
        x: f32,
        width: f32,
        align: Align,
        first_indent: f32,
        paginate: bool,
    ) {
        let lead = size * LEADING;
        let count = lines.len();
        for (i, line) in lines.iter().enumerate() {
            if paginate {
                self.ensure(lead);
            }
            let indent = if i == 0 { first_indent } else { 0.0 };
            let avail = width - indent;
            let last = i + 1 == count;
            let (mut cx, extra) = match align {
                Align::Left => (x + indent, 0.0),
                Align::Center => (x + (width - line.width) / 2.0, 0.0),
                Align::Justify if !last && line.spaces > 0 => (
                    x + indent,
                    ((avail - line.width) / line.spaces as f32).max(0.0),
                ),
                Align::Justify => (x + indent, 0.0),
            };
            let baseline = self.y - size * 0.93;
            for run in &line.runs {
                let spaces = run.text.chars().filter(|c| *c == ' ').count() as f32;
                self.page().push(Op::Text {
                    style: run.style,
                    size,
                    x: cx,
                    y: baseline,
                    text: run.text.clone(),
                    word_extra: extra,
                });
                cx += run.width + spaces * extra;
            }
            self.y -= lead;
        }
    }

    pub(super) fn para(&mut self, p: &Para) {
        let spans: Vec<(Style, &str)> = p
            .spans
            .iter()
            .map(|s| (style_of(s), s.text.as_str()))
            .collect();
        let width = self.right - self.left;
        let indent = mm(p.first_indent_mm);
        // Break with the first line's indent taken into account by narrowing the
        // whole paragraph's first line: approximate by breaking at full width minus
        // the indent for every line would waste space, so break twice.
        let mut lines = self.break_lines(&spans, p.size, width - indent);
        if lines.len() > 1 {
            // Re-break the rest at the full width.
            let first_text: Vec<(Style, String)> = lines
                .first()
                .map(|l| l.runs.iter().map(|r| (r.style, r.text.clone())).collect())
                .unwrap_or_default();
            let consumed: usize = first_text.iter().map(|(_, t)| t.chars().count()).sum();
            let rest = skip_chars(&p.spans, consumed);
            let rest_spans: Vec<(Style, &str)> =
                rest.iter().map(|(s, t)| (*s, t.as_str())).collect();
            let mut more = self.break_lines(&rest_spans, p.size, width);
            lines.truncate(1);
            lines.append(&mut more);
        }
        self.draw_lines(&lines, p.size, self.left, width, p.align, indent, true);
        self.y -= p.space_after;
    }
}

pub(super) fn push_run(line: &mut Line, style: Style, text: &str, w: f32) {
    if let Some(last) = line.runs.last_mut()
        && last.style == style
    {
        last.text.push_str(text);
        last.width += w;
    } else {
        line.runs.push(Run {
            style,
            text: text.to_string(),
            width: w,
        });
    }
    line.width += w;
}

pub(super) fn trim_trailing_space(l: &mut Layout, line: &mut Line, size: f32) {
    while let Some(last) = line.runs.last_mut() {
        if last.text.ends_with(' ') {
            last.text.pop();
            let sw = l.width(last.style, " ", size);
            last.width -= sw;
            line.width -= sw;
            line.spaces = line.spaces.saturating_sub(1);
            if last.text.is_empty() {
                line.runs.pop();
            }
        } else {
            break;
        }
    }
}

/// The spans after the first `n` characters, where the spaces at a line break were
/// dropped: skip `n` non-space-collapsed characters then leading spaces.
pub(super) fn skip_chars(spans: &[Span], n: usize) -> Vec<(Style, String)> {
    let mut left = n;
    let mut out = Vec::new();
    let mut skipping_space = false;
    for s in spans {
        let mut text = String::new();
        for c in s.text.chars() {
            if left > 0 {
                left -= 1;
                if left == 0 {
                    skipping_space = true;
                }
                continue;
            }
            if skipping_space && c == ' ' {
                continue;
            }
            skipping_space = false;
            text.push(c);
        }
        if !text.is_empty() {
            out.push((style_of(s), text));
        }
    }
    out
}
