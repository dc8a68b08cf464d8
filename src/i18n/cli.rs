//! Words of the command line's terminal output (`kyso cert`, `kyso verify`): its labels;
//! what they label comes from the other tables.

/// (code, Vietnamese, English). Codes are unique across all tables; a test checks it.
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    (
        "cli_modified_after_signing",
        "TÀI LIỆU ĐÃ BỊ SỬA ĐỔI SAU KHI KÝ",
        "MODIFIED AFTER SIGNING",
    ),
    (
        "cli_only_allowed_changes_after_signing",
        "sau khi ký chỉ có thay đổi được phép",
        "only allowed changes after signing",
    ),
    (
        "cli_no_disallowed_change_after_signing",
        "không có sửa đổi trái phép sau khi ký",
        "no disallowed change after signing",
    ),
    ("cli_encryption", "Mã hóa:", "Encryption:"),
    ("cli_integrity", "Toàn vẹn:", "Integrity:"),
    ("cli_signer", "Người ký:", "Signer:"),
    ("cli_serial", "số hiệu", "serial"),
    ("cli_signing_time", "Thời điểm ký:", "Signing time:"),
    (
        "cli_proven_by_a_timestamp",
        "được chứng minh bằng dấu thời gian",
        "proven by a timestamp",
    ),
    (
        "cli_claimed_by_the_signer_not_proven",
        "do người ký tự khai, chưa được chứng minh",
        "claimed by the signer, not proven",
    ),
    ("cli_chain", "Chuỗi chứng thực:", "Chain:"),
    ("cli_coverage", "Phạm vi ký:", "Coverage:"),
    ("cli_comment_page", "ghi chú, trang", "comment, page"),
    ("cli_revision", "bản cập nhật", "revision"),
    ("cli_not_allowed", "KHÔNG được phép", "NOT allowed"),
    ("cli_name_cn", "Tên (CN):", "Name (CN):"),
    ("cli_subject", "Chủ thể:", "Subject:"),
    ("cli_serial_number", "Số hiệu chứng thư:", "Serial number:"),
    ("cli_issuer", "Đơn vị cấp:", "Issuer:"),
    ("cli_identifier", "Định danh:", "Identifier:"),
    ("cli_title", "Chức danh:", "Title:"),
    ("cli_e_mail", "Thư điện tử:", "E-mail:"),
    ("cli_holder", "Loại chủ thể:", "Holder:"),
    ("cli_key_algorithm", "Khóa, thuật toán:", "Key, algorithm:"),
    ("cli_key_usage", "Mục đích khóa:", "Key usage:"),
    ("cli_renewal_change", "Gia hạn/thay đổi:", "Renewal/change:"),
    ("cli_root_kind", "Loại CA gốc:", "Root kind:"),
    ("cli_missing_ca", "CA còn thiếu:", "Missing CA:"),
];
