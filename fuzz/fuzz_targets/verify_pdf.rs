//! The whole verification of a dropped PDF, as the page and `kyso verify` run it.
#![no_main]

use kyso::time::Instant;
use kyso::verify::{self, VerifyOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = VerifyOptions {
        at: Instant::from_unix(1_790_000_000),
        file_name: "f.pdf".into(),
        extra_certs: Vec::new(),
        anchors: Vec::new(),
        crls: Vec::new(),
        pins: true,
    };
    let r = verify::verify_pdf(data, &opts);
    let _ = verify::to_json(&r, kyso::i18n::Lang::Vi);
});
