import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  type acceptImportInput,
  type EventRow,
  type eventListQuery,
  foldForSearch,
  formatDocumentNumber,
  formatUnitGroupLabel,
  type ImportDetail,
  type ImportSummary,
  type importListQuery,
  legalDocumentNumberKey,
  normalizeText,
  type PlanDetail,
  type PlanImport,
  type ReportingDutyRow,
  type reportingDutyListQuery,
  type TaskTime,
  type UnitMatch,
} from '@binhdang/contracts';
import type { Insertable, Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { Database, OrgUnitRow, TaskAssignmentsTable } from '../app/database.types.ts';
import { todayInVietnam } from '../app/dates.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { findOrRegisterLegalDocument } from '../legal-documents/legal-documents.service.ts';
import { loadUnitInScope } from '../org-units/org-units.policy.ts';
import { isUnitOpen } from '../org-units/org-units.queries.ts';
import { getPlanDetail } from '../plans/plans.service.ts';
import { taskTimeBounds } from '../plans/plans.time.ts';
import { extractDocumentText } from './document-text.ts';
import { loadImportInScope, loadReceivingUnit, unitAsReader } from './imports.policy.ts';
import {
  findAcceptedImport,
  findEvents,
  findImportWithUnit,
  findOpenUnitsUnder,
  findReportingDuties,
  type ImportWithUnit,
  type RegistryUnit,
  searchImports,
  toImportSummary,
} from './imports.queries.ts';
import { readPlanText } from './plan-reader.ts';
import { resolveUnitName } from './unit-names.ts';

/*
 * Plan import: upload → review → accept. The upload is read at once and kept as a pending
 * import of its receiving unit; accepting writes, in one transaction, the issued plan owned by
 * that unit with its bases (in the document registry), outline, tasks and assignments, events
 * and reporting duties. A unit accepts a given document once, recognised by its text.
 */

interface ServiceDeps {
  db: Db;
  clock: () => Date;
  actor: Actor;
}

interface WriteDeps extends ServiceDeps {
  meta: RequestMeta;
}

type Trx = Kysely<Database>;
type AcceptInput = z.output<typeof acceptImportInput>;
type TaskInput = AcceptInput['tasks'][number];
type AssigneeInput = TaskInput['lead'][number];
type SectionInput = AcceptInput['sections'][number];

/**
 * SHA-256 of the text with all white space removed: the same document extracted from DOCX and
 * from PDF differs in line breaks and spacing, not in its words.
 */
export function hashDocumentText(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ''), 'utf8').digest('hex');
}

/** `/1/12/345/` → `/1/`: the province (or organisation tree) a unit belongs to. */
function rootPathOf(unitPath: string): string {
  return `/${unitPath.split('/').filter(Boolean)[0]}/`;
}

const nationalMotto =
  /^(cong hoa xa hoi chu nghia viet nam|doc lap\W+tu do\W+hanh phuc|dang cong san viet nam)/;

/**
 * The issuing body printed in the heading block, left of the national motto: the last
 * upper-case line before `Số:` or the document kind (`SỞ NỘI VỤ` under `UBND TỈNH LAI CHÂU`;
 * `ỦY BAN NHÂN DÂN` over `TỈNH LAI CHÂU` joined). Null when the text has none: never a guess.
 */
export function findIssuerHeading(text: string): string | null {
  // The heading block is two columns; a wide gap (or a tab) separates them on one line.
  const cells = text
    .normalize('NFC')
    .split(/\r?\n/)
    .flatMap((line) => line.split(/\t|\s{3,}/))
    .map((cell) => normalizeText(cell))
    .filter((cell) => cell !== '');
  const heading: string[] = [];
  for (const cell of cells.slice(0, 30)) {
    const folded = foldForSearch(cell);
    if (
      /^so\s*[:.]/.test(folded) ||
      /^(ke hoach|bao cao|cong van|quyet dinh|chuong trinh|huong dan)\b/.test(folded)
    )
      break;
    if (nationalMotto.test(folded) || /^[-–—_=.\s]+$/.test(cell) || /, ngay\b/.test(folded)) continue;
    // A heading line is upper case: letters without a lower-case one.
    if (/\p{Ll}/u.test(cell) || !/\p{Lu}/u.test(cell)) continue;
    heading.push(cell.replace(/[-–—_*]+$/, '').trim());
  }
  const last = heading.at(-1);
  if (!last) return null;
  // `ỦY BAN NHÂN DÂN` above `TỈNH LAI CHÂU` is one body on two lines.
  const previous = heading.at(-2);
  if (previous && /^(uy ban nhan dan|ubnd|hoi dong nhan dan)$/.test(foldForSearch(previous)))
    return `${previous} ${last}`;
  return last;
}

