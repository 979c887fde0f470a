import {
  type createPlanInput,
  foldForSearch,
  formatDocumentNumber,
  type issuePlanInput,
  type PlanDetail,
  type PlanTrace,
  type savePlanInput,
  type TaskStatus,
} from '@binhdang/contracts';
import type { Insertable, Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, isPathInScope, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { Database, TaskAssignmentsTable } from '../app/database.types.ts';
import { todayInVietnam } from '../app/dates.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { findOrRegisterLegalDocument } from '../legal-documents/legal-documents.service.ts';
import { loadUnitInScope } from '../org-units/org-units.policy.ts';
import { isUnitOpen } from '../org-units/org-units.queries.ts';
import { issuingBodyName } from './plans.export.ts';
import {
  canOnUnit,
  loadPlanForChange,
  loadPlanForRead,
  type PlanAccess,
  type PlanWithUnit,
  pathInScope,
} from './plans.policy.ts';
import {
  findAssignedUnits,
  findChildPlanIds,
  findPlanBases,
  findPlanItems,
  findPlanSummaries,
  findPlanSummary,
  findVersionIds,
  searchPlans,
  toSigner,
} from './plans.queries.ts';
import { computeTaskStatus, taskTimeBounds } from './plans.time.ts';

interface ServiceDeps {
  db: Db;
  clock: () => Date;
  actor: Actor;
}

interface WriteDeps extends ServiceDeps {
  meta: RequestMeta;
}

type Trx = Kysely<Database>;

function planSearchText(plan: {
  title: string;
  number: string | null;
  symbol: string | null;
  unitName: string;
}) {
  return foldForSearch(`${formatDocumentNumber(plan.number, plan.symbol)} ${plan.title} ${plan.unitName}`);
}

export async function listPlans({
  db,
  actor,
  filter,
}: ServiceDeps & {
  filter: {
    q?: string | undefined;
    orgUnitId?: number | undefined;
    year?: number | undefined;
    status?: 'draft' | 'issued' | 'superseded' | undefined;
    relation: 'all' | 'own' | 'received';
    limit: number;
  };
}) {
  let unitPath: string | undefined;
  if (filter.orgUnitId) unitPath = (await loadUnitInScope(db, actor, 'orgUnits.read', filter.orgUnitId)).path;
  const scope = scopeOf(actor, 'plans.read');
  return searchPlans(db, actor, {
    ...filter,
    q: filter.q ? foldForSearch(filter.q) : undefined,
    unitPath,
    ownScopePaths: scope.everywhere ? null : scope.paths,
  });
}

/** Units this plan assigns tasks to that the actor may plan for and that have no plan from it yet. */
async function findCascadeUnits(db: Db, actor: Actor, plan: PlanWithUnit) {
  if (plan.status !== 'issued') return [];
  const [assigned, childIds] = await Promise.all([
    findAssignedUnits(db, plan.id),
    findChildPlanIds(db, plan.id),
  ]);
  const children = await findPlanSummaries(db, childIds);
  const planned = new Set(children.map((child) => child.orgUnit.id));
  const scope = scopeOf(actor, 'plans.write');
  return assigned
    .filter((unit) => !planned.has(unit.id) && isPathInScope(scope, unit.path))
    .map(({ id, code, name }) => ({ id, code, name }));
}

export async function getPlanDetail({
  db,
  actor,
  planId,
}: ServiceDeps & { planId: number }): Promise<PlanDetail> {
  const { plan, access } = await loadPlanForRead(db, actor, planId);
  const [summary, items, bases, childIds, versionIds, cascadeUnits] = await Promise.all([
    findPlanSummary(db, plan.id),
    findPlanItems(db, plan.id),
    findPlanBases(db, plan.id),
    findChildPlanIds(db, plan.id),
    findVersionIds(db, plan.id),
    findCascadeUnits(db, actor, plan),
  ]);
  const [parents, children, versions] = await Promise.all([
    findPlanSummaries(db, plan.parent_plan_id ? [plan.parent_plan_id] : []),
    findPlanSummaries(db, childIds),
    findPlanSummaries(db, versionIds),
  ]);
  const readScope = scopeOf(actor, 'plans.read');
  const visibleChildren =
    access === 'issuer'
      ? children
      : await filterPlansInScope(db, children, (path) => isPathInScope(readScope, path));
  const isDraft = plan.status === 'draft';
  return {
    ...summary,
    revision: plan.revision,
    bases,
    purpose: plan.purpose,
    budget: plan.budget,
    implementation: plan.implementation,
    reportingRegime: plan.reporting_regime,
    recipients: (plan.recipients as string[] | null) ?? [],
    signer: toSigner(plan.signer),
    items,
    parentPlan: parents[0] ?? null,
    childPlans: visibleChildren,
    versions,
    can: {
      edit: isDraft && canOnUnit(actor, 'plans.write', plan.unit_path),
      issue: isDraft && canOnUnit(actor, 'plans.issue', plan.unit_path),
      newVersion:
        plan.status === 'issued' &&
        !versions.some((version) => version.version > plan.version) &&
        canOnUnit(actor, 'plans.write', plan.unit_path),
      cascade: cascadeUnits.length > 0,
      trace: plan.status !== 'draft',
    },
    cascadeUnits,
  };
}

async function filterPlansInScope<T extends { orgUnit: { id: number } }>(
  db: Db,
  plans: T[],
  isVisible: (path: string) => boolean,
): Promise<T[]> {
  if (plans.length === 0) return [];
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where(
      'id',
      'in',
      plans.map((plan) => plan.orgUnit.id),
    )
    .execute();
  const visible = new Set(units.filter((unit) => isVisible(unit.path)).map((unit) => unit.id));
  return plans.filter((plan) => visible.has(plan.orgUnit.id));
}

/* Creating a plan, from scratch or from a parent plan (cascade). */

/**
 * A People's Committee numbers its plans `…/KH-UBND`; other bodies use their own abbreviation,
 * which the planner types, and start from the bare kind `KH`.
 */
function defaultPlanSymbol(unitKind: string): string {
  return ['province', 'commune', 'ward', 'special_zone'].includes(unitKind) ? 'KH-UBND' : 'KH';
}

export async function createPlan({
  db,
  clock,
  actor,
  meta,
  input,
}: WriteDeps & { input: z.output<typeof createPlanInput> }): Promise<PlanDetail> {
  const unit = await loadUnitInScope(db, actor, 'plans.write', input.orgUnitId);
  if (!isUnitOpen(unit, todayInVietnam(clock()))) throw new AppError('orgUnits.closed');
  const parent = input.parentPlanId ? (await loadPlanForRead(db, actor, input.parentPlanId)).plan : null;
  if (parent && parent.status !== 'issued') throw new AppError('plans.not_issued');

  const planId = await db.transaction().execute(async (trx) => {
    if (parent) {
      const existing = await trx
        .selectFrom('plans')
        .select('id')
        .where('parent_plan_id', '=', parent.id)
        .where('org_unit_id', '=', unit.id)
        .where('status', '<>', 'superseded')
        .executeTakeFirst();
      if (existing) throw new AppError('plans.already_cascaded');
    }
    const plan = await trx
      .insertInto('plans')
      .values({
        org_unit_id: unit.id,
        title: input.title,
        year: input.year,
        symbol: input.symbol || defaultPlanSymbol(unit.kind),
        place: input.place || null,
        parent_plan_id: parent?.id ?? null,
        search_text: planSearchText({ ...input, number: null, unitName: unit.name }),
        created_by: actor.userId,
        created_at: clock(),
        updated_at: clock(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (parent) await prefillFromParent(trx, { planId: plan.id, unit, parent, actorUserId: actor.userId });
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: parent ? 'plan.cascade' : 'plan.create',
      entityType: 'plan',
      entityId: plan.id,
      orgUnitId: unit.id,
      after: { title: input.title, year: input.year, parentPlanId: parent?.id ?? null },
      ip: meta.ip,
    });
    return plan.id;
  });
  return getPlanDetail({ db, clock, actor, planId });
}

/**
 * A receiving unit's plan starts with the tasks its parent assigned to it: the parent plan
 * as its basis, one content section holding those tasks (the unit leading them), and the
 * parent's times.
 */
async function prefillFromParent(
  trx: Trx,
  {
    planId,
    unit,
    parent,
    actorUserId,
  }: { planId: number; unit: { id: number; name: string }; parent: PlanWithUnit; actorUserId: number },
) {
  const assigned = await trx
    .selectFrom('plan_items as i')
    .innerJoin('task_assignments as a', 'a.item_id', 'i.id')
    .selectAll('i')
    .select('a.role')
    .where('i.plan_id', '=', parent.id)
    .where('a.org_unit_id', '=', unit.id)
    .orderBy('i.position')
    .execute();
  if (assigned.length === 0) throw new AppError('plans.not_assigned');

  const parentNumber = formatDocumentNumber(parent.number, parent.symbol);
  const { document } = await findOrRegisterLegalDocument(
    trx,
    {
      kind: 'Kế hoạch',
      number: parent.number ? parentNumber : null,
      issuedOn: parent.issued_on,
      issuer: parent.issuer_name ?? issuingBodyName({ name: parent.unit_name, kind: parent.unit_kind }),
      title: parent.title,
    },
    actorUserId,
  );
  await trx
    .insertInto('plan_bases')
    .values({ plan_id: planId, legal_document_id: document.id, position: 0 })
    .execute();

  const headings = [
    { ref: 'I.', title: 'MỤC ĐÍCH, YÊU CẦU' },
    { ref: 'II.', title: 'NHIỆM VỤ, GIẢI PHÁP' },
    { ref: 'III.', title: 'TỔ CHỨC THỰC HIỆN' },
  ];
  let position = 0;
  const headingIds: number[] = [];
  for (const heading of headings) {
    const row = await trx
      .insertInto('plan_items')
      .values({
        plan_id: planId,
        parent_id: null,
        position: position++,
        ref: heading.ref,
        title: heading.title,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    headingIds.push(row.id);
  }
  // Tasks go under II, before III in reading order.
  await trx
    .updateTable('plan_items')
    .set({ position: assigned.length + 3 })
    .where('id', '=', headingIds[2]!)
    .execute();
  position = 2;
  for (const [index, task] of assigned.entries()) {
    const item = await trx
      .insertInto('plan_items')
      .values({
        plan_id: planId,
        parent_id: headingIds[1]!,
        position: position++,
        ref: `${index + 1}.`,
        title: task.title,
        body: task.body,
        is_task: true,
        time_kind: task.time_kind,
        starts_on: task.starts_on,
        due_on: task.due_on,
        time_text: task.time_text,
        expected_output: task.expected_output,
        programme: task.programme,
        indicator_codes: JSON.stringify(task.indicator_codes ?? []),
        source_item_id: task.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('task_assignments')
      .values({ item_id: item.id, role: 'lead', org_unit_id: unit.id, unit_name: unit.name })
      .execute();
  }
}

/* Saving a draft whole. */

type SaveInput = z.output<typeof savePlanInput>;

export async function savePlan({
  db,
  clock,
  actor,
  meta,
  planId,
  input,
}: WriteDeps & { planId: number; input: SaveInput }): Promise<PlanDetail> {
  const plan = await loadPlanForChange(db, actor, planId, 'plans.write');
  if (plan.status !== 'draft') throw new AppError('plans.locked');
  const outline = checkOutline(input.items);

  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('plans')
      .set((eb) => ({
        title: input.title,
        year: input.year,
        symbol: input.symbol || null,
        place: input.place || null,
        purpose: input.purpose,
        budget: input.budget,
        implementation: input.implementation,
        reporting_regime: input.reportingRegime,
        recipients: JSON.stringify(input.recipients),
        signer: JSON.stringify(input.signer),
        cascade_due_on: input.cascadeDueOn,
        search_text: planSearchText({ ...input, number: plan.number, unitName: plan.unit_name }),
        revision: eb('revision', '+', 1),
        updated_at: clock(),
      }))
      .where('id', '=', plan.id)
      .where('status', '=', 'draft')
      .where('revision', '=', input.revision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('plans.conflict');

    await saveBases(trx, plan.id, input.basisIds);
    await saveItems(trx, plan, outline, input.items);
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'plan.save',
      entityType: 'plan',
      entityId: plan.id,
      orgUnitId: plan.org_unit_id,
      before: { title: plan.title, year: plan.year, revision: plan.revision },
      after: {
        title: input.title,
        year: input.year,
        revision: plan.revision + 1,
        items: input.items.length,
        tasks: input.items.filter((item) => item.task).length,
      },
      ip: meta.ip,
    });
  });
  return getPlanDetail({ db, clock, actor, planId: plan.id });
}

/** Keys are unique and every parent comes before its children, so the outline is a tree. */
function checkOutline(items: SaveInput['items']): Map<string, number> {
  const indexByKey = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    if (indexByKey.has(item.key)) throw new AppError('plans.invalid_outline');
    if (item.parentKey !== null && !indexByKey.has(item.parentKey))
      throw new AppError('plans.invalid_outline');
    indexByKey.set(item.key, index);
  }
  return indexByKey;
}

async function saveBases(trx: Trx, planId: number, basisIds: number[]) {
  const unique = [...new Set(basisIds)];
  if (unique.length > 0) {
    const found = await trx.selectFrom('legal_documents').select('id').where('id', 'in', unique).execute();
    if (found.length !== unique.length) throw new AppError('legalDocuments.not_found');
  }
  await trx.deleteFrom('plan_bases').where('plan_id', '=', planId).execute();
  if (unique.length > 0) {
    await trx
      .insertInto('plan_bases')
      .values(unique.map((id, position) => ({ plan_id: planId, legal_document_id: id, position })))
      .execute();
  }
}

async function saveItems(
  trx: Trx,
  plan: PlanWithUnit,
  _outline: Map<string, number>,
  items: SaveInput['items'],
) {
  const existing = await trx
    .selectFrom('plan_items')
    .select(['id', 'previous_version_item_id'])
    .where('plan_id', '=', plan.id)
    .execute();
  const existingIds = new Set(existing.map((row) => row.id));
  for (const item of items) {
    if (item.id !== undefined && !existingIds.has(item.id)) throw new AppError('plans.invalid_outline');
  }
  await checkSourceTasks(trx, plan, items);
  const unitNames = await resolveAssignedUnits(trx, plan, items);

  // Items the editor dropped go first (children with them); the rest are written in order.
  const keptIds = new Set(items.flatMap((item) => (item.id === undefined ? [] : [item.id])));
  const dropped = [...existingIds].filter((id) => !keptIds.has(id));
  if (dropped.length > 0) {
    // Detach every item first: a kept item may have moved out from under a dropped one,
    // and the parent's delete would otherwise cascade to it. Parents are set again below.
    await trx.updateTable('plan_items').set({ parent_id: null }).where('plan_id', '=', plan.id).execute();
    await trx.deleteFrom('plan_items').where('id', 'in', dropped).execute();
  }
  if (keptIds.size > 0) {
    await trx
      .deleteFrom('task_assignments')
      .where('item_id', 'in', [...keptIds])
      .execute();
  }

  const idByKey = new Map<string, number>();
  for (const [position, item] of items.entries()) {
    const bounds = item.task ? taskTimeBounds(item.task.time) : { startsOn: null, dueOn: null };
    const values = {
      parent_id: item.parentKey === null ? null : idByKey.get(item.parentKey)!,
      position,
      ref: item.ref,
      title: item.title,
      body: item.body,
      is_task: item.task !== null,
      time_kind: item.task?.time.kind ?? 'none',
      starts_on: bounds.startsOn,
      due_on: bounds.dueOn,
      time_text: item.task?.timeText || null,
      expected_output: item.task?.expectedOutput || null,
      programme: item.task?.programme || null,
      indicator_codes: JSON.stringify(item.task?.indicatorCodes ?? []),
      source_item_id: item.task?.sourceTaskId ?? null,
    };
    let id: number;
    if (item.id !== undefined) {
      const updated = await trx
        .updateTable('plan_items')
        .set(values)
        .where('id', '=', item.id)
        .where('plan_id', '=', plan.id)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('plans.invalid_outline');
      id = item.id;
    } else {
      id = (
        await trx
          .insertInto('plan_items')
          .values({ ...values, plan_id: plan.id })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    idByKey.set(item.key, id);

    if (!item.task) continue;
    const rows = [
      ...item.task.lead.map((assignee) => ({ assignee, role: 'lead' as const })),
      ...item.task.support.map((assignee) => ({ assignee, role: 'support' as const })),
    ];
    // A unit named both lead and support leads.
    const seen = new Set<number>();
    const assignments: Insertable<TaskAssignmentsTable>[] = [];
    for (const [index, { assignee, role }] of rows.entries()) {
      if ('orgUnitId' in assignee) {
        if (seen.has(assignee.orgUnitId)) continue;
        seen.add(assignee.orgUnitId);
        const unitName = unitNames.get(assignee.orgUnitId)!;
        assignments.push({
          item_id: id,
          role,
          org_unit_id: assignee.orgUnitId,
          unit_name: unitName,
          position: index,
        });
      } else {
        assignments.push({
          item_id: id,
          role,
          org_unit_id: null,
          unit_name: assignee.unitName,
          position: index,
        });
      }
    }
    if (assignments.length > 0) await trx.insertInto('task_assignments').values(assignments).execute();
  }
}

/** A cascaded task must carry out a task of this plan's own parent plan. */
async function checkSourceTasks(trx: Trx, plan: PlanWithUnit, items: SaveInput['items']) {
  const sourceIds = [
    ...new Set(items.flatMap((item) => (item.task?.sourceTaskId ? [item.task.sourceTaskId] : []))),
  ];
  if (sourceIds.length === 0) return;
  if (plan.parent_plan_id === null) throw new AppError('plans.invalid_task_reference');
  const found = await trx
    .selectFrom('plan_items')
    .select('id')
    .where('id', 'in', sourceIds)
    .where('plan_id', '=', plan.parent_plan_id)
    .where('is_task', '=', true)
    .execute();
  if (found.length !== sourceIds.length) throw new AppError('plans.invalid_task_reference');
}

/**
 * Tasks go to units of the issuer's own province (or organisation tree): a plan of Lai Châu
 * assigns nothing to Hà Nội. System-wide planners may assign anywhere.
 */
async function resolveAssignedUnits(trx: Trx, plan: PlanWithUnit, items: SaveInput['items']) {
  const ids = [
    ...new Set(
      items.flatMap((item) =>
        item.task
          ? [...item.task.lead, ...item.task.support].flatMap((assignee) =>
              'orgUnitId' in assignee ? [assignee.orgUnitId] : [],
            )
          : [],
      ),
    ),
  ];
  const names = new Map<number, string>();
  if (ids.length === 0) return names;
  const rootPath = `/${plan.unit_path.split('/').filter(Boolean)[0]}/`;
  const units = await trx
    .selectFrom('org_units')
    .select(['id', 'name', 'path'])
    .where('id', 'in', ids)
    .execute();
  if (units.length !== ids.length) throw new AppError('plans.unit_not_found');
  for (const unit of units) {
    if (!unit.path.startsWith(rootPath)) throw new AppError('auth.out_of_scope');
    names.set(unit.id, unit.name);
  }
  return names;
}

/* Issuing, versions, deleting. */

export async function issuePlan({
  db,
  clock,
  actor,
  meta,
  planId,
  input,
}: WriteDeps & { planId: number; input: z.output<typeof issuePlanInput> }): Promise<PlanDetail> {
  const plan = await loadPlanForChange(db, actor, planId, 'plans.issue');
  if (plan.status !== 'draft') throw new AppError('plans.locked');

  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('plans')
      .set((eb) => ({
        status: 'issued',
        number: input.number,
        issued_on: input.issuedOn,
        issued_by: actor.userId,
        issued_at: clock(),
        updated_at: clock(),
        revision: eb('revision', '+', 1),
        search_text: planSearchText({ ...plan, number: input.number, unitName: plan.unit_name }),
      }))
      .where('id', '=', plan.id)
      .where('status', '=', 'draft')
      .where('revision', '=', input.revision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('plans.conflict');
    if (plan.supersedes_plan_id !== null) await supersede(trx, plan.supersedes_plan_id, plan.id, clock());
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'plan.issue',
      entityType: 'plan',
      entityId: plan.id,
      orgUnitId: plan.org_unit_id,
      before: { status: 'draft' },
      after: {
        status: 'issued',
        documentNumber: formatDocumentNumber(input.number, plan.symbol),
        issuedOn: input.issuedOn,
        supersedes: plan.supersedes_plan_id,
      },
      ip: meta.ip,
    });
  });
  return getPlanDetail({ db, clock, actor, planId: plan.id });
}

/**
 * The new version takes over the old one's work: progress recorded on the old tasks, and the
 * receiving units' plans made from it, now point at the matching tasks of the new version.
 * The old version itself stays as it was issued.
 */
async function supersede(trx: Trx, oldPlanId: number, newPlanId: number, now: Date) {
  await trx
    .updateTable('plans')
    .set({ status: 'superseded', updated_at: now })
    .where('id', '=', oldPlanId)
    .execute();
  const pairs = await trx
    .selectFrom('plan_items')
    .select(['id', 'previous_version_item_id'])
    .where('plan_id', '=', newPlanId)
    .where('previous_version_item_id', 'is not', null)
    .execute();
  for (const pair of pairs) {
    await trx
      .updateTable('task_progress')
      .set({ item_id: pair.id })
      .where('item_id', '=', pair.previous_version_item_id!)
      .execute();
    await trx
      .updateTable('plan_items')
      .set({ source_item_id: pair.id })
      .where('source_item_id', '=', pair.previous_version_item_id!)
      .execute();
  }
  await trx
    .updateTable('plans')
    .set({ parent_plan_id: newPlanId })
    .where('parent_plan_id', '=', oldPlanId)
    .execute();
}

export async function createPlanVersion({
  db,
  clock,
  actor,
  meta,
  planId,
}: WriteDeps & { planId: number }): Promise<PlanDetail> {
  const plan = await loadPlanForChange(db, actor, planId, 'plans.write');
  if (plan.status !== 'issued')
    throw new AppError(plan.status === 'draft' ? 'plans.not_issued' : 'plans.has_newer_version');

  const newId = await db.transaction().execute(async (trx) => {
    const newer = await trx
      .selectFrom('plans')
      .select('id')
      .where('supersedes_plan_id', '=', plan.id)
      .executeTakeFirst();
    if (newer) throw new AppError('plans.has_newer_version');
    const {
      id: _id,
      revision: _revision,
      unit_path: _path,
      unit_name: _name,
      unit_code: _code,
      unit_kind: _kind,
      ...rest
    } = plan;
    const created = await trx
      .insertInto('plans')
      .values({
        ...rest,
        recipients: JSON.stringify(plan.recipients ?? []),
        signer: JSON.stringify(plan.signer ?? {}),
        status: 'draft',
        number: null,
        issued_on: null,
        issued_by: null,
        issued_at: null,
        supersedes_plan_id: plan.id,
        version: plan.version + 1,
        created_by: actor.userId,
        created_at: clock(),
        updated_at: clock(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('plan_bases')
      .columns(['plan_id', 'legal_document_id', 'position'])
      .expression((eb) =>
        eb
          .selectFrom('plan_bases')
          .select([eb.val(created.id).as('plan_id'), 'legal_document_id', 'position'])
          .where('plan_id', '=', plan.id),
      )
      .execute();
    await copyItems(trx, plan.id, created.id);
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'plan.new_version',
      entityType: 'plan',
      entityId: created.id,
      orgUnitId: plan.org_unit_id,
      after: { supersedes: plan.id, version: plan.version + 1 },
      ip: meta.ip,
    });
    return created.id;
  });
  return getPlanDetail({ db, clock, actor, planId: newId });
}

async function copyItems(trx: Trx, fromPlanId: number, toPlanId: number) {
  const items = await trx
    .selectFrom('plan_items')
    .selectAll()
    .where('plan_id', '=', fromPlanId)
    .orderBy('position')
    .execute();
  const newIdByOld = new Map<number, number>();
  // Parents come first in position order only by convention, so resolve parents in a second pass.
  for (const { id, plan_id: _plan, parent_id: _parent, ...item } of items) {
    const created = await trx
      .insertInto('plan_items')
      .values({
        ...item,
        indicator_codes: JSON.stringify(item.indicator_codes ?? []),
        plan_id: toPlanId,
        parent_id: null,
        previous_version_item_id: id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    newIdByOld.set(id, created.id);
  }
  for (const item of items) {
    if (item.parent_id === null) continue;
    await trx
      .updateTable('plan_items')
      .set({ parent_id: newIdByOld.get(item.parent_id)! })
      .where('id', '=', newIdByOld.get(item.id)!)
      .execute();
  }
  const assignments = await trx
    .selectFrom('task_assignments as a')
    .innerJoin('plan_items as i', 'i.id', 'a.item_id')
    .select(['a.item_id', 'a.role', 'a.org_unit_id', 'a.unit_name', 'a.position'])
    .where('i.plan_id', '=', fromPlanId)
    .execute();
  if (assignments.length > 0) {
    await trx
      .insertInto('task_assignments')
      .values(assignments.map((row) => ({ ...row, item_id: newIdByOld.get(row.item_id)! })))
      .execute();
  }
}

export async function deletePlan({ db, actor, meta, planId }: WriteDeps & { planId: number }) {
  const plan = await loadPlanForChange(db, actor, planId, 'plans.write');
  if (plan.status !== 'draft') throw new AppError('plans.locked');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('plan_items').set({ parent_id: null }).where('plan_id', '=', plan.id).execute();
    await trx.deleteFrom('plans').where('id', '=', plan.id).where('status', '=', 'draft').execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'plan.delete_draft',
      entityType: 'plan',
      entityId: plan.id,
      orgUnitId: plan.org_unit_id,
      before: { title: plan.title, year: plan.year, version: plan.version },
      ip: meta.ip,
    });
  });
}

