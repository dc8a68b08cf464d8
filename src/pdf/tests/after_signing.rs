//! What changed after signing, and whether it was allowed; signatures removed from the form.

use super::*;

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

pub(super) fn fill_field(p: &mut Pdf) {
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
