//! Words for one domain. PDF structure (src/pdf): what a signature covers, whether
//! its content is intact, the changes after signing and the rules that judged them,
//! certification levels, encryption, and why a file is not a readable PDF. All are
//! exhaustive matches on their types: a new variant without words does not compile,
//! and no code is looked up here.

use super::Lang;
use crate::cms::Integrity;
use crate::pdf::{
    ChangeAction, ChangeKind, ChangeRule, CoverageGrade, CoverageProblem, CryptError, Encryption,
    MdpPermission, PdfError,
};

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

/// What changed after signing ("giá trị trường biểu mẫu"), in `lang`.
pub fn change_kind(lang: Lang, k: ChangeKind) -> &'static str {
    super::pick(lang, change_kind_words(k))
}

/// How an object changed after signing (added, modified, deleted), in `lang`.
pub fn change_action(lang: Lang, a: ChangeAction) -> &'static str {
    super::pick(
        lang,
        match a {
            ChangeAction::Added => ("thêm mới", "added"),
            ChangeAction::Modified => ("sửa đổi", "modified"),
            ChangeAction::Deleted => ("xóa", "deleted"),
        },
    )
}

/// The rule that judged a change after signing, in `lang`.
pub fn change_rule(lang: Lang, r: ChangeRule) -> &'static str {
    super::pick(lang, change_rule_words(r))
}

/// The DocMDP level of a certification signature, in `lang`.
pub fn certification(lang: Lang, p: MdpPermission) -> &'static str {
    super::pick(
        lang,
        match p {
            MdpPermission::NoChanges => ("Không cho phép thay đổi", "No changes allowed"),
            MdpPermission::FormFilling => (
                "Chỉ cho phép điền biểu mẫu và ký",
                "Form filling and signing only",
            ),
            MdpPermission::Annotations => (
                "Cho phép điền biểu mẫu, ký và chú thích",
                "Form filling, signing and annotations",
            ),
        },
    )
}

/// What kyso could do with an encrypted document, in `lang`; `None` when it is not
/// encrypted.
pub fn encryption(lang: Lang, e: &Encryption) -> Option<&'static str> {
    let words = match e {
        Encryption::None => return None,
        Encryption::Decrypted { .. } => (
            "Tài liệu được mã hóa nhưng không đặt mật khẩu mở; kyso đã giải mã để đọc và kiểm tra như tệp thường",
            "The document is encrypted without an open password; kyso decrypted it and checked it like a plain file",
        ),
        Encryption::Unavailable {
            why: CryptError::PasswordRequired,
        } => (
            "Tài liệu cần mật khẩu để mở; kyso không hỏi mật khẩu (ngoài phạm vi), nên không kiểm tra được các thay đổi sau khi ký",
            "This document needs a password to open; kyso does not ask for passwords (out of scope), so changes after signing cannot be checked",
        ),
        Encryption::Unavailable {
            why: CryptError::Unsupported,
        } => (
            "Tài liệu được mã hóa theo cách kyso không đọc được (không phải cơ chế mật khẩu chuẩn của PDF, hoặc một biến thể không hỗ trợ), nên không kiểm tra được các thay đổi sau khi ký",
            "The document is encrypted in a way kyso cannot read (not the standard PDF password handler, or a variant it does not support), so changes after signing cannot be checked",
        ),
    };
    Some(super::pick(lang, words))
}

/// Why a file could not be read as a PDF, in `lang` (the limits' figures are the
/// caller's to add).
pub fn pdf_error(lang: Lang, e: &PdfError) -> &'static str {
    super::pick(
        lang,
        match e {
            PdfError::Empty => ("Tệp rỗng", "The file is empty"),
            PdfError::NotPdf => (
                "Tệp không phải PDF (không có phần đầu «%PDF-»)",
                "Not a PDF file (no \"%PDF-\" header)",
            ),
            PdfError::TooLarge { .. } => (
                "Tệp PDF quá lớn để kiểm tra",
                "The PDF is too large to check",
            ),
            PdfError::Truncated => ("Tệp bị cắt cụt, không đầy đủ", "The file is truncated"),
            PdfError::XrefBroken => (
                "Cấu trúc tệp PDF bị hỏng: không tìm thấy bảng tham chiếu chéo hay mục lục gốc",
                "The PDF structure is broken: no cross-reference or catalog could be found",
            ),
            PdfError::Encrypted => (
                "Tệp PDF được mã hóa và không đọc được cấu trúc khi không có khóa",
                "The PDF is encrypted and its structure cannot be read without a key",
            ),
            PdfError::TooDeep => (
                "Các đối tượng của tệp PDF lồng nhau quá sâu",
                "The PDF's objects are nested too deeply",
            ),
            PdfError::TooManyRevisions { .. } => (
                "Tệp PDF có quá nhiều bản cập nhật để kiểm tra",
                "The PDF has too many revisions to check",
            ),
            PdfError::TooManySignatures { .. } => (
                "Tệp PDF có quá nhiều chữ ký để kiểm tra",
                "The PDF has too many signatures to check",
            ),
        },
    )
}

