import {
  formatDocumentNumber,
  type OrgUnitKind,
  type PlanItem,
  type PlanStatus,
  type PlanSummary,
  type Signer,
  type TaskAssignee,
} from '@binhdang/contracts';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { Database } from '../app/database.types.ts';
import { toLegalDocument } from '../legal-documents/legal-documents.service.ts';
import { type PlanBuilder, planReadableBy } from './plans.policy.ts';
import { taskTimeFromColumns } from './plans.time.ts';

const taskCount = (eb: PlanBuilder) =>
  eb
    .selectFrom('plan_items as ti')
    .select((inner) => inner.fn.countAll<number>().as('n'))
    .whereRef('ti.plan_id', '=', 'p.id')
    .where('ti.is_task', '=', true)
    .as('task_count');

function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('plans as p')
    .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
    .select([
      'p.id',
      'p.kind',
      'p.number',
      'p.symbol',
      'p.title',
      'p.year',
      'p.status',
      'p.origin',
      'p.issuer_name',
      'p.place',
      'p.issued_on',
      'p.version',
      'p.parent_plan_id',
      'p.supersedes_plan_id',
      'p.cascade_due_on',
      'p.updated_at',
      'o.id as unit_id',
      'o.code as unit_code',
      'o.name as unit_name',
    ])
    .select(taskCount);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

