//! A letter laid out as blocks, independent of the file format: the DOCX, PDF and
//! HTML writers all render this, so the three say the same words in the same places.
//!
//! Layout per Decree 30/2020/NĐ-CP, Appendix I: A4 portrait; margins top/bottom
//! 20 mm, left 30 mm, right 15 mm; Times New Roman-compatible serif; the managing
//! body's name (bold, upper case) under its superior (regular, upper case) with a
//! short rule; the national motto (bold upper case, then bold) with a short rule; the
//! place and date in italics; "Kính gửi"; the body; "Nơi nhận" at the left and the
//! signature at the right. Paragraphs are at least 6 pt apart (Phụ lục I, khoảng
//! cách giữa các đoạn văn); from page 2 the page number is printed centred in the top
//! margin (Phụ lục I, số trang).
//!
//! The words of 01, 02, 04, 05 and 06 (subject lines, headings, columns, footnotes)
//! are the forms' own as transcribed in `../shared/domain/forms-wording.md`; a
//! letter carries no template prompt ("mẫu tham khảo", "(Ký, đóng dấu, ghi rõ họ
//! tên)" under the signer): those are instructions for the clerk and live in the page.

use serde::{Deserialize, Serialize};

use super::model::{Addressee, Column, Field, FormKind, Letter, Person, PersonField, Row};
use crate::rules::dates::Date;

/// Page geometry in millimetres.
pub const PAGE_WIDTH_MM: f32 = 210.0;
pub const PAGE_HEIGHT_MM: f32 = 297.0;
pub const MARGIN_TOP_MM: f32 = 20.0;
pub const MARGIN_BOTTOM_MM: f32 = 20.0;
pub const MARGIN_LEFT_MM: f32 = 30.0;
pub const MARGIN_RIGHT_MM: f32 = 15.0;

/// Font sizes in points.
pub const BODY_PT: f32 = 13.0;
pub const HEADER_PT: f32 = 12.0;
pub const MOTTO_PT: f32 = 13.0;
pub const RECIPIENTS_LABEL_PT: f32 = 12.0;
pub const RECIPIENTS_PT: f32 = 11.0;

