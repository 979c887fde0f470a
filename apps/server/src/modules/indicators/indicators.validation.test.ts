import type { ValidationRule } from '@binhdang/contracts';
import { describe, expect, it } from 'vitest';
import type { ComboCategory } from './indicators.formula.ts';
import {
  type CheckedCell,
  previousPeriod,
  runValidation,
  type ValidationCatalogue,
} from './indicators.validation.ts';

const ofWhich: ComboCategory = { code: 'of_which_women', options: ['all', 'women'], totalOption: 'all' };
const catalogue: ValidationCatalogue = {
  categoriesOf: (code) => ({ TH: [ofWhich], CQ: [], CQ_NU: [], TL: [] })[code],
  elementName: (code) =>
    ({
      TH: 'Số người tham gia tập huấn',
      CQ: 'Số cơ quan',
      CQ_NU: 'Số cơ quan có lãnh đạo nữ',
      TL: 'Tỷ lệ nữ đại biểu',
    })[code],
  optionName: (code) => ({ all: 'Tổng', women: 'Nữ' })[code],
  valueTypeOf: (code) => (code === 'TL' ? 'percent' : 'integer'),
};
const rule = (partial: Partial<ValidationRule>): ValidationRule => ({
  code: 'R',
  kind: 'compare',
  name: 'r',
  importance: 'error',
  left: null,
  operator: null,
  right: null,
  threshold: null,
  ...partial,
});

function run(
  rules: ValidationRule[],
  values: Record<string, Record<string, number>>,
  cells: CheckedCell[] = [],
  last?: number,
) {
  return runValidation({
    rules,
    catalogue,
    unitPeriods: [{ orgUnitId: 1, period: '2026' }],
    cells,
    lookup: () => (code) => (values[code] ? new Map(Object.entries(values[code]!)) : undefined),
    previousValue: () => last,
  });
}

describe('validation rules', () => {
  const womenNotAboveTotal = rule({ left: '#{TH.women}', operator: '<=', right: '#{TH}' });

  it('names the cell and both values in Vietnamese', () => {
    const [message] = run([womenNotAboveTotal], { TH: { all: 40, women: 45 } });
    expect(message!.message).toBe('Số người tham gia tập huấn – Nữ (45) không được lớn hơn Tổng (40)');
    expect(message!.cell).toEqual({
      dataElement: 'TH',
      orgUnitId: 1,
      period: '2026',
      disaggregation: 'women',
    });
    expect(run([womenNotAboveTotal], { TH: { all: 40, women: 40 } })).toEqual([]);
    expect(run([womenNotAboveTotal], { TH: { women: 40 } })).toEqual([]);
  });

  it('compares two elements', () => {
    const [message] = run([rule({ left: '#{CQ_NU}', operator: '<=', right: '#{CQ}' })], {
      CQ: { total: 10 },
      CQ_NU: { total: 12 },
    });
    expect(message!.message).toBe('Số cơ quan có lãnh đạo nữ (12) không được lớn hơn Số cơ quan (10)');
  });

  it('keeps percentages in 0–100', () => {
    const cell = { dataElement: 'TL', orgUnitId: 1, period: '2026', key: 'total', value: 120 };
    expect(run([rule({ kind: 'percent_range' })], {}, [cell])[0]!.message).toBe(
      'Tỷ lệ nữ đại biểu (120) phải nằm trong khoảng 0–100%',
    );
  });

  it('warns on a change of more than ±50 % from last year', () => {
    const cell = { dataElement: 'CQ', orgUnitId: 1, period: '2026', key: 'total', value: 160 };
    const yoy = rule({ kind: 'change_from_last_year', importance: 'warning', threshold: 0.5 });
    const [message] = run([yoy], {}, [cell], 100);
    expect(message!.importance).toBe('warning');
    expect(message!.message).toMatch(
      /^Số cơ quan \(160\) chênh lệch hơn ±50% so với cùng kỳ năm trước \(100\)/,
    );
    expect(run([yoy], {}, [{ ...cell, value: 149 }], 100)).toEqual([]);
    expect(previousPeriod('2026S1')).toBe('2025S1');
  });
});
