//! Words for the codes of one domain. PDF structure: coverage, integrity, changes after signing, encryption (src/pdf).
//! What a signature covers and whether its content is intact are exhaustive matches
//! on their types ([`coverage_grade`], [`coverage_problem`], [`integrity`]); the
//! rest, looked up by code, is the table.

use super::Lang;
use crate::cms::Integrity;
use crate::pdf::{CoverageGrade, CoverageProblem};

/// (code, Vietnamese, English). Codes are unique across all tables; a test checks it.
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    ("action_added", "thêm mới", "added"),
    ("action_modified", "sửa đổi", "modified"),
    ("action_deleted", "xóa", "deleted"),
    ("action_removed", "xóa", "removed"),
    (
        "change_page_content",
        "nội dung hiển thị của trang",
        "a page's displayed content",
    ),
    ("change_page_dict", "thuộc tính trang", "a page dictionary"),
    (
        "change_page_annots",
        "danh sách chú thích của trang",
        "a page's annotation list",
    ),
    (
        "change_page_tree",
        "cây trang (thêm, bớt hoặc đổi trang)",
        "the page tree (pages added, removed or swapped)",
    ),
    (
        "change_page_resource",
        "tài nguyên hiển thị của trang (phông chữ, hình, biểu mẫu)",
        "a page resource (font, image, form XObject)",
    ),
    ("change_annotation", "chú thích", "an annotation"),
    ("change_widget", "ô biểu mẫu trên trang", "a form widget"),
    ("change_form_field", "trường biểu mẫu", "a form field"),
    (
        "change_form_field_value",
        "giá trị trường biểu mẫu",
        "a form field value",
    ),
    (
        "change_signature_field",
        "trường chữ ký",
        "a signature field",
    ),
    ("change_signature", "chữ ký mới", "a new signature"),
    (
        "change_doc_timestamp",
        "dấu thời gian cho tài liệu",
        "a document timestamp",
    ),
    (
        "change_signature_modified",
        "một chữ ký đã có bị sửa",
        "an existing signature was changed",
    ),
    (
        "change_signature_removed",
        "một chữ ký đã có bị gỡ khỏi biểu mẫu (trình đọc PDF không còn hiển thị chữ ký này)",
        "an existing signature was removed from the form (PDF viewers no longer show it)",
    ),
    (
        "change_dss",
        "dữ liệu kiểm tra dài hạn (DSS)",
        "long-term validation data (DSS)",
    ),
    ("change_metadata", "siêu dữ liệu (XMP)", "metadata (XMP)"),
    ("change_info", "thông tin tài liệu", "document information"),
    (
        "change_acro_form",
        "cấu trúc biểu mẫu",
        "the form structure",
    ),
    (
        "change_form_resource",
        "tài nguyên của biểu mẫu",
        "a form resource",
    ),
    (
        "change_catalog",
        "mục lục gốc của tài liệu",
        "the document catalog",
    ),
    (
        "change_permissions",
        "quyền hạn chế sửa đổi",
        "modification permissions",
    ),
    (
        "change_bookkeeping",
        "dữ liệu quản lý tệp",
        "file bookkeeping",
    ),
    (
        "change_unreferenced",
        "đối tượng không được dùng",
        "an unreferenced object",
    ),
    (
        "change_unreadable",
        "đối tượng không đọc được",
        "an unreadable object",
    ),
    (
        "change_other",
        "thay đổi không phân loại được",
        "an unclassified change",
    ),
    (
        "change_trailing_data",
        "dữ liệu thêm vào cuối tệp",
        "data appended to the file",
    ),
    ("change_encryption", "mã hóa tệp", "file encryption"),
    // What kyso could do with an encrypted document (src/pdf/crypt.rs).
    (
        "encryption_decrypted",
        "Tài liệu được mã hóa nhưng không đặt mật khẩu mở; kyso đã giải mã để đọc và kiểm tra như tệp thường",
        "The document is encrypted without an open password; kyso decrypted it and checked it like a plain file",
    ),
    (
        "encryption_password_required",
        "Tài liệu cần mật khẩu để mở; kyso không hỏi mật khẩu (ngoài phạm vi), nên không kiểm tra được các thay đổi sau khi ký",
        "This document needs a password to open; kyso does not ask for passwords (out of scope), so changes after signing cannot be checked",
    ),
    (
        "encryption_unsupported",
        "Tài liệu được mã hóa theo cách kyso không đọc được (không phải cơ chế mật khẩu chuẩn của PDF, hoặc một biến thể không hỗ trợ), nên không kiểm tra được các thay đổi sau khi ký",
        "The document is encrypted in a way kyso cannot read (not the standard PDF password handler, or a variant it does not support), so changes after signing cannot be checked",
    ),
];

/// What a signature covers, in `lang` ("Chữ ký bao trùm toàn bộ tệp").
pub fn coverage_grade(lang: Lang, g: CoverageGrade) -> &'static str {
    super::pick(lang, coverage_grade_words(g))
}

