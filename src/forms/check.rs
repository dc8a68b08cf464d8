//! The rules a letter must respect, checked per row and field. Each rule has a code
//! (worded by `i18n`) and names its source, so a refusal always says why and where
//! the rule comes from.

use serde::Serialize;

use crate::rules::dates::{Date, DateProblem};
use crate::rules::email::{self, EmailProblem};
use crate::rules::ids::{self, IdKind, IdProblem};
use crate::rules::phone::{self, PhoneProblem};
use crate::rules::renewal::{self, Eligibility};
use crate::rules::{provinces, sim};
use crate::time::Instant;

use super::fill::{chain_from_code, serial_key};
use super::model::{Field, FormKind, Letter, Person, PersonField, Row};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    /// A field the form asks for is empty.
    Required,
    /// At least one of several fields must be filled (tax or budget code; an ID for
    /// a revocation).
    OneOfRequired,
    CccdLength,
    CmndLength,
    HcFormat,
    MstFormat,
    MstCheckDigit,
    MnsLength,
    EmailMalformed,
    EmailPublicProvider,
    EmailNotGovDomain,
    PhoneCharacters,
    PhoneLength,
    PhonePrefix,
    DateFormat,
    DateNoSuchDay,
    /// The holder is not between 18 and 100 years old at the letter's date.
    AgeRange,
    /// An issue date after the letter's date.
    DateInFuture,
    SimPki,
    /// The serial is not hexadecimal.
    SerialFormat,
    DuplicateSerial,
    /// Form 04: neither renewal nor change ticked.
    NoServiceTicked,
    /// Form 04 renewal while fewer than 30 days remain (or expired, revoked...).
    RenewalNotEligible,
    /// Form 04 change of details while fewer than 30 days remain.
    ChangeNotEligible,
    /// Form 04 row typed without its certificate: the 30-day rule cannot be checked.
    RenewalUnchecked,
    /// The letter date is not `dd/mm/yyyy`.
    LetterDate,
    /// Form 04 renewal of a certificate that was already renewed (a later one of
    /// the same subject and key was read with it).
    RenewedAlready,
    /// Form 04 renewal: once only; shown on the row when no later certificate says
    /// it was already used.
    RenewalOnce,
    /// Form 04: 30-35 days left; accepted, but the CA may not process it in time.
    RenewalTight,
    /// A CMND number after 31/12/2024.
    CmndExpired,
    /// A province merged away on 01/7/2025 (`detail`: the unit that took it over).
    ProvinceMerged,
    /// Not one of the 34 provinces and cities.
    ProvinceUnknown,
    /// The certificate's names carry a district or a merged province (`detail`).
    CertNamesStale,
}

