//! Words for the codes of one domain. Signed PDFs: verdicts, check titles, document summaries, where a time
//! or a revocation answer came from, the rules that judged each change, headlines
//! (src/verify, src/cms).
//!
//! The check details (the reason under each check) are in `check_details`.

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
        C::CertificateProfile => (
            "Quy tắc cấu trúc chứng thư (RFC 5280)",
            "Certificate profile (RFC 5280)",
        ),
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