/* Unit names → registry. */

function toUnitMatch(text: string, units: RegistryUnit[]): UnitMatch {
  const resolution = resolveUnitName(text, units);
  if (resolution.kind === 'unit')
    return { text, orgUnitId: resolution.id, unitName: resolution.name, group: null };
  if (resolution.kind === 'group') {
    const parent =
      resolution.parentId === null ? null : units.find((unit) => unit.id === resolution.parentId);
    const kinds = formatUnitGroupLabel(resolution.unitKinds);
    return {
      text,
      orgUnitId: null,
      unitName: null,
      group: {
        unitKinds: resolution.unitKinds,
        parentId: resolution.parentId,
        label: parent ? `${kinds} thuộc ${parent.name}` : kinds,
      },
    };
  }
  return { text, orgUnitId: null, unitName: null, group: null };
}

/** Every distinct lead and supporting unit name, in order of first mention. */
function collectUnitNames(result: PlanImport): string[] {
  const names = new Set<string>();
  for (const task of result.tasks) for (const name of [...task.lead, ...task.support]) names.add(name);
  return [...names];
}

async function buildImportDetail(db: Db, clock: () => Date, record: ImportWithUnit): Promise<ImportDetail> {
  const result = record.result as PlanImport;
  const units = await findOpenUnitsUnder(db, rootPathOf(record.unit_path), todayInVietnam(clock()));
  const issuerName = findIssuerHeading(record.source_text);
  const accepted = await findAcceptedImport(db, record.org_unit_id, record.content_sha256);
  return {
    ...toImportSummary(record),
    sourceText: record.source_text,
    result,
    unitMatches: collectUnitNames(result).map((name) => toUnitMatch(name, units)),
    issuerName,
    issuerMatch: issuerName ? toUnitMatch(issuerName, units) : null,
    duplicate: accepted?.plan_id ? { planId: accepted.plan_id } : null,
  };
}

/* Upload. */

function cleanFileName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, '/'))
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '');
  return base.slice(0, 255) || 'van-ban';
}

/**
 * Reads an uploaded document for its receiving unit and keeps it as a pending import. When the
 * unit already accepted the same document, nothing is stored: the accepted import comes back,
 * its `duplicate` pointing at the plan.
 */
export async function uploadPlanImport({
  db,
  clock,
  actor,
  meta,
  orgUnitId,
  fileName,
  bytes,
}: WriteDeps & { orgUnitId: number; fileName: string; bytes: Uint8Array }): Promise<{
  detail: ImportDetail;
  isNew: boolean;
}> {
  const unit = await loadReceivingUnit(db, actor, orgUnitId);
  if (!isUnitOpen(unit, todayInVietnam(clock()))) throw new AppError('orgUnits.closed');

  const name = cleanFileName(fileName);
  // Text columns cannot hold NUL; a document never needs one.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is removed
  const text = (await extractDocumentText(bytes, name)).replace(/\u0000/g, '');
  const contentSha256 = hashDocumentText(text);
  const accepted = await findAcceptedImport(db, unit.id, contentSha256);
  if (accepted) {
    const record = await findImportWithUnit(db, accepted.id);
    return { detail: await buildImportDetail(db, clock, record!), isNew: false };
  }

  const result = readPlanText(text);
  const importId = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('plan_imports')
      .values({
        org_unit_id: unit.id,
        file_name: name,
        content_sha256: contentSha256,
        source_text: text,
        result: JSON.stringify(result),
        plan_id: null,
        created_by: actor.userId,
        accepted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'plan_import.upload',
      entityType: 'plan_import',
      entityId: row.id,
      orgUnitId: unit.id,
      after: { fileName: name, title: result.title, number: result.number, tasks: result.tasks.length },
      ip: meta.ip,
    });
    return row.id;
  });
  const record = await findImportWithUnit(db, importId);
  return { detail: await buildImportDetail(db, clock, record!), isNew: true };
}

