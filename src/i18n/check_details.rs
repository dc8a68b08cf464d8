//! Words for the checks of a signature (src/verify): the one-line reason under each
//! check ([`check_detail`]), including why a CMS does not parse. Separate
//! from `verification` because this is the longest part of it and grows with every
//! check. Exhaustive matches, not a table: a `CheckDetail` or `CmsError` added
//! without words does not compile.

use super::Lang;
use crate::cms::CmsError;
use crate::verify::CheckDetail;

/// Codes of this domain that are not check details: looked up by code.
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    (
        "timestamp_malformed",
        "Dấu thời gian bị hỏng",
        "The time-stamp is malformed",
    ),
    (
        "timestamp_unsupported_algorithm",
        "Thuật toán của dấu thời gian không được hỗ trợ",
        "The time-stamp's algorithm is not supported",
    ),
    (
        "changes_not_analysed",
        "chưa phân tích các thay đổi sau khi ký (chữ ký không đọc được hoặc không rõ phạm vi ký)",
        "changes after signing not analysed (unreadable signature or unclear coverage)",
    ),
];

/// The reason under a check, in `lang`.
pub fn check_detail(lang: Lang, d: &CheckDetail) -> &'static str {
    super::pick(lang, words(d))
}

/// (Vietnamese, English) for a detail. The wrapped vocabularies have their words
/// with their domain: coverage in `pdf`, chain reasons in `certificates`.
fn words(d: &CheckDetail) -> (&'static str, &'static str) {
    use CheckDetail as D;
    match d {
        D::FormatOk => (
            "Định dạng chữ ký đọc được",
            "The signature format is readable",
        ),
        D::SubFilterUnknown => (
            "Kiểu chữ ký (SubFilter) không được hỗ trợ",
            "The signature type (SubFilter) is not supported",
        ),
        D::SubFilterKindMismatch => (
            "Kiểu chữ ký không khớp với loại trường chữ ký",
            "The signature type does not match the field type",
        ),
        D::MultipleSigners => (
            "Chữ ký PDF chứa nhiều người ký; chỉ chấp nhận đúng một",
            "The PDF signature holds several signers; exactly one is accepted",
        ),
        D::DetachedWithContent => (
            "Chữ ký tách rời nhưng lại chứa nội dung bên trong",
            "A detached signature carries embedded content",
        ),
        D::ContentTypeMismatch => (
            "Thuộc tính loại nội dung không đúng",
            "The content-type attribute is wrong",
        ),
        D::DigestMatches => (
            "Mã băm của nội dung khớp với chữ ký",
            "The content digest matches the signature",
        ),
        D::DigestMismatch => (
            "Mã băm của nội dung không khớp: nội dung đã ký bị thay đổi",
            "The content digest does not match: the signed content changed",
        ),
        D::EncapsulatedDigestMismatch => (
            "Mã băm SHA-1 trong chữ ký không khớp với tài liệu",
            "The SHA-1 digest inside the signature does not match the document",
        ),
        D::MessageDigestMissing => (
            "Chữ ký thiếu thuộc tính mã băm nội dung",
            "The signature lacks the message-digest attribute",
        ),
        D::UnsupportedDigestAlgorithm => (
            "Thuật toán băm không được hỗ trợ",
            "The digest algorithm is not supported",
        ),
        D::DigestNotChecked => (
            "Chưa kiểm tra được mã băm",
            "The digest could not be checked",
        ),
        D::TimestampImprintMatches => (
            "Dấu thời gian khớp với nội dung tài liệu",
            "The time-stamp matches the document",
        ),
        D::TimestampImprintMismatch => (
            "Dấu thời gian không khớp với nội dung được đóng dấu",
            "The time-stamp does not match what it stamps",
        ),
        D::SignatureValid => ("Giá trị chữ ký đúng", "The signature value verifies"),
        D::SignatureInvalid => ("Giá trị chữ ký sai", "The signature value does not verify"),
        D::SignatureOverOtherContent => (
            "Giá trị chữ ký do khóa của người ký tạo ra nhưng cho một nội dung khác: tài liệu đã bị thay đổi sau khi ký",
            "The signature value was made by the signer's key but over other content: the document changed after signing",
        ),
        D::SignatureNotChecked => (
            "Chưa kiểm tra được giá trị chữ ký",
            "The signature value could not be checked",
        ),
        D::UnsupportedAlgorithm => super::certificates::UNSUPPORTED_ALGORITHM,
        D::BadAlgorithmParameters => (
            "Tham số của thuật toán chữ ký bị sai",
            "The signature algorithm's parameters are malformed",
        ),
        D::KeyAlgorithmMismatch => (
            "thuật toán chữ ký không khớp với loại khóa của chứng thư số",
            "the signature algorithm does not match the certificate's key type",
        ),
        D::BadPublicKey => (
            "Khóa công khai trong chứng thư số không đọc được hoặc có độ dài không được chấp nhận",
            "The certificate's public key is unreadable or of a size that is not accepted",
        ),
        D::DigestLength => (
            "Mã băm có độ dài không đúng với thuật toán băm đã khai báo",
            "The digest's length does not fit the hash algorithm it names",
        ),
        D::SignerCertificateFound => (
            "Tìm thấy chứng thư số của người ký",
            "The signer's certificate was found",
        ),
        D::SignerCertificateNotFound => (
            "Không tìm thấy chứng thư số của người ký; hãy thêm tệp chứng thư (.cer)",
            "The signer's certificate was not found; add the certificate file (.cer)",
        ),
        D::EssV2Match => (
            "Chữ ký gắn đúng với chứng thư số (signing-certificate-v2)",
            "The signature names this certificate (signing-certificate-v2)",
        ),
        D::EssV1Match => (
            "Chữ ký gắn với chứng thư số bằng SHA-1 (signing-certificate phiên bản cũ)",
            "The signature names this certificate by SHA-1 (old signing-certificate)",
        ),
        D::EssAbsent => (
            "Chữ ký không ghi chứng thư số của người ký (được phép với adbe.pkcs7)",
            "The signature does not name its certificate (allowed for adbe.pkcs7)",
        ),
        D::EssAbsentCades => (
            "Chữ ký CAdES thiếu thuộc tính signing-certificate-v2 bắt buộc",
            "The CAdES signature lacks the required signing-certificate-v2",
        ),
        D::EssMismatch => (
            "Chứng thư số ghi trong chữ ký khác với chứng thư số đi kèm",
            "The certificate named in the signature is not the one attached",
        ),
        D::EssMalformed => (
            "Thuộc tính signing-certificate bị hỏng",
            "The signing-certificate attribute is malformed",
        ),
        D::NoTimestamp => (
            "Chữ ký không có dấu thời gian",
            "The signature has no time-stamp",
        ),
        D::TimestampValid => (
            "Dấu thời gian hợp lệ, do đơn vị cấp dấu thời gian tin cậy cấp",
            "Valid time-stamp from a trusted time-stamping authority",
        ),
        D::TimestampBadSignature => (
            "Chữ ký của dấu thời gian sai",
            "The time-stamp's signature does not verify",
        ),
        D::TimestampNoTsaCertificate => (
            "Không tìm thấy chứng thư của đơn vị cấp dấu thời gian",
            "The time-stamping authority's certificate is missing",
        ),
        D::TimestampNotTsaCertificate => (
            "Chứng thư ký dấu thời gian không phải chứng thư cấp dấu thời gian",
            "The time-stamp was not signed by a time-stamping certificate",
        ),
        D::TimestampWrongContentType => (
            "Dấu thời gian không chứa thông tin thời gian (TSTInfo)",
            "The time-stamp holds no TSTInfo",
        ),
        D::TimestampImprintUnavailable => (
            "Không tính được mã băm để đối chiếu dấu thời gian",
            "The digest to compare with the time-stamp is unavailable",
        ),
        D::TstInfoMalformed => (
            "Thông tin thời gian trong dấu thời gian bị hỏng",
            "The time-stamp's TSTInfo is malformed",
        ),
        D::TstInfoBadTime => (
            "Thời gian trong dấu thời gian không đọc được",
            "The time-stamp's time is unreadable",
        ),
        D::TstInfoMissing => ("Dấu thời gian không có nội dung", "The time-stamp is empty"),
        D::ContentTypeMissing => (
            "Dấu thời gian thiếu thuộc tính loại nội dung (content-type)",
            "The time-stamp lacks the content-type attribute",
        ),
        D::EcontentTypeUnexpected => (
            "Loại nội dung bên trong dấu thời gian không phải loại được mong đợi",
            "The content type inside the time-stamp is not the expected one",
        ),
        D::EssSigningCertificateMismatch => (
            "Chứng thư ghi trong dấu thời gian không phải chứng thư của đơn vị cấp dấu thời gian",
            "The certificate named in the time-stamp is not the time-stamping authority's",
        ),
        D::TsaNotTrusted => (
            "Đơn vị cấp dấu thời gian không thuộc CA tin cậy; thời gian chỉ là thời gian khai báo",
            "The time-stamping authority is not trusted; the time is only claimed",
        ),
        D::TsaEkuNotCritical => (
            "Chứng thư cấp dấu thời gian không đánh dấu mục đích sử dụng là bắt buộc (RFC 3161)",
            "The TSA certificate's key purpose is not marked critical (RFC 3161)",
        ),
        D::TsaNotRevoked => (
            "Chứng thư của đơn vị cấp dấu thời gian chưa bị thu hồi tại thời điểm cấp dấu",
            "The time-stamping authority's certificate was not revoked when it stamped",
        ),
        D::TsaRevoked => (
            "Chứng thư của đơn vị cấp dấu thời gian đã bị thu hồi (RFC 3161): dấu thời gian không chứng minh được thời điểm ký",
            "The time-stamping authority's certificate is revoked (RFC 3161): the time-stamp proves no time",
        ),
        D::TsaCaRevoked => (
            "Chứng thư CA cấp cho đơn vị cấp dấu thời gian đã bị thu hồi trước thời điểm cấp dấu: dấu thời gian không chứng minh được thời điểm ký",
            "A CA above the time-stamping authority was revoked before the time-stamp: it proves no time",
        ),
        D::TsaRevokedAfterTimestamp => (
            "Chứng thư của đơn vị cấp dấu thời gian bị thu hồi sau thời điểm cấp dấu, vì lý do không liên quan đến khóa: dấu thời gian vẫn có giá trị",
            "The time-stamping authority's certificate was revoked after the time-stamp, for a reason that spares its key: the time-stamp still holds",
        ),
        D::TsaRevocationSilentAfterExpiry => (
            "Thông tin thu hồi về đơn vị cấp dấu thời gian được phát hành sau khi chứng thư của đơn vị này hết hạn nên không chứng minh được gì (RFC 5280 §3.3, §5)",
            "The revocation information on the time-stamping authority was issued after its certificate expired and proves nothing (RFC 5280 §3.3, §5)",
        ),
        D::TsaRevocationInfoTooOld => (
            "Thông tin thu hồi (CRL/OCSP) về đơn vị cấp dấu thời gian đã cũ so với thời điểm cấp dấu",
            "The revocation information on the time-stamping authority is older than the time-stamp",
        ),
        D::TsaRevocationNotChecked => (
            "Chưa kiểm tra được tình trạng thu hồi của đơn vị cấp dấu thời gian (không có CRL hay OCSP)",
            "The time-stamping authority's revocation status was not checked (no CRL or OCSP)",
        ),
        D::TsaCaRevocationNotChecked => (
            "Đơn vị cấp dấu thời gian chưa bị thu hồi; chưa kiểm tra được tình trạng thu hồi của CA cấp chứng thư cho đơn vị này",
            "The time-stamping authority is not revoked; the revocation status of the CA above it was not checked",
        ),
        D::TimeProvenByTimestamp => (
            "Thời điểm ký được chứng minh bằng dấu thời gian",
            "The signing time is proven by a time-stamp",
        ),
        D::TimeClaimedOnly => (
            "Thời điểm ký do người ký tự khai báo (không có dấu thời gian chứng minh)",
            "The signing time is only claimed by the signer (no proving time-stamp)",
        ),
        D::TimeUnknownValidationTimeUsed => (
            "Chữ ký không ghi thời điểm ký; dùng thời điểm kiểm tra",
            "The signature gives no time; the validation time is used",
        ),
        D::ClaimedTimeAfterTimestamp => (
            "Thời điểm khai báo muộn hơn dấu thời gian",
            "The claimed time is later than the time-stamp",
        ),
        D::SigningTimeInFuture => (
            "Thời điểm ký sau thời điểm kiểm tra",
            "The signing time is after the validation time",
        ),
        D::ChainTrusted => (
            "Chuỗi chứng thư dẫn đến CA tin cậy tại thời điểm ký",
            "The chain leads to a trusted CA at the signing time",
        ),
        D::MissingIssuerPublished => (
            "thiếu chứng thư của CA cấp; chứng thư của người giữ có ghi nơi công bố",
            "the issuing CA's certificate is missing; the certificate says where it is published",
        ),
        D::MissingIssuerNotPublished => (
            "thiếu chứng thư của CA cấp; chứng thư của người giữ không ghi nơi công bố",
            "the issuing CA's certificate is missing; the certificate does not say where it is published",
        ),
        D::CertValidAtSigningTime => (
            "Chứng thư số còn hiệu lực tại thời điểm ký",
            "The certificate was valid at the signing time",
        ),
        D::CertExpiredAtSigningTime => (
            "Chứng thư số đã hết hạn tại thời điểm ký",
            "The certificate had expired at the signing time",
        ),
        D::CertNotYetValidAtSigningTime => (
            "Chứng thư số chưa có hiệu lực tại thời điểm ký",
            "The certificate was not yet valid at the signing time",
        ),
        D::CertExpiredNowNoPoe => (
            "Chứng thư số nay đã hết hạn và không có dấu thời gian chứng minh đã ký khi còn hạn",
            "The certificate has since expired and no time-stamp proves the signature was made in time",
        ),
        D::NotRevokedAtSigningTime => (
            "Chứng thư số chưa bị thu hồi tại thời điểm ký",
            "The certificate was not revoked at the signing time",
        ),
        D::RevokedBeforeSigning => (
            "Chứng thư số đã bị thu hồi trước thời điểm ký",
            "The certificate was revoked before the signing time",
        ),
        D::RevokedAfterSigning => (
            "Chứng thư số bị thu hồi sau thời điểm ký (đã được chứng minh bằng dấu thời gian)",
            "The certificate was revoked after the (proven) signing time",
        ),
        D::RevokedAfterClaimedTimeNoPoe => (
            "Chứng thư số đã bị thu hồi; không có dấu thời gian chứng minh chữ ký được tạo trước đó",
            "The certificate is revoked; no time-stamp proves the signature came first",
        ),
        D::RevocationInfoTooOld => (
            "Thông tin thu hồi (CRL/OCSP) đã cũ so với thời điểm ký",
            "The revocation information is older than the signing time",
        ),
        D::RevocationInfoNotCurrentNoPoe => (
            "Không có dấu thời gian chứng minh thời điểm ký, nên thông tin thu hồi (CRL/OCSP) phải còn hiệu lực tại thời điểm kiểm tra, nhưng nó đã hết hạn (ETSI EN 319 102-1 §5.2.5, §5.5). Cần CRL hoặc OCSP mới hơn",
            "No time-stamp proves the signing time, so the revocation information (CRL/OCSP) must be current at the validation time, and it is out of date (ETSI EN 319 102-1 §5.2.5, §5.5). A newer CRL or OCSP response is needed",
        ),
        D::RevocationSilentAfterExpiry => (
            "Thông tin thu hồi (CRL/OCSP) được phát hành sau khi chứng thư số hết hạn và không cam kết giữ chứng thư đã hết hạn, nên việc không có tên trong đó không chứng minh chứng thư chưa bị thu hồi (RFC 5280 §3.3, §5)",
            "The revocation information (CRL/OCSP) was issued after the certificate expired and does not promise to keep expired certificates, so not being listed does not show the certificate was not revoked (RFC 5280 §3.3, §5)",
        ),
        D::RevocationNotChecked => super::certificates::REVOCATION_NOT_CHECKED,
        D::CaRevoked => (
            "Chứng thư của CA trong chuỗi đã bị thu hồi",
            "A CA certificate in the chain is revoked",
        ),
        D::CaRevocationNotChecked => (
            "Chưa kiểm tra tình trạng thu hồi của chứng thư CA trung gian",
            "The intermediate CA's revocation status was not checked",
        ),
        D::KeyUsageAbsent => (
            "chứng thư không giới hạn mục đích sử dụng khóa",
            "the certificate does not restrict what the key may do",
        ),
        D::KeyUsageAllowsSigning => (
            "chứng thư cho phép dùng khóa để ký (digitalSignature hoặc nonRepudiation)",
            "the certificate lets the key sign (digitalSignature or nonRepudiation)",
        ),
        D::KeyUsageExcludesSigning => (
            "chứng thư không cho phép dùng khóa này để ký tài liệu: thiếu cả digitalSignature lẫn nonRepudiation (RFC 5280 mục 4.2.1.3)",
            "the certificate does not let this key sign documents: neither digitalSignature nor nonRepudiation is set (RFC 5280 §4.2.1.3)",
        ),
        D::KeyUsageMalformed => (
            "phần mở rộng mục đích sử dụng khóa (keyUsage) của chứng thư bị lỗi",
            "the certificate's keyUsage extension is malformed",
        ),
        D::EkuAbsent => (
            "chứng thư không giới hạn mục đích mở rộng",
            "the certificate has no extended key usage restriction",
        ),
        D::EkuAllowsSigning => (
            "mục đích mở rộng của chứng thư cho phép ký tài liệu",
            "the certificate's extended key usage allows document signing",
        ),
        D::EkuNotCriticalOtherPurposes => (
            "mục đích mở rộng của chứng thư không nêu việc ký tài liệu; vì không được đánh dấu bắt buộc (critical) nên không coi là cấm",
            "the certificate's extended key usage does not name document signing; it is not marked critical, so it is not treated as a prohibition",
        ),
        D::EkuExcludesSigning => (
            "chứng thư chỉ cho phép các mục đích mở rộng khác (đánh dấu bắt buộc, critical), không cho phép ký tài liệu (RFC 5280 mục 4.2.1.12)",
            "the certificate's critical extended key usage allows other purposes only, not document signing (RFC 5280 §4.2.1.12)",
        ),
        D::EkuMalformed => (
            "phần mở rộng mục đích mở rộng (extendedKeyUsage) của chứng thư bị lỗi",
            "the certificate's extendedKeyUsage extension is malformed",
        ),
        D::AlgorithmsOk => ("Thuật toán được chấp nhận", "The algorithms are accepted"),
        D::Sha1BeforeRetirement => (
            "Dùng SHA-1, nhưng có dấu thời gian chứng minh đã ký trước 01/01/2019",
            "SHA-1 is used, but a time-stamp proves signing before 2019-01-01",
        ),
        D::Sha1NoPoe => (
            "Dùng SHA-1 (đã hết an toàn từ 01/01/2019) mà không có dấu thời gian chứng minh đã ký trước đó",
            "SHA-1 (retired since 2019-01-01) is used with no time-stamp proving earlier signing",
        ),
        D::NoChangesAfterSigning => (
            "Tài liệu không bị thay đổi sau khi ký",
            "The document has not changed since signing",
        ),
        D::OnlyAllowedChanges => (
            "Sau khi ký chỉ có các thay đổi được phép",
            "Only permitted changes after signing",
        ),
        D::CommentsAdded => (
            "có ghi chú được thêm sau khi ký; chúng không thuộc nội dung đã ký",
            "comments were added after signing; they are not part of what was signed",
        ),
        D::ChangesNotAllowed => (
            "Tài liệu đã bị sửa đổi sau khi ký (thay đổi không được phép)",
            "The document was modified after signing (changes not permitted)",
        ),
        D::ChangesAnalysisUnreliable => (
            "Không phân tích chắc chắn được các thay đổi sau khi ký (cấu trúc PDF hỏng, bị mã hóa mà không giải mã được, hoặc quá nhiều bản cập nhật để phân tích hết)",
            "Changes after signing could not be analysed reliably (damaged PDF, encrypted PDF that could not be decrypted, or too many updates to analyse)",
        ),
        D::Cms(e) => cms_words(e),
        D::Coverage(g) => super::pdf::coverage_grade_words(*g),
        D::CoverageProblem(p) => super::pdf::coverage_problem_words(*p),
        D::Chain(r) => super::certificates::chain_reason_words(r),
    }
}

