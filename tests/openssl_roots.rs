//! Every CA certificate of the machine's trust store (/etc/ssl/certs, ~140 roots from
//! many CAs and many years), read by kyso and by the `openssl x509` command, compared
//! field by field. OpenSSL is the independent reader here: a difference is a bug in
//! one of us, and it is not OpenSSL's.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::process::Command;

use kyso::cert::{Cert, facts};
use kyso::input;
use kyso::time::Instant;

/// What OpenSSL says about one certificate.
#[derive(Debug, Default)]
struct OpenSsl {
    serial: String,
    not_before: String,
    not_after: String,
    sha1: String,
    sha256: String,
    subject_values: Vec<String>,
    issuer_values: Vec<String>,
    key_bits: Option<u32>,
    signature_algorithm: String,
}

fn openssl(path: &Path) -> Option<OpenSsl> {
    let out = Command::new("openssl")
        .args(["x509", "-noout", "-serial", "-dates", "-subject", "-issuer"])
        .args(["-nameopt", "sep_multiline,utf8,sname,-esc_msb"])
        .args([
            "-fingerprint",
            "-sha256",
            "-text",
            "-certopt",
            "no_header,no_version,no_serial,no_validity,no_subject,no_issuer,no_extensions,no_aux",
        ])
        .arg("-in")
        .arg(path)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let sha1 = Command::new("openssl")
        .args(["x509", "-noout", "-fingerprint", "-sha1", "-in"])
        .arg(path)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut o = OpenSsl::default();
    let mut section = "";
    for line in text.lines() {
        if let Some(v) = line.strip_prefix("serial=") {
            o.serial = v.to_string();
        } else if let Some(v) = line.strip_prefix("notBefore=") {
            o.not_before = v.to_string();
        } else if let Some(v) = line.strip_prefix("notAfter=") {
            o.not_after = v.to_string();
        } else if let Some(v) = line.strip_prefix("sha256 Fingerprint=") {
            o.sha256 = v.replace(':', "");
            section = "";
        } else if line.starts_with("subject=") {
            section = "subject";
        } else if line.starts_with("issuer=") {
            section = "issuer";
        } else if let Some(rdn) = line
            .strip_prefix("    ")
            .filter(|r| !section.is_empty() && !r.starts_with(' '))
        {
            // "KEY=value", multi-valued RDNs joined by " + ".
            let target = if section == "subject" {
                &mut o.subject_values
            } else {
                &mut o.issuer_values
            };
            for atv in rdn.split(" + ") {
                if let Some((_, v)) = atv.split_once('=') {
                    target.push(v.to_string());
                }
            }
        } else {
            section = "";
            let t = line.trim();
            if let Some(rest) = t.strip_prefix("Public-Key: (") {
                o.key_bits = rest.split(' ').next().and_then(|n| n.parse().ok());
            } else if let Some(rest) = t.strip_prefix("Signature Algorithm: ")
                && o.signature_algorithm.is_empty()
            {
                o.signature_algorithm = rest.to_string();
            }
        }
    }
    o.sha1 = String::from_utf8_lossy(&sha1.stdout)
        .trim()
        .trim_start_matches("sha1 Fingerprint=")
        .replace(':', "");
    Some(o)
}

/// "Sep 15 07:53:56 2020 GMT" → RFC 3339.
fn openssl_date(s: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = s.split_whitespace().collect();
    let month = MONTHS.iter().position(|m| *m == parts[0]).unwrap() as u32 + 1;
    let day: u32 = parts[1].parse().unwrap();
    let hms: Vec<u32> = parts[2].split(':').map(|x| x.parse().unwrap()).collect();
    let year: i64 = parts[3].parse().unwrap();
    Instant::from_civil(year, month, day, hms[0], hms[1], hms[2])
        .unwrap()
        .to_rfc3339()
}

/// OpenSSL prints values of unknown string types as hex dumps and escapes a few
/// characters; those attributes are compared only when both sides are plain text.
fn comparable(v: &str) -> bool {
    !v.starts_with('#') && !v.contains('\\')
}

#[test]
fn system_roots_match_openssl_field_by_field() {
    let dir = Path::new("/etc/ssl/certs");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("/etc/ssl/certs exists (Debian ca-certificates)")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pem"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 100,
        "expected the system trust store, found {}",
        paths.len()
    );

    let at = Instant::parse_rfc3339("2026-01-01T00:00:00Z").unwrap();
    let mut compared = 0;
    let mut mismatches = Vec::new();
    for p in &paths {
        let Some(o) = openssl(p) else { continue };
        let bytes = std::fs::read(p).unwrap();
        let decoded = input::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e:?}", p.display()));
        assert_eq!(decoded.certs.len(), 1, "{}", p.display());
        let cert =
            Cert::from_der(&decoded.certs[0]).unwrap_or_else(|e| panic!("{}: {e:?}", p.display()));
        let f = facts(&cert, at);
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let mut check = |what: &str, ours: String, theirs: String| {
            if ours != theirs {
                mismatches.push(format!("{name}: {what}: kyso «{ours}» openssl «{theirs}»"));
            }
        };
        check("serial", f.serial_hex.clone(), o.serial.clone());
        check(
            "notBefore",
            f.not_before.to_rfc3339(),
            openssl_date(&o.not_before),
        );
        check(
            "notAfter",
            f.not_after.to_rfc3339(),
            openssl_date(&o.not_after),
        );
        check("sha1", f.sha1.clone(), o.sha1.clone());
        check("sha256", f.sha256.clone(), o.sha256.clone());
        check(
            "key bits",
            format!("{:?}", f.public_key.bits),
            format!("{:?}", o.key_bits),
        );
        check(
            "signature algorithm",
            f.signature_algorithm.name.clone(),
            o.signature_algorithm.clone(),
        );
        let ours: Vec<String> = f
            .subject_attributes
            .iter()
            .map(|a| a.value.clone())
            .collect();
        if ours.iter().chain(&o.subject_values).all(|v| comparable(v)) {
            check("subject", ours.join(" | "), o.subject_values.join(" | "));
        }
        let ours: Vec<String> = f
            .issuer_attributes
            .iter()
            .map(|a| a.value.clone())
            .collect();
        if ours.iter().chain(&o.issuer_values).all(|v| comparable(v)) {
            check("issuer", ours.join(" | "), o.issuer_values.join(" | "));
        }
        compared += 1;
    }
    println!("compared {compared} system root certificates with openssl x509");
    assert!(compared >= 100, "only {compared} certificates compared");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
