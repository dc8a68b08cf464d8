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
        "Lời văn của mẫu này chưa được xác nhận: không tìm thấy văn bản mẫu hiện hành, nên được dựng theo mẫu gần nhất đã xác nhận. Hãy đối chiếu trước khi gửi (văn bản in ra không ghi dòng này)",
        "The wording of this form is not confirmed: no current text of it was found, so it is built from the closest confirmed form. Check it before sending (the printed letter does not carry this note)",
    ),
    (
        "form_rule_required",
        "Chưa điền thông tin bắt buộc",
        "A required field is empty",
    ),
    (
        "form_rule_one_of_required",
        "Cần ít nhất một trong các thông tin: mã số thuế hoặc mã quan hệ ngân sách",
        "At least one of the tax code or budget code is needed",
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
        "Kiểm tra lại ngày sinh: người đề nghị dưới 18 hoặc trên 100 tuổi vào ngày lập văn bản",
        "Check the birth date: the holder is under 18 or over 100 on the letter's date",
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
        "Không thể đề nghị gia hạn: chứng thư phải còn hiệu lực ít nhất {} ngày",
        "Renewal is not possible: at least {} days of validity must remain",
    ),
    (
        "form_rule_change_days",
        "Không thể đề nghị thay đổi thông tin: chứng thư phải còn hiệu lực ít nhất {} ngày",
        "A change of details is not possible: at least {} days of validity must remain",
    ),
    (
        "form_rule_renewal_unchecked",
        "Chưa kiểm tra được thời hạn còn lại: hãy thêm tệp chứng thư số (.cer) của dòng này",
        "The remaining validity cannot be checked: add this row's certificate file (.cer)",
    ),
    (
        "form_rule_renewed_already",
        "Không thể gia hạn: chứng thư này đã được gia hạn (có chứng thư sau cùng chủ thể, cùng khóa, hạn dùng muộn hơn); mỗi chứng thư chỉ được gia hạn 01 lần",
        "Renewal is not possible: this certificate was already renewed (a later one has the same subject and key); a certificate is renewed once only",
    ),
    (
        "form_rule_renewal_once",
        "Mỗi chứng thư chỉ được gia hạn 01 lần: nếu chứng thư này đã được gia hạn, hãy đề nghị cấp mới",
        "A certificate is renewed once only: if this one was already renewed, request a new one",
    ),
    (
        "form_rule_renewal_tight",
        "Chỉ còn 30-35 ngày: Cục cần thời gian xử lý, hãy gửi ngay hoặc cân nhắc đề nghị cấp mới",
        "Only 30-35 days left: the CA needs time to process it; send it now or consider a new certificate",
    ),
    (
        "form_rule_cmnd_expired",
        "Số CMND chỉ có giá trị đến hết 31/12/2024: hãy ghi số căn cước (CCCD)",
        "A CMND number is valid only until 31/12/2024: write the căn cước (CCCD) number",
    ),
    (
        "form_rule_province_merged",
        "Tỉnh này đã được sắp xếp từ 01/7/2025; tên hiện nay",
        "This province was merged on 01/7/2025; its name now",
    ),
    (
        "form_rule_province_unknown",
        "Không thuộc danh sách 34 tỉnh, thành phố từ 01/7/2025: kiểm tra lại",
        "Not one of the 34 provinces and cities since 01/7/2025: check it",
    ),
    (
        "form_rule_cert_names_stale",
        "Chứng thư còn ghi huyện/quận/thị xã hoặc tỉnh đã sắp xếp: cần thay đổi thông tin (Mẫu 04) hoặc thu hồi (Mẫu 05)",
        "The certificate still names a district or a merged province: it needs a change of details (form 04) or revocation (form 05)",
    ),
    (
        "fill_left_out_ca",
        "chứng thư của tổ chức cung cấp dịch vụ (CA), không phải thuê bao",
        "a CA certificate, not a subscriber",
    ),
    (
        "fill_left_out_kind",
        "chủ thể không thuộc loại của mẫu này",
        "the holder is not of this form's kind",
    ),
    (
        "fill_left_out_unknown",
        "không xác định được chủ thể là cá nhân, tổ chức hay thiết bị",
        "it cannot be told whether the holder is a person, an agency or a device",
    ),
    (
        "forms_left_out",
        "Không đưa vào văn bản",
        "Left out of the letter",
    ),
    ("forms_addressee", "Nơi gửi văn bản", "Send the letter to"),
    (
        "forms_addressee_cuc",
        "Cục Chứng thực số và Bảo mật thông tin",
        "Cục Chứng thực số và Bảo mật thông tin (the CA)",
    ),
    (
        "forms_addressee_so",
        "Sở Khoa học và Công nghệ tỉnh, thành phố",
        "The provincial Department of Science and Technology",
    ),
    (
        "forms_addressee_province",
        "Tỉnh, thành phố",
        "Province or city",
    ),
    (
        "forms_addressee_hint",
        "Từ Công văn 23/BCY-CTSBMTT (14/01/2025), nhiều tỉnh nhận đề nghị gia hạn, thay đổi thông tin và khôi phục thiết bị PKI token tại Sở Khoa học và Công nghệ; khôi phục SIM PKI vẫn gửi Cục",
        "Since BCY letter 23/BCY-CTSBMTT (14/01/2025) many provinces take renewal, change and PKI-token recovery at their Department of Science and Technology; SIM PKI recovery still goes to the CA",
    ),
    (
        "forms_central_signing",
        "Cá nhân sử dụng giải pháp ký số tập trung (ký số từ xa)",
        "Holders use central (remote) signing",
    ),
    (
        "forms_signer_title",
        "Chức vụ người ký (mỗi dòng một dòng in, ví dụ: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)",
        "Signer's title, in Vietnamese as printed on the letter: one line per printed line (e.g. the delegation line, then the title)",
    ),
    (
        "forms_sign_prompt",
        "Người đứng đầu cơ quan, tổ chức quản lý trực tiếp ký, đóng dấu và ghi rõ họ tên trên văn bản in",
        "The head of the managing body signs, stamps and writes the name on the printed letter",
    ),
    (
        "forms_loss_date",
        "Ngày thất lạc thiết bị",
        "Date the device was lost",
    ),
    (
        "forms_loss_place",
        "Nơi thất lạc thiết bị",
        "Where the device was lost",
    ),
    (
        "forms_09_then_05",
        "Biên bản thất lạc không phải là đề nghị thu hồi: hãy lập Mẫu 05 (lý do: thiết bị lưu khóa bí mật bị thất lạc) với các dòng này",
        "The lost-device record is not a revocation request: make a form 05 (reason: device lost) with these rows",
    ),
    (
        "forms_make_05",
        "Lập Mẫu 05 từ biên bản này",
        "Make form 05 from this record",
    ),
    (
        "forms_export_sheet",
        "Tải bảng nhập liệu của Cục (.xlsx)",
        "Download the CA's import sheet (.xlsx)",
    ),
    (
        "form_rule_letter_date",
        "Ngày văn bản phải ghi theo dạng dd/mm/yyyy",
        "The letter's date must be dd/mm/yyyy",
    ),
    (
        "import_ca_sheet_not_01",
        "Đây là bảng nhập liệu của Cục (19 cột) cho cá nhân: hãy nhập vào Mẫu 01",
        "This is the CA's import sheet (19 columns) for individuals: import it into form 01",
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
