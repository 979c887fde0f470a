import {
  type ActivityCell,
  type ActivityKind,
  type ActivityTable,
  type ActivityTableDefinition,
  activityKindLabels,
  activityKinds,
  activityTableColumns,
  type ConsolidatedActivityTable,
  fundingSourceLabels,
  fundingSources,
  type Observance,
  type ParticipantKey,
  type Participants,
  participantKeys,
  type SubmissionActivityTables,
} from '@binhdang/contracts';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { Database } from '../app/database.types.ts';
import { AppError } from '../app/errors.ts';
import { loadRoundForRead, loadSubmissionForRead } from './reporting.policy.ts';
import { findRoundSubmissions, findTemplate, type TemplateModel } from './reporting.queries.ts';
import type { ReportTable } from './reporting.report.ts';

/*
 * Activity tables of a report (template tables with `source: 'activities'`): the number of
 * activities and their participants by kind, and the cost by funding source, from the activity
 * log of the submission's unit and the units under it, for activities that started inside the
 * round's cut-off period (cut_off_from..cut_off_to). While the report is a draft or returned the
 * tables are computed now; submitting stores the activities counted and the tables with the ids
 * behind every cell (`report_activity_snapshots`), so a submitted or accepted report keeps its
 * numbers whatever is logged, edited or deleted later. Consolidation sums the included reports'
 * stored tables. Every number is a pure function of the counted activities (`buildActivityTable`),
 * which is also what the drill-down filters, so a number and its list cannot disagree.
 */

/** An activity as a report counts it. */
export interface ActivityFact {
  id: number;
  orgUnit: { id: number; code: string; name: string };
  kind: ActivityKind;
  title: string;
  startsOn: string;
  endsOn: string;
  place: string | null;
  participants: Participants;
  costState: number;
  costNonState: number;
  minorityLanguage: boolean;
  /** The observance of its campaign (directly, or through the unit campaign it belongs to). */
  observance: Observance | null;
}

type Executor = Kysely<Database>;

const isFrozenStatus = (status: string) => status === 'submitted' || status === 'accepted';

/* ------------------------------------------------------------------ pure tables */

function participantSum(fact: ActivityFact, keys: readonly ParticipantKey[]): number {
  return keys.reduce((sum, key) => sum + (fact.participants[key] ?? 0), 0);
}

const columnKeys: Record<string, readonly ParticipantKey[]> = {
  male: ['male.kinh', 'male.minority'],
  female: ['female.kinh', 'female.minority'],
  kinh: ['male.kinh', 'female.kinh'],
  minority: ['male.minority', 'female.minority'],
  total: participantKeys,
};

function rowKeys(definition: ActivityTableDefinition): string[] {
  return definition.layout === 'by_kind' ? [...activityKinds, 'total'] : [...fundingSources, 'total'];
}

function rowName(definition: ActivityTableDefinition, key: string): string {
  if (key === 'total') return definition.layout === 'by_kind' ? 'Tổng số' : fundingSourceLabels.total.vi;
  return definition.layout === 'by_kind'
    ? activityKindLabels[key as ActivityKind].vi
    : fundingSourceLabels[key as 'state' | 'non_state'].vi;
}

function costOf(fact: ActivityFact, row: string): number {
  if (row === 'state') return fact.costState;
  if (row === 'non_state') return fact.costNonState;
  return fact.costState + fact.costNonState;
}

/** The facts a definition counts at all (its observance filter). */
function factsOf(definition: ActivityTableDefinition, facts: ActivityFact[]): ActivityFact[] {
  return definition.observance ? facts.filter((fact) => fact.observance === definition.observance) : facts;
}

/** The activities behind one cell, and its value. Unknown rows or columns are null. */
export function cellOf(
  definition: ActivityTableDefinition,
  facts: ActivityFact[],
  row: string,
  column: string,
): { value: number; facts: ActivityFact[] } | null {
  if (!rowKeys(definition).includes(row)) return null;
  if (!activityTableColumns[definition.layout].some((known) => known.key === column)) return null;
  const counted = factsOf(definition, facts);
  if (definition.layout === 'by_kind') {
    const inRow = row === 'total' ? counted : counted.filter((fact) => fact.kind === row);
    if (column === 'activities') return { value: inRow.length, facts: inRow };
    const keys = columnKeys[column]!;
    const behind = inRow.filter((fact) => participantSum(fact, keys) > 0);
    return { value: behind.reduce((sum, fact) => sum + participantSum(fact, keys), 0), facts: behind };
  }
  const behind = counted.filter((fact) => costOf(fact, row) > 0);
  if (column === 'activities') return { value: behind.length, facts: behind };
  return { value: behind.reduce((sum, fact) => sum + costOf(fact, row), 0), facts: behind };
}

