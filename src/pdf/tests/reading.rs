//! Reading files: xref tables and streams, hybrid files, broken and hostile files, work bounds.

use super::after_signing::fill_field;
use super::*;

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
