import type {
  Activity,
  ActivityCell,
  ActivityInput,
  ActivityList,
  Calendar,
  CampaignList,
  Consolidation,
  PlanDetail,
  RoundDetail,
  Submission,
} from '@binhdang/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importColumns } from '../src/modules/activities/activities.xlsx.ts';
import { evidenceFile, makePlan } from './plan-fixtures.ts';
import { createTestApp, type TestApp, type TestClient } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

const PROVINCE = '12';
const MUONG_TE = '03445';
const BUM_TO = '03433';
const HA_NOI = '01';

function activityBody(orgUnitId: number, overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    orgUnitId,
    kind: 'communication',
    title: 'Truyền thông về bình đẳng giới tại bản Nậm Củm',
    startsOn: '2026-11-18',
    participants: { 'male.kinh': 3, 'male.minority': 12, 'female.kinh': 5, 'female.minority': 20 },
    targetGroups: ['community'],
    costState: 1_500_000,
    ...overrides,
  };
}

/** A workbook laid out as the template, with `rows` as cell values by column header. */
async function workbook(rows: Record<string, unknown>[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Hoạt động');
  sheet.addRow(importColumns.map((column) => column.header));
  for (const row of rows) sheet.addRow(importColumns.map((column) => row[column.header] ?? null));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function generatedRows(count: number): Record<string, unknown>[] {
  const kinds = ['TT', 'TH', 'TD', 'HT', 'CLB', 'PD', 'SP', 'K'];
  return Array.from({ length: count }, (_, index) => ({
    'Loại hoạt động': kinds[index % kinds.length],
    'Tên hoạt động': `Hoạt động truyền thông số ${index + 1}`,
    // Dates as Excel dates and as typed text, both as officers enter them.
    'Từ ngày':
      index % 2 === 0
        ? new Date(Date.UTC(2026, 2 + (index % 9), 1 + (index % 27)))
        : `0${1 + (index % 9)}/0${1 + (index % 9)}/2026`,
    'Địa điểm (xã, phường)': index % 3 === 0 ? 'Xã Mường Tè' : 'Nhà văn hóa bản Nậm Củm',
    'Nam – Kinh': 1,
    'Nam – DTTS': 2,
    'Nữ – Kinh': 3,
    'Nữ – DTTS': index % 5,
    'Đối tượng': 'CB;HV',
    'Kinh phí NSNN (đồng)': 100_000,
    'Tiếng DTTS': index % 4 === 0 ? 'x' : '',
    'Đợt hưởng ứng': index % 10 === 0 ? '20/10' : '',
  }));
}

function importForm(unitId: number, bytes: Uint8Array, confirm = false): FormData {
  const form = new FormData();
  form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], 'hoat-dong.xlsx'));
  form.append('orgUnitId', String(unitId));
  form.append('confirmDuplicate', String(confirm));
  return form;
}

