//! The letters as files, read back by independent tools: `unzip` for the DOCX XML,
//! poppler's `pdftotext`, `pdftoppm` and `pdffonts` for the PDF, LibreOffice to open
//! the DOCX (scripts/tools.sh installs them all).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod forms_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use forms_support::{fonts, squash};
use kyso::forms::{self, FormKind, Letter, Row};
use kyso::input::InputFile;
use kyso::report::{self, CertOptions};
use kyso::time::Instant;

fn out_dir() -> PathBuf {
    forms_support::out_dir("forms_output")
}

/// Three test certificates and two real ones from ../shared (a missing file fails
/// the test with its path: the letters are checked for the real certificates' words).
fn cert_files() -> Vec<InputFile> {
    [
        common::fixture("certs/person-cccd.pem"),
        common::fixture("certs/org-mst-mns.pem"),
        common::fixture("certs/person-cmnd-email-in-dn.pem"),
        common::shared("fixtures/real-certs/leaf-g1-btc-chicucthue-q12.pem"),
        common::shared("fixtures/real-certs/leaf-g2-cpcag2-tongcucthue.pem"),
    ]
    .iter()
    .map(|p| common::input(p.display().to_string(), p))
    .collect()
}

fn letterhead(l: &mut Letter) {
    l.letterhead.superior_body = "UBND tỉnh Thử Nghiệm".into();
    l.letterhead.managing_body = "Sở Nội vụ".into();
    l.letterhead.number = "125/SNV-VP".into();
    l.letterhead.place = "Thử Nghiệm".into();
    l.letterhead.date = "05/03/2025".into();
    l.letterhead.signer_title = "Giám đốc".into();
    l.letterhead.signer_name = "Nguyễn Văn Đông".into();
    l.contact.person.full_name = "Trần Thị Bình".into();
    l.contact.person.mobile = "0912345678".into();
}

fn letter_from_certs(kind: FormKind) -> Letter {
    let at = Instant::parse_rfc3339("2025-03-05T00:00:00Z").unwrap();
    let rep = report::read_certificates(&cert_files(), &CertOptions::at(at));
    assert!(rep.errors.is_empty(), "{:?}", rep.errors);
    let mut l = Letter::new(kind);
    letterhead(&mut l);
    l.rows = forms::rows_from_certs(kind, &rep.certificates);
    l
}

fn unzip(docx: &[u8], part: &str, name: &str) -> String {
    forms_support::unzip("forms_output", docx, part, name)
}

fn pdftotext(pdf: &[u8], name: &str) -> String {
    forms_support::pdftotext("forms_output", Some(pdf), name, false)
}

fn pdftotext_raw(name: &str) -> String {
    forms_support::pdftotext("forms_output", None, name, true)
}

/// No combining marks: everything precomposed (NFC for Vietnamese).
fn assert_nfc(s: &str) {
    assert!(
        !s.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c)),
        "decomposed text in output"
    );
}

#[test]
fn form_04_from_certificates_docx_and_pdf() {
    let mut l = letter_from_certs(FormKind::F04);
    assert!(l.rows.len() >= 4, "{}", l.rows.len());
    for r in &mut l.rows {
        r.renew = true;
    }
    let docx = forms::docx::to_docx(&l);
    let xml = unzip(&docx, "word/document.xml", "04.docx");
    for needle in [
        "Nguyễn Văn Thử",
        "A1B2C3D4E5F60718",
        "Sở Tài chính tỉnh Thử Nghiệm",
        "Chi cục thuế Khu vực Quận 12 - Huyện Hóc Môn",
        "6B6C55",
        "TỔNG CỤC THUẾ",
        "75580955FC81D6A7",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Kính gửi: Cục Chứng thực số và Bảo mật thông tin, Ban Cơ yếu Chính phủ.",
        "Số: 125/SNV-VP",
        "Thử Nghiệm, ngày 05 tháng 3 năm 2025",
        "<w:tblHeader/>",
        "w:w=\"11906\" w:h=\"16838\"",
        "w:left=\"1701\"",
    ] {
        assert!(xml.contains(needle), "DOCX lacks {needle}");
    }
    assert_nfc(&xml);
    let styles = unzip(&docx, "word/styles.xml", "04.docx");
    assert!(styles.contains("Times New Roman"));

    let pdf = forms::pdf::to_pdf(&l, &fonts()).unwrap();
    let text = pdftotext(&pdf, "04.pdf");
    assert_nfc(&text);
    for needle in [
        "Nguyễn Văn Thử",
        "A1B2C3D4E5F60718",
        "75580955FC81D6A7",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 125/SNV-VP",
        "Nguyễn Văn Đông",
        "Trần Thị Bình",
        "GIÁM ĐỐC",
    ] {
        assert!(text.contains(needle), "PDF text lacks {needle}:\n{text}");
    }
    // Wrapped cells: the words are all there, in order.
    let flat = squash(&pdftotext_raw("04.pdf"));
    for needle in [
        "Chi cục thuế Khu vực Quận 12 - Huyện Hóc Môn",
        "Sở Tài chính tỉnh Thử Nghiệm",
        "Kính gửi: Cục Chứng thực số và Bảo mật thông tin, Ban Cơ yếu Chính phủ.",
    ] {
        assert!(flat.contains(&squash(needle)), "PDF lacks {needle}");
    }

    let p = out_dir().join("04.pdf");
    let fonts_out = Command::new("pdffonts").arg(&p).output().unwrap();
    let f = String::from_utf8_lossy(&fonts_out.stdout);
    assert!(f.contains("+LiberationSerif"), "{f}");
    assert!(
        f.contains("CID TrueType") && f.contains("Identity-H"),
        "{f}"
    );
    for line in f.lines().skip(2) {
        assert!(
            line.contains("yes yes yes"),
            "not embedded+subset+unicode: {line}"
        );
    }
    // Page 1 as a picture, to look at.
    let png = out_dir().join("04-page");
    let st = Command::new("pdftoppm")
        .args(["-r", "70", "-png", "-f", "1", "-l", "1"])
        .arg(&p)
        .arg(&png)
        .status()
        .unwrap();
    assert!(st.success());
}

