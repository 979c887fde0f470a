import type { ActivityTableDefinition, AppendixTableDefinition, OutlineSection } from '@binhdang/contracts';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Scope } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { ReportRoundRow, ReportSubmissionRow, ReportTemplateRow } from '../app/database.types.ts';
import { pathInScope } from '../plans/plans.policy.ts';
import { splitStoredTables } from './reporting.activity-definitions.ts';

/*
 * Reads of templates, rounds and submissions. Completeness and timeliness are GROUP BYs at read
 * time; consolidated tables read the round totals kept by the transitions (`reporting.totals.ts`).
 */

/** A jsonb column as read by either engine: parsed already (PGlite) or as text. */
export const asJson = <T>(value: unknown, fallback: T): T =>
  value === null || value === undefined
    ? fallback
    : typeof value === 'string'
      ? (JSON.parse(value) as T)
      : (value as T);

export interface TemplateModel extends Omit<ReportTemplateRow, 'outline' | 'tables'> {
  outline: OutlineSection[];
  tables: AppendixTableDefinition[];
  /** The tables filled from the activity log (`source: 'activities'`), kept apart from the figure tables. */
  activityTables: ActivityTableDefinition[];
}

function toTemplateModel(row: ReportTemplateRow): TemplateModel {
  return { ...row, outline: asJson(row.outline, []), ...splitStoredTables(asJson(row.tables, [])) };
}

/** Every version of every template, or only those with the given ids. */
export async function findTemplates(db: Db, ids?: number[]): Promise<TemplateModel[]> {
  if (ids?.length === 0) return [];
  let query = db.selectFrom('report_templates').selectAll();
  if (ids) query = query.where('id', 'in', [...new Set(ids)]);
  const rows = await query.orderBy('code').orderBy('version').execute();
  return rows.map(toTemplateModel);
}

export async function findTemplate(db: Db, id: number): Promise<TemplateModel | undefined> {
  const row = await db.selectFrom('report_templates').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTemplateModel(row) : undefined;
}

export type RoundWithUnit = ReportRoundRow & { unit_code: string; unit_name: string; unit_path: string };

function roundsWithUnit(db: Db) {
  return db
    .selectFrom('report_rounds as r')
    .innerJoin('org_units as o', 'o.id', 'r.consolidating_unit_id')
    .selectAll('r')
    .select(['o.code as unit_code', 'o.name as unit_name', 'o.path as unit_path']);
}

export function findRound(db: Db, id: number): Promise<RoundWithUnit | undefined> {
  return roundsWithUnit(db).where('r.id', '=', id).executeTakeFirst();
}

/**
 * Rounds consolidated inside `consolidatorScope`, or with a reporting unit inside `reporterScope`,
 * optionally only those touching the subtree of `underPath`.
 */
export function searchRounds(
  db: Db,
  filter: { scope: Scope; underPath?: string | undefined; period?: string | undefined; limit: number },
): Promise<RoundWithUnit[]> {
  let query = roundsWithUnit(db).where((eb) =>
    eb.or([
      pathInScope('o.path', filter.scope),
      eb.exists(
        eb
          .selectFrom('report_submissions as s')
          .innerJoin('org_units as su', 'su.id', 's.org_unit_id')
          .select('s.id')
          .whereRef('s.round_id', '=', 'r.id')
          .where(pathInScope('su.path', filter.scope)),
      ),
    ]),
  );
  if (filter.underPath) {
    const under = { everywhere: false as const, paths: [filter.underPath] };
    query = query.where((eb) =>
      eb.or([
        pathInScope('o.path', under),
        eb.exists(
          eb
            .selectFrom('report_submissions as s')
            .innerJoin('org_units as su', 'su.id', 's.org_unit_id')
            .select('s.id')
            .whereRef('s.round_id', '=', 'r.id')
            .where(pathInScope('su.path', under)),
        ),
      ]),
    );
  }
  if (filter.period) query = query.where('r.period', '=', filter.period);
  return query.orderBy('r.due_on', 'desc').orderBy('r.id', 'desc').limit(filter.limit).execute();
}

