import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

describeEachEngine('organisation registry', (engine) => {
  let app: TestApp;
  let admin: TestClient;
  let provinceAdmin: TestClient;

  beforeAll(async () => {
    app = await createTestApp(engine);
    admin = await app.signInAs('system_admin', null);
    provinceAdmin = await app.signInAs('unit_admin', '12');
  });
  afterAll(() => app?.close());

  it('seeds the 34 provinces, the 63 they came from, and 3,321 communes, wards and special zones', async () => {
    const counts = await app.db
      .selectFrom('org_units')
      .select([
        'kind',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.count<number>('valid_to').as('closed'),
      ])
      .groupBy('kind')
      .execute();
    const byKind = Object.fromEntries(
      counts.map((row) => [row.kind, { n: Number(row.n), closed: Number(row.closed) }]),
    );
    const provincesMerged = await app.db
      .selectFrom('lineage_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'merged_into')
      .executeTakeFirstOrThrow();
    expect(byKind.province!.n - byKind.province!.closed).toBe(34);
    expect(byKind.commune!.n + byKind.ward!.n + (byKind.special_zone?.n ?? 0)).toBe(3321);
    expect(byKind.district).toEqual({ n: 8, closed: 8 });
    // 63 former provinces less the 11 that continue unchanged = 52 merged (provinces-2025.json).
    expect(Number(provincesMerged.n)).toBe(byKind.province!.closed);
    const laiChau = await admin.request(
      'GET',
      `/org-units?parentId=${await app.unitId('12')}&kind=commune&limit=500`,
    );
    const wards = await admin.request('GET', `/org-units?parentId=${await app.unitId('12')}&kind=ward`);
    expect(laiChau.body.total + wards.body.total).toBe(38);
  });

  it('finds units whatever the diacritics and tone placement', async () => {
    const laiChau = await admin.request('GET', '/org-units?q=lai%20chau');
    expect(laiChau.body.items[0].name).toBe('Tỉnh Lai Châu');
    const hoaBinhNew = await admin.request(
      'GET',
      `/org-units?q=${encodeURIComponent('Hoà Bình')}&status=all`,
    );
    const hoaBinhOld = await admin.request(
      'GET',
      `/org-units?q=${encodeURIComponent('Hòa Bình')}&status=all`,
    );
    const hoaBinhPlain = await admin.request('GET', '/org-units?q=hoa%20binh&status=all');
    expect(hoaBinhPlain.body.total).toBeGreaterThan(0);
    expect(hoaBinhNew.body).toEqual(hoaBinhPlain.body);
    expect(hoaBinhOld.body).toEqual(hoaBinhPlain.body);
    expect(hoaBinhPlain.body.items.map((unit: { name: string }) => unit.name)).toContain('Tỉnh Hòa Bình');
    const doanKet = await admin.request('GET', '/org-units?q=DOAN%20KET');
    expect(doanKet.body.items.some((unit: { name: string }) => unit.name === 'Phường Đoàn Kết')).toBe(true);
  });

  it('keeps closed units readable with their lineage, and lets readers of the successor read them', async () => {
    const haGiang = await app.unitId('pre2025.ha-giang');
    const detail = await admin.request('GET', `/org-units/${haGiang}`);
    expect(detail.body.isOpen).toBe(false);
    expect(detail.body.validTo).toBe('2025-06-30');
    expect(detail.body.lineage[0]).toMatchObject({
      kind: 'merged_into',
      effectiveOn: '2025-07-01',
      toUnit: { code: '08' },
    });
    expect(detail.body.successors.map((unit: { code: string }) => unit.code)).toEqual(['08']);

    const tuyenQuangViewer = await app.signInAs('viewer', '08');
    expect((await tuyenQuangViewer.request('GET', `/org-units/${haGiang}`)).status).toBe(200);
    const search = await tuyenQuangViewer.request('GET', '/org-units?q=ha%20giang&status=closed');
    expect(search.body.items.map((unit: { code: string }) => unit.code)).toEqual(['pre2025.ha-giang']);
    const laiChauViewer = await app.signInAs('viewer', '12');
    expect((await laiChauViewer.request('GET', `/org-units/${haGiang}`)).status).toBe(403);
  });

  it('renames from a date and keeps the old name in the history', async () => {
    const unitId = await app.unitId('12.so-tu-phap');
    const renamed = await provinceAdmin.request('POST', `/org-units/${unitId}/rename`, {
      name: '  Sở Tư pháp   tỉnh Lai Châu ',
      effectiveOn: '2026-01-01',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Sở Tư pháp tỉnh Lai Châu');
    expect(renamed.body.names).toEqual([
      { name: 'Sở Tư pháp tỉnh Lai Châu', validFrom: '2026-01-01', validTo: null },
      { name: 'Sở Tư pháp', validFrom: null, validTo: '2025-12-31' },
    ]);
    const again = await provinceAdmin.request('POST', `/org-units/${unitId}/rename`, {
      name: 'Tên khác',
      effectiveOn: '2025-06-01',
    });
    expect(again.body.error.code).toBe('orgUnits.invalid_date');
  });

  it('merges units into a new one and maps their history onto it', async () => {
    const parentId = await app.unitId('12');
    const a = await provinceAdmin.request('POST', '/org-units', {
      code: 'lc-truong-a',
      name: 'Trường A',
      kind: 'public_unit',
      parentId,
      validFrom: '2025-07-01',
    });
    const b = await provinceAdmin.request('POST', '/org-units', {
      code: 'lc-truong-b',
      name: 'Trường B',
      kind: 'public_unit',
      parentId,
      validFrom: '2025-07-01',
    });
    expect(a.status).toBe(201);
    const merged = await provinceAdmin.request('POST', '/org-units/merge', {
      sourceIds: [a.body.id, b.body.id],
      newTarget: { code: 'lc-truong-ab', name: 'Trường AB', parentId },
      effectiveOn: '2026-09-01',
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ code: 'lc-truong-ab', kind: 'public_unit', validFrom: '2026-09-01' });
    expect(
      merged.body.lineage.map((event: { kind: string; fromUnit: { code: string } }) => [
        event.kind,
        event.fromUnit.code,
      ]),
    ).toEqual([
      ['merged_into', 'lc-truong-a'],
      ['merged_into', 'lc-truong-b'],
    ]);
    const oldA = await provinceAdmin.request('GET', `/org-units/${a.body.id}`);
    expect(oldA.body).toMatchObject({ validTo: '2026-08-31', isOpen: false });
    expect(oldA.body.successors[0].code).toBe('lc-truong-ab');
    const closedAgain = await provinceAdmin.request('POST', `/org-units/${a.body.id}/close`, {
      effectiveOn: '2026-10-01',
    });
    expect(closedAgain.body.error.code).toBe('orgUnits.closed');
  });

  it('splits a unit and closes it, refusing to close a unit with open children', async () => {
    const parentId = await app.unitId('12');
    const source = await provinceAdmin.request('POST', '/org-units', {
      code: 'lc-ttyt',
      name: 'Trung tâm Y tế',
      kind: 'public_unit',
      parentId,
      validFrom: '2025-07-01',
    });
    await provinceAdmin.request('POST', '/org-units', {
      code: 'lc-ttyt-tram',
      name: 'Trạm Y tế',
      kind: 'public_unit',
      parentId: source.body.id,
      validFrom: '2025-07-01',
    });
    const blocked = await provinceAdmin.request('POST', `/org-units/${source.body.id}/split`, {
      newUnits: [{ code: 'lc-ttyt-1', name: 'Trung tâm Y tế khu vực 1' }],
      closeSource: true,
      effectiveOn: '2026-10-01',
    });
    expect(blocked.body.error.code).toBe('orgUnits.has_open_children');
    // Nothing of the refused split was written.
    expect((await provinceAdmin.request('GET', '/org-units?q=khu%20vuc%201')).body.total).toBe(0);

    const split = await provinceAdmin.request('POST', `/org-units/${source.body.id}/split`, {
      newUnits: [
        { code: 'lc-ttyt-1', name: 'Trung tâm Y tế khu vực 1' },
        { code: 'lc-ttyt-2', name: 'Trung tâm Y tế khu vực 2' },
      ],
      closeSource: false,
      effectiveOn: '2026-10-01',
    });
    expect(split.status).toBe(200);
    expect(split.body.lineage.filter((event: { kind: string }) => event.kind === 'split_from')).toHaveLength(
      2,
    );
  });

  it('rejects bad input with Vietnamese messages and changes nothing', async () => {
    const before = await app.db
      .selectFrom('org_units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bad = await provinceAdmin.request('POST', '/org-units', {
      code: 'mã có dấu',
      name: 'X',
      kind: 'planet',
      parentId: 'a',
      validFrom: '31/12/2025',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('request.invalid');
    expect(bad.body.error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    const paths = bad.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['code', 'name', 'kind', 'parentId', 'validFrom']));
    expect(bad.body.error.issues.find((issue: { path: string }) => issue.path === 'code').message).toMatch(
      /Mã đơn vị/,
    );
    const duplicate = await provinceAdmin.request('POST', '/org-units', {
      code: '12',
      name: 'Trùng mã',
      kind: 'agency',
      parentId: await app.unitId('12'),
      validFrom: '2026-01-01',
    });
    expect(duplicate.body.error).toMatchObject({
      code: 'orgUnits.code_taken',
      message: 'Mã đơn vị đã được dùng cho đơn vị khác.',
    });
    const malformed = await provinceAdmin.request('POST', '/org-units', undefined, {});
    expect(malformed.status).toBe(400);
    const after = await app.db
      .selectFrom('org_units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it('audits every change with before and after', async () => {
    const audit = await provinceAdmin.request('GET', '/audit?action=orgUnits.rename');
    expect(audit.body.items[0]).toMatchObject({
      action: 'orgUnits.rename',
      before: { name: 'Sở Tư pháp' },
      after: { name: 'Sở Tư pháp tỉnh Lai Châu' },
    });
    const signIns = await provinceAdmin.request('GET', '/audit?action=auth.login');
    expect(signIns.body.items).toEqual([]);
    const all = await admin.request('GET', '/audit?action=auth.login&limit=2');
    expect(all.body.items).toHaveLength(2);
    expect(all.body.nextBefore).toBeTypeOf('number');
  });
});
