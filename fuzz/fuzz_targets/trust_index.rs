//! The trust folder's index.json, as the page fetches it from the deployer's server:
//! any bytes parse to an index or an error, and every accepted file name stays inside
//! the folder.
#![no_main]

use kyso::trust::folder;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(index) = folder::parse(data) {
        for f in index.cas.iter().map(|c| &c.file).chain(index.crls.iter().map(|c| &c.file)) {
            assert!(folder::safe_file(f) && !f.starts_with('/') && !f.contains(".."));
        }
        let _ = folder::parse(folder::to_json(&index).as_bytes());
    }
});