pub const ADDRESSEE: &str = "Cục Chứng thực số và Bảo mật thông tin, Ban Cơ yếu Chính phủ";
/// The Cục as named inside a sentence.
pub const CUC: &str = "Cục Chứng thực số và Bảo mật thông tin";
/// Space after a paragraph: Decree 30/2020, Phụ lục I asks for at least 6 pt.
pub const PARA_SPACE_PT: f32 = 6.0;
pub const MOTTO_1: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO_2: &str = "Độc lập - Tự do - Hạnh phúc";
pub const BLANK: &str = "……………";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    Left,
    Center,
    Justify,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Span {
    pub fn plain(t: impl Into<String>) -> Span {
        Span {
            text: t.into(),
            bold: false,
            italic: false,
        }
    }
    pub fn bold(t: impl Into<String>) -> Span {
        Span {
            text: t.into(),
            bold: true,
            italic: false,
        }
    }
    pub fn italic(t: impl Into<String>) -> Span {
        Span {
            text: t.into(),
            bold: false,
            italic: true,
        }
    }
    pub fn bold_italic(t: impl Into<String>) -> Span {
        Span {
            text: t.into(),
            bold: true,
            italic: true,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Para {
    pub spans: Vec<Span>,
    pub align: Align,
    /// First-line indent (body paragraphs), in mm.
    pub first_indent_mm: f32,
    pub size: f32,
    /// Space after, in points.
    pub space_after: f32,
}

impl Para {
    pub fn body(spans: Vec<Span>) -> Para {
        Para {
            spans,
            align: Align::Justify,
            first_indent_mm: 10.0,
            size: BODY_PT,
            space_after: PARA_SPACE_PT,
        }
    }

    /// A footnote of the form: small italic, no indent.
    pub fn note(text: impl Into<String>) -> Para {
        Para {
            spans: vec![Span::italic(text)],
            align: Align::Justify,
            first_indent_mm: 0.0,
            size: RECIPIENTS_PT,
            space_after: PARA_SPACE_PT,
        }
    }
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A cell's lines (a column showing several fields puts each on its own line).
pub type Cell = Vec<String>;

/// A header spanning several columns above their own headers (04: "Dịch vụ yêu
/// cầu"; 06: "Thông tin của thuê bao").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeaderGroup {
    /// Index of the first spanned column in `Table::headers` (STT is 0).
    pub first: usize,
    pub span: usize,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Including "STT".
    pub headers: Vec<String>,
    /// Two-level headers; empty for a one-line header row.
    pub groups: Vec<HeaderGroup>,
    /// Relative widths, same length as `headers`.
    pub weights: Vec<u16>,
    /// Centre the column's cells (STT, dates, ticks).
    pub centered: Vec<bool>,
    pub rows: Vec<Vec<Cell>>,
    /// A last line "Cộng" with its text (records).
    pub total: Option<String>,
    pub size: f32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    /// One line per `\n` ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"); see [`Signature::title_lines`].
    pub title: String,
    /// Printed under the title only where the document's own text has it (the
    /// records' "(Ký, đóng dấu và ghi rõ họ tên)"); empty for letters.
    pub note: String,
    pub name: String,
}

impl Signature {
    pub fn title_lines(&self) -> Vec<&str> {
        self.title
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
}

/// The whole letter, ready to draw.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// Landscape A4 (wide tables).
    pub landscape: bool,
    /// "Mẫu số 04", printed small at the top right: it tells the CA which form this is.
    pub form_label: String,
    pub superior: String,
    pub managing: String,
    /// "Số: 125/SNV-VP".
    pub number_line: String,
    /// "V/v ..." (letters only).
    pub subject_line: Option<String>,
    /// "Cao Bằng, ngày 05 tháng 3 năm 2025".
    pub date_line: String,
    /// Records: "BIÊN BẢN ...".
    pub title: Option<String>,
    /// "Kính gửi: ..." (letters only).
    pub addressee: Option<String>,
    pub before_table: Vec<Para>,
    pub table: Table,
    pub after_table: Vec<Para>,
    /// "Nơi nhận" lines (letters only).
    pub recipients: Option<Vec<String>>,
    /// One (letters) or two (records: left, right) signature blocks.
    pub signatures: Vec<Signature>,
}

fn or_blank(s: &str) -> String {
    if s.trim().is_empty() {
        BLANK.to_string()
    } else {
        s.trim().to_string()
    }
}

/// Upper case for Vietnamese (Rust's `to_uppercase` handles precomposed letters).
pub fn upper(s: &str) -> String {
    s.trim().to_uppercase()
}

/// "ngày 05 tháng 3 năm 2025": Decree 30 pads days below 10 and the months 1 and 2
/// with a zero.
pub fn date_words(date: &str) -> String {
    match Date::parse(date) {
        Ok(d) => {
            let month = if d.month < 3 {
                format!("{:02}", d.month)
            } else {
                d.month.to_string()
            };
            format!("ngày {:02} tháng {} năm {}", d.day, month, d.year)
        }
        Err(_) => "ngày … tháng … năm …".to_string(),
    }
}

/// The form's subject line (after "V/v "), in the form's own words (T).
pub fn default_subject(kind: FormKind) -> &'static str {
    match kind {
        FormKind::F01 => "đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho cá nhân",
        FormKind::F02 => "đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho cơ quan, tổ chức",
        FormKind::F03 => {
            "đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho thiết bị, dịch vụ, phần mềm"
        }
        FormKind::F04 => {
            "đề nghị gia hạn, thay đổi nội dung thông tin chứng thư chữ ký số chuyên dùng công vụ"
        }
        FormKind::F05 => "đề nghị thu hồi chứng thư chữ ký số chuyên dùng công vụ",
        FormKind::F06 => "đề nghị khôi phục thiết bị lưu khóa bí mật",
        FormKind::F07 => "thông báo bàn giao thiết bị lưu khóa bí mật cho thuê bao",
        FormKind::F08 => "giao, nhận thiết bị lưu khóa bí mật",
        FormKind::F09 => "xác nhận thất lạc thiết bị lưu khóa bí mật",
    }
}

/// Mẫu 01's variant for holders who sign remotely (T).
pub const SUBJECT_01_CENTRAL: &str = "đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho cá nhân sử dụng giải pháp ký số tập trung";

/// The subject of this letter: the clerk's own, else the form's (01 has two).
pub fn subject_of(letter: &Letter) -> String {
    let typed = letter.letterhead.subject.trim();
    if !typed.is_empty() {
        return typed.trim_start_matches("V/v").trim().to_string();
    }
    if letter.kind == FormKind::F01 && letter.central_signing {
        SUBJECT_01_CENTRAL.to_string()
    } else {
        default_subject(letter.kind).to_string()
    }
}

/// The records' titles. 08: the 2024 title as the provincial regulation gives it (P
/// art. 10.6.c); 09 has no confirmed text.
fn record_title(kind: FormKind) -> Option<&'static str> {
    match kind {
        FormKind::F08 => Some(
            "BIÊN BẢN GIAO, NHẬN THIẾT BỊ LƯU KHÓA BÍ MẬT SAU KHI CHỨNG THƯ CHỮ KÝ SỐ CHUYÊN DÙNG CÔNG VỤ HẾT HẠN SỬ DỤNG HOẶC BỊ THU HỒI",
        ),
        FormKind::F09 => Some("BIÊN BẢN XÁC NHẬN THẤT LẠC THIẾT BỊ LƯU KHÓA BÍ MẬT"),
        _ => None,
    }
}

/// "Sở Khoa học và Công nghệ tỉnh Ninh Bình" / "… thành phố Huế".
pub fn so_name(province: &str) -> String {
    let p = province.trim();
    if p.is_empty() {
        return format!("Sở Khoa học và Công nghệ tỉnh {BLANK}");
    }
    format!(
        "Sở Khoa học và Công nghệ {}",
        crate::rules::provinces::with_unit(p)
    )
}

/// Who the letter goes to: the full line after "Kính gửi:", and the name used in the
/// intro sentence. Only 04 and 06 may go to the province's Sở.
pub fn addressee_of(letter: &Letter) -> (String, String) {
    let lh = &letter.letterhead;
    if letter.kind.addressee_choice() && lh.addressee == Addressee::So {
        let so = so_name(&lh.addressee_province);
        (so.clone(), so)
    } else {
        (ADDRESSEE.to_string(), CUC.to_string())
    }
}

fn intro(kind: FormKind, body: &str, to: &str) -> String {
    let who = if body.trim().is_empty() {
        "Cơ quan, tổ chức quản lý trực tiếp".to_string()
    } else {
        body.trim().to_string()
    };
    match kind {
        FormKind::F01 => format!(
            "{who} đề nghị {to} cấp chứng thư chữ ký số chuyên dùng công vụ cho các cá nhân có tên tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F02 => format!(
            "{who} đề nghị {to} cấp chứng thư chữ ký số chuyên dùng công vụ cho các cơ quan, tổ chức có tên tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F03 => format!(
            "{who} đề nghị {to} cấp chứng thư chữ ký số chuyên dùng công vụ cho các thiết bị, dịch vụ, phần mềm có tên tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F04 => format!(
            "{who} đề nghị {to} gia hạn, thay đổi nội dung thông tin các chứng thư chữ ký số chuyên dùng công vụ tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F05 => format!(
            "{who} đề nghị {to} thu hồi các chứng thư chữ ký số chuyên dùng công vụ tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F06 => format!(
            "{who} đề nghị {to} khôi phục các thiết bị lưu khóa bí mật tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F07 => format!(
            "{who} thông báo đã bàn giao thiết bị lưu khóa bí mật (hoặc thông tin tài khoản ký số tập trung) cho các thuê bao tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F08 | FormKind::F09 => String::new(),
    }
}

/// Section 1's heading, the form's words (T) for 01, 02, 04, 05, 06.
pub fn section1_heading(kind: FormKind) -> &'static str {
    match kind {
        FormKind::F01 => {
            "1. Thông tin người tiếp nhận chứng thư chữ ký số (thiết bị lưu khóa bí mật):"
        }
        FormKind::F02 | FormKind::F03 => "1. Thông tin người tiếp nhận thiết bị lưu khóa bí mật:",
        FormKind::F04 => "1. Thông tin người tiếp nhận chứng thư chữ ký số:",
        FormKind::F05 => "1. Thông tin đầu mối phối hợp thu hồi thiết bị lưu khóa bí mật:",
        FormKind::F06 => "1. Thông tin người phối hợp thực hiện khôi phục thiết bị:",
        FormKind::F07 => "1. Thông tin người thực hiện bàn giao:",
        FormKind::F08 => "1. Bên giao",
        FormKind::F09 => "1. Đại diện cơ quan, tổ chức quản lý trực tiếp",
    }
}

/// Section 2's heading with the count the forms ask for (T): "Số lượng và danh sách
/// đăng ký: 3, gồm:".
pub fn section2_heading(kind: FormKind, count: usize) -> String {
    let n = if count == 0 {
        BLANK.to_string()
    } else {
        count.to_string()
    };
    match kind {
        FormKind::F01 | FormKind::F02 | FormKind::F03 | FormKind::F04 => {
            format!("2. Số lượng và danh sách đăng ký: {n}, gồm:")
        }
        FormKind::F05 => format!("2. Số lượng và danh sách thu hồi: {n}, gồm:"),
        FormKind::F06 => "2. Thông tin thiết bị lưu khóa bí mật cần khôi phục:".to_string(),
        FormKind::F07 => format!("2. Số lượng và danh sách bàn giao: {n}, gồm:"),
        FormKind::F08 => "4. Danh sách thiết bị lưu khóa bí mật giao, nhận".to_string(),
        FormKind::F09 => "4. Danh sách thiết bị lưu khóa bí mật bị thất lạc".to_string(),
    }
}

/// The forms' footnotes (T), printed under the table. Worded from the transcription's
/// summary of each note.
pub fn footnotes(kind: FormKind) -> &'static [&'static str] {
    const EMAIL: &str = "(1) Địa chỉ thư điện tử công vụ do cơ quan nhà nước cấp, không sử dụng thư điện tử của các nhà cung cấp dịch vụ công cộng (gmail, yahoo, hotmail…).";
    match kind {
        FormKind::F01 => &[
            EMAIL,
            "(2) SIM PKI: ghi tên nhà mạng (Viettel/Vinaphone/Mobifone) khi đăng ký SIM PKI mới; ghi thêm “cs” nếu chuyển số điện thoại di động đang sử dụng sang SIM PKI (ví dụ: Viettel/cs); để trống nếu không đăng ký.",
        ],
        FormKind::F02 | FormKind::F03 => {
            &["(1) Địa chỉ thư điện tử công vụ của cơ quan, tổ chức do cơ quan nhà nước cấp."]
        }
        FormKind::F04 => &[
            "(1) Địa chỉ thư điện tử công vụ đã đăng ký khi cấp chứng thư chữ ký số.",
            "(2) “Thông tin cần thay đổi” và “Thông tin mới” chỉ ghi khi đề nghị thay đổi thông tin.",
            "(3) Đánh dấu “×” vào dịch vụ yêu cầu; đánh dấu cả hai ô nếu đề nghị gia hạn và thay đổi thông tin.",
        ],
        _ => &[],
    }
}

