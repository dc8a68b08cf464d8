//! The rules added for letters a clerk can send unchanged (issue 10), each with the
//! source it names, and filling from a folder of mixed certificates. Certificates
//! come from `tests/fixtures/forms/certs/make.py` (Python `cryptography`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kyso::cert::holder::HolderKind;
use kyso::forms::{self, FormKind, Letter, Problem, Row, RuleId, Severity};
use kyso::input::InputFile;
use kyso::report::{self, CertEntry, CertOptions};
use kyso::rules::dates::Date;
use kyso::time::Instant;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/forms/certs/");

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn certs(names: &[&str], at: &str) -> Vec<CertEntry> {
    let files: Vec<InputFile> = names
        .iter()
        .map(|n| InputFile::new(*n, std::fs::read(format!("{DIR}{n}")).unwrap()))
        .collect();
    let at = Instant::parse_rfc3339(&format!("{at}T00:00:00Z")).unwrap();
    let rep = report::read_certificates(&files, &CertOptions::at(at));
    assert!(rep.errors.is_empty(), "{:?}", rep.errors);
    rep.certificates
}

fn check(kind: FormKind, rows: Vec<Row>, date: &str) -> Vec<Problem> {
    let mut l = Letter::new(kind);
    l.letterhead.date = date.into();
    l.rows = rows;
    forms::check_letter(&l, d(date))
}

fn has(problems: &[Problem], row: usize, rule: RuleId, sev: Severity) -> bool {
    problems
        .iter()
        .any(|p| p.row == Some(row) && p.rule == rule && p.severity == sev)
}

const MIXED: [&str; 5] = [
    "mixed/ca.pem",
    "mixed/nguyen-van-an.pem",
    "mixed/hoang-thi-binh.pem",
    "mixed/so-noi-vu.pem",
    "mixed/may-chu.pem",
];

#[test]
fn fill_keeps_only_the_forms_holders_and_says_which_were_left_out() {
    let entries = certs(&MIXED, "2025-03-05");
    let f01 = forms::fill_from_certs(FormKind::F01, &entries);
    let names: Vec<&str> = f01.rows.iter().map(|r| r.full_name.as_str()).collect();
    assert_eq!(names, ["Nguyễn Văn An", "Hoàng Thị Bình"]);
    let left: Vec<(&str, HolderKind, &str)> = f01
        .left_out
        .iter()
        .map(|o| (o.file.as_str(), o.holder, o.code))
        .collect();
    assert_eq!(
        left,
        [
            ("mixed/ca.pem", HolderKind::Ca, "fill_left_out_ca"),
            (
                "mixed/so-noi-vu.pem",
                HolderKind::Organization,
                "fill_left_out_kind"
            ),
            (
                "mixed/may-chu.pem",
                HolderKind::Device,
                "fill_left_out_kind"
            ),
        ]
    );
    let f02 = forms::fill_from_certs(FormKind::F02, &entries);
    let orgs: Vec<&str> = f02.rows.iter().map(|r| r.org_name.as_str()).collect();
    assert_eq!(orgs, ["Sở Nội vụ tỉnh Cao Bằng"]);
    assert_eq!(f02.rows[0].tax_code, "4800123456");
    assert_eq!(f02.left_out.len(), 4);
    let f03 = forms::fill_from_certs(FormKind::F03, &entries);
    assert_eq!(f03.rows.len(), 1);
    assert_eq!(f03.rows[0].device_name, "egov.caobang.gov.vn");
    // Revocation acts on any holder's certificate; only the CA is left out.
    let f05 = forms::fill_from_certs(FormKind::F05, &entries);
    assert_eq!((f05.rows.len(), f05.left_out.len()), (4, 1));
}

/// Source: provincial guide to Decree 68 (seed 000 item 6): "chỉ được đề nghị gia
/// hạn 01 lần"; a renewal installs the new certificate on the same token (same key).
#[test]
fn renewal_only_once_same_subject_and_key_with_a_later_expiry() {
    let entries = certs(
        &["renewed-old.pem", "renewed-new.pem", "rekeyed.pem"],
        "2025-03-05",
    );
    let mut rows = forms::rows_from_certs(FormKind::F04, &entries);
    for r in &mut rows {
        r.renew = true;
    }
    let p = check(FormKind::F04, rows, "05/03/2025");
    let done = p
        .iter()
        .find(|p| p.rule == RuleId::RenewedAlready)
        .expect("the old certificate was renewed");
    assert_eq!(
        (done.row, done.severity, done.detail.as_deref()),
        (Some(1), Severity::Error, Some("4B590002"))
    );
    assert!(done.rule.source().contains("gia hạn 01 lần"));
    // The renewed one and the re-keyed one (another key: not a renewal) carry the
    // once-only rule as a warning.
    assert!(has(&p, 2, RuleId::RenewalOnce, Severity::Warning));
    assert!(has(&p, 3, RuleId::RenewalOnce, Severity::Warning));
    assert!(
        !p.iter()
            .any(|x| x.rule == RuleId::RenewedAlready && x.row != Some(1))
    );
}

