import type {
  Catalogue,
  EntryForm,
  EntryRow,
  OptionCombo,
  ValidationRule,
  ValueType,
} from '@binhdang/contracts';
import { parseFigure } from './indicators.number.ts';

/*
 * The data entry grid as data: the form's rows grouped into tables that share their columns,
 * the state of every cell while the officer types, live totals, and the catalogue's simple
 * validation rules run in the browser (DESIGN.md "Validation also offline"); the server runs
 * the same rules again on every write.
 */

/** `TH_NGUOI_THAM_GIA/female.minority`: a cell of the grid, for maps and DOM ids. */
export function cellId(dataElement: string, disaggregation: string): string {
  return `${dataElement}/${disaggregation}`;
}

export interface GridSection<R = EntryRow> {
  columns: OptionCombo[];
  rows: R[];
}

/**
 * Consecutive rows with the same columns (same disaggregation) share one table and its header.
 * Generic over the row, so a report's appendix tables are laid out like the entry grid.
 */
export function groupSections<R extends { columns: OptionCombo[] } = EntryRow>(
  rows: readonly R[],
): GridSection<R>[] {
  const sections: GridSection<R>[] = [];
  let signature = '';
  for (const row of rows) {
    const next = row.columns.map((column) => column.key).join('|');
    const last = sections[sections.length - 1];
    if (last && next === signature) {
      last.rows.push(row);
      continue;
    }
    sections.push({ columns: row.columns, rows: [row] });
    signature = next;
  }
  return sections;
}

export type CellStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'invalid';

