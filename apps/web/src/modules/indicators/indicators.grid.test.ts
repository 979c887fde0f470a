import type { EntryForm, EntryRow, OptionCombo, ValidationRule } from '@binhdang/contracts';
import { describe, expect, it } from 'vitest';
import {
  type CellDraft,
  cellId,
  checkRules,
  createDrafts,
  currentPeriod,
  evaluateFormula,
  type FormulaContext,
  groupSections,
  parseFormula,
  periodOptions,
  readCell,
  rowTotal,
} from './indicators.grid.ts';
import { formatFigure } from './indicators.number.ts';

function combo(key: string, name: string, computed = false): OptionCombo {
  return { key, options: key === 'total' ? [] : key.split('.'), name, computed };
}

function row(code: string, columns: OptionCombo[], values: Record<string, number> = {}): EntryRow {
  return {
    dataElement: {
      id: code.length,
      code,
      name: `Tên ${code}`,
      shortName: null,
      valueType: 'integer',
      aggregation: 'sum',
      categoryCombo: 'x',
      description: null,
    },
    columns,
    cells: columns.map((column) => ({
      key: column.key,
      value: values[column.key] ?? null,
      computed: column.computed,
      comment: null,
      updatedAt: null,
      updatedBy: null,
    })),
  };
}

const SEX_ETHNICITY = [
  combo('male.kinh', 'Nam·Kinh'),
  combo('male.minority', 'Nam·DTTS'),
  combo('female.kinh', 'Nữ·Kinh'),
  combo('female.minority', 'Nữ·DTTS'),
  combo('total', 'Tổng', true),
];
const OF_WHICH = [combo('all', 'Tổng số'), combo('women', 'Trong đó: Nữ')];

function formOf(rows: EntryRow[]): EntryForm {
  return {
    form: { code: 'F', name: 'Biểu', periodType: 'year', dataElements: rows.map((r) => r.dataElement.code) },
    orgUnit: { id: 1, code: 'X', name: 'Xã' },
    period: '2026',
    periodLabel: 'Năm 2026',
    rows,
    validation: [],
    canWrite: true,
  };
}

function contextOf(rows: EntryRow[], typed: Record<string, string> = {}): FormulaContext {
  const drafts = createDrafts(formOf(rows), (value) => formatFigure(value));
  for (const [id, text] of Object.entries(typed)) {
    const draft = drafts.get(id) as CellDraft;
    drafts.set(id, { ...draft, text });
  }
  return {
    rows: new Map(rows.map((r) => [r.dataElement.code, r])),
    drafts,
    ofWhich: new Map([
      ['all', 'all'],
      ['women', 'all'],
    ]),
  };
}

describe('grid layout', () => {
  it('groups consecutive rows with the same columns into one table', () => {
    const rows = [
      row('A', SEX_ETHNICITY),
      row('B', SEX_ETHNICITY),
      row('C', OF_WHICH),
      row('D', SEX_ETHNICITY),
    ];
    expect(groupSections(rows).map((section) => section.rows.map((r) => r.dataElement.code))).toEqual([
      ['A', 'B'],
      ['C'],
      ['D'],
    ]);
  });

  it('keeps computed cells out of the drafts and shows saved values in Vietnamese', () => {
    const drafts = createDrafts(formOf([row('A', SEX_ETHNICITY, { 'male.kinh': 1234 })]), (v) =>
      formatFigure(v),
    );
    expect(drafts.has(cellId('A', 'total'))).toBe(false);
    expect(drafts.get(cellId('A', 'male.kinh'))?.text).toBe('1.234');
    expect(drafts.size).toBe(4);
  });

  it('totals the row live from what is typed, ignoring what does not read as a number', () => {
    const rows = [row('A', SEX_ETHNICITY, { 'male.kinh': 10 })];
    const { drafts } = contextOf(rows, {
      'A/male.minority': '2,5',
      'A/female.kinh': '1.000',
      'A/female.minority': 'x',
    });
    expect(rowTotal(rows[0] as EntryRow, drafts)).toBe(1012.5);
    expect(
      rowTotal(row('B', SEX_ETHNICITY), createDrafts(formOf([row('B', SEX_ETHNICITY)]), String)),
    ).toBeNull();
  });
});

