//! The nine letters as data: the letterhead, the contact section (1) and the table
//! of holders (2).
//!
//! # The draft format (JSON)
//!
//! A [`Letter`] serialises to the draft the page keeps in local storage and exports
//! as a file, and that `kyso form --data draft.json` reads:
//!
//! ```json
//! {
//!   "version": 1,
//!   "kind": "04",
//!   "letterhead": {
//!     "superior_body": "UBND TỈNH CAO BẰNG",
//!     "managing_body": "SỞ NỘI VỤ",
//!     "number": "125/SNV-VP",
//!     "subject": "",
//!     "place": "Cao Bằng",
//!     "date": "05/03/2025",
//!     "recipients": ["Như trên;", "Lưu: VT, VP."],
//!     "signer_title": "GIÁM ĐỐC",
//!     "signer_name": "Nguyễn Văn An"
//!   },
//!   "contact": { "person": { "full_name": "Trần Thị Bình", "mobile": "0912345678", ... },
//!                "address": "...", "counterpart": { ... } },
//!   "rows": [ { "cert_name": "Nguyễn Văn Cường", "serial": "5401...", "renew": true } ]
//! }
//! ```
//!
//! Every text field is optional (missing = empty); unknown fields are ignored so a
//! newer draft still opens. `kind` is `"01"`..`"09"`. An empty `subject` means the
//! form's usual subject line; empty `recipients` mean "Như trên; Lưu: VT.". Dates are
//! `dd/mm/yyyy`. Row keys are the [`Field`] keys (`full_name`, `birth_date`,
//! `id_number`, ...); `renew` and `change` are booleans. A row filled from a
//! certificate also carries `source` (file, serial, validity) so the 30-day rule can
//! be checked; typed rows have none. `tests/fixtures/forms/draft-04.json` is a full
//! example.
//!
//! Since issue 10 a letterhead may carry `"addressee": "so"` and
//! `"addressee_province"` (04 and 06 to a province's Sở Khoa học và Công nghệ), a
//! multi-line `signer_title`; a Mẫu 01 draft `"central_signing": true`; a Mẫu 09
//! draft `contact.loss_date` and `contact.loss_place`. Older drafts read unchanged.

use serde::{Deserialize, Serialize};

pub use super::columns::Column;
use super::columns::*;

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

/// One field of a table row. `key()` names it in the draft JSON, in problems and in
/// the CLI; `label()` is the printed column header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    FullName,
    BirthDate,
    IdNumber,
    IdIssueDate,
    IdIssuePlace,
    Email,
    Agency,
    Province,
    Title,
    Mobile,
    OldSerial,
    SimPki,
    OrgName,
    Address,
    TaxCode,
    BudgetCode,
    DeviceName,
    DeviceVersion,
    CertName,
    Serial,
    ChangeWhat,
    ChangeNew,
    Renew,
    Change,
    TokenSerial,
    Reason,
    HandoverDate,
    Note,
}

pub const ALL_FIELDS: [Field; 28] = [
    Field::FullName,
    Field::BirthDate,
    Field::IdNumber,
    Field::IdIssueDate,
    Field::IdIssuePlace,
    Field::Email,
    Field::Agency,
    Field::Province,
    Field::Title,
    Field::Mobile,
    Field::OldSerial,
    Field::SimPki,
    Field::OrgName,
    Field::Address,
    Field::TaxCode,
    Field::BudgetCode,
    Field::DeviceName,
    Field::DeviceVersion,
    Field::CertName,
    Field::Serial,
    Field::ChangeWhat,
    Field::ChangeNew,
    Field::Renew,
    Field::Change,
    Field::TokenSerial,
    Field::Reason,
    Field::HandoverDate,
    Field::Note,
];

