//! `kyso trust update` against a local HTTP server on 127.0.0.1.
//!
//! The server (a std::net thread) plays the CAs' web servers through `--proxy`, so the
//! certificates keep their real-looking distribution points (`http://crl.kyso.test/…`).
//! It serves the CRLs of `tests/fixtures/trust-update/` (Python `cryptography`,
//! `make.py`) and the hostile answers a real network gives: 404, garbage, an older
//! CRL, another issuer's CRL, a forged one, a server that never answers, a huge file.
//! Every failure must leave the previous good folder byte for byte as it was.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kyso::trust::folder;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trust-update")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(name)).unwrap()
}

#[derive(Clone)]
enum Answer {
    Body(Vec<u8>),
    Chunked(Vec<u8>),
    Status(u16),
    Redirect(&'static str),
    /// Headers, then nothing for this long.
    Silent(Duration),
    /// Claims a body of this many bytes and streams zeros.
    Huge(usize),
    /// Streams this many bytes with no length, until closed.
    Endless(usize),
    /// These bytes, whatever they are, then close.
    Raw(&'static [u8]),
}

type Routes = Arc<Mutex<HashMap<String, Answer>>>;
/// POST bodies (OCSP requests) by path.
type Bodies = Arc<Mutex<Vec<(String, Vec<u8>)>>>;

struct Server {
    port: u16,
    routes: Routes,
    hits: Arc<Mutex<Vec<String>>>,
    /// The bodies of POST requests (OCSP), by path.
    bodies: Bodies,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let routes: Routes = Arc::default();
        let hits: Arc<Mutex<Vec<String>>> = Arc::default();
        let bodies: Bodies = Arc::default();
        let (r, h, b) = (routes.clone(), hits.clone(), bodies.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming().flatten() {
                let (r, h, b) = (r.clone(), h.clone(), b.clone());
                std::thread::spawn(move || serve(conn, &r, &h, &b));
            }
        });
        Server {
            port,
            routes,
            hits,
            bodies,
        }
    }

    fn set(&self, path: &str, a: Answer) {
        self.routes.lock().unwrap().insert(path.to_string(), a);
    }

    fn proxy(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
}

fn serve(
    mut conn: TcpStream,
    routes: &Routes,
    hits: &Mutex<Vec<String>>,
    bodies: &Mutex<Vec<(String, Vec<u8>)>>,
) {
    let mut head = Vec::new();
    let mut b = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 8192 {
        if conn.read(&mut b).unwrap_or(0) == 0 {
            return;
        }
        head.push(b[0]);
    }
    let line = String::from_utf8_lossy(&head)
        .lines()
        .next()
        .unwrap_or("")
        .to_string();
    // A proxy request names the absolute URI; keep its path.
    let target = line.split(' ').nth(1).unwrap_or("/").to_string();
    let path = match target.strip_prefix("http://") {
        Some(rest) => rest
            .find('/')
            .map_or("/".to_string(), |i| rest[i..].to_string()),
        None => target,
    };
    hits.lock().unwrap().push(path.clone());
    let text = String::from_utf8_lossy(&head).to_ascii_lowercase();
    if let Some(len) = text
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        let mut body = vec![0u8; len];
        if conn.read_exact(&mut body).is_ok() {
            bodies.lock().unwrap().push((path.clone(), body));
        }
    }
    let answer = routes.lock().unwrap().get(&path).cloned();
    let _ = match answer {
        None | Some(Answer::Status(404)) => {
            conn.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found")
        }
        Some(Answer::Status(s)) => {
            conn.write_all(format!("HTTP/1.1 {s} Error\r\nContent-Length: 0\r\n\r\n").as_bytes())
        }
        Some(Answer::Body(body)) => conn
            .write_all(
                format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", body.len()).as_bytes(),
            )
            .and_then(|()| conn.write_all(&body)),
        Some(Answer::Chunked(body)) => {
            let mut out = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
            for c in body.chunks(1000) {
                out.extend(format!("{:x};ext=1\r\n", c.len()).as_bytes());
                out.extend(c);
                out.extend(b"\r\n");
            }
            out.extend(b"0\r\n\r\n");
            conn.write_all(&out)
        }
        Some(Answer::Redirect(to)) => conn.write_all(
            format!("HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\n\r\n").as_bytes(),
        ),
        Some(Answer::Silent(d)) => {
            let _ = conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
            std::thread::sleep(d);
            Ok(())
        }
        Some(Answer::Huge(n)) => {
            let _ = conn
                .write_all(format!("HTTP/1.1 200 OK\r\nContent-Length: {n}\r\n\r\n").as_bytes());
            let zeros = vec![0u8; 64 * 1024];
            let mut sent = 0;
            while sent < n && conn.write_all(&zeros).is_ok() {
                sent += zeros.len();
            }
            Ok(())
        }
        Some(Answer::Raw(bytes)) => conn.write_all(bytes),
        Some(Answer::Endless(n)) => {
            let _ = conn.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            let zeros = vec![0u8; 64 * 1024];
            let mut sent = 0;
            while sent < n && conn.write_all(&zeros).is_ok() {
                sent += zeros.len();
            }
            Ok(())
        }
    };
}

