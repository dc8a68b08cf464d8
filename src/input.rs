//! Turning a dropped file into certificates and CRLs.
//!
//! Clerks receive certificates in every shape Windows and the CA produce: binary DER
//! `.cer`, PEM with or without text around it, Base64 without the armour (Windows'
//! "Base-64 encoded X.509"), CRLF line ends, PKCS#7 bundles (`.p7b`, `.p7c`) in DER or
//! PEM, and CRL files. [`decode`] recognises all of them and, for anything else, says
//! what the file looks like instead ("this is a PDF", "this is a web page") so the
//! message names the real mistake.

use base64ct::{Base64, Encoding};
use serde::Serialize;

use crate::asn1;

/// File-name extensions of certificate files, as CAs and browsers save them (DER or
/// PEM `.cer`/`.crt`, PKCS#7 bundles `.p7b`/`.p7c`, Base64 text). A folder's other
/// files (letters, spreadsheets) are not certificates: the page and the CLI skip
/// them rather than report each as an error. Content decides what a file is; the
/// extension only decides whether a file in a folder is looked at.
pub const CERTIFICATE_FILE_EXTENSIONS: &[&str] = &[
    "cer", "crt", "pem", "der", "cert", "p7b", "p7c", "p7", "spc", "b64",
];

/// File-name extensions of CRL files.
pub const CRL_FILE_EXTENSIONS: &[&str] = &["crl"];

/// The lower-case extension of a file name (`""` without one).
pub fn extension_of(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// A certificate file by its name ([`CERTIFICATE_FILE_EXTENSIONS`]).
pub fn is_certificate_file_name(name: &str) -> bool {
    CERTIFICATE_FILE_EXTENSIONS.contains(&extension_of(name).as_str())
}

/// A file as the user gave it.
#[derive(Clone, Debug)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl InputFile {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        InputFile {
            name: name.into(),
            bytes: bytes.into(),
        }
    }
}

/// Larger inputs are refused before any work: no certificate file is this big, and
/// a browser tab should not be asked to hold a copy of one.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// What a file held.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    /// DER of each certificate, in file order.
    pub certs: Vec<Vec<u8>>,
    /// DER of each CRL, in file order.
    pub crls: Vec<Vec<u8>>,
    /// Problems with parts of the file whose other parts were read (a bad PEM block
    /// among good ones).
    pub problems: Vec<InputError>,
    pub format: Format,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Der,
    Pem,
    Base64,
    Pkcs7,
}

/// Why a file (or a part of it) could not be read. Data, not prose: `code()` is the
/// stable key that `i18n` words for the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
pub enum InputError {
    EmptyFile,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    LooksLikePdf,
    LooksLikeHtml,
    /// A PEM block whose label is not a certificate, bundle or CRL.
    WrongPemLabel {
        label: String,
        block: usize,
    },
    /// A PEM block whose body is not valid Base64.
    BadBase64 {
        block: usize,
    },
    /// A BEGIN line without its END line.
    UnterminatedPem {
        label: String,
    },
    /// Binary data that ends inside a structure.
    Truncated {
        offset: usize,
    },
    /// A PKCS#7 file that is not a certificate bundle (signed or enveloped data).
    UnsupportedPkcs7 {
        content_type: String,
    },
    /// DER that decodes but is neither a certificate, a bundle nor a CRL.
    NotACertificate,
    /// A certificate whose structure decodes only partly.
    BadCertificate {
        detail: String,
    },
    /// Text that is not PEM and not Base64.
    UnrecognisedText,
    /// Binary data that is not DER at all.
    NotDer,
    /// A CRL whose structure decodes only partly.
    CrlMalformed {
        detail: String,
    },
    /// A file given as a CRL that holds none (a certificate, a PDF, anything else).
    NotACrl,
    /// A CRL whose issuer is not among the certificates at hand (built-in CAs, the
    /// files given), so nothing can vouch for it.
    CrlUnknownIssuer {
        issuer: String,
    },
    /// A CRL that no key of the CA it names verifies: altered, or signed by another
    /// key.
    CrlWrongKey {
        issuer: String,
    },
}

