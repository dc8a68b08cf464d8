//! Words for the codes of one domain. Signed PDFs, check details: the one-line
//! reason under each check of a signature (src/verify, src/cms). Separate from
//! `verification` because this is the longest part of it and grows with every check.

/// (code, Vietnamese, English). Codes are unique across all tables; a test checks it.
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
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
];
