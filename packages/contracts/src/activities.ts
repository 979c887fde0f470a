// Contract for activities and campaigns (issue 7) — routes listed below.
/*
 * All paths are under `/api`. "any unit" = the permission on at least one unit; the scope
 * (which units) is checked by the server and answered 403 `auth.out_of_scope`.
 *
 * | method | path                                            | permission       | request / response                 |
 * | ------ | ----------------------------------------------- | ---------------- | ---------------------------------- |
 * | GET    | /activities                                     | activities.read  | activityListQuery → activityList   |
 * | POST   | /activities                                     | activities.write | activityInput → activity (201)     |
 * | GET    | /activities/links                               | activities.read  | activityLinksQuery → activityLinks |
 * | GET    | /activities/template.xlsx                       | activities.write | the XLSX template workbook         |
 * | POST   | /activities/import                              | activities.write | multipart → activityImportResult   |
 * | GET    | /activities/{id}                                | activities.read  | activity                           |
 * | PUT    | /activities/{id}                                | activities.write | activityUpdateInput → activity     |
 * | DELETE | /activities/{id}?revision=                      | activities.write | → { deleted: true }                |
 * | POST   | /activities/{id}/files                          | activities.write | multipart `file` → attachment (201)|
 * | GET    | /activity-files/{id}                            | activities.read  | the file                           |
 * | GET    | /campaigns                                      | activities.read  | campaignListQuery → campaignList   |
 * | POST   | /campaigns                                      | activities.write | campaignInput → campaign (201)     |
 * | GET    | /campaigns/{id}                                 | activities.read  | campaign (with results)            |
 * | PUT    | /campaigns/{id}                                 | activities.write | campaignUpdateInput → campaign     |
 * | GET    | /calendar                                       | activities.read  | calendarQuery → calendar           |
 * | GET    | /calendar.ics                                   | activities.read  | calendarQuery → text/calendar      |
 * | GET    | /reporting/submissions/{id}/activity-cells      | reports.read     | activityCellQuery → activityCell   |
 * | GET    | /reporting/rounds/{id}/activity-cells           | reports.read     | roundActivityCellQuery → …         |
 *
 * Scope: an activity belongs to its unit. It is written by `activities.write` on that unit
 * (planners and reporters, like progress) and read by `activities.read` on it or a unit above.
 * Edits carry the revision the editor loaded: a stale one is refused with 409
 * `activities.conflict` and changes nothing. Deleting keeps the row (marked deleted) so that a
 * submitted report's snapshot still names it.
 *
 * Campaigns: the national observances (the Action Month 15/11–15/12, June's family-violence
 * prevention month, 8/3, 28/6, 20/10, 25/11) exist for every year by themselves: the server makes
 * a year's rows the first time they are needed (one row per observance and year, whatever runs at
 * once). A unit's own campaign (its part in an observance, or one of its own) has a plan of
 * origin, a launch day and results computed from the activities logged against it.
 *
 * Activity tables of a report template carry `source: 'activities'` (figure tables have no
 * `source`, or `source: 'figures'`): see `activityTableDefinition`.
 */
import { z } from 'zod';
import { cleanText, isoDate } from './org-units.ts';

const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

/* ------------------------------------------------------------------ kinds, codes */

export const activityKinds = [
  'communication',
  'training',
  'talk',
  'contest',
  'club_meeting',
  'campaign_event',
  'media_product',
  'other',
] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Labels, and the short code the XLSX template uses (a column of codes is quicker to type). */
export const activityKindLabels: Record<ActivityKind, { vi: string; en: string; code: string }> = {
  communication: {
    vi: 'Truyền thông trực tiếp, sự kiện truyền thông',
    en: 'Communication event',
    code: 'TT',
  },
  training: { vi: 'Tập huấn, bồi dưỡng', en: 'Training', code: 'TH' },
  talk: { vi: 'Nói chuyện chuyên đề, tọa đàm, hội thảo', en: 'Talk or seminar', code: 'TD' },
  contest: { vi: 'Hội thi, cuộc thi', en: 'Contest', code: 'HT' },
  club_meeting: { vi: 'Sinh hoạt câu lạc bộ, mô hình', en: 'Club or model meeting', code: 'CLB' },
  campaign_event: { vi: 'Lễ phát động, mít tinh, diễu hành', en: 'Campaign event', code: 'PD' },
  media_product: {
    vi: 'Sản phẩm truyền thông (tin, bài, phóng sự, tờ rơi)',
    en: 'Media product',
    code: 'SP',
  },
  other: { vi: 'Hoạt động khác', en: 'Other', code: 'K' },
};

