import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/modules/app/config.ts';
import type { DatabaseHandle } from '../src/modules/app/database.ts';
import { createApi } from '../src/modules/app/server.ts';
import { createSessions } from '../src/modules/auth/auth.service.ts';
import { roundElementIds, sumRoundFigures } from '../src/modules/reporting/reporting.totals.ts';
import {
  type GenerateResult,
  generateCountry,
  halfYearPeriods,
} from '../src/modules/scale/scale.generator.ts';
import { createTestDatabase, describeEachEngine, sharedDataDir } from './test-database.ts';

/*
 * The synthetic country at the tiny scale: its shape (provinces, communes, agencies, reporters,
 * rounds and child rounds, past accepted and current open), figures the validation rules accept,
 * precomputed round totals equal to the GROUP BY over the raw figures, the same figures from the
 * same seed, and a generated reporter saving and submitting the open round's 100 values.
 */

const today = new Date('2026-11-23T12:00:00Z');
const generate = (db: DatabaseHandle['db'], seed: number) =>
  generateCountry(db, { scale: 'tiny', seed, password: 'demo', sharedDataDir, today, log: () => {} });

/** A fingerprint of the figures before `period` by unit code, element code, period and cell. */
async function figuresFingerprint(db: DatabaseHandle['db'], period: string): Promise<string> {
  const result = await sql<{ digest: string }>`
    select md5(string_agg(o.code || '|' || e.code || '|' || v.period || '|' || v.disaggregation || '=' || v.value::text,
      ',' order by o.code, e.code, v.period, v.disaggregation)) as digest
    from data_values v join org_units o on o.id = v.org_unit_id join data_elements e on e.id = v.data_element_id
    where v.period < ${period}`.execute(db);
  return result.rows[0]!.digest;
}

it('lists the current half-year and the ten before it', () => {
  expect(halfYearPeriods(new Date('2026-11-23T00:00:00Z'), 10)).toEqual({
    current: '2026S2',
    past: [
      '2021S2',
      '2022S1',
      '2022S2',
      '2023S1',
      '2023S2',
      '2024S1',
      '2024S2',
      '2025S1',
      '2025S2',
      '2026S1',
    ],
  });
  expect(halfYearPeriods(new Date('2026-03-01T00:00:00Z'), 2)).toEqual({
    current: '2026S1',
    past: ['2025S1', '2025S2'],
  });
});

