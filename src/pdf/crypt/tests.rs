use super::*;
use crate::pdf::filter::{self, Budget, MAX_TOTAL_DECODED};
use crate::pdf::object::tests::parse;
use crate::pdf::revision::Store;

fn fixture(name: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/encrypted")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn dict(s: &str) -> Dict {
    parse(s.as_bytes()).unwrap().as_dict().unwrap().clone()
}

#[test]
fn md5_known_answers_rfc_1321() {
    // RFC 1321 appendix A.5.
    for (input, digest) in [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        (
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
            "57edf4a22be3c955ac49da2e2107b67a",
        ),
    ] {
        assert_eq!(hex(&Md5::digest(input.as_bytes())), digest, "{input:?}");
    }
}

#[test]
fn rc4_known_answers() {
    // The classic ARCFOUR test vectors, and RFC 6229's 40-bit key (offset 0).
    assert_eq!(hex(&rc4(b"Key", b"Plaintext")), "bbf316e8d940af0ad3");
    assert_eq!(hex(&rc4(b"Wiki", b"pedia")), "1021bf0420");
    assert_eq!(
        hex(&rc4(b"Secret", b"Attack at dawn")),
        "45a01f645fc35b383552544b9bf5"
    );
    assert_eq!(
        hex(&rc4(&[1, 2, 3, 4, 5], &[0; 16])),
        "b2396305f03dc027ccc3524a0a1118a8"
    );
    // Symmetric, and an empty key does not divide by zero.
    assert_eq!(rc4(b"k", &rc4(b"k", b"round trip")), b"round trip");
    assert_eq!(rc4(b"", b"x").len(), 1);
}

#[test]
fn aes_cbc_known_answer_and_tolerance() {
    // NIST SP 800-38A F.2.1/F.2.2 (CBC-AES128), first block.
    let key = unhex("2b7e151628aed2a6abf7158809cf4f3c");
    let iv = unhex("000102030405060708090a0b0c0d0e0f");
    let plain = unhex("6bc1bee22e409f96e93d7e117393172a");
    let cipher = unhex("7649abac8119b246cee98e9b12e9197d");
    assert_eq!(aes128_cbc_encrypt_no_padding(&key, &iv, &plain), cipher);
    // Not PKCS#5-padded: the block comes back whole.
    let data = [iv.clone(), cipher.clone()].concat();
    assert_eq!(aes_cbc_decrypt(&key, &data), plain);
    // A padded message round-trips with its padding removed.
    let mut padded = b"Phe duyet".to_vec();
    padded.extend([7u8; 7]);
    let enc = aes128_cbc_encrypt_no_padding(&key, &iv, &padded);
    assert_eq!(
        aes_cbc_decrypt(&key, &[iv.clone(), enc].concat()),
        b"Phe duyet"
    );
    // Hostile shapes: nothing, only an IV, a partial block, a bad key size.
    assert!(aes_cbc_decrypt(&key, b"").is_empty());
    assert!(aes_cbc_decrypt(&key, &iv).is_empty());
    assert_eq!(
        aes_cbc_decrypt(&key, &[iv.clone(), cipher.clone(), vec![1, 2, 3]].concat()),
        plain
    );
    assert!(aes_cbc_decrypt(&key[..5], &data).is_empty());
    // AES-256 (FIPS-197 C.3) through the same path.
    let k256 = unhex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    let mut b = Array::from(
        <[u8; 16]>::try_from(unhex("00112233445566778899aabbccddeeff").as_slice()).unwrap(),
    );
    Aes256::new_from_slice(&k256).unwrap().encrypt_block(&mut b);
    assert_eq!(hex(&b), "8ea2b7ca516745bfeafc49904b496089");
}

/// The encryption dictionary and the first /ID string of a fixture, as the reader
/// finds them.
fn encryption_of(bytes: &[u8]) -> (Dict, Vec<u8>) {
    let store = Store::open(bytes).unwrap();
    let last = store.revisions.len() - 1;
    let t = store.trailer(last).unwrap();
    let enc = store
        .resolve_key(last, t, b"Encrypt")
        .unwrap()
        .as_dict()
        .unwrap()
        .clone();
    let id = t.get(b"ID").unwrap().as_array().unwrap()[0]
        .as_string()
        .unwrap()
        .bytes
        .clone();
    (enc, id)
}

