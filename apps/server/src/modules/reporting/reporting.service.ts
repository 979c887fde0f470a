import {
  type AppendixTable,
  type Completeness,
  type Consolidation,
  type Inbox,
  periodLabel,
  type ReportTemplate,
  type RoundDetail,
  type RoundSummary,
  type roundInput,
  type Submission,
  type SubmissionStatus,
  type SubmissionSummary,
  type submissionSaveInput,
  type TemplateSummary,
  type UnitTimeliness,
  type ValueWriteItem,
} from '@binhdang/contracts';
import { type ExpressionBuilder, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import { type Actor, isPathInScope, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { Database } from '../app/database.types.ts';
import { todayInVietnam } from '../app/dates.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import {
  type CatalogueModel,
  type FigureRow,
  findFigures,
  loadCatalogue,
} from '../indicators/indicators.queries.ts';
import { assertStoredFiguresValid, writeValues } from '../indicators/indicators.service.ts';
import { previousPeriod, runValidation } from '../indicators/indicators.validation.ts';
import { notifySubmissionReviewed } from '../notifications/notifications.service.ts';
import { loadUnitInScope } from '../org-units/org-units.policy.ts';
import { isOpenOn } from '../org-units/org-units.queries.ts';
import {
  consolidateActivityTables,
  freezeActivityTables,
  submissionActivityTables,
} from './reporting.activity-tables.ts';
import {
  defaultCutOff,
  endOfDueDay,
  isLate,
  isValidIsoDate,
  periodFitsTemplate,
} from './reporting.periods.ts';
import {
  canManageRound,
  canSubmitFor,
  checkReportingUnits,
  loadRoundForRead,
  loadSubmissionForRead,
  loadSubmissionForReview,
  loadSubmissionForWrite,
} from './reporting.policy.ts';
import {
  type CompletenessRow,
  countCompleteness,
  countUnitTimeliness,
  findChildRounds,
  findRoundSubmissions,
  findRoundsWithMissing,
  findSubmissionsToDo,
  findSubmissionsToReview,
  findTemplate,
  findTemplates,
  type RoundWithUnit,
  type SubmissionContext,
  type SubmissionWithUnit,
  searchRounds,
  type TemplateModel,
} from './reporting.queries.ts';
import { buildCells, buildRow, type RowElement, type StoredCell } from './reporting.tables.ts';
import { applyReportToTotals, sumRoundFigures, type TotalsBucket } from './reporting.totals.ts';

interface ServiceDeps {
  db: Db;
  clock: () => Date;
  actor: Actor;
}

interface WriteDeps extends ServiceDeps {
  meta: RequestMeta;
}

type Issue = { path: string; message: string };

/* ------------------------------------------------------------------ templates */

function toTemplateSummary(template: TemplateModel): TemplateSummary {
  return {
    id: template.id,
    code: template.code,
    version: template.version,
    isCurrent: template.is_current,
    kind: template.kind as TemplateSummary['kind'],
    name: template.name,
    periodType: template.period_type as TemplateSummary['periodType'],
  };
}

/** The rows of a template's tables, from the catalogue (elements missing from it are skipped). */
function tableElements(catalogue: CatalogueModel, codes: string[]): (RowElement & { id: number })[] {
  return codes.flatMap((code) => {
    const element = catalogue.elements.get(code);
    const combo = element && catalogue.combos.find((candidate) => candidate.code === element.categoryCombo);
    if (!element || !combo) return [];
    return [
      {
        id: element.id,
        code: element.code,
        name: element.name,
        aggregation: element.aggregation,
        columns: combo.optionCombos,
      },
    ];
  });
}

function templateElementCodes(template: TemplateModel): Set<string> {
  return new Set(template.tables.flatMap((table) => table.dataElements));
}

export async function listTemplates({ db }: ServiceDeps): Promise<{ items: TemplateSummary[] }> {
  return { items: (await findTemplates(db)).map(toTemplateSummary) };
}

export async function getTemplate({
  db,
  templateId,
}: ServiceDeps & { templateId: number }): Promise<ReportTemplate> {
  const template = await findTemplate(db, templateId);
  if (!template) throw new AppError('reporting.template_not_found');
  const catalogue = await loadCatalogue(db);
  return {
    ...toTemplateSummary(template),
    outline: template.outline,
    tables: template.tables.map((table) => ({
      ...table,
      rows: tableElements(catalogue, table.dataElements).map((element) => ({
        dataElement: element.code,
        name: element.name,
        valueType: catalogue.elements.get(element.code)!.valueType,
        columns: element.columns,
      })),
    })),
  };
}

/* --------------------------------------------------------------------- rounds */

function toCompleteness(row: CompletenessRow | undefined): Completeness {
  const expected = row?.expected ?? 0;
  const submitted = row?.submitted ?? 0;
  const onTime = row?.on_time ?? 0;
  return {
    expected,
    submitted,
    accepted: row?.accepted ?? 0,
    returned: row?.returned ?? 0,
    onTime,
    late: submitted - onTime,
    completeness: expected === 0 ? null : submitted / expected,
    timeliness: expected === 0 ? null : onTime / expected,
  };
}

function toRoundSummary(
  round: RoundWithUnit,
  template: TemplateModel,
  row: CompletenessRow | undefined,
): RoundSummary {
  return {
    id: round.id,
    title: round.title,
    template: toTemplateSummary(template),
    consolidatingUnit: { id: round.consolidating_unit_id, code: round.unit_code, name: round.unit_name },
    parentRoundId: round.parent_round_id,
    period: round.period,
    periodLabel: periodLabel(round.period),
    cutOffFrom: round.cut_off_from,
    cutOffTo: round.cut_off_to,
    dueOn: round.due_on,
    createdAt: round.created_at.toISOString(),
    closedAt: round.closed_at?.toISOString() ?? null,
    completeness: toCompleteness(row),
  };
}

function toSubmissionSummary(submission: SubmissionWithUnit, round: { due_at: Date }): SubmissionSummary {
  return {
    id: submission.id,
    roundId: submission.round_id,
    orgUnit: { id: submission.org_unit_id, code: submission.unit_code, name: submission.unit_name },
    status: submission.status as SubmissionStatus,
    revision: submission.revision,
    firstSubmittedAt: submission.first_submitted_at?.toISOString() ?? null,
    submittedAt: submission.submitted_at?.toISOString() ?? null,
    acceptedAt: submission.accepted_at?.toISOString() ?? null,
    isLate: isLate(submission.first_submitted_at, round.due_at),
    childRoundId: submission.child_round_id,
  };
}

/** What `countCompleteness` counts, over a round's submissions already read. */
function completenessOf(round: RoundWithUnit, submissions: SubmissionWithUnit[]): CompletenessRow {
  const isIn = (status: string) => status === 'submitted' || status === 'accepted';
  const count = (test: (submission: SubmissionWithUnit) => boolean) => submissions.filter(test).length;
  return {
    round_id: round.id,
    expected: submissions.length,
    submitted: count((submission) => isIn(submission.status)),
    accepted: count((submission) => submission.status === 'accepted'),
    returned: count((submission) => submission.status === 'returned'),
    on_time: count(
      (submission) =>
        isIn(submission.status) &&
        submission.first_submitted_at !== null &&
        submission.first_submitted_at < round.due_at,
    ),
  };
}

async function summarizeRounds(db: Db, rounds: RoundWithUnit[]): Promise<RoundSummary[]> {
  const [templates, counts] = await Promise.all([
    findTemplates(
      db,
      rounds.map((round) => round.template_id),
    ),
    countCompleteness(
      db,
      rounds.map((round) => round.id),
    ),
  ]);
  const byId = new Map(templates.map((template) => [template.id, template]));
  return rounds.map((round) => toRoundSummary(round, byId.get(round.template_id)!, counts.get(round.id)));
}

export async function listRounds({
  db,
  actor,
  filter,
}: ServiceDeps & { filter: { orgUnitId?: number | undefined; period?: string | undefined; limit: number } }) {
  const under = filter.orgUnitId ? await loadUnitInScope(db, actor, 'reports.read', filter.orgUnitId) : null;
  const rounds = await searchRounds(db, {
    scope: scopeOf(actor, 'reports.read'),
    underPath: under?.path,
    period: filter.period,
    limit: filter.limit,
  });
  return { items: await summarizeRounds(db, rounds) };
}

export async function getRound({
  db,
  actor,
  roundId,
}: ServiceDeps & { roundId: number }): Promise<RoundDetail> {
  const { round, access } = await loadRoundForRead(db, actor, roundId);
  const [summary] = await summarizeRounds(db, [round]);
  const [submissions, children] = await Promise.all([
    findRoundSubmissions(db, round.id),
    findChildRounds(db, round.id),
  ]);
  const readScope = scopeOf(actor, 'reports.read');
  const visible =
    access === 'consolidator'
      ? submissions
      : submissions.filter((s) => isPathInScope(readScope, s.unit_path));
  return {
    ...summary!,
    submissions: visible.map((submission) => toSubmissionSummary(submission, round)),
    childRounds: children.map((child) => ({
      id: child.id,
      consolidatingUnit: { id: child.unit_id, code: child.code, name: child.name },
    })),
    can: { manage: canManageRound(actor, round.unit_path) },
  };
}

/**
 * Opens a round: checks the template, period and dates, resolves the reporting units (listed,
 * and/or every open unit of the given kinds under a unit, all inside the consolidating unit's
 * subtree) and makes one draft submission per unit, in one transaction.
 */
export async function createRound({
  db,
  clock,
  actor,
  meta,
  input,
}: WriteDeps & { input: z.output<typeof roundInput> }): Promise<RoundDetail> {
  const consolidator = await loadUnitInScope(db, actor, 'rounds.manage', input.consolidatingUnitId);
  const template = await findTemplate(db, input.templateId);
  if (!template) throw new AppError('reporting.template_not_found');
  const day = todayInVietnam(clock());
  const issues: Issue[] = [];
  // A new round takes the current version; an older one stays with the rounds opened with it.
  if (!template.is_current)
    issues.push({
      path: 'templateId',
      message: 'Mẫu báo cáo này đã có phiên bản mới hơn; hãy mở đợt báo cáo theo phiên bản hiện hành.',
    });

  if (!periodFitsTemplate(input.period, template.period_type))
    issues.push({
      path: 'period',
      message:
        template.period_type === 'half_year'
          ? 'Mẫu báo cáo này dùng cho kỳ 6 tháng (2026S1, 2026S2).'
          : 'Mẫu báo cáo này dùng cho kỳ năm (2026).',
    });
  const cutOff = defaultCutOff(input.period);
  const cutOffFrom = input.cutOffFrom ?? cutOff.from;
  const cutOffTo = input.cutOffTo ?? cutOff.to;
  for (const [path, value] of [
    ['cutOffFrom', cutOffFrom],
    ['cutOffTo', cutOffTo],
    ['dueOn', input.dueOn],
  ] as const)
    if (!isValidIsoDate(value)) issues.push({ path, message: 'Ngày không tồn tại.' });
  if (cutOffFrom > cutOffTo)
    issues.push({ path: 'cutOffTo', message: 'Ngày chốt số liệu cuối phải sau ngày bắt đầu.' });

  const isInside = (path: string, id: number) => path.startsWith(consolidator.path) && id !== consolidator.id;
  const unitIds = await checkReportingUnits(db, consolidator, input.unitIds, day, issues);
  if (input.unitKinds.length > 0) {
    const under = input.underUnitId
      ? await db.selectFrom('org_units').selectAll().where('id', '=', input.underUnitId).executeTakeFirst()
      : consolidator;
    if (!under?.path.startsWith(consolidator.path))
      issues.push({ path: 'underUnitId', message: 'Đơn vị phải thuộc đơn vị tổng hợp.' });
    else {
      const ofKinds = await db
        .selectFrom('org_units')
        .select(['id', 'path'])
        .where('kind', 'in', input.unitKinds)
        .where('path', 'like', `${under.path}%`)
        .where((eb) => isOpenOn(eb, day))
        .execute();
      for (const unit of ofKinds) if (isInside(unit.path, unit.id)) unitIds.add(unit.id);
    }
  }
  if (unitIds.size === 0 && !issues.some((issue) => issue.path.startsWith('unit')))
    issues.push({ path: 'unitIds', message: 'Đợt báo cáo chưa có đơn vị báo cáo nào.' });

  if (input.parentRoundId !== null) {
    const parent = await db
      .selectFrom('report_rounds')
      .selectAll()
      .where('id', '=', input.parentRoundId)
      .executeTakeFirst();
    const parentUnits = parent
      ? await db
          .selectFrom('report_submissions')
          .select('org_unit_id')
          .where('round_id', '=', parent.id)
          .execute()
      : [];
    const parentUnitIds = new Set(parentUnits.map((row) => row.org_unit_id));
    if (!parent) issues.push({ path: 'parentRoundId', message: 'Không tìm thấy đợt báo cáo cấp trên.' });
    else if (parent.period !== input.period)
      issues.push({ path: 'parentRoundId', message: 'Đợt báo cáo cấp trên phải cùng kỳ báo cáo.' });
    else if (!parentUnitIds.has(consolidator.id))
      issues.push({
        path: 'parentRoundId',
        message: 'Đơn vị tổng hợp phải là đơn vị báo cáo trong đợt báo cáo cấp trên.',
      });
    else if ([...unitIds].some((id) => parentUnitIds.has(id)))
      // A unit reporting in both would be counted twice in the parent's consolidation.
      issues.push({ path: 'unitIds', message: 'Có đơn vị đã báo cáo trực tiếp trong đợt báo cáo cấp trên.' });
  }
  if (issues.length > 0) throw new AppError('reporting.invalid_round', { issues });

  const title = input.title ?? `${template.name} (${periodLabel(input.period).toLowerCase()})`;
  const roundId = await db.transaction().execute(async (trx) => {
    const round = await trx
      .insertInto('report_rounds')
      .values({
        template_id: template.id,
        consolidating_unit_id: consolidator.id,
        parent_round_id: input.parentRoundId,
        title,
        period: input.period,
        cut_off_from: cutOffFrom,
        cut_off_to: cutOffTo,
        due_on: input.dueOn,
        due_at: endOfDueDay(input.dueOn),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('report_submissions')
      .values([...unitIds].map((unitId) => ({ round_id: round.id, org_unit_id: unitId })))
      .execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'reporting.round_open',
      entityType: 'report_round',
      entityId: round.id,
      orgUnitId: consolidator.id,
      after: {
        title,
        template: template.code,
        period: input.period,
        dueOn: input.dueOn,
        units: unitIds.size,
      },
      ip: meta.ip,
    });
    return round.id;
  });
  return getRound({ db, clock, actor, roundId });
}

/* ---------------------------------------------------------------- submissions */

export async function getSubmission({
  db,
  actor,
  submissionId,
}: ServiceDeps & { submissionId: number }): Promise<Submission> {
  return submissionView(db, actor, await loadSubmissionForRead(db, actor, submissionId));
}

/**
 * A report as its editor and its reviewer see it. A save or submit passes what it has read and
 * written already (the catalogue, the unit's figures of the period and the one before) so that
 * the answer costs no more queries than it must.
 */
async function submissionView(
  db: Db,
  actor: Actor,
  context: SubmissionContext,
  known?: { catalogue: CatalogueModel; stored: FigureRow[] },
): Promise<Submission> {
  const { submission, round, template, events } = context;
  const catalogue = known?.catalogue ?? (await loadCatalogue(db));
  const elements = tableElements(catalogue, [...templateElementCodes(template)]);
  const elementIds = new Set(elements.map((element) => element.id));
  const stored = (
    known?.stored ??
    (await findFigures(db, {
      unitIds: [submission.org_unit_id],
      periods: [round.period, previousPeriod(round.period)],
      elementIds: [...elementIds],
    }))
  ).filter((row) => elementIds.has(row.data_element_id));
  const current = stored.filter((row) => row.period === round.period);
  const cellsOf = (elementId: number) =>
    new Map<string, StoredCell>(
      current
        .filter((row) => row.data_element_id === elementId)
        .map((row) => [row.disaggregation, { value: row.value, comment: row.comment }]),
    );
  const tables: AppendixTable[] = template.tables.map((table) => ({
    code: table.code,
    title: table.title,
    rows: tableElements(catalogue, table.dataElements).map((element) =>
      buildRow(element, cellsOf(element.id)),
    ),
  }));
  const narrative = (
    typeof submission.narrative === 'string' ? JSON.parse(submission.narrative) : submission.narrative
  ) as Record<string, string>;
  const status = submission.status as SubmissionStatus;
  const isOpen = status === 'draft' || status === 'returned';
  const canSubmit = canSubmitFor(actor, submission.unit_path);
  return {
    ...toSubmissionSummary(submission, round),
    round: (({ completeness: _c, ...rest }) => rest)(toRoundSummary(round, template, undefined)),
    sections: template.outline.map((section) => ({ ...section, answer: narrative[section.key] ?? '' })),
    tables,
    activityTables: await submissionActivityTables(db, submission, round, template),
    validation: validateStored(catalogue, submission.org_unit_id, round.period, stored, elements),
    history: events.map((event) => ({
      action: event.action as Submission['history'][number]['action'],
      fromStatus: event.from_status as SubmissionStatus,
      toStatus: event.to_status as SubmissionStatus,
      comment: event.comment,
      by: event.display_name,
      at: event.at.toISOString(),
    })),
    updatedAt: submission.updated_at.toISOString(),
    updatedBy: submission.updated_by_name,
    can: {
      edit: isOpen && canSubmit,
      submit: isOpen && canSubmit,
      review: status === 'submitted' && canManageRound(actor, round.unit_path),
    },
  };
}

/** The catalogue's validation rules over the unit's stored figures of the template's elements. */
function validateStored(
  catalogue: CatalogueModel,
  unitId: number,
  period: string,
  stored: FigureRow[],
  elements: { code: string }[],
) {
  const cellMap = new Map<string, Map<string, Map<string, number>>>();
  for (const row of stored) {
    const element = catalogue.elementsById.get(row.data_element_id);
    if (!element) continue;
    const byElement = cellMap.get(row.period) ?? new Map<string, Map<string, number>>();
    cellMap.set(row.period, byElement);
    const cells = byElement.get(element.code) ?? new Map<string, number>();
    byElement.set(element.code, cells);
    cells.set(row.disaggregation, row.value);
  }
  const codes = new Set(elements.map((element) => element.code));
  return runValidation({
    rules: catalogue.rules,
    catalogue: catalogue.formula,
    unitPeriods: [{ orgUnitId: unitId, period }],
    elements: codes,
    cells: stored
      .filter((row) => row.period === period)
      .map((row) => ({
        dataElement: catalogue.elementsById.get(row.data_element_id)!.code,
        orgUnitId: unitId,
        period,
        key: row.disaggregation,
        value: row.value,
      }))
      .filter((cell) => codes.has(cell.dataElement)),
    lookup: (_unitId, lookupPeriod) => (code) => cellMap.get(lookupPeriod)?.get(code),
    previousValue: (cell) => cellMap.get(previousPeriod(cell.period))?.get(cell.dataElement)?.get(cell.key),
  });
}

function assertRoundOpen(round: { closed_at: Date | null }) {
  if (round.closed_at !== null) throw new AppError('reporting.round_closed');
}

const totalsKey = (
  submission: { org_unit_id: number },
  round: { id: number; period: string },
  elements: { id: number }[],
) => ({
  roundId: round.id,
  orgUnitId: submission.org_unit_id,
  period: round.period,
  elementIds: elements.map((element) => element.id),
});

function assertEditable(status: string) {
  if (status === 'accepted') throw new AppError('reporting.locked');
  if (status === 'submitted') throw new AppError('reporting.not_editable');
}

/**
 * Saves a draft (autosave): the narrative answers given (others keep theirs) and the changed
 * figures, against the revision the editor loaded. A stale revision → 409 `reporting.conflict`
 * and nothing changes; bad figures → 400/422 from the figures writer and nothing changes.
 */
export async function saveSubmission({
  db,
  clock,
  actor,
  meta,
  submissionId,
  input,
}: WriteDeps & { submissionId: number; input: z.output<typeof submissionSaveInput> }): Promise<Submission> {
  const context = await loadSubmissionForWrite(db, actor, submissionId);
  const { submission, round, template } = context;
  assertRoundOpen(round);
  assertEditable(submission.status);
  if (input.revision !== submission.revision) throw new AppError('reporting.conflict');

  const sectionKeys = new Set(template.outline.map((section) => section.key));
  const unknownSections = Object.keys(input.narrative).filter((key) => !sectionKeys.has(key));
  if (unknownSections.length > 0)
    throw new AppError('request.invalid', {
      issues: unknownSections.map((key) => ({
        path: `narrative.${key}`,
        message: 'Mục không có trong đề cương.',
      })),
    });
  const elementCodes = templateElementCodes(template);
  const outside = input.figures.flatMap((figure, index) =>
    elementCodes.has(figure.dataElement)
      ? []
      : [
          {
            path: `figures.${index}.dataElement`,
            message: 'Chỉ tiêu không có trong phụ lục của mẫu báo cáo.',
          },
        ],
  );
  if (outside.length > 0) throw new AppError('figures.invalid_input', { issues: outside });
  const catalogue = await loadCatalogue(db);
  const elementIds = tableElements(catalogue, [...elementCodes]).map((element) => element.id);

  const saved = await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('report_submissions')
      .set((eb) => ({
        narrative: sql`narrative || ${JSON.stringify(input.narrative)}::jsonb`,
        revision: eb('revision', '+', 1),
        updated_by: actor.userId,
        updated_at: clock(),
      }))
      .where('id', '=', submission.id)
      .where('revision', '=', input.revision)
      .where('status', 'in', ['draft', 'returned'])
      .returning(['narrative', 'revision', 'updated_by', 'updated_at'])
      .returning(updaterName(actor))
      .executeTakeFirst();
    if (!updated) throw new AppError('reporting.conflict');

    if (input.figures.length > 0) {
      const items: ValueWriteItem[] = input.figures.map((figure) => ({
        dataElement: figure.dataElement,
        orgUnitId: submission.org_unit_id,
        period: round.period,
        disaggregation: figure.disaggregation,
        value: figure.value,
        comment: figure.comment,
      }));
      await writeValues({
        db,
        transaction: trx,
        clock,
        actor,
        meta,
        input: { items: items as never, dryRun: false },
        issuePath: (index, field) => `figures.${index}.${field}`,
        known: { catalogue, units: [unitOf(submission)] },
      });
    }
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'reporting.save',
      entityType: 'report_submission',
      entityId: submission.id,
      orgUnitId: submission.org_unit_id,
      after: {
        revision: input.revision + 1,
        sections: Object.keys(input.narrative),
        figures: input.figures.length,
      },
      ip: meta.ip,
    });
    const stored = await findFigures(trx, {
      unitIds: [submission.org_unit_id],
      periods: [round.period, previousPeriod(round.period)],
      elementIds,
    });
    return { updated, stored };
  });
  return submissionView(
    db,
    actor,
    { ...context, submission: { ...submission, ...saved.updated } },
    { catalogue, stored: saved.stored },
  );
}

