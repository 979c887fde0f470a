import {
  type Catalogue,
  type CsvImportResult,
  type DataElement,
  type dataElementInput,
  type EntryForm,
  type EntryRow,
  type Indicator,
  type IndicatorProgress,
  type IndicatorProgressStatus,
  type indicatorInput,
  type Progress,
  periodLabel,
  type progressQuery,
  type StoredValue,
  type Target,
  type TargetWriteResult,
  type targetInput,
  type targetListQuery,
  type ValidationMessage,
  type ValuesWriteResult,
  type ValueWriteItem,
  type valueHistoryQuery,
  type valueListQuery,
  type valuesWriteInput,
} from '@binhdang/contracts';
import { type Insertable, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { Database, DataValueHistoryTable, DataValuesTable, OrgUnitRow } from '../app/database.types.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { findPredecessorIds } from '../org-units/org-units.queries.ts';
import { assertFiguresUnlocked } from '../reporting/reporting.locks.ts';
import { parseValuesCsv } from './indicators.csv.ts';
import {
  type CellLookup,
  checkFormula,
  evaluateIndicator,
  FormulaError,
  normaliseDisaggregation,
  parseFormula,
} from './indicators.formula.ts';
import {
  assertCanManageCatalogue,
  assertCanManageTarget,
  assertCanWriteFigures,
  canWriteFigures,
  loadReadableUnit,
} from './indicators.policy.ts';
import {
  type CatalogueModel,
  countUnitsUnderPaths,
  type ElementModel,
  type FigureRow,
  findFigures,
  findTargets,
  findUnitsByIdsOrCodes,
  findValues,
  type IndicatorModel,
  loadCatalogue,
  type StoredValueRow,
  sumUnderPaths,
  type TargetRow,
  toDataElement,
  toIndicator,
} from './indicators.queries.ts';
import { type CheckedCell, previousPeriod, runValidation } from './indicators.validation.ts';

interface ReadDeps {
  db: Db;
  actor: Actor;
  clock: () => Date;
}
interface WriteDeps extends ReadDeps {
  meta: RequestMeta;
}

/* ------------------------------------------------------------------ catalogue */

export async function getCatalogue({ db }: ReadDeps): Promise<Catalogue> {
  const model = await loadCatalogue(db);
  return {
    categories: model.categories,
    categoryCombos: model.combos,
    dataElements: [...model.elements.values()].map(toDataElement),
    forms: [...model.forms.values()],
    indicators: model.indicators.map(toIndicator),
    validationRules: model.rules,
  };
}

export async function createDataElement({
  db,
  actor,
  meta,
  input,
}: WriteDeps & { input: z.infer<typeof dataElementInput> }): Promise<DataElement> {
  assertCanManageCatalogue(actor);
  const combo = await db
    .selectFrom('category_combos')
    .select('id')
    .where('code', '=', input.categoryCombo)
    .executeTakeFirst();
  if (!combo) {
    throw new AppError('request.invalid', {
      issues: [{ path: 'categoryCombo', message: `Không có tổ hợp phân tổ mã ${input.categoryCombo}.` }],
    });
  }
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('data_elements')
      .values({
        code: input.code,
        name: input.name,
        short_name: input.shortName,
        value_type: input.valueType,
        aggregation: input.aggregation,
        category_combo_id: combo.id,
        description: input.description,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('indicators.code_taken');
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'catalogue.dataElement.create',
      entityType: 'data_element',
      entityId: row.id,
      after: input,
      ip: meta.ip,
    });
    return row.id;
  });
  return toDataElement((await loadCatalogue(db)).elementsById.get(id)!);
}

export async function createIndicator({
  db,
  actor,
  meta,
  input,
}: WriteDeps & { input: z.infer<typeof indicatorInput> }): Promise<Indicator> {
  assertCanManageCatalogue(actor);
  const catalogue = await loadCatalogue(db);
  const issues: { path: string; message: string }[] = [];
  for (const side of ['numerator', 'denominator'] as const) {
    const text = input[side];
    if (!text) continue;
    try {
      for (const message of checkFormula(parseFormula(text), catalogue.formula))
        issues.push({ path: side, message });
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      issues.push({ path: side, message: error.message });
    }
  }
  if (issues.length > 0) throw new AppError('indicators.invalid_formula', { issues });
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('indicators')
      .values({
        code: input.code,
        objective: input.objective,
        name: input.name,
        unit: input.unit,
        direction: input.direction,
        numerator: input.numerator,
        denominator: input.denominator || null,
        factor: input.factor,
        decimals: input.decimals,
        source: JSON.stringify(input.source),
        confidence: input.confidence,
        note: input.note,
        position: 1000,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('indicators.code_taken');
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'catalogue.indicator.create',
      entityType: 'indicator',
      entityId: row.id,
      after: input,
      ip: meta.ip,
    });
  });
  const created = (await loadCatalogue(db)).indicators.find((indicator) => indicator.code === input.code)!;
  return toIndicator(created);
}

/* -------------------------------------------------------------------- targets */

const NATIONAL = { id: 0, code: 'VN', name: 'Toàn quốc', level: 'national' as const };

/** `/1/12/345/` → [1, 12, 345]. */
function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