fn line(label: &str, value: String) -> Para {
    Para {
        spans: vec![Span::plain(format!("- {label}: ")), Span::plain(value)],
        align: Align::Left,
        first_indent_mm: 10.0,
        size: BODY_PT,
        space_after: PARA_SPACE_PT,
    }
}

/// Section 1's lines, one per field as the forms list them.
fn person_lines(p: &Person, fields: &[PersonField], out: &mut Vec<Para>) {
    for f in fields {
        out.push(line(f.label(), or_blank(f.get(p))));
    }
}

fn heading(text: &str) -> Para {
    Para {
        spans: vec![Span::bold(text)],
        align: Align::Left,
        first_indent_mm: 10.0,
        size: BODY_PT,
        space_after: PARA_SPACE_PT,
    }
}

/// The cell text of `column` for `row`. Ticks print "×" as the forms do.
pub fn cell(column: &Column, row: &Row) -> Cell {
    let values: Vec<&str> = column
        .fields
        .iter()
        .map(|f| {
            if f.is_flag() && !row.get(*f).is_empty() {
                "×"
            } else {
                row.get(*f).trim()
            }
        })
        .collect();
    match column.fields {
        // "ID / issue date, place": the ID on the first line, date and place after.
        [Field::IdNumber, ..] => {
            let mut lines = Vec::new();
            if let Some(id) = values.first().filter(|v| !v.is_empty()) {
                lines.push((*id).to_string());
            }
            let rest: Vec<&str> = values
                .iter()
                .skip(1)
                .copied()
                .filter(|v| !v.is_empty())
                .collect();
            if !rest.is_empty() {
                lines.push(rest.join(", "));
            }
            lines
        }
        _ => values
            .into_iter()
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect(),
    }
}