export async function getImportDetail({
  db,
  clock,
  actor,
  importId,
}: ServiceDeps & { importId: number }): Promise<ImportDetail> {
  const record = await loadImportInScope(db, actor, 'plans.read', importId);
  return buildImportDetail(db, clock, record);
}

export async function listImports({
  db,
  actor,
  query,
}: ServiceDeps & { query: z.output<typeof importListQuery> }): Promise<{ items: ImportSummary[] }> {
  const unitPath = query.orgUnitId
    ? (await loadUnitInScope(db, actor, 'plans.read', query.orgUnitId)).path
    : undefined;
  const items = await searchImports(db, {
    scope: scopeOf(actor, 'plans.read'),
    unitPath,
    status: query.status,
    limit: query.limit,
  });
  return { items };
}

export async function discardPlanImport({
  db,
  clock,
  actor,
  meta,
  importId,
}: WriteDeps & { importId: number }): Promise<ImportDetail> {
  const record = await loadImportInScope(db, actor, 'plans.write', importId);
  if (record.status === 'accepted') throw new AppError('imports.already_accepted');
  if (record.status === 'pending') {
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('plan_imports')
        .set({ status: 'discarded' })
        .where('id', '=', record.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('imports.already_accepted');
      await insertAuditRecord(trx, {
        actorUserId: actor.userId,
        action: 'plan_import.discard',
        entityType: 'plan_import',
        entityId: record.id,
        orgUnitId: record.org_unit_id,
        before: { status: 'pending' },
        after: { status: 'discarded' },
        ip: meta.ip,
      });
    });
  }
  return buildImportDetail(db, clock, (await findImportWithUnit(db, record.id))!);
}

/* Accept: the reviewed document becomes an issued plan of the receiving unit. */

const monthPattern = /^(\d{4})-(\d{2})$/;

/** `2026-04` → its first (or last) day; a full date stays as it is. */
function expandDay(day: string, end: boolean): string {
  const month = day.match(monthPattern);
  if (!month) return day;
  const [year, monthNumber] = [Number(month[1]), Number(month[2])];
  return new Date(Date.UTC(year, end ? monthNumber : monthNumber - 1, end ? 0 : 1))
    .toISOString()
    .slice(0, 10);
}

/** A full date, or null for a month alone (the day left blank is not guessed). */
function fullDateOrNull(day: string | null): string | null {
  return day && !monthPattern.test(day) ? day : null;
}

/** due → a date (a month when only the month is printed), from/to → a range, ongoing → ongoing. */
export function toTaskTime(task: Pick<TaskInput, 'due' | 'from' | 'to' | 'ongoing'>): TaskTime {
  if (task.ongoing) return { kind: 'ongoing' };
  const asDayOrMonth = (day: string): TaskTime => {
    const month = day.match(monthPattern);
    return month
      ? { kind: 'month', year: Number(month[1]), month: Number(month[2]) }
      : { kind: 'date', due: day };
  };
  if (task.from && task.to) {
    if (task.from === task.to) return asDayOrMonth(task.to);
    return { kind: 'range', from: expandDay(task.from, false), to: expandDay(task.to, true) };
  }
  const due = task.due ?? task.to;
  return due ? asDayOrMonth(due) : { kind: 'none' };
}

