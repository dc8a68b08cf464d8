//! Whole-document tests on tiny PDFs written byte by byte here, so that every offset
//! is known and every broken shape can be produced on purpose.

use std::collections::BTreeMap;
use std::time::Instant as Clock;

use super::filter::tests::zlib;
use super::*;

/// A minimal PDF writer for tests: objects, classic or stream xref sections,
/// object streams, incremental updates and signature placeholders.
pub(crate) struct Pdf {
    pub buf: Vec<u8>,
    pending: BTreeMap<u32, Entry>,
    last_xref: Option<usize>,
    size: u32,
    /// (placeholder offset, contents span) of signatures waiting for their ByteRange.
    sig_patches: Vec<(usize, usize, usize)>,
}

#[derive(Clone, Copy)]
enum Entry {
    Offset(usize),
    Compressed(u32, u32),
}

/// A hang guard, not a speed test: what these tests catch is a loop or a quadratic
/// blow-up on a hostile file, which takes minutes or forever. Speed is measured by the
/// benchmarks (`benches/`, `scripts/bench.sh`); a wall-clock limit tight enough to
/// measure speed fails on a busy shared machine and proves nothing.
pub(crate) const HANG_GUARD: std::time::Duration = std::time::Duration::from_secs(60);

const BR_PLACEHOLDER: &str = "[0 0000000000 0000000000 0000000000]";

impl Pdf {
    pub fn new() -> Self {
        Pdf {
            buf: b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec(),
            pending: BTreeMap::new(),
            last_xref: None,
            size: 1,
            sig_patches: Vec::new(),
        }
    }

    fn note(&mut self, num: u32, e: Entry) {
        self.pending.insert(num, e);
        self.size = self.size.max(num + 1);
    }

    pub fn obj(&mut self, num: u32, body: &str) -> &mut Self {
        self.obj_bytes(num, body.as_bytes())
    }

    pub fn obj_bytes(&mut self, num: u32, body: &[u8]) -> &mut Self {
        let at = self.buf.len();
        self.note(num, Entry::Offset(at));
        self.buf
            .extend_from_slice(format!("{num} 0 obj\n").as_bytes());
        self.buf.extend_from_slice(body);
        self.buf.extend_from_slice(b"\nendobj\n");
        self
    }

    pub fn stream(&mut self, num: u32, dict: &str, data: &[u8]) -> &mut Self {
        let mut body = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
        body.extend_from_slice(data);
        body.extend_from_slice(b"\nendstream");
        self.obj_bytes(num, &body)
    }

    /// A signature dictionary whose ByteRange is filled in when the revision ends.
    pub fn sig(&mut self, num: u32, extra: &str, contents_len: usize) -> &mut Self {
        self.sig_typed(num, "Sig", extra, contents_len)
    }

    pub fn sig_typed(&mut self, num: u32, ty: &str, extra: &str, contents_len: usize) -> &mut Self {
        let at = self.buf.len();
        self.note(num, Entry::Offset(at));
        let head = format!(
            "{num} 0 obj\n<< /Type /{ty} /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached {extra} /M (D:20240131120000+07'00') /ByteRange "
        );
        let br_at = at + head.len();
        self.buf.extend_from_slice(head.as_bytes());
        self.buf.extend_from_slice(BR_PLACEHOLDER.as_bytes());
        self.buf.extend_from_slice(b" /Contents ");
        let c_start = self.buf.len();
        self.buf.push(b'<');
        // A recognisable non-zero value: "30 82 …" then zero padding.
        let mut hex = String::from("3082");
        while hex.len() < contents_len * 2 {
            hex.push('0');
        }
        self.buf.extend_from_slice(hex.as_bytes());
        self.buf.push(b'>');
        let c_end = self.buf.len();
        self.buf.extend_from_slice(b" >>\nendobj\n");
        self.sig_patches.push((br_at, c_start, c_end));
        self
    }

    /// An object stream holding `objs`.
    pub fn objstm(&mut self, num: u32, objs: &[(u32, &str)]) -> &mut Self {
        let mut header = String::new();
        let mut body = String::new();
        for (i, (n, text)) in objs.iter().enumerate() {
            header.push_str(&format!("{n} {} ", body.len()));
            body.push_str(text);
            body.push('\n');
            self.note(*n, Entry::Compressed(num, i as u32));
        }
        let data = zlib(format!("{header}{body}").as_bytes());
        let dict = format!(
            "/Type /ObjStm /N {} /First {} /Filter /FlateDecode",
            objs.len(),
            header.len()
        );
        self.stream(num, &dict, &data)
    }

    fn entries(&mut self) -> BTreeMap<u32, Entry> {
        std::mem::take(&mut self.pending)
    }

    /// Ends a revision with a classic xref table.
    pub fn table(&mut self, trailer: &str) -> &mut Self {
        let entries = self.entries();
        let at = self.buf.len();
        let mut t = String::from("xref\n");
        if self.last_xref.is_none() {
            t.push_str("0 1\n0000000000 65535 f\r\n");
        }
        for (n, e) in &entries {
            let Entry::Offset(o) = e else { continue };
            t.push_str(&format!("{n} 1\n{o:010} 00000 n\r\n"));
        }
        let prev = self
            .last_xref
            .map(|p| format!(" /Prev {p}"))
            .unwrap_or_default();
        t.push_str(&format!(
            "trailer\n<< /Size {}{prev} {trailer} >>\nstartxref\n{at}\n%%EOF\n",
            self.size
        ));
        self.buf.extend_from_slice(t.as_bytes());
        self.last_xref = Some(at);
        self.patch_sigs();
        self
    }

    /// Ends a revision with an xref stream (object `num`), Flate + PNG Up predictor.
    pub fn xref_stream(&mut self, num: u32, trailer: &str) -> &mut Self {
        let at = self.buf.len();
        self.note(num, Entry::Offset(at));
        let entries = self.entries();
        let mut rows = Vec::new();
        let mut index = String::new();
        for (n, e) in &entries {
            index.push_str(&format!("{n} 1 "));
            let (t, a, b) = match e {
                Entry::Offset(o) => (1u8, *o as u32, 0u16),
                Entry::Compressed(s, i) => (2u8, *s, *i as u16),
            };
            let mut row = vec![t];
            row.extend_from_slice(&a.to_be_bytes());
            row.extend_from_slice(&b.to_be_bytes());
            rows.push(row);
        }
        // PNG Up predictor over 7-byte rows.
        let mut data = Vec::new();
        let mut prev = vec![0u8; 7];
        for r in &rows {
            data.push(2);
            for (x, p) in r.iter().zip(&prev) {
                data.push(x.wrapping_sub(*p));
            }
            prev = r.clone();
        }
        let z = zlib(&data);
        let prev_key = self
            .last_xref
            .map(|p| format!(" /Prev {p}"))
            .unwrap_or_default();
        let dict = format!(
            "/Type /XRef /Size {} /W [1 4 2] /Index [{index}] /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >>{prev_key} {trailer}",
            self.size
        );
        self.stream(num, &dict, &z);
        self.buf
            .extend_from_slice(format!("startxref\n{at}\n%%EOF\n").as_bytes());
        self.last_xref = Some(at);
        self.patch_sigs();
        self
    }

    fn patch_sigs(&mut self) {
        let end = self.buf.len();
        for (br_at, a, b) in std::mem::take(&mut self.sig_patches) {
            let text = format!("[0 {a:010} {b:010} {:010}]", end - b);
            assert_eq!(text.len(), BR_PLACEHOLDER.len());
            self.buf[br_at..br_at + text.len()].copy_from_slice(text.as_bytes());
        }
    }