impl InputError {
    pub fn code(&self) -> &'static str {
        match self {
            InputError::EmptyFile => "empty_file",
            InputError::TooLarge { .. } => "too_large",
            InputError::LooksLikePdf => "looks_like_pdf",
            InputError::LooksLikeHtml => "looks_like_html",
            InputError::WrongPemLabel { .. } => "wrong_pem_label",
            InputError::BadBase64 { .. } => "bad_base64",
            InputError::UnterminatedPem { .. } => "unterminated_pem",
            InputError::Truncated { .. } => "truncated",
            InputError::UnsupportedPkcs7 { .. } => "unsupported_pkcs7",
            InputError::NotACertificate => "not_a_certificate",
            InputError::BadCertificate { .. } => "bad_certificate",
            InputError::UnrecognisedText => "unrecognised_text",
            InputError::NotDer => "not_der",
            InputError::CrlMalformed { .. } => "crl_malformed",
            InputError::NotACrl => "not_a_crl",
            InputError::CrlUnknownIssuer { .. } => "crl_unknown_issuer",
            InputError::CrlWrongKey { .. } => "crl_wrong_key",
        }
    }

    /// The error for a file given as a CRL: when the file is something else
    /// altogether, "not a CRL" names the mistake better than "not a certificate".
    pub fn for_crl(self) -> InputError {
        match self {
            InputError::LooksLikePdf
            | InputError::LooksLikeHtml
            | InputError::WrongPemLabel { .. }
            | InputError::UnsupportedPkcs7 { .. }
            | InputError::NotACertificate
            | InputError::UnrecognisedText
            | InputError::NotDer => InputError::NotACrl,
            other => other,
        }
    }
}

/// Decodes a certificate, bundle or CRL file of any supported shape.
pub fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let trimmed = trim_ascii(strip_bom(bytes));
    if trimmed.is_empty() {
        return Err(InputError::EmptyFile);
    }
    if contains(trimmed, b"%PDF-") && find(trimmed, b"%PDF-").is_some_and(|p| p < 1024) {
        return Err(InputError::LooksLikePdf);
    }
    if looks_like_html(trimmed) {
        return Err(InputError::LooksLikeHtml);
    }
    if contains(trimmed, b"-----BEGIN ") {
        return decode_pem(trimmed);
    }
    if trimmed.first() == Some(&asn1::SEQUENCE) {
        let mut d = decode_der(bytes)?;
        d.format = if d.format == Format::Pkcs7 {
            Format::Pkcs7
        } else {
            Format::Der
        };
        return Ok(d);
    }
    if trimmed
        .iter()
        .all(|&b| is_base64_char(b) || b.is_ascii_whitespace())
    {
        let der = base64_decode(trimmed).ok_or(InputError::UnrecognisedText)?;
        let mut d = decode_der(&der)?;
        if d.format == Format::Der {
            d.format = Format::Base64;
        }
        return Ok(d);
    }
    if trimmed
        .iter()
        .all(|&b| b.is_ascii_graphic() || b.is_ascii_whitespace() || b >= 0x80)
        && core::str::from_utf8(trimmed).is_ok()
    {
        return Err(InputError::UnrecognisedText);
    }
    Err(InputError::NotDer)
}

fn decode_pem(text: &[u8]) -> Result<Decoded, InputError> {
    let mut out = Decoded {
        format: Format::Pem,
        ..Decoded::default()
    };
    let mut rest = text;
    let mut block = 0usize;
    let mut first_error = None;
    while let Some(start) = find(rest, b"-----BEGIN ") {
        let after = rest.get(start + 11..).unwrap_or_default();
        let Some(label_end) = find(after, b"-----") else {
            break;
        };
        let label = String::from_utf8_lossy(after.get(..label_end).unwrap_or_default())
            .trim()
            .to_string();
        let body_and_more = after.get(label_end + 5..).unwrap_or_default();
        let end_marker = format!("-----END {label}-----");
        let Some(end) = find(body_and_more, end_marker.as_bytes()) else {
            let e = InputError::UnterminatedPem { label };
            out.problems.push(e.clone());
            first_error.get_or_insert(e);
            break;
        };
        let body = pem_body(body_and_more.get(..end).unwrap_or_default());
        rest = body_and_more
            .get(end + end_marker.len()..)
            .unwrap_or_default();
        block += 1;
        let result = match label.as_str() {
            "CERTIFICATE"
            | "X509 CERTIFICATE"
            | "TRUSTED CERTIFICATE"
            | "PKCS7"
            | "PKCS #7 SIGNED DATA"
            | "CMS"
            | "X509 CRL" => match base64_decode(body) {
                Some(der) if label == "TRUSTED CERTIFICATE" => {
                    // OpenSSL's trusted form: the certificate followed by trust settings.
                    match asn1::read(&der) {
                        Ok((tlv, _)) => decode_der(tlv.raw),
                        Err(e) => Err(InputError::Truncated { offset: e.offset }),
                    }
                }
                Some(der) => decode_der(&der),
                None => Err(InputError::BadBase64 { block }),
            },
            _ => Err(InputError::WrongPemLabel {
                label: label.clone(),
                block,
            }),
        };
        match result {
            Ok(d) => {
                out.certs.extend(d.certs);
                out.crls.extend(d.crls);
                out.problems.extend(d.problems);
            }
            Err(e) => {
                out.problems.push(e.clone());
                first_error.get_or_insert(e);
            }
        }
    }
    if out.certs.is_empty() && out.crls.is_empty() {
        return Err(first_error.unwrap_or(InputError::UnrecognisedText));
    }
    Ok(out)
}