/// Why the coverage is unclear, in `lang`.
pub fn coverage_problem(lang: Lang, p: CoverageProblem) -> &'static str {
    super::pick(lang, coverage_problem_words(p))
}

/// Whether the signed content is intact, in `lang`.
pub fn integrity(lang: Lang, i: Integrity) -> &'static str {
    super::pick(
        lang,
        match i {
            Integrity::Valid => (
                "Nội dung được ký còn nguyên vẹn",
                "The signed content is intact",
            ),
            Integrity::Invalid => (
                "Nội dung được ký ĐÃ BỊ THAY ĐỔI",
                "The signed content HAS BEEN ALTERED",
            ),
            Integrity::Unknown => (
                "Chưa kiểm tra được tính toàn vẹn",
                "Integrity could not be checked",
            ),
        },
    )
}

pub(super) fn coverage_grade_words(g: CoverageGrade) -> (&'static str, &'static str) {
    match g {
        CoverageGrade::EntireFile => (
            "Chữ ký bao trùm toàn bộ tệp",
            "The signature covers the whole file",
        ),
        CoverageGrade::EntireRevision => (
            "Chữ ký bao trùm toàn bộ bản đã ký; sau đó tệp có thêm bản cập nhật",
            "The signature covers its whole revision; the file was updated afterwards",
        ),
        CoverageGrade::Partial => (
            "Chữ ký chỉ bao trùm một phần tệp",
            "The signature covers only part of the file",
        ),
        CoverageGrade::Unclear => (
            "Không xác định được phần tệp mà chữ ký bao trùm",
            "What the signature covers cannot be determined",
        ),
    }
}

pub(super) fn coverage_problem_words(p: CoverageProblem) -> (&'static str, &'static str) {
    match p {
        CoverageProblem::ByteRangeMissing => {
            ("thiếu vùng ký (ByteRange)", "the ByteRange is missing")
        }
        CoverageProblem::ByteRangeNotArray => (
            "vùng ký (ByteRange) sai kiểu",
            "the ByteRange is not an array",
        ),
        CoverageProblem::ByteRangeIndirect => (
            "vùng ký (ByteRange) đặt gián tiếp",
            "the ByteRange is an indirect object",
        ),
        CoverageProblem::ByteRangeNotIntegers => (
            "vùng ký (ByteRange) không phải số nguyên",
            "the ByteRange holds non-integers",
        ),
        CoverageProblem::ByteRangeWrongLength => (
            "vùng ký (ByteRange) không đủ 4 số",
            "the ByteRange does not hold 4 numbers",
        ),
        CoverageProblem::ByteRangeNegative => (
            "vùng ký (ByteRange) có số âm",
            "the ByteRange holds a negative number",
        ),
        CoverageProblem::ByteRangeNotFromStart => (
            "vùng ký không bắt đầu từ đầu tệp",
            "the ByteRange does not start at 0",
        ),
        CoverageProblem::ByteRangeOverlap => {
            ("các vùng ký chồng lên nhau", "the ByteRange parts overlap")
        }
        CoverageProblem::ByteRangeBeyondFile => (
            "vùng ký vượt quá cuối tệp",
            "the ByteRange goes past the end of the file",
        ),
        CoverageProblem::ByteRangeOverflow => {
            ("vùng ký có số quá lớn", "the ByteRange numbers overflow")
        }
        CoverageProblem::GapNotContents => (
            "khoảng trống của vùng ký không đúng chỗ chữ ký (dấu hiệu giả mạo)",
            "the ByteRange gap is not the signature's /Contents (a forgery sign)",
        ),
        CoverageProblem::ContentsMissing => (
            "thiếu dữ liệu chữ ký (/Contents)",
            "the signature /Contents is missing",
        ),
        CoverageProblem::ContentsNotHex => (
            "dữ liệu chữ ký không đúng định dạng",
            "the signature /Contents is not a hex string",
        ),
        CoverageProblem::ContentsIndirect => (
            "dữ liệu chữ ký đặt gián tiếp",
            "the signature /Contents is indirect",
        ),
        CoverageProblem::ContentsNotInFile => (
            "không tìm thấy dữ liệu chữ ký trong tệp",
            "the signature /Contents is not in the file",
        ),
        CoverageProblem::ContentsEmpty => {
            ("dữ liệu chữ ký rỗng", "the signature /Contents is empty")
        }
        CoverageProblem::ContentsZeroed => (
            "dữ liệu chữ ký toàn số 0",
            "the signature /Contents is all zeros",
        ),
        CoverageProblem::DuplicateKeys => (
            "từ điển chữ ký có khóa lặp (dấu hiệu giả mạo)",
            "the signature dictionary repeats a key (a forgery sign)",
        ),
        CoverageProblem::EndsMidRevision => (
            "vùng ký kết thúc giữa chừng một bản cập nhật",
            "the signed range ends inside a revision",
        ),
    }
}