/** `334/KH-LĐLĐ` → number `334`, symbol `KH-LĐLĐ`, as plans keep them; a number without a slash keeps the symbol given. */
export function splitDocumentNumber(
  number: string | null,
  symbol: string | null,
): { number: string | null; symbol: string | null } {
  const compact = number?.replace(/\s+/g, '') || null;
  if (compact === null) return { number: null, symbol: symbol || null };
  const slash = compact.indexOf('/');
  if (slash < 0) return { number: compact, symbol: symbol || null };
  return { number: compact.slice(0, slash) || null, symbol: compact.slice(slash + 1) || symbol || null };
}

/** The printed ref of an outline item: `I.`, `1.`, `4.1.`, `a)`. */
function printedRef(ref: string): string {
  const trimmed = ref.trim();
  if (/^[IVXLC]+$/.test(trimmed) || /^\d+(\.\d+)*$/.test(trimmed)) return `${trimmed}.`;
  if (/^[a-zđ]$/i.test(trimmed)) return `${trimmed})`;
  return trimmed;
}

/** A heading of up to 1000 characters is the item's title; a longer text is its body. */
function splitHeading(text: string): { title: string; body: string } {
  return text.length <= 1000 ? { title: text, body: '' } : { title: '', body: text };
}

export interface OutlineRow {
  key: string;
  parentKey: string | null;
  ref: string;
  title: string;
  body: string;
  task: TaskInput | null;
}

interface OutlineNode extends OutlineRow {
  children: OutlineNode[];
  tasks: OutlineNode[];
}

/**
 * The sections as the plan's outline, each task placed where its ref points: a task whose ref
 * is a section's (`IV.2`) makes that section the task; a dash item (`II.1-3`) goes under its
 * section; any other ref goes under the nearest section it lies in (`II.6.5` under `II.6`), else
 * at the end. Rows come in reading order: a section, its dash items, its subsections, then its
 * other tasks.
 */
export function buildOutlineRows(sections: SectionInput[], tasks: TaskInput[]): OutlineRow[] {
  const byKey = new Map<string, OutlineNode>();
  const addSections = (list: SectionInput[], parent: OutlineNode | null, parentRef: string | null) =>
    list.map((section): OutlineNode => {
      const ref = section.ref.trim();
      // `4.1` under `4` is the path II.4.1, not II.4.4.1.
      const part = parentRef && ref.startsWith(`${parentRef}.`) ? ref.slice(parentRef.length + 1) : ref;
      const key = parent ? `${parent.key}.${part}` : part;
      const node: OutlineNode = {
        key: byKey.has(key) ? `${key}#${byKey.size}` : key,
        parentKey: parent?.key ?? null,
        ref: printedRef(ref),
        ...splitHeading(section.title),
        task: null,
        children: [],
        tasks: [],
      };
      byKey.set(node.key, node);
      node.children = addSections(section.children, node, ref);
      return node;
    });
  const roots = addSections(sections, null, null);
  const loose: OutlineNode[] = [];

  for (const [index, task] of tasks.entries()) {
    const own = byKey.get(task.ref);
    if (own && own.task === null) {
      own.task = task;
      if (task.text !== own.title) own.body = task.text;
      continue;
    }
    const isDash = /-\d+$/.test(task.ref);
    let parentKey = task.ref.replace(/-\d+$/, '');
    if (!isDash) parentKey = parentKey.includes('.') ? parentKey.slice(0, parentKey.lastIndexOf('.')) : '';
    while (parentKey !== '' && !byKey.has(parentKey)) {
      parentKey = parentKey.includes('.') ? parentKey.slice(0, parentKey.lastIndexOf('.')) : '';
    }
    const parent = parentKey === '' ? null : byKey.get(parentKey)!;
    const lastPart = task.ref.split('.').at(-1) ?? '';
    const node: OutlineNode = {
      key: `task-${index}`,
      parentKey: parent?.key ?? null,
      ref: isDash ? '-' : printedRef(lastPart),
      ...splitHeading(task.text),
      task,
      children: [],
      tasks: [],
    };
    if (parent) parent.tasks.push(node);
    else loose.push(node);
  }

  const rows: OutlineRow[] = [];
  const emit = (node: OutlineNode) => {
    const { children, tasks: ownTasks, ...row } = node;
    rows.push(row);
    // Dash items follow their heading's text; numbered tasks without a section of their own
    // (`II.6.9`) come after the numbered subsections.
    for (const task of ownTasks) if (task.ref === '-') emit(task);
    for (const child of children) emit(child);
    for (const task of ownTasks) if (task.ref !== '-') emit(task);
  };
  for (const root of roots) emit(root);
  for (const task of loose) emit(task);
  return rows;
}

