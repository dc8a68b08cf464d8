//! The CA certificates shipped inside kyso: a pool of *intermediates* for path
//! building, never a source of trust.
//!
//! Real signed PDFs of the Government's PKI embed only the signer's certificate, and a
//! clerk's `.cer` is only the leaf: without the issuing CA at hand no chain builds.
//! So the public certificates of the Government CA (VGCA, G1 and G2), of the national
//! root authority and of the licensed public CAs are compiled in (DER files under
//! `src/trust/builtin/`, listed with their sources and fingerprints in its README) and
//! offered to every path search whose [`super::TrustStore`] uses the pins.
//!
//! A path is still trusted only when it ends at a *pinned root* ([`super::anchors`]):
//! carrying a certificate here does not make it an anchor, so an unknown root stays
//! untrusted however many of these certificates sit beside it.
//!
//! The files are parsed once, on first use; a file that does not parse is left out
//! (and listed by [`unreadable`]) rather than failing the program. A unit test proves
//! that every one parses.

use std::sync::OnceLock;

use serde::Serialize;

use super::anchors;
use crate::cert::{self, Cert, hex_upper};
use crate::time::Instant;

/// The date of the set: the issue date (notBefore) of its newest certificate,
/// "ONE-CA SHA-256 V2". CAs that appeared later are not built in.
pub const SET_DATE: &str = "2026-07-13T00:00:00Z";

/// One shipped file.
struct Shipped {
    file: &'static str,
    der: &'static [u8],
    /// Part of the Government's special-purpose PKI (Ban Cơ yếu Chính phủ), as opposed
    /// to the national root of the licensed public CAs. A test checks it against the
    /// root each certificate chains to.
    government: bool,
}

macro_rules! shipped {
    ($file:literal, $government:literal) => {
        Shipped {
            file: $file,
            der: include_bytes!(concat!("builtin/", $file)),
            government: $government,
        }
    };
}

/// Government first, then the public roots, the providers' issuing CAs and their
/// time-stamping units. The README beside the files gives each one's source.
const SHIPPED: &[Shipped] = &[
    shipped!("vgca-g1-rootca.der", true),
    shipped!("vgca-g2-rootcag2.der", true),
    shipped!("vgca-g1-cp.der", true),
    shipped!("vgca-g2-cpcag2.der", true),
    shipped!("vgca-g2-dcscag2.der", true),
    shipped!("vgca-g2-tsa-cpnet.der", true),
    shipped!("mic-national-root-ca.der", false),
    shipped!("vnrca256.der", false),
    shipped!("vnrca-g3.der", false),
    shipped!("vnrca-rs.der", false),
    shipped!("vnrca-usbtoken.der", false),
    shipped!("vnrca-mobilepki.der", false),
    shipped!("vnrca-tsa.der", false),
    shipped!("bkavca-rs.der", false),
    shipped!("bkavca-sha256-2024.der", false),
    shipped!("ca2-rs.der", false),
    shipped!("ca2-sha256-2024.der", false),
    shipped!("cmc-ca-rs.der", false),
    shipped!("cmc-ca.der", false),
    shipped!("e-ca.der", false),
    shipped!("easyca-remote-signing.der", false),
    shipped!("easyca-usb-2024.der", false),
    shipped!("efy-ca-sha256-r1.der", false),
    shipped!("fastca-sha256-2020.der", false),
    shipped!("fastca-sha256-r1-2025.der", false),
    shipped!("fpt-ca-rs.der", false),
    shipped!("fpt-ca-sha1-2019.der", false),
    shipped!("fpt-ca-sha256-2025.der", false),
    shipped!("hilo-ca-sha256.der", false),
    shipped!("i-ca.der", false),
    shipped!("intrustca-remote-signing.der", false),
    shipped!("matbao-ca.der", false),
    shipped!("misa-ca-rs-2021.der", false),
    shipped!("misa-ca-rs-2026.der", false),
    shipped!("misa-ca-sha256-2024.der", false),
    shipped!("mk-ca-oneca-2025.der", false),
    shipped!("mk-ca-smartca-2025.der", false),
    shipped!("mobifone-ca-simpki.der", false),
    shipped!("nc-ca-sha256.der", false),
    shipped!("newtel-ca-sha256-v2.der", false),
    shipped!("one-ca-sha256-2022.der", false),
    shipped!("one-ca-sha256-v2-2026.der", false),
    shipped!("safe-ca-sha256-2024.der", false),
    shipped!("savis-trustca-rs.der", false),
    shipped!("smartsign-2023.der", false),
    shipped!("trustca-g2-sha256.der", false),
    shipped!("trustca-qualified-timestamping-ca.der", false),
    shipped!("viettel-ca-rs-2026.der", false),
    shipped!("viettel-ca-rs.der", false),
    shipped!("viettel-ca-sha1-2010.der", false),
    shipped!("viettel-ca-sha1-2015.der", false),
    shipped!("viettel-ca-sha2-2024.der", false),
    shipped!("vnpay-ca-rs.der", false),
    shipped!("vnpay-ca-token.der", false),
    shipped!("vnpt-ca-operator-2010.der", false),
    shipped!("vnpt-ca-sha1-2009.der", false),
    shipped!("vnpt-ca-sha2.der", false),
    shipped!("vnpt-smartca-rs-2026.der", false),
    shipped!("vnpt-smartca-rs.der", false),
    shipped!("winca.der", false),
    shipped!("ca2-tsa.der", false),
    shipped!("fpt-ca-timestamping.der", false),
    shipped!("intrust-tsa.der", false),
    shipped!("viettel-ca-timestamping.der", false),
    shipped!("vnpay-ca-tsa.der", false),
    shipped!("vnpt-tsa.der", false),
];

