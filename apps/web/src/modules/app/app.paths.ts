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
  plans: '/ke-hoach',
  newPlan: '/ke-hoach/moi',
  /** Starts a unit's own plan from a plan it received (cascade). */
  cascadePlan: (parentId: number, unitId: number) => `/ke-hoach/moi?tu=${parentId}&donvi=${unitId}`,
  plan: (id: number) => `/ke-hoach/${id}`,
  planEditor: (id: number) => `/ke-hoach/${id}/sua`,
  planAssignments: (id: number) => `/ke-hoach/${id}/phan-cong`,
  planTrace: (id: number) => `/ke-hoach/${id}/theo-doi`,
  planExport: (id: number, format: string) => `/api/plans/${id}/export?format=${format}`,
  tasks: '/nhiem-vu',
  taskCalendar: '/nhiem-vu/lich',
  taskProgress: (taskId: number, unitId: number) => `/nhiem-vu/${taskId}/${unitId}`,
  attachment: (id: number) => `/api/attachments/${id}`,
  /** Upload a plan received from another body, then review what was read. */
  planImport: '/nhap-ke-hoach',
  planImportReview: (id: number) => `/nhap-ke-hoach/${id}`,
  /** Campaigns and observances of the year, and the reports due. */
  calendar: '/lich-cong-tac',
  /** Figures: entry grid, progress against targets, the catalogue. */
  figures: '/so-lieu',
  figuresEntry: '/so-lieu/nhap',
  figuresProgress: '/so-lieu/tien-do',
  figuresCatalogue: '/so-lieu/danh-muc',
  /** Reporting rounds: my inbox, opening a round, a round's view, a unit's submission. */
  reporting: '/bao-cao',
  newRound: '/bao-cao/dot-moi',
  round: (id: number) => `/bao-cao/dot/${id}`,
  submission: (id: number) => `/bao-cao/nop/${id}`,
  /** Report templates: the list with versions, one version, the editor (a new version), a new template. */
  reportTemplates: '/bao-cao/mau',
  newReportTemplate: '/bao-cao/mau/moi',
  reportTemplate: (id: number) => `/bao-cao/mau/${id}`,
  reportTemplateEdit: (id: number) => `/bao-cao/mau/${id}/sua`,
  /** Completeness and timeliness, unit × round over years. */
  reportingHeatmap: '/bao-cao/tinh-hinh-nop',
  /** The register of models and clubs. */
  communityModels: '/mo-hinh-cau-lac-bo',
  newCommunityModel: (unitId: number) => `/mo-hinh-cau-lac-bo/moi?donvi=${unitId}`,
  communityModel: (id: number) => `/mo-hinh-cau-lac-bo/${id}`,
  editCommunityModel: (id: number) => `/mo-hinh-cau-lac-bo/${id}/sua`,
  /** The activity log: list, quick entry, one activity, XLSX import; campaigns and observances. */
  activities: '/hoat-dong',
  newActivity: '/hoat-dong/moi',
  activity: (id: number) => `/hoat-dong/${id}`,
  activityImport: '/hoat-dong/nhap-excel',
  campaigns: '/chien-dich',
  /** Activities carrying out a task; a new one for it (with the assigned unit). */
  taskActivities: (taskId: number) => `/hoat-dong?nhiemvu=${taskId}`,
  newTaskActivity: (taskId: number, unitId: number) => `/hoat-dong/moi?nhiemvu=${taskId}&donvi=${unitId}`,
  /** My notices (reminders, returned and accepted reports); the e-mails queued for them. */
  notifications: '/thong-bao',
  outbox: '/hop-thu-di',
};

/** Only our own paths may follow the login, never another site (`//evil.example`, `/\evil.example`). */
export function safeReturnPath(next: string | undefined): string {
  if (!next || !/^\/(?![/\\])/.test(next) || next.startsWith(paths.login)) return paths.home;
  return next;
}