export const targetGroups = [
  'officials',
  'union_members',
  'students',
  'community',
  'women',
  'men',
  'children',
  'religious_leaders',
  'businesses',
] as const;
export type TargetGroup = (typeof targetGroups)[number];
export const targetGroupLabels: Record<TargetGroup, { vi: string; en: string; code: string }> = {
  officials: { vi: 'Cán bộ, công chức, viên chức', en: 'Officials', code: 'CB' },
  union_members: { vi: 'Hội viên, đoàn viên', en: 'Union members', code: 'HV' },
  students: { vi: 'Học sinh, sinh viên', en: 'Students', code: 'HS' },
  community: { vi: 'Người dân cộng đồng', en: 'Community', code: 'ND' },
  women: { vi: 'Phụ nữ, trẻ em gái', en: 'Women and girls', code: 'PN' },
  men: { vi: 'Nam giới, trẻ em trai', en: 'Men and boys', code: 'NG' },
  children: { vi: 'Trẻ em', en: 'Children', code: 'TE' },
  religious_leaders: {
    vi: 'Người có uy tín, chức sắc tôn giáo',
    en: 'Village elders, religious leaders',
    code: 'UT',
  },
  businesses: { vi: 'Doanh nghiệp, người lao động', en: 'Businesses and workers', code: 'DN' },
};

/** Participants at one grain, as the indicator catalogue's sex × ethnicity option combos. */
export const participantKeys = ['male.kinh', 'male.minority', 'female.kinh', 'female.minority'] as const;
export type ParticipantKey = (typeof participantKeys)[number];
export const participantLabels: Record<ParticipantKey, { vi: string; en: string }> = {
  'male.kinh': { vi: 'Nam – Kinh', en: 'Male – Kinh' },
  'male.minority': { vi: 'Nam – DTTS', en: 'Male – minority' },
  'female.kinh': { vi: 'Nữ – Kinh', en: 'Female – Kinh' },
  'female.minority': { vi: 'Nữ – DTTS', en: 'Female – minority' },
};

/** The catalogue's `age` options (seed/indicators.ts). */
export const ageGroups = ['age_0_15', 'age_16_30', 'age_31_59', 'age_60_plus'] as const;
export type AgeGroup = (typeof ageGroups)[number];
export const ageGroupLabels: Record<AgeGroup, { vi: string; en: string }> = {
  age_0_15: { vi: 'Dưới 16 tuổi', en: 'Under 16' },
  age_16_30: { vi: 'Từ 16 đến 30 tuổi', en: '16–30' },
  age_31_59: { vi: 'Từ 31 đến 59 tuổi', en: '31–59' },
  age_60_plus: { vi: 'Từ 60 tuổi trở lên', en: '60 and over' },
};

/** National observances, the same every year (../shared/data/observances.json). */
export const observances = [
  'womens_day',
  'family_violence_month',
  'family_day',
  'vietnamese_womens_day',
  'action_month',
  'end_violence_day',
] as const;
export type Observance = (typeof observances)[number];
export const observanceDates: Record<
  Observance,
  { vi: string; en: string; from: string; to: string; code: string }
