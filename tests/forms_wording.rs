//! The letters say the forms' own words. Expected strings are copied here from the
//! transcription in `../shared/domain/forms-wording.md` (T for 01, 02, 04, 05, 06;
//! P and S4 for 08), not from kyso's constants, and are looked for in the DOCX
//! (`unzip`) and in the PDF (poppler's `pdftotext`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod forms_support;

use forms_support::{fonts, squash};
use kyso::forms::{self, Addressee, FormKind, Letter, Row};

fn unzip(docx: &[u8], part: &str, name: &str) -> String {
    forms_support::unzip("forms_wording", docx, part, name)
}

/// The text of every `<w:t>` in `xml`, one line per paragraph.
fn docx_text(xml: &str) -> String {
    let mut out = String::new();
    for para in xml.split("</w:p>") {
        let mut rest = para;
        while let Some(i) = rest.find("<w:t") {
            let after = &rest[i..];
            let Some(gt) = after.find('>') else { break };
            if after[..gt].ends_with('/') || !matches!(after.as_bytes()[4], b'>' | b' ') {
                rest = &after[gt + 1..];
                continue;
            }
            let body = &after[gt + 1..];
            let end = body.find("</w:t>").unwrap();
            out.push_str(&unescape(&body[..end]));
            rest = &body[end..];
        }
        out.push('\n');
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The cells of the table's header rows (`<w:tblHeader/>`), row by row.
fn header_rows(xml: &str) -> Vec<Vec<String>> {
    xml.split("<w:tr>")
        .filter(|r| r.contains("<w:tblHeader/>"))
        .map(|r| {
            let r = r.split("</w:tr>").next().unwrap();
            r.split("<w:tc>")
                .skip(1)
                .map(|c| docx_text(c).replace('\n', ""))
                .collect()
        })
        .collect()
}

fn pdftotext(pdf: &[u8], name: &str) -> String {
    forms_support::pdftotext("forms_wording", Some(pdf), name, true)
}

fn letter(kind: FormKind) -> Letter {
    let mut l = Letter::new(kind);
    l.letterhead.superior_body = "UBND tỉnh Ninh Bình".into();
    l.letterhead.managing_body = "Sở Nội vụ".into();
    l.letterhead.number = "125/SNV-VP".into();
    l.letterhead.place = "Ninh Bình".into();
    l.letterhead.date = "05/08/2025".into();
    l.letterhead.signer_title = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC".into();
    l.letterhead.signer_name = "Nguyễn Văn Đông".into();
    l.contact.person.full_name = "Trần Thị Bình".into();
    l.contact.counterpart.full_name = "Phạm Minh Tuấn".into();
    for i in 0..2 {
        l.rows.push(Row {
            full_name: format!("Nguyễn Văn A{i}"),
            org_name: format!("Phòng {i}"),
            cert_name: format!("Nguyễn Văn A{i}"),
            serial: format!("54010{i}"),
            token_serial: format!("TK{i}"),
            renew: true,
            ..Row::default()
        });
    }
    l
}

/// What one form must say, word for word.
struct Expect {
    kind: FormKind,
    lines: &'static [&'static str],
    /// Header rows, in order (a grouped header has two).
    headers: &'static [&'static [&'static str]],
}

const CUC: &str = "Kính gửi: Cục Chứng thực số và Bảo mật thông tin, Ban Cơ yếu Chính phủ.";

const EXPECT: &[Expect] = &[
    Expect {
        kind: FormKind::F01,
        lines: &[
            "V/v đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho cá nhân",
            CUC,
            "1. Thông tin người tiếp nhận chứng thư chữ ký số (thiết bị lưu khóa bí mật):",
            "- Họ và tên: Trần Thị Bình",
            "- Số định danh cá nhân: ",
            "- Ngày cấp: ",
            "- Nơi cấp: ",
            "- Chức vụ: ",
            "- Số điện thoại di động: ",
            "- Địa chỉ thư điện tử công vụ: ",
            "- Địa chỉ tiếp nhận (địa chỉ cơ quan, tổ chức công tác): ",
            "2. Số lượng và danh sách đăng ký: 2, gồm:",
            "(1) Địa chỉ thư điện tử công vụ do cơ quan nhà nước cấp",
            "(2) SIM PKI: ghi tên nhà mạng (Viettel/Vinaphone/Mobifone)",
        ],
        headers: &[&[
            "STT",
            "Họ và tên",
            "Ngày sinh",
            "Số định danh cá nhân/Ngày cấp, nơi cấp",
            "Địa chỉ thư điện tử công vụ",
            "Tên cơ quan, tổ chức công tác",
            "Tỉnh/Thành phố",
            "Chức vụ",
            "Số điện thoại di động",
            "Số hiệu chứng thư chữ ký số cũ (nếu có)",
            "SIM PKI",
        ]],
    },
    Expect {
        kind: FormKind::F02,
        lines: &[
            "V/v đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho cơ quan, tổ chức",
            CUC,
            "1. Thông tin người tiếp nhận thiết bị lưu khóa bí mật:",
            "- Địa chỉ tiếp nhận (địa chỉ cơ quan, tổ chức công tác): ",
            "2. Số lượng và danh sách đăng ký: 2, gồm:",
            "(1) Địa chỉ thư điện tử công vụ của cơ quan, tổ chức do cơ quan nhà nước cấp.",
        ],
        headers: &[&[
            "STT",
            "Tên cơ quan, tổ chức",
            "Địa chỉ",
            "Mã số thuế",
            "Mã quan hệ ngân sách",
            "Tỉnh/Thành phố",
            "Địa chỉ thư điện tử công vụ",
        ]],
    },
    Expect {
        kind: FormKind::F04,
        lines: &[
            "V/v đề nghị gia hạn, thay đổi nội dung thông tin chứng thư chữ ký số chuyên dùng công vụ",
            CUC,
            "1. Thông tin người tiếp nhận chứng thư chữ ký số:",
            "- Địa chỉ tiếp nhận (địa chỉ cơ quan, tổ chức công tác): ",
            "2. Số lượng và danh sách đăng ký: 2, gồm:",
            "(1) Địa chỉ thư điện tử công vụ đã đăng ký khi cấp chứng thư chữ ký số.",
        ],
        headers: &[
            &[
                "STT",
                "Tên chứng thư chữ ký số",
                "Số hiệu chứng thư (SIM-PKI ghi thêm số điện thoại ký số)",
                "Địa chỉ thư điện tử công vụ",
                "Thông tin cần thay đổi",
                "Thông tin mới",
                "Dịch vụ yêu cầu",
            ],
            &[
                "",
                "",
                "",
                "",
                "",
                "",
                "Gia hạn",
                "Thay đổi thông tin (TĐTT)",
            ],
        ],
    },
    Expect {
        kind: FormKind::F05,
        lines: &[
            "V/v đề nghị thu hồi chứng thư chữ ký số chuyên dùng công vụ",
            CUC,
            "1. Thông tin đầu mối phối hợp thu hồi thiết bị lưu khóa bí mật:",
            "- Địa chỉ thư điện tử công vụ: ",
            "- Địa chỉ thu hồi: ",
            "2. Số lượng và danh sách thu hồi: 2, gồm:",
        ],
        headers: &[&[
            "STT",
            "Tên chứng thư chữ ký số",
            "Số định danh cá nhân/Ngày cấp, nơi cấp (nếu thu hồi của cá nhân)",
            "Mã số thuế (nếu thu hồi của cơ quan)",
            "Mã quan hệ ngân sách (nếu thu hồi của cơ quan)",
            "Địa chỉ thư điện tử công vụ",
            "Số hiệu chứng thư chữ ký số",
            "Số hiệu thiết bị lưu khóa bí mật",
            "Lý do thu hồi",
        ]],
    },
    Expect {
        kind: FormKind::F06,
        lines: &[
            "V/v đề nghị khôi phục thiết bị lưu khóa bí mật",
            CUC,
            "1. Thông tin người phối hợp thực hiện khôi phục thiết bị:",
            "- Cơ quan, tổ chức công tác: ",
            "2. Thông tin thiết bị lưu khóa bí mật cần khôi phục:",
        ],
        headers: &[
            &[
                "STT",
                "Số hiệu thiết bị lưu khóa bí mật",
                "Thông tin của thuê bao",
            ],
            &[
                "",
                "",
                "Tên chứng thư chữ ký số",
                "Cơ quan, tổ chức công tác",
                "Địa chỉ thư điện tử công vụ",
            ],
        ],
    },
    Expect {
        kind: FormKind::F08,
        lines: &[
            "BIÊN BẢN GIAO, NHẬN THIẾT BỊ LƯU KHÓA BÍ MẬT SAU KHI CHỨNG THƯ CHỮ KÝ SỐ CHUYÊN DÙNG CÔNG VỤ HẾT HẠN SỬ DỤNG HOẶC BỊ THU HỒI",
            "Cộng: 2 thiết bị",
            "03 bản",
        ],
        headers: &[&[
            "STT",
            "Tên chứng thư chữ ký số",
            "Cơ quan, tổ chức",
            "Số hiệu thiết bị lưu khóa bí mật",
            "Ghi chú",
        ]],
    },
];

#[test]
fn each_letter_says_the_forms_words_in_docx_and_pdf() {
    let fonts = fonts();
    for e in EXPECT {
        let n = e.kind.number();
        let l = letter(e.kind);
        let xml = unzip(
            &forms::docx::to_docx(&l),
            "word/document.xml",
            &format!("w{n}.docx"),
        );
        let text = docx_text(&xml);
        let pdf = squash(&pdftotext(
            &forms::pdf::to_pdf(&l, &fonts).unwrap(),
            &format!("w{n}.pdf"),
        ));
        for line in e.lines {
            assert!(text.contains(line), "{n}: DOCX lacks «{line}»\n{text}");
            assert!(pdf.contains(&squash(line)), "{n}: PDF lacks «{line}»");
        }
        // Column names and order, grouped headers included.
        let rows = header_rows(&xml);
        let want: Vec<Vec<String>> = e
            .headers
            .iter()
            .map(|r| r.iter().map(|s| (*s).to_string()).collect())
            .collect();
        assert_eq!(rows, want, "{n}: header rows");
        // The PDF holds every header (its order is checked on the DOCX: the same
        // `doc::Table` feeds both writers).
        for h in e
            .headers
            .iter()
            .flat_map(|r| r.iter())
            .filter(|h| !h.is_empty())
        {
            assert!(pdf.contains(&squash(h)), "{n}: PDF lacks header «{h}»");
        }
        // Template text stays in the page, not on the letter.
        for prompt in ["mẫu tham khảo", "(Ký, đóng dấu, ghi rõ họ tên)"] {
            assert!(!text.contains(prompt), "{n}: DOCX prints «{prompt}»");
            assert!(!pdf.contains(&squash(prompt)), "{n}: PDF prints «{prompt}»");
        }
        assert!(pdf.contains(&squash(&format!("Mẫu số {n}"))));
        if e.kind == FormKind::F08 {
            // Both parties sign "(Ký, đóng dấu và ghi rõ họ tên)" (S4).
            assert_eq!(text.matches("(Ký, đóng dấu và ghi rõ họ tên)").count(), 2);
        } else {
            // The signer's title on two lines (Decree 30: KT. + the deputy's title).
            assert!(text.contains("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n"), "{n}");
            assert!(pdf.contains(&squash("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC")), "{n}");
        }
    }
}

#[test]
fn renewal_and_recovery_may_go_to_the_provincial_department() {
    let fonts = fonts();
    for kind in [FormKind::F04, FormKind::F06, FormKind::F01] {
        let n = kind.number();
        let mut l = letter(kind);
        l.letterhead.addressee = Addressee::So;
        l.letterhead.addressee_province = "Ninh Bình".into();
        let text = docx_text(&unzip(
            &forms::docx::to_docx(&l),
            "word/document.xml",
            &format!("so{n}.docx"),
        ));
        let pdf = squash(&pdftotext(
            &forms::pdf::to_pdf(&l, &fonts).unwrap(),
            &format!("so{n}.pdf"),
        ));
        let (kinh_gui, intro) = match kind {
            FormKind::F04 => (
                "Kính gửi: Sở Khoa học và Công nghệ tỉnh Ninh Bình.",
                "Sở Nội vụ đề nghị Sở Khoa học và Công nghệ tỉnh Ninh Bình gia hạn",
            ),
            FormKind::F06 => (
                "Kính gửi: Sở Khoa học và Công nghệ tỉnh Ninh Bình.",
                "Sở Nội vụ đề nghị Sở Khoa học và Công nghệ tỉnh Ninh Bình khôi phục",
            ),
            // Issuing stays with the Cục whatever the draft says.
            _ => (
                CUC,
                "Sở Nội vụ đề nghị Cục Chứng thực số và Bảo mật thông tin cấp",
            ),
        };
        for s in [kinh_gui, intro] {
            assert!(text.contains(s), "{n}: DOCX lacks «{s}»");
            assert!(pdf.contains(&squash(s)), "{n}: PDF lacks «{s}»");
        }
    }
    // The choice is kept in the draft.
    let mut l = letter(FormKind::F04);
    l.letterhead.addressee = Addressee::So;
    l.letterhead.addressee_province = "Đồng Tháp".into();
    let back = Letter::from_json(&l.to_json()).unwrap();
    assert_eq!(back.letterhead.addressee, Addressee::So);
    assert_eq!(back.letterhead.addressee_province, "Đồng Tháp");
}

#[test]
fn form_01_for_remote_signing_has_its_own_subject() {
    let mut l = letter(FormKind::F01);
    l.central_signing = true;
    let text = docx_text(&unzip(
        &forms::docx::to_docx(&l),
        "word/document.xml",
        "central.docx",
    ));
    assert!(text.contains(
        "V/v đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho cá nhân sử dụng giải pháp ký số tập trung"
    ));
    assert!(Letter::from_json(&l.to_json()).unwrap().central_signing);
}

/// Decree 30/2020, Phụ lục I: page numbers from page 2, centred in the top margin;
/// at least 6 pt between paragraphs.
#[test]
fn docx_page_numbers_from_page_two_and_six_point_spacing() {
    let l = letter(FormKind::F04);
    let docx = forms::docx::to_docx(&l);
    let xml = unzip(&docx, "word/document.xml", "layout.docx");
    assert!(xml.contains("<w:titlePg/>"));
    let rels = unzip(&docx, "word/_rels/document.xml.rels", "layout.docx");
    let first = xml
        .split("<w:headerReference w:type=\"first\" r:id=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    let default = xml
        .split("<w:headerReference w:type=\"default\" r:id=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    let target = |id: &str| {
        rels.split(&format!("Id=\"{id}\""))
            .nth(1)
            .and_then(|s| s.split("Target=\"").nth(1))
            .and_then(|s| s.split('"').next())
            .unwrap()
            .to_string()
    };
    let numbered = unzip(&docx, &format!("word/{}", target(default)), "layout.docx");
    assert!(numbered.contains(" PAGE ") && numbered.contains("<w:jc w:val=\"center\"/>"));
    let blank = unzip(&docx, &format!("word/{}", target(first)), "layout.docx");
    assert!(!blank.contains("PAGE"));
    // Body paragraphs: intro, section lines, headings.
    for needle in ["1. Thông tin người tiếp nhận", "- Họ và tên", "2. Số lượng"] {
        let para = xml
            .split("<w:p>")
            .find(|p| p.contains(needle))
            .unwrap_or_else(|| panic!("{needle}"));
        let after: u32 = para
            .split("w:after=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .parse()
            .unwrap();
        assert!(after >= 120, "{needle}: {after} twentieths of a point");
    }
}