/** The report's unit as the figures writer knows it. */
const unitOf = (submission: SubmissionWithUnit) => ({
  id: submission.org_unit_id,
  code: submission.unit_code,
  name: submission.unit_name,
  path: submission.unit_path,
});

/** `returning` the name of who changes a report (the actor), for the answer's "updated by". */
const updaterName = (actor: Actor) => (eb: ExpressionBuilder<Database, 'report_submissions'>) =>
  eb.selectFrom('users').select('display_name').where('id', '=', actor.userId).as('updated_by_name');

async function recordTransition(
  trx: Transaction<Database>,
  deps: WriteDeps,
  submission: SubmissionWithUnit,
  transition: {
    action: 'submitted' | 'resubmitted' | 'returned' | 'accepted';
    to: SubmissionStatus;
    comment: string | null;
  },
) {
  await trx
    .insertInto('report_submission_events')
    .values({
      submission_id: submission.id,
      action: transition.action,
      from_status: submission.status,
      to_status: transition.to,
      comment: transition.comment,
      actor_user_id: deps.actor.userId,
      at: deps.clock(),
    })
    .execute();
  await insertAuditRecord(trx, {
    actorUserId: deps.actor.userId,
    action: `reporting.${transition.action}`,
    entityType: 'report_submission',
    entityId: submission.id,
    orgUnitId: submission.org_unit_id,
    before: { status: submission.status, revision: submission.revision },
    after: { status: transition.to, revision: submission.revision + 1, comment: transition.comment },
    ip: deps.meta.ip,
  });
}

