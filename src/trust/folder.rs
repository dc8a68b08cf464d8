//! The deploy-time trust folder: `trust/index.json` beside the page.
//!
//! Real government PDFs carry no revocation evidence, and the page may not reach the
//! CAs (it loads nothing from another origin). So the agency's IT publishes, next to
//! the page, a folder that `kyso trust update` refreshes daily: extra CA certificates
//! and the CAs' CRLs, listed in `index.json`:
//!
//! ```json
//! {"version":1,"updated":"2026-12-03T01:00:00Z",
//!  "cas":[{"file":"ca/3F…A1.cer","subject":"C=VN, …","key_id":"HEX","sha256":"HEX",
//!          "source":"http://…"}],
//!  "crls":[{"file":"crl/9B…0C.crl","issuer":"C=VN, …","key_id":"HEX",
//!           "this_update":"2026-12-02T08:00:00Z","next_update":"2026-12-09T08:00:00Z",
//!           "number":"1A2B","sha256":"HEX","url":"http://…"}]}
//! ```
//!
//! The index only says what to fetch and what to expect: the page fetches a CRL only
//! when a certificate at hand names its issuer ([`wanted`]), checks its SHA-256, and
//! then verifies it like a dropped CRL. Nothing here is trusted because it is listed.
//!
//! This module is pure (no I/O): parsing and writing the index, the matching rule,
//! where a certificate's issuers are looked for ([`issuer_pool`]), which of two CRLs
//! is newer ([`is_newer`]), whether an issuer signed a CRL
//! ([`check_issuer`]), and a CRL's age ([`freshness`]). Parsing takes any bytes.

use core::cmp::Ordering;

use der::Decode;
use serde::{Deserialize, Serialize};
use x509_cert::ext::pkix::AuthorityKeyIdentifier;

use super::Crl;
use super::name::NormName;
use crate::cert::{Cert, hex_upper, name::dn_string_der};
use crate::crypto;
use crate::time::Instant;

/// The index format this code writes and reads.
pub const VERSION: u32 = 1;
/// Where the page looks for the index, relative to itself.
pub const INDEX_PATH: &str = "trust/index.json";
/// An index larger than this is not read (thousands of entries fit in far less).
pub const MAX_INDEX_BYTES: usize = 2 * 1024 * 1024;
/// At most this many CA certificates and this many CRLs are listed.
pub const MAX_ENTRIES: usize = 2000;

/// `index.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub version: u32,
    /// When the folder was last written (RFC 3339), for the people reading it.
    #[serde(default)]
    pub updated: Option<String>,
    #[serde(default)]
    pub cas: Vec<CaEntry>,
    #[serde(default)]
    pub crls: Vec<CrlEntry>,
}

/// An extra CA certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaEntry {
    /// Path relative to the folder (`ca/<SHA-256>.cer`, DER).
    pub file: String,
    pub subject: String,
    /// subjectKeyIdentifier, upper-case hex.
    #[serde(default)]
    pub key_id: Option<String>,
    /// SHA-256 of the file, upper-case hex.
    pub sha256: String,
    /// Where it was downloaded from (AIA caIssuers), when it was.
    #[serde(default)]
    pub source: Option<String>,
}

/// A CRL.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrlEntry {
    /// Path relative to the folder (`crl/<SHA-256>.crl`, DER).
    pub file: String,
    /// The CRL's issuer, as kyso writes a DN (`dn_string`).
    pub issuer: String,
    /// The CRL's authorityKeyIdentifier, upper-case hex.
    #[serde(default)]
    pub key_id: Option<String>,
    pub this_update: String,
    #[serde(default)]
    pub next_update: Option<String>,
    /// CRLNumber, upper-case hex of the INTEGER's content octets.
    #[serde(default)]
    pub number: Option<String>,
    pub sha256: String,
    /// The distribution point it was downloaded from.
    #[serde(default)]
    pub url: Option<String>,
}

/// Why bytes are not a usable index.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IndexError {
    TooLarge,
    /// Not JSON of the expected shape.
    Json(String),
    /// A version this code does not know.
    Version(u32),
    TooManyEntries,
    /// A file name that could leave the folder (or the origin), or a malformed field.
    BadEntry {
        file: String,
        field: &'static str,
    },
}

impl IndexError {
    /// The i18n code.
    pub fn code(&self) -> &'static str {
        match self {
            IndexError::TooLarge => "trust_index_too_large",
            IndexError::Json(_) => "trust_index_not_json",
            IndexError::Version(_) => "trust_index_version",
            IndexError::TooManyEntries => "trust_index_too_many",
            IndexError::BadEntry { .. } => "trust_index_bad_entry",
        }
    }
}