> = {
  womens_day: {
    vi: 'Ngày Quốc tế Phụ nữ',
    en: "International Women's Day",
    from: '03-08',
    to: '03-08',
    code: '8/3',
  },
  family_violence_month: {
    vi: 'Tháng hành động quốc gia về phòng, chống bạo lực gia đình',
    en: 'National family-violence prevention month',
    from: '06-01',
    to: '06-30',
    code: 'BLGD',
  },
  family_day: {
    vi: 'Ngày Gia đình Việt Nam',
    en: 'Vietnamese Family Day',
    from: '06-28',
    to: '06-28',
    code: '28/6',
  },
  vietnamese_womens_day: {
    vi: 'Ngày Phụ nữ Việt Nam',
    en: "Vietnamese Women's Day",
    from: '10-20',
    to: '10-20',
    code: '20/10',
  },
  action_month: {
    vi: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
    en: 'Action Month for gender equality and gender-based violence prevention',
    from: '11-15',
    to: '12-15',
    code: 'THD',
  },
  end_violence_day: {
    vi: 'Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ',
    en: 'International Day for the Elimination of Violence against Women',
    from: '11-25',
    to: '11-25',
    code: '25/11',
  },
};

/* --------------------------------------------------------------------- activities */

const count = z
  .number()
  .int({ message: 'Phải là số nguyên.' })
  .min(0, { message: 'Không được âm.' })
  .max(1_000_000);
const money = z.number().int({ message: 'Kinh phí tính bằng đồng, không có phần lẻ.' }).min(0).max(1e13);

export const participantsInput = z.strictObject({
  'male.kinh': count.default(0),
  'male.minority': count.default(0),
  'female.kinh': count.default(0),
  'female.minority': count.default(0),
});
export type Participants = Record<ParticipantKey, number>;

const activityFields = {
  kind: z.enum(activityKinds),
  title: cleanText(3, 500),
  startsOn: isoDate,
  /** Defaults to the start day (a one-day activity). */
  endsOn: isoDate.nullable().default(null),
  /** A commune or ward of the registry. */
  placeUnitId: z.number().int().positive().nullable().default(null),
  placeText: cleanText(0, 300).nullable().default(null),
  taskIds: z.array(z.number().int().positive()).max(20).default([]),
  campaignId: z.number().int().positive().nullable().default(null),
  participants: participantsInput.default({
    'male.kinh': 0,
    'male.minority': 0,
    'female.kinh': 0,
    'female.minority': 0,
  }),
  ageGroup: z.enum(ageGroups).nullable().default(null),
  targetGroups: z.array(z.enum(targetGroups)).max(targetGroups.length).default([]),
  costState: money.default(0),
  costNonState: money.default(0),
  minorityLanguage: z.boolean().default(false),
  note: cleanText(0, 4000).nullable().default(null),
};

// Built with .extend(), not by spreading the fields: a spread would keep the schemas in the web
// bundle (apps/web/src/modules/app/app.bundle.test.ts).
export const activityInput = z
  .strictObject({ orgUnitId: z.number().int().positive() })
  .extend(activityFields);
export type ActivityInput = z.input<typeof activityInput>;
export const activityUpdateInput = z
  .strictObject({ revision: z.number().int().min(1) })
  .extend(activityFields);
export type ActivityUpdateInput = z.input<typeof activityUpdateInput>;

export const activityIdParam = z.object({ id: z.coerce.number().int().positive() });
export const activityDeleteQuery = z.object({ revision: z.coerce.number().int().min(1) });

export const activityTaskRef = z.object({
  id: z.number().int(),
  ref: z.string(),
  text: z.string(),
  plan: z.object({ id: z.number().int(), documentNumber: z.string(), title: z.string(), orgUnit: unitRef }),
  /** The assignment to open its progress page with, when the activity's unit (or one above it) carries the task. */
  assignedUnitId: z.number().int().nullable(),
});
export type ActivityTaskRef = z.infer<typeof activityTaskRef>;

export const campaignRef = z.object({
  id: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  observance: z.enum(observances).nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  orgUnit: unitRef.nullable(),
});
export type CampaignRef = z.infer<typeof campaignRef>;