/** A cell as the officer sees it: what is typed, what the server holds, and where the save is. */
export interface CellDraft {
  dataElementId: number;
  dataElement: string;
  disaggregation: string;
  valueType: ValueType;
  text: string;
  savedValue: number | null;
  comment: string;
  savedComment: string;
  status: CellStatus;
  /** Why the last save failed (network, refused), already in the reader's language. */
  problem: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export type Drafts = ReadonlyMap<string, CellDraft>;

export function createDrafts(
  form: EntryForm,
  format: (value: number | null) => string,
): Map<string, CellDraft> {
  const drafts = new Map<string, CellDraft>();
  for (const row of form.rows) {
    for (const cell of row.cells) {
      if (cell.computed) continue;
      drafts.set(cellId(row.dataElement.code, cell.key), {
        dataElementId: row.dataElement.id,
        dataElement: row.dataElement.code,
        disaggregation: cell.key,
        valueType: row.dataElement.valueType,
        text: format(cell.value),
        savedValue: cell.value,
        comment: cell.comment ?? '',
        savedComment: cell.comment ?? '',
        status: 'idle',
        problem: null,
        updatedAt: cell.updatedAt,
        updatedBy: cell.updatedBy,
      });
    }
  }
  return drafts;
}

export type CellProblem = 'not_a_number' | 'not_whole' | 'negative' | 'percent_range';

/** The value typed in a cell, or why it cannot be one; empty is a value (null: nothing to report). */
export function readCell(
  text: string,
  valueType: ValueType,
): { value: number | null; problem: CellProblem | null } {
  const parsed = parseFigure(text);
  if (parsed.kind === 'empty') return { value: null, problem: null };
  if (parsed.kind === 'invalid') return { value: null, problem: 'not_a_number' };
  const { value } = parsed;
  if (valueType === 'percent' && (value < 0 || value > 100)) return { value, problem: 'percent_range' };
  if (valueType === 'integer' && value < 0) return { value, problem: 'negative' };
  if (valueType === 'integer' && !Number.isInteger(value)) return { value, problem: 'not_whole' };
  return { value, problem: null };
}

/** The value a cell holds now: what is typed if it reads as a number, else what is saved. */
export function currentValue(draft: CellDraft): number | null {
  const { value, problem } = readCell(draft.text, draft.valueType);
  return problem === 'not_a_number' ? draft.savedValue : value;
}

/** The computed `total` of a row: the sum of its entered cells; empty while they all are. */
export function rowTotal(row: EntryRow, drafts: Drafts): number | null {
  let total: number | null = null;
  for (const column of row.columns) {
    if (column.computed) continue;
    const draft = drafts.get(cellId(row.dataElement.code, column.key));
    const value = draft ? currentValue(draft) : null;
    if (value !== null) total = (total ?? 0) + value;
  }
  return total;
}

/* ------------------------------------------------------------------- formulas */

export interface Term {
  sign: 1 | -1;
  dataElement: string | null;
  options: string[];
  constant: number | null;
}

/**
 * `#{A.female} + #{B} - 3` → terms (the contracts' formula syntax); null when the text is not
 * a formula the browser understands, so the rule is left to the server.
 */
export function parseFormula(text: string): Term[] | null {
  const terms: Term[] = [];
  const pattern = /\s*([+-])?\s*(?:#\{([A-Za-z0-9_]+)((?:\.[a-z0-9_]+)*)\}|(\d+(?:\.\d+)?))\s*/y;
  let position = 0;
  while (position < text.length) {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) return null;
    if (!match[1] && terms.length > 0) return null;
    const sign = match[1] === '-' ? -1 : 1;
    if (match[2]) {
      terms.push({
        sign,
        dataElement: match[2],
        options: (match[3] ?? '').split('.').filter(Boolean),
        constant: null,
      });
    } else {
      terms.push({ sign, dataElement: null, options: [], constant: Number(match[4]) });
    }
    position = pattern.lastIndex;
  }
  return terms.length > 0 ? terms : null;
}

/** The option codes of "of which" categories, each with its category's total option. */
export function ofWhichOptions(catalogue: Pick<Catalogue, 'categories'>): Map<string, string> {
  const totals = new Map<string, string>();
  for (const category of catalogue.categories) {
    if (!category.totalOption) continue;
    for (const option of category.options) totals.set(option.code, category.totalOption);
  }
  return totals;
}

export interface FormulaContext {
  rows: ReadonlyMap<string, EntryRow>;
  drafts: Drafts;
  /** See `ofWhichOptions`. */
  ofWhich: ReadonlyMap<string, string>;
}

/**
 * The entered cells a term sums: those carrying every named option; of an "of which"
 * category that the term does not name, only its total option (else the women would be
 * counted twice, once in "Tổng số" and again in "Trong đó: Nữ").
 */
export function cellsOfTerm(term: Term, row: EntryRow, ofWhich: ReadonlyMap<string, string>): OptionCombo[] {
  return row.columns.filter((column) => {
    if (column.computed) return false;
    if (!term.options.every((option) => column.options.includes(option))) return false;
    return column.options.every((option) => {
      const totalOption = ofWhich.get(option);
      if (totalOption === undefined) return true;
      const namesCategory = term.options.some((named) => ofWhich.get(named) === totalOption);
      return namesCategory || option === totalOption;
    });
  });
}

/** A term's value; null when none of its cells has one. Undefined: the element is not in this form. */
export function evaluateTerm(term: Term, context: FormulaContext): number | null | undefined {
  if (term.dataElement === null) return term.constant;
  const row = context.rows.get(term.dataElement);
  if (!row) return undefined;
  let sum: number | null = null;
  for (const column of cellsOfTerm(term, row, context.ofWhich)) {
    const draft = context.drafts.get(cellId(row.dataElement.code, column.key));
    const value = draft ? currentValue(draft) : null;
    if (value !== null) sum = (sum ?? 0) + value;
  }
  return sum;
}

/** Null when no term has data (the contracts' rule); undefined when the browser cannot tell. */
export function evaluateFormula(terms: readonly Term[], context: FormulaContext): number | null | undefined {
  let sum = 0;
  let hasData = false;
  for (const term of terms) {
    const value = evaluateTerm(term, context);
    if (value === undefined) return undefined;
    if (value === null) continue;
    if (term.dataElement !== null) hasData = true;
    sum += term.sign * value;
  }
  return hasData ? sum : null;
}

/** The grid cell a term stands for: the one cell it sums, else the row's total. */
export function cellOfTerm(
  term: Term,
  context: FormulaContext,
): { dataElement: string; disaggregation: string } | null {
  if (term.dataElement === null) return null;
  const row = context.rows.get(term.dataElement);
  if (!row) return null;
  const cells = cellsOfTerm(term, row, context.ofWhich);
  const only = cells.length === 1 ? cells[0] : undefined;
  return { dataElement: term.dataElement, disaggregation: only ? only.key : 'total' };
}

export interface CellRefInForm {
  dataElement: string;
  disaggregation: string;
}

export interface RuleSide {
  terms: Term[];
  value: number;
}

/** A failed rule, in data: the page words it in the reader's language. */
export interface RuleViolation {
  ruleCode: string;
  ruleName: string;
  importance: 'error' | 'warning';
  cell: CellRefInForm;
  otherCells: CellRefInForm[];
  operator: NonNullable<ValidationRule['operator']>;
  left: RuleSide;
  right: RuleSide;
}

function holds(left: number, operator: NonNullable<ValidationRule['operator']>, right: number): boolean {
  // Figures are decimals typed by people: compare to a cent, not to the last binary digit.
  const difference = Math.round((left - right) * 1e6) / 1e6;
  switch (operator) {
    case '<=':
      return difference <= 0;
    case '<':
      return difference < 0;
    case '>=':
      return difference >= 0;
    case '>':
      return difference > 0;
    case '==':
      return difference === 0;
  }
}

/**
 * The `compare` rules whose every term is in this form, checked on the values now in the grid.
 * `change_from_last_year` needs last year's figures, which only the server has.
 */
export function checkRules(rules: readonly ValidationRule[], context: FormulaContext): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const rule of rules) {
    if (rule.kind !== 'compare' || !rule.left || !rule.right || !rule.operator) continue;
    const left = parseFormula(rule.left);
    const right = parseFormula(rule.right);
    if (!left || !right) continue;
    const leftValue = evaluateFormula(left, context);
    const rightValue = evaluateFormula(right, context);
    if (leftValue === null || leftValue === undefined || rightValue === null || rightValue === undefined)
      continue;
    if (holds(leftValue, rule.operator, rightValue)) continue;
    const cells = [...left, ...right]
      .map((term) => cellOfTerm(term, context))
      .filter((cell): cell is CellRefInForm => cell !== null);
    const [cell, ...otherCells] = cells;
    if (!cell) continue;
    violations.push({
      ruleCode: rule.code,
      ruleName: rule.name,
      importance: rule.importance,
      cell,
      otherCells,
      operator: rule.operator,
      left: { terms: left, value: leftValue },
      right: { terms: right, value: rightValue },
    });
  }
  return violations;
}

/* -------------------------------------------------------------------- periods */

/** The period being reported now: this year, or this half-year for a six-month form. */
export function currentPeriod(periodType: 'year' | 'half_year', todayIso: string): string {
  const year = todayIso.slice(0, 4);
  if (periodType === 'year') return year;
  return Number(todayIso.slice(5, 7)) <= 6 ? `${year}S1` : `${year}S2`;
}

/** Periods to choose from, newest first: from 2021 (the strategy's first year) to now. */
export function periodOptions(
  periodType: 'year' | 'half_year',
  todayIso: string,
  firstYear = 2021,
): string[] {
  const lastYear = Number(todayIso.slice(0, 4));
  const periods: string[] = [];
  for (let year = lastYear; year >= firstYear; year--) {
    if (periodType === 'year') periods.push(String(year));
    else periods.push(`${year}S2`, `${year}S1`);
  }
  const current = currentPeriod(periodType, todayIso);
  return periods.slice(periods.indexOf(current));
}
