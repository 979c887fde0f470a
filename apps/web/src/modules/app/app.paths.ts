/** Vietnamese addresses, so a link pasted in a chat reads naturally to the officers. */
export const paths = {
  login: '/dang-nhap',
  home: '/',
  orgUnits: '/don-vi',
  orgUnit: (id: number) => `/don-vi/${id}`,
  users: '/nguoi-dung',
  user: (id: number) => `/nguoi-dung/${id}`,
  audit: '/nhat-ky',
  account: '/tai-khoan',
};

/** Only our own paths may follow the login, never another site (`//evil.example`, `/\evil.example`). */
export function safeReturnPath(next: string | undefined): string {
  if (!next || !/^\/(?![/\\])/.test(next) || next.startsWith(paths.login)) return paths.home;
  return next;
}
