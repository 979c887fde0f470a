import { sql, type Transaction } from 'kysely';
import type { Database } from '../app/database.types.ts';
import { AppError } from '../app/errors.ts';

/*
 * Figures that a unit has reported cannot change behind the report (issue 6 "accepted
 * (locked)"): while a report is submitted or accepted, the unit's figures of the round's period
 * for the template's data elements are refused by every writer (the entry grid, CSV, XLSX, the
 * CLI). To correct them the consolidating unit returns the report. This is also what keeps the
 * round totals exact (`reporting.totals.ts`).
 */

export interface FigureCell {
  index: number;
  elementCode: string;
  elementId: number;
  orgUnitId: number;
  period: string;
}

const statusLabel: Record<string, string> = {
  submitted: 'đã nộp, đang chờ duyệt',
  accepted: 'đã được duyệt',
};

/**
 * Throws 409 `figures.locked`, naming each refused cell, when a cell belongs to a submitted or
 * accepted report. Takes a share lock on those reports' rows, so that a concurrent submit waits
 * for this write to commit (and counts its figures) or this write waits for the submit (and is
 * refused): a report's figures and its round's totals never disagree.
 */
export async function assertFiguresUnlocked(
  trx: Transaction<Database>,
  cells: FigureCell[],
  issuePath: (index: number, field: string) => string,
): Promise<void> {
  if (cells.length === 0) return;
  const unitIds = [...new Set(cells.map((cell) => cell.orgUnitId))];
  const periods = [...new Set(cells.map((cell) => cell.period))];
  const result = await sql<{
    org_unit_id: number;
    period: string;
    status: string;
    title: string;
    element_ids: number[];
  }>`
    select s.org_unit_id, r.period, s.status, r.title,
      array(
        select e.id
        from jsonb_array_elements(t.tables) as tab(definition)
        cross join lateral jsonb_array_elements_text(coalesce(tab.definition -> 'dataElements', '[]'::jsonb)) as code(value)
        join data_elements e on e.code = code.value
      ) as element_ids
    from report_submissions s
    join report_rounds r on r.id = s.round_id
    join report_templates t on t.id = r.template_id
    where s.org_unit_id = any(${unitIds}::int[]) and r.period = any(${periods}::text[])
      and s.status in ('submitted', 'accepted')
    order by s.id
    for share of s`.execute(trx);
  if (result.rows.length === 0) return;
  const issues = cells.flatMap((cell) => {
    const report = result.rows.find(
      (row) =>
        row.org_unit_id === cell.orgUnitId &&
        row.period === cell.period &&
        row.element_ids.map(Number).includes(cell.elementId),
    );
    return report
      ? [
          {
            path: issuePath(cell.index, 'value'),
            message: `Số liệu ${cell.elementCode} kỳ ${cell.period} thuộc báo cáo «${report.title}» ${statusLabel[report.status] ?? report.status}; muốn sửa, đề nghị đơn vị tổng hợp trả lại báo cáo.`,
          },
        ]
      : [];
  });
  if (issues.length > 0) throw new AppError('figures.locked', { issues });
}
