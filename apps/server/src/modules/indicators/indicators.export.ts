import { indicatorDirectionLabels, type Progress, progressStatusLabels } from '@binhdang/contracts';
import ExcelJS from 'exceljs';

/*
 * The progress table as a spreadsheet: one row per indicator, its value per year, the targets
 * of 2025 and 2030 in effect for the unit (own or inherited), status and trend.
 */

const font = { name: 'Times New Roman', size: 12 } as const;
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const trendLabels = { up: 'Tăng', down: 'Giảm', flat: 'Không đổi' } as const;

export async function progressWorkbook(progress: Progress): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'binhdang';
  const sheet = workbook.addWorksheet('Tiến độ chỉ tiêu', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const years = Array.from({ length: progress.to - progress.from + 1 }, (_, index) => progress.from + index);
  const header = [
    'Mã',
    'Chỉ số',
    'Đơn vị tính',
    'Chiều',
    ...years.map(String),
    'Chỉ tiêu 2025',
    'Chỉ tiêu 2030',
    'Đánh giá',
    'Xu hướng',
  ];
  const title = sheet.getRow(1);
  title.getCell(1).value =
    `TIẾN ĐỘ THỰC HIỆN CÁC CHỈ TIÊU BÌNH ĐẲNG GIỚI – ${progress.orgUnit.name.toUpperCase()}`;
  title.getCell(1).font = { ...font, size: 14, bold: true };
  sheet.mergeCells(1, 1, 1, header.length);
  sheet
    .getRow(2)
    .getCell(
      1,
    ).value = `Giai đoạn ${progress.from}–${progress.to}; số liệu gồm các đơn vị trực thuộc và các đơn vị đã sáp nhập vào đơn vị.`;
  sheet.getRow(2).getCell(1).font = { ...font, italic: true };
  sheet.mergeCells(2, 1, 2, header.length);
  const headerRow = sheet.getRow(4);
  header.forEach((text, index) => {
    const cell = headerRow.getCell(index + 1);
    cell.value = text;
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = thin;
  });
  const targetText = (target: Progress['indicators'][number]['years'][number]['target'] | undefined) =>
    target
      ? `${target.operator} ${target.value}${target.inheritedFrom ? ` (${target.inheritedFrom.name})` : ''}`
      : '';
  progress.indicators.forEach((row, index) => {
    const target2025 = row.years.find((year) => year.year === 2025)?.target;
    const target2030 = row.years.find((year) => year.year === 2030)?.target;
    const values = [
      row.indicator.code,
      row.indicator.name,
      row.indicator.unit,
      indicatorDirectionLabels[row.indicator.direction].vi,
      ...row.years.map((year) => year.value),
      targetText(target2025),
      targetText(target2030),
      progressStatusLabels[row.status].vi,
      row.trend ? trendLabels[row.trend] : '',
    ];
    const excelRow = sheet.getRow(5 + index);
    values.forEach((value, column) => {
      const cell = excelRow.getCell(column + 1);
      cell.value = value;
      cell.font = font;
      cell.border = thin;
      cell.alignment = { vertical: 'top', wrapText: column === 1 };
      if (typeof value === 'number') cell.numFmt = '#,##0.0#';
    });
  });
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 60 : index === 0 ? 10 : index < 4 ? 16 : 12;
  });
  sheet.views = [{ state: 'frozen', ySplit: 4, xSplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