/* Traceability. */

function worstOf(statuses: TaskStatus[]): { status: TaskStatus; done: number } {
  const done = statuses.filter((status) => status === 'done').length;
  if (statuses.length > 0 && done === statuses.length) return { status: 'done', done };
  if (statuses.includes('overdue')) return { status: 'overdue', done };
  if (statuses.some((status) => status !== 'not_started')) return { status: 'in_progress', done };
  return { status: 'not_started', done };
}

/**
 * For each task and assigned unit: its own progress on the task, and the plan it made from
 * this one with the tasks there that carry the task out. A unit that records progress only
 * in its own plan shows here through those tasks.
 */
export async function tracePlan({
  db,
  clock,
  actor,
  planId,
}: ServiceDeps & { planId: number }): Promise<PlanTrace> {
  const today = todayInVietnam(clock());
  const { plan, access } = await loadPlanForRead(db, actor, planId);
  const scope = scopeOf(actor, 'plans.read');

  let rowsQuery = db
    .selectFrom('plan_items as i')
    .innerJoin('task_assignments as a', 'a.item_id', 'i.id')
    .leftJoin('org_units as u', 'u.id', 'a.org_unit_id')
    .leftJoin('task_progress as tp', (join) =>
      join.onRef('tp.item_id', '=', 'i.id').onRef('tp.org_unit_id', '=', 'a.org_unit_id'),
    )
    .select([
      'i.id as task_id',
      'i.ref',
      'i.title',
      'i.body',
      'i.due_on',
      'a.role',
      'a.unit_name',
      'u.id as unit_id',
      'u.code as unit_code',
      'u.name as current_unit_name',
      'tp.status as progress_status',
      'tp.percent',
      'tp.note',
      'tp.updated_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('attachments as f')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('f.progress_id', '=', 'tp.id')
        .as('attachment_count'),
    )
    .where('i.plan_id', '=', plan.id)
    .where('i.is_task', '=', true);
  if (access === 'receiver') rowsQuery = rowsQuery.where(pathInScope('u.path', scope));
  const rows = await rowsQuery.orderBy('i.position').orderBy('a.role').orderBy('a.position').execute();

  const childIds = await findChildPlanIds(db, plan.id);
  const children = await findPlanSummaries(db, childIds);
  const childByUnit = new Map(children.map((child) => [child.orgUnit.id, child]));
  const childTasks =
    childIds.length === 0
      ? []
      : await db
          .selectFrom('plan_items as ci')
          .innerJoin('plans as cp', 'cp.id', 'ci.plan_id')
          .leftJoin('task_progress as ctp', 'ctp.item_id', 'ci.id')
          .select(['ci.id', 'ci.source_item_id', 'ci.due_on', 'cp.org_unit_id', 'ctp.status', 'ctp.percent'])
          .where('ci.plan_id', 'in', childIds)
          .where('ci.source_item_id', 'is not', null)
          .execute();

  const traceRows = rows.map((row) => {
    const child = row.unit_id === null ? undefined : childByUnit.get(row.unit_id);
    const carried = childTasks.filter(
      (task) => task.source_item_id === row.task_id && task.org_unit_id === row.unit_id,
    );
    // A child task may have several assigned units' progress rows; one per task is enough here.
    const childStatuses = [...new Map(carried.map((task) => [task.id, task])).values()].map((task) =>
      computeTaskStatus(task.status ?? 'not_started', task.due_on, today),
    );
    const own = computeTaskStatus(row.progress_status ?? 'not_started', row.due_on, today);
    const fromChildren = worstOf(childStatuses);
    const useChildren = (row.progress_status ?? 'not_started') === 'not_started' && childStatuses.length > 0;
    const childPercents = carried.flatMap((task) => (task.percent === null ? [] : [task.percent]));
    return {
      taskId: row.task_id,
      ref: row.ref,
      text: row.title || row.body,
      orgUnit:
        row.unit_id === null ? null : { id: row.unit_id, code: row.unit_code!, name: row.current_unit_name! },
      unitName: row.current_unit_name ?? row.unit_name,
      role: row.role as 'lead' | 'support',
      status: useChildren ? fromChildren.status : own,
      percent:
        row.percent ??
        (childPercents.length > 0
          ? Math.round(childPercents.reduce((sum, value) => sum + value, 0) / childPercents.length)
          : null),
      note: row.note,
      attachmentCount: Number(row.attachment_count ?? 0),
      updatedAt: row.updated_at?.toISOString() ?? null,
      childPlan: child
        ? { id: child.id, documentNumber: child.documentNumber, title: child.title, status: child.status }
        : null,
      childTaskCount: new Set(carried.map((task) => task.id)).size,
      childTasksDone: fromChildren.done,
    };
  });

  const assignedUnits = await findAssignedUnits(db, plan.id);
  const visibleUnits =
    access === 'issuer' ? assignedUnits : assignedUnits.filter((unit) => isPathInScope(scope, unit.path));
  const isLate = plan.cascade_due_on !== null && plan.cascade_due_on < today;
  return {
    plan: await findPlanSummary(db, plan.id),
    rows: traceRows,
    unitsWithoutPlan: visibleUnits
      .filter((unit) => childByUnit.get(unit.id)?.status !== 'issued')
      .map(({ id, code, name }) => ({
        id,
        code,
        name,
        isLate,
        draftPlanId: childByUnit.get(id)?.id ?? null,
      })),
    today,
  };
}

export type { PlanAccess };