/**
 * Submits (or resubmits after a return) what the editor saw: the revision must match, and the
 * stored figures of the appendix must pass validation (re-run through the figures writer, which
 * writes nothing on a dry run). Late is judged at read time from the first submission.
 */
export async function submitSubmission(
  deps: WriteDeps & { submissionId: number; input: { revision: number; comment: string | null } },
): Promise<Submission> {
  const { db, clock, actor, submissionId, input } = deps;
  const context = await loadSubmissionForWrite(db, actor, submissionId);
  const { submission, round, template } = context;
  assertRoundOpen(round);
  assertEditable(submission.status);
  if (input.revision !== submission.revision) throw new AppError('reporting.conflict');
  const catalogue = await loadCatalogue(db);
  const elements = tableElements(catalogue, [...templateElementCodes(template)]);
  const action = submission.first_submitted_at ? 'resubmitted' : 'submitted';

  const submitted = await db.transaction().execute(async (trx) => {
    const now = clock();
    const updated = await trx
      .updateTable('report_submissions')
      .set((eb) => ({
        status: 'submitted',
        submitted_at: now,
        first_submitted_at: eb.fn.coalesce('first_submitted_at', sql<Date>`${now}`),
        revision: eb('revision', '+', 1),
        updated_by: actor.userId,
        updated_at: now,
      }))
      .where('id', '=', submission.id)
      .where('revision', '=', input.revision)
      .where('status', 'in', ['draft', 'returned'])
      .returning(['status', 'submitted_at', 'first_submitted_at', 'revision', 'updated_by', 'updated_at'])
      .returning(updaterName(actor))
      .executeTakeFirst();
    if (!updated) throw new AppError('reporting.conflict');

    // The unit's figures of the period and of the one before (the rules look back), locked
    // like a write of them would lock them: the report's figures must pass validation.
    const stored = await findFigures(trx, {
      unitIds: [submission.org_unit_id],
      periods: [round.period, previousPeriod(round.period)],
      forUpdate: true,
    });
    assertStoredFiguresValid({
      actor,
      catalogue,
      unit: unitOf(submission),
      period: round.period,
      elementIds: new Set(elements.map((element) => element.id)),
      stored,
    });
    await recordTransition(trx, deps, submission, { action, to: 'submitted', comment: input.comment });
    await freezeActivityTables(trx, {
      submission,
      round,
      template,
      revision: input.revision + 1,
      now,
    });
    // Last, so the round's shared total rows stay locked only until the commit.
    await applyReportToTotals(trx, {
      ...totalsKey(submission, round, elements),
      bucket: 'submitted',
      sign: 1,
    });
    return { updated, stored, now };
  });
  const event = {
    action,
    from_status: submission.status,
    to_status: 'submitted',
    comment: input.comment,
    at: submitted.now,
    display_name: submitted.updated.updated_by_name ?? '',
  };
  return submissionView(
    db,
    actor,
    { ...context, submission: { ...submission, ...submitted.updated }, events: [...context.events, event] },
    { catalogue, stored: submitted.stored },
  );
}

