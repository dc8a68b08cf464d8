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

mod blocks;
mod font;
mod layout;
mod table;
mod write;

use serde::Serialize;

use super::doc::{self, Align, Doc, Para, Span};
use super::model::Letter;
use font::Font;
use layout::{LEADING, Layout, Op, Style};
use write::write_pdf;

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

/// The letter as a PDF.
pub fn to_pdf(letter: &Letter, fonts: &FontSet) -> Result<Vec<u8>, PdfError> {
    render(&doc::build(letter), fonts)
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