impl Field {
    pub fn key(self) -> &'static str {
        match self {
            Field::FullName => "full_name",
            Field::BirthDate => "birth_date",
            Field::IdNumber => "id_number",
            Field::IdIssueDate => "id_issue_date",
            Field::IdIssuePlace => "id_issue_place",
            Field::Email => "email",
            Field::Agency => "agency",
            Field::Province => "province",
            Field::Title => "title",
            Field::Mobile => "mobile",
            Field::OldSerial => "old_serial",
            Field::SimPki => "sim_pki",
            Field::OrgName => "org_name",
            Field::Address => "address",
            Field::TaxCode => "tax_code",
            Field::BudgetCode => "budget_code",
            Field::DeviceName => "device_name",
            Field::DeviceVersion => "device_version",
            Field::CertName => "cert_name",
            Field::Serial => "serial",
            Field::ChangeWhat => "change_what",
            Field::ChangeNew => "change_new",
            Field::Renew => "renew",
            Field::Change => "change",
            Field::TokenSerial => "token_serial",
            Field::Reason => "reason",
            Field::HandoverDate => "handover_date",
            Field::Note => "note",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        ALL_FIELDS.into_iter().find(|f| f.key() == key)
    }

    /// The header of the field's own column (as in an import sheet).
    pub fn label(self) -> &'static str {
        match self {
            Field::FullName => "Họ và tên",
            Field::BirthDate => "Ngày sinh",
            Field::IdNumber => "Số định danh cá nhân",
            Field::IdIssueDate => "Ngày cấp",
            Field::IdIssuePlace => "Nơi cấp",
            Field::Email => "Địa chỉ thư điện tử công vụ",
            Field::Agency => "Cơ quan, tổ chức",
            Field::Province => "Tỉnh/Thành phố",
            Field::Title => "Chức vụ",
            Field::Mobile => "Số điện thoại di động",
            Field::OldSerial => "Số hiệu chứng thư chữ ký số cũ",
            Field::SimPki => "SIM PKI",
            Field::OrgName => "Tên cơ quan, tổ chức",
            Field::Address => "Địa chỉ",
            Field::TaxCode => "Mã số thuế",
            Field::BudgetCode => "Mã quan hệ ngân sách",
            Field::DeviceName => "Tên thiết bị, dịch vụ, phần mềm",
            Field::DeviceVersion => "Phiên bản",
            Field::CertName => "Tên chứng thư chữ ký số",
            Field::Serial => "Số hiệu chứng thư chữ ký số",
            Field::ChangeWhat => "Thông tin cần thay đổi",
            Field::ChangeNew => "Thông tin mới",
            Field::Renew => "Gia hạn",
            Field::Change => "Thay đổi thông tin",
            Field::TokenSerial => "Số hiệu thiết bị lưu khóa bí mật",
            Field::Reason => "Lý do thu hồi",
            Field::HandoverDate => "Ngày bàn giao",
            Field::Note => "Ghi chú",
        }
    }

    pub fn is_flag(self) -> bool {
        matches!(self, Field::Renew | Field::Change)
    }

    pub fn is_date(self) -> bool {
        matches!(
            self,
            Field::BirthDate | Field::IdIssueDate | Field::HandoverDate
        )
    }
}

/// A person in section 1 (the contact, or a party of a record).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub full_name: String,
    pub id_number: String,
    pub id_issue_date: String,
    pub id_issue_place: String,
    pub title: String,
    pub agency: String,
    pub mobile: String,
    pub email: String,
}

/// A field of [`Person`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PersonField {
    FullName,
    IdNumber,
    IdIssueDate,
    IdIssuePlace,
    Title,
    Agency,
    Mobile,
    Email,
}