/// Table text size: 11 pt, 10 pt for the denser forms.
fn table_size(kind: FormKind) -> f32 {
    if kind.columns().len() > 6 && kind != FormKind::F05 {
        10.0
    } else {
        11.0
    }
}

impl Doc {
    /// (width, height) of the page in millimetres.
    pub fn page_mm(&self) -> (f32, f32) {
        if self.landscape {
            (PAGE_HEIGHT_MM, PAGE_WIDTH_MM)
        } else {
            (PAGE_WIDTH_MM, PAGE_HEIGHT_MM)
        }
    }

    pub fn text_width_mm(&self) -> f32 {
        self.page_mm().0 - MARGIN_LEFT_MM - MARGIN_RIGHT_MM
    }
}

/// Runs of columns under one spanning header.
fn header_groups(cols: &[Column]) -> Vec<HeaderGroup> {
    let mut out: Vec<HeaderGroup> = Vec::new();
    for (i, c) in cols.iter().enumerate() {
        let Some(g) = c.group else { continue };
        match out.last_mut() {
            Some(last) if last.label == g && last.first + last.span == i + 1 => last.span += 1,
            _ => out.push(HeaderGroup {
                first: i + 1,
                span: 1,
                label: g.to_string(),
            }),
        }
    }
    out
}