struct Run {
    status: i32,
    out: String,
}

fn update(server: &Server, dir: &Path, extra: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kyso"));
    cmd.args(["trust", "update", "--lang", "en", "--ca"])
        .arg(fixtures().join("ca.cer"))
        .args(["--crl-url", "http://crl.kyso.test/ca.crl", "--proxy"])
        .arg(server.proxy())
        .args(["--max-bytes", "1000000"]);
    // Defaults that a case may set otherwise.
    for (flag, value) in [("--timeout-ms", "2000"), ("--at", "2026-11-09T00:00:00Z")] {
        if !extra.contains(&flag) {
            cmd.args([flag, value]);
        }
    }
    cmd.arg("--out")
        .arg(dir)
        .args(extra)
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY");
    let o = cmd.output().unwrap();
    Run {
        status: o.status.code().unwrap_or(-1),
        out: format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
    }
}

/// Every file of the folder, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn index(dir: &Path) -> folder::Index {
    folder::parse(&std::fs::read(dir.join("index.json")).unwrap()).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kyso-trust-update-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// The CA's site with the first CRL, its root's CRL and its root's certificate.
fn good_server() -> Server {
    let s = Server::start();
    s.set("/ca.crl", Answer::Body(fixture("ca-1.crl")));
    s.set("/root.crl", Answer::Body(fixture("root.crl")));
    s.set("/root.cer", Answer::Body(fixture("root.cer")));
    s
}

