//! PDF output with pdf-writer: our own line breaking and table layout, measured
//! with the font's advance widths (ttf-parser), and a subset of the serif embedded
//! as a CIDFontType2 font (Identity-H) with a ToUnicode map, so Vietnamese text
//! survives copy, paste and search exactly as typed (NFC).
//!
//! The core does not hold the font: the caller passes its bytes ([`FontSet`]). The
//! page fetches them when the first PDF is made (they add nothing to the first
//! load); the CLI reads them from `static/fonts` (or builds them in). Liberation
//! Serif 2 (SIL OFL 1.1) has the metrics of Times New Roman and every Vietnamese
//! letter.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use serde::Serialize;
use subsetter::GlyphRemapper;

use super::doc::{self, Align, Doc, Para, Span};
use super::model::Letter;

/// Why a PDF could not be made: a font that does not parse or cannot be subset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PdfError {
    /// `pdf_bad_font` or `pdf_subset_failed`.
    pub code: &'static str,
    /// `regular`, `bold`, `italic` or `bold_italic`.
    pub style: &'static str,
}

/// The four faces of the serif, as font-file bytes (TTF/OTF).
#[derive(Clone)]
pub struct FontSet {
    pub regular: Vec<u8>,
    pub bold: Vec<u8>,
    pub italic: Vec<u8>,
    pub bold_italic: Vec<u8>,
}

/// File names of the faces under `static/fonts/` (the page fetches them from there).
pub const FONT_FILES: [&str; 4] = [
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
];

const STYLES: [&str; 4] = ["regular", "bold", "italic", "bold_italic"];

impl FontSet {
    /// Checks that each face parses and maps the Vietnamese letters.
    pub fn new(
        regular: Vec<u8>,
        bold: Vec<u8>,
        italic: Vec<u8>,
        bold_italic: Vec<u8>,
    ) -> Result<FontSet, PdfError> {
        let set = FontSet {
            regular,
            bold,
            italic,
            bold_italic,
        };
        for (i, data) in set.faces().iter().enumerate() {
            let style = STYLES.get(i).copied().unwrap_or("regular");
            let face = ttf_parser::Face::parse(data, 0).map_err(|_| PdfError {
                code: "pdf_bad_font",
                style,
            })?;
            if "ệữỹĐđơư".chars().any(|c| face.glyph_index(c).is_none()) {
                return Err(PdfError {
                    code: "pdf_font_no_vietnamese",
                    style,
                });
            }
        }
        Ok(set)
    }

    fn faces(&self) -> [&[u8]; 4] {
        [&self.regular, &self.bold, &self.italic, &self.bold_italic]
    }
}

const PT_PER_MM: f32 = 72.0 / 25.4;

fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}

/// One face in use: metrics, the glyphs used so far and their text.
struct Font<'a> {
    face: ttf_parser::Face<'a>,
    data: &'a [u8],
    upem: f32,
    remap: GlyphRemapper,
    /// New glyph id → the text it stands for (ToUnicode).
    unicode: BTreeMap<u16, char>,
    used: bool,
    /// Advance cache for the Latin + Vietnamese ranges.
    cache: BTreeMap<char, (u16, f32)>,
}

impl<'a> Font<'a> {
    fn new(data: &'a [u8], style: &'static str) -> Result<Font<'a>, PdfError> {
        let face = ttf_parser::Face::parse(data, 0).map_err(|_| PdfError {
            code: "pdf_bad_font",
            style,
        })?;
        Ok(Font {
            upem: f32::from(face.units_per_em().max(1)),
            face,
            data,
            remap: GlyphRemapper::new(),
            unicode: BTreeMap::new(),
            used: false,
            cache: BTreeMap::new(),
        })
    }

    /// (glyph id, advance in 1/1000 em).
    fn glyph(&mut self, c: char) -> (u16, f32) {
        if let Some(g) = self.cache.get(&c) {
            return *g;
        }
        let gid = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        let adv = self.face.glyph_hor_advance(gid).unwrap_or(0);
        let g = (gid.0, f32::from(adv) * 1000.0 / self.upem);
        self.cache.insert(c, g);
        g
    }

    fn width(&mut self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size / 1000.0
    }

    /// Two-byte codes (new glyph ids) for `text`, recording the glyphs used.
    fn encode(&mut self, text: &str) -> Vec<u8> {
        self.used = true;
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let (gid, _) = self.glyph(c);
            let new = self.remap.remap(gid);
            if gid != 0 {
                self.unicode.entry(new).or_insert(c);
            }
            out.extend_from_slice(&new.to_be_bytes());
        }
        out
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Regular = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = 3,
}

