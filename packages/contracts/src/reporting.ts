// Contract for the reporting API (issue 6 "Reporting rounds") — routes listed below.
/*
 * All paths are under `/api`. "any unit" = the permission on at least one unit; the scope
 * (which units) is checked by the server's policy and answered 403 `auth.out_of_scope`.
 *
 * | method | path                                   | permission     | request                        | response (200) |
 * | ------ | -------------------------------------- | -------------- | ------------------------------ | -------------- |
 * | GET    | /reporting/templates                   | reports.read   | —                              | templateList   |
 * | GET    | /reporting/templates/{id}              | reports.read   | —                              | reportTemplate |
 * | GET    | /reporting/rounds                      | reports.read   | roundListQuery (query)         | roundList      |
 * | POST   | /reporting/rounds                      | rounds.manage  | roundInput (JSON)              | roundDetail    |
 * | GET    | /reporting/rounds/{id}                 | reports.read   | —                              | roundDetail    |
 * | PATCH  | /reporting/rounds/{id}                 | rounds.manage  | roundUpdateInput (JSON)        | roundDetail    |
 * | POST   | /reporting/rounds/{id}/units           | rounds.manage  | roundUnitsInput (JSON)         | roundDetail    |
 * | POST   | /reporting/rounds/{id}/close           | rounds.manage  | roundCloseInput (JSON)         | roundDetail    |
 * | GET    | /reporting/round-proposals             | rounds.manage  | roundProposalQuery (query)     | roundProposalList |
 * | GET    | /reporting/rounds/{id}/consolidation   | reports.read   | consolidationQuery (query)     | consolidation  |
 * | GET    | /reporting/rounds/{id}/report          | reports.read   | roundReportQuery (query)       | DOCX or XLSX   |
 * | GET    | /reporting/inbox                       | reports.read   | —                              | inbox          |
 * | GET    | /reporting/timeliness                  | reports.read   | timelinessQuery (query)        | unitTimeliness |
 * | GET    | /reporting/submissions/{id}            | reports.read   | —                              | submission     |
 * | PUT    | /reporting/submissions/{id}            | reports.submit | submissionSaveInput (JSON)     | submission     |
 * | POST   | /reporting/submissions/{id}/submit     | reports.submit | submitInput (JSON)             | submission     |
 * | POST   | /reporting/submissions/{id}/return     | rounds.manage  | returnInput (JSON)             | submission     |
 * | POST   | /reporting/submissions/{id}/accept     | rounds.manage  | acceptInput (JSON)             | submission     |
 *
 * Scope: a round is read by whoever reads its consolidating unit (every submission) or one of
 * its reporting units (their own submissions only); a submission is written by `reports.submit`
 * on its unit, returned and accepted by `rounds.manage` on the round's consolidating unit;
 * rounds are opened by `rounds.manage` on the consolidating unit.
 *
 * Workflow: draft → submitted → (returned → submitted)* → accepted (locked; the consolidator may
 * return it again, with a reason, while the round is open). A closed round takes no transition. Every transition
 * keeps who, when and a comment (`history`); returning needs a comment. Saves are whole (the
 * narrative answers and any changed figures) with the revision the editor loaded: a stale save
 * is refused with 409 `reporting.conflict` and changes nothing. Figures are the unit's data
 * values for the round's period (indicators module, one home), so they are validated there
 * (422 `figures.validation_failed`); submitting re-runs validation over the stored figures.
 *
 * A submission is late when first submitted after the end of its due day in Vietnam (UTC+7).
 * Completeness = submitted or accepted / expected; timeliness = of those, first submitted on
 * time / expected. A returned submission counts again once resubmitted.
 *
 * Figures of a submitted or accepted report are locked (409 `figures.locked` from every writer).
 *
 * Consolidation: the appendix tables summed over the accepted (with `include=submitted`: also
 * the submitted) submissions of the round and, for a reporting unit that consolidates a child
 * round (`parentRoundId`), over that round's included submissions as well, recursively; with a
 * per-unit drill-down (`table=CODE`: one table). Always fresh: the child rounds' totals are kept
 * by each transition in its own transaction, never by a batch job.
 */
import { z } from 'zod';
import {
  activityTableDefinition,
  consolidatedActivityTable,
  submissionActivityTables,
} from './activities.ts';
import { optionCombo, period, validationMessage } from './indicators.ts';
import { cleanText } from './org-units.ts';

/* ------------------------------------------------------------------ templates */