describe('readCell', () => {
  it('checks a value against its type', () => {
    expect(readCell('', 'integer')).toEqual({ value: null, problem: null });
    expect(readCell('1.234', 'integer')).toEqual({ value: 1234, problem: null });
    expect(readCell('2,5', 'integer').problem).toBe('not_whole');
    expect(readCell('-1', 'integer').problem).toBe('negative');
    expect(readCell('101', 'percent').problem).toBe('percent_range');
    expect(readCell('abc', 'number').problem).toBe('not_a_number');
    expect(readCell('-1,5', 'number').problem).toBeNull();
  });
});

describe('formulas', () => {
  it('reads the contracts syntax and refuses what it does not know', () => {
    expect(parseFormula('#{A.female} + #{B} - 3')).toEqual([
      { sign: 1, dataElement: 'A', options: ['female'], constant: null },
      { sign: 1, dataElement: 'B', options: [], constant: null },
      { sign: -1, dataElement: null, options: [], constant: 3 },
    ]);
    expect(parseFormula('#{A} * 2')).toBeNull();
    expect(parseFormula('#{A} #{B}')).toBeNull();
    expect(parseFormula('')).toBeNull();
  });

  it('sums the cells carrying the named options; an "of which" total counts once', () => {
    const rows = [
      row('A', SEX_ETHNICITY, { 'male.kinh': 1, 'female.kinh': 2, 'female.minority': 4 }),
      row('C', OF_WHICH, { all: 40, women: 25 }),
    ];
    const context = contextOf(rows);
    const value = (formula: string) => evaluateFormula(parseFormula(formula) ?? [], context);
    expect(value('#{A}')).toBe(7);
    expect(value('#{A.female}')).toBe(6);
    expect(value('#{A.female.minority}')).toBe(4);
    expect(value('#{A.male.minority}')).toBeNull();
    expect(value('#{C}')).toBe(40);
    expect(value('#{C.women}')).toBe(25);
    expect(value('#{C.women} - 5')).toBe(20);
    expect(value('#{Z}')).toBeUndefined();
  });
});

describe('checkRules', () => {
  const rule: ValidationRule = {
    code: 'WOMEN_LE_TOTAL',
    kind: 'compare',
    name: 'Nữ không lớn hơn tổng số',
    importance: 'error',
    left: '#{C.women}',
    operator: '<=',
    right: '#{C}',
    threshold: null,
  };

  it('names the cell that breaks a rule and the cell it is compared with', () => {
    const violations = checkRules(
      [rule],
      contextOf([row('C', OF_WHICH)], { 'C/all': '40', 'C/women': '45' }),
    );
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      ruleCode: 'WOMEN_LE_TOTAL',
      cell: { dataElement: 'C', disaggregation: 'women' },
      otherCells: [{ dataElement: 'C', disaggregation: 'all' }],
      left: { value: 45 },
      right: { value: 40 },
    });
  });

  it('is silent while a side is empty, when the rule holds, and for elements of other forms', () => {
    expect(checkRules([rule], contextOf([row('C', OF_WHICH)], { 'C/women': '45' }))).toEqual([]);
    expect(checkRules([rule], contextOf([row('C', OF_WHICH)], { 'C/all': '45', 'C/women': '45' }))).toEqual(
      [],
    );
    expect(
      checkRules([{ ...rule, right: '#{OTHER}' }], contextOf([row('C', OF_WHICH)], { 'C/women': '4' })),
    ).toEqual([]);
    expect(checkRules([{ ...rule, kind: 'change_from_last_year' }], contextOf([row('C', OF_WHICH)]))).toEqual(
      [],
    );
  });
});

describe('periods', () => {
  it('defaults to the year or half-year of today and lists back to 2021, newest first', () => {
    expect(currentPeriod('year', '2026-03-10')).toBe('2026');
    expect(currentPeriod('half_year', '2026-03-10')).toBe('2026S1');
    expect(currentPeriod('half_year', '2026-07-01')).toBe('2026S2');
    expect(periodOptions('half_year', '2022-03-10')).toEqual(['2022S1', '2021S2', '2021S1']);
    expect(periodOptions('year', '2023-12-31')).toEqual(['2023', '2022', '2021']);
  });
});