#[test]
fn file_keys_match_qpdf() {
    // keys.json: `qpdf --show-encryption-key` on each file before it was signed.
    let keys: serde_json::Value = serde_json::from_slice(&fixture("keys.json")).unwrap();
    let keys = keys.as_object().unwrap();
    assert!(keys.len() >= 7);
    for (name, key) in keys {
        let (enc, id) = encryption_of(&fixture(name));
        let d = Decryptor::new(&enc, Some(&id)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(hex(&d.key), key.as_str().unwrap(), "{name}");
    }
}

#[test]
fn handlers_and_methods() {
    let cases = [
        ("rc4_40.pdf", 2, Cipher::Rc4),
        ("rc4_128.pdf", 3, Cipher::Rc4),
        ("aes128.pdf", 4, Cipher::Aes128),
        ("aes128_clear_metadata.pdf", 4, Cipher::Aes128),
        ("aes256.pdf", 6, Cipher::Aes256),
        ("aes256_objstm.pdf", 6, Cipher::Aes256),
        ("aes256_r5_unsigned.pdf", 5, Cipher::Aes256),
    ];
    for (name, r, cipher) in cases {
        let bytes = fixture(name);
        let store = Store::open(&bytes).unwrap();
        assert_eq!(
            store.encryption,
            Encryption::Decrypted {
                revision: r,
                cipher
            },
            "{name}"
        );
    }
}

/// The strings and streams of every fixture read as the document that was encrypted:
/// the text field's name, and the page text inside the Flate-compressed content.
#[test]
fn fixtures_decrypt_to_the_original_document() {
    for name in [
        "rc4_40.pdf",
        "rc4_128.pdf",
        "aes128.pdf",
        "aes128_clear_metadata.pdf",
        "aes256.pdf",
        "aes256_objstm.pdf",
        "aes256_r5_unsigned.pdf",
    ] {
        let bytes = fixture(name);
        let store = Store::open(&bytes).unwrap();
        let last = store.revisions.len() - 1;
        let root = store
            .resolve_key(last, store.trailer(last).unwrap(), b"Root")
            .unwrap();
        let root = root.as_dict().unwrap();
        let form = store.resolve_key(last, root, b"AcroForm").unwrap();
        let fields = store
            .resolve_key(last, form.as_dict().unwrap(), b"Fields")
            .unwrap();
        let names: Vec<Vec<u8>> = fields
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let f = store.resolve(last, f).unwrap();
                f.as_dict()
                    .unwrap()
                    .get(b"T")
                    .unwrap()
                    .as_string()
                    .unwrap()
                    .bytes
                    .clone()
            })
            .collect();
        assert!(names.contains(&b"ho_ten".to_vec()), "{name}: {names:?}");
        let pages = store.resolve_key(last, root, b"Pages").unwrap();
        let kids = store
            .resolve_key(last, pages.as_dict().unwrap(), b"Kids")
            .unwrap();
        let page = store.resolve(last, &kids.as_array().unwrap()[0]).unwrap();
        let content = store
            .resolve_key(last, page.as_dict().unwrap(), b"Contents")
            .unwrap();
        let st = content.as_stream().unwrap();
        let raw = st.encoded(&bytes).unwrap();
        let text = filter::decode(&raw, &st.dict, &Budget::new(MAX_TOTAL_DECODED)).unwrap();
        assert!(
            text.windows(18).any(|w| w == b"Kyso test document"),
            "{name}: {}",
            String::from_utf8_lossy(&text)
        );
    }
}

#[test]
fn a_user_password_is_not_guessed() {
    let (enc, id) = encryption_of(&fixture("password.pdf"));
    assert_eq!(
        Decryptor::new(&enc, Some(&id)),
        Err(CryptError::PasswordRequired)
    );
    let bytes = fixture("password.pdf");
    assert_eq!(
        Store::open(&bytes).unwrap().encryption,
        Encryption::Unavailable {
            why: CryptError::PasswordRequired
        }
    );
}

#[test]
fn unsupported_dictionaries_are_refused() {
    let (aes128, id) = encryption_of(&fixture("aes128.pdf"));
    let (aes256, _) = encryption_of(&fixture("aes256.pdf"));
    let with = |base: &Dict, key: &[u8], value: Object| {
        let mut d = Dict::default();
        for (k, v) in base.entries() {
            if k != key {
                d.push(k.clone(), v.clone());
            }
        }
        d.push(key.to_vec(), value);
        d
    };
    let name = |n: &str| Object::Name(n.as_bytes().to_vec());
    for (what, d) in [
        (
            "public-key handler",
            with(&aes128, b"Filter", name("Adobe.PubSec")),
        ),
        ("V 3 (unpublished)", with(&aes128, b"V", Object::Int(3))),
        ("R 7", with(&aes128, b"R", Object::Int(7))),
        ("odd length", with(&aes128, b"Length", Object::Int(44))),
        ("no /O", with(&aes128, b"O", Object::Null)),
        (
            "unknown method",
            with(
                &aes128,
                b"CF",
                parse(b"<< /StdCF << /CFM /Foo >> >>").unwrap(),
            ),
        ),
        ("unknown filter name", with(&aes128, b"StmF", name("Nope"))),
        (
            "AESV3 below R5",
            with(
                &aes128,
                b"CF",
                parse(b"<< /StdCF << /CFM /AESV3 >> >>").unwrap(),
            ),
        ),
        (
            "short /U (R6)",
            with(&aes256, b"U", parse(b"<0102>").unwrap()),
        ),
        ("no /UE", with(&aes256, b"UE", Object::Null)),
        (
            "damaged /Perms",
            with(
                &aes256,
                b"Perms",
                parse(b"<00000000000000000000000000000000>").unwrap(),
            ),
        ),
    ] {
        assert_eq!(
            Decryptor::new(&d, Some(&id)),
            Err(CryptError::Unsupported),
            "{what}"
        );
    }
    // Below R5 the key needs the file identifier.
    assert_eq!(Decryptor::new(&aes128, None), Err(CryptError::Unsupported));
    // A different identifier yields another key: the check against /U fails.
    assert_eq!(
        Decryptor::new(&aes128, Some(b"another id")),
        Err(CryptError::PasswordRequired)
    );
}

