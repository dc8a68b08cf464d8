//! A letter laid out as blocks, independent of the file format: the DOCX, PDF and
//! HTML writers all render this, so the three say the same words in the same places.
//!
//! Layout per Decree 30/2020/NĐ-CP, Appendix I: A4 portrait; margins top/bottom
//! 20 mm, left 30 mm, right 15 mm; Times New Roman-compatible serif; the managing
//! body's name (bold, upper case) under its superior (regular, upper case) with a
//! short rule; the national motto (bold upper case, then bold) with a short rule; the
//! place and date in italics; "Kính gửi"; the body; "Nơi nhận" at the left and the
//! signature at the right.

use super::model::{Column, Field, FormKind, Letter, Person, PersonField, Row};
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
pub const MOTTO_1: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO_2: &str = "Độc lập - Tự do - Hạnh phúc";
pub const BLANK: &str = "……………";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Justify,
}

#[derive(Clone, Debug, PartialEq)]
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

#[derive(Clone, Debug, PartialEq)]
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
            space_after: 3.0,
        }
    }
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A cell's lines (a column showing several fields puts each on its own line).
pub type Cell = Vec<String>;

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Including "STT".
    pub headers: Vec<String>,
    /// Relative widths, same length as `headers`.
    pub weights: Vec<u16>,
    /// Centre the column's cells (STT, dates, ticks).
    pub centered: Vec<bool>,
    pub rows: Vec<Vec<Cell>>,
    /// A last line "Cộng" with its text (records).
    pub total: Option<String>,
    pub size: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Signature {
    pub title: String,
    pub note: String,
    pub name: String,
}

/// The whole letter, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    /// Landscape A4 (wide tables).
    pub landscape: bool,
    /// "Mẫu số 04" (+ "mẫu tham khảo"), printed small at the top right.
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

pub fn default_subject(kind: FormKind) -> &'static str {
    match kind {
        FormKind::F01 => "đề nghị cấp chứng thư chữ ký số cho cá nhân",
        FormKind::F02 => "đề nghị cấp chứng thư chữ ký số cho cơ quan, tổ chức",
        FormKind::F03 => "đề nghị cấp chứng thư chữ ký số cho thiết bị, dịch vụ, phần mềm",
        FormKind::F04 => "đề nghị gia hạn, thay đổi nội dung thông tin chứng thư chữ ký số",
        FormKind::F05 => "đề nghị thu hồi chứng thư chữ ký số",
        FormKind::F06 => "đề nghị khôi phục thiết bị lưu khóa bí mật",
        FormKind::F07 => "thông báo bàn giao thiết bị lưu khóa bí mật cho thuê bao",
        FormKind::F08 => "giao nhận thiết bị lưu khóa bí mật",
        FormKind::F09 => "xác nhận thất lạc thiết bị lưu khóa bí mật",
    }
}

fn record_title(kind: FormKind) -> Option<&'static str> {
    match kind {
        FormKind::F08 => Some(
            "BIÊN BẢN GIAO NHẬN THIẾT BỊ LƯU KHÓA BÍ MẬT SAU KHI CHỨNG THƯ CHỮ KÝ SỐ HẾT HẠN HOẶC BỊ THU HỒI",
        ),
        FormKind::F09 => Some("BIÊN BẢN XÁC NHẬN THẤT LẠC THIẾT BỊ LƯU KHÓA BÍ MẬT"),
        _ => None,
    }
}

fn intro(kind: FormKind, body: &str) -> String {
    let who = if body.trim().is_empty() {
        "Cơ quan, tổ chức quản lý trực tiếp".to_string()
    } else {
        body.trim().to_string()
    };
    match kind {
        FormKind::F01 => format!(
            "{who} đề nghị Cục Chứng thực số và Bảo mật thông tin cấp chứng thư chữ ký số cho các cá nhân có tên tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F02 => format!(
            "{who} đề nghị Cục Chứng thực số và Bảo mật thông tin cấp chứng thư chữ ký số cho các cơ quan, tổ chức có tên tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F03 => format!(
            "{who} đề nghị Cục Chứng thực số và Bảo mật thông tin cấp chứng thư chữ ký số cho các thiết bị, dịch vụ, phần mềm có tên tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F04 => format!(
            "{who} đề nghị Cục Chứng thực số và Bảo mật thông tin gia hạn, thay đổi nội dung thông tin các chứng thư chữ ký số tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F05 => format!(
            "{who} đề nghị Cục Chứng thực số và Bảo mật thông tin thu hồi các chứng thư chữ ký số tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F06 => format!(
            "{who} đề nghị Cục Chứng thực số và Bảo mật thông tin khôi phục các thiết bị lưu khóa bí mật tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F07 => format!(
            "{who} thông báo đã bàn giao thiết bị lưu khóa bí mật (hoặc thông tin tài khoản ký số tập trung) cho các thuê bao tại mục 2 dưới đây, cụ thể như sau:"
        ),
        FormKind::F08 | FormKind::F09 => String::new(),
    }
}

