//! `kyso trust update`: refresh the deploy-time trust folder the page reads.
//!
//! What an agency's IT runs daily on the intranet web server (README: "Deploying").
//! For the built-in CA certificates (or those given with `--ca`) it downloads the CRLs
//! named in their CRL distribution points, the CRLs the Government CA publishes for
//! its issuing CAs, any `--crl-url` and every CRL already in the folder, and the
//! missing issuer certificates through AIA caIssuers. Each CRL is verified against
//! its issuer (name, cRLSign, signature) before it may enter the folder.
//!
//! The folder is replaced piece by piece so that a reader (the page, mid-request)
//! always sees a consistent set: CRL and CA files are content-addressed
//! (`crl/<SHA-256>.crl`), written to a temporary name beside, fsynced and renamed;
//! `index.json` is written the same way last, and files the new index no longer
//! names are removed after it. A CRL that fails (unreachable, not a CRL, wrongly
//! signed, older than the one in the folder) never replaces the folder's copy; the
//! run then says why and exits with status 2.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Args;
use kyso::cert::Cert;
use kyso::i18n::{self, Lang};
use kyso::trust::Crl;
use kyso::trust::builtin;
use kyso::trust::folder::{self, CaEntry, CrlEntry, Index};

use super::http::Client;
use super::{EXIT_OK, EXIT_UNREADABLE, files, usage_error};

/// CRLs the Government CA publishes for its issuing CAs: its subscribers'
/// certificates name them, the CA certificates themselves do not (a CA certificate's
/// distribution point is its issuer's CRL). Source: the certificates' CRL
/// distribution points, `../shared/trust/README.md`.
const VGCA_PUBLISHED: &[&str] = &[
    "http://ca.gov.vn/pki/pub/crl/cpcag2.crl",
    "http://ca.gov.vn/pki/pub/crl/cp.crl",
];

/// Default limits: CRLs of large CAs run to tens of megabytes.
pub const DEFAULT_TIMEOUT_MS: u64 = 20_000;
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

#[derive(Args, Debug)]
pub struct UpdateArgs {
    /// Chứng thư CA (thay cho bộ có sẵn) / CA certificates to use instead of the built-in set.
    #[arg(long = "ca", value_name = "FILE")]
    pub ca: Vec<PathBuf>,
    /// Thêm địa chỉ CRL cần tải / an extra CRL address to download.
    #[arg(long = "crl-url", value_name = "URL")]
    pub crl_url: Vec<String>,
    /// Thư mục tin cậy cần ghi (ví dụ dist/trust) / the trust folder to write.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    #[command(flatten)]
    pub net: NetArgs,
    /// Thời điểm (RFC 3339, mặc định: bây giờ) / the time written as `updated`.
    #[arg(long, value_name = "RFC3339")]
    pub at: Option<String>,
    /// Ngôn ngữ / language: vi (mặc định) hoặc en.
    #[arg(long, value_name = "vi|en", default_value = "vi")]
    pub lang: String,
}

/// Network limits shared by `trust update` and `--online`.
#[derive(Args, Debug, Clone)]
pub struct NetArgs {
    /// Thời gian chờ tối đa cho mỗi lần tải, mili giây / timeout per download (ms).
    #[arg(long = "timeout-ms", value_name = "MS", default_value_t = DEFAULT_TIMEOUT_MS)]
    pub timeout_ms: u64,
    /// Kích thước tối đa của một tệp tải về (byte) / size cap per download (bytes).
    #[arg(long = "max-bytes", value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Máy chủ proxy HTTP (host:port; mặc định: biến http_proxy) / HTTP proxy.
    #[arg(long, value_name = "HOST:PORT")]
    pub proxy: Option<String>,
}

impl NetArgs {
    pub fn client(&self) -> Client {
        Client {
            timeout: Duration::from_millis(self.timeout_ms),
            max_bytes: self.max_bytes,
            max_redirects: 3,
            proxy: self.proxy.clone().or_else(|| {
                std::env::var("http_proxy")
                    .or_else(|_| std::env::var("HTTP_PROXY"))
                    .ok()
                    .filter(|p| !p.is_empty())
            }),
        }
    }
}

/// One line of the report.
struct Outcome {
    url: String,
    ok: bool,
    text: String,
    /// Not fetched on purpose (https, ldap): neither success nor failure.
    skipped: bool,
}