export interface BuiltActivityTable {
  table: ActivityTable;
  /** Per row, per column: the ids of the activities behind the number. */
  ids: number[][][];
}

export function buildActivityTable(
  definition: ActivityTableDefinition,
  facts: ActivityFact[],
): BuiltActivityTable {
  const columns = activityTableColumns[definition.layout];
  const rows = rowKeys(definition).map((key) => {
    const cells = columns.map((column) => cellOf(definition, facts, key, column.key)!);
    return {
      row: { key, name: rowName(definition, key), values: cells.map((cell) => cell.value) },
      ids: cells.map((cell) => cell.facts.map((fact) => fact.id)),
    };
  });
  return {
    table: {
      source: 'activities',
      code: definition.code,
      title: definition.title,
      layout: definition.layout,
      observance: definition.observance ?? null,
      columns: columns.map((column) => ({ key: column.key, name: column.vi })),
      rows: rows.map((entry) => entry.row),
    },
    ids: rows.map((entry) => entry.ids),
  };
}

/** Sums tables of one definition cell by cell; the per-unit parts stay as they are. */
export function sumActivityTables(
  definition: ActivityTableDefinition,
  parts: { orgUnitId: number; table: ActivityTable }[],
): ConsolidatedActivityTable {
  const empty = buildActivityTable(definition, []).table;
  const rows = empty.rows.map((row, rowIndex) => ({
    ...row,
    values: row.values.map((_, columnIndex) =>
      parts.reduce((sum, part) => sum + (part.table.rows[rowIndex]?.values[columnIndex] ?? 0), 0),
    ),
  }));
  return {
    ...empty,
    rows,
    byUnit: parts.map((part) => ({ orgUnitId: part.orgUnitId, rows: part.table.rows })),
  };
}

/* ------------------------------------------------------------------- the log */

/** Activities of the units under `unitPath` that started in [from, to], as reports count them. */
export async function loadActivityFacts(
  db: Executor,
  filter: { unitPath: string; from: string; to: string; ids?: number[] },
): Promise<ActivityFact[]> {
  const result = await sql<{
    id: number;
    unit_id: number;
    unit_code: string;
    unit_name: string;
    kind: ActivityKind;
    title: string;
    starts_on: string;
    ends_on: string;
    place: string | null;
    cost_state: number;
    cost_non_state: number;
    minority_language: boolean;
    observance: Observance | null;
    male_kinh: number;
    male_minority: number;
    female_kinh: number;
    female_minority: number;
  }>`
    select a.id, u.id as unit_id, u.code as unit_code, u.name as unit_name, a.kind, a.title,
      a.starts_on, a.ends_on, coalesce(pu.name, a.place_text) as place, a.cost_state, a.cost_non_state,
      a.minority_language, coalesce(c.observance, pc.observance) as observance,
      coalesce((select sum(p.value) from activity_participants p where p.activity_id = a.id and p.disaggregation = 'male.kinh'), 0)::int as male_kinh,
      coalesce((select sum(p.value) from activity_participants p where p.activity_id = a.id and p.disaggregation = 'male.minority'), 0)::int as male_minority,
      coalesce((select sum(p.value) from activity_participants p where p.activity_id = a.id and p.disaggregation = 'female.kinh'), 0)::int as female_kinh,
      coalesce((select sum(p.value) from activity_participants p where p.activity_id = a.id and p.disaggregation = 'female.minority'), 0)::int as female_minority
    from activities a
    join org_units u on u.id = a.org_unit_id
    left join org_units pu on pu.id = a.place_unit_id
    left join campaigns c on c.id = a.campaign_id
    left join campaigns pc on pc.id = c.parent_id
    where a.deleted_at is null
      and u.path like ${`${filter.unitPath.replace(/[\\%_]/g, (char) => `\\${char}`)}%`}
      and a.starts_on >= ${filter.from} and a.starts_on <= ${filter.to}
      ${filter.ids ? sql`and a.id = any(${filter.ids}::int[])` : sql``}
    order by a.starts_on, a.id`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    orgUnit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    kind: row.kind,
    title: row.title,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    place: row.place,
    participants: {
      'male.kinh': Number(row.male_kinh),
      'male.minority': Number(row.male_minority),
      'female.kinh': Number(row.female_kinh),
      'female.minority': Number(row.female_minority),
    },
    costState: Number(row.cost_state),
    costNonState: Number(row.cost_non_state),
    minorityLanguage: row.minority_language,
    observance: row.observance,
  }));
}

interface SubmissionLike {
  id: number;
  status: string;
  revision: number;
  unit_path: string;
}
interface RoundLike {
  cut_off_from: string;
  cut_off_to: string;
}

