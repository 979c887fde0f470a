import {
  type CreateOrgUnitInput,
  type closeOrgUnitInput,
  foldForSearch,
  type LineageKind,
  type mergeOrgUnitsInput,
  type OrgUnitDetail,
  type OrgUnitKind,
  type OrgUnitSummary,
  type renameOrgUnitInput,
  type splitOrgUnitInput,
} from '@binhdang/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { Database, OrgUnitRow } from '../app/database.types.ts';
import { previousDay, todayInVietnam } from '../app/dates.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { assertCanManageUnderParent, loadUnitInScope } from './org-units.policy.ts';
import {
  countOpenChildren,
  findChildren,
  findLineage,
  findNameHistory,
  findOrgUnitByCode,
  findPredecessorIds,
  findSuccessorIds,
  findUnitsByIds,
  isUnitOpen,
  searchOrgUnits,
  type UnitSearch,
} from './org-units.queries.ts';

interface ServiceDeps {
  db: Db;
  clock: () => Date;
  actor: Actor;
}

interface WriteDeps extends ServiceDeps {
  meta: RequestMeta;
}

export async function listOrgUnits({
  db,
  clock,
  actor,
  search,
}: ServiceDeps & { search: Omit<UnitSearch, 'rootIds'> }) {
  const day = todayInVietnam(clock());
  const scope = scopeOf(actor, 'orgUnits.read');
  const predecessorIds = await findPredecessorIds(db, scope);
  const rootIds = scope.everywhere
    ? null
    : actor.grants.filter((grant) => grant.orgUnitId !== null).map((grant) => grant.orgUnitId!);
  const { rows, total } = await searchOrgUnits(db, scope, predecessorIds, { ...search, rootIds }, day);
  return { items: rows, total };
}

export async function getOrgUnitDetail({
  db,
  clock,
  actor,
  unitId,
}: ServiceDeps & { unitId: number }): Promise<OrgUnitDetail> {
  const day = todayInVietnam(clock());
  const unit = await loadUnitInScope(db, actor, 'orgUnits.read', unitId);
  const ancestorIds = unit.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== unit.id);
  const [self, ancestors, children, names, lineage, successorIds] = await Promise.all([
    findUnitsByIds(db, [unit.id], day),
    findUnitsByIds(db, ancestorIds, day),
    findChildren(db, unit.id, day),
    findNameHistory(db, unit.id),
    findLineage(db, unit.id),
    isUnitOpen(unit, day) ? Promise.resolve([]) : findSuccessorIds(db, unit.id, day),
  ]);
  const successors = await findUnitsByIds(db, successorIds, day);
  const brief = ({ id, code, name, kind }: OrgUnitSummary) => ({ id, code, name, kind });
  return {
    ...self[0]!,
    ancestors: ancestorIds
      .map((id) => ancestors.find((a) => a.id === id))
      .filter((a) => a !== undefined)
      .map(brief),
    children,
    names,
    lineage: lineage.map((event) => ({
      id: event.id,
      kind: event.kind as LineageKind,
      effectiveOn: event.effective_on,
      note: event.note,
      fromUnit: {
        id: event.from_id,
        code: event.from_code,
        name: event.from_name,
        kind: event.from_kind as OrgUnitKind,
      },
      toUnit:
        event.to_id === null
          ? null
          : {
              id: event.to_id,
              code: event.to_code!,
              name: event.to_name!,
              kind: event.to_kind as OrgUnitKind,
            },
    })),
    successors: successors.map(brief),
  };
}

async function assertCodeFree(db: Kysely<Database>, code: string) {
  if (await findOrgUnitByCode(db as Db, code)) throw new AppError('orgUnits.code_taken');
}

function assertOpen(unit: OrgUnitRow, day: string) {
  if (unit.valid_to !== null && unit.valid_to < day) throw new AppError('orgUnits.closed');
}