fn big_letter(kind: FormKind, n: usize) -> Letter {
    let mut l = Letter::new(kind);
    letterhead(&mut l);
    l.contact.counterpart.full_name = "Phạm Minh Tuấn".into();
    for i in 0..n {
        l.rows.push(Row {
            cert_name: format!("Nguyễn Thị Hồng Nhung {i}"),
            agency: "Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm".into(),
            token_serial: format!("TK{:08}", i),
            serial: format!("5401{:012X}", i),
            email: format!("nhung{i}@sgddt.thunghiem.gov.vn"),
            note: if i % 7 == 0 {
                "Hết hạn".into()
            } else {
                String::new()
            },
            ..Row::default()
        });
    }
    l
}

#[test]
fn five_hundred_rows_span_pages_with_the_header_repeated() {
    let l = big_letter(FormKind::F08, 500);
    let pdf = forms::pdf::to_pdf(&l, &fonts()).unwrap();
    let text = pdftotext(&pdf, "08-500.pdf");
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    // The agency wraps to two lines at 11 pt: about 24 rows a page.
    assert!((18..=26).contains(&pages.len()), "{} pages", pages.len());
    let with_table = pages
        .iter()
        // The header wraps after "ký" in its column.
        .filter(|p| p.contains("Tên chứng thư chữ ký") && p.contains("STT"))
        .count();
    // Every page but possibly the last (signatures) repeats the header row.
    assert!(
        with_table >= pages.len() - 1,
        "{with_table} of {}",
        pages.len()
    );
    assert!(squash(&pdftotext_raw("08-500.pdf")).contains(&squash("Nguyễn Thị Hồng Nhung 499")));
    assert!(text.contains("TK00000499"));
    assert!(text.contains("Cộng: 500 thiết bị"));
    assert!(squash(&text).contains(&squash("BIÊN BẢN GIAO, NHẬN")));
    // pdftoppm renders every page.
    let p = out_dir().join("08-500.pdf");
    let prefix = out_dir().join("p500");
    let st = Command::new("pdftoppm")
        .args(["-r", "30", "-png"])
        .arg(&p)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(st.success());
    let rendered = std::fs::read_dir(out_dir())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("p500"))
        .count();
    assert_eq!(rendered, pages.len());

    let docx = forms::docx::to_docx(&l);
    let xml = unzip(&docx, "word/document.xml", "08-500.docx");
    assert_eq!(xml.matches("<w:tblHeader/>").count(), 1);
    assert!(xml.contains("TK00000499"));
}

#[test]
fn form_01_from_a_sheet_and_an_old_certificate() {
    let sheet = common::read(&common::fixture("forms/list-01.xlsx"));
    let rows = forms::import_rows(FormKind::F01, "list-01.xlsx", &sheet).unwrap();
    let mut l = letter_from_certs(FormKind::F01);
    l.rows.truncate(1);
    l.rows = forms::merge_rows(l.rows, rows);
    let docx = forms::docx::to_docx(&l);
    let xml = unzip(&docx, "word/document.xml", "01.docx");
    for needle in [
        "Hoàng Thị Thu Trang",
        "001088012345",
        "21/07/1988",
        "0912345678",
        "Viettel/cs",
        "A1B2C3D4E5F60718",
        "Số hiệu chứng thư chữ ký số cũ (nếu có)",
    ] {
        assert!(xml.contains(needle), "DOCX lacks {needle}");
    }
    let pdf = forms::pdf::to_pdf(&l, &fonts()).unwrap();
    let text = pdftotext(&pdf, "01.pdf");
    // Landscape: IDs and serials fit on one line.
    for needle in [
        "001088012345",
        "A1B2C3D4E5F60718",
        "Viettel/cs",
        "21/07/1988",
    ] {
        assert!(text.contains(needle), "PDF lacks {needle}");
    }
    let flat = squash(&pdftotext_raw("01.pdf"));
    for needle in [
        "Hoàng Thị Thu Trang",
        "001088012345",
        "Viettel/cs",
        "A1B2C3D4E5F60718",
    ] {
        assert!(flat.contains(&squash(needle)), "PDF lacks {needle}");
    }
}

