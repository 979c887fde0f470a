import type {
  CategoryCombo,
  DataElement,
  DataEntryForm,
  DisaggregationCategory,
  Indicator,
  OptionCombo,
  ValidationRule,
  ValueType,
} from '@binhdang/contracts';
import { sql } from 'kysely';
import type { Db } from '../app/database.ts';
import {
  type ComboCategory,
  comboCellKeys,
  explainFormula,
  type FormulaTerm,
  parseFormula,
} from './indicators.formula.ts';
import type { ValidationCatalogue } from './indicators.validation.ts';

/*
 * Reads of the catalogue (small: loaded whole per request) and the figures. Sums over a
 * unit's subtree are SQL's job (GROUP BY over units whose path lies under the unit's or its
 * predecessors' paths), done at read time (DESIGN.md "Always fresh", no running totals).
 */

export interface ElementModel extends DataElement {
  categories: ComboCategory[];
}

export interface IndicatorModel extends Indicator {
  numeratorTerms: FormulaTerm[];
  denominatorTerms: FormulaTerm[] | null;
}

export interface CatalogueModel {
  categories: DisaggregationCategory[];
  combos: CategoryCombo[];
  elements: Map<string, ElementModel>;
  elementsById: Map<number, ElementModel>;
  forms: Map<string, DataEntryForm>;
  indicators: IndicatorModel[];
  rules: ValidationRule[];
  formula: ValidationCatalogue;
}

const asArray = (value: unknown): string[] =>
  Array.isArray(value)
    ? (value as string[])
    : typeof value === 'string'
      ? (JSON.parse(value) as string[])
      : [];

/** Catalogues read by this process, by database id, with the version they were read at (migration 0010). */
const catalogueCache = new Map<string, { version: number; model: CatalogueModel }>();

/**
 * The catalogue, from this process's memory while the database's catalogue version is the one it
 * was read at (one single-row query), else read again. The version is read before the catalogue,
 * so a change committed in between only makes the next call read again; versions never repeat
 * (a sequence), so a change rolled back cannot leave a catalogue that passes for a later one.
 * The model is shared: callers read it and never change it.
 */
export async function loadCatalogue(db: Db): Promise<CatalogueModel> {
  const current = (
    await sql<{ id: string; version: number }>`select id, version from catalogue_version`.execute(db)
  ).rows[0];
  if (!current) return readCatalogue(db);
  const cached = catalogueCache.get(current.id);
  if (cached && cached.version === Number(current.version)) return cached.model;
  const model = await readCatalogue(db);
  catalogueCache.set(current.id, { version: Number(current.version), model });
  return model;
}