async function insertUnit(
  trx: Kysely<Database>,
  unit: { code: string; name: string; kind: OrgUnitKind; parentId: number | null; validFrom: string | null },
) {
  await assertCodeFree(trx, unit.code);
  const row = await trx
    .insertInto('org_units')
    .values({
      code: unit.code,
      name: unit.name,
      search_name: foldForSearch(unit.name),
      kind: unit.kind,
      parent_id: unit.parentId,
      valid_from: unit.validFrom,
      valid_to: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('org_unit_names')
    .values({ org_unit_id: row.id, name: row.name, valid_from: unit.validFrom, valid_to: null })
    .execute();
  return row;
}

async function insertLineage(
  trx: Kysely<Database>,
  event: {
    kind: LineageKind;
    effectiveOn: string;
    fromUnitId: number;
    toUnitId: number | null;
    note?: string | undefined;
    actor: Actor;
  },
) {
  await trx
    .insertInto('lineage_events')
    .values({
      kind: event.kind,
      effective_on: event.effectiveOn,
      from_unit_id: event.fromUnitId,
      to_unit_id: event.toUnitId,
      note: event.note || null,
      created_by: event.actor.userId,
    })
    .execute();
}

/** Ends a unit's validity (and its current name's) on `lastDay`, keeping the row as history. */
async function endUnit(trx: Kysely<Database>, unit: OrgUnitRow, lastDay: string, now: Date) {
  if (unit.valid_from !== null && unit.valid_from > lastDay) throw new AppError('orgUnits.invalid_date');
  if ((await countOpenChildren(trx as Db, unit.id, lastDay)) > 0)
    throw new AppError('orgUnits.has_open_children');
  await trx
    .updateTable('org_units')
    .set({ valid_to: lastDay, updated_at: now })
    .where('id', '=', unit.id)
    .execute();
  await trx
    .updateTable('org_unit_names')
    .set({ valid_to: lastDay })
    .where('org_unit_id', '=', unit.id)
    .where('valid_to', 'is', null)
    .execute();
}

export async function createOrgUnit({
  db,
  clock,
  actor,
  meta,
  input,
}: WriteDeps & { input: CreateOrgUnitInput }) {
  const parent = await assertCanManageUnderParent(db, actor, input.parentId);
  if (parent) assertOpen(parent, todayInVietnam(clock()));
  const created = await db.transaction().execute(async (trx) => {
    const row = await insertUnit(trx, input);
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'orgUnits.create',
      entityType: 'org_unit',
      entityId: row.id,
      orgUnitId: row.id,
      after: input,
      ip: meta.ip,
    });
    return row;
  });
  return getOrgUnitDetail({ db, clock, actor, unitId: created.id });
}

export async function renameOrgUnit({
  db,
  clock,
  actor,
  meta,
  unitId,
  input,
}: WriteDeps & { unitId: number; input: z.infer<typeof renameOrgUnitInput> }) {
  const unit = await loadUnitInScope(db, actor, 'orgUnits.manage', unitId);
  assertOpen(unit, todayInVietnam(clock()));
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('org_unit_names')
      .selectAll()
      .where('org_unit_id', '=', unit.id)
      .where('valid_to', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (current?.valid_from && current.valid_from >= input.effectiveOn)
      throw new AppError('orgUnits.invalid_date');
    if (current) {
      await trx
        .updateTable('org_unit_names')
        .set({ valid_to: previousDay(input.effectiveOn) })
        .where('id', '=', current.id)
        .execute();
    }
    await trx
      .insertInto('org_unit_names')
      .values({ org_unit_id: unit.id, name: input.name, valid_from: input.effectiveOn, valid_to: null })
      .execute();
    await trx
      .updateTable('org_units')
      .set({ name: input.name, search_name: foldForSearch(input.name), updated_at: clock() })
      .where('id', '=', unit.id)
      .execute();
    await insertLineage(trx, {
      kind: 'renamed',
      effectiveOn: input.effectiveOn,
      fromUnitId: unit.id,
      toUnitId: unit.id,
      note: input.note ?? `${unit.name} → ${input.name}`,
      actor,
    });
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'orgUnits.rename',
      entityType: 'org_unit',
      entityId: unit.id,
      orgUnitId: unit.id,
      before: { name: unit.name },
      after: { name: input.name, effectiveOn: input.effectiveOn },
      ip: meta.ip,
    });
  });
  return getOrgUnitDetail({ db, clock, actor, unitId });
}

export async function closeOrgUnit({
  db,
  clock,
  actor,
  meta,
  unitId,
  input,
}: WriteDeps & { unitId: number; input: z.infer<typeof closeOrgUnitInput> }) {
  const unit = await loadUnitInScope(db, actor, 'orgUnits.manage', unitId);
  assertOpen(unit, todayInVietnam(clock()));
  await db.transaction().execute(async (trx) => {
    await endUnit(trx, unit, previousDay(input.effectiveOn), clock());
    await insertLineage(trx, {
      kind: 'closed',
      effectiveOn: input.effectiveOn,
      fromUnitId: unit.id,
      toUnitId: null,
      note: input.note,
      actor,
    });
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'orgUnits.close',
      entityType: 'org_unit',
      entityId: unit.id,
      orgUnitId: unit.id,
      before: { validTo: unit.valid_to },
      after: { validTo: previousDay(input.effectiveOn) },
      ip: meta.ip,
    });
  });
  return getOrgUnitDetail({ db, clock, actor, unitId });
}

