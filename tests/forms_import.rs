//! Lists from spreadsheets: the fixtures made by openpyxl (make.py) and a 50,000-row
//! sheet built here.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use kyso::forms::{self, FormKind, ImportError};

fn fx(name: &str) -> Vec<u8> {
    common::read(&common::fixture("forms").join(name))
}

#[test]
fn normal_sheets() {
    let rows = forms::import_rows(FormKind::F04, "list-04.xlsx", &fx("list-04.xlsx")).unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].cert_name, "Phạm Thị Ngọc Ánh");
    assert!(rows[0].renew && !rows[0].change);
    assert!(rows[1].change && rows[1].change_new == "Cơ quan: Sở Y tế và Dân số");
    let rows = forms::import_rows(FormKind::F01, "list-01.xlsx", &fx("list-01.xlsx")).unwrap();
    assert_eq!(rows[0].id_number, "001088012345");
    assert_eq!(rows[0].mobile, "0912345678");
    assert_eq!(rows[0].birth_date, "21/07/1988");
    let rows = forms::import_rows(FormKind::F05, "list-05.csv", &fx("list-05.csv")).unwrap();
    assert_eq!(
        rows[1].reason,
        "Sáp nhập cơ quan\n(theo Nghị quyết của HĐND)"
    );
}

fn err(kind: FormKind, name: &str, bytes: &[u8]) -> ImportError {
    forms::import_rows(kind, name, bytes).unwrap_err()
}

#[test]
fn bad_sheets_name_the_line() {
    let e = err(
        FormKind::F04,
        "wrong-columns.xlsx",
        &fx("wrong-columns.xlsx"),
    );
    assert_eq!((e.code, e.line), ("import_column_not_in_form", Some(1)));
    let e = err(FormKind::F04, "merged.xlsx", &fx("merged.xlsx"));
    assert_eq!(
        (e.code, e.line, e.column.as_deref()),
        ("import_merged_cells", Some(3), Some("B3"))
    );
    assert_eq!(
        err(FormKind::F04, "junk.xlsx", &fx("junk.xlsx")).code,
        "import_not_xlsx"
    );
    assert_eq!(
        err(FormKind::F04, "junk.csv", &fx("junk.xlsx")).code,
        "import_binary"
    );
    assert_eq!(
        err(FormKind::F04, "a.xls", &[0xD0, 0xCF, 0x11, 0xE0, 0, 0]).code,
        "import_old_xls"
    );
    // A truncated workbook.
    let x = fx("list-04.xlsx");
    assert!(forms::import_rows(FormKind::F04, "cut.xlsx", &x[..x.len() / 2]).is_err());
}

/// A minimal XLSX written with our own ZIP writer (inline strings).
fn sheet_with_rows(n: usize) -> Vec<u8> {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tên chứng thư số</t></is></c><c r="B1" t="inlineStr"><is><t>Số hiệu chứng thư số</t></is></c></row>"#,
    );
    for i in 0..n {
        let r = i + 2;
        sheet.push_str(&format!(r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Người {i}</t></is></c><c r="B{r}" t="inlineStr"><is><t>{i:X}</t></is></c></row>"#));
    }
    sheet.push_str("</sheetData></worksheet>");
    let wb = r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    forms::zip_files(&[
        ("xl/workbook.xml".into(), wb.as_bytes().to_vec()),
        (
            "xl/_rels/workbook.xml.rels".into(),
            rels.as_bytes().to_vec(),
        ),
        ("xl/worksheets/sheet1.xml".into(), sheet.into_bytes()),
    ])
}

#[test]
fn fifty_thousand_rows_are_refused_with_the_line() {
    let ok = forms::import_rows(FormKind::F04, "s.xlsx", &sheet_with_rows(100)).unwrap();
    assert_eq!(ok.len(), 100);
    assert_eq!(ok[99].serial, "63");
    let e = err(FormKind::F04, "big.xlsx", &sheet_with_rows(50_000));
    assert_eq!(
        (e.code, e.line),
        ("import_too_many_rows", Some(forms::import::MAX_ROWS + 2))
    );
    let mut csv = String::from("Tên chứng thư số,Số hiệu chứng thư số\n");
    for i in 0..50_000 {
        csv.push_str(&format!("Người {i},{i:X}\n"));
    }
    let e = err(FormKind::F04, "big.csv", csv.as_bytes());
    assert_eq!(
        (e.code, e.line),
        ("import_too_many_rows", Some(forms::import::MAX_ROWS + 2))
    );
}

#[test]
fn drafts_round_trip() {
    let json = String::from_utf8(fx("draft-04.json")).unwrap();
    let l = forms::Letter::from_json(&json).unwrap();
    assert_eq!(l.kind, FormKind::F04);
    assert_eq!(l.rows[0].cert_name, "Lê Thị Hương");
    let again = forms::Letter::from_json(&l.to_json()).unwrap();
    assert_eq!(again, l);
    assert_eq!(
        forms::Letter::from_json("{\"kind\":\"10\"}")
            .unwrap_err()
            .code,
        "draft_bad_field"
    );
    assert_eq!(
        forms::Letter::from_json("{\"kind\":").unwrap_err().code,
        "draft_truncated"
    );
    let decomposed = json.replace(
        "Lê Thị Hương",
        "Le\u{0302} Thi\u{0323} Hu\u{031B}o\u{031B}ng",
    );
    assert_eq!(
        forms::Letter::from_json(&decomposed).unwrap().rows[0].cert_name,
        "Lê Thị Hương"
    );
}
