import ExcelJS from 'exceljs';
import {
  formatAppendixNote,
  type ReportRow,
  type ReportTable,
  type RoundReportInput,
  reportTotalColumn,
  reportUnitsHeading,
} from './reporting.report.ts';

/*
 * The consolidated appendix as a workbook: one sheet per appendix table in the template's layout
 * (rows: data elements; columns: option combos, then "Tổng"), the consolidated rows first, then
 * the same rows for each reporting unit, so a consolidator can check a total against its parts.
 * Figures are numbers, not text, so the sheet can be summed again.
 */

/** Rows above the table's header: title, the "(Kèm theo …)" line, a blank row. */
export const reportHeaderRow = 4;

const font = { name: 'Times New Roman', size: 12 } as const;
const thinBorder: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`, unique. */
function sheetName(table: ReportTable, used: Set<string>): string {
  const base = table.code.replace(/[[\]:*?/\\]/g, '-').slice(0, 28) || 'PL';
  let name = base;
  for (let index = 2; used.has(name); index += 1) name = `${base}-${index}`;
  used.add(name);
  return name;
}

function addTitle(
  sheet: ExcelJS.Worksheet,
  rowNumber: number,
  text: string,
  width: number,
  style: Partial<ExcelJS.Font>,
) {
  const cell = sheet.getRow(rowNumber).getCell(1);
  cell.value = text;
  cell.font = { ...font, size: 13, ...style };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.mergeCells(rowNumber, 1, rowNumber, width);
}

function styleRow(row: ExcelJS.Row, width: number, bold = false) {
  for (let column = 1; column <= width; column += 1) {
    const cell = row.getCell(column);
    cell.font = { ...font, bold: bold || column === width };
    cell.border = thinBorder;
    cell.alignment = {
      horizontal: column === 2 ? 'left' : 'center',
      vertical: 'middle',
      wrapText: true,
    };
    if (column > 2 && typeof cell.value === 'number')
      cell.numFmt = Number.isInteger(cell.value) ? '#,##0' : '#,##0.00';
  }
}

function addRows(sheet: ExcelJS.Worksheet, rows: ReportRow[], width: number) {
  for (const row of rows) {
    const added = sheet.addRow([row.number, row.name, ...row.cells, row.total]);
    styleRow(added, width);
  }
}

/** Builds the workbook; callers use `exportRoundReport`. */
export async function buildRoundReportXlsx(input: RoundReportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'binhdang';
  workbook.title = input.consolidation.round.title;
  const used = new Set<string>();

  for (const table of input.tables) {
    const width = table.columns.length + 3;
    const sheet = workbook.addWorksheet(sheetName(table, used), {
      views: [{ state: 'frozen', ySplit: reportHeaderRow, xSplit: 2 }],
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${reportHeaderRow}:${reportHeaderRow}`,
      },
    });
    sheet.columns = [{ width: 6 }, { width: 55 }, ...table.columns.map(() => ({ width: 14 })), { width: 14 }];
    addTitle(sheet, 1, table.title.toLocaleUpperCase('vi'), width, { bold: true });
    addTitle(sheet, 2, formatAppendixNote(input), width, { italic: true, size: 12 });
    sheet.getRow(2).height = 32;

    const header = sheet.getRow(reportHeaderRow);
    header.values = ['STT', 'Chỉ tiêu', ...table.columns.map((column) => column.name), reportTotalColumn];
    header.height = 32;
    styleRow(header, width, true);
    addRows(sheet, table.rows, width);

    if (table.byUnit.length > 0) {
      sheet.addRow([]);
      const heading = sheet.addRow([reportUnitsHeading]);
      heading.getCell(1).font = { ...font, bold: true };
      sheet.mergeCells(heading.number, 1, heading.number, width);
      for (const entry of table.byUnit) {
        const unitRow = sheet.addRow([entry.unit.name]);
        unitRow.getCell(1).font = { ...font, bold: true, italic: true };
        sheet.mergeCells(unitRow.number, 1, unitRow.number, width);
        addRows(sheet, entry.rows, width);
      }
    }
  }
  if (input.tables.length === 0)
    workbook.addWorksheet('Báo cáo').addRow(['Mẫu báo cáo không có phụ lục số liệu.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
