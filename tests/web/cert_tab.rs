//! The certificate tab's reducer (pure: the validation time comes in the action) and
//! its components drawn from plain props.

use std::rc::Rc;

use kyso::input::InputFile;
use kyso::time::Instant;
use kyso::trust::folder::CrlEntry;
use kyso::web::cert_errors::{FileErrors, FileErrorsProps};
use kyso::web::cert_state::{Action, Session, matches_filter};
use kyso::web::cert_toolbar::{CertToolbar, CertToolbarProps};
use kyso::web::dropzone::Loaded;
use kyso::web::read::{ReadProblem, ReadReason};
use kyso::web::trust_folder::FolderCrl;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::Reducible;

use super::{G2_LEAF, june_2025, mount_point};

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/certs/",
            $name
        ))
        .as_slice()
    };
}

/// The test PKI's check time (tests/fixtures/certs/README.md).
fn check_time() -> Instant {
    Instant::parse_rfc3339("2026-11-21T00:00:00Z").unwrap()
}

fn add(s: Rc<Session>, files: Vec<InputFile>, at: Instant) -> Rc<Session> {
    s.reduce(Action::Add {
        loaded: Loaded {
            files,
            problems: Vec::new(),
        },
        at,
    })
}

fn folder_crl(file: &str, bytes: &[u8]) -> FolderCrl {
    FolderCrl {
        entry: CrlEntry {
            file: file.into(),
            issuer: "C=VN, CN=Test CA".into(),
            key_id: None,
            this_update: "2026-01-01T00:00:00Z".into(),
            next_update: Some("2027-06-01T00:00:00Z".into()),
            number: None,
            sha256: "AB".repeat(32),
            url: None,
        },
        file: Ok(InputFile::new(format!("trust/{file}"), bytes)),
    }
}

#[wasm_bindgen_test]
fn the_report_is_made_at_the_time_the_action_brings() {
    let empty = Rc::new(Session::default());
    assert!(empty.report.is_none());
    let leaf = || InputFile::new("g2.pem", G2_LEAF.as_bytes());
    let s = add(Rc::clone(&empty), vec![leaf()], june_2025());
    let report = s.report.as_ref().unwrap();
    assert_eq!(report.at, june_2025());
    let days_then = s.cards[0].facts.days_left;

    // The same file again, a year later: listed once, validated at the new time.
    let later = june_2025().checked_add_secs(365 * 86_400).unwrap();
    let again = add(Rc::clone(&s), vec![leaf()], later);
    assert_eq!(again.files().len(), 1);
    assert_eq!(again.cards.len(), 1);
    assert_eq!(again.report.as_ref().unwrap().at, later);
    assert_eq!(again.cards[0].facts.days_left, days_then - 365);
    // The reducer made a new state and left the old one as it was.
    assert_eq!(s.report.as_ref().unwrap().at, june_2025());
    assert!(!Rc::ptr_eq(&s.cards[0], &again.cards[0]));
}

#[wasm_bindgen_test]
fn deployer_cas_and_folder_crls_count_for_certificates_given_before() {
    let at = check_time();
    let s = add(
        Rc::new(Session::default()),
        vec![InputFile::new("revoked.pem", fixture!("revoked.pem"))],
        at,
    );
    assert_eq!(s.cards[0].chain.path.len(), 1, "its CA is nowhere yet");
    assert!(s.cards[0].chain.missing_issuer.is_some());

    let s = s.reduce(Action::Bundle {
        ca: InputFile::new("trust/ca.pem", fixture!("ca.pem")),
        at,
    });
    assert_eq!(s.bundle().len(), 1);
    assert_eq!(s.cards[0].chain.path.len(), 2, "the deployer's CA is used");
    assert_eq!(s.report.as_ref().unwrap().crl_count, 0);

    let crl = folder_crl("crl/ca.crl", fixture!("ca.crl"));
    let s = s.reduce(Action::FolderCrls {
        crls: vec![crl.clone()],
        at,
    });
    let s = s.reduce(Action::FolderCrls {
        crls: vec![crl],
        at,
    });
    assert_eq!(s.folder_crls.len(), 1, "each folder CRL once");
    assert_eq!(s.report.as_ref().unwrap().crl_count, 1);

    // "Xóa danh sách": the list goes, the deployer's CAs stay for the next files.
    let cleared = s.reduce(Action::Clear);
    assert!(cleared.report.is_none());
    assert!(cleared.cards.is_empty() && cleared.files().is_empty());
    assert!(cleared.folder_crls.is_empty() && cleared.problems.is_empty());
    assert_eq!(cleared.bundle().len(), 1);
    let next = add(
        cleared,
        vec![InputFile::new("person.pem", fixture!("person-cccd.pem"))],
        at,
    );
    assert_eq!(next.cards[0].chain.path.len(), 2);
}

