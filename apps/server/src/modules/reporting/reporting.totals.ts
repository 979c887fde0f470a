import { sql, type Transaction } from 'kysely';
import type { Db } from '../app/database.ts';
import type { Database } from '../app/database.types.ts';
import type { ConsolidatedCellRow } from './reporting.queries.ts';

/*
 * Precomputed round totals (migration 0008). A round keeps, per bucket, the sum and count of
 * the figures of its submitted and of its accepted reports over its template's data elements.
 * Every transition that moves a report into or out of a bucket applies its figures with a sign
 * in the same transaction, and a report's figures cannot change while it sits in a bucket
 * (`reporting.locks.ts`), so the totals are never stale. The consolidation then reads, for a
 * round of 34 provinces, the totals of 35 rounds instead of the figures of 4,000 units.
 */

export type TotalsBucket = 'submitted' | 'accepted';

export function bucketsFor(statuses: readonly string[]): TotalsBucket[] {
  return statuses.filter((status): status is TotalsBucket => status === 'submitted' || status === 'accepted');
}

/**
 * A round's totals are kept in stripes (migration 0011): a report adds to the stripe of its unit,
 * so the reports of one province share a total row 4 times less often, and readers sum stripes.
 */
export const TOTALS_STRIPES = 4;

/**
 * Adds (sign 1) or removes (sign -1) one report's figures to or from its round's bucket, in the
 * stripe of its unit. Rows are upserted in key order so that two reports of one stripe lock the
 * shared total rows in the same order and cannot deadlock.
 */
export async function applyReportToTotals(
  trx: Transaction<Database>,
  report: {
    roundId: number;
    bucket: TotalsBucket;
    orgUnitId: number;
    period: string;
    elementIds: number[];
    sign: 1 | -1;
  },
): Promise<void> {
  if (report.elementIds.length === 0) return;
  await sql`
    insert into report_round_totals as t (round_id, bucket, data_element_id, disaggregation, stripe, value_sum, value_count)
    select ${report.roundId}, ${report.bucket}, v.data_element_id, v.disaggregation,
      ${report.orgUnitId % TOTALS_STRIPES}::smallint, ${report.sign}::numeric * v.value::numeric, ${report.sign}::int
    from data_values v
    where v.org_unit_id = ${report.orgUnitId} and v.period = ${report.period}
      and v.data_element_id = any(${report.elementIds}::int[])
    order by v.data_element_id, v.disaggregation
    on conflict (round_id, bucket, data_element_id, disaggregation, stripe) do update
      set value_sum = t.value_sum + excluded.value_sum, value_count = t.value_count + excluded.value_count`.execute(
    trx,
  );
}

