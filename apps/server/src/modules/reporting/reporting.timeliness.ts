import {
  type MatrixCell,
  type MatrixCellStatus,
  periodLabel,
  type TimelinessMatrix,
} from '@binhdang/contracts';
import { sql } from 'kysely';
import type { Actor } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import { loadUnitInScope } from '../org-units/org-units.policy.ts';
import { isLate } from './reporting.periods.ts';

/*
 * Completeness and timeliness over time (issue 6 §4): unit × round → where the unit stands,
 * with per-unit, per-round and overall rates. The rates are one GROUP BY with grouping sets
 * over the same rows as the cells, so the heat map and its totals cannot disagree.
 */

interface ServiceDeps {
  db: Db;
  clock: () => Date;
  actor: Actor;
}

/** Columns a screen can carry; more rounds than this gives the latest ones. */
export const MATRIX_ROUND_LIMIT = 60;

/** Where a reporting unit stands in a round now (see the contract for the meanings). */
export function matrixStatus(
  submission: { status: string; first_submitted_at: Date | null },
  dueAt: Date,
  now: Date,
): MatrixCellStatus {
  const late = isLate(submission.first_submitted_at, dueAt);
  if (submission.status === 'accepted') return late ? 'late' : 'on_time';
  if (submission.status === 'submitted') return 'submitted';
  if (submission.status === 'returned') return 'returned';
  return now.getTime() >= dueAt.getTime() ? 'missing' : 'pending';
}

interface RateRow {
  round_id: number | null;
  org_unit_id: number | null;
  by_round: number;
  by_unit: number;
  expected: number;
  submitted: number;
  on_time: number;
}

function toRates(row: RateRow | undefined) {
  const expected = row?.expected ?? 0;
  const submitted = row?.submitted ?? 0;
  const onTime = row?.on_time ?? 0;
  return {
    expected,
    submitted,
    onTime,
    completeness: expected === 0 ? null : submitted / expected,
    timeliness: expected === 0 ? null : onTime / expected,
  };
}

export async function getTimelinessMatrix({
  db,
  clock,
  actor,
  query,
}: ServiceDeps & {
  query: { orgUnitId: number; fromYear: number; toYear: number; templateCode?: string | undefined };
}): Promise<TimelinessMatrix> {
  const unit = await loadUnitInScope(db, actor, 'reports.read', query.orgUnitId);
  const prefix = `${unit.path.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const templateFilter =
    query.templateCode === undefined ? sql`true` : sql`t.code = ${query.templateCode.toUpperCase()}`;
  const roundRows = await sql<{
    id: number;
    title: string;
    period: string;
    due_on: string;
    due_at: Date;
    template_code: string;
    unit_id: number;
    unit_code: string;
    unit_name: string;
  }>`
    select r.id, r.title, r.period, to_char(r.due_on, 'YYYY-MM-DD') as due_on, r.due_at,
      t.code as template_code, c.id as unit_id, c.code as unit_code, c.name as unit_name
    from report_rounds r
    join org_units c on c.id = r.consolidating_unit_id
    join report_templates t on t.id = r.template_id
    where c.path like ${prefix}
      and left(r.period, 4)::int between ${query.fromYear} and ${query.toYear}
      and ${templateFilter}
    order by r.due_on desc, r.id desc
    limit ${MATRIX_ROUND_LIMIT + 1}`.execute(db);
  const truncated = roundRows.rows.length > MATRIX_ROUND_LIMIT;
  const rounds = roundRows.rows.slice(0, MATRIX_ROUND_LIMIT).reverse();
  const roundIds = rounds.map((round) => round.id);

  const [submissions, rates] =
    roundIds.length === 0
      ? [[], []]
      : await Promise.all([
          sql<{
            id: number;
            round_id: number;
            org_unit_id: number;
            status: string;
            first_submitted_at: Date | null;
            code: string;
            name: string;
          }>`
            select s.id, s.round_id, s.org_unit_id, s.status, s.first_submitted_at, o.code, o.name
            from report_submissions s join org_units o on o.id = s.org_unit_id
            where s.round_id = any(${roundIds}::int[])`
            .execute(db)
            .then((result) => result.rows),
          sql<RateRow>`
            select s.round_id, s.org_unit_id,
              grouping(s.round_id)::int as by_unit, grouping(s.org_unit_id)::int as by_round,
              count(*)::int as expected,
              count(*) filter (where s.status in ('submitted', 'accepted'))::int as submitted,
              count(*) filter (where s.status in ('submitted', 'accepted')
                and s.first_submitted_at < r.due_at)::int as on_time
            from report_submissions s join report_rounds r on r.id = s.round_id
            where s.round_id = any(${roundIds}::int[])
            group by grouping sets ((s.round_id), (s.org_unit_id), ())`
            .execute(db)
            .then((result) => result.rows),
        ]);

  const byRound = new Map<number, RateRow>();
  const byUnit = new Map<number, RateRow>();
  let total: RateRow | undefined;
  for (const row of rates) {
    if (row.by_round === 1 && row.by_unit === 0) byRound.set(row.round_id!, row);
    else if (row.by_unit === 1 && row.by_round === 0) byUnit.set(row.org_unit_id!, row);
    else total = row;
  }

  const now = clock();
  const dueAt = new Map(rounds.map((round) => [round.id, round.due_at]));
  const units = new Map<number, { id: number; code: string; name: string; cells: Map<number, MatrixCell> }>();
  for (const submission of submissions) {
    const row = units.get(submission.org_unit_id) ?? {
      id: submission.org_unit_id,
      code: submission.code,
      name: submission.name,
      cells: new Map<number, MatrixCell>(),
    };
    units.set(submission.org_unit_id, row);
    const due = dueAt.get(submission.round_id)!;
    row.cells.set(submission.round_id, {
      status: matrixStatus(submission, due, now),
      submissionId: submission.id,
      isLate: isLate(submission.first_submitted_at, due),
    });
  }
  const collator = new Intl.Collator('vi');
  const notExpected: MatrixCell = { status: 'not_expected', submissionId: null, isLate: false };

  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name },
    fromYear: query.fromYear,
    toYear: query.toYear,
    rounds: rounds.map((round) => ({
      id: round.id,
      title: round.title,
      period: round.period,
      periodLabel: periodLabel(round.period),
      dueOn: round.due_on,
      templateCode: round.template_code,
      consolidatingUnit: { id: round.unit_id, code: round.unit_code, name: round.unit_name },
      ...toRates(byRound.get(round.id)),
    })),
    units: [...units.values()]
      .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id)
      .map((row) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        ...toRates(byUnit.get(row.id)),
        cells: roundIds.map((roundId) => row.cells.get(roundId) ?? notExpected),
      })),
    total: toRates(total),
    truncated,
  };
}
