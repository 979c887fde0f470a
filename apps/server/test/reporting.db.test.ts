import type { Consolidation, RoundDetail, Submission } from '@binhdang/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

/*
 * Reporting rounds end to end over HTTP: a province round for 10 communes and 3 agencies, the
 * workflow with a return, late reports and missing ones, completeness and timeliness, the
 * consolidated tables against the sum of the accepted reports, a stale save, scope, and a
 * sub-consolidator chain (sector unions → Labour Federation → province).
 */

const PROVINCE = '12';

describeEachEngine('reporting rounds', (engine) => {
  let app: TestApp;
  let planner: TestClient;
  let annualTemplateId: number;
  let sixMonthTemplateId: number;
  let communeIds: number[];
  let agencyIds: number[];

  beforeAll(async () => {
    app = await createTestApp(engine);
    planner = await app.signInAs('planner', PROVINCE, 'tonghop');
    const provinceId = await app.unitId(PROVINCE);
    const units = await app.db
      .selectFrom('org_units')
      .select(['id', 'code', 'kind'])
      .where('parent_id', '=', provinceId)
      .where('valid_to', 'is', null)
      .orderBy('code')
      .execute();
    communeIds = units
      .filter((unit) => unit.kind === 'commune' || unit.kind === 'ward')
      .slice(0, 10)
      .map((unit) => unit.id);
    agencyIds = units
      .filter((unit) => unit.kind === 'agency')
      .slice(0, 3)
      .map((unit) => unit.id);
    const templates = (await planner.request('GET', '/reporting/templates')).body.items as {
      id: number;
      code: string;
    }[];
    annualTemplateId = templates.find((template) => template.code === 'BDG_NAM')!.id;
    sixMonthTemplateId = templates.find((template) => template.code === 'BDG_6_THANG')!.id;
  });
  afterAll(() => app?.close());

  const save = (client: TestClient, id: number, body: unknown) =>
    client.request('PUT', `/reporting/submissions/${id}`, body);
  const submit = async (client: TestClient, id: number) => {
    const current = (await client.request('GET', `/reporting/submissions/${id}`)).body as Submission;
    return client.request('POST', `/reporting/submissions/${id}/submit`, { revision: current.revision });
  };
  const figuresFor = (index: number) => [
    { dataElement: 'TT_SO_CUOC', disaggregation: 'total', value: index + 1 },
    { dataElement: 'TRE_SINH_SONG', disaggregation: 'male', value: 10 * (index + 1) },
    { dataElement: 'TRE_SINH_SONG', disaggregation: 'female', value: 9 * (index + 1) },
    { dataElement: 'TH_NGUOI_THAM_GIA', disaggregation: 'all', value: 20 + index },
    { dataElement: 'TH_NGUOI_THAM_GIA', disaggregation: 'women', value: 10 + index },
  ];

  it('lists the seeded templates, with appendix rows and columns from the catalogue', async () => {
    const list = await planner.request('GET', '/reporting/templates');
    expect(list.body.items.map((template: { code: string }) => template.code)).toEqual([
      'BAN_VSTBPN',
      'BDG_6_THANG',
      'BDG_NAM',
      'THANG_HANH_DONG',
      'TU_KIEM_TRA',
    ]);
    const annual = await planner.request('GET', `/reporting/templates/${annualTemplateId}`);
    expect(annual.status).toBe(200);
    expect(annual.body.outline[0].title).toMatch(/chỉ đạo, điều hành/);
    const participants = annual.body.tables[0].rows.find(
      (row: { dataElement: string }) => row.dataElement === 'TT_NGUOI_THAM_GIA',
    );
    expect(participants.columns.map((column: { key: string }) => column.key)).toEqual([
      'male.kinh',
      'male.minority',
      'female.kinh',
      'female.minority',
      'total',
    ]);
  });

  it('refuses a round whose period does not fit the template, or without units', async () => {
    const response = await planner.request('POST', '/reporting/rounds', {
      templateId: sixMonthTemplateId,
      consolidatingUnitId: await app.unitId(PROVINCE),
      period: '2026',
      dueOn: '2026-06-05',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('reporting.invalid_round');
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'period',
      'unitIds',
    ]);
  });

  it('runs a province round: 8 on time (one returned and resubmitted), 2 late, 3 missing', async () => {
    const opened = await planner.request('POST', '/reporting/rounds', {
      templateId: annualTemplateId,
      consolidatingUnitId: await app.unitId(PROVINCE),
      period: '2026',
      dueOn: '2026-12-01',
      unitIds: [...communeIds, ...agencyIds],
    });
    expect(opened.status).toBe(200);
    const round = opened.body as RoundDetail;
    expect(round).toMatchObject({
      period: '2026',
      cutOffFrom: '2025-12-15',
      cutOffTo: '2026-12-14',
      dueOn: '2026-12-01',
      completeness: { expected: 13, submitted: 0 },
    });
    const submissionOf = (unitId: number) => round.submissions.find((s) => s.orgUnit.id === unitId)!.id;
    const submitting = [...communeIds.slice(0, 8), ...communeIds.slice(8, 10)];

    // A commune's reporter sees its inbox.
    const communeCode = (
      await app.db
        .selectFrom('org_units')
        .select('code')
        .where('id', '=', communeIds[0]!)
        .executeTakeFirstOrThrow()
    ).code;
    const communeReporter = await app.signInAs('reporter', communeCode, 'xa-nhaplieu');
    // Moving the clock by days ends idle sessions: sign in again.
    const travel = async (days: number) => {
      app.clock.advance(days * 24 * 3600 * 1000);
      await planner.login('tonghop');
      await communeReporter.login('xa-nhaplieu');
    };
    const communeInbox = await communeReporter.request('GET', '/reporting/inbox');
    expect(communeInbox.body.toSubmit).toMatchObject([
      { submissionId: submissionOf(communeIds[0]!), status: 'draft', dueOn: '2026-12-01', isOverdue: false },
    ]);

    for (const [index, unitId] of submitting.entries()) {
      if (index === 8) await travel(10); // 2026-12-02: the last two are late
      const id = submissionOf(unitId);
      const saved = await save(planner, id, {
        revision: 0,
        narrative: { '1': `Đơn vị ${index + 1} đã ban hành kế hoạch.`, '4': 'Thiếu kinh phí.' },
        figures: figuresFor(index),
      });
      expect(saved.status).toBe(200);
      expect(saved.body.revision).toBe(1);
      expect((await submit(planner, id)).status).toBe(200);
    }
    // The first commune's report comes back with a reason, is corrected and resubmitted (while on time).
    await travel(-10);
    const returnedId = submissionOf(communeIds[0]!);
    const returned = await planner.request('POST', `/reporting/submissions/${returnedId}/return`, {
      comment: 'Đề nghị bổ sung số liệu tập huấn.',
    });
    expect(returned.body.status).toBe('returned');
    expect((await communeReporter.request('GET', '/reporting/inbox')).body.toSubmit[0].status).toBe(
      'returned',
    );
    const fixed = await save(communeReporter, returnedId, {
      revision: returned.body.revision,
      figures: [{ dataElement: 'TH_NGUOI_THAM_GIA', disaggregation: 'all', value: 25 }],
    });
    expect(fixed.status).toBe(200);
    expect((await submit(communeReporter, returnedId)).status).toBe(200);
    await travel(10);

    // Before acceptance nothing counts in the default consolidation; with include=submitted all ten do.
    const early = (await planner.request('GET', `/reporting/rounds/${round.id}/consolidation`))
      .body as Consolidation;
    expect(early.units).toEqual([]);
    const provisional = (
      await planner.request('GET', `/reporting/rounds/${round.id}/consolidation?include=submitted`)
    ).body as Consolidation;
    expect(provisional.units).toHaveLength(10);

    for (const unitId of submitting) {
      const accepted = await planner.request(
        'POST',
        `/reporting/submissions/${submissionOf(unitId)}/accept`,
        {},
      );
      expect(accepted.body.status).toBe('accepted');
    }

    const detail = (await planner.request('GET', `/reporting/rounds/${round.id}`)).body as RoundDetail;
    expect(detail.completeness).toMatchObject({
      expected: 13,
      submitted: 10,
      accepted: 10,
      onTime: 8,
      late: 2,
    });
    expect(detail.completeness.completeness).toBeCloseTo(10 / 13);
    expect(detail.completeness.timeliness).toBeCloseTo(8 / 13);
    expect(detail.submissions.filter((s) => s.isLate).map((s) => s.orgUnit.id)).toEqual(
      expect.arrayContaining(communeIds.slice(8, 10)),
    );
    expect(
      detail.submissions
        .filter((s) => s.status === 'draft')
        .map((s) => s.orgUnit.id)
        .sort(),
    ).toEqual([...agencyIds].sort());

    const history = (await planner.request('GET', `/reporting/submissions/${returnedId}`)).body as Submission;
    expect(history.history.map((event) => [event.action, event.comment])).toEqual([
      ['submitted', null],
      ['returned', 'Đề nghị bổ sung số liệu tập huấn.'],
      ['resubmitted', null],
      ['accepted', null],
    ]);
    expect(history.isLate).toBe(false);

    // Each consolidated total equals the sum of the accepted reports.
    const consolidated = (await planner.request('GET', `/reporting/rounds/${round.id}/consolidation`))
      .body as Consolidation;
    expect(consolidated.units).toHaveLength(10);
    const accepted = await Promise.all(
      submitting.map(
        async (unitId) =>
          (await planner.request('GET', `/reporting/submissions/${submissionOf(unitId)}`)).body as Submission,
      ),
    );
    for (const table of consolidated.appendix) {
      for (const row of table.rows) {
        row.cells.forEach((cell, column) => {
          const values = accepted
            .map(
              (report) =>
                report.tables
                  .find((t) => t.code === table.code)!
                  .rows.find((r) => r.dataElement === row.dataElement)!.cells[column]!.value,
            )
            .filter((value) => value !== null);
          expect([row.dataElement, cell.key, cell.value]).toEqual([
            row.dataElement,
            cell.key,
            values.length > 0 ? values.reduce((a, b) => a + b, 0) : null,
          ]);
          const drilled = row.byUnit
            .map((unit) => unit.cells[column]!.value)
            .filter((value) => value !== null);
          expect(drilled.reduce((a, b) => a + b, 0)).toBe(cell.value ?? 0);
        });
      }
    }
    const events = consolidated.appendix[0]!.rows.find((row) => row.dataElement === 'TT_SO_CUOC')!;
    expect(events.cells[0]!.value).toBe(55);
    const births = consolidated.appendix[2]!.rows.find((row) => row.dataElement === 'TRE_SINH_SONG')!;
    expect(births.cells.map((cell) => cell.value)).toEqual([550, 495, 1045]);
    const training = consolidated.appendix[0]!.rows.find((row) => row.dataElement === 'TH_NGUOI_THAM_GIA')!;
    expect(training.cells.map((cell) => cell.value)).toEqual([20 * 10 + 45 + 5, 10 * 10 + 45]);
    expect(consolidated.sections.find((section) => section.key === '1')!.answers).toHaveLength(10);
    expect(consolidated.sections.find((section) => section.key === '4')!.answers[0]!.text).toBe(
      'Thiếu kinh phí.',
    );

    // Accepted is locked.
    const locked = await save(planner, returnedId, { revision: history.revision, narrative: { '1': 'Sửa' } });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('reporting.locked');

    // Timeliness per unit over the province's rounds.
    const perUnit = await planner.request(
      'GET',
      `/reporting/timeliness?orgUnitId=${await app.unitId(PROVINCE)}`,
    );
    const late = perUnit.body.units.find((unit: { id: number }) => unit.id === communeIds[9]);
    expect(late).toMatchObject({ expected: 1, submitted: 1, onTime: 0 });

    // The consolidator's inbox names the round with missing reports.
    const inbox = await planner.request('GET', '/reporting/inbox');
    expect(inbox.body.missing).toContainEqual({
      roundId: round.id,
      roundTitle: round.title,
      dueOn: '2026-12-01',
      missing: 3,
    });
  });

  it('refuses the second of two saves of the same draft, keeping the first, and bad figures', async () => {
    const agency = await app.db
      .selectFrom('org_units')
      .select(['id', 'code'])
      .where('parent_id', '=', await app.unitId(PROVINCE))
      .where('kind', '=', 'agency')
      .orderBy('code', 'desc')
      .executeTakeFirstOrThrow();
    const opened = await planner.request('POST', '/reporting/rounds', {
      templateId: sixMonthTemplateId,
      consolidatingUnitId: await app.unitId(PROVINCE),
      period: '2026S1',
      dueOn: '2026-06-05',
      unitIds: [agency.id],
    });
    expect(opened.body.cutOffFrom).toBe('2025-12-15');
    expect(opened.body.cutOffTo).toBe('2026-06-14');
    const id = opened.body.submissions[0].id;
    const first = await app.signInAs('reporter', agency.code, 'so-a');
    const second = await app.signInAs('reporter', agency.code, 'so-b');
    const loadedByFirst = (await first.request('GET', `/reporting/submissions/${id}`)).body as Submission;
    const loadedBySecond = (await second.request('GET', `/reporting/submissions/${id}`)).body as Submission;

    const saved = await save(first, id, {
      revision: loadedByFirst.revision,
      narrative: { '1': 'Bản của người thứ nhất.' },
      figures: [{ dataElement: 'TT_SO_CUOC', disaggregation: 'total', value: 7 }],
    });
    expect(saved.status).toBe(200);
    const refused = await save(second, id, {
      revision: loadedBySecond.revision,
      narrative: { '1': 'Bản của người thứ hai.' },
      figures: [{ dataElement: 'TT_SO_CUOC', disaggregation: 'total', value: 99 }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'reporting.conflict' });
    expect(refused.body.error.message).toMatch(/người khác lưu/);

    const now = (await second.request('GET', `/reporting/submissions/${id}`)).body as Submission;
    expect(now.revision).toBe(1);
    expect(now.sections.find((section) => section.key === '1')!.answer).toBe('Bản của người thứ nhất.');
    expect(now.tables[0]!.rows.find((row) => row.dataElement === 'TT_SO_CUOC')!.cells[0]!.value).toBe(7);
    expect(now.updatedBy).toBe('so-a');

    // Figures that break a validation rule (women > total) are refused and change nothing.
    const invalid = await save(second, id, {
      revision: now.revision,
      narrative: { '1': 'Không được lưu.' },
      figures: [
        { dataElement: 'TH_NGUOI_THAM_GIA', disaggregation: 'all', value: 10 },
        { dataElement: 'TH_NGUOI_THAM_GIA', disaggregation: 'women', value: 12 },
      ],
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('figures.validation_failed');
    const unknown = await save(second, id, {
      revision: now.revision,
      figures: [{ dataElement: 'CQ_TONG', disaggregation: 'total', value: 1 }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toBe('figures.0.dataElement');
    const after = (await second.request('GET', `/reporting/submissions/${id}`)).body as Submission;
    expect(after.revision).toBe(1);
    expect(after.sections[0]!.answer).toBe('Bản của người thứ nhất.');

    // A submitted report waits for review: no edits, and the reporter cannot accept it.
    expect((await submit(second, id)).status).toBe(200);
    const edit = await save(first, id, { revision: 2, narrative: { '1': 'x' } });
    expect(edit.body.error.code).toBe('reporting.not_editable');
    expect((await first.request('POST', `/reporting/submissions/${id}/accept`, {})).status).toBe(403);
  });

  it('keeps units outside the round out of its submissions', async () => {
    const [own, other] = communeIds;
    const opened = await planner.request('POST', '/reporting/rounds', {
      templateId: annualTemplateId,
      consolidatingUnitId: await app.unitId(PROVINCE),
      period: '2025',
      dueOn: '2025-12-05',
      unitIds: [own, other],
    });
    const round = opened.body as RoundDetail;
    const otherId = round.submissions.find((s) => s.orgUnit.id === other)!.id;
    const ownCode = (
      await app.db.selectFrom('org_units').select('code').where('id', '=', own!).executeTakeFirstOrThrow()
    ).code;
    const commune = await app.signInAs('reporter', ownCode, 'xa-khac');
    const hanoi = await app.signInAs('planner', '01', 'hanoi');

    // The commune sees the round with its own submission only, not the other's nor the consolidation.
    const seen = (await commune.request('GET', `/reporting/rounds/${round.id}`)).body as RoundDetail;
    expect(seen.submissions.map((s) => s.orgUnit.id)).toEqual([own]);
    expect(seen.can.manage).toBe(false);
    for (const [method, path, body] of [
      ['GET', `/reporting/submissions/${otherId}`, undefined],
      ['PUT', `/reporting/submissions/${otherId}`, { revision: 0, narrative: { '1': 'x' } }],
      ['GET', `/reporting/rounds/${round.id}/consolidation`, undefined],
    ] as const) {
      const response = await commune.request(method, path, body);
      expect([path, response.status, response.body.error.code]).toEqual([path, 403, 'auth.out_of_scope']);
    }
    // Another province sees nothing of it.
    for (const [method, path, body] of [
      ['GET', `/reporting/rounds/${round.id}`, undefined],
      ['GET', `/reporting/submissions/${otherId}`, undefined],
      ['PUT', `/reporting/submissions/${otherId}`, { revision: 0, narrative: { '1': 'x' } }],
      ['POST', `/reporting/submissions/${otherId}/return`, { comment: 'Không hợp lệ' }],
    ] as const) {
      const response = await hanoi.request(method, path, body);
      expect([path, response.status]).toEqual([path, 403]);
    }
    expect((await hanoi.request('GET', '/reporting/rounds')).body.items).toEqual([]);
    // A province cannot open a round over units of another.
    const foreign = await hanoi.request('POST', '/reporting/rounds', {
      templateId: annualTemplateId,
      consolidatingUnitId: await app.unitId('01'),
      period: '2026',
      dueOn: '2026-12-01',
      unitIds: [other],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.issues[0].path).toBe('unitIds.0');
  });

  it('sums a sub-consolidator chain: sector unions → Labour Federation → province', async () => {
    const provinceId = await app.unitId(PROVINCE);
    const federation = await app.db
      .selectFrom('org_units')
      .select(['id', 'code'])
      .where('parent_id', '=', provinceId)
      .where('name', '=', 'Liên đoàn Lao động tỉnh')
      .executeTakeFirstOrThrow();
    const commune = communeIds[2]!;
    const provinceRound = (
      await planner.request('POST', '/reporting/rounds', {
        templateId: sixMonthTemplateId,
        consolidatingUnitId: provinceId,
        period: '2027S1',
        dueOn: '2027-06-05',
        unitIds: [federation.id, commune],
      })
    ).body as RoundDetail;
    const federationPlanner = await app.signInAs('planner', federation.code, 'ldld');
    const opened = await federationPlanner.request('POST', '/reporting/rounds', {
      templateId: sixMonthTemplateId,
      consolidatingUnitId: federation.id,
      parentRoundId: provinceRound.id,
      period: '2027S1',
      dueOn: '2027-05-30',
      unitKinds: ['mass_organisation'],
    });
    expect(opened.status).toBe(200);
    const federationRound = opened.body as RoundDetail;
    // The three open sector unions (the former district federations are closed).
    expect(federationRound.submissions).toHaveLength(3);

    const report = async (client: TestClient, id: number, events: number) => {
      expect(
        (
          await save(client, id, {
            revision: 0,
            figures: [{ dataElement: 'TT_SO_CUOC', disaggregation: 'total', value: events }],
          })
        ).status,
      ).toBe(200);
      expect((await submit(client, id)).status).toBe(200);
    };
    for (const [index, s] of federationRound.submissions.entries()) {
      await report(federationPlanner, s.id, 100 * (index + 1));
      await federationPlanner.request('POST', `/reporting/submissions/${s.id}/accept`, {});
    }
    const federationSubmission = provinceRound.submissions.find((s) => s.orgUnit.id === federation.id)!;
    const communeSubmission = provinceRound.submissions.find((s) => s.orgUnit.id === commune)!;
    await report(federationPlanner, federationSubmission.id, 7);
    await report(planner, communeSubmission.id, 5);

    const eventsOf = async (client: TestClient, roundId: number, include = 'accepted') => {
      const body = (
        await client.request('GET', `/reporting/rounds/${roundId}/consolidation?include=${include}`)
      ).body as Consolidation;
      const row = body.appendix[0]!.rows.find((r) => r.dataElement === 'TT_SO_CUOC')!;
      return { total: row.cells[0]!.value, byUnit: row.byUnit.map((u) => [u.orgUnitId, u.cells[0]!.value]) };
    };
    expect((await eventsOf(federationPlanner, federationRound.id)).total).toBe(600);
    // The federation's report is not accepted yet: its chain does not count.
    expect((await eventsOf(planner, provinceRound.id)).total).toBe(null);
    expect((await eventsOf(planner, provinceRound.id, 'submitted')).total).toBe(612);

    for (const s of [federationSubmission, communeSubmission])
      await planner.request('POST', `/reporting/submissions/${s.id}/accept`, {});
    const province = await eventsOf(planner, provinceRound.id);
    expect(province.total).toBe(612);
    expect(province.byUnit).toEqual(
      expect.arrayContaining([
        [federation.id, 607],
        [commune, 5],
      ]),
    );
    const detail = (await planner.request('GET', `/reporting/rounds/${provinceRound.id}`))
      .body as RoundDetail;
    expect(detail.childRounds).toEqual([
      {
        id: federationRound.id,
        consolidatingUnit: { id: federation.id, code: federation.code, name: 'Liên đoàn Lao động tỉnh' },
      },
    ]);
    expect(detail.submissions.find((s) => s.orgUnit.id === federation.id)!.childRoundId).toBe(
      federationRound.id,
    );
    // A federation planner cannot consolidate the province's round.
    expect(
      (await federationPlanner.request('GET', `/reporting/rounds/${provinceRound.id}/consolidation`)).status,
    ).toBe(403);
  });
});
