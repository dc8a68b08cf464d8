//! The verify tab's state, queue and evidence (plain logic, run here because the
//! page's modules build for wasm32 only), and a document panel drawn from plain props.

use std::cell::Cell;
use std::rc::Rc;

use kyso::input::InputFile;
use kyso::verify::{self, VerifyOptions};
use kyso::web::verify_doc::{DocPanel, DocPanelProps};
use kyso::web::verify_job::{Evidence, Queue};
use kyso::web::verify_state::{Action, DocEntry, Stage, Timing, VerifyState};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::Reducible;

use super::{june_2025, mount_point};

/// A browser file of `len` bytes.
fn file(name: &str, len: usize) -> web_sys::File {
    let bytes = js_sys::Uint8Array::from(vec![b'%'; len].as_slice());
    let parts = js_sys::Array::of1(&bytes);
    web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap()
}

fn with_docs(names: &[&str]) -> Rc<VerifyState> {
    let docs = names
        .iter()
        .enumerate()
        .map(|(i, n)| DocEntry::waiting(i + 1, file(n, 10)))
        .collect();
    Rc::new(VerifyState::default()).reduce(Action::Added(docs))
}

fn ids(s: &VerifyState) -> Vec<usize> {
    s.docs.iter().map(|d| d.id).collect()
}

#[wasm_bindgen_test]
fn documents_keep_the_drop_order_and_only_the_changed_entry_is_replaced() {
    let s = with_docs(&["a.pdf", "b.pdf", "c.pdf"]);
    assert_eq!(ids(&s), [1, 2, 3]);
    assert_eq!(s.docs[1].name, "b.pdf");
    // The size is not asked at the drop (a synchronous call per file in Chromium),
    // only when the document's turn comes.
    assert_eq!(s.docs[1].size, None);
    let sized = Rc::clone(&s).reduce(Action::Sized(2, 10.0));
    assert_eq!(sized.docs[1].size, Some(10.0));
    assert!(Rc::ptr_eq(&s.docs[0], &sized.docs[0]));
    assert!(s.docs.iter().all(|d| d.stage == Stage::Waiting));

    let next = Rc::clone(&s).reduce(Action::Stage(2, Stage::Reading(0.5)));
    assert_eq!(ids(&next), [1, 2, 3]);
    assert_eq!(next.docs[1].stage, Stage::Reading(0.5));
    // Panels redraw by pointer: the others are the very same entries.
    assert!(Rc::ptr_eq(&s.docs[0], &next.docs[0]));
    assert!(Rc::ptr_eq(&s.docs[2], &next.docs[2]));
    assert!(!Rc::ptr_eq(&s.docs[1], &next.docs[1]));
    assert_eq!(
        s.docs[1].stage,
        Stage::Waiting,
        "the old state is untouched"
    );

    // A document removed while it was verified: its late news changes nothing.
    let gone = Rc::clone(&next).reduce(Action::Remove(2));
    assert_eq!(ids(&gone), [1, 3]);
    let late = Rc::clone(&gone).reduce(Action::Stage(2, Stage::Hashing(0.9)));
    assert_eq!(ids(&late), [1, 3]);
    assert!(late.docs.iter().all(|d| d.stage == Stage::Waiting));
}

#[wasm_bindgen_test]
fn a_finished_document_carries_its_report_and_timing() {
    let s = with_docs(&["a.pdf", "b.pdf"]);
    let mut opts = VerifyOptions::at(june_2025());
    opts.file_name = "b.pdf".into();
    let report = Rc::new(verify::verify_pdf(b"not a pdf", &opts));
    let timing = Timing {
        total_ms: 12.5,
        ..Timing::default()
    };
    let done = s.reduce(Action::Done {
        id: 2,
        report: Rc::clone(&report),
        signed_ends: vec![Some(100)],
        timing,
        folder_crls: Vec::new(),
    });
    let b = &done.docs[1];
    assert_eq!(b.stage, Stage::Done);
    assert_eq!(b.stage.code(), "done");
    assert!(Rc::ptr_eq(b.report.as_ref().unwrap(), &report));
    assert_eq!(b.signed_ends, [Some(100)]);
    assert_eq!(b.timing.total_ms, 12.5);
    assert!(done.docs[0].report.is_none());
}