pub fn run(args: &UpdateArgs) -> u8 {
    let (at, lang) = match super::parse_at(args.at.as_deref())
        .and_then(|at| Ok((at, super::parse_lang(&args.lang)?)))
    {
        Ok(v) => v,
        Err(e) => return usage_error(&e),
    };
    let client = args.net.client();
    let mut outcomes: Vec<Outcome> = Vec::new();

    // The CAs: given, or built in.
    let mut cas: Vec<Cert> = Vec::new();
    if args.ca.is_empty() {
        cas.extend(builtin::certs().iter().cloned());
    } else {
        let (found, bad) = files::read_paths(&args.ca, &files::cert_extensions());
        if let Some(b) = bad.first() {
            return fail(&format!("{}: {}", b.file, b.detail));
        }
        for f in found {
            match kyso::input::decode(&f.bytes) {
                Ok(d) => cas.extend(d.certs.iter().filter_map(|c| Cert::from_der(c).ok())),
                Err(e) => return fail(&format!("{}: {}", f.name, i18n::input_error(lang, &e))),
            }
        }
        if cas.is_empty() {
            return fail(&format!("--ca: {}", i18n::text(lang, "not_a_certificate")));
        }
    }

    // The folder as it is.
    let index_path = args.out.join("index.json");
    let old = match std::fs::read(&index_path) {
        Ok(bytes) => match folder::parse(&bytes) {
            Ok(i) => i,
            Err(e) => {
                return fail(&format!(
                    "{}: {}",
                    index_path.display(),
                    i18n::text(lang, e.code())
                ));
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Index {
            version: folder::VERSION,
            ..Index::default()
        },
        Err(e) => return fail(&format!("{}: {e}", index_path.display())),
    };
    let mut pool: Vec<Cert> = cas.clone();
    for c in &old.cas {
        if let Some(cert) = std::fs::read(args.out.join(&c.file))
            .ok()
            .and_then(|b| Cert::from_der(&b).ok())
        {
            push_cert(&mut pool, cert);
        }
    }

    // The given CAs go into the folder (the page may need them to build chains);
    // the built-in ones are in the page already.
    let mut ca_entries: Vec<CaEntry> = old.cas.clone();
    let mut new_ca_files: Vec<(String, Vec<u8>)> = Vec::new();
    if !args.ca.is_empty() {
        for cert in &cas {
            add_ca(&mut ca_entries, &mut new_ca_files, cert, None);
        }
    }
    // Missing issuers, through AIA caIssuers (a few levels).
    for _ in 0..4 {
        let mut added = false;
        for cert in pool.clone() {
            if cert.issuer_der() == cert.subject_der()
                || pool.iter().any(|p| p.subject_der() == cert.issuer_der())
            {
                continue;
            }
            let facts = kyso::cert::facts(&cert, at);
            for url in facts
                .authority_info_access
                .iter()
                .filter(|a| a.method == "ca_issuers")
                .map(|a| a.location.clone())
            {
                if !super::http::is_http(&url) {
                    continue;
                }
                match fetch_issuer(&client, &url, &cert) {
                    Ok(issuer) => {
                        if add_ca(&mut ca_entries, &mut new_ca_files, &issuer, Some(&url)) {
                            outcomes.push(Outcome {
                                url: url.clone(),
                                ok: true,
                                text: format!(
                                    "{} ({})",
                                    i18n::text(lang, "ca_added"),
                                    kyso::cert::name::dn_string_der(issuer.subject_der())
                                ),
                                skipped: false,
                            });
                        }
                        push_cert(&mut pool, issuer);
                        added = true;
                        break;
                    }
                    Err(text) => outcomes.push(Outcome {
                        url,
                        ok: false,
                        text: text.describe(lang),
                        skipped: false,
                    }),
                }
            }
        }
        if !added {
            break;
        }
    }

    // Where the CRLs are: the CAs' distribution points, the Government CA's
    // published CRLs, --crl-url, and what the folder already holds.
    let mut urls: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut add = |u: &str, urls: &mut Vec<String>| {
        if seen.insert(u.to_string()) {
            urls.push(u.to_string());
        }
    };
    for cert in &pool {
        for u in kyso::cert::facts(cert, at).crl_distribution_points {
            add(&u, &mut urls);
        }
    }
    if args.ca.is_empty() {
        for u in VGCA_PUBLISHED {
            add(u, &mut urls);
        }
    }
    for u in &args.crl_url {
        add(u, &mut urls);
    }
    for e in &old.crls {
        if let Some(u) = &e.url {
            add(u, &mut urls);
        }
    }

    let mut crl_entries: Vec<CrlEntry> = Vec::new();
    let mut new_crl_files: Vec<(String, Vec<u8>)> = Vec::new();
    for url in urls {
        let previous = old.crls.iter().find(|e| e.url.as_deref() == Some(&url));
        if !super::http::is_http(&url) {
            // https and ldap are not fetched (README); say so, do not fail.
            outcomes.push(Outcome {
                url: url.clone(),
                ok: true,
                text: i18n::text(lang, "http_not_http").to_string(),
                skipped: true,
            });
            crl_entries.extend(previous.cloned());
            continue;
        }
        match fetch_crl(&client, &url, &pool) {
            Err(why) => {
                outcomes.push(Outcome {
                    url: url.clone(),
                    ok: false,
                    text: why.describe(lang),
                    skipped: false,
                });
                crl_entries.extend(previous.cloned());
            }
            Ok(crl) => {
                let file = format!("crl/{}.crl", folder::sha256_hex(crl.der()));
                let entry = folder::crl_entry(&crl, file.clone(), Some(url.clone()));
                let same_issuer =
                    |p: &CrlEntry| p.issuer == entry.issuer && p.key_id == entry.key_id;
                let (code, take, ok) =
                    match previous.map(|p| (same_issuer(p), folder::is_newer(&crl, p))) {
                        // The address now serves another CA's CRL: not a replacement.
                        Some((false, _)) => ("crl_issuer_name_mismatch", false, false),
                        None => ("crl_added", true, true),
                        Some((true, core::cmp::Ordering::Greater)) => ("crl_updated", true, true),
                        Some((true, core::cmp::Ordering::Equal)) => ("crl_unchanged", false, true),
                        Some((true, core::cmp::Ordering::Less)) => ("crl_kept_older", false, false),
                    };
                let number = entry
                    .number
                    .as_deref()
                    .map(|n| match lang {
                        Lang::Vi => format!(", số {n}"),
                        Lang::En => format!(", number {n}"),
                    })
                    .unwrap_or_default();
                outcomes.push(Outcome {
                    url: url.clone(),
                    ok,
                    text: format!(
                        "{} ({}{number}, thisUpdate {})",
                        i18n::text(lang, code),
                        entry.issuer,
                        entry.this_update
                    ),
                    skipped: false,
                });
                if take {
                    new_crl_files.push((file, crl.der().to_vec()));
                    crl_entries.push(entry);
                } else {
                    crl_entries.extend(previous.cloned());
                }
            }
        }
    }

    let failed = outcomes.iter().any(|o| !o.ok);
    let new = Index {
        version: folder::VERSION,
        updated: Some(at.to_rfc3339()),
        cas: ca_entries,
        crls: crl_entries,
    };
    let changed = new.cas != old.cas || new.crls != old.crls;
    for o in &outcomes {
        let mark = match (o.skipped, o.ok) {
            (true, _) => "–",
            (false, true) => "✓",
            (false, false) => "✗",
        };
        println!("{mark} {}: {}", o.url, o.text);
    }
    if changed && let Err(e) = write_folder(&args.out, &new, &new_crl_files, &new_ca_files) {
        return fail(&format!("{}: {e}", args.out.display()));
    }
    let vi = lang == Lang::Vi;
    let summary = match (changed, vi) {
        (true, true) => format!(
            "Đã ghi {}: {} CRL, {} chứng thư CA.",
            index_path.display(),
            new.crls.len(),
            new.cas.len()
        ),
        (true, false) => format!(
            "Wrote {}: {} CRLs, {} CA certificates.",
            index_path.display(),
            new.crls.len(),
            new.cas.len()
        ),
        (false, true) => format!("Thư mục {} không thay đổi.", args.out.display()),
        (false, false) => format!("{} unchanged.", args.out.display()),
    };
    println!("{summary}");
    if failed {
        eprintln!(
            "kyso: {}",
            if vi {
                "có CRL không tải hoặc không kiểm tra được (xem các dòng ✗); bản cũ trong thư mục được giữ nguyên"
            } else {
                "some CRLs could not be fetched or verified (lines marked ✗); the folder keeps its previous copies"
            }
        );
        EXIT_UNREADABLE
    } else {
        EXIT_OK
    }
}

fn fail(msg: &str) -> u8 {
    eprintln!("kyso: {msg}");
    EXIT_UNREADABLE
}

/// Lists `cert` in the folder (once); `true` when it was not there yet.
fn add_ca(
    entries: &mut Vec<CaEntry>,
    files: &mut Vec<(String, Vec<u8>)>,
    cert: &Cert,
    source: Option<&str>,
) -> bool {
    let file = format!("ca/{}.cer", kyso::cert::hex_upper(&cert.sha256()));
    if entries.iter().any(|e| e.file == file) {
        return false;
    }
    entries.push(folder::ca_entry(
        cert,
        file.clone(),
        source.map(str::to_string),
    ));
    files.push((file, cert.der().to_vec()));
    true
}

fn push_cert(pool: &mut Vec<Cert>, c: Cert) {
    if !pool.iter().any(|p| p.sha256() == c.sha256()) {
        pool.push(c);
    }
}

/// Why a download did not give a usable CRL or certificate.
pub enum FetchError {
    Http(super::http::HttpError),
    /// An i18n code.
    Code(&'static str),
}

impl FetchError {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            FetchError::Http(e) => e.describe(lang),
            FetchError::Code(c) => i18n::text(lang, c).to_string(),
        }
    }
}

/// Downloads `url` and returns the CRL in it once an issuer in `pool` is shown to
/// have signed it.
pub fn fetch_crl(client: &Client, url: &str, pool: &[Cert]) -> Result<Crl, FetchError> {
    let bytes = client.get(url).map_err(FetchError::Http)?;
    crl_signed_by_pool(&bytes, pool)
}

/// The CRL in `bytes` (DER or PEM), verified against its issuer in `pool`.
pub fn crl_signed_by_pool(bytes: &[u8], pool: &[Cert]) -> Result<Crl, FetchError> {
    let der = kyso::input::decode(bytes)
        .ok()
        .and_then(|d| d.crls.into_iter().next())
        .ok_or(FetchError::Code("crl_not_a_crl"))?;
    let crl = Crl::from_der(&der).map_err(|_| FetchError::Code("crl_not_a_crl"))?;
    let mut why = "crl_issuer_unknown";
    for issuer in pool {
        match folder::check_issuer(&crl, issuer) {
            Ok(()) => return Ok(crl),
            Err(folder::IssuerCheck::Name) => {}
            Err(e) => why = e.code(),
        }
    }
    Err(FetchError::Code(why))
}

/// Downloads an issuer certificate of `child`.
pub fn fetch_issuer(client: &Client, url: &str, child: &Cert) -> Result<Cert, FetchError> {
    let bytes = client.get(url).map_err(FetchError::Http)?;
    issuer_in_bytes(&bytes, child)
}

/// The certificate in `bytes` (DER, PEM or PKCS#7) that issued `child`: its subject
/// is `child`'s issuer and its key verifies `child`'s signature.
pub fn issuer_in_bytes(bytes: &[u8], child: &Cert) -> Result<Cert, FetchError> {
    let decoded = kyso::input::decode(bytes).map_err(|e| FetchError::Code(e.code()))?;
    decoded
        .certs
        .iter()
        .filter_map(|d| Cert::from_der(d).ok())
        .find(|c| {
            c.subject_der() == child.issuer_der()
                && kyso::crypto::verify_signature(
                    c.x509().tbs_certificate().subject_public_key_info(),
                    child.x509().signature_algorithm(),
                    child.tbs_der(),
                    child.signature_bytes(),
                )
                .is_ok()
        })
        .ok_or(FetchError::Code("crl_issuer_unknown"))
}

/// Writes the new files, then the index, each atomically; removes what the index no
/// longer names.
fn write_folder(
    dir: &Path,
    index: &Index,
    crls: &[(String, Vec<u8>)],
    cas: &[(String, Vec<u8>)],
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join("crl"))?;
    std::fs::create_dir_all(dir.join("ca"))?;
    for (file, bytes) in crls.iter().chain(cas) {
        write_atomic(&dir.join(file), bytes)?;
    }
    for sub in ["crl", "ca"] {
        sync_dir(&dir.join(sub));
    }
    write_atomic(&dir.join("index.json"), folder::to_json(index).as_bytes())?;
    sync_dir(dir);
    let named: BTreeSet<&str> = index
        .crls
        .iter()
        .map(|e| e.file.as_str())
        .chain(index.cas.iter().map(|e| e.file.as_str()))
        .collect();
    for sub in ["crl", "ca"] {
        for entry in std::fs::read_dir(dir.join(sub))?.flatten() {
            let name = format!("{sub}/{}", entry.file_name().to_string_lossy());
            if !named.contains(name.as_str()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path`, fsyncs it and renames it over
/// `path`: a reader sees the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Makes a rename durable (Unix); a no-op where directories cannot be opened.
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
