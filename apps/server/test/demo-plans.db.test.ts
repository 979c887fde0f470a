import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type PlanDetail, type PlanTrace, taskListQuery } from '@binhdang/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../src/modules/access/access.policy.ts';
import { getPlanDetail, listPlans, tracePlan } from '../src/modules/plans/plans.service.ts';
import { ensureDemoAccounts } from '../src/modules/seed/demo-accounts.ts';
import { type DemoPlansResult, seedDemoPlans } from '../src/modules/seed/demo-plans.ts';
import { listTasks, readTaskAttachment } from '../src/modules/tasks/tasks.service.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

/*
 * The demo's year as a newcomer finds it on 22/11/2026 (the test clock): the province plan and
 * its cascade, progress at different stages, who is late, what is due soon.
 */

const reader: Actor = {
  userId: 0,
  username: 'test',
  sessionId: 'test',
  grants: [{ id: 0, role: 'system_admin', orgUnitId: null, unitPath: null }],
};

describeEachEngine('demo plans', (engine) => {
  let app: TestApp;
  let attachmentsDir: string;
  let result: DemoPlansResult;
  let plans: PlanDetail[];

  const deps = () => ({ db: app.db, clock: app.clock.now, actor: reader });
  const planOf = (unitName: string) => plans.find((plan) => plan.orgUnit.name === unitName)!;

  beforeAll(async () => {
    app = await createTestApp(engine);
    attachmentsDir = mkdtempSync(path.join(os.tmpdir(), 'binhdang-demo-'));
    await ensureDemoAccounts(app.db);
    result = await seedDemoPlans({
      db: app.db,
      clock: app.clock.now,
      config: { attachmentsDir, dataDir: attachmentsDir },
    });
    const { items } = await listPlans({ ...deps(), filter: { relation: 'all', limit: 50 } });
    plans = await Promise.all(items.map((plan) => getPlanDetail({ ...deps(), planId: plan.id })));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  it('issues the province plan with its tasks assigned to registry units', async () => {
    expect(result).toMatchObject({ seeded: true, plans: 6, attachments: 1 });
    const province = planOf('Tỉnh Lai Châu');
    expect(province).toMatchObject({
      status: 'issued',
      documentNumber: '1385/KH-UBND',
      issuedOn: '2026-04-14',
      place: 'Lai Châu',
      cascadeDueOn: '2026-05-15',
      signer: { authority: 'TM. ỦY BAN NHÂN DÂN', name: 'Tổng Thanh Hải' },
    });
    expect(province.bases.map((basis) => basis.number)).toEqual(['8416/KH-UBND', '2855/BNV-CTTN&BDG']);
    expect(province.items.filter((item) => item.parentId === null).map((item) => item.title)).toEqual([
      'MỤC ĐÍCH, YÊU CẦU',
      'NỘI DUNG THỰC HIỆN',
      'KINH PHÍ THỰC HIỆN',
      'TỔ CHỨC THỰC HIỆN',
    ]);

    const tasks = province.items.flatMap((item) => (item.task ? [item.task] : []));
    expect(tasks.length).toBeGreaterThanOrEqual(10);
    const assignees = tasks.flatMap((task) => [...task.lead, ...task.support]);
    expect(tasks.every((task) => task.lead.length > 0)).toBe(true);
    expect(assignees.filter((assignee) => assignee.orgUnitId === null)).toEqual([]);
    const names = new Set(assignees.map((assignee) => assignee.unitName));
    for (const name of [
      'Sở Nội vụ',
      'Công an tỉnh',
      'Hội Liên hiệp Phụ nữ tỉnh',
      'Xã Mường Tè',
      'Xã Bum Tở',
    ]) {
      expect(names).toContain(name);
    }
    const actionMonth = province.items.find((item) =>
      item.title.startsWith('Xây dựng kế hoạch và tổ chức triển khai Tháng hành động'),
    );
    expect(actionMonth?.task?.time).toEqual({ kind: 'range', from: '2026-11-15', to: '2026-12-15' });
  });

  it('has the Labour Federation plan and the child plans at their stages', () => {
    const province = planOf('Tỉnh Lai Châu');
    const federation = planOf('Liên đoàn Lao động tỉnh');
    expect(federation).toMatchObject({
      status: 'issued',
      documentNumber: '352/KH-LĐLĐ',
      parentPlanId: province.id,
    });
    expect(federation.bases[0]).toMatchObject({
      number: '1385/KH-UBND',
      issuer: 'Ủy ban nhân dân tỉnh Lai Châu',
    });
    const federationLeads = new Set(
      federation.items.flatMap((item) => item.task?.lead.map((assignee) => assignee.unitName) ?? []),
    );
    expect(federationLeads).toEqual(
      new Set(['Công đoàn Viên chức tỉnh', 'Công đoàn ngành Giáo dục', 'Công đoàn ngành Y tế']),
    );

    const stages = Object.fromEntries(
      ['Xã Mường Tè', 'Hội Liên hiệp Phụ nữ tỉnh', 'Sở Nội vụ', 'Công đoàn ngành Giáo dục'].map((name) => [
        name,
        [planOf(name).status, planOf(name).parentPlanId],
      ]),
    );
    expect(stages).toEqual({
      'Xã Mường Tè': ['issued', province.id],
      'Hội Liên hiệp Phụ nữ tỉnh': ['issued', province.id],
      'Sở Nội vụ': ['draft', province.id],
      'Công đoàn ngành Giáo dục': ['issued', federation.id],
    });
    expect(plans.find((plan) => plan.orgUnit.name === 'Xã Bum Tở')).toBeUndefined();
    // Every carried task still points at the parent task it carries out.
    const muongTe = planOf('Xã Mường Tè');
    expect(muongTe.items.filter((item) => item.task).every((item) => item.task!.sourceTaskId !== null)).toBe(
      true,
    );
  });

  it('traces the province plan: Mường Tè at work, Bum Tở late', async () => {
    const province = planOf('Tỉnh Lai Châu');
    const trace: PlanTrace = await tracePlan({ ...deps(), planId: province.id });
    expect(trace.today).toBe('2026-11-22');
    expect(trace.unitsWithoutPlan.find((unit) => unit.name === 'Xã Bum Tở')).toMatchObject({
      code: '03433',
      isLate: true,
    });
    expect(trace.unitsWithoutPlan.map((unit) => unit.name)).not.toContain('Xã Mường Tè');

    const muongTe = trace.rows.filter((row) => row.orgUnit?.code === '03445');
    expect(muongTe.every((row) => row.childPlan?.status === 'issued')).toBe(true);
    const rowFor = (rows: typeof muongTe, start: string) => rows.find((row) => row.text.startsWith(start))!;
    expect(rowFor(muongTe, 'Tiếp tục đẩy mạnh công tác thông tin')).toMatchObject({
      status: 'done',
      percent: 100,
      childTasksDone: 1,
    });
    expect(rowFor(muongTe, 'Xây dựng kế hoạch và tổ chức triển khai Tháng hành động')).toMatchObject({
      status: 'in_progress',
      percent: 60,
    });
    expect(rowFor(muongTe, 'Kiện toàn Ban Vì sự tiến bộ')).toMatchObject({ status: 'overdue' });

    const bumTo = trace.rows.filter((row) => row.orgUnit?.code === '03433');
    expect(rowFor(bumTo, 'Kiện toàn Ban Vì sự tiến bộ')).toMatchObject({
      status: 'overdue',
      childPlan: null,
    });
  });

  it('lists overdue and due-soon tasks on 22/11/2026, with the evidence readable', async () => {
    const list = (filter: string) =>
      listTasks({ ...deps(), query: taskListQuery.parse({ filter, limit: 1000 }) });
    const overdue = await list('overdue');
    const isListed = (unitName: string, start: string) =>
      overdue.items.some((row) => row.orgUnit.name === unitName && row.text.startsWith(start));
    expect(isListed('Xã Bum Tở', 'Kiện toàn Ban Vì sự tiến bộ')).toBe(true);
    expect(isListed('Xã Mường Tè', 'Kiện toàn Ban vì sự tiến bộ của phụ nữ xã')).toBe(true);
    expect(isListed('Sở Nội vụ', 'Xây dựng Kế hoạch triển khai thực hiện Chương trình phòng ngừa')).toBe(
      true,
    );
    expect(isListed('Công đoàn Viên chức tỉnh', 'Kỷ niệm 96 năm')).toBe(true);
    expect(overdue.items.every((row) => row.status === 'overdue')).toBe(true);

    const soon = await list('due_soon');
    const soonDue = new Set(soon.items.map((row) => row.dueOn));
    expect(soonDue).toEqual(new Set(['2026-11-27', '2026-11-28', '2026-11-30', '2026-12-01']));
    expect(soon.items.map((row) => row.orgUnit.name)).toEqual(
      expect.arrayContaining([
        'Xã Bum Tở',
        'Xã Mường Tè',
        'Công đoàn ngành Y tế',
        'Công đoàn ngành Giáo dục',
      ]),
    );

    const open = await list('open');
    const actionMonth = open.items.find(
      (row) => row.orgUnit.name === 'Sở Nội vụ' && row.dueOn === '2026-12-15',
    );
    expect(actionMonth).toMatchObject({ status: 'in_progress', percent: 40 });

    const done = (await list('all')).items.filter((row) => row.status === 'done');
    expect(done.length).toBeGreaterThan(10);
    const withEvidence = done.find((row) => row.attachmentCount > 0)!;
    expect(withEvidence.orgUnit.name).toBe('Xã Mường Tè');
    const attachment = await app.db.selectFrom('attachments').select('id').executeTakeFirstOrThrow();
    const file = await readTaskAttachment({
      db: app.db,
      actor: reader,
      config: { attachmentsDir, dataDir: attachmentsDir },
      attachmentId: attachment.id,
    });
    expect(file.contentType).toBe('application/pdf');
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toMatch(/^%PDF-1\.4\n/);
    expect(text).toContain('(BIEN BAN) Tj');
    expect(text.trimEnd()).toMatch(/%%EOF$/);
  });

  it('puts the campaigns and the reporting deadlines in the calendar', async () => {
    const events = await app.db.selectFrom('plan_events').select(['name', 'starts_on', 'ends_on']).execute();
    expect(events).toContainEqual({
      name: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
      starts_on: '2026-11-15',
      ends_on: '2026-12-15',
    });
    const duties = await app.db
      .selectFrom('reporting_duties as d')
      .innerJoin('org_units as u', 'u.id', 'd.org_unit_id')
      .select(['u.name', 'd.kind', 'd.due_on'])
      .execute();
    expect(duties).toContainEqual({ name: 'Xã Mường Tè', kind: 'annual', due_on: '2026-12-01' });
    expect(duties).toContainEqual({
      name: 'Công đoàn ngành Giáo dục',
      kind: '6-month',
      due_on: '2026-05-30',
    });
  });

  it('seeds nothing a second time', async () => {
    const before = await app.db
      .selectFrom('task_progress')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(
      await seedDemoPlans({
        db: app.db,
        clock: app.clock.now,
        config: { attachmentsDir, dataDir: attachmentsDir },
      }),
    ).toEqual({
      seeded: false,
    });
    const { total } = await listPlans({ ...deps(), filter: { relation: 'all', limit: 50 } });
    expect(total).toBe(6);
    const after = await app.db
      .selectFrom('task_progress')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
