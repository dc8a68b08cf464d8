//! One face of the serif in use: its metrics, the glyphs used so far and the text
//! they stand for. Separate from the layout because it is the only part that talks
//! to ttf-parser and the subsetter's glyph remapping.

use std::collections::BTreeMap;

use subsetter::GlyphRemapper;

use super::PdfError;

/// One face in use: metrics, the glyphs used so far and their text.
pub(super) struct Font<'a> {
    pub(super) face: ttf_parser::Face<'a>,
    pub(super) data: &'a [u8],
    pub(super) upem: f32,
    pub(super) remap: GlyphRemapper,
    /// New glyph id → the text it stands for (ToUnicode).
    pub(super) unicode: BTreeMap<u16, char>,
    pub(super) used: bool,
    /// Advance cache for the Latin + Vietnamese ranges.
    pub(super) cache: BTreeMap<char, (u16, f32)>,
}

impl<'a> Font<'a> {
    pub(super) fn new(data: &'a [u8], style: &'static str) -> Result<Font<'a>, PdfError> {
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
    pub(super) fn glyph(&mut self, c: char) -> (u16, f32) {
        if let Some(g) = self.cache.get(&c) {
            return *g;
        }
        let gid = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        let adv = self.face.glyph_hor_advance(gid).unwrap_or(0);
        let g = (gid.0, f32::from(adv) * 1000.0 / self.upem);
        self.cache.insert(c, g);
        g
    }

    pub(super) fn width(&mut self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size / 1000.0
    }

    /// Two-byte codes (new glyph ids) for `text`, recording the glyphs used.
    pub(super) fn encode(&mut self, text: &str) -> Vec<u8> {
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