fn table_of(letter: &Letter) -> Table {
    let kind = letter.kind;
    let cols = kind.columns();
    let mut headers = vec!["STT".to_string()];
    headers.extend(cols.iter().map(|c| c.header.to_string()));
    let mut weights = vec![6u16];
    weights.extend(cols.iter().map(|c| c.weight));
    let mut centered = vec![true];
    centered.extend(cols.iter().map(|c| {
        c.fields
            .iter()
            .all(|f| f.is_flag() || f.is_date() || matches!(f, Field::SimPki))
    }));
    let rows = letter
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = vec![vec![(i + 1).to_string()]];
            cells.extend(cols.iter().map(|c| cell(c, r)));
            cells
        })
        .collect();
    Table {
        headers,
        groups: header_groups(cols),
        weights,
        centered,
        rows,
        total: kind
            .is_record()
            .then(|| format!("Cộng: {} thiết bị", letter.rows.len())),
        size: table_size(kind),
    }
}

/// The signer's title, one upper-case line per line typed; the generic title when
/// none is given.
fn signer_title(typed: &str) -> String {
    let lines: Vec<String> = typed.lines().map(upper).filter(|l| !l.is_empty()).collect();
    if lines.is_empty() {
        "THỦ TRƯỞNG CƠ QUAN, TỔ CHỨC".into()
    } else {
        lines.join("\n")
    }
}

/// Under each party of a record (S4: "(Ký, đóng dấu và ghi rõ họ tên)").
pub const RECORD_SIGN_NOTE: &str = "(Ký, đóng dấu và ghi rõ họ tên)";

fn signatures(letter: &Letter) -> Vec<Signature> {
    let lh = &letter.letterhead;
    let c = &letter.contact;
    match letter.kind {
        FormKind::F08 => vec![
            Signature {
                title: "BÊN GIAO".into(),
                note: RECORD_SIGN_NOTE.into(),
                name: c.person.full_name.trim().to_string(),
            },
            Signature {
                title: "BÊN NHẬN".into(),
                note: RECORD_SIGN_NOTE.into(),
                name: c.counterpart.full_name.trim().to_string(),
            },
        ],
        FormKind::F09 => vec![
            Signature {
                title: "THUÊ BAO".into(),
                note: "(Ký và ghi rõ họ tên)".into(),
                name: c.counterpart.full_name.trim().to_string(),
            },
            Signature {
                title: signer_title(&lh.signer_title),
                note: RECORD_SIGN_NOTE.into(),
                name: lh.signer_name.trim().to_string(),
            },
        ],
        _ => vec![Signature {
            title: signer_title(&lh.signer_title),
            note: String::new(),
            name: lh.signer_name.trim().to_string(),
        }],
    }
}