interface AssigneeContext {
  provinceRoot: string;
  /**
   * The receiving unit's subtree. A received plan is that unit's copy: it assigns real tasks
   * only to units there (a commune's copy of the province plan gives "UBND các xã, phường" to
   * the commune itself); units outside keep their printed names, for reference.
   */
  receivingPath: string;
  /** Open units of the receiving unit's province. */
  openUnits: RegistryUnit[];
  /** Every unit named by id in the input, open or not. */
  unitsById: Map<number, Pick<OrgUnitRow, 'id' | 'name' | 'path'>>;
}

/** Registry units the input names by id; each must exist in the receiving unit's province. */
async function loadNamedUnits(trx: Trx, input: AcceptInput, provinceRoot: string) {
  const ids = new Set<number>();
  for (const task of input.tasks) {
    for (const assignee of [...task.lead, ...task.support]) {
      if ('orgUnitId' in assignee) ids.add(assignee.orgUnitId);
      if ('unitKinds' in assignee && assignee.parentId !== null) ids.add(assignee.parentId);
    }
  }
  const unitsById = new Map<number, Pick<OrgUnitRow, 'id' | 'name' | 'path'>>();
  if (ids.size === 0) return unitsById;
  const units = await trx
    .selectFrom('org_units')
    .select(['id', 'name', 'path'])
    .where('id', 'in', [...ids])
    .execute();
  for (const unit of units) if (unit.path.startsWith(provinceRoot)) unitsById.set(unit.id, unit);
  if (unitsById.size !== ids.size) throw new AppError('plans.unit_not_found');
  return unitsById;
}

/** One assignee as rows: a unit, a name kept as printed, or the open units of a group. */
function expandAssignee(
  assignee: AssigneeInput,
  context: AssigneeContext,
): { orgUnitId: number | null; unitName: string }[] {
  if ('orgUnitId' in assignee) {
    const unit = context.unitsById.get(assignee.orgUnitId)!;
    const isOwn = unit.path.startsWith(context.receivingPath);
    return [{ orgUnitId: isOwn ? unit.id : null, unitName: unit.name }];
  }
  if ('unitName' in assignee) return [{ orgUnitId: null, unitName: assignee.unitName }];
  const under =
    assignee.parentId === null ? context.provinceRoot : context.unitsById.get(assignee.parentId)!.path;
  const kinds = new Set<string>(assignee.unitKinds);
  const members = context.openUnits.filter(
    (unit) =>
      kinds.has(unit.kind) &&
      unit.path.startsWith(under) &&
      unit.path.startsWith(context.receivingPath) &&
      unit.id !== assignee.parentId,
  );
  if (members.length > 0) return members.map((unit) => ({ orgUnitId: unit.id, unitName: unit.name }));
  return [{ orgUnitId: null, unitName: assignee.label || formatUnitGroupLabel(assignee.unitKinds) }];
}

function assignmentRows(
  itemId: number,
  task: TaskInput,
  context: AssigneeContext,
): Insertable<TaskAssignmentsTable>[] {
  const rows: Insertable<TaskAssignmentsTable>[] = [];
  // A unit named both lead and support leads; a name kept as text appears once per role.
  const seenUnits = new Set<number>();
  const seenNames = new Set<string>();
  for (const role of ['lead', 'support'] as const) {
    for (const assignee of task[role]) {
      for (const { orgUnitId, unitName } of expandAssignee(assignee, context)) {
        if (orgUnitId !== null) {
          if (seenUnits.has(orgUnitId)) continue;
          seenUnits.add(orgUnitId);
        } else {
          const key = `${role}:${foldForSearch(unitName)}`;
          if (seenNames.has(key)) continue;
          seenNames.add(key);
        }
        rows.push({
          item_id: itemId,
          role,
          org_unit_id: orgUnitId,
          unit_name: unitName,
          position: rows.length,
        });
      }
    }
  }
  return rows;
}

