/**
 * Demo accounts, one per role, made only in demo mode (`npm start`). The password is `demo`
 * for all of them; a real deployment has none of these and starts with `cli user add`. Their
 * e-mail addresses are under the reserved `.example` domain, so a demo started with SMTP
 * configured can never mail a real person.
 */
export const demoAccounts = [
  {
    username: 'admin',
    email: 'admin@binhdang.example',
    password: 'demo',
    description: 'Quản trị hệ thống (toàn quốc)',
    role: 'system_admin',
    unitCode: null,
  },
  {
    username: 'quantri.laichau',
    email: 'quantri.laichau@binhdang.example',
    password: 'demo',
    description: 'Quản trị đơn vị — Tỉnh Lai Châu',
    role: 'unit_admin',
    unitCode: '12',
  },
  {
    username: 'kehoach.laichau',
    email: 'kehoach.laichau@binhdang.example',
    password: 'demo',
    description: 'Cán bộ kế hoạch, tổng hợp — Tỉnh Lai Châu (Sở Nội vụ)',
    role: 'planner',
    unitCode: '12',
  },
  {
    username: 'baocao.muongte',
    email: 'baocao.muongte@binhdang.example',
    password: 'demo',
    description: 'Cán bộ báo cáo — Xã Mường Tè, Lai Châu',
    role: 'reporter',
    unitCode: '03445',
  },
  {
    username: 'xem.laichau',
    email: 'xem.laichau@binhdang.example',
    password: 'demo',
    description: 'Người xem — Tỉnh Lai Châu',
    role: 'viewer',
    unitCode: '12',
  },
] as const;
