//! Tests that run inside headless Chromium (wasm32 only):
//!
//!   cargo test --target wasm32-unknown-unknown --test web
//!
//! with `wasm-bindgen-test-runner` as the runner (.cargo/config.toml) and
//! `CHROMEDRIVER` pointing at chromedriver (scripts/test.sh sets it). They check that
//! the core reads a real certificate when compiled to WebAssembly, and that the Yew
//! components render what the page promises.
#![cfg(target_arch = "wasm32")]
// `#[wasm_bindgen_test]` functions are tests, but clippy's allow-*-in-tests settings do
// not recognise them: a failing test is meant to panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::rc::Rc;

use kyso::input::InputFile;
use kyso::report::{self, CertOptions};
use kyso::time::Instant;
use kyso::web::app::App;
use kyso::web::app::Tab;
use kyso::web::cert_card::{CertCard, CertCardProps, vn_time};
use kyso::web::forms_tab::{FormRow, FormsState};
use kyso::web::verify_signature::{SignaturePanel, SignaturePanelProps};
use kyso::web::{clock, forms_tab, read, trust_folder};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

// In a folder of its own so Cargo does not build it as a second test binary.
#[path = "web/verify_tab.rs"]
mod verify_tab;

#[path = "web/cert_tab.rs"]
mod cert_tab;

const G2_LEAF: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/fixtures/real-certs/leaf-g2-cpcag2-tongcucthue.pem"
));
const G2_CA: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/trust/vgca-g2-cpcag2.pem"
));
const G1_LEAF: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/fixtures/real-certs/leaf-g1-btc-chicucthue-q12.pem"
));

/// 2025-06-01T00:00:00Z: both real leaves are valid then.
fn june_2025() -> Instant {
    Instant::from_civil(2025, 6, 1, 0, 0, 0).unwrap_or(Instant::from_unix(1_748_736_000))
}

fn g2_report() -> report::CertReport {
    let mut opts = CertOptions::at(june_2025());
    opts.extra_certs
        .push(InputFile::new("cpcag2.pem", G2_CA.as_bytes()));
    report::read_certificates(&[InputFile::new("g2.pem", G2_LEAF.as_bytes())], &opts)
}

/// A fresh element in the test page to render into.
fn mount_point() -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    gloo::utils::body().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
fn core_reads_a_real_certificate_in_the_browser() {
    let r = g2_report();
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.certificates.len(), 1);
    let c = &r.certificates[0];
    assert_eq!(c.facts.serial_hex, "75580955FC81D6A7");
    assert_eq!(c.facts.common_name.as_deref(), Some("TỔNG CỤC THUẾ"));
    assert!(c.facts.days_left > 500, "{}", c.facts.days_left);
    assert!(c.renewal.eligible);
    assert_eq!(
        serde_json::to_value(c.chain.status).unwrap(),
        serde_json::json!("trusted")
    );
}

#[wasm_bindgen_test]
fn pem_bundle_text_yields_each_certificate() {
    let text = format!("{G1_LEAF}\n{G2_LEAF}");
    let file = read::pasted(&text, 1, kyso::i18n::Lang::Vi).unwrap();
    let r = report::read_certificates(&[file], &CertOptions::at(june_2025()));
    let serials: Vec<&str> = r
        .certificates
        .iter()
        .map(|c| c.facts.serial_hex.as_str())
        .collect();
    assert_eq!(serials, ["6B6C55", "75580955FC81D6A7"]);
    assert!(read::pasted("   \n", 2, kyso::i18n::Lang::Vi).is_none());
}

#[wasm_bindgen_test]
async fn a_card_shows_what_a_clerk_reads() {
    let entry = Rc::new(g2_report().certificates.remove(0));
    let root = mount_point();
    yew::Renderer::<CertCard>::with_root_and_props(root.clone(), CertCardProps { entry }).render();
    yew::scheduler::flush().await;

    let card = root
        .query_selector("[data-testid=cert-card]")
        .unwrap()
        .expect("a card");
    assert_eq!(
        card.get_attribute("data-serial").as_deref(),
        Some("75580955FC81D6A7")
    );
    assert_eq!(card.get_attribute("data-status").as_deref(), Some("valid"));
    assert_eq!(card.get_attribute("data-chain").as_deref(), Some("trusted"));
    let text = card.text_content().unwrap_or_default();
    for words in [
        "Số hiệu chứng thư",
        "75580955FC81D6A7",
        "Hiệu lực",
        "TỔNG CỤC THUẾ",
        "Đơn vị cấp",
        "CA phục vụ các cơ quan Nhà nước G2",
        "Đủ điều kiện gia hạn",
        "Chuỗi chứng thực",
        "Dấu vân tay SHA-256",
    ] {
        assert!(text.contains(words), "card text lacks {words:?}: {text}");
    }
    let days = root
        .query_selector("[data-testid=days-left]")
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(
        days.starts_with("Còn ") && days.ends_with(" ngày"),
        "{days}"
    );
}

