import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PlanDetail, PlanTrace, TaskProgressDetail } from '@binhdang/contracts';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { runPlanCommand } from '../src/modules/plans/plans.cli.ts';
import { draftBody, evidenceFile, firstTaskId, makePlan } from './plan-fixtures.ts';
import { createTestApp, type TestApp, type TestClient } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

/*
 * A province plan through its year: written and issued by the province's planner, received
 * by two communes (Mường Tè 03445, Bum Tở 03433), carried into a commune plan, followed by
 * progress with evidence, traced back by the province, and superseded by a new version.
 */

describeEachEngine('plans and tasks', (engine) => {
  let app: TestApp;
  let planner: TestClient;
  let reporter: TestClient;
  let otherProvince: TestClient;
  let muongTe: number;
  let bumTo: number;
  let sovNoiVu: number;
  let plan: PlanDetail;

  /** Moves the test clock to a day of 2026 and signs everyone in again (sessions expire in a week). */
  async function travelTo(isoDate: string) {
    app.clock.advance(new Date(`${isoDate}T03:00:00Z`).getTime() - app.clock.now().getTime());
    for (const [client, username] of [
      [planner, 'kehoach'],
      [reporter, 'baocao'],
      [otherProvince, 'kehoach-hanoi'],
    ] as const) {
      if (client) await client.login(username);
    }
  }

  beforeAll(async () => {
    app = await createTestApp(engine);
    await travelTo('2026-03-02');
    planner = await app.signInAs('planner', '12', 'kehoach');
    reporter = await app.signInAs('reporter', '03445', 'baocao');
    otherProvince = await app.signInAs('planner', '01', 'kehoach-hanoi');
    muongTe = await app.unitId('03445');
    bumTo = await app.unitId('03433');
    sovNoiVu = (
      await app.db
        .selectFrom('org_units')
        .select('id')
        .where('name', '=', 'Sở Nội vụ')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => app?.close());

  it('writes a plan with bases, assigns tasks to three units and issues it', async () => {
    const basis = await planner.request('POST', '/legal-documents', {
      kind: 'Nghị quyết',
      number: '28/NQ-CP',
      issuedOn: '2021-03-03',
      issuer: 'Chính phủ',
      title: 'Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030',
    });
    expect(basis.status).toBe(201);
    const again = await planner.request('POST', '/legal-documents', {
      kind: 'Nghị quyết',
      number: '28 / NQ-CP',
      issuedOn: '2021-03-03',
      issuer: 'Chính phủ',
      title: null,
    });
    expect([again.status, again.body.id]).toEqual([200, basis.body.id]);

    const created = await planner.request('POST', '/plans', {
      orgUnitId: await app.unitId('12'),
      title: 'Thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2026',
      year: 2026,
      symbol: 'KH-UBND',
      place: 'Lai Châu',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      documentNumber: '/KH-UBND',
      can: { edit: true, issue: true },
    });

    const body = draftBody(created.body, [
      {
        text: 'Tổ chức Tháng hành động vì bình đẳng giới',
        lead: [sovNoiVu],
        support: [muongTe, bumTo],
        due: '2026-12-15',
      },
      { text: 'Tuyên truyền phòng, chống bạo lực gia đình', lead: [muongTe], due: '2026-06-30' },
      { text: 'Rà soát cán bộ nữ trong quy hoạch', lead: [bumTo] },
    ]);
    body.basisIds = [basis.body.id];
    body.cascadeDueOn = '2026-04-30';
    const saved = await planner.request('PUT', `/plans/${created.body.id}`, body);
    expect(saved.status).toBe(200);
    expect(saved.body.bases.map((b: { number: string }) => b.number)).toEqual(['28/NQ-CP']);
    const tasks = saved.body.items.filter((item: { task: unknown }) => item.task);
    expect(tasks).toHaveLength(3);
    expect(tasks[0].task.support.map((a: { unitName: string }) => a.unitName)).toEqual([
      'Xã Mường Tè',
      'Xã Bum Tở',
    ]);

    const issued = await planner.request('POST', `/plans/${created.body.id}/issue`, {
      revision: saved.body.revision,
      number: '45',
      issuedOn: '2026-03-02',
    });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      status: 'issued',
      documentNumber: '45/KH-UBND',
      can: { edit: false },
    });
    plan = issued.body;
  });

  it('refuses to edit an issued plan, and a save over a newer revision', async () => {
    const locked = await planner.request('PUT', `/plans/${plan.id}`, draftBody(plan, []));
    expect([locked.status, locked.body.error.code]).toEqual([409, 'plans.locked']);

    const draft = await makePlan(planner, {
      unitId: await app.unitId('12'),
      assignees: [muongTe],
      issue: false,
    });
    const first = await planner.request('PUT', `/plans/${draft.id}`, {
      ...draftBody(draft, []),
      title: 'Bản của người thứ nhất',
    });
    expect(first.status).toBe(200);
    const stale = await planner.request('PUT', `/plans/${draft.id}`, {
      ...draftBody(draft, []),
      title: 'Bản ghi đè',
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'plans.conflict']);
    expect(stale.body.error.message).toMatch(/người khác/);
    const kept = await planner.request('GET', `/plans/${draft.id}`);
    expect(kept.body.title).toBe('Bản của người thứ nhất');
  });

  it('keeps an item moved out from under a section the editor drops', async () => {
    const draft = await makePlan(planner, {
      unitId: await app.unitId('12'),
      assignees: [muongTe],
      issue: false,
    });
    const task = draft.items.find((item) => item.task)!;
    const body = draftBody(draft, []);
    body.items = [
      { key: 'new', parentKey: null, ref: 'I.', title: 'NỘI DUNG MỚI', body: '', task: null },
      {
        id: task.id,
        key: 'kept',
        parentKey: 'new',
        ref: '1.',
        title: task.title,
        body: '',
        task: { ...task.task!, lead: [{ orgUnitId: muongTe }], support: [] },
      },
    ];
    const saved = await planner.request<PlanDetail>('PUT', `/plans/${draft.id}`, body);
    expect(saved.status).toBe(200);
    expect(saved.body.items.map((item) => [item.title, item.id === task.id])).toEqual([
      ['NỘI DUNG MỚI', false],
      [task.title, true],
    ]);
  });

  it('answers bad input with Vietnamese messages and changes nothing', async () => {
    const before = await planner.request('GET', '/plans?relation=own');
    const bad = await planner.request('POST', '/plans', {
      orgUnitId: await app.unitId('12'),
      title: 'KH',
      year: 1900,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.length).toBeGreaterThan(0);
    expect(bad.body.error.message).toMatch(/không hợp lệ/);
    const cyclic = await planner.request(
      'PUT',
      `/plans/${before.body.items.find((p: { status: string }) => p.status === 'draft').id}`,
      {
        ...draftBody({ revision: 99, title: 'Kế hoạch thử nghiệm', year: 2026 }, []),
        items: [{ key: 'a', parentKey: 'b', ref: '1', title: 'Mục', body: '', task: null }],
      },
    );
    expect([cyclic.status, cyclic.body.error.code]).toEqual([400, 'plans.invalid_outline']);
    const after = await planner.request('GET', '/plans?relation=own');
    expect(after.body.total).toBe(before.body.total);
  });

  it('shows a commune its tasks and lets it start its own plan with them pre-filled', async () => {
    const received = await reporter.request('GET', '/plans?relation=received');
    expect(received.body.items.map((p: { id: number }) => p.id)).toContain(plan.id);

    const mine = await reporter.request('GET', '/tasks');
    expect(mine.body.items.map((row: { text: string }) => row.text).sort()).toEqual([
      'Tuyên truyền phòng, chống bạo lực gia đình',
      'Tổ chức Tháng hành động vì bình đẳng giới',
    ]);

    const detail = await reporter.request('GET', `/plans/${plan.id}`);
    expect(detail.body.cascadeUnits.map((u: { id: number }) => u.id)).toEqual([muongTe]);
    expect(detail.body.can).toMatchObject({ edit: false, issue: false, cascade: true });

    const child = await reporter.request('POST', '/plans', {
      orgUnitId: muongTe,
      title: 'Thực hiện công tác bình đẳng giới năm 2026 trên địa bàn xã Mường Tè',
      year: 2026,
      symbol: 'KH-UBND',
      parentPlanId: plan.id,
    });
    expect(child.status).toBe(201);
    const carried = child.body.items.filter((item: { task: unknown }) => item.task);
    expect(carried.map((item: { title: string }) => item.title)).toEqual([
      'Tổ chức Tháng hành động vì bình đẳng giới',
      'Tuyên truyền phòng, chống bạo lực gia đình',
    ]);
    expect(carried.every((item: { task: { sourceTaskId: number } }) => item.task.sourceTaskId !== null)).toBe(
      true,
    );
    expect(child.body.bases[0]).toMatchObject({ kind: 'Kế hoạch', number: '45/KH-UBND' });

    const twice = await reporter.request('POST', '/plans', {
      orgUnitId: muongTe,
      title: 'Kế hoạch thứ hai từ cùng kế hoạch',
      year: 2026,
      parentPlanId: plan.id,
    });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'plans.already_cascaded']);

    const issue = await reporter.request('POST', `/plans/${child.body.id}/issue`, {
      revision: child.body.revision,
      number: '3',
      issuedOn: '2026-03-20',
    });
    expect([issue.status, issue.body.error.code]).toEqual([403, 'auth.forbidden']);
  });

  it('records progress with evidence, detects a stale update, and checks files', async () => {
    const taskId = plan.items.find((item) => item.title === 'Tuyên truyền phòng, chống bạo lực gia đình')!.id;
    const path = `/tasks/${taskId}/units/${muongTe}`;
    const start = await reporter.request('GET', path);
    expect(start.body).toMatchObject({ status: 'not_started', revision: 0, canUpdate: true });

    const update = await reporter.request('PUT', path, {
      revision: 0,
      status: 'in_progress',
      percent: 40,
      note: 'Đã tổ chức 3 buổi nói chuyện tại các bản',
      links: [],
    });
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({ status: 'in_progress', percent: 40, revision: 1 });

    const stale = await reporter.request('PUT', path, {
      revision: 0,
      status: 'done',
      percent: 100,
      note: null,
      links: [],
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'tasks.conflict']);

    const upload = await reporter.request(
      'POST',
      `${path}/attachments`,
      evidenceFile('Biên bản buổi nói chuyện.pdf'),
    );
    expect(upload.status).toBe(201);
    expect(upload.body.fileName).toBe('Biên bản buổi nói chuyện.pdf');

    const disguised = new FormData();
    disguised.append('file', new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], 'bao-cao.pdf'));
    const refused = await reporter.request('POST', `${path}/attachments`, disguised);
    expect([refused.status, refused.body.error.code]).toEqual([415, 'attachments.type_not_allowed']);
    const huge = new FormData();
    huge.append('file', new File([new Uint8Array(11 * 1024 * 1024)], 'anh.png'));
    const tooLarge = await reporter.request('POST', `${path}/attachments`, huge);
    expect([tooLarge.status, tooLarge.body.error.code]).toEqual([413, 'attachments.too_large']);

    const detail = await reporter.request<TaskProgressDetail>('GET', path);
    expect(detail.body.attachments).toHaveLength(1);
    expect(detail.body.history.map((entry) => entry.status)).toEqual(['in_progress']);

    const download = await planner.request('GET', `/attachments/${upload.body.id}`);
    expect(download.status).toBe(200);
    expect(new TextDecoder().decode(download.body as Uint8Array)).toMatch(/^%PDF/);
    const foreign = await otherProvince.request('GET', `/attachments/${upload.body.id}`);
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'auth.out_of_scope']);
    const foreignUpdate = await otherProvince.request('PUT', path, {
      revision: 1,
      status: 'done',
      percent: 100,
      note: null,
      links: [],
    });
    expect(foreignUpdate.status).toBe(403);
  });

  it('traces each task to the units: who planned it, how far they are, who is late', async () => {
    await travelTo('2026-07-06'); // past the cascade deadline of 30/04 and the task due on 30/06
    const trace = await planner.request<PlanTrace>('GET', `/plans/${plan.id}/trace`);
    expect(trace.status).toBe(200);
    const row = (text: string, unitId: number) =>
      trace.body.rows.find((r) => r.text.startsWith(text) && r.orgUnit?.id === unitId)!;
    expect(row('Tuyên truyền', muongTe)).toMatchObject({
      status: 'overdue',
      percent: 40,
      attachmentCount: 1,
    });
    expect(row('Tuyên truyền', muongTe).childPlan).not.toBeNull();
    expect(row('Tổ chức Tháng', bumTo)).toMatchObject({ status: 'not_started', childPlan: null });
    expect(trace.body.unitsWithoutPlan.map((u) => [u.name, u.isLate])).toEqual(
      expect.arrayContaining([
        ['Sở Nội vụ', true],
        ['Xã Bum Tở', true],
      ]),
    );
    // Mường Tè has only a draft: still without a plan, but the draft is named.
    expect(trace.body.unitsWithoutPlan.find((u) => u.id === muongTe)?.draftPlanId).toEqual(
      expect.any(Number),
    );

    // The commune sees only its own rows.
    const own = await reporter.request<PlanTrace>('GET', `/plans/${plan.id}/trace`);
    expect(new Set(own.body.rows.map((r) => r.orgUnit?.id))).toEqual(new Set([muongTe]));
  });

  it('lists overdue and due-soon tasks across the subtree', async () => {
    const overdue = await planner.request('GET', '/tasks?filter=overdue');
    expect(
      overdue.body.items.map((r: { text: string; orgUnit: { id: number } }) => [r.text, r.orgUnit.id]),
    ).toEqual([['Tuyên truyền phòng, chống bạo lực gia đình', muongTe]]);
    expect(overdue.body.items[0].status).toBe('overdue');
    const soon = await planner.request('GET', '/tasks?filter=due_soon');
    expect(soon.body.total).toBe(0);
    const hanoi = await otherProvince.request('GET', '/tasks');
    expect(hanoi.body.total).toBe(0);
  });

  it('supersedes an issued plan by a new version that carries the progress over', async () => {
    const version = await planner.request('POST', `/plans/${plan.id}/versions`);
    expect(version.status).toBe(201);
    expect(version.body).toMatchObject({ status: 'draft', version: 2, supersedesPlanId: plan.id });
    const issued = await planner.request('POST', `/plans/${version.body.id}/issue`, {
      revision: version.body.revision,
      number: '88',
      issuedOn: '2026-06-15',
    });
    expect(issued.status).toBe(200);
    const old = await planner.request('GET', `/plans/${plan.id}`);
    expect(old.body.status).toBe('superseded');
    expect(old.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);

    const newTask = issued.body.items.find((item: { title: string }) =>
      item.title.startsWith('Tuyên truyền'),
    ).id;
    const progress = await reporter.request('GET', `/tasks/${newTask}/units/${muongTe}`);
    expect(progress.body).toMatchObject({ storedStatus: 'in_progress', percent: 40 });
    expect(progress.body.attachments).toHaveLength(1);
    const trace = await planner.request<PlanTrace>('GET', `/plans/${version.body.id}/trace`);
    expect(trace.body.rows.find((r) => r.orgUnit?.id === muongTe)?.childPlan).not.toBeNull();
  });

  it('exports the plan as a DOCX and an XLSX appendix', async () => {
    const docx = await planner.request('GET', `/plans/${plan.id}/export?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toMatch(/\.docx/);
    const zip = await JSZip.loadAsync(docx.body as Uint8Array);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('45/KH-UBND');
    expect(xml).toContain('ỦY BAN NHÂN DÂN TỈNH LAI CHÂU');
    const xlsx = await planner.request('GET', `/plans/${plan.id}/export?format=xlsx`);
    expect([xlsx.status, xlsx.headers.get('content-type')]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });

  it('keeps drafts with their unit and lets only the issuing side delete them', async () => {
    const draft = await makePlan(planner, {
      unitId: await app.unitId('12'),
      assignees: [muongTe],
      issue: false,
    });
    const seen = await reporter.request('GET', `/plans/${draft.id}`);
    expect(seen.status).toBe(403);
    const foreign = await otherProvince.request('DELETE', `/plans/${draft.id}`);
    expect(foreign.status).toBe(403);
    const deleted = await planner.request('DELETE', `/plans/${draft.id}`);
    expect(deleted.status).toBe(204);
    const gone = await planner.request('GET', `/plans/${draft.id}`);
    expect(gone.status).toBe(404);
    const issuedDelete = await planner.request('DELETE', `/plans/${firstTaskId(plan) && plan.id}`);
    expect([issuedDelete.status, issuedDelete.body.error.code]).toEqual([409, 'plans.locked']);
  });

  it('lists and exports plans from the command line', async () => {
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    const messages: string[] = [];
    try {
      expect(await runPlanCommand(app.db, ['list', '--json'], (m) => messages.push(m))).toBe(0);
    } finally {
      write.mockRestore();
    }
    const listed = JSON.parse(printed.join(''));
    expect(listed.items.map((p: { documentNumber: string }) => p.documentNumber)).toContain('45/KH-UBND');

    const folder = mkdtempSync(path.join(os.tmpdir(), 'binhdang-cli-'));
    try {
      const out = path.join(folder, 'ke-hoach.docx');
      expect(
        await runPlanCommand(app.db, ['export', String(plan.id), '--format', 'docx', '--out', out], (m) =>
          messages.push(m),
        ),
      ).toBe(0);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
      expect(
        await runPlanCommand(app.db, ['export', 'x', '--format', 'odt', '--out', out], (m) =>
          messages.push(m),
        ),
      ).toBe(2);
      expect(messages.at(-1)).toMatch(/Cách dùng/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
