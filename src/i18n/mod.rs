//! Every code the core returns, worded for people: Vietnamese first, English second.
//!
//! The core speaks in codes (`issuer_not_found`, `too_few_days_left`); the page, the
//! CLI and the exported reports all word them here, so one verdict reads the same
//! everywhere and a translation fix lands in one place. Words are those a clerk uses
//! ("chứng thư số", "số hiệu", "gia hạn"), not a translation of RFC vocabulary.

mod certificates;
mod check_details;
mod cli;
mod letters;
mod letters_page;
mod pdf;
mod record;
mod ui;
mod verification;

pub use certificates::chain_reason;
pub use certificates::{anchor_kind, chain_status};
pub use check_details::check_detail;
pub use pdf::{
    certification, change_action, change_kind, change_rule, coverage_grade, coverage_problem,
    encryption, integrity, pdf_error,
};
pub use verification::{
    check_title, claimed_source, headline, proven_source, rev_source, sub_indication, summary_text,
    verdict,
};

use crate::input::InputError;
use crate::rules::renewal::{Eligibility, EligibilityReason};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vn" | "vi-vn" => Some(Lang::Vi),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }
}

/// One of the (Vietnamese, English) pairs of the typed vocabularies, in `lang`.
fn pick(lang: Lang, (vi, en): (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// (code, Vietnamese, English). Codes are unique; a test checks it.
/// Every table of words, one per domain. Codes are unique across them; a test checks it.
const TABLES: &[&[(&str, &str, &str)]] = &[
    certificates::TEXTS,
    cli::TEXTS,
    verification::TEXTS,
    check_details::TEXTS,
    letters::TEXTS,
    letters_page::TEXTS,
    record::TEXTS,
    ui::TEXTS,
];

/// The words for `code`, or the code itself when there are none (never empty, never
/// a panic: an untranslated code is still shown).
pub fn text(lang: Lang, code: &str) -> &str {
    TABLES
        .iter()
        .flat_map(|t| t.iter())
        .find(|(c, _, _)| *c == code)
        .map_or(code, |(_, vi, en)| match lang {
            Lang::Vi => vi,
            Lang::En => en,
        })
}

/// The words of `code` with each `{}` replaced by the next argument (a missing
/// argument leaves nothing: words and callers are checked together by the tests).
pub fn fill(lang: Lang, code: &str, args: &[&str]) -> String {
    let template = text(lang, code);
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(args.next().copied().unwrap_or_default());
        rest = rest.get(at + 2..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// What a problem of a letter says, the same on the page and in `kyso form`: the
/// rule's words (the renewal rules with the day count of `rules::renewal`, not
/// written again here), why the certificate cannot be renewed, the detail, and the
/// row it repeats. Where it is (row, field) and the rule's source are the caller's.
pub fn form_problem(lang: Lang, p: &crate::forms::Problem) -> String {
    use crate::forms::RuleId;
    let mut what = match p.rule {
        RuleId::RenewalNotEligible | RuleId::ChangeNotEligible => fill(
            lang,
            p.code(),
            &[&crate::rules::renewal::MIN_DAYS_LEFT.to_string()],
        ),
        _ => text(lang, p.code()).to_owned(),
    };
    if let Some(e) = &p.eligibility {
        what.push_str(" — ");
        what.push_str(&renewal_sentence(lang, e));
    }
    if let Some(d) = &p.detail {
        what.push_str(": ");
        what.push_str(d);
    }
    if let Some(o) = p.other_row {
        what.push_str(&fill(lang, "forms_same_as_row", &[&o.to_string()]));
    }
    what
}

/// A whole sentence for an input error, with its details.
pub fn input_error(lang: Lang, e: &InputError) -> String {
    let base = text(lang, e.code());
    match (e, lang) {
        (InputError::WrongPemLabel { label, .. }, Lang::Vi) => {
            format!("{base} (nhãn «{label}»; cần «CERTIFICATE», «PKCS7» hoặc «X509 CRL»)")
        }
        (InputError::WrongPemLabel { label, .. }, Lang::En) => {
            format!("{base} (label \"{label}\"; expected CERTIFICATE, PKCS7 or X509 CRL)")
        }
        (InputError::Truncated { offset }, Lang::Vi) => format!("{base} (dừng ở byte {offset})"),
        (InputError::Truncated { offset }, Lang::En) => format!("{base} (ends at byte {offset})"),
        (InputError::TooLarge { bytes, limit }, Lang::Vi) => {
            format!("{base} ({bytes} byte; tối đa {limit})")
        }
        (InputError::TooLarge { bytes, limit }, Lang::En) => {
            format!("{base} ({bytes} bytes; at most {limit})")
        }
        (InputError::BadBase64 { block }, Lang::Vi) => format!("{base} (khối thứ {block})"),
        (InputError::BadBase64 { block }, Lang::En) => format!("{base} (block {block})"),
        (InputError::UnsupportedPkcs7 { content_type }, _) => format!("{base} ({content_type})"),
        (InputError::BadCertificate { detail }, _) => format!("{base}: {detail}"),
        (InputError::CrlMalformed { detail }, _) => format!("{base}: {detail}"),
        (InputError::CrlUnknownIssuer { issuer } | InputError::CrlWrongKey { issuer }, _) => {
            format!("{base} ({issuer})")
        }
        _ => base.to_string(),
    }
}

/// The one-sentence renewal/change verdict shown under each certificate.
pub fn renewal_sentence(lang: Lang, e: &Eligibility) -> String {
    let n = e.min_days_left;
    match (e.reason, lang) {
        (EligibilityReason::EnoughDaysLeft, Lang::Vi) => format!(
            "Đủ điều kiện gia hạn hoặc thay đổi thông tin: còn {} ngày, không ít hơn {n} ngày theo Nghị định 68/2024/NĐ-CP.",
            e.days_left
        ),
        (EligibilityReason::EnoughDaysLeft, Lang::En) => format!(
            "Eligible for renewal or change of details: {} days left, at least the {n} days Decree 68/2024 requires.",
            e.days_left
        ),
        (EligibilityReason::TooFewDaysLeft, Lang::Vi) => format!(
            "Không còn đủ điều kiện gia hạn hay thay đổi thông tin: chỉ còn {} ngày, ít hơn {n} ngày theo Nghị định 68/2024/NĐ-CP; hãy đề nghị cấp mới.",
            e.days_left.max(0)
        ),
        (EligibilityReason::TooFewDaysLeft, Lang::En) => format!(
            "No longer eligible for renewal or change: only {} days left, fewer than the {n} days Decree 68/2024 requires; request a new certificate.",
            e.days_left.max(0)
        ),
        (EligibilityReason::Expired, Lang::Vi) => {
            "Chứng thư đã hết hạn nên không thể gia hạn hay thay đổi thông tin; hãy đề nghị cấp mới.".into()
        }
        (EligibilityReason::Expired, Lang::En) => {
            "The certificate has expired, so it cannot be renewed or changed; request a new one.".into()
        }
        (EligibilityReason::NotYetValid, Lang::Vi) => {
            "Chứng thư chưa đến ngày có hiệu lực nên chưa thể gia hạn hay thay đổi thông tin.".into()
        }
        (EligibilityReason::NotYetValid, Lang::En) => {
            "The certificate is not valid yet, so there is nothing to renew or change.".into()
        }
        (EligibilityReason::CaCertificate, l) => text(l, "ca_certificate").to_string(),
        (EligibilityReason::Revoked, Lang::Vi) => {
            "Chứng thư đã bị thu hồi nên không thể gia hạn hay thay đổi thông tin; hãy đề nghị cấp mới.".into()
        }
        (EligibilityReason::Revoked, Lang::En) => {
            "The certificate is revoked, so it cannot be renewed or changed; request a new one.".into()
        }
        (EligibilityReason::ChainInvalid, Lang::Vi) => {
            "Chứng thư không vượt qua kiểm tra chuỗi chứng thực nên không thể gia hạn hay thay đổi thông tin.".into()
        }
        (EligibilityReason::ChainInvalid, Lang::En) => {
            "The certificate fails its chain checks, so it cannot be renewed or changed.".into()
        }
    }
}

/// The CA certificate a chain lacks, by name, and where it is published.
pub fn missing_issuer(lang: Lang, m: &crate::trust::MissingIssuer) -> String {
    let name = &m.name;
    let urls = m.published_at.join(", ");
    match (lang, m.published_at.is_empty()) {
        (Lang::Vi, false) => format!(
            "Thiếu chứng thư của CA cấp «{name}»: chứng thư này không kèm theo tệp và không có sẵn trong kyso. Nơi công bố (theo chứng thư): {urls}. Hãy tải về rồi thêm vào (kéo thả tệp .cer/.p7b vào trang; với dòng lệnh kyso: --certs)."
        ),
        (Lang::Vi, true) => format!(
            "Thiếu chứng thư của CA cấp «{name}»: chứng thư này không kèm theo tệp, không có sẵn trong kyso, và chứng thư của người giữ không ghi nơi công bố (không có AIA caIssuers). Hãy xin tệp chứng thư của CA này từ đơn vị cấp."
        ),
        (Lang::En, false) => format!(
            "The issuing CA's certificate «{name}» is missing: it is not in the files and not built into kyso. Published at (per the certificate): {urls}. Download it and add it (drop the .cer/.p7b on the page; on the kyso command line: --certs)."
        ),
        (Lang::En, true) => format!(
            "The issuing CA's certificate «{name}» is missing: it is not in the files, not built into kyso, and the certificate does not say where it is published (no AIA caIssuers). Ask the issuer for this CA's certificate."
        ),
    }
}

/// "kyso có sẵn 66 chứng thư CA ..." — the one sentence above the list of built-in
/// CA certificates: how many, how old the set is at `at`, and that only the pinned
/// roots are trusted.
pub fn builtin_summary(
    lang: Lang,
    count: usize,
    anchors: usize,
    set_date: crate::time::Instant,
    at: crate::time::Instant,
) -> String {
    let days = set_date.whole_days_until(at).max(0);
    let date = set_date.to_vn_date();
    match lang {
        Lang::Vi => format!(
            "kyso có sẵn {count} chứng thư CA công khai (bộ chứng thư ngày {date}, cách thời điểm kiểm tra {days} ngày). Chỉ {anchors} CA gốc được ghim theo dấu vân tay SHA-256 là điểm tin cậy; các chứng thư khác chỉ dùng để dựng chuỗi. CA ra đời sau ngày đó chưa có ở đây: hãy thêm tệp chứng thư của CA."
        ),
        Lang::En => {
            let (y, mo, d, ..) = set_date.to_civil();
            format!(
                "kyso carries {count} public CA certificates (set of {y:04}-{mo:02}-{d:02}, {days} days before the validation time). Only the {anchors} root CAs pinned by SHA-256 are trust anchors; the others only help build chains. CAs newer than that date are missing: add the CA's certificate file."
            )
        }
    }
}

/// The worded parts of a chain verdict for the JSON documents: the kind of root it
/// ends at (`anchor_kind_text`) and the CA certificate it lacks (`missing_issuer_text`).
pub fn chain_texts(
    lang: Lang,
    c: &crate::trust::ChainResult,
) -> [(&'static str, Option<String>); 2] {
    [
        (
            "anchor_kind_text",
            c.anchor
                .as_ref()
                .map(|a| anchor_kind(lang, a.kind).to_string()),
        ),
        (
            "missing_issuer_text",
            c.missing_issuer.as_ref().map(|m| missing_issuer(lang, m)),
        ),
    ]
}

/// "Còn 12 ngày" / "Đã hết hạn 3 ngày" / "12 days left".
pub fn days_left(lang: Lang, days: i64) -> String {
    match (lang, days >= 0) {
        (Lang::Vi, true) => format!("Còn {days} ngày"),
        (Lang::Vi, false) => format!("Đã hết hạn {} ngày", -days),
        (Lang::En, true) => format!("{days} days left"),
        (Lang::En, false) => format!("expired {} days ago", -days),
    }
}

/// A trust-folder CRL's age: "CRL cập nhật 2 ngày trước", or that it is out of date.
pub fn crl_freshness(lang: Lang, f: &crate::trust::folder::Freshness) -> String {
    use crate::trust::folder::Freshness;
    match (f, lang) {
        (Freshness::Current { days: 0 }, Lang::Vi) => "CRL cập nhật hôm nay".to_string(),
        (Freshness::Current { days: 0 }, Lang::En) => "CRL updated today".to_string(),
        (Freshness::Current { days }, Lang::Vi) => format!("CRL cập nhật {days} ngày trước"),
        (Freshness::Current { days }, Lang::En) => format!("CRL updated {days} days ago"),
        (Freshness::OutOfDate { since }, Lang::Vi) => format!(
            "CRL đã quá hạn từ {} (chưa được cập nhật)",
            since.to_vn_display()
        ),
        (Freshness::OutOfDate { since }, Lang::En) => {
            format!("CRL out of date since {since} (not refreshed)")
        }
        (Freshness::NotYetIssued, Lang::Vi) => {
            "CRL ghi ngày phát hành sau thời điểm hiện tại (đồng hồ máy sai?)".to_string()
        }
        (Freshness::NotYetIssued, Lang::En) => {
            "CRL dated after the current time (is the clock wrong?)".to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The typed vocabularies are worded in both languages by their matches (which
    /// the compiler holds exhaustive), and their codes are not also in a table,
    /// where words would be found for a string lookup and drift from the match.
    #[test]
    fn check_details_are_worded_once_in_both_languages() {
        use crate::verify::CheckDetail;
        let tables: Vec<_> = TABLES.iter().flat_map(|t| t.iter()).collect();
        for d in CheckDetail::FINDINGS {
            let (vi, en) = (check_detail(Lang::Vi, d), check_detail(Lang::En, d));
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{d:?}");
            let shared = tables.iter().find(|(c, ..)| *c == d.code());
            // The cert tab's "revocation not checked" is the signature check's too.
            if d.code() != "revocation_not_checked" {
                assert!(shared.is_none(), "{} is also in a table", d.code());
            }
        }
        for r in [
            crate::trust::ChainReason::PathSearchLimit,
            crate::trust::ChainReason::CrlOutOfScope { position: 0 },
        ] {
            assert_ne!(chain_reason(Lang::Vi, &r), chain_reason(Lang::En, &r));
            assert!(tables.iter().all(|(c, ..)| *c != r.code()), "{}", r.code());
        }
    }

    /// The rest of the report's vocabulary (issue 12): each type's words come from an
    /// exhaustive match, differ between the languages, and are no longer in a table
    /// under the code they were once looked up by (`change_…`, `rule_…`, `mdp_…`,
    /// `time_source_…`, `verdict_…`, `sub_…`, `headline_…`, the chain statuses and
    /// root kinds, `encryption_…`).
    #[test]
    fn the_report_vocabulary_is_worded_once_in_both_languages() {
        use crate::pdf::{
            ChangeAction as A, ChangeKind as K, ChangeRule as R, CryptError, Encryption,
            MdpPermission as M, PdfError as P,
        };
        use crate::trust::{AnchorKind, ChainStatus};
        use crate::verify::{
            ClaimedSource, Headline as H, Indication, ProvenSource, SubIndication as S,
        };
        let tables: Vec<&str> = TABLES.iter().flat_map(|t| t.iter()).map(|e| e.0).collect();
        let mut worded: Vec<(String, &str, &str)> = Vec::new();
        let mut add = |code: String, f: &dyn Fn(Lang) -> &'static str| {
            worded.push((code, f(Lang::Vi), f(Lang::En)));
        };
        for k in [
            K::PageContent,
            K::PageDict,
            K::PageAnnots,
            K::PageTree,
            K::PageResource,
            K::Annotation,
            K::Widget,
            K::FormField,
            K::FormFieldValue,
            K::SignatureField,
            K::Signature,
            K::DocTimestamp,
            K::SignatureModified,
            K::SignatureRemoved,
            K::Dss,
            K::Metadata,
            K::Info,
            K::AcroForm,
            K::FormResource,
            K::Catalog,
            K::Permissions,
            K::Structure,
            K::Bookkeeping,
            K::Unreferenced,
            K::Unreadable,
            K::Other,
            K::TrailingData,
            K::Encryption,
        ] {
            add(format!("change_{}", k.code()), &|l| change_kind(l, k));
        }
        for a in [A::Added, A::Modified, A::Deleted] {
            add(format!("action_{}", a.code()), &|l| change_action(l, a));
        }
        for r in [
            R::DisplayedContent,
            R::DocmdpNoChanges,
            R::AnnotationsNeedP3,
            R::AnnotationsAllowed,
            R::FormFill,
            R::FieldLocked,
            R::SigningAllowed,
            R::LtvAllowed,
            R::ExistingSignatureChanged,
            R::FieldStructureChanged,
            R::AppearanceWithoutValue,
            R::KeyNotAllowed,
            R::AnnotationsRemoved,
            R::HarmlessUpdate,
            R::NotDisplayed,
            R::Unclassified,
            R::XrefMismatch,
            R::CommentAdded,
            R::StructureForNewContent,
            R::StructureChanged,
            R::SharedObject,
        ] {
            add(format!("rule_{}", r.code()), &|l| change_rule(l, r));
        }
        for m in [M::NoChanges, M::FormFilling, M::Annotations] {
            add(format!("mdp_{}", m.code()), &|l| certification(l, m));
        }
        for s in [ClaimedSource::SigningTimeAttribute, ClaimedSource::PdfM] {
            add(format!("time_source_{}", s.code()), &|l| {
                claimed_source(l, s)
            });
        }
        for s in [
            ProvenSource::SignatureTimestamp,
            ProvenSource::DocumentTimestamp,
        ] {
            add(format!("time_source_{}", s.code()), &|l| {
                proven_source(l, s)
            });
        }
        for i in [
            Indication::TotalPassed,
            Indication::TotalFailed,
            Indication::Indeterminate,
        ] {
            let code = format!("verdict_{}", i.code().to_ascii_lowercase());
            add(code, &|l| verdict(l, i));
        }
        for s in [
            S::FormatFailure,
            S::HashFailure,
            S::SigCryptoFailure,
            S::Revoked,
            S::Expired,
            S::NotYetValid,
            S::SigConstraintsFailure,
            S::ChainConstraintsFailure,
            S::CertificateChainGeneralFailure,
            S::CryptoConstraintsFailure,
            S::CryptoConstraintsFailureNoPoe,
            S::NoSigningCertificateFound,
            S::NoCertificateChainFound,
            S::OutOfBoundsNoPoe,
            S::RevokedNoPoe,
            S::TryLater,
        ] {
            let code = format!("sub_{}", s.code().to_ascii_lowercase());
            add(code, &|l| sub_indication(l, s));
        }
        for h in [
            H::Valid,
            H::ValidWithComments,
            H::Modified,
            H::Broken,
            H::Revoked,
            H::IntactRevocationUnknown,
            H::IntactUntrusted,
            H::IntactOtherwiseOpen,
            H::Unknown,
        ] {
            add(h.code().to_string(), &|l| headline(l, h));
        }
        for s in [
            ChainStatus::Trusted,
            ChainStatus::Untrusted,
            ChainStatus::Incomplete,
        ] {
            add(s.code().to_string(), &|l| chain_status(l, s));
        }
        for k in [
            AnchorKind::Government,
            AnchorKind::PublicCa,
            AnchorKind::User,
        ] {
            add(k.code().to_string(), &|l| anchor_kind(l, k));
        }
        let decrypted = Encryption::Decrypted {
            revision: 4,
            cipher: crate::pdf::Cipher::Identity,
        };
        for e in [
            decrypted,
            Encryption::Unavailable {
                why: CryptError::PasswordRequired,
            },
            Encryption::Unavailable {
                why: CryptError::Unsupported,
            },
        ] {
            let code = e.code().unwrap_or_default().to_string();
            add(code, &|l| encryption(l, &e).unwrap_or_default());
        }
        assert_eq!(encryption(Lang::Vi, &Encryption::None), None);
        // "CRL" and "OCSP" are the same in both languages, on purpose.
        for s in [
            crate::verify::RevSource::Crl,
            crate::verify::RevSource::Ocsp,
        ] {
            let code = format!("rev_source_{}", s.code());
            assert!(
                !tables.contains(&code.as_str()),
                "{code} is also in a table"
            );
            assert!(!rev_source(Lang::Vi, s).is_empty());
        }
        let errors = [
            P::Empty,
            P::NotPdf,
            P::TooLarge { bytes: 2, limit: 1 },
            P::Truncated,
            P::XrefBroken,
            P::Encrypted,
            P::TooDeep,
            P::TooManyRevisions { count: 2, limit: 1 },
            P::TooManySignatures { count: 2, limit: 1 },
        ];
        for e in &errors {
            // PDF errors share some codes with the certificate reader's input errors
            // (`empty_file`, `truncated`), whose words stay in a table.
            add(format!("pdf_error {}", e.code()), &|l| pdf_error(l, e));
        }
        for (code, vi, en) in &worded {
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{code}");
            assert!(
                !tables.contains(&code.as_str()),
                "{code} is also in a table"
            );
        }
    }

    #[test]
    fn codes_are_unique_and_worded_in_both_languages() {
        let all: Vec<_> = TABLES.iter().flat_map(|t| t.iter()).collect();
        for (i, (c, vi, en)) in all.iter().enumerate() {
            assert!(!vi.is_empty() && !en.is_empty(), "{c}");
            assert!(
                all.iter().skip(i + 1).all(|(d, _, _)| d != c),
                "duplicate code {c}"
            );
        }
        assert_eq!(text(Lang::Vi, "no_such_code"), "no_such_code");
    }

    #[test]
    fn the_day_rules_of_a_letter_say_the_days_of_rules_renewal() {
        use crate::forms::{Problem, RuleId, Severity};
        let days = crate::rules::renewal::MIN_DAYS_LEFT.to_string();
        for rule in [RuleId::RenewalNotEligible, RuleId::ChangeNotEligible] {
            let p = Problem {
                row: Some(2),
                field: None,
                rule,
                severity: Severity::Error,
                eligibility: None,
                other_row: Some(1),
                detail: None,
            };
            let vi = form_problem(Lang::Vi, &p);
            assert!(vi.contains(&format!("ít nhất {days} ngày")), "{vi}");
            assert!(vi.ends_with(" (trùng với dòng 1)"), "{vi}");
            let en = form_problem(Lang::En, &p);
            assert!(en.contains(&format!("at least {days} days")), "{en}");
            assert!(!vi.contains("{}") && !en.contains("{}"));
        }
    }
}
