// Contract for the indicators API — routes listed below.
/*
 * All paths are under `/api`. "any unit" = the permission on at least one unit; the scope
 * (which units) is checked by the server's policy and answered 403 `auth.out_of_scope`.
 *
 * | method | path                                  | permission        | request                          | response (200)        |
 * | ------ | ------------------------------------- | ----------------- | -------------------------------- | --------------------- |
 * | GET    | /indicators/catalogue                 | figures.read      | —                                | catalogue             |
 * | POST   | /indicators/catalogue/data-elements   | catalogue.manage  | dataElementInput (JSON)          | dataElement           |
 * | POST   | /indicators/catalogue/indicators      | catalogue.manage  | indicatorInput (JSON)            | indicator             |
 * | GET    | /indicators/targets                   | figures.read      | targetListQuery (query)          | targetList            |
 * | PUT    | /indicators/targets                   | targets.manage    | targetInput (JSON)               | targetWriteResult     |
 * | GET    | /indicators/entry                     | figures.read      | entryFormQuery (query)           | entryForm             |
 * | GET    | /indicators/values                    | figures.read      | valueListQuery (query)           | valueList             |
 * | POST   | /indicators/values                    | figures.write     | valuesWriteInput (JSON)          | valuesWriteResult     |
 * | POST   | /indicators/values/csv                | figures.write     | text/csv body, or csvImportInput | csvImportResult       |
 * | GET    | /indicators/values/history            | figures.read      | valueHistoryQuery (query)        | valueHistory          |
 * | GET    | /indicators/progress                  | figures.read      | progressQuery (query)            | progress              |
 * | GET    | /indicators/progress/xlsx             | figures.read      | progressQuery (query)            | XLSX file (binary)    |
 *
 * Scope: `targets.manage` on a unit's subtree for a unit's targets; national targets
 * (`orgUnitId` null) only for a system administrator. `figures.write` on the unit of every item.
 *
 * Errors besides the usual ones (errors.ts):
 * - 400 `figures.invalid_input`: unknown data element / option / unit, bad period, non-numeric
 *   value; `issues[]` names the item (`items.3.disaggregation`) or CSV cell (`row 4, value`).
 *   Nothing is written.
 * - 422 `figures.validation_failed`: a validation rule with importance `error` fails, or
 *   warnings without a comment; `validation[]` lists the messages. Nothing is written.
 * - 404 `indicators.form_not_found`, `indicators.not_found`; 409 `indicators.code_taken`.
 *
 * Grain (DESIGN.md "One grain for every figure"): one stored value per data element × option
 * combo × unit × period. Totals over a category are computed (sum over its options), never
 * stored. A unit's figure on progress is the sum over its subtree and over the units that were
 * merged into it (lineage `merged_into`), computed at read time.
 */
import { z } from 'zod';
import { cleanText } from './org-units.ts';

/* ------------------------------------------------------------------ periods */

/**
 * Periods are strings: `2026` (a calendar year) or `2026S1` / `2026S2` (first / second half,
 * Nghị định 09/2019/NĐ-CP six-month reporting). Progress against targets uses years only.
 */
export const periodPattern = /^(\d{4})(S[12])?$/;
export const period = z
  .string()
  .trim()
  .toUpperCase()
  .regex(periodPattern, { message: 'Kỳ báo cáo phải có dạng 2026 (năm) hoặc 2026S1, 2026S2 (6 tháng).' });
export type Period = z.infer<typeof period>;

export const periodTypes = ['year', 'half_year'] as const;

/** `2026` → "Năm 2026"; `2026S1` → "6 tháng đầu năm 2026". */
export function periodLabel(value: string, language: 'vi' | 'en' = 'vi'): string {
  const match = periodPattern.exec(value);
  if (!match) return value;
  if (language === 'en') {
    if (match[2] === 'S1') return `First half of ${match[1]}`;
    if (match[2] === 'S2') return `Second half of ${match[1]}`;
    return `Year ${match[1]}`;
  }
  if (match[2] === 'S1') return `6 tháng đầu năm ${match[1]}`;
  if (match[2] === 'S2') return `6 tháng cuối năm ${match[1]}`;
  return `Năm ${match[1]}`;
}

/* ------------------------------------------------------------- disaggregation */