export interface CompletenessRow {
  round_id: number;
  expected: number;
  submitted: number;
  accepted: number;
  returned: number;
  on_time: number;
}

/** Per round: expected, submitted or accepted, accepted, returned, and first submitted by the end of the due day. */
export async function countCompleteness(db: Db, roundIds: number[]): Promise<Map<number, CompletenessRow>> {
  if (roundIds.length === 0) return new Map();
  const result = await sql<CompletenessRow>`
    select s.round_id,
      count(*)::int as expected,
      count(*) filter (where s.status in ('submitted', 'accepted'))::int as submitted,
      count(*) filter (where s.status = 'accepted')::int as accepted,
      count(*) filter (where s.status = 'returned')::int as returned,
      count(*) filter (where s.status in ('submitted', 'accepted') and s.first_submitted_at < r.due_at)::int as on_time
    from report_submissions s join report_rounds r on r.id = s.round_id
    where s.round_id = any(${roundIds}::int[])
    group by s.round_id`.execute(db);
  return new Map(result.rows.map((row) => [row.round_id, row]));
}

export type SubmissionWithUnit = ReportSubmissionRow & {
  unit_code: string;
  unit_name: string;
  unit_path: string;
  child_round_id: number | null;
};

function submissionsWithUnit(db: Db) {
  return db
    .selectFrom('report_submissions as s')
    .innerJoin('org_units as o', 'o.id', 's.org_unit_id')
    .selectAll('s')
    .select(['o.code as unit_code', 'o.name as unit_name', 'o.path as unit_path'])
    .select((eb) =>
      eb
        .selectFrom('report_rounds as c')
        .select('c.id')
        .whereRef('c.parent_round_id', '=', 's.round_id')
        .whereRef('c.consolidating_unit_id', '=', 's.org_unit_id')
        .orderBy('c.id')
        .limit(1)
        .as('child_round_id'),
    );
}

/**
 * A round's submissions with their units and child rounds. The child rounds are joined once per
 * round rather than looked up per submission: a province round has ~200 reports and the
 * consolidation reads them on every view.
 */
export function findRoundSubmissions(db: Db, roundId: number): Promise<SubmissionWithUnit[]> {
  return db
    .with('children', (qb) =>
      qb
        .selectFrom('report_rounds')
        .select(['consolidating_unit_id', (eb) => eb.fn.min('id').as('id')])
        .where('parent_round_id', '=', roundId)
        .groupBy('consolidating_unit_id'),
    )
    .selectFrom('report_submissions as s')
    .innerJoin('org_units as o', 'o.id', 's.org_unit_id')
    .leftJoin('children as c', 'c.consolidating_unit_id', 's.org_unit_id')
    .selectAll('s')
    .select(['o.code as unit_code', 'o.name as unit_name', 'o.path as unit_path', 'c.id as child_round_id'])
    .where('s.round_id', '=', roundId)
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
}

export interface SubmissionEvent {
  action: string;
  from_status: string;
  to_status: string;
  comment: string | null;
  at: Date;
  display_name: string;
}

/** A report with everything its reads and transitions need: its round, template and history. */
export interface SubmissionContext {
  submission: SubmissionWithUnit & { updated_by_name: string | null };
  round: RoundWithUnit;
  template: TemplateModel;
  events: SubmissionEvent[];
}

/**
 * A report, its unit, its round with the consolidating unit, the round's template and the
 * report's history, in one query: the deadline spike runs this for every save and submit
 * (national scale, issue 8), so it is one round trip instead of five.
 */