#[wasm_bindgen_test]
fn evidence_names_are_listed_once_and_clear_keeps_the_trust_setting() {
    let s = Rc::new(VerifyState::default()).reduce(Action::Extras {
        names: vec!["a.crl".into(), "b.pem".into()],
        problems: Vec::new(),
    });
    let s = s.reduce(Action::Extras {
        names: vec!["a.crl".into(), "c.cer".into()],
        problems: vec![kyso::web::read::ReadProblem {
            file: "big.crl".into(),
            reason: kyso::web::read::ReadReason::Unreadable,
        }],
    });
    assert_eq!(s.extras, ["a.crl", "b.pem", "c.cer"]);
    assert_eq!(s.extra_problems.len(), 1);
    let s = s.reduce(Action::TrustUser(true));
    let s = s.reduce(Action::Added(vec![DocEntry::waiting(1, file("a.pdf", 1))]));
    let cleared = s.reduce(Action::Clear);
    assert!(cleared.docs.is_empty());
    assert!(cleared.extras.is_empty());
    assert!(cleared.extra_problems.is_empty());
    assert!(
        cleared.trust_user,
        "the trust setting is not part of the list"
    );
}

#[wasm_bindgen_test]
fn the_queue_takes_documents_in_order_and_requeues_each_once() {
    let mut q = Queue::default();
    assert_eq!([q.add("a"), q.add("b"), q.add("c")], [1, 2, 3]);
    assert_eq!(q.take_next(), Some((1, "a")));
    // New evidence while 1 was being verified: 1 goes again, after 2 and 3, which
    // are already waiting and are not queued twice.
    assert_eq!(q.requeue_all(), [1]);
    assert_eq!(q.requeue_all(), Vec::<usize>::new());
    assert_eq!(q.take_next(), Some((2, "b")));
    q.remove(3);
    assert_eq!(
        q.take_next(),
        Some((1, "a")),
        "a removed document gets no turn"
    );
    assert_eq!(q.take_next(), None);
    assert_eq!(q.requeue_all(), [1, 2]);
    assert_eq!(q.add("d"), 4, "ids are never reused");
    q.clear();
    assert_eq!(q.take_next(), None);
    assert_eq!(q.requeue_all(), Vec::<usize>::new());
}

#[wasm_bindgen_test]
fn evidence_goes_to_crls_intermediates_or_anchors() {
    let names = |files: &[InputFile]| files.iter().map(|f| f.name.clone()).collect::<Vec<_>>();
    let mut e = Evidence {
        bundle: vec![InputFile::new("bundle.pem", "x")],
        dropped: vec![
            InputFile::new("list.CRL", "x"),
            InputFile::new("agency.cer", "x"),
        ],
        trust_user: false,
    };
    let mut opts = VerifyOptions::at(june_2025());
    e.apply(&mut opts);
    assert_eq!(names(&opts.extra_certs), ["bundle.pem", "agency.cer"]);
    assert_eq!(names(&opts.crls), ["list.CRL"]);
    assert!(
        opts.anchors.is_empty(),
        "no dropped root is trusted unasked"
    );

    e.trust_user = true;
    let mut opts = VerifyOptions::at(june_2025());
    e.apply(&mut opts);
    assert_eq!(names(&opts.extra_certs), ["bundle.pem"]);
    assert_eq!(names(&opts.anchors), ["agency.cer"]);
    assert_eq!(names(&opts.crls), ["list.CRL"]);
}

#[wasm_bindgen_test]
async fn a_waiting_document_panel_shows_progress_and_asks_to_be_removed() {
    let removed = Rc::new(Cell::new(None));
    let root = mount_point();
    yew::Renderer::<DocPanel>::with_root_and_props(
        root.clone(),
        DocPanelProps {
            doc: Rc::new(DocEntry::waiting(7, file("hồ sơ.pdf", 2048))),
            on_remove: {
                let removed = Rc::clone(&removed);
                yew::Callback::from(move |id| removed.set(Some(id)))
            },
        },
    )
    .render();
    yew::scheduler::flush().await;
    let panel = root
        .query_selector("[data-testid=document-result]")
        .unwrap()
        .expect("a panel");
    assert_eq!(
        panel.get_attribute("data-file").as_deref(),
        Some("hồ sơ.pdf")
    );
    assert_eq!(
        panel.get_attribute("data-state").as_deref(),
        Some("waiting")
    );
    assert!(
        root.query_selector("[data-testid=verify-progress]")
            .unwrap()
            .is_some()
    );
    assert!(
        root.query_selector("[data-testid=signature-result]")
            .unwrap()
            .is_none()
    );
    let remove = root
        .query_selector("button.subtle")
        .unwrap()
        .expect("a remove button")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    remove.click();
    assert_eq!(removed.get(), Some(7));
}