/// Why a signature's CMS does not parse.
fn cms_words(e: &CmsError) -> (&'static str, &'static str) {
    match e {
        CmsError::Empty => (
            "Không có dữ liệu chữ ký (/Contents rỗng)",
            "No signature data (/Contents is empty)",
        ),
        CmsError::TooLarge { .. } => ("Dữ liệu chữ ký quá lớn", "The signature data is too large"),
        CmsError::Structure { .. } => (
            "Dữ liệu chữ ký bị hỏng (không đọc được cấu trúc CMS)",
            "The signature data is damaged (CMS structure unreadable)",
        ),
        CmsError::TrailingData { .. } => (
            "Có dữ liệu lạ sau chữ ký",
            "Unexpected data after the signature",
        ),
        CmsError::NotSignedData { .. } => (
            "Dữ liệu không phải chữ ký CMS",
            "The data is not a CMS signature",
        ),
        CmsError::Field { .. } => (
            "Một trường của chữ ký CMS bị sai",
            "A field of the CMS signature is malformed",
        ),
        CmsError::NoSigner => (
            "Chữ ký CMS không có thông tin người ký",
            "The CMS signature names no signer",
        ),
        CmsError::TooManyItems { .. } => (
            "Chữ ký CMS chứa quá nhiều phần tử",
            "The CMS signature holds too many items",
        ),
    }
}
