//! Words for the codes of one domain. The letters tab's own page words (src/web/forms_*):
//! apart from `letters`, whose words are printed in the letters themselves.

/// The letters tab's own page words (labels, buttons, hints, notices): they follow the
/// page's language, unlike the letters, which stay Vietnamese. (code, Vietnamese, English).
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    (
        "forms_pick_01",
        "Cấp chứng thư cho cá nhân",
        "Certificates for individuals",
    ),
    (
        "forms_pick_02",
        "Cấp chứng thư cho cơ quan, tổ chức",
        "Certificates for agencies and organisations",
    ),
    (
        "forms_pick_03",
        "Cấp chứng thư cho thiết bị, dịch vụ, phần mềm",
        "Certificates for devices, services, software",
    ),
    (
        "forms_pick_04",
        "Gia hạn, thay đổi thông tin",
        "Renewal, change of details",
    ),
    (
        "forms_pick_05",
        "Thu hồi chứng thư",
        "Certificate revocation",
    ),
    (
        "forms_pick_06",
        "Khôi phục thiết bị lưu khóa",
        "Key-storage device recovery",
    ),
    (
        "forms_pick_07",
        "Thông báo bàn giao thiết bị",
        "Device hand-over notice",
    ),
    (
        "forms_pick_08",
        "Biên bản giao nhận thiết bị",
        "Device hand-back record",
    ),
    (
        "forms_pick_09",
        "Biên bản xác nhận thất lạc",
        "Lost-device record",
    ),
    (
        "forms_pick_reference",
        " (mẫu tham khảo)",
        " (reference layout)",
    ),
    ("forms_pick_label", "Mẫu {} — {}{}", "Form {} — {}{}"),
    (
        "forms_pick_aria",
        "Chọn mẫu văn bản",
        "Choose the letter's form",
    ),
    (
        "forms_pick_title",
        "Mẫu văn bản (Nghị định 68/2024/NĐ-CP)",
        "Form (Decree 68/2024)",
    ),
    ("forms_place_row_field", "Dòng {}, {}", "Row {}, {}"),
    ("forms_place_row", "Dòng {}", "Row {}"),
    (
        "forms_same_as_row",
        " (trùng với dòng {})",
        " (same as row {})",
    ),
    (
        "forms_place_letter_date",
        "Ngày của văn bản",
        "The letter's date",
    ),
    (
        "forms_place_letterhead",
        "Phần đầu văn bản ({})",
        "Letterhead ({})",
    ),
    (
        "forms_place_counterpart",
        "Mục 1, bên thứ hai: {}",
        "Section 1, second party: {}",
    ),
    (
        "forms_place_address",
        "Mục 1: địa chỉ",
        "Section 1: address",
    ),
    ("forms_place_section1", "Mục 1: {}", "Section 1: {}"),
    (
        "forms_pasted_n",
        "Đã thêm {} dòng từ nội dung dán.",
        "Added {} rows from the paste.",
    ),
    ("forms_busy_docx", "Đang tạo DOCX…", "Making the DOCX…"),
    (
        "forms_busy_pdf",
        "Đang tạo PDF (lần đầu cần tải phông chữ)…",
        "Making the PDF (the first one loads the fonts)…",
    ),
    ("forms_busy_zip", "Đang đóng gói…", "Packing…"),
    (
        "forms_busy_sheet",
        "Đang tạo bảng nhập liệu…",
        "Making the import sheet…",
    ),
    (
        "forms_letterhead_summary",
        "Phần đầu và chữ ký của văn bản (điền một lần, dùng cho mọi mẫu)",
        "The letter's heading and signature (filled once, used by every form)",
    ),
    (
        "forms_lh_superior",
        "Cơ quan, tổ chức chủ quản",
        "Parent agency or organisation",
    ),
    (
        "forms_lh_managing",
        "Cơ quan, tổ chức quản lý trực tiếp",
        "Directly managing agency or organisation",
    ),
    (
        "forms_lh_number",
        "Số, ký hiệu văn bản",
        "Letter number and reference",
    ),
    (
        "forms_lh_subject",
        "Trích yếu (V/v …)",
        "Subject line (V/v …)",
    ),
    ("forms_lh_place", "Địa danh", "Place"),
    ("forms_lh_date", "Ngày (dd/mm/yyyy)", "Date (dd/mm/yyyy)"),
    (
        "forms_lh_signer_name",
        "Họ tên người ký",
        "Signer's full name",
    ),
    (
        "forms_lh_recipients",
        "Nơi nhận (mỗi dòng một nơi)",
        "Recipients (one per line)",
    ),
    ("forms_section1", "Mục 1", "Section 1"),
    ("forms_section2", "Mục 2", "Section 2"),
    ("forms_section1_parties", "1. Các bên", "1. The parties"),
    (
        "forms_section1_contact",
        "1. Người liên hệ",
        "1. Contact person",
    ),
    ("forms_receiver", "Bên nhận", "Receiving party"),
    (
        "forms_loser",
        "Người làm mất thiết bị",
        "Person who lost the device",
    ),
    (
        "forms_list_n",
        "2. Danh sách ({} dòng)",
        "2. List ({} rows)",
    ),
    (
        "forms_drop_title",
        "Kéo thả tệp chứng thư số (.cer, .p7b) hoặc danh sách (.csv, .xlsx) vào đây",
        "Drop certificate files (.cer, .p7b) or a list (.csv, .xlsx) here",
    ),
    (
        "forms_drop_label",
        "Nạp tệp chứng thư số hoặc danh sách",
        "Load certificate files or a list",
    ),
    (
        "forms_drop_hint",
        "Mỗi chứng thư số thành một dòng: tên, số hiệu, thư điện tử, mã định danh lấy từ chứng thư. Danh sách CSV/XLSX lấy theo tên cột của mẫu. Tệp chỉ được đọc trên máy này.",
        "Each certificate becomes a row: name, serial number, e-mail and ID number are taken from it. A CSV/XLSX list is read by the form's column names. Files are read on this computer only.",
    ),
    ("forms_add_row", "Thêm dòng", "Add row"),
    (
        "forms_import_list",
        "Nhập danh sách CSV/XLSX…",
        "Import a CSV/XLSX list…",
    ),
    (
        "forms_paste_summary",
        "Dán từ bảng tính (Excel)",
        "Paste from a spreadsheet (Excel)",
    ),
    (
        "forms_paste_aria",
        "Các dòng chép từ bảng tính",
        "Rows copied from a spreadsheet",
    ),
    (
        "forms_paste_placeholder",
        "Chép các ô trong Excel (có thể kèm dòng tiêu đề) rồi dán vào đây",
        "Copy the cells in Excel (the header row may come along) and paste them here",
    ),
    (
        "forms_paste_submit",
        "Thêm các dòng đã dán",
        "Add the pasted rows",
    ),
    ("forms_col_number", "STT", "No."),
    ("forms_col_check", "Kiểm tra", "Check"),
    ("forms_col_actions", "Thao tác", "Actions"),
    (
        "forms_checks",
        "Kiểm tra theo quy định",
        "Checks against the rules",
    ),
    (
        "forms_no_problems",
        "✔ Không thấy lỗi nào theo các quy định kiểm tra được.",
        "✔ No errors found against the rules that can be checked.",
    ),
    (
        "forms_problem_counts",
        "{} lỗi, {} lưu ý.",
        "{} errors, {} notes.",
    ),
    ("forms_sev_error", "✖ Lỗi", "✖ Error"),
    ("forms_sev_warning", "! Lưu ý", "! Note"),
    ("forms_basis", " — Căn cứ: ", " — Basis: "),
    ("forms_outputs", "Tải văn bản", "Download the letters"),
    ("forms_preview_hide", "Ẩn bản xem trước", "Hide the preview"),
    ("forms_preview_show", "Xem trước", "Preview"),
    ("forms_print", "In", "Print"),
    ("forms_download_docx", "Tải DOCX", "Download DOCX"),
    ("forms_download_pdf", "Tải PDF", "Download PDF"),
    (
        "forms_download_zip_title",
        "Mỗi mẫu đã có dòng thành một tệp DOCX và một tệp PDF, gói chung trong một tệp ZIP",
        "Each form with rows becomes a DOCX and a PDF file, packed together in one ZIP file",
    ),
    (
        "forms_download_zip",
        "Tải tất cả ({} văn bản, ZIP)",
        "Download all ({} letters, ZIP)",
    ),
    (
        "forms_save_draft",
        "Lưu bản nháp (JSON)",
        "Save the draft (JSON)",
    ),
    ("forms_open_draft", "Mở bản nháp…", "Open a draft…"),
    ("forms_clear", "Xóa dữ liệu", "Clear data"),
    (
        "forms_clear_question",
        "Xóa phần đầu văn bản, mục 1 và mọi dòng của cả chín mẫu khỏi trình duyệt này? Không thể hoàn tác.",
        "Remove the heading, section 1 and every row of all nine forms from this browser? This cannot be undone.",
    ),
    ("forms_clear_yes", "Xóa hết", "Clear everything"),
    ("forms_clear_no", "Thôi", "Cancel"),
    (
        "forms_has_errors",
        "Văn bản còn lỗi theo quy định. ",
        "The letter still breaks the rules. ",
    ),
    (
        "forms_may_be_returned",
        "Cơ quan tiếp nhận có thể trả lại văn bản. Vẫn tải về?",
        "The receiving office may send it back. Download anyway?",
    ),
    ("forms_anyway_docx", "Vẫn tải DOCX", "Download DOCX anyway"),
    ("forms_anyway_pdf", "Vẫn tải PDF", "Download PDF anyway"),
    ("forms_anyway_zip", "Vẫn tải ZIP", "Download ZIP anyway"),
    (
        "forms_anyway_sheet",
        "Vẫn tải bảng nhập liệu",
        "Download the import sheet anyway",
    ),
    ("forms_go_back", "Quay lại sửa", "Go back and fix it"),
    (
        "forms_stored",
        "Dữ liệu đang nhập được lưu tự động trong trình duyệt này (không gửi đi đâu); bấm “Xóa dữ liệu” để xóa.",
        "What you enter is kept automatically in this browser (never sent anywhere); press “Clear data” to remove it.",
    ),
    (
        "forms_not_stored",
        "Trình duyệt không cho lưu dữ liệu tạm: hãy lưu bản nháp thành tệp JSON trước khi đóng trang.",
        "The browser does not allow keeping a temporary copy: save the draft as a JSON file before closing the page.",
    ),
    ("forms_preview", "Bản xem trước", "Preview of the letter"),
    ("forms_row_ok", "✔ Đạt", "✔ OK"),
    ("forms_row_errors", "✖ {} lỗi", "✖ {} errors"),
    ("forms_move_up", "Chuyển lên", "Move up"),
    ("forms_move_down", "Chuyển xuống", "Move down"),
    ("forms_remove_row", "Xóa dòng", "Remove row"),
    (
        "forms_row_source",
        "Từ tệp {} · hết hạn {}",
        "From file {} · expires {}",
    ),
    ("forms_cell_aria", "{} (dòng {})", "{} (row {})"),
    (
        "forms_fetch_failed",
        "không tải được {}",
        "could not load {}",
    ),
    (
        "forms_fetch_not_found",
        "không tìm thấy {} (mã {})",
        "{} not found (status {})",
    ),
    (
        "forms_font_missing",
        "thiếu tệp phông chữ",
        "a font file is missing",
    ),
    (
        "forms_download_refused",
        "Trình duyệt không cho tải tệp.",
        "The browser did not allow the download.",
    ),
    ("forms_made", "Đã tạo {}.", "Made {}."),
    (
        "forms_pdf_failed",
        "Không tạo được PDF: {}.",
        "Could not make the PDF: {}.",
    ),
    (
        "forms_nothing_to_pack",
        "Chưa có văn bản nào có dòng dữ liệu để đóng gói.",
        "No letter has any rows to pack yet.",
    ),
    (
        "forms_packed",
        "Đã đóng gói {} tệp vào {}.",
        "Packed {} files into {}.",
    ),
    (
        "forms_paste_too_wide",
        "Dòng {} có {} ô, nhiều hơn {} cột của mẫu; hãy dán kèm dòng tiêu đề.",
        "Line {} has {} cells, more than the form's {} columns; paste the header row with it.",
    ),
    (
        "forms_import_failed",
        "Không nhập được “{}”: {}",
        "Could not import “{}”: {}",
    ),
    ("forms_at_line", " (dòng {}", " (line {}"),
    ("forms_and_column", ", cột {}", ", column {}"),
    ("forms_at_column", " (cột {})", " (column {})"),
    (
        "forms_rows_kept",
        ". Các dòng đã có trong bảng vẫn giữ nguyên.",
        ". The rows already in the table are kept.",
    ),
    (
        "forms_imported_n",
        "Đã nhập {} dòng từ “{}”.",
        "Imported {} rows from “{}”.",
    ),
    (
        "forms_skipped_n",
        "bỏ qua {} tệp không phải chứng thư số hay danh sách",
        "skipped {} files that are neither certificates nor lists",
    ),
    (
        "forms_read_certs",
        "Đã đọc {} chứng thư số từ {} tệp; thêm {} dòng.",
        "Read {} certificates from {} files; added {} rows.",
    ),
    (
        "forms_left_out_see",
        " {} ({}): xem danh sách bên dưới.",
        " {} ({}): see the list below.",
    ),
    ("forms_notes", " Lưu ý: {}.", " Note: {}."),
    (
        "forms_draft_opened",
        "Đã mở bản nháp “{}” ({}, {} dòng).",
        "Opened the draft “{}” ({}, {} rows).",
    ),
    (
        "forms_draft_failed",
        "Không mở được bản nháp “{}”: {} (dòng {}, cột {}). Dữ liệu đang có vẫn giữ nguyên.",
        "Could not open the draft “{}”: {} (line {}, column {}). The data already entered is kept.",
    ),
    (
        "forms_cleared",
        "Đã xóa mọi dữ liệu văn bản lưu trong trình duyệt này.",
        "Removed all the letters' data kept in this browser.",
    ),
];

#[cfg(test)]
mod tests {
    use super::TEXTS as PAGE_TEXTS;

    /// The tab fills `{}` in order: both languages leave the same number of holes.
    #[test]
    fn page_words_have_the_same_placeholders() {
        for (code, vi, en) in PAGE_TEXTS {
            assert_eq!(vi.matches("{}").count(), en.matches("{}").count(), "{code}");
        }
    }

    /// The tab's English words hold no Vietnamese letter (the letters themselves do).
    #[test]
    fn page_words_in_english_are_english() {
        let vietnamese = |c: char| {
            "àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ"
                .contains(c.to_lowercase().next().unwrap_or(c))
        };
        for (code, _, en) in PAGE_TEXTS {
            assert!(!en.chars().any(vietnamese), "{code}: {en}");
        }
    }
}
