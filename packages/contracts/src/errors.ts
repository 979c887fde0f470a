/**
 * Stable error codes, mapped to HTTP once on the server. The Vietnamese message is the
 * source text; the web shows the message for the code from this catalogue, logs keep the code.
 */
export const errorCatalogue = {
  'request.invalid': {
    status: 400,
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The request is not valid.',
  },
  'request.not_found': { status: 404, vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'No such route.' },
  'request.unavailable': {
    status: 503,
    vi: 'Máy chủ chưa khởi động xong. Vui lòng thử lại sau ít phút.',
    en: 'The server has not finished starting. Try again shortly.',
  },
  'request.too_large': { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.' },
  'auth.unauthenticated': {
    status: 401,
    vi: 'Bạn cần đăng nhập để tiếp tục.',
    en: 'Please sign in to continue.',
  },
  'auth.invalid_credentials': {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  'auth.throttled': {
    status: 429,
    vi: 'Đăng nhập sai nhiều lần. Vui lòng thử lại sau ít giây.',
    en: 'Too many failed sign-ins. Try again in a few seconds.',
  },
  'auth.locked': {
    status: 423,
    vi: 'Tài khoản tạm khoá do đăng nhập sai quá nhiều lần. Vui lòng thử lại sau hoặc liên hệ quản trị viên.',
    en: 'The account is locked after too many failed sign-ins. Try later or ask an administrator.',
  },
  'auth.inactive': {
    status: 403,
    vi: 'Tài khoản đã bị vô hiệu hoá.',
    en: 'The account is disabled.',
  },
  'auth.totp_required': {
    status: 401,
    vi: 'Nhập mã xác thực 6 số từ ứng dụng xác thực.',
    en: 'Enter the 6-digit code from your authenticator app.',
  },
  'auth.totp_invalid': {
    status: 401,
    vi: 'Mã xác thực không đúng hoặc đã hết hạn.',
    en: 'The authentication code is wrong or expired.',
  },
  'auth.totp_not_set_up': {
    status: 409,
    vi: 'Chưa khởi tạo xác thực hai lớp.',
    en: 'Two-factor authentication has not been set up.',
  },
  'auth.csrf_invalid': {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang.',
    en: 'Missing or wrong anti-forgery token. Reload the page.',
  },
  'auth.wrong_password': {
    status: 400,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  'auth.forbidden': {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  'auth.out_of_scope': {
    status: 403,
    vi: 'Đơn vị này nằm ngoài phạm vi được phân quyền của bạn.',
    en: 'This unit is outside the scope of your roles.',
  },
  'orgUnits.not_found': { status: 404, vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' },
  'orgUnits.code_taken': {
    status: 409,
    vi: 'Mã đơn vị đã được dùng cho đơn vị khác.',
    en: 'The unit code is already used.',
  },
  'orgUnits.closed': {
    status: 409,
    vi: 'Đơn vị đã ngừng hoạt động, không thể thay đổi.',
    en: 'The unit is closed and cannot be changed.',
  },
  'orgUnits.invalid_date': {
    status: 400,
    vi: 'Ngày hiệu lực không hợp lệ so với lịch sử của đơn vị.',
    en: 'The effective date conflicts with the unit history.',
  },
  'orgUnits.invalid_parent': {
    status: 400,
    vi: 'Đơn vị cấp trên không hợp lệ.',
    en: 'The parent unit is not valid.',
  },
  'orgUnits.has_open_children': {
    status: 409,
    vi: 'Đơn vị còn đơn vị trực thuộc đang hoạt động; hãy đóng hoặc chuyển chúng trước.',
    en: 'The unit still has open child units.',
  },
  'users.not_found': { status: 404, vi: 'Không tìm thấy người dùng.', en: 'User not found.' },
  'users.username_taken': {
    status: 409,
    vi: 'Tên đăng nhập đã tồn tại.',
    en: 'The username is already taken.',
  },
  'users.cannot_grant': {
    status: 403,
    vi: 'Bạn không thể cấp vai trò này.',
    en: 'You cannot grant this role.',
  },
  'users.grant_not_found': {
    status: 404,
    vi: 'Không tìm thấy quyền đã cấp.',
    en: 'Role grant not found.',
  },
  'users.last_admin': {
    status: 409,
    vi: 'Không thể gỡ quyền quản trị hệ thống cuối cùng.',
    en: 'The last system administrator cannot be removed.',
  },
  'plans.not_found': { status: 404, vi: 'Không tìm thấy kế hoạch.', en: 'Plan not found.' },
  'plans.locked': {
    status: 409,
    vi: 'Kế hoạch đã ban hành nên không sửa được; hãy tạo phiên bản mới để thay thế.',
    en: 'The plan has been issued and cannot be edited; make a new version to supersede it.',
  },
  'plans.conflict': {
    status: 409,
    vi: 'Kế hoạch vừa được người khác lưu. Hãy tải lại để xem bản mới nhất trước khi sửa tiếp.',
    en: 'Someone else saved this plan meanwhile. Reload to see the latest before editing.',
  },
  'plans.invalid_outline': {
    status: 400,
    vi: 'Cấu trúc nội dung kế hoạch không hợp lệ (mục cha không tồn tại hoặc lặp vòng).',
    en: 'The plan outline is not valid (a missing or circular parent item).',
  },
  'plans.not_issued': {
    status: 409,
    vi: 'Kế hoạch chưa ban hành.',
    en: 'The plan has not been issued.',
  },
  'plans.already_cascaded': {
    status: 409,
    vi: 'Đơn vị đã lập kế hoạch thực hiện kế hoạch này rồi.',
    en: 'The unit already has a plan made from this plan.',
  },
  'plans.not_assigned': {
    status: 400,
    vi: 'Kế hoạch cấp trên không giao nhiệm vụ nào cho đơn vị này.',
    en: 'The parent plan assigns no task to this unit.',
  },
  'plans.has_newer_version': {
    status: 409,
    vi: 'Kế hoạch đã có phiên bản mới hơn.',
    en: 'The plan already has a newer version.',
  },
  'plans.invalid_task_reference': {
    status: 400,
    vi: 'Nhiệm vụ gốc không thuộc kế hoạch cấp trên của kế hoạch này.',
    en: 'The source task is not in this plan’s parent plan.',
  },
  'plans.unit_not_found': {
    status: 400,
    vi: 'Đơn vị được giao nhiệm vụ không tồn tại.',
    en: 'An assigned unit does not exist.',
  },
  'legalDocuments.not_found': {
    status: 400,
    vi: 'Văn bản căn cứ không tồn tại trong danh mục.',
    en: 'A cited document is not in the registry.',
  },
  'tasks.not_found': {
    status: 404,
    vi: 'Không tìm thấy nhiệm vụ của đơn vị này.',
    en: 'No such task for this unit.',
  },
  'tasks.conflict': {
    status: 409,
    vi: 'Tiến độ vừa được người khác cập nhật. Hãy tải lại để xem trước khi lưu.',
    en: 'Someone else updated this progress meanwhile. Reload before saving.',
  },
  'tasks.plan_not_issued': {
    status: 409,
    vi: 'Chỉ cập nhật tiến độ cho nhiệm vụ của kế hoạch đã ban hành.',
    en: 'Progress is recorded only for tasks of issued plans.',
  },
  'attachments.too_large': {
    status: 413,
    vi: 'Tệp quá lớn (tối đa 10 MB).',
    en: 'The file is too large (10 MB at most).',
  },
  'attachments.type_not_allowed': {
    status: 415,
    vi: 'Chỉ nhận tệp PDF, Word, Excel, ảnh JPG/PNG hoặc văn bản TXT.',
    en: 'Only PDF, Word, Excel, JPG/PNG images or TXT files are accepted.',
  },
  'attachments.missing_file': {
    status: 400,
    vi: 'Chưa chọn tệp để tải lên.',
    en: 'No file was chosen.',
  },
  'attachments.not_found': { status: 404, vi: 'Không tìm thấy tệp minh chứng.', en: 'Attachment not found.' },
  'imports.unsupported_file': {
    status: 415,
    vi: 'Không nhận dạng được tệp. Hãy gửi văn bản dạng .docx, .pdf (có lớp chữ) hoặc .txt (UTF-8).',
    en: 'Unrecognised file. Send the document as .docx, .pdf with a text layer, or UTF-8 .txt.',
  },
  'imports.encrypted_pdf': {
    status: 422,
    vi: 'Tệp PDF được đặt mật khẩu nên không đọc được nội dung. Hãy gửi bản không khoá.',
    en: 'The PDF is password-protected, so its text cannot be read. Send an unlocked copy.',
  },
  'imports.no_text_layer': {
    status: 422,
    vi: 'Tệp PDF chỉ gồm ảnh chụp, không có lớp chữ. Hãy gửi bản PDF xuất từ Word hoặc tệp .docx.',
    en: 'The PDF holds only scanned images, no text layer. Send a PDF exported from Word, or the .docx.',
  },
  'imports.unreadable': {
    status: 422,
    vi: 'Tệp bị hỏng hoặc không đọc được nội dung.',
    en: 'The file is damaged or its content cannot be read.',
  },
  'imports.empty_document': {
    status: 422,
    vi: 'Văn bản không có nội dung chữ.',
    en: 'The document contains no text.',
  },
  'plans.pdf_unavailable': {
    status: 503,
    vi: 'Máy chủ chưa cài LibreOffice nên chưa xuất được PDF. Hãy tải bản DOCX hoặc nhờ quản trị viên cài gói libreoffice-writer.',
    en: 'LibreOffice is not installed on the server, so PDF export is unavailable. Download the DOCX or ask an administrator to install libreoffice-writer.',
  },
  'plans.pdf_failed': {
    status: 500,
    vi: 'Chuyển kế hoạch sang PDF không thành công. Hãy thử lại hoặc tải bản DOCX.',
    en: 'Converting the plan to PDF failed. Try again or download the DOCX.',
  },
  'imports.not_found': {
    status: 404,
    vi: 'Không tìm thấy văn bản đã tải lên.',
    en: 'Uploaded document not found.',
  },
  'imports.too_large': {
    status: 413,
    vi: 'Tệp quá lớn (tối đa 20 MB).',
    en: 'The file is too large (20 MB at most).',
  },
  'imports.receiving_unit_not_found': {
    status: 400,
    vi: 'Đơn vị nhận văn bản không tồn tại.',
    en: 'The receiving unit does not exist.',
  },
  'imports.already_accepted': {
    status: 409,
    vi: 'Văn bản này đã được tiếp nhận thành kế hoạch.',
    en: 'This upload has already been accepted as a plan.',
  },
  'imports.duplicate': {
    status: 409,
    vi: 'Đơn vị đã tiếp nhận văn bản này trước đó; không tạo thêm kế hoạch thứ hai.',
    en: 'The unit has already accepted this document; no second plan is made.',
  },
  'imports.discarded': {
    status: 409,
    vi: 'Văn bản đã bị hủy tiếp nhận. Hãy tải lên lại nếu cần.',
    en: 'This upload was discarded. Upload the document again if needed.',
  },
  'figures.invalid_input': {
    status: 400,
    vi: 'Số liệu gửi lên không hợp lệ; chưa có số liệu nào được lưu.',
    en: 'The figures are not valid; nothing was saved.',
  },
  'figures.validation_failed': {
    status: 422,
    vi: 'Số liệu không qua được kiểm tra (lỗi, hoặc cảnh báo chưa có giải trình); chưa có số liệu nào được lưu.',
    en: 'The figures failed validation (errors, or warnings without a comment); nothing was saved.',
  },
  'figures.locked': {
    status: 409,
    vi: 'Có số liệu thuộc báo cáo đã nộp hoặc đã được duyệt nên không sửa được; chưa có số liệu nào được lưu.',
    en: 'Some figures belong to a submitted or accepted report and cannot be changed; nothing was saved.',
  },
  'indicators.not_found': { status: 404, vi: 'Không tìm thấy chỉ số.', en: 'Indicator not found.' },
  'indicators.form_not_found': {
    status: 404,
    vi: 'Không tìm thấy biểu nhập số liệu.',
    en: 'Data entry form not found.',
  },
  'indicators.code_taken': {
    status: 409,
    vi: 'Mã đã được dùng trong danh mục.',
    en: 'The code is already used in the catalogue.',
  },
  'indicators.invalid_formula': {
    status: 400,
    vi: 'Công thức không hợp lệ.',
    en: 'The formula is not valid.',
  },
  'reporting.template_not_found': {
    status: 404,
    vi: 'Không tìm thấy mẫu báo cáo.',
    en: 'Report template not found.',
  },
  'reporting.round_not_found': {
    status: 404,
    vi: 'Không tìm thấy đợt báo cáo.',
    en: 'Reporting round not found.',
  },
  'reporting.submission_not_found': {
    status: 404,
    vi: 'Không tìm thấy báo cáo của đơn vị.',
    en: 'Submission not found.',
  },
  'reporting.invalid_round': {
    status: 400,
    vi: 'Thông tin đợt báo cáo không hợp lệ.',
    en: 'The reporting round is not valid.',
  },
  'reporting.conflict': {
    status: 409,
    vi: 'Báo cáo vừa được người khác lưu nên bản của bạn chưa được lưu. Nội dung bạn nhập vẫn còn trên màn hình: hãy sao lại phần đã sửa, tải bản mới nhất, đối chiếu rồi lưu lại.',
    en: 'Someone else saved this report meanwhile, so yours was not saved. Your text is still on screen: copy your changes, reload the latest and save again.',
  },
  'reporting.locked': {
    status: 409,
    vi: 'Báo cáo đã được duyệt nên không sửa được nữa.',
    en: 'The report has been accepted and is locked.',
  },
  'reporting.not_editable': {
    status: 409,
    vi: 'Báo cáo đã nộp, đang chờ duyệt nên không sửa được; nếu cần sửa, đề nghị đơn vị tổng hợp trả lại.',
    en: 'The report is awaiting review and cannot be edited; ask the consolidating unit to return it.',
  },
  'reporting.round_closed': {
    status: 409,
    vi: 'Đợt báo cáo đã khoá sổ: không nộp, trả lại hay duyệt thêm được. Nếu cần, đơn vị tổng hợp mở lại đợt báo cáo.',
    en: 'The round is closed: nothing more can be submitted, returned or accepted. The consolidating unit can reopen it.',
  },
  'reporting.invalid_transition': {
    status: 409,
    vi: 'Chỉ duyệt được báo cáo đã nộp đang chờ duyệt; chỉ trả lại được báo cáo đã nộp hoặc đã duyệt.',
    en: 'Only a submitted report can be accepted; only a submitted or accepted report can be returned.',
  },
  'reportTemplates.invalid': {
    status: 400,
    vi: 'Mẫu báo cáo chưa hợp lệ; chưa có thay đổi nào được lưu.',
    en: 'The report template is not valid; nothing was saved.',
  },
  'reportTemplates.conflict': {
    status: 409,
    vi: 'Mẫu báo cáo vừa có phiên bản mới do người khác lưu nên bản của bạn chưa được lưu. Nội dung bạn sửa vẫn còn trên màn hình: hãy mở phiên bản mới nhất, đối chiếu rồi lưu lại.',
    en: 'Someone else saved a newer version of this template meanwhile, so yours was not saved. Your changes are still on screen: open the latest version, compare and save again.',
  },
  'reportTemplates.code_taken': {
    status: 409,
    vi: 'Mã mẫu báo cáo đã được dùng cho mẫu khác.',
    en: 'The template code is already used.',
  },
  'communityModels.not_found': {
    status: 404,
    vi: 'Không tìm thấy mô hình, câu lạc bộ.',
    en: 'Model or club not found.',
  },
  'communityModels.conflict': {
    status: 409,
    vi: 'Mô hình, câu lạc bộ vừa được người khác cập nhật nên thay đổi của bạn chưa được lưu. Nội dung bạn nhập vẫn còn trên màn hình: hãy tải lại bản mới nhất, đối chiếu rồi lưu lại.',
    en: 'Someone else updated this model or club meanwhile, so your change was not saved. Your input is still on screen: reload the latest, compare and save again.',
  },
  'notifications.not_found': {
    status: 404,
    vi: 'Không tìm thấy thông báo.',
    en: 'Notification not found.',
  },
  'activities.not_found': {
    status: 404,
    vi: 'Không tìm thấy hoạt động.',
    en: 'Activity not found.',
  },
  'activities.conflict': {
    status: 409,
    vi: 'Hoạt động vừa được người khác sửa nên bản của bạn chưa được lưu. Hãy tải lại để xem bản mới nhất rồi sửa tiếp.',
    en: 'Someone else changed this activity meanwhile, so yours was not saved. Reload to see the latest before editing.',
  },
  'activities.invalid': {
    status: 400,
    vi: 'Thông tin hoạt động chưa hợp lệ; chưa có gì được lưu.',
    en: 'The activity is not valid; nothing was saved.',
  },
  'activities.import_invalid': {
    status: 422,
    vi: 'Tệp có dòng chưa hợp lệ nên chưa nhập hoạt động nào. Hãy sửa các dòng được liệt kê rồi nhập lại cả tệp.',
    en: 'Some rows are not valid, so no activity was imported. Fix the rows listed and import the whole file again.',
  },
  'activities.import_unreadable': {
    status: 422,
    vi: 'Không đọc được tệp Excel. Hãy dùng mẫu tải về từ hệ thống và lưu dưới dạng .xlsx.',
    en: 'The Excel file cannot be read. Use the template from the system and save it as .xlsx.',
  },
  'activities.import_duplicate': {
    status: 409,
    vi: 'Tệp này đã được nhập cho đơn vị trước đó. Nếu đúng là cần nhập thêm một lần nữa, hãy xác nhận nhập lại.',
    en: 'This file has already been imported for the unit. Confirm to import it once more.',
  },
  'campaigns.not_found': {
    status: 404,
    vi: 'Không tìm thấy chiến dịch, đợt cao điểm.',
    en: 'Campaign not found.',
  },
  'campaigns.conflict': {
    status: 409,
    vi: 'Chiến dịch vừa được người khác sửa. Hãy tải lại để xem bản mới nhất rồi sửa tiếp.',
    en: 'Someone else changed this campaign meanwhile. Reload before editing.',
  },
  'campaigns.observance_fixed': {
    status: 409,
    vi: 'Các ngày kỷ niệm, tháng hành động toàn quốc do hệ thống lập hằng năm, không sửa được; hãy lập chiến dịch của đơn vị.',
    en: 'National observances are made by the system every year and cannot be edited; make a campaign of your unit instead.',
  },
  'server.internal': {
    status: 500,
    vi: 'Hệ thống gặp lỗi, thao tác chưa được thực hiện. Vui lòng thử lại.',
    en: 'Something went wrong; nothing was changed. Please try again.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field-level problems for `request.invalid`, with Vietnamese messages. */
    issues?: { path: string; message: string }[];
    /** Seconds to wait before retrying, for `auth.throttled` and `auth.locked`. */
    retryAfterSeconds?: number;
    /** For `imports.duplicate`: the plan the unit already made from the same document. */
    planId?: number;
    /** For `figures.validation_failed`: the validation messages (indicators.ts `validationMessage`). */
    validation?: unknown[];
  };
}