#[wasm_bindgen_test]
fn unreadable_files_alone_make_a_report() {
    let s = Rc::new(Session::default()).reduce(Action::Add {
        loaded: Loaded {
            files: vec![InputFile::new("garbage.bin", fixture!("garbage.bin"))],
            problems: vec![ReadProblem {
                file: "big.cer".into(),
                reason: ReadReason::TooLarge { bytes: 1 << 30 },
            }],
        },
        at: check_time(),
    });
    let report = s.report.as_ref().expect("a report that lists the errors");
    assert!(s.cards.is_empty());
    assert_eq!(report.errors.len(), 1);
    assert_eq!(s.problems.len(), 1);
}

#[wasm_bindgen_test]
fn the_filter_looks_at_serial_file_email_and_identifiers() {
    let s = add(
        Rc::new(Session::default()),
        vec![
            InputFile::new("Nguoi.pem", fixture!("person-cccd.pem")),
            InputFile::new("g2.pem", G2_LEAF.as_bytes()),
        ],
        check_time(),
    );
    let [person, g2] = [&s.cards[0], &s.cards[1]];
    let serial = g2.facts.serial_hex.to_lowercase();
    assert!(matches_filter(g2, &serial));
    assert!(!matches_filter(person, &serial));
    assert!(matches_filter(person, "nguoi.pem"), "file names, any case");
    let email = person.facts.emails[0].to_lowercase();
    assert!(matches_filter(person, &email));
    let id = person.facts.identifiers[0].value.to_lowercase();
    assert!(matches_filter(person, &id));
    assert!(!matches_filter(person, "không có ở đâu"));
}

#[wasm_bindgen_test]
async fn the_toolbar_and_the_error_list_draw_from_plain_props() {
    let s = Rc::new(Session::default()).reduce(Action::Add {
        loaded: Loaded {
            files: vec![
                InputFile::new("g2.pem", G2_LEAF.as_bytes()),
                InputFile::new("doc.pdf", b"%PDF-1.7\n".as_slice()),
            ],
            problems: vec![ReadProblem {
                file: "big.cer".into(),
                reason: ReadReason::TooLarge { bytes: 1 << 30 },
            }],
        },
        at: june_2025(),
    });
    let report = Rc::clone(s.report.as_ref().unwrap());

    let root = mount_point();
    yew::Renderer::<CertToolbar>::with_root_and_props(
        root.clone(),
        CertToolbarProps {
            report: Rc::clone(&report),
            read_problems: s.problems.len(),
            filter: "".into(),
            on_filter: yew::Callback::noop(),
            on_export: yew::Callback::noop(),
            on_clear: yew::Callback::noop(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let summary = root
        .query_selector("[data-testid=summary]")
        .unwrap()
        .expect("a summary");
    assert_eq!(summary.get_attribute("data-total").as_deref(), Some("1"));
    let text = summary.text_content().unwrap_or_default();
    assert!(text.contains("2 lỗi"), "{text}");
    assert!(text.contains("01/06/2025 07:00"), "{text}");
    assert!(
        root.query_selector("[data-testid=filter]")
            .unwrap()
            .is_none(),
        "no filter for one certificate"
    );

    let root = mount_point();
    yew::Renderer::<FileErrors>::with_root_and_props(
        root.clone(),
        FileErrorsProps {
            report,
            problems: s.problems.clone(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let items = root.query_selector_all("[data-testid=file-error]").unwrap();
    assert_eq!(items.length(), 2);
    let pdf = root
        .query_selector("[data-file='doc.pdf']")
        .unwrap()
        .expect("the PDF's line");
    assert_eq!(
        pdf.get_attribute("data-code").as_deref(),
        Some("looks_like_pdf")
    );
    assert!(
        pdf.query_selector("a[href='#kiem-tra']").unwrap().is_some(),
        "a PDF is sent to the verify tab"
    );
}