/// Reads `index.json`. Entries are checked, so a caller may fetch `file` relative to
/// the folder without leaving it.
pub fn parse(bytes: &[u8]) -> Result<Index, IndexError> {
    if bytes.len() > MAX_INDEX_BYTES {
        return Err(IndexError::TooLarge);
    }
    let index: Index =
        serde_json::from_slice(bytes).map_err(|e| IndexError::Json(e.to_string()))?;
    if index.version != VERSION {
        return Err(IndexError::Version(index.version));
    }
    if index.cas.len() > MAX_ENTRIES || index.crls.len() > MAX_ENTRIES {
        return Err(IndexError::TooManyEntries);
    }
    let bad = |file: &str, field| IndexError::BadEntry {
        file: file.to_string(),
        field,
    };
    for c in &index.cas {
        if !safe_file(&c.file) {
            return Err(bad(&c.file, "file"));
        }
        if !is_sha256_hex(&c.sha256) {
            return Err(bad(&c.file, "sha256"));
        }
    }
    for c in &index.crls {
        if !safe_file(&c.file) {
            return Err(bad(&c.file, "file"));
        }
        if !is_sha256_hex(&c.sha256) {
            return Err(bad(&c.file, "sha256"));
        }
        if Instant::parse_rfc3339(&c.this_update).is_none() {
            return Err(bad(&c.file, "this_update"));
        }
        if c.next_update
            .as_deref()
            .is_some_and(|t| Instant::parse_rfc3339(t).is_none())
        {
            return Err(bad(&c.file, "next_update"));
        }
    }
    Ok(index)
}

/// The index as written to disk (pretty JSON, a final newline).
pub fn to_json(index: &Index) -> String {
    let mut s = serde_json::to_string_pretty(index).unwrap_or_default();
    s.push('\n');
    s
}

/// A relative path inside the folder: letters, digits, `-`, `_`, `.`, and `/`
/// between non-empty parts, none of them `.` or `..`. No scheme, no leading slash
/// (`//host/x` is another origin to a browser), no query.
pub fn safe_file(file: &str) -> bool {
    !file.is_empty()
        && file.len() <= 200
        && file
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'))
        && file
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Upper-case hex SHA-256 of `bytes`, as the index writes it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex_upper(&crypto::HashAlg::Sha256.digest(bytes))
}

/// The entry describing `cert`, stored at `file`.
pub fn ca_entry(cert: &Cert, file: String, source: Option<String>) -> CaEntry {
    CaEntry {
        file,
        subject: dn_string_der(cert.subject_der()),
        key_id: subject_key_id(cert),
        sha256: hex_upper(&cert.sha256()),
        source,
    }
}

/// The entry describing `crl`, stored at `file`.
pub fn crl_entry(crl: &Crl, file: String, url: Option<String>) -> CrlEntry {
    CrlEntry {
        file,
        issuer: crate::cert::name::dn_string(crl.issuer()),
        key_id: crl_key_id(crl),
        this_update: crl.this_update().to_rfc3339(),
        next_update: crl.next_update().map(Instant::to_rfc3339),
        number: crl.number().map(hex_upper),
        sha256: sha256_hex(crl.der()),
        url,
    }
}

fn subject_key_id(cert: &Cert) -> Option<String> {
    cert.subject_key_id().map(|k| hex_upper(&k))
}

fn authority_key_id(cert: &Cert) -> Option<String> {
    cert.authority_key_id().map(|k| hex_upper(&k))
}

/// The CRL's authorityKeyIdentifier keyIdentifier, upper-case hex.
pub fn crl_key_id(crl: &Crl) -> Option<String> {
    crl.crl()
        .tbs_cert_list
        .crl_extensions
        .iter()
        .flatten()
        .find(|e| e.extn_id == const_oid::db::rfc5280::ID_CE_AUTHORITY_KEY_IDENTIFIER)
        .and_then(|e| AuthorityKeyIdentifier::from_der(e.extn_value.as_bytes()).ok())
        .and_then(|a| a.key_identifier)
        .map(|k| hex_upper(k.as_bytes()))
}

/// Whether the CRL listed by `entry` may speak about `cert`: its issuer's key id
/// equals the certificate's authorityKeyIdentifier, or (when either has none) its
/// issuer name is the certificate's issuer name. Self-signed certificates need no
/// CRL. Matching only decides what to fetch; the fetched CRL is verified in full.
pub fn needed_by(entry: &CrlEntry, cert: &Cert) -> bool {
    if cert.issuer_der() == cert.subject_der() {
        return false;
    }
    match (&entry.key_id, authority_key_id(cert)) {
        (Some(k), Some(a)) if k.eq_ignore_ascii_case(&a) => true,
        (Some(_), Some(_)) => false,
        _ => entry.issuer == dn_string_der(cert.issuer_der()),
    }
}

