//! DOCX (Office Open XML, WordprocessingML) written by hand: five parts zipped with
//! [`super::zip`]. Opens in Word and LibreOffice Writer and stays editable: the
//! header block and the signature block are borderless tables, the list is a real
//! table whose first row repeats on every page (`w:tblHeader`).

use super::doc::{self, Align, Doc, Para, Span};
use super::model::Letter;
use super::xml::escape;
use super::zip::zip_files;

/// Twentieths of a point per millimetre.
const TW_PER_MM: f32 = 1440.0 / 25.4;

fn tw(mm: f32) -> i64 {
    (mm * TW_PER_MM).round() as i64
}

fn half_points(pt: f32) -> i64 {
    (pt * 2.0).round() as i64
}

fn run(s: &Span, size: f32) -> String {
    let mut props = String::new();
    if s.bold {
        props.push_str("<w:b/><w:bCs/>");
    }
    if s.italic {
        props.push_str("<w:i/><w:iCs/>");
    }
    let hp = half_points(size);
    props.push_str(&format!("<w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/>"));
    format!(
        "<w:r><w:rPr>{props}</w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        escape(&s.text)
    )
}

fn jc(a: Align) -> &'static str {
    match a {
        Align::Left => "left",
        Align::Center => "center",
        Align::Justify => "both",
    }
}

struct P<'a> {
    spans: &'a [Span],
    size: f32,
    align: Align,
    first_indent_mm: f32,
    after_pt: f32,
    before_pt: f32,
    keep_next: bool,
}

fn para(p: &P) -> String {
    let mut ppr = String::new();
    if p.keep_next {
        ppr.push_str("<w:keepNext/>");
    }
    ppr.push_str(&format!(
        "<w:spacing w:before=\"{}\" w:after=\"{}\" w:line=\"264\" w:lineRule=\"auto\"/>",
        (p.before_pt * 20.0).round() as i64,
        (p.after_pt * 20.0).round() as i64
    ));
    if p.first_indent_mm > 0.0 {
        ppr.push_str(&format!(
            "<w:ind w:firstLine=\"{}\"/>",
            tw(p.first_indent_mm)
        ));
    }
    ppr.push_str(&format!("<w:jc w:val=\"{}\"/>", jc(p.align)));
    let runs: String = p.spans.iter().map(|s| run(s, p.size)).collect();
    format!("<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>")
}

fn simple(text: &str, bold: bool, italic: bool, size: f32, align: Align) -> String {
    let span = Span {
        text: text.to_string(),
        bold,
        italic,
    };
    para(&P {
        spans: std::slice::from_ref(&span),
        size,
        align,
        first_indent_mm: 0.0,
        after_pt: 0.0,
        before_pt: 0.0,
        keep_next: false,
    })
}

/// A short centred rule: an empty paragraph with a bottom border, narrowed by
/// indents so the line is `len_mm` long within a cell `cell_mm` wide.
fn short_rule(cell_mm: f32, len_mm: f32) -> String {
    let side = tw(((cell_mm - len_mm) / 2.0).max(0.0));
    format!(
        "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"{side}\" w:right=\"{side}\"/><w:jc w:val=\"center\"/><w:rPr><w:sz w:val=\"4\"/></w:rPr></w:pPr></w:p>"
    )
}

fn borderless_table(widths_mm: &[f32], cells: &[String]) -> String {
    let grid: String = widths_mm
        .iter()
        .map(|w| format!("<w:gridCol w:w=\"{}\"/>", tw(*w)))
        .collect();
    let tcs: String = widths_mm
        .iter()
        .zip(cells)
        .map(|(w, c)| {
            format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr>{c}</w:tc>",
                tw(*w)
            )
        })
        .collect();
    let total: i64 = widths_mm.iter().map(|w| tw(*w)).sum();
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>{tcs}</w:tr></w:tbl>"
    )
}

/// Widths of the header block's two cells.
pub const HEADER_LEFT_MM: f32 = 68.0;

