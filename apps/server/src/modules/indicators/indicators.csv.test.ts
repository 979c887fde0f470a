import { describe, expect, it } from 'vitest';
import { parseCsvRecords, parseValuesCsv } from './indicators.csv.ts';

describe('CSV of figures', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    const records = parseCsvRecords('a,b\r\n"x, y","say ""hi""\nagain"\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"\nagain'] },
    ]);
  });

  it('turns rows into figures and names the row and column of a bad value', () => {
    const text = [
      '\uFEFFdata_element,org_unit,period,disaggregation,value,comment',
      'TT_SO_CUOC,12,2026,total,5,',
      'TH_NGUOI_THAM_GIA,12,2026,women,"mười",ghi chú',
      'TH_NGUOI_THAM_GIA,12,2026,all,,"xoá, nhập lại"',
    ].join('\n');
    const { rows, errors } = parseValuesCsv(text);
    expect(errors).toEqual([{ row: 3, column: 'value', message: 'Giá trị "mười" không phải là số.' }]);
    expect(rows.map((row) => [row.row, row.value, row.comment])).toEqual([
      [2, 5, null],
      [4, null, 'xoá, nhập lại'],
    ]);
  });

  it('requires the header', () => {
    expect(parseValuesCsv('element,value\nA,1').errors[0]!.message).toMatch(/thiếu cột/);
  });
});