function toTarget(row: TargetRow, indicatorCode: string, forUnitId: number | null): Target {
  const orgUnit =
    row.org_unit_id === null ? null : { id: row.org_unit_id, code: row.unit_code!, name: row.unit_name! };
  let inheritedFrom: Target['inheritedFrom'] = null;
  if (forUnitId !== null && row.org_unit_id !== forUnitId)
    inheritedFrom = orgUnit ? { ...orgUnit, level: 'unit' } : NATIONAL;
  return {
    id: row.id,
    indicator: indicatorCode,
    orgUnit,
    year: row.year,
    operator: row.operator as Target['operator'],
    value: row.value,
    source: row.source,
    inheritedFrom,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by_name,
  };
}

/**
 * Effective targets for a unit: per indicator and year the target of the nearest unit at or
 * above it, else the national one (DESIGN.md "Targets are first-class").
 */
async function effectiveTargets(
  db: Db,
  catalogue: CatalogueModel,
  unit: OrgUnitRow | null,
  filter: { indicatorIds?: number[]; years?: number[] },
): Promise<Target[]> {
  const ancestors = unit ? pathIds(unit.path) : [];
  const rows = await findTargets(db, { unitIds: ancestors, ...filter });
  const best = new Map<string, TargetRow>();
  const depth = (row: TargetRow) => (row.org_unit_id === null ? -1 : ancestors.indexOf(row.org_unit_id));
  for (const row of rows) {
    const key = `${row.indicator_id}:${row.year}`;
    const current = best.get(key);
    if (!current || depth(row) > depth(current)) best.set(key, row);
  }
  const codeOf = new Map(catalogue.indicators.map((indicator) => [indicator.id, indicator.code]));
  return [...best.values()].map((row) => toTarget(row, codeOf.get(row.indicator_id)!, unit?.id ?? null));
}

export async function listTargets({
  db,
  actor,
  filter,
}: ReadDeps & { filter: z.infer<typeof targetListQuery> }): Promise<{ items: Target[] }> {
  const catalogue = await loadCatalogue(db);
  const unit = filter.orgUnitId ? await loadReadableUnit(db, actor, filter.orgUnitId) : null;
  const indicator = filter.indicator
    ? catalogue.indicators.find((candidate) => candidate.code === filter.indicator)
    : undefined;
  if (filter.indicator && !indicator) throw new AppError('indicators.not_found');
  const items = await effectiveTargets(db, catalogue, unit, {
    ...(indicator ? { indicatorIds: [indicator.id] } : {}),
    ...(filter.year ? { years: [filter.year] } : {}),
  });
  return { items };
}

export async function setTarget({
  db,
  actor,
  meta,
  input,
}: WriteDeps & { input: z.infer<typeof targetInput> }): Promise<TargetWriteResult> {
  const catalogue = await loadCatalogue(db);
  const indicator = catalogue.indicators.find((candidate) => candidate.code === input.indicator);
  if (!indicator) throw new AppError('indicators.not_found');
  const unit =
    input.orgUnitId === null
      ? null
      : await db.selectFrom('org_units').selectAll().where('id', '=', input.orgUnitId).executeTakeFirst();
  if (input.orgUnitId !== null && !unit) throw new AppError('orgUnits.not_found');
  assertCanManageTarget(actor, unit ?? null);
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('indicator_targets')
      .selectAll()
      .where('indicator_id', '=', indicator.id)
      .where('year', '=', input.year)
      .where((eb) => (unit ? eb('org_unit_id', '=', unit.id) : eb('org_unit_id', 'is', null)))
      .forUpdate()
      .executeTakeFirst();
    if (input.value === null) {
      if (existing) await trx.deleteFrom('indicator_targets').where('id', '=', existing.id).execute();
    } else if (existing) {
      await trx
        .updateTable('indicator_targets')
        .set({
          operator: input.operator,
          value: input.value,
          source: input.source,
          updated_by: actor.userId,
          updated_at: new Date(),
        })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx
        .insertInto('indicator_targets')
        .values({
          indicator_id: indicator.id,
          org_unit_id: unit?.id ?? null,
          year: input.year,
          operator: input.operator,
          value: input.value,
          source: input.source,
          updated_by: actor.userId,
        })
        .execute();
    }
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: input.value === null ? 'targets.delete' : 'targets.set',
      entityType: 'indicator_target',
      entityId: `${indicator.code}:${unit?.code ?? 'VN'}:${input.year}`,
      orgUnitId: unit?.id ?? null,
      before: existing ? { operator: existing.operator, value: existing.value } : null,
      after: input.value === null ? null : { operator: input.operator, value: input.value },
      ip: meta.ip,
    });
  });
  const effective = (
    await effectiveTargets(db, catalogue, unit ?? null, { indicatorIds: [indicator.id], years: [input.year] })
  )[0];
  const own = effective && effective.inheritedFrom === null ? effective : null;
  return { target: own ?? null, effective: effective ?? null };
}

/* ----------------------------------------------------------------- figures in */

interface ResolvedCell {
  index: number;
  element: ElementModel;
  unit: { id: number; code: string; name: string; path: string };
  period: string;
  key: string;
  value: number | null;
  comment: string | null;
}

export interface ItemProblem {
  index: number;
  field: string;
  message: string;
}

type WriteItem = z.infer<typeof valuesWriteInput>['items'][number];