describeEachEngine('demo generate --scale tiny', (engine) => {
  let handle: DatabaseHandle;
  let result: GenerateResult;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    result = await generate(handle.db, 7);
  }, 180_000);
  afterAll(() => handle?.close());

  it('makes two provinces of twelve communes and five agencies, each unit with a reporter', async () => {
    expect(result).toMatchObject({
      provinces: 2,
      reportingUnits: 34,
      dataElements: 80,
      values: expect.any(Number),
    });
    expect(result.periods).toEqual(['2025S2', '2026S1', '2026S2']);
    const reporters = await sql<{ unit: string; kind: string; reporters: number }>`
      select o.name as unit, o.kind, count(g.id)::int as reporters
      from report_submissions s
      join report_rounds r on r.id = s.round_id and r.parent_round_id is not null and r.period = '2026S2'
      join org_units o on o.id = s.org_unit_id
      left join role_grants g on g.org_unit_id = o.id and g.role = 'reporter'
      group by o.name, o.kind order by o.name`.execute(handle.db);
    expect(reporters.rows).toHaveLength(34);
    expect(reporters.rows.every((row) => row.reporters === 1)).toBe(true);
    expect(
      reporters.rows.filter((row) => ['commune', 'ward', 'special_zone'].includes(row.kind)),
    ).toHaveLength(24);
    // Vietnamese names, with diacritics, for the generated agencies of Hà Nội.
    expect(reporters.rows.map((row) => row.unit)).toContain('Hội Liên hiệp Phụ nữ thành phố Hà Nội');
    expect(reporters.rows.map((row) => row.unit)).toContain('Sở Nội vụ thành phố Hà Nội');
  });

  it('opens a national round per half-year whose provinces consolidate their own child round', async () => {
    const rounds = await sql<{ period: string; national: string; children: number; statuses: string }>`
      select n.period, u.name as national, count(distinct c.id)::int as children,
        string_agg(distinct s.status, ',') as statuses
      from report_rounds n
      join org_units u on u.id = n.consolidating_unit_id
      join report_rounds c on c.parent_round_id = n.id
      join report_submissions s on s.round_id in (n.id, c.id)
      where n.parent_round_id is null
      group by n.period, u.name order by n.period`.execute(handle.db);
    expect(rounds.rows).toEqual([
      { period: '2025S2', national: 'Bộ Nội vụ', children: 2, statuses: 'accepted' },
      { period: '2026S1', national: 'Bộ Nội vụ', children: 2, statuses: 'accepted' },
      { period: '2026S2', national: 'Bộ Nội vụ', children: 2, statuses: 'draft' },
    ]);
    // Each child round is consolidated by a province that reports in the national round.
    const misplaced = await sql<{ id: number }>`
      select c.id from report_rounds c
      where c.parent_round_id is not null and not exists (
        select 1 from report_submissions s where s.round_id = c.parent_round_id and s.org_unit_id = c.consolidating_unit_id)`.execute(
      handle.db,
    );
    expect(misplaced.rows).toEqual([]);
  });

  it('keeps round totals equal to the GROUP BY over the raw figures of every unit under the round', async () => {
    const elementIds = await roundElementIds(handle.db, result.nationalRoundId);
    expect(elementIds.length).toBeGreaterThan(20);
    const consolidated = (
      await sumRoundFigures(
        handle.db,
        { id: result.nationalRoundId, period: '2026S1' },
        ['accepted'],
        elementIds,
      )
    ).filter((row) => row.root_unit_id === null);
    const raw = await sql<{ data_element_id: number; disaggregation: string; sum: number }>`
      select v.data_element_id, v.disaggregation, sum(v.value)::float8 as sum
      from report_rounds c
      join report_submissions s on s.round_id = c.id
      join data_values v on v.org_unit_id = s.org_unit_id and v.period = c.period
      where c.parent_round_id = ${result.nationalRoundId} and v.data_element_id = any(${elementIds}::int[])
      group by v.data_element_id, v.disaggregation`.execute(handle.db);
    expect(raw.rows.length).toBe(100);
    const key = (row: { data_element_id: number; disaggregation: string }) =>
      `${row.data_element_id}|${row.disaggregation}`;
    expect(new Map(consolidated.map((row) => [key(row), Math.round(row.sum)]))).toEqual(
      new Map(raw.rows.map((row) => [key(row), Math.round(row.sum)])),
    );
  });

  it('generates plans, tasks with lead units and progress, and activities', async () => {
    expect(result.plans).toBeGreaterThanOrEqual(4);
    expect(result.tasks).toBeGreaterThan(60);
    const orphans = await sql<{ n: number }>`
      select count(*)::int as n from plan_items i join plans p on p.id = i.plan_id
      where i.is_task and p.status = 'issued' and not exists (
        select 1 from task_assignments a where a.item_id = i.id and a.role = 'lead')`.execute(handle.db);
    expect(orphans.rows[0]!.n).toBe(0);
    const carried = await sql<{ n: number }>`
      select count(*)::int as n from plan_items i join plans p on p.id = i.plan_id
      join plan_items source on source.id = i.source_item_id join plans parent on parent.id = source.plan_id
      where parent.id = p.parent_plan_id`.execute(handle.db);
    expect(carried.rows[0]!.n).toBeGreaterThan(0);
    expect(result.activities).toBe(34 * 2 * 2);
  });

  it('lets a generated reporter save and submit the open round’s 100 values, which the rules accept', async () => {
    const config = loadConfig({}, { logLevel: 'silent' });
    const api = createApi({ db: handle.db, config, clock: () => today, engine: handle.engine });
    const target = await sql<{ submission_id: number; user_id: number; unit_id: number }>`
      select s.id as submission_id, g.user_id, s.org_unit_id as unit_id
      from report_submissions s
      join report_rounds r on r.id = s.round_id and r.period = '2026S2' and r.parent_round_id is not null
      join role_grants g on g.org_unit_id = s.org_unit_id and g.role = 'reporter'
      order by s.id limit 1`.execute(handle.db);
    const { submission_id: id, user_id: userId, unit_id: unitId } = target.rows[0]!;
    const [session] = await createSessions(handle.db, [userId], { config, clock: () => today });
    const headers = {
      cookie: `binhdang_session=${session!.token}`,
      'x-csrf-token': session!.csrfToken,
      'content-type': 'application/json',
    };
    // Last year's second half, 10 % more.
    const previous = await sql<{ code: string; disaggregation: string; value: number }>`
      select e.code, v.disaggregation, v.value from data_values v join data_elements e on e.id = v.data_element_id
      where v.org_unit_id = ${unitId} and v.period = '2025S2'`.execute(handle.db);
    const form = await api.request(`/reporting/submissions/${id}`, { headers });
    const submission = (await form.json()) as {
      revision: number;
      tables: { rows: { dataElement: string; cells: { key: string; computed?: boolean }[] }[] }[];
    };
    const wanted = new Set(submission.tables.flatMap((table) => table.rows.map((row) => row.dataElement)));
    const figures = previous.rows
      .filter((row) => wanted.has(row.code))
      .map((row) => ({
        dataElement: row.code,
        disaggregation: row.disaggregation,
        value: Math.round(row.value * 1.1),
      }));
    expect(figures).toHaveLength(100);
    const saved = await api.request(`/reporting/submissions/${id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ revision: submission.revision, figures }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const revision = ((await saved.json()) as { revision: number }).revision;
    const submitted = await api.request(`/reporting/submissions/${id}/submit`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ revision }),
    });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    expect(((await submitted.json()) as { status: string }).status).toBe('submitted');
  });

  it('makes the same figures from the same seed and others from another seed', async () => {
    const again = await createTestDatabase(engine);
    const other = await createTestDatabase(engine);
    try {
      await generate(again.db, 7);
      await generate(other.db, 8);
      // The open half-year is left out: the test above submitted one report of it.
      const first = await figuresFingerprint(again.db, '2026S2');
      expect(first).toBe(await figuresFingerprint(handle.db, '2026S2'));
      expect(await figuresFingerprint(other.db, '2026S2')).not.toBe(first);
    } finally {
      await again.close();
      await other.close();
    }
  }, 300_000); // two more generations of the tiny country: slow on a busy machine

  it('refuses to generate twice into one database', async () => {
    await expect(generate(handle.db, 7)).rejects.toThrow(/đã có dữ liệu sinh tự động/);
  });
});