impl RuleId {
    /// The stable code, worded by `i18n` (prefixed `form_rule_`).
    pub fn code(self) -> &'static str {
        match self {
            RuleId::Required => "form_rule_required",
            RuleId::OneOfRequired => "form_rule_one_of_required",
            RuleId::CccdLength => "cccd_length",
            RuleId::CmndLength => "cmnd_length",
            RuleId::HcFormat => "hc_format",
            RuleId::MstFormat => "mst_format",
            RuleId::MstCheckDigit => "mst_check_digit",
            RuleId::MnsLength => "mns_length",
            RuleId::EmailMalformed => "email_malformed",
            RuleId::EmailPublicProvider => "email_public_provider",
            RuleId::EmailNotGovDomain => "email_not_gov_domain",
            RuleId::PhoneCharacters => "phone_characters",
            RuleId::PhoneLength => "phone_length",
            RuleId::PhonePrefix => "phone_prefix",
            RuleId::DateFormat => "date_format",
            RuleId::DateNoSuchDay => "date_no_such_day",
            RuleId::AgeRange => "form_rule_age_range",
            RuleId::DateInFuture => "form_rule_date_in_future",
            RuleId::SimPki => "form_rule_sim_pki",
            RuleId::SerialFormat => "form_rule_serial_format",
            RuleId::DuplicateSerial => "form_rule_duplicate_serial",
            RuleId::NoServiceTicked => "form_rule_no_service",
            RuleId::RenewalNotEligible => "form_rule_renewal_days",
            RuleId::ChangeNotEligible => "form_rule_change_days",
            RuleId::RenewalUnchecked => "form_rule_renewal_unchecked",
            RuleId::LetterDate => "form_rule_letter_date",
            RuleId::RenewedAlready => "form_rule_renewed_already",
            RuleId::RenewalOnce => "form_rule_renewal_once",
            RuleId::RenewalTight => "form_rule_renewal_tight",
            RuleId::CmndExpired => "form_rule_cmnd_expired",
            RuleId::ProvinceMerged => "form_rule_province_merged",
            RuleId::ProvinceUnknown => "form_rule_province_unknown",
            RuleId::CertNamesStale => "form_rule_cert_names_stale",
        }
    }

    /// Where the rule comes from (Vietnamese legal reference, printed as is).
    pub fn source(self) -> &'static str {
        match self {
            RuleId::Required | RuleId::OneOfRequired => "Nghị định 68/2024/NĐ-CP, các mẫu kèm theo",
            RuleId::CccdLength => "Luật Căn cước 2023 (số định danh cá nhân 12 chữ số)",
            RuleId::CmndLength => "Quy định về Chứng minh nhân dân (9 hoặc 12 chữ số)",
            RuleId::HcFormat => "Luật Xuất cảnh, nhập cảnh của công dân Việt Nam 2019",
            RuleId::MstFormat | RuleId::MstCheckDigit => {
                "Thông tư 86/2024/TT-BTC (cấu trúc mã số thuế; thay Thông tư 105/2020/TT-BTC)"
            }
            RuleId::MnsLength => "Thông tư 185/2015/TT-BTC (mã số đơn vị có quan hệ với ngân sách)",
            RuleId::EmailMalformed | RuleId::EmailPublicProvider | RuleId::EmailNotGovDomain => {
                "Nghị định 68/2024/NĐ-CP, ghi chú các mẫu (thư điện tử công vụ do cơ quan nhà nước cấp)"
            }
            RuleId::PhoneCharacters | RuleId::PhoneLength | RuleId::PhonePrefix => {
                "Quy hoạch kho số viễn thông (Thông tư 22/2014/TT-BTTTT, đã sửa đổi); Quyết định 798/QĐ-BTTTT năm 2018 (thuê bao di động 10 chữ số)"
            }
            RuleId::DateFormat | RuleId::DateNoSuchDay | RuleId::LetterDate => {
                "Nghị định 30/2020/NĐ-CP, Phụ lục I (ghi ngày, tháng, năm)"
            }
            // No rule sets an age for a holder: this is a check for typing mistakes.
            RuleId::AgeRange => "Kiểm tra nhập liệu (không có quy định về độ tuổi thuê bao)",
            RuleId::DateInFuture => "Nghị định 68/2024/NĐ-CP, các mẫu kèm theo",
            RuleId::SimPki => "Nghị định 68/2024/NĐ-CP, Mẫu số 01, ghi chú về SIM PKI",
            RuleId::SerialFormat | RuleId::DuplicateSerial => {
                "Nghị định 68/2024/NĐ-CP (số hiệu chứng thư số)"
            }
            RuleId::NoServiceTicked => "Nghị định 68/2024/NĐ-CP, Mẫu số 04",
            RuleId::RenewalNotEligible
            | RuleId::ChangeNotEligible
            | RuleId::RenewalUnchecked
            | RuleId::RenewalTight => {
                "Hướng dẫn thủ tục theo Nghị định 68/2024/NĐ-CP (Sở TT&TT Long An, 8/2024), mục 6-7: còn ít nhất 30 ngày (quy định cũ: 60 ngày, Nghị định 130/2018/NĐ-CP, Điều 63, 65)"
            }
            RuleId::RenewedAlready | RuleId::RenewalOnce => {
                "Hướng dẫn thủ tục theo Nghị định 68/2024/NĐ-CP (Sở TT&TT Long An, 8/2024), mục 6: chỉ được đề nghị gia hạn 01 lần"
            }
            RuleId::CmndExpired => {
                "Luật Căn cước 2023, Điều 46 khoản 2 (CMND có giá trị đến hết 31/12/2024)"
            }
            RuleId::ProvinceMerged | RuleId::ProvinceUnknown => provinces::SOURCE,
            RuleId::CertNamesStale => {
                "Nghị quyết 202/2025/QH15; Luật Tổ chức chính quyền địa phương 2025; Công văn 275/BCY-CTSBMTT (16/5/2025): thay đổi thông tin hoặc thu hồi chứng thư khi sắp xếp bộ máy"
            }
        }
    }

    fn from_id(p: IdProblem) -> RuleId {
        match p {
            IdProblem::CccdLength => RuleId::CccdLength,
            IdProblem::CmndLength => RuleId::CmndLength,
            IdProblem::HcFormat => RuleId::HcFormat,
            IdProblem::MstFormat => RuleId::MstFormat,
            IdProblem::MstCheckDigit => RuleId::MstCheckDigit,
            IdProblem::MnsLength => RuleId::MnsLength,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The letter would be sent back: shown, and the download asks to confirm.
    Error,
    /// Worth a look, not a refusal.
    Warning,
}

/// One broken rule. `row` is 1-based (the STT printed in the table); `None` for the
/// letterhead and section 1, whose `field` is then `letterhead.date`,
/// `contact.person.email`, `contact.counterpart.full_name`...
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub row: Option<usize>,
    pub field: Option<&'static str>,
    pub rule: RuleId,
    pub severity: Severity,
    /// For the 30-day rule: the verdict at the reference date (days left, reason).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<Eligibility>,
    /// For a duplicate serial: the row that first holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_row: Option<usize>,
    /// What the words need: the unit that took over a merged province, the stale
    /// names of a certificate, the serial of the later certificate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Problem {
    fn new(row: Option<usize>, field: &'static str, rule: RuleId, severity: Severity) -> Self {
        Problem {
            row,
            field: Some(field),
            rule,
            severity,
            eligibility: None,
            other_row: None,
            detail: None,
        }
    }

    fn with_detail(mut self, d: impl Into<String>) -> Self {
        self.detail = Some(d.into());
        self
    }

    pub fn code(&self) -> &'static str {
        self.rule.code()
    }
}