/** The data elements of a round's template, by id (the rows its totals are kept for). */
export async function roundElementIds(db: Db | Transaction<Database>, roundId: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    select distinct e.id
    from report_rounds r
    join report_templates t on t.id = r.template_id
    cross join lateral jsonb_array_elements(t.tables) as tab(definition)
    cross join lateral jsonb_array_elements_text(coalesce(tab.definition -> 'dataElements', '[]'::jsonb)) as code(value)
    join data_elements e on e.code = code.value
    where r.id = ${roundId}
    order by e.id`.execute(db);
  return result.rows.map((row) => row.id);
}

/**
 * Recomputes one round's totals from the stored figures and report states. For bulk loads (the
 * national generator, seeds) that write reports without going through the transitions, and as
 * the reference the incremental totals are tested against.
 */
export async function refreshRoundTotals(db: Db, roundId: number): Promise<void> {
  const elementIds = await roundElementIds(db, roundId);
  await db.transaction().execute(async (trx) => {
    // Lock the round's reports so that no transition interleaves with the recount.
    await trx
      .selectFrom('report_submissions')
      .select('id')
      .where('round_id', '=', roundId)
      .forUpdate()
      .execute();
    await trx.deleteFrom('report_round_totals').where('round_id', '=', roundId).execute();
    if (elementIds.length === 0) return;
    await sql`
      insert into report_round_totals (round_id, bucket, data_element_id, disaggregation, stripe, value_sum, value_count)
      select s.round_id, s.status, v.data_element_id, v.disaggregation, (s.org_unit_id % ${TOTALS_STRIPES})::smallint,
        sum(v.value::numeric), count(*)::int
      from report_submissions s
      join report_rounds r on r.id = s.round_id
      join data_values v on v.org_unit_id = s.org_unit_id and v.period = r.period
      where s.round_id = ${roundId} and s.status in ('submitted', 'accepted')
        and v.data_element_id = any(${elementIds}::int[])
      group by 1, 2, 3, 4, 5`.execute(trx);
  });
}

/**
 * The round's figures per reporting unit and in total, for the included statuses. A reporting
 * unit contributes its own figures (read from `data_values`: the drill-down needs them) and, when
 * it consolidates a child round, that round's totals and, recursively, those of the child rounds
 * of its included reports. Same result as the GROUP BY over all those units' figures
 * (`sumRoundFiguresFromValues`), from a few hundred total rows instead of every unit's figures.
 */
export async function sumRoundFigures(
  db: Db,
  round: { id: number; period: string },
  statuses: string[],
  elementIds: number[],
): Promise<ConsolidatedCellRow[]> {
  if (elementIds.length === 0) return [];
  const buckets = bucketsFor(statuses);
  const result = await sql<{ root_unit_id: number | null; is_total: number; cells: string }>`
    with recursive feeding (round_id, root_unit_id) as (
      select child.id, s.org_unit_id
      from report_submissions s
      join report_rounds child on child.parent_round_id = s.round_id and child.consolidating_unit_id = s.org_unit_id
      where s.round_id = ${round.id} and s.status = any(${statuses}::text[])
      union all
      select child.id, f.root_unit_id
      from feeding f
      join report_submissions s on s.round_id = f.round_id and s.status = any(${statuses}::text[])
      join report_rounds child on child.parent_round_id = f.round_id and child.consolidating_unit_id = s.org_unit_id
    ),
    parts (root_unit_id, data_element_id, disaggregation, value_sum, value_count) as (
      select s.org_unit_id, v.data_element_id, v.disaggregation, v.value::numeric, 1
      from report_submissions s
      join data_values v on v.org_unit_id = s.org_unit_id
      where s.round_id = ${round.id} and s.status = any(${statuses}::text[])
        and v.period = ${round.period} and v.data_element_id = any(${elementIds}::int[])
      union all
      select f.root_unit_id, t.data_element_id, t.disaggregation, t.value_sum, t.value_count
      from feeding f
      join report_round_totals t on t.round_id = f.round_id
      where t.bucket = any(${buckets}::text[]) and t.value_count > 0
        and t.data_element_id = any(${elementIds}::int[])
    ),
    cells as (
      select root_unit_id, data_element_id, disaggregation,
        sum(value_sum)::float8 as sum,
        (sum(value_sum) / nullif(sum(value_count), 0))::float8 as avg,
        grouping(root_unit_id) as is_total
      from parts
      group by grouping sets ((root_unit_id, data_element_id, disaggregation), (data_element_id, disaggregation))
    )
    -- One row per reporting unit (and one for the total) with its cells as JSON: a province's
    -- drill-down is ~20,000 cells, which the drivers (PGlite most) decode far slower as rows.
    select root_unit_id, is_total::int as is_total,
      json_agg(json_build_array(data_element_id, disaggregation, sum, avg))::text as cells
    from cells
    group by root_unit_id, is_total`.execute(db);
  return result.rows.flatMap(({ root_unit_id, is_total, cells }) =>
    (JSON.parse(cells) as [number, string, number, number | null][]).map(
      ([data_element_id, disaggregation, sum, avg]) => ({
        root_unit_id: is_total === 1 ? null : root_unit_id,
        data_element_id,
        disaggregation,
        sum,
        avg: avg as number,
      }),
    ),
  );
}
