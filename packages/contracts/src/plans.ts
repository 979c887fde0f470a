import { z } from 'zod';
import { cleanText, isoDate, orgUnitKinds } from './org-units.ts';

/*
 * Plans (kế hoạch) in the structure of an administrative document (Decree 30/2020/NĐ-CP):
 * issuing unit, number/symbol, place and date, title, bases, numbered content in which any
 * item can be a task with lead and supporting units, recipients and signer.
 */

export const planStatuses = ['draft', 'issued', 'superseded'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/** Where a plan came from: written in binhdang, or read from a received document (plan import). */
export const planOrigins = ['written', 'imported'] as const;

export const legalDocumentKinds = [
  'Luật',
  'Nghị quyết',
  'Nghị định',
  'Chỉ thị',
  'Kết luận',
  'Quyết định',
  'Thông tư',
  'Kế hoạch',
  'Chương trình',
  'Công văn',
  'Hướng dẫn',
  'Thông báo',
  'Báo cáo',
  'Văn bản khác',
] as const;

/** A document cited as a basis (căn cứ): the registry is shared by all plans and reports. */
export const legalDocument = z.object({
  id: z.number().int(),
  kind: z.string(),
  /** Number and symbol as printed, e.g. `28/NQ-CP`; null for an unnumbered document (a law by name). */
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuer: z.string().nullable(),
  title: z.string().nullable(),
});
export type LegalDocument = z.infer<typeof legalDocument>;

export const legalDocumentInput = z.strictObject({
  kind: cleanText(2, 60),
  number: cleanText(1, 60).nullable(),
  issuedOn: isoDate.nullable(),
  issuer: cleanText(0, 300).nullable(),
  title: cleanText(0, 1000).nullable(),
});
export type LegalDocumentInput = z.infer<typeof legalDocumentInput>;

export const legalDocumentSearchQuery = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const legalDocumentList = z.object({ items: z.array(legalDocument) });

/**
 * When a task is to be done. `month` and `quarter` are stored as their first and last day, so
 * every kind but `ongoing` and `none` has an end date from which "overdue" follows.
 */
export const taskTimeKinds = ['none', 'date', 'range', 'month', 'quarter', 'ongoing'] as const;
export type TaskTimeKind = (typeof taskTimeKinds)[number];

export const taskTime = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('ongoing') }),
  z.strictObject({ kind: z.literal('date'), due: isoDate }),
  z
    .strictObject({ kind: z.literal('range'), from: isoDate, to: isoDate })
    .refine((value) => value.from <= value.to, {
      message: 'Ngày bắt đầu phải trước ngày kết thúc.',
      path: ['to'],
    }),
  z.strictObject({
    kind: z.literal('month'),
    year: z.number().int().min(2000).max(2100),
    month: z.number().int().min(1).max(12),
  }),
  z.strictObject({
    kind: z.literal('quarter'),
    year: z.number().int().min(2000).max(2100),
    quarter: z.number().int().min(1).max(4),
  }),
]);
export type TaskTime = z.infer<typeof taskTime>;

export const assignmentRoles = ['lead', 'support'] as const;
export type AssignmentRole = (typeof assignmentRoles)[number];

/** A unit a task is assigned to; `orgUnitId` null keeps a name the registry could not resolve (imports). */
export const taskAssignee = z.object({
  orgUnitId: z.number().int().nullable(),
  unitName: z.string(),
  unitKind: z.enum(orgUnitKinds).nullable(),
});
export type TaskAssignee = z.infer<typeof taskAssignee>;

export const taskAssigneeInput = z.union([
  z.strictObject({ orgUnitId: z.number().int().positive() }),
  z.strictObject({ unitName: cleanText(2, 300) }),
]);

export const planTask = z.object({
  time: taskTime,
  /** The time as the document words it ("Quý II/2026", "Thường xuyên"), kept for the printed plan. */
  timeText: z.string().nullable(),
  expectedOutput: z.string().nullable(),
  programme: z.string().nullable(),
  indicatorCodes: z.array(z.string()),
  lead: z.array(taskAssignee),
  support: z.array(taskAssignee),
  /** The parent plan's task this one carries out (cascade), if any. */
  sourceTaskId: z.number().int().nullable(),
});
export type PlanTask = z.infer<typeof planTask>;

