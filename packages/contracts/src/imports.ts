import { z } from 'zod';
import { cleanText, type OrgUnitKind, orgUnitKindLabels, orgUnitKinds } from './org-units.ts';
import { type PlanImport, planImport, planImportReportingKinds } from './plan-import.ts';
import { planSummary, signerInput } from './plans.ts';

/*
 * Plan import: a received plan uploaded by its receiving unit, read into the plan-import
 * contract, reviewed, and accepted as an issued plan of that unit with its tasks, events
 * (the calendar) and reporting duties (upcoming reporting deadlines).
 */

export const importStatuses = ['pending', 'accepted', 'discarded'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** What the server accepts as a document to import. */
export const importRules = {
  maxBytes: 20 * 1024 * 1024,
  extensions: ['txt', 'docx', 'pdf'],
} as const;

const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

/** "UBND các xã, phường": every open unit of these kinds (under `parentId`, else the receiving unit's province). */
export const unitGroup = z.object({
  unitKinds: z.array(z.enum(orgUnitKinds)),
  parentId: z.number().int().nullable(),
  /** How the group reads on the review screen: `Xã; Phường`. */
  label: z.string(),
});
export type UnitGroup = z.infer<typeof unitGroup>;

/** A unit name as the document prints it, and what the registry makes of it. */
export const unitMatch = z.object({
  text: z.string(),
  /** The registry unit the name stands for; null for a group or a name left unresolved. */
  orgUnitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  group: unitGroup.nullable(),
});
export type UnitMatch = z.infer<typeof unitMatch>;

export const importSummary = z.object({
  id: z.number().int(),
  fileName: z.string(),
  status: z.enum(importStatuses),
  receivingUnit: unitRef,
  /** The title and number as read, for lists. */
  title: z.string().nullable(),
  documentNumber: z.string().nullable(),
  year: z.number().int().nullable(),
  planId: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const importDetail = importSummary.extend({
  sourceText: z.string(),
  result: planImport,
  /** Every distinct lead and supporting unit name of the tasks, in order of first mention. */
  unitMatches: z.array(unitMatch),
  /** The issuing body printed above the number, when the heading has one. */
  issuerName: z.string().nullable(),
  issuerMatch: unitMatch.nullable(),
  /** This unit already accepted the same document (same text, whatever the file type): its plan. */
  duplicate: z.object({ planId: z.number().int() }).nullable(),
});
export type ImportDetail = z.infer<typeof importDetail>;

export const importListQuery = z.object({
  /** The receiving unit and its subtree; default: every unit in my scope. */
  orgUnitId: z.coerce.number().int().positive().optional(),
  status: z.enum(importStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const importList = z.object({ items: z.array(importSummary) });

export const importIdParam = z.object({ id: z.coerce.number().int().positive() });

/* Accepting: the reviewed fields. */

const isoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
  message: 'Ngày phải có dạng NNNN-TT-NN (hoặc NNNN-TT khi văn bản để trống ngày).',
});

/** A task goes to a registry unit, a name kept as printed, or every open unit of some kinds. */
export const importAssigneeInput = z.union([
  z.strictObject({ orgUnitId: z.number().int().positive() }),
  z.strictObject({ unitName: cleanText(2, 300) }),
  z.strictObject({
    unitKinds: z.array(z.enum(orgUnitKinds)).min(1, { message: 'Chọn ít nhất một loại đơn vị.' }),
    parentId: z.number().int().positive().nullable().default(null),
    /** The name as printed, kept as text when no open unit is of those kinds. */
    label: cleanText(0, 300).nullable().default(null),
  }),
]);
export type ImportAssigneeInput = z.input<typeof importAssigneeInput>;

export const importCitationInput = z.strictObject({
  /** `Công văn`, `Quyết định`, ...; null is registered as `Văn bản khác`. */
  kind: cleanText(0, 60).nullable(),
  number: cleanText(1, 60),
  issuedOn: isoDay.nullable(),
  issuer: cleanText(0, 300).nullable().optional(),
});

export interface ImportSectionInput {
  ref: string;
  title: string;
  children: ImportSectionInput[];
}
export const importSectionInput: z.ZodType<ImportSectionInput> = z.lazy(() =>
  z.strictObject({
    ref: z.string().trim().max(20),
    title: cleanText(0, 20_000),
    children: z.array(importSectionInput).max(500),
  }),
);

/** `from` not after `to`; a month alone (`2026-11`) compares as its month. */
function isOrdered(from: string | null, to: string | null): boolean {
  if (from === null || to === null) return true;
  const length = Math.min(from.length, to.length);
  return from.slice(0, length) <= to.slice(0, length);
}

export const importTaskInput = z
  .strictObject({
    /** Outline path as the reader writes it: `II.6.5`, `III.1-2` (second dash item under III.1). */
    ref: z.string().trim().max(40),
    text: cleanText(1, 20_000),
    lead: z.array(importAssigneeInput).max(100).default([]),
    support: z.array(importAssigneeInput).max(200).default([]),
    due: isoDay.nullable().default(null),
    from: isoDay.nullable().default(null),
    to: isoDay.nullable().default(null),
    timeText: cleanText(0, 200).nullable().optional(),
    ongoing: z.boolean().optional(),
  })
  .refine((task) => isOrdered(task.from, task.to), {
    message: 'Ngày bắt đầu phải trước ngày kết thúc.',
    path: ['to'],
  });

export const importEventInput = z
  .strictObject({ name: cleanText(2, 500), from: isoDay, to: isoDay })
  .refine((event) => isOrdered(event.from, event.to), {
    message: 'Ngày bắt đầu phải trước ngày kết thúc.',
    path: ['to'],
  });

export const importReportingInput = z.strictObject({
  what: z.enum(planImportReportingKinds),
  due: isoDay.nullable(),
  to: cleanText(0, 500).nullable(),
});

export const acceptImportInput = z.strictObject({
  kind: cleanText(1, 20),
  /** Number and symbol as printed (`334/KH-LĐLĐ`); null when the number is blank. */
  number: cleanText(1, 60).nullable(),
  symbol: cleanText(0, 60).nullable(),
  place: cleanText(0, 100).nullable(),
  /** `YYYY-MM-DD`; a month alone (`YYYY-MM`, day left blank) is kept as no date. */
  issuedOn: isoDay.nullable(),
  year: z.number().int().min(2000).max(2100),
  title: cleanText(5, 1000),
  /** The printed issuing body when it is not the receiving unit ("Bộ Nội vụ"). */
  issuerName: cleanText(0, 300).nullable(),
  bases: z.array(importCitationInput).max(50),
  sections: z.array(importSectionInput).max(500),
  tasks: z.array(importTaskInput).max(2000),
  events: z.array(importEventInput).max(100),
  reporting: z.array(importReportingInput).max(100),
  recipients: z.array(cleanText(1, 300)).max(100),
  signer: signerInput,
});
export type AcceptImportInput = z.input<typeof acceptImportInput>;

function assigneeOf(text: string, matches: Map<string, UnitMatch>): ImportAssigneeInput {
  const match = matches.get(text);
  if (match?.orgUnitId) return { orgUnitId: match.orgUnitId };
  if (match?.group) return { unitKinds: match.group.unitKinds, parentId: match.group.parentId, label: text };
  return { unitName: text };
}

/** The accept body for a document as read, with every unit the registry resolved: where the review starts. */
export function draftAcceptInput(
  detail: Pick<ImportDetail, 'result' | 'unitMatches' | 'issuerName'>,
): AcceptImportInput {
  const result: PlanImport = detail.result;
  const matches = new Map(detail.unitMatches.map((match) => [match.text, match]));
  return {
    kind: result.kind ?? 'KH',
    number: result.number,
    symbol: result.symbol,
    place: result.place,
    issuedOn: result.issuedOn,
    year: result.year ?? (Number(result.issuedOn?.slice(0, 4)) || new Date().getFullYear()),
    title: result.title ?? '',
    issuerName: detail.issuerName,
    bases: result.bases.map(({ kind, number, issuedOn, issuer }) => ({
      kind,
      number,
      issuedOn,
      issuer: issuer ?? null,
    })),
    sections: result.sections,
    tasks: result.tasks.map((task) => ({
      ref: task.ref,
      text: task.text,
      lead: task.lead.map((name) => assigneeOf(name, matches)),
      support: task.support.map((name) => assigneeOf(name, matches)),
      due: task.due,
      from: task.from,
      to: task.to,
      timeText: task.timeText ?? null,
      ongoing: task.ongoing ?? false,
    })),
    events: result.events.map(({ name, from, to }) => ({ name, from, to })),
    reporting: result.reporting.map(({ what, due, to }) => ({ what, due, to })),
    recipients: result.recipients,
    signer: result.signer,
  };
}

/** `Xã; Phường` for a group of kinds, in the words of the unit-kind labels (which hold commas). */
export function formatUnitGroupLabel(unitKinds: readonly OrgUnitKind[]): string {
  return unitKinds.map((kind) => orgUnitKindLabels[kind].vi).join('; ');
}

/* The calendar and the reporting deadlines. */

const planRef = planSummary.pick({ id: true, documentNumber: true, title: true, year: true, orgUnit: true });

/** A dated campaign or observance a plan names. */
export const eventRow = z.object({
  id: z.number().int(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  plan: planRef,
});
export type EventRow = z.infer<typeof eventRow>;

export const eventListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Events of the plans this unit reads (its own, its superiors', those assigning it tasks). */
  orgUnitId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const eventList = z.object({ items: z.array(eventRow) });

export const reportingDutyFilters = ['upcoming', 'overdue', 'all'] as const;

/** A report a plan asks a unit to send, and by when. */
export const reportingDutyRow = z.object({
  id: z.number().int(),
  kind: z.enum(planImportReportingKinds),
  dueOn: z.string().nullable(),
  /** To whom, as printed: `Ủy ban nhân dân tỉnh (qua Sở Nội vụ)`. */
  recipient: z.string().nullable(),
  orgUnit: unitRef,
  plan: planRef.extend({ issuerName: z.string().nullable() }),
  isOverdue: z.boolean(),
});
export type ReportingDutyRow = z.infer<typeof reportingDutyRow>;

export const reportingDutyListQuery = z.object({
  /** `upcoming`: due today or later; `overdue`: past due; `all` also lists duties without a date. */
  filter: z.enum(reportingDutyFilters).default('upcoming'),
  /** This unit and its subtree; default: every unit in my scope. */
  orgUnitId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const reportingDutyList = z.object({ items: z.array(reportingDutyRow), today: z.string() });