/** Resolves codes and checks values; problems name the item and field, in Vietnamese. */
async function resolveItems(
  db: Db,
  catalogue: CatalogueModel,
  items: WriteItem[],
  knownUnits: ResolvedCell['unit'][] = [],
): Promise<{ cells: ResolvedCell[]; problems: ItemProblem[] }> {
  const known = new Set(knownUnits.map((unit) => unit.id));
  const units = items.every((item) => item.orgUnitId !== undefined && known.has(item.orgUnitId))
    ? knownUnits
    : await findUnitsByIdsOrCodes(
        db,
        items.flatMap((item) => (item.orgUnitId !== undefined ? [item.orgUnitId] : [])),
        items.flatMap((item) =>
          item.orgUnitId === undefined && item.orgUnit !== undefined ? [item.orgUnit] : [],
        ),
      );
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const unitByCode = new Map(units.map((unit) => [unit.code, unit]));
  const cells: ResolvedCell[] = [];
  const problems: ItemProblem[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const element =
      item.dataElementId !== undefined
        ? catalogue.elementsById.get(item.dataElementId)
        : catalogue.elements.get(item.dataElement!);
    const unit = item.orgUnitId !== undefined ? unitById.get(item.orgUnitId) : unitByCode.get(item.orgUnit!);
    if (!element) {
      problems.push({
        index,
        field: 'dataElement',
        message: `Không có chỉ tiêu số liệu ${item.dataElement ?? item.dataElementId} trong danh mục.`,
      });
    }
    if (!unit) {
      problems.push({
        index,
        field: 'orgUnit',
        message: `Không có đơn vị ${item.orgUnit ?? item.orgUnitId}.`,
      });
    }
    if (!element || !unit) return;
    const normalised = normaliseDisaggregation(item.disaggregation, element.categories);
    if ('problem' in normalised) {
      problems.push({ index, field: 'disaggregation', message: `${element.name}: ${normalised.problem}` });
      return;
    }
    const value = item.value;
    if (value !== null) {
      if (value < 0) {
        problems.push({
          index,
          field: 'value',
          message: `${element.name}: số liệu không được âm (${value}).`,
        });
        return;
      }
      if (element.valueType === 'integer' && !Number.isInteger(value)) {
        problems.push({ index, field: 'value', message: `${element.name}: phải là số nguyên (${value}).` });
        return;
      }
    }
    const cellId = `${element.id}|${unit.id}|${item.period}|${normalised.key}`;
    if (seen.has(cellId)) {
      problems.push({
        index,
        field: 'disaggregation',
        message: `Ô số liệu này đã có ở mục ${seen.get(cellId)! + 1} của cùng lần gửi.`,
      });
      return;
    }
    seen.set(cellId, index);
    cells.push({
      index,
      element,
      unit,
      period: item.period,
      key: normalised.key,
      value,
      comment: item.comment ?? null,
    });
  });
  return { cells, problems };
}

type CellMap = Map<string, Map<string, Map<string, number>>>;

function addToMap(map: CellMap, outer: string, element: string, key: string, value: number) {
  const byElement = map.get(outer) ?? new Map<string, Map<string, number>>();
  map.set(outer, byElement);
  const cells = byElement.get(element) ?? new Map<string, number>();
  byElement.set(element, cells);
  cells.set(key, value);
}

const storedCellMap = (stored: FigureRow[]) =>
  new Map(
    stored.map((row) => [
      `${row.data_element_id}|${row.org_unit_id}|${row.period}|${row.disaggregation}`,
      row,
    ]),
  );

/**
 * Runs the rules on the stored figures with the batch applied and refuses the batch
 * (`figures.validation_failed`) on an error, or on a warning whose cell has no comment, sent or
 * stored. Returns every message (warnings with comments included).
 */
function assertBatchValid(
  catalogue: CatalogueModel,
  stored: FigureRow[],
  cells: ResolvedCell[],
  storedByCell = storedCellMap(stored),
): ValidationMessage[] {
  const messages = validateBatch(catalogue, stored, cells);
  const commentOf = (message: ValidationMessage) => {
    const cell = cells.find(
      (candidate) =>
        candidate.element.code === message.cell.dataElement &&
        candidate.unit.id === message.cell.orgUnitId &&
        candidate.period === message.cell.period &&
        candidate.key === message.cell.disaggregation,
    );
    if (cell?.comment) return cell.comment;
    const element = catalogue.elements.get(message.cell.dataElement);
    return storedByCell.get(
      `${element?.id}|${message.cell.orgUnitId}|${message.cell.period}|${message.cell.disaggregation}`,
    )?.comment;
  };
  const blocking = messages.filter((message) => message.importance === 'error' || !commentOf(message));
  if (blocking.length > 0) throw new AppError('figures.validation_failed', { validation: blocking });
  return messages;
}

/**
 * A report's submission: its stored figures of `period` among `elementIds`, taken as a batch
 * written again, must pass validation — what a dry run of `writeValues` checks, over figures
 * the caller has read already (with the unit's other figures of `period` and of the period
 * before, which the rules look up) and locked.
 */