/**
 * A disaggregation category (phân tổ) and its options. Most categories partition the total
 * (sex: Nam + Nữ = Tổng), so the total is computed. An "of which" category (`totalOption` set,
 * e.g. "Tổng số / Trong đó: Nữ", as the provincial appendix tables print it) has overlapping
 * options: its `totalOption` is entered and stands for the total; the others are parts of it.
 */
export const disaggregationOption = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
});
export type DisaggregationOption = z.infer<typeof disaggregationOption>;

export const disaggregationCategory = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  /** Null for a partition; for an "of which" category the option that is the total. */
  totalOption: z.string().nullable(),
  options: z.array(disaggregationOption),
});
export type DisaggregationCategory = z.infer<typeof disaggregationCategory>;

/**
 * One cell of a combo: a choice of one option per category. `key` is the option codes in the
 * combo's category order joined by `.` (`female.minority`); the combo without categories has
 * the single cell `total`. The computed total column has key `total` and `computed: true`.
 */
export const optionCombo = z.object({
  key: z.string(),
  /** Options in category order. */
  options: z.array(z.string()),
  /** "Nữ – Dân tộc thiểu số"; "Tổng" for the total. */
  name: z.string(),
  computed: z.boolean(),
});
export type OptionCombo = z.infer<typeof optionCombo>;

export const categoryCombo = z.object({
  code: z.string(),
  name: z.string(),
  categories: z.array(z.string()),
  /** Entered cells, then (when every category is a partition and there is one) the computed `total`. */
  optionCombos: z.array(optionCombo),
});
export type CategoryCombo = z.infer<typeof categoryCombo>;

/* ------------------------------------------------------------- data elements */

export const valueTypes = ['integer', 'number', 'percent'] as const;
export type ValueType = (typeof valueTypes)[number];

/** How a figure adds up over units: counts sum; averages and rates (hours a day, %) average. */
export const aggregationTypes = ['sum', 'average'] as const;

export const dataElement = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  valueType: z.enum(valueTypes),
  aggregation: z.enum(aggregationTypes),
  categoryCombo: z.string(),
  description: z.string().nullable(),
});
export type DataElement = z.infer<typeof dataElement>;

const catalogueCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,63}$/, {
    message: 'Mã chỉ gồm chữ in hoa không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (2–64 ký tự).',
  });

export const dataElementInput = z.strictObject({
  code: catalogueCode,
  name: cleanText(3, 300),
  shortName: cleanText(1, 80).nullable().default(null),
  valueType: z.enum(valueTypes),
  aggregation: z.enum(aggregationTypes).default('sum'),
  categoryCombo: z.string().trim().min(1).max(64),
  description: cleanText(0, 2000).nullable().default(null),
});
export type DataElementInput = z.input<typeof dataElementInput>;

/** An entry form (nhóm chỉ tiêu / biểu nhập): data elements in the order the grid shows them. */
export const dataEntryForm = z.object({
  code: z.string(),
  name: z.string(),
  periodType: z.enum(periodTypes),
  dataElements: z.array(z.string()),
});
export type DataEntryForm = z.infer<typeof dataEntryForm>;

/* ------------------------------------------------------------------ indicators */

/**
 * Formula syntax (indicators and validation rules): a sum of terms with `+` / `-`; a term is
 * a number or `#{CODE}` (the data element's total) or `#{CODE.opt1.opt2}` (the sum of its
 * cells that carry every named option, e.g. `#{TRE_SINH_SONG.female}`). Indicator value =
 * numerator / denominator × factor; an empty denominator means 1. No data when every term of
 * the numerator (or the denominator) has no stored value.
 */
export const formulaTerm = z.object({
  sign: z.union([z.literal(1), z.literal(-1)]),
  /** Null for a constant. */
  dataElement: z.string().nullable(),
  options: z.array(z.string()),
  constant: z.number().nullable(),
  /** "Số trẻ sinh ra sống – Nữ". */
  label: z.string(),
});
export const explainedFormula = z.object({
  text: z.string(),
  terms: z.array(formulaTerm),
  /** "Số trẻ sinh ra sống – Nam". */
  explanation: z.string(),
});
export type ExplainedFormula = z.infer<typeof explainedFormula>;

export const indicatorDirections = ['min', 'max', 'reach'] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];
export const indicatorDirectionLabels: Record<IndicatorDirection, { vi: string; en: string }> = {
  min: { vi: 'Càng cao càng tốt (tối thiểu)', en: 'At least' },
  max: { vi: 'Càng thấp càng tốt (tối đa)', en: 'At most' },
  reach: { vi: 'Đạt mức', en: 'Reach' },
};