/// The fields a row of `kind` must fill (each alone).
pub fn required_fields(kind: FormKind) -> &'static [Field] {
    use Field as F;
    match kind {
        FormKind::F01 => &[
            F::FullName,
            F::BirthDate,
            F::IdNumber,
            F::IdIssueDate,
            F::IdIssuePlace,
            F::Email,
            F::Agency,
            F::Province,
            F::Title,
            F::Mobile,
        ],
        FormKind::F02 => &[F::OrgName, F::Address, F::Province, F::Email],
        FormKind::F03 => &[F::DeviceName, F::Agency, F::Email],
        FormKind::F04 => &[F::CertName, F::Serial, F::Email],
        // No ID, tax or budget code is required: a device's certificate has none
        // (issue 10: the old rule blocked revoking one).
        FormKind::F05 => &[F::CertName, F::Serial, F::Email, F::Reason],
        FormKind::F06 => &[F::TokenSerial, F::CertName, F::Agency],
        // 07 also notifies remote-signing accounts, which have no token.
        FormKind::F07 => &[F::CertName, F::Agency],
        FormKind::F08 | FormKind::F09 => &[F::CertName, F::Agency, F::TokenSerial],
    }
}

/// Groups of which at least one field must be filled.
fn one_of(kind: FormKind) -> &'static [&'static [Field]] {
    use Field as F;
    match kind {
        FormKind::F02 | FormKind::F03 => &[&[F::TaxCode, F::BudgetCode]],
        _ => &[],
    }
}

/// Checks a whole letter. `today` is the caller's date (the core reads no clock).
/// Ages and issue dates are judged at the letter's date (or `today` when it has
/// none); the 30-day rule at the later of the two, as the CA will receive the letter
/// no earlier than that.
pub fn check_letter(letter: &Letter, today: Date) -> Vec<Problem> {
    let mut out = Vec::new();
    let letter_date = if letter.letterhead.date.trim().is_empty() {
        None
    } else {
        match Date::parse(&letter.letterhead.date) {
            Ok(d) => Some(d),
            Err(_) => {
                out.push(Problem::new(
                    None,
                    "letterhead.date",
                    RuleId::LetterDate,
                    Severity::Error,
                ));
                None
            }
        }
    };
    let reference = letter_date.unwrap_or(today);
    let renewal_at = reference.max(today);
    let lh = &letter.letterhead;
    for (value, key) in [
        (&lh.managing_body, "letterhead.managing_body"),
        (&lh.place, "letterhead.place"),
        (&lh.signer_title, "letterhead.signer_title"),
        (&lh.signer_name, "letterhead.signer_name"),
    ] {
        if value.trim().is_empty() {
            out.push(Problem::new(None, key, RuleId::Required, Severity::Warning));
        }
    }
    check_person(
        &letter.contact.person,
        letter.kind.contact_fields(),
        "contact.person",
        reference,
        &mut out,
    );
    if letter.kind.is_record() {
        check_person(
            &letter.contact.counterpart,
            letter.kind.contact_fields(),
            "contact.counterpart",
            reference,
            &mut out,
        );
    }
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (i, row) in letter.rows.iter().enumerate() {
        let n = i + 1;
        check_row(letter.kind, row, n, reference, renewal_at, &mut out);
        for f in [Field::Serial, Field::OldSerial] {
            if !letter.kind.fields().contains(&f) {
                continue;
            }
            let key = serial_key(row.get(f));
            if key.is_empty() {
                continue;
            }
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                let mut p =
                    Problem::new(Some(n), f.key(), RuleId::DuplicateSerial, Severity::Error);
                p.other_row = Some(*first);
                out.push(p);
            } else {
                seen.push((key, n));
            }
        }
    }
    out
}

