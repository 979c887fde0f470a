import type { CellRef, ValidationMessage, ValidationRule, ValueType } from '@binhdang/contracts';
import {
  type CellLookup,
  evaluateFormula,
  type FormulaCatalogue,
  type FormulaTerm,
  parseFormula,
  termLabel,
} from './indicators.formula.ts';

/*
 * Validation rules as data (table validation_rules), run on entry and on the stored figures of
 * a form. Pure: the caller gives the figures as lookups. Messages are Vietnamese and name the
 * cell: "Số người tham gia tập huấn – Nữ (45) không được lớn hơn Tổng (40)".
 */

export interface ValidationCatalogue extends FormulaCatalogue {
  valueTypeOf(dataElement: string): ValueType | undefined;
}

export interface CheckedCell {
  dataElement: string;
  orgUnitId: number;
  period: string;
  key: string;
  value: number;
}

export interface ValidationInput {
  rules: ValidationRule[];
  catalogue: ValidationCatalogue;
  /** Unit × period pairs whose compare rules to run. */
  unitPeriods: { orgUnitId: number; period: string }[];
  /** Only compare rules touching these elements run (all when undefined). */
  elements?: ReadonlySet<string>;
  /** Cells checked one by one (percent range, change from last year): the written ones. */
  cells: CheckedCell[];
  lookup(orgUnitId: number, period: string): CellLookup;
  /** The same cell's value in the period a year earlier, if stored. */
  previousValue(cell: CheckedCell): number | undefined;
}

const operatorText: Record<string, string> = {
  '<=': 'không được lớn hơn',
  '<': 'phải nhỏ hơn',
  '>=': 'không được nhỏ hơn',
  '>': 'phải lớn hơn',
  '==': 'phải bằng',
};

export function compare(left: number, operator: string, right: number): boolean {
  const epsilon = 1e-9;
  switch (operator) {
    case '<=':
      return left <= right + epsilon;
    case '<':
      return left < right;
    case '>=':
      return left >= right - epsilon;
    case '>':
      return left > right;
    default:
      return Math.abs(left - right) <= epsilon;
  }
}

/** `1234.5` → `1.234,5` (Vietnamese number format). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);
}

/** "Số người tham gia tập huấn – Nữ – Dân tộc thiểu số" for the cell key. */
export function cellLabel(catalogue: FormulaCatalogue, dataElement: string, key: string): string {
  const element = catalogue.elementName(dataElement) ?? dataElement;
  if (key === 'total') return element;
  return [element, ...key.split('.').map((option) => catalogue.optionName(option) ?? option)].join(' – ');
}

function sideLabel(terms: FormulaTerm[], catalogue: FormulaCatalogue, otherElement: string | null): string {
  if (terms.length === 1 && terms[0]!.sign === 1) {
    const term = terms[0]!;
    return termLabel(term, catalogue, term.dataElement === null || term.dataElement !== otherElement);
  }
  return terms
    .map(
      (term, index) =>
        `${index === 0 ? (term.sign < 0 ? '−' : '') : term.sign < 0 ? ' − ' : ' + '}${termLabel(term, catalogue)}`,
    )
    .join('');
}

function termCell(terms: FormulaTerm[], orgUnitId: number, period: string): CellRef[] {
  return terms
    .filter((term) => term.dataElement !== null)
    .map((term) => ({
      dataElement: term.dataElement!,
      orgUnitId,
      period,
      disaggregation: term.options.length > 0 ? term.options.join('.') : 'total',
    }));
}

export function runValidation(input: ValidationInput): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  const { catalogue } = input;
  for (const rule of input.rules) {
    if (rule.kind === 'compare' && rule.left && rule.right && rule.operator) {
      const left = parseFormula(rule.left);
      const right = parseFormula(rule.right);
      const elements = [...left, ...right].map((term) => term.dataElement).filter((code) => code !== null);
      if (input.elements && !elements.some((code) => input.elements!.has(code))) continue;
      for (const { orgUnitId, period } of input.unitPeriods) {
        const lookup = input.lookup(orgUnitId, period);
        const leftValue = evaluateFormula(left, catalogue, lookup);
        const rightValue = evaluateFormula(right, catalogue, lookup);
        if (leftValue === null || rightValue === null) continue;
        if (compare(leftValue, rule.operator, rightValue)) continue;
        const leftElement = left.length === 1 ? left[0]!.dataElement : null;
        const [cell, ...leftOthers] = termCell(left, orgUnitId, period);
        messages.push({
          importance: rule.importance as 'error' | 'warning',
          ruleCode: rule.code,
          cell: cell ?? termCell(right, orgUnitId, period)[0]!,
          otherCells: [...leftOthers, ...termCell(right, orgUnitId, period)],
          message: `${sideLabel(left, catalogue, null)} (${formatNumber(leftValue)}) ${operatorText[rule.operator]} ${sideLabel(right, catalogue, leftElement)} (${formatNumber(rightValue)})`,
        });
      }
    }
    if (rule.kind === 'percent_range') {
      for (const cell of input.cells) {
        if (catalogue.valueTypeOf(cell.dataElement) !== 'percent') continue;
        if (cell.value >= 0 && cell.value <= 100) continue;
        messages.push({
          importance: rule.importance as 'error' | 'warning',
          ruleCode: rule.code,
          cell: toRef(cell),
          otherCells: [],
          message: `${cellLabel(catalogue, cell.dataElement, cell.key)} (${formatNumber(cell.value)}) phải nằm trong khoảng 0–100%`,
        });
      }
    }
    if (rule.kind === 'change_from_last_year') {
      const threshold = rule.threshold ?? 0.5;
      for (const cell of input.cells) {
        const previous = input.previousValue(cell);
        if (previous === undefined || previous === 0) continue;
        if (Math.abs(cell.value - previous) / Math.abs(previous) <= threshold + 1e-9) continue;
        const percent = Math.round(threshold * 100);
        messages.push({
          importance: rule.importance as 'error' | 'warning',
          ruleCode: rule.code,
          cell: toRef(cell),
          otherCells: [{ ...toRef(cell), period: previousPeriod(cell.period) }],
          message: `${cellLabel(catalogue, cell.dataElement, cell.key)} (${formatNumber(cell.value)}) chênh lệch hơn ±${percent}% so với cùng kỳ năm trước (${formatNumber(previous)}); hãy kiểm tra lại hoặc ghi giải trình`,
        });
      }
    }
  }
  return messages;
}

function toRef(cell: CheckedCell): CellRef {
  return {
    dataElement: cell.dataElement,
    orgUnitId: cell.orgUnitId,
    period: cell.period,
    disaggregation: cell.key,
  };
}

/** `2026` → `2025`; `2026S1` → `2025S1`. */
export function previousPeriod(period: string): string {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}