/**
 * Returns (with a reason) or accepts a submitted report: the consolidating unit's act. An accepted
 * report can be returned too (reopened, with a reason) while the round is open; its figures
 * unlock and leave the accepted totals until it is accepted again.
 */
export async function reviewSubmission(
  deps: WriteDeps & { submissionId: number; decision: 'returned' | 'accepted'; comment: string | null },
): Promise<Submission> {
  const { db, clock, actor, submissionId, decision, comment } = deps;
  const { submission, round, template } = await loadSubmissionForReview(db, actor, submissionId);
  assertRoundOpen(round);
  if (submission.status === 'accepted' && decision === 'accepted') throw new AppError('reporting.locked');
  if (submission.status !== 'submitted' && submission.status !== 'accepted')
    throw new AppError('reporting.invalid_transition');
  const catalogue = await loadCatalogue(db);
  const elements = tableElements(catalogue, [...templateElementCodes(template)]);
  const from = submission.status as TotalsBucket;

  await db.transaction().execute(async (trx) => {
    const now = clock();
    const updated = await trx
      .updateTable('report_submissions')
      .set((eb) => ({
        status: decision,
        ...(decision === 'accepted' ? { accepted_at: now } : { accepted_at: null }),
        revision: eb('revision', '+', 1),
        updated_by: actor.userId,
        updated_at: now,
      }))
      .where('id', '=', submission.id)
      .where('status', '=', from)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('reporting.invalid_transition');
    await recordTransition(trx, deps, submission, { action: decision, to: decision, comment });
    await notifySubmissionReviewed(trx, {
      submission,
      revision: submission.revision + 1,
      roundTitle: round.title,
      decision,
      comment,
      now,
    });
    const key = totalsKey(submission, round, elements);
    await applyReportToTotals(trx, { ...key, bucket: from, sign: -1 });
    if (decision === 'accepted') await applyReportToTotals(trx, { ...key, bucket: 'accepted', sign: 1 });
  });
  return getSubmission({ db, clock, actor, submissionId: submission.id });
}