impl PersonField {
    pub fn key(self) -> &'static str {
        match self {
            PersonField::FullName => "full_name",
            PersonField::IdNumber => "id_number",
            PersonField::IdIssueDate => "id_issue_date",
            PersonField::IdIssuePlace => "id_issue_place",
            PersonField::Title => "title",
            PersonField::Agency => "agency",
            PersonField::Mobile => "mobile",
            PersonField::Email => "email",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PersonField::FullName => "Họ và tên",
            PersonField::IdNumber => "Số định danh cá nhân",
            PersonField::IdIssueDate => "Ngày cấp",
            PersonField::IdIssuePlace => "Nơi cấp",
            PersonField::Title => "Chức vụ",
            PersonField::Agency => "Cơ quan, tổ chức công tác",
            PersonField::Mobile => "Số điện thoại di động",
            PersonField::Email => "Địa chỉ thư điện tử công vụ",
        }
    }

    pub fn get(self, p: &Person) -> &str {
        match self {
            PersonField::FullName => &p.full_name,
            PersonField::IdNumber => &p.id_number,
            PersonField::IdIssueDate => &p.id_issue_date,
            PersonField::IdIssuePlace => &p.id_issue_place,
            PersonField::Title => &p.title,
            PersonField::Agency => &p.agency,
            PersonField::Mobile => &p.mobile,
            PersonField::Email => &p.email,
        }
    }
}

/// Section 1.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    /// The contact person (01-07), or the handing party / the managing body's
    /// representative (08, 09).
    pub person: Person,
    /// Delivery address (01-04), recovery address (05), place of the hand-over or of
    /// the record (08, 09).
    pub address: String,
    /// The receiving party (08) or the holder who lost the token (09).
    pub counterpart: Person,
    /// 09: when the device was lost (`dd/mm/yyyy`) and where.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub loss_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub loss_place: String,
}

/// Who a letter is sent to. Only 04 and 06 may go to the province
/// ([`FormKind::addressee_choice`]); the others always go to the Cục.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Addressee {
    /// Cục Chứng thực số và Bảo mật thông tin, Ban Cơ yếu Chính phủ.
    #[default]
    Cuc,
    /// Sở Khoa học và Công nghệ of `Letterhead::addressee_province`.
    So,
}

/// The letterhead and the signature block (Decree 30/2020 layout).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Letterhead {
    /// "Cơ quan, tổ chức chủ quản" (printed upper case above the managing body).
    pub superior_body: String,
    /// "Cơ quan, tổ chức quản lý trực tiếp" (printed upper case, bold).
    pub managing_body: String,
    /// After "Số: ", e.g. `125/SNV-VP`; empty leaves room to write it by hand.
    pub number: String,
    /// After "V/v "; empty means the form's usual subject.
    pub subject: String,
    pub place: String,
    /// `dd/mm/yyyy`; empty leaves "ngày ... tháng ... năm ...".
    pub date: String,
    /// "Nơi nhận" lines; empty means "Như trên;" and "Lưu: VT.".
    pub recipients: Vec<String>,
    /// The authority and title, one line each as Decree 30 writes them ("KT. GIÁM
    /// ĐỐC" / "PHÓ GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH").
    pub signer_title: String,
    pub signer_name: String,
    /// 04 and 06: the Cục or the provincial Sở Khoa học và Công nghệ.
    #[serde(skip_serializing_if = "is_cuc")]
    pub addressee: Addressee,
    /// The province whose Sở receives the letter ("Ninh Bình", "thành phố Huế").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub addressee_province: String,
}

fn is_cuc(a: &Addressee) -> bool {
    *a == Addressee::Cuc
}

/// Where a row filled from a certificate came from: what the 30-day rule needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CertSource {
    pub file: String,
    /// The subject as the certificate writes it, and its key identifier (the CA
    /// derives it from the public key, RFC 5280 §4.2.1.2): together they find a
    /// renewal, which keeps the key pair.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub subject_dn: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key_id: String,
    /// The serial of a later certificate of the same subject and key, read together
    /// with this one: this certificate was already renewed (renewal is once only).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub renewed_by: String,
    /// Names in the certificate (O, OU, L, ST) that carry a district or a merged
    /// province: stale since 01/7/2025 (`rules::provinces`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stale_names: Vec<String>,
    pub serial_hex: String,
    /// Seconds since 1970 (UTC).
    pub not_before: i64,
    pub not_after: i64,
    /// `dd/mm/yyyy` of notAfter, for display.
    pub not_after_text: String,
    pub is_ca: bool,
    /// The chain verdict's code (`trusted`, `incomplete`, `revoked`, ...).
    pub chain: String,
    /// Days left at the time the certificate was read (informative; the rules
    /// recompute at the letter date).
    pub days_left: i64,
    /// Renewal eligibility when read (`enough_days_left`, `too_few_days_left`...).
    pub renewal: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One row of section 2. Unused fields stay empty and are not written to JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Row {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub full_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub birth_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id_number: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id_issue_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id_issue_place: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub agency: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub province: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mobile: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub old_serial: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sim_pki: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub org_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub tax_code: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub budget_code: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub device_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub device_version: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub cert_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub serial: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub change_what: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub change_new: String,
    #[serde(skip_serializing_if = "is_false")]
    pub renew: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub change: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub token_serial: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub handover_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<CertSource>,
}

