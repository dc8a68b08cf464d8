//! Words for the codes of one domain. Signed PDFs: verdicts, check titles, document
//! summaries, where a time or a revocation answer came from, headlines (src/verify,
//! src/cms). Verdicts, sub-indications, headlines, check titles, summaries and time
//! sources are exhaustive matches on their types.
//!
//! The check details (the reason under each check) are in `check_details`.

/// (code, Vietnamese, English). Codes are unique across all tables; a test checks it.
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    // Document summaries.
    (
        "pdf_error",
        "Không đọc được tệp PDF",
        "The PDF could not be read",
    ),
    // Beside the first sentence a reader sees for a signature.
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

/// Where a claimed signing time comes from, in `lang`.
pub fn claimed_source(lang: super::Lang, s: crate::verify::ClaimedSource) -> &'static str {
    use crate::verify::ClaimedSource;
    super::pick(
        lang,
        match s {
            ClaimedSource::SigningTimeAttribute => (
                "thuộc tính signingTime của chữ ký",
                "the signature's signingTime attribute",
            ),
            ClaimedSource::PdfM => (
                "trường /M của từ điển chữ ký",
                "the signature dictionary's /M",
            ),
        },
    )
}

/// Where a proven signing time comes from, in `lang`.
pub fn proven_source(lang: super::Lang, s: crate::verify::ProvenSource) -> &'static str {
    use crate::verify::ProvenSource;
    super::pick(
        lang,
        match s {
            ProvenSource::SignatureTimestamp => {
                ("dấu thời gian của chữ ký", "the signature timestamp")
            }
            ProvenSource::DocumentTimestamp => ("dấu thời gian tài liệu", "a document timestamp"),
        },
    )
}

/// A signature's verdict in `lang` ("Chữ ký hợp lệ"): its ETSI main indication.
pub fn verdict(lang: super::Lang, i: crate::verify::Indication) -> &'static str {
    use crate::verify::Indication;
    super::pick(
        lang,
        match i {
            Indication::TotalPassed => ("Chữ ký hợp lệ", "Valid signature"),
            Indication::TotalFailed => ("Chữ ký không hợp lệ", "Invalid signature"),
            Indication::Indeterminate => (
                "Chưa đủ căn cứ để kết luận chữ ký hợp lệ",
                "Not enough evidence to confirm the signature",
            ),
        },
    )
}

/// Why a verdict is not TOTAL_PASSED, in `lang`: its ETSI sub-indication.
pub fn sub_indication(lang: super::Lang, s: crate::verify::SubIndication) -> &'static str {
    use crate::verify::SubIndication;
    super::pick(
        lang,
        match s {
            SubIndication::FormatFailure => (
                "Chữ ký sai định dạng hoặc không xác định được phần đã ký",
                "The signature is malformed or what it covers is unclear",
            ),
            SubIndication::HashFailure => (
                "Nội dung đã ký bị thay đổi",
                "The signed content has been changed",
            ),
            SubIndication::SigCryptoFailure => (
                "Giá trị chữ ký không khớp với khóa của người ký",
                "The signature value does not match the signer's key",
            ),
            SubIndication::Revoked => (
                "Chứng thư số đã bị thu hồi trước thời điểm ký (có bằng chứng thời gian)",
                "The certificate was revoked before signing (time proven)",
            ),
            SubIndication::Expired => (
                "Chứng thư số đã hết hạn trước thời điểm ký (có bằng chứng thời gian)",
                "The certificate had expired before signing (time proven)",
            ),
            SubIndication::NotYetValid => (
                "Chứng thư số chưa có hiệu lực tại thời điểm ký",
                "The certificate was not yet valid when signing",
            ),
            SubIndication::SigConstraintsFailure => (
                "Chữ ký không đáp ứng các ràng buộc kiểm tra (ví dụ: tài liệu bị sửa sau khi ký)",
                "The signature fails a validation constraint (e.g. the document changed after signing)",
            ),
            SubIndication::ChainConstraintsFailure => (
                "Chuỗi chứng thư không đáp ứng yêu cầu",
                "The certificate chain fails a constraint",
            ),
            SubIndication::CertificateChainGeneralFailure => {
                ("Chuỗi chứng thư bị lỗi", "The certificate chain is faulty")
            }
            SubIndication::CryptoConstraintsFailure => (
                "Thuật toán không được hỗ trợ hoặc không được chấp nhận",
                "An algorithm is unsupported or not accepted",
            ),
            SubIndication::CryptoConstraintsFailureNoPoe => (
                "Chữ ký dùng thuật toán đã hết an toàn (SHA-1) mà không có dấu thời gian chứng minh đã ký trước khi thuật toán bị loại bỏ",
                "The signature uses a retired algorithm (SHA-1) with no time-stamp proving it was made before the retirement",
            ),
            SubIndication::NoSigningCertificateFound => (
                "Không xác định được chứng thư số của người ký",
                "The signer's certificate could not be identified",
            ),
            SubIndication::NoCertificateChainFound => (
                "Không dựng được chuỗi chứng thư đến CA tin cậy",
                "No certificate chain to a trusted CA",
            ),
            SubIndication::OutOfBoundsNoPoe => (
                "Chứng thư số ngoài thời hạn hiệu lực và không có bằng chứng thời điểm ký",
                "The certificate is outside its validity and nothing proves when the signature was made",
            ),
            SubIndication::RevokedNoPoe => (
                "Chứng thư số đã bị thu hồi và không có bằng chứng chữ ký được tạo trước khi thu hồi",
                "The certificate is revoked and nothing proves the signature was made before the revocation",
            ),
            SubIndication::TryLater => (
                "Chưa kiểm tra được tình trạng thu hồi của chứng thư số; hãy bổ sung CRL và kiểm tra lại",
                "The certificate's revocation status could not be checked; add a CRL and verify again",
            ),
        },
    )
}

