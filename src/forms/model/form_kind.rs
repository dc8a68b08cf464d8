//! The nine forms (Mẫu số 01..09) and what each one asks for: its columns, sections
//! and wording. Separate from the letter's data because it is the per-form table the
//! rest of the model consults.

use serde::{Deserialize, Serialize};

use super::{Field, PersonField};
use crate::forms::columns::*;

/// Mẫu số 01..09 of Decree 68/2024/NĐ-CP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FormKind {
    /// Đề nghị cấp chứng thư chữ ký số cho cá nhân.
    #[serde(rename = "01")]
    F01,
    /// Đề nghị cấp chứng thư chữ ký số cho cơ quan, tổ chức.
    #[serde(rename = "02")]
    F02,
    /// Đề nghị cấp chứng thư chữ ký số cho thiết bị, dịch vụ, phần mềm (mẫu tham khảo).
    #[serde(rename = "03")]
    F03,
    /// Đề nghị gia hạn, thay đổi nội dung thông tin chứng thư chữ ký số.
    #[serde(rename = "04")]
    F04,
    /// Đề nghị thu hồi chứng thư chữ ký số.
    #[serde(rename = "05")]
    F05,
    /// Đề nghị khôi phục thiết bị lưu khóa bí mật.
    #[serde(rename = "06")]
    F06,
    /// Thông báo bàn giao thiết bị lưu khóa bí mật (mẫu tham khảo).
    #[serde(rename = "07")]
    F07,
    /// Biên bản giao nhận thiết bị lưu khóa bí mật.
    #[serde(rename = "08")]
    F08,
    /// Biên bản xác nhận thất lạc thiết bị lưu khóa bí mật (mẫu tham khảo).
    #[serde(rename = "09")]
    F09,
}

pub const ALL_FORMS: [FormKind; 9] = [
    FormKind::F01,
    FormKind::F02,
    FormKind::F03,
    FormKind::F04,
    FormKind::F05,
    FormKind::F06,
    FormKind::F07,
    FormKind::F08,
    FormKind::F09,
];

impl FormKind {
    /// `"01"`..`"09"`.
    pub fn number(self) -> &'static str {
        match self {
            FormKind::F01 => "01",
            FormKind::F02 => "02",
            FormKind::F03 => "03",
            FormKind::F04 => "04",
            FormKind::F05 => "05",
            FormKind::F06 => "06",
            FormKind::F07 => "07",
            FormKind::F08 => "08",
            FormKind::F09 => "09",
        }
    }

    /// Accepts `01`, `1`, `mau01`, `Mẫu 04`...
    pub fn parse(text: &str) -> Option<FormKind> {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let n: u32 = digits.parse().ok()?;
        ALL_FORMS
            .into_iter()
            .find(|k| k.number().parse::<u32>().ok() == Some(n))
    }

    /// The form's fields are not confirmed against the current text of the decree:
    /// built from the closest confirmed form and shown as "mẫu tham khảo".
    pub fn reference_only(self) -> bool {
        matches!(self, FormKind::F03 | FormKind::F07 | FormKind::F09)
    }

    /// Wide tables (01: eleven columns, 05: nine) are laid out on landscape A4, as
    /// Decree 30/2020 allows for documents made of tables, so that IDs and serials
    /// fit on one line (and stay searchable).
    pub fn landscape(self) -> bool {
        matches!(self, FormKind::F01 | FormKind::F05)
    }

    /// Renewal/change (04) and token recovery (06) may go to the provincial Sở Khoa
    /// học và Công nghệ instead of the Cục: BCY letter 23/BCY-CTSBMTT (14/01/2025,
    /// seed 002 item 5) handed those tools down, and provincial regulations (Ninh
    /// Bình QĐ 165/2025 art. 9.3.b, Đồng Tháp QĐ 144/2025 art. 11) send the letters
    /// there. Everything else, and SIM PKI recovery, stays with the Cục.
    pub fn addressee_choice(self) -> bool {
        matches!(self, FormKind::F04 | FormKind::F06)
    }

    /// Records (biên bản) have two signing parties and no addressee.
    pub fn is_record(self) -> bool {
        matches!(self, FormKind::F08 | FormKind::F09)
    }

    /// The i18n code of the form's name (`form_01`...).
    pub fn code(self) -> &'static str {
        match self {
            FormKind::F01 => "form_01",
            FormKind::F02 => "form_02",
            FormKind::F03 => "form_03",
            FormKind::F04 => "form_04",
            FormKind::F05 => "form_05",
            FormKind::F06 => "form_06",
            FormKind::F07 => "form_07",
            FormKind::F08 => "form_08",
            FormKind::F09 => "form_09",
        }
    }

    /// The table's columns, in order (STT is implicit and comes first).
    pub fn columns(self) -> &'static [Column] {
        match self {
            FormKind::F01 => COLUMNS_01,
            FormKind::F02 => COLUMNS_02,
            FormKind::F03 => COLUMNS_03,
            FormKind::F04 => COLUMNS_04,
            FormKind::F05 => COLUMNS_05,
            FormKind::F06 => COLUMNS_06,
            FormKind::F07 => COLUMNS_07,
            FormKind::F08 => COLUMNS_08,
            FormKind::F09 => COLUMNS_09,
        }
    }

    /// Every field a row of this form holds.
    pub fn fields(self) -> Vec<Field> {
        self.columns()
            .iter()
            .flat_map(|c| c.fields.iter().copied())
            .collect()
    }

    /// The fields of section 1 (the contact person / the parties).
    pub fn contact_fields(self) -> &'static [PersonField] {
        use PersonField as P;
        match self {
            FormKind::F01 | FormKind::F02 | FormKind::F03 | FormKind::F04 => &[
                P::FullName,
                P::IdNumber,
                P::IdIssueDate,
                P::IdIssuePlace,
                P::Title,
                P::Mobile,
                P::Email,
            ],
            FormKind::F05 => &[
                P::FullName,
                P::IdNumber,
                P::IdIssueDate,
                P::IdIssuePlace,
                P::Title,
                P::Mobile,
                P::Email,
            ],
            FormKind::F06 | FormKind::F07 => &[
                P::FullName,
                P::IdNumber,
                P::IdIssueDate,
                P::IdIssuePlace,
                P::Title,
                P::Agency,
                P::Mobile,
            ],
            FormKind::F08 | FormKind::F09 => &[
                P::FullName,
                P::IdNumber,
                P::IdIssueDate,
                P::IdIssuePlace,
                P::Title,
                P::Agency,
            ],
        }
    }

    /// Whether section 1 has an address line, and its label.
    pub fn address_label(self) -> Option<&'static str> {
        match self {
            FormKind::F01 | FormKind::F02 | FormKind::F03 | FormKind::F04 => {
                Some("Địa chỉ tiếp nhận (địa chỉ cơ quan, tổ chức công tác)")
            }
            FormKind::F05 => Some("Địa chỉ thu hồi"),
            FormKind::F06 | FormKind::F07 => None,
            FormKind::F08 => Some("Địa điểm giao, nhận"),
            FormKind::F09 => Some("Địa điểm lập biên bản"),
        }
    }
}
