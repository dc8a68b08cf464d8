//! Words for the codes of one domain. Certificates: validity, holder kinds, chains and their reasons, renewal, input
//! errors, identifiers (src/cert, src/trust, src/rules, src/input, src/report).

use super::Lang;
use crate::trust::{AnchorKind, ChainReason, ChainStatus};

/// Shared with the check of a signature's revocation (`check_details`).
pub(super) const REVOCATION_NOT_CHECKED: (&str, &str) = (
    "chưa kiểm tra tình trạng thu hồi (chưa có CRL)",
    "revocation not checked (no CRL given)",
);
/// A chain status and the reason of a revoked chain read the same.
const REVOKED: (&str, &str) = ("Đã bị thu hồi", "Revoked");
/// An invalid chain, and the code `invalid` where a table still looks it up.
const INVALID: (&str, &str) = ("Không hợp lệ", "Invalid");
/// A certificate's algorithm and a signature's algorithm read the same.
pub(super) const UNSUPPORTED_ALGORITHM: (&str, &str) = (
    "thuật toán chữ ký chưa được hỗ trợ",
    "the signature algorithm is not supported",
);

/// (code, Vietnamese, English). Codes are unique across all tables; a test checks it.
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    ("valid", "Còn hiệu lực", "Valid"),
    ("expired", "Đã hết hạn", "Expired"),
    ("not_yet_valid", "Chưa đến ngày hiệu lực", "Not yet valid"),
    // Holder kinds.
    ("individual", "Cá nhân", "Individual"),
    ("organization", "Cơ quan, tổ chức", "Agency / organisation"),
    (
        "device",
        "Thiết bị, dịch vụ, phần mềm",
        "Device / service / software",
    ),
    (
        "ca",
        "Tổ chức cung cấp dịch vụ chứng thực (CA)",
        "Certification authority (CA)",
    ),
    ("unknown", "Chưa xác định", "Undetermined"),
    // Why the holder kind.
    (
        "basic_constraints_ca",
        "chứng thư có thuộc tính CA",
        "the certificate is marked as a CA",
    ),
    (
        "personal_identifier",
        "có số định danh cá nhân (CCCD/CMND/hộ chiếu)",
        "it carries a personal ID (CCCD/CMND/passport)",
    ),
    (
        "organization_identifier",
        "có mã số thuế hoặc mã quan hệ ngân sách",
        "it carries a tax or budget code",
    ),
    (
        "dns_name",
        "có tên miền của thiết bị, dịch vụ",
        "it names a host or service",
    ),
    (
        "agency_name",
        "tên chủ thể là tên cơ quan, tổ chức",
        "the subject name is an agency's name",
    ),
    (
        "title_present",
        "có chức danh của người giữ",
        "it carries the holder's title",
    ),
    (
        "no_evidence",
        "chứng thư không có thông tin đủ để xác định",
        "the certificate does not say",
    ),
    // Codes shared by other vocabularies (the renewal reason `revoked`, ...), worded
    // as a chain status is (`chain_status`).
    ("invalid", INVALID.0, INVALID.1),
    ("revoked", REVOKED.0, REVOKED.1),
    // The CA certificate a chain lacks (the sentence with its name and location is
    // `missing_issuer`).
    // The built-in CA certificates.
    ("builtin_kind_root", "CA gốc", "Root CA"),
    (
        "builtin_kind_intermediate",
        "CA trung gian (CA cấp chứng thư)",
        "Intermediate (issuing) CA",
    ),
    (
        "builtin_kind_time_stamping",
        "Máy chủ cấp dấu thời gian",
        "Time-stamping unit",
    ),
    ("builtin_government", "Chính phủ", "Government"),
    ("builtin_public", "Công cộng", "Public"),
    (
        "builtin_anchor",
        "điểm tin cậy (được ghim)",
        "trust anchor (pinned)",
    ),
    // Chain reasons.
    // Constraints in the trust anchor's own certificate.
    // The RFC 5280 profile of issued certificates.
    (
        "revocation_not_checked",
        REVOCATION_NOT_CHECKED.0,
        REVOCATION_NOT_CHECKED.1,
    ),
    // Renewal.
    (
        "enough_days_left",
        "Đủ điều kiện gia hạn / thay đổi thông tin",
        "Eligible for renewal / change of details",
    ),
    (
        "too_few_days_left",
        "Không còn đủ thời hạn để gia hạn / thay đổi thông tin",
        "Too little validity left for renewal / change",
    ),
    (
        "ca_certificate",
        "Chứng thư của CA không gia hạn theo mẫu này",
        "A CA certificate is not renewed with these forms",
    ),
    // Input errors.
    ("empty_file", "Tệp rỗng", "The file is empty"),
    (
        "too_large",
        "Tệp quá lớn để là chứng thư số",
        "The file is too large to be a certificate",
    ),
    (
        "looks_like_pdf",
        "Đây là tệp PDF, không phải chứng thư số. Hãy dùng mục «Kiểm tra chữ ký PDF».",
        "This is a PDF, not a certificate. Use \"Verify a signed PDF\".",
    ),
    (
        "looks_like_html",
        "Đây là một trang web (HTML), không phải chứng thư số",
        "This is a web page (HTML), not a certificate",
    ),
    (
        "wrong_pem_label",
        "Khối PEM không chứa chứng thư số",
        "The PEM block is not a certificate",
    ),
    (
        "bad_base64",
        "Nội dung Base64 bị hỏng",
        "The Base64 content is damaged",
    ),
    (
        "unterminated_pem",
        "Khối PEM thiếu dòng kết thúc «-----END»",
        "The PEM block has no \"-----END\" line",
    ),
    (
        "truncated",
        "Tệp bị cắt cụt, không đầy đủ",
        "The file is truncated",
    ),
    (
        "unsupported_pkcs7",
        "Tệp PKCS#7 không phải gói chứng thư số",
        "The PKCS#7 file is not a certificate bundle",
    ),
    (
        "not_a_certificate",
        "Tệp không chứa chứng thư số",
        "The file holds no certificate",
    ),
    (
        "crl_malformed",
        "Danh sách thu hồi (CRL) bị lỗi cấu trúc, không đọc được",
        "The CRL (revocation list) is malformed and cannot be read",
    ),
    (
        "not_a_crl",
        "Tệp này không phải danh sách thu hồi (CRL)",
        "This file is not a CRL (revocation list)",
    ),
    (
        "crl_unknown_issuer",
        "Không có chứng thư của CA đã phát hành danh sách thu hồi (CRL) này, nên không kiểm tra được chữ ký trên nó",
        "The certificate of the CA that issued this CRL is not at hand, so its signature cannot be checked",
    ),
    (
        "crl_wrong_key",
        "Chữ ký trên danh sách thu hồi (CRL) không khớp với khóa của CA ghi trong nó (tệp bị sửa hoặc do khóa khác ký)",
        "The CRL's signature does not match the key of the CA it names (altered, or signed by another key)",
    ),
    (
        "bad_certificate",
        "Chứng thư số bị lỗi cấu trúc",
        "The certificate is malformed",
    ),
    (
        "unrecognised_text",
        "Tệp văn bản này không phải chứng thư số (không có khối PEM hay Base64)",
        "This text file is not a certificate (no PEM or Base64)",
    ),
    (
        "not_der",
        "Tệp không phải định dạng chứng thư số (DER/PEM/P7B)",
        "The file is not a certificate format (DER/PEM/P7B)",
    ),
    // Identifier problems.
    (
        "cccd_length",
        "Số CCCD phải gồm đúng 12 chữ số",
        "A CCCD number has exactly 12 digits",
    ),
    (
        "cmnd_length",
        "Số CMND phải gồm 9 hoặc 12 chữ số",
        "A CMND number has 9 or 12 digits",
    ),
    (
        "mst_format",
        "Mã số thuế phải gồm 10 chữ số hoặc dạng 10-3",
        "A tax code has 10 digits or the 10-3 form",
    ),
    (
        "mst_check_digit",
        "Mã số thuế sai chữ số kiểm tra",
        "The tax code's check digit is wrong",
    ),
    (
        "mns_length",
        "Mã quan hệ ngân sách phải gồm 7 chữ số",
        "A budget code has 7 digits",
    ),
    (
        "hc_format",
        "Số hộ chiếu không đúng định dạng",
        "The passport number is malformed",
    ),
    // The deploy-time trust folder (src/trust/folder.rs) and `kyso trust update`.
    (
        "trust_index_too_large",
        "Tệp trust/index.json quá lớn",
        "trust/index.json is too large",
    ),
    (
        "trust_index_not_json",
        "Tệp trust/index.json không đúng định dạng",
        "trust/index.json is not in the expected format",
    ),
    (
        "trust_index_version",
        "Tệp trust/index.json thuộc phiên bản kyso không đọc được",
        "trust/index.json has a version kyso cannot read",
    ),
    (
        "trust_index_too_many",
        "Tệp trust/index.json liệt kê quá nhiều mục",
        "trust/index.json lists too many entries",
    ),
    (
        "trust_index_bad_entry",
        "Một mục trong trust/index.json không hợp lệ (tên tệp nằm ngoài thư mục hoặc trường sai)",
        "An entry of trust/index.json is invalid (a file outside the folder or a malformed field)",
    ),
    (
        "trust_file_hash_mismatch",
        "Tệp trong thư mục tin cậy không khớp mã SHA-256 ghi trong index.json; không dùng",
        "A file of the trust folder does not match the SHA-256 in index.json; not used",
    ),
    (
        "crl_issuer_name_mismatch",
        "Tên đơn vị phát hành CRL không trùng với chứng thư CA",
        "The CRL's issuer name is not the CA certificate's subject",
    ),
    (
        "crl_issuer_no_crl_sign",
        "Chứng thư CA không được phép ký CRL (thiếu cRLSign)",
        "The CA certificate may not sign CRLs (no cRLSign)",
    ),
    (
        "crl_issuer_unknown",
        "Không có chứng thư của CA đã phát hành CRL này",
        "The certificate of the CA that issued this CRL is not at hand",
    ),
    (
        "crl_not_a_crl",
        "Tệp tải về không phải là CRL",
        "The downloaded file is not a CRL",
    ),
    ("crl_added", "CRL mới được thêm", "new CRL added"),
    (
        "crl_updated",
        "CRL được cập nhật bản mới hơn",
        "CRL replaced by a newer one",
    ),
    ("crl_unchanged", "CRL không đổi", "CRL unchanged"),
    (
        "crl_kept_older",
        "Bản tải về cũ hơn bản đang có; giữ bản đang có",
        "The download is older than the CRL in the folder; kept the folder's",
    ),
    (
        "ca_added",
        "Chứng thư CA mới được thêm (tải theo AIA)",
        "CA certificate added (downloaded via AIA)",
    ),
    // Downloads (`kyso trust update`, `--online`).
    (
        "http_not_http",
        "Chỉ tải được địa chỉ http://",
        "Only http:// addresses are fetched",
    ),
    ("http_bad_url", "Địa chỉ không hợp lệ", "Malformed address"),
    (
        "http_connect",
        "Không kết nối được tới máy chủ",
        "Cannot connect to the server",
    ),
    (
        "http_timeout",
        "Máy chủ không trả lời kịp (hết thời gian chờ)",
        "The server did not answer in time (timeout)",
    ),
    (
        "http_too_large",
        "Tệp tải về vượt giới hạn kích thước",
        "The download exceeds the size limit",
    ),
    (
        "http_status",
        "Máy chủ trả lời lỗi",
        "The server answered with an error",
    ),
    (
        "http_bad_response",
        "Máy chủ trả lời sai giao thức HTTP",
        "The server's answer is not valid HTTP",
    ),
    (
        "http_too_many_redirects",
        "Quá nhiều lần chuyển hướng",
        "Too many redirects",
    ),
    // Where revocation evidence came from.
    (
        "evidence_embedded",
        "có sẵn trong tệp",
        "embedded in the file",
    ),
    (
        "evidence_user",
        "tệp người dùng cung cấp",
        "a file the user gave",
    ),
    (
        "evidence_trust_folder",
        "thư mục tin cậy của đơn vị",
        "the agency's trust folder",
    ),
    ("evidence_online", "tải trực tuyến", "fetched online"),
];

