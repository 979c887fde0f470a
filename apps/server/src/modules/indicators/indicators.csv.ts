import { csvHeader } from '@binhdang/contracts';

/*
 * CSV of figures for import (UTF-8, optional BOM, comma separated, RFC 4180 quoting: a field in
 * double quotes may hold commas, line breaks and "" for a quote). Header, in any order:
 * data_element,org_unit,period,disaggregation,value,comment (codes, not names). An empty
 * value deletes the stored figure. Pure: parsing and per-cell checks, Vietnamese errors naming
 * the row (1-based line of the record, header = 1) and the column.
 */

export interface CsvRowError {
  row: number;
  column: string | null;
  message: string;
}

export interface CsvValueRow {
  row: number;
  dataElement: string;
  orgUnit: string;
  period: string;
  disaggregation: string;
  value: number | null;
  comment: string | null;
}

/** Splits CSV text into records of fields; each record keeps the line it starts on. */
export function parseCsvRecords(text: string): { line: number; fields: string[] }[] | CsvRowError {
  const records: { line: number; fields: string[] }[] = [];
  const input = text.replace(/^\uFEFF/, '');
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  for (let index = 0; index < input.length; index += 1) {
    const char = input[index]!;
    if (quoted) {
      if (char === '"') {
        if (input[index + 1] === '"') {
          field += '"';
          index += 1;
        } else quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[index + 1] === '\n') index += 1;
      fields.push(field);
      if (fields.some((value) => value !== '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line += 1;
      recordLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) return { row: recordLine, column: null, message: 'Dấu ngoặc kép (") chưa được đóng.' };
  fields.push(field);
  if (fields.some((value) => value !== '')) records.push({ line: recordLine, fields });
  return records;
}

/** `1234`, `1234.5`, `1234,5`, `-3`; no thousands separators. Null when not a number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}

export function parseValuesCsv(text: string): { rows: CsvValueRow[]; errors: CsvRowError[] } {
  const parsed = parseCsvRecords(text);
  if (!Array.isArray(parsed)) return { rows: [], errors: [parsed] };
  if (parsed.length === 0) return { rows: [], errors: [{ row: 1, column: null, message: 'Tệp CSV trống.' }] };
  const [header, ...records] = parsed;
  const names = header!.fields.map((name) => name.trim().toLowerCase());
  const missing = csvHeader.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    return {
      rows: [],
      errors: [
        {
          row: header!.line,
          column: null,
          message: `Dòng tiêu đề thiếu cột: ${missing.join(', ')} (cần: ${csvHeader.join(',')}).`,
        },
      ],
    };
  }
  const at = (fields: string[], name: string) => (fields[names.indexOf(name)] ?? '').normalize('NFC').trim();
  const rows: CsvValueRow[] = [];
  const errors: CsvRowError[] = [];
  for (const { line, fields } of records) {
    if (fields.length !== names.length) {
      errors.push({
        row: line,
        column: null,
        message: `Dòng có ${fields.length} cột, tiêu đề có ${names.length} cột.`,
      });
      continue;
    }
    let ok = true;
    for (const name of ['data_element', 'org_unit', 'period', 'disaggregation'] as const) {
      if (at(fields, name) === '') {
        errors.push({ row: line, column: name, message: `Thiếu giá trị cột ${name}.` });
        ok = false;
      }
    }
    const valueText = at(fields, 'value');
    const value = valueText === '' ? null : parseNumber(valueText);
    if (valueText !== '' && value === null) {
      errors.push({ row: line, column: 'value', message: `Giá trị "${valueText}" không phải là số.` });
      ok = false;
    }
    if (!ok) continue;
    rows.push({
      row: line,
      dataElement: at(fields, 'data_element'),
      orgUnit: at(fields, 'org_unit'),
      period: at(fields, 'period').toUpperCase(),
      disaggregation: at(fields, 'disaggregation'),
      value,
      comment: at(fields, 'comment') || null,
    });
  }
  return { rows, errors };
}