export async function findSubmissionContext(db: Db, id: number): Promise<SubmissionContext | undefined> {
  const row = await submissionsWithUnit(db)
    .innerJoin('report_rounds as r', 'r.id', 's.round_id')
    .innerJoin('org_units as ro', 'ro.id', 'r.consolidating_unit_id')
    .innerJoin('report_templates as t', 't.id', 'r.template_id')
    .leftJoin('users as uu', 'uu.id', 's.updated_by')
    .select((eb) => [
      'uu.display_name as updated_by_name',
      sql<unknown>`to_jsonb(r)`.as('round_row'),
      'ro.code as round_unit_code',
      'ro.name as round_unit_name',
      'ro.path as round_unit_path',
      sql<unknown>`to_jsonb(t)`.as('template_row'),
      jsonArrayFrom(
        eb
          .selectFrom('report_submission_events as e')
          .innerJoin('users as eu', 'eu.id', 'e.actor_user_id')
          .select(['e.action', 'e.from_status', 'e.to_status', 'e.comment', 'e.at', 'eu.display_name'])
          .whereRef('e.submission_id', '=', 's.id')
          .orderBy('e.at')
          .orderBy('e.id'),
      ).as('events'),
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    round_row,
    round_unit_code,
    round_unit_name,
    round_unit_path,
    template_row,
    events,
    ...submission
  } = row;
  // to_jsonb writes timestamps as ISO text; dates stay `YYYY-MM-DD` text as every read returns them.
  const round = asJson<Record<string, unknown>>(round_row, {});
  const template = asJson<Record<string, unknown>>(template_row, {});
  const asDate = (value: unknown) => (value === null ? null : new Date(value as string));
  return {
    submission,
    round: {
      ...(round as unknown as ReportRoundRow),
      due_at: asDate(round.due_at)!,
      created_at: asDate(round.created_at)!,
      closed_at: asDate(round.closed_at),
      unit_code: round_unit_code,
      unit_name: round_unit_name,
      unit_path: round_unit_path,
    },
    template: toTemplateModel({
      ...(template as unknown as ReportTemplateRow),
      created_at: asDate(template.created_at)!,
    }),
    events: events.map((event) => ({ ...event, at: asDate(event.at)! })),
  };
}

export function findChildRounds(db: Db, roundId: number) {
  return db
    .selectFrom('report_rounds as r')
    .innerJoin('org_units as o', 'o.id', 'r.consolidating_unit_id')
    .select(['r.id', 'o.id as unit_id', 'o.code', 'o.name'])
    .where('r.parent_round_id', '=', roundId)
    .orderBy('r.id')
    .execute();
}

export interface ConsolidatedCellRow {
  /** Null on the round's total. */
  root_unit_id: number | null;
  data_element_id: number;
  disaggregation: string;
  sum: number;
  avg: number;
}

/**
 * The round's figures per reporting unit and in total, straight from every contributing unit's
 * figures. A reporting unit contributes its own figures for the period and, when it consolidates
 * a child round, those of the child round's included submissions, recursively (a commune →
 * province; a sector union → Labour Federation → province). The consolidation reads the same
 * numbers from the precomputed totals (`reporting.totals.ts`); this is the reference it is
 * tested against and the baseline the benchmark compares it with.
 */
export async function sumRoundFiguresFromValues(
  db: Db,
  round: { id: number; period: string },
  statuses: string[],
  elementIds: number[],
): Promise<ConsolidatedCellRow[]> {
  if (elementIds.length === 0) return [];
  const result = await sql<ConsolidatedCellRow & { is_total: number }>`
    with recursive contributors (root_unit_id, unit_id, round_id) as (
      select s.org_unit_id, s.org_unit_id, s.round_id
      from report_submissions s
      where s.round_id = ${round.id} and s.status = any(${statuses}::text[])
      union all
      select c.root_unit_id, s.org_unit_id, s.round_id
      from contributors c
      join report_rounds child on child.parent_round_id = c.round_id and child.consolidating_unit_id = c.unit_id
      join report_submissions s on s.round_id = child.id and s.status = any(${statuses}::text[])
    )
    select c.root_unit_id, v.data_element_id, v.disaggregation,
      sum(v.value)::float8 as sum, avg(v.value)::float8 as avg,
      grouping(c.root_unit_id)::int as is_total
    from contributors c
    join data_values v on v.org_unit_id = c.unit_id
    where v.period = ${round.period} and v.data_element_id = any(${elementIds}::int[])
    group by grouping sets ((c.root_unit_id, v.data_element_id, v.disaggregation), (v.data_element_id, v.disaggregation))`.execute(
    db,
  );
  return result.rows.map(({ is_total, ...row }) => ({
    ...row,
    root_unit_id: is_total === 1 ? null : row.root_unit_id,
  }));
}

/** Per reporting unit in rounds consolidated in the subtree under `path`: expected, submitted, on time. */
export async function countUnitTimeliness(db: Db, path: string, year: number | undefined) {
  const prefix = `${path.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const yearFilter = year === undefined ? sql`true` : sql`left(r.period, 4) = ${String(year)}`;
  const result = await sql<{
    org_unit_id: number;
    code: string;
    name: string;
    expected: number;
    submitted: number;
    on_time: number;
  }>`
    select s.org_unit_id, o.code, o.name,
      count(*)::int as expected,
      count(*) filter (where s.status in ('submitted', 'accepted'))::int as submitted,
      count(*) filter (where s.status in ('submitted', 'accepted') and s.first_submitted_at < r.due_at)::int as on_time
    from report_submissions s
    join report_rounds r on r.id = s.round_id
    join org_units c on c.id = r.consolidating_unit_id
    join org_units o on o.id = s.org_unit_id
    where c.path like ${prefix} and ${yearFilter}
    group by s.org_unit_id, o.code, o.name
    order by o.name, s.org_unit_id`.execute(db);
  return result.rows;
}

/** Submissions of units in `scope` with these statuses, soonest due first. */
export function findSubmissionsToDo(db: Db, scope: Scope, statuses: string[], limit: number) {
  return db
    .selectFrom('report_submissions as s')
    .innerJoin('org_units as o', 'o.id', 's.org_unit_id')
    .innerJoin('report_rounds as r', 'r.id', 's.round_id')
    .select([
      's.id',
      's.round_id',
      's.status',
      'o.id as unit_id',
      'o.code as unit_code',
      'o.name as unit_name',
      'r.title',
      'r.due_on',
      'r.due_at',
      (eb) =>
        eb
          .selectFrom('report_submission_events as e')
          .select('e.comment')
          .whereRef('e.submission_id', '=', 's.id')
          .where('e.action', '=', 'returned')
          .where('s.status', '=', 'returned')
          .orderBy('e.id', 'desc')
          .limit(1)
          .as('return_comment'),
    ])
    .where('s.status', 'in', statuses)
    .where(pathInScope('o.path', scope))
    .orderBy('r.due_on')
    .orderBy('s.id')
    .limit(limit)
    .execute();
}

/** Submissions awaiting review, and rounds with missing reports, in rounds consolidated inside `scope`. */
export function findSubmissionsToReview(db: Db, scope: Scope, limit: number) {
  return db
    .selectFrom('report_submissions as s')
    .innerJoin('org_units as o', 'o.id', 's.org_unit_id')
    .innerJoin('report_rounds as r', 'r.id', 's.round_id')
    .innerJoin('org_units as c', 'c.id', 'r.consolidating_unit_id')
    .select([
      's.id',
      's.round_id',
      's.status',
      'o.id as unit_id',
      'o.code as unit_code',
      'o.name as unit_name',
      'r.title',
      'r.due_on',
      'r.due_at',
    ])
    .where('s.status', '=', 'submitted')
    .where(pathInScope('c.path', scope))
    .orderBy('s.submitted_at')
    .orderBy('s.id')
    .limit(limit)
    .execute();
}

export function findRoundsWithMissing(db: Db, scope: Scope, limit: number) {
  return db
    .selectFrom('report_rounds as r')
    .innerJoin('org_units as c', 'c.id', 'r.consolidating_unit_id')
    .innerJoin('report_submissions as s', 's.round_id', 'r.id')
    .select(['r.id', 'r.title', 'r.due_on'])
    .select((eb) => eb.fn.countAll<number>().as('missing'))
    .where('s.status', 'in', ['draft', 'returned'])
    .where(pathInScope('c.path', scope))
    .groupBy(['r.id', 'r.title', 'r.due_on'])
    .orderBy('r.due_on')
    .limit(limit)
    .execute();
}