pub(super) fn change_kind_words(k: ChangeKind) -> (&'static str, &'static str) {
    match k {
        ChangeKind::PageContent => ("nội dung hiển thị của trang", "a page's displayed content"),
        ChangeKind::PageDict => ("thuộc tính trang", "a page dictionary"),
        ChangeKind::PageAnnots => ("danh sách chú thích của trang", "a page's annotation list"),
        ChangeKind::PageTree => (
            "cây trang (thêm, bớt hoặc đổi trang)",
            "the page tree (pages added, removed or swapped)",
        ),
        ChangeKind::PageResource => (
            "tài nguyên hiển thị của trang (phông chữ, hình, biểu mẫu)",
            "a page resource (font, image, form XObject)",
        ),
        ChangeKind::Annotation => ("chú thích", "an annotation"),
        ChangeKind::Widget => ("ô biểu mẫu trên trang", "a form widget"),
        ChangeKind::FormField => ("trường biểu mẫu", "a form field"),
        ChangeKind::FormFieldValue => ("giá trị trường biểu mẫu", "a form field value"),
        ChangeKind::SignatureField => ("trường chữ ký", "a signature field"),
        ChangeKind::Signature => ("chữ ký mới", "a new signature"),
        ChangeKind::DocTimestamp => ("dấu thời gian cho tài liệu", "a document timestamp"),
        ChangeKind::SignatureModified => (
            "một chữ ký đã có bị sửa",
            "an existing signature was changed",
        ),
        ChangeKind::SignatureRemoved => (
            "một chữ ký đã có bị gỡ khỏi biểu mẫu (trình đọc PDF không còn hiển thị chữ ký này)",
            "an existing signature was removed from the form (PDF viewers no longer show it)",
        ),
        ChangeKind::Dss => (
            "dữ liệu kiểm tra dài hạn (DSS)",
            "long-term validation data (DSS)",
        ),
        ChangeKind::Metadata => ("siêu dữ liệu (XMP)", "metadata (XMP)"),
        ChangeKind::Info => ("thông tin tài liệu", "document information"),
        ChangeKind::AcroForm => ("cấu trúc biểu mẫu", "the form structure"),
        ChangeKind::FormResource => ("tài nguyên của biểu mẫu", "a form resource"),
        ChangeKind::Catalog => ("mục lục gốc của tài liệu", "the document catalog"),
        ChangeKind::Permissions => ("quyền hạn chế sửa đổi", "modification permissions"),
        ChangeKind::Structure => (
            "cấu trúc thẻ của tài liệu (cho trình đọc màn hình)",
            "the document's tag structure (for screen readers)",
        ),
        ChangeKind::Bookkeeping => ("dữ liệu quản lý tệp", "file bookkeeping"),
        ChangeKind::Unreferenced => ("đối tượng không được dùng", "an unreferenced object"),
        ChangeKind::Unreadable => ("đối tượng không đọc được", "an unreadable object"),
        ChangeKind::Other => ("thay đổi không phân loại được", "an unclassified change"),
        ChangeKind::TrailingData => ("dữ liệu thêm vào cuối tệp", "data appended to the file"),
        ChangeKind::Encryption => ("mã hóa tệp", "file encryption"),
    }
}

pub(super) fn change_rule_words(r: ChangeRule) -> (&'static str, &'static str) {
    match r {
        ChangeRule::DisplayedContent => ("thay đổi nội dung hiển thị", "changes what is displayed"),
        ChangeRule::DocmdpNoChanges => (
            "tài liệu được chứng nhận không cho phép thay đổi",
            "the certification allows no changes",
        ),
        ChangeRule::AnnotationsNeedP3 => (
            "chú thích chỉ được phép ở mức chứng nhận 3",
            "annotations need certification level 3",
        ),
        ChangeRule::AnnotationsAllowed => ("chú thích được phép", "annotations are allowed"),
        ChangeRule::FormFill => ("điền biểu mẫu được phép", "form filling is allowed"),
        ChangeRule::FieldLocked => (
            "trường đã bị khóa khi ký",
            "the field was locked by the signature",
        ),
        ChangeRule::SigningAllowed => ("ký thêm được phép", "further signing is allowed"),
        ChangeRule::LtvAllowed => (
            "bổ sung dữ liệu kiểm tra được phép",
            "adding validation data is allowed",
        ),
        ChangeRule::ExistingSignatureChanged => (
            "chữ ký đã có bị thay đổi",
            "an existing signature was changed",
        ),
        ChangeRule::FieldStructureChanged => (
            "cấu trúc biểu mẫu bị thay đổi",
            "the form structure was changed",
        ),
        ChangeRule::AppearanceWithoutValue => (
            "đổi hình hiển thị mà không đổi giá trị",
            "an appearance changed without its value",
        ),
        ChangeRule::KeyNotAllowed => ("khóa không được phép thay đổi", "a key that may not change"),
        ChangeRule::AnnotationsRemoved => ("chú thích bị xóa", "annotations were removed"),
        ChangeRule::HarmlessUpdate => ("cập nhật vô hại", "a harmless update"),
        ChangeRule::NotDisplayed => (
            "không ảnh hưởng nội dung hiển thị",
            "nothing displayed changes",
        ),
        ChangeRule::Unclassified => (
            "không phân loại được (coi là không được phép)",
            "unclassified (treated as not allowed)",
        ),
        ChangeRule::XrefMismatch => (
            "bảng tham chiếu không khớp với đối tượng",
            "the cross-reference does not match the object",
        ),
        ChangeRule::CommentAdded => (
            "ghi chú được thêm sau khi ký, không thuộc nội dung đã ký",
            "a comment added after signing, not part of what was signed",
        ),
        ChangeRule::StructureForNewContent => (
            "gắn thẻ cho chữ ký hoặc ô mới, được phép",
            "tags for a new signature or widget, allowed",
        ),
        ChangeRule::StructureChanged => (
            "thẻ cấu trúc của nội dung đã ký bị thay đổi (trình đọc màn hình có thể đọc khác)",
            "the tags of the signed content changed (a screen reader may read something else)",
        ),
        ChangeRule::SharedObject => (
            "đối tượng cũng được phần không xác định dùng đến đã bị thay đổi",
            "an object that something unclassified also uses was changed",
        ),
    }
}
