//! The CA's bulk-import sheet: clerks also register Mẫu 01 requests in the CA's
//! online system by uploading an Excel sheet of 19 columns. kyso reads that sheet as
//! a list and writes the current rows into it, so one set of data serves both the
//! letter and the online system.
//!
//! The column list is the one a practitioner tool writes for that system (public
//! repository `tghip26/baocaocongviec`, `js/tool-vgca-doichieu.js`; see
//! `../shared/domain/forms-wording.md`), headers as that tool spells them ("CCCC" is
//! its spelling). The sheet is for individuals (Mẫu 01): the ID's issue place is one
//! of two codes, the agency is split into up to four levels ("Tổ chức cấp 1" is the
//! top), and the SIM PKI column becomes "Nhà mạng", "Là chuyển số (X)" and the
//! device type (TOKEN, SIM, SOFT, RSSP for remote signing, HSM; empty means TOKEN).

use super::model::{FormKind, Letter, Row};
use super::nfc::{fold, nfc};
use super::xml::escape;
use super::zip::zip_files;

/// The 19 headers, in order.
pub const HEADERS: [&str; 19] = [
    "STT",
    "Họ tên (bắt buộc)",
    "Ngày sinh (bắt buộc, để dạng dd/MM/YYYY)",
    "CCCC (Căn cước công dân, bắt buộc)",
    "Nơi cấp (Nơi cấp CCCD; để một trong 2 nơi: CCSQLHCVTTXH hoặc CCSĐKQLCTVDLQGVDC)",
    "Ngày cấp (bắt buộc, để dạng dd/MM/YYYY)",
    "Địa chỉ thư điện tử công vụ (bắt buộc)",
    "Tổ chức cấp 1 (bắt buộc)",
    "Tổ chức cấp 2",
    "Tổ chức cấp 3",
    "Tổ chức cấp 4",
    "Tỉnh thành phố (Bắt buộc)",
    "Tỉnh/Thành phố",
    "Chức vụ (Bắt buộc)",
    "Điện thoại",
    "Serial CTS cũ",
    "Nhà mạng (bắt buộc nếu đăng ký SIM)",
    "Là chuyển số (đánh dấu X nếu muốn chuyển số đang dùng sang SIM ký số)",
    "Loại thiết bị( nếu không ghi sẽ là token; là một trong các loại sau: (TOKEN, SIM, SOFT, RSSP, HSM); RSSP là ký số tập trung",
];

/// The two issuers of ID cards the sheet accepts: its code and the authority's name.
pub const ISSUE_PLACES: [(&str, &str); 2] = [
    (
        "CCSQLHCVTTXH",
        "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
    ),
    (
        "CCSĐKQLCTVDLQGVDC",
        "Cục Cảnh sát đăng ký, quản lý cư trú và dữ liệu quốc gia về dân cư",
    ),
];

/// The sheet's code for an issue place as written in a row, when it names one of
/// the two authorities (by code, full name or the usual abbreviations).
pub fn issue_place_code(place: &str) -> Option<&'static str> {
    let f = fold(place);
    let compact: String = f.chars().filter(|c| !c.is_whitespace()).collect();
    let [(qlhc, _), (dkql, _)] = ISSUE_PLACES;
    if compact == fold(qlhc) || f.contains("quan ly hanh chinh") || f.contains("qlhc") {
        Some(qlhc)
    } else if compact == fold(dkql).replace(' ', "")
        || f.contains("cu tru")
        || f.contains("du lieu quoc gia")
        || f.contains("dkqlct")
    {
        Some(dkql)
    } else {
        None
    }
}

/// True when a header line is the CA's sheet (its own columns, not a letter's).
pub fn is_ca_header(cells: &[String]) -> bool {
    let folded: Vec<String> = cells.iter().map(|c| fold(c)).collect();
    let marks = ["to chuc cap 1", "la chuyen so", "loai thiet bi", "nha mang"];
    marks
        .iter()
        .filter(|m| folded.iter().any(|c| c.starts_with(*m)))
        .count()
        >= 3
}

fn cell(cells: &[String], i: usize) -> String {
    cells.get(i).map(|c| nfc(c.trim())).unwrap_or_default()
}

/// Rows of Mẫu 01 from the sheet's lines after its header (blank lines skipped).
pub fn rows_from_lines(lines: &[(usize, Vec<String>)]) -> Vec<Row> {
    lines
        .iter()
        .skip_while(|(_, cells)| !is_ca_header(cells))
        .skip(1)
        .filter(|(_, cells)| cells.iter().skip(1).any(|c| !c.trim().is_empty()))
        .map(|(_, c)| row_from_cells(c))
        .collect()
}

fn row_from_cells(c: &[String]) -> Row {
    let place = cell(c, 4);
    let place = ISSUE_PLACES
        .iter()
        .find(|(code, _)| fold(code) == fold(&place))
        .map_or(place, |(_, name)| (*name).to_string());
    // "Tổ chức cấp 1" is the top: the letter writes the most specific first.
    let agency: Vec<String> = (7..=10)
        .rev()
        .map(|i| cell(c, i))
        .filter(|s| !s.is_empty())
        .collect();
    let province = Some(cell(c, 11))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| cell(c, 12));
    let carrier = cell(c, 16);
    let moved = fold(&cell(c, 17)) == "x";
    let sim_pki = match (carrier.is_empty(), moved) {
        (true, _) => String::new(),
        (false, true) => format!("{carrier}/cs"),
        (false, false) => carrier,
    };
    Row {
        full_name: cell(c, 1),
        birth_date: cell(c, 2),
        id_number: cell(c, 3),
        id_issue_place: place,
        id_issue_date: cell(c, 5),
        email: cell(c, 6),
        agency: agency.join(", "),
        province,
        title: cell(c, 13),
        mobile: cell(c, 14),
        old_serial: cell(c, 15),
        sim_pki,
        ..Row::default()
    }
}