/** Where an indicator's definition comes from: `confirmed` / `press-summary` (indicators-nq28.json) or `local`. */
export const indicatorConfidences = ['confirmed', 'press-summary', 'local'] as const;

export const indicator = z.object({
  id: z.number().int(),
  code: z.string(),
  objective: z.string().nullable(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(indicatorDirections),
  numerator: explainedFormula,
  denominator: explainedFormula.nullable(),
  factor: z.number(),
  decimals: z.number().int(),
  source: z.array(z.string()),
  confidence: z.enum(indicatorConfidences),
  note: z.string().nullable(),
});
export type Indicator = z.infer<typeof indicator>;

export const indicatorInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
      message: 'Mã chỉ số chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang (tối đa 40 ký tự).',
    }),
  objective: cleanText(0, 300).nullable().default(null),
  name: cleanText(3, 500),
  unit: cleanText(1, 100),
  direction: z.enum(indicatorDirections),
  numerator: z.string().trim().min(1).max(1000),
  denominator: z.string().trim().max(1000).nullable().default(null),
  factor: z.number().positive().default(1),
  decimals: z.number().int().min(0).max(4).default(1),
  source: z.array(z.string().trim().min(1).max(500)).max(10).default([]),
  confidence: z.enum(indicatorConfidences).default('local'),
  note: cleanText(0, 2000).nullable().default(null),
});
export type IndicatorInput = z.input<typeof indicatorInput>;

/* ------------------------------------------------------------------ validation */

/** `percent_range`: every percent cell lies in 0–100. */
export const validationRuleKinds = ['compare', 'change_from_last_year', 'percent_range'] as const;
export const validationImportances = ['error', 'warning'] as const;
export const validationOperators = ['<=', '<', '>=', '>', '=='] as const;

/**
 * A validation rule as data. `compare`: left op right, both formulas, checked per unit and
 * period (e.g. `#{TH_NGUOI_THAM_GIA.women} <= #{TH_NGUOI_THAM_GIA.all}`). Besides rules, every
 * percent cell must lie in 0–100 (error) and a cell more than ±50 % away from the same cell a
 * year earlier is a warning (`change_from_last_year`, threshold in `threshold`).
 */
export const validationRule = z.object({
  code: z.string(),
  kind: z.enum(validationRuleKinds),
  name: z.string(),
  importance: z.enum(validationImportances),
  left: z.string().nullable(),
  operator: z.enum(validationOperators).nullable(),
  right: z.string().nullable(),
  /** For change_from_last_year: the allowed relative change (0.5 = ±50 %). */
  threshold: z.number().nullable(),
});
export type ValidationRule = z.infer<typeof validationRule>;

/** A message about a cell: `cell` names it, the message names it in Vietnamese. */
export const cellRef = z.object({
  dataElement: z.string(),
  orgUnitId: z.number().int(),
  period: z.string(),
  /** Option combo key, `total` for the computed or only cell. */
  disaggregation: z.string(),
});
export type CellRef = z.infer<typeof cellRef>;

export const validationMessage = z.object({
  importance: z.enum(validationImportances),
  ruleCode: z.string(),
  cell: cellRef,
  /** Other cells the rule compares with (the total, last year's cell). */
  otherCells: z.array(cellRef),
  /** "Số người tham gia tập huấn – Nữ (45) không được lớn hơn Tổng (40)". */
  message: z.string(),
});
export type ValidationMessage = z.infer<typeof validationMessage>;

/* ------------------------------------------------------------------- catalogue */

export const catalogue = z.object({
  categories: z.array(disaggregationCategory),
  categoryCombos: z.array(categoryCombo),
  dataElements: z.array(dataElement),
  forms: z.array(dataEntryForm),
  indicators: z.array(indicator),
  validationRules: z.array(validationRule),
});
export type Catalogue = z.infer<typeof catalogue>;

/* --------------------------------------------------------------------- targets */

/** As the strategy words them: `>=` "ít nhất", `<=` "không quá", `<` "dưới", `=` "đạt", `~` "khoảng". */
export const targetOperators = ['>=', '>', '<=', '<', '=', '~'] as const;
export type TargetOperator = (typeof targetOperators)[number];

const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

/**
 * A target (chỉ tiêu) of an indicator for a unit (null: national) and year. A unit with no
 * target of its own for a year takes the nearest one above it (province, then national);
 * `inheritedFrom` then names where it came from (null = the unit's own, or national when the
 * target itself is national).
 */