export function assertStoredFiguresValid(input: {
  actor: Actor;
  catalogue: CatalogueModel;
  unit: ResolvedCell['unit'];
  period: string;
  elementIds: Set<number>;
  stored: FigureRow[];
}): void {
  const cells: ResolvedCell[] = input.stored
    .filter((row) => row.period === input.period && input.elementIds.has(row.data_element_id))
    .map((row, index) => ({
      index,
      element: input.catalogue.elementsById.get(row.data_element_id)!,
      unit: input.unit,
      period: row.period,
      key: row.disaggregation,
      value: row.value,
      comment: row.comment,
    }));
  if (cells.length === 0) return;
  assertCanWriteFigures(input.actor, [input.unit]);
  assertBatchValid(input.catalogue, input.stored, cells);
}

/** Runs the rules on the stored figures with the batch applied. */
function validateBatch(
  catalogue: CatalogueModel,
  stored: FigureRow[],
  cells: ResolvedCell[],
): ValidationMessage[] {
  const after: CellMap = new Map();
  for (const row of stored) {
    const element = catalogue.elementsById.get(row.data_element_id);
    if (element)
      addToMap(after, `${row.org_unit_id}|${row.period}`, element.code, row.disaggregation, row.value);
  }
  for (const cell of cells) {
    const unitPeriod = `${cell.unit.id}|${cell.period}`;
    if (cell.value === null) after.get(unitPeriod)?.get(cell.element.code)?.delete(cell.key);
    else addToMap(after, unitPeriod, cell.element.code, cell.key, cell.value);
  }
  const unitPeriods = [
    ...new Map(cells.map((cell) => [`${cell.unit.id}|${cell.period}`, cell])).values(),
  ].map((cell) => ({ orgUnitId: cell.unit.id, period: cell.period }));
  const checked: CheckedCell[] = cells
    .filter((cell) => cell.value !== null)
    .map((cell) => ({
      dataElement: cell.element.code,
      orgUnitId: cell.unit.id,
      period: cell.period,
      key: cell.key,
      value: cell.value!,
    }));
  return runValidation({
    rules: catalogue.rules,
    catalogue: catalogue.formula,
    unitPeriods,
    elements: new Set(cells.map((cell) => cell.element.code)),
    cells: checked,
    lookup: (unitId, period) => (code) => after.get(`${unitId}|${period}`)?.get(code),
    previousValue: (cell) =>
      after
        .get(`${cell.orgUnitId}|${previousPeriod(cell.period)}`)
        ?.get(cell.dataElement)
        ?.get(cell.key),
  });
}

/**
 * Writes a batch in one transaction: all or nothing. Bad input → 400 `figures.invalid_input`;
 * a unit outside the writer's scope → 403; a failed error rule, or a warning on a cell without
 * a comment → 422 `figures.validation_failed`. Each change keeps a history row; one audit row.
 */