/// The 19 cells of one row.
pub fn cells_of(row: &Row, n: usize, central_signing: bool) -> [String; 19] {
    let mut levels: Vec<String> = row
        .agency
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .rev()
        .collect();
    // More than four levels: the most specific ones share the fourth.
    if levels.len() > 4 {
        let rest: Vec<String> = levels.split_off(3).into_iter().rev().collect();
        levels.push(rest.join(", "));
    }
    levels.resize(4, String::new());
    let (carrier, moved) = match row.sim_pki.trim().split_once('/') {
        Some((c, cs)) => (c.trim().to_string(), fold(cs) == "cs"),
        None => (row.sim_pki.trim().to_string(), false),
    };
    let device = if central_signing {
        "RSSP"
    } else if !carrier.is_empty() {
        "SIM"
    } else {
        ""
    };
    let place = issue_place_code(&row.id_issue_place)
        .map_or_else(|| row.id_issue_place.clone(), str::to_string);
    let [l1, l2, l3, l4]: [String; 4] = levels.try_into().unwrap_or_default();
    [
        n.to_string(),
        row.full_name.clone(),
        row.birth_date.clone(),
        row.id_number.clone(),
        place,
        row.id_issue_date.clone(),
        row.email.clone(),
        l1,
        l2,
        l3,
        l4,
        row.province.clone(),
        row.province.clone(),
        row.title.clone(),
        row.mobile.clone(),
        row.old_serial.clone(),
        carrier,
        if moved { "X".into() } else { String::new() },
        device.into(),
    ]
}

/// "A", "B", … "S" for the 19 columns.
fn column_letter(i: usize) -> char {
    char::from(b'A' + u8::try_from(i % 26).unwrap_or(0))
}

fn sheet_row(r: usize, cells: &[String]) -> String {
    let mut x = format!("<row r=\"{r}\">");
    for (i, c) in cells.iter().enumerate() {
        // Every cell is text (style 1, format "@"): IDs and phone numbers keep
        // their leading zeros.
        x.push_str(&format!(
            "<c r=\"{}{r}\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            column_letter(i),
            escape(c)
        ));
    }
    x.push_str("</row>");
    x
}

/// The letter's rows as the CA's import sheet (XLSX). Only Mẫu 01 has this sheet;
/// another form gives the header alone.
pub fn to_xlsx(letter: &Letter) -> Vec<u8> {
    zip_files(&parts(letter))
}

/// The sheet's parts (name, XML), before packing: the page makes these and the
/// writer module packs them (`crate::writer`), so the page links no ZIP compressor.
pub fn parts(letter: &Letter) -> Vec<(String, String)> {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    let headers: Vec<String> = HEADERS.iter().map(|h| (*h).to_string()).collect();
    sheet.push_str(&sheet_row(1, &headers));
    if letter.kind == FormKind::F01 {
        for (i, row) in letter.rows.iter().enumerate() {
            sheet.push_str(&sheet_row(
                i + 2,
                &cells_of(row, i + 1, letter.central_signing),
            ));
        }
    }
    sheet.push_str("</sheetData></worksheet>");
    [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/styles.xml", STYLES),
    ]
    .into_iter()
    .map(|(name, xml)| (name.to_string(), xml.to_string()))
    .chain([("xl/worksheets/sheet1.xml".to_string(), sheet)])
    .collect()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ket_qua" sheetId="1" r:id="rId1"/></sheets></workbook>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Two cell formats: the default, and text ("@", number format 49).
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_places_by_code_and_name() {
        assert_eq!(
            issue_place_code("Cục Cảnh sát QLHC về TTXH"),
            Some("CCSQLHCVTTXH")
        );
        assert_eq!(
            issue_place_code("Cục Cảnh sát đăng ký, quản lý cư trú và dữ liệu quốc gia về dân cư"),
            Some("CCSĐKQLCTVDLQGVDC")
        );
        assert_eq!(
            issue_place_code("CCSĐKQLCTVDLQGVDC"),
            Some("CCSĐKQLCTVDLQGVDC")
        );
        assert_eq!(issue_place_code("Công an tỉnh Cao Bằng"), None);
    }

    #[test]
    fn cells_round_trip() {
        let row = Row {
            full_name: "Nguyễn Văn An".into(),
            agency: "Phòng Tổ chức, Sở Nội vụ, UBND tỉnh Cao Bằng".into(),
            sim_pki: "Viettel/cs".into(),
            id_issue_place: "Cục Cảnh sát QLHC về TTXH".into(),
            province: "Cao Bằng".into(),
            ..Row::default()
        };
        let cells = cells_of(&row, 1, false);
        assert_eq!(
            &cells[7..11],
            ["UBND tỉnh Cao Bằng", "Sở Nội vụ", "Phòng Tổ chức", ""]
        );
        assert_eq!(&cells[16..19], ["Viettel", "X", "SIM"]);
        let back = row_from_cells(&cells);
        assert_eq!(back.agency, row.agency);
        assert_eq!(back.sim_pki, "Viettel/cs");
        assert_eq!(
            back.id_issue_place,
            "Cục Cảnh sát quản lý hành chính về trật tự xã hội"
        );
    }
}
