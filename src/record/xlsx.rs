//! A small XLSX (SpreadsheetML) writer: one sheet of strings and numbers, zipped by
//! [`crate::forms::zip`] like the letters' DOCX, so the summary export costs no
//! spreadsheet crate in the page.
//!
//! Parts: `[Content_Types].xml`, the package and workbook relationships, the
//! workbook (with the `_FilterDatabase` name Excel expects beside an auto-filter),
//! one worksheet and a style sheet whose second cell format is the bold header.
//! Strings are inline (`t="inlineStr"`), so no shared-string table is needed;
//! Excel, LibreOffice and openpyxl read them. Text goes through the letters' XML
//! escaping, which also drops the characters XML 1.0 forbids (control characters a
//! file name could carry).

use crate::forms::xml::escape;
use crate::forms::zip::zip_files;

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum XCell {
    Text(String),
    Number(f64),
}

/// "A", "B", … "Z", "AA", … for column `i` (0-based).
fn column(i: usize) -> String {
    let mut n = i + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

fn cell_xml(col: usize, row: usize, cell: &XCell, style: u8) -> String {
    let r = format!("{}{row}", column(col));
    let s = if style == 0 {
        String::new()
    } else {
        format!(" s=\"{style}\"")
    };
    match cell {
        XCell::Number(v) if v.is_finite() => format!("<c r=\"{r}\"{s}><v>{v}</v></c>"),
        XCell::Number(_) => format!("<c r=\"{r}\"{s}/>"),
        XCell::Text(t) => format!(
            "<c r=\"{r}\"{s} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            escape(t)
        ),
    }
}

/// A workbook of one sheet named `sheet`: `headers` in bold in row 1 (frozen, with
/// an auto-filter over the table), then `rows`. `widths` are column widths in
/// characters.
pub fn workbook(sheet: &str, headers: &[String], widths: &[u16], rows: &[Vec<XCell>]) -> Vec<u8> {
    zip_files(&parts(sheet, headers, widths, rows))
}

/// The workbook's parts (name, XML), before packing: the page makes these and the
/// writer module packs them (`crate::writer`), so the page links no ZIP compressor.
pub fn parts(
    sheet: &str,
    headers: &[String],
    widths: &[u16],
    rows: &[Vec<XCell>],
) -> Vec<(String, String)> {
    // Excel refuses sheet names over 31 characters or with []:*?/\.
    let name: String = sheet
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    let name = if name.trim().is_empty() {
        "Sheet1".to_string()
    } else {
        name
    };
    let last_col = column(headers.len().saturating_sub(1));
    let last_row = rows.len() + 1;

    let mut sheet_xml = String::with_capacity(512 + rows.len() * 400);
    sheet_xml.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    sheet_xml.push_str(r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#);
    sheet_xml.push_str(&format!("<dimension ref=\"A1:{last_col}{last_row}\"/>"));
    sheet_xml.push_str(r#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#);
    if !widths.is_empty() {
        sheet_xml.push_str("<cols>");
        for (i, w) in widths.iter().enumerate() {
            sheet_xml.push_str(&format!(
                "<col min=\"{n}\" max=\"{n}\" width=\"{w}\" customWidth=\"1\"/>",
                n = i + 1
            ));
        }
        sheet_xml.push_str("</cols>");
    }
    sheet_xml.push_str("<sheetData>");
    sheet_xml.push_str("<row r=\"1\">");
    for (c, h) in headers.iter().enumerate() {
        sheet_xml.push_str(&cell_xml(c, 1, &XCell::Text(h.clone()), 1));
    }
    sheet_xml.push_str("</row>");
    for (i, cells) in rows.iter().enumerate() {
        let r = i + 2;
        sheet_xml.push_str(&format!("<row r=\"{r}\">"));
        for (c, cell) in cells.iter().enumerate() {
            sheet_xml.push_str(&cell_xml(c, r, cell, 0));
        }
        sheet_xml.push_str("</row>");
    }
    sheet_xml.push_str("</sheetData>");
    sheet_xml.push_str(&format!("<autoFilter ref=\"A1:{last_col}{last_row}\"/>"));
    sheet_xml.push_str("</worksheet>");

    let quoted = name.replace('\'', "''");
    let workbook_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{}</definedName></definedNames></workbook>"#,
        escape(&name),
        escape(&format!("'{quoted}'!$A$1:${last_col}${last_row}"))
    );
    vec![
        ("[Content_Types].xml".into(), CONTENT_TYPES.into()),
        ("_rels/.rels".into(), ROOT_RELS.into()),
        ("xl/workbook.xml".into(), workbook_xml),
        ("xl/_rels/workbook.xml.rels".into(), WORKBOOK_RELS.into()),
        ("xl/worksheets/sheet1.xml".into(), sheet_xml),
        ("xl/styles.xml".into(), STYLES.into()),
    ]
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Cell format 0: plain; 1: bold (the header).
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column(0), "A");
        assert_eq!(column(25), "Z");
        assert_eq!(column(26), "AA");
        assert_eq!(column(701), "ZZ");
        assert_eq!(column(702), "AAA");
    }
}