/** Registers the bases (linked to the plan) and every other cited document; returns the bases' ids. */
async function registerCitedDocuments(
  trx: Trx,
  { input, result, actor, meta }: { input: AcceptInput; result: PlanImport; actor: Actor; meta: RequestMeta },
): Promise<number[]> {
  const basisIds: number[] = [];
  const registered = new Set<string>();
  const cited = [
    ...input.bases.map((basis) => ({ ...basis, isBasis: true })),
    ...result.citations.map((citation) => ({ ...citation, isBasis: false })),
  ];
  for (const citation of cited) {
    const issuedOn = fullDateOrNull(citation.issuedOn);
    const key = `${legalDocumentNumberKey(citation.number)}|${issuedOn ?? ''}`;
    if (!citation.isBasis && registered.has(key)) continue;
    registered.add(key);
    const { document } = await findOrRegisterLegalDocument(
      trx,
      {
        kind: citation.kind || 'Văn bản khác',
        number: citation.number,
        issuedOn,
        issuer: citation.issuer ?? null,
        title: null,
      },
      actor.userId,
      meta,
    );
    if (citation.isBasis && !basisIds.includes(document.id)) basisIds.push(document.id);
  }
  return basisIds;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

export async function acceptPlanImport({
  db,
  clock,
  actor,
  meta,
  importId,
  input,
}: WriteDeps & { importId: number; input: AcceptInput }): Promise<PlanDetail> {
  const record = await loadImportInScope(db, actor, 'plans.write', importId);
  if (record.status === 'accepted') throw new AppError('imports.already_accepted');
  if (record.status === 'discarded') throw new AppError('imports.discarded');
  const today = todayInVietnam(clock());
  const unit = await loadReceivingUnit(db, actor, record.org_unit_id);
  if (!isUnitOpen(unit, today)) throw new AppError('orgUnits.closed');
  const result = record.result as PlanImport;
  const provinceRoot = rootPathOf(unit.path);
  const outline = buildOutlineRows(input.sections, input.tasks);

  let planId: number;
  try {
    planId = await db.transaction().execute(async (trx) => {
      const earlier = await findAcceptedImport(trx, unit.id, record.content_sha256);
      if (earlier?.plan_id) throw new AppError('imports.duplicate', { planId: earlier.plan_id });

      const context: AssigneeContext = {
        provinceRoot,
        receivingPath: unit.path,
        openUnits: await findOpenUnitsUnder(trx, provinceRoot, today),
        unitsById: await loadNamedUnits(trx, input, provinceRoot),
      };
      const basisIds = await registerCitedDocuments(trx, { input, result, actor, meta });

      const { number, symbol } = splitDocumentNumber(input.number, input.symbol);
      const plan = await trx
        .insertInto('plans')
        .values({
          org_unit_id: unit.id,
          kind: input.kind,
          number,
          symbol,
          title: input.title,
          year: input.year,
          place: input.place || null,
          issued_on: fullDateOrNull(input.issuedOn),
          status: 'issued',
          origin: 'imported',
          parent_plan_id: null,
          supersedes_plan_id: null,
          recipients: JSON.stringify(input.recipients),
          signer: JSON.stringify(input.signer),
          cascade_due_on: null,
          search_text: foldForSearch(
            [formatDocumentNumber(number, symbol), input.title, unit.name, input.issuerName ?? ''].join(' '),
          ),
          created_by: actor.userId,
          issued_by: null,
          issued_at: clock(),
          issuer_name: input.issuerName || null,
          import_id: record.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      if (basisIds.length > 0) {
        await trx
          .insertInto('plan_bases')
          .values(basisIds.map((id, position) => ({ plan_id: plan.id, legal_document_id: id, position })))
          .execute();
      }

      const idByKey = new Map<string, number>();
      let assignmentCount = 0;
      for (const [position, row] of outline.entries()) {
        const time = row.task ? toTaskTime(row.task) : ({ kind: 'none' } as const);
        const bounds = taskTimeBounds(time);
        const item = await trx
          .insertInto('plan_items')
          .values({
            plan_id: plan.id,
            parent_id: row.parentKey === null ? null : idByKey.get(row.parentKey)!,
            position,
            ref: row.ref,
            title: row.title,
            body: row.body,
            is_task: row.task !== null,
            time_kind: time.kind,
            starts_on: bounds.startsOn,
            due_on: bounds.dueOn,
            time_text: row.task?.timeText || null,
            expected_output: null,
            programme: null,
            indicator_codes: '[]',
            source_item_id: null,
            previous_version_item_id: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        idByKey.set(row.key, item.id);
        if (!row.task) continue;
        const assignments = assignmentRows(item.id, row.task, context);
        if (assignments.length > 0) await trx.insertInto('task_assignments').values(assignments).execute();
        assignmentCount += assignments.length;
      }

      if (input.events.length > 0) {
        await trx
          .insertInto('plan_events')
          .values(
            input.events.map((event) => ({
              plan_id: plan.id,
              name: event.name,
              starts_on: expandDay(event.from, false),
              ends_on: expandDay(event.to, true),
            })),
          )
          .execute();
      }
      if (input.reporting.length > 0) {
        await trx
          .insertInto('reporting_duties')
          .values(
            input.reporting.map((duty) => ({
              plan_id: plan.id,
              org_unit_id: unit.id,
              kind: duty.what,
              due_on: duty.due ? expandDay(duty.due, true) : null,
              recipient: duty.to || null,
            })),
          )
          .execute();
      }

      const accepted = await trx
        .updateTable('plan_imports')
        .set({ status: 'accepted', plan_id: plan.id, accepted_at: clock() })
        .where('id', '=', record.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(accepted.numUpdatedRows) !== 1) throw new AppError('imports.already_accepted');

      await insertAuditRecord(trx, {
        actorUserId: actor.userId,
        action: 'plan.import',
        entityType: 'plan',
        entityId: plan.id,
        orgUnitId: unit.id,
        after: {
          importId: record.id,
          title: input.title,
          documentNumber: formatDocumentNumber(number, symbol),
          issuerName: input.issuerName,
          bases: basisIds.length,
          tasks: outline.filter((row) => row.task !== null).length,
          assignments: assignmentCount,
          events: input.events.length,
          reportingDuties: input.reporting.length,
        },
        ip: meta.ip,
      });
      return plan.id;
    });
  } catch (error) {
    // Two uploads of one document accepted at the same moment: the unique index keeps one.
    if (!isUniqueViolation(error)) throw error;
    const earlier = await findAcceptedImport(db, unit.id, record.content_sha256);
    throw new AppError('imports.duplicate', earlier?.plan_id ? { planId: earlier.plan_id } : {});
  }
  return getPlanDetail({ db, clock, actor, planId });
}

/* The calendar and reporting deadlines. */

export async function listEvents({
  db,
  actor,
  query,
}: ServiceDeps & { query: z.output<typeof eventListQuery> }): Promise<{ items: EventRow[] }> {
  const readers = [actor];
  if (query.orgUnitId)
    readers.push(unitAsReader(await loadUnitInScope(db, actor, 'plans.read', query.orgUnitId)));
  return { items: await findEvents(db, { readers, year: query.year, limit: query.limit }) };
}

export async function listReportingDuties({
  db,
  clock,
  actor,
  query,
}: ServiceDeps & { query: z.output<typeof reportingDutyListQuery> }): Promise<{
  items: ReportingDutyRow[];
  today: string;
}> {
  const today = todayInVietnam(clock());
  const unitPath = query.orgUnitId
    ? (await loadUnitInScope(db, actor, 'plans.read', query.orgUnitId)).path
    : undefined;
  const items = await findReportingDuties(db, {
    scope: scopeOf(actor, 'plans.read'),
    unitPath,
    filter: query.filter,
    today,
    limit: query.limit,
  });
  return { items, today };
}