fn header_block(d: &Doc) -> String {
    let right_mm = (d.text_width_mm() - HEADER_LEFT_MM).min(100.0);
    let mut left = String::new();
    if !d.superior.is_empty() {
        left.push_str(&simple(
            &d.superior,
            false,
            false,
            doc::HEADER_PT,
            Align::Center,
        ));
    }
    left.push_str(&simple(
        &d.managing,
        true,
        false,
        doc::HEADER_PT,
        Align::Center,
    ));
    left.push_str(&short_rule(HEADER_LEFT_MM, 22.0));
    left.push_str(&simple(
        &d.number_line,
        false,
        false,
        doc::BODY_PT,
        Align::Center,
    ));
    if let Some(s) = &d.subject_line {
        left.push_str(&simple(s, false, false, doc::HEADER_PT, Align::Center));
    }
    let mut right = String::new();
    right.push_str(&simple(
        doc::MOTTO_1,
        true,
        false,
        doc::HEADER_PT,
        Align::Center,
    ));
    right.push_str(&simple(
        doc::MOTTO_2,
        true,
        false,
        doc::MOTTO_PT,
        Align::Center,
    ));
    right.push_str(&short_rule(right_mm, 58.0));
    right.push_str(&simple(
        &d.date_line,
        false,
        true,
        doc::BODY_PT,
        Align::Center,
    ));
    borderless_table(&[HEADER_LEFT_MM, right_mm], &[left, right])
}

fn body_para(p: &Para) -> String {
    para(&P {
        spans: &p.spans,
        size: p.size,
        align: p.align,
        first_indent_mm: p.first_indent_mm,
        after_pt: p.space_after,
        before_pt: 0.0,
        keep_next: false,
    })
}

/// A vertically merged header cell: `Some(true)` starts the merge, `Some(false)`
/// continues it (two-level headers).
fn cell_xml(
    width_tw: i64,
    lines: &[String],
    bold: bool,
    center: bool,
    size: f32,
    span: usize,
) -> String {
    cell_xml_merged(width_tw, lines, bold, center, size, span, None)
}

fn cell_xml_merged(
    width_tw: i64,
    lines: &[String],
    bold: bool,
    center: bool,
    size: f32,
    span: usize,
    vmerge: Option<bool>,
) -> String {
    let align = if center { Align::Center } else { Align::Left };
    let paras: String = if lines.is_empty() {
        simple("", bold, false, size, align)
    } else {
        lines
            .iter()
            .map(|l| simple(l, bold, false, size, align))
            .collect()
    };
    let grid_span = if span > 1 {
        format!("<w:gridSpan w:val=\"{span}\"/>")
    } else {
        String::new()
    };
    let merge = match vmerge {
        Some(true) => "<w:vMerge w:val=\"restart\"/>",
        Some(false) => "<w:vMerge/>",
        None => "",
    };
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{width_tw}\" w:type=\"dxa\"/>{grid_span}{merge}<w:vAlign w:val=\"{}\"/></w:tcPr>{paras}</w:tc>",
        if bold { "center" } else { "top" }
    )
}

fn list_table(d: &Doc) -> String {
    let t = &d.table;
    let total_w: u32 = t.weights.iter().map(|w| u32::from(*w)).sum::<u32>().max(1);
    let table_tw = tw(d.text_width_mm());
    let widths: Vec<i64> = t
        .weights
        .iter()
        .map(|w| table_tw * i64::from(*w) / i64::from(total_w))
        .collect();
    let grid: String = widths
        .iter()
        .map(|w| format!("<w:gridCol w:w=\"{w}\"/>"))
        .collect();
    let mut x = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{table_tw}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:color=\"000000\"/><w:left w:val=\"single\" w:sz=\"4\" w:color=\"000000\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:color=\"000000\"/><w:right w:val=\"single\" w:sz=\"4\" w:color=\"000000\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:color=\"000000\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:color=\"000000\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"20\" w:type=\"dxa\"/><w:left w:w=\"57\" w:type=\"dxa\"/><w:bottom w:w=\"20\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    );
    // The header row(s) repeat on every page.
    x.push_str(&header_rows(t, &widths));
    for row in &t.rows {
        x.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for ((c, w), center) in row.iter().zip(&widths).zip(&t.centered) {
            x.push_str(&cell_xml(*w, c, false, *center, t.size, 1));
        }
        x.push_str("</w:tr>");
    }
    if let Some(total) = &t.total {
        let rest: i64 = widths.iter().skip(1).sum();
        x.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        x.push_str(&cell_xml(
            widths.first().copied().unwrap_or(0),
            &[],
            false,
            true,
            t.size,
            1,
        ));
        x.push_str(&cell_xml(
            rest,
            std::slice::from_ref(total),
            true,
            false,
            t.size,
            widths.len().saturating_sub(1),
        ));
        x.push_str("</w:tr>");
    }
    x.push_str("</w:tbl>");
    x
}

