import type { ExplainedFormula } from '@binhdang/contracts';

/*
 * Formulas over data elements, for indicators (numerator / denominator × factor) and for
 * validation rules. Pure: parsing, explaining and evaluating need only the catalogue's shape.
 *
 * Syntax: a sum of terms joined by `+` or `-` (a leading `-` is allowed); a term is
 *   - a number (`100`, `0.5`),
 *   - `#{CODE}`: the data element's total — the sum of its cells, where an "of which" category
 *     (Tổng số / Trong đó: Nữ) counts its total option only,
 *   - `#{CODE.opt1.opt2}`: the sum of the element's cells that carry every named option, e.g.
 *     `#{TRE_SINH_SONG.female}`, `#{TT_NGUOI_THAM_GIA.female.minority}`,
 *     `#{TH_NGUOI_THAM_GIA.women}`.
 * Examples: sex ratio at birth `#{TRE_SINH_SONG.male}` / `#{TRE_SINH_SONG.female}` × 100.
 */

export interface FormulaTerm {
  sign: 1 | -1;
  dataElement: string | null;
  options: string[];
  constant: number | null;
}

export class FormulaError extends Error {}

const TERM = /^\s*([+-])?\s*(?:#\{\s*([A-Z][A-Z0-9_]*)((?:\.[a-z][a-z0-9_]*)*)\s*\}|(\d+(?:\.\d+)?))\s*/;

export function parseFormula(text: string): FormulaTerm[] {
  const terms: FormulaTerm[] = [];
  let rest = text.trim();
  if (rest === '') throw new FormulaError('Công thức trống.');
  while (rest.length > 0) {
    const match = TERM.exec(rest);
    if (!match || (terms.length > 0 && !match[1])) {
      throw new FormulaError(`Không hiểu công thức tại "${rest.slice(0, 30)}".`);
    }
    const sign = match[1] === '-' ? -1 : 1;
    if (match[2]) {
      terms.push({
        sign,
        dataElement: match[2],
        options: match[3] ? match[3].slice(1).split('.') : [],
        constant: null,
      });
    } else {
      terms.push({ sign, dataElement: null, options: [], constant: Number(match[4]) });
    }
    rest = rest.slice(match[0].length);
  }
  return terms;
}

/** What the formula needs to know of the catalogue. */
export interface FormulaCatalogue {
  /** Element → its combo's categories, in cell key order. */
  categoriesOf(dataElement: string): ComboCategory[] | undefined;
  elementName(dataElement: string): string | undefined;
  optionName(option: string): string | undefined;
}

export interface ComboCategory {
  code: string;
  options: string[];
  /** The option that is the total of an "of which" category; null for a partition. */
  totalOption: string | null;
}

/** Problems with the terms against the catalogue (unknown element, option not of its combo), in Vietnamese. */
export function checkFormula(terms: FormulaTerm[], catalogue: FormulaCatalogue): string[] {
  const problems: string[] = [];
  for (const term of terms) {
    if (term.dataElement === null) continue;
    const categories = catalogue.categoriesOf(term.dataElement);
    if (!categories) {
      problems.push(`Không có chỉ tiêu số liệu mã ${term.dataElement}.`);
      continue;
    }
    const used = new Set<string>();
    for (const option of term.options) {
      const category = categories.find((c) => c.options.includes(option));
      if (!category) problems.push(`Chỉ tiêu ${term.dataElement} không có phân tổ "${option}".`);
      else if (used.has(category.code))
        problems.push(`Chỉ tiêu ${term.dataElement}: chọn hai phân tổ cùng nhóm ${category.code}.`);
      else used.add(category.code);
    }
  }
  return problems;
}

/** "Số trẻ sinh ra sống – Nam"; "Tổng" stands for the total when `withElement` is false. */
export function termLabel(term: FormulaTerm, catalogue: FormulaCatalogue, withElement = true): string {
  if (term.dataElement === null) return String(term.constant);
  const optionNames = term.options.map((option) => catalogue.optionName(option) ?? option);
  const element = catalogue.elementName(term.dataElement) ?? term.dataElement;
  if (!withElement) return optionNames.length > 0 ? optionNames.join(' – ') : 'Tổng';
  return [element, ...optionNames].join(' – ');
}

export function explainFormula(text: string, catalogue: FormulaCatalogue): ExplainedFormula {
  const terms = parseFormula(text);
  const labelled = terms.map((term) => ({ ...term, label: termLabel(term, catalogue) }));
  const explanation = labelled
    .map(
      (term, index) =>
        `${index === 0 ? (term.sign < 0 ? '− ' : '') : term.sign < 0 ? ' − ' : ' + '}${term.label}`,
    )
    .join('');
  return { text, terms: labelled, explanation };
}

/** Does the stored cell `key` count toward a term naming `options`? */
export function cellMatches(key: string, options: string[], categories: ComboCategory[]): boolean {
  if (categories.length === 0) return key === 'total' && options.length === 0;
  const cellOptions = key.split('.');
  if (cellOptions.length !== categories.length) return false;
  return categories.every((category, index) => {
    const cellOption = cellOptions[index]!;
    const named = options.find((option) => category.options.includes(option));
    if (named) return cellOption === named;
    return category.totalOption === null || cellOption === category.totalOption;
  });
}

/** Cells of one element (key → value) for the unit and period being evaluated. */
export type CellLookup = (dataElement: string) => ReadonlyMap<string, number> | undefined;

/** The value of one term; null when the element has no stored value in the matching cells. */
export function evaluateTerm(
  term: FormulaTerm,
  catalogue: FormulaCatalogue,
  lookup: CellLookup,
): number | null {
  if (term.dataElement === null) return term.sign * term.constant!;
  const categories = catalogue.categoriesOf(term.dataElement);
  const cells = lookup(term.dataElement);
  if (!categories || !cells) return null;
  let sum = 0;
  let found = false;
  for (const [key, value] of cells) {
    if (!cellMatches(key, term.options, categories)) continue;
    sum += value;
    found = true;
  }
  return found ? term.sign * sum : null;
}

/** The formula's value; null when no data-element term has data (constants alone are not data). */
export function evaluateFormula(
  terms: FormulaTerm[],
  catalogue: FormulaCatalogue,
  lookup: CellLookup,
): number | null {
  let sum = 0;
  let hasData = false;
  let hasElements = false;
  for (const term of terms) {
    if (term.dataElement !== null) hasElements = true;
    const value = evaluateTerm(term, catalogue, lookup);
    if (value === null) continue;
    if (term.dataElement !== null) hasData = true;
    sum += value;
  }
  return hasData || !hasElements ? sum : null;
}

/**
 * numerator / denominator × factor; null with no data or a zero denominator. Rounded to
 * `decimals` places.
 */
export function evaluateIndicator(
  formula: { numerator: FormulaTerm[]; denominator: FormulaTerm[] | null; factor: number; decimals: number },
  catalogue: FormulaCatalogue,
  lookup: CellLookup,
): { value: number | null; numerator: number | null; denominator: number | null } {
  const numerator = evaluateFormula(formula.numerator, catalogue, lookup);
  const denominator = formula.denominator ? evaluateFormula(formula.denominator, catalogue, lookup) : 1;
  if (numerator === null || denominator === null || denominator === 0) {
    return { value: null, numerator, denominator: formula.denominator ? denominator : null };
  }
  const scale = 10 ** formula.decimals;
  const value = Math.round((numerator / denominator) * formula.factor * scale) / scale;
  return { value, numerator, denominator: formula.denominator ? denominator : null };
}

/** Cell keys of a combo: the cartesian product of its categories' options, in category order. */
export function comboCellKeys(categories: ComboCategory[]): string[] {
  if (categories.length === 0) return ['total'];
  let keys: string[][] = [[]];
  for (const category of categories)
    keys = keys.flatMap((key) => category.options.map((option) => [...key, option]));
  return keys.map((key) => key.join('.'));
}

/**
 * Normalises a written disaggregation (`female.minority`, `minority.female`, an array, or
 * `total`) to the cell key; returns a Vietnamese problem instead when it does not fit the combo.
 */
export function normaliseDisaggregation(
  input: string | string[],
  categories: ComboCategory[],
): { key: string } | { problem: string } {
  const parts = (Array.isArray(input) ? input : input.split('.')).map((part) => part.trim()).filter(Boolean);
  if (categories.length === 0) {
    if (parts.length === 1 && parts[0] === 'total') return { key: 'total' };
    return { problem: 'Chỉ tiêu này không phân tổ; phân tổ phải là "total".' };
  }
  if (parts.length === 1 && parts[0] === 'total') {
    return { problem: 'Ô "Tổng" được tính tự động, không nhập; hãy nhập từng phân tổ.' };
  }
  const chosen: string[] = [];
  for (const category of categories) {
    const option = parts.find((part) => category.options.includes(part));
    if (!option) {
      return {
        problem: `Thiếu phân tổ nhóm "${category.code}" (một trong: ${category.options.join(', ')}).`,
      };
    }
    chosen.push(option);
  }
  const unknown = parts.filter((part) => !chosen.includes(part));
  if (unknown.length > 0 || parts.length !== chosen.length) {
    return { problem: `Phân tổ không hợp lệ: ${unknown.join(', ') || parts.join('.')}.` };
  }
  return { key: chosen.join('.') };
}