/* -------------------------------------------------------------- consolidation */

/**
 * The consolidating unit's view of a round, computed now: each appendix table summed over the
 * included submissions (and sub-consolidators' child rounds) with a per-unit drill-down, and
 * the narrative gathered unit by unit.
 */
export async function getConsolidation({
  db,
  actor,
  roundId,
  include,
  table,
}: ServiceDeps & {
  roundId: number;
  include: 'accepted' | 'submitted';
  table?: string | undefined;
}): Promise<Consolidation> {
  const { round, access } = await loadRoundForRead(db, actor, roundId);
  if (access !== 'consolidator') throw new AppError('auth.out_of_scope');
  const statuses = include === 'accepted' ? ['accepted'] : ['accepted', 'submitted'];
  const [template, catalogue, submissions] = await Promise.all([
    findTemplate(db, round.template_id),
    loadCatalogue(db),
    findRoundSubmissions(db, round.id),
  ]);
  const summary = toRoundSummary(round, template!, completenessOf(round, submissions));
  const included = submissions.filter((submission) => statuses.includes(submission.status));
  const tables =
    table === undefined ? template!.tables : template!.tables.filter((candidate) => candidate.code === table);
  if (tables.length === 0 && table !== undefined)
    throw new AppError('request.invalid', {
      issues: [{ path: 'table', message: 'Mẫu báo cáo của đợt này không có phụ lục này.' }],
    });
  const elements = tableElements(catalogue, [...new Set(tables.flatMap((entry) => entry.dataElements))]);
  const sums = await sumRoundFigures(
    db,
    round,
    statuses,
    elements.map((element) => element.id),
  );

  // element id → unit id (null: total) → cell key → stored cell
  const cells = new Map<number, Map<number | null, Map<string, StoredCell>>>();
  for (const row of sums) {
    const element = catalogue.elementsById.get(row.data_element_id);
    const byUnit = cells.get(row.data_element_id) ?? new Map<number | null, Map<string, StoredCell>>();
    cells.set(row.data_element_id, byUnit);
    const byKey = byUnit.get(row.root_unit_id) ?? new Map<string, StoredCell>();
    byUnit.set(row.root_unit_id, byKey);
    byKey.set(row.disaggregation, {
      value: element?.aggregation === 'average' ? row.avg : row.sum,
      comment: null,
    });
  }
  const cellsOf = (elementId: number, unitId: number | null) =>
    cells.get(elementId)?.get(unitId) ?? new Map();

  const narratives = included.map((submission) => ({
    orgUnit: { id: submission.org_unit_id, code: submission.unit_code, name: submission.unit_name },
    narrative: (typeof submission.narrative === 'string'
      ? JSON.parse(submission.narrative)
      : submission.narrative) as Record<string, string>,
  }));
  return {
    round: summary,
    include,
    units: included.map((submission) => ({
      id: submission.org_unit_id,
      code: submission.unit_code,
      name: submission.unit_name,
      status: submission.status as SubmissionStatus,
      isLate: isLate(submission.first_submitted_at, round.due_at),
    })),
    appendix: tables.map((table) => ({
      code: table.code,
      title: table.title,
      rows: tableElements(catalogue, table.dataElements).map((element) => ({
        ...buildRow(element, cellsOf(element.id, null)),
        byUnit: included.map((submission) => ({
          orgUnitId: submission.org_unit_id,
          cells: buildCells(element, cellsOf(element.id, submission.org_unit_id)),
        })),
      })),
    })),
    activityTables: await consolidateActivityTables(db, round, template!, included),
    sections: template!.outline.map((section) => ({
      ...section,
      answers: narratives
        .filter((entry) => (entry.narrative[section.key] ?? '').trim() !== '')
        .map((entry) => ({ orgUnit: entry.orgUnit, text: entry.narrative[section.key]! })),
    })),
  };
}