/// The parsed set: certificates in [`SHIPPED`] order (minus unreadable files).
struct Parsed {
    certs: Vec<Cert>,
    /// Index into [`SHIPPED`] of each entry of `certs`.
    origin: Vec<usize>,
    unreadable: Vec<&'static str>,
}

fn parsed() -> &'static Parsed {
    static PARSED: OnceLock<Parsed> = OnceLock::new();
    PARSED.get_or_init(|| {
        let mut p = Parsed {
            certs: Vec::with_capacity(SHIPPED.len()),
            origin: Vec::with_capacity(SHIPPED.len()),
            unreadable: Vec::new(),
        };
        for (i, s) in SHIPPED.iter().enumerate() {
            match Cert::from_der(s.der) {
                Ok(c) => {
                    p.certs.push(c);
                    p.origin.push(i);
                }
                Err(_) => p.unreadable.push(s.file),
            }
        }
        p
    })
}

/// The built-in certificates, parsed on first use.
pub fn certs() -> &'static [Cert] {
    &parsed().certs
}

/// How many certificates the set holds (known without parsing them).
pub fn count() -> usize {
    SHIPPED.len()
}

/// How many of them are trust anchors: the pinned roots.
pub fn anchor_count() -> usize {
    anchors::PINS.iter().filter(|p| p.root).count()
}

/// Files of the set that did not parse (none: a test says so).
pub fn unreadable() -> &'static [&'static str] {
    &parsed().unreadable
}

/// The date of the set ([`SET_DATE`]).
pub fn set_date() -> Instant {
    Instant::parse_rfc3339(SET_DATE).unwrap_or(Instant::from_unix(0))
}

/// What a built-in certificate is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BuiltinKind {
    /// A self-signed root. Trusted only if pinned ([`BuiltinCa::anchor`]).
    Root,
    /// An issuing CA (or a CA of time-stamping units): helps build paths.
    Intermediate,
    /// A time-stamping unit's own certificate (not a CA): lets a token's TSA chain
    /// when the token does not carry it.
    TimeStamping,
}

impl BuiltinKind {
    /// The i18n code.
    pub fn code(self) -> &'static str {
        match self {
            BuiltinKind::Root => "builtin_kind_root",
            BuiltinKind::Intermediate => "builtin_kind_intermediate",
            BuiltinKind::TimeStamping => "builtin_kind_time_stamping",
        }
    }
}

/// One line of "which CAs are built in": what the CLI's `kyso trust list` and the
/// page's list show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BuiltinCa {
    /// The file under `src/trust/builtin/`.
    pub file: &'static str,
    /// The subject's common name (the DN when it has none).
    pub name: String,
    pub subject_dn: String,
    /// The issuer's common name (the DN when it has none).
    pub issuer: String,
    pub kind: BuiltinKind,
    /// Government PKI (VGCA) rather than the licensed public CAs.
    pub government: bool,
    /// The pin id when this certificate is a trust anchor (a pinned root).
    pub anchor: Option<&'static str>,
    pub not_before: Instant,
    pub not_after: Instant,
    /// SHA-256 of the DER, upper-case hex.
    pub sha256: String,
}