/// One header row, or two when columns are grouped: a group's label spans its
/// columns on the first row and their own headers sit on the second; the other
/// headers span both rows (vertical merge).
fn header_rows(t: &doc::Table, widths: &[i64]) -> String {
    const ROW: &str = "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    let group_at = |i: usize| {
        t.groups
            .iter()
            .find(|g| (g.first..g.first + g.span).contains(&i))
    };
    let mut x = String::from(ROW);
    for (i, (h, w)) in t.headers.iter().zip(widths).enumerate() {
        match group_at(i) {
            Some(g) if g.first == i => {
                let span_w: i64 = widths.iter().skip(i).take(g.span).sum();
                x.push_str(&cell_xml(
                    span_w,
                    std::slice::from_ref(&g.label),
                    true,
                    true,
                    t.size,
                    g.span,
                ));
            }
            Some(_) => {}
            None => {
                let merge = (!t.groups.is_empty()).then_some(true);
                x.push_str(&cell_xml_merged(
                    *w,
                    std::slice::from_ref(h),
                    true,
                    true,
                    t.size,
                    1,
                    merge,
                ));
            }
        }
    }
    x.push_str("</w:tr>");
    if t.groups.is_empty() {
        return x;
    }
    x.push_str(ROW);
    for (i, (h, w)) in t.headers.iter().zip(widths).enumerate() {
        if group_at(i).is_some() {
            x.push_str(&cell_xml(
                *w,
                std::slice::from_ref(h),
                true,
                true,
                t.size,
                1,
            ));
        } else {
            x.push_str(&cell_xml_merged(
                *w,
                &[],
                true,
                true,
                t.size,
                1,
                Some(false),
            ));
        }
    }
    x.push_str("</w:tr>");
    x
}

fn signature_cell(s: &doc::Signature) -> String {
    let mut c = String::new();
    for line in s.title_lines() {
        c.push_str(&simple(line, true, false, doc::BODY_PT, Align::Center));
    }
    if !s.note.is_empty() {
        c.push_str(&simple(&s.note, false, true, doc::BODY_PT, Align::Center));
    }
    for _ in 0..4 {
        c.push_str(&simple("", false, false, doc::BODY_PT, Align::Center));
    }
    c.push_str(&simple(&s.name, true, false, doc::BODY_PT, Align::Center));
    c
}

fn footer_block(d: &Doc) -> String {
    let width = d.text_width_mm();
    match (&d.recipients, d.signatures.as_slice()) {
        (Some(rec), [sig]) => {
            let mut left = simple(
                "Nơi nhận:",
                true,
                true,
                doc::RECIPIENTS_LABEL_PT,
                Align::Left,
            );
            for r in rec {
                left.push_str(&simple(r, false, false, doc::RECIPIENTS_PT, Align::Left));
            }
            borderless_table(&[width * 0.45, width * 0.55], &[left, signature_cell(sig)])
        }
        (_, [a, b]) => borderless_table(
            &[width * 0.5, width * 0.5],
            &[signature_cell(a), signature_cell(b)],
        ),
        (_, sigs) => {
            let cells: Vec<String> = sigs.iter().map(signature_cell).collect();
            let n = cells.len().max(1) as f32;
            let widths: Vec<f32> = cells.iter().map(|_| width / n).collect();
            borderless_table(&widths, &cells)
        }
    }
}

