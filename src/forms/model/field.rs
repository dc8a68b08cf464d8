//! The fields of a table row: their draft keys, printed labels and kinds. Separate
//! from the row itself because every reader of rows (import, check, output) names
//! fields through this list.

use serde::{Deserialize, Serialize};

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