export const target = z.object({
  id: z.number().int(),
  indicator: z.string(),
  orgUnit: unitRef.nullable(),
  year: z.number().int(),
  operator: z.enum(targetOperators),
  value: z.number(),
  source: z.string().nullable(),
  inheritedFrom: unitRef.extend({ level: z.enum(['unit', 'national']) }).nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type Target = z.infer<typeof target>;

export const targetListQuery = z.object({
  indicator: z.string().optional(),
  /** Targets effective for this unit (its own, else inherited); absent: national targets. */
  orgUnitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const targetList = z.object({ items: z.array(target) });

export const targetInput = z.strictObject({
  indicator: z.string().trim().min(1).max(40),
  orgUnitId: z.number().int().positive().nullable(),
  year: z.number().int().min(2000).max(2100),
  operator: z.enum(targetOperators),
  /** Null removes the unit's own target (it then inherits again). */
  value: z.number().finite().nullable(),
  source: cleanText(0, 500).nullable().default(null),
});
export type TargetInput = z.input<typeof targetInput>;

/** The unit's own target as written (null once removed) and the one now in effect (own or inherited). */
export const targetWriteResult = z.object({ target: target.nullable(), effective: target.nullable() });
export type TargetWriteResult = z.infer<typeof targetWriteResult>;

/* ------------------------------------------------------------------ data entry */

export const storedValue = z.object({
  dataElement: z.string(),
  orgUnit: unitRef,
  period: z.string(),
  disaggregation: z.string(),
  value: z.number(),
  comment: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type StoredValue = z.infer<typeof storedValue>;

export const entryFormQuery = z.object({
  form: z.string().min(1).max(64),
  orgUnitId: z.coerce.number().int().positive(),
  period,
});

/** A cell of the grid: the stored value (null: empty) or, for computed cells, the sum. */
export const entryCell = z.object({
  key: z.string(),
  value: z.number().nullable(),
  computed: z.boolean(),
  comment: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type EntryCell = z.infer<typeof entryCell>;

export const entryRow = z.object({
  dataElement: dataElement,
  columns: z.array(optionCombo),
  cells: z.array(entryCell),
});
export type EntryRow = z.infer<typeof entryRow>;

export const entryForm = z.object({
  form: dataEntryForm,
  orgUnit: unitRef,
  period: z.string(),
  periodLabel: z.string(),
  rows: z.array(entryRow),
  /** Messages of the validation run over the stored values. */
  validation: z.array(validationMessage),
  canWrite: z.boolean(),
});
export type EntryForm = z.infer<typeof entryForm>;

/** One figure to write; refer to the element and unit by id or by code. */
export const valueWriteItem = z
  .strictObject({
    dataElementId: z.number().int().positive().optional(),
    dataElement: z.string().trim().min(1).max(64).optional(),
    orgUnitId: z.number().int().positive().optional(),
    orgUnit: z.string().trim().min(1).max(64).optional(),
    period,
    /** Option codes (`female.minority`, any order, or an array), or `total` for an element without disaggregation. */
    disaggregation: z.union([z.string().trim().min(1).max(200), z.array(z.string().min(1).max(64)).max(8)]),
    /** Null deletes the value (history keeps it). */
    value: z.number().finite().nullable(),
    comment: cleanText(0, 2000).nullable().default(null),
  })
  .refine((item) => item.dataElementId !== undefined || item.dataElement !== undefined, {
    message: 'Thiếu chỉ tiêu số liệu (dataElementId hoặc dataElement).',
    path: ['dataElement'],
  })
  .refine((item) => item.orgUnitId !== undefined || item.orgUnit !== undefined, {
    message: 'Thiếu đơn vị (orgUnitId hoặc orgUnit).',
    path: ['orgUnit'],
  });
export type ValueWriteItem = z.input<typeof valueWriteItem>;

export const valuesWriteInput = z.strictObject({
  items: z.array(valueWriteItem).min(1).max(5000),
  /** Validate only: answer what would happen and write nothing. */
  dryRun: z.boolean().default(false),
});
export type ValuesWriteInput = z.input<typeof valuesWriteInput>;

export const valueWriteStatuses = ['created', 'updated', 'deleted', 'unchanged'] as const;
export const valueWriteItemResult = z.object({
  index: z.number().int(),
  cell: cellRef,
  status: z.enum(valueWriteStatuses),
});
export const valuesWriteResult = z.object({
  written: z.boolean(),
  items: z.array(valueWriteItemResult),
  /** Warnings accepted with a comment (errors never reach a written result). */
  validation: z.array(validationMessage),
});
export type ValuesWriteResult = z.infer<typeof valuesWriteResult>;

/** CSV import: UTF-8, comma separated, quoted fields allowed, this header (codes, not names). */
export const csvHeader = [
  'data_element',
  'org_unit',
  'period',
  'disaggregation',
  'value',
  'comment',
] as const;

/** The CSV import as JSON (`application/json`), for clients that cannot send `text/csv`. */
export const csvImportInput = z.strictObject({
  csv: z
    .string()
    .min(1)
    .max(5 * 1024 * 1024),
  /** Check only: nothing is written. */
  dryRun: z.boolean().default(false),
});

export const csvRowError = z.object({
  /** 1-based line number in the file, the header being line 1. */
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export const csvImportResult = z.object({
  /** False when any row was refused: then nothing was imported. */
  imported: z.boolean(),
  rowsAccepted: z.number().int(),
  rowsTotal: z.number().int(),
  errors: z.array(csvRowError),
  validation: z.array(validationMessage),
  result: valuesWriteResult.nullable(),
});
export type CsvImportResult = z.infer<typeof csvImportResult>;

export const valueListQuery = z.object({
  orgUnitId: z.coerce.number().int().positive(),
  /** Include the unit's subtree (each unit's own values, not summed). */
  subtree: z.enum(['true', 'false']).default('false'),
  period: period.optional(),
  dataElement: z.string().max(64).optional(),
  form: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(2000),
});
export const valueList = z.object({ items: z.array(storedValue), total: z.number().int() });

export const valueHistoryQuery = z.object({
  dataElement: z.string().min(1).max(64),
  orgUnitId: z.coerce.number().int().positive(),
  period,
  disaggregation: z.string().min(1).max(200),
});
export const valueHistoryEntry = z.object({
  value: z.number().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
  by: z.string(),
  /** `created`, `updated`, `deleted`. */
  action: z.string(),
});
export const valueHistory = z.object({ cell: cellRef, entries: z.array(valueHistoryEntry) });

/* -------------------------------------------------------------------- progress */

export const indicatorProgressStatuses = ['achieved', 'on_track', 'off_track', 'no_data'] as const;
export type IndicatorProgressStatus = (typeof indicatorProgressStatuses)[number];
export const progressStatusLabels: Record<IndicatorProgressStatus, { vi: string; en: string }> = {
  achieved: { vi: 'Đạt', en: 'Achieved' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  off_track: { vi: 'Chậm tiến độ', en: 'Off track' },
  no_data: { vi: 'Chưa có số liệu', en: 'No data' },
};

export const progressQuery = z.object({
  orgUnitId: z.coerce.number().int().positive(),
  from: z.coerce.number().int().min(2000).max(2100).default(2021),
  to: z.coerce.number().int().min(2000).max(2100).default(2030),
  /** Restrict to these indicator codes (comma separated). */
  indicators: z.string().max(2000).optional(),
});

export const progressYear = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** The target effective for the unit that year (own or inherited), if any. */
  target: target.nullable(),
  /** Status of this year's value against this year's target (no target → `no_data` only when no value). */
  status: z.enum(indicatorProgressStatuses).nullable(),
  /** Units whose figures count: in the subtree, and closed units merged into them. */
  unitCount: z.number().int(),
});

export const indicatorProgress = z.object({
  indicator: indicator,
  years: z.array(progressYear),
  /**
   * The latest year with a value, against the next target year (2025 or 2030, own or
   * inherited): achieved if it meets it; on track if it is moving toward it (the change since
   * the previous value points the right way, or for `reach` it is within 5 %); else off track.
   */
  latestYear: z.number().int().nullable(),
  latestValue: z.number().nullable(),
  status: z.enum(indicatorProgressStatuses),
  /** Change from the first to the latest year with a value (null with fewer than two). */
  trend: z.enum(['up', 'down', 'flat']).nullable(),
  nextTarget: target.nullable(),
});
export type IndicatorProgress = z.infer<typeof indicatorProgress>;

export const progress = z.object({
  orgUnit: unitRef,
  from: z.number().int(),
  to: z.number().int(),
  indicators: z.array(indicatorProgress),
});
export type Progress = z.infer<typeof progress>;
