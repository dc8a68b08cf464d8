//! The CA's bulk-import sheet (19 columns): read from a sheet made by openpyxl
//! (`tests/fixtures/forms/make.py`), written by kyso and read back by openpyxl (when
//! the test machine has it, else by LibreOffice) and by kyso's own reader.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod forms_support;

use std::path::PathBuf;
use std::process::Command;

use kyso::forms::{self, FormKind, Letter, ca_sheet};

fn out_dir() -> PathBuf {
    forms_support::out_dir("forms_ca_sheet")
}

#[test]
fn the_cas_sheet_is_read_as_a_form_01_list() {
    let bytes = common::read(&common::fixture("forms/ca-sheet-01.xlsx"));
    let rows = forms::import_rows(FormKind::F01, "ca-sheet-01.xlsx", &bytes).unwrap();
    assert_eq!(rows.len(), 2);
    let a = &rows[0];
    assert_eq!(a.full_name, "Nguyễn Văn An");
    assert_eq!(a.id_number, "004085000001");
    assert_eq!(
        a.id_issue_place,
        "Cục Cảnh sát quản lý hành chính về trật tự xã hội"
    );
    assert_eq!(a.agency, "Phòng Tổ chức, Sở Nội vụ, UBND tỉnh Cao Bằng");
    assert_eq!(a.sim_pki, "Viettel/cs");
    assert_eq!(a.mobile, "0912345678");
    let b = &rows[1];
    assert_eq!(b.old_serial, "54010203A1B2C3D4");
    assert_eq!(b.title, "Phó Chánh Văn phòng");
    assert!(b.sim_pki.is_empty());
    // Another form refuses it and says which form it is for.
    let e = forms::import_rows(FormKind::F04, "ca-sheet-01.xlsx", &bytes).unwrap_err();
    assert_eq!(e.code, "import_ca_sheet_not_01");
}

/// The cells of each row as an independent reader sees them: openpyxl where the
/// machine has it, else Python's own `zipfile` and `xml.etree` reading the sheet
/// part by the SpreadsheetML schema (shared or inline strings).
fn read_back(path: &std::path::Path) -> Vec<Vec<String>> {
    const PY: &str = r#"
import sys, json, zipfile, re
import xml.etree.ElementTree as ET
try:
    import openpyxl
    ws = openpyxl.load_workbook(sys.argv[1]).active
    rows = [[('' if c is None else str(c)) for c in r] for r in ws.iter_rows(values_only=True)]
except ImportError:
    ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
    z = zipfile.ZipFile(sys.argv[1])
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns):
            shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])))
    rows = []
    for r in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter('{%s}row' % ns['m']):
        cells = {}
        for c in r.findall('m:c', ns):
            col = 0
            for ch in re.match('[A-Z]+', c.get('r')).group(0):
                col = col * 26 + ord(ch) - 64
            if c.get('t') == 'inlineStr':
                v = ''.join(t.text or '' for t in c.iter('{%s}t' % ns['m']))
            elif c.get('t') == 's':
                v = shared[int(c.find('m:v', ns).text)]
            else:
                e = c.find('m:v', ns)
                v = '' if e is None else e.text
            cells[col] = v
        rows.append([cells.get(i, '') for i in range(1, max(cells) + 1)] if cells else [])
print(json.dumps(rows))
"#;
    let out = Command::new("python3")
        .args(["-c", PY])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_letters_rows_are_written_into_the_cas_sheet() {
    let bytes = common::read(&common::fixture("forms/ca-sheet-01.xlsx"));
    let mut l = Letter::new(FormKind::F01);
    l.rows = forms::import_rows(FormKind::F01, "ca-sheet-01.xlsx", &bytes).unwrap();
    let xlsx = ca_sheet::to_xlsx(&l);
    let p = out_dir().join("out.xlsx");
    std::fs::write(&p, &xlsx).unwrap();
    let cells = read_back(&p);
    assert_eq!(cells.len(), 3);
    assert_eq!(cells[0].len(), 19);
    assert_eq!(cells[0][7], "Tổ chức cấp 1 (bắt buộc)");
    assert_eq!(
        cells[1],
        [
            "1",
            "Nguyễn Văn An",
            "02/03/1985",
            "004085000001",
            "CCSQLHCVTTXH",
            "10/05/2021",
            "an@caobang.gov.vn",
            "UBND tỉnh Cao Bằng",
            "Sở Nội vụ",
            "Phòng Tổ chức",
            "",
            "Cao Bằng",
            "Cao Bằng",
            "Chuyên viên",
            "0912345678",
            "",
            "Viettel",
            "X",
            "SIM"
        ]
    );
    assert_eq!(cells[2][4], "CCSĐKQLCTVDLQGVDC");
    assert_eq!(cells[2][15], "54010203A1B2C3D4");
    // And kyso reads its own sheet back to the same rows.
    let again = forms::import_rows(FormKind::F01, "out.xlsx", &xlsx).unwrap();
    assert_eq!(again, l.rows);
    // Remote signing is the device type RSSP.
    l.central_signing = true;
    let p = out_dir().join("rssp.xlsx");
    std::fs::write(&p, ca_sheet::to_xlsx(&l)).unwrap();
    assert_eq!(read_back(&p)[2][18], "RSSP");
}
