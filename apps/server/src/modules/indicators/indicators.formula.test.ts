import { describe, expect, it } from 'vitest';
import {
  type ComboCategory,
  cellMatches,
  checkFormula,
  comboCellKeys,
  evaluateFormula,
  evaluateIndicator,
  explainFormula,
  type FormulaCatalogue,
  normaliseDisaggregation,
  parseFormula,
} from './indicators.formula.ts';

const sex: ComboCategory = { code: 'sex', options: ['male', 'female'], totalOption: null };
const ethnicity: ComboCategory = { code: 'ethnicity', options: ['kinh', 'minority'], totalOption: null };
const ofWhich: ComboCategory = { code: 'of_which_women', options: ['all', 'women'], totalOption: 'all' };
const combos: Record<string, ComboCategory[]> = {
  BIRTHS: [sex],
  TT: [sex, ethnicity],
  TH: [ofWhich],
  UNITS: [],
};
const names: Record<string, string> = { BIRTHS: 'Số trẻ sinh ra sống', TT: 'Số người tham gia truyền thông' };
const optionNames: Record<string, string> = {
  male: 'Nam',
  female: 'Nữ',
  minority: 'Dân tộc thiểu số',
  kinh: 'Kinh',
};
const catalogue: FormulaCatalogue = {
  categoriesOf: (code) => combos[code],
  elementName: (code) => names[code],
  optionName: (code) => optionNames[code],
};

describe('formula syntax', () => {
  it('parses element totals, options, constants and signs', () => {
    expect(parseFormula('#{BIRTHS.male} - #{TT.female.minority} + 2')).toEqual([
      { sign: 1, dataElement: 'BIRTHS', options: ['male'], constant: null },
      { sign: -1, dataElement: 'TT', options: ['female', 'minority'], constant: null },
      { sign: 1, dataElement: null, options: [], constant: 2 },
    ]);
  });

  it('refuses what it does not understand', () => {
    expect(() => parseFormula('#{BIRTHS} * 2')).toThrow(/Không hiểu/);
    expect(() => parseFormula('')).toThrow(/trống/);
    expect(() => parseFormula('#{BIRTHS} #{TT}')).toThrow();
  });

  it('checks elements and options against the catalogue', () => {
    expect(checkFormula(parseFormula('#{BIRTHS.minority} + #{NOPE}'), catalogue)).toEqual([
      'Chỉ tiêu BIRTHS không có phân tổ "minority".',
      'Không có chỉ tiêu số liệu mã NOPE.',
    ]);
    expect(checkFormula(parseFormula('#{TT.female.minority}'), catalogue)).toEqual([]);
  });

  it('explains a formula in Vietnamese', () => {
    expect(explainFormula('#{BIRTHS.male}', catalogue).explanation).toBe('Số trẻ sinh ra sống – Nam');
  });
});

describe('evaluation', () => {
  const cells = new Map<string, Map<string, number>>([
    [
      'BIRTHS',
      new Map([
        ['male', 560],
        ['female', 500],
      ]),
    ],
    [
      'TT',
      new Map([
        ['male.kinh', 10],
        ['female.kinh', 12],
        ['female.minority', 30],
      ]),
    ],
    [
      'TH',
      new Map([
        ['all', 40],
        ['women', 25],
      ]),
    ],
  ]);
  const lookup = (code: string) => cells.get(code);

  it('sums the cells carrying the named options; an "of which" category counts its total only', () => {
    expect(evaluateFormula(parseFormula('#{TT.female}'), catalogue, lookup)).toBe(42);
    expect(evaluateFormula(parseFormula('#{TT}'), catalogue, lookup)).toBe(52);
    expect(evaluateFormula(parseFormula('#{TH}'), catalogue, lookup)).toBe(40);
    expect(evaluateFormula(parseFormula('#{TH.women}'), catalogue, lookup)).toBe(25);
    expect(evaluateFormula(parseFormula('#{TT.male.minority}'), catalogue, lookup)).toBeNull();
  });

  it('computes the sex ratio at birth', () => {
    const ratio = evaluateIndicator(
      {
        numerator: parseFormula('#{BIRTHS.male}'),
        denominator: parseFormula('#{BIRTHS.female}'),
        factor: 100,
        decimals: 1,
      },
      catalogue,
      lookup,
    );
    expect(ratio).toEqual({ value: 112, numerator: 560, denominator: 500 });
  });

  it('has no value without data or with a zero denominator', () => {
    const formula = {
      numerator: parseFormula('#{UNITS}'),
      denominator: parseFormula('#{BIRTHS}'),
      factor: 100,
      decimals: 1,
    };
    expect(evaluateIndicator(formula, catalogue, lookup).value).toBeNull();
    expect(evaluateIndicator(formula, catalogue, () => new Map([['total', 0]])).value).toBeNull();
  });
});

describe('cells', () => {
  it('lists a combo’s cells in category order', () => {
    expect(comboCellKeys([sex, ethnicity])).toEqual([
      'male.kinh',
      'male.minority',
      'female.kinh',
      'female.minority',
    ]);
    expect(comboCellKeys([])).toEqual(['total']);
  });

  it('normalises written disaggregations in any order', () => {
    expect(normaliseDisaggregation('minority.female', [sex, ethnicity])).toEqual({ key: 'female.minority' });
    expect(normaliseDisaggregation(['female', 'kinh'], [sex, ethnicity])).toEqual({ key: 'female.kinh' });
    expect(normaliseDisaggregation('total', [])).toEqual({ key: 'total' });
    expect(normaliseDisaggregation('female', [sex, ethnicity])).toHaveProperty('problem');
    expect(normaliseDisaggregation('total', [sex])).toHaveProperty('problem');
    expect(normaliseDisaggregation('female.male', [sex])).toHaveProperty('problem');
  });

  it('matches cells to terms', () => {
    expect(cellMatches('female.kinh', ['female'], [sex, ethnicity])).toBe(true);
    expect(cellMatches('women', [], [ofWhich])).toBe(false);
  });
});