/// The one sentence a reader sees first for a signature, in `lang`.
pub fn headline(lang: super::Lang, h: crate::verify::Headline) -> &'static str {
    use crate::verify::Headline;
    super::pick(
        lang,
        match h {
            Headline::Valid => (
                "Chữ ký hợp lệ, tài liệu không bị sửa đổi sau khi ký",
                "The signature is valid and the document was not modified after signing",
            ),
            Headline::ValidWithComments => (
                "Chữ ký hợp lệ; sau khi ký có ghi chú được thêm vào (không thuộc nội dung đã ký)",
                "The signature is valid; comments were added after signing (not part of what was signed)",
            ),
            Headline::Modified => (
                "Tài liệu đã bị sửa đổi sau khi ký: nội dung đang hiển thị có thể khác bản đã ký",
                "The document was modified after signing: what is displayed may differ from what was signed",
            ),
            Headline::Broken => (
                "Chữ ký không hợp lệ: nội dung được ký hoặc chữ ký không khớp",
                "The signature is invalid: the signed content or the signature does not verify",
            ),
            Headline::Revoked => (
                "Chứng thư số của người ký đã bị thu hồi",
                "The signer's certificate has been revoked",
            ),
            Headline::IntactRevocationUnknown => (
                "Chữ ký còn nguyên vẹn và chứng thư số thuộc chuỗi tin cậy; còn thiếu: tình trạng thu hồi của chứng thư chưa kiểm tra được",
                "The signature is intact and the certificate chains to a trusted root; missing: the certificate's revocation status could not be checked",
            ),
            Headline::IntactUntrusted => (
                "Chữ ký còn nguyên vẹn, nhưng chứng thư số không dẫn tới CA được tin cậy",
                "The signature is intact, but the certificate does not chain to a trusted CA",
            ),
            Headline::IntactOtherwiseOpen => (
                "Chữ ký còn nguyên vẹn; chưa đủ căn cứ để kết luận hợp lệ (xem lý do bên dưới)",
                "The signature is intact; the evidence does not allow a conclusion yet (see below)",
            ),
            Headline::Unknown => (
                "Chưa kiểm tra được chữ ký",
                "The signature could not be checked",
            ),
        },
    )
}

/// Which kind of evidence answered for revocation, in `lang` (the same acronyms in
/// both languages: clerks read "CRL" and "OCSP" on the CA's own pages).
pub fn rev_source(lang: super::Lang, s: crate::verify::RevSource) -> &'static str {
    use crate::verify::RevSource;
    super::pick(
        lang,
        match s {
            RevSource::Crl => ("CRL", "CRL"),
            RevSource::Ocsp => ("OCSP", "OCSP"),
        },
    )
}