export async function writeValues({
  db: outerDb,
  actor,
  meta,
  input,
  issuePath = (index, field) => `items.${index}.${field}`,
  transaction,
  known,
}: WriteDeps & {
  input: z.infer<typeof valuesWriteInput>;
  issuePath?: (index: number, field: string) => string;
  /** The caller's open transaction (a report save), so its text and these figures commit together. */
  transaction?: Transaction<Database>;
  /**
   * What the caller has read already in this request (a report save: the catalogue and the
   * report's unit), so that the busiest write path does not read it again.
   */
  known?: { catalogue: CatalogueModel; units: ResolvedCell['unit'][] };
}): Promise<ValuesWriteResult> {
  // Inside a caller's transaction every statement must use it: the embedded engine has one
  // connection, lent to the open transaction.
  const db = (transaction ?? outerDb) as Db;
  const inTransaction = <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
    transaction ? work(transaction) : outerDb.transaction().execute(work);
  const catalogue = known?.catalogue ?? (await loadCatalogue(db));
  const { cells, problems } = await resolveItems(db, catalogue, input.items, known?.units);
  if (problems.length > 0) {
    throw new AppError('figures.invalid_input', {
      issues: problems.map((problem) => ({
        path: issuePath(problem.index, problem.field),
        message: problem.message,
      })),
    });
  }
  assertCanWriteFigures(
    actor,
    cells.map((cell) => cell.unit),
  );
  return inTransaction(async (trx) => {
    const unitIds = [...new Set(cells.map((cell) => cell.unit.id))];
    const periods = [...new Set(cells.flatMap((cell) => [cell.period, previousPeriod(cell.period)]))];
    // Read and lock the stored figures of the touched units and periods, so two writers validate in turn.
    const stored = await findFigures(trx, { unitIds, periods, forUpdate: true });
    if (!input.dryRun)
      await assertFiguresUnlocked(
        trx,
        cells.map((cell) => ({
          index: cell.index,
          elementCode: cell.element.code,
          elementId: cell.element.id,
          orgUnitId: cell.unit.id,
          period: cell.period,
        })),
        issuePath,
      );
    const storedByCell = storedCellMap(stored);
    const messages = assertBatchValid(catalogue, stored, cells, storedByCell);
    const results: ValuesWriteResult['items'] = [];
    // Written in three statements whatever the batch size (a report is ~100 cells): deletions,
    // one multi-row upsert, one multi-row history insert.
    const now = new Date();
    const upserts: Insertable<DataValuesTable>[] = [];
    const history: Insertable<DataValueHistoryTable>[] = [];
    for (const cell of cells) {
      const ref = {
        dataElement: cell.element.code,
        orgUnitId: cell.unit.id,
        period: cell.period,
        disaggregation: cell.key,
      };
      const existing = storedByCell.get(`${cell.element.id}|${cell.unit.id}|${cell.period}|${cell.key}`);
      let status: ValuesWriteResult['items'][number]['status'];
      if (cell.value === null) status = existing ? 'deleted' : 'unchanged';
      else if (!existing) status = 'created';
      else
        status =
          existing.value === cell.value && (cell.comment ?? existing.comment) === existing.comment
            ? 'unchanged'
            : 'updated';
      results.push({ index: cell.index, cell: ref, status });
      if (status === 'unchanged' || input.dryRun) continue;
      const where = {
        data_element_id: cell.element.id,
        org_unit_id: cell.unit.id,
        period: cell.period,
        disaggregation: cell.key,
      };
      if (status === 'deleted') {
        await trx
          .deleteFrom('data_values')
          .where('data_element_id', '=', where.data_element_id)
          .where('org_unit_id', '=', where.org_unit_id)
          .where('period', '=', where.period)
          .where('disaggregation', '=', where.disaggregation)
          .execute();
      } else {
        upserts.push({
          ...where,
          value: cell.value!,
          comment: cell.comment ?? existing?.comment ?? null,
          updated_by: actor.userId,
          updated_at: now,
        });
      }
      history.push({
        ...where,
        action: status,
        value: cell.value,
        previous_value: existing?.value ?? null,
        comment: cell.comment,
        changed_by: actor.userId,
      });
    }
    // One array per column (unnest) rather than a VALUES row per cell: a 100-cell report is then
    // 7 parameters instead of 800, cheaper to build, send and plan on the busiest write path.
    if (upserts.length > 0)
      await sql`
        insert into data_values as v (data_element_id, org_unit_id, period, disaggregation, value, comment, updated_by, updated_at)
        select cell.*, ${actor.userId}::int, ${now}::timestamptz
        from unnest(
          ${upserts.map((row) => row.data_element_id)}::int[],
          ${upserts.map((row) => row.org_unit_id)}::int[],
          ${upserts.map((row) => row.period)}::text[],
          ${upserts.map((row) => row.disaggregation)}::text[],
          ${upserts.map((row) => row.value)}::float8[],
          ${upserts.map((row) => row.comment ?? null)}::text[]
        ) as cell
        on conflict (data_element_id, org_unit_id, period, disaggregation) do update
          set value = excluded.value, comment = excluded.comment,
            updated_by = excluded.updated_by, updated_at = excluded.updated_at`.execute(trx);
    if (history.length > 0)
      await sql`
        insert into data_value_history
          (data_element_id, org_unit_id, period, disaggregation, action, value, previous_value, comment, changed_by)
        select cell.*, ${actor.userId}::int
        from unnest(
          ${history.map((row) => row.data_element_id)}::int[],
          ${history.map((row) => row.org_unit_id)}::int[],
          ${history.map((row) => row.period)}::text[],
          ${history.map((row) => row.disaggregation)}::text[],
          ${history.map((row) => row.action)}::text[],
          ${history.map((row) => row.value ?? null)}::float8[],
          ${history.map((row) => row.previous_value ?? null)}::float8[],
          ${history.map((row) => row.comment ?? null)}::text[]
        ) as cell`.execute(trx);
    const changed = results.filter((result) => result.status !== 'unchanged');
    if (!input.dryRun && changed.length > 0) {
      await insertAuditRecord(trx, {
        actorUserId: actor.userId,
        action: 'figures.write',
        entityType: 'data_values',
        entityId: null,
        orgUnitId: unitIds.length === 1 ? unitIds[0]! : null,
        after: {
          changed: changed.length,
          units: unitIds,
          periods: [...new Set(cells.map((cell) => cell.period))],
          cells: changed.slice(0, 50).map((result) => result.cell),
        },
        ip: meta.ip,
      });
    }
    return { written: !input.dryRun, items: results, validation: messages };
  });
}

/**
 * CSV import: every row must parse and resolve, and the whole file passes validation, or
 * nothing is imported. Problems name the row (line of the file) and column.
 */