/// Where the issuers of `certs` are looked for, to know which CRLs (and, online,
/// which missing issuers) a chain through them needs: `certs` themselves (a signed
/// file or a `.p7b` may carry its intermediates), the CA certificates built into
/// kyso ([`super::builtin`]), then `cas`, the deployer's and the user's CA
/// certificates. Each certificate once (a deployer's bundle usually repeats the
/// built-in CAs). The page's two tabs and the CLI all ask here, so a CRL is fetched
/// for the same chains wherever a certificate is checked.
pub fn issuer_pool(certs: &[Cert], cas: &[Cert]) -> Vec<Cert> {
    // A merged agency's folder dropped on the page holds hundreds of certificates.
    let mut seen = std::collections::HashSet::new();
    certs
        .iter()
        .chain(super::builtin::certs())
        .chain(cas)
        .filter(|c| seen.insert(c.sha256()))
        .cloned()
        .collect()
}

/// `certs` and, a few levels up, their issuers found in `pool`: the certificates
/// whose revocation status a chain through them needs.
pub fn with_issuers(certs: &[Cert], pool: &[Cert]) -> Vec<Cert> {
    let mut out: Vec<Cert> = Vec::new();
    let mut todo: Vec<Cert> = certs.to_vec();
    for _ in 0..8 {
        let mut next = Vec::new();
        for c in todo {
            if out.iter().any(|o| o.sha256() == c.sha256()) {
                continue;
            }
            if c.issuer_der() != c.subject_der() {
                next.extend(
                    pool.iter()
                        .filter(|p| p.subject_der() == c.issuer_der())
                        .cloned(),
                );
            }
            out.push(c);
        }
        if next.is_empty() {
            break;
        }
        todo = next;
    }
    out
}

/// The CRL entries some certificate in `certs` needs, in index order, each once.
pub fn wanted<'a>(index: &'a Index, certs: &[Cert]) -> Vec<&'a CrlEntry> {
    index
        .crls
        .iter()
        .filter(|e| certs.iter().any(|c| needed_by(e, c)))
        .collect()
}

/// Whether `new` is newer than the CRL described by `old`, for the same issuer:
/// a higher CRLNumber when both have one, else a later thisUpdate. `Equal` for the
/// same CRL issued again (same number and time).
pub fn is_newer(new: &Crl, old: &CrlEntry) -> Ordering {
    let by_time = || match Instant::parse_rfc3339(&old.this_update) {
        Some(t) => new.this_update().cmp(&t),
        None => Ordering::Greater,
    };
    match (new.number(), old.number.as_deref().and_then(hex_bytes)) {
        (Some(n), Some(o)) => match uint_cmp(n, &o) {
            Ordering::Equal => by_time(),
            other => other,
        },
        _ => by_time(),
    }
}

fn hex_bytes(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect()
}

/// Unsigned big-endian comparison of INTEGER contents.
fn uint_cmp(a: &[u8], b: &[u8]) -> Ordering {
    let strip = |v: &[u8]| -> Vec<u8> { v.iter().copied().skip_while(|x| *x == 0).collect() };
    let (a, b) = (strip(a), strip(b));
    (a.len(), a).cmp(&(b.len(), b))
}

/// Why a CRL is not one `issuer` signed for its certificates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssuerCheck {
    /// The CRL's issuer name is not the certificate's subject.
    Name,
    /// The certificate's keyUsage does not include cRLSign (RFC 5280 §4.2.1.3).
    NoCrlSign,
    /// The signature does not verify with the certificate's key.
    Signature,
}

impl IssuerCheck {
    pub fn code(self) -> &'static str {
        match self {
            IssuerCheck::Name => "crl_issuer_name_mismatch",
            IssuerCheck::NoCrlSign => "crl_issuer_no_crl_sign",
            IssuerCheck::Signature => "crl_bad_signature",
        }
    }
}

/// Whether `issuer` signed `crl`: names, cRLSign, signature over the original bytes.
pub fn check_issuer(crl: &Crl, issuer: &Cert) -> Result<(), IssuerCheck> {
    let tbs = issuer.x509().tbs_certificate();
    if NormName::new(tbs.subject()) != *crl.norm_issuer() {
        return Err(IssuerCheck::Name);
    }
    let crl_sign = tbs
        .get_extension::<x509_cert::ext::pkix::KeyUsage>()
        .ok()
        .flatten()
        .is_none_or(|(_, ku)| ku.crl_sign());
    if !crl_sign {
        return Err(IssuerCheck::NoCrlSign);
    }
    crypto::verify_signature(
        tbs.subject_public_key_info(),
        crl.signature_algorithm(),
        crl.tbs_der(),
        crl.signature_bytes(),
    )
    .map_err(|_| IssuerCheck::Signature)
}

