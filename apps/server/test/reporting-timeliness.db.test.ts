import type { TimelinessMatrix } from '@binhdang/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

/*
 * Completeness and timeliness over time: unit × round with a status per cell and rates per
 * unit, per round and overall. The clock stands at 22/11/2026; three rounds of Lai Châu (annual
 * 2025, first half 2026, annual 2026 not yet due) and one of Hà Nội that must not show.
 */

const PROVINCE = '12';

describeEachEngine('reporting: completeness and timeliness matrix', (engine) => {
  let app: TestApp;
  let planner: TestClient;
  let communes: { id: number; name: string }[];
  const rounds: Record<'annual2025' | 'half2026' | 'annual2026' | 'hanoi', number> = {
    annual2025: 0,
    half2026: 0,
    annual2026: 0,
    hanoi: 0,
  };

  const templateId = async (code: string) =>
    (
      await app.db
        .selectFrom('report_templates')
        .select('id')
        .where('code', '=', code)
        .where('is_current', '=', true)
        .executeTakeFirstOrThrow()
    ).id;

  /** Puts a unit's submission in a state, as the workflow would have left it. */
  const setSubmission = async (
    roundId: number,
    unitId: number,
    status: 'draft' | 'submitted' | 'returned' | 'accepted',
    firstSubmittedAt: string | null,
  ) => {
    const at = firstSubmittedAt === null ? null : new Date(firstSubmittedAt);
    await app.db
      .updateTable('report_submissions')
      .set({
        status,
        first_submitted_at: at,
        submitted_at: at,
        accepted_at: status === 'accepted' ? at : null,
      })
      .where('round_id', '=', roundId)
      .where('org_unit_id', '=', unitId)
      .execute();
  };

  beforeAll(async () => {
    app = await createTestApp(engine);
    planner = await app.signInAs('planner', PROVINCE, 'tonghop');
    const admin = await app.signInAs('system_admin', null, 'quantri');
    communes = await app.db
      .selectFrom('org_units')
      .select(['id', 'name'])
      .where('parent_id', '=', await app.unitId(PROVINCE))
      .where('kind', '=', 'commune')
      .where('valid_to', 'is', null)
      .orderBy('name')
      .limit(4)
      .execute();
    const ids = communes.map((unit) => unit.id);
    const open = async (client: TestClient, body: Record<string, unknown>) => {
      const response = await client.request('POST', '/reporting/rounds', body);
      if (response.status !== 200) throw new Error(JSON.stringify(response.body));
      return response.body.id as number;
    };
    const provinceId = await app.unitId(PROVINCE);
    rounds.annual2025 = await open(planner, {
      templateId: await templateId('BDG_NAM'),
      consolidatingUnitId: provinceId,
      period: '2025',
      dueOn: '2025-12-01',
      unitIds: ids,
    });
    rounds.half2026 = await open(planner, {
      templateId: await templateId('BDG_6_THANG'),
      consolidatingUnitId: provinceId,
      period: '2026S1',
      dueOn: '2026-06-05',
      unitIds: ids.slice(0, 2),
    });
    rounds.annual2026 = await open(planner, {
      templateId: await templateId('BDG_NAM'),
      consolidatingUnitId: provinceId,
      period: '2026',
      dueOn: '2026-12-01',
      unitIds: [ids[0]!, ids[3]!],
    });
    const hanoiCommune = await app.db
      .selectFrom('org_units')
      .select('id')
      .where('parent_id', '=', await app.unitId('01'))
      .where('valid_to', 'is', null)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    rounds.hanoi = await open(admin, {
      templateId: await templateId('BDG_NAM'),
      consolidatingUnitId: await app.unitId('01'),
      period: '2026',
      dueOn: '2026-12-01',
      unitIds: [hanoiCommune.id],
    });

    // 2025: on time and accepted; late and accepted; late and awaiting review; never sent.
    await setSubmission(rounds.annual2025, ids[0]!, 'accepted', '2025-11-28T03:00:00Z');
    await setSubmission(rounds.annual2025, ids[1]!, 'accepted', '2025-12-03T03:00:00Z');
    await setSubmission(rounds.annual2025, ids[2]!, 'submitted', '2025-12-10T03:00:00Z');
    // 2026S1: sent back (first sent on time); on time and accepted.
    await setSubmission(rounds.half2026, ids[0]!, 'returned', '2026-06-01T03:00:00Z');
    await setSubmission(rounds.half2026, ids[1]!, 'accepted', '2026-06-05T16:59:00Z');
    // 2026, not yet due: one already submitted (on time), one still a draft (pending, not missing).
    await setSubmission(rounds.annual2026, ids[3]!, 'submitted', '2026-11-20T03:00:00Z');
  });
  afterAll(() => app?.close());

  const matrix = async (client: TestClient, query: string) =>
    client.request<TimelinessMatrix & { error: { code: string; issues: unknown[] } }>(
      'GET',
      `/reporting/timeliness/matrix?${query}`,
    );

  it('gives every unit × round a status, in due-date order, with rates that add up', async () => {
    const response = await matrix(
      planner,
      `orgUnitId=${await app.unitId(PROVINCE)}&fromYear=2025&toYear=2026`,
    );
    expect(response.status).toBe(200);
    const data = response.body;
    expect(data.rounds.map((round) => round.id)).toEqual([
      rounds.annual2025,
      rounds.half2026,
      rounds.annual2026,
    ]);
    expect(data.rounds.map((round) => round.periodLabel)).toEqual([
      'Năm 2025',
      '6 tháng đầu năm 2026',
      'Năm 2026',
    ]);
    expect(data.truncated).toBe(false);

    const byUnit = new Map(data.units.map((unit) => [unit.id, unit]));
    const statuses = (index: number) => byUnit.get(communes[index]!.id)!.cells.map((cell) => cell.status);
    expect(statuses(0)).toEqual(['on_time', 'returned', 'pending']);
    expect(statuses(1)).toEqual(['late', 'on_time', 'not_expected']);
    expect(statuses(2)).toEqual(['submitted', 'not_expected', 'not_expected']);
    expect(statuses(3)).toEqual(['missing', 'not_expected', 'submitted']);
    expect(byUnit.get(communes[2]!.id)!.cells[0]).toMatchObject({ status: 'submitted', isLate: true });
    expect(byUnit.get(communes[2]!.id)!.cells[1]).toEqual({
      status: 'not_expected',
      submissionId: null,
      isLate: false,
    });
    expect(data.units.map((unit) => unit.id).sort()).toEqual(communes.map((unit) => unit.id).sort());

    expect(data.rounds[0]).toMatchObject({
      expected: 4,
      submitted: 3,
      onTime: 1,
      completeness: 0.75,
      timeliness: 0.25,
    });
    expect(data.rounds[1]).toMatchObject({
      expected: 2,
      submitted: 1,
      onTime: 1,
      completeness: 0.5,
      timeliness: 0.5,
    });
    expect(data.rounds[2]).toMatchObject({ expected: 2, submitted: 1, onTime: 1 });
    expect(byUnit.get(communes[0]!.id)).toMatchObject({ expected: 3, submitted: 1, onTime: 1 });
    expect(byUnit.get(communes[1]!.id)).toMatchObject({
      expected: 2,
      submitted: 2,
      onTime: 1,
      timeliness: 0.5,
    });
    expect(byUnit.get(communes[3]!.id)).toMatchObject({ expected: 2, submitted: 1, onTime: 1 });
    expect(data.total).toEqual({
      expected: 8,
      submitted: 5,
      onTime: 3,
      completeness: 5 / 8,
      timeliness: 3 / 8,
    });

    // Each cell links to the submission behind it.
    const cell = byUnit.get(communes[0]!.id)!.cells[0]!;
    const submission = await app.db
      .selectFrom('report_submissions')
      .select('id')
      .where('round_id', '=', rounds.annual2025)
      .where('org_unit_id', '=', communes[0]!.id)
      .executeTakeFirstOrThrow();
    expect(cell.submissionId).toBe(submission.id);
  });

  it('narrows to a year range and to one template', async () => {
    const provinceId = await app.unitId(PROVINCE);
    const only2026 = await matrix(planner, `orgUnitId=${provinceId}&fromYear=2026&toYear=2026`);
    expect(only2026.body.rounds.map((round) => round.id)).toEqual([rounds.half2026, rounds.annual2026]);
    expect(only2026.body.units).toHaveLength(3);

    const halfYear = await matrix(
      planner,
      `orgUnitId=${provinceId}&fromYear=2020&toYear=2026&templateCode=BDG_6_THANG`,
    );
    expect(halfYear.body.rounds.map((round) => round.id)).toEqual([rounds.half2026]);

    const none = await matrix(planner, `orgUnitId=${provinceId}&fromYear=2020&toYear=2024`);
    expect(none.body).toMatchObject({ rounds: [], units: [], total: { expected: 0, completeness: null } });
  });

  it('checks role and scope', async () => {
    const provinceId = await app.unitId(PROVINCE);
    const viewer = await app.signInAs('viewer', PROVINCE);
    expect((await matrix(viewer, `orgUnitId=${provinceId}&fromYear=2025&toYear=2026`)).status).toBe(200);

    const hanoiAdmin = await app.signInAs('unit_admin', '01');
    const outside = await matrix(hanoiAdmin, `orgUnitId=${provinceId}&fromYear=2025&toYear=2026`);
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('auth.out_of_scope');
    // Hà Nội's own matrix shows its round only.
    const own = await matrix(hanoiAdmin, `orgUnitId=${await app.unitId('01')}&fromYear=2025&toYear=2026`);
    expect(own.body.rounds.map((round) => round.id)).toEqual([rounds.hanoi]);

    const communeCode = (
      await app.db
        .selectFrom('org_units')
        .select('code')
        .where('id', '=', communes[0]!.id)
        .executeTakeFirstOrThrow()
    ).code;
    const reporter = await app.signInAs('reporter', communeCode);
    const above = await matrix(reporter, `orgUnitId=${provinceId}&fromYear=2025&toYear=2026`);
    expect(above.status).toBe(403);
    const ownCommune = await matrix(reporter, `orgUnitId=${communes[0]!.id}&fromYear=2025&toYear=2026`);
    expect(ownCommune.status).toBe(200);
    expect(ownCommune.body.rounds).toEqual([]);
  });

  it('refuses a reversed or too long range with a Vietnamese message', async () => {
    const provinceId = await app.unitId(PROVINCE);
    const reversed = await matrix(planner, `orgUnitId=${provinceId}&fromYear=2026&toYear=2025`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.issues).toEqual([
      { path: 'toYear', message: 'Năm cuối phải bằng hoặc sau năm đầu.' },
    ]);
    const long = await matrix(planner, `orgUnitId=${provinceId}&fromYear=2000&toYear=2026`);
    expect(long.status).toBe(400);
  });
});