/// Why a chain is what its status says, in `lang`. An exhaustive match: a
/// [`ChainReason`] added without words does not compile.
pub fn chain_reason(lang: Lang, r: &ChainReason) -> &'static str {
    super::pick(lang, chain_reason_words(r))
}

pub(super) fn chain_reason_words(r: &ChainReason) -> (&'static str, &'static str) {
    use ChainReason as R;
    match r {
        R::Ok => ("mọi kiểm tra đều đạt", "all checks passed"),
        R::IssuerNotFound { .. } => (
            "không tìm thấy chứng thư của CA đã cấp; hãy thêm tệp chứng thư CA (.cer/.p7b)",
            "the issuing CA's certificate was not found; add the CA certificate (.cer/.p7b)",
        ),
        R::RootNotTrusted { .. } => (
            "CA gốc không phải CA của Chính phủ hay CA do người dùng chỉ định",
            "the root is neither the government CA nor one you added",
        ),
        R::BadSignature { .. } => (
            "chữ ký trên chứng thư không đúng",
            "a certificate signature does not verify",
        ),
        R::UnsupportedAlgorithm { .. } => UNSUPPORTED_ALGORITHM,
        R::CertExpired { .. } => (
            "một chứng thư trong chuỗi đã hết hạn",
            "a certificate in the chain has expired",
        ),
        R::CertNotYetValid { .. } => (
            "một chứng thư trong chuỗi chưa có hiệu lực",
            "a certificate in the chain is not yet valid",
        ),
        R::NotACa { .. } => (
            "chứng thư cấp phát không phải là CA",
            "the issuer is not a CA",
        ),
        R::PathLenExceeded { .. } => (
            "chuỗi dài hơn giới hạn CA cho phép",
            "the chain is longer than a CA allows",
        ),
        R::MissingKeyCertSign { .. } => (
            "CA không được phép ký chứng thư (thiếu keyCertSign)",
            "the CA may not sign certificates (no keyCertSign)",
        ),
        R::NameChaining { .. } => (
            "tên đơn vị cấp không khớp với tên CA",
            "the issuer name does not match the CA",
        ),
        R::UnknownCriticalExtension { .. } => (
            "chứng thư có phần mở rộng bắt buộc không được hỗ trợ",
            "a critical extension is not understood",
        ),
        R::MalformedExtension { .. } => (
            "một phần mở rộng của chứng thư bị lỗi cấu trúc, không đọc được",
            "a certificate extension is malformed and cannot be read",
        ),
        R::NameConstraints { .. } => (
            "vi phạm giới hạn tên của CA",
            "a CA's name constraints are violated",
        ),
        R::Policy { .. } => (
            "chính sách chứng thư không phù hợp",
            "certificate policies do not match",
        ),
        R::Revoked { .. } => REVOKED,
        R::CrlExpired { .. } => (
            "danh sách thu hồi (CRL) đã quá hạn cập nhật",
            "the CRL is out of date",
        ),
        R::CrlNotYetValid { .. } => (
            "danh sách thu hồi (CRL) ghi ngày phát hành sau thời điểm kiểm tra nên chưa dùng được",
            "the CRL is dated after the validation time, so it cannot be used yet",
        ),
        R::CrlBadSignature { .. } => (
            "chữ ký trên danh sách thu hồi (CRL) không đúng",
            "the CRL signature does not verify",
        ),
        R::CrlMissing { .. } => (
            "không có danh sách thu hồi (CRL) để kiểm tra",
            "no CRL to check revocation",
        ),
        R::CrlUnknownCriticalExtension { .. } => (
            "danh sách thu hồi (CRL) có phần mở rộng bắt buộc không được hỗ trợ nên không dùng được",
            "the CRL has a critical extension that is not understood, so it cannot be used",
        ),
        R::CrlOutOfScope { .. } => (
            "đã có danh sách thu hồi (CRL) của CA cấp nhưng không danh sách nào áp dụng cho chứng thư này",
            "CRLs from the issuing CA were given, but none of them covers this certificate",
        ),
        R::PathSearchLimit => (
            "không dựng được chuỗi chứng thực: chuỗi quá dài hoặc có quá nhiều chứng thư CA để thử, nên kyso đã dừng tìm",
            "no chain could be built: it is too long or there are too many CA certificates to try, so kyso stopped searching",
        ),
        R::AnchorNotCa { .. } => (
            "chứng thư CA gốc không được đánh dấu là CA (basicConstraints)",
            "the root certificate is not marked as a CA (basicConstraints)",
        ),
        R::AnchorPathLenExceeded { .. } => (
            "chuỗi có nhiều CA trung gian hơn mức CA gốc cho phép",
            "the chain has more intermediate CAs than the root allows",
        ),
        R::AnchorMissingKeyCertSign { .. } => (
            "CA gốc không được phép ký chứng thư (thiếu keyCertSign)",
            "the root may not sign certificates (no keyCertSign)",
        ),
        R::AnchorUnknownCriticalExtension { .. } => (
            "chứng thư CA gốc có phần mở rộng bắt buộc không được hỗ trợ",
            "the root certificate has a critical extension that is not understood",
        ),
        R::AnchorNameConstraints { .. } => (
            "vi phạm giới hạn tên do CA gốc đặt ra",
            "the root's name constraints are violated",
        ),
        R::MissingAuthorityKeyId { .. } => (
            "chứng thư thiếu mã định danh khóa của CA cấp (AKI), trái RFC 5280",
            "a certificate lacks the issuing CA's key identifier (AKI), against RFC 5280",
        ),
        R::MissingSubjectKeyId { .. } => (
            "chứng thư CA thiếu mã định danh khóa (SKI), trái RFC 5280",
            "a CA certificate lacks its key identifier (SKI), against RFC 5280",
        ),
        R::EndEntityNameConstraints { .. } => (
            "chứng thư không phải CA nhưng có giới hạn tên (chỉ CA mới được có)",
            "a certificate that is not a CA carries name constraints (only CAs may)",
        ),
        R::EmptySubjectWithoutCriticalSan { .. } => (
            "chứng thư không ghi tên chủ thể mà tên thay thế (SAN) không được đánh dấu bắt buộc",
            "a certificate has an empty subject and a non-critical alternative name (SAN)",
        ),
        R::MalformedDnsName { .. } => (
            "tên miền trong chứng thư sai cú pháp nên không kiểm được giới hạn tên của CA",
            "a domain name in the certificate is malformed, so the CA's name constraints cannot be checked",
        ),
        R::KeyCertSignWithoutCa { .. } => (
            "lưu ý: chứng thư không phải CA nhưng khai quyền ký chứng thư (keyCertSign); quyền này không có hiệu lực",
            "note: a certificate that is not a CA claims keyCertSign; the claim has no effect",
        ),
        R::CriticalAuthorityInfoAccess { .. } => (
            "lưu ý: phần mở rộng AIA bị đánh dấu bắt buộc, trái RFC 5280; không ảnh hưởng kết quả",
            "note: the AIA extension is marked critical, against RFC 5280; it does not change the result",
        ),
        R::SerialNotPositive { .. } => (
            "lưu ý: số hiệu chứng thư bằng 0 hoặc âm, trái RFC 5280",
            "note: the certificate's serial number is zero or negative, against RFC 5280",
        ),
    }
}

