//! Any bytes dropped on the page as a PDF: the reader (revisions, xref tables and
//! streams, object streams), signature fields, coverage, changes after signing, DSS.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = kyso::pdf::open(data) {
        let _ = doc.dss();
        let _ = doc.page_count();
        for sig in doc.signatures() {
            let cov = doc.coverage(sig);
            let _ = kyso::pdf::signed_revision_bytes(data, &cov);
            let _ = doc.byte_ranges(sig);
            let _ = doc.changes_after(sig);
        }
    }
});