#[test]
fn first_run_then_newer_crl_then_unchanged() {
    let s = good_server();
    let dir = scratch("first");
    let r = update(&s, &dir, &[]);
    assert_eq!(r.status, 0, "{}", r.out);
    let i = index(&dir);
    // The CA's CRL (--crl-url) and the root's (the CA certificate's distribution
    // point), the root's certificate through AIA caIssuers.
    assert_eq!(i.crls.len(), 2, "{}", r.out);
    // The given CA (for the page to build chains) and its root, fetched through
    // AIA caIssuers.
    assert_eq!(i.cas.len(), 2);
    assert_eq!(i.cas[0].source, None);
    assert_eq!(
        i.cas[1].source.as_deref(),
        Some("http://crl.kyso.test/root.cer")
    );
    let ca = i
        .crls
        .iter()
        .find(|e| e.url.as_deref() == Some("http://crl.kyso.test/ca.crl"))
        .unwrap();
    assert_eq!(ca.number.as_deref(), Some("01"));
    assert_eq!(ca.issuer, "C=VN, O=Kyso Test PKI, CN=Kyso Update CA");
    assert_eq!(ca.this_update, "2026-11-01T00:00:00Z");
    assert_eq!(ca.next_update.as_deref(), Some("2026-11-08T00:00:00Z"));
    for e in &i.crls {
        let bytes = std::fs::read(dir.join(&e.file)).unwrap();
        assert_eq!(folder::sha256_hex(&bytes), e.sha256);
    }
    assert_eq!(
        std::fs::read(dir.join(&i.cas[0].file)).unwrap(),
        fixture("ca.cer")
    );
    assert_eq!(
        std::fs::read(dir.join(&i.cas[1].file)).unwrap(),
        fixture("root.cer")
    );
    assert!(r.out.contains("new CRL added"), "{}", r.out);

    // A newer CRL, sent chunked: it replaces the old one, whose file goes.
    let old_file = ca.file.clone();
    s.set("/ca.crl", Answer::Chunked(fixture("ca-2.crl")));
    let r = update(&s, &dir, &[]);
    assert_eq!(r.status, 0, "{}", r.out);
    assert!(r.out.contains("CRL replaced by a newer one"), "{}", r.out);
    let i = index(&dir);
    let ca = i
        .crls
        .iter()
        .find(|e| e.url.as_deref() == Some("http://crl.kyso.test/ca.crl"))
        .unwrap();
    assert_eq!(ca.number.as_deref(), Some("02"));
    assert!(
        !dir.join(old_file).exists(),
        "the replaced CRL's file is removed"
    );

    // The same CRL again (PEM this time, behind a redirect): nothing is rewritten.
    let before = snapshot(&dir);
    s.set("/ca.crl", Answer::Redirect("/pem/ca.crl"));
    s.set("/pem/ca.crl", Answer::Body(fixture("ca-2-pem.crl")));
    let r = update(&s, &dir, &["--at", "2026-11-10T00:00:00Z"]);
    assert_eq!(r.status, 0, "{}", r.out);
    assert!(r.out.contains("CRL unchanged"), "{}", r.out);
    assert_eq!(
        snapshot(&dir),
        before,
        "an unchanged run leaves every byte as it was"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_failure_leaves_the_good_folder_untouched() {
    let s = good_server();
    let dir = scratch("failures");
    s.set("/ca.crl", Answer::Body(fixture("ca-2.crl")));
    let r = update(&s, &dir, &[]);
    assert_eq!(r.status, 0, "{}", r.out);
    let good = snapshot(&dir);
    assert!(good.contains_key("index.json"));

    let mut garbage = b"-----BEGIN X509 CRL-----\nnot base64 at all\n".to_vec();
    garbage.extend((0..5000u32).map(|i| (i * 7919 % 251) as u8));
    let cases: Vec<(&str, Answer, &str)> = vec![
        ("404", Answer::Status(404), "HTTP 404"),
        ("500", Answer::Status(500), "HTTP 500"),
        ("garbage", Answer::Body(garbage), "not a CRL"),
        (
            "html",
            Answer::Body(b"<!doctype html><p>Not here</p>".to_vec()),
            "not a CRL",
        ),
        (
            "older CRL",
            Answer::Body(fixture("ca-1.crl")),
            "older than the CRL in the folder",
        ),
        (
            "another issuer's CRL",
            Answer::Body(fixture("other.crl")),
            "is not at hand",
        ),
        (
            "forged signature",
            Answer::Body(fixture("forged.crl")),
            "signature",
        ),
        (
            "slow server",
            Answer::Silent(Duration::from_secs(5)),
            "timeout",
        ),
        ("huge file", Answer::Huge(50_000_000), "size limit"),
        ("huge, no length", Answer::Endless(50_000_000), "size limit"),
        (
            "huge, chunked",
            Answer::Chunked(vec![0u8; 2_000_000]),
            "size limit",
        ),
        (
            "not an HTTP server",
            Answer::Raw(b"SSH-2.0-OpenSSH_9.6\r\n\r\n"),
            "not valid HTTP",
        ),
        (
            "body cut short",
            Answer::Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 400\r\n\r\n0\x82\x01"),
            "not valid HTTP",
        ),
        (
            "broken chunks",
            Answer::Raw(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
            "not valid HTTP",
        ),
        (
            "redirect loop",
            Answer::Redirect("/ca.crl"),
            "Too many redirects",
        ),
        (
            "redirect to https",
            Answer::Redirect("https://crl.kyso.test/ca.crl"),
            "Only http://",
        ),
    ];
    for (what, answer, says) in cases {
        s.set("/ca.crl", answer);
        let t = Instant::now();
        let r = update(&s, &dir, &["--timeout-ms", "400"]);
        assert_eq!(r.status, 2, "{what}: exit status\n{}", r.out);
        assert!(r.out.contains(says), "{what}: says «{says}»\n{}", r.out);
        assert!(
            t.elapsed() < Duration::from_secs(4),
            "{what}: bounded by the timeout"
        );
        assert_eq!(snapshot(&dir), good, "{what}: the folder is untouched");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_ca_without_crl_sign_cannot_publish_a_crl() {
    let s = good_server();
    let dir = scratch("noku");
    s.set("/noku.crl", Answer::Body(fixture("noku.crl")));
    let noku = fixtures().join("noku.cer");
    let r = update(
        &s,
        &dir,
        &[
            "--ca",
            noku.to_str().unwrap(),
            "--crl-url",
            "http://crl.kyso.test/noku.crl",
        ],
    );
    assert_eq!(r.status, 2, "{}", r.out);
    assert!(r.out.contains("no cRLSign"), "{}", r.out);
    // The good CRLs of the same run are still written, the refused one is not.
    let i = index(&dir);
    assert!(
        i.crls
            .iter()
            .all(|e| e.url.as_deref() != Some("http://crl.kyso.test/noku.crl"))
    );
    assert_eq!(i.crls.len(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_broken_index_is_not_overwritten() {
    let s = good_server();
    let dir = scratch("broken-index");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.json"), b"{ not json").unwrap();
    let r = update(&s, &dir, &[]);
    assert_eq!(r.status, 2, "{}", r.out);
    assert_eq!(
        std::fs::read(dir.join("index.json")).unwrap(),
        b"{ not json"
    );
    assert!(s.hits.lock().unwrap().is_empty(), "nothing fetched");
    let _ = std::fs::remove_dir_all(&dir);
}

fn kyso_json(args: &[&std::ffi::OsStr]) -> (i32, serde_json::Value) {
    let o = Command::new(env!("CARGO_BIN_EXE_kyso"))
        .args(args)
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .output()
        .unwrap();
    let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    (o.status.code().unwrap_or(-1), v)
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

#[test]
fn online_fetches_the_missing_issuer_and_the_crl_then_serves_them_from_the_cache() {
    let s = good_server();
    s.set("/ca.crl", Answer::Body(fixture("ca-2.crl")));
    s.set("/ca.cer", Answer::Body(fixture("ca.cer")));
    let cache = scratch("cache");
    let (root, leaf, revoked) = (
        fixtures().join("root.cer"),
        fixtures().join("leaf.cer"),
        fixtures().join("revoked.cer"),
    );
    let proxy = s.proxy();
    let base: Vec<&std::ffi::OsStr> = vec![
        os("cert"),
        os("--json"),
        os("--lang"),
        os("en"),
        os("--at"),
        os("2026-11-09T00:00:00Z"),
        os("--trust"),
        root.as_os_str(),
    ];
    // Offline, the issuing CA is missing: no chain.
    let (_, offline) = kyso_json(&[&base[..], &[leaf.as_os_str()]].concat());
    assert_eq!(offline["certificates"][0]["chain"]["status"], "incomplete");
    assert!(offline.get("evidence_sources").is_none());

    let online: Vec<&std::ffi::OsStr> = [
        &base[..],
        &[
            os("--online"),
            os("--proxy"),
            os(&proxy),
            os("--timeout-ms"),
            os("2000"),
            os("--cache"),
            cache.as_os_str(),
            leaf.as_os_str(),
            revoked.as_os_str(),
        ],
    ]
    .concat();
    let (status, v) = kyso_json(&online);
    assert_eq!(status, 0, "{v:#}");
    assert_eq!(v["certificates"][0]["chain"]["status"], "trusted", "{v:#}");
    assert_eq!(v["certificates"][1]["chain"]["status"], "revoked", "{v:#}");
    let ev = v["evidence_sources"].as_array().unwrap();
    let find = |kind: &str, loc: &str| {
        ev.iter()
            .find(|e| e["kind"] == kind && e["location"] == loc)
            .unwrap_or_else(|| panic!("{kind} {loc} in {ev:#?}"))
    };
    let issuer = find("certificate", "http://crl.kyso.test/ca.cer");
    assert_eq!(issuer["source"], "online");
    assert_eq!(issuer["source_text"], "fetched online");
    let crl = find("crl", "http://crl.kyso.test/ca.crl");
    assert_eq!(crl["cached"], false);
    assert_eq!(crl["next_update"], "2026-11-15T00:00:00Z");
    assert!(crl["problem"].is_null());

    // The network gone: the same verdicts from the cache, nothing asked.
    s.routes.lock().unwrap().clear();
    s.hits.lock().unwrap().clear();
    let (_, again) = kyso_json(&online);
    assert_eq!(again["certificates"][0]["chain"]["status"], "trusted");
    assert_eq!(again["certificates"][1]["chain"]["status"], "revoked");
    assert!(
        again["evidence_sources"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["source"] == "online")
            .all(|e| e["cached"] == true),
        "{again:#}"
    );
    assert!(
        s.hits.lock().unwrap().is_empty(),
        "current cached answers are not fetched again"
    );
    let _ = std::fs::remove_dir_all(&cache);
}

/// The OCSP request kyso builds is byte for byte the one `openssl ocsp -no_nonce`
/// builds for the same certificate and issuer.
#[test]
fn online_ocsp_request_is_what_openssl_builds() {
    let s = Server::start();
    let signed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/signed");
    let cache = scratch("ocsp-cache");
    let pdf = signed.join("ocsp_unknown.pdf");
    let root = signed.join("pki/rev/root.cer");
    let proxy = s.proxy();
    let (status, v) = kyso_json(&[
        os("verify"),
        os("--json"),
        os("--at"),
        os("2026-09-01T00:00:00Z"),
        os("--trust"),
        root.as_os_str(),
        os("--online"),
        os("--proxy"),
        os(&proxy),
        os("--cache"),
        cache.as_os_str(),
        pdf.as_os_str(),
    ]);
    assert_eq!(status, 0, "{v:#}");
    let ev = v["documents"][0]["evidence_sources"].as_array().unwrap();
    let ocsp = ev
        .iter()
        .find(|e| e["kind"] == "ocsp" && e["source"] == "online")
        .unwrap_or_else(|| panic!("{ev:#?}"));
    assert_eq!(ocsp["location"], "http://ocsp.kyso.test/");
    assert!(ocsp["problem"].as_str().unwrap().contains("404"), "{ocsp}");
    // What the file carries is listed as embedded.
    assert!(
        ev.iter()
            .any(|e| e["kind"] == "ocsp" && e["source"] == "embedded")
    );

    let bodies = s.bodies.lock().unwrap().clone();
    assert_eq!(bodies.len(), 1, "one OCSP request, for the signer");
    let dir = scratch("ocsp-ref");
    std::fs::create_dir_all(&dir).unwrap();
    let pem = |name: &str| {
        let out = dir.join(format!("{name}.pem"));
        let st = Command::new("openssl")
            .args(["x509", "-inform", "der", "-in"])
            .arg(signed.join(format!("pki/rev/{name}.cer")))
            .arg("-out")
            .arg(&out)
            .status()
            .unwrap();
        assert!(st.success());
        out
    };
    let (ca, person) = (pem("ca"), pem("person"));
    let reference = dir.join("req.der");
    let st = Command::new("openssl")
        .args(["ocsp", "-no_nonce", "-issuer"])
        .arg(&ca)
        .arg("-cert")
        .arg(&person)
        .arg("-reqout")
        .arg(&reference)
        .status()
        .unwrap();
    assert!(st.success());
    assert_eq!(bodies[0].1, std::fs::read(&reference).unwrap());
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&cache);
}

/// The folder `kyso trust update` writes is what `kyso cert --trust-folder` reads:
/// the CA certificate from it completes the chain, its CRL says who is revoked, and
/// the report names the folder as the source and says when a CRL is out of date.
#[test]
fn the_cli_reads_the_folder_it_wrote() {
    let s = good_server();
    s.set("/ca.crl", Answer::Body(fixture("ca-2.crl")));
    let dir = scratch("read-back");
    let r = update(&s, &dir, &[]);
    assert_eq!(r.status, 0, "{}", r.out);
    let (root, leaf, revoked) = (
        fixtures().join("root.cer"),
        fixtures().join("leaf.cer"),
        fixtures().join("revoked.cer"),
    );
    let run = |at: &str| {
        kyso_json(&[
            os("cert"),
            os("--json"),
            os("--lang"),
            os("en"),
            os("--at"),
            os(at),
            os("--trust"),
            root.as_os_str(),
            os("--trust-folder"),
            dir.as_os_str(),
            leaf.as_os_str(),
            revoked.as_os_str(),
        ])
    };
    let (status, v) = run("2026-11-09T00:00:00Z");
    assert_eq!(status, 0, "{v:#}");
    assert_eq!(v["certificates"][0]["chain"]["status"], "trusted", "{v:#}");
    assert_eq!(v["certificates"][1]["chain"]["status"], "revoked", "{v:#}");
    let ev = v["evidence_sources"].as_array().unwrap();
    // The CA's CRL for the leaves, the root's for the CA.
    for about in ["CN=Kyso Update CA", "CN=Kyso Update Root"] {
        let crl = ev
            .iter()
            .find(|e| {
                e["kind"] == "crl"
                    && e["source"] == "trust_folder"
                    && e["about"] == format!("C=VN, O=Kyso Test PKI, {about}")
            })
            .unwrap_or_else(|| panic!("{about} in {ev:#?}"));
        assert!(crl["problem"].is_null());
    }
    // Past the CRL's nextUpdate (2026-11-15) it is listed as out of date, and the
    // chain is no longer "trusted" on its word.
    let (_, late) = run("2026-11-20T00:00:00Z");
    let ev = late["evidence_sources"].as_array().unwrap();
    let crl = ev
        .iter()
        .find(|e| e["kind"] == "crl" && e["about"] == "C=VN, O=Kyso Test PKI, CN=Kyso Update CA")
        .unwrap();
    assert!(
        crl["problem"].as_str().unwrap().contains("out of date"),
        "{crl}"
    );
    assert_ne!(
        late["certificates"][0]["chain"]["status"], "trusted",
        "{late:#}"
    );
    // A file changed after the update is not used.
    let index = index(&dir);
    let ca_crl = index
        .crls
        .iter()
        .find(|e| e.number.as_deref() == Some("02"))
        .unwrap();
    std::fs::write(dir.join(&ca_crl.file), fixture("ca-1.crl")).unwrap();
    let (_, tampered) = run("2026-11-09T00:00:00Z");
    assert_ne!(tampered["certificates"][1]["chain"]["status"], "revoked");
    assert!(
        tampered["evidence_sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["problem"].as_str().is_some_and(|p| p.contains("SHA-256"))),
        "{tampered:#}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
