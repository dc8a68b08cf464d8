//! Name constraints, RFC 5280 §4.2.1.10 and §6.1.3 (b)–(c), §6.1.4 (g).
//!
//! Rather than computing intersections of permitted subtrees, each CA's permitted
//! set is kept separately and a name must satisfy every one of them: the same
//! outcome, and no subtree algebra to get wrong.
//!
//! A dNSName that is not a host name at all (`bad..example.com`, `.example.com`)
//! cannot be placed inside or outside a subtree: comparing its suffix would let it
//! through. Under any dNSName constraint it is refused on its own
//! ([`NameViolation::MalformedDnsName`]), as pyca/cryptography does.

use x509_cert::ext::pkix::NameConstraints;
use x509_cert::ext::pkix::constraints::name::GeneralSubtree;
use x509_cert::ext::pkix::name::GeneralName;

use super::ChainReason;
use super::name::NormName;

/// `emailAddress` (PKCS #9), which RFC 5280 asks to treat as an rfc822Name.
const EMAIL_ADDRESS: der::asn1::ObjectIdentifier =
    der::asn1::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.1");

/// Why a name falls outside the constraints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NameViolation {
    /// Outside a permitted subtree, or inside an excluded one.
    OutOfBounds,
    /// A dNSName under a dNSName constraint that is not a well-formed host name.
    MalformedDnsName,
}

impl NameViolation {
    /// The chain reason for the certificate at `position`; `by_anchor` when the
    /// constraints broken are the trust anchor's own.
    pub fn reason(self, position: usize, by_anchor: bool) -> ChainReason {
        match (self, by_anchor) {
            (NameViolation::MalformedDnsName, _) => ChainReason::MalformedDnsName { position },
            (NameViolation::OutOfBounds, true) => ChainReason::AnchorNameConstraints { position },
            (NameViolation::OutOfBounds, false) => ChainReason::NameConstraints { position },
        }
    }
}

#[derive(Default)]
pub(super) struct NameConstraintsState {
    permitted: Vec<Vec<GeneralSubtree>>,
    excluded: Vec<GeneralSubtree>,
}

