//! Random documents: the incremental change analysis agrees with whole walks.

use super::*;

#[path = "../../../tests/common/rng.rs"]
mod rng;
use rng::Rng;

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
                    let extra = rng.pick(&[
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
                    let kids = rng.pick(&[
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
                    let shape = rng.pick(&[
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