/// The Base64 body of a PEM block, skipping RFC 1421 headers (`Proc-Type: ...`).
fn pem_body(raw: &[u8]) -> &[u8] {
    if let Some(p) = find(raw, b"\n\n").or_else(|| find(raw, b"\r\n\r\n")) {
        let head = raw.get(..p).unwrap_or_default();
        if contains(head, b":") {
            return raw.get(p..).unwrap_or_default();
        }
    }
    raw
}

/// Decodes one DER item: a certificate, a PKCS#7 bundle or a CRL.
fn decode_der(der: &[u8]) -> Result<Decoded, InputError> {
    let der = trim_trailing_zeros(der);
    let (outer, _trailing) = asn1::expect(der, asn1::SEQUENCE).map_err(|e| match e.kind {
        asn1::Asn1ErrorKind::Truncated => InputError::Truncated { offset: e.offset },
        _ => InputError::NotDer,
    })?;
    let mut children = asn1::children(outer.value);
    let first = match children.next() {
        Some(Ok(t)) => t,
        Some(Err(e)) => return Err(InputError::Truncated { offset: e.offset }),
        None => return Err(InputError::NotACertificate),
    };
    if first.tag == 0x06 {
        return decode_pkcs7(outer.raw, first.value);
    }
    // Certificate or CertificateList: SEQUENCE { SEQUENCE tbs, alg, BIT STRING }.
    let parts = asn1::split_signed(outer.raw).map_err(|e| match e.kind {
        asn1::Asn1ErrorKind::Truncated => InputError::Truncated { offset: e.offset },
        _ => InputError::NotACertificate,
    })?;
    if is_crl_tbs(parts.tbs) {
        Ok(Decoded {
            crls: vec![outer.raw.to_vec()],
            ..Decoded::default()
        })
    } else {
        Ok(Decoded {
            certs: vec![outer.raw.to_vec()],
            ..Decoded::default()
        })
    }
}

/// Tells a TBSCertList from a TBSCertificate. A CRL's to-be-signed part is
/// `[version INTEGER] signature issuer thisUpdate ...`: a time right after two
/// SEQUENCEs. A certificate's is `[0] version, serial, signature, issuer, validity`,
/// where the item after the two SEQUENCEs is the Validity SEQUENCE, never a time.
fn is_crl_tbs(tbs: &[u8]) -> bool {
    let Ok((t, _)) = asn1::read(tbs) else {
        return false;
    };
    let items: Vec<u8> = asn1::children(t.value)
        .take(5)
        .filter_map(Result::ok)
        .map(|c| c.tag)
        .collect();
    matches!(
        items.as_slice(),
        [0x02, 0x30, 0x30, time, ..] | [0x30, 0x30, time, ..] if is_time(*time)
    )
}

fn is_time(tag: u8) -> bool {
    tag == 0x17 || tag == 0x18
}

