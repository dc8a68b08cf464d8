//! Any bytes dropped on the letters tab as a list: by content an XLSX workbook (ZIP,
//! inflate, XML, the first sheet) or a CSV (UTF-8 with or without BOM, UTF-16,
//! delimiter sniffing, quotes), made into rows of two forms.
#![no_main]

use kyso::forms::{FormKind, import_rows};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = import_rows(FormKind::F04, "list.xlsx", data);
    let _ = import_rows(FormKind::F05, "list.csv", data);
});