/// word/document.xml for `d`.
pub fn document_xml(d: &Doc) -> String {
    let mut b = String::with_capacity(64 * 1024 + d.table.rows.len() * 2048);
    b.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    b.push_str(r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#);
    b.push_str(
        &simple(&d.form_label, false, true, doc::RECIPIENTS_PT, Align::Left)
            .replace("<w:jc w:val=\"left\"/>", "<w:jc w:val=\"right\"/>"),
    );
    b.push_str(&header_block(d));
    if let Some(t) = &d.title {
        let span = Span::bold(t.clone());
        b.push_str(&para(&P {
            spans: std::slice::from_ref(&span),
            size: 14.0,
            align: Align::Center,
            first_indent_mm: 0.0,
            after_pt: 6.0,
            before_pt: 12.0,
            keep_next: true,
        }));
    }
    if let Some(a) = &d.addressee {
        let span = Span::plain(a.clone());
        b.push_str(&para(&P {
            spans: std::slice::from_ref(&span),
            size: 14.0,
            align: Align::Center,
            first_indent_mm: 0.0,
            after_pt: 6.0,
            before_pt: 12.0,
            keep_next: true,
        }));
    }
    for p in &d.before_table {
        b.push_str(&body_para(p));
    }
    b.push_str(&list_table(d));
    b.push_str(&simple("", false, false, 6.0, Align::Left));
    for p in &d.after_table {
        b.push_str(&body_para(p));
    }
    b.push_str(&footer_block(d));
    let (pw, ph) = d.page_mm();
    b.push_str(&format!(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/><w:headerReference w:type=\"first\" r:id=\"rId3\"/><w:pgSz w:w=\"{}\" w:h=\"{}\"{}/><w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"720\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>",
        tw(pw),
        tw(ph),
        if d.landscape { " w:orient=\"landscape\"" } else { "" },
        tw(doc::MARGIN_TOP_MM),
        tw(doc::MARGIN_RIGHT_MM),
        tw(doc::MARGIN_BOTTOM_MM),
        tw(doc::MARGIN_LEFT_MM),
        tw(doc::MARGIN_TOP_MM / 2.0)
    ));
    b.push_str("</w:body></w:document>");
    b
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"#;

/// The page number, centred in the top margin, from page 2 (Decree 30/2020, Phụ lục
/// I): the default header holds a PAGE field; the first page's header (`titlePg`)
/// is empty.
const HEADER_PAGE_NUMBER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"#;

const HEADER_FIRST: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p/></w:hdr>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;

fn core_xml(d: &Doc) -> String {
    let title = d
        .subject_line
        .clone()
        .or_else(|| d.title.clone())
        .unwrap_or_default();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>"#,
        escape(&title),
        escape(&d.managing)
    )
}

/// The letter as a .docx file.
pub fn to_docx(letter: &Letter) -> Vec<u8> {
    render(&doc::build(letter))
}

/// Any laid-out document as a .docx file (the letters, and the verification record
/// of `crate::record`, which shares their layout and writers).
pub fn render(d: &Doc) -> Vec<u8> {
    zip_files(&[
        (
            "[Content_Types].xml".to_string(),
            CONTENT_TYPES.as_bytes().to_vec(),
        ),
        ("_rels/.rels".to_string(), ROOT_RELS.as_bytes().to_vec()),
        (
            "word/document.xml".to_string(),
            document_xml(d).into_bytes(),
        ),
        (
            "word/_rels/document.xml.rels".to_string(),
            DOC_RELS.as_bytes().to_vec(),
        ),
        ("word/styles.xml".to_string(), STYLES.as_bytes().to_vec()),
        (
            "word/header1.xml".to_string(),
            HEADER_PAGE_NUMBER.as_bytes().to_vec(),
        ),
        (
            "word/header2.xml".to_string(),
            HEADER_FIRST.as_bytes().to_vec(),
        ),
        ("docProps/core.xml".to_string(), core_xml(d).into_bytes()),
    ])
}