#[test]
fn stream_ciphers_follow_the_crypt_filters() {
    let (enc, id) = encryption_of(&fixture("aes128_clear_metadata.pdf"));
    let d = Decryptor::new(&enc, Some(&id)).unwrap();
    assert!(!d.encrypt_metadata);
    assert_eq!(d.stream_cipher(&dict("<< /Length 3 >>")), Cipher::Aes128);
    assert_eq!(
        d.stream_cipher(&dict("<< /Type /Metadata /Subtype /XML >>")),
        Cipher::Identity
    );
    assert_eq!(
        d.stream_cipher(&dict("<< /Type /XRef /W [1 2 1] >>")),
        Cipher::Identity
    );
    assert_eq!(
        d.stream_cipher(&dict(
            "<< /Filter [/Crypt /FlateDecode] /DecodeParms [<< /Name /Identity >> null] >>"
        )),
        Cipher::Identity
    );
    assert_eq!(
        d.stream_cipher(&dict("<< /Filter /Crypt >>")),
        Cipher::Identity
    );
    assert_eq!(
        d.stream_cipher(&dict(
            "<< /Filter /Crypt /DecodeParms << /Name /StdCF >> >>"
        )),
        Cipher::Aes128
    );
    assert_eq!(
        d.stream_cipher(&dict("<< /Type /EmbeddedFile >>")),
        Cipher::Aes128
    );
    // Strings encrypted, streams not, embedded files by /EFF.
    let mixed = dict(
        "<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 >> /R4 << /CFM /V2 >> >> \
         /StmF /Identity /StrF /StdCF /EFF /R4 /O <00> /U <00> /P -4 >>",
    );
    let filters = crypt_filters(&mixed, 4).unwrap();
    assert_eq!(named(&filters, b"R4"), Some(Cipher::Rc4));
    assert_eq!(named(&filters, b"Identity"), Some(Cipher::Identity));
}

#[test]
fn per_object_keys_follow_algorithm_1() {
    // Algorithm 1 for object 7 0 with a 5-byte key: MD5(key ‖ 07 00 00 ‖ 00 00),
    // first n + 5 = 10 bytes; with AES, "sAlT" is appended to the hash input.
    let d = Decryptor {
        key: vec![1, 2, 3, 4, 5],
        revision: 3,
        strings: Cipher::Rc4,
        streams: Cipher::Rc4,
        embedded_files: Cipher::Rc4,
        filters: Vec::new(),
        encrypt_metadata: true,
    };
    let r = ObjRef {
        num: 7,
        generation: 0,
    };
    let expect = Md5::digest([1, 2, 3, 4, 5, 7, 0, 0, 0, 0]);
    assert_eq!(d.object_key(r, false), expect[..10].to_vec());
    let expect = Md5::digest([1, 2, 3, 4, 5, 7, 0, 0, 0, 0, b's', b'A', b'l', b'T']);
    assert_eq!(d.object_key(r, true), expect[..10].to_vec());
    // Strings of that object are RC4 under that key.
    let s = d.string(r, &rc4(&d.object_key(r, false), b"Ha Noi"));
    assert_eq!(s, b"Ha Noi");
}

#[test]
fn signature_contents_stay_as_written() {
    let d = Rc::new(Decryptor {
        key: vec![9; 5],
        revision: 2,
        strings: Cipher::Rc4,
        streams: Cipher::Rc4,
        embedded_files: Cipher::Rc4,
        filters: Vec::new(),
        encrypt_metadata: true,
    });
    let r = ObjRef {
        num: 12,
        generation: 0,
    };
    let mut o =
        parse(b"<< /Type /Sig /Contents <3082> /Reason (abc) /ByteRange [0 1 2 3] >>").unwrap();
    decrypt_object(&mut o, r, &d);
    let o = o.as_dict().unwrap();
    assert_eq!(
        o.get(b"Contents").unwrap().as_string().unwrap().bytes,
        [0x30, 0x82]
    );
    assert_ne!(o.get(b"Reason").unwrap().as_string().unwrap().bytes, b"abc");
    // Another dictionary's /Contents (an annotation's text) is decrypted.
    let mut a = parse(b"<< /Type /Annot /Contents (abc) >>").unwrap();
    decrypt_object(&mut a, r, &d);
    assert_ne!(
        a.as_dict()
            .unwrap()
            .get(b"Contents")
            .unwrap()
            .as_string()
            .unwrap()
            .bytes,
        b"abc"
    );
}

#[test]
fn algorithm_2b_terminates_within_its_bound() {
    // Whatever the salt, at least 64 and at most 288 rounds; the output is 32 bytes.
    for salt in [&b""[..], b"12345678", &[0xFF; 8]] {
        assert_eq!(hash_2b(b"", salt, b"").len(), 32);
    }
}
