import type { Consolidation, RoundDetail, Submission } from '@binhdang/contracts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reportHeaderRow } from '../src/modules/reporting/reporting.report.xlsx.ts';
import { rowTotal } from '../src/modules/reporting/reporting.tables.ts';
import { createTestApp, type TestApp, type TestClient } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

/*
 * The province report (issue 6): the round's consolidation as a Decree 30 DOCX and as an XLSX.
 * Three communes report; two are accepted. The files must say what the consolidation says.
 */

const PROVINCE = '12';

/** The visible text of each paragraph of a DOCX part. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''),
  );
}

/** The cells' text of each table row. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphs(cell[0]).join('\n')),
  );
}

describeEachEngine('the consolidated report', (engine) => {
  let app: TestApp;
  let planner: TestClient;
  let round: RoundDetail;
  let consolidation: Consolidation;
  const communeNames: string[] = [];

  beforeAll(async () => {
    app = await createTestApp(engine);
    planner = await app.signInAs('planner', PROVINCE, 'tonghop');
    const communes = await app.db
      .selectFrom('org_units')
      .select(['id', 'code', 'name'])
      .where('parent_id', '=', await app.unitId(PROVINCE))
      .where('kind', 'in', ['commune', 'ward'])
      .where('valid_to', 'is', null)
      .orderBy('code')
      .limit(3)
      .execute();
    const template = await app.db
      .selectFrom('report_templates')
      .select('id')
      .where('code', '=', 'BDG_NAM')
      .executeTakeFirstOrThrow();
    round = (
      await planner.request('POST', '/reporting/rounds', {
        templateId: template.id,
        consolidatingUnitId: await app.unitId(PROVINCE),
        period: '2026',
        dueOn: '2026-12-01',
        unitIds: communes.map((unit) => unit.id),
      })
    ).body;

    for (const [index, commune] of communes.entries()) {
      communeNames.push(commune.name);
      const reporter = await app.signInAs('reporter', commune.code);
      const id = round.submissions.find((s) => s.orgUnit.id === commune.id)!.id;
      const saved = await reporter.request('PUT', `/reporting/submissions/${id}`, {
        revision: 0,
        narrative: {
          '1': `${commune.name} đã ban hành kế hoạch số ${index + 1}/KH-UBND. Đã kiện toàn Ban vì sự tiến bộ của phụ nữ.`,
        },
        figures: [
          { dataElement: 'TT_SO_CUOC', disaggregation: 'total', value: 10 * (index + 1) },
          { dataElement: 'TRE_SINH_SONG', disaggregation: 'male', value: 1000 + index },
          { dataElement: 'TRE_SINH_SONG', disaggregation: 'female', value: 950 + index },
          { dataElement: 'TH_NGUOI_THAM_GIA', disaggregation: 'all', value: 40 },
          { dataElement: 'TH_NGUOI_THAM_GIA', disaggregation: 'women', value: 25 },
        ],
      });
      expect(saved.status).toBe(200);
      const revision = (saved.body as Submission).revision;
      expect(
        (await reporter.request('POST', `/reporting/submissions/${id}/submit`, { revision })).status,
      ).toBe(200);
      // The third stays awaiting review, so it is not in the accepted-only report.
      if (index < 2)
        expect((await planner.request('POST', `/reporting/submissions/${id}/accept`, {})).status).toBe(200);
    }
    consolidation = (await planner.request('GET', `/reporting/rounds/${round.id}/consolidation`)).body;
  });
  afterAll(() => app?.close());

  const totalOf = (code: string) => {
    const row = consolidation.appendix.flatMap((table) => table.rows).find((r) => r.dataElement === code)!;
    return { name: row.name, total: rowTotal(row)! };
  };

  it('makes a Decree 30 report: title, narrative unit by unit, appendix totals as consolidated', async () => {
    const response = await planner.request('GET', `/reporting/rounds/${round.id}/report?format=docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/wordprocessingml/);
    const zip = await JSZip.loadAsync(response.body as Uint8Array);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = paragraphs(xml);

    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text.some((line) => /^Lai Châu, ngày\s+tháng\s+năm 2026$/.test(line))).toBe(true);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    // Section I, then each accepted commune's answer, led by its name, in the round's order.
    const heading = text.indexOf('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH');
    expect(heading).toBeGreaterThan(0);
    expect(text[heading + 1]).toBe(
      `- ${communeNames[0]}: ${communeNames[0]} đã ban hành kế hoạch số 1/KH-UBND. Đã kiện toàn Ban vì sự tiến bộ của phụ nữ.`,
    );
    expect(text[heading + 2]).toBe(
      `- ${communeNames[1]}: ${communeNames[1]} đã ban hành kế hoạch số 2/KH-UBND. Đã kiện toàn Ban vì sự tiến bộ của phụ nữ.`,
    );
    expect(text.join('\n')).not.toContain(communeNames[2]!);

    // Appendix tables: the "Tổng" column is the consolidation's total (2001 + 1951 live births...).
    const rows = tableRows(xml);
    const births = totalOf('TRE_SINH_SONG');
    expect(births.total).toBe(1000 + 950 + 1001 + 951);
    const birthsRow = rows.find((row) => row[1] === births.name)!;
    expect(birthsRow.at(-1)).toBe('3.902');
    // The header of the table the row is in: the last one above it.
    const header = rows.slice(0, rows.indexOf(birthsRow)).findLast((row) => row[0] === 'STT')!;
    expect(header.at(-1)).toBe('Tổng');
    expect(birthsRow[header.indexOf('Nam')]).toBe('2.001');
    const trained = totalOf('TH_NGUOI_THAM_GIA');
    expect(rows.find((row) => row[1] === trained.name)!.at(-1)).toBe('80');
  });

  it('makes a workbook with a sheet per appendix table and a block per unit', async () => {
    const response = await planner.request('GET', `/reporting/rounds/${round.id}/report?format=xlsx`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as Uint8Array as unknown as ArrayBuffer);
    // The figure tables, then the activity tables filled from the activity log (activities.db.test.ts).
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['PL01', 'PL02', 'PL03', 'HD01', 'HD02']);

    const sheet = workbook.getWorksheet('PL03')!;
    const header = sheet.getRow(reportHeaderRow).values as unknown[];
    expect(header.at(-1)).toBe('Tổng');
    const births = totalOf('TRE_SINH_SONG');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(row.values as unknown[]));
    const matching = rows.filter((row) => row[2] === births.name);
    // The consolidated row, then one per accepted commune.
    expect(matching.map((row) => row.at(-1))).toEqual([births.total, 1950, 1952]);
    const units = rows.map((row) => row[1]).filter((value) => communeNames.includes(value as string));
    expect(units).toEqual(communeNames.slice(0, 2));

    const activities = workbook.getWorksheet('PL01')!;
    const sessions = totalOf('TT_SO_CUOC');
    let found: unknown;
    activities.eachRow((row) => {
      if (row.getCell(2).value === sessions.name && found === undefined)
        found = row.getCell(row.cellCount).value;
    });
    expect(found).toBe(30);
  });

  it('is for the consolidating side only', async () => {
    const commune = await app.db
      .selectFrom('org_units')
      .select('code')
      .where('id', '=', round.submissions[0]!.orgUnit.id)
      .executeTakeFirstOrThrow();
    const reporter = await app.signInAs('reporter', commune.code);
    const response = await reporter.request('GET', `/reporting/rounds/${round.id}/report?format=docx`);
    expect(response.status).toBe(403);
    const wrong = await planner.request('GET', `/reporting/rounds/${round.id}/report?format=pdf`);
    expect(wrong.status).toBe(400);
  });
});