    pub fn bytes(&self) -> Vec<u8> {
        self.buf.clone()
    }
}

/// Catalog 1, pages 2, page 3 with content 4, font 5; AcroForm 6 with a text field 7
/// (widget on the page, appearance 8) and a signature field 9.
fn base_doc(perms_and_acro: &str) -> Pdf {
    let mut p = Pdf::new();
    p.obj(1, &format!("<< /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R {perms_and_acro} >>"))
        .obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        .obj(
            3,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R 9 0 R] >>",
        )
        .stream(4, "", b"BT /F1 12 Tf 72 720 Td (Quyet dinh so 1) Tj ET")
        .obj(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        .obj(6, "<< /Fields [7 0 R 9 0 R] /SigFlags 3 >>")
        .obj(
            7,
            "<< /FT /Tx /T (hoten) /V (Nguyen Van A) /Type /Annot /Subtype /Widget /Rect [72 600 300 620] /P 3 0 R /AP << /N 8 0 R >> >>",
        )
        .stream(8, "/Type /XObject /Subtype /Form /BBox [0 0 228 20]", b"BT (Nguyen Van A) Tj ET")
        .obj(
            9,
            "<< /FT /Sig /T (chuky1) /V 10 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R >>",
        );
    p
}

/// `base_doc` signed in revision 0 (the signature value is object 10).
fn signed(perms: &str, sig_extra: &str) -> Pdf {
    let mut p = base_doc(perms);
    p.sig(10, sig_extra, 64);
    p.table("/Root 1 0 R");
    p
}

fn only_sig(doc: &Document) -> &SignatureInfo {
    assert_eq!(doc.signatures().len(), 1);
    &doc.signatures()[0]
}

fn not_allowed(r: &ChangesReport) -> Vec<(u32, &'static str, &'static str)> {
    r.changes
        .iter()
        .filter(|c| !c.allowed)
        .map(|c| (c.object.0, c.kind.code(), c.rule.code()))
        .collect()
}

#[test]
fn classic_xref_single_revision() {
    let p = signed("", "");
    let bytes = p.bytes();
    let doc = open(&bytes).unwrap();
    assert_eq!(doc.revisions().len(), 1);
    assert_eq!(doc.revisions()[0].xref, XrefKind::Table);
    assert_eq!(doc.revisions()[0].end, bytes.len());
    assert_eq!(doc.page_count(), Some(1));
    let s = only_sig(&doc);
    assert_eq!(s.field_name, "chuky1");
    assert_eq!(s.kind, SigKind::Signature);
    assert_eq!(s.sub_filter.as_deref(), Some("ETSI.CAdES.detached"));
    assert_eq!(s.object, (10, 0));
    assert_eq!(s.revision, 0);
    assert_eq!(s.claimed_time.unwrap().to_rfc3339(), "2024-01-31T05:00:00Z");
    assert_eq!(&s.contents[..2], &[0x30, 0x82]);
    let (a, b) = s.contents_span.unwrap();
    assert_eq!(bytes[a], b'<');
    assert_eq!(bytes[b - 1], b'>');
    let c = doc.coverage(s);
    assert_eq!(c.grade, CoverageGrade::EntireFile);
    assert_eq!(c.revision, Some(0));
    assert_eq!(signed_revision_bytes(&bytes, &c), Some(&bytes[..]));
    assert_eq!(doc.byte_ranges(s), Some([(0, a), (b, bytes.len())]));
    let r = doc.changes_after(s);
    assert!(!r.modified_after && r.all_allowed && r.changes.is_empty() && r.reliable);
}