/// Every built-in certificate, in the order of the set (government first).
pub fn list() -> Vec<BuiltinCa> {
    let p = parsed();
    p.certs
        .iter()
        .zip(&p.origin)
        .filter_map(|(c, &i)| {
            let s = SHIPPED.get(i)?;
            let f = cert::facts(c, set_date());
            let pin = anchors::pin_for(c).filter(|p| p.root);
            let kind = if pin.is_some() || c.subject_der() == c.issuer_der() {
                BuiltinKind::Root
            } else if f.basic_constraints.is_some_and(|b| b.ca) {
                BuiltinKind::Intermediate
            } else {
                BuiltinKind::TimeStamping
            };
            Some(BuiltinCa {
                file: s.file,
                name: f
                    .common_name
                    .clone()
                    .unwrap_or_else(|| f.subject_dn.clone()),
                issuer: f.issuer_name().to_string(),
                subject_dn: f.subject_dn,
                kind,
                government: s.government,
                anchor: pin.map(|p| p.id),
                not_before: f.not_before,
                not_after: f.not_after,
                sha256: hex_upper(&c.sha256()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trust::{ChainStatus, TrustStore, ValidationOptions, validate};

    #[test]
    fn every_shipped_certificate_parses_once_and_is_unique() {
        assert_eq!(unreadable(), &[] as &[&str]);
        assert_eq!(certs().len(), SHIPPED.len());
        assert_eq!(SHIPPED.len(), 66);
        // Parsed once: the same allocation every time.
        assert!(std::ptr::eq(certs(), certs()));
        let mut seen = std::collections::HashSet::new();
        for c in certs() {
            assert!(
                seen.insert(c.sha256()),
                "duplicate {}",
                hex_upper(&c.sha256())
            );
        }
    }

    #[test]
    fn the_readme_lists_every_file_with_its_fingerprint() {
        let readme = include_str!("builtin/README.md");
        for ca in list() {
            let row = readme
                .lines()
                .find(|l| l.starts_with(&format!("| {} |", ca.file)))
                .unwrap_or_else(|| panic!("{} not in the README", ca.file));
            assert!(row.contains(&ca.sha256), "{}: fingerprint", ca.file);
            let gov = if ca.government {
                "| government |"
            } else {
                "| public |"
            };
            assert!(row.contains(gov), "{}: government flag", ca.file);
        }
    }

    #[test]
    fn roots_are_exactly_the_pinned_roots() {
        let list = list();
        let roots: Vec<&BuiltinCa> = list
            .iter()
            .filter(|c| c.kind == BuiltinKind::Root)
            .collect();
        assert_eq!(roots.len(), 9);
        for r in &roots {
            let id = r
                .anchor
                .unwrap_or_else(|| panic!("{} is a root but not pinned", r.file));
            assert_eq!(
                anchors::pin_by_id(id).map(|p| p.government),
                Some(r.government)
            );
        }
        for pin in anchors::PINS.iter().filter(|p| p.root) {
            assert!(
                list.iter().any(|c| c.sha256 == pin.sha256),
                "pinned root {} is not built in",
                pin.id
            );
        }
        assert!(
            list.iter()
                .all(|c| (c.kind == BuiltinKind::Root) == c.anchor.is_some())
        );
    }

    #[test]
    fn each_certificate_chains_to_a_pinned_root_of_its_own_kind() {
        // Validated a day after it was issued, with nothing but the built-in set.
        let store = TrustStore::new();
        for (c, ca) in certs().iter().zip(list()) {
            let at = ca.not_before.checked_add_secs(86_400).unwrap();
            let r = validate(c, &[], &[], &store, at, &ValidationOptions::default());
            assert_eq!(
                r.status,
                ChainStatus::Trusted,
                "{}: {:?}",
                ca.file,
                r.reason
            );
            let anchor = r.anchor.unwrap();
            assert!(!anchor.intermediate, "{}", ca.file);
            assert_eq!(anchor.government, ca.government, "{}", ca.file);
        }
    }
}
