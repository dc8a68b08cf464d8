//! The recipe of a hostile PDF shape: a form with many fields, signed, then many
//! small incremental updates, each rewriting one thing (a field, the form's field
//! list, the page tree, a font every page uses ...).
//!
//! Shared by tests/pdf_many_updates.rs (the sizes CI runs) and
//! benches/many_updates.rs (the full-size matrix, and the writer of
//! tests/fixtures/fuzz-regressions/many-updates-many-fields.pdf), each including it
//! with `#[path]`.

#![allow(dead_code)]

/// What the last update does, besides the field rewrites before it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Last {
    /// One more field rewrite (allowed after an approval signature).
    FieldFill,
    /// The content stream of the first page (never allowed).
    PageContent,
}

/// What each update (but the last) rewrites.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Each {
    /// One field, with a new value.
    Field,
    /// The AcroForm, with its whole `/Fields` array.
    AcroForm,
    /// The catalog.
    Catalog,
    /// The root of the page tree (all its `/Kids`).
    PageTree,
    /// The font every page uses.
    Font,
    /// Fifty fields.
    Fields50,
}

pub fn generate(fields: usize, updates: usize, last: Last) -> Vec<u8> {
    generate_with(fields, 100, updates, Each::Field, last)
}

/// A document with `fields` text fields (merged field/widget dictionaries,
/// `per_page` per page) and a signature field, signed (a placeholder CMS) in
/// revision 0; then `updates` incremental updates, each with its own xref table and
/// `/Prev`, each rewriting what `each` says (the last one: what `last` says).
///
/// Objects: 1 catalog, 2 page tree, 3 AcroForm, 4 font, 5 signature field,
/// 6 signature dictionary, 10.. pages, then each page's content stream, then the
/// fields.
pub fn generate_with(
    fields: usize,
    per_page: usize,
    updates: usize,
    each: Each,
    last: Last,
) -> Vec<u8> {
    let pages = fields.div_ceil(per_page).max(1);
    let page_num = |p: usize| 10 + p;
    let content_num = |p: usize| 10 + pages + p;
    let field_num = |f: usize| 10 + 2 * pages + f;
    let size = field_num(fields);

    let mut buf: Vec<u8> = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets: Vec<(usize, usize)> = Vec::new();
    let mut obj = |buf: &mut Vec<u8>, num: usize, body: &str| {
        offsets.push((num, buf.len()));
        buf.extend_from_slice(format!("{num} 0 obj\n{body}\nendobj\n").as_bytes());
    };

    obj(
        &mut buf,
        1,
        "<< /Type /Catalog /Pages 2 0 R /AcroForm 3 0 R >>",
    );
    let kids: String = (0..pages)
        .map(|p| format!("{} 0 R ", page_num(p)))
        .collect();
    obj(
        &mut buf,
        2,
        &format!("<< /Type /Pages /Kids [{kids}] /Count {pages} >>"),
    );
    let all_fields: String = (0..fields)
        .map(|f| format!("{} 0 R ", field_num(f)))
        .collect();
    obj(
        &mut buf,
        3,
        &format!("<< /Fields [5 0 R {all_fields}] /DA (/F1 0 Tf 0 g) /SigFlags 3 >>"),
    );
    obj(
        &mut buf,
        4,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    );
    obj(
        &mut buf,
        5,
        &format!(
            "<< /FT /Sig /T (Sig1) /V 6 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P {} 0 R >>",
            page_num(0)
        ),
    );
    // The signature dictionary; its /ByteRange is patched once revision 0 ends.
    let sig_at = buf.len();
    let placeholder = "[0 0000000000 0000000000 0000000000]";
    let contents = format!("<3082{}>", "0".repeat(124));
    obj(
        &mut buf,
        6,
        &format!(
            "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M (D:20240131120000+07'00') /ByteRange {placeholder} /Contents {contents} >>"
        ),
    );
    for p in 0..pages {
        let first = p * per_page;
        let annots: String = (first..(first + per_page).min(fields))
            .map(|f| format!("{} 0 R ", field_num(f)))
            .collect();
        let sig = if p == 0 { "5 0 R " } else { "" };
        obj(
            &mut buf,
            page_num(p),
            &format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R /Resources << /Font << /F1 4 0 R >> >> /Annots [{sig}{annots}] >>",
                content_num(p)
            ),
        );
    }
    let content = |text: &str| {
        let data = format!("BT /F1 12 Tf 72 770 Td ({text}) Tj ET");
        format!("<< /Length {} >>\nstream\n{data}\nendstream", data.len())
    };
    for p in 0..pages {
        obj(&mut buf, content_num(p), &content(&format!("Trang {p}")));
    }
    for f in 0..fields {
        let (x, y) = (50 + (f % 10) * 50, 50 + (f % per_page / 10) * 70);
        obj(
            &mut buf,
            field_num(f),
            &format!(
                "<< /FT /Tx /T (f{f}) /V (v{f}) /Type /Annot /Subtype /Widget /Rect [{x} {y} {} {}] /P {} 0 R >>",
                x + 40,
                y + 20,
                page_num(f / per_page)
            ),
        );
    }

    let mut prev: Option<usize> = None;
    let end_revision =
        |buf: &mut Vec<u8>, offsets: &mut Vec<(usize, usize)>, prev: &mut Option<usize>| {
            offsets.sort_unstable();
            let at = buf.len();
            let mut t = String::from("xref\n");
            if prev.is_none() {
                t.push_str("0 1\n0000000000 65535 f\r\n");
            }
            for (n, o) in offsets.drain(..) {
                t.push_str(&format!("{n} 1\n{o:010} 00000 n\r\n"));
            }
            let prev_key = prev.map(|p| format!(" /Prev {p}")).unwrap_or_default();
            t.push_str(&format!(
                "trailer\n<< /Size {size}{prev_key} /Root 1 0 R >>\nstartxref\n{at}\n%%EOF\n"
            ));
            buf.extend_from_slice(t.as_bytes());
            *prev = Some(at);
        };
    end_revision(&mut buf, &mut offsets, &mut prev);
    // The signature covers revision 0: [0, /Contents) and (/Contents, end).
    let signed_end = buf.len();
    let head = &buf[sig_at..];
    let c_start = sig_at + find(head, b"/Contents <").unwrap() + 10;
    let c_end = c_start + contents.len();
    let br = format!("[0 {c_start:010} {c_end:010} {:010}]", signed_end - c_end);
    let br_at = sig_at + find(head, placeholder.as_bytes()).unwrap();
    buf[br_at..br_at + br.len()].copy_from_slice(br.as_bytes());

    for u in 1..=updates {
        if u == updates && last == Last::PageContent {
            let body = content("Trang 0, sửa sau khi ký");
            offsets.push((content_num(0), buf.len()));
            buf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", content_num(0)).as_bytes());
        } else {
            let mut put = |buf: &mut Vec<u8>, num: usize, body: &str| {
                offsets.push((num, buf.len()));
                buf.extend_from_slice(format!("{num} 0 obj\n{body}\nendobj\n").as_bytes());
            };
            let field = |f: usize| {
                let (x, y) = (50 + (f % 10) * 50, 50 + (f % per_page / 10) * 70);
                format!(
                    "<< /FT /Tx /T (f{f}) /V (u{u}) /Type /Annot /Subtype /Widget /Rect [{x} {y} {} {}] /P {} 0 R >>",
                    x + 40,
                    y + 20,
                    page_num(f / per_page)
                )
            };
            match each {
                Each::Field => {
                    let f = (u * 7919) % fields.max(1);
                    put(&mut buf, field_num(f), &field(f));
                }
                Each::Fields50 => {
                    for i in 0..50 {
                        let f = (u * 7919 + i * 104_729) % fields.max(1);
                        put(&mut buf, field_num(f), &field(f));
                    }
                }
                Each::AcroForm => put(
                    &mut buf,
                    3,
                    &format!(
                        "<< /Fields [5 0 R {all_fields}] /DA (/F1 0 Tf 0 g) /SigFlags 3 /NeedAppearances {} >>",
                        u % 2 == 0
                    ),
                ),
                Each::Catalog => put(
                    &mut buf,
                    1,
                    &format!("<< /Type /Catalog /Pages 2 0 R /AcroForm 3 0 R /Lang (vi{u}) >>"),
                ),
                Each::PageTree => put(
                    &mut buf,
                    2,
                    &format!(
                        "<< /Type /Pages /Kids [{kids}] /Count {pages} /Rotate {} >>",
                        90 * (u % 2)
                    ),
                ),
                Each::Font => put(
                    &mut buf,
                    4,
                    &format!("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Name /F{u} >>"),
                ),
            }
        }
        end_revision(&mut buf, &mut offsets, &mut prev);
    }
    buf
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// All the shapes, for loops.
pub const EACH: [Each; 6] = [
    Each::Field,
    Each::AcroForm,
    Each::Catalog,
    Each::PageTree,
    Each::Font,
    Each::Fields50,
];

/// The bytes of tests/fixtures/fuzz-regressions/many-updates-many-fields.pdf.
pub fn regression_fixture() -> Vec<u8> {
    generate(600, 440, Last::PageContent)
}