/// Source: the 30 days of seed 000 items 6-7; 30-35 days left is accepted but tight.
#[test]
fn thirty_to_thirty_five_days_left_is_a_warning() {
    let entries = certs(&["tight.pem"], "2025-03-05");
    let mut rows = forms::rows_from_certs(FormKind::F04, &entries);
    rows[0].renew = true;
    let p = check(FormKind::F04, rows.clone(), "05/03/2025");
    let tight = p.iter().find(|p| p.rule == RuleId::RenewalTight).unwrap();
    assert_eq!(
        (tight.severity, tight.detail.as_deref()),
        (Severity::Warning, Some("33"))
    );
    assert!(!p.iter().any(|x| x.rule == RuleId::RenewalNotEligible));
    assert!(tight.rule.source().contains("Nghị định 130/2018"));
    // Four days later: 29 days, refused.
    let p = check(FormKind::F04, rows, "09/03/2025");
    assert!(has(&p, 1, RuleId::RenewalNotEligible, Severity::Error));
    assert!(!p.iter().any(|x| x.rule == RuleId::RenewalTight));
}

/// Source: Luật Căn cước 2023, art. 46.2: a CMND is valid until 31/12/2024.
#[test]
fn a_cmnd_after_2024_is_a_warning() {
    let row = Row {
        cert_name: "Nguyễn Văn Cũ".into(),
        serial: "4B59".into(),
        email: "cu@caobang.gov.vn".into(),
        reason: "Nghỉ hưu".into(),
        id_number: "123456789".into(),
        ..Row::default()
    };
    let p = check(FormKind::F05, vec![row.clone()], "05/03/2025");
    let w = p.iter().find(|p| p.rule == RuleId::CmndExpired).unwrap();
    assert_eq!((w.row, w.severity), (Some(1), Severity::Warning));
    assert!(w.rule.source().contains("Luật Căn cước 2023"));
    assert!(
        !check(FormKind::F05, vec![row.clone()], "31/12/2024")
            .iter()
            .any(|p| p.rule == RuleId::CmndExpired)
    );
    // In section 1 too.
    let mut l = Letter::new(FormKind::F05);
    l.letterhead.date = "05/03/2025".into();
    l.contact.person.id_number = "CMND:123456789".into();
    l.rows.push(row);
    assert!(
        forms::check_letter(&l, d("05/03/2025"))
            .iter()
            .any(|p| p.row.is_none()
                && p.field == Some("contact.person.id_number")
                && p.rule == RuleId::CmndExpired)
    );
}

/// Source: Nghị quyết 202/2025/QH15 (34 provinces and cities from 01/7/2025).
#[test]
fn the_province_column_follows_the_34_units_from_july_2025() {
    let row = |province: &str| Row {
        org_name: "Sở Tài chính".into(),
        address: "Số 1".into(),
        province: province.into(),
        email: "stc@ninhbinh.gov.vn".into(),
        tax_code: "4800123456".into(),
        ..Row::default()
    };
    let p = check(FormKind::F02, vec![row("Hà Nam")], "01/08/2025");
    let m = p.iter().find(|p| p.rule == RuleId::ProvinceMerged).unwrap();
    assert_eq!(
        (m.severity, m.detail.as_deref()),
        (Severity::Warning, Some("Ninh Bình"))
    );
    assert!(m.rule.source().contains("202/2025/QH15"));
    let on_rows = |p: Vec<Problem>| p.into_iter().filter(|p| p.row.is_some()).count();
    assert_eq!(
        on_rows(check(
            FormKind::F02,
            vec![row("tỉnh Ninh Bình")],
            "01/08/2025"
        )),
        0
    );
    assert!(
        check(FormKind::F02, vec![row("Ninh Binh")], "01/08/2025")
            .iter()
            .any(|p| p.rule == RuleId::ProvinceUnknown)
    );
    // Before the merger the old name was right.
    assert_eq!(
        on_rows(check(FormKind::F02, vec![row("Hà Nam")], "30/06/2025")),
        0
    );
}