#[wasm_bindgen_test]
async fn the_app_offers_a_file_picker_and_a_paste_box() {
    let root = mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let input = root
        .query_selector("[data-testid=file-input]")
        .unwrap()
        .expect("file input");
    assert_eq!(input.get_attribute("type").as_deref(), Some("file"));
    assert!(input.has_attribute("multiple"));
    assert!(
        root.query_selector("[data-testid=paste-text]")
            .unwrap()
            .is_some()
    );
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Chứng thư số"), "{text}");
    // No result section before any file is given.
    assert!(
        root.query_selector("[data-testid=cert-card]")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
fn times_are_shown_in_viet_nam_time() {
    let t = Instant::from_civil(2026, 11, 16, 8, 9, 0).unwrap();
    assert_eq!(vn_time(t), "16/11/2026 15:09");
    let late = Instant::from_civil(2025, 12, 31, 20, 0, 0).unwrap();
    assert_eq!(vn_time(late), "01/01/2026 03:00");
}

#[wasm_bindgen_test]
fn the_browser_clock_is_read_in_seconds() {
    let now = clock::now();
    // After 2024-01-01 and before 2100-01-01.
    assert!(now.unix() > 1_704_067_200 && now.unix() < 4_102_444_800);
}

#[wasm_bindgen_test]
fn only_pem_text_counts_as_a_trust_bundle() {
    assert!(trust_folder::looks_like_pem(G2_CA));
    assert!(trust_folder::looks_like_pem(&format!(
        "CA của đơn vị\n{G2_CA}"
    )));
    // A server's "not found" page answered with 200 is not a bundle.
    assert!(!trust_folder::looks_like_pem(
        "<!doctype html><html><body>-----BEGIN CERTIFICATE-----</body></html>"
    ));
    assert!(!trust_folder::looks_like_pem(""));
}

const SHADOW_SIGNED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpora/shadow-attacks/replace/variant-1_replace-via-overlay/3_original-document-shadowed-signed.pdf"
));
const SHADOW_MANIPULATED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpora/shadow-attacks/replace/variant-1_replace-via-overlay/4_original-document-shadowed-signed-manipulated.pdf"
));

#[wasm_bindgen_test]
fn tabs_follow_the_url_hash() {
    assert_eq!(Tab::from_hash("#kiem-tra"), Tab::Verify);
    assert_eq!(Tab::from_hash("lap-van-ban"), Tab::Forms);
    assert_eq!(Tab::from_hash("#chung-thu"), Tab::Certificates);
    assert_eq!(Tab::from_hash(""), Tab::Certificates);
    assert_eq!(Tab::from_hash("#khac"), Tab::Certificates);
}

#[wasm_bindgen_test]
async fn a_form_row_carries_its_problem_count() {
    use kyso::forms::{FormKind, Letter, Row};
    let row = Row {
        cert_name: "Nguyễn Văn Thử".into(),
        serial: "XYZ".into(),
        email: "thu@gmail.com".into(),
        ..Row::default()
    };
    let mut letter = Letter::new(FormKind::F04);
    letter.rows.push(row.clone());
    let problems = kyso::forms::check_letter(&letter, forms_tab::today());
    let counts = kyso::forms::check::count_per_row(&problems, 1);
    assert!(counts[0] >= 2, "{problems:?}");

    // A row needs a table around it to be parsed as a <tr>.
    let document = gloo::utils::document();
    let table = document.create_element("table").unwrap();
    gloo::utils::body().append_child(&table).unwrap();
    let tbody = document.create_element("tbody").unwrap();
    table.append_child(&tbody).unwrap();
    #[yew::component]
    fn Host() -> yew::Html {
        let state = yew::use_reducer(FormsState::default);
        let row = kyso::forms::Row {
            cert_name: "Nguyễn Văn Thử".into(),
            serial: "XYZ".into(),
            ..kyso::forms::Row::default()
        };
        yew::html! {
            <FormRow index={0} last={true} kind={kyso::forms::FormKind::F04} {row}
                problems={3} dispatch={state.dispatcher()}
                messages={Rc::new(vec!["Số hiệu: sai".to_owned()])} />
        }
    }
    yew::Renderer::<Host>::with_root(tbody.clone()).render();
    yew::scheduler::flush().await;
    let tr = tbody
        .query_selector("[data-testid=form-row]")
        .unwrap()
        .expect("a row");
    assert_eq!(tr.get_attribute("data-problems").as_deref(), Some("3"));
    let name = tr
        .query_selector("input[data-field=cert_name]")
        .unwrap()
        .expect("name input")
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap();
    assert_eq!(name.value(), "Nguyễn Văn Thử");
    assert!(tr.text_content().unwrap_or_default().contains("3 lỗi"));
}

#[wasm_bindgen_test]
async fn a_signature_panel_shows_the_verdict_in_words() {
    use kyso::verify::{self, VerifyOptions};
    for (bytes, modified) in [(SHADOW_SIGNED, "false"), (SHADOW_MANIPULATED, "true")] {
        let mut opts = VerifyOptions::at(june_2025());
        opts.file_name = "x.pdf".into();
        let report = Rc::new(verify::verify_pdf(bytes, &opts));
        assert!(!report.signatures.is_empty());
        let root = mount_point();
        yew::Renderer::<SignaturePanel>::with_root_and_props(
            root.clone(),
            SignaturePanelProps {
                report: Rc::clone(&report),
                index: 0,
                file: None,
                signed_end: None,
            },
        )
        .render();
        yew::scheduler::flush().await;
        let panel = root
            .query_selector("[data-testid=signature-result]")
            .unwrap()
            .expect("a panel");
        let indication = panel.get_attribute("data-indication").unwrap_or_default();
        assert!(
            ["TOTAL_PASSED", "TOTAL_FAILED", "INDETERMINATE"].contains(&indication.as_str()),
            "{indication}"
        );
        assert_eq!(
            panel.get_attribute("data-modified").as_deref(),
            Some(modified)
        );
        if modified == "true" {
            assert_ne!(indication, "TOTAL_PASSED");
        }
        let text = panel.text_content().unwrap_or_default();
        for words in [
            "Người ký",
            "Thời điểm ký",
            "Chuỗi chứng thực",
            "Thu hồi",
            "Phạm vi được ký",
            "Thay đổi sau khi ký",
        ] {
            assert!(text.contains(words), "panel lacks {words:?}: {text}");
        }
    }
}
