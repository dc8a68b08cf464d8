//! Words of the page itself: tab names, buttons, labels, hints (src/web). The letters
//! stay Vietnamese whatever the page's language; user data is never translated.
//!
//! `{}` marks where the page puts a number, a name or a time (`web::lang::fill`, in
//! order), so that each language keeps its own word order.

/// (code, Vietnamese, English). Codes are unique across all tables; a test checks it.
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    ("ui_language", "Ngôn ngữ", "Language"),
    (
        "ui_page_title",
        "kyso — Chứng thư số, chữ ký PDF, văn bản",
        "kyso — Certificates, signed PDFs, letters",
    ),
    // The header, tabs and footer (web/app.rs).
    ("ui_functions", "Chức năng", "Functions"),
    ("ui_tab_certificates", "Chứng thư số", "Certificates"),
    ("ui_tab_verify", "Kiểm tra chữ ký PDF", "Verify signed PDFs"),
    ("ui_tab_forms", "Lập văn bản", "Request letters"),
    (
        "ui_tagline_certificates",
        "Đọc chứng thư số ngay trên máy này — tệp không được gửi đi đâu.",
        "Read digital certificates on this computer — no file is sent anywhere.",
    ),
    (
        "ui_tagline_verify",
        "Kiểm tra chữ ký số trên tệp PDF ngay trên máy này — tệp không được gửi đi đâu.",
        "Verify the digital signatures of PDF files on this computer — no file is sent anywhere.",
    ),
    (
        "ui_tagline_forms",
        "Lập văn bản đề nghị theo Nghị định 68/2024 ngay trên máy này — dữ liệu không được gửi đi đâu.",
        "Write the request letters of Decree 68/2024 on this computer — no data is sent anywhere (the letters themselves are in Vietnamese).",
    ),
    (
        "ui_footer",
        "Mọi xử lý diễn ra trong trình duyệt; trang không kết nối tới máy chủ nào khác.",
        "Everything happens in the browser; the page connects to no other server.",
    ),
    (
        "ui_footer_bundle",
        " Có dùng thêm chứng thư CA do đơn vị triển khai cung cấp ({}).",
        " CA certificates supplied by the deploying agency are used too ({}).",
    ),
    (
        "ui_footer_trust_folder",
        " Thư mục tin cậy của đơn vị: {} CRL.",
        " The agency's trust folder: {} CRLs.",
    ),
    // Drop zones (web/dropzone.rs, read.rs, hash.rs).
    (
        "ui_drop_title",
        "Kéo thả các tệp chứng thư số vào đây",
        "Drop certificate files here",
    ),
    (
        "ui_drop_label",
        "Nạp tệp chứng thư số",
        "Load certificate files",
    ),
    (
        "ui_drop_hint",
        "Nhận tệp .cer, .crt, .pem, .p7b, .p7c (dạng nhị phân DER hoặc văn bản PEM); chọn được nhiều tệp cùng lúc. Tệp chỉ được đọc trên máy này, không gửi đi đâu.",
        "Takes .cer, .crt, .pem, .p7b, .p7c files (binary DER or PEM text); several at once. Files are only read on this computer, never sent anywhere.",
    ),
    ("ui_drop_or", "hoặc ", "or "),
    ("ui_pick_files", "Chọn tệp…", "Choose files…"),
    (
        "ui_pick_folder",
        "Chọn cả thư mục…",
        "Choose a whole folder…",
    ),
    ("ui_reading_files", "Đang đọc tệp…", "Reading files…"),
    (
        "ui_paste_summary",
        "Hoặc dán nội dung chứng thư (-----BEGIN CERTIFICATE-----…)",
        "Or paste a certificate's text (-----BEGIN CERTIFICATE-----…)",
    ),
    ("ui_paste_label", "Nội dung PEM cần đọc", "PEM text to read"),
    (
        "ui_paste_submit",
        "Đọc nội dung đã dán",
        "Read the pasted text",
    ),
    ("ui_pasted_name", "văn bản dán #{}", "pasted text #{}"),
    (
        "ui_read_too_large",
        "Tệp quá lớn ({} MB); một tệp chứng thư số chỉ vài KB.",
        "The file is too large ({} MB); a certificate file is a few KB.",
    ),
    (
        "ui_read_unreadable",
        "Trình duyệt không đọc được tệp này (có thể là thư mục, hoặc tệp đã bị xóa hay di chuyển).",
        "The browser could not read this file (a folder, or a file deleted or moved meanwhile).",
    ),
    (
        "ui_pdf_too_large",
        "Tệp quá lớn để kiểm tra trong trình duyệt (tối đa 1 GB).",
        "The file is too large to verify in the browser (at most 1 GB).",
    ),
    (
        "ui_pdf_no_memory",
        "Trình duyệt không đủ bộ nhớ để đọc tệp này; hãy đóng bớt thẻ khác hoặc dùng công cụ dòng lệnh kyso.",
        "The browser lacks the memory to read this file; close other tabs or use the kyso command line.",
    ),
    (
        "ui_pdf_unreadable",
        "Trình duyệt không đọc được tệp này (có thể tệp đã bị xóa hay di chuyển).",
        "The browser could not read this file (it may have been deleted or moved).",
    ),
    // Copy buttons (web/copy.rs).
    ("ui_copy", "Chép", "Copy"),
    ("ui_copied", "Đã chép", "Copied"),
    ("ui_copy_failed", "Không chép được", "Could not copy"),
    (
        "ui_copy_title",
        "Chép {} vào bộ nhớ tạm",
        "Copy the {} to the clipboard",
    ),
    // Shared by both result lists.
    ("ui_results", "Kết quả", "Results"),
    ("ui_export_json", "Xuất JSON", "Export JSON"),
    (
        "ui_export_json_title",
        "Tải về toàn bộ kết quả dạng JSON",
        "Download every result as JSON",
    ),
    ("ui_clear_list", "Xóa danh sách", "Clear the list"),
    (
        "ui_checked_at",
        " · thời điểm kiểm tra {} (giờ Việt Nam)",
        " · validation time {} (Viet Nam time)",
    ),
    // The certificate tab (web/cert_tab.rs, builtin_list.rs).
    (
        "ui_cert_drop_hint",
        "Nhận tệp .cer, .crt, .pem, .p7b, .p7c (dạng nhị phân DER hoặc văn bản PEM); chọn được nhiều tệp cùng lúc. Tệp PDF có chữ ký sẽ được mở ở thẻ “Kiểm tra chữ ký PDF”. Tệp chỉ được đọc trên máy này, không gửi đi đâu.",
        "Takes .cer, .crt, .pem, .p7b, .p7c files (binary DER or PEM text); several at once. Signed PDF files open in the “Verify signed PDFs” tab. Files are only read on this computer, never sent anywhere.",
    ),
    (
        "ui_filter_placeholder",
        "Lọc theo tên, số hiệu, MST…",
        "Filter by name, serial, tax code…",
    ),
    ("ui_filter_label", "Lọc danh sách", "Filter the list"),
    (
        "ui_showing",
        "Đang hiển thị {} / {} chứng thư.",
        "Showing {} of {} certificates.",
    ),
    (
        "ui_show_more",
        "Hiện thêm {} chứng thư (còn {} chưa hiện)",
        "Show {} more certificates ({} not shown yet)",
    ),
    (
        "ui_show_more_hint",
        " Dùng ô lọc để tìm nhanh theo tên, số hiệu hoặc mã số.",
        " Use the filter to find a name, serial or code quickly.",
    ),
    (
        "ui_cert_summary",
        "{} chứng thư trong {} tệp",
        "{} certificates in {} files",
    ),
    ("ui_errors_count", " · {} lỗi", " · {} errors"),
    (
        "ui_crl_count",
        " · {} danh sách thu hồi (CRL)",
        " · {} revocation lists (CRL)",
    ),
    (
        "ui_unreadable_files",
        "Tệp không đọc được",
        "Files that could not be read",
    ),
    ("ui_item_number", " (mục thứ {})", " (item {})"),
    (
        "ui_pdf_go_verify",
        "Kiểm tra chữ ký của tệp PDF ở thẻ “Kiểm tra chữ ký PDF”.",
        "Verify the PDF's signatures in the “Verify signed PDFs” tab.",
    ),
    (
        "ui_builtin_title",
        "Các CA có sẵn trong kyso ({} chứng thư, bộ chứng thư ngày {})",
        "CAs built into kyso ({} certificates, set of {})",
    ),
    ("ui_builtin_table", "Danh sách CA có sẵn", "Built-in CAs"),
    ("ui_col_name", "Tên", "Name"),
    ("ui_col_kind", "Loại", "Kind"),
    ("ui_col_owner", "Thuộc", "Belongs to"),
    ("ui_col_valid_to", "Hiệu lực đến", "Valid until"),
    ("ui_expired_note", " (đã hết hạn)", " (expired)"),
    // A certificate card (web/cert_card.rs).
    (
        "ui_cert_index",
        "{} (chứng thư thứ {})",
        "{} (certificate {})",
    ),
    ("ui_serial", "Số hiệu chứng thư", "Serial number"),
    ("ui_serial_what", "số hiệu chứng thư", "serial number"),
    ("ui_validity", "Hiệu lực", "Validity"),
    ("ui_from", "từ ", "from "),
    ("ui_to", " đến ", " to "),
    ("ui_subject", "Chủ thể", "Subject"),
    ("ui_identifiers", "Mã định danh", "Identifiers"),
    ("ui_email", "Thư điện tử", "E-mail"),
    ("ui_issuer", "Đơn vị cấp", "Issuer"),
    ("ui_renewal", "Gia hạn / thay đổi", "Renewal / change"),
    ("ui_chain", "Chuỗi chứng thực", "Certification chain"),
    ("ui_technical", "Thông tin kỹ thuật", "Technical details"),
    ("ui_sha1", "Dấu vân tay SHA-1", "SHA-1 fingerprint"),
    ("ui_sha1_what", "dấu vân tay SHA-1", "SHA-1 fingerprint"),
    ("ui_sha256", "Dấu vân tay SHA-256", "SHA-256 fingerprint"),
    (
        "ui_sha256_what",
        "dấu vân tay SHA-256",
        "SHA-256 fingerprint",
    ),
    (
        "ui_subject_dn",
        "Tên đầy đủ của chủ thể",
        "Subject's full name (DN)",
    ),
    (
        "ui_issuer_dn",
        "Tên đầy đủ của đơn vị cấp",
        "Issuer's full name (DN)",
    ),
    ("ui_public_key", "Khóa công khai", "Public key"),
    (
        "ui_signature_algorithm",
        "Thuật toán ký",
        "Signature algorithm",
    ),
    ("ui_key_usage", "Mục đích của khóa", "Key usage"),
    (
        "ui_extended_key_usage",
        "Mục đích mở rộng",
        "Extended key usage",
    ),
    (
        "ui_basic_constraints",
        "Ràng buộc cơ bản",
        "Basic constraints",
    ),
    ("ui_policies", "Chính sách", "Policies"),
    ("ui_crl_dp", "Nơi công bố CRL", "CRL distribution points"),
    ("ui_aia", "Thông tin CA (AIA)", "CA information (AIA)"),
    ("ui_aia_ca_issuers", "Chứng thư CA", "CA certificate"),
    // Certificate policies the page names (cert/oids.rs keeps the Vietnamese name for
    // the CLI and JSON); the code is "policy_" and the OID.
    (
        "policy_2.16.704.1.1.1.1.1",
        "VGCA G2 (chính sách chứng thư số chuyên dùng Chính phủ)",
        "VGCA G2 (the Government's dedicated certificate policy)",
    ),
    (
        "ui_extension_errors",
        "Phần mở rộng lỗi",
        "Faulty extensions",
    ),
    ("ui_file", "Tệp", "File"),
    ("ui_id_cccd", "Căn cước công dân", "Citizen ID (CCCD)"),
    ("ui_id_cmnd", "Chứng minh nhân dân", "Old ID card (CMND)"),
    ("ui_id_hc", "Hộ chiếu", "Passport"),
    ("ui_id_mst", "Mã số thuế", "Tax code (MST)"),
    ("ui_id_mns", "Mã quan hệ ngân sách", "Budget code (MNS)"),
    (
        "ui_is_ca_path",
        "Là CA (được cấp tiếp tối đa {} cấp CA)",
        "A CA (at most {} more CA levels below it)",
    ),
    ("ui_is_ca", "Là CA", "A CA"),
    ("ui_not_ca", "Không phải CA", "Not a CA"),
    (
        "ui_anchor",
        "Điểm tin cậy: {} ({}{})",
        "Trust anchor: {} ({}{})",
    ),
    (
        "ui_anchor_intermediate",
        "; CA trung gian được tin cậy trực tiếp",
        "; an intermediate CA trusted directly",
    ),
    (
        "ui_not_revoked_crl",
        "Chưa bị thu hồi theo CRL ngày {}",
        "Not revoked per the CRL of {}",
    ),
    (
        "ui_revoked_since",
        "Đã bị thu hồi từ {}",
        "Revoked since {}",
    ),
    (
        "ui_revocation_unknown",
        "Không xác định được tình trạng thu hồi: {}",
        "Revocation status unknown: {}",
    ),
    // The verify tab (web/verify_tab.rs).
    (
        "ui_verify_drop_title",
        "Kéo thả các tệp PDF có chữ ký số vào đây",
        "Drop signed PDF files here",
    ),
    (
        "ui_verify_drop_label",
        "Nạp tệp PDF cần kiểm tra chữ ký",
        "Load PDF files to verify",
    ),
    (
        "ui_verify_drop_hint",
        "Chọn được nhiều tệp PDF cùng lúc. Có thể thả kèm tệp chứng thư (.cer, .p7b) hoặc danh sách thu hồi (.crl) để bổ sung chuỗi chứng thực và kiểm tra thu hồi. Tệp chỉ được đọc trên máy này, không gửi đi đâu.",
        "Several PDF files at once. Certificate files (.cer, .p7b) or revocation lists (.crl) dropped with them complete chains and check revocation. Files are only read on this computer, never sent anywhere.",
    ),
    (
        "ui_extras_used",
        "Dùng thêm {} tệp chứng thư / CRL: {}.",
        "Also using {} certificate / CRL files: {}.",
    ),
    (
        "ui_extras_apply",
        " Các tệp này áp dụng cho tài liệu thả vào sau.",
        " They apply to the documents dropped afterwards too.",
    ),
    (
        "ui_trust_dropped",
        " Coi các chứng thư CA đã thả kèm là CA tin cậy (CA riêng của đơn vị, hệ thống thử nghiệm). Mặc định chỉ tin cậy CA của Chính phủ.",
        " Trust the CA certificates dropped here (an agency's own CA, a test system). By default only the Government's CAs are trusted.",
    ),
    (
        "ui_verify_results",
        "Kết quả kiểm tra chữ ký",
        "Signature verification results",
    ),
    ("ui_documents_count", "{} tài liệu", "{} documents"),
    ("ui_print_report", "In báo cáo", "Print the report"),
    (
        "ui_print_report_title",
        "In hoặc lưu thành PDF bản báo cáo kiểm tra",
        "Print the verification report or save it as PDF",
    ),
    (
        "ui_report_heading",
        "Báo cáo kiểm tra chữ ký số trên tài liệu PDF",
        "Report on the digital signatures of PDF documents",
    ),
    (
        "ui_report_made",
        "Lập bằng kyso lúc {} (giờ Việt Nam). Tệp chỉ được kiểm tra trên máy này.",
        "Made with kyso at {} (Viet Nam time). The files were only checked on this computer.",
    ),
    ("ui_stage_reading", "Đang đọc tệp…", "Reading the file…"),
    (
        "ui_stage_hashing",
        "Đang tính mã băm phần đã ký…",
        "Hashing the signed parts…",
    ),
    ("ui_stage_waiting", "Đang chờ…", "Waiting…"),
    ("ui_progress_reading", "Đọc tệp", "Reading"),
    ("ui_progress_hashing", "Tính mã băm", "Hashing"),
    ("ui_progress_waiting", "Đang chờ", "Waiting"),
    (
        "ui_revisions",
        " · {} lần lưu (phiên bản)",
        " · {} saves (versions)",
    ),
    ("ui_signatures_count", " · {} chữ ký", " · {} signatures"),
    (
        "ui_remove_from_list",
        "Bỏ khỏi danh sách",
        "Remove from the list",
    ),
    (
        "ui_extra_unreadable",
        "Tệp bổ sung không đọc được: {}",
        "Added files that could not be read: {}",
    ),
    ("ui_count_valid", "hợp lệ", "valid"),
    ("ui_count_invalid", "không hợp lệ", "invalid"),
    ("ui_count_indeterminate", "chưa đủ căn cứ", "indeterminate"),
    (
        "ui_doc_signatures",
        " · {} chữ ký: {}",
        " · {} signatures: {}",
    ),
    (
        "ui_kind_timestamp",
        "Dấu thời gian tài liệu",
        "Document timestamp",
    ),
    ("ui_kind_signature", "Chữ ký", "Signature"),
    ("ui_kind_of", " — {} của {}", " — {} of {}"),
    (
        "ui_removed_in",
        "Chữ ký này đã bị gỡ khỏi biểu mẫu ở lần cập nhật thứ {}: trình đọc PDF thông thường không còn hiển thị nó.",
        "This signature was removed from the form in update {}: ordinary PDF readers no longer show it.",
    ),
    (
        "ui_removed",
        "Chữ ký này không còn trong biểu mẫu của bản cuối: trình đọc PDF thông thường không còn hiển thị nó.",
        "This signature is no longer in the final version's form: ordinary PDF readers no longer show it.",
    ),
    (
        "ui_modified_note",
        "Tài liệu đã bị sửa đổi sau khi ký: nội dung đang hiển thị có thể khác bản đã ký.",
        "The document was modified after signing: what it displays may differ from what was signed.",
    ),
    (
        "ui_signed_after_item",
        "{} (“{}”, lần cập nhật thứ {})",
        "{} (“{}”, update {})",
    ),
    ("ui_signer", "Người ký", "Signer"),
    ("ui_signing_time", "Thời điểm ký", "Signing time"),
    (
        "ui_no_chain",
        "Không dựng được (không có chứng thư của người ký).",
        "Could not be built (no signer certificate).",
    ),
    ("ui_revocation", "Thu hồi", "Revocation"),
    ("ui_coverage", "Phạm vi được ký", "What is signed"),
    (
        "ui_download_signed",
        "Tải bản đã ký",
        "Download the signed version",
    ),
    (
        "ui_certification",
        "Chứng nhận tài liệu",
        "Document certification",
    ),
    (
        "ui_changes_after",
        "Thay đổi sau khi ký",
        "Changes after signing",
    ),
    ("ui_reason", "Lý do ký", "Reason"),
    ("ui_location", "Nơi ký", "Location"),
    ("ui_technique", "Kỹ thuật", "Technical"),
    ("ui_checks", "Các bước kiểm tra ({})", "Checks ({})"),
    ("ui_signer_serial", "Số hiệu chứng thư: ", "Serial number: "),
    ("ui_signer_issuer", "Đơn vị cấp: {}", "Issuer: {}"),
    (
        "ui_signer_validity",
        "Hiệu lực từ {} đến {}",
        "Valid from {} to {}",
    ),
    (
        "ui_at_validation",
        " ({} tại thời điểm kiểm tra)",
        " ({} at the validation time)",
    ),
    (
        "ui_time_used_proven",
        "Dùng thời điểm đã được chứng minh bằng dấu thời gian để kiểm tra chứng thư.",
        "The time proven by a timestamp is used to check the certificate.",
    ),
    (
        "ui_time_used_claimed",
        "Dùng thời điểm do người ký khai báo (không có dấu thời gian chứng minh) để kiểm tra chứng thư.",
        "The time the signer claims (no timestamp proves it) is used to check the certificate.",
    ),
    (
        "ui_time_used_none",
        "Chữ ký không ghi thời điểm; dùng thời điểm kiểm tra.",
        "The signature states no time; the validation time is used.",
    ),
    ("ui_time_claimed", "Khai báo: ", "Claimed: "),
    ("ui_time_none", "không có", "none"),
    ("ui_time_proven", "Được chứng minh: ", "Proven: "),
    (
        "ui_time_no_timestamp",
        "không có dấu thời gian",
        "no timestamp",
    ),
    (
        "ui_rev_good",
        "Đã kiểm tra: chưa bị thu hồi tại thời điểm ký (theo {} ngày {}{})",
        "Checked: not revoked at the signing time (per {} of {}{})",
    ),
    (
        "ui_rev_not_fresh",
        ", thông tin cũ hơn thời điểm ký",
        ", information older than the signing time",
    ),
    (
        "ui_rev_revoked",
        "Đã bị thu hồi từ {} (theo {})",
        "Revoked since {} (per {})",
    ),
    (
        "ui_rev_stale",
        "Chưa kiểm tra được: thông tin thu hồi ({} ngày {}) cũ hơn thời điểm ký. Cần bổ sung CRL mới hơn.",
        "Not checked: the revocation information ({} of {}) is older than the signing time. A newer CRL is needed.",
    ),
    (
        "ui_rev_not_checked",
        "Chưa kiểm tra được tình trạng thu hồi của chứng thư số: tệp không kèm CRL hay OCSP, và trang không tải gì từ mạng. Chữ ký chỉ được coi là hợp lệ khi chứng thư chưa bị thu hồi tại thời điểm ký; hãy thả kèm tệp CRL của CA để kiểm tra.",
        "The certificate's revocation status could not be checked: the file carries no CRL or OCSP response, and the page fetches nothing from the network. A signature is only valid if the certificate was not revoked at the signing time; drop the CA's CRL file with the PDF to check it.",
    ),
    (
        "ui_saved_after",
        "Có lần lưu sau khi ký.",
        "Saved again after signing.",
    ),
    (
        "ui_no_change",
        "Không có thay đổi sau khi ký.",
        "No change after signing.",
    ),
    (
        "ui_only_allowed",
        "Chỉ có thay đổi được phép sau khi ký.",
        "Only allowed changes after signing.",
    ),
    (
        "ui_only_allowed_signed",
        "Chỉ có thay đổi được phép: ký thêm {} lần (xem danh sách người ký thêm ở trên).",
        "Only allowed changes: signed {} more times (see who signed afterwards above).",
    ),
    (
        "ui_comment_added",
        "Ghi chú thêm sau khi ký (không thuộc nội dung đã ký): ",
        "Comment added after signing (not part of what was signed): ",
    ),
    ("ui_page_n", ", trang {}", ", page {}"),
    (
        "ui_change_details",
        "Chi tiết các đối tượng thay đổi ({})",
        "Changed objects in detail ({})",
    ),
    ("ui_allowed", "Được phép: ", "Allowed: "),
    ("ui_not_allowed", "Không được phép: ", "Not allowed: "),
    ("ui_update_n", ", lần cập nhật thứ {}", ", update {}"),
    ("ui_check_passed", "✔ Đạt", "✔ Passed"),
    ("ui_check_failed", "✖ Không đạt", "✖ Failed"),
    ("ui_check_warning", "! Lưu ý", "! Note"),
    ("ui_check_not_checked", "? Chưa kiểm tra", "? Not checked"),
    // The writer module (src/web/writer_client.rs): the second wasm file that makes
    // the PDF, DOCX, XLSX and ZIP downloads.
    (
        "writer_failed",
        "Không tạo được tệp: {}.",
        "Could not make the file: {}.",
    ),
    (
        "writer_unavailable",
        "không khởi động được bộ tạo tệp của trang (tệp kyso-writer); hãy tải lại trang",
        "the page's file maker (kyso-writer) could not start; reload the page",
    ),
    (
        "writer_bad_job",
        "bộ tạo tệp không đọc được yêu cầu (trang và bộ tạo tệp khác phiên bản); hãy tải lại trang",
        "the file maker could not read the request (page and file maker from different versions); reload the page",
    ),
];

#[cfg(test)]
mod tests {
    use super::TEXTS;

    /// The page fills `{}` in order: both languages must leave the same number of
    /// holes, or an English sentence would lose (or repeat) a number.
    #[test]
    fn both_languages_have_the_same_placeholders() {
        for (code, vi, en) in TEXTS {
            assert_eq!(vi.matches("{}").count(), en.matches("{}").count(), "{code}");
        }
    }

    /// An English word of the page holds no Vietnamese letter (the e2e test checks the
    /// rendered page; this catches a word pasted into the wrong column).
    #[test]
    fn english_words_are_english() {
        let vietnamese = |c: char| {
            "àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ"
                .contains(c.to_lowercase().next().unwrap_or(c))
        };
        for (code, _, en) in TEXTS {
            assert!(!en.chars().any(vietnamese), "{code}: {en}");
        }
    }
}