export async function importValuesCsv(
  deps: WriteDeps & { text: string; dryRun?: boolean },
): Promise<CsvImportResult> {
  const { rows, errors } = parseValuesCsv(deps.text);
  const rowsTotal = rows.length + errors.filter((error) => error.row > 1).length;
  const failed = (extra: Partial<CsvImportResult>): CsvImportResult => ({
    imported: false,
    rowsAccepted: 0,
    rowsTotal,
    errors,
    validation: [],
    result: null,
    ...extra,
  });
  if (errors.length > 0 || rows.length === 0) {
    if (rows.length === 0 && errors.length === 0)
      errors.push({ row: 2, column: null, message: 'Tệp không có dòng số liệu nào.' });
    return failed({});
  }
  const items: ValueWriteItem[] = rows.map((row) => ({
    dataElement: row.dataElement,
    orgUnit: row.orgUnit,
    period: row.period,
    disaggregation: row.disaggregation,
    value: row.value,
    comment: row.comment,
  }));
  const columnOf: Record<string, string> = {
    dataElement: 'data_element',
    orgUnit: 'org_unit',
    disaggregation: 'disaggregation',
    value: 'value',
    period: 'period',
  };
  const badPeriods = rows.filter((row) => !/^\d{4}(S[12])?$/.test(row.period));
  if (badPeriods.length > 0) {
    return failed({
      errors: badPeriods.map((row) => ({
        row: row.row,
        column: 'period',
        message: `Kỳ "${row.period}" không hợp lệ; dùng 2026 (năm) hoặc 2026S1, 2026S2.`,
      })),
    });
  }
  try {
    const result = await writeValues({
      ...deps,
      input: { items: items as WriteItem[], dryRun: deps.dryRun ?? false },
      issuePath: (index, field) => `${rows[index]!.row}:${columnOf[field] ?? field}`,
    });
    return {
      imported: result.written,
      rowsAccepted: rows.length,
      rowsTotal,
      errors: [],
      validation: result.validation,
      result,
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'figures.invalid_input') {
      return failed({
        errors: (error.details.issues ?? []).map((issue) => {
          const [row, column] = issue.path.split(':');
          return { row: Number(row), column: column ?? null, message: issue.message };
        }),
      });
    }
    if (error.code === 'figures.validation_failed') {
      const validation = (error.details.validation ?? []) as ValidationMessage[];
      const rowOf = (message: ValidationMessage) => {
        const index = rows.findIndex(
          (row) => row.dataElement === message.cell.dataElement && row.period === message.cell.period,
        );
        return index >= 0 ? rows[index]!.row : 0;
      };
      return failed({
        validation,
        errors: validation.map((message) => ({
          row: rowOf(message),
          column: 'value',
          message:
            message.importance === 'warning'
              ? `${message.message} (cần ghi chú giải trình ở cột comment)`
              : message.message,
        })),
      });
    }
    throw error;
  }
}

/* ---------------------------------------------------------------- figures out */

function toStoredValue(
  row: StoredValueRow,
  catalogue: CatalogueModel,
  unit: { id: number; code: string; name: string },
): StoredValue {
  return {
    dataElement: catalogue.elementsById.get(row.data_element_id)!.code,
    orgUnit: unit,
    period: row.period,
    disaggregation: row.disaggregation,
    value: row.value,
    comment: row.comment,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by_name,
  };
}

export async function getEntryForm({
  db,
  actor,
  query,
}: ReadDeps & { query: { form: string; orgUnitId: number; period: string } }): Promise<EntryForm> {
  const catalogue = await loadCatalogue(db);
  const form = catalogue.forms.get(query.form);
  if (!form) throw new AppError('indicators.form_not_found');
  const unit = await loadReadableUnit(db, actor, query.orgUnitId);
  const isHalf = query.period.length === 6;
  if (isHalf !== (form.periodType === 'half_year')) {
    throw new AppError('request.invalid', {
      issues: [
        {
          path: 'period',
          message:
            form.periodType === 'year'
              ? 'Biểu này nhập theo năm (2026).'
              : 'Biểu này nhập theo 6 tháng (2026S1).',
        },
      ],
    });
  }
  const elements = form.dataElements
    .map((code) => catalogue.elements.get(code))
    .filter((e) => e !== undefined);
  const stored = await findValues(db, {
    unitIds: [unit.id],
    periods: [query.period, previousPeriod(query.period)],
  });
  const current = stored.filter((row) => row.period === query.period);
  const byCell = new Map(current.map((row) => [`${row.data_element_id}|${row.disaggregation}`, row]));
  const rows: EntryRow[] = elements.map((element) => {
    const combo = catalogue.combos.find((candidate) => candidate.code === element.categoryCombo)!;
    const cells = combo.optionCombos.map((column) => {
      if (column.computed) {
        const values = combo.optionCombos
          .filter((c) => !c.computed)
          .map((c) => byCell.get(`${element.id}|${c.key}`)?.value)
          .filter((value) => value !== undefined);
        return {
          key: column.key,
          value: values.length > 0 ? values.reduce((a, b) => a + b, 0) : null,
          computed: true,
          comment: null,
          updatedAt: null,
          updatedBy: null,
        };
      }
      const row = byCell.get(`${element.id}|${column.key}`);
      return {
        key: column.key,
        value: row?.value ?? null,
        computed: false,
        comment: row?.comment ?? null,
        updatedAt: row?.updated_at.toISOString() ?? null,
        updatedBy: row?.updated_by_name ?? null,
      };
    });
    return { dataElement: toDataElement(element), columns: combo.optionCombos, cells };
  });
  const cellMap: CellMap = new Map();
  for (const row of stored) {
    const element = catalogue.elementsById.get(row.data_element_id);
    if (element) addToMap(cellMap, row.period, element.code, row.disaggregation, row.value);
  }
  const formElements = new Set(elements.map((element) => element.code));
  const validation = runValidation({
    rules: catalogue.rules,
    catalogue: catalogue.formula,
    unitPeriods: [{ orgUnitId: unit.id, period: query.period }],
    elements: formElements,
    cells: current
      .map((row) => ({
        dataElement: catalogue.elementsById.get(row.data_element_id)!.code,
        orgUnitId: unit.id,
        period: row.period,
        key: row.disaggregation,
        value: row.value,
      }))
      .filter((cell) => formElements.has(cell.dataElement)),
    lookup: (_unitId, period) => (code) => cellMap.get(period)?.get(code),
    previousValue: (cell) => cellMap.get(previousPeriod(cell.period))?.get(cell.dataElement)?.get(cell.key),
  });
  return {
    form,
    orgUnit: { id: unit.id, code: unit.code, name: unit.name },
    period: query.period,
    periodLabel: periodLabel(query.period),
    rows,
    validation,
    canWrite: canWriteFigures(actor, unit.path),
  };
}