/// A name to be checked, in the forms we can compare.
enum Subject<'a> {
    Dir(NormName),
    Email(String),
    Dns(&'a str),
    Uri(&'a str),
    Ip(&'a [u8]),
    /// otherName, x400Address, ediPartyName, registeredID: cannot be checked.
    Other(u8),
}

impl Subject<'_> {
    fn kind(&self) -> u8 {
        match self {
            Subject::Email(_) => 1,
            Subject::Dns(_) => 2,
            Subject::Dir(_) => 4,
            Subject::Uri(_) => 6,
            Subject::Ip(_) => 7,
            Subject::Other(k) => *k,
        }
    }
}

fn kind(g: &GeneralName) -> u8 {
    match g {
        GeneralName::OtherName(_) => 0,
        GeneralName::Rfc822Name(_) => 1,
        GeneralName::DnsName(_) => 2,
        GeneralName::DirectoryName(_) => 4,
        GeneralName::EdiPartyName(_) => 5,
        GeneralName::UniformResourceIdentifier(_) => 6,
        GeneralName::IpAddress(_) => 7,
        GeneralName::RegisteredId(_) => 8,
    }
}

impl NameConstraintsState {
    pub fn add(&mut self, nc: &NameConstraints) {
        if let Some(p) = &nc.permitted_subtrees {
            self.permitted.push(p.clone());
        }
        if let Some(e) = &nc.excluded_subtrees {
            self.excluded.extend(e.iter().cloned());
        }
    }

    /// `Ok` when the subject DN and every alternative name are within bounds.
    pub fn check(
        &self,
        subject: &x509_cert::name::Name,
        subject_norm: &NormName,
        san: &[GeneralName],
    ) -> Result<(), NameViolation> {
        if self.permitted.is_empty() && self.excluded.is_empty() {
            return Ok(());
        }
        let mut names: Vec<Subject<'_>> = Vec::new();
        if !subject_norm.is_empty() {
            names.push(Subject::Dir(subject_norm.clone()));
        }
        for atv in subject.iter() {
            if atv.oid == EMAIL_ADDRESS {
                names.push(Subject::Email(
                    String::from_utf8_lossy(atv.value.value()).into_owned(),
                ));
            }
        }
        for g in san {
            names.push(match g {
                GeneralName::Rfc822Name(s) => Subject::Email(s.to_string()),
                GeneralName::DnsName(s) => Subject::Dns(s.as_str()),
                GeneralName::DirectoryName(n) => Subject::Dir(NormName::new(n)),
                GeneralName::UniformResourceIdentifier(s) => Subject::Uri(s.as_str()),
                GeneralName::IpAddress(o) => Subject::Ip(o.as_bytes()),
                other => Subject::Other(kind(other)),
            });
        }
        names.iter().try_for_each(|n| self.name_allowed(n))
    }

    fn name_allowed(&self, name: &Subject<'_>) -> Result<(), NameViolation> {
        let k = name.kind();
        if let Subject::Dns(d) = name
            && !well_formed_dns(d)
            && self
                .permitted
                .iter()
                .flatten()
                .chain(&self.excluded)
                .any(|s| kind(&s.base) == k)
        {
            return Err(NameViolation::MalformedDnsName);
        }
        for set in &self.permitted {
            let relevant: Vec<&GeneralSubtree> =
                set.iter().filter(|s| kind(&s.base) == k).collect();
            if !relevant.is_empty()
                && !relevant
                    .iter()
                    .any(|s| matches(&s.base, name) == Some(true))
            {
                return Err(NameViolation::OutOfBounds);
            }
        }
        let excluded = self
            .excluded
            .iter()
            .filter(|s| kind(&s.base) == k)
            // An excluded subtree we cannot evaluate excludes conservatively.
            .any(|s| matches(&s.base, name) != Some(false));
        if excluded {
            Err(NameViolation::OutOfBounds)
        } else {
            Ok(())
        }
    }
}

/// RFC 5280 §4.2.1.6: a dNSName in the preferred name syntax (RFC 1034 §3.5, digits
/// first allowed by RFC 1123 §2.1): labels of 1–63 letters, digits and hyphens, no
/// hyphen at either end, at most 253 characters; a leading `*.` wildcard label is
/// accepted (server certificates use it).
fn well_formed_dns(name: &str) -> bool {
    let host = name.strip_prefix("*.").unwrap_or(name);
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Whether `name` falls within the subtree `base`; `None` when we cannot tell.
fn matches(base: &GeneralName, name: &Subject<'_>) -> Option<bool> {
    match (base, name) {
        (GeneralName::DirectoryName(b), Subject::Dir(n)) => Some(NormName::new(b).is_prefix_of(n)),
        (GeneralName::Rfc822Name(b), Subject::Email(m)) => Some(email_matches(b.as_str(), m)),
        (GeneralName::DnsName(b), Subject::Dns(d)) => Some(dns_matches(b.as_str(), d)),
        (GeneralName::UniformResourceIdentifier(b), Subject::Uri(u)) => {
            Some(uri_host(u).is_some_and(|h| host_matches(b.as_str(), h)))
        }
        (GeneralName::IpAddress(b), Subject::Ip(ip)) => Some(ip_matches(b.as_bytes(), ip)),
        _ => None,
    }
}

fn email_matches(base: &str, mail: &str) -> bool {
    if base.contains('@') {
        return base.eq_ignore_ascii_case(mail);
    }
    let Some((_, domain)) = mail.rsplit_once('@') else {
        return false;
    };
    host_matches(base, domain)
}

/// `.example.com` matches hosts below it; `example.com` that host only.
fn host_matches(base: &str, host: &str) -> bool {
    let (b, h) = (base.to_ascii_lowercase(), host.to_ascii_lowercase());
    if b.starts_with('.') {
        h.ends_with(&b)
    } else {
        h == b
    }
}

/// A dNSName constraint covers the name and every name below it (label boundary).
fn dns_matches(base: &str, name: &str) -> bool {
    let b = base.trim_start_matches('.').to_ascii_lowercase();
    let n = name.to_ascii_lowercase();
    b.is_empty() || n == b || n.ends_with(&format!(".{b}"))
}

fn uri_host(uri: &str) -> Option<&str> {
    let rest = uri.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

fn ip_matches(base: &[u8], ip: &[u8]) -> bool {
    let (net, mask) = base.split_at(base.len() / 2);
    net.len() == ip.len()
        && net
            .iter()
            .zip(mask)
            .zip(ip)
            .all(|((n, m), a)| n & m == a & m)
}

#[cfg(test)]
mod tests {
    use super::well_formed_dns;

    #[test]
    fn dns_syntax() {
        for good in [
            "example.com",
            "a.b-c.example",
            "*.example.com",
            "1host.vn",
            "x",
        ] {
            assert!(well_formed_dns(good), "{good}");
        }
        for bad in [
            "",
            ".example.com",
            "bad..example.com",
            "example.com.",
            "-a.example.com",
            "a-.example.com",
            "bad_name.example.com",
            "sp ace.example.com",
            "*.",
            "a.*.example.com",
        ] {
            assert!(!well_formed_dns(bad), "{bad}");
        }
        assert!(!well_formed_dns(&"a".repeat(64)));
        assert!(!well_formed_dns(&["a"; 128].join(".")));
    }
}