/// Checks section 1's person. Empty fields are warnings here (the clerk may fill
/// them by hand on paper); malformed ones are errors.
fn check_person(
    p: &Person,
    fields: &[PersonField],
    prefix: &'static str,
    reference: Date,
    out: &mut Vec<Problem>,
) {
    for f in fields {
        let key = person_key(prefix, *f);
        let v = f.get(p).trim();
        if v.is_empty() {
            if matches!(f, PersonField::FullName | PersonField::Mobile) {
                out.push(Problem::new(None, key, RuleId::Required, Severity::Warning));
            }
            continue;
        }
        match f {
            PersonField::IdNumber => match check_id_number(v) {
                Err(r) => out.push(Problem::new(None, key, r, Severity::Error)),
                Ok(kind) => check_cmnd(kind, None, key, reference, out),
            },
            PersonField::IdIssueDate => check_past_date(v, None, key, reference, out),
            PersonField::Mobile => {
                if let Err(e) = phone::check_mobile(v) {
                    out.push(Problem::new(None, key, phone_rule(e), Severity::Error));
                }
            }
            PersonField::Email => check_email(v, None, key, out),
            _ => {}
        }
    }
}

fn person_key(prefix: &str, f: PersonField) -> &'static str {
    // Static keys so problems stay `&'static str`.
    match (prefix, f) {
        ("contact.counterpart", PersonField::FullName) => "contact.counterpart.full_name",
        ("contact.counterpart", PersonField::IdNumber) => "contact.counterpart.id_number",
        ("contact.counterpart", PersonField::IdIssueDate) => "contact.counterpart.id_issue_date",
        ("contact.counterpart", PersonField::IdIssuePlace) => "contact.counterpart.id_issue_place",
        ("contact.counterpart", PersonField::Title) => "contact.counterpart.title",
        ("contact.counterpart", PersonField::Agency) => "contact.counterpart.agency",
        ("contact.counterpart", PersonField::Mobile) => "contact.counterpart.mobile",
        ("contact.counterpart", PersonField::Email) => "contact.counterpart.email",
        (_, PersonField::FullName) => "contact.person.full_name",
        (_, PersonField::IdNumber) => "contact.person.id_number",
        (_, PersonField::IdIssueDate) => "contact.person.id_issue_date",
        (_, PersonField::IdIssuePlace) => "contact.person.id_issue_place",
        (_, PersonField::Title) => "contact.person.title",
        (_, PersonField::Agency) => "contact.person.agency",
        (_, PersonField::Mobile) => "contact.person.mobile",
        (_, PersonField::Email) => "contact.person.email",
    }
}

/// A personal ID as typed: `001088012345` (CCCD), `123456789` (CMND), `B1234567`
/// (passport), or with an explicit prefix `CMND:001088012345`.
pub fn check_id_number(v: &str) -> Result<IdKind, RuleId> {
    let v = v.trim();
    if let Some((prefix, value)) = v.split_once(':')
        && let Some(kind) = IdKind::from_prefix(prefix)
    {
        return ids::check(kind, value.trim())
            .map(|()| kind)
            .map_err(RuleId::from_id);
    }
    ids::classify_personal(v).map_err(RuleId::from_id)
}

fn phone_rule(p: PhoneProblem) -> RuleId {
    match p {
        PhoneProblem::Characters => RuleId::PhoneCharacters,
        PhoneProblem::Length => RuleId::PhoneLength,
        PhoneProblem::Prefix => RuleId::PhonePrefix,
    }
}

