//! Writing the laid-out pages as PDF objects: content streams, the page tree, the
//! subset fonts (Type0 → CIDFontType2, ToUnicode) and the document info. Separate
//! from layout: this is the only part that talks to pdf-writer and the subsetter.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::layout::{FONT_NAMES, Layout, Op};
use super::{PdfError, STYLES};
use crate::forms::doc::Doc;

pub(super) fn write_pdf(
    mut l: Layout,
    page_w: f32,
    page_h: f32,
    d: &Doc,
) -> Result<Vec<u8>, PdfError> {
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
