//! Words for the codes of one domain. The Decree 68 letters (src/forms): forms, rules, import and output errors.

/// (code, Vietnamese, English). Codes are unique across all tables; a test checks it.
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
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
];