function toPlanSummary(row: SummaryRow): PlanSummary {
  return {
    id: row.id,
    orgUnit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    kind: row.kind,
    documentNumber: formatDocumentNumber(row.number, row.symbol),
    number: row.number,
    symbol: row.symbol,
    title: row.title,
    year: row.year,
    status: row.status as PlanStatus,
    origin: row.origin as PlanSummary['origin'],
    issuerName: row.issuer_name,
    place: row.place,
    issuedOn: row.issued_on,
    version: row.version,
    parentPlanId: row.parent_plan_id,
    supersedesPlanId: row.supersedes_plan_id,
    cascadeDueOn: row.cascade_due_on,
    taskCount: Number(row.task_count ?? 0),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function findPlanSummaries(db: Kysely<Database>, planIds: number[]): Promise<PlanSummary[]> {
  if (planIds.length === 0) return [];
  const rows = await summaryQuery(db).where('p.id', 'in', planIds).orderBy('p.id').execute();
  return rows.map(toPlanSummary);
}

export async function findPlanSummary(db: Kysely<Database>, planId: number): Promise<PlanSummary> {
  const [summary] = await findPlanSummaries(db, [planId]);
  if (!summary) throw new Error(`plan ${planId} vanished`);
  return summary;
}

export interface PlanFilter {
  q?: string | undefined;
  orgUnitId?: number | undefined;
  unitPath?: string | undefined;
  year?: number | undefined;
  status?: PlanStatus | undefined;
  relation: 'all' | 'own' | 'received';
  ownScopePaths: string[] | null;
  limit: number;
}

/** Plans the actor may read, newest year first; `own` = issued by units in my scope. */
export async function searchPlans(db: Db, actor: Actor, filter: PlanFilter) {
  let query = summaryQuery(db).where((eb) => planReadableBy(eb, actor));
  if (filter.unitPath) query = query.where('o.path', 'like', `${filter.unitPath}%`);
  if (filter.year) query = query.where('p.year', '=', filter.year);
  if (filter.status) query = query.where('p.status', '=', filter.status);
  if (filter.relation !== 'all' && filter.ownScopePaths !== null) {
    const paths = filter.ownScopePaths;
    const own = (eb: PlanBuilder) =>
      paths.length === 0 ? eb.lit(false) : eb.or(paths.map((path) => eb('o.path', 'like', `${path}%`)));
    query = query.where((eb) => (filter.relation === 'own' ? own(eb) : eb.not(own(eb))));
  } else if (filter.relation === 'received') {
    query = query.where(sql<boolean>`false`);
  }
  for (const word of (filter.q ?? '').split(' ').filter(Boolean)) {
    query = query.where('p.search_text', 'like', `%${word.replace(/[\\%_]/g, '\\$&')}%`);
  }
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('p.year', 'desc')
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(filter.limit)
    .execute();
  return { items: rows.map(toPlanSummary), total: Number(counted.n) };
}

export async function findPlanBases(db: Kysely<Database>, planId: number) {
  const rows = await db
    .selectFrom('plan_bases as b')
    .innerJoin('legal_documents as d', 'd.id', 'b.legal_document_id')
    .selectAll('d')
    .where('b.plan_id', '=', planId)
    .orderBy('b.position')
    .execute();
  return rows.map(toLegalDocument);
}

/** The plan's outline in order, every task with its assignments. */
export async function findPlanItems(db: Kysely<Database>, planId: number): Promise<PlanItem[]> {
  const [items, assignments] = await Promise.all([
    db.selectFrom('plan_items').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
    db
      .selectFrom('task_assignments as a')
      .innerJoin('plan_items as i', 'i.id', 'a.item_id')
      .leftJoin('org_units as u', 'u.id', 'a.org_unit_id')
      .select(['a.item_id', 'a.role', 'a.org_unit_id', 'a.unit_name', 'u.name as current_name', 'u.kind'])
      .where('i.plan_id', '=', planId)
      .orderBy('a.item_id')
      .orderBy('a.position')
      .orderBy('a.id')
      .execute(),
  ]);
  const byItem = new Map<number, { lead: TaskAssignee[]; support: TaskAssignee[] }>();
  for (const row of assignments) {
    const entry = byItem.get(row.item_id) ?? { lead: [], support: [] };
    entry[row.role as 'lead' | 'support'].push({
      orgUnitId: row.org_unit_id,
      unitName: row.current_name ?? row.unit_name,
      unitKind: (row.kind as OrgUnitKind | null) ?? null,
    });
    byItem.set(row.item_id, entry);
  }
  return items.map((item) => ({
    id: item.id,
    parentId: item.parent_id,
    position: item.position,
    ref: item.ref,
    title: item.title,
    body: item.body,
    task: item.is_task
      ? {
          time: taskTimeFromColumns(item.time_kind, item.starts_on, item.due_on),
          timeText: item.time_text,
          expectedOutput: item.expected_output,
          programme: item.programme,
          indicatorCodes: (item.indicator_codes as string[] | null) ?? [],
          lead: byItem.get(item.id)?.lead ?? [],
          support: byItem.get(item.id)?.support ?? [],
          sourceTaskId: item.source_item_id,
        }
      : null,
  }));
}

export function toSigner(value: unknown): Signer {
  const signer = (value ?? {}) as Partial<Signer>;
  return {
    authority: signer.authority ?? null,
    deputy: signer.deputy ?? null,
    position: signer.position ?? null,
    name: signer.name ?? null,
  };
}

/** Plans made from this one (cascade), live ones only. */
export async function findChildPlanIds(db: Kysely<Database>, planId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('plans')
    .select('id')
    .where('parent_plan_id', '=', planId)
    .where('status', '<>', 'superseded')
    .execute();
  return rows.map((row) => row.id);
}

/** Every version of the plan, following supersedes links both ways. */
export async function findVersionIds(db: Kysely<Database>, planId: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive older(id, supersedes) as (
      select id, supersedes_plan_id from plans where id = ${planId}
      union
      select p.id, p.supersedes_plan_id from plans p join older on p.id = older.supersedes
    ), newer(id) as (
      select id from plans where id = ${planId}
      union
      select p.id from plans p join newer on p.supersedes_plan_id = newer.id
    )
    select id from older union select id from newer order by id`.execute(db);
  return result.rows.map((row) => Number(row.id));
}

/** Open units this plan assigns tasks to, with their paths. */
export async function findAssignedUnits(db: Kysely<Database>, planId: number) {
  return db
    .selectFrom('task_assignments as a')
    .innerJoin('plan_items as i', 'i.id', 'a.item_id')
    .innerJoin('org_units as u', 'u.id', 'a.org_unit_id')
    .select(['u.id', 'u.code', 'u.name', 'u.path'])
    .distinct()
    .where('i.plan_id', '=', planId)
    .orderBy('u.name')
    .execute();
}
