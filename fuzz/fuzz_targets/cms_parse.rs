//! Any bytes as a signature's /Contents: CMS SignedData (DER and BER), signer
//! identification, signed attributes, timestamps, revocation archives, verification.
#![no_main]

use kyso::cms::{self, Content, Digests, VerifyContext};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(signed) = cms::parse(data) {
        let digests = Digests(
            signed
                .required_digests(Content::Detached)
                .into_iter()
                .map(|alg| (alg, alg.digest(b"kyso")))
                .collect(),
        );
        let _ = cms::verify(&signed, Content::Detached, &digests, &VerifyContext { extra_certs: &[] });
        let _ = cms::verify(&signed, Content::DocTimestamp, &digests, &VerifyContext { extra_certs: &[] });
    }
});
