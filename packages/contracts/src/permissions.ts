/**
 * Roles and the permissions they carry. A role is granted on a unit and covers its subtree
 * (DESIGN.md, "Authorization by scope"); `system_admin` is granted without a unit and covers
 * everything.
 */
export const roles = ['system_admin', 'unit_admin', 'planner', 'reporter', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'orgUnits.read',
  'orgUnits.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'plans.read',
  'plans.write',
  'plans.issue',
  'tasks.progress',
  'figures.read',
  'figures.write',
  'targets.manage',
  'catalogue.manage',
  'reports.read',
  'reports.submit',
  'rounds.manage',
  // Report templates are shared by every unit's rounds, so editing them is the system admin's
  // alone (no role below carries it); a unit admin asks the system admin for a new version.
  'templates.manage',
  'communityModels.read',
  'communityModels.write',
  // The activity log: read by a unit's subtree readers and the units above; written like progress.
  'activities.read',
  'activities.write',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  system_admin: permissions,
  unit_admin: [
    'orgUnits.read',
    'orgUnits.manage',
    'users.read',
    'users.manage',
    'audit.read',
    'plans.read',
    'plans.write',
    'plans.issue',
    'tasks.progress',
    'figures.read',
    'figures.write',
    'targets.manage',
    'reports.read',
    'reports.submit',
    'rounds.manage',
    'communityModels.read',
    'communityModels.write',
    'activities.read',
    'activities.write',
  ],
  planner: [
    'orgUnits.read',
    'plans.read',
    'plans.write',
    'plans.issue',
    'tasks.progress',
    'figures.read',
    'figures.write',
    'targets.manage',
    'reports.read',
    'reports.submit',
    'rounds.manage',
    'communityModels.read',
    'communityModels.write',
    'activities.read',
    'activities.write',
  ],
  // A commune's reporter drafts the commune's own plan from the province's and reports progress;
  // issuing it is for a planner or the unit's administrator.
  // A reporter writes and submits its unit's reports; opening rounds, returning and accepting
  // reports is for the consolidating unit's planners and administrators.
  reporter: [
    'orgUnits.read',
    'plans.read',
    'plans.write',
    'tasks.progress',
    'figures.read',
    'figures.write',
    'reports.read',
    'reports.submit',
    'communityModels.read',
    'communityModels.write',
    'activities.read',
    'activities.write',
  ],
  viewer: [
    'orgUnits.read',
    'plans.read',
    'figures.read',
    'reports.read',
    'communityModels.read',
    'activities.read',
  ],
};

/** Roles a unit admin may hand out inside their subtree; only a system admin makes admins of the system. */
export const grantableByUnitAdmin: readonly Role[] = ['unit_admin', 'planner', 'reporter', 'viewer'];

export const roleLabels: Record<Role, { vi: string; en: string }> = {
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  unit_admin: { vi: 'Quản trị đơn vị', en: 'Unit administrator' },
  planner: { vi: 'Cán bộ kế hoạch, tổng hợp', en: 'Planner' },
  reporter: { vi: 'Cán bộ nhập liệu, báo cáo', en: 'Reporter' },
  viewer: { vi: 'Người xem', en: 'Viewer' },
};