/// A chain's verdict in one line, in `lang` ("Tin cậy: chuỗi dẫn đến CA được tin cậy").
pub fn chain_status(lang: Lang, s: ChainStatus) -> &'static str {
    super::pick(
        lang,
        match s {
            ChainStatus::Trusted => (
                "Tin cậy: chuỗi dẫn đến CA được tin cậy",
                "Trusted: chains to a trusted CA",
            ),
            ChainStatus::Untrusted => (
                "Không tin cậy: chuỗi dẫn đến một CA gốc không nằm trong danh sách tin cậy",
                "Untrusted: chains to a root that is not trusted",
            ),
            ChainStatus::Incomplete => (
                "Chưa đủ chuỗi: thiếu chứng thư của CA cấp",
                "Incomplete: the issuing CA's certificate is missing",
            ),
            ChainStatus::Invalid => INVALID,
            ChainStatus::Revoked => REVOKED,
        },
    )
}

/// The kind of root a chain ends at, in `lang`.
pub fn anchor_kind(lang: Lang, k: AnchorKind) -> &'static str {
    super::pick(
        lang,
        match k {
            AnchorKind::Government => (
                "CA gốc chuyên dùng Chính phủ (Ban Cơ yếu Chính phủ)",
                "the Government's root CA (VGCA)",
            ),
            AnchorKind::PublicCa => (
                "CA gốc quốc gia của các tổ chức cung cấp dịch vụ chứng thực công cộng được cấp phép",
                "a national root of the licensed public CAs",
            ),
            AnchorKind::User => (
                "CA do người dùng chỉ định là tin cậy",
                "a CA you chose to trust",
            ),
        },
    )
}