#[test]
fn form_05_from_csv_and_html_print_view() {
    let csv = common::read(&common::fixture("forms/list-05.csv"));
    let mut l = Letter::new(FormKind::F05);
    letterhead(&mut l);
    l.rows = forms::import_rows(FormKind::F05, "list-05.csv", &csv).unwrap();
    assert_eq!(l.rows.len(), 2);
    let docx = forms::docx::to_docx(&l);
    let xml = unzip(&docx, "word/document.xml", "05.docx");
    for needle in [
        "Trịnh Văn Quyết",
        "0301519977-029",
        "1234567",
        "540101AA00000002",
        "Nghỉ hưu; bàn giao thiết bị",
        "V/v đề nghị thu hồi chứng thư chữ ký số",
    ] {
        assert!(xml.contains(needle), "DOCX lacks {needle}");
    }
    let pdf = forms::pdf::to_pdf(&l, &fonts()).unwrap();
    let text = pdftotext(&pdf, "05.pdf");
    for needle in ["0301519977-029", "540101AA00000002", "001080001234"] {
        assert!(text.contains(needle), "PDF lacks {needle}");
    }
    let flat = squash(&pdftotext_raw("05.pdf"));
    for needle in [
        "Trịnh Văn Quyết",
        "0301519977-029",
        "540101AA00000002",
        "Sáp nhập cơ quan",
    ] {
        assert!(flat.contains(&squash(needle)), "PDF lacks {needle}");
    }
    let html = forms::html::to_html(&l);
    assert!(html.contains("Trịnh Văn Quyết") && html.contains("<thead>"));
    let mut evil = l.clone();
    evil.rows[0].cert_name = "<script>alert(1)</script>".into();
    assert!(!forms::html::to_html(&evil).contains("<script>"));
}

#[test]
fn batch_zip_holds_every_letter() {
    let a = letter_from_certs(FormKind::F06);
    let b = letter_from_certs(FormKind::F08);
    let files = vec![
        (forms::file_name(&a, "docx"), forms::docx::to_docx(&a)),
        (forms::file_name(&b, "docx"), forms::docx::to_docx(&b)),
    ];
    let z = forms::zip_files(&files);
    let p = out_dir().join("batch.zip");
    std::fs::write(&p, &z).unwrap();
    let out = Command::new("unzip").arg("-l").arg(&p).output().unwrap();
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(listing.contains("mau-06-125-SNV-VP.docx"), "{listing}");
    assert!(listing.contains("mau-08-125-SNV-VP.docx"), "{listing}");
    let t = Command::new("unzip").arg("-t").arg(&p).output().unwrap();
    assert!(t.status.success());
}

#[test]
fn every_form_renders_and_libreoffice_opens_the_docx() {
    let have_lo = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        have_lo,
        "LibreOffice (soffice) reads the DOCX here; scripts/tools.sh installs it"
    );
    for kind in forms::ALL_FORMS {
        let l = letter_from_certs(kind);
        let docx = forms::docx::to_docx(&l);
        let pdf = forms::pdf::to_pdf(&l, &fonts()).unwrap();
        let text = pdftotext(&pdf, &format!("all-{}.pdf", kind.number()));
        assert!(text.contains(&format!("Mẫu số {}", kind.number())));
        // The page says which forms are not confirmed; the letter never does.
        assert!(!text.contains("mẫu tham khảo"), "{kind:?}");
        let name = format!("all-{}.docx", kind.number());
        let xml = unzip(&docx, "word/document.xml", &name);
        // Well-formed XML, checked by Python's parser.
        let st = Command::new("python3")
            .args([
                "-c",
                "import sys,xml.dom.minidom as m; m.parseString(sys.stdin.buffer.read())",
            ])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                use std::io::Write;
                c.stdin.take().unwrap().write_all(xml.as_bytes())?;
                c.wait()
            });
        if let Ok(st) = st {
            assert!(st.success(), "{name} is not well-formed XML");
        }
        if have_lo && matches!(kind, FormKind::F04 | FormKind::F08) {
            let dir = out_dir().join(format!("lo-{}", kind.number()));
            std::fs::create_dir_all(&dir).unwrap();
            let st = Command::new("soffice")
                .args(["--headless", "--convert-to", "pdf", "--outdir"])
                .arg(&dir)
                .arg(out_dir().join(&name))
                .env("HOME", &dir)
                .output()
                .unwrap();
            assert!(
                st.status.success(),
                "{}",
                String::from_utf8_lossy(&st.stderr)
            );
            let converted = dir.join(Path::new(&name).with_extension("pdf"));
            let text = pdftotext(&std::fs::read(&converted).unwrap(), "lo.pdf");
            // LibreOffice lays the letter out with the fonts of the machine it
            // runs on: where its substitute for Times New Roman is wider, the
            // motto wraps. What matters is that the words are there.
            assert!(
                squash(&text).contains(&squash("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
                "{text}"
            );
            assert!(squash(&text).contains(&squash("Sở Tài chính tỉnh Thử Nghiệm")));
        }
    }
}