fn date_rule(p: DateProblem) -> RuleId {
    match p {
        DateProblem::Format => RuleId::DateFormat,
        DateProblem::NoSuchDay => RuleId::DateNoSuchDay,
    }
}

fn check_email(v: &str, row: Option<usize>, key: &'static str, out: &mut Vec<Problem>) {
    if let Err(e) = email::check_official(v) {
        let (rule, sev) = match e {
            EmailProblem::Malformed => (RuleId::EmailMalformed, Severity::Error),
            EmailProblem::PublicProvider => (RuleId::EmailPublicProvider, Severity::Error),
            EmailProblem::NotGovDomain => (RuleId::EmailNotGovDomain, Severity::Warning),
        };
        out.push(Problem::new(row, key, rule, sev));
    }
}

fn check_past_date(
    v: &str,
    row: Option<usize>,
    key: &'static str,
    reference: Date,
    out: &mut Vec<Problem>,
) {
    match Date::parse(v) {
        Err(e) => out.push(Problem::new(row, key, date_rule(e), Severity::Error)),
        Ok(d) if d > reference => {
            out.push(Problem::new(
                row,
                key,
                RuleId::DateInFuture,
                Severity::Error,
            ));
        }
        Ok(_) => {}
    }
}

/// Minimum and maximum age of an individual holder at the letter's date.
pub const MIN_AGE: i32 = 18;
pub const MAX_AGE: i32 = 100;

fn check_row(
    kind: FormKind,
    row: &Row,
    n: usize,
    reference: Date,
    renewal_at: Date,
    out: &mut Vec<Problem>,
) {
    let fields = kind.fields();
    let r = Some(n);
    for f in required_fields(kind) {
        if row.get(*f).trim().is_empty() {
            out.push(Problem::new(r, f.key(), RuleId::Required, Severity::Error));
        }
    }
    for group in one_of(kind) {
        if group.iter().all(|f| row.get(*f).trim().is_empty())
            && let Some(first) = group.first()
        {
            out.push(Problem::new(
                r,
                first.key(),
                RuleId::OneOfRequired,
                Severity::Error,
            ));
        }
    }
    for f in fields {
        let v = row.get(f).trim();
        if v.is_empty() || f.is_flag() {
            continue;
        }
        let key = f.key();
        match f {
            Field::IdNumber => match check_id_number(v) {
                Err(rule) => out.push(Problem::new(r, key, rule, Severity::Error)),
                Ok(kind) => check_cmnd(kind, r, key, reference, out),
            },
            Field::Province => check_province(v, r, reference, out),
            Field::TaxCode => {
                if let Err(p) = ids::check(IdKind::Mst, v) {
                    out.push(Problem::new(r, key, RuleId::from_id(p), Severity::Error));
                }
            }
            Field::BudgetCode => {
                if let Err(p) = ids::check(IdKind::Mns, v) {
                    out.push(Problem::new(r, key, RuleId::from_id(p), Severity::Error));
                }
            }
            Field::Email => check_email(v, r, key, out),
            Field::Mobile => {
                if let Err(e) = phone::check_mobile(v) {
                    out.push(Problem::new(r, key, phone_rule(e), Severity::Error));
                }
            }
            Field::BirthDate => match Date::parse(v) {
                Err(e) => out.push(Problem::new(r, key, date_rule(e), Severity::Error)),
                Ok(d) => {
                    let age = d.years_until(reference);
                    if !(MIN_AGE..=MAX_AGE).contains(&age) {
                        out.push(Problem::new(r, key, RuleId::AgeRange, Severity::Warning));
                    }
                }
            },
            Field::IdIssueDate | Field::HandoverDate => {
                check_past_date(v, r, key, reference, out);
            }
            Field::SimPki if sim::parse(v).is_err() => {
                out.push(Problem::new(r, key, RuleId::SimPki, Severity::Error));
            }
            Field::Serial | Field::OldSerial => {
                let compact: String = v.chars().filter(|c| !matches!(c, ' ' | ':')).collect();
                if !compact.chars().all(|c| c.is_ascii_hexdigit()) {
                    out.push(Problem::new(r, key, RuleId::SerialFormat, Severity::Error));
                }
            }
            _ => {}
        }
    }
    if let Some(src) = &row.source
        && !src.stale_names.is_empty()
        && reference >= since_2025_07()
    {
        out.push(
            Problem::new(r, "source", RuleId::CertNamesStale, Severity::Warning)
                .with_detail(src.stale_names.join("; ")),
        );
    }
    if kind == FormKind::F04 {
        check_renewal(row, n, renewal_at, out);
    }
}

