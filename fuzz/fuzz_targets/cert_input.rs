//! Any bytes dropped on the page as a certificate file: decoding (DER, PEM, Base64,
//! PKCS#7), certificate and CRL parsing, the facts, and the whole report.
#![no_main]

use kyso::report::{self, CertOptions};
use kyso::input::InputFile;
use kyso::time::Instant;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let at = Instant::from_unix(1_790_000_000);
    if let Ok(d) = kyso::input::decode(data) {
        for der in d.certs.iter().chain(d.crls.iter()) {
            if let Ok(c) = kyso::cert::Cert::from_der(der) {
                let _ = kyso::cert::facts(&c, at);
            }
            let _ = kyso::trust::Crl::from_der(der);
        }
    }
    let r = report::read_certificates(&[InputFile::new("f", data.to_vec())], &CertOptions::at(at));
    let _ = kyso::render::cert_json(&r, kyso::i18n::Lang::Vi);
});
