//! The whole verification of a dropped PDF, as the page and `kyso verify` run it.
#![no_main]

use kyso::time::Instant;
use kyso::verify::{self, VerifyOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = VerifyOptions {
        file_name: "f.pdf".into(),
        ..VerifyOptions::at(Instant::from_unix(1_790_000_000))
    };
    let r = verify::verify_pdf(data, &opts);
    let _ = kyso::render::verify_json(&r, kyso::i18n::Lang::Vi);
});