export const activityRow = z.object({
  id: z.number().int(),
  orgUnit: unitRef,
  kind: z.enum(activityKinds),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string().nullable(),
  campaign: campaignRef.pick({ id: true, name: true }).nullable(),
  participants: z.record(z.enum(participantKeys), z.number().int()),
  participantTotal: z.number().int(),
  costState: z.number(),
  costNonState: z.number(),
  minorityLanguage: z.boolean(),
  taskCount: z.number().int(),
  fileCount: z.number().int(),
});
export type ActivityRow = z.infer<typeof activityRow>;

export const activityFile = z.object({
  id: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});

export const activity = activityRow.extend({
  placeUnit: unitRef.nullable(),
  placeText: z.string().nullable(),
  tasks: z.array(activityTaskRef),
  campaign: campaignRef.nullable(),
  ageGroup: z.enum(ageGroups).nullable(),
  targetGroups: z.array(z.enum(targetGroups)),
  note: z.string().nullable(),
  files: z.array(activityFile),
  revision: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  importId: z.number().int().nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type Activity = z.infer<typeof activity>;

export const activityListQuery = z.object({
  /** This unit (and with `subtree`, the units under it); default: every unit I read. */
  orgUnitId: z.coerce.number().int().positive().optional(),
  subtree: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** Started on or after / on or before (`YYYY-MM-DD`). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  kind: z.enum(activityKinds).optional(),
  campaignId: z.coerce.number().int().positive().optional(),
  /** Activities carrying out this plan task. */
  taskId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ActivityListQuery = z.input<typeof activityListQuery>;

export const activityTotals = z.object({
  activities: z.number().int(),
  participants: z.record(z.enum(participantKeys), z.number().int()),
  participantTotal: z.number().int(),
  costState: z.number(),
  costNonState: z.number(),
});
export type ActivityTotals = z.infer<typeof activityTotals>;

export const activityList = z.object({
  items: z.array(activityRow),
  total: z.number().int(),
  /** Over every activity matching the filters, not only this page. */
  totals: activityTotals,
});
export type ActivityList = z.infer<typeof activityList>;

export const activityLinksQuery = z.object({
  orgUnitId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100),
});
/** What an activity of this unit may be linked to: tasks of issued plans it reads or carries, campaigns, places. */
export const activityLinks = z.object({
  tasks: z.array(activityTaskRef),
  campaigns: z.array(campaignRef),
  /** Communes and wards under the unit's province (the places an activity can be held). */
  places: z.array(unitRef),
});
export type ActivityLinks = z.infer<typeof activityLinks>;

/* ------------------------------------------------------------------------ import */

export const activityImportRules = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 2000,
};

export const activityImportResult = z.object({
  importId: z.number().int(),
  imported: z.number().int(),
  fileName: z.string(),
  orgUnit: unitRef,
  /** This file had been imported before for the unit, and was imported again on confirmation. */
  copy: z.number().int(),
});
export type ActivityImportResult = z.infer<typeof activityImportResult>;

/* --------------------------------------------------------------------- campaigns */

export const campaignListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** National observances and the campaigns of this unit, its subtree and the units above it. */
  orgUnitId: z.coerce.number().int().positive().optional(),
});

export const campaignResults = z.object({
  activities: z.number().int(),
  participants: z.record(z.enum(participantKeys), z.number().int()),
  participantTotal: z.number().int(),
  costState: z.number(),
  costNonState: z.number(),
  byKind: z.array(
    z.object({ kind: z.enum(activityKinds), activities: z.number().int(), participants: z.number().int() }),
  ),
});
export type CampaignResults = z.infer<typeof campaignResults>;