async function readCatalogue(db: Db): Promise<CatalogueModel> {
  const [categoryRows, optionRows, comboRows, elementRows, formRows, indicatorRows, ruleRows] =
    await Promise.all([
      db.selectFrom('disaggregation_categories').selectAll().orderBy('id').execute(),
      db
        .selectFrom('disaggregation_options')
        .selectAll()
        .orderBy('category_id')
        .orderBy('position')
        .execute(),
      db.selectFrom('category_combos').selectAll().orderBy('id').execute(),
      db
        .selectFrom('data_elements as d')
        .innerJoin('category_combos as c', 'c.id', 'd.category_combo_id')
        .selectAll('d')
        .select('c.code as combo_code')
        .orderBy('d.id')
        .execute(),
      db.selectFrom('data_entry_forms').selectAll().orderBy('id').execute(),
      db.selectFrom('indicators').selectAll().orderBy('position').orderBy('id').execute(),
      db.selectFrom('validation_rules').selectAll().orderBy('id').execute(),
    ]);
  const categories: DisaggregationCategory[] = categoryRows.map((row) => ({
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    totalOption: row.total_option,
    options: optionRows
      .filter((option) => option.category_id === row.id)
      .map((option) => ({ code: option.code, name: option.name, nameEn: option.name_en })),
  }));
  const categoryByCode = new Map(categories.map((category) => [category.code, category]));
  const optionName = new Map(optionRows.map((row) => [row.code, row.name]));
  const comboCategories = new Map(
    comboRows.map((row) => [
      row.code,
      asArray(row.categories).map((code) => {
        const category = categoryByCode.get(code)!;
        return { code, options: category.options.map((o) => o.code), totalOption: category.totalOption };
      }),
    ]),
  );
  const combos: CategoryCombo[] = comboRows.map((row) => {
    const cats = comboCategories.get(row.code)!;
    const entered: OptionCombo[] = comboCellKeys(cats).map((key) => ({
      key,
      options: key === 'total' ? [] : key.split('.'),
      name:
        key === 'total'
          ? 'Tổng'
          : key
              .split('.')
              .map((code) => optionName.get(code) ?? code)
              .join(' – '),
      computed: false,
    }));
    const partitions = cats.length > 0 && cats.every((category) => category.totalOption === null);
    return {
      code: row.code,
      name: row.name,
      categories: cats.map((category) => category.code),
      optionCombos: partitions
        ? [...entered, { key: 'total', options: [], name: 'Tổng', computed: true }]
        : entered,
    };
  });
  const elements = new Map<string, ElementModel>();
  const elementsById = new Map<number, ElementModel>();
  for (const row of elementRows) {
    const element: ElementModel = {
      id: row.id,
      code: row.code,
      name: row.name,
      shortName: row.short_name,
      valueType: row.value_type as ValueType,
      aggregation: row.aggregation as 'sum' | 'average',
      categoryCombo: row.combo_code,
      description: row.description,
      categories: comboCategories.get(row.combo_code) ?? [],
    };
    elements.set(row.code, element);
    elementsById.set(row.id, element);
  }
  const formula: ValidationCatalogue = {
    categoriesOf: (code) => elements.get(code)?.categories,
    elementName: (code) => elements.get(code)?.name,
    optionName: (code) => optionName.get(code),
    valueTypeOf: (code) => elements.get(code)?.valueType,
  };
  const indicators: IndicatorModel[] = indicatorRows.map((row) => ({
    id: row.id,
    code: row.code,
    objective: row.objective,
    name: row.name,
    unit: row.unit,
    direction: row.direction as Indicator['direction'],
    numerator: explainFormula(row.numerator, formula),
    denominator: row.denominator ? explainFormula(row.denominator, formula) : null,
    factor: row.factor,
    decimals: row.decimals,
    source: asArray(row.source),
    confidence: row.confidence as Indicator['confidence'],
    note: row.note,
    numeratorTerms: parseFormula(row.numerator),
    denominatorTerms: row.denominator ? parseFormula(row.denominator) : null,
  }));
  const forms = new Map(
    formRows.map((row) => [
      row.code,
      {
        code: row.code,
        name: row.name,
        periodType: row.period_type as DataEntryForm['periodType'],
        dataElements: asArray(row.data_elements),
      },
    ]),
  );
  const rules: ValidationRule[] = ruleRows.map((row) => ({
    code: row.code,
    kind: row.kind as ValidationRule['kind'],
    name: row.name,
    importance: row.importance as ValidationRule['importance'],
    left: row.left_side,
    operator: row.operator as ValidationRule['operator'],
    right: row.right_side,
    threshold: row.threshold,
  }));
  return { categories, combos, elements, elementsById, forms, indicators, rules, formula };
}

export function toIndicator(model: IndicatorModel): Indicator {
  const { numeratorTerms: _n, denominatorTerms: _d, ...indicator } = model;
  return indicator;
}

export function toDataElement(model: ElementModel): DataElement {
  const { categories: _c, ...element } = model;
  return element;
}

export interface StoredValueRow {
  data_element_id: number;
  org_unit_id: number;
  period: string;
  disaggregation: string;
  value: number;
  comment: string | null;
  updated_at: Date;
  updated_by_name: string;
}

/** Stored values of these units and periods (all elements unless given). */
export async function findValues(
  db: Db,
  filter: { unitIds: number[]; periods?: string[]; elementIds?: number[] },
): Promise<StoredValueRow[]> {
  if (filter.unitIds.length === 0) return [];
  let query = db
    .selectFrom('data_values as v')
    .innerJoin('users as u', 'u.id', 'v.updated_by')
    .select([
      'v.data_element_id',
      'v.org_unit_id',
      'v.period',
      'v.disaggregation',
      'v.value',
      'v.comment',
      'v.updated_at',
      'u.display_name as updated_by_name',
    ])
    .where('v.org_unit_id', 'in', filter.unitIds);
  if (filter.periods) {
    if (filter.periods.length === 0) return [];
    query = query.where('v.period', 'in', filter.periods);
  }
  if (filter.elementIds) {
    if (filter.elementIds.length === 0) return [];
    query = query.where('v.data_element_id', 'in', filter.elementIds);
  }
  return query.execute();
}

/** A stored figure without who changed it and when: what validation, writes and report views need. */
export type FigureRow = Omit<StoredValueRow, 'updated_at' | 'updated_by_name'>;

/**
 * Stored figures of some units and periods (optionally some elements), lean: the report save and
 * submit read them on every call. With `forUpdate`, the rows stay locked until the transaction ends.
 */
