//! Official e-mail addresses ("địa chỉ thư điện tử công vụ").
//!
//! Every Decree 68/2024 form asks for the holder's official mailbox, issued by a
//! state body; the footnotes of the forms (and of the older 2020 forms, seed 004)
//! exclude gmail, yahoo, hotmail and the like. Public providers are refused; a
//! domain outside `.gov.vn` / `.dcs.vn` is only flagged, because some state bodies
//! (universities, hospitals, state companies) run their mail on other domains.

use serde::Serialize;

/// Public mail providers whose addresses are never official mailboxes. Matched on
/// the domain's registrable part, so `mail.yahoo.com.vn` and `yahoo.co.uk` match too.
pub const PUBLIC_PROVIDERS: &[&str] = &[
    "gmail",
    "googlemail",
    "yahoo",
    "ymail",
    "rocketmail",
    "hotmail",
    "outlook",
    "live",
    "msn",
    "icloud",
    "me.com",
    "mac.com",
    "aol",
    "proton",
    "protonmail",
    "pm.me",
    "zoho",
    "yandex",
    "mail.ru",
    "inbox.ru",
    "bk.ru",
    "list.ru",
    "qq",
    "163",
    "126",
    "yeah.net",
    "sina",
    "sohu",
    "gmx",
    "web.de",
    "tutanota",
    "tuta",
    "mail.com",
    "fastmail",
    "hushmail",
    "rediffmail",
    "lycos",
    "naver",
    "daum",
    "hanmail",
];

/// Domains of state mail systems: `.gov.vn` (state bodies) and `.dcs.vn` (Party
/// bodies).
pub const OFFICIAL_SUFFIXES: &[&str] = &[".gov.vn", ".dcs.vn"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailProblem {
    /// Not `local@domain.tld` (no @, spaces, empty parts, bad characters).
    Malformed,
    /// gmail, yahoo, hotmail... : not an official mailbox (refused).
    PublicProvider,
    /// Well-formed but not under `.gov.vn` / `.dcs.vn` (a warning, not a refusal).
    NotGovDomain,
}

impl EmailProblem {
    pub fn code(self) -> &'static str {
        match self {
            EmailProblem::Malformed => "email_malformed",
            EmailProblem::PublicProvider => "email_public_provider",
            EmailProblem::NotGovDomain => "email_not_gov_domain",
        }
    }

    /// True when the address must not be sent (the letter would be sent back).
    pub fn refuses(self) -> bool {
        !matches!(self, EmailProblem::NotGovDomain)
    }
}

/// Checks an official e-mail address (already trimmed).
pub fn check_official(address: &str) -> Result<(), EmailProblem> {
    let (local, domain) = address.rsplit_once('@').ok_or(EmailProblem::Malformed)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-'".contains(c));
    let domain = domain.to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    if !local_ok || !domain_ok {
        return Err(EmailProblem::Malformed);
    }
    if is_public_provider(&domain) {
        return Err(EmailProblem::PublicProvider);
    }
    if !OFFICIAL_SUFFIXES.iter().any(|s| domain.ends_with(s)) {
        return Err(EmailProblem::NotGovDomain);
    }
    Ok(())
}

/// `gmail.com`, `yahoo.com.vn`, `mail.yahoo.co.jp`, `qq.com`, `mail.ru`...
fn is_public_provider(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    PUBLIC_PROVIDERS.iter().any(|p| {
        if p.contains('.') {
            // A full domain: the address's domain is it or a subdomain of it.
            domain == *p || domain.ends_with(&format!(".{p}"))
        } else {
            // A brand: any label of the domain except the last (the TLD).
            labels
                .iter()
                .take(labels.len().saturating_sub(1))
                .any(|l| l == p)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_and_public() {
        assert_eq!(check_official("nguyenvana@hanoi.gov.vn"), Ok(()));
        assert_eq!(check_official("vanphong@tinhuy.dcs.vn"), Ok(()));
        assert_eq!(check_official("a.b-c@sotc.caobang.gov.vn"), Ok(()));
        for bad in [
            "x@gmail.com",
            "x@GMAIL.COM",
            "x@yahoo.com.vn",
            "x@hotmail.com",
            "x@outlook.com.vn",
            "x@live.com",
            "x@icloud.com",
            "x@aol.com",
            "x@proton.me",
            "x@protonmail.com",
            "x@zoho.com",
            "x@yandex.ru",
            "x@mail.ru",
            "x@qq.com",
            "x@163.com",
        ] {
            assert_eq!(
                check_official(bad),
                Err(EmailProblem::PublicProvider),
                "{bad}"
            );
        }
        assert_eq!(check_official("x@vnpt.vn"), Err(EmailProblem::NotGovDomain));
        assert_eq!(
            check_official("x@hcmus.edu.vn"),
            Err(EmailProblem::NotGovDomain)
        );
        // A state body whose name merely contains a brand-like word is not refused.
        assert_eq!(check_official("x@livestock.gov.vn"), Ok(()));
        for bad in [
            "",
            "x",
            "x@",
            "@hanoi.gov.vn",
            "x y@hanoi.gov.vn",
            "x@hanoi",
            "x@@a.vn",
            "x@-a.vn",
            "x@a..vn",
            "x@a.v1",
        ] {
            assert_eq!(check_official(bad), Err(EmailProblem::Malformed), "{bad}");
        }
    }
}
