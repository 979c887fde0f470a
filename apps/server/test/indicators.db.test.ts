import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Catalogue, EntryForm, Progress } from '@binhdang/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValuesCommand } from '../src/modules/indicators/indicators.cli.ts';
import { seedDemoFigures } from '../src/modules/seed/indicators.ts';
import { createTestApp, type TestApp, type TestClient } from './test-app.ts';
import { describeEachEngine, sharedDataDir } from './test-database.ts';

interface Nq28Entry {
  code: string;
  name_vi: string;
  unit: string;
  direction: string;
  target_2025: number;
  target_2025_op: string;
  target_2030: number;
  target_2030_op: string;
  confidence: string;
  source: string[];
}

const HEADER = 'data_element,org_unit,period,disaggregation,value,comment';

/** Lai Châu (12) and three of its communes (vn-units-2026.json). */
const PROVINCE = '12';
const DOAN_KET = '03388';
const BINH_LU = '03390';
const SIN_SUOI_HO = '03394';

describeEachEngine('indicators and figures', (engine) => {
  let app: TestApp;
  let admin: TestClient;
  let reporter: TestClient;
  let planner: TestClient;
  let viewer: TestClient;

  beforeAll(async () => {
    app = await createTestApp(engine);
    admin = await app.signInAs('system_admin', null, 'quantri');
    reporter = await app.signInAs('reporter', PROVINCE, 'nhaplieu');
    planner = await app.signInAs('planner', PROVINCE, 'kehoach');
    viewer = await app.signInAs('viewer', PROVINCE, 'nguoixem');
  });
  afterAll(() => app?.close());

  const write = (client: TestClient, items: unknown[], dryRun?: boolean) =>
    client.request('POST', '/indicators/values', { items, ...(dryRun ? { dryRun } : {}) });
  const item = (
    dataElement: string,
    orgUnit: string,
    period: string,
    disaggregation: string | string[],
    value: number | null,
    comment?: string,
  ) => ({
    dataElement,
    orgUnit,
    period,
    disaggregation,
    value,
    ...(comment ? { comment } : {}),
  });
  const storedCount = async () =>
    Number(
      (
        await app.db
          .selectFrom('data_values')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function postCsv(client: TestClient, csv: string) {
    const response = await app.api.request('/indicators/values/csv', {
      method: 'POST',
      headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, 'content-type': 'text/csv' },
      body: csv,
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  it('holds every indicator of ../shared/data/indicators-nq28.json with its 2025 and 2030 targets', async () => {
    const file = JSON.parse(
      readFileSync(path.join(sharedDataDir, 'indicators-nq28.json'), 'utf8'),
    ) as Nq28Entry[];
    const { body: catalogue } = await viewer.request<Catalogue>('GET', '/indicators/catalogue');
    expect(file.length).toBeGreaterThanOrEqual(12);
    for (const entry of file) {
      const indicator = catalogue.indicators.find((candidate) => candidate.code === entry.code);
      expect(indicator, entry.code).toBeDefined();
      expect({
        name: indicator!.name,
        unit: indicator!.unit,
        direction: indicator!.direction,
        confidence: indicator!.confidence,
        source: indicator!.source,
      }).toEqual({
        name: entry.name_vi,
        unit: entry.unit,
        direction: entry.direction,
        confidence: entry.confidence,
        source: entry.source,
      });
      const { body } = await viewer.request('GET', `/indicators/targets?indicator=${entry.code}`);
      const targets = body.items.map(
        (t: { year: number; operator: string; value: number; orgUnit: unknown }) => [
          t.year,
          t.operator,
          t.value,
          t.orgUnit,
        ],
      );
      expect(targets).toEqual([
        [2025, entry.target_2025_op, entry.target_2025, null],
        [2030, entry.target_2030_op, entry.target_2030, null],
      ]);
    }
    const srb = catalogue.indicators.find((candidate) => candidate.code === 'MT4.CT1')!;
    expect(srb.numerator.explanation).toBe('Số trẻ sinh ra sống – Nam');
    expect(srb.factor).toBe(100);
    expect(catalogue.categories.map((category) => category.code)).toEqual(
      expect.arrayContaining(['sex', 'ethnicity', 'age', 'area']),
    );
  });

  it('writes figures and reads them back as an entry grid with a computed total', async () => {
    const response = await write(reporter, [
      item('TT_NGUOI_THAM_GIA', DOAN_KET, '2026', 'female.minority', 30),
      item('TT_NGUOI_THAM_GIA', DOAN_KET, '2026', 'minority.male', 20),
      item('TT_NGUOI_THAM_GIA', DOAN_KET, '2026', ['female', 'kinh'], 5, 'Có 2 buổi ở tổ dân phố'),
      item('TH_NGUOI_THAM_GIA', DOAN_KET, '2026', 'all', 40),
      item('TH_NGUOI_THAM_GIA', DOAN_KET, '2026', 'women', 25),
    ]);
    expect(response.status).toBe(200);
    expect(response.body.written).toBe(true);
    expect(response.body.items.map((result: { status: string }) => result.status)).toEqual(
      Array(5).fill('created'),
    );

    const unitId = await app.unitId(DOAN_KET);
    const grid = await viewer.request<EntryForm>(
      'GET',
      `/indicators/entry?form=BDG_HOAT_DONG&orgUnitId=${unitId}&period=2026`,
    );
    expect(grid.status).toBe(200);
    expect(grid.body.canWrite).toBe(false);
    const tt = grid.body.rows.find((row) => row.dataElement.code === 'TT_NGUOI_THAM_GIA')!;
    expect(tt.columns.map((column) => column.name)).toEqual([
      'Nam – Kinh',
      'Nam – Dân tộc thiểu số',
      'Nữ – Kinh',
      'Nữ – Dân tộc thiểu số',
      'Tổng',
    ]);
    expect(tt.cells.map((cell) => cell.value)).toEqual([null, 20, 5, 30, 55]);
    expect(tt.cells[2]).toMatchObject({
      comment: 'Có 2 buổi ở tổ dân phố',
      updatedBy: 'nhaplieu',
      computed: false,
    });
    expect(tt.cells[4]!.computed).toBe(true);
    const th = grid.body.rows.find((row) => row.dataElement.code === 'TH_NGUOI_THAM_GIA')!;
    expect(th.cells.map((cell) => [cell.key, cell.value])).toEqual([
      ['all', 40],
      ['women', 25],
    ]);
    expect(grid.body.validation).toEqual([]);

    const list = await viewer.request('GET', `/indicators/values?orgUnitId=${unitId}&period=2026`);
    expect(list.body.total).toBe(5);
  });

  it('refuses women above the total, naming the cell, and stores nothing of the batch', async () => {
    const before = await storedCount();
    const response = await write(reporter, [
      item('TT_SO_CUOC', BINH_LU, '2026', 'total', 4),
      item('TH_NGUOI_THAM_GIA', BINH_LU, '2026', 'all', 40),
      item('TH_NGUOI_THAM_GIA', BINH_LU, '2026', 'women', 45),
    ]);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('figures.validation_failed');
    expect(response.body.error.validation.map((m: { message: string }) => m.message)).toEqual([
      'Số người tham gia tập huấn – Nữ (45) không được lớn hơn Tổng (40)',
    ]);
    expect(response.body.error.validation[0].cell).toMatchObject({
      dataElement: 'TH_NGUOI_THAM_GIA',
      disaggregation: 'women',
      period: '2026',
    });
    expect(await storedCount()).toBe(before);
  });

  it('asks for a comment on a warning (±50 % from last year) and accepts the figure with one', async () => {
    expect((await write(reporter, [item('TT_SO_CUOC', SIN_SUOI_HO, '2025', 'total', 10)])).status).toBe(200);
    const refused = await write(reporter, [item('TT_SO_CUOC', SIN_SUOI_HO, '2026', 'total', 30)]);
    expect(refused.status).toBe(422);
    expect(refused.body.error.validation[0]).toMatchObject({
      importance: 'warning',
      ruleCode: 'CHENH_LECH_NAM_TRUOC',
    });
    expect(refused.body.error.validation[0].message).toMatch(
      /^Số cuộc truyền thông về bình đẳng giới \(30\) chênh lệch hơn ±50% so với cùng kỳ năm trước \(10\)/,
    );
    const accepted = await write(reporter, [
      item('TT_SO_CUOC', SIN_SUOI_HO, '2026', 'total', 30, 'Tháng hành động năm 2026 tổ chức thêm 20 cuộc'),
    ]);
    expect(accepted.status).toBe(200);
    expect(accepted.body.validation.map((m: { importance: string }) => m.importance)).toEqual(['warning']);
  });

  it('keeps the history of corrections', async () => {
    const unitId = await app.unitId(SIN_SUOI_HO);
    await write(reporter, [item('CQ_TONG', SIN_SUOI_HO, '2026', 'total', 5)]);
    const corrected = await write(planner, [
      item('CQ_TONG', SIN_SUOI_HO, '2026', 'total', 6, 'Bổ sung Ban chỉ huy quân sự xã'),
    ]);
    expect(corrected.body.items[0].status).toBe('updated');
    const history = await viewer.request(
      'GET',
      `/indicators/values/history?dataElement=CQ_TONG&orgUnitId=${unitId}&period=2026&disaggregation=total`,
    );
    expect(
      history.body.entries.map((entry: { value: number; by: string; action: string }) => [
        entry.action,
        entry.value,
        entry.by,
      ]),
    ).toEqual([
      ['updated', 6, 'kehoach'],
      ['created', 5, 'nhaplieu'],
    ]);
    const audit = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'figures.write')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('stores comments with quotes, commas, braces and backslashes as typed (figures are written as arrays)', async () => {
    const unitId = await app.unitId(BINH_LU);
    const comments = [
      'Theo "Kế hoạch 313", mục {II}',
      'Đường dẫn C:\\bao-cao\\2027',
      'NULL',
      'Dấu ; và , giữa câu',
    ];
    const written = await write(
      reporter,
      comments.map((comment, index) => item('CQ_TONG', BINH_LU, String(2027 + index), 'total', 5, comment)),
    );
    expect(written.status).toBe(200);
    const stored = await app.db
      .selectFrom('data_values')
      .select(['period', 'comment', 'value'])
      .where('org_unit_id', '=', unitId)
      .where('period', 'in', ['2027', '2028', '2029', '2030'])
      .orderBy('period')
      .execute();
    expect(stored.map((row) => row.comment)).toEqual(comments);
    const history = await app.db
      .selectFrom('data_value_history')
      .select(['comment', 'action', 'previous_value'])
      .where('org_unit_id', '=', unitId)
      .where('period', 'in', ['2027', '2028', '2029', '2030'])
      .orderBy('period')
      .execute();
    expect(history).toEqual(
      comments.map((comment) => ({ comment, action: 'created', previous_value: null })),
    );
  });

  it('inherits targets national → province → commune', async () => {
    const communeId = await app.unitId(DOAN_KET);
    const provinceId = await app.unitId(PROVINCE);
    const effective = async () =>
      (await viewer.request('GET', `/indicators/targets?indicator=MT1.CT1&year=2025&orgUnitId=${communeId}`))
        .body.items[0];
    expect(await effective()).toMatchObject({
      value: 60,
      operator: '>=',
      inheritedFrom: { level: 'national' },
    });

    const set = await planner.request('PUT', '/indicators/targets', {
      indicator: 'MT1.CT1',
      orgUnitId: provinceId,
      year: 2025,
      operator: '>=',
      value: 65,
      source: 'Kế hoạch của UBND tỉnh',
    });
    expect(set.status).toBe(200);
    expect(set.body.target).toMatchObject({ value: 65, inheritedFrom: null });
    expect(await effective()).toMatchObject({ value: 65, inheritedFrom: { id: provinceId, level: 'unit' } });

    await planner.request('PUT', '/indicators/targets', {
      indicator: 'MT1.CT1',
      orgUnitId: communeId,
      year: 2025,
      operator: '>=',
      value: 70,
    });
    expect(await effective()).toMatchObject({ value: 70, inheritedFrom: null });
    const removed = await planner.request('PUT', '/indicators/targets', {
      indicator: 'MT1.CT1',
      orgUnitId: communeId,
      year: 2025,
      operator: '>=',
      value: null,
    });
    expect(removed.body).toMatchObject({ target: null, effective: { value: 65 } });

    const national = await planner.request('PUT', '/indicators/targets', {
      indicator: 'MT1.CT1',
      orgUnitId: null,
      year: 2026,
      operator: '>=',
      value: 62,
    });
    expect([national.status, national.body.error.code]).toEqual([403, 'auth.out_of_scope']);
    expect(
      (
        await reporter.request('PUT', '/indicators/targets', {
          indicator: 'MT1.CT1',
          orgUnitId: communeId,
          year: 2026,
          operator: '>=',
          value: 1,
        })
      ).status,
    ).toBe(403);
  });

  it('judges progress by the direction of each indicator', async () => {
    // A fresh commune of Lai Châu so earlier tests do not mix in.
    const unit = await admin.request('POST', '/org-units', {
      code: 'test.tien-do',
      name: 'Xã Thử Tiến Độ',
      kind: 'commune',
      parentId: await app.unitId(PROVINCE),
      validFrom: '2024-01-01',
    });
    expect(unit.status).toBeLessThan(300);
    const code = 'test.tien-do';
    const saved = await write(admin, [
      // Sex ratio at birth (max, ≤ 111 in 2025): 120 in 2024, 115 in 2025 → falling but above.
      item('TRE_SINH_SONG', code, '2024', 'male', 120),
      item('TRE_SINH_SONG', code, '2024', 'female', 100),
      item('TRE_SINH_SONG', code, '2025', 'male', 115),
      item('TRE_SINH_SONG', code, '2025', 'female', 100),
      // Woman key leader (min, ≥ 60 % in 2025): 7 of 10.
      item('CQ_TONG', code, '2025', 'total', 10),
      item('CQ_LANH_DAO_NU', code, '2025', 'total', 7),
      // GBV victims supported (min, ≥ 80 %): 90 % in 2024, 70 % in 2025 → falling and below.
      item('BL_PHAT_HIEN', code, '2024', 'female.age_31_59', 10),
      item('BL_DUOC_HO_TRO', code, '2024', 'female.age_31_59', 9),
      item('BL_PHAT_HIEN', code, '2025', 'female.age_31_59', 10),
      item('BL_DUOC_HO_TRO', code, '2025', 'female.age_31_59', 7, 'Hai nạn nhân từ chối hỗ trợ'),
    ]);
    expect(saved.status).toBe(200);
    const response = await viewer.request<Progress>(
      'GET',
      `/indicators/progress?orgUnitId=${unit.body.id}&from=2023&to=2026`,
    );
    expect(response.status).toBe(200);
    const of = (code: string) => response.body.indicators.find((row) => row.indicator.code === code)!;
    const srb = of('MT4.CT1');
    expect(srb.years.map((year) => year.value)).toEqual([null, 120, 115, null]);
    expect(srb.years[2]).toMatchObject({ status: 'off_track', target: { value: 111, operator: '<=' } });
    expect([srb.status, srb.trend, srb.nextTarget?.year]).toEqual(['on_track', 'down', 2025]);
    expect(of('MT1.CT1')).toMatchObject({ latestValue: 70, status: 'achieved' });
    expect(of('MT3.CT2a')).toMatchObject({ latestValue: 70, status: 'off_track', trend: 'down' });
    expect(of('MT2.CT1')).toMatchObject({ latestValue: null, status: 'no_data' });
  });

  it('counts the 2024 figures of two merged communes for the commune that replaced them', async () => {
    const provinceId = await app.unitId(PROVINCE);
    for (const [code, name] of [
      ['test.xa-a', 'Xã Thử A'],
      ['test.xa-b', 'Xã Thử B'],
    ]) {
      const created = await admin.request('POST', '/org-units', {
        code,
        name,
        kind: 'commune',
        parentId: provinceId,
        validFrom: '2020-01-01',
      });
      expect(created.status).toBeLessThan(300);
    }
    expect(
      (
        await write(reporter, [
          item('CQ_TONG', 'test.xa-a', '2024', 'total', 4),
          item('CQ_LANH_DAO_NU', 'test.xa-a', '2024', 'total', 2),
          item('TRE_SINH_SONG', 'test.xa-a', '2024', 'male', 30),
          item('TRE_SINH_SONG', 'test.xa-a', '2024', 'female', 25),
          item('CQ_TONG', 'test.xa-b', '2024', 'total', 6),
          item('CQ_LANH_DAO_NU', 'test.xa-b', '2024', 'total', 4),
          item('TRE_SINH_SONG', 'test.xa-b', '2024', 'male', 26),
          item('TRE_SINH_SONG', 'test.xa-b', '2024', 'female', 25),
        ])
      ).status,
    ).toBe(200);
    const merged = await admin.request('POST', '/org-units/merge', {
      sourceIds: [await app.unitId('test.xa-a'), await app.unitId('test.xa-b')],
      newTarget: { code: 'test.xa-ab', name: 'Xã Thử AB', kind: 'commune', parentId: provinceId },
      effectiveOn: '2025-07-01',
    });
    expect(merged.status).toBeLessThan(300);
    const newId = await app.unitId('test.xa-ab');
    expect(
      (
        await write(reporter, [
          item('CQ_TONG', 'test.xa-ab', '2026', 'total', 10),
          item('CQ_LANH_DAO_NU', 'test.xa-ab', '2026', 'total', 7),
        ])
      ).status,
    ).toBe(200);

    const response = await viewer.request<Progress>(
      'GET',
      `/indicators/progress?orgUnitId=${newId}&from=2024&to=2026`,
    );
    const womenLeaders = response.body.indicators.find((row) => row.indicator.code === 'MT1.CT1')!;
    expect(womenLeaders.years[0]).toMatchObject({
      year: 2024,
      numerator: 6,
      denominator: 10,
      value: 60,
      unitCount: 2,
    });
    expect(womenLeaders.years[2]).toMatchObject({ year: 2026, value: 70, unitCount: 1 });
    expect(womenLeaders.trend).toBe('up');
    const srb = response.body.indicators.find((row) => row.indicator.code === 'MT4.CT1')!;
    expect(srb.years[0]).toMatchObject({ numerator: 56, denominator: 50, value: 112 });
  });

  it('imports CSV all or nothing, naming the row and column of a bad cell', async () => {
    const before = await storedCount();
    const bad = [
      HEADER,
      `TT_SO_CUOC,${BINH_LU},2024,total,7,`,
      `KHONG_CO,${BINH_LU},2024,total,1,`,
      `TT_NGUOI_THAM_GIA,${BINH_LU},2024,female.martian,3,`,
      `TT_SO_CUOC,${BINH_LU},2023,total,abc,`,
    ].join('\n');
    const refused = await postCsv(reporter, bad);
    expect(refused.status).toBe(200);
    expect(refused.body.imported).toBe(false);
    expect(refused.body.errors).toEqual([
      { row: 5, column: 'value', message: 'Giá trị "abc" không phải là số.' },
    ]);
    const refused2 = await postCsv(reporter, bad.split('\n').slice(0, 4).join('\n'));
    expect(refused2.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'data_element'],
      [4, 'disaggregation'],
    ]);
    expect(refused2.body.errors[0].message).toMatch(/KHONG_CO/);
    expect(await storedCount()).toBe(before);

    const good = [
      HEADER,
      `TT_SO_CUOC,${BINH_LU},2024,total,7,"Gồm 1 cuộc ở bản, có phiên dịch"`,
      `TT_NGUOI_THAM_GIA,${BINH_LU},2024,female.minority,50,`,
    ].join('\r\n');
    const imported = await postCsv(reporter, good);
    expect(imported.body).toMatchObject({ imported: true, rowsAccepted: 2, rowsTotal: 2, errors: [] });
    expect(await storedCount()).toBe(before + 2);
  });

  it('imports CSV from the command line', async () => {
    const file = path.join(os.tmpdir(), `binhdang-values-${engine}.csv`);
    writeFileSync(file, [HEADER, `TH_SO_LOP,${DOAN_KET},2026,total,3,`].join('\n'));
    const lines: string[] = [];
    try {
      expect(
        await runValuesCommand(app.db, ['import', file, '--as', 'nhaplieu'], (line) => lines.push(line)),
      ).toBe(0);
      expect(lines.at(-1)).toMatch(/^Đã nhập 1 dòng \(mới 1/);
      writeFileSync(file, [HEADER, `TH_SO_LOP,01,2026,total,3,`].join('\n'));
      await expect(
        runValuesCommand(app.db, ['import', file, '--as', 'nhaplieu'], () => {}),
      ).rejects.toMatchObject({
        code: 'auth.out_of_scope',
      });
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('exports the progress table as a readable XLSX', async () => {
    const response = await viewer.request(
      'GET',
      `/indicators/progress/xlsx?orgUnitId=${await app.unitId(PROVINCE)}&from=2024&to=2026`,
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(response.body as Uint8Array) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toMatch(/TIẾN ĐỘ THỰC HIỆN CÁC CHỈ TIÊU/);
    expect(sheet.getRow(4).getCell(5).value).toBe('2024');
    const codes = Array.from({ length: 12 }, (_, index) => sheet.getRow(5 + index).getCell(1).value);
    expect(codes).toContain('MT4.CT1');
  });

  it('refuses bad input, writers out of scope and non-administrators on the catalogue', async () => {
    const unknown = await write(reporter, [item('KHONG_CO', DOAN_KET, '2026', 'total', 1)]);
    expect([unknown.status, unknown.body.error.code, unknown.body.error.issues[0].path]).toEqual([
      400,
      'figures.invalid_input',
      'items.0.dataElement',
    ]);
    const notNumber = await reporter.request('POST', '/indicators/values', {
      items: [{ ...item('TT_SO_CUOC', DOAN_KET, '2026', 'total', 1), value: 'mười' }],
    });
    expect([notNumber.status, notNumber.body.error.code]).toEqual([400, 'request.invalid']);
    const fraction = await write(reporter, [item('TT_SO_CUOC', DOAN_KET, '2026', 'total', 1.5)]);
    expect(fraction.body.error.issues[0].message).toMatch(/số nguyên/);
    const total = await write(reporter, [item('TT_NGUOI_THAM_GIA', DOAN_KET, '2026', 'total', 1)]);
    expect(total.body.error.issues[0].message).toMatch(/tính tự động/);
    const percent = await write(reporter, [item('TL_NU_DAI_BIEU_HDND', DOAN_KET, '2026', 'total', 120)]);
    expect(percent.body.error.validation[0].message).toBe(
      'Tỷ lệ nữ đại biểu Hội đồng nhân dân (120) phải nằm trong khoảng 0–100%',
    );

    const outside = await write(reporter, [item('TT_SO_CUOC', '00004', '2026', 'total', 1)]);
    expect([outside.status, outside.body.error.code]).toEqual([403, 'auth.out_of_scope']);
    expect((await write(viewer, [item('TT_SO_CUOC', DOAN_KET, '2026', 'total', 1)])).status).toBe(403);
    const readOutside = await reporter.request(
      'GET',
      `/indicators/progress?orgUnitId=${await app.unitId('01')}`,
    );
    expect([readOutside.status, readOutside.body.error.code]).toEqual([403, 'auth.out_of_scope']);
    const catalogueWrite = await planner.request('POST', '/indicators/catalogue/data-elements', {
      code: 'SO_CLB',
      name: 'Số câu lạc bộ',
      valueType: 'integer',
      categoryCombo: 'default',
    });
    expect(catalogueWrite.status).toBe(403);
  });

  describe('catalogue administration', () => {
    it('lets a system administrator add a data element and an indicator over it', async () => {
      const element = await admin.request('POST', '/indicators/catalogue/data-elements', {
        code: 'CLB_THANH_VIEN',
        name: 'Số thành viên câu lạc bộ phòng, chống bạo lực gia đình',
        valueType: 'integer',
        categoryCombo: 'sex_ethnicity',
      });
      expect(element.status).toBe(200);
      const indicator = await admin.request('POST', '/indicators/catalogue/indicators', {
        code: 'MT3.CLB',
        objective: 'Mục tiêu 3: Đời sống gia đình và phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
        name: 'Tỷ lệ nam giới trong thành viên câu lạc bộ',
        unit: '%',
        direction: 'min',
        numerator: '#{CLB_THANH_VIEN.male}',
        denominator: '#{CLB_THANH_VIEN}',
        factor: 100,
      });
      expect(indicator.status).toBe(200);
      expect(indicator.body.numerator.explanation).toBe(
        'Số thành viên câu lạc bộ phòng, chống bạo lực gia đình – Nam',
      );
      const bad = await admin.request('POST', '/indicators/catalogue/indicators', {
        code: 'MT3.SAI',
        name: 'Công thức sai',
        unit: '%',
        direction: 'min',
        numerator: '#{CLB_THANH_VIEN.urban}',
        factor: 100,
      });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'indicators.invalid_formula']);
      const again = await admin.request('POST', '/indicators/catalogue/data-elements', {
        code: 'CLB_THANH_VIEN',
        name: 'Trùng mã',
        valueType: 'integer',
        categoryCombo: 'default',
      });
      expect(again.status).toBe(409);
    });
  });
});

describeEachEngine('demo figures for Lai Châu', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(engine);
  });
  afterAll(() => app?.close());

  it('seeds 2023–2026 once, former districts before the reform and communes after', async () => {
    const admin = await app.signInAs('system_admin', null, 'demo-admin');
    const first = await seedDemoFigures(app.db);
    expect(first.values).toBeGreaterThan(50);
    expect((await seedDemoFigures(app.db)).values).toBe(0);
    const response = await admin.request<Progress>(
      'GET',
      `/indicators/progress?orgUnitId=${await app.unitId(PROVINCE)}&from=2023&to=2026&indicators=MT1.CT1,MT4.CT1`,
    );
    const [womenLeaders, srb] = response.body.indicators;
    expect(womenLeaders!.years.map((year) => year.value)).toEqual([40, 50, 55.6, 63.9]);
    expect(womenLeaders!.years.map((year) => year.unitCount)).toEqual([2, 2, 3, 3]);
    expect(srb!.years.map((year) => year.value)).toEqual([118, 116, 114, 112]);
    expect(srb!.status).toBe('on_track');
  });
});
