//! ByteRange and /Contents attacks on a real signed file (the shadow corpus' stage-3
//! file, signed by an independent tool): universal signature forgery and signature
//! wrapping must come out `Unclear` with the precise reason. Every edit keeps the file
//! length, so all other offsets stay valid.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use kyso::pdf::{self, CoverageGrade, CoverageProblem};

fn signed_file() -> Vec<u8> {
    common::read(&common::shared(
        "corpora/shadow-attacks/hide-and-replace/variant-1_change_object_references/3_original-document-shadowed-signed.pdf",
    ))
}

/// `[start, end)` of the signature's `/ByteRange [...]` array text (brackets included).
fn byte_range_text(bytes: &[u8], br: &[i64]) -> (usize, usize) {
    let mut from = 0;
    while let Some(p) = find(bytes, b"/ByteRange", from) {
        let open = p + bytes[p..].iter().position(|&c| c == b'[').unwrap();
        let close = open + bytes[open..].iter().position(|&c| c == b']').unwrap() + 1;
        let nums: Vec<i64> = std::str::from_utf8(&bytes[open + 1..close - 1])
            .unwrap()
            .split_ascii_whitespace()
            .map(|t| t.parse().unwrap())
            .collect();
        if nums == br {
            return (open, close);
        }
        from = p + 1;
    }
    panic!("ByteRange text not found")
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Replaces `[start, end)` with `text` padded by spaces to the same length.
fn splice(bytes: &[u8], (start, end): (usize, usize), text: &str) -> Vec<u8> {
    assert!(
        text.len() <= end - start,
        "{text} does not fit in {}",
        end - start
    );
    let mut out = bytes.to_vec();
    let mut t = text.as_bytes().to_vec();
    t.resize(end - start, b' ');
    out[start..end].copy_from_slice(&t);
    out
}

fn coverage_of(bytes: &[u8]) -> pdf::Coverage {
    let doc = pdf::open(bytes).unwrap();
    assert_eq!(doc.signatures().len(), 1);
    doc.coverage(&doc.signatures()[0])
}

struct Setup {
    bytes: Vec<u8>,
    br: Vec<i64>,
    br_text: (usize, usize),
    contents: (usize, usize),
}

fn setup() -> Setup {
    let bytes = signed_file();
    let doc = pdf::open(&bytes).unwrap();
    let sig = &doc.signatures()[0];
    let br = sig.byte_range.clone().unwrap();
    let cov = doc.coverage(sig);
    assert_eq!(cov.grade, CoverageGrade::EntireFile, "baseline");
    assert_eq!(
        doc.byte_ranges(sig),
        Some([(0, br[1] as usize), (br[2] as usize, bytes.len())])
    );
    Setup {
        br_text: byte_range_text(&bytes, &br),
        contents: sig.contents_span.unwrap(),
        br,
        bytes,
    }
}

fn expect(bytes: &[u8], problem: CoverageProblem) {
    let c = coverage_of(bytes);
    assert_eq!(c.grade, CoverageGrade::Unclear, "{problem:?}");
    assert_eq!(c.problem, Some(problem));
    assert_eq!(pdf::signed_revision_bytes(bytes, &c), None);
}

#[test]
fn byte_range_null_or_missing() {
    let s = setup();
    expect(
        &splice(&s.bytes, s.br_text, "null"),
        CoverageProblem::ByteRangeMissing,
    );
    // Rename the key itself: /ByteRange → /ByteRangX.
    let key = s.br_text.0 - 11;
    let mut b = s.bytes.clone();
    assert_eq!(&b[key..key + 10], b"/ByteRange");
    b[key + 9] = b'X';
    expect(&b, CoverageProblem::ByteRangeMissing);
}

#[test]
fn byte_range_with_three_or_five_entries() {
    let s = setup();
    let [z, a, b, _] = s.br[..] else { panic!() };
    expect(
        &splice(&s.bytes, s.br_text, &format!("[{z} {a} {b}]")),
        CoverageProblem::ByteRangeWrongLength,
    );
    expect(
        &splice(&s.bytes, s.br_text, &format!("[{z} {a} {b} 1 1]")),
        CoverageProblem::ByteRangeWrongLength,
    );
}

#[test]
fn byte_range_gap_shifted_by_one() {
    let s = setup();
    let [z, a, b, c] = s.br[..] else { panic!() };
    expect(
        &splice(
            &s.bytes,
            s.br_text,
            &format!("[{z} {} {} {}]", a + 1, b + 1, c - 1),
        ),
        CoverageProblem::GapNotContents,
    );
    expect(
        &splice(
            &s.bytes,
            s.br_text,
            &format!("[{z} {} {} {}]", a - 1, b - 1, c + 1),
        ),
        CoverageProblem::GapNotContents,
    );
}

#[test]
fn byte_range_gap_pointing_at_another_string() {
    let s = setup();
    // Another hex string in the signed part: the first /ID entry.
    let id = find(&s.bytes, b"/ID", 0).unwrap();
    let start = id + s.bytes[id..].iter().position(|&c| c == b'<').unwrap();
    let start = start
        + 1
        + s.bytes[start + 1..]
            .iter()
            .position(|&c| c == b'<')
            .unwrap();
    let end = start + s.bytes[start..].iter().position(|&c| c == b'>').unwrap() + 1;
    assert!(end <= s.contents.0 || start >= s.contents.1);
    let len = s.bytes.len();
    let text = format!("[0 {start} {end} {}]", len - end);
    expect(
        &splice(&s.bytes, s.br_text, &text),
        CoverageProblem::GapNotContents,
    );
}

#[test]
fn byte_range_extended_past_the_end() {
    let s = setup();
    let [z, a, b, c] = s.br[..] else { panic!() };
    expect(
        &splice(&s.bytes, s.br_text, &format!("[{z} {a} {b} {}]", c + 1)),
        CoverageProblem::ByteRangeBeyondFile,
    );
}

#[test]
fn byte_range_negative_real_and_not_from_zero() {
    let s = setup();
    let [z, a, b, c] = s.br[..] else { panic!() };
    // Edits that keep the array's length: the text has single spaces only.
    expect(
        &splice(&s.bytes, s.br_text, &format!("[{z} {a} -{} {c}]", b / 10)),
        CoverageProblem::ByteRangeNegative,
    );
    expect(
        &splice(&s.bytes, s.br_text, &format!("[{z} {a} {b} {}.]", c / 10)),
        CoverageProblem::ByteRangeNotIntegers,
    );
    expect(
        &splice(&s.bytes, s.br_text, &format!("[1 {a} {b} {c}]")),
        CoverageProblem::ByteRangeNotFromStart,
    );
    expect(
        &splice(&s.bytes, s.br_text, &format!("[{z} {b} {a} {c}]")),
        CoverageProblem::ByteRangeOverlap,
    );
}

#[test]
fn contents_empty_or_zeroed() {
    let s = setup();
    let (a, b) = s.contents;
    // Same span, no hex digits: decodes to nothing.
    let inner = " ".repeat(b - a - 2);
    expect(
        &splice(&s.bytes, s.contents, &format!("<{inner}>")),
        CoverageProblem::ContentsEmpty,
    );
    let zeros = "0".repeat(b - a - 2);
    expect(
        &splice(&s.bytes, s.contents, &format!("<{zeros}>")),
        CoverageProblem::ContentsZeroed,
    );
    // A literal string in place of the hex string.
    let inner = "x".repeat(b - a - 2);
    expect(
        &splice(&s.bytes, s.contents, &format!("({inner})")),
        CoverageProblem::ContentsNotHex,
    );
}

#[test]
fn truncated_after_the_signed_revision_is_not_entire_file() {
    let s = setup();
    // Appending an update keeps the signature's coverage at its revision.
    let mut b = s.bytes.clone();
    b.extend_from_slice(b"\n% nothing\n");
    let c = coverage_of(&b);
    assert_eq!(c.grade, CoverageGrade::EntireRevision);
    assert_eq!(pdf::signed_revision_bytes(&b, &c), Some(&s.bytes[..]));
}
