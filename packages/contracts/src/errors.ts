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
  };
}