/// A CRL's age at the validation time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Freshness {
    /// Current: issued `days` whole days ago (0 = today).
    Current { days: i64 },
    /// Past its nextUpdate: out of date since then.
    OutOfDate { since: Instant },
    /// Its thisUpdate is after the validation time (a clock behind, or a bad CRL).
    NotYetIssued,
}

impl Freshness {
    /// `current`, `out_of_date`, `not_yet_issued`.
    pub fn code(self) -> &'static str {
        match self {
            Freshness::Current { .. } => "current",
            Freshness::OutOfDate { .. } => "out_of_date",
            Freshness::NotYetIssued => "not_yet_issued",
        }
    }
}

/// How old the CRL described by `entry` is at `at`.
pub fn freshness(entry: &CrlEntry, at: Instant) -> Freshness {
    let Some(this) = Instant::parse_rfc3339(&entry.this_update) else {
        return Freshness::NotYetIssued;
    };
    if this > at {
        return Freshness::NotYetIssued;
    }
    match entry
        .next_update
        .as_deref()
        .and_then(Instant::parse_rfc3339)
    {
        Some(next) if next < at => Freshness::OutOfDate { since: next },
        _ => Freshness::Current {
            days: this.whole_days_until(at),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_stay_in_the_folder() {
        for ok in ["crl/AB.crl", "ca/x-y_z.cer", "a.crl"] {
            assert!(safe_file(ok), "{ok}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "//evil.example/x.crl",
            "../x.crl",
            "crl/../../x",
            "http://evil/x",
            "crl//x",
            "crl/./x",
            "x.crl?y",
            "crl\\x",
        ] {
            assert!(!safe_file(bad), "{bad}");
        }
    }

    #[test]
    fn parse_rejects_what_it_cannot_use() {
        assert_eq!(
            parse(b"<html>").map_err(|e| e.code()),
            Err("trust_index_not_json")
        );
        assert_eq!(
            parse(br#"{"version":2}"#).map_err(|e| e.code()),
            Err("trust_index_version")
        );
        let escaping = br#"{"version":1,"crls":[{"file":"//evil/x.crl","issuer":"C=VN",
            "this_update":"2026-01-01T00:00:00Z","sha256":"00000000000000000000000000000000000000000000000000000000000000AA"}]}"#;
        assert_eq!(
            parse(escaping).map_err(|e| e.code()),
            Err("trust_index_bad_entry")
        );
        let ok = Index {
            version: VERSION,
            updated: None,
            cas: Vec::new(),
            crls: vec![CrlEntry {
                file: "crl/a.crl".into(),
                issuer: "C=VN, CN=X".into(),
                key_id: Some("AB".into()),
                this_update: "2026-01-01T00:00:00Z".into(),
                next_update: Some("2026-01-08T00:00:00Z".into()),
                number: Some("07".into()),
                sha256: "AA".repeat(32),
                url: None,
            }],
        };
        assert_eq!(parse(to_json(&ok).as_bytes()), Ok(ok.clone()));
        let t = |s| Instant::parse_rfc3339(s).unwrap();
        assert_eq!(
            freshness(&ok.crls[0], t("2026-01-03T12:00:00Z")),
            Freshness::Current { days: 2 }
        );
        assert_eq!(
            freshness(&ok.crls[0], t("2026-01-09T00:00:00Z")),
            Freshness::OutOfDate {
                since: t("2026-01-08T00:00:00Z")
            }
        );
    }

    #[test]
    fn any_bytes_parse_without_panic() {
        let good = to_json(&Index {
            version: VERSION,
            updated: Some("2026-01-01T00:00:00Z".into()),
            cas: vec![CaEntry {
                file: "ca/a.cer".into(),
                subject: "C=VN".into(),
                key_id: None,
                sha256: "AB".repeat(32),
                source: None,
            }],
            crls: Vec::new(),
        })
        .into_bytes();
        assert!(parse(&good).is_ok());
        for i in 0..good.len() {
            for b in [0u8, b'"', b'{', b'9', 0xFF] {
                let mut m = good.clone();
                m[i] = b;
                let _ = parse(&m);
                let _ = parse(&m[..i]);
            }
        }
    }

    #[test]
    fn numbers_compare_as_unsigned_integers() {
        assert_eq!(uint_cmp(&[0, 0x10], &[0x0F]), Ordering::Greater);
        assert_eq!(uint_cmp(&[1, 0], &[0xFF]), Ordering::Greater);
        assert_eq!(hex_bytes("0A1"), None);
    }
}