/** One numbered item of the plan's content (I., 1., 4.1., a), -); any item can be a task. */
export const planItem = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  position: z.number().int(),
  ref: z.string(),
  title: z.string(),
  body: z.string(),
  task: planTask.nullable(),
});
export type PlanItem = z.infer<typeof planItem>;

export const planTaskInput = z.strictObject({
  time: taskTime,
  timeText: cleanText(0, 200).nullable().default(null),
  expectedOutput: cleanText(0, 2000).nullable().default(null),
  programme: cleanText(0, 300).nullable().default(null),
  indicatorCodes: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  lead: z.array(taskAssigneeInput).max(100).default([]),
  support: z.array(taskAssigneeInput).max(200).default([]),
  sourceTaskId: z.number().int().positive().nullable().default(null),
});

/**
 * The outline is saved whole: items keep their `id` (so assignments and progress stay linked),
 * new items carry a client `key` instead, and `parentKey` points at either.
 */
export const planItemInput = z.strictObject({
  id: z.number().int().positive().optional(),
  key: z.string().min(1).max(40),
  parentKey: z.string().min(1).max(40).nullable(),
  ref: z.string().trim().max(20),
  title: cleanText(0, 1000),
  body: z
    .string()
    .max(20_000)
    .transform((value) => value.normalize('NFC').trim()),
  task: planTaskInput.nullable(),
});
export type PlanItemInput = z.input<typeof planItemInput>;

export const signer = z.object({
  /** `TM.` (on behalf of a collective), `KT.` (deputy for), `Q.` (acting), `TL.`, `TUQ.` with the body, or null. */
  authority: z.string().nullable(),
  deputy: z.string().nullable(),
  position: z.string().nullable(),
  name: z.string().nullable(),
});
export type Signer = z.infer<typeof signer>;

export const signerInput = z.strictObject({
  authority: cleanText(0, 200).nullable(),
  deputy: cleanText(0, 200).nullable(),
  position: cleanText(0, 200).nullable(),
  name: cleanText(0, 200).nullable(),
});

