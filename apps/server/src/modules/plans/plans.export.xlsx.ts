import ExcelJS from 'exceljs';
import {
  appendixColumns,
  appendixTitle,
  assignmentSheetName,
  collectTaskRows,
  formatAppendixSubtitle,
  type PlanExportInput,
} from './plans.export.ts';

/*
 * The assignment appendix as a spreadsheet, for units that track tasks in Excel: the same
 * columns as the DOCX appendix, printable on landscape A4 with the header repeated.
 */

/** Rows above the header: the title and the "(Kèm theo Kế hoạch số ...)" line, then a blank row. */
export const assignmentHeaderRow = 4;

const font = { name: 'Times New Roman', size: 12 } as const;
const columnWidths = [6, 60, 28, 36, 18, 30] as const;
const thinBorder: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function addTitleRow(
  sheet: ExcelJS.Worksheet,
  rowNumber: number,
  text: string,
  style: Partial<ExcelJS.Font>,
) {
  const row = sheet.getRow(rowNumber);
  row.getCell(1).value = text;
  row.getCell(1).font = { ...font, size: 14, ...style };
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.mergeCells(rowNumber, 1, rowNumber, appendixColumns.length);
}

/** Builds the plan's tasks as an XLSX sheet; callers use `renderAssignmentXlsx`. */
export async function buildAssignmentXlsx({ plan }: PlanExportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'binhdang';
  workbook.title = plan.title;
  const sheet = workbook.addWorksheet(assignmentSheetName, {
    views: [{ state: 'frozen', ySplit: assignmentHeaderRow }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${assignmentHeaderRow}:${assignmentHeaderRow}`,
      margins: { left: 0.6, right: 0.4, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = columnWidths.map((width) => ({ width }));

  addTitleRow(sheet, 1, appendixTitle, { bold: true });
  addTitleRow(sheet, 2, formatAppendixSubtitle(plan), { italic: true, size: 12 });
  sheet.getRow(2).height = 32;

  const header = sheet.getRow(assignmentHeaderRow);
  header.values = [...appendixColumns];
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = thinBorder;
  });

  for (const task of collectTaskRows(plan)) {
    const row = sheet.addRow([
      task.number,
      task.text,
      task.lead.join('\n'),
      task.support.join('\n'),
      task.time,
      task.expectedOutput,
    ]);
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.font = font;
      cell.border = thinBorder;
      const isCentred = column === 1 || column === 5;
      cell.alignment = { horizontal: isCentred ? 'center' : 'left', vertical: 'top', wrapText: true };
    });
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
