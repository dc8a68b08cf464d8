//! Any text as the XML parts of an XLSX list: the bytes are cut at NUL into the
//! worksheet, the shared strings, the workbook and its relationships, zipped by our
//! writer (so every run reaches the XML reader, not the CRC check) and imported for
//! two forms. Exercises the XML reader (tags, attributes, entities, CDATA,
//! comments), the shared strings, cell references, merged cells, numbers and
//! dates, and header matching.
#![no_main]

use kyso::forms::{FormKind, import_xlsx, zip_files};
use libfuzzer_sys::fuzz_target;

const PARTS: [&str; 4] = [
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
];

fuzz_target!(|data: &[u8]| {
    let files: Vec<(String, Vec<u8>)> = PARTS
        .iter()
        .zip(data.split(|b| *b == 0))
        .map(|(name, body)| (name.to_string(), body.to_vec()))
        .collect();
    let xlsx = zip_files(&files);
    for kind in [FormKind::F01, FormKind::F04] {
        let _ = import_xlsx(kind, &xlsx);
    }
});
