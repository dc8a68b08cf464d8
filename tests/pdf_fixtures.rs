//! Structure fixtures written by pypdf and qpdf (tests/fixtures/pdf/make.py): the
//! reader must find the same revisions, boundaries and pages those tools wrote.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use kyso::pdf::{self, XrefKind};

fn read(name: &str) -> Vec<u8> {
    common::read(&common::fixture("pdf").join(name))
}

/// Just after each `%%EOF` and its end-of-line, as the tools wrote them.
fn eof_ends(b: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    for i in 0..b.len().saturating_sub(4) {
        if &b[i..i + 5] == b"%%EOF" {
            let mut e = i + 5;
            if b.get(e) == Some(&b'\r') {
                e += 1;
            }
            if b.get(e) == Some(&b'\n') {
                e += 1;
            }
            out.push(e);
        }
    }
    out
}

fn check(name: &str, kinds: &[XrefKind]) -> pdf::Document {
    let bytes = read(name);
    let doc = pdf::open(&bytes).unwrap_or_else(|e| panic!("{name}: {}", e.code()));
    let got: Vec<XrefKind> = doc.revisions().iter().map(|r| r.xref).collect();
    assert_eq!(got, kinds, "{name}");
    assert!(!doc.is_reconstructed(), "{name}");
    assert_eq!(doc.page_count(), Some(2), "{name}");
    assert!(doc.signatures().is_empty());
    assert!(!doc.is_encrypted());
    assert!(doc.warnings().is_empty(), "{name}: {:?}", doc.warnings());
    doc
}

#[test]
fn pypdf_base() {
    let doc = check("base.pdf", &[XrefKind::Table]);
    assert_eq!(doc.revisions()[0].end, read("base.pdf").len());
}

#[test]
fn qpdf_object_streams() {
    check("objstm.pdf", &[XrefKind::Stream]);
}

#[test]
fn qpdf_linearized_is_one_revision() {
    // Two %%EOF markers, but the first-page trailer (`startxref 0`) is not a revision.
    let bytes = read("linearized.pdf");
    assert_eq!(eof_ends(&bytes).len(), 2);
    let doc = check("linearized.pdf", &[XrefKind::Table]);
    assert_eq!(doc.revisions()[0].end, bytes.len());
}

#[test]
fn pypdf_incremental_updates() {
    for (name, n) in [("incremental.pdf", 2), ("incremental-twice.pdf", 3)] {
        let bytes = read(name);
        let mut kinds = vec![XrefKind::Stream; n];
        kinds[0] = XrefKind::Table; // pypdf writes its updates with xref streams
        let doc = check(name, &kinds);
        let ends: Vec<usize> = doc.revisions().iter().map(|r| r.end).collect();
        assert_eq!(ends, eof_ends(&bytes), "{name}");
        // The first revision is base.pdf byte for byte.
        assert_eq!(&bytes[..ends[0]], &read("base.pdf")[..], "{name}");
    }
}

#[test]
fn pypdf_incremental_update_on_an_xref_stream() {
    let bytes = read("incremental-objstm.pdf");
    let doc = pdf::open(&bytes).unwrap();
    assert_eq!(doc.revisions().len(), 2);
    assert_eq!(doc.revisions()[0].xref, XrefKind::Stream);
    assert_eq!(doc.revisions()[0].end, read("objstm.pdf").len());
    assert_eq!(doc.page_count(), Some(2));
    assert!(!doc.is_reconstructed());
}
