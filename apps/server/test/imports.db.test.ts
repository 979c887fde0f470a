import {
  type AcceptImportInput,
  draftAcceptInput,
  type EventRow,
  type ImportDetail,
  type PlanDetail,
  type PlanItem,
  type ReportingDutyRow,
} from '@binhdang/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { docxFile, readPlanFixture, textFile, uploadForm } from './import-fixtures.ts';
import { createTestApp, type TestApp, type TestClient } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

/*
 * A commune receives the province's plan for 2026 (Lai Châu, number left blank): its officer
 * uploads the text, checks what was read, accepts it, and finds the plan, its tasks with their
 * units, the campaign in the calendar and the report due to the province. The same document
 * again, as text or as Word, is recognised and never makes a second plan.
 */

const planText = readPlanFixture();

describeEachEngine('plan import', (engine) => {
  let app: TestApp;
  let communePlanner: TestClient;
  let provincePlanner: TestClient;
  let otherProvince: TestClient;
  let muongTe: number;
  let sovNoiVu: number;
  let detail: ImportDetail;
  let plan: PlanDetail;

  const countRows = async (table: 'plans' | 'plan_imports' | 'legal_documents' | 'plan_events') =>
    Number(
      (
        await app.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const tasksOf = (items: PlanItem[]) => items.filter((item) => item.task !== null);

  beforeAll(async () => {
    app = await createTestApp(engine);
    communePlanner = await app.signInAs('planner', '03445', 'kehoach-muongte');
    provincePlanner = await app.signInAs('planner', '12', 'kehoach-laichau');
    otherProvince = await app.signInAs('planner', '01', 'kehoach-hanoi');
    muongTe = await app.unitId('03445');
    sovNoiVu = (
      await app.db
        .selectFrom('org_units')
        .select('id')
        .where('name', '=', 'Sở Nội vụ')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => app?.close());

  it('reads an uploaded plan for review, with unit names matched to the registry', async () => {
    const uploaded = await communePlanner.request(
      'POST',
      '/imports',
      uploadForm(muongTe, textFile(planText, 'KH-UBND-2026.txt')),
    );
    expect(uploaded.status).toBe(201);
    detail = uploaded.body;
    expect(detail).toMatchObject({
      status: 'pending',
      fileName: 'KH-UBND-2026.txt',
      receivingUnit: { id: muongTe, code: '03445' },
      title:
        'Thực hiện công tác bình đẳng giới và Vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Lai Châu năm 2026',
      year: 2026,
      planId: null,
      duplicate: null,
      createdBy: 'kehoach-muongte',
    });
    expect(detail.sourceText).toContain('Tổng Thanh Hải');
    expect(detail.result.bases.map((basis) => basis.number)).toEqual(['8416/KH-UBND', '2855/BNV-CTTN&BDG']);
    expect(detail.result.tasks.length).toBeGreaterThan(20);
    expect(detail.result.reporting).toEqual([
      { what: 'annual', due: '2026-12-01', to: 'Ủy ban nhân dân tỉnh (qua Sở Nội vụ)' },
    ]);

    const matches = new Map(detail.unitMatches.map((match) => [match.text, match]));
    expect(matches.get('Sở Nội vụ')).toEqual({
      text: 'Sở Nội vụ',
      orgUnitId: sovNoiVu,
      unitName: 'Sở Nội vụ',
      group: null,
    });
    expect(matches.get('UBND các xã, phường')?.group?.unitKinds).toEqual(['commune', 'ward']);
    expect(matches.get('UBND các xã, phường')?.group?.label).toBe('Xã; Phường');
    // Every name the tasks print has a match entry, resolved or not.
    const names = new Set(detail.result.tasks.flatMap((task) => [...task.lead, ...task.support]));
    expect(new Set(matches.keys())).toEqual(names);

    const again = await communePlanner.request('GET', `/imports/${detail.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(detail);
    const listed = await communePlanner.request('GET', `/imports?orgUnitId=${muongTe}`);
    expect(listed.body.items.map((item: { id: number }) => item.id)).toEqual([detail.id]);
  });

  it('keeps the upload to its unit: another province can neither read nor accept it', async () => {
    const read = await otherProvince.request('GET', `/imports/${detail.id}`);
    expect([read.status, read.body.error.code]).toEqual([403, 'auth.out_of_scope']);
    const accept = await otherProvince.request(
      'POST',
      `/imports/${detail.id}/accept`,
      draftAcceptInput(detail),
    );
    expect([accept.status, accept.body.error.code]).toEqual([403, 'auth.out_of_scope']);
    const upload = await otherProvince.request('POST', '/imports', uploadForm(muongTe, textFile(planText)));
    expect([upload.status, upload.body.error.code]).toEqual([403, 'auth.out_of_scope']);
    const list = await otherProvince.request('GET', '/imports');
    expect(list.body.items).toEqual([]);
    expect(await countRows('plans')).toBe(0);
  });

  it('answers bad input with Vietnamese messages and changes nothing', async () => {
    const before = {
      imports: await countRows('plan_imports'),
      plans: await countRows('plans'),
      documents: await countRows('legal_documents'),
    };

    const noFile = await communePlanner.request('POST', '/imports', uploadForm(muongTe, null));
    expect([noFile.status, noFile.body.error.code]).toEqual([400, 'request.invalid']);
    expect(noFile.body.error.issues).toContainEqual({
      path: 'file',
      message: 'Chưa chọn tệp văn bản để tải lên.',
    });

    const noUnit = await communePlanner.request('POST', '/imports', uploadForm(null, textFile(planText)));
    expect([noUnit.status, noUnit.body.error.code]).toEqual([400, 'request.invalid']);
    expect(noUnit.body.error.issues[0].message).toBe('Chưa chọn đơn vị nhận văn bản.');

    const unknownUnit = await communePlanner.request(
      'POST',
      '/imports',
      uploadForm(999_999, textFile(planText)),
    );
    expect([unknownUnit.status, unknownUnit.body.error.code]).toEqual([
      400,
      'imports.receiving_unit_not_found',
    ]);
    expect(unknownUnit.body.error.message).toBe('Đơn vị nhận văn bản không tồn tại.');

    const image = new File(
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
      'scan.png',
    );
    const unsupported = await communePlanner.request('POST', '/imports', uploadForm(muongTe, image));
    expect([unsupported.status, unsupported.body.error.code]).toEqual([415, 'imports.unsupported_file']);
    expect(unsupported.body.error.message).toMatch(/Không nhận dạng được tệp/);

    const draft = draftAcceptInput(detail);
    const unknownLead: AcceptImportInput = {
      ...draft,
      tasks: draft.tasks.map((task, index) =>
        index === 0 ? { ...task, lead: [{ orgUnitId: 999_999 }] } : task,
      ),
    };
    const badUnit = await communePlanner.request('POST', `/imports/${detail.id}/accept`, unknownLead);
    expect([badUnit.status, badUnit.body.error.code]).toEqual([400, 'plans.unit_not_found']);
    expect(badUnit.body.error.message).toBe('Đơn vị được giao nhiệm vụ không tồn tại.');

    const badFields = await communePlanner.request('POST', `/imports/${detail.id}/accept`, {
      ...draft,
      title: 'KH',
      events: [{ name: 'Tháng hành động', from: '2026-12-15', to: '2026-11-15' }],
    });
    expect([badFields.status, badFields.body.error.code]).toEqual([400, 'request.invalid']);
    const paths = badFields.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'events.0.to']));
    expect(
      badFields.body.error.issues.find((issue: { path: string }) => issue.path === 'events.0.to').message,
    ).toBe('Ngày bắt đầu phải trước ngày kết thúc.');

    expect({
      imports: await countRows('plan_imports'),
      plans: await countRows('plans'),
      documents: await countRows('legal_documents'),
    }).toEqual(before);
    expect((await communePlanner.request('GET', `/imports/${detail.id}`)).body.status).toBe('pending');
  });

  it('accepts the document as read: an issued plan of the commune with its tasks, units and bases', async () => {
    const accepted = await communePlanner.request('POST', `/imports/${detail.id}/accept`, {
      ...draftAcceptInput(detail),
      issuerName: 'Ủy ban nhân dân tỉnh Lai Châu',
    });
    expect(accepted.status).toBe(201);
    plan = accepted.body;
    expect(plan).toMatchObject({
      orgUnit: { id: muongTe },
      origin: 'imported',
      status: 'issued',
      issuerName: 'Ủy ban nhân dân tỉnh Lai Châu',
      kind: 'KH',
      number: null,
      symbol: 'KH-UBND',
      documentNumber: '/KH-UBND',
      place: 'Lai Châu',
      issuedOn: null,
      year: 2026,
      recipients: expect.arrayContaining(['Bộ Nội vụ', 'Lưu: VT, Vx3']),
      signer: { authority: 'TM. ỦY BAN NHÂN DÂN', deputy: 'KT. CHỦ TỊCH', name: 'Tổng Thanh Hải' },
      can: { edit: false, issue: false },
    });
    expect(plan.bases.map((basis) => [basis.kind, basis.number, basis.issuedOn, basis.issuer])).toEqual([
      ['Kế hoạch', '8416/KH-UBND', '2025-12-26', 'Ủy ban nhân dân tỉnh Lai Châu'],
      ['Công văn', '2855/BNV-CTTN&BDG', '2026-03-27', 'Bộ Nội vụ'],
    ]);

    // The outline: the four sections, each dash task under its numbered heading.
    const roots = plan.items.filter((item) => item.parentId === null);
    expect(roots.map((item) => [item.ref, item.title])).toEqual([
      ['I.', 'MỤC ĐÍCH, YÊU CẦU'],
      ['II.', 'NỘI DUNG THỰC HIỆN'],
      ['III.', 'KINH PHÍ THỰC HIỆN'],
      ['IV.', 'TỔ CHỨC THỰC HIỆN'],
    ]);
    const byId = new Map(plan.items.map((item) => [item.id, item]));
    const tasks = tasksOf(plan.items);
    expect(tasks).toHaveLength(detail.result.tasks.length);
    expect(plan.taskCount).toBe(tasks.length);
    const first = tasks[0]!;
    expect(first.ref).toBe('-');
    expect(first.title).toMatch(/^Tiếp tục thực hiện việc lồng ghép/);
    const heading = byId.get(first.parentId!)!;
    expect(heading.ref).toBe('1.');
    expect(byId.get(heading.parentId!)!.ref).toBe('II.');
    const programme = tasks.find((task) =>
      task.title.startsWith('Xây dựng Kế hoạch và tổ chức triển khai, thực hiện'),
    )!;
    expect(byId.get(programme.parentId!)!.ref).toBe('4.1.');
    // Items are in reading order: every parent before its children.
    const positions = new Map(plan.items.map((item) => [item.id, item.position]));
    for (const item of plan.items) {
      if (item.parentId !== null) expect(positions.get(item.parentId)!).toBeLessThan(item.position);
    }

    // IV.2 is a section and a task. Sở Nội vụ leads it, but it is not the commune's to assign:
    // the commune's copy keeps the name for reference, and the unnamed others stay as text.
    const coordination = tasks.find((task) => task.title.startsWith('Sở Nội vụ chủ trì'))!;
    expect(coordination.ref).toBe('2.');
    expect(coordination.task!.lead).toEqual([{ orgUnitId: null, unitName: 'Sở Nội vụ', unitKind: null }]);
    expect(sovNoiVu).toBeGreaterThan(0);
    expect(coordination.task!.support).toEqual([
      { orgUnitId: null, unitName: 'các cơ quan, đơn vị có liên quan', unitKind: null },
    ]);
    // "UBND các xã, phường" in the commune's copy is the commune itself, not every commune of
    // the province (each commune that receives the plan has its own copy).
    const everyone = tasks.find((task) =>
      task.title.startsWith('Các sở, ban, ngành, đoàn thể tỉnh và UBND'),
    )!;
    const leadIds = everyone.task!.lead.flatMap((assignee) =>
      assignee.orgUnitId === null ? [] : [assignee.orgUnitId],
    );
    expect(leadIds).toEqual([muongTe]);
    // Times: a deadline is a date, "hằng năm" ongoing, none otherwise.
    const report = tasks.find((task) => task.task!.timeText === 'trước ngày 01/12/2026')!;
    expect(report.task!.time).toEqual({ kind: 'date', due: '2026-12-01' });
    expect(tasks.find((task) => task.task!.timeText === 'hằng năm')!.task!.time).toEqual({ kind: 'ongoing' });
    expect(first.task!.time).toEqual({ kind: 'none' });

    // Every document the plan cites is now in the registry, once.
    const registry = await communePlanner.request('GET', '/legal-documents?q=QĐ-TTg&limit=100');
    expect(registry.body.items.map((document: { number: string }) => document.number).sort()).toEqual([
      '1790/QĐ-TTg',
      '2282/QĐ-TTg',
      '51/2025/QĐ-TTg',
    ]);

    const imported = await communePlanner.request('GET', `/imports/${detail.id}`);
    expect(imported.body).toMatchObject({
      status: 'accepted',
      planId: plan.id,
      duplicate: { planId: plan.id },
    });
    expect(imported.body.acceptedAt).not.toBeNull();

    const audit = await app.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'plan.import')
      .execute();
    expect(audit).toEqual([{ action: 'plan.import', entity_id: String(plan.id) }]);
  });

  it('shows the plan to the commune and the province, not to another province', async () => {
    const own = await communePlanner.request('GET', `/plans?orgUnitId=${muongTe}`);
    expect(own.body.items).toEqual([
      expect.objectContaining({
        id: plan.id,
        origin: 'imported',
        issuerName: 'Ủy ban nhân dân tỉnh Lai Châu',
      }),
    ]);
    expect((await provincePlanner.request('GET', `/plans/${plan.id}`)).status).toBe(200);
    const outside = await otherProvince.request('GET', `/plans/${plan.id}`);
    expect([outside.status, outside.body.error.code]).toEqual([403, 'auth.out_of_scope']);
  });

  it('puts the campaign in the calendar and the report among the upcoming deadlines', async () => {
    const events = await communePlanner.request<{ items: EventRow[] }>('GET', '/events?year=2026');
    expect(events.status).toBe(200);
    expect(events.body.items).toEqual([
      {
        id: expect.any(Number),
        name: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
        startsOn: '2026-11-15',
        endsOn: '2026-12-15',
        plan: {
          id: plan.id,
          documentNumber: '/KH-UBND',
          title: plan.title,
          year: 2026,
          orgUnit: { id: muongTe, code: '03445', name: 'Xã Mường Tè' },
        },
      },
    ]);
    const forUnit = await provincePlanner.request<{ items: EventRow[] }>(
      'GET',
      `/events?year=2026&orgUnitId=${muongTe}`,
    );
    expect(forUnit.body.items.map((event) => event.plan.id)).toEqual([plan.id]);
    expect((await communePlanner.request('GET', '/events?year=2025')).body.items).toEqual([]);
    expect((await otherProvince.request('GET', '/events?year=2026')).body.items).toEqual([]);

    const duties = await communePlanner.request<{ items: ReportingDutyRow[]; today: string }>(
      'GET',
      '/reporting-duties?filter=upcoming',
    );
    expect(duties.status).toBe(200);
    expect(duties.body.today).toBe('2026-11-22');
    expect(duties.body.items).toEqual([
      {
        id: expect.any(Number),
        kind: 'annual',
        dueOn: '2026-12-01',
        recipient: 'Ủy ban nhân dân tỉnh (qua Sở Nội vụ)',
        orgUnit: { id: muongTe, code: '03445', name: 'Xã Mường Tè' },
        plan: {
          id: plan.id,
          documentNumber: '/KH-UBND',
          title: plan.title,
          year: 2026,
          orgUnit: { id: muongTe, code: '03445', name: 'Xã Mường Tè' },
          issuerName: 'Ủy ban nhân dân tỉnh Lai Châu',
        },
        isOverdue: false,
      },
    ]);
    expect((await communePlanner.request('GET', '/reporting-duties?filter=overdue')).body.items).toEqual([]);
    const province = await provincePlanner.request(
      'GET',
      `/reporting-duties?filter=all&orgUnitId=${muongTe}`,
    );
    expect(province.body.items).toHaveLength(1);
    expect((await otherProvince.request('GET', '/reporting-duties?filter=all')).body.items).toEqual([]);
    const foreignUnit = await otherProvince.request('GET', `/reporting-duties?orgUnitId=${muongTe}`);
    expect([foreignUnit.status, foreignUnit.body.error.code]).toEqual([403, 'auth.out_of_scope']);
  });

  it('recognises the same document uploaded again, as text or as Word, and makes no second plan', async () => {
    const plansBefore = await countRows('plans');

    const again = await communePlanner.request(
      'POST',
      '/imports',
      uploadForm(muongTe, textFile(planText, 'lan-2.txt')),
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: detail.id, status: 'accepted', duplicate: { planId: plan.id } });
    const refused = await communePlanner.request(
      'POST',
      `/imports/${again.body.id}/accept`,
      draftAcceptInput(detail),
    );
    expect([refused.status, refused.body.error.code]).toEqual([409, 'imports.already_accepted']);
    expect(refused.body.error.message).toBe('Văn bản này đã được tiếp nhận thành kế hoạch.');

    const word = await communePlanner.request(
      'POST',
      '/imports',
      uploadForm(muongTe, await docxFile(planText, 'KH-UBND-2026.docx')),
    );
    expect(word.status).toBe(200);
    expect(word.body.duplicate).toEqual({ planId: plan.id });

    expect(await countRows('plans')).toBe(plansBefore);
    expect(await countRows('plan_events')).toBe(1);
  });

  it('refuses a second plan from two uploads of one document read before either was accepted', async () => {
    const first = await provincePlanner.request('POST', '/imports', uploadForm(sovNoiVu, textFile(planText)));
    const second = await provincePlanner.request(
      'POST',
      '/imports',
      uploadForm(sovNoiVu, await docxFile(planText, 'ban-word.docx')),
    );
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.result.title).toBe(first.body.result.title);

    const accepted = await provincePlanner.request(
      'POST',
      `/imports/${first.body.id}/accept`,
      draftAcceptInput(first.body),
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.orgUnit.id).toBe(sovNoiVu);
    const plansBefore = await countRows('plans');
    const duplicate = await provincePlanner.request(
      'POST',
      `/imports/${second.body.id}/accept`,
      draftAcceptInput(second.body),
    );
    expect([duplicate.status, duplicate.body.error.code, duplicate.body.error.planId]).toEqual([
      409,
      'imports.duplicate',
      accepted.body.id,
    ]);
    expect(duplicate.body.error.message).toMatch(/không tạo thêm kế hoạch thứ hai/);
    expect(await countRows('plans')).toBe(plansBefore);

    const discarded = await provincePlanner.request('POST', `/imports/${second.body.id}/discard`);
    expect([discarded.status, discarded.body.status]).toEqual([200, 'discarded']);
    const afterDiscard = await provincePlanner.request(
      'POST',
      `/imports/${second.body.id}/accept`,
      draftAcceptInput(second.body),
    );
    expect([afterDiscard.status, afterDiscard.body.error.code]).toEqual([409, 'imports.discarded']);
    const discardAccepted = await provincePlanner.request('POST', `/imports/${first.body.id}/discard`);
    expect([discardAccepted.status, discardAccepted.body.error.code]).toEqual([
      409,
      'imports.already_accepted',
    ]);
  });
  it('makes one plan when two uploads of one document are accepted at the same moment', async () => {
    const province = await app.unitId('12');
    const [first, second] = await Promise.all([
      provincePlanner.request('POST', '/imports', uploadForm(province, textFile(planText, 'a.txt'))),
      provincePlanner.request('POST', '/imports', uploadForm(province, textFile(planText, 'b.txt'))),
    ]);
    const plansBefore = await countRows('plans');
    const answers = await Promise.all(
      [first!, second!].map((upload) =>
        provincePlanner.request('POST', `/imports/${upload.body.id}/accept`, draftAcceptInput(upload.body)),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 409]);
    const made = answers.find((answer) => answer.status === 201)!.body;
    const refused = answers.find((answer) => answer.status === 409)!.body;
    expect([refused.error.code, refused.error.planId]).toEqual(['imports.duplicate', made.id]);
    expect(await countRows('plans')).toBe(plansBefore + 1);
  });
});
