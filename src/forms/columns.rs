//! The printed columns of each form's table, in order, with their headers in the
//! forms' own words.

use super::model::Field;

/// A printed column: a header and the fields shown in its cells (joined), with a
/// relative width. Columns with the same `group` in a row are printed under one
/// spanning header (04: "Dịch vụ yêu cầu" over "Gia hạn" and "Thay đổi thông tin
/// (TĐTT)"; 06: "Thông tin của thuê bao"), as the forms draw them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub header: &'static str,
    pub fields: &'static [Field],
    /// Relative width; the STT column has weight 6.
    pub weight: u16,
    /// The header spanning this column and its neighbours of the same group.
    pub group: Option<&'static str>,
}

const fn col(header: &'static str, fields: &'static [Field], weight: u16) -> Column {
    Column {
        header,
        fields,
        weight,
        group: None,
    }
}

const fn grouped(
    group: &'static str,
    header: &'static str,
    fields: &'static [Field],
    weight: u16,
) -> Column {
    Column {
        header,
        fields,
        weight,
        group: Some(group),
    }
}

use Field as F;

// The headers of 01, 02, 04, 05 and 06 are the forms' own words as transcribed from
// the 09/2024 form files (`../shared/domain/forms-wording.md`, source T); 08 follows
// the provincial regulation and the 2020 record (P, S4). 03, 07 and 09 are not
// confirmed and are modelled on the closest confirmed form.

pub(super) const COLUMNS_01: &[Column] = &[
    col("Họ và tên", &[F::FullName], 16),
    col("Ngày sinh", &[F::BirthDate], 11),
    col(
        "Số định danh cá nhân/Ngày cấp, nơi cấp",
        &[F::IdNumber, F::IdIssueDate, F::IdIssuePlace],
        17,
    ),
    col("Địa chỉ thư điện tử công vụ", &[F::Email], 20),
    col("Tên cơ quan, tổ chức công tác", &[F::Agency], 16),
    col("Tỉnh/Thành phố", &[F::Province], 10),
    col("Chức vụ", &[F::Title], 10),
    col("Số điện thoại di động", &[F::Mobile], 12),
    col(
        "Số hiệu chứng thư chữ ký số cũ (nếu có)",
        &[F::OldSerial],
        21,
    ),
    col("SIM PKI", &[F::SimPki], 10),
];

pub(super) const COLUMNS_02: &[Column] = &[
    col("Tên cơ quan, tổ chức", &[F::OrgName], 22),
    col("Địa chỉ", &[F::Address], 20),
    col("Mã số thuế", &[F::TaxCode], 13),
    col("Mã quan hệ ngân sách", &[F::BudgetCode], 11),
    col("Tỉnh/Thành phố", &[F::Province], 11),
    col("Địa chỉ thư điện tử công vụ", &[F::Email], 18),
];

/// Reference only: modelled on 02 with the device/service name and version and the
/// agency that owns it.
pub(super) const COLUMNS_03: &[Column] = &[
    col("Tên thiết bị, dịch vụ, phần mềm", &[F::DeviceName], 20),
    col("Phiên bản", &[F::DeviceVersion], 9),
    col("Cơ quan, tổ chức quản lý", &[F::Agency], 18),
    col("Mã số thuế", &[F::TaxCode], 12),
    col("Mã quan hệ ngân sách", &[F::BudgetCode], 10),
    col("Tỉnh/Thành phố", &[F::Province], 10),
    col("Địa chỉ thư điện tử công vụ", &[F::Email], 17),
];

pub(super) const COLUMNS_04: &[Column] = &[
    col("Tên chứng thư chữ ký số", &[F::CertName], 18),
    col(
        "Số hiệu chứng thư (SIM-PKI ghi thêm số điện thoại ký số)",
        &[F::Serial, F::Mobile],
        24,
    ),
    col("Địa chỉ thư điện tử công vụ", &[F::Email], 20),
    col("Thông tin cần thay đổi", &[F::ChangeWhat], 12),
    col("Thông tin mới", &[F::ChangeNew], 12),
    grouped("Dịch vụ yêu cầu", "Gia hạn", &[F::Renew], 7),
    grouped(
        "Dịch vụ yêu cầu",
        "Thay đổi thông tin (TĐTT)",
        &[F::Change],
        9,
    ),
];

pub(super) const COLUMNS_05: &[Column] = &[
    col("Tên chứng thư chữ ký số", &[F::CertName], 15),
    col(
        "Số định danh cá nhân/Ngày cấp, nơi cấp (nếu thu hồi của cá nhân)",
        &[F::IdNumber, F::IdIssueDate, F::IdIssuePlace],
        15,
    ),
    col("Mã số thuế (nếu thu hồi của cơ quan)", &[F::TaxCode], 15),
    col(
        "Mã quan hệ ngân sách (nếu thu hồi của cơ quan)",
        &[F::BudgetCode],
        12,
    ),
    col("Địa chỉ thư điện tử công vụ", &[F::Email], 16),
    col("Số hiệu chứng thư chữ ký số", &[F::Serial], 18),
    col("Số hiệu thiết bị lưu khóa bí mật", &[F::TokenSerial], 12),
    col("Lý do thu hồi", &[F::Reason], 13),
];

pub(super) const COLUMNS_06: &[Column] = &[
    col("Số hiệu thiết bị lưu khóa bí mật", &[F::TokenSerial], 18),
    grouped(
        "Thông tin của thuê bao",
        "Tên chứng thư chữ ký số",
        &[F::CertName],
        22,
    ),
    grouped(
        "Thông tin của thuê bao",
        "Cơ quan, tổ chức công tác",
        &[F::Agency],
        22,
    ),
    grouped(
        "Thông tin của thuê bao",
        "Địa chỉ thư điện tử công vụ",
        &[F::Email],
        22,
    ),
];

/// Reference only: modelled on 08 with the certificate serial and the hand-over date.
pub(super) const COLUMNS_07: &[Column] = &[
    col("Tên chứng thư chữ ký số", &[F::CertName], 18),
    col("Cơ quan, tổ chức", &[F::Agency], 18),
    col("Số hiệu chứng thư chữ ký số", &[F::Serial], 20),
    col("Số hiệu thiết bị lưu khóa bí mật", &[F::TokenSerial], 15),
    col("Ngày bàn giao", &[F::HandoverDate], 11),
];

pub(super) const COLUMNS_08: &[Column] = &[
    col("Tên chứng thư chữ ký số", &[F::CertName], 22),
    col("Cơ quan, tổ chức", &[F::Agency], 22),
    col("Số hiệu thiết bị lưu khóa bí mật", &[F::TokenSerial], 20),
    col("Ghi chú", &[F::Note], 16),
];

/// Reference only: modelled on 08, with the certificate serial for the revocation
/// that follows a loss.
pub(super) const COLUMNS_09: &[Column] = &[
    col("Tên chứng thư chữ ký số", &[F::CertName], 18),
    col("Cơ quan, tổ chức", &[F::Agency], 18),
    col("Số hiệu chứng thư chữ ký số", &[F::Serial], 20),
    col("Số hiệu thiết bị lưu khóa bí mật", &[F::TokenSerial], 15),
    col("Ghi chú (hoàn cảnh thất lạc)", &[F::Note], 14),
];
