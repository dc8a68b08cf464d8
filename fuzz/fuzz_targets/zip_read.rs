//! Any bytes as a ZIP archive (an XLSX list, before anything reads its XML): the
//! central directory, every entry read with a limit (stored, deflate, bad CRCs,
//! lying sizes). Then the same bytes cut into files, zipped by our writer and read
//! back: what `zip_files` writes, `Archive` must read unchanged.
#![no_main]

use kyso::forms::zip::{Archive, zip_files};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(archive) = Archive::open(data) {
        for e in &archive.entries {
            let _ = archive.find(&e.name);
            let _ = archive.read(e, 1 << 20);
        }
    }
    // Round trip: split at 0xFF bytes into (name, bytes) pairs.
    let mut parts = data.split(|b| *b == 0xFF);
    let mut files = Vec::new();
    while let (Some(name), Some(body)) = (parts.next(), parts.next()) {
        files.push((
            format!("{}/{}", files.len(), String::from_utf8_lossy(name)),
            body.to_vec(),
        ));
    }
    let zipped = zip_files(&files);
    let archive = Archive::open(&zipped).expect("our own archive opens");
    assert_eq!(archive.entries.len(), files.len());
    for ((name, body), e) in files.iter().zip(&archive.entries) {
        // The reader turns DOS separators into '/' (names are looked up that way).
        assert_eq!(e.name, name.replace('\\', "/"));
        assert_eq!(
            &archive.read(e, usize::MAX).expect("our own entry reads"),
            body
        );
    }
});