/// Source: Nghị quyết 202/2025/QH15, Luật Tổ chức chính quyền địa phương 2025, BCY
/// letter 275/BCY-CTSBMTT (seed 002): such certificates need a change or revocation.
#[test]
fn certificates_naming_a_district_or_a_merged_province_are_flagged() {
    let entries = certs(&["stale-district.pem", "tight.pem"], "2025-08-01");
    let rows = forms::rows_from_certs(FormKind::F05, &entries);
    assert_eq!(
        rows[0].source.as_ref().unwrap().stale_names,
        ["UBND tỉnh Hà Nam", "UBND huyện Bình Lục", "Hà Nam"]
    );
    let p = check(FormKind::F05, rows, "01/08/2025");
    let s = p.iter().find(|p| p.rule == RuleId::CertNamesStale).unwrap();
    assert_eq!((s.row, s.severity), (Some(1), Severity::Warning));
    assert!(s.rule.source().contains("275/BCY-CTSBMTT"));
    assert!(!has(&p, 2, RuleId::CertNamesStale, Severity::Warning));
}

/// Source: Decree 68/2024 forms (T): none asks a device's certificate for an ID, a
/// remote-signing hand-over has no token, 01 has a "Chức vụ" column; no rule sets
/// an age for a holder.
#[test]
fn required_fields_that_blocked_real_cases() {
    let device = Row {
        cert_name: "egov.caobang.gov.vn".into(),
        serial: "4B590104".into(),
        email: "egov@caobang.gov.vn".into(),
        reason: "Ngừng sử dụng dịch vụ".into(),
        ..Row::default()
    };
    let p = check(FormKind::F05, vec![device], "05/03/2025");
    assert!(p.iter().all(|p| p.row.is_none()), "{p:?}");
    let remote = Row {
        cert_name: "Nguyễn Văn An".into(),
        agency: "Sở Nội vụ".into(),
        serial: "4B590101".into(),
        ..Row::default()
    };
    let p = check(FormKind::F07, vec![remote], "05/03/2025");
    assert!(p.iter().all(|p| p.row.is_none()), "{p:?}");
    let person = Row {
        full_name: "Nguyễn Thị Lan".into(),
        birth_date: "01/01/2010".into(),
        id_number: "001088012345".into(),
        id_issue_date: "01/02/2021".into(),
        id_issue_place: "Bộ Công an".into(),
        email: "lan@hanoi.gov.vn".into(),
        agency: "Sở Nội vụ".into(),
        province: "Hà Nội".into(),
        mobile: "0912345678".into(),
        ..Row::default()
    };
    let p = check(FormKind::F01, vec![person], "05/03/2025");
    assert!(has(&p, 1, RuleId::Required, Severity::Error));
    assert!(
        p.iter()
            .any(|p| p.field == Some("title") && p.rule == RuleId::Required)
    );
    assert!(has(&p, 1, RuleId::AgeRange, Severity::Warning));
    assert!(!has(&p, 1, RuleId::AgeRange, Severity::Error));
}

#[test]
fn citations_name_the_texts_in_force() {
    assert!(RuleId::MstCheckDigit.source().contains("86/2024/TT-BTC"));
    let renewal = RuleId::RenewalNotEligible.source();
    assert!(renewal.contains("130/2018") && !renewal.contains("08/2020"));
    assert!(!RuleId::AgeRange.source().contains("Bộ luật Dân sự"));
}

/// Source: forms-wording.md (Mẫu 09): the lost-device record is followed by a Mẫu 05
/// with the reason "thiết bị lưu khóa bí mật bị thất lạc".
#[test]
fn a_lost_device_record_leads_to_a_revocation_request() {
    let mut rec = Letter::new(FormKind::F09);
    rec.letterhead.managing_body = "Sở Nội vụ".into();
    rec.letterhead.number = "12/BB-SNV".into();
    rec.contact.person.full_name = "Trần Thị Bình".into();
    rec.contact.loss_date = "02/03/2025".into();
    rec.contact.loss_place = "Cao Bằng".into();
    rec.rows.push(Row {
        cert_name: "Nguyễn Văn An".into(),
        agency: "Sở Nội vụ".into(),
        serial: "4B590101".into(),
        token_serial: "TK0001".into(),
        ..Row::default()
    });
    let l05 = forms::followup::revocation_after_loss(&rec);
    assert_eq!(l05.kind, FormKind::F05);
    assert_eq!(l05.letterhead.managing_body, "Sở Nội vụ");
    assert!(l05.letterhead.number.is_empty());
    assert_eq!(l05.contact.person.full_name, "Trần Thị Bình");
    let r = &l05.rows[0];
    assert_eq!(
        (r.serial.as_str(), r.token_serial.as_str()),
        ("4B590101", "TK0001")
    );
    assert_eq!(
        r.reason,
        "Thiết bị lưu khóa bí mật bị thất lạc (ngày 02/03/2025)"
    );
    // The record prints the date and place of the loss.
    let text = forms::html::to_html(&rec);
    assert!(text.contains("02/03/2025") && text.contains("Nơi thất lạc thiết bị"));
}