fn section1_heading(kind: FormKind) -> &'static str {
    match kind {
        FormKind::F01 | FormKind::F02 | FormKind::F03 | FormKind::F04 => {
            "1. Thông tin người nhận chứng thư số, thiết bị lưu khóa bí mật"
        }
        FormKind::F05 => "1. Thông tin người liên hệ thu hồi thiết bị lưu khóa bí mật",
        FormKind::F06 => "1. Thông tin người thực hiện khôi phục thiết bị lưu khóa bí mật",
        FormKind::F07 => "1. Thông tin người thực hiện bàn giao",
        FormKind::F08 => "1. Bên giao",
        FormKind::F09 => "1. Đại diện cơ quan, tổ chức quản lý trực tiếp",
    }
}

fn section2_heading(kind: FormKind) -> &'static str {
    match kind {
        FormKind::F01 => "2. Danh sách cá nhân đề nghị cấp chứng thư chữ ký số",
        FormKind::F02 => "2. Danh sách cơ quan, tổ chức đề nghị cấp chứng thư chữ ký số",
        FormKind::F03 => "2. Danh sách thiết bị, dịch vụ, phần mềm đề nghị cấp chứng thư chữ ký số",
        FormKind::F04 => {
            "2. Danh sách chứng thư chữ ký số đề nghị gia hạn, thay đổi nội dung thông tin"
        }
        FormKind::F05 => "2. Danh sách chứng thư chữ ký số đề nghị thu hồi",
        FormKind::F06 => "2. Danh sách thiết bị lưu khóa bí mật đề nghị khôi phục",
        FormKind::F07 => "2. Danh sách thiết bị lưu khóa bí mật đã bàn giao",
        FormKind::F08 => "4. Danh sách thiết bị lưu khóa bí mật giao, nhận",
        FormKind::F09 => "4. Danh sách thiết bị lưu khóa bí mật bị thất lạc",
    }
}

fn person_lines(p: &Person, fields: &[PersonField], out: &mut Vec<Para>) {
    let line = |label: &str, value: String| Para {
        spans: vec![Span::plain(format!("- {label}: ")), Span::plain(value)],
        align: Align::Left,
        first_indent_mm: 10.0,
        size: BODY_PT,
        space_after: 1.0,
    };
    let has = |f: PersonField| fields.contains(&f);
    if has(PersonField::FullName) {
        out.push(line("Họ và tên", or_blank(&p.full_name)));
    }
    if has(PersonField::IdNumber) {
        let mut v = or_blank(&p.id_number);
        if has(PersonField::IdIssueDate) {
            v.push_str(&format!("; ngày cấp: {}", or_blank(&p.id_issue_date)));
        }
        if has(PersonField::IdIssuePlace) {
            v.push_str(&format!("; nơi cấp: {}", or_blank(&p.id_issue_place)));
        }
        out.push(line("Số định danh cá nhân", v));
    }
    for f in [
        PersonField::Title,
        PersonField::Agency,
        PersonField::Mobile,
        PersonField::Email,
    ] {
        if has(f) {
            out.push(line(f.label(), or_blank(f.get(p))));
        }
    }
}

fn heading(text: &str) -> Para {
    Para {
        spans: vec![Span::bold(text)],
        align: Align::Left,
        first_indent_mm: 10.0,
        size: BODY_PT,
        space_after: 2.0,
    }
}

