//! Every code the core returns, worded for people: Vietnamese first, English second.
//!
//! The core speaks in codes (`issuer_not_found`, `too_few_days_left`); the page, the
//! CLI and the exported reports all word them here, so one verdict reads the same
//! everywhere and a translation fix lands in one place. Words are those a clerk uses
//! ("chứng thư số", "số hiệu", "gia hạn"), not a translation of RFC vocabulary.

use crate::input::InputError;
use crate::rules::renewal::{Eligibility, EligibilityReason};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vn" | "vi-vn" => Some(Lang::Vi),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }
}

/// (code, Vietnamese, English). Codes are unique; a test checks it.
const TEXTS: &[(&str, &str, &str)] = &[
    // Validity status.
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
    // Chain status.
    (
        "trusted",
        "Tin cậy: chuỗi dẫn đến CA được tin cậy",
        "Trusted: chains to a trusted CA",
    ),
    (
        "untrusted",
        "Không tin cậy: chuỗi dẫn đến một CA gốc không nằm trong danh sách tin cậy",
        "Untrusted: chains to a root that is not trusted",
    ),
    (
        "incomplete",
        "Chưa đủ chuỗi: thiếu chứng thư của CA cấp",
        "Incomplete: the issuing CA's certificate is missing",
    ),
    ("invalid", "Không hợp lệ", "Invalid"),
    ("revoked", "Đã bị thu hồi", "Revoked"),
    // Which kind of root a chain ends at.
    (
        "anchor_government",
        "CA gốc chuyên dùng Chính phủ (Ban Cơ yếu Chính phủ)",
        "the Government's root CA (VGCA)",
    ),
    (
        "anchor_public_ca",
        "CA gốc quốc gia của các tổ chức cung cấp dịch vụ chứng thực công cộng được cấp phép",
        "a national root of the licensed public CAs",
    ),
    (
        "anchor_user",
        "CA do người dùng chỉ định là tin cậy",
        "a CA you chose to trust",
    ),
    // The CA certificate a chain lacks (the sentence with its name and location is
    // `missing_issuer`).
    (
        "missing_issuer_published",
        "thiếu chứng thư của CA cấp; chứng thư của người giữ có ghi nơi công bố",
        "the issuing CA's certificate is missing; the certificate says where it is published",
    ),
    (
        "missing_issuer_not_published",
        "thiếu chứng thư của CA cấp; chứng thư của người giữ không ghi nơi công bố",
        "the issuing CA's certificate is missing; the certificate does not say where it is published",
    ),
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
    ("ok", "mọi kiểm tra đều đạt", "all checks passed"),
    (
        "issuer_not_found",
        "không tìm thấy chứng thư của CA đã cấp; hãy thêm tệp chứng thư CA (.cer/.p7b)",
        "the issuing CA's certificate was not found; add the CA certificate (.cer/.p7b)",
    ),
    (
        "root_not_trusted",
        "CA gốc không phải CA của Chính phủ hay CA do người dùng chỉ định",
        "the root is neither the government CA nor one you added",
    ),
    (
        "bad_signature",
        "chữ ký trên chứng thư không đúng",
        "a certificate signature does not verify",
    ),
    (
        "cert_expired",
        "một chứng thư trong chuỗi đã hết hạn",
        "a certificate in the chain has expired",
    ),
    (
        "cert_not_yet_valid",
        "một chứng thư trong chuỗi chưa có hiệu lực",
        "a certificate in the chain is not yet valid",
    ),
    (
        "not_a_ca",
        "chứng thư cấp phát không phải là CA",
        "the issuer is not a CA",
    ),
    (
        "path_len_exceeded",
        "chuỗi dài hơn giới hạn CA cho phép",
        "the chain is longer than a CA allows",
    ),
    (
        "missing_key_cert_sign",
        "CA không được phép ký chứng thư (thiếu keyCertSign)",
        "the CA may not sign certificates (no keyCertSign)",
    ),
    (
        "name_chaining",
        "tên đơn vị cấp không khớp với tên CA",
        "the issuer name does not match the CA",
    ),
    (
        "unknown_critical_extension",
        "chứng thư có phần mở rộng bắt buộc không được hỗ trợ",
        "a critical extension is not understood",
    ),
    (
        "crl_expired",
        "danh sách thu hồi (CRL) đã quá hạn cập nhật",
        "the CRL is out of date",
    ),
    (
        "crl_bad_signature",
        "chữ ký trên danh sách thu hồi (CRL) không đúng",
        "the CRL signature does not verify",
    ),
    (
        "crl_missing",
        "không có danh sách thu hồi (CRL) để kiểm tra",
        "no CRL to check revocation",
    ),
    (
        "name_constraints",
        "vi phạm giới hạn tên của CA",
        "a CA's name constraints are violated",
    ),
    (
        "policy",
        "chính sách chứng thư không phù hợp",
        "certificate policies do not match",
    ),
    (
        "unsupported_algorithm",
        "thuật toán chữ ký chưa được hỗ trợ",
        "the signature algorithm is not supported",
    ),
    (
        "key_algorithm_mismatch",
        "thuật toán chữ ký không khớp với loại khóa của chứng thư số",
        "the signature algorithm does not match the certificate's key type",
    ),
    (
        "revocation_not_checked",
        "chưa kiểm tra tình trạng thu hồi (chưa có CRL)",
        "revocation not checked (no CRL given)",
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
    // ---- Signed PDFs: verdicts, checks and details (src/verify, src/cms). ----
    ("verdict_total_passed", "Chữ ký hợp lệ", "Valid signature"),
    (
        "verdict_total_failed",
        "Chữ ký không hợp lệ",
        "Invalid signature",
    ),
    (
        "verdict_indeterminate",
        "Chưa đủ căn cứ để kết luận chữ ký hợp lệ",
        "Not enough evidence to confirm the signature",
    ),
    (
        "sub_format_failure",
        "Chữ ký sai định dạng hoặc không xác định được phần đã ký",
        "The signature is malformed or what it covers is unclear",
    ),
    (
        "sub_hash_failure",
        "Nội dung đã ký bị thay đổi",
        "The signed content has been changed",
    ),
    (
        "sub_sig_crypto_failure",
        "Giá trị chữ ký không khớp với khóa của người ký",
        "The signature value does not match the signer's key",
    ),
    (
        "sub_revoked",
        "Chứng thư số đã bị thu hồi trước thời điểm ký (có bằng chứng thời gian)",
        "The certificate was revoked before signing (time proven)",
    ),
    (
        "sub_expired",
        "Chứng thư số đã hết hạn trước thời điểm ký (có bằng chứng thời gian)",
        "The certificate had expired before signing (time proven)",
    ),
    (
        "sub_not_yet_valid",
        "Chứng thư số chưa có hiệu lực tại thời điểm ký",
        "The certificate was not yet valid when signing",
    ),
    (
        "sub_sig_constraints_failure",
        "Chữ ký không đáp ứng các ràng buộc kiểm tra (ví dụ: tài liệu bị sửa sau khi ký)",
        "The signature fails a validation constraint (e.g. the document changed after signing)",
    ),
    (
        "sub_chain_constraints_failure",
        "Chuỗi chứng thư không đáp ứng yêu cầu",
        "The certificate chain fails a constraint",
    ),
    (
        "sub_certificate_chain_general_failure",
        "Chuỗi chứng thư bị lỗi",
        "The certificate chain is faulty",
    ),
    (
        "sub_crypto_constraints_failure",
        "Thuật toán không được hỗ trợ hoặc không được chấp nhận",
        "An algorithm is unsupported or not accepted",
    ),
    (
        "sub_crypto_constraints_failure_no_poe",
        "Chữ ký dùng thuật toán đã hết an toàn (SHA-1) mà không có dấu thời gian chứng minh đã ký trước khi thuật toán bị loại bỏ",
        "The signature uses a retired algorithm (SHA-1) with no time-stamp proving it was made before the retirement",
    ),
    (
        "sub_no_signing_certificate_found",
        "Không xác định được chứng thư số của người ký",
        "The signer's certificate could not be identified",
    ),
    (
        "sub_no_certificate_chain_found",
        "Không dựng được chuỗi chứng thư đến CA tin cậy",
        "No certificate chain to a trusted CA",
    ),
    (
        "sub_out_of_bounds_no_poe",
        "Chứng thư số ngoài thời hạn hiệu lực và không có bằng chứng thời điểm ký",
        "The certificate is outside its validity and nothing proves when the signature was made",
    ),
    (
        "sub_revoked_no_poe",
        "Chứng thư số đã bị thu hồi và không có bằng chứng chữ ký được tạo trước khi thu hồi",
        "The certificate is revoked and nothing proves the signature was made before the revocation",
    ),
    (
        "sub_try_later",
        "Chưa kiểm tra được tình trạng thu hồi của chứng thư số; hãy bổ sung CRL và kiểm tra lại",
        "The certificate's revocation status could not be checked; add a CRL and verify again",
    ),
    // Document summaries.
    (
        "all_signatures_valid",
        "Tất cả chữ ký hợp lệ; tài liệu không bị sửa đổi sau khi ký",
        "All signatures are valid; the document was not changed after signing",
    ),
    (
        "valid_with_allowed_changes",
        "Chữ ký hợp lệ; sau khi ký chỉ có các thay đổi được phép (điền biểu mẫu, ký thêm, dấu thời gian)",
        "Signatures are valid; after signing there are only permitted changes (form filling, further signatures, time-stamps)",
    ),
    (
        "modified_after_signing",
        "Tài liệu đã bị sửa đổi sau khi ký",
        "The document was modified after signing",
    ),
    (
        "some_signature_invalid",
        "Có chữ ký không hợp lệ",
        "At least one signature is invalid",
    ),
    (
        "signatures_indeterminate",
        "Chưa đủ căn cứ để xác nhận chữ ký; xem chi tiết từng kiểm tra",
        "The signatures cannot be confirmed yet; see each check",
    ),
    (
        "no_signatures",
        "Tài liệu không có chữ ký số",
        "The document has no digital signature",
    ),
    (
        "pdf_error",
        "Không đọc được tệp PDF",
        "The PDF could not be read",
    ),
    // Check titles.
    ("check_format", "Định dạng chữ ký", "Signature format"),
    (
        "check_coverage",
        "Phạm vi được ký",
        "What the signature covers",
    ),
    (
        "check_content_type",
        "Loại nội dung đã ký",
        "Signed content type",
    ),
    ("check_integrity", "Toàn vẹn nội dung", "Content integrity"),
    ("check_signature", "Giá trị chữ ký", "Signature value"),
    (
        "check_signing_certificate",
        "Chứng thư số của người ký",
        "Signer's certificate",
    ),
    (
        "check_ess_signing_certificate",
        "Liên kết chữ ký với chứng thư số",
        "Signature bound to the certificate",
    ),
    ("check_timestamp", "Dấu thời gian", "Time-stamp"),
    (
        "check_timestamp_revocation",
        "Tình trạng thu hồi của đơn vị cấp dấu thời gian",
        "Revocation status of the time-stamping authority",
    ),
    ("check_signing_time", "Thời điểm ký", "Signing time"),
    (
        "check_certificate_chain",
        "Chuỗi chứng thư tại thời điểm ký",
        "Certificate chain at signing time",
    ),
    (
        "check_validity_at_signing_time",
        "Thời hạn chứng thư tại thời điểm ký",
        "Certificate validity at signing time",
    ),
    (
        "check_revocation",
        "Tình trạng thu hồi tại thời điểm ký",
        "Revocation status at signing time",
    ),
    (
        "check_revocation_ca",
        "Tình trạng thu hồi của CA",
        "Revocation status of the CA",
    ),
    (
        "check_signer_key_usage",
        "Mục đích sử dụng khóa của người ký",
        "Signer's key usage",
    ),
    (
        "check_signer_extended_key_usage",
        "Mục đích mở rộng của chứng thư người ký",
        "Signer's extended key usage",
    ),
    (
        "key_usage_allows_signing",
        "chứng thư cho phép dùng khóa để ký (digitalSignature hoặc nonRepudiation)",
        "the certificate lets the key sign (digitalSignature or nonRepudiation)",
    ),
    (
        "key_usage_absent",
        "chứng thư không giới hạn mục đích sử dụng khóa",
        "the certificate does not restrict what the key may do",
    ),
    (
        "key_usage_excludes_signing",
        "chứng thư không cho phép dùng khóa này để ký tài liệu: thiếu cả digitalSignature lẫn nonRepudiation (RFC 5280 mục 4.2.1.3)",
        "the certificate does not let this key sign documents: neither digitalSignature nor nonRepudiation is set (RFC 5280 §4.2.1.3)",
    ),
    (
        "key_usage_malformed",
        "phần mở rộng mục đích sử dụng khóa (keyUsage) của chứng thư bị lỗi",
        "the certificate's keyUsage extension is malformed",
    ),
    (
        "eku_absent",
        "chứng thư không giới hạn mục đích mở rộng",
        "the certificate has no extended key usage restriction",
    ),
    (
        "eku_allows_signing",
        "mục đích mở rộng của chứng thư cho phép ký tài liệu",
        "the certificate's extended key usage allows document signing",
    ),
    (
        "eku_not_critical_other_purposes",
        "mục đích mở rộng của chứng thư không nêu việc ký tài liệu; vì không được đánh dấu bắt buộc (critical) nên không coi là cấm",
        "the certificate's extended key usage does not name document signing; it is not marked critical, so it is not treated as a prohibition",
    ),
    (
        "eku_excludes_signing",
        "chứng thư chỉ cho phép các mục đích mở rộng khác (đánh dấu bắt buộc, critical), không cho phép ký tài liệu (RFC 5280 mục 4.2.1.12)",
        "the certificate's critical extended key usage allows other purposes only, not document signing (RFC 5280 §4.2.1.12)",
    ),
    (
        "eku_malformed",
        "phần mở rộng mục đích mở rộng (extendedKeyUsage) của chứng thư bị lỗi",
        "the certificate's extendedKeyUsage extension is malformed",
    ),
    ("check_algorithms", "Thuật toán", "Algorithms"),
    (
        "check_modifications",
        "Thay đổi sau khi ký",
        "Changes after signing",
    ),
    // Check details.
    (
        "format_ok",
        "Định dạng chữ ký đọc được",
        "The signature format is readable",
    ),
    (
        "sub_filter_unknown",
        "Kiểu chữ ký (SubFilter) không được hỗ trợ",
        "The signature type (SubFilter) is not supported",
    ),
    (
        "sub_filter_kind_mismatch",
        "Kiểu chữ ký không khớp với loại trường chữ ký",
        "The signature type does not match the field type",
    ),
    (
        "multiple_signers",
        "Chữ ký PDF chứa nhiều người ký; chỉ chấp nhận đúng một",
        "The PDF signature holds several signers; exactly one is accepted",
    ),
    (
        "detached_with_content",
        "Chữ ký tách rời nhưng lại chứa nội dung bên trong",
        "A detached signature carries embedded content",
    ),
    (
        "cms_empty",
        "Không có dữ liệu chữ ký (/Contents rỗng)",
        "No signature data (/Contents is empty)",
    ),
    (
        "cms_too_large",
        "Dữ liệu chữ ký quá lớn",
        "The signature data is too large",
    ),
    (
        "cms_structure",
        "Dữ liệu chữ ký bị hỏng (không đọc được cấu trúc CMS)",
        "The signature data is damaged (CMS structure unreadable)",
    ),
    (
        "cms_trailing_data",
        "Có dữ liệu lạ sau chữ ký",
        "Unexpected data after the signature",
    ),
    (
        "cms_not_signed_data",
        "Dữ liệu không phải chữ ký CMS",
        "The data is not a CMS signature",
    ),
    (
        "cms_bad_field",
        "Một trường của chữ ký CMS bị sai",
        "A field of the CMS signature is malformed",
    ),
    (
        "cms_no_signer",
        "Chữ ký CMS không có thông tin người ký",
        "The CMS signature names no signer",
    ),
    (
        "cms_too_many_items",
        "Chữ ký CMS chứa quá nhiều phần tử",
        "The CMS signature holds too many items",
    ),
    (
        "content_type_mismatch",
        "Thuộc tính loại nội dung không đúng",
        "The content-type attribute is wrong",
    ),
    (
        "digest_matches",
        "Mã băm của nội dung khớp với chữ ký",
        "The content digest matches the signature",
    ),
    (
        "digest_mismatch",
        "Mã băm của nội dung không khớp: nội dung đã ký bị thay đổi",
        "The content digest does not match: the signed content changed",
    ),
    (
        "encapsulated_digest_mismatch",
        "Mã băm SHA-1 trong chữ ký không khớp với tài liệu",
        "The SHA-1 digest inside the signature does not match the document",
    ),
    (
        "message_digest_missing",
        "Chữ ký thiếu thuộc tính mã băm nội dung",
        "The signature lacks the message-digest attribute",
    ),
    (
        "unsupported_digest_algorithm",
        "Thuật toán băm không được hỗ trợ",
        "The digest algorithm is not supported",
    ),
    (
        "digest_not_checked",
        "Chưa kiểm tra được mã băm",
        "The digest could not be checked",
    ),
    (
        "timestamp_imprint_matches",
        "Dấu thời gian khớp với nội dung tài liệu",
        "The time-stamp matches the document",
    ),
    (
        "timestamp_imprint_mismatch",
        "Dấu thời gian không khớp với nội dung được đóng dấu",
        "The time-stamp does not match what it stamps",
    ),
    (
        "signature_valid",
        "Giá trị chữ ký đúng",
        "The signature value verifies",
    ),
    (
        "signature_invalid",
        "Giá trị chữ ký sai",
        "The signature value does not verify",
    ),
    (
        "signature_over_other_content",
        "Giá trị chữ ký do khóa của người ký tạo ra nhưng cho một nội dung khác: tài liệu đã bị thay đổi sau khi ký",
        "The signature value was made by the signer's key but over other content: the document changed after signing",
    ),
    (
        "signature_not_checked",
        "Chưa kiểm tra được giá trị chữ ký",
        "The signature value could not be checked",
    ),
    (
        "signer_certificate_found",
        "Tìm thấy chứng thư số của người ký",
        "The signer's certificate was found",
    ),
    (
        "signer_certificate_not_found",
        "Không tìm thấy chứng thư số của người ký; hãy thêm tệp chứng thư (.cer)",
        "The signer's certificate was not found; add the certificate file (.cer)",
    ),
    (
        "ess_v2_match",
        "Chữ ký gắn đúng với chứng thư số (signing-certificate-v2)",
        "The signature names this certificate (signing-certificate-v2)",
    ),
    (
        "ess_v1_match",
        "Chữ ký gắn với chứng thư số bằng SHA-1 (signing-certificate phiên bản cũ)",
        "The signature names this certificate by SHA-1 (old signing-certificate)",
    ),
    (
        "ess_absent",
        "Chữ ký không ghi chứng thư số của người ký (được phép với adbe.pkcs7)",
        "The signature does not name its certificate (allowed for adbe.pkcs7)",
    ),
    (
        "ess_absent_cades",
        "Chữ ký CAdES thiếu thuộc tính signing-certificate-v2 bắt buộc",
        "The CAdES signature lacks the required signing-certificate-v2",
    ),
    (
        "ess_mismatch",
        "Chứng thư số ghi trong chữ ký khác với chứng thư số đi kèm",
        "The certificate named in the signature is not the one attached",
    ),
    (
        "ess_malformed",
        "Thuộc tính signing-certificate bị hỏng",
        "The signing-certificate attribute is malformed",
    ),
    (
        "no_timestamp",
        "Chữ ký không có dấu thời gian",
        "The signature has no time-stamp",
    ),
    (
        "timestamp_valid",
        "Dấu thời gian hợp lệ, do đơn vị cấp dấu thời gian tin cậy cấp",
        "Valid time-stamp from a trusted time-stamping authority",
    ),
    (
        "timestamp_malformed",
        "Dấu thời gian bị hỏng",
        "The time-stamp is malformed",
    ),
    (
        "timestamp_bad_signature",
        "Chữ ký của dấu thời gian sai",
        "The time-stamp's signature does not verify",
    ),
    (
        "timestamp_no_tsa_certificate",
        "Không tìm thấy chứng thư của đơn vị cấp dấu thời gian",
        "The time-stamping authority's certificate is missing",
    ),
    (
        "timestamp_not_tsa_certificate",
        "Chứng thư ký dấu thời gian không phải chứng thư cấp dấu thời gian",
        "The time-stamp was not signed by a time-stamping certificate",
    ),
    (
        "timestamp_unsupported_algorithm",
        "Thuật toán của dấu thời gian không được hỗ trợ",
        "The time-stamp's algorithm is not supported",
    ),
    (
        "timestamp_wrong_content_type",
        "Dấu thời gian không chứa thông tin thời gian (TSTInfo)",
        "The time-stamp holds no TSTInfo",
    ),
    (
        "timestamp_imprint_unavailable",
        "Không tính được mã băm để đối chiếu dấu thời gian",
        "The digest to compare with the time-stamp is unavailable",
    ),
    (
        "tst_info_malformed",
        "Thông tin thời gian trong dấu thời gian bị hỏng",
        "The time-stamp's TSTInfo is malformed",
    ),
    (
        "tst_info_bad_time",
        "Thời gian trong dấu thời gian không đọc được",
        "The time-stamp's time is unreadable",
    ),
    (
        "tst_info_missing",
        "Dấu thời gian không có nội dung",
        "The time-stamp is empty",
    ),
    (
        "tsa_not_trusted",
        "Đơn vị cấp dấu thời gian không thuộc CA tin cậy; thời gian chỉ là thời gian khai báo",
        "The time-stamping authority is not trusted; the time is only claimed",
    ),
    (
        "tsa_eku_not_critical",
        "Chứng thư cấp dấu thời gian không đánh dấu mục đích sử dụng là bắt buộc (RFC 3161)",
        "The TSA certificate's key purpose is not marked critical (RFC 3161)",
    ),
    (
        "tsa_not_revoked",
        "Chứng thư của đơn vị cấp dấu thời gian chưa bị thu hồi tại thời điểm cấp dấu",
        "The time-stamping authority's certificate was not revoked when it stamped",
    ),
    (
        "tsa_revoked",
        "Chứng thư của đơn vị cấp dấu thời gian đã bị thu hồi (RFC 3161): dấu thời gian không chứng minh được thời điểm ký",
        "The time-stamping authority's certificate is revoked (RFC 3161): the time-stamp proves no time",
    ),
    (
        "tsa_ca_revoked",
        "Chứng thư CA cấp cho đơn vị cấp dấu thời gian đã bị thu hồi trước thời điểm cấp dấu: dấu thời gian không chứng minh được thời điểm ký",
        "A CA above the time-stamping authority was revoked before the time-stamp: it proves no time",
    ),
    (
        "tsa_revoked_after_timestamp",
        "Chứng thư của đơn vị cấp dấu thời gian bị thu hồi sau thời điểm cấp dấu, vì lý do không liên quan đến khóa: dấu thời gian vẫn có giá trị",
        "The time-stamping authority's certificate was revoked after the time-stamp, for a reason that spares its key: the time-stamp still holds",
    ),
    (
        "tsa_revocation_silent_after_expiry",
        "Thông tin thu hồi về đơn vị cấp dấu thời gian được phát hành sau khi chứng thư của đơn vị này hết hạn nên không chứng minh được gì (RFC 5280 §3.3, §5)",
        "The revocation information on the time-stamping authority was issued after its certificate expired and proves nothing (RFC 5280 §3.3, §5)",
    ),
    (
        "tsa_revocation_info_too_old",
        "Thông tin thu hồi (CRL/OCSP) về đơn vị cấp dấu thời gian đã cũ so với thời điểm cấp dấu",
        "The revocation information on the time-stamping authority is older than the time-stamp",
    ),
    (
        "tsa_revocation_not_checked",
        "Chưa kiểm tra được tình trạng thu hồi của đơn vị cấp dấu thời gian (không có CRL hay OCSP)",
        "The time-stamping authority's revocation status was not checked (no CRL or OCSP)",
    ),
    (
        "tsa_ca_revocation_not_checked",
        "Đơn vị cấp dấu thời gian chưa bị thu hồi; chưa kiểm tra được tình trạng thu hồi của CA cấp chứng thư cho đơn vị này",
        "The time-stamping authority is not revoked; the revocation status of the CA above it was not checked",
    ),
    (
        "time_proven_by_timestamp",
        "Thời điểm ký được chứng minh bằng dấu thời gian",
        "The signing time is proven by a time-stamp",
    ),
    (
        "time_claimed_only",
        "Thời điểm ký do người ký tự khai báo (không có dấu thời gian chứng minh)",
        "The signing time is only claimed by the signer (no proving time-stamp)",
    ),
    (
        "time_unknown_validation_time_used",
        "Chữ ký không ghi thời điểm ký; dùng thời điểm kiểm tra",
        "The signature gives no time; the validation time is used",
    ),
    (
        "claimed_time_after_timestamp",
        "Thời điểm khai báo muộn hơn dấu thời gian",
        "The claimed time is later than the time-stamp",
    ),
    (
        "signing_time_in_future",
        "Thời điểm ký sau thời điểm kiểm tra",
        "The signing time is after the validation time",
    ),
    (
        "chain_trusted",
        "Chuỗi chứng thư dẫn đến CA tin cậy tại thời điểm ký",
        "The chain leads to a trusted CA at the signing time",
    ),
    (
        "cert_valid_at_signing_time",
        "Chứng thư số còn hiệu lực tại thời điểm ký",
        "The certificate was valid at the signing time",
    ),
    (
        "cert_expired_at_signing_time",
        "Chứng thư số đã hết hạn tại thời điểm ký",
        "The certificate had expired at the signing time",
    ),
    (
        "cert_not_yet_valid_at_signing_time",
        "Chứng thư số chưa có hiệu lực tại thời điểm ký",
        "The certificate was not yet valid at the signing time",
    ),
    (
        "cert_expired_now_no_poe",
        "Chứng thư số nay đã hết hạn và không có dấu thời gian chứng minh đã ký khi còn hạn",
        "The certificate has since expired and no time-stamp proves the signature was made in time",
    ),
    (
        "not_revoked_at_signing_time",
        "Chứng thư số chưa bị thu hồi tại thời điểm ký",
        "The certificate was not revoked at the signing time",
    ),
    (
        "revoked_before_signing",
        "Chứng thư số đã bị thu hồi trước thời điểm ký",
        "The certificate was revoked before the signing time",
    ),
    (
        "revoked_after_signing",
        "Chứng thư số bị thu hồi sau thời điểm ký (đã được chứng minh bằng dấu thời gian)",
        "The certificate was revoked after the (proven) signing time",
    ),
    (
        "revoked_after_claimed_time_no_poe",
        "Chứng thư số đã bị thu hồi; không có dấu thời gian chứng minh chữ ký được tạo trước đó",
        "The certificate is revoked; no time-stamp proves the signature came first",
    ),
    (
        "revocation_info_too_old",
        "Thông tin thu hồi (CRL/OCSP) đã cũ so với thời điểm ký",
        "The revocation information is older than the signing time",
    ),
    (
        "revocation_info_not_current_no_poe",
        "Không có dấu thời gian chứng minh thời điểm ký, nên thông tin thu hồi (CRL/OCSP) phải còn hiệu lực tại thời điểm kiểm tra, nhưng nó đã hết hạn (ETSI EN 319 102-1 §5.2.5, §5.5). Cần CRL hoặc OCSP mới hơn",
        "No time-stamp proves the signing time, so the revocation information (CRL/OCSP) must be current at the validation time, and it is out of date (ETSI EN 319 102-1 §5.2.5, §5.5). A newer CRL or OCSP response is needed",
    ),
    (
        "revocation_silent_after_expiry",
        "Thông tin thu hồi (CRL/OCSP) được phát hành sau khi chứng thư số hết hạn và không cam kết giữ chứng thư đã hết hạn, nên việc không có tên trong đó không chứng minh chứng thư chưa bị thu hồi (RFC 5280 §3.3, §5)",
        "The revocation information (CRL/OCSP) was issued after the certificate expired and does not promise to keep expired certificates, so not being listed does not show the certificate was not revoked (RFC 5280 §3.3, §5)",
    ),
    (
        "ca_revoked",
        "Chứng thư của CA trong chuỗi đã bị thu hồi",
        "A CA certificate in the chain is revoked",
    ),
    (
        "ca_revocation_not_checked",
        "Chưa kiểm tra tình trạng thu hồi của chứng thư CA trung gian",
        "The intermediate CA's revocation status was not checked",
    ),
    (
        "algorithms_ok",
        "Thuật toán được chấp nhận",
        "The algorithms are accepted",
    ),
    (
        "sha1_before_retirement",
        "Dùng SHA-1, nhưng có dấu thời gian chứng minh đã ký trước 01/01/2019",
        "SHA-1 is used, but a time-stamp proves signing before 2019-01-01",
    ),
    (
        "sha1_no_poe",
        "Dùng SHA-1 (đã hết an toàn từ 01/01/2019) mà không có dấu thời gian chứng minh đã ký trước đó",
        "SHA-1 (retired since 2019-01-01) is used with no time-stamp proving earlier signing",
    ),
    (
        "no_changes_after_signing",
        "Tài liệu không bị thay đổi sau khi ký",
        "The document has not changed since signing",
    ),
    (
        "only_allowed_changes",
        "Sau khi ký chỉ có các thay đổi được phép",
        "Only permitted changes after signing",
    ),
    (
        "changes_not_allowed",
        "Tài liệu đã bị sửa đổi sau khi ký (thay đổi không được phép)",
        "The document was modified after signing (changes not permitted)",
    ),
    (
        "changes_analysis_unreliable",
        "Không phân tích chắc chắn được các thay đổi sau khi ký (cấu trúc PDF hỏng, bị mã hóa mà không giải mã được, hoặc quá nhiều bản cập nhật để phân tích hết)",
        "Changes after signing could not be analysed reliably (damaged PDF, encrypted PDF that could not be decrypted, or too many updates to analyse)",
    ),
    (
        "changes_not_analysed",
        "chưa phân tích các thay đổi sau khi ký (chữ ký không đọc được hoặc không rõ phạm vi ký)",
        "changes after signing not analysed (unreadable signature or unclear coverage)",
    ),
    (
        "bad_crl",
        "Tệp CRL không đọc được",
        "The CRL file is unreadable",
    ),
    // The Decree 68 letters (src/forms): forms, rules, import and output errors.
    (
        "form_01",
        "Mẫu số 01 — Đề nghị cấp chứng thư chữ ký số cho cá nhân",
        "Form 01 — certificates for individuals",
    ),
    (
        "form_02",
        "Mẫu số 02 — Đề nghị cấp chứng thư chữ ký số cho cơ quan, tổ chức",
        "Form 02 — certificates for agencies",
    ),
    (
        "form_03",
        "Mẫu số 03 — Đề nghị cấp chứng thư chữ ký số cho thiết bị, dịch vụ, phần mềm (mẫu tham khảo)",
        "Form 03 — certificates for devices, services, software (reference layout)",
    ),
    (
        "form_04",
        "Mẫu số 04 — Đề nghị gia hạn, thay đổi nội dung thông tin chứng thư chữ ký số",
        "Form 04 — renewal or change of details",
    ),
    (
        "form_05",
        "Mẫu số 05 — Đề nghị thu hồi chứng thư chữ ký số",
        "Form 05 — revocation",
    ),
    (
        "form_06",
        "Mẫu số 06 — Đề nghị khôi phục thiết bị lưu khóa bí mật",
        "Form 06 — token recovery",
    ),
    (
        "form_07",
        "Mẫu số 07 — Thông báo bàn giao thiết bị lưu khóa bí mật (mẫu tham khảo)",
        "Form 07 — hand-over notice (reference layout)",
    ),
    (
        "form_08",
        "Mẫu số 08 — Biên bản giao nhận thiết bị lưu khóa bí mật",
        "Form 08 — token hand-back record",
    ),
    (
        "form_09",
        "Mẫu số 09 — Biên bản xác nhận thất lạc thiết bị lưu khóa bí mật (mẫu tham khảo)",
        "Form 09 — lost-token record (reference layout)",
    ),
    (
        "form_reference_only",
        "Mẫu tham khảo: nội dung hiện hành của mẫu này chưa được xác nhận, được dựng theo mẫu gần nhất đã xác nhận",
        "Reference layout: the current fields of this form are not confirmed; built from the closest confirmed form",
    ),
    (
        "form_rule_required",
        "Chưa điền thông tin bắt buộc",
        "A required field is empty",
    ),
    (
        "form_rule_one_of_required",
        "Cần ít nhất một trong các thông tin: số định danh, mã số thuế hoặc mã quan hệ ngân sách",
        "At least one of the ID number, tax code or budget code is needed",
    ),
    (
        "email_malformed",
        "Địa chỉ thư điện tử không đúng định dạng",
        "The e-mail address is malformed",
    ),
    (
        "email_public_provider",
        "Không dùng hộp thư công cộng (gmail, yahoo, hotmail...): cần thư điện tử công vụ do cơ quan nhà nước cấp",
        "Public mail providers (gmail, yahoo, hotmail...) are refused: an official state mailbox is required",
    ),
    (
        "email_not_gov_domain",
        "Thư điện tử không thuộc tên miền .gov.vn hoặc .dcs.vn: kiểm tra lại đây có phải hộp thư công vụ",
        "The e-mail domain is not .gov.vn or .dcs.vn: check that it is an official mailbox",
    ),
    (
        "phone_characters",
        "Số điện thoại chỉ gồm chữ số (có thể có dấu cách, dấu chấm, +84)",
        "A phone number holds digits only (spaces, dots and +84 allowed)",
    ),
    (
        "phone_length",
        "Số điện thoại di động phải gồm 10 chữ số",
        "A mobile number has 10 digits",
    ),
    (
        "phone_prefix",
        "Số điện thoại di động phải bắt đầu bằng 03, 05, 07, 08 hoặc 09",
        "A mobile number starts with 03, 05, 07, 08 or 09",
    ),
    (
        "date_format",
        "Ngày phải ghi theo dạng ngày/tháng/năm (dd/mm/yyyy)",
        "Dates are written dd/mm/yyyy",
    ),
    (
        "date_no_such_day",
        "Ngày không có thật trong lịch",
        "No such calendar day",
    ),
    (
        "form_rule_age_range",
        "Ngày sinh không hợp lý: người đề nghị phải từ đủ 18 đến 100 tuổi vào ngày lập văn bản",
        "Implausible birth date: the holder must be 18 to 100 years old on the letter's date",
    ),
    (
        "form_rule_date_in_future",
        "Ngày cấp sau ngày lập văn bản",
        "The date is after the letter's date",
    ),
    (
        "form_rule_sim_pki",
        "Cột SIM PKI để trống hoặc ghi nhà mạng Viettel, Vinaphone, Mobifone (thêm «/cs» nếu chuyển số đang dùng)",
        "SIM PKI is empty or a carrier: Viettel, Vinaphone, Mobifone (add \"/cs\" to keep the current number)",
    ),
    (
        "form_rule_serial_format",
        "Số hiệu chứng thư số chỉ gồm chữ số hệ 16 (0-9, A-F)",
        "A certificate serial holds hexadecimal digits only (0-9, A-F)",
    ),
    (
        "form_rule_duplicate_serial",
        "Số hiệu chứng thư số bị trùng với một dòng khác trong văn bản",
        "The certificate serial repeats another row of the letter",
    ),
    (
        "form_rule_no_service",
        "Chưa đánh dấu dịch vụ đề nghị: gia hạn và/hoặc thay đổi thông tin",
        "No service ticked: renewal and/or change of details",
    ),
    (
        "form_rule_renewal_days",
        "Không thể đề nghị gia hạn: chứng thư phải còn hiệu lực ít nhất 30 ngày",
        "Renewal is not possible: at least 30 days of validity must remain",
    ),
    (
        "form_rule_change_days",
        "Không thể đề nghị thay đổi thông tin: chứng thư phải còn hiệu lực ít nhất 30 ngày",
        "A change of details is not possible: at least 30 days of validity must remain",
    ),
    (
        "form_rule_renewal_unchecked",
        "Chưa kiểm tra được thời hạn còn lại: hãy thêm tệp chứng thư số (.cer) của dòng này",
        "The remaining validity cannot be checked: add this row's certificate file (.cer)",
    ),
    (
        "form_rule_letter_date",
        "Ngày văn bản phải ghi theo dạng dd/mm/yyyy",
        "The letter's date must be dd/mm/yyyy",
    ),
    (
        "import_too_large",
        "Tệp danh sách quá lớn",
        "The list file is too large",
    ),
    (
        "import_old_xls",
        "Tệp Excel cũ (.xls) chưa được hỗ trợ: hãy lưu lại dưới dạng .xlsx hoặc .csv",
        "Old Excel files (.xls) are not supported: save as .xlsx or .csv",
    ),
    (
        "import_not_xlsx",
        "Tệp không phải bảng tính Excel (.xlsx) hợp lệ",
        "The file is not a valid Excel workbook (.xlsx)",
    ),
    (
        "import_xlsx_unsupported",
        "Bảng tính dùng định dạng chưa hỗ trợ (mã hóa hoặc ZIP64)",
        "The workbook uses an unsupported format (encryption or ZIP64)",
    ),
    (
        "import_xlsx_corrupt",
        "Bảng tính bị hỏng",
        "The workbook is damaged",
    ),
    (
        "import_empty",
        "Tệp danh sách không có dữ liệu",
        "The list file is empty",
    ),
    (
        "import_binary",
        "Tệp không phải văn bản CSV (có dữ liệu nhị phân)",
        "The file is not CSV text (it holds binary data)",
    ),
    (
        "import_not_utf8",
        "Tệp CSV không ở bảng mã UTF-8: hãy lưu lại với «CSV UTF-8»",
        "The CSV file is not UTF-8: save it again as \"CSV UTF-8\"",
    ),
    (
        "import_unterminated_quote",
        "Dấu ngoặc kép mở ở dòng này chưa được đóng",
        "A double quote opened on this line is never closed",
    ),
    (
        "import_no_header",
        "Không tìm thấy dòng tiêu đề cột của mẫu (ví dụ «Họ và tên», «Số hiệu chứng thư số»)",
        "No header row of the form's columns was found (e.g. \"Họ và tên\", \"Số hiệu chứng thư số\")",
    ),
    (
        "import_column_not_in_form",
        "Cột này thuộc mẫu khác, không có trong mẫu đang lập",
        "This column belongs to another form, not the one being prepared",
    ),
    (
        "import_unknown_column",
        "Không nhận ra cột này",
        "Unknown column",
    ),
    (
        "import_duplicate_column",
        "Cột bị lặp lại",
        "The column appears twice",
    ),
    (
        "import_extra_cell",
        "Ô có dữ liệu nằm ngoài các cột của tiêu đề",
        "A cell with data lies outside the header's columns",
    ),
    (
        "import_too_many_rows",
        "Quá nhiều dòng cho một văn bản (tối đa 10.000): hãy chia thành nhiều văn bản",
        "Too many rows for one letter (at most 10,000): split it into several letters",
    ),
    (
        "import_cell_too_long",
        "Ô có nội dung quá dài",
        "A cell is too long",
    ),
    (
        "import_merged_cells",
        "Bảng có ô gộp trong vùng danh sách: hãy bỏ gộp ô rồi nhập lại",
        "The list has merged cells: unmerge them and import again",
    ),
    (
        "import_too_many_columns",
        "Bảng tính có quá nhiều cột",
        "The sheet has too many columns",
    ),
    (
        "draft_not_json",
        "Tệp bản nháp không phải JSON",
        "The draft file is not JSON",
    ),
    (
        "draft_truncated",
        "Tệp bản nháp bị cắt cụt",
        "The draft file is truncated",
    ),
    (
        "draft_bad_field",
        "Tệp bản nháp có trường sai kiểu hoặc mẫu không tồn tại",
        "The draft has a field of the wrong type or an unknown form",
    ),
    (
        "draft_newer_version",
        "Bản nháp được tạo bởi phiên bản mới hơn của kyso",
        "The draft was made by a newer version of kyso",
    ),
    (
        "pdf_bad_font",
        "Tệp phông chữ bị hỏng",
        "The font file is damaged",
    ),
    (
        "pdf_font_no_vietnamese",
        "Phông chữ không có đủ chữ tiếng Việt",
        "The font lacks Vietnamese letters",
    ),
    (
        "pdf_subset_failed",
        "Không tạo được phông chữ nhúng",
        "The embedded font could not be made",
    ),
    // PDF structure words: coverage, integrity, changes after signing (src/pdf).
    (
        "coverage_entire_file",
        "Chữ ký bao trùm toàn bộ tệp",
        "The signature covers the whole file",
    ),
    (
        "coverage_entire_revision",
        "Chữ ký bao trùm toàn bộ bản đã ký; sau đó tệp có thêm bản cập nhật",
        "The signature covers its whole revision; the file was updated afterwards",
    ),
    (
        "coverage_partial",
        "Chữ ký chỉ bao trùm một phần tệp",
        "The signature covers only part of the file",
    ),
    (
        "coverage_unclear",
        "Không xác định được phần tệp mà chữ ký bao trùm",
        "What the signature covers cannot be determined",
    ),
    (
        "integrity_valid",
        "Nội dung được ký còn nguyên vẹn",
        "The signed content is intact",
    ),
    (
        "integrity_invalid",
        "Nội dung được ký ĐÃ BỊ THAY ĐỔI",
        "The signed content HAS BEEN ALTERED",
    ),
    (
        "integrity_unknown",
        "Chưa kiểm tra được tính toàn vẹn",
        "Integrity could not be checked",
    ),
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
    (
        "byte_range_missing",
        "thiếu vùng ký (ByteRange)",
        "the ByteRange is missing",
    ),
    (
        "byte_range_not_array",
        "vùng ký (ByteRange) sai kiểu",
        "the ByteRange is not an array",
    ),
    (
        "byte_range_indirect",
        "vùng ký (ByteRange) đặt gián tiếp",
        "the ByteRange is an indirect object",
    ),
    (
        "byte_range_not_integers",
        "vùng ký (ByteRange) không phải số nguyên",
        "the ByteRange holds non-integers",
    ),
    (
        "byte_range_wrong_length",
        "vùng ký (ByteRange) không đủ 4 số",
        "the ByteRange does not hold 4 numbers",
    ),
    (
        "byte_range_negative",
        "vùng ký (ByteRange) có số âm",
        "the ByteRange holds a negative number",
    ),
    (
        "byte_range_not_from_start",
        "vùng ký không bắt đầu từ đầu tệp",
        "the ByteRange does not start at 0",
    ),
    (
        "byte_range_overlap",
        "các vùng ký chồng lên nhau",
        "the ByteRange parts overlap",
    ),
    (
        "byte_range_beyond_file",
        "vùng ký vượt quá cuối tệp",
        "the ByteRange goes past the end of the file",
    ),
    (
        "byte_range_overflow",
        "vùng ký có số quá lớn",
        "the ByteRange numbers overflow",
    ),
    (
        "gap_not_contents",
        "khoảng trống của vùng ký không đúng chỗ chữ ký (dấu hiệu giả mạo)",
        "the ByteRange gap is not the signature's /Contents (a forgery sign)",
    ),
    (
        "contents_missing",
        "thiếu dữ liệu chữ ký (/Contents)",
        "the signature /Contents is missing",
    ),
    (
        "contents_not_hex",
        "dữ liệu chữ ký không đúng định dạng",
        "the signature /Contents is not a hex string",
    ),
    (
        "contents_indirect",
        "dữ liệu chữ ký đặt gián tiếp",
        "the signature /Contents is indirect",
    ),
    (
        "contents_not_in_file",
        "không tìm thấy dữ liệu chữ ký trong tệp",
        "the signature /Contents is not in the file",
    ),
    (
        "contents_empty",
        "dữ liệu chữ ký rỗng",
        "the signature /Contents is empty",
    ),
    (
        "contents_zeroed",
        "dữ liệu chữ ký toàn số 0",
        "the signature /Contents is all zeros",
    ),
    (
        "duplicate_keys",
        "từ điển chữ ký có khóa lặp (dấu hiệu giả mạo)",
        "the signature dictionary repeats a key (a forgery sign)",
    ),
    (
        "ends_mid_revision",
        "vùng ký kết thúc giữa chừng một bản cập nhật",
        "the signed range ends inside a revision",
    ),
    (
        "encrypted_document",
        "Tài liệu được mã hóa và kyso không giải mã được, nên không kiểm tra được đầy đủ các thay đổi sau khi ký",
        "The document is encrypted and kyso could not decrypt it, so changes after signing cannot be fully checked",
    ),
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
    // Where a time or a revocation answer came from; certification levels; the rules
    // that judged each change after signing (src/pdf/changes.rs).
    (
        "time_source_signing_time_attribute",
        "thuộc tính signingTime của chữ ký",
        "the signature's signingTime attribute",
    ),
    (
        "time_source_pdf_m",
        "trường /M của từ điển chữ ký",
        "the signature dictionary's /M",
    ),
    (
        "time_source_signature_timestamp",
        "dấu thời gian của chữ ký",
        "the signature timestamp",
    ),
    (
        "time_source_document_timestamp",
        "dấu thời gian tài liệu",
        "a document timestamp",
    ),
    ("rev_source_crl", "CRL", "CRL"),
    ("rev_source_ocsp", "OCSP", "OCSP"),
    (
        "mdp_no_changes",
        "Không cho phép thay đổi",
        "No changes allowed",
    ),
    (
        "mdp_form_filling",
        "Chỉ cho phép điền biểu mẫu và ký",
        "Form filling and signing only",
    ),
    (
        "mdp_annotations",
        "Cho phép điền biểu mẫu, ký và chú thích",
        "Form filling, signing and annotations",
    ),
    (
        "mdp_form_filling_and_annotations",
        "Cho phép điền biểu mẫu, ký và chú thích",
        "Form filling, signing and annotations",
    ),
    ("mdp_p1", "Không cho phép thay đổi", "No changes allowed"),
    (
        "mdp_p2",
        "Chỉ cho phép điền biểu mẫu và ký",
        "Form filling and signing only",
    ),
    (
        "mdp_p3",
        "Cho phép điền biểu mẫu, ký và chú thích",
        "Form filling, signing and annotations",
    ),
    (
        "rule_displayed_content",
        "thay đổi nội dung hiển thị",
        "changes what is displayed",
    ),
    (
        "rule_docmdp_no_changes",
        "tài liệu được chứng nhận không cho phép thay đổi",
        "the certification allows no changes",
    ),
    (
        "rule_annotations_need_p3",
        "chú thích chỉ được phép ở mức chứng nhận 3",
        "annotations need certification level 3",
    ),
    (
        "rule_annotations_allowed",
        "chú thích được phép",
        "annotations are allowed",
    ),
    (
        "rule_form_fill",
        "điền biểu mẫu được phép",
        "form filling is allowed",
    ),
    (
        "rule_field_locked",
        "trường đã bị khóa khi ký",
        "the field was locked by the signature",
    ),
    (
        "rule_signing_allowed",
        "ký thêm được phép",
        "further signing is allowed",
    ),
    (
        "rule_ltv_allowed",
        "bổ sung dữ liệu kiểm tra được phép",
        "adding validation data is allowed",
    ),
    (
        "rule_existing_signature_changed",
        "chữ ký đã có bị thay đổi",
        "an existing signature was changed",
    ),
    (
        "rule_field_structure_changed",
        "cấu trúc biểu mẫu bị thay đổi",
        "the form structure was changed",
    ),
    (
        "rule_appearance_without_value",
        "đổi hình hiển thị mà không đổi giá trị",
        "an appearance changed without its value",
    ),
    (
        "rule_key_not_allowed",
        "khóa không được phép thay đổi",
        "a key that may not change",
    ),
    (
        "rule_annotations_removed",
        "chú thích bị xóa",
        "annotations were removed",
    ),
    (
        "rule_harmless_update",
        "cập nhật vô hại",
        "a harmless update",
    ),
    (
        "rule_not_displayed",
        "không ảnh hưởng nội dung hiển thị",
        "nothing displayed changes",
    ),
    (
        "rule_unclassified",
        "không phân loại được (coi là không được phép)",
        "unclassified (treated as not allowed)",
    ),
    (
        "rule_xref_mismatch",
        "bảng tham chiếu không khớp với đối tượng",
        "the cross-reference does not match the object",
    ),
    (
        "rule_comment_added",
        "ghi chú được thêm sau khi ký, không thuộc nội dung đã ký",
        "a comment added after signing, not part of what was signed",
    ),
    (
        "rule_structure_for_new_content",
        "gắn thẻ cho chữ ký hoặc ô mới, được phép",
        "tags for a new signature or widget, allowed",
    ),
    (
        "rule_structure_changed",
        "thẻ cấu trúc của nội dung đã ký bị thay đổi (trình đọc màn hình có thể đọc khác)",
        "the tags of the signed content changed (a screen reader may read something else)",
    ),
    (
        "rule_shared_object",
        "đối tượng cũng được phần không xác định dùng đến đã bị thay đổi",
        "an object that something unclassified also uses was changed",
    ),
    (
        "change_structure",
        "cấu trúc thẻ của tài liệu (cho trình đọc màn hình)",
        "the document's tag structure (for screen readers)",
    ),
    (
        "comments_added",
        "có ghi chú được thêm sau khi ký; chúng không thuộc nội dung đã ký",
        "comments were added after signing; they are not part of what was signed",
    ),
    // The first sentence a reader sees for a signature (verify::Headline).
    (
        "headline_valid",
        "Chữ ký hợp lệ, tài liệu không bị sửa đổi sau khi ký",
        "The signature is valid and the document was not modified after signing",
    ),
    (
        "headline_valid_with_comments",
        "Chữ ký hợp lệ; sau khi ký có ghi chú được thêm vào (không thuộc nội dung đã ký)",
        "The signature is valid; comments were added after signing (not part of what was signed)",
    ),
    (
        "headline_modified",
        "Tài liệu đã bị sửa đổi sau khi ký: nội dung đang hiển thị có thể khác bản đã ký",
        "The document was modified after signing: what is displayed may differ from what was signed",
    ),
    (
        "headline_broken",
        "Chữ ký không hợp lệ: nội dung được ký hoặc chữ ký không khớp",
        "The signature is invalid: the signed content or the signature does not verify",
    ),
    (
        "headline_revoked",
        "Chứng thư số của người ký đã bị thu hồi",
        "The signer's certificate has been revoked",
    ),
    (
        "headline_intact_revocation_unknown",
        "Chữ ký còn nguyên vẹn và chứng thư số thuộc chuỗi tin cậy; còn thiếu: tình trạng thu hồi của chứng thư chưa kiểm tra được",
        "The signature is intact and the certificate chains to a trusted root; missing: the certificate's revocation status could not be checked",
    ),
    (
        "headline_intact_untrusted",
        "Chữ ký còn nguyên vẹn, nhưng chứng thư số không dẫn tới CA được tin cậy",
        "The signature is intact, but the certificate does not chain to a trusted CA",
    ),
    (
        "headline_intact_otherwise_open",
        "Chữ ký còn nguyên vẹn; chưa đủ căn cứ để kết luận hợp lệ (xem lý do bên dưới)",
        "The signature is intact; the evidence does not allow a conclusion yet (see below)",
    ),
    (
        "headline_unknown",
        "Chưa kiểm tra được chữ ký",
        "The signature could not be checked",
    ),
    ("signed_after_by", "Được ký thêm bởi", "Signed again by"),
    (
        "timestamped_after",
        "Được đóng dấu thời gian thêm",
        "Timestamped again",
    ),
];

/// The words for `code`, or the code itself when there are none (never empty, never
/// a panic: an untranslated code is still shown).
pub fn text(lang: Lang, code: &str) -> &str {
    TEXTS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or(code, |(_, vi, en)| match lang {
            Lang::Vi => vi,
            Lang::En => en,
        })
}

/// A whole sentence for an input error, with its details.
pub fn input_error(lang: Lang, e: &InputError) -> String {
    let base = text(lang, e.code());
    match (e, lang) {
        (InputError::WrongPemLabel { label, .. }, Lang::Vi) => {
            format!("{base} (nhãn «{label}»; cần «CERTIFICATE», «PKCS7» hoặc «X509 CRL»)")
        }
        (InputError::WrongPemLabel { label, .. }, Lang::En) => {
            format!("{base} (label \"{label}\"; expected CERTIFICATE, PKCS7 or X509 CRL)")
        }
        (InputError::Truncated { offset }, Lang::Vi) => format!("{base} (dừng ở byte {offset})"),
        (InputError::Truncated { offset }, Lang::En) => format!("{base} (ends at byte {offset})"),
        (InputError::TooLarge { bytes, limit }, Lang::Vi) => {
            format!("{base} ({bytes} byte; tối đa {limit})")
        }
        (InputError::TooLarge { bytes, limit }, Lang::En) => {
            format!("{base} ({bytes} bytes; at most {limit})")
        }
        (InputError::BadBase64 { block }, Lang::Vi) => format!("{base} (khối thứ {block})"),
        (InputError::BadBase64 { block }, Lang::En) => format!("{base} (block {block})"),
        (InputError::UnsupportedPkcs7 { content_type }, _) => format!("{base} ({content_type})"),
        (InputError::BadCertificate { detail }, _) => format!("{base}: {detail}"),
        _ => base.to_string(),
    }
}

/// The one-sentence renewal/change verdict shown under each certificate.
pub fn renewal_sentence(lang: Lang, e: &Eligibility) -> String {
    let n = e.min_days_left;
    match (e.reason, lang) {
        (EligibilityReason::EnoughDaysLeft, Lang::Vi) => format!(
            "Đủ điều kiện gia hạn hoặc thay đổi thông tin: còn {} ngày, không ít hơn {n} ngày theo Nghị định 68/2024/NĐ-CP.",
            e.days_left
        ),
        (EligibilityReason::EnoughDaysLeft, Lang::En) => format!(
            "Eligible for renewal or change of details: {} days left, at least the {n} days Decree 68/2024 requires.",
            e.days_left
        ),
        (EligibilityReason::TooFewDaysLeft, Lang::Vi) => format!(
            "Không còn đủ điều kiện gia hạn hay thay đổi thông tin: chỉ còn {} ngày, ít hơn {n} ngày theo Nghị định 68/2024/NĐ-CP; hãy đề nghị cấp mới.",
            e.days_left.max(0)
        ),
        (EligibilityReason::TooFewDaysLeft, Lang::En) => format!(
            "No longer eligible for renewal or change: only {} days left, fewer than the {n} days Decree 68/2024 requires; request a new certificate.",
            e.days_left.max(0)
        ),
        (EligibilityReason::Expired, Lang::Vi) => {
            "Chứng thư đã hết hạn nên không thể gia hạn hay thay đổi thông tin; hãy đề nghị cấp mới.".into()
        }
        (EligibilityReason::Expired, Lang::En) => {
            "The certificate has expired, so it cannot be renewed or changed; request a new one.".into()
        }
        (EligibilityReason::NotYetValid, Lang::Vi) => {
            "Chứng thư chưa đến ngày có hiệu lực nên chưa thể gia hạn hay thay đổi thông tin.".into()
        }
        (EligibilityReason::NotYetValid, Lang::En) => {
            "The certificate is not valid yet, so there is nothing to renew or change.".into()
        }
        (EligibilityReason::CaCertificate, l) => text(l, "ca_certificate").to_string(),
        (EligibilityReason::Revoked, Lang::Vi) => {
            "Chứng thư đã bị thu hồi nên không thể gia hạn hay thay đổi thông tin; hãy đề nghị cấp mới.".into()
        }
        (EligibilityReason::Revoked, Lang::En) => {
            "The certificate is revoked, so it cannot be renewed or changed; request a new one.".into()
        }
        (EligibilityReason::ChainInvalid, Lang::Vi) => {
            "Chứng thư không vượt qua kiểm tra chuỗi chứng thực nên không thể gia hạn hay thay đổi thông tin.".into()
        }
        (EligibilityReason::ChainInvalid, Lang::En) => {
            "The certificate fails its chain checks, so it cannot be renewed or changed.".into()
        }
    }
}

/// The CA certificate a chain lacks, by name, and where it is published.
pub fn missing_issuer(lang: Lang, m: &crate::trust::MissingIssuer) -> String {
    let name = &m.name;
    let urls = m.published_at.join(", ");
    match (lang, m.published_at.is_empty()) {
        (Lang::Vi, false) => format!(
            "Thiếu chứng thư của CA cấp «{name}»: chứng thư này không kèm theo tệp và không có sẵn trong kyso. Nơi công bố (theo chứng thư): {urls}. Hãy tải về rồi thêm vào (kéo thả tệp .cer/.p7b vào trang; với dòng lệnh kyso: --certs)."
        ),
        (Lang::Vi, true) => format!(
            "Thiếu chứng thư của CA cấp «{name}»: chứng thư này không kèm theo tệp, không có sẵn trong kyso, và chứng thư của người giữ không ghi nơi công bố (không có AIA caIssuers). Hãy xin tệp chứng thư của CA này từ đơn vị cấp."
        ),
        (Lang::En, false) => format!(
            "The issuing CA's certificate «{name}» is missing: it is not in the files and not built into kyso. Published at (per the certificate): {urls}. Download it and add it (drop the .cer/.p7b on the page; on the kyso command line: --certs)."
        ),
        (Lang::En, true) => format!(
            "The issuing CA's certificate «{name}» is missing: it is not in the files, not built into kyso, and the certificate does not say where it is published (no AIA caIssuers). Ask the issuer for this CA's certificate."
        ),
    }
}

/// "kyso có sẵn 66 chứng thư CA ..." — the one sentence above the list of built-in
/// CA certificates: how many, how old the set is at `at`, and that only the pinned
/// roots are trusted.
pub fn builtin_summary(
    lang: Lang,
    count: usize,
    anchors: usize,
    set_date: crate::time::Instant,
    at: crate::time::Instant,
) -> String {
    let days = set_date.whole_days_until(at).max(0);
    let date = set_date.to_vn_date();
    match lang {
        Lang::Vi => format!(
            "kyso có sẵn {count} chứng thư CA công khai (bộ chứng thư ngày {date}, cách thời điểm kiểm tra {days} ngày). Chỉ {anchors} CA gốc được ghim theo dấu vân tay SHA-256 là điểm tin cậy; các chứng thư khác chỉ dùng để dựng chuỗi. CA ra đời sau ngày đó chưa có ở đây: hãy thêm tệp chứng thư của CA."
        ),
        Lang::En => {
            let (y, mo, d, ..) = set_date.to_civil();
            format!(
                "kyso carries {count} public CA certificates (set of {y:04}-{mo:02}-{d:02}, {days} days before the validation time). Only the {anchors} root CAs pinned by SHA-256 are trust anchors; the others only help build chains. CAs newer than that date are missing: add the CA's certificate file."
            )
        }
    }
}

/// The worded parts of a chain verdict for the JSON documents: the kind of root it
/// ends at (`anchor_kind_text`) and the CA certificate it lacks (`missing_issuer_text`).
pub fn chain_texts(
    lang: Lang,
    c: &crate::trust::ChainResult,
) -> [(&'static str, Option<String>); 2] {
    [
        (
            "anchor_kind_text",
            c.anchor
                .as_ref()
                .map(|a| text(lang, a.kind.code()).to_string()),
        ),
        (
            "missing_issuer_text",
            c.missing_issuer.as_ref().map(|m| missing_issuer(lang, m)),
        ),
    ]
}

/// "Còn 12 ngày" / "Đã hết hạn 3 ngày" / "12 days left".
pub fn days_left(lang: Lang, days: i64) -> String {
    match (lang, days >= 0) {
        (Lang::Vi, true) => format!("Còn {days} ngày"),
        (Lang::Vi, false) => format!("Đã hết hạn {} ngày", -days),
        (Lang::En, true) => format!("{days} days left"),
        (Lang::En, false) => format!("expired {} days ago", -days),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_worded_in_both_languages() {
        for (i, (c, vi, en)) in TEXTS.iter().enumerate() {
            assert!(!vi.is_empty() && !en.is_empty(), "{c}");
            assert!(
                TEXTS.iter().skip(i + 1).all(|(d, _, _)| d != c),
                "duplicate code {c}"
            );
        }
        assert_eq!(text(Lang::Vi, "no_such_code"), "no_such_code");
    }
}