export async function findFigures(
  db: Db,
  filter: { unitIds: number[]; periods: string[]; elementIds?: number[]; forUpdate?: boolean },
): Promise<FigureRow[]> {
  if (filter.unitIds.length === 0 || filter.periods.length === 0) return [];
  if (filter.elementIds?.length === 0) return [];
  let query = db
    .selectFrom('data_values')
    .select(['data_element_id', 'org_unit_id', 'period', 'disaggregation', 'value', 'comment'])
    .where('org_unit_id', 'in', filter.unitIds)
    .where('period', 'in', filter.periods);
  if (filter.elementIds) query = query.where('data_element_id', 'in', filter.elementIds);
  return (filter.forUpdate ? query.forUpdate() : query).execute();
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export interface SubtreeSumRow {
  data_element_id: number;
  period: string;
  disaggregation: string;
  sum: number;
  avg: number;
}

/** Sums (and averages) per element, period and cell over the units under these paths. */
export async function sumUnderPaths(
  db: Db,
  paths: string[],
  periods: string[],
  elementIds: number[],
): Promise<SubtreeSumRow[]> {
  if (paths.length === 0 || periods.length === 0 || elementIds.length === 0) return [];
  const prefixes = paths.map((path) => `${escapeLike(path)}%`);
  const result = await sql<SubtreeSumRow>`
    select v.data_element_id, v.period, v.disaggregation,
      sum(v.value)::float8 as sum, avg(v.value)::float8 as avg
    from data_values v join org_units o on o.id = v.org_unit_id
    where o.path like any(${prefixes}::text[])
      and v.period = any(${periods}::text[])
      and v.data_element_id = any(${elementIds}::int[])
    group by v.data_element_id, v.period, v.disaggregation`.execute(db);
  return result.rows;
}

/** Units with figures per element and period under these paths. */
export async function countUnitsUnderPaths(
  db: Db,
  paths: string[],
  periods: string[],
): Promise<{ data_element_id: number; period: string; units: number }[]> {
  if (paths.length === 0 || periods.length === 0) return [];
  const prefixes = paths.map((path) => `${escapeLike(path)}%`);
  const result = await sql<{ data_element_id: number; period: string; units: number }>`
    select v.data_element_id, v.period, count(distinct v.org_unit_id)::int as units
    from data_values v join org_units o on o.id = v.org_unit_id
    where o.path like any(${prefixes}::text[]) and v.period = any(${periods}::text[])
    group by v.data_element_id, v.period`.execute(db);
  return result.rows;
}

export interface TargetRow {
  id: number;
  indicator_id: number;
  org_unit_id: number | null;
  year: number;
  operator: string;
  value: number;
  source: string | null;
  updated_at: Date;
  updated_by_name: string | null;
  unit_code: string | null;
  unit_name: string | null;
  unit_path: string | null;
}

/** Targets set nationally or on any of these units. */
export async function findTargets(
  db: Db,
  filter: { unitIds: number[]; indicatorIds?: number[]; years?: number[] },
): Promise<TargetRow[]> {
  let query = db
    .selectFrom('indicator_targets as t')
    .leftJoin('org_units as o', 'o.id', 't.org_unit_id')
    .leftJoin('users as u', 'u.id', 't.updated_by')
    .select([
      't.id',
      't.indicator_id',
      't.org_unit_id',
      't.year',
      't.operator',
      't.value',
      't.source',
      't.updated_at',
      'u.display_name as updated_by_name',
      'o.code as unit_code',
      'o.name as unit_name',
      'o.path as unit_path',
    ])
    .where((eb) =>
      filter.unitIds.length > 0
        ? eb.or([eb('t.org_unit_id', 'is', null), eb('t.org_unit_id', 'in', filter.unitIds)])
        : eb('t.org_unit_id', 'is', null),
    );
  if (filter.indicatorIds) query = query.where('t.indicator_id', 'in', filter.indicatorIds);
  if (filter.years) query = query.where('t.year', 'in', filter.years);
  return query.orderBy('t.indicator_id').orderBy('t.year').execute();
}

export async function findUnitsByIdsOrCodes(db: Db, ids: number[], codes: string[]) {
  if (ids.length === 0 && codes.length === 0) return [];
  return db
    .selectFrom('org_units')
    .select(['id', 'code', 'name', 'path', 'valid_from', 'valid_to'])
    .where((eb) =>
      eb.or([
        ...(ids.length > 0 ? [eb('id', 'in', ids)] : []),
        ...(codes.length > 0 ? [eb('code', 'in', codes)] : []),
      ]),
    )
    .execute();
}