fn style_of(s: &Span) -> Style {
    match (s.bold, s.italic) {
        (false, false) => Style::Regular,
        (true, false) => Style::Bold,
        (false, true) => Style::Italic,
        (true, true) => Style::BoldItalic,
    }
}

const FONT_NAMES: [&[u8]; 4] = [b"F0", b"F1", b"F2", b"F3"];

/// What a page holds: text runs and strokes, in points from the bottom left.
enum Op {
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
struct Run {
    style: Style,
    text: String,
    width: f32,
}

struct Line {
    runs: Vec<Run>,
    width: f32,
    spaces: usize,
}

struct Layout<'a> {
    fonts: [Font<'a>; 4],
    /// Finished pages, then the page being filled.
    done: Vec<Vec<Op>>,
    cur: Vec<Op>,
    /// Current y (points from the bottom) of the next line's top.
    y: f32,
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
}

const LEADING: f32 = 1.2;

impl<'a> Layout<'a> {
    fn font(&mut self, s: Style) -> &mut Font<'a> {
        let [r, b, i, bi] = &mut self.fonts;
        match s {
            Style::Regular => r,
            Style::Bold => b,
            Style::Italic => i,
            Style::BoldItalic => bi,
        }
    }

    fn width(&mut self, s: Style, text: &str, size: f32) -> f32 {
        self.font(s).width(text, size)
    }

    fn page(&mut self) -> &mut Vec<Op> {
        &mut self.cur
    }

    fn new_page(&mut self) {
        self.done.push(std::mem::take(&mut self.cur));
        self.y = self.top;
    }

    fn ensure(&mut self, height: f32) {
        if self.y - height < self.bottom && self.y < self.top - 1.0 {
            self.new_page();
        }
    }