export const reportKinds = [
  'six_month',
  'annual',
  'committee',
  'self_inspection',
  'action_month',
  'ad_hoc',
] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportKindLabels: Record<ReportKind, { vi: string; en: string }> = {
  six_month: { vi: 'Báo cáo 6 tháng', en: 'Six-month report' },
  annual: { vi: 'Báo cáo năm', en: 'Annual report' },
  committee: { vi: 'Báo cáo hoạt động Ban VSTBPN', en: 'Advancement committee report' },
  self_inspection: { vi: 'Báo cáo tự kiểm tra', en: 'Self-inspection report' },
  action_month: { vi: 'Báo cáo Tháng hành động', en: 'Action Month report' },
  ad_hoc: { vi: 'Báo cáo đột xuất', en: 'Ad hoc report' },
};

/** `year`: `2026`; `half_year`: `2026S1`; `any`: either. */
export const templatePeriodTypes = ['year', 'half_year', 'any'] as const;

/** A section of the narrative outline (đề cương); level 1 = I, II…; level 2 = 1, 2… under it. */
export const outlineSection = z.object({
  key: z.string(),
  level: z.number().int().min(1).max(3),
  title: z.string(),
  guidance: z.string().nullable(),
});
export type OutlineSection = z.infer<typeof outlineSection>;

/** An appendix table (phụ lục) as stored: data elements of the catalogue in row order. */
export const appendixTableDefinition = z.object({
  code: z.string(),
  title: z.string(),
  dataElements: z.array(z.string()),
});
export type AppendixTableDefinition = z.infer<typeof appendixTableDefinition>;

/** Any table stored in `report_templates.tables`: a figure table, or an activity table (`source: 'activities'`). */
export const storedTableDefinition = z.union([activityTableDefinition, appendixTableDefinition]);
export type StoredTableDefinition = z.infer<typeof storedTableDefinition>;

export const templateSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  version: z.number().int(),
  isCurrent: z.boolean(),
  kind: z.enum(reportKinds),
  name: z.string(),
  periodType: z.enum(templatePeriodTypes),
});
export type TemplateSummary = z.infer<typeof templateSummary>;

/** A table's row: a data element and its columns (option combos, then the computed total). */
export const appendixRowDefinition = z.object({
  dataElement: z.string(),
  name: z.string(),
  valueType: z.string(),
  columns: z.array(optionCombo),
});

export const reportTemplate = templateSummary.extend({
  outline: z.array(outlineSection),
  tables: z.array(
    appendixTableDefinition.extend({
      rows: z.array(appendixRowDefinition),
    }),
  ),
});
export type ReportTemplate = z.infer<typeof reportTemplate>;
export const templateList = z.object({ items: z.array(templateSummary) });
export const reportingIdParam = z.object({ id: z.coerce.number().int().positive() });

/* --------------------------------------------------------------------- rounds */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng YYYY-MM-DD.' });
const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const roundInput = z.strictObject({
  templateId: z.number().int().positive(),
  consolidatingUnitId: z.number().int().positive(),
  period,
  /** Defaults to the template's name and the period label. */
  title: cleanText(3, 300).optional(),
  /** Data cut-off; defaults per Nghị định 09/2019/NĐ-CP (15/12 of the year before → 14/6 or 14/12). */
  cutOffFrom: isoDate.optional(),
  cutOffTo: isoDate.optional(),
  dueOn: isoDate,
  /** Reporting units: these units… */
  unitIds: z.array(z.number().int().positive()).max(5000).default([]),
  /** …and/or every open unit of these kinds under `underUnitId` (default: the consolidating unit). */
  unitKinds: z.array(z.string().min(1).max(40)).max(20).default([]),
  underUnitId: z.number().int().positive().optional(),
  /** This round feeds a parent round: its consolidating unit reports in the parent. */
  parentRoundId: z.number().int().positive().nullable().default(null),
});
export type RoundInput = z.input<typeof roundInput>;

export const submissionStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];
export const submissionStatusLabels: Record<SubmissionStatus, { vi: string; en: string }> = {
  draft: { vi: 'Chưa nộp', en: 'Not submitted' },
  submitted: { vi: 'Đã nộp, chờ duyệt', en: 'Submitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  accepted: { vi: 'Đã duyệt', en: 'Accepted' },
};

export const completeness = z.object({
  expected: z.number().int(),
  /** Submitted or accepted now. */
  submitted: z.number().int(),
  accepted: z.number().int(),
  returned: z.number().int(),
  /** Of the submitted: first submitted by the end of the due day. */
  onTime: z.number().int(),
  late: z.number().int(),
  /** submitted / expected, 0–1 (null when nothing is expected). */
  completeness: z.number().nullable(),
  /** onTime / expected, 0–1. */
  timeliness: z.number().nullable(),
});
export type Completeness = z.infer<typeof completeness>;

export const roundSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  template: templateSummary,
  consolidatingUnit: unitRef,
  parentRoundId: z.number().int().nullable(),
  period: z.string(),
  periodLabel: z.string(),
  cutOffFrom: z.string(),
  cutOffTo: z.string(),
  dueOn: z.string(),
  createdAt: z.string(),
  /** Closed by the consolidator: no more submissions, returns or acceptances until reopened. */
  closedAt: z.string().nullable(),
  completeness: completeness,
});
export type RoundSummary = z.infer<typeof roundSummary>;