/* -------------------------------------------------------------- inbox, timeliness */

const INBOX_LIMIT = 100;

/** The first screen: what my units must still send, what awaits my review, which rounds miss reports. */
export async function getInbox({ db, clock, actor }: ServiceDeps): Promise<Inbox> {
  const now = clock();
  type ItemRow = Omit<Awaited<ReturnType<typeof findSubmissionsToDo>>[number], 'return_comment'> & {
    return_comment?: string | null;
  };
  const toItem = (row: ItemRow) => ({
    submissionId: row.id,
    roundId: row.round_id,
    roundTitle: row.title,
    orgUnit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    status: row.status as SubmissionStatus,
    dueOn: row.due_on,
    isOverdue: now.getTime() >= row.due_at.getTime(),
    returnComment: row.return_comment ?? null,
  });
  const submitScope = scopeOf(actor, 'reports.submit');
  const manageScope = scopeOf(actor, 'rounds.manage');
  const none = { everywhere: false as const, paths: [] };
  const [toSubmit, toReview, missing] = await Promise.all([
    findSubmissionsToDo(db, submitScope, ['draft', 'returned'], INBOX_LIMIT),
    findSubmissionsToReview(db, manageScope, INBOX_LIMIT),
    findRoundsWithMissing(
      db,
      manageScope.everywhere || manageScope.paths.length > 0 ? manageScope : none,
      INBOX_LIMIT,
    ),
  ]);
  return {
    toSubmit: toSubmit.map(toItem),
    toReview: toReview.map(toItem),
    missing: missing.map((row) => ({
      roundId: row.id,
      roundTitle: row.title,
      dueOn: row.due_on,
      missing: Number(row.missing),
    })),
  };
}

export async function getUnitTimeliness({
  db,
  actor,
  query,
}: ServiceDeps & { query: { orgUnitId: number; year?: number | undefined } }): Promise<UnitTimeliness> {
  const unit = await loadUnitInScope(db, actor, 'reports.read', query.orgUnitId);
  const rows = await countUnitTimeliness(db, unit.path, query.year);
  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name },
    units: rows.map((row) => ({
      id: row.org_unit_id,
      code: row.code,
      name: row.name,
      expected: row.expected,
      submitted: row.submitted,
      onTime: row.on_time,
    })),
  };
}