interface StoredSnapshot {
  frozenAt: Date;
  facts: ActivityFact[];
}

const parseJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

async function findSnapshots(db: Executor, submissionIds: number[]): Promise<Map<number, StoredSnapshot>> {
  if (submissionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('report_activity_snapshots')
    .select(['submission_id', 'frozen_at', 'activities'])
    .where('submission_id', 'in', submissionIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.submission_id,
      { frozenAt: row.frozen_at, facts: parseJson<ActivityFact[]>(row.activities) },
    ]),
  );
}

/** What a submission's activity tables count: the stored activities once submitted, the log otherwise. */
async function submissionFacts(
  db: Executor,
  submission: SubmissionLike,
  round: RoundLike,
  snapshot: StoredSnapshot | undefined,
): Promise<{ facts: ActivityFact[]; frozenAt: Date | null }> {
  if (isFrozenStatus(submission.status) && snapshot)
    return { facts: snapshot.facts, frozenAt: snapshot.frozenAt };
  const facts = await loadActivityFacts(db, {
    unitPath: submission.unit_path,
    from: round.cut_off_from,
    to: round.cut_off_to,
  });
  return { facts, frozenAt: null };
}

/** The activity tables a submission shows (the hook in getSubmission). */
export async function submissionActivityTables(
  db: Executor,
  submission: SubmissionLike,
  round: RoundLike,
  template: Pick<TemplateModel, 'activityTables'>,
): Promise<SubmissionActivityTables> {
  const base = { cutOffFrom: round.cut_off_from, cutOffTo: round.cut_off_to };
  if (template.activityTables.length === 0) return { frozen: false, frozenAt: null, ...base, tables: [] };
  const snapshot = (await findSnapshots(db, [submission.id])).get(submission.id);
  const { facts, frozenAt } = await submissionFacts(db, submission, round, snapshot);
  return {
    frozen: frozenAt !== null,
    frozenAt: frozenAt?.toISOString() ?? null,
    ...base,
    tables: template.activityTables.map((definition) => buildActivityTable(definition, facts).table),
  };
}

/**
 * Stores what the tables count at this moment, with the ids behind each cell; called inside the
 * submit transaction, so the report's status and its frozen tables commit together.
 */
export async function freezeActivityTables(
  trx: Executor,
  input: {
    submission: { id: number; unit_path: string };
    round: RoundLike;
    template: Pick<TemplateModel, 'activityTables'>;
    revision: number;
    now: Date;
  },
): Promise<void> {
  if (input.template.activityTables.length === 0) return;
  const facts = await loadActivityFacts(trx, {
    unitPath: input.submission.unit_path,
    from: input.round.cut_off_from,
    to: input.round.cut_off_to,
  });
  const observancesUsed = new Set(
    input.template.activityTables.map((definition) => definition.observance ?? null),
  );
  const counted = observancesUsed.has(null)
    ? facts
    : facts.filter((fact) => observancesUsed.has(fact.observance));
  const tables = input.template.activityTables.map((definition) => {
    const built = buildActivityTable(definition, counted);
    return { ...built.table, ids: built.ids };
  });
  const values = {
    revision: input.revision,
    frozen_at: input.now,
    activities: JSON.stringify(counted),
    tables: JSON.stringify(tables),
  };
  await trx
    .insertInto('report_activity_snapshots')
    .values({ submission_id: input.submission.id, ...values })
    .onConflict((conflict) => conflict.column('submission_id').doUpdateSet(values))
    .execute();
}

/** The round's activity tables summed over the included reports, each report's part kept for the drill-down. */
export async function consolidateActivityTables(
  db: Executor,
  round: RoundLike,
  template: Pick<TemplateModel, 'activityTables'>,
  included: (SubmissionLike & { org_unit_id: number })[],
): Promise<ConsolidatedActivityTable[]> {
  if (template.activityTables.length === 0) return [];
  const snapshots = await findSnapshots(
    db,
    included.map((submission) => submission.id),
  );
  const parts = await Promise.all(
    included.map(async (submission) => ({
      orgUnitId: submission.org_unit_id,
      facts: (await submissionFacts(db, submission, round, snapshots.get(submission.id))).facts,
    })),
  );
  return template.activityTables.map((definition) =>
    sumActivityTables(
      definition,
      parts.map((part) => ({
        orgUnitId: part.orgUnitId,
        table: buildActivityTable(definition, part.facts).table,
      })),
    ),
  );
}

/* ------------------------------------------------------------------ drill-down */

