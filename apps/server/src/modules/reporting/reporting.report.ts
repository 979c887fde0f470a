import { type AppendixRow, type Consolidation, foldForSearch, formatDateVi } from '@binhdang/contracts';
import type { Actor } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import { issuerHeading } from '../plans/plans.document.ts';
import { activityReportTables } from './reporting.activity-tables.ts';
import { getConsolidation } from './reporting.service.ts';
import { rowTotal } from './reporting.tables.ts';

/*
 * The consolidating unit's report as an official document: the public entry point and the layout
 * shared by the DOCX (reporting.report.docx.ts, Decree 30 "BÁO CÁO") and the XLSX
 * (reporting.report.xlsx.ts): which columns an appendix table prints, its rows and totals. The
 * figures are the consolidation's, computed now; nothing here adds anything up again.
 */

export interface ReportColumn {
  key: string;
  name: string;
}

export interface ReportRow {
  number: number;
  dataElement: string;
  name: string;
  /** In the table's column order; null where the element has no such column. */
  cells: (number | null)[];
  /** The row's total (the computed total, or the element's "Tổng số"). */
  total: number | null;
}

export interface ReportTable {
  code: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  byUnit: { unit: { id: number; code: string; name: string }; rows: ReportRow[] }[];
}

export interface RoundReportInput {
  consolidation: Consolidation;
  /** The reporting body as the header prints it. */
  issuer: { superior: string | null; name: string };
  /** `Lai Châu` for the place line. */
  place: string;
  /** `/BC-UBND`: the number is written in when the report is signed. */
  symbol: string;
  recipients: string[];
  signer: string[];
  tables: ReportTable[];
}

/** Keys printed in the "Tổng" column rather than a column of their own. */
const totalKeys = new Set(['total', 'all']);

/**
 * The printed columns of a table: every entered option combo of its rows in first-seen order
 * (`Nam – Kinh` … `Trong đó: Nữ`), then "Tổng". Rows of different combos share one table, so a
 * cell an element does not have stays empty.
 */
export function layoutTable(
  table: Consolidation['appendix'][number],
  units: Consolidation['units'],
): ReportTable {
  const columns: ReportColumn[] = [];
  for (const row of table.rows)
    for (const column of row.columns)
      if (
        !column.computed &&
        !totalKeys.has(column.key) &&
        !columns.some((known) => known.key === column.key)
      )
        columns.push({ key: column.key, name: column.name });

  const toRow = (row: AppendixRow, index: number): ReportRow => ({
    number: index + 1,
    dataElement: row.dataElement,
    name: row.name,
    cells: columns.map((column) => row.cells.find((cell) => cell.key === column.key)?.value ?? null),
    total: rowTotal(row),
  });
  return {
    code: table.code,
    title: table.title,
    columns,
    rows: table.rows.map(toRow),
    byUnit: units.map((unit) => ({
      unit: { id: unit.id, code: unit.code, name: unit.name },
      rows: table.rows.map((row, index) =>
        toRow({ ...row, cells: row.byUnit.find((entry) => entry.orgUnitId === unit.id)?.cells ?? [] }, index),
      ),
    })),
  };
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** `1.234,5`; empty for no figure. */
export function formatFigure(value: number | null): string {
  return value === null ? '' : numberFormat.format(value);
}

export const reportTotalColumn = 'Tổng';
export const reportUnitsHeading = 'CHI TIẾT THEO ĐƠN VỊ BÁO CÁO';

/** `(Kèm theo Báo cáo kết quả … năm 2026 của Ủy ban nhân dân tỉnh Lai Châu)` */
export function formatAppendixNote(input: RoundReportInput): string {
  const issuer = input.issuer.name.charAt(0) + input.issuer.name.slice(1).toLocaleLowerCase('vi');
  return `(Kèm theo ${input.consolidation.round.title} của ${issuer})`;
}

/** `Tổng hợp từ 12/13 báo cáo đã được duyệt (hạn nộp 01/12/2026).` */
export function formatBasisLine({ consolidation }: RoundReportInput): string {
  const { completeness, dueOn } = consolidation.round;
  const counted = consolidation.include === 'accepted' ? 'đã được duyệt' : 'đã nộp (kể cả chưa duyệt)';
  return `Báo cáo tổng hợp từ ${consolidation.units.length}/${completeness.expected} báo cáo của các đơn vị ${counted}; hạn nộp ${formatDateVi(dueOn)}.`;
}

const peoplesCommitteeKinds = new Set(['province', 'commune', 'ward', 'special_zone', 'district']);

/** `Tỉnh Lai Châu` → `Lai Châu`, as the place line prints it. */
function placeOf(name: string): string {
  return name.replace(/^(tỉnh|thành phố|xã|phường|đặc khu|huyện)\s+/i, '');
}

/**
 * The round's consolidated report as a file for the consolidating unit (policy: getConsolidation
 * refuses anyone else): DOCX in the Decree 30 layout, or XLSX with a sheet per appendix table.
 */
export async function exportRoundReport({
  db,
  clock,
  actor,
  roundId,
  include,
  format,
}: {
  db: Db;
  clock: () => Date;
  actor: Actor;
  roundId: number;
  include: 'accepted' | 'submitted';
  format: 'docx' | 'xlsx';
}) {
  const consolidation = await getConsolidation({ db, clock, actor, roundId, include });
  const unit = await db
    .selectFrom('org_units')
    .selectAll()
    .where('id', '=', consolidation.round.consolidatingUnit.id)
    .executeTakeFirstOrThrow();
  const parent = unit.parent_id
    ? ((await db.selectFrom('org_units').selectAll().where('id', '=', unit.parent_id).executeTakeFirst()) ??
      null)
    : null;
  const isPeoplesCommittee = peoplesCommitteeKinds.has(unit.kind);
  // The place line names the province the unit lies in (the root of its path).
  const rootId = Number(unit.path.split('/').find(Boolean));
  const root =
    rootId === unit.id
      ? unit
      : ((await db.selectFrom('org_units').selectAll().where('id', '=', rootId).executeTakeFirst()) ?? unit);
  const input: RoundReportInput = {
    consolidation,
    issuer: issuerHeading(unit, parent),
    place: placeOf(root.name),
    symbol: isPeoplesCommittee ? '/BC-UBND' : '/BC-',
    recipients: [
      parent ? `- ${parent.name} (b/c);` : '- Bộ Nội vụ (b/c);',
      '- Các đơn vị báo cáo;',
      '- Lưu: VT.',
    ],
    signer: isPeoplesCommittee ? ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] : ['THỦ TRƯỞNG CƠ QUAN'],
    tables: [
      ...consolidation.appendix.map((table) => layoutTable(table, consolidation.units)),
      ...activityReportTables(consolidation.activityTables, consolidation.units),
    ],
  };

  const bytes =
    format === 'docx'
      ? await (await import('./reporting.report.docx.ts')).buildRoundReportDocx(input)
      : await (await import('./reporting.report.xlsx.ts')).buildRoundReportXlsx(input);
  const base = `Bao-cao-${foldForSearch(unit.code)}-${consolidation.round.period}-dot-${roundId}`;
  return {
    bytes,
    contentType:
      format === 'docx'
        ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${base.replace(/[^a-z0-9-]+/gi, '-')}.${format}`,
  };
}