impl Row {
    /// The text of a field; flags read "x" when ticked.
    pub fn get(&self, f: Field) -> &str {
        match f {
            Field::FullName => &self.full_name,
            Field::BirthDate => &self.birth_date,
            Field::IdNumber => &self.id_number,
            Field::IdIssueDate => &self.id_issue_date,
            Field::IdIssuePlace => &self.id_issue_place,
            Field::Email => &self.email,
            Field::Agency => &self.agency,
            Field::Province => &self.province,
            Field::Title => &self.title,
            Field::Mobile => &self.mobile,
            Field::OldSerial => &self.old_serial,
            Field::SimPki => &self.sim_pki,
            Field::OrgName => &self.org_name,
            Field::Address => &self.address,
            Field::TaxCode => &self.tax_code,
            Field::BudgetCode => &self.budget_code,
            Field::DeviceName => &self.device_name,
            Field::DeviceVersion => &self.device_version,
            Field::CertName => &self.cert_name,
            Field::Serial => &self.serial,
            Field::ChangeWhat => &self.change_what,
            Field::ChangeNew => &self.change_new,
            Field::Renew => flag(self.renew),
            Field::Change => flag(self.change),
            Field::TokenSerial => &self.token_serial,
            Field::Reason => &self.reason,
            Field::HandoverDate => &self.handover_date,
            Field::Note => &self.note,
        }
    }

    /// Sets a field from text; flags take "x", "có", "1", "true", "yes" (any case)
    /// as ticked.
    pub fn set(&mut self, f: Field, value: String) {
        let slot = match f {
            Field::Renew => {
                self.renew = parse_flag(&value);
                return;
            }
            Field::Change => {
                self.change = parse_flag(&value);
                return;
            }
            Field::FullName => &mut self.full_name,
            Field::BirthDate => &mut self.birth_date,
            Field::IdNumber => &mut self.id_number,
            Field::IdIssueDate => &mut self.id_issue_date,
            Field::IdIssuePlace => &mut self.id_issue_place,
            Field::Email => &mut self.email,
            Field::Agency => &mut self.agency,
            Field::Province => &mut self.province,
            Field::Title => &mut self.title,
            Field::Mobile => &mut self.mobile,
            Field::OldSerial => &mut self.old_serial,
            Field::SimPki => &mut self.sim_pki,
            Field::OrgName => &mut self.org_name,
            Field::Address => &mut self.address,
            Field::TaxCode => &mut self.tax_code,
            Field::BudgetCode => &mut self.budget_code,
            Field::DeviceName => &mut self.device_name,
            Field::DeviceVersion => &mut self.device_version,
            Field::CertName => &mut self.cert_name,
            Field::Serial => &mut self.serial,
            Field::ChangeWhat => &mut self.change_what,
            Field::ChangeNew => &mut self.change_new,
            Field::TokenSerial => &mut self.token_serial,
            Field::Reason => &mut self.reason,
            Field::HandoverDate => &mut self.handover_date,
            Field::Note => &mut self.note,
        };
        *slot = value;
    }

    /// True when no field of `kind` holds anything (a blank line in a sheet).
    pub fn is_blank(&self, kind: FormKind) -> bool {
        kind.fields().iter().all(|f| self.get(*f).trim().is_empty())
    }
}

