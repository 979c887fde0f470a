import type { TemplateDefinition, TemplateFamily, TemplateVersionInput } from '@binhdang/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

/*
 * Editing report templates over HTTP: every save is a new version and the old one stops being
 * current in the same transaction; a save based on a stale version is refused and writes
 * nothing; bad content is refused with an issue per field; tables of kinds the editor does not
 * edit survive a save unchanged; rounds keep the version they were opened with.
 */

const PROVINCE = '12';

describeEachEngine('report templates: editing and versions', (engine) => {
  let app: TestApp;
  let admin: TestClient;
  let planner: TestClient;

  beforeAll(async () => {
    app = await createTestApp(engine);
    admin = await app.signInAs('system_admin', null, 'quantri');
    planner = await app.signInAs('planner', PROVINCE, 'kehoach');
  });
  afterAll(() => app?.close());

  const family = async (code: string): Promise<TemplateFamily> => {
    const response = await admin.request('GET', '/report-templates');
    expect(response.status).toBe(200);
    return (response.body.items as TemplateFamily[]).find((item) => item.code === code)!;
  };
  const definition = async (id: number): Promise<TemplateDefinition> =>
    (await admin.request('GET', `/report-templates/${id}`)).body;
  const versionCount = async (code: string) =>
    (
      await app.db
        .selectFrom('report_templates')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).n;

  /** The editor's save body for a loaded definition. */
  const asInput = (loaded: TemplateDefinition): TemplateVersionInput => ({
    basedOnVersion: loaded.version,
    name: loaded.name,
    kind: loaded.kind,
    periodType: loaded.periodType,
    outline: loaded.outline,
    tables: loaded.tables.map((table) =>
      table.kind === 'figures'
        ? { kind: 'figures', code: table.code, title: table.title, dataElements: table.dataElements }
        : table.kind === 'activities'
          ? {
              kind: 'activities',
              code: table.code,
              title: table.title,
              layout: table.layout,
              observance: table.observance,
            }
          : { kind: 'kept', code: table.code },
    ),
  });

  it('saves a new version, keeps the old one readable and opened rounds on their version', async () => {
    const annual = await family('BDG_NAM');
    expect(annual.current.version).toBe(1);
    expect(annual.versions.map((version) => version.version)).toEqual([1]);
    const v1 = await definition(annual.current.id);

    // A round opened now keeps version 1 whatever happens to the template afterwards.
    const communes = await app.db
      .selectFrom('org_units')
      .select('id')
      .where('parent_id', '=', await app.unitId(PROVINCE))
      .where('kind', '=', 'commune')
      .orderBy('code')
      .limit(2)
      .execute();
    const round = await planner.request('POST', '/reporting/rounds', {
      templateId: v1.id,
      consolidatingUnitId: await app.unitId(PROVINCE),
      period: '2026',
      dueOn: '2026-12-01',
      unitIds: communes.map((unit) => unit.id),
    });
    expect(round.status).toBe(200);

    const input = asInput(v1);
    const [first, second, ...rest] = input.outline;
    const edited: TemplateVersionInput = {
      ...input,
      name: `${v1.name} (sửa đổi)`,
      // Reordered, one section added at the end with guidance.
      outline: [
        second!,
        first!,
        ...rest,
        { key: '9', level: 1, title: 'IX. Kiến nghị, đề xuất', guidance: 'Nêu kiến nghị với cấp trên.' },
      ],
      tables: [
        ...input.tables.slice(1),
        {
          kind: 'figures',
          code: 'PL09',
          title: 'Phụ lục 09. Trẻ em sinh ra',
          dataElements: ['TRE_SINH_SONG'],
        },
      ],
    };
    const saved = await admin.request('POST', '/report-templates/BDG_NAM/versions', edited);
    expect(saved.status).toBe(201);
    const v2 = saved.body as TemplateDefinition;
    expect(v2).toMatchObject({ code: 'BDG_NAM', version: 2, isCurrent: true, name: `${v1.name} (sửa đổi)` });
    expect(v2.outline.map((section) => section.key)).toEqual(edited.outline.map((section) => section.key));
    expect(v2.outline.at(-1)).toEqual({
      key: '9',
      level: 1,
      title: 'IX. Kiến nghị, đề xuất',
      guidance: 'Nêu kiến nghị với cấp trên.',
    });
    expect(v2.tables.map((table) => table.code)).toEqual([...v1.tables.slice(1).map((t) => t.code), 'PL09']);
    expect(v2.createdBy).toBe('quantri');

    // The old version is unchanged, readable, and no longer current.
    const old = await definition(v1.id);
    expect(old.isCurrent).toBe(false);
    expect(old.outline).toEqual(v1.outline);
    expect(old.tables).toEqual(v1.tables);
    expect(old.roundCount).toBe(1);
    const after = await family('BDG_NAM');
    expect(after.current.id).toBe(v2.id);
    expect(after.versions.map((version) => [version.version, version.isCurrent])).toEqual([
      [2, true],
      [1, false],
    ]);

    // The round still reads version 1; the round-opening list marks version 2 as the current one.
    const roundView = await planner.request('GET', `/reporting/rounds/${round.body.id}`);
    expect(roundView.body.template).toMatchObject({ id: v1.id, version: 1 });
    const summaries = (await planner.request('GET', '/reporting/templates')).body.items as {
      id: number;
      isCurrent: boolean;
    }[];
    expect(summaries.find((item) => item.id === v2.id)?.isCurrent).toBe(true);
    expect(summaries.find((item) => item.id === v1.id)?.isCurrent).toBe(false);

    // A new round cannot be opened with the old version any more.
    const stale = await planner.request('POST', '/reporting/rounds', {
      templateId: v1.id,
      consolidatingUnitId: await app.unitId(PROVINCE),
      period: '2026',
      dueOn: '2026-12-05',
      unitIds: communes.map((unit) => unit.id),
    });
    expect(stale.status).toBe(400);
    expect(stale.body.error.issues).toEqual([
      expect.objectContaining({ path: 'templateId', message: expect.stringMatching(/phiên bản hiện hành/) }),
    ]);

    // The change and its audit row committed together.
    const audit = await app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'reportTemplates.version')
      .where('entity_id', '=', String(v2.id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a save based on a version that is no longer current, and writes nothing', async () => {
    const current = await definition((await family('BDG_6_THANG')).current.id);
    const first = await admin.request('POST', '/report-templates/BDG_6_THANG/versions', {
      ...asInput(current),
      name: 'Báo cáo 6 tháng — bản của người thứ nhất',
    });
    expect(first.status).toBe(201);
    const before = await versionCount('BDG_6_THANG');

    const stale = await admin.request('POST', '/report-templates/BDG_6_THANG/versions', {
      ...asInput(current),
      name: 'Báo cáo 6 tháng — bản của người thứ hai',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('reportTemplates.conflict');
    expect(stale.body.error.message).toMatch(/phiên bản mới/);
    expect(await versionCount('BDG_6_THANG')).toBe(before);
    expect((await family('BDG_6_THANG')).current.name).toBe('Báo cáo 6 tháng — bản của người thứ nhất');
  });

  it('lets one of two simultaneous saves of the same version win', async () => {
    const code = (await admin.request('GET', '/report-templates')).body.items
      .map((item: TemplateFamily) => item.code)
      .find((candidate: string) => candidate !== 'BDG_NAM' && candidate !== 'BDG_6_THANG') as string;
    const current = await definition((await family(code)).current.id);
    const before = await versionCount(code);
    const results = await Promise.all(
      ['A', 'B'].map((who) =>
        admin.request('POST', `/report-templates/${code}/versions`, {
          ...asInput(current),
          name: `${current.name} — ${who}`,
        }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
    expect(await versionCount(code)).toBe(before + 1);
    const currentRows = await app.db
      .selectFrom('report_templates')
      .select('version')
      .where('code', '=', code)
      .where('is_current', '=', true)
      .execute();
    expect(currentRows).toEqual([{ version: current.version + 1 }]);
  });

  it('refuses bad content with an issue per field and writes nothing', async () => {
    const current = await definition((await family('BDG_NAM')).current.id);
    const before = await versionCount('BDG_NAM');
    const input = asInput(current);

    const bad = await admin.request('POST', '/report-templates/BDG_NAM/versions', {
      ...input,
      outline: [
        { key: '1', level: 2, title: 'Mở đầu', guidance: null },
        { key: '1', level: 1, title: 'Trùng mã', guidance: null },
      ],
      tables: [
        {
          kind: 'figures',
          code: 'PL01',
          title: 'Phụ lục 01',
          dataElements: ['KHONG_CO', 'TT_SO_CUOC', 'TT_SO_CUOC'],
        },
        { kind: 'figures', code: 'pl01', title: 'Phụ lục trùng mã', dataElements: ['TT_SO_CUOC'] },
        { kind: 'kept', code: 'PL77' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('reportTemplates.invalid');
    const paths = (bad.body.error.issues as { path: string; message: string }[]).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'outline.0.level',
        'outline.1.key',
        'tables.0.dataElements.0',
        'tables.0.dataElements.2',
        'tables.1.code',
        'tables.2.code',
      ]),
    );
    for (const issue of bad.body.error.issues) expect(issue.message).toMatch(/[à-ỹ]/);

    const empty = await admin.request('POST', '/report-templates/BDG_NAM/versions', {
      ...input,
      outline: [],
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues).toEqual([
      { path: 'outline', message: 'Đề cương cần có ít nhất một mục.' },
    ]);

    const malformed = await admin.request('POST', '/report-templates/BDG_NAM/versions', {
      ...input,
      outline: [{ key: 'mục một', level: 1, title: '', guidance: null }],
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('request.invalid');
    expect(await versionCount('BDG_NAM')).toBe(before);
  });

  it('keeps tables of other kinds unchanged and edits activity tables', async () => {
    const unknownTable = { source: 'cases', code: 'PLX', title: 'Phụ lục vụ việc', suppressBelow: 5 };
    const row = await app.db
      .insertInto('report_templates')
      .values({
        code: 'THANG_HD',
        kind: 'action_month',
        name: 'Báo cáo Tháng hành động',
        period_type: 'any',
        outline: JSON.stringify([{ key: '1', level: 1, title: 'I. Kết quả', guidance: null }]),
        tables: JSON.stringify([
          { code: 'PL01', title: 'Phụ lục 01', dataElements: ['TT_SO_CUOC'] },
          {
            source: 'activities',
            code: 'PL02',
            title: 'Hoạt động',
            layout: 'by_kind',
            observance: 'action_month',
          },
          unknownTable,
        ]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const loaded = await definition(row.id);
    expect(loaded.tables.map((table) => table.kind)).toEqual(['figures', 'activities', 'kept']);
    expect(loaded.tables[2]).toEqual({
      kind: 'kept',
      code: 'PLX',
      title: 'Phụ lục vụ việc',
      source: 'cases',
    });

    const input = asInput(loaded);
    const saved = await admin.request('POST', '/report-templates/THANG_HD/versions', {
      ...input,
      // The unknown table moves first; the activity table gets a new layout and no observance.
      tables: [
        input.tables[2]!,
        input.tables[0]!,
        { kind: 'activities', code: 'PL02', title: 'Kinh phí', layout: 'cost_by_source', observance: null },
      ],
    });
    expect(saved.status).toBe(201);
    const stored = await app.db
      .selectFrom('report_templates')
      .select('tables')
      .where('id', '=', saved.body.id)
      .executeTakeFirstOrThrow();
    const tables = typeof stored.tables === 'string' ? JSON.parse(stored.tables) : stored.tables;
    expect(tables).toEqual([
      unknownTable,
      { code: 'PL01', title: 'Phụ lục 01', dataElements: ['TT_SO_CUOC'] },
      { source: 'activities', code: 'PL02', title: 'Kinh phí', layout: 'cost_by_source' },
    ]);
  });

  it('creates a new template once per code', async () => {
    const body = {
      code: 'bc_chuyen_de',
      name: 'Báo cáo chuyên đề bình đẳng giới trong trường học',
      kind: 'ad_hoc',
      periodType: 'any',
      outline: [
        { key: '1', level: 1, title: 'I. Tình hình', guidance: '' },
        { key: '1.1', level: 2, title: '1. Số trường', guidance: null },
      ],
      tables: [{ kind: 'figures', code: 'PL01', title: 'Phụ lục 01', dataElements: ['TH_SO_LOP'] }],
    };
    const created = await admin.request('POST', '/report-templates', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'BC_CHUYEN_DE', version: 1, isCurrent: true, roundCount: 0 });
    expect(created.body.outline[0].guidance).toBeNull();

    const again = await admin.request('POST', '/report-templates', body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('reportTemplates.code_taken');
    expect(await versionCount('BC_CHUYEN_DE')).toBe(1);
  });

  it('lets only a system administrator change templates', async () => {
    const unitAdmin = await app.signInAs('unit_admin', PROVINCE);
    const current = await definition((await family('BDG_NAM')).current.id);
    for (const client of [planner, unitAdmin]) {
      const denied = await client.request('POST', '/report-templates/BDG_NAM/versions', asInput(current));
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('auth.forbidden');
    }
    // Reading is open to every reporting role: the round-opening form and the submission show them.
    expect((await planner.request('GET', `/report-templates/${current.id}`)).status).toBe(200);
  });
});