export async function listValues({
  db,
  actor,
  query,
}: ReadDeps & { query: z.infer<typeof valueListQuery> }): Promise<{ items: StoredValue[]; total: number }> {
  const catalogue = await loadCatalogue(db);
  const unit = await loadReadableUnit(db, actor, query.orgUnitId);
  const units =
    query.subtree === 'true'
      ? await db
          .selectFrom('org_units')
          .select(['id', 'code', 'name'])
          .where('path', 'like', `${unit.path}%`)
          .execute()
      : [{ id: unit.id, code: unit.code, name: unit.name }];
  let elementIds: number[] | undefined;
  if (query.dataElement) elementIds = [catalogue.elements.get(query.dataElement)?.id ?? -1];
  if (query.form) {
    const form = catalogue.forms.get(query.form);
    if (!form) throw new AppError('indicators.form_not_found');
    elementIds = form.dataElements.map((code) => catalogue.elements.get(code)?.id ?? -1);
  }
  const rows = await findValues(db, {
    unitIds: units.map((u) => u.id),
    ...(query.period ? { periods: [query.period] } : {}),
    ...(elementIds ? { elementIds } : {}),
  });
  const unitById = new Map(units.map((u) => [u.id, u]));
  const items = rows
    .sort(
      (a, b) =>
        a.org_unit_id - b.org_unit_id ||
        a.period.localeCompare(b.period) ||
        a.data_element_id - b.data_element_id,
    )
    .slice(0, query.limit)
    .map((row) => toStoredValue(row, catalogue, unitById.get(row.org_unit_id)!));
  return { items, total: rows.length };
}

export async function getValueHistory({
  db,
  actor,
  query,
}: ReadDeps & { query: z.infer<typeof valueHistoryQuery> }) {
  const catalogue = await loadCatalogue(db);
  const unit = await loadReadableUnit(db, actor, query.orgUnitId);
  const element = catalogue.elements.get(query.dataElement);
  if (!element) {
    throw new AppError('figures.invalid_input', {
      issues: [
        { path: 'dataElement', message: `Không có chỉ tiêu số liệu ${query.dataElement} trong danh mục.` },
      ],
    });
  }
  const normalised = normaliseDisaggregation(query.disaggregation, element.categories);
  const key = 'key' in normalised ? normalised.key : query.disaggregation;
  const rows = await db
    .selectFrom('data_value_history as h')
    .innerJoin('users as u', 'u.id', 'h.changed_by')
    .select(['h.value', 'h.comment', 'h.changed_at', 'h.action', 'u.display_name'])
    .where('h.data_element_id', '=', element.id)
    .where('h.org_unit_id', '=', unit.id)
    .where('h.period', '=', query.period)
    .where('h.disaggregation', '=', key)
    .orderBy('h.id', 'desc')
    .execute();
  return {
    cell: { dataElement: element.code, orgUnitId: unit.id, period: query.period, disaggregation: key },
    entries: rows.map((row) => ({
      value: row.value,
      comment: row.comment,
      at: row.changed_at.toISOString(),
      by: row.display_name,
      action: row.action,
    })),
  };
}

/* ------------------------------------------------------------------- progress */

/** Does `value` meet the target, as the strategy words it (direction-aware for `=` and `~`)? */
export function meetsTarget(
  value: number,
  target: Pick<Target, 'operator' | 'value'>,
  direction: Indicator['direction'],
): boolean {
  const t = target.value;
  switch (target.operator) {
    case '>=':
      return value >= t - 1e-9;
    case '>':
      return value > t;
    case '<=':
      return value <= t + 1e-9;
    case '<':
      return value < t;
    case '=':
      if (direction === 'min') return value >= t - 1e-9;
      if (direction === 'max') return value <= t + 1e-9;
      return Math.abs(value - t) <= 0.005 * Math.max(1, Math.abs(t));
    default: // '~' khoảng: within 5 %, or beyond it in the good direction
      if (direction === 'min') return value >= 0.95 * t;
      if (direction === 'max') return value <= 1.05 * t;
      return Math.abs(value - t) <= 0.05 * Math.abs(t);
  }
}

/** Overall status of the latest value against the next target (see contract `indicatorProgress`). */
export function progressStatus(
  direction: Indicator['direction'],
  latest: { year: number; value: number } | null,
  previous: number | null,
  target: Pick<Target, 'operator' | 'value' | 'year'> | null,
): IndicatorProgressStatus {
  if (!latest || !target) return 'no_data';
  if (meetsTarget(latest.value, target, direction)) return 'achieved';
  if (target.year < latest.year || previous === null) return 'off_track';
  const improving =
    direction === 'min'
      ? latest.value > previous
      : direction === 'max'
        ? latest.value < previous
        : Math.abs(latest.value - target.value) < Math.abs(previous - target.value);
  return improving ? 'on_track' : 'off_track';
}