/// The cell text of `column` for `row`.
pub fn cell(column: &Column, row: &Row) -> Cell {
    let values: Vec<&str> = column.fields.iter().map(|f| row.get(*f).trim()).collect();
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

pub fn build(letter: &Letter) -> Doc {
    let kind = letter.kind;
    let lh = &letter.letterhead;
    let mut before = Vec::new();
    if !kind.is_record() {
        before.push(Para::body(vec![Span::plain(intro(
            kind,
            &lh.managing_body,
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
                align: Align::Left,
                first_indent_mm: 10.0,
                size: BODY_PT,
                space_after: 2.0,
            });
        }
    } else if let Some(label) = kind.address_label() {
        person_lines_address(label, &letter.contact.address, &mut before);
    }
    before.push(heading(section2_heading(kind)));

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
    let table = Table {
        headers,
        weights,
        centered,
        rows,
        total: kind
            .is_record()
            .then(|| format!("Cộng: {} thiết bị", letter.rows.len())),
        size: table_size(kind),
    };

    let mut after = Vec::new();
    let who = if lh.managing_body.trim().is_empty() {
        "Cơ quan, tổ chức quản lý trực tiếp".to_string()
    } else {
        lh.managing_body.trim().to_string()
    };
    match kind {
        FormKind::F08 => {
            after.push(Para::body(vec![Span::plain(
                "Hai bên thống nhất các nội dung giao, nhận như trên. Biên bản được lập thành 03 bản có giá trị như nhau, mỗi bên giữ 01 bản và 01 bản gửi về Cục Chứng thực số và Bảo mật thông tin.",
            )]));
        }
        FormKind::F09 => {
            after.push(Para::body(vec![Span::plain(
                "Các bên xác nhận các thiết bị lưu khóa bí mật nêu trên đã bị thất lạc và đề nghị Cục Chứng thực số và Bảo mật thông tin thu hồi các chứng thư chữ ký số tương ứng. Biên bản được lập thành 03 bản có giá trị như nhau, mỗi bên giữ 01 bản và 01 bản gửi về Cục Chứng thực số và Bảo mật thông tin.",
            )]));
        }
        _ => {
            after.push(Para::body(vec![Span::plain(format!(
                "{who} cam kết chịu trách nhiệm về tính chính xác của các thông tin nêu trên./."
            ))]));
        }
    }

    let signatures = match kind {
        FormKind::F08 => vec![
            Signature {
                title: "BÊN GIAO".into(),
                note: "(Ký, ghi rõ họ tên)".into(),
                name: letter.contact.person.full_name.trim().to_string(),
            },
            Signature {
                title: "BÊN NHẬN".into(),
                note: "(Ký, ghi rõ họ tên)".into(),
                name: letter.contact.counterpart.full_name.trim().to_string(),
            },
        ],
        FormKind::F09 => vec![
            Signature {
                title: "THUÊ BAO".into(),
                note: "(Ký, ghi rõ họ tên)".into(),
                name: letter.contact.counterpart.full_name.trim().to_string(),
            },
            Signature {
                title: if lh.signer_title.trim().is_empty() {
                    "THỦ TRƯỞNG CƠ QUAN, TỔ CHỨC".into()
                } else {
                    upper(&lh.signer_title)
                },
                note: "(Ký, đóng dấu, ghi rõ họ tên)".into(),
                name: lh.signer_name.trim().to_string(),
            },
        ],
        _ => vec![Signature {
            title: if lh.signer_title.trim().is_empty() {
                "THỦ TRƯỞNG CƠ QUAN, TỔ CHỨC".into()
            } else {
                upper(&lh.signer_title)
            },
            note: "(Ký, đóng dấu, ghi rõ họ tên)".into(),
            name: lh.signer_name.trim().to_string(),
        }],
    };

    let recipients = (!kind.is_record()).then(|| {
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
    });

    let subject = if lh.subject.trim().is_empty() {
        default_subject(kind).to_string()
    } else {
        lh.subject
            .trim()
            .trim_start_matches("V/v")
            .trim()
            .to_string()
    };
    let place = lh.place.trim();
    Doc {
        landscape: kind.landscape(),
        form_label: if kind.reference_only() {
            format!("Mẫu số {} (mẫu tham khảo)", kind.number())
        } else {
            format!("Mẫu số {}", kind.number())
        },
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
        subject_line: (!kind.is_record()).then(|| format!("V/v {subject}")),
        date_line: format!(
            "{}, {}",
            if place.is_empty() { "……" } else { place },
            date_words(&lh.date)
        ),
        title: record_title(kind).map(str::to_string),
        addressee: (!kind.is_record()).then(|| format!("Kính gửi: {ADDRESSEE}.")),
        before_table: before,
        table,
        after_table: after,
        recipients,
        signatures,
    }
}

fn person_lines_address(label: &str, address: &str, out: &mut Vec<Para>) {
    out.push(Para {
        spans: vec![
            Span::plain(format!("- {label}: ")),
            Span::plain(or_blank(address)),
        ],
        align: Align::Left,
        first_indent_mm: 10.0,
        size: BODY_PT,
        space_after: 1.0,
    });
}
