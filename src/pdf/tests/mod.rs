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

mod after_signing;
mod random;
mod reading;