/** Sources end the day before `effectiveOn`; their history maps onto the target from then on. */
export async function mergeOrgUnits({
  db,
  clock,
  actor,
  meta,
  input,
}: WriteDeps & { input: z.infer<typeof mergeOrgUnitsInput> }) {
  if ((input.targetId === undefined) === (input.newTarget === undefined)) {
    throw new AppError('request.invalid', {
      issues: [{ path: 'targetId', message: 'Chọn một đơn vị nhận sáp nhập hoặc khai báo đơn vị mới.' }],
    });
  }
  const day = todayInVietnam(clock());
  const sources: OrgUnitRow[] = [];
  for (const sourceId of new Set(input.sourceIds)) {
    const source = await loadUnitInScope(db, actor, 'orgUnits.manage', sourceId);
    assertOpen(source, day);
    sources.push(source);
  }
  if (input.targetId !== undefined) {
    if (input.sourceIds.includes(input.targetId)) {
      throw new AppError('request.invalid', {
        issues: [
          { path: 'targetId', message: 'Đơn vị nhận không được nằm trong danh sách đơn vị sáp nhập.' },
        ],
      });
    }
    assertOpen(await loadUnitInScope(db, actor, 'orgUnits.manage', input.targetId), day);
  } else {
    await assertCanManageUnderParent(db, actor, input.newTarget!.parentId);
  }
  const lastDay = previousDay(input.effectiveOn);
  const targetId = await db.transaction().execute(async (trx) => {
    const target =
      input.targetId ??
      (
        await insertUnit(trx, {
          code: input.newTarget!.code,
          name: input.newTarget!.name,
          kind: input.newTarget!.kind ?? (sources[0]!.kind as OrgUnitKind),
          parentId: input.newTarget!.parentId,
          validFrom: input.effectiveOn,
        })
      ).id;
    for (const source of sources) {
      await endUnit(trx, source, lastDay, clock());
      await insertLineage(trx, {
        kind: 'merged_into',
        effectiveOn: input.effectiveOn,
        fromUnitId: source.id,
        toUnitId: target,
        note: input.note,
        actor,
      });
    }
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'orgUnits.merge',
      entityType: 'org_unit',
      entityId: target,
      orgUnitId: target,
      before: { sources: sources.map((s) => ({ id: s.id, name: s.name, validTo: s.valid_to })) },
      after: { targetId: target, effectiveOn: input.effectiveOn, newTarget: input.newTarget ?? null },
      ip: meta.ip,
    });
    return target;
  });
  return getOrgUnitDetail({ db, clock, actor, unitId: targetId });
}

export async function splitOrgUnit({
  db,
  clock,
  actor,
  meta,
  unitId,
  input,
}: WriteDeps & { unitId: number; input: z.infer<typeof splitOrgUnitInput> }) {
  const source = await loadUnitInScope(db, actor, 'orgUnits.manage', unitId);
  assertOpen(source, todayInVietnam(clock()));
  if (source.parent_id === null) await assertCanManageUnderParent(db, actor, null);
  const codes = input.newUnits.map((unit) => unit.code);
  if (new Set(codes).size !== codes.length) {
    throw new AppError('request.invalid', {
      issues: [{ path: 'newUnits', message: 'Mã các đơn vị mới phải khác nhau.' }],
    });
  }
  await db.transaction().execute(async (trx) => {
    const created = [];
    for (const unit of input.newUnits) {
      const row = await insertUnit(trx, {
        code: unit.code,
        name: unit.name,
        kind: unit.kind ?? (source.kind as OrgUnitKind),
        parentId: source.parent_id,
        validFrom: input.effectiveOn,
      });
      await insertLineage(trx, {
        kind: 'split_from',
        effectiveOn: input.effectiveOn,
        fromUnitId: source.id,
        toUnitId: row.id,
        note: input.note,
        actor,
      });
      created.push({ id: row.id, code: row.code, name: row.name });
    }
    if (input.closeSource) await endUnit(trx, source, previousDay(input.effectiveOn), clock());
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'orgUnits.split',
      entityType: 'org_unit',
      entityId: source.id,
      orgUnitId: source.id,
      before: { id: source.id, name: source.name, validTo: source.valid_to },
      after: { created, closeSource: input.closeSource, effectiveOn: input.effectiveOn },
      ip: meta.ip,
    });
  });
  return getOrgUnitDetail({ db, clock, actor, unitId });
}