    /// Breaks spans into lines of at most `width` points.
    fn break_lines(&mut self, spans: &[(Style, &str)], size: f32, width: f32) -> Vec<Line> {
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
    fn draw_lines(
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

    fn para(&mut self, p: &Para) {
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

fn push_run(line: &mut Line, style: Style, text: &str, w: f32) {
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

fn trim_trailing_space(l: &mut Layout, line: &mut Line, size: f32) {
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
fn skip_chars(spans: &[Span], n: usize) -> Vec<(Style, String)> {
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

/// The letter as a PDF.
pub fn to_pdf(letter: &Letter, fonts: &FontSet) -> Result<Vec<u8>, PdfError> {
    render(&doc::build(letter), fonts)
}

/// Cell padding, points.
const PAD_X: f32 = 2.5;
const PAD_Y: f32 = 1.5;

struct TableGeom {
    xs: Vec<f32>,
    widths: Vec<f32>,
}

impl Layout<'_> {
    fn cell_lines(&mut self, text: &[String], style: Style, size: f32, width: f32) -> Vec<Line> {
        let mut out = Vec::new();
        for t in text {
            let mut l = self.break_lines(&[(style, t.as_str())], size, width - 2.0 * PAD_X);
            out.append(&mut l);
        }
        out
    }

    fn row_height(lines: &[Vec<Line>], size: f32) -> f32 {
        let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        n as f32 * size * LEADING + 2.0 * PAD_Y
    }

    fn draw_row(
        &mut self,
        g: &TableGeom,
        cells: &[Vec<Line>],
        centered: &[bool],
        size: f32,
        height: f32,
        middle: bool,
    ) {
        let top = self.y;
        for (i, lines) in cells.iter().enumerate() {
            let (Some(x), Some(w)) = (g.xs.get(i).copied(), g.widths.get(i).copied()) else {
                continue;
            };
            self.page().push(Op::Rect {
                x,
                y: top - height,
                w,
                h: height,
            });
            let content_h = lines.len() as f32 * size * LEADING;
            self.y = if middle {
                top - (height - content_h) / 2.0
            } else {
                top - PAD_Y
            };
            let align = if centered.get(i).copied().unwrap_or(false) {
                Align::Center
            } else {
                Align::Left
            };
            self.draw_lines(lines, size, x + PAD_X, w - 2.0 * PAD_X, align, 0.0, false);
        }
        self.y = top - height;
    }

    fn table(&mut self, t: &doc::Table) {
        let width = self.right - self.left;
        let total: f32 = t
            .weights
            .iter()
            .map(|w| f32::from(*w))
            .sum::<f32>()
            .max(1.0);
        let widths: Vec<f32> = t
            .weights
            .iter()
            .map(|w| width * f32::from(*w) / total)
            .collect();
        let mut xs = Vec::with_capacity(widths.len());
        let mut x = self.left;
        for w in &widths {
            xs.push(x);
            x += w;
        }
        let g = TableGeom { xs, widths };
        let size = t.size;
        let header: Vec<Vec<Line>> = t
            .headers
            .iter()
            .zip(&g.widths)
            .map(|(h, w)| self.cell_lines(std::slice::from_ref(h), Style::Bold, size, *w))
            .collect();
        let groups = self.group_cells(t, &g);
        let header_h = Self::row_height(&header, size)
            + groups
                .iter()
                .map(|(_, _, l)| Self::row_height(std::slice::from_ref(l), size))
                .fold(0.0, f32::max);
        // Keep the header with the first row.
        let first_h = t
            .rows
            .first()
            .map(|r| {
                let lines: Vec<Vec<Line>> = r
                    .iter()
                    .zip(&g.widths)
                    .map(|(c, w)| self.cell_lines(c, Style::Regular, size, *w))
                    .collect();
                Self::row_height(&lines, size)
            })
            .unwrap_or(0.0);
        self.ensure(header_h + first_h);
        self.draw_header(&g, t, &header, &groups, header_h);
        for r in &t.rows {
            let lines: Vec<Vec<Line>> = r
                .iter()
                .zip(&g.widths)
                .map(|(c, w)| self.cell_lines(c, Style::Regular, size, *w))
                .collect();
            let h = Self::row_height(&lines, size);
            if self.y - h < self.bottom {
                self.new_page();
                // The header row repeats on every page.
                self.draw_header(&g, t, &header, &groups, header_h);
            }
            self.draw_row(&g, &lines, &t.centered, size, h, false);
        }
        if let Some(total_text) = &t.total {
            let rest_w: f32 = g.widths.iter().skip(1).sum();
            let first_w = g.widths.first().copied().unwrap_or(0.0);
            let lines =
                self.cell_lines(std::slice::from_ref(total_text), Style::Bold, size, rest_w);
            let cells = vec![Vec::new(), lines];
            let h = Self::row_height(&cells, size);
            if self.y - h < self.bottom {
                self.new_page();
                self.draw_header(&g, t, &header, &groups, header_h);
            }
            let geom = TableGeom {
                xs: vec![self.left, self.left + first_w],
                widths: vec![first_w, rest_w],
            };
            self.draw_row(&geom, &cells, &[false, false], size, h, false);
        }
        self.y -= 6.0;
    }

    /// The spanning headers of a grouped table: (x, width, lines).
    fn group_cells(&mut self, t: &doc::Table, g: &TableGeom) -> Vec<(f32, f32, Vec<Line>)> {
        t.groups
            .iter()
            .map(|grp| {
                let x = g.xs.get(grp.first).copied().unwrap_or(self.left);
                let w: f32 = g.widths.iter().skip(grp.first).take(grp.span).sum();
                let lines =
                    self.cell_lines(std::slice::from_ref(&grp.label), Style::Bold, t.size, w);
                (x, w, lines)
            })
            .collect()
    }

    /// The header: one row, or a group's label over its columns' own headers while
    /// the other headers span the full height (as the forms draw 04 and 06).
    fn draw_header(
        &mut self,
        g: &TableGeom,
        t: &doc::Table,
        header: &[Vec<Line>],
        groups: &[(f32, f32, Vec<Line>)],
        height: f32,
    ) {
        let size = t.size;
        let top = self.y;
        let top_h = groups
            .iter()
            .map(|(_, _, l)| Self::row_height(std::slice::from_ref(l), size))
            .fold(0.0, f32::max);
        for (x, w, lines) in groups {
            self.y = top;
            let geom = TableGeom {
                xs: vec![*x],
                widths: vec![*w],
            };
            self.draw_row(
                &geom,
                std::slice::from_ref(lines),
                &[true],
                size,
                top_h,
                true,
            );
        }
        for (i, lines) in header.iter().enumerate() {
            let grouped = t
                .groups
                .iter()
                .any(|grp| (grp.first..grp.first + grp.span).contains(&i));
            let (Some(x), Some(w)) = (g.xs.get(i).copied(), g.widths.get(i).copied()) else {
                continue;
            };
            let (y, h) = if grouped {
                (top - top_h, height - top_h)
            } else {
                (top, height)
            };
            self.y = y;
            let geom = TableGeom {
                xs: vec![x],
                widths: vec![w],
            };
            self.draw_row(&geom, std::slice::from_ref(lines), &[true], size, h, true);
        }
        self.y = top - height;
    }

    /// Centred lines inside a column, from `self.y`; returns the height used.
    fn column_text(&mut self, x: f32, width: f32, spans: &[Span], size: f32) {
        let sp: Vec<(Style, &str)> = spans
            .iter()
            .map(|s| (style_of(s), s.text.as_str()))
            .collect();
        let lines = self.break_lines(&sp, size, width);
        self.draw_lines(&lines, size, x, width, Align::Center, 0.0, false);
    }

    fn rule(&mut self, cx: f32, len: f32) {
        let y = self.y - 2.5;
        self.page().push(Op::Line {
            x1: cx - len / 2.0,
            y1: y,
            x2: cx + len / 2.0,
            y2: y,
            width: 0.6,
        });
        self.y -= 8.0;
    }

    fn header_block(&mut self, d: &Doc) {
        let left_w = mm(68.0);
        let lx = self.left;
        let rx = self.left + left_w;
        let rw = self.right - rx;
        let top = self.y;
        // Left: superior, managing body, rule, number, subject.
        if !d.superior.is_empty() {
            self.column_text(
                lx,
                left_w,
                &[Span::plain(d.superior.clone())],
                doc::HEADER_PT,
            );
        }
        self.column_text(
            lx,
            left_w,
            &[Span::bold(d.managing.clone())],
            doc::HEADER_PT,
        );
        self.rule(lx + left_w / 2.0, mm(22.0));
        let left_rule_y = self.y;
        // Right: the motto, its rule.
        self.y = top;
        self.column_text(rx, rw, &[Span::bold(doc::MOTTO_1)], doc::HEADER_PT);
        self.column_text(rx, rw, &[Span::bold(doc::MOTTO_2)], doc::MOTTO_PT);
        let motto_w = self.width(Style::Bold, doc::MOTTO_2, doc::MOTTO_PT);
        self.rule(rx + rw / 2.0, motto_w);
        let right_rule_y = self.y;
        // Number on the left and date on the right start on the same line.
        let row = left_rule_y.min(right_rule_y);
        self.y = row;
        self.column_text(
            lx,
            left_w,
            &[Span::plain(d.number_line.clone())],
            doc::BODY_PT,
        );
        if let Some(s) = &d.subject_line {
            self.column_text(lx, left_w, &[Span::plain(s.clone())], doc::HEADER_PT);
        }
        let left_end = self.y;
        self.y = row;
        self.column_text(rx, rw, &[Span::italic(d.date_line.clone())], doc::BODY_PT);
        self.y = self.y.min(left_end) - 6.0;
    }

    fn footer_block(&mut self, d: &Doc) {
        let width = self.right - self.left;
        // Keep the block together: "Nơi nhận" and the signature need about 50 mm.
        let rec_lines = d.recipients.as_ref().map_or(0, Vec::len);
        let need = (mm(45.0)).max(rec_lines as f32 * doc::RECIPIENTS_PT * LEADING + 20.0);
        self.ensure(need);
        let top = self.y;
        let sig_col = |l: &mut Self, x: f32, w: f32, s: &doc::Signature| {
            l.y = top;
            for line in s.title_lines() {
                l.column_text(x, w, &[Span::bold(line)], doc::BODY_PT);
            }
            if !s.note.is_empty() {
                l.column_text(x, w, &[Span::italic(s.note.clone())], doc::BODY_PT);
            }
            l.y -= mm(22.0);
            l.column_text(x, w, &[Span::bold(s.name.clone())], doc::BODY_PT);
            l.y
        };
        let mut lowest = top;
        match (&d.recipients, d.signatures.as_slice()) {
            (Some(rec), [s]) => {
                let lw = width * 0.45;
                self.y = top;
                let sp = [(Style::BoldItalic, "Nơi nhận:")];
                let lines = self.break_lines(&sp, doc::RECIPIENTS_LABEL_PT, lw);
                self.draw_lines(
                    &lines,
                    doc::RECIPIENTS_LABEL_PT,
                    self.left,
                    lw,
                    Align::Left,
                    0.0,
                    false,
                );
                for r in rec {
                    let sp = [(Style::Regular, r.as_str())];
                    let lines = self.break_lines(&sp, doc::RECIPIENTS_PT, lw);
                    self.draw_lines(
                        &lines,
                        doc::RECIPIENTS_PT,
                        self.left,
                        lw,
                        Align::Left,
                        0.0,
                        false,
                    );
                }
                lowest = lowest.min(self.y);
                let y = sig_col(self, self.left + lw, width - lw, s);
                lowest = lowest.min(y);
            }
            (_, sigs) => {
                let n = sigs.len().max(1) as f32;
                let w = width / n;
                for (i, s) in sigs.iter().enumerate() {
                    let y = sig_col(self, self.left + w * i as f32, w, s);
                    lowest = lowest.min(y);
                }
            }
        }
        self.y = lowest;
    }
}

/// Lays out `d` and writes the PDF.
pub fn render(d: &Doc, fonts: &FontSet) -> Result<Vec<u8>, PdfError> {
    let loaded = [
        Font::new(&fonts.regular, "regular")?,
        Font::new(&fonts.bold, "bold")?,
        Font::new(&fonts.italic, "italic")?,
        Font::new(&fonts.bold_italic, "bold_italic")?,
    ];
    let (pw, ph) = d.page_mm();
    let page_w = mm(pw);
    let page_h = mm(ph);
    let mut l = Layout {
        fonts: loaded,
        done: Vec::new(),
        cur: Vec::new(),
        y: page_h - mm(doc::MARGIN_TOP_MM),
        left: mm(doc::MARGIN_LEFT_MM),
        right: page_w - mm(doc::MARGIN_RIGHT_MM),
        top: page_h - mm(doc::MARGIN_TOP_MM),
        bottom: mm(doc::MARGIN_BOTTOM_MM),
    };
    // "Mẫu số 04", small, at the right.
    let label_w = l.width(Style::Italic, &d.form_label, doc::RECIPIENTS_PT);
    let (right, y) = (l.right, l.y);
    l.page().push(Op::Text {
        style: Style::Italic,
        size: doc::RECIPIENTS_PT,
        x: right - label_w,
        y: y - doc::RECIPIENTS_PT,
        text: d.form_label.clone(),
        word_extra: 0.0,
    });
    l.y -= doc::RECIPIENTS_PT * LEADING + 4.0;
    l.header_block(d);
    let centred = |text: &str, size: f32, bold: bool| Para {
        spans: vec![if bold {
            Span::bold(text)
        } else {
            Span::plain(text)
        }],
        align: Align::Center,
        first_indent_mm: 0.0,
        size,
        space_after: 6.0,
    };
    if let Some(t) = &d.title {
        l.y -= 6.0;
        l.para(&centred(t, 14.0, true));
    }
    if let Some(a) = &d.addressee {
        l.y -= 6.0;
        l.para(&centred(a, 14.0, false));
    }
    for p in &d.before_table {
        l.para(p);
    }
    l.table(&d.table);
    for p in &d.after_table {
        l.para(p);
    }
    l.footer_block(d);

    l.new_page();
    // Page numbers from page 2, centred in the top margin (Decree 30).
    let count = l.done.len();
    for n in 2..=count {
        let text = n.to_string();
        let w = l.width(Style::Regular, &text, doc::BODY_PT);
        if let Some(p) = l.done.get_mut(n - 1) {
            p.push(Op::Text {
                style: Style::Regular,
                size: doc::BODY_PT,
                x: (page_w - w) / 2.0,
                y: page_h - mm(12.0),
                text,
                word_extra: 0.0,
            });
        }
    }
    write_pdf(l, page_w, page_h, d)
}

fn write_pdf(mut l: Layout, page_w: f32, page_h: f32, d: &Doc) -> Result<Vec<u8>, PdfError> {
    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let catalog_id = alloc();
    let tree_id = alloc();
    let info_id = alloc();
    let font_ids: Vec<Ref> = (0..4).map(|_| alloc()).collect();

    // Content streams first: encoding the text decides which glyphs are used.
    let pages = std::mem::take(&mut l.done);
    let mut page_ids = Vec::with_capacity(pages.len());
    let mut streams = Vec::with_capacity(pages.len());
    for ops in &pages {
        let mut c = Content::new();
        c.set_line_width(0.5);
        for op in ops {
            match op {
                Op::Text {
                    style,
                    size,
                    x,
                    y,
                    text,
                    word_extra,
                } => {
                    let font = l.font(*style);
                    c.begin_text();
                    c.set_font(
                        Name(FONT_NAMES.get(*style as usize).copied().unwrap_or(b"F0")),
                        *size,
                    );
                    c.set_text_matrix([1.0, 0.0, 0.0, 1.0, *x, *y]);
                    if *word_extra > 0.0 && text.contains(' ') {
                        let adjust = -word_extra * 1000.0 / size;
                        let mut sp = c.show_positioned();
                        let mut items = sp.items();
                        let mut part = String::new();
                        for ch in text.chars() {
                            part.push(ch);
                            if ch == ' ' {
                                let bytes = font.encode(&part);
                                items.show(Str(&bytes));
                                items.adjust(adjust);
                                part.clear();
                            }
                        }
                        if !part.is_empty() {
                            let bytes = font.encode(&part);
                            items.show(Str(&bytes));
                        }
                        items.finish();
                        sp.finish();
                    } else {
                        let bytes = font.encode(text);
                        c.show(Str(&bytes));
                    }
                    c.end_text();
                }
                Op::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                } => {
                    c.set_line_width(*width);
                    c.move_to(*x1, *y1);
                    c.line_to(*x2, *y2);
                    c.stroke();
                    c.set_line_width(0.5);
                }
                Op::Rect { x, y, w, h } => {
                    c.rect(*x, *y, *w, *h);
                    c.stroke();
                }
            }
        }
        streams.push(c.finish().into_vec());
        page_ids.push(alloc());
    }
    let content_ids: Vec<Ref> = streams.iter().map(|_| alloc()).collect();

    pdf.catalog(catalog_id).pages(tree_id);
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
    for ((page_id, content_id), data) in page_ids.iter().zip(&content_ids).zip(&streams) {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, page_w, page_h));
        page.parent(tree_id);
        page.contents(*content_id);
        let mut res = page.resources();
        let mut fonts = res.fonts();
        for (i, f) in l.fonts.iter().enumerate() {
            if f.used
                && let (Some(name), Some(id)) = (FONT_NAMES.get(i), font_ids.get(i))
            {
                fonts.pair(Name(name), *id);
            }
        }
        fonts.finish();
        res.finish();
        page.finish();
        let compressed = miniz_oxide::deflate::compress_to_vec_zlib(data, 6);
        pdf.stream(*content_id, &compressed)
            .filter(Filter::FlateDecode);
    }

    // Fonts: Type0 → CIDFontType2 → descriptor → subset file; ToUnicode.
    for (i, f) in l.fonts.iter().enumerate() {
        let Some(type0_id) = font_ids.get(i).copied() else {
            continue;
        };
        if !f.used {
            continue;
        }
        let style = STYLES.get(i).copied().unwrap_or("regular");
        let cid_id = alloc();
        let desc_id = alloc();
        let file_id = alloc();
        let cmap_id = alloc();
        let subset = subsetter::subset(f.data, 0, &f.remap).map_err(|_| PdfError {
            code: "pdf_subset_failed",
            style,
        })?;
        let ps_name = f
            .face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .filter(|n| !n.is_empty() && n.is_ascii() && !n.contains([' ', '/', '(', ')']))
            .unwrap_or_else(|| format!("Serif-{style}"));
        let tag = ["KYSOAA", "KYSOAB", "KYSOAC", "KYSOAD"]
            .get(i)
            .copied()
            .unwrap_or("KYSOAA");
        let base = format!("{tag}+{ps_name}");
        let scale = 1000.0 / f.upem;
        pdf.type0_font(type0_id)
            .base_font(Name(base.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_id)
            .to_unicode(cmap_id);
        let widths: Vec<f32> = f
            .remap
            .remapped_gids()
            .map(|old| {
                f32::from(
                    f.face
                        .glyph_hor_advance(ttf_parser::GlyphId(old))
                        .unwrap_or(0),
                ) * scale
            })
            .collect();
        let mut cid = pdf.cid_font(cid_id);
        cid.subtype(CidFontType::Type2)
            .base_font(Name(base.as_bytes()))
            .system_info(SystemInfo {
                registry: Str(b"Adobe"),
                ordering: Str(b"Identity"),
                supplement: 0,
            })
            .font_descriptor(desc_id)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        cid.widths().consecutive(0, widths);
        cid.finish();
        let bbox = f.face.global_bounding_box();
        let mut flags = FontFlags::SERIF | FontFlags::NON_SYMBOLIC;
        if i >= 2 {
            flags |= FontFlags::ITALIC;
        }
        pdf.font_descriptor(desc_id)
            .name(Name(base.as_bytes()))
            .flags(flags)
            .bbox(Rect::new(
                f32::from(bbox.x_min) * scale,
                f32::from(bbox.y_min) * scale,
                f32::from(bbox.x_max) * scale,
                f32::from(bbox.y_max) * scale,
            ))
            .italic_angle(f.face.italic_angle())
            .ascent(f32::from(f.face.ascender()) * scale)
            .descent(f32::from(f.face.descender()) * scale)
            .cap_height(f32::from(f.face.capital_height().unwrap_or(f.face.ascender())) * scale)
            .stem_v(if i % 2 == 1 { 140.0 } else { 80.0 })
            .font_file2(file_id);
        let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&subset, 6);
        pdf.stream(file_id, &compressed)
            .filter(Filter::FlateDecode)
            .pair(
                Name(b"Length1"),
                i32::try_from(subset.len()).unwrap_or(i32::MAX),
            );
        let mut cmap = UnicodeCmap::new(
            Name(b"Kyso-UCS"),
            SystemInfo {
                registry: Str(b"Adobe"),
                ordering: Str(b"UCS"),
                supplement: 0,
            },
        );
        for (g, c) in &f.unicode {
            cmap.pair(*g, *c);
        }
        let cmap_data = cmap.finish();
        pdf.cmap(cmap_id, cmap_data.as_slice());
    }

    let title = d
        .subject_line
        .clone()
        .or_else(|| d.title.clone())
        .unwrap_or_default();
    pdf.document_info(info_id)
        .title(TextStr(&title))
        .producer(TextStr("kyso"));
    Ok(pdf.finish())
}