export async function getProgress({
  db,
  actor,
  query,
}: ReadDeps & { query: z.infer<typeof progressQuery> }): Promise<Progress> {
  const catalogue = await loadCatalogue(db);
  const unit = await loadReadableUnit(db, actor, query.orgUnitId);
  const from = Math.min(query.from, query.to);
  const to = Math.max(query.from, query.to);
  const years = Array.from({ length: to - from + 1 }, (_, index) => from + index);
  const periods = years.map(String);
  const wanted = query.indicators ? new Set(query.indicators.split(',').map((code) => code.trim())) : null;
  const indicators = catalogue.indicators.filter((indicator) => !wanted || wanted.has(indicator.code));
  // The unit's subtree, plus the closed units merged into it (and their subtrees): their
  // figures count for the unit that replaced them (DESIGN.md "History survives boundary changes").
  const predecessorIds = await findPredecessorIds(db, { everywhere: false, paths: [unit.path] });
  const predecessorPaths =
    predecessorIds.length > 0
      ? (await db.selectFrom('org_units').select('path').where('id', 'in', predecessorIds).execute()).map(
          (r) => r.path,
        )
      : [];
  const paths = [unit.path, ...predecessorPaths.filter((path) => !path.startsWith(unit.path))];
  const elementCodes = new Set(
    indicators.flatMap((indicator) =>
      [...indicator.numeratorTerms, ...(indicator.denominatorTerms ?? [])].flatMap((term) =>
        term.dataElement ? [term.dataElement] : [],
      ),
    ),
  );
  const elementIds = [...elementCodes].flatMap((code) => {
    const element = catalogue.elements.get(code);
    return element ? [element.id] : [];
  });
  const [sums, unitCounts, targets] = await Promise.all([
    sumUnderPaths(db, paths, periods, elementIds),
    countUnitsUnderPaths(db, paths, periods),
    effectiveTargets(db, catalogue, unit, { indicatorIds: indicators.map((indicator) => indicator.id) }),
  ]);
  const byPeriod: CellMap = new Map();
  for (const row of sums) {
    const element = catalogue.elementsById.get(row.data_element_id)!;
    addToMap(
      byPeriod,
      row.period,
      element.code,
      row.disaggregation,
      element.aggregation === 'average' ? row.avg : row.sum,
    );
  }
  const result: IndicatorProgress[] = indicators.map((indicator) =>
    indicatorProgress(indicator, catalogue, years, byPeriod, unitCounts, targets),
  );
  return { orgUnit: { id: unit.id, code: unit.code, name: unit.name }, from, to, indicators: result };
}

function indicatorProgress(
  indicator: IndicatorModel,
  catalogue: CatalogueModel,
  years: number[],
  byPeriod: Map<string, Map<string, Map<string, number>>>,
  unitCounts: { data_element_id: number; period: string; units: number }[],
  targets: Target[],
): IndicatorProgress {
  const ownTargets = targets
    .filter((target) => target.indicator === indicator.code)
    .sort((a, b) => a.year - b.year);
  const elementIds = new Set(
    [...indicator.numeratorTerms, ...(indicator.denominatorTerms ?? [])].flatMap((term) =>
      term.dataElement ? [catalogue.elements.get(term.dataElement)?.id ?? -1] : [],
    ),
  );
  const yearRows = years.map((year) => {
    const lookup: CellLookup = (code) => byPeriod.get(String(year))?.get(code);
    const evaluated = evaluateIndicator(
      {
        numerator: indicator.numeratorTerms,
        denominator: indicator.denominatorTerms,
        factor: indicator.factor,
        decimals: indicator.decimals,
      },
      catalogue.formula,
      lookup,
    );
    const target = ownTargets.find((candidate) => candidate.year === year) ?? null;
    const status: IndicatorProgressStatus | null = target
      ? evaluated.value === null
        ? 'no_data'
        : meetsTarget(evaluated.value, target, indicator.direction)
          ? 'achieved'
          : 'off_track'
      : null;
    const unitCount = Math.max(
      0,
      ...unitCounts
        .filter((row) => row.period === String(year) && elementIds.has(row.data_element_id))
        .map((row) => row.units),
    );
    return { year, ...evaluated, target, status, unitCount };
  });
  const withValues = yearRows.filter((row) => row.value !== null);
  const latest = withValues.at(-1);
  const previous = withValues.at(-2);
  const first = withValues[0];
  // The target still ahead of the latest figure, or of the last year shown when there is none.
  const referenceYear = latest?.year ?? yearRows.at(-1)?.year;
  const nextTarget =
    referenceYear === undefined
      ? (ownTargets[0] ?? null)
      : (ownTargets.find((target) => target.year >= referenceYear) ?? ownTargets.at(-1) ?? null);
  let trend: IndicatorProgress['trend'] = null;
  if (first && latest && first !== latest) {
    const change = latest.value! - first.value!;
    trend =
      Math.abs(change) <= 0.005 * Math.max(1, Math.abs(first.value!)) ? 'flat' : change > 0 ? 'up' : 'down';
  }
  return {
    indicator: toIndicator(indicator),
    years: yearRows,
    latestYear: latest?.year ?? null,
    latestValue: latest?.value ?? null,
    status: progressStatus(
      indicator.direction,
      latest ? { year: latest.year, value: latest.value! } : null,
      previous?.value ?? null,
      nextTarget,
    ),
    trend,
    nextTarget,
  };
}