describeEachEngine('activities and campaigns', (engine) => {
  let app: TestApp;
  let reporter: TestClient;
  let otherReporter: TestClient;
  let provinceViewer: TestClient;
  let planner: TestClient;
  let admin: TestClient;
  let muongTe: number;
  let bumTo: number;
  let plan: PlanDetail;
  let muongTeTaskId: number;

  const countActivities = async (unitId: number) =>
    Number(
      (
        await app.db
          .selectFrom('activities')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_unit_id', '=', unitId)
          .where('deleted_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    app = await createTestApp(engine);
    muongTe = await app.unitId(MUONG_TE);
    bumTo = await app.unitId(BUM_TO);
    admin = await app.signInAs('system_admin', null, 'quantri');
    reporter = await app.signInAs('reporter', MUONG_TE, 'baocao-muongte');
    otherReporter = await app.signInAs('reporter', BUM_TO, 'baocao-bumto');
    provinceViewer = await app.signInAs('viewer', PROVINCE, 'xem-tinh');
    planner = await app.signInAs('planner', PROVINCE, 'kehoach-tinh');
    plan = await makePlan(admin, {
      unitId: await app.unitId(PROVINCE),
      assignees: [muongTe, bumTo],
      due: '2026-12-15',
    });
    muongTeTaskId = plan.items.find((item) => item.task?.lead.some((lead) => lead.orgUnitId === muongTe))!.id;
  });
  afterAll(() => app?.close());

  describe('the log', () => {
    let created: Activity;

    it('logs an activity with its task, participants and an audit row', async () => {
      const response = await reporter.request(
        'POST',
        '/activities',
        activityBody(muongTe, { taskIds: [muongTeTaskId] }),
      );
      expect(response.status).toBe(201);
      created = response.body;
      expect(created).toMatchObject({
        orgUnit: { id: muongTe },
        endsOn: '2026-11-18',
        participantTotal: 40,
        participants: { 'female.minority': 20 },
        revision: 1,
        can: { edit: true },
      });
      expect(created.tasks.map((task) => [task.id, task.assignedUnitId])).toEqual([[muongTeTaskId, muongTe]]);
      const audit = await app.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'activity')
        .where('entity_id', '=', String(created.id))
        .execute();
      expect(audit.map((row) => row.action)).toEqual(['activity.create']);
    });

    it('refuses bad input with Vietnamese messages and writes nothing', async () => {
      const before = await countActivities(muongTe);
      const dates = await reporter.request(
        'POST',
        '/activities',
        activityBody(muongTe, { endsOn: '2026-11-01' }),
      );
      expect(dates.status).toBe(400);
      expect(dates.body.error.code).toBe('activities.invalid');
      expect(dates.body.error.issues).toEqual([
        { path: 'endsOn', message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.' },
      ]);
      const negative = await reporter.request(
        'POST',
        '/activities',
        activityBody(muongTe, { participants: { 'female.kinh': -2 } as never }),
      );
      expect(negative.status).toBe(400);
      expect(negative.body.error.issues[0]).toEqual({
        path: 'participants.female.kinh',
        message: 'Không được âm.',
      });
      // A task of a plan the commune neither carries nor reads.
      const hanoiPlan = await makePlan(admin, {
        unitId: await app.unitId(HA_NOI),
        assignees: [await app.unitId(HA_NOI)],
      });
      const foreignTask = hanoiPlan.items.find((item) => item.task)!.id;
      const task = await reporter.request(
        'POST',
        '/activities',
        activityBody(muongTe, { taskIds: [foreignTask] }),
      );
      expect(task.status).toBe(400);
      expect(task.body.error.issues[0].path).toBe('taskIds.0');
      expect(task.body.error.issues[0].message).toMatch(/Nhiệm vụ không thuộc kế hoạch/);
      expect(await countActivities(muongTe)).toBe(before);
    });

    it('saves the whole activity against the revision shown, and refuses a stale save with 409', async () => {
      const saved = await reporter.request('PUT', `/activities/${created.id}`, {
        ...activityBody(muongTe, { title: 'Truyền thông lưu động về bình đẳng giới' }),
        orgUnitId: undefined,
        revision: 1,
        taskIds: [muongTeTaskId],
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ revision: 2, title: 'Truyền thông lưu động về bình đẳng giới' });
      const stale = await reporter.request('PUT', `/activities/${created.id}`, {
        ...activityBody(muongTe, { title: 'Bản cũ' }),
        orgUnitId: undefined,
        revision: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('activities.conflict');
      const reread = await reporter.request('GET', `/activities/${created.id}`);
      expect(reread.body.title).toBe('Truyền thông lưu động về bình đẳng giới');
      created = reread.body;
    });

    it('keeps activities to their unit and the units above it', async () => {
      expect((await otherReporter.request('GET', `/activities/${created.id}`)).body.error.code).toBe(
        'auth.out_of_scope',
      );
      expect(
        (
          await otherReporter.request('PUT', `/activities/${created.id}`, {
            ...activityBody(muongTe),
            orgUnitId: undefined,
            revision: 2,
          })
        ).body.error.code,
      ).toBe('auth.out_of_scope');
      expect((await otherReporter.request('POST', '/activities', activityBody(muongTe))).status).toBe(403);
      expect((await provinceViewer.request('GET', `/activities/${created.id}`)).body).toMatchObject({
        id: created.id,
        can: { edit: false },
      });
      const viewerWrite = await provinceViewer.request('POST', '/activities', activityBody(muongTe));
      expect([viewerWrite.status, viewerWrite.body.error.code]).toEqual([403, 'auth.forbidden']);
      const outside = await reporter.request('GET', `/activities?orgUnitId=${await app.unitId(HA_NOI)}`);
      expect(outside.body.error.code).toBe('auth.out_of_scope');
      const listed: ActivityList = (
        await provinceViewer.request('GET', `/activities?orgUnitId=${await app.unitId(PROVINCE)}`)
      ).body;
      expect(listed.items.map((item) => item.id)).toContain(created.id);
      const bumToList: ActivityList = (await otherReporter.request('GET', '/activities')).body;
      expect(bumToList.items.map((item) => item.id)).not.toContain(created.id);
    });

    it('stores a photo before its row and serves it only to readers of the activity', async () => {
      const form = new FormData();
      form.append(
        'file',
        new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'anh.png'),
      );
      const uploaded = await reporter.request('POST', `/activities/${created.id}/files`, form);
      expect(uploaded.status).toBe(201);
      expect(uploaded.body).toMatchObject({ fileName: 'anh.png', contentType: 'image/png' });
      const renamed = new FormData();
      renamed.append('file', new File([new TextEncoder().encode('MZ not a picture')], 'anh.jpg'));
      expect(
        (await reporter.request('POST', `/activities/${created.id}/files`, renamed)).body.error.code,
      ).toBe('attachments.type_not_allowed');
      const download = await provinceViewer.request('GET', `/activity-files/${uploaded.body.id}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('image/png');
      expect((await otherReporter.request('GET', `/activity-files/${uploaded.body.id}`)).status).toBe(403);
      expect((await reporter.request('POST', `/activities/${created.id}/files`, evidenceFile())).status).toBe(
        201,
      );
    });

    it('filters the list by task, kind and period and totals every match', async () => {
      const second = await reporter.request(
        'POST',
        '/activities',
        activityBody(muongTe, {
          kind: 'training',
          startsOn: '2026-06-03',
          endsOn: '2026-06-04',
          costState: 0,
          costNonState: 2_000_000,
        }),
      );
      expect(second.status).toBe(201);
      const byTask: ActivityList = (await reporter.request('GET', `/activities?taskId=${muongTeTaskId}`))
        .body;
      expect(byTask.items.map((item) => item.id)).toEqual([created.id]);
      const june: ActivityList = (
        await reporter.request('GET', '/activities?from=2026-06-01&to=2026-06-30&kind=training')
      ).body;
      expect(june.items.map((item) => item.id)).toEqual([second.body.id]);
      const all: ActivityList = (await reporter.request('GET', `/activities?orgUnitId=${muongTe}`)).body;
      expect(all.totals).toMatchObject({
        activities: 2,
        participantTotal: 80,
        costState: 1_500_000,
        costNonState: 2_000_000,
      });
      expect(all.totals.participants['female.minority']).toBe(40);
    });

    it('deletes against the revision shown and keeps the row', async () => {
      const extra = (
        await reporter.request('POST', '/activities', activityBody(muongTe, { startsOn: '2026-01-05' }))
      ).body;
      expect((await reporter.request('DELETE', `/activities/${extra.id}?revision=9`)).status).toBe(409);
      expect((await reporter.request('DELETE', `/activities/${extra.id}?revision=1`)).body).toEqual({
        deleted: true,
      });
      expect((await reporter.request('GET', `/activities/${extra.id}`)).status).toBe(404);
      const row = await app.db
        .selectFrom('activities')
        .select('deleted_at')
        .where('id', '=', extra.id)
        .executeTakeFirstOrThrow();
      expect(row.deleted_at).not.toBeNull();
    });

    it("offers the unit's tasks, campaigns and places to link", async () => {
      const links = (await reporter.request('GET', `/activities/links?orgUnitId=${muongTe}&year=2026`)).body;
      expect(links.tasks.map((task: { id: number }) => task.id)).toContain(muongTeTaskId);
      expect(
        links.campaigns.filter((campaign: { observance: string | null }) => campaign.observance),
      ).toHaveLength(6);
      expect(links.places.map((place: { name: string }) => place.name)).toContain('Xã Mường Tè');
    });
  });

  describe('bulk entry from XLSX', () => {
    it('serves a template with Vietnamese headers and a sheet of codes', async () => {
      const response = await reporter.request('GET', '/activities/template.xlsx');
      expect(response.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.body as ArrayBuffer);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Hoạt động', 'Hướng dẫn']);
      expect(book.getWorksheet('Hoạt động')!.getRow(1).getCell(9).value).toBe('Nữ – DTTS');
      const codes: string[] = [];
      book.getWorksheet('Hướng dẫn')!.eachRow((row) => codes.push(String(row.getCell(1).value)));
      expect(codes).toEqual(expect.arrayContaining(['TT', 'CLB', 'THD', 'CB']));
    });

    it('imports 500 rows in one go, and recognises the same file', async () => {
      const unit = await app.unitId('03394');
      const importer = await app.signInAs('reporter', '03394', 'baocao-nhap');
      const bytes = await workbook(generatedRows(500));
      const response = await importer.request('POST', '/activities/import', importForm(unit, bytes));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ imported: 500, copy: 1 });
      expect(await countActivities(unit)).toBe(500);
      const list: ActivityList = (await importer.request('GET', `/activities?orgUnitId=${unit}&limit=1`))
        .body;
      expect(list.totals).toMatchObject({ activities: 500, costState: 50_000_000 });
      expect(list.totals.participants['male.minority']).toBe(1000);

      const again = await importer.request('POST', '/activities/import', importForm(unit, bytes));
      expect([again.status, again.body.error.code]).toEqual([409, 'activities.import_duplicate']);
      expect(await countActivities(unit)).toBe(500);
      const confirmed = await importer.request('POST', '/activities/import', importForm(unit, bytes, true));
      expect(confirmed.body).toMatchObject({ imported: 500, copy: 2 });
      expect(await countActivities(unit)).toBe(1000);
    });

    it('reports every bad row by row and column and imports nothing of that file', async () => {
      const unit = await app.unitId('03408');
      const importer = await app.signInAs('reporter', '03408', 'baocao-loi');
      const rows = generatedRows(500);
      rows[15] = { ...rows[15], 'Nữ – Kinh': -3 };
      rows[40] = { ...rows[40], 'Từ ngày': '31/02/2026' };
      rows[41] = { ...rows[41], 'Loại hoạt động': 'XYZ' };
      rows[499] = { ...rows[499], 'Nam – DTTS': 'mười' };
      const response = await importer.request(
        'POST',
        '/activities/import',
        importForm(unit, await workbook(rows)),
      );
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('activities.import_invalid');
      expect(response.body.error.issues.map((issue: { message: string }) => issue.message)).toEqual([
        'Dòng 17, cột «Nữ – Kinh»: phải là số nguyên không âm.',
        'Dòng 42, cột «Từ ngày»: không phải ngày hợp lệ (ghi dạng 15/11/2026).',
        'Dòng 43, cột «Loại hoạt động»: mã «XYZ» không có trong bảng mã loại hoạt động.',
        'Dòng 501, cột «Nam – DTTS»: phải là số nguyên không âm.',
      ]);
      expect(await countActivities(unit)).toBe(0);
      const imports = await app.db
        .selectFrom('activity_imports')
        .select('id')
        .where('org_unit_id', '=', unit)
        .execute();
      expect(imports).toEqual([]);
    });

    it('refuses what is not a workbook', async () => {
      const form = new FormData();
      form.append('file', new File([new TextEncoder().encode('STT,Tên\n1,abc')], 'hoat-dong.csv'));
      form.append('orgUnitId', String(muongTe));
      const response = await reporter.request('POST', '/activities/import', form);
      expect([response.status, response.body.error.code]).toEqual([422, 'activities.import_unreadable']);
    });
  });

  describe('campaigns and observances', () => {
    it('makes each observance once per year, whatever asks at the same time', async () => {
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => reporter.request('GET', '/campaigns?year=2031')),
      );
      for (const answer of answers) expect(answer.status).toBe(200);
      const rows = await app.db
        .selectFrom('campaigns')
        .select(['observance', 'starts_on', 'ends_on'])
        .where('year', '=', 2031)
        .orderBy('starts_on')
        .execute();
      expect(rows).toHaveLength(6);
      expect(rows.find((row) => row.observance === 'action_month')).toMatchObject({
        starts_on: '2031-11-15',
        ends_on: '2031-12-15',
      });
      expect(rows.find((row) => row.observance === 'family_violence_month')).toMatchObject({
        starts_on: '2031-06-01',
        ends_on: '2031-06-30',
      });
    });

    it("sums a unit's Action Month campaign and the observance from the activities logged against them", async () => {
      const list: CampaignList = (await reporter.request('GET', '/campaigns?year=2026')).body;
      const actionMonth = list.items.find((item) => item.observance === 'action_month')!;
      const created = await reporter.request('POST', '/campaigns', {
        orgUnitId: muongTe,
        name: 'Tháng hành động vì bình đẳng giới xã Mường Tè năm 2026',
        startsOn: '2026-11-15',
        endsOn: '2026-12-15',
        launchOn: '2026-11-16',
        parentId: actionMonth.id,
        planId: plan.id,
      });
      expect(created.status).toBe(201);
      expect(created.body.planTasks.map((task: { id: number }) => task.id)).toContain(muongTeTaskId);
      const bad = await reporter.request('POST', '/campaigns', {
        orgUnitId: muongTe,
        name: 'Chiến dịch sai ngày',
        startsOn: '2026-11-15',
        endsOn: '2026-12-15',
        launchOn: '2027-01-01',
      });
      expect(bad.body.error.issues).toEqual([
        { path: 'launchOn', message: 'Ngày phát động phải nằm trong thời gian của chiến dịch.' },
      ]);
      await reporter.request(
        'POST',
        '/activities',
        activityBody(muongTe, { kind: 'campaign_event', campaignId: created.body.id }),
      );
      await otherReporter.request(
        'POST',
        '/activities',
        activityBody(bumTo, { campaignId: actionMonth.id, participants: { 'female.kinh': 7 } as never }),
      );
      const campaign = (await reporter.request('GET', `/campaigns/${created.body.id}`)).body;
      expect(campaign.results).toMatchObject({ activities: 1, participantTotal: 40 });
      // The province reads both units' part in the observance; Mường Tè's reporter only its own.
      const provinceView = (await provinceViewer.request('GET', `/campaigns/${actionMonth.id}`)).body;
      expect(provinceView.results).toMatchObject({ activities: 2, participantTotal: 47 });
      const communeView = (await reporter.request('GET', `/campaigns/${actionMonth.id}`)).body;
      expect(communeView.results).toMatchObject({ activities: 1, participantTotal: 40 });
      expect(
        (
          await reporter.request('PUT', `/campaigns/${actionMonth.id}`, {
            revision: 1,
            name: 'Đổi tên',
            startsOn: '2026-11-15',
            endsOn: '2026-12-15',
          })
        ).body.error.code,
      ).toBe('campaigns.observance_fixed');
      expect((await otherReporter.request('GET', `/campaigns/${created.body.id}`)).body.error.code).toBe(
        'auth.out_of_scope',
      );
    });
  });

  describe('calendar', () => {
    it("shows the unit's year and exports it as iCalendar", async () => {
      await app.db
        .insertInto('plan_events')
        .values({
          plan_id: plan.id,
          name: 'Ngày Gia đình Việt Nam',
          starts_on: '2026-06-28',
          ends_on: '2026-06-28',
        })
        .execute();
      const year: Calendar = (await reporter.request('GET', `/calendar?year=2026&orgUnitId=${muongTe}`)).body;
      const kinds = new Set(year.entries.map((entry) => entry.kind));
      expect([...kinds].sort()).toEqual([
        'activity',
        'campaign',
        'observance',
        'plan_event',
        'task_deadline',
      ]);
      expect(year.entries.find((entry) => entry.kind === 'task_deadline')).toMatchObject({
        startsOn: '2026-12-15',
        link: { to: 'task', taskId: muongTeTaskId, unitId: muongTe },
      });
      const only: Calendar = (
        await reporter.request('GET', `/calendar?year=2026&orgUnitId=${muongTe}&kinds=observance`)
      ).body;
      expect(only.entries.map((entry) => entry.kind)).toEqual(Array(6).fill('observance'));
      expect((await reporter.request('GET', '/calendar?year=2026&kinds=holiday')).status).toBe(400);

      // The province alone has no activity of its own; with its subtree it has the communes'.
      const province = await app.unitId(PROVINCE);
      const alone: Calendar = (
        await planner.request('GET', `/calendar?year=2026&orgUnitId=${province}&subtree=false&kinds=activity`)
      ).body;
      expect(alone.entries).toEqual([]);
      const subtree: Calendar = (
        await planner.request('GET', `/calendar?year=2026&orgUnitId=${province}&kinds=activity`)
      ).body;
      expect(subtree.entries.length).toBeGreaterThan(1000);

      const ics = await reporter.request('GET', `/calendar.ics?year=2026&orgUnitId=${muongTe}`);
      expect(ics.status).toBe(200);
      expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
      const text = new TextDecoder().decode(ics.body as Uint8Array).replace(/\r\n /g, '');
      expect(text).toContain('BEGIN:VCALENDAR');
      expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(year.entries.length);
      expect(text).toContain('DTSTART;VALUE=DATE:20261115');
      expect(text).toContain('DTEND;VALUE=DATE:20261216');
      expect(text).toContain(`UID:task:${muongTeTaskId}:${muongTe}@binhdang`);
      expect(
        (await otherReporter.request('GET', `/calendar.ics?year=2026&orgUnitId=${muongTe}`)).status,
      ).toBe(403);
    });
  });

  describe('activity tables of a report', () => {
    let roundId: number;
    let submissionId: number;
    let bumToSubmissionId: number;

    it('fills a draft from the log, freezes it on submit, and sums the accepted reports', async () => {
      const templates = (await planner.request('GET', '/reporting/templates')).body.items;
      const annual = templates.find(
        (template: { code: string; isCurrent: boolean }) => template.code === 'BDG_NAM' && template.isCurrent,
      );
      const opened = await planner.request('POST', '/reporting/rounds', {
        templateId: annual.id,
        consolidatingUnitId: await app.unitId(PROVINCE),
        period: '2026',
        dueOn: '2026-12-01',
        unitIds: [muongTe, bumTo],
      });
      expect(opened.status).toBe(200);
      const round = opened.body as RoundDetail;
      roundId = round.id;
      submissionId = round.submissions.find((entry) => entry.orgUnit.id === muongTe)!.id;
      bumToSubmissionId = round.submissions.find((entry) => entry.orgUnit.id === bumTo)!.id;

      let draft: Submission = (await reporter.request('GET', `/reporting/submissions/${submissionId}`)).body;
      expect(draft.activityTables).toMatchObject({
        frozen: false,
        cutOffFrom: '2025-12-15',
        cutOffTo: '2026-12-14',
      });
      const byKind = () => draft.activityTables.tables.find((table) => table.code === 'HD01')!;
      const cell = (row: string, column: string) => {
        const table = byKind();
        return table.rows.find((entry) => entry.key === row)!.values[
          table.columns.findIndex((entry) => entry.key === column)
        ];
      };
      // Mường Tè: a communication event, a training and the Action Month's launch, 40 people each.
      expect(
        ['communication', 'training', 'campaign_event', 'total'].map((row) => cell(row, 'activities')),
      ).toEqual([1, 1, 1, 3]);
      expect([
        cell('total', 'female'),
        cell('total', 'male'),
        cell('total', 'minority'),
        cell('total', 'total'),
      ]).toEqual([75, 45, 96, 120]);
      const cost = draft.activityTables.tables.find((table) => table.code === 'HD02')!;
      expect(cost.rows.map((row) => [row.key, ...row.values])).toEqual([
        ['state', 2, 3_000_000],
        ['non_state', 1, 2_000_000],
        ['total', 3, 5_000_000],
      ]);

      // Live while a draft: a new activity counts at once.
      await reporter.request(
        'POST',
        '/activities',
        activityBody(muongTe, { kind: 'talk', title: 'Tọa đàm về phòng chống bạo lực gia đình' }),
      );
      draft = (await reporter.request('GET', `/reporting/submissions/${submissionId}`)).body;
      expect(cell('talk', 'activities')).toBe(1);

      const drill: ActivityCell = (
        await reporter.request(
          'GET',
          `/reporting/submissions/${submissionId}/activity-cells?table=HD01&row=communication&column=female`,
        )
      ).body;
      expect(drill).toMatchObject({ value: 25, frozen: false });
      expect(
        drill.items.map((item) => item.participants['female.kinh'] + item.participants['female.minority']),
      ).toEqual([25]);
      expect(
        (
          await otherReporter.request(
            'GET',
            `/reporting/submissions/${submissionId}/activity-cells?table=HD01&row=total&column=total`,
          )
        ).status,
      ).toBe(403);
      expect(
        (
          await reporter.request(
            'GET',
            `/reporting/submissions/${submissionId}/activity-cells?table=HD01&row=nope&column=total`,
          )
        ).status,
      ).toBe(400);

      const submitted = await reporter.request('POST', `/reporting/submissions/${submissionId}/submit`, {
        revision: draft.revision,
        comment: null,
      });
      expect(submitted.status).toBe(200);
      expect(submitted.body.activityTables.frozen).toBe(true);

      // Frozen: later entries, edits and deletions do not change the submitted numbers.
      const late = (
        await reporter.request(
          'POST',
          '/activities',
          activityBody(muongTe, { title: 'Truyền thông sau khi nộp báo cáo' }),
        )
      ).body;
      const listed: ActivityList = (
        await reporter.request('GET', `/activities?orgUnitId=${muongTe}&kind=training`)
      ).body;
      await reporter.request('DELETE', `/activities/${listed.items[0]!.id}?revision=1`);
      draft = (await reporter.request('GET', `/reporting/submissions/${submissionId}`)).body;
      expect([
        cell('communication', 'activities'),
        cell('training', 'activities'),
        cell('total', 'activities'),
      ]).toEqual([1, 1, 4]);
      const frozenCell: ActivityCell = (
        await provinceViewer.request(
          'GET',
          `/reporting/submissions/${submissionId}/activity-cells?table=HD01&row=total&column=activities`,
        )
      ).body;
      expect(frozenCell.frozen).toBe(true);
      expect(frozenCell.items).toHaveLength(4);
      expect(frozenCell.items.map((item) => item.id)).not.toContain(late.id);
      expect(frozenCell.items.map((item) => item.id)).toContain(listed.items[0]!.id);

      // Bùm Tở submits too; the province accepts both and sums them, with a part per unit.
      const bumToDraft: Submission = (
        await otherReporter.request('GET', `/reporting/submissions/${bumToSubmissionId}`)
      ).body;
      await otherReporter.request('POST', `/reporting/submissions/${bumToSubmissionId}/submit`, {
        revision: bumToDraft.revision,
        comment: null,
      });
      for (const id of [submissionId, bumToSubmissionId])
        expect((await planner.request('POST', `/reporting/submissions/${id}/accept`, {})).status).toBe(200);
      const consolidation: Consolidation = (
        await planner.request('GET', `/reporting/rounds/${roundId}/consolidation`)
      ).body;
      const total = consolidation.activityTables.find((table) => table.code === 'HD01')!;
      const totalRow = total.rows.find((row) => row.key === 'total')!;
      expect(totalRow.values[0]).toBe(5);
      expect(totalRow.values[5]).toBe(160 + 7);
      const bumToPart = total.byUnit.find((part) => part.orgUnitId === bumTo)!;
      expect(bumToPart.rows.find((row) => row.key === 'total')!.values).toEqual([1, 0, 7, 7, 0, 7]);
      const roundCell: ActivityCell = (
        await planner.request(
          'GET',
          `/reporting/rounds/${roundId}/activity-cells?table=HD01&row=total&column=activities&unitId=${bumTo}`,
        )
      ).body;
      expect(roundCell.items.map((item) => item.orgUnit.id)).toEqual([bumTo]);
      const allCell: ActivityCell = (
        await planner.request(
          'GET',
          `/reporting/rounds/${roundId}/activity-cells?table=HD01&row=total&column=activities`,
        )
      ).body;
      expect(allCell.items).toHaveLength(5);
      expect(
        (
          await reporter.request(
            'GET',
            `/reporting/rounds/${roundId}/activity-cells?table=HD01&row=total&column=activities`,
          )
        ).body.error.code,
      ).toBe('auth.out_of_scope');

      const xlsx = await planner.request('GET', `/reporting/rounds/${roundId}/report?format=xlsx`);
      expect(xlsx.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body as ArrayBuffer);
      // The printed table: activities and participants by kind; the first "Tổng số" row is the round's.
      const rows: unknown[][] = [];
      book.getWorksheet('HD01')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      const printedTotal = rows.find((row) => row[1] === 'Tổng số')!;
      expect([printedTotal[2], printedTotal.at(-1)]).toEqual([5, 167]);
      const printedCost: unknown[][] = [];
      book.getWorksheet('HD02')!.eachRow((row) => printedCost.push((row.values as unknown[]).slice(1)));
      expect(printedCost.find((row) => row[1] === 'Kinh phí (đồng)')).toEqual([
        1,
        'Kinh phí (đồng)',
        4 * 1_500_000,
        2_000_000,
        4 * 1_500_000 + 2_000_000,
      ]);
      const docx = await planner.request('GET', `/reporting/rounds/${roundId}/report?format=docx`);
      expect(docx.status).toBe(200);
    });

    it('counts only the Action Month in the Action Month report', async () => {
      const templates = (await planner.request('GET', '/reporting/templates')).body.items;
      const template = templates.find(
        (entry: { code: string; isCurrent: boolean }) => entry.code === 'THANG_HANH_DONG' && entry.isCurrent,
      );
      const opened: RoundDetail = (
        await planner.request('POST', '/reporting/rounds', {
          templateId: template.id,
          consolidatingUnitId: await app.unitId(PROVINCE),
          period: '2026',
          dueOn: '2026-12-20',
          unitIds: [muongTe],
        })
      ).body;
      const draft: Submission = (
        await reporter.request('GET', `/reporting/submissions/${opened.submissions[0]!.id}`)
      ).body;
      const table = draft.activityTables.tables.find((entry) => entry.code === 'HD01')!;
      expect(table.observance).toBe('action_month');
      expect(table.rows.find((row) => row.key === 'total')!.values[0]).toBe(1);
    });
  });
});