fn recipients(letter: &Letter) -> Option<Vec<String>> {
    let lh = &letter.letterhead;
    (!letter.kind.is_record()).then(|| {
        if lh.recipients.iter().all(|r| r.trim().is_empty()) {
            vec!["- Như trên;".to_string(), "- Lưu: VT.".to_string()]
        } else {
            lh.recipients
                .iter()
                .filter(|r| !r.trim().is_empty())
                .map(|r| {
                    let r = r.trim();
                    if r.starts_with('-') {
                        r.to_string()
                    } else {
                        format!("- {r}")
                    }
                })
                .collect()
        }
    })
}

/// Sections 1 (and 2, 3 of the records) before the table.
fn sections_before(letter: &Letter, to: &str) -> Vec<Para> {
    let kind = letter.kind;
    let lh = &letter.letterhead;
    let mut before = Vec::new();
    if !kind.is_record() {
        before.push(Para::body(vec![Span::plain(intro(
            kind,
            &lh.managing_body,
            to,
        ))]));
    }
    before.push(heading(section1_heading(kind)));
    person_lines(&letter.contact.person, kind.contact_fields(), &mut before);
    if kind.is_record() {
        before.push(heading(match kind {
            FormKind::F08 => "2. Bên nhận",
            _ => "2. Thuê bao làm thất lạc thiết bị",
        }));
        person_lines(
            &letter.contact.counterpart,
            kind.contact_fields(),
            &mut before,
        );
        if let Some(label) = kind.address_label() {
            before.push(Para {
                spans: vec![
                    Span::bold(format!("3. {label}: ")),
                    Span::plain(or_blank(&letter.contact.address)),
                ],
                ..heading("")
            });
        }
        if kind == FormKind::F09 {
            before.push(line(
                "Ngày thất lạc thiết bị",
                or_blank(&letter.contact.loss_date),
            ));
            before.push(line(
                "Nơi thất lạc thiết bị",
                or_blank(&letter.contact.loss_place),
            ));
        }
    } else if let Some(label) = kind.address_label() {
        before.push(line(label, or_blank(&letter.contact.address)));
    }
    before.push(heading(&section2_heading(kind, letter.rows.len())));
    before
}

fn sections_after(letter: &Letter) -> Vec<Para> {
    let mut after: Vec<Para> = footnotes(letter.kind)
        .iter()
        .map(|n| Para::note(*n))
        .collect();
    let managing = letter.letterhead.managing_body.trim();
    let who = if managing.is_empty() {
        "Cơ quan, tổ chức quản lý trực tiếp"
    } else {
        managing
    };
    after.push(Para::body(vec![Span::plain(match letter.kind {
        FormKind::F08 => format!(
            "Hai bên thống nhất các nội dung giao, nhận như trên. Biên bản được lập thành 03 bản có giá trị như nhau, mỗi bên giữ 01 bản và 01 bản gửi về {CUC}."
        ),
        FormKind::F09 => format!(
            "Các bên xác nhận các thiết bị lưu khóa bí mật nêu trên đã bị thất lạc. Biên bản được lập thành 03 bản có giá trị như nhau, mỗi bên giữ 01 bản và 01 bản gửi về {CUC}."
        ),
        _ => format!("{who} cam kết chịu trách nhiệm về tính chính xác của các thông tin nêu trên./."),
    })]));
    after
}

pub fn build(letter: &Letter) -> Doc {
    let kind = letter.kind;
    let lh = &letter.letterhead;
    let (kinh_gui, to) = addressee_of(letter);
    let place = lh.place.trim();
    Doc {
        landscape: kind.landscape(),
        form_label: format!("Mẫu số {}", kind.number()),
        superior: upper(&lh.superior_body),
        managing: if lh.managing_body.trim().is_empty() {
            "CƠ QUAN, TỔ CHỨC QUẢN LÝ TRỰC TIẾP".into()
        } else {
            upper(&lh.managing_body)
        },
        number_line: if lh.number.trim().is_empty() {
            "Số:       /".into()
        } else {
            format!("Số: {}", lh.number.trim())
        },
        subject_line: (!kind.is_record()).then(|| format!("V/v {}", subject_of(letter))),
        date_line: format!(
            "{}, {}",
            if place.is_empty() { "……" } else { place },
            date_words(&lh.date)
        ),
        title: record_title(kind).map(str::to_string),
        addressee: (!kind.is_record()).then(|| format!("Kính gửi: {kinh_gui}.")),
        before_table: sections_before(letter, &to),
        table: table_of(letter),
        after_table: sections_after(letter),
        recipients: recipients(letter),
        signatures: signatures(letter),
    }
}
