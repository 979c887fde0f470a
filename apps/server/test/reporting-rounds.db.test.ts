import type { RoundDetail, Submission } from '@binhdang/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ConsolidatedCellRow,
  sumRoundFiguresFromValues,
} from '../src/modules/reporting/reporting.queries.ts';
import {
  refreshRoundTotals,
  roundElementIds,
  sumRoundFigures,
} from '../src/modules/reporting/reporting.totals.ts';
import { makePlan } from './plan-fixtures.ts';
import { createTestApp, type TestApp, type TestClient } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

/*
 * Rounds after they open: the precomputed totals stay equal to the GROUP BY over the included
 * reports' figures through every transition, figures of a submitted or accepted report are
 * locked, the consolidator changes the due date, adds units, closes and reopens the round, and
 * a plan's reporting regime proposes the rounds to open.
 */

const PROVINCE = '12';

describeEachEngine('reporting rounds after opening', (engine) => {
  let app: TestApp;
  let planner: TestClient;
  let sixMonthTemplateId: number;
  let provinceId: number;
  let communeIds: number[];
  let federationId: number;

  beforeAll(async () => {
    app = await createTestApp(engine);
    planner = await app.signInAs('planner', PROVINCE, 'tonghop');
    provinceId = await app.unitId(PROVINCE);
    const units = await app.db
      .selectFrom('org_units')
      .select(['id', 'kind', 'name'])
      .where('parent_id', '=', provinceId)
      .where('valid_to', 'is', null)
      .orderBy('code')
      .execute();
    communeIds = units
      .filter((unit) => unit.kind === 'commune' || unit.kind === 'ward')
      .slice(0, 6)
      .map((unit) => unit.id);
    federationId = units.find((unit) => unit.name === 'Liên đoàn Lao động tỉnh')!.id;
    const templates = (await planner.request('GET', '/reporting/templates')).body.items as {
      id: number;
      code: string;
    }[];
    sixMonthTemplateId = templates.find((template) => template.code === 'BDG_6_THANG')!.id;
  });
  afterAll(() => app?.close());

  const openRound = async (body: Record<string, unknown>) => {
    const response = await planner.request('POST', '/reporting/rounds', {
      templateId: sixMonthTemplateId,
      consolidatingUnitId: provinceId,
      ...body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as RoundDetail;
  };
  const submissionOf = (round: RoundDetail, unitId: number) =>
    round.submissions.find((submission) => submission.orgUnit.id === unitId)!.id;
  const current = async (id: number) =>
    (await planner.request('GET', `/reporting/submissions/${id}`)).body as Submission;
  const saveFigures = async (id: number, seed: number) => {
    const response = await planner.request('PUT', `/reporting/submissions/${id}`, {
      revision: (await current(id)).revision,
      narrative: {},
      figures: [
        { dataElement: 'TT_SO_CUOC', disaggregation: 'total', value: seed },
        { dataElement: 'TH_NGUOI_THAM_GIA', disaggregation: 'all', value: 20 * seed },
        { dataElement: 'TH_NGUOI_THAM_GIA', disaggregation: 'women', value: 10 * seed },
      ],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  };
  const submit = async (id: number) => {
    const response = await planner.request('POST', `/reporting/submissions/${id}/submit`, {
      revision: (await current(id)).revision,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  };
  const review = async (id: number, decision: 'accept' | 'return') => {
    const response = await planner.request(
      'POST',
      `/reporting/submissions/${id}/${decision}`,
      decision === 'return' ? { comment: 'Bổ sung số liệu.' } : {},
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  };

  /** The precomputed consolidation equals the GROUP BY over every contributing unit's figures. */
  const expectTotalsExact = async (round: { id: number; period: string }) => {
    const elementIds = await roundElementIds(app.db, round.id);
    const sorted = (rows: ConsolidatedCellRow[]) =>
      [...rows].sort((a, b) =>
        `${a.root_unit_id}|${a.data_element_id}|${a.disaggregation}`.localeCompare(
          `${b.root_unit_id}|${b.data_element_id}|${b.disaggregation}`,
        ),
      );
    for (const statuses of [['accepted'], ['accepted', 'submitted']]) {
      const fast = sorted(await sumRoundFigures(app.db, round, statuses, elementIds));
      const raw = sorted(await sumRoundFiguresFromValues(app.db, round, statuses, elementIds));
      expect(
        fast.map((row) => ({ ...row, sum: Number(row.sum.toFixed(6)), avg: Number(row.avg.toFixed(6)) })),
      ).toEqual(
        raw.map((row) => ({ ...row, sum: Number(row.sum.toFixed(6)), avg: Number(row.avg.toFixed(6)) })),
      );
    }
  };
  const totalsRows = (roundId: number) =>
    app.db
      .selectFrom('report_round_totals')
      .select(['bucket', 'data_element_id', 'disaggregation', 'stripe', 'value_sum', 'value_count'])
      .where('round_id', '=', roundId)
      .where('value_count', '>', 0)
      .orderBy('bucket')
      .orderBy('data_element_id')
      .orderBy('disaggregation')
      .orderBy('stripe')
      .execute();

  it('keeps the round totals equal to the included reports through every transition', async () => {
    const province = await openRound({
      period: '2028S1',
      dueOn: '2028-06-05',
      unitIds: [federationId, ...communeIds.slice(0, 3)],
    });
    const federationRound = await openRound({
      consolidatingUnitId: federationId,
      parentRoundId: province.id,
      period: '2028S1',
      dueOn: '2028-05-30',
      unitKinds: ['mass_organisation'],
    });
    const unions = federationRound.submissions.slice(0, 3);
    expect(unions.length).toBe(3);
    const rounds = [
      { id: province.id, period: '2028S1' },
      { id: federationRound.id, period: '2028S1' },
    ];
    const check = async () => {
      for (const round of rounds) await expectTotalsExact(round);
    };

    for (const [index, union] of unions.entries()) await saveFigures(union.id, index + 1);
    for (const [index, unitId] of [federationId, ...communeIds.slice(0, 3)].entries())
      await saveFigures(submissionOf(province, unitId), 10 + index);
    await check();

    await submit(unions[0]!.id);
    await submit(unions[1]!.id);
    await submit(submissionOf(province, communeIds[0]!));
    await check();
    await review(unions[0]!.id, 'accept');
    await review(unions[1]!.id, 'return');
    await submit(submissionOf(province, federationId));
    await check();
    await review(submissionOf(province, federationId), 'accept');
    await review(submissionOf(province, communeIds[0]!), 'accept');
    await check();
    // Reopening an accepted report takes its figures out of the accepted totals.
    await review(unions[0]!.id, 'return');
    await check();
    await saveFigures(unions[0]!.id, 7);
    await submit(unions[0]!.id);
    await review(unions[0]!.id, 'accept');
    await check();

    const consolidated = (
      await planner.request(
        'GET',
        `/reporting/rounds/${province.id}/consolidation?include=accepted&table=PL01`,
      )
    ).body;
    expect(consolidated.appendix.map((table: { code: string }) => table.code)).toEqual(['PL01']);
    // The federation's own 10 plus its accepted union (7), and the first commune's 11.
    const cases = consolidated.appendix[0].rows.find(
      (row: { dataElement: string }) => row.dataElement === 'TT_SO_CUOC',
    );
    expect(cases.cells.find((cell: { key: string }) => cell.key === 'total').value).toBe(10 + 7 + 11);

    // A recount from scratch finds what the transitions kept.
    for (const round of rounds) {
      const kept = await totalsRows(round.id);
      await refreshRoundTotals(app.db, round.id);
      expect(
        (await totalsRows(round.id)).map((row) => ({ ...row, value_sum: Number(row.value_sum) })),
      ).toEqual(kept.map((row) => ({ ...row, value_sum: Number(row.value_sum) })));
    }
    const unknownTable = await planner.request(
      'GET',
      `/reporting/rounds/${province.id}/consolidation?table=PL99`,
    );
    expect(unknownTable.status).toBe(400);
  });

  it('locks the figures of a submitted or accepted report until it is returned', async () => {
    const round = await openRound({ period: '2029S1', dueOn: '2029-06-05', unitIds: [communeIds[3]!] });
    const id = submissionOf(round, communeIds[3]!);
    await saveFigures(id, 4);
    await submit(id);
    const write = (value: number) =>
      planner.request('POST', '/indicators/values', {
        items: [
          {
            dataElement: 'TT_SO_CUOC',
            orgUnitId: communeIds[3],
            period: '2029S1',
            disaggregation: 'total',
            value,
          },
        ],
      });
    const refused = await write(99);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('figures.locked');
    expect(refused.body.error.issues[0].message).toMatch(/đề nghị đơn vị tổng hợp trả lại/);
    const stored = await app.db
      .selectFrom('data_values as v')
      .innerJoin('data_elements as e', 'e.id', 'v.data_element_id')
      .select('v.value')
      .where('e.code', '=', 'TT_SO_CUOC')
      .where('v.org_unit_id', '=', communeIds[3]!)
      .where('v.period', '=', '2029S1')
      .executeTakeFirstOrThrow();
    expect(stored.value).toBe(4);
    // Another period of the same unit is not locked.
    const otherPeriod = await planner.request('POST', '/indicators/values', {
      items: [
        {
          dataElement: 'TT_SO_CUOC',
          orgUnitId: communeIds[3],
          period: '2029S2',
          disaggregation: 'total',
          value: 5,
        },
      ],
    });
    expect(otherPeriod.status).toBe(200);
    await review(id, 'accept');
    expect((await write(99)).status).toBe(409);
    await review(id, 'return');
    expect((await write(5)).status).toBe(200);
    await expectTotalsExact({ id: round.id, period: '2029S1' });
  });

  it('lets the consolidator move the due date, add units, close and reopen the round', async () => {
    // The test clock stands at 2026-11-22; the round was due on 2026-11-20.
    const round = await openRound({ period: '2026S2', dueOn: '2026-11-20', unitIds: [communeIds[4]!] });
    await saveFigures(submissionOf(round, communeIds[4]!), 2);
    await submit(submissionOf(round, communeIds[4]!));
    let detail = (await planner.request('GET', `/reporting/rounds/${round.id}`)).body as RoundDetail;
    expect(detail.submissions[0]!.isLate).toBe(true);

    const moved = await planner.request('PATCH', `/reporting/rounds/${round.id}`, { dueOn: '2026-11-30' });
    expect(moved.status).toBe(200);
    expect(moved.body.dueOn).toBe('2026-11-30');
    expect(moved.body.submissions[0].isLate).toBe(false);
    expect(moved.body.completeness).toMatchObject({ expected: 1, onTime: 1 });
    const nothing = await planner.request('PATCH', `/reporting/rounds/${round.id}`, {});
    expect(nothing.status).toBe(400);
    const badDate = await planner.request('PATCH', `/reporting/rounds/${round.id}`, { dueOn: '2026-02-30' });
    expect(badDate.status).toBe(400);

    const hanoiCommune = await app.db
      .selectFrom('org_units')
      .select('id')
      .where('parent_id', '=', await app.unitId('01'))
      .limit(1)
      .executeTakeFirstOrThrow();
    const refused = await planner.request('POST', `/reporting/rounds/${round.id}/units`, {
      unitIds: [communeIds[4], hanoiCommune.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues.map((issue: { message: string }) => issue.message)).toEqual([
      expect.stringMatching(/không thuộc đơn vị tổng hợp/),
      'Đơn vị đã có trong đợt báo cáo.',
    ]);
    const added = await planner.request('POST', `/reporting/rounds/${round.id}/units`, {
      unitIds: [communeIds[5]],
    });
    expect(added.status).toBe(200);
    expect(added.body.completeness.expected).toBe(2);

    const reporter = await app.signInAs('reporter', PROVINCE, 'baocao-tinh');
    expect(
      (await reporter.request('POST', `/reporting/rounds/${round.id}/close`, { closed: true })).status,
    ).toBe(403);
    const otherPlanner = await app.signInAs('planner', '01', 'kehoach-hanoi');
    expect(
      (await otherPlanner.request('PATCH', `/reporting/rounds/${round.id}`, { title: 'Đợt khác' })).status,
    ).toBe(403);

    const closed = await planner.request('POST', `/reporting/rounds/${round.id}/close`, { closed: true });
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).not.toBeNull();
    const late = submissionOf(added.body as RoundDetail, communeIds[5]!);
    const refusedSubmit = await planner.request('POST', `/reporting/submissions/${late}/submit`, {
      revision: (await current(late)).revision,
    });
    expect(refusedSubmit.status).toBe(409);
    expect(refusedSubmit.body.error.code).toBe('reporting.round_closed');
    expect(
      (
        await planner.request(
          'POST',
          `/reporting/submissions/${submissionOf(round, communeIds[4]!)}/accept`,
          {},
        )
      ).status,
    ).toBe(409);
    const reopened = await planner.request('POST', `/reporting/rounds/${round.id}/close`, { closed: false });
    expect(reopened.body.closedAt).toBeNull();
    await saveFigures(late, 3);
    await submit(late);
    detail = (await planner.request('GET', `/reporting/rounds/${round.id}`)).body as RoundDetail;
    expect(detail.completeness).toMatchObject({ expected: 2, submitted: 2 });
  });

  it("proposes the rounds a plan's reporting regime asks for", async () => {
    const plan = await makePlan(planner, { unitId: provinceId, assignees: communeIds.slice(0, 2) });
    // plan-fixtures writes "Báo cáo 6 tháng trước ngày 15/6." as the reporting regime.
    const proposals = await planner.request('GET', `/reporting/round-proposals?planId=${plan.id}`);
    expect(proposals.status).toBe(200);
    expect(proposals.body.items).toHaveLength(1);
    const [proposal] = proposals.body.items;
    expect(proposal).toMatchObject({
      kind: '6-month',
      period: '2026S1',
      dueOn: '2026-06-15',
      template: { code: 'BDG_6_THANG' },
      consolidatingUnit: { id: provinceId },
      existingRoundId: null,
    });
    expect(proposal.units.map((unit: { id: number }) => unit.id).sort()).toEqual(
      communeIds.slice(0, 2).sort(),
    );

    const opened = await openRound({
      period: proposal.period,
      dueOn: proposal.dueOn,
      unitIds: proposal.units.map((unit: { id: number }) => unit.id),
    });
    const again = await planner.request('GET', `/reporting/round-proposals?planId=${plan.id}`);
    expect(again.body.items[0].existingRoundId).toBe(opened.id);

    const commune = await app.db
      .selectFrom('org_units')
      .select('code')
      .where('id', '=', communeIds[0]!)
      .executeTakeFirstOrThrow();
    const communeReporter = await app.signInAs('reporter', commune.code, 'xa-baocao');
    expect(
      (await communeReporter.request('GET', `/reporting/round-proposals?planId=${plan.id}`)).status,
    ).toBe(403);
  });

  it('shows the reason of the latest return in the reporting unit’s inbox', async () => {
    const round = await openRound({ period: '2030S1', dueOn: '2030-06-05', unitIds: [communeIds[1]!] });
    const id = submissionOf(round, communeIds[1]!);
    await saveFigures(id, 1);
    await submit(id);
    await review(id, 'return');
    const inbox = (await planner.request('GET', '/reporting/inbox')).body;
    expect(inbox.toSubmit.find((item: { submissionId: number }) => item.submissionId === id)).toMatchObject({
      status: 'returned',
      returnComment: 'Bổ sung số liệu.',
    });
  });
});