fn flag(b: bool) -> &'static str {
    if b { "x" } else { "" }
}

pub fn parse_flag(value: &str) -> bool {
    let v = value.trim().to_lowercase();
    matches!(
        v.as_str(),
        "x" | "có" | "co" | "1" | "true" | "yes" | "y" | "✓" | "✔" | "☑" | "[x]"
    )
}

/// The draft version written by this code.
pub const DRAFT_VERSION: u32 = 1;

fn draft_version() -> u32 {
    DRAFT_VERSION
}

/// One letter: what the clerk fills in. See the module documentation for its JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    #[serde(default = "draft_version")]
    pub version: u32,
    pub kind: FormKind,
    /// Written for readers of the JSON; always recomputed from `kind`.
    #[serde(default)]
    pub reference_only: bool,
    #[serde(default)]
    pub letterhead: Letterhead,
    #[serde(default)]
    pub contact: Contact,
    #[serde(default)]
    pub rows: Vec<Row>,
    /// 01 only: the holders sign with the remote (central) signing solution, which
    /// has its own subject line ("… cho cá nhân sử dụng giải pháp ký số tập trung").
    #[serde(default, skip_serializing_if = "is_false")]
    pub central_signing: bool,
}

impl Letter {
    pub fn new(kind: FormKind) -> Letter {
        Letter {
            version: DRAFT_VERSION,
            kind,
            reference_only: kind.reference_only(),
            letterhead: Letterhead::default(),
            contact: Contact::default(),
            rows: Vec::new(),
            central_signing: false,
        }
    }

    /// Reads a draft (JSON). Text is brought to NFC and `reference_only` follows the
    /// form.
    pub fn from_json(json: &str) -> Result<Letter, DraftError> {
        let mut l: Letter = serde_json::from_str(json).map_err(|e| DraftError {
            line: e.line(),
            column: e.column(),
            code: match e.classify() {
                serde_json::error::Category::Data => "draft_bad_field",
                serde_json::error::Category::Eof => "draft_truncated",
                _ => "draft_not_json",
            },
        })?;
        if l.version > DRAFT_VERSION {
            return Err(DraftError {
                line: 0,
                column: 0,
                code: "draft_newer_version",
            });
        }
        l.reference_only = l.kind.reference_only();
        l.normalise();
        Ok(l)
    }

    pub fn to_json(&self) -> String {
        let mut copy = self.clone();
        copy.reference_only = self.kind.reference_only();
        serde_json::to_string_pretty(&copy).unwrap_or_default()
    }

    /// NFC for every text, trims around it.
    pub fn normalise(&mut self) {
        use super::nfc::nfc;
        let lh = &mut self.letterhead;
        for s in [
            &mut lh.superior_body,
            &mut lh.managing_body,
            &mut lh.number,
            &mut lh.subject,
            &mut lh.place,
            &mut lh.date,
            &mut lh.signer_title,
            &mut lh.signer_name,
            &mut lh.addressee_province,
            &mut self.contact.address,
            &mut self.contact.loss_date,
            &mut self.contact.loss_place,
        ] {
            *s = nfc(s.trim());
        }
        for r in &mut lh.recipients {
            *r = nfc(r.trim());
        }
        for p in [&mut self.contact.person, &mut self.contact.counterpart] {
            for s in [
                &mut p.full_name,
                &mut p.id_number,
                &mut p.id_issue_date,
                &mut p.id_issue_place,
                &mut p.title,
                &mut p.agency,
                &mut p.mobile,
                &mut p.email,
            ] {
                *s = nfc(s.trim());
            }
        }
        for row in &mut self.rows {
            for f in ALL_FIELDS {
                if !f.is_flag() {
                    let v = nfc(row.get(f).trim());
                    row.set(f, v);
                }
            }
        }
    }
}

/// Why a draft could not be read (`code`: `draft_not_json`, `draft_truncated`,
/// `draft_bad_field`, `draft_newer_version`), with its position in the JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DraftError {
    pub code: &'static str,
    pub line: usize,
    pub column: usize,
}