fn since_2025_07() -> Date {
    let (y, m, d) = provinces::SINCE;
    Date {
        year: y,
        month: m,
        day: d,
    }
}

/// A CMND is valid until 31/12/2024 (`rules::ids::CMND_VALID_UNTIL`): after that a
/// CMND number is a warning (the holder has a căn cước now).
fn check_cmnd(
    kind: IdKind,
    row: Option<usize>,
    key: &'static str,
    reference: Date,
    out: &mut Vec<Problem>,
) {
    let (y, m, d) = ids::CMND_VALID_UNTIL;
    let until = Date {
        year: y,
        month: m,
        day: d,
    };
    if kind == IdKind::Cmnd && reference > until {
        out.push(Problem::new(
            row,
            key,
            RuleId::CmndExpired,
            Severity::Warning,
        ));
    }
}

/// From 01/7/2025 the province column names one of the 34 (`rules::provinces`).
fn check_province(v: &str, row: Option<usize>, reference: Date, out: &mut Vec<Problem>) {
    if reference < since_2025_07() {
        return;
    }
    let key = Field::Province.key();
    match provinces::judge(v) {
        provinces::ProvinceStatus::Current(_) => {}
        provinces::ProvinceStatus::Merged { into } => out.push(
            Problem::new(row, key, RuleId::ProvinceMerged, Severity::Warning).with_detail(into),
        ),
        provinces::ProvinceStatus::Unknown => out.push(Problem::new(
            row,
            key,
            RuleId::ProvinceUnknown,
            Severity::Warning,
        )),
    }
}

/// Form 04: a ticked service, and for renewal or change at least 30 days left
/// (`rules::renewal`, one rule in one place).
fn check_renewal(row: &Row, n: usize, at: Date, out: &mut Vec<Problem>) {
    let r = Some(n);
    if !row.renew && !row.change {
        out.push(Problem::new(
            r,
            "renew",
            RuleId::NoServiceTicked,
            Severity::Error,
        ));
        return;
    }
    if row.change {
        for f in [Field::ChangeWhat, Field::ChangeNew] {
            if row.get(f).trim().is_empty() {
                out.push(Problem::new(r, f.key(), RuleId::Required, Severity::Error));
            }
        }
    }
    let Some(src) = &row.source else {
        out.push(Problem::new(
            r,
            "serial",
            RuleId::RenewalUnchecked,
            Severity::Warning,
        ));
        return;
    };
    let Some(at) = at.to_instant() else {
        return;
    };
    let e = renewal::eligibility(
        Instant::from_unix(src.not_before),
        Instant::from_unix(src.not_after),
        src.is_ca,
        crate::report::renewal_finding(chain_from_code(&src.chain)),
        at,
    );
    if row.renew {
        if !src.renewed_by.is_empty() {
            out.push(
                Problem::new(r, "renew", RuleId::RenewedAlready, Severity::Error)
                    .with_detail(src.renewed_by.clone()),
            );
        } else {
            out.push(Problem::new(
                r,
                "renew",
                RuleId::RenewalOnce,
                Severity::Warning,
            ));
        }
    }
    if e.eligible && e.days_left <= renewal::TIGHT_DAYS_LEFT {
        out.push(
            Problem::new(r, "serial", RuleId::RenewalTight, Severity::Warning)
                .with_detail(e.days_left.to_string()),
        );
    }
    if !e.eligible {
        for (ticked, field, rule) in [
            (row.renew, "renew", RuleId::RenewalNotEligible),
            (row.change, "change", RuleId::ChangeNotEligible),
        ] {
            if ticked {
                let mut p = Problem::new(r, field, rule, Severity::Error);
                p.eligibility = Some(e);
                out.push(p);
            }
        }
    }
}

/// Problems per row (index 0 = row 1), for the table's `data-problems` counts.
pub fn count_per_row(problems: &[Problem], rows: usize) -> Vec<usize> {
    let mut counts = vec![0; rows];
    for p in problems {
        if let Some(c) = p
            .row
            .and_then(|r| r.checked_sub(1))
            .and_then(|i| counts.get_mut(i))
        {
            *c += 1;
        }
    }
    counts
}

/// True when some problem is an error (the download asks to confirm).
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}