#[test]
fn xref_stream_and_object_stream() {
    let mut p = Pdf::new();
    p.objstm(
        20,
        &[
            (1, "<< /Type /Catalog /Pages 2 0 R >>"),
            (2, "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>"),
            (3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"),
            (5, "<< /Type /Page /Parent 2 0 R >>"),
        ],
    )
    .stream(4, "", b"q Q")
    .xref_stream(21, "/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    assert_eq!(doc.revisions().len(), 1);
    assert_eq!(doc.revisions()[0].xref, XrefKind::Stream);
    assert!(!doc.revisions()[0].reconstructed);
    assert_eq!(doc.page_count(), Some(2));
}

#[test]
fn hybrid_reference_file() {
    // The classic table lists the plain objects; the /XRefStm the compressed ones.
    let mut p = Pdf::new();
    p.objstm(
        20,
        &[
            (2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            (3, "<< /Type /Page /Parent 2 0 R >>"),
        ],
    );
    p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
    // Write the xref stream for the compressed objects only.
    let compressed: BTreeMap<u32, Entry> = p
        .pending
        .iter()
        .filter(|(_, e)| matches!(e, Entry::Compressed(..)))
        .map(|(k, v)| (*k, *v))
        .collect();
    let plain: BTreeMap<u32, Entry> = p
        .pending
        .iter()
        .filter(|(_, e)| matches!(e, Entry::Offset(..)))
        .map(|(k, v)| (*k, *v))
        .collect();
    p.pending = compressed;
    let stm_at = p.buf.len();
    p.xref_stream(21, "");
    // Drop the startxref/%%EOF the helper wrote: a hybrid file has one, after the table.
    let cut = p.buf.len() - format!("startxref\n{stm_at}\n%%EOF\n").len();
    p.buf.truncate(cut);
    p.last_xref = None;
    p.pending = plain;
    p.table(&format!("/Root 1 0 R /XRefStm {stm_at}"));
    let doc = open(&p.bytes()).unwrap();
    assert_eq!(doc.revisions().len(), 1);
    assert_eq!(doc.revisions()[0].xref, XrefKind::Hybrid);
    assert_eq!(doc.page_count(), Some(1));
}

#[test]
fn incremental_update_changing_page_content_is_not_allowed() {
    let mut p = signed("", "");
    let rev0_end = p.buf.len();
    p.stream(4, "", b"BT /F1 12 Tf 72 720 Td (Quyet dinh so 2) Tj ET");
    p.table("/Root 1 0 R");
    let bytes = p.bytes();
    let doc = open(&bytes).unwrap();
    assert_eq!(doc.revisions().len(), 2);
    assert_eq!(doc.revisions()[0].end, rev0_end);
    let s = only_sig(&doc);
    let c = doc.coverage(s);
    assert_eq!(c.grade, CoverageGrade::EntireRevision);
    assert_eq!(c.revision, Some(0));
    assert_eq!(
        signed_revision_bytes(&bytes, &c).map(<[u8]>::len),
        Some(rev0_end)
    );
    let r = doc.changes_after(s);
    assert!(r.modified_after && !r.all_allowed);
    assert_eq!(
        not_allowed(&r),
        vec![(4, "page_content", "displayed_content")]
    );
    assert_eq!(r.changes[0].page, Some(0));
    assert_eq!(r.revisions.len(), 1);
    assert_eq!(r.revisions[0].modified, 1);
}

#[test]
fn rewriting_an_identical_object_is_not_a_change() {
    let mut p = signed("", "");
    p.obj(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let r = doc.changes_after(only_sig(&doc));
    assert!(r.modified_after);
    assert!(r.changes.is_empty() && r.all_allowed);
}

#[test]
fn shadow_reference_swap_to_old_offset_is_caught() {
    // Revision 1 rewrites the content; the signed revision 2 is honest; revision 3
    // points object 4 back at revision 0's bytes, which are inside the signed range.
    let mut p = base_doc("");
    let Some(Entry::Offset(old_content_at)) = p.pending.get(&4).copied() else {
        panic!("object 4 is written at an offset")
    };
    p.table("/Root 1 0 R");
    p.stream(4, "", b"BT (harmless) Tj ET");
    p.sig(10, "", 64);
    p.table("/Root 1 0 R");
    p.pending.insert(4, Entry::Offset(old_content_at));
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    assert_eq!(doc.revisions().len(), 3);
    let s = only_sig(&doc);
    assert_eq!(doc.coverage(s).revision, Some(1));
    let r = doc.changes_after(s);
    assert_eq!(
        not_allowed(&r),
        vec![(4, "page_content", "displayed_content")]
    );
}

#[test]
fn ltv_additions_and_document_timestamp_are_allowed_even_under_p1() {
    let perms = "/Perms << /DocMDP 10 0 R >>";
    let sig_extra = "/Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P 1 /V /1.2 >> >>]";
    let mut p = signed(perms, sig_extra);
    // Revision 1: DSS + catalog /DSS + ESIC extension.
    p.stream(30, "", b"\x30\x03\x02\x01\x01");
    p.obj(31, "<< /Certs [30 0 R] /CRLs [] /OCSPs [] >>");
    p.obj(
        1,
        &format!("<< /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R {perms} /DSS 31 0 R /Extensions << /ESIC << /BaseVersion /1.7 /ExtensionLevel 5 >> >> >>"),
    );
    p.table("/Root 1 0 R");
    // Revision 2: a document timestamp in a new, invisible signature field.
    p.obj(
        32,
        "<< /FT /Sig /T (dts) /V 33 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /F 132 /P 3 0 R >>",
    );
    p.obj(6, "<< /Fields [7 0 R 9 0 R 32 0 R] /SigFlags 3 >>");
    p.obj(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R 9 0 R 32 0 R] >>",
    );
    p.sig_typed(33, "DocTimeStamp", "", 64);
    p.table("/Root 1 0 R");
    let bytes = p.bytes();
    let doc = open(&bytes).unwrap();
    assert_eq!(doc.revisions().len(), 3);
    assert_eq!(doc.signatures().len(), 2);
    let s = &doc.signatures()[0];
    assert_eq!(s.mdp, Some(MdpPermission::NoChanges));
    let ts = &doc.signatures()[1];
    assert_eq!(ts.kind, SigKind::DocTimestamp);
    assert_eq!(doc.coverage(ts).grade, CoverageGrade::EntireFile);
    let r = doc.changes_after(s);
    assert!(r.modified_after);
    assert!(r.all_allowed, "{:#?}", not_allowed(&r));
    let kinds: Vec<&str> = r.changes.iter().map(|c| c.kind.code()).collect();
    assert!(
        kinds.contains(&"dss") && kinds.contains(&"doc_timestamp"),
        "{kinds:?}"
    );
    assert_eq!(doc.dss().certs, vec![b"\x30\x03\x02\x01\x01".to_vec()]);
}

fn fill_field(p: &mut Pdf) {
    p.obj(
        7,
        "<< /FT /Tx /T (hoten) /V (Tran Thi B) /Type /Annot /Subtype /Widget /Rect [72 600 300 620] /P 3 0 R /AP << /N 40 0 R >> >>",
    );
    p.stream(
        40,
        "/Type /XObject /Subtype /Form /BBox [0 0 228 20]",
        b"BT (Tran Thi B) Tj ET",
    );
    p.table("/Root 1 0 R");
}

#[test]
fn form_fill_is_allowed_for_approval_signatures_and_p2() {
    let mut p = signed("", "");
    fill_field(&mut p);
    let doc = open(&p.bytes()).unwrap();
    let r = doc.changes_after(only_sig(&doc));
    assert!(r.modified_after && r.all_allowed, "{:?}", not_allowed(&r));
    assert!(
        r.changes
            .iter()
            .any(|c| c.kind == ChangeKind::FormFieldValue)
    );
}

#[test]
fn form_fill_is_not_allowed_under_p1() {
    let perms = "/Perms << /DocMDP 10 0 R >>";
    let extra = "/Reference [<< /TransformMethod /DocMDP /TransformParams << /P 1 >> >>]";
    let mut p = signed(perms, extra);
    fill_field(&mut p);
    let doc = open(&p.bytes()).unwrap();
    let r = doc.changes_after(only_sig(&doc));
    assert!(!r.all_allowed);
    assert!(not_allowed(&r).contains(&(7, "form_field_value", "docmdp_no_changes")));
}

#[test]
fn locked_field_cannot_be_filled() {
    let extra = "/Reference [<< /TransformMethod /FieldMDP /TransformParams << /Action /Include /Fields [(hoten)] >> >>]";
    let mut p = signed("", extra);
    fill_field(&mut p);
    let doc = open(&p.bytes()).unwrap();
    let s = only_sig(&doc);
    assert_eq!(
        s.field_lock.as_ref().map(|l| l.action),
        Some(LockAction::Include)
    );
    let r = doc.changes_after(s);
    assert!(
        not_allowed(&r).contains(&(7, "form_field", "field_locked")),
        "{:?}",
        not_allowed(&r)
    );
}

#[test]
fn appearance_change_without_value_change_is_not_allowed() {
    let mut p = signed("", "");
    p.stream(
        8,
        "/Type /XObject /Subtype /Form /BBox [0 0 228 20]",
        b"BT (Someone Else) Tj ET",
    );
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let r = doc.changes_after(only_sig(&doc));
    assert_eq!(
        not_allowed(&r),
        vec![(8, "widget", "appearance_without_value")]
    );
}

fn add_comment(p: &mut Pdf) {
    p.stream(
        41,
        "/Type /XObject /Subtype /Form /BBox [0 0 100 20]",
        b"1 1 1 rg 0 0 100 20 re f",
    );
    p.obj(
        42,
        "<< /Type /Annot /Subtype /FreeText /Rect [72 715 172 735] /AP << /N 41 0 R >> /P 3 0 R >>",
    );
    p.obj(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R 9 0 R 42 0 R] >>",
    );
    p.table("/Root 1 0 R");
}

#[test]
fn comments_after_an_approval_signature_are_listed_not_forbidden() {
    // No certification: a comment is the third kind of change, allowed but named
    // with its kind and text so that the reader sees it is not part of what was
    // signed (a white FreeText box could cover signed words).
    let mut p = signed("", "");
    add_comment(&mut p);
    let doc = open(&p.bytes()).unwrap();
    let r = doc.changes_after(only_sig(&doc));
    assert!(r.all_allowed, "{:?}", not_allowed(&r));
    let comments: Vec<_> = r
        .changes
        .iter()
        .filter_map(|c| {
            c.comment
                .as_ref()
                .map(|m| (c.object.0, c.page, m.subtype.as_str()))
        })
        .collect();
    assert_eq!(comments, vec![(42, Some(0), "FreeText")]);
    assert!(
        r.changes
            .iter()
            .any(|c| c.object.0 == 3 && c.rule.code() == "comment_added")
    );
}

#[test]
fn a_link_after_an_approval_signature_is_not_a_comment() {
    let mut p = signed("", "");
    p.obj(
        42,
        "<< /Type /Annot /Subtype /Link /Rect [72 715 172 735] /A << /S /URI /URI (http://x.invalid) >> >>",
    );
    p.obj(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R 9 0 R 42 0 R] >>",
    );
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let bad = not_allowed(&doc.changes_after(only_sig(&doc)));
    assert!(
        bad.contains(&(42, "annotation", "annotations_need_p3")),
        "{bad:?}"
    );
}

#[test]
fn annotations_need_p3() {
    // Certified at P = 2: a comment is not allowed.
    let perms = "/Perms << /DocMDP 10 0 R >>";
    let extra = "/Reference [<< /TransformMethod /DocMDP /TransformParams << /P 2 >> >>]";
    let mut p = signed(perms, extra);
    add_comment(&mut p);
    let doc = open(&p.bytes()).unwrap();
    let r = doc.changes_after(only_sig(&doc));
    assert!(!r.all_allowed);
    let bad = not_allowed(&r);
    assert!(
        bad.contains(&(42, "annotation", "annotations_need_p3")),
        "{bad:?}"
    );
    assert!(
        bad.contains(&(3, "page_annots", "annotations_need_p3")),
        "{bad:?}"
    );

    let perms = "/Perms << /DocMDP 10 0 R >>";
    let extra = "/Reference [<< /TransformMethod /DocMDP /TransformParams << /P 3 >> >>]";
    let mut p = signed(perms, extra);
    add_comment(&mut p);
    let doc = open(&p.bytes()).unwrap();
    let r = doc.changes_after(only_sig(&doc));
    assert!(r.all_allowed, "{:?}", not_allowed(&r));
}

#[test]
fn new_form_field_and_font_change_are_not_allowed() {
    let mut p = signed("", "");
    p.obj(
        43,
        "<< /FT /Tx /T (moi) /V (x) /Type /Annot /Subtype /Widget /Rect [0 0 50 50] /P 3 0 R >>",
    );
    p.obj(6, "<< /Fields [7 0 R 9 0 R 43 0 R] /SigFlags 3 >>");
    p.obj(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>");
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let bad = not_allowed(&doc.changes_after(only_sig(&doc)));
    assert!(
        bad.contains(&(43, "form_field", "field_structure_changed")),
        "{bad:?}"
    );
    assert!(
        bad.contains(&(5, "page_resource", "displayed_content")),
        "{bad:?}"
    );
}

#[test]
fn catalog_changes_outside_the_allowed_keys_are_not_allowed() {
    let mut p = signed("", "");
    p.obj(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>");
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let bad = not_allowed(&doc.changes_after(only_sig(&doc)));
    assert_eq!(bad, vec![(1, "catalog", "key_not_allowed")]);
}

#[test]
fn replacing_the_signature_value_is_not_allowed() {
    let mut p = signed("", "");
    p.obj(10, "<< /Type /Sig /Contents <00> /ByteRange [0 1 2 3] >>");
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    // Both are listed: the signature that was signed (no longer in the form) and
    // the dictionary that replaced it, whose coverage is unclear.
    let [signed, replacement] = doc.signatures() else {
        panic!("two signatures: {:#?}", doc.signatures())
    };
    assert_eq!((signed.revision, replacement.revision), (0, 1));
    assert_eq!(doc.coverage(signed).grade, CoverageGrade::EntireRevision);
    assert!(!signed.reachable && signed.removed_in == vec![1]);
    assert!(replacement.reachable);
    assert_eq!(doc.coverage(replacement).grade, CoverageGrade::Unclear);
    let bad = not_allowed(&doc.changes_after(signed));
    assert!(
        bad.contains(&(10, "signature_modified", "existing_signature_changed"))
            && bad.contains(&(10, "signature_removed", "existing_signature_changed")),
        "{bad:?}"
    );
}

/// `signed("", "")`, then one update written by `update`; the one signature and
/// what is not allowed after it.
fn removed_after(
    update: impl FnOnce(&mut Pdf),
) -> (Document, Vec<(u32, &'static str, &'static str)>) {
    let mut p = signed("", "");
    update(&mut p);
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let s = only_sig(&doc).clone();
    assert_eq!(s.object, (10, 0));
    assert_eq!(s.field_name, "chuky1");
    assert!(!s.reachable, "{s:#?}");
    assert_eq!((s.last_reachable, s.removed_in.clone()), (0, vec![1]));
    assert_eq!(doc.coverage(&s).grade, CoverageGrade::EntireRevision);
    let r = doc.changes_after(&s);
    assert!(r.modified_after && !r.all_allowed);
    let bad = not_allowed(&r);
    assert!(
        bad.contains(&(10, "signature_removed", "existing_signature_changed")),
        "{bad:?}"
    );
    let c = r
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::SignatureRemoved)
        .unwrap();
    assert_eq!((c.revision, c.action), (1, ChangeAction::Deleted));
    (doc, bad)
}

#[test]
fn a_signature_field_dropped_from_the_form_is_still_reported() {
    let (_, bad) = removed_after(|p| {
        p.obj(6, "<< /Fields [7 0 R] /SigFlags 3 >>");
    });
    assert!(
        bad.contains(&(6, "acro_form", "key_not_allowed")),
        "{bad:?}"
    );
}

#[test]
fn a_dropped_acroform_is_a_removed_signature() {
    let (_, bad) = removed_after(|p| {
        p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
    });
    assert!(
        bad.contains(&(1, "acro_form", "field_structure_changed")),
        "{bad:?}"
    );
}

#[test]
fn an_acroform_swapped_for_a_new_object_is_judged_as_the_old_one() {
    let (_, bad) = removed_after(|p| {
        p.obj(50, "<< /Fields [7 0 R] /SigFlags 3 >>");
        p.obj(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm 50 0 R >>");
    });
    assert!(
        bad.contains(&(1, "acro_form", "key_not_allowed")),
        "{bad:?}"
    );
}

#[test]
fn a_field_value_pointed_at_a_copy_keeps_the_original() {
    let mut p = signed("", "");
    p.sig(51, "", 64);
    p.obj(
        9,
        "<< /FT /Sig /T (chuky1) /V 51 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R >>",
    );
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let [orig, copy] = doc.signatures() else {
        panic!("two signatures: {:#?}", doc.signatures())
    };
    assert_eq!((orig.object, copy.object), ((10, 0), (51, 0)));
    assert!(!orig.reachable && copy.reachable);
    assert_eq!(orig.field_name, "chuky1");
    assert_eq!(doc.coverage(orig).grade, CoverageGrade::EntireRevision);
    let bad = not_allowed(&doc.changes_after(orig));
    assert!(
        bad.contains(&(10, "signature_removed", "existing_signature_changed"))
            && bad.contains(&(9, "signature_modified", "existing_signature_changed")),
        "{bad:?}"
    );
}

#[test]
fn an_inline_acroform_is_judged_like_an_indirect_one() {
    let mut p = Pdf::new();
    p.obj(
        1,
        "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [7 0 R 9 0 R] /SigFlags 3 >> >>",
    )
    .obj(2, "<< /Type /Pages /Kids [] /Count 0 >>")
    .obj(7, "<< /FT /Tx /T (hoten) /V (A) >>")
    .obj(9, "<< /FT /Sig /T (chuky1) /V 10 0 R >>")
    .sig(10, "", 64)
    .table("/Root 1 0 R");
    p.obj(
        1,
        "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [9 0 R] /SigFlags 3 >> >>",
    );
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let s = only_sig(&doc);
    assert!(s.reachable);
    assert_eq!(
        not_allowed(&doc.changes_after(s)),
        vec![(1, "acro_form", "key_not_allowed")]
    );
}

#[test]
fn a_removal_is_after_earlier_signatures_only() {
    // Revision 0 signs chuky1; revision 1 drops it; revision 2 signs chuky2.
    let mut p = signed("", "");
    p.obj(6, "<< /Fields [7 0 R] /SigFlags 3 >>");
    p.table("/Root 1 0 R");
    p.obj(6, "<< /Fields [7 0 R 52 0 R] /SigFlags 3 >>")
        .obj(52, "<< /FT /Sig /T (chuky2) /V 53 0 R >>")
        .sig(53, "", 64);
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let [first, second] = doc.signatures() else {
        panic!("two signatures: {:#?}", doc.signatures())
    };
    assert_eq!(
        (first.field_name.as_str(), second.field_name.as_str()),
        ("chuky1", "chuky2")
    );
    assert!(!first.reachable && second.reachable);
    assert!(not_allowed(&doc.changes_after(first)).contains(&(
        10,
        "signature_removed",
        "existing_signature_changed"
    )));
    let r = doc.changes_after(second);
    assert!(!r.modified_after && r.all_allowed && r.reliable);
}

#[test]
fn a_removed_and_restored_signature_is_still_a_removal() {
    let mut p = signed("", "");
    p.obj(6, "<< /Fields [7 0 R] /SigFlags 3 >>");
    p.table("/Root 1 0 R");
    p.obj(6, "<< /Fields [7 0 R 9 0 R] /SigFlags 3 >>");
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let s = only_sig(&doc);
    assert!(s.reachable && s.removed_in == vec![1] && s.last_reachable == 2);
    let r = doc.changes_after(s);
    assert!(!r.all_allowed);
    assert!(
        r.changes
            .iter()
            .any(|c| c.kind == ChangeKind::SignatureRemoved && c.revision == 1)
    );
}

#[test]
fn rewriting_the_signature_dictionary_identically_keeps_one_signature() {
    let mut p = signed("", "");
    let at = p.buf.len();
    let sig_at = lexer::find(&p.buf, b"10 0 obj", 0).unwrap();
    let end = lexer::find(&p.buf, b"endobj", sig_at).unwrap() + 6;
    let copy = p.buf[sig_at..end].to_vec();
    p.buf.extend_from_slice(&copy);
    p.buf.push(b'\n');
    p.note(10, Entry::Offset(at));
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let s = only_sig(&doc);
    assert!(s.reachable && s.removed_in.is_empty());
    assert_eq!(s.revision, 0);
    assert_eq!(doc.coverage(s).grade, CoverageGrade::EntireRevision);
    let r = doc.changes_after(s);
    assert!(
        r.all_allowed && r.changes.is_empty(),
        "{:?}",
        not_allowed(&r)
    );
}

#[test]
fn trailing_bytes_after_the_last_eof_are_reported() {
    let mut p = signed("", "");
    p.buf
        .extend_from_slice(b"4 0 obj << /Length 3 >> stream\nabc\nendstream endobj\n");
    let doc = open(&p.bytes()).unwrap();
    let s = only_sig(&doc);
    assert_eq!(doc.coverage(s).grade, CoverageGrade::EntireRevision);
    let r = doc.changes_after(s);
    assert!(r.modified_after && !r.all_allowed);
    assert_eq!(
        r.changes.last().map(|c| c.kind),
        Some(ChangeKind::TrailingData)
    );
    assert!(doc.warnings().contains(&Warning::TrailingData));
}

#[test]
fn broken_xref_is_reconstructed_and_marked() {
    let mut p = signed("", "");
    // Point startxref at garbage.
    let sx = lexer::find_all(&p.buf, b"startxref\n").last().unwrap() + 10;
    let end = p.buf[sx..].iter().position(|&c| c == b'\n').unwrap() + sx;
    let digits = end - sx;
    let bogus = format!("{:0digits$}", 20);
    p.buf[sx..end].copy_from_slice(bogus.as_bytes());
    let doc = open(&p.bytes()).unwrap();
    assert_eq!(doc.revisions().len(), 1);
    assert!(doc.revisions()[0].reconstructed);
    assert_eq!(doc.revisions()[0].xref, XrefKind::Reconstructed);
    assert!(doc.is_reconstructed());
    assert_eq!(doc.page_count(), Some(1));
    assert_eq!(doc.signatures().len(), 1);
}

#[test]
fn an_update_with_a_bogus_startxref_is_still_reported() {
    let mut p = signed("", "");
    p.buf.extend_from_slice(
        b"4 0 obj << /Length 3 >> stream\nxyz\nendstream endobj\nstartxref\n99999\n%%EOF\n",
    );
    let doc = open(&p.bytes()).unwrap();
    // The bogus startxref points forward: not a revision; the bytes trail.
    let r = doc.changes_after(only_sig(&doc));
    assert!(r.modified_after && !r.all_allowed);
}

#[test]
fn prev_loop_terminates() {
    let mut q = Pdf::new();
    q.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
        .obj(2, "<< /Type /Pages /Kids [] /Count 0 >>");
    let (Some(Entry::Offset(o1)), Some(Entry::Offset(o2))) =
        (q.pending.get(&1).copied(), q.pending.get(&2).copied())
    else {
        panic!("objects 1 and 2 are written at offsets")
    };
    let at = q.buf.len();
    // A section whose /Prev is itself.
    q.buf.extend_from_slice(
        format!(
            "xref\n0 3\n0000000000 65535 f\r\n{o1:010} 00000 n\r\n{o2:010} 00000 n\r\ntrailer\n<< /Size 3 /Root 1 0 R /Prev {at} >>\nstartxref\n{at}\n%%EOF\n"
        )
        .as_bytes(),
    );
    let t0 = Clock::now();
    let doc = open(&q.buf).unwrap();
    assert!(doc.warnings().contains(&Warning::PrevLoop));
    assert_eq!(doc.page_count(), Some(0));
    assert!(t0.elapsed() < HANG_GUARD);
}

#[test]
fn deep_nesting_huge_length_and_garbage_do_not_panic() {
    let mut p = Pdf::new();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    p.obj(1, "<< /Type /Catalog /Pages 2 0 R /Deep 3 0 R >>")
        .obj(2, "<< /Type /Pages /Kids [] /Count 0 >>")
        .obj(3, &deep)
        .obj_bytes(4, b"<< /Length 999999999999999 >>\nstream\nabc\nendstream");
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    assert_eq!(doc.page_count(), Some(0));
    // Garbage of all sorts: errors, never panics.
    for junk in [
        &b""[..],
        b"hello",
        b"%PDF-1.7",
        b"%PDF-1.7\nstartxref\n9\n%%EOF",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj trailer << /Root 1 0 R >>",
        b"%PDF-1.7\nxref\n0 99999999999\ntrailer<<>>startxref\n9\n%%EOF",
    ] {
        let _ = open(junk);
    }
    assert_eq!(open(b"hello").unwrap_err().code(), "not_pdf");
    assert_eq!(open(b"").unwrap_err().code(), "empty_file");
    assert_eq!(open(b"%PDF-1.7\n").unwrap_err().code(), "xref_broken");
}

#[test]
fn flate_bomb_in_an_object_stream_is_capped() {
    let bomb = zlib(&vec![b' '; 300 * 1024 * 1024]);
    let mut p = Pdf::new();
    p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
        .obj(2, "<< /Type /Pages /Kids [] /Count 0 >>")
        .stream(3, "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", &bomb);
    p.note(9, Entry::Compressed(3, 0));
    p.xref_stream(4, "/Root 1 0 R /Extra 9 0 R");
    let t0 = Clock::now();
    let doc = open(&p.bytes()).unwrap();
    assert!(t0.elapsed() < HANG_GUARD);
    assert_eq!(doc.page_count(), Some(0));
}

#[test]
fn ten_thousand_signature_fields_are_fast() {
    let n = 10_000u32;
    let mut p = Pdf::new();
    let kids: String = (0..n).map(|i| format!("{} 0 R ", 100 + i)).collect();
    p.obj(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm 3 0 R >>")
        .obj(2, "<< /Type /Pages /Kids [] /Count 0 >>")
        .obj(3, &format!("<< /Fields [{kids}] >>"));
    for i in 0..n {
        let v = if i % 2 == 0 {
            format!("/V {} 0 R", 100 + n + i)
        } else {
            String::new()
        };
        p.obj(100 + i, &format!("<< /FT /Sig /T (s{i}) {v} >>"));
        if i % 2 == 0 {
            p.obj(
                100 + n + i,
                "<< /Type /Sig /ByteRange [0 1 2 3] /Contents <3082> >>",
            );
        }
    }
    p.table("/Root 1 0 R");
    // One more revision so that change analysis runs too.
    p.obj(2, "<< /Type /Pages /Kids [] /Count 0 >>");
    p.table("/Root 1 0 R");
    let bytes = p.bytes();
    let t0 = Clock::now();
    let doc = open(&bytes).unwrap();
    let elapsed = t0.elapsed();
    assert_eq!(doc.signatures().len(), (n / 2) as usize);
    for s in doc.signatures().iter().take(10) {
        assert_eq!(
            doc.coverage(s).problem,
            Some(CoverageProblem::GapNotContents)
        );
    }
    assert!(elapsed < HANG_GUARD, "{elapsed:?}");
}

#[test]
fn signature_in_an_object_stream_is_unclear() {
    let mut p = Pdf::new();
    p.objstm(
        20,
        &[
            (
                1,
                "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R] >> >>",
            ),
            (2, "<< /Type /Pages /Kids [] /Count 0 >>"),
            (3, "<< /FT /Sig /T (s) /V 4 0 R >>"),
            (
                4,
                "<< /Type /Sig /ByteRange [0 10 20 30] /Contents <3082> >>",
            ),
        ],
    )
    .xref_stream(21, "/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let s = only_sig(&doc);
    assert_eq!(
        doc.coverage(s).problem,
        Some(CoverageProblem::ContentsNotInFile)
    );
}

#[test]
fn encrypted_documents_are_flagged() {
    let mut p = Pdf::new();
    p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
        .obj(2, "<< /Type /Pages /Kids [] /Count 0 >>")
        .obj(3, "<< /Filter /Standard /V 2 /R 3 >>");
    p.table("/Root 1 0 R /Encrypt 3 0 R");
    let doc = open(&p.bytes()).unwrap();
    assert!(doc.is_encrypted());
    // No /O, /U, /P: nothing to derive a key from.
    assert_eq!(
        doc.encryption(),
        crate::pdf::Encryption::Unavailable {
            why: crate::pdf::CryptError::Unsupported
        }
    );
}

#[test]
fn shifted_object_offsets_are_repaired_and_marked() {
    let mut p = signed("", "");
    // Insert 3 bytes of junk just after the header: every offset is now 3 short.
    p.buf.splice(15..15, b"   ".iter().copied());
    let doc = open(&p.bytes()).unwrap();
    assert_eq!(doc.page_count(), Some(1));
    assert_eq!(doc.signatures().len(), 1);
    assert!(doc.revisions()[0].reconstructed);
    // The ByteRange no longer matches the shifted /Contents.
    let s = only_sig(&doc);
    assert_eq!(
        doc.coverage(s).problem,
        Some(CoverageProblem::GapNotContents)
    );
}

#[test]
fn many_revisions_of_many_fields_stay_fast() {
    // 3,000 fields; 200 updates that each rewrite the form, so that every
    // revision's field tree is walked again; the signature comes last (so that no
    // change analysis runs: this measures the field walks alone).
    let n = 3_000u32;
    let mut p = Pdf::new();
    let kids: String = (0..n).map(|i| format!("{} 0 R ", 100 + i)).collect();
    p.obj(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm 3 0 R >>")
        .obj(2, "<< /Type /Pages /Kids [] /Count 0 >>")
        .obj(3, &format!("<< /Fields [{kids}] >>"));
    for i in 0..n {
        p.obj(100 + i, &format!("<< /FT /Tx /T (t{i}) >>"));
    }
    p.table("/Root 1 0 R");
    for r in 0..200 {
        p.obj(3, &format!("<< /Fields [{kids}] /DA (/Helv {r} Tf) >>"));
        p.table("/Root 1 0 R");
    }
    p.obj(99, "<< /FT /Sig /T (chuky) /V 98 0 R >>")
        .sig(98, "", 64);
    p.obj(3, &format!("<< /Fields [{kids} 99 0 R] >>"));
    p.table("/Root 1 0 R");
    let bytes = p.bytes();
    let t0 = Clock::now();
    let doc = open(&bytes).unwrap();
    let elapsed = t0.elapsed();
    let s = only_sig(&doc);
    assert!(s.reachable && doc.changes_after(s).reliable);
    // Under 0.1 s in a release build (benches/many_updates.rs measures it).
    assert!(elapsed < HANG_GUARD, "{elapsed:?}");

    // The same walks with too small a budget: incomplete, never silently complete.
    let store = Store::open(&bytes).unwrap();
    let c = signature::collect_with(&store, 100 * n as usize);
    assert!(!c.complete);
    assert_eq!(c.signatures.len(), 1);
    assert!(signature::collect_with(&store, usize::MAX).complete);
}

#[test]
fn a_field_tree_too_deep_to_walk_is_never_a_pass() {
    let mut p = signed("", "");
    // Revision 1 hangs a chain of 100 nested fields under the form.
    for i in 0..100u32 {
        p.obj(200 + i, &format!("<< /T (n{i}) /Kids [{} 0 R] >>", 201 + i));
    }
    p.obj(6, "<< /Fields [7 0 R 9 0 R 200 0 R] /SigFlags 3 >>");
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let s = &doc.signatures()[0];
    let r = doc.changes_after(s);
    assert!(!r.reliable && !r.all_allowed);
}

#[test]
fn an_object_stream_replaced_without_its_objects_is_still_compared() {
    // Revision 0 keeps the page dictionary in object stream 20; revision 1 writes a
    // new object stream 20 whose page has another content stream, and lists only
    // the stream in its cross-reference: the page changed all the same.
    let mut p = Pdf::new();
    let page = |contents: u32| {
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {contents} 0 R /Annots [9 0 R] >>"
        )
    };
    p.obj(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R >>")
        .obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        .stream(4, "", b"BT (Quyet dinh so 1) Tj ET")
        .obj(6, "<< /Fields [9 0 R] /SigFlags 3 >>")
        .obj(
            9,
            "<< /FT /Sig /T (chuky1) /V 10 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R >>",
        )
        .objstm(20, &[(3, &page(4))])
        .sig(10, "", 64)
        .xref_stream(21, "/Root 1 0 R");
    p.stream(30, "", b"BT (Quyet dinh so 2) Tj ET");
    p.objstm(20, &[(3, &page(30))]);
    p.pending.remove(&3);
    p.xref_stream(22, "/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let r = doc.changes_after(only_sig(&doc));
    let bad = not_allowed(&r);
    assert!(
        bad.contains(&(3, "page_dict", "displayed_content")),
        "{bad:?}"
    );
}

#[test]
fn a_change_analysis_out_of_work_is_unreliable_and_never_allowed() {
    let mut p = signed("", "");
    fill_field(&mut p);
    fill_field(&mut p);
    let bytes = p.bytes();
    let store = Store::open(&bytes).unwrap();
    let sigs = signature::collect(&store).signatures;
    let full = changes::history_with(&store, &sigs, 0, usize::MAX, false);
    assert!(full.per_revision.iter().skip(1).all(Option::is_some));
    let r = changes::report(&store, &full, 0, false, false);
    assert!(r.reliable && r.all_allowed && r.modified_after);
    // Every budget short of the whole analysis: what was not analysed makes the
    // report unreliable and not allowed; somewhere the first update is analysed and
    // the second is not.
    let mut partial = false;
    let mut budget = 0;
    loop {
        let h = changes::history_with(&store, &sigs, 0, budget, false);
        let r = changes::report(&store, &h, 0, false, false);
        if h.per_revision[2].is_some() {
            assert!(r.reliable && r.all_allowed, "{budget}");
            break;
        }
        assert!(
            !r.reliable && !r.all_allowed && r.modified_after,
            "{budget}"
        );
        partial |= h.per_revision[1].is_some();
        budget += 25;
    }
    assert!(partial);
}

#[test]
fn a_skipped_text_field_turned_into_a_signed_field_is_found() {
    // The field walk skips revisions that only rewrite plain text fields; one that
    // makes a text field a signed signature field must still be walked.
    let mut p = signed("", "");
    fill_field(&mut p);
    p.sig(60, "", 64);
    p.obj(
        7,
        "<< /FT /Sig /T (hoten) /V 60 0 R /Type /Annot /Subtype /Widget /Rect [72 600 300 620] /P 3 0 R >>",
    );
    p.table("/Root 1 0 R");
    // And a catalog rewritten with another form is walked again.
    p.obj(61, "<< /Fields [9 0 R] /SigFlags 3 >>");
    p.obj(
        1,
        "<< /Type /Catalog /Pages 2 0 R /AcroForm 61 0 R /Lang (vi) >>",
    );
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let sigs = doc.signatures();
    assert_eq!(sigs.len(), 2, "{sigs:#?}");
    let second = sigs.iter().find(|s| s.object == (60, 0)).unwrap();
    assert_eq!((second.revision, second.field_name.as_str()), (2, "hoten"));
    assert_eq!(second.removed_in, vec![3]);
    assert!(!second.reachable);
}

/// xorshift64*, for the randomised comparison below.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'t, T>(&mut self, xs: &'t [T]) -> &'t T {
        &xs[self.below(xs.len())]
    }
}

/// A signed document followed by random updates of the shapes the change analysis
/// distinguishes (content, annotations, fields, signatures, catalog, page tree,
/// resources, object streams, rewritten object streams, trailers, loops).
fn random_document(rng: &mut Rng) -> Vec<u8> {
    let mdp = |p: u8| {
        format!("/Reference [<< /TransformMethod /DocMDP /TransformParams << /P {p} >> >>]")
    };
    let (perms, extra) = match rng.below(5) {
        0 => (String::new(), String::new()),
        1 => (
            String::new(),
            "/Reference [<< /TransformMethod /FieldMDP /TransformParams << /Action /Include /Fields [(hoten)] >> >>]".to_string(),
        ),
        p => ("/Perms << /DocMDP 10 0 R >>".to_string(), mdp(p as u8 - 1)),
    };
    let mut p = signed(&perms, &extra);
    let mut next = 100u32;
    let mut annots: Vec<u32> = vec![7, 9];
    let mut fields: Vec<u32> = vec![7, 9];
    let mut objstm_num: Option<u32> = None;
    let page = |annots: &[u32], extra: &str| {
        let list: String = annots.iter().map(|a| format!("{a} 0 R ")).collect();
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [{list}] {extra} >>"
        )
    };
    let list = |xs: &[u32]| -> String { xs.iter().map(|a| format!("{a} 0 R ")).collect() };
    if rng.below(2) == 0 {
        // More pages before the signed one, so that page numbers matter.
        p.obj(34, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>");
        p.obj(2, "<< /Type /Pages /Kids [34 0 R 3 0 R] /Count 2 >>");
        p.table("/Root 1 0 R");
    }
    for _ in 0..1 + rng.below(5) {
        let mut compressed: Vec<(u32, String)> = Vec::new();
        let mut trailer = String::from("/Root 1 0 R");
        let mut stream_xref = false;
        for _ in 0..1 + rng.below(3) {
            let n = next;
            next += 3;
            match rng.below(18) {
                0 => {
                    p.stream(4, "", format!("BT (trang {n}) Tj ET").as_bytes());
                }
                1 if rng.below(2) == 0 => {
                    // An annotation (a widget, perhaps) taken off the page.
                    annots.remove(rng.below(annots.len()));
                    p.obj(3, &page(&annots, ""));
                }
                1 => {
                    // A comment, with an appearance and a popup pointing back at it.
                    p.stream(
                        n + 1,
                        "/Type /XObject /Subtype /Form /BBox [0 0 9 9]",
                        b"0 0 9 9 re f",
                    );
                    p.obj(
                        n + 2,
                        &format!("<< /Type /Annot /Subtype /Popup /Parent {n} 0 R >>"),
                    );
                    p.obj(
                        n,
                        &format!(
                            "<< /Type /Annot /Subtype /Text /AP << /N {} 0 R >> /Popup {} 0 R /P 3 0 R >>",
                            n + 1,
                            n + 2
                        ),
                    );
                    annots.push(n);
                    p.obj(3, &page(&annots, ""));
                }
                2 => {
                    p.stream(
                        n,
                        "/Type /XObject /Subtype /Form /BBox [0 0 9 9]",
                        b"BT (B) Tj ET",
                    );
                    p.obj(
                        7,
                        &format!("<< /FT /Tx /T (hoten) /V (v{n}) /Type /Annot /Subtype /Widget /Rect [72 600 300 620] /P 3 0 R /AP << /N {n} 0 R >> >>"),
                    );
                }
                3 => {
                    p.stream(
                        8,
                        "/Type /XObject /Subtype /Form /BBox [0 0 228 20]",
                        format!("BT ({n}) Tj ET").as_bytes(),
                    );
                }
                4 => {
                    // A new signature field, signed.
                    p.sig(n + 1, "", 32);
                    p.obj(
                        n,
                        &format!("<< /FT /Sig /T (s{n}) /V {} 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R >>", n + 1),
                    );
                    fields.push(n);
                    annots.push(n);
                    p.obj(6, &format!("<< /Fields [{}] /SigFlags 3 >>", list(&fields)));
                    p.obj(3, &page(&annots, ""));
                }
                5 => {
                    let extra = *rng.pick(&[
                        "/Lang (vi)",
                        "/DSS << /Certs [5 0 R] >>",
                        "/P 35 0 R",
                        "/Names << /Dests 5 0 R >>",
                        "/Pages 30 0 R",
                        "",
                    ]);
                    if extra.starts_with("/Pages") {
                        p.obj(30, "<< /Type /Pages /Kids [31 0 R 3 0 R] /Count 2 >>");
                        p.obj(31, "<< /Type /Page /Parent 30 0 R /Contents 4 0 R >>");
                        p.obj(1, "<< /Type /Catalog /Pages 30 0 R /AcroForm 6 0 R >>");
                    } else {
                        p.obj(
                            1,
                            &format!("<< /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R {extra} >>"),
                        );
                    }
                }
                6 => {
                    // Fields dropped, reordered or repeated.
                    let mut f = fields.clone();
                    match rng.below(3) {
                        0 => f.reverse(),
                        1 => {
                            f.remove(rng.below(f.len()));
                        }
                        _ => f.push(fields[0]),
                    }
                    p.obj(
                        6,
                        &format!(
                            "<< /Fields [{}] /SigFlags 3 /DR << /Font << /F1 5 0 R >> >> >>",
                            list(&f)
                        ),
                    );
                }
                7 => {
                    let kids = *rng.pick(&[
                        "[3 0 R]",
                        "[3 0 R 3 0 R]",
                        "[32 0 R]",
                        "[3 0 R 33 0 R]",
                        "[2 0 R 3 0 R]",
                    ]);
                    p.obj(32, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
                    p.obj(33, &page(&[], "/Rotate 90"));
                    p.obj(
                        2,
                        &format!(
                            "<< /Type /Pages /Kids {kids} /Count 1 /Rotate {} >>",
                            90 * rng.below(2)
                        ),
                    );
                }
                8 => {
                    p.obj(
                        5,
                        &format!(
                            "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Name /F{n} >>"
                        ),
                    );
                }
                9 if rng.below(2) == 0 => {
                    p.obj(n, "<< /Junk true >>");
                    // Reached from the catalog's back link, if it has one.
                    p.obj(35, &format!("<< /Junk {n} /Next 36 0 R >>"));
                }
                9 => {
                    // The page becomes a node of the tree (or a page with kids).
                    p.obj(33, &page(&annots, "/Rotate 90"));
                    let shape = *rng.pick(&[
                        "<< /Type /Pages /Kids [33 0 R] /Count 1 >>",
                        "<< /Type /Page /Kids [33 0 R] /Contents 4 0 R >>",
                        "<< /Type /Pages /Contents 4 0 R >>",
                    ]);
                    p.obj(3, shape);
                }
                10 => {
                    // Objects rewritten inside an object stream.
                    compressed.push((3, page(&annots, "/UserUnit 1")));
                    compressed.push((
                        7,
                        "<< /FT /Tx /T (hoten) /V (nen) /Type /Annot /Subtype /Widget /P 3 0 R >>"
                            .into(),
                    ));
                }
                11 => {
                    // The last object stream written again, its objects not listed.
                    if let Some(s) = objstm_num {
                        p.objstm(
                            s,
                            &[
                                (3, &page(&annots, "/Rotate 180")),
                                (5, "<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>"),
                            ],
                        );
                        p.pending.remove(&3);
                        p.pending.remove(&5);
                        stream_xref = true;
                    }
                }
                12 => {
                    p.obj(n, &format!("<< /Producer (p{n}) /Extra 8 0 R >>"));
                    trailer = format!("/Root 1 0 R /Info {n} 0 R");
                }
                13 => {
                    // Another catalog object.
                    p.obj(n, "<< /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R >>");
                    trailer = format!("/Root {n} 0 R");
                }
                14 => {
                    // An annotation list written as its own object, with a loop.
                    p.obj(n, &format!("[{}{n} 0 R]", list(&annots)));
                    p.obj(
                        3,
                        &page(&[], "").replace("/Annots []", &format!("/Annots {n} 0 R")),
                    );
                }
                15 => {
                    // A catalog written in the trailer, with a back link.
                    trailer =
                        "/Root << /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R /P 8 0 R >>".into();
                }
                16 => {
                    // An array for a catalog.
                    p.obj(n, "[1 0 R << /P 5 0 R >>]");
                    trailer = format!("/Root {n} 0 R");
                }
                _ => {
                    // A page that is its own kid, and a field that is its own kid.
                    p.obj(2, "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 1 >>");
                    p.obj(n, &format!("<< /T (k) /Kids [{n} 0 R 7 0 R] >>"));
                    fields.push(n);
                    p.obj(6, &format!("<< /Fields [{}] >>", list(&fields)));
                }
            }
        }
        if !compressed.is_empty() {
            let s = next;
            next += 1;
            let objs: Vec<(u32, &str)> = compressed.iter().map(|(n, t)| (*n, t.as_str())).collect();
            p.objstm(s, &objs);
            objstm_num = Some(s);
        }
        if stream_xref || !compressed.is_empty() || rng.below(3) == 0 {
            let x = next;
            next += 1;
            p.xref_stream(x, &trailer);
        } else {
            p.table(&trailer);
        }
    }
    p.bytes()
}

#[test]
fn the_incremental_change_analysis_agrees_with_whole_walks() {
    let mut rng = Rng(0x6B79_736F_0000_0001);
    let mut compared = 0;
    for i in 0..500 {
        let bytes = random_document(&mut rng);
        compared += compare_analyses(&bytes, &format!("document {i}"));
    }
    assert!(compared > 500, "{compared}");
}

/// Compares the incremental and the whole-walk change analyses of `bytes` (from the
/// first revision); the number of revisions compared.
fn compare_analyses(bytes: &[u8], what: &str) -> usize {
    let (Ok(a), Ok(b)) = (Store::open(bytes), Store::open(bytes)) else {
        return 0;
    };
    let sigs = signature::collect(&a).signatures;
    let whole = changes::history_with(&a, &sigs, 0, usize::MAX, true);
    let incremental = changes::history_with(&b, &sigs, 0, usize::MAX, false);
    for (r, (x, y)) in whole
        .per_revision
        .iter()
        .zip(&incremental.per_revision)
        .enumerate()
    {
        assert_eq!(x, y, "{what}, revision {r}");
    }
    assert_eq!(whole.reliable_from, incremental.reliable_from, "{what}");
    whole.per_revision.iter().flatten().count()
}

#[test]
fn the_incremental_analysis_agrees_on_damaged_real_files() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    for dir in ["signed", "attacks", "pdf"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            if e.path().extension().is_some_and(|x| x == "pdf") {
                files.push(e.path());
            }
        }
    }
    files.sort();
    let mut rng = Rng(0x6B79_736F_0000_0002);
    let mut compared = 0;
    for f in &files {
        let src = std::fs::read(f).unwrap();
        compared += compare_analyses(&src, &f.display().to_string());
        for m in 0..6 {
            // Digits changed (offsets, lengths, object numbers) and bytes dropped.
            let mut b = src.clone();
            for _ in 0..1 + rng.below(3) {
                let i = rng.below(b.len());
                if rng.below(3) == 0 {
                    b.remove(i);
                } else if b[i].is_ascii_digit() {
                    b[i] = b'0' + rng.below(10) as u8;
                } else if let Some(j) = (i..b.len()).find(|&j| b[j].is_ascii_digit()) {
                    b[j] = b'0' + rng.below(10) as u8;
                }
            }
            compared += compare_analyses(&b, &format!("{} mutation {m}", f.display()));
        }
    }
    assert!(compared > 100, "{compared}");
}

#[test]
fn a_page_may_gain_but_not_change_its_structure_key() {
    let page = |extra: &str| {
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R 9 0 R] {extra} >>"
        )
    };
    let mut p = signed("", "");
    p.obj(3, &page("/StructParents 5"));
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let r = doc.changes_after(only_sig(&doc));
    assert!(r.all_allowed, "{:?}", not_allowed(&r));

    p.obj(3, &page("/StructParents 6"));
    p.table("/Root 1 0 R");
    let doc = open(&p.bytes()).unwrap();
    let sigs = doc.signatures();
    let bad = not_allowed(&doc.changes_after(&sigs[0]));
    assert!(
        bad.contains(&(3, "page_dict", "displayed_content")),
        "{bad:?}"
    );
}