export const roundListQuery = z.object({
  /** Rounds consolidated by this unit or its subtree, or in which it reports. */
  orgUnitId: z.coerce.number().int().positive().optional(),
  period: period.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const roundList = z.object({ items: z.array(roundSummary) });

/** Changes to an open round: its title or due date (late is judged against the new date). */
export const roundUpdateInput = z
  .strictObject({
    title: cleanText(3, 300).optional(),
    dueOn: isoDate.optional(),
  })
  .refine((input) => input.title !== undefined || input.dueOn !== undefined, {
    message: 'Chưa có thay đổi nào.',
  });

/** More reporting units for an open round (inside the consolidating unit, not yet in it). */
export const roundUnitsInput = z.strictObject({
  unitIds: z.array(z.number().int().positive()).min(1, { message: 'Chọn ít nhất một đơn vị.' }).max(5000),
});

export const roundCloseInput = z.strictObject({ closed: z.boolean() });

export const roundProposalQuery = z.object({ planId: z.coerce.number().int().positive() });

/** A round a plan's reporting regime asks for (Chế độ báo cáo), ready to open. */
export const roundProposal = z.object({
  kind: z.enum(['6-month', 'annual', 'ad-hoc', 'self-inspection', 'thematic', 'other']),
  /** The template to use, null when no current template fits the kind. */
  template: templateSummary.nullable(),
  period: z.string(),
  periodLabel: z.string(),
  dueOn: z.string(),
  /** To whom, as the plan prints it. */
  recipient: z.string().nullable(),
  consolidatingUnit: unitRef.extend({ kind: z.string() }),
  units: z.array(unitRef.extend({ kind: z.string() })),
  /** A round of this template, period and consolidating unit that is already open. */
  existingRoundId: z.number().int().nullable(),
});
export type RoundProposal = z.infer<typeof roundProposal>;
export const roundProposalList = z.object({
  plan: z.object({ id: z.number().int(), title: z.string() }),
  items: z.array(roundProposal),
});

export const submissionSummary = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  orgUnit: unitRef,
  status: z.enum(submissionStatuses),
  revision: z.number().int(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  isLate: z.boolean(),
  /** The unit consolidates a child round of this one. */
  childRoundId: z.number().int().nullable(),
});
export type SubmissionSummary = z.infer<typeof submissionSummary>;

export const roundDetail = roundSummary.extend({
  /** The submissions the reader may see (all of them for the consolidating side). */
  submissions: z.array(submissionSummary),
  childRounds: z.array(z.object({ id: z.number().int(), consolidatingUnit: unitRef })),
  can: z.object({ manage: z.boolean() }),
});
export type RoundDetail = z.infer<typeof roundDetail>;

/* ---------------------------------------------------------------- submissions */

export const figureCell = z.object({
  key: z.string(),
  value: z.number().nullable(),
  computed: z.boolean(),
  comment: z.string().nullable(),
});

export const appendixRow = z.object({
  dataElement: z.string(),
  name: z.string(),
  columns: z.array(optionCombo),
  cells: z.array(figureCell),
});
export type AppendixRow = z.infer<typeof appendixRow>;

export const appendixTable = z.object({ code: z.string(), title: z.string(), rows: z.array(appendixRow) });
export type AppendixTable = z.infer<typeof appendixTable>;

export const submissionEvent = z.object({
  action: z.enum(['submitted', 'resubmitted', 'returned', 'accepted']),
  fromStatus: z.enum(submissionStatuses),
  toStatus: z.enum(submissionStatuses),
  comment: z.string().nullable(),
  by: z.string(),
  at: z.string(),
});

export const submission = submissionSummary.extend({
  round: roundSummary.omit({ completeness: true }),
  sections: z.array(outlineSection.extend({ answer: z.string() })),
  tables: z.array(appendixTable),
  /** Tables filled from the activity log (activities.ts): live while editable, frozen once submitted. */
  activityTables: submissionActivityTables,
  /** Validation of the stored figures (errors block submitting). */
  validation: z.array(validationMessage),
  history: z.array(submissionEvent),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
});
export type Submission = z.infer<typeof submission>;

/** One figure of the appendix: element code, cell key (`female.minority`, `total`), value (null deletes). */
export const submissionFigure = z.strictObject({
  dataElement: z.string().trim().min(1).max(64),
  disaggregation: z.union([z.string().trim().min(1).max(200), z.array(z.string().min(1).max(64)).max(8)]),
  value: z.number().finite().nullable(),
  comment: cleanText(0, 2000).nullable().default(null),
});

export const submissionSaveInput = z.strictObject({
  /** The revision the editor loaded. */
  revision: z.number().int().min(0),
  /** Answers per outline section key; sections left out keep their answer. */
  narrative: z.record(z.string().max(20), cleanText(0, 100_000)).default({}),
  /** Changed figures only; the others stay as stored. */
  figures: z.array(submissionFigure).max(5000).default([]),
});
export type SubmissionSaveInput = z.input<typeof submissionSaveInput>;

export const submitInput = z.strictObject({
  revision: z.number().int().min(0),
  comment: cleanText(0, 2000).nullable().default(null),
});
export const returnInput = z.strictObject({
  comment: cleanText(3, 2000),
});
export const acceptInput = z.strictObject({
  comment: cleanText(0, 2000).nullable().default(null),
});

/* -------------------------------------------------------------- consolidation */

export const consolidationQuery = z.object({
  /** `accepted` (default): accepted submissions only; `submitted`: also those awaiting review. */
  include: z.enum(['accepted', 'submitted']).default('accepted'),
  /** One appendix table only (its code), e.g. for a dashboard; default: every table. */
  table: z.string().min(1).max(40).optional(),
});

/**
 * The consolidated report as a file for the consolidating side: `docx`, the Decree 30 report
 * (BÁO CÁO) with the narrative gathered unit by unit and the appendix tables; `xlsx`, one sheet
 * per appendix table with the consolidated rows and a block per reporting unit.
 */
export const roundReportQuery = consolidationQuery.extend({
  format: z.enum(['docx', 'xlsx']).default('docx'),
});

export const consolidatedRow = appendixRow.extend({
  /** Per reporting unit of the round (its own figures plus its child round's, if any). */
  byUnit: z.array(z.object({ orgUnitId: z.number().int(), cells: z.array(figureCell) })),
});

export const consolidation = z.object({
  round: roundSummary,
  include: z.enum(['accepted', 'submitted']),
  /** The reporting units whose submissions count, in the drill-down's order. */
  units: z.array(unitRef.extend({ status: z.enum(submissionStatuses), isLate: z.boolean() })),
  appendix: z.array(z.object({ code: z.string(), title: z.string(), rows: z.array(consolidatedRow) })),
  /** Activity tables summed over the included reports' frozen tables, with the per-unit drill-down. */
  activityTables: z.array(consolidatedActivityTable),
  /** Narrative gathered unit by unit, per outline section. */
  sections: z.array(
    outlineSection.extend({ answers: z.array(z.object({ orgUnit: unitRef, text: z.string() })) }),
  ),
});
export type Consolidation = z.infer<typeof consolidation>;

/* -------------------------------------------------------------- inbox, timeliness */

export const inboxItem = z.object({
  submissionId: z.number().int(),
  roundId: z.number().int(),
  roundTitle: z.string(),
  orgUnit: unitRef,
  status: z.enum(submissionStatuses),
  dueOn: z.string(),
  isOverdue: z.boolean(),
  /** Why it was returned (the latest return's comment), for a returned report. */
  returnComment: z.string().nullable(),
});

export const inbox = z.object({
  /** My units' reports not yet submitted, or returned: soonest due first. */
  toSubmit: z.array(inboxItem),
  /** Submissions awaiting my review (rounds I consolidate). */
  toReview: z.array(inboxItem),
  /** Rounds I consolidate with reports still missing. */
  missing: z.array(
    z.object({
      roundId: z.number().int(),
      roundTitle: z.string(),
      dueOn: z.string(),
      missing: z.number().int(),
    }),
  ),
});
export type Inbox = z.infer<typeof inbox>;

export const timelinessQuery = z.object({
  /** Rounds consolidated by this unit or units under it. */
  orgUnitId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const unitTimeliness = z.object({
  orgUnit: unitRef,
  units: z.array(
    unitRef.extend({
      expected: z.number().int(),
      submitted: z.number().int(),
      onTime: z.number().int(),
    }),
  ),
});
export type UnitTimeliness = z.infer<typeof unitTimeliness>;
