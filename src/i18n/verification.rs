//! Words for the codes of one domain. Signed PDFs: verdicts, checks and their details, document summaries, where a time
//! or a revocation answer came from, the rules that judged each change, headlines
//! (src/verify, src/cms).

/// (code, Vietnamese, English). Codes are unique across all tables; a test checks it.
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
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
        "pdf_error",
        "Không đọc được tệp PDF",
        "The PDF could not be read",
    ),
    // Check titles.
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
    // Where a time or a revocation answer came from; certification levels; the rules
    // that judged each change after signing (src/pdf/changes).
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

/// The title of a check, in `lang`. An exhaustive match: a new check id without
/// words does not compile.
pub fn check_title(lang: super::Lang, id: crate::verify::CheckId) -> &'static str {
    use crate::verify::CheckId as C;
    let (vi, en) = match id {
        C::Format => ("Định dạng chữ ký", "Signature format"),
        C::Coverage => ("Phạm vi được ký", "What the signature covers"),
        C::ContentType => ("Loại nội dung đã ký", "Signed content type"),
        C::Integrity => ("Toàn vẹn nội dung", "Content integrity"),
        C::Signature => ("Giá trị chữ ký", "Signature value"),
        C::SigningCertificate => ("Chứng thư số của người ký", "Signer's certificate"),
        C::EssSigningCertificate => (
            "Liên kết chữ ký với chứng thư số",
            "Signature bound to the certificate",
        ),
        C::Timestamp => ("Dấu thời gian", "Time-stamp"),
        C::TimestampRevocation => (
            "Tình trạng thu hồi của đơn vị cấp dấu thời gian",
            "Revocation status of the time-stamping authority",
        ),
        C::SigningTime => ("Thời điểm ký", "Signing time"),
        C::CertificateChain => (
            "Chuỗi chứng thư tại thời điểm ký",
            "Certificate chain at signing time",
        ),
        C::ValidityAtSigningTime => (
            "Thời hạn chứng thư tại thời điểm ký",
            "Certificate validity at signing time",
        ),
        C::Revocation => (
            "Tình trạng thu hồi tại thời điểm ký",
            "Revocation status at signing time",
        ),
        C::RevocationCa => ("Tình trạng thu hồi của CA", "Revocation status of the CA"),
        C::SignerKeyUsage => ("Mục đích sử dụng khóa của người ký", "Signer's key usage"),
        C::SignerExtendedKeyUsage => (
            "Mục đích mở rộng của chứng thư người ký",
            "Signer's extended key usage",
        ),
        C::Algorithms => ("Thuật toán", "Algorithms"),
        C::Modifications => ("Thay đổi sau khi ký", "Changes after signing"),
    };
    match lang {
        super::Lang::Vi => vi,
        super::Lang::En => en,
    }
}

/// The one-line verdict on a document, in `lang`. An exhaustive match: a new summary
/// without words does not compile.
pub fn summary_text(lang: super::Lang, v: crate::verify::Summary) -> &'static str {
    use crate::verify::Summary as E;
    let (vi, en) = match v {
        // The same words label a file that could not be read anywhere else.
        E::PdfError => return super::text(lang, "pdf_error"),
        E::EncryptedDocument => (
            "Tài liệu được mã hóa và kyso không giải mã được, nên không kiểm tra được đầy đủ các thay đổi sau khi ký",
            "The document is encrypted and kyso could not decrypt it, so changes after signing cannot be fully checked",
        ),
        E::NoSignatures => (
            "Tài liệu không có chữ ký số",
            "The document has no digital signature",
        ),
        E::ModifiedAfterSigning => (
            "Tài liệu đã bị sửa đổi sau khi ký",
            "The document was modified after signing",
        ),
        E::SomeSignatureInvalid => (
            "Có chữ ký không hợp lệ",
            "At least one signature is invalid",
        ),
        E::SignaturesIndeterminate => (
            "Chưa đủ căn cứ để xác nhận chữ ký; xem chi tiết từng kiểm tra",
            "The signatures cannot be confirmed yet; see each check",
        ),
        E::ValidWithAllowedChanges => (
            "Chữ ký hợp lệ; sau khi ký chỉ có các thay đổi được phép (điền biểu mẫu, ký thêm, dấu thời gian)",
            "Signatures are valid; after signing there are only permitted changes (form filling, further signatures, time-stamps)",
        ),
        E::AllSignaturesValid => (
            "Tất cả chữ ký hợp lệ; tài liệu không bị sửa đổi sau khi ký",
            "All signatures are valid; the document was not changed after signing",
        ),
    };
    match lang {
        super::Lang::Vi => vi,
        super::Lang::En => en,
    }
}