export const campaign = campaignRef.extend({
  parent: campaignRef.nullable(),
  launchOn: z.string().nullable(),
  plan: z
    .object({ id: z.number().int(), documentNumber: z.string(), title: z.string(), orgUnit: unitRef })
    .nullable(),
  note: z.string().nullable(),
  revision: z.number().int(),
  /** Activities logged against it (or its units' campaigns, for an observance), in the reader's scope. */
  results: campaignResults,
  /** Tasks and dated events of the plan of origin. */
  planTasks: z.array(activityTaskRef),
  planEvents: z.array(
    z.object({ id: z.number().int(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  ),
  can: z.object({ edit: z.boolean() }),
});
export type Campaign = z.infer<typeof campaign>;

export const campaignList = z.object({
  items: z.array(campaign.omit({ planTasks: true, planEvents: true })),
});
export type CampaignList = z.infer<typeof campaignList>;

const campaignFields = {
  name: cleanText(3, 300),
  startsOn: isoDate,
  endsOn: isoDate,
  launchOn: isoDate.nullable().default(null),
  /** The observance this campaign is the unit's part in. */
  parentId: z.number().int().positive().nullable().default(null),
  /** The plan it comes from (written or imported; issued, readable by the unit). */
  planId: z.number().int().positive().nullable().default(null),
  note: cleanText(0, 4000).nullable().default(null),
};
export const campaignInput = z
  .strictObject({ orgUnitId: z.number().int().positive() })
  .extend(campaignFields);
export type CampaignInput = z.input<typeof campaignInput>;
export const campaignUpdateInput = z
  .strictObject({ revision: z.number().int().min(1) })
  .extend(campaignFields);
export type CampaignUpdateInput = z.input<typeof campaignUpdateInput>;

/* ---------------------------------------------------------------------- calendar */

export const calendarEntryKinds = [
  'activity',
  'campaign',
  'observance',
  'plan_event',
  'task_deadline',
  'reporting_duty',
  'report_due',
] as const;
export type CalendarEntryKind = (typeof calendarEntryKinds)[number];

export const calendarQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** Default: the first unit of my grants. */
  orgUnitId: z.coerce.number().int().positive().optional(),
  /** With the units under it (default) or the unit alone. */
  subtree: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** Comma-separated kinds of entry; default all. */
  kinds: z
    .string()
    .optional()
    .transform((value, context) => {
      if (!value) return [...calendarEntryKinds];
      const kinds = value.split(',').map((kind) => kind.trim());
      const unknown = kinds.filter((kind) => !(calendarEntryKinds as readonly string[]).includes(kind));
      if (unknown.length > 0) {
        context.addIssue({ code: 'custom', message: `Loại mục lịch không hợp lệ: ${unknown.join(', ')}.` });
        return z.NEVER;
      }
      return kinds as CalendarEntryKind[];
    }),
});
export type CalendarQuery = z.input<typeof calendarQuery>;

export const calendarEntry = z.object({
  /** Stable across requests: `activity:12`, `task:34:56` (task, unit), `report:78`. */
  uid: z.string(),
  kind: z.enum(calendarEntryKinds),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  orgUnit: unitRef.nullable(),
  /** What to open: an activity, a campaign, a plan, a task's progress or a report. */
  link: z.discriminatedUnion('to', [
    z.object({ to: z.literal('activity'), id: z.number().int() }),
    z.object({ to: z.literal('campaign'), id: z.number().int() }),
    z.object({ to: z.literal('plan'), id: z.number().int() }),
    z.object({ to: z.literal('task'), taskId: z.number().int(), unitId: z.number().int() }),
    z.object({ to: z.literal('submission'), id: z.number().int() }),
  ]),
  detail: z.string().nullable(),
});
export type CalendarEntry = z.infer<typeof calendarEntry>;

export const calendar = z.object({
  year: z.number().int(),
  orgUnit: unitRef,
  subtree: z.boolean(),
  entries: z.array(calendarEntry),
  /** Entries were cut at this many. */
  truncated: z.boolean(),
});
export type Calendar = z.infer<typeof calendar>;

/* ------------------------------------------------------------ report activity tables */

/** How an activity table is laid out: by activity kind, or cost by funding source. */
export const activityTableLayouts = ['by_kind', 'cost_by_source'] as const;
export type ActivityTableLayout = (typeof activityTableLayouts)[number];

/**
 * An activity table of a report template, stored in `report_templates.tables` beside the figure
 * tables (`{ code, title, dataElements }`), told apart by `source: 'activities'`. Filled from the
 * activity log for the round's cut-off period and the submission's unit (with its subtree);
 * `observance` keeps only the activities of that observance (the Action Month report).
 */
export const activityTableDefinition = z.strictObject({
  source: z.literal('activities'),
  code: z.string().min(1).max(20),
  title: z.string().min(1).max(300),
  layout: z.enum(activityTableLayouts),
  observance: z.enum(observances).optional(),
});
export type ActivityTableDefinition = z.infer<typeof activityTableDefinition>;

/** Columns of each layout, with their printed names. */
export const activityTableColumns: Record<ActivityTableLayout, { key: string; vi: string; en: string }[]> = {
  by_kind: [
    { key: 'activities', vi: 'Số hoạt động', en: 'Activities' },
    { key: 'male', vi: 'Nam', en: 'Male' },
    { key: 'female', vi: 'Nữ', en: 'Female' },
    { key: 'kinh', vi: 'Kinh', en: 'Kinh' },
    { key: 'minority', vi: 'DTTS', en: 'Minority' },
    { key: 'total', vi: 'Tổng số người tham gia', en: 'Total participants' },
  ],
  cost_by_source: [
    { key: 'activities', vi: 'Số hoạt động', en: 'Activities' },
    { key: 'amount', vi: 'Kinh phí (đồng)', en: 'Amount (VND)' },
  ],
};

/** Rows of the cost layout. */
export const fundingSources = ['state', 'non_state'] as const;
export type FundingSource = (typeof fundingSources)[number];
export const fundingSourceLabels: Record<FundingSource | 'total', { vi: string; en: string }> = {
  state: { vi: 'Ngân sách nhà nước', en: 'State budget' },
  non_state: { vi: 'Ngoài ngân sách nhà nước (xã hội hóa, tài trợ)', en: 'Non-state' },
  total: { vi: 'Tổng cộng', en: 'Total' },
};

export const activityTableRow = z.object({
  /** An activity kind, a funding source, or `total`. */
  key: z.string(),
  name: z.string(),
  /** In the layout's column order. */
  values: z.array(z.number()),
});

export const activityTable = z.object({
  source: z.literal('activities'),
  code: z.string(),
  title: z.string(),
  layout: z.enum(activityTableLayouts),
  observance: z.enum(observances).nullable(),
  columns: z.array(z.object({ key: z.string(), name: z.string() })),
  rows: z.array(activityTableRow),
});
export type ActivityTable = z.infer<typeof activityTable>;

/** A submission's activity tables: live while draft or returned, frozen once submitted. */
export const submissionActivityTables = z.object({
  frozen: z.boolean(),
  frozenAt: z.string().nullable(),
  cutOffFrom: z.string(),
  cutOffTo: z.string(),
  tables: z.array(activityTable),
});
export type SubmissionActivityTables = z.infer<typeof submissionActivityTables>;

/** The consolidated activity tables of a round, with the per-unit drill-down. */
export const consolidatedActivityTable = activityTable.extend({
  byUnit: z.array(z.object({ orgUnitId: z.number().int(), rows: z.array(activityTableRow) })),
});
export type ConsolidatedActivityTable = z.infer<typeof consolidatedActivityTable>;

export const activityCellQuery = z.object({
  table: z.string().min(1).max(20),
  row: z.string().min(1).max(40),
  column: z.string().min(1).max(40),
});
export const roundActivityCellQuery = activityCellQuery.extend({
  include: z.enum(['accepted', 'submitted']).default('accepted'),
  /** One reporting unit's part of the number; default: every included unit. */
  unitId: z.coerce.number().int().positive().optional(),
});

/** The activities behind one number, as they were counted. */
export const activityCell = z.object({
  table: z.string(),
  row: z.string(),
  column: z.string(),
  value: z.number(),
  frozen: z.boolean(),
  items: z.array(activityRow.omit({ taskCount: true, fileCount: true, campaign: true })),
});
export type ActivityCell = z.infer<typeof activityCell>;