function toCell(
  definition: ActivityTableDefinition | undefined,
  facts: ActivityFact[],
  query: { table: string; row: string; column: string },
  frozen: boolean,
): ActivityCell {
  const cell = definition ? cellOf(definition, facts, query.row, query.column) : null;
  if (!cell)
    throw new AppError('request.invalid', {
      issues: [{ path: 'table', message: 'Bảng, dòng hoặc cột không có trong mẫu báo cáo.' }],
    });
  return {
    ...query,
    value: cell.value,
    frozen,
    items: cell.facts.map((fact) => ({
      id: fact.id,
      orgUnit: fact.orgUnit,
      kind: fact.kind,
      title: fact.title,
      startsOn: fact.startsOn,
      endsOn: fact.endsOn,
      place: fact.place,
      participants: fact.participants,
      participantTotal: participantSum(fact, participantKeys),
      costState: fact.costState,
      costNonState: fact.costNonState,
      minorityLanguage: fact.minorityLanguage,
    })),
  };
}

/** The activities behind one number of a submission's activity table, for whoever reads the submission. */
export async function getSubmissionActivityCell({
  db,
  actor,
  submissionId,
  query,
}: {
  db: Db;
  actor: Actor;
  submissionId: number;
  query: { table: string; row: string; column: string };
}): Promise<ActivityCell> {
  const { submission, round } = await loadSubmissionForRead(db, actor, submissionId);
  const template = (await findTemplate(db, round.template_id))!;
  const definition = template.activityTables.find((table) => table.code === query.table);
  const snapshot = (await findSnapshots(db, [submission.id])).get(submission.id);
  const { facts, frozenAt } = await submissionFacts(db, submission, round, snapshot);
  return toCell(definition, facts, query, frozenAt !== null);
}

/** The activities behind one consolidated number (or one unit's part of it), for the consolidating side. */
export async function getRoundActivityCell({
  db,
  actor,
  roundId,
  query,
}: {
  db: Db;
  actor: Actor;
  roundId: number;
  query: {
    table: string;
    row: string;
    column: string;
    include: 'accepted' | 'submitted';
    unitId?: number | undefined;
  };
}): Promise<ActivityCell> {
  const { round, access } = await loadRoundForRead(db, actor, roundId);
  if (access !== 'consolidator') throw new AppError('auth.out_of_scope');
  const statuses = query.include === 'accepted' ? ['accepted'] : ['accepted', 'submitted'];
  const template = (await findTemplate(db, round.template_id))!;
  const definition = template.activityTables.find((table) => table.code === query.table);
  const included = (await findRoundSubmissions(db, round.id)).filter(
    (submission) =>
      statuses.includes(submission.status) &&
      (query.unitId === undefined || submission.org_unit_id === query.unitId),
  );
  const snapshots = await findSnapshots(
    db,
    included.map((submission) => submission.id),
  );
  const facts = (
    await Promise.all(
      included.map(
        async (submission) =>
          (
            await submissionFacts(db, submission, round, snapshots.get(submission.id))
          ).facts,
      ),
    )
  ).flat();
  return toCell(definition, facts, { table: query.table, row: query.row, column: query.column }, true);
}

/* ------------------------------------------------------------------ the printed report */

/**
 * The consolidated activity tables as the DOCX/XLSX report prints tables: by kind with the
 * participants' columns and their total; the cost as one row per source with the total.
 */
export function activityReportTables(
  tables: ConsolidatedActivityTable[],
  units: { id: number; code: string; name: string }[],
): ReportTable[] {
  return tables.map((table) => {
    const toRows = (rows: ActivityTable['rows']) => {
      if (table.layout === 'by_kind')
        return rows.map((row, index) => ({
          number: index + 1,
          dataElement: row.key,
          name: row.name,
          cells: row.values.slice(0, -1),
          total: row.values.at(-1) ?? null,
        }));
      const amount = (key: string) => rows.find((row) => row.key === key)?.values[1] ?? 0;
      const count = (key: string) => rows.find((row) => row.key === key)?.values[0] ?? 0;
      return [
        {
          number: 1,
          dataElement: 'amount',
          name: 'Kinh phí (đồng)',
          cells: [amount('state'), amount('non_state')],
          total: amount('total'),
        },
        {
          number: 2,
          dataElement: 'activities',
          name: 'Số hoạt động có kinh phí',
          cells: [count('state'), count('non_state')],
          total: count('total'),
        },
      ];
    };
    const columns =
      table.layout === 'by_kind'
        ? table.columns.slice(0, -1)
        : fundingSources.map((key) => ({ key, name: fundingSourceLabels[key].vi }));
    return {
      code: table.code,
      title: table.title,
      columns,
      rows: toRows(table.rows),
      byUnit: units.map((unit) => ({
        unit,
        rows: toRows(table.byUnit.find((entry) => entry.orgUnitId === unit.id)?.rows ?? []),
      })),
    };
  });
}
