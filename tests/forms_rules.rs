//! The rules of the letters, one valid and one invalid example each.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kyso::forms::{self, FormKind, Letter, Problem, Row, RuleId, Severity};
use kyso::input::InputFile;
use kyso::report::{self, CertOptions};
use kyso::rules::dates::Date;
use kyso::time::Instant;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn rules_of(kind: FormKind, row: Row) -> Vec<(Option<&'static str>, RuleId, Severity)> {
    let mut l = Letter::new(kind);
    l.letterhead.date = "05/03/2025".into();
    l.rows.push(row);
    forms::check_letter(&l, d("05/03/2025"))
        .into_iter()
        .filter(|p| p.row.is_some())
        .map(|p: Problem| (p.field, p.rule, p.severity))
        .collect()
}

fn person(id: &str, email: &str, mobile: &str, birth: &str) -> Row {
    Row {
        full_name: "Nguyễn Thị Lan".into(),
        birth_date: birth.into(),
        id_number: id.into(),
        id_issue_date: "01/02/2021".into(),
        id_issue_place: "Cục Cảnh sát QLHC về TTXH".into(),
        email: email.into(),
        agency: "Sở Nội vụ".into(),
        province: "Hà Nội".into(),
        title: "Chuyên viên".into(),
        mobile: mobile.into(),
        ..Row::default()
    }
}

#[test]
fn form_01_fields() {
    let ok = person(
        "001088012345",
        "lan@hanoi.gov.vn",
        "0912345678",
        "01/01/1990",
    );
    assert_eq!(rules_of(FormKind::F01, ok.clone()), vec![]);
    let has = |row: Row, rule: RuleId| {
        rules_of(FormKind::F01, row)
            .iter()
            .any(|(_, r, _)| *r == rule)
    };
    assert!(has(
        person(
            "00108801234",
            "lan@hanoi.gov.vn",
            "0912345678",
            "01/01/1990"
        ),
        RuleId::CccdLength
    ));
    assert!(!has(
        person("123456789", "lan@hanoi.gov.vn", "0912345678", "01/01/1990"),
        RuleId::CmndLength
    ));
    assert!(has(
        person(
            "CMND:12345678",
            "lan@hanoi.gov.vn",
            "0912345678",
            "01/01/1990"
        ),
        RuleId::CmndLength
    ));
    assert!(has(
        person("001088012345", "lan@gmail.com", "0912345678", "01/01/1990"),
        RuleId::EmailPublicProvider
    ));
    let warn = rules_of(
        FormKind::F01,
        person("001088012345", "lan@vnpt.vn", "0912345678", "01/01/1990"),
    );
    assert_eq!(
        warn,
        vec![(Some("email"), RuleId::EmailNotGovDomain, Severity::Warning)]
    );
    assert!(has(
        person(
            "001088012345",
            "lan@hanoi.gov.vn",
            "0212345678",
            "01/01/1990"
        ),
        RuleId::PhonePrefix
    ));
    assert!(!has(
        person(
            "001088012345",
            "lan@hanoi.gov.vn",
            "+84 912 345 678",
            "01/01/1990"
        ),
        RuleId::PhonePrefix
    ));
    assert!(has(
        person(
            "001088012345",
            "lan@hanoi.gov.vn",
            "0912345678",
            "01/01/2010"
        ),
        RuleId::AgeRange
    ));
    assert!(has(
        person(
            "001088012345",
            "lan@hanoi.gov.vn",
            "0912345678",
            "31/02/1990"
        ),
        RuleId::DateNoSuchDay
    ));
    assert!(has(
        person(
            "001088012345",
            "lan@hanoi.gov.vn",
            "0912345678",
            "1990-13-01x"
        ),
        RuleId::DateFormat
    ));
    let mut future = ok.clone();
    future.id_issue_date = "06/03/2025".into();
    assert!(has(future, RuleId::DateInFuture));
    let mut sim = ok.clone();
    sim.sim_pki = "Viettel/cs".into();
    assert!(!has(sim.clone(), RuleId::SimPki));
    sim.sim_pki = "Vietnamobile".into();
    assert!(has(sim, RuleId::SimPki));
    let mut empty = ok;
    empty.full_name.clear();
    assert!(rules_of(FormKind::F01, empty).contains(&(
        Some("full_name"),
        RuleId::Required,
        Severity::Error
    )));
}

#[test]
fn codes_of_agencies() {
    let row = |mst: &str, mns: &str| Row {
        org_name: "Sở Tài chính".into(),
        address: "Số 1".into(),
        province: "Hà Nội".into(),
        email: "stc@hanoi.gov.vn".into(),
        tax_code: mst.into(),
        budget_code: mns.into(),
        ..Row::default()
    };
    assert_eq!(
        rules_of(FormKind::F02, row("0301519977-029", "1234567")),
        vec![]
    );
    let r = rules_of(FormKind::F02, row("0301519978", "123456"));
    assert!(r.iter().any(|(_, id, _)| *id == RuleId::MstCheckDigit));
    assert!(r.iter().any(|(_, id, _)| *id == RuleId::MnsLength));
    let r = rules_of(FormKind::F02, row("", ""));
    assert!(r.iter().any(|(_, id, _)| *id == RuleId::OneOfRequired));
}

#[test]
fn duplicate_serials_and_the_thirty_day_rule() {
    let at = Instant::parse_rfc3339("2025-03-05T00:00:00Z").unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/certs/");
    let files: Vec<InputFile> = ["person-cccd.pem", "short-left.pem", "expired.pem"]
        .iter()
        .map(|n| InputFile::new(*n, std::fs::read(format!("{dir}{n}")).unwrap()))
        .collect();
    let rep = report::read_certificates(&files, &CertOptions::at(at));
    let mut rows = forms::rows_from_certs(FormKind::F04, &rep.certificates);
    for r in &mut rows {
        r.renew = true;
    }
    // A typed row with the serial of the first (duplicate) and one without a file.
    rows.push(Row {
        cert_name: "X".into(),
        serial: rows[0].serial.to_lowercase(),
        email: "x@hanoi.gov.vn".into(),
        renew: true,
        ..Row::default()
    });
    let mut l = Letter::new(FormKind::F04);
    l.letterhead.date = "05/03/2025".into();
    l.rows = rows;
    let problems = forms::check_letter(&l, d("05/03/2025"));
    let eligibility: Vec<_> = problems
        .iter()
        .filter(|p| p.rule == RuleId::RenewalNotEligible)
        .map(|p| (p.row, p.eligibility.map(|e| e.reason.code())))
        .collect();
    // Each certificate that is not renewable at the letter's date says why.
    for (i, e) in rep.certificates.iter().enumerate() {
        let f = &e.facts;
        let days = at.whole_days_until(f.not_after);
        let expect_problem = days < kyso::rules::renewal::MIN_DAYS_LEFT || at > f.not_after;
        assert_eq!(
            eligibility.iter().any(|(r, _)| *r == Some(i + 1)),
            expect_problem,
            "{} ({days} days)",
            e.file
        );
    }
    let dup = problems
        .iter()
        .find(|p| p.rule == RuleId::DuplicateSerial)
        .unwrap();
    assert_eq!((dup.row, dup.other_row), (Some(4), Some(1)));
    assert!(
        problems
            .iter()
            .any(|p| p.rule == RuleId::RenewalUnchecked && p.row == Some(4))
    );
    assert!(problems.iter().all(|p| !p.rule.source().is_empty()));
}