/// `ContentInfo { contentType OID, [0] EXPLICIT SignedData }`: collects the
/// certificates (`[0] IMPLICIT`) and CRLs (`[1] IMPLICIT`) of a SignedData.
fn decode_pkcs7(_raw: &[u8], oid_value: &[u8]) -> Result<Decoded, InputError> {
    // 1.2.840.113549.1.7.2 signedData
    const SIGNED_DATA: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];
    if oid_value != SIGNED_DATA {
        let content_type = const_oid::ObjectIdentifier::from_bytes(oid_value)
            .map(|o| o.to_string())
            .unwrap_or_else(|_| "?".into());
        return Err(InputError::UnsupportedPkcs7 { content_type });
    }
    let trunc = |e: asn1::Asn1Error| InputError::Truncated { offset: e.offset };
    let (outer, _) = asn1::read(_raw).map_err(trunc)?;
    let explicit = asn1::children(outer.value)
        .nth(1)
        .ok_or(InputError::NotACertificate)?
        .map_err(trunc)?;
    let (signed_data, _) = asn1::expect(explicit.value, asn1::SEQUENCE).map_err(trunc)?;
    let mut out = Decoded {
        format: Format::Pkcs7,
        ..Decoded::default()
    };
    for item in asn1::children(signed_data.value) {
        let item = item.map_err(trunc)?;
        let target = match item.tag {
            0xA0 => &mut out.certs,
            0xA1 => &mut out.crls,
            _ => continue,
        };
        for c in asn1::children(item.value) {
            let c = c.map_err(trunc)?;
            // Only plain certificates/CRLs (SEQUENCE); attribute certificates and
            // other choices are tagged [1]..[3] and skipped.
            if c.tag == asn1::SEQUENCE {
                target.push(c.raw.to_vec());
            }
        }
    }
    if out.certs.is_empty() && out.crls.is_empty() {
        return Err(InputError::NotACertificate);
    }
    Ok(out)
}

fn base64_decode(text: &[u8]) -> Option<Vec<u8>> {
    let clean: Vec<u8> = text
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    if clean.is_empty() {
        return None;
    }
    Base64::decode_vec(core::str::from_utf8(&clean).ok()?)
        .ok()
        .or_else(|| {
            // Some tools drop the padding.
            let mut padded = clean.clone();
            while !padded.len().is_multiple_of(4) {
                padded.push(b'=');
            }
            Base64::decode_vec(core::str::from_utf8(&padded).ok()?).ok()
        })
}

fn is_base64_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='
}

fn looks_like_html(t: &[u8]) -> bool {
    let head: Vec<u8> = t.iter().take(512).map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype")
        || head.starts_with(b"<html")
        || head.starts_with(b"<?xml")
        || (head.starts_with(b"<") && (contains(&head, b"<head") || contains(&head, b"<body")))
}

fn strip_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(b)
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    b.trim_ascii()
}

/// Some Windows tools pad DER files with NUL bytes; they are not part of the item.
fn trim_trailing_zeros(b: &[u8]) -> &[u8] {
    let end = b.iter().rposition(|&x| x != 0).map_or(0, |p| p + 1);
    // Keep a genuine trailing 00 00 (end of an indefinite length) intact: only strip
    // when what remains still parses as a whole item.
    match b.get(..end) {
        Some(t) if asn1::read(t).is_ok_and(|(_, rest)| rest.is_empty()) => t,
        _ => b,
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find(hay, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_the_file_is_instead() {
        assert_eq!(decode(b""), Err(InputError::EmptyFile));
        assert_eq!(decode(b"  \r\n"), Err(InputError::EmptyFile));
        assert_eq!(decode(b"%PDF-1.7\n..."), Err(InputError::LooksLikePdf));
        assert_eq!(
            decode(b"<!DOCTYPE html><html><body>x</body></html>"),
            Err(InputError::LooksLikeHtml)
        );
        assert_eq!(decode(b"hello, world"), Err(InputError::UnrecognisedText));
        assert_eq!(decode(&[0xFF, 0x00, 0x13]), Err(InputError::NotDer));
        assert_eq!(
            decode(&[0x30, 0x82, 0x05]),
            Err(InputError::Truncated { offset: 3 })
        );
        assert!(matches!(
            decode(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
            Err(InputError::WrongPemLabel { .. })
        ));
        assert!(matches!(
            decode(b"-----BEGIN CERTIFICATE-----\nAAAA\n"),
            Err(InputError::UnterminatedPem { .. })
        ));
        assert_eq!(
            decode(b"-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n"),
            Err(InputError::BadBase64 { block: 1 })
        );
    }

    #[test]
    fn refuses_huge_input_up_front() {
        let big = vec![0u8; MAX_INPUT_BYTES + 1];
        assert!(matches!(decode(&big), Err(InputError::TooLarge { .. })));
    }
}