const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const planSummary = z.object({
  id: z.number().int(),
  orgUnit: unitRef,
  kind: z.string(),
  /** `334/KH-LĐLĐ`, or `/KH-UBND` with the number still blank (a draft). */
  documentNumber: z.string(),
  number: z.string().nullable(),
  symbol: z.string().nullable(),
  title: z.string(),
  year: z.number().int(),
  status: z.enum(planStatuses),
  origin: z.enum(planOrigins),
  /** The printed issuing body of a received (imported) plan when it is not the owning unit. */
  issuerName: z.string().nullable(),
  place: z.string().nullable(),
  issuedOn: z.string().nullable(),
  version: z.number().int(),
  parentPlanId: z.number().int().nullable(),
  supersedesPlanId: z.number().int().nullable(),
  /** Date by which receiving units should have made their own plans (cascade). */
  cascadeDueOn: z.string().nullable(),
  taskCount: z.number().int(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const planDetail = planSummary.extend({
  revision: z.number().int(),
  bases: z.array(legalDocument),
  purpose: z.string(),
  budget: z.string(),
  implementation: z.string(),
  reportingRegime: z.string(),
  recipients: z.array(z.string()),
  signer: signer,
  items: z.array(planItem),
  parentPlan: planSummary.nullable(),
  childPlans: z.array(planSummary),
  versions: z.array(planSummary),
  /** What the reader may do with this plan, so the UI shows only the actions that will work. */
  can: z.object({
    edit: z.boolean(),
    issue: z.boolean(),
    /** Start a new draft version (an issued plan with no newer version, in the reader's write scope). */
    newVersion: z.boolean(),
    cascade: z.boolean(),
    trace: z.boolean(),
  }),
  /** Units in the reader's scope that this plan assigns tasks to and that may start a plan from it. */
  cascadeUnits: z.array(unitRef),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const planListQuery = z.object({
  q: z.string().max(200).optional(),
  orgUnitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(planStatuses).optional(),
  /** `issued_by_me`: plans of units in my scope; `received`: issued plans that assign tasks to my units. */
  relation: z.enum(['all', 'own', 'received']).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const planList = z.object({ items: z.array(planSummary), total: z.number().int() });

export const createPlanInput = z.strictObject({
  orgUnitId: z.number().int().positive(),
  title: cleanText(5, 1000),
  year: z.number().int().min(2000).max(2100),
  symbol: cleanText(0, 40).nullable().default(null),
  place: cleanText(0, 100).nullable().default(null),
  /** Start from a parent plan: its tasks assigned to `orgUnitId` come pre-filled (cascade). */
  parentPlanId: z.number().int().positive().nullable().default(null),
});
export type CreatePlanInput = z.input<typeof createPlanInput>;

/** Saves a draft whole; `revision` must be the one the editor loaded, or the save is refused (409). */
export const savePlanInput = z.strictObject({
  revision: z.number().int().min(0),
  title: cleanText(5, 1000),
  year: z.number().int().min(2000).max(2100),
  symbol: cleanText(0, 40).nullable(),
  place: cleanText(0, 100).nullable(),
  basisIds: z.array(z.number().int().positive()).max(50),
  purpose: z.string().max(20_000),
  budget: z.string().max(20_000),
  implementation: z.string().max(40_000),
  reportingRegime: z.string().max(20_000),
  recipients: z.array(cleanText(1, 300)).max(100),
  signer: signerInput,
  cascadeDueOn: isoDate.nullable(),
  items: z.array(planItemInput).max(2000),
});
export type SavePlanInput = z.input<typeof savePlanInput>;

export const issuePlanInput = z.strictObject({
  revision: z.number().int().min(0),
  /** The number the records office gives (`334`); may stay blank for documents numbered on paper. */
  number: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, { message: 'Số văn bản chỉ gồm chữ số.' })
    .nullable(),
  issuedOn: isoDate,
});

export const planIdParam = z.object({ id: z.coerce.number().int().positive() });

/* Progress of a task, per task and assigned unit. */

export const progressStatuses = ['not_started', 'in_progress', 'done'] as const;
/** Stored status plus `overdue`, computed from the task's time and today. */
export const taskStatuses = ['not_started', 'in_progress', 'done', 'overdue'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const attachment = z.object({
  id: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});
export type Attachment = z.infer<typeof attachment>;

export const taskProgress = z.object({
  taskId: z.number().int(),
  orgUnit: unitRef,
  role: z.enum(assignmentRoles),
  status: z.enum(taskStatuses),
  storedStatus: z.enum(progressStatuses),
  percent: z.number().int().nullable(),
  note: z.string().nullable(),
  /** Links to activities or outside evidence (URLs). */
  links: z.array(z.string()),
  revision: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  attachments: z.array(attachment),
});
export type TaskProgress = z.infer<typeof taskProgress>;

export const progressHistoryEntry = z.object({
  at: z.string(),
  by: z.string(),
  status: z.enum(progressStatuses),
  percent: z.number().int().nullable(),
  note: z.string().nullable(),
});

export const taskProgressDetail = taskProgress.extend({
  task: z.object({
    id: z.number().int(),
    ref: z.string(),
    text: z.string(),
    time: taskTime,
    timeText: z.string().nullable(),
    expectedOutput: z.string().nullable(),
    plan: planSummary,
  }),
  history: z.array(progressHistoryEntry),
  canUpdate: z.boolean(),
});
export type TaskProgressDetail = z.infer<typeof taskProgressDetail>;

export const updateProgressInput = z.strictObject({
  revision: z.number().int().min(0),
  status: z.enum(progressStatuses),
  percent: z.number().int().min(0).max(100).nullable(),
  note: cleanText(0, 4000).nullable(),
  links: z
    .array(z.url({ message: 'Liên kết phải là địa chỉ web đầy đủ (https://...).' }))
    .max(20)
    .default([]),
});

export const taskUnitParam = z.object({
  taskId: z.coerce.number().int().positive(),
  unitId: z.coerce.number().int().positive(),
});

/** A row of "my tasks", "overdue / due soon" and the year's timeline: one task for one assigned unit. */
export const taskRow = z.object({
  taskId: z.number().int(),
  ref: z.string(),
  text: z.string(),
  plan: planSummary.pick({ id: true, documentNumber: true, title: true, year: true, orgUnit: true }),
  orgUnit: unitRef,
  role: z.enum(assignmentRoles),
  time: taskTime,
  timeText: z.string().nullable(),
  /** Last day of the task's time, null for ongoing tasks and tasks without time. */
  dueOn: z.string().nullable(),
  startsOn: z.string().nullable(),
  status: z.enum(taskStatuses),
  percent: z.number().int().nullable(),
  attachmentCount: z.number().int(),
});
export type TaskRow = z.infer<typeof taskRow>;

export const taskListQuery = z.object({
  /** Units whose tasks to list: this unit and its subtree; default: every unit in my scope. */
  orgUnitId: z.coerce.number().int().positive().optional(),
  filter: z.enum(['all', 'open', 'overdue', 'due_soon']).default('all'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  planId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const taskList = z.object({ items: z.array(taskRow), total: z.number().int(), today: z.string() });

/** Traceability of a plan: for each task and assigned unit, whether the unit planned it and how far it got. */
export const traceRow = z.object({
  taskId: z.number().int(),
  ref: z.string(),
  text: z.string(),
  orgUnit: unitRef.nullable(),
  unitName: z.string(),
  role: z.enum(assignmentRoles),
  status: z.enum(taskStatuses),
  percent: z.number().int().nullable(),
  note: z.string().nullable(),
  attachmentCount: z.number().int(),
  updatedAt: z.string().nullable(),
  childPlan: planSummary.pick({ id: true, documentNumber: true, title: true, status: true }).nullable(),
  /** Tasks of the child plan that carry this task out, and how many of them are done. */
  childTaskCount: z.number().int(),
  childTasksDone: z.number().int(),
});
export const planTrace = z.object({
  plan: planSummary,
  rows: z.array(traceRow),
  /**
   * Units assigned tasks that have not issued a plan of their own from this one (a draft does
   * not count, but is named); late once `cascadeDueOn` has passed.
   */
  unitsWithoutPlan: z.array(
    unitRef.extend({ isLate: z.boolean(), draftPlanId: z.number().int().nullable() }),
  ),
  today: z.string(),
});
export type PlanTrace = z.infer<typeof planTrace>;

/** Attachments: what the server accepts as evidence. */
export const attachmentRules = {
  maxBytes: 10 * 1024 * 1024,
  contentTypes: {
    'application/pdf': ['pdf'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
    'application/msword': ['doc'],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
    'application/vnd.ms-excel': ['xls'],
    'image/jpeg': ['jpg', 'jpeg'],
    'image/png': ['png'],
    'text/plain': ['txt'],
  } as Record<string, string[]>,
} as const;

export const exportFormats = ['docx', 'xlsx', 'pdf'] as const;
export const planExportQuery = z.object({ format: z.enum(exportFormats) });

/**
 * A document number folded for matching: no white space, lower case, and the party's
 * `21/CT/TW` written `21-ct/tw` as the party itself prints it (plan-import-contract.md).
 */
export function legalDocumentNumberKey(number: string): string {
  return number
    .normalize('NFC')
    .replace(/\s+/g, '')
    .toLocaleLowerCase('vi')
    .replace(/^(\d+)\/(ct|nq|qđ|kl)\/tw$/, '$1-$2/tw');
}

/** `334/KH-LĐLĐ`; a draft's blank number prints as `/KH-UBND`. */
export function formatDocumentNumber(number: string | null, symbol: string | null): string {
  if (!symbol) return number ?? '';
  return `${number ?? ''}/${symbol}`;
}
