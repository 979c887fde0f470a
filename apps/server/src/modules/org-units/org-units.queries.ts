import { foldForSearch, type OrgUnitKind, type OrgUnitSummary } from '@binhdang/contracts';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Scope } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { Database, OrgUnitRow } from '../app/database.types.ts';

type UnitsBuilder = ExpressionBuilder<Database, 'org_units'>;

export function isOpenOn(eb: UnitsBuilder, day: string) {
  return eb.and([
    eb.or([eb('org_units.valid_from', 'is', null), eb('org_units.valid_from', '<=', day)]),
    eb.or([eb('org_units.valid_to', 'is', null), eb('org_units.valid_to', '>=', day)]),
  ]);
}

export function isUnitOpen(unit: Pick<OrgUnitRow, 'valid_from' | 'valid_to'>, day: string): boolean {
  return (
    (unit.valid_from === null || unit.valid_from <= day) && (unit.valid_to === null || unit.valid_to >= day)
  );
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function inScope(eb: UnitsBuilder, scope: Scope, predecessorIds: number[]) {
  if (scope.everywhere) return eb.lit(true);
  return eb.or([
    ...scope.paths.map((path) => eb('org_units.path', 'like', `${escapeLike(path)}%`)),
    ...(predecessorIds.length > 0 ? [eb('org_units.id', 'in', predecessorIds)] : []),
  ]);
}

const childCount = (eb: UnitsBuilder, day: string) =>
  eb
    .selectFrom('org_units as child')
    .select((child) => child.fn.countAll<number>().as('n'))
    .whereRef('child.parent_id', '=', 'org_units.id')
    .where((child) => child.or([child('child.valid_to', 'is', null), child('child.valid_to', '>=', day)]))
    .as('child_count');

export function toSummary(
  row: OrgUnitRow & { child_count: number | string | null },
  day: string,
): OrgUnitSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as OrgUnitKind,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    isOpen: isUnitOpen(row, day),
    childCount: Number(row.child_count ?? 0),
  };
}

export interface UnitSearch {
  q?: string | undefined;
  parentId?: number | undefined;
  kind?: OrgUnitKind | undefined;
  status: 'open' | 'closed' | 'all';
  limit: number;
  /** Without q or parentId: the tops of the reader's scope. */
  rootIds?: number[] | null;
}

export async function searchOrgUnits(
  db: Db,
  scope: Scope,
  predecessorIds: number[],
  search: UnitSearch,
  day: string,
) {
  let query = db.selectFrom('org_units').where((eb) => inScope(eb, scope, predecessorIds));
  const folded = search.q ? foldForSearch(search.q) : '';
  if (folded) query = query.where('search_name', 'like', `%${escapeLike(folded)}%`);
  if (search.parentId !== undefined) query = query.where('parent_id', '=', search.parentId);
  else if (!folded && search.rootIds === null) query = query.where('parent_id', 'is', null);
  else if (!folded && search.rootIds)
    query = query.where('id', 'in', search.rootIds.length ? search.rootIds : [-1]);
  if (search.kind) query = query.where('kind', '=', search.kind);
  if (search.status === 'open') query = query.where((eb) => isOpenOn(eb, day));
  if (search.status === 'closed') query = query.where('valid_to', '<', day);

  const [rows, total] = await Promise.all([
    query
      .selectAll('org_units')
      .select((eb) => childCount(eb, day))
      // Names that start with the query first, then the shortest (a commune before the agencies named after it).
      .orderBy(
        sql`case when search_name like ${`${escapeLike(folded)}%`} or search_name like ${`% ${escapeLike(folded)}%`} then 0 else 1 end`,
      )
      .orderBy(sql`length(name)`)
      .orderBy('name')
      .limit(search.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((row) => toSummary(row, day)), total: Number(total.n) };
}

export function findOrgUnit(db: Db, id: number) {
  return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOrgUnitByCode(db: Db, code: string) {
  return db.selectFrom('org_units').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findUnitsByIds(db: Db, ids: number[], day: string) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('org_units')
    .selectAll()
    .select((eb) => childCount(eb, day))
    .where('id', 'in', ids)
    .execute();
  return rows.map((row) => toSummary(row, day));
}

export async function findChildren(db: Db, parentId: number, day: string) {
  const rows = await db
    .selectFrom('org_units')
    .selectAll()
    .select((eb) => childCount(eb, day))
    .where('parent_id', '=', parentId)
    .orderBy('name')
    .execute();
  return rows.map((row) => toSummary(row, day));
}

export async function countOpenChildren(db: Db, parentId: number, day: string): Promise<number> {
  const row = await db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', parentId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findNameHistory(db: Db, unitId: number) {
  return (
    db
      .selectFrom('org_unit_names')
      .select(['name', 'valid_from as validFrom', 'valid_to as validTo'])
      .where('org_unit_id', '=', unitId)
      // Newest first; a name with an unknown start (before the registry began) is the oldest.
      .orderBy(sql`valid_from desc nulls last`)
      .orderBy('id', 'desc')
      .execute()
  );
}

export async function findLineage(db: Db, unitId: number) {
  return db
    .selectFrom('lineage_events as e')
    .innerJoin('org_units as f', 'f.id', 'e.from_unit_id')
    .leftJoin('org_units as t', 't.id', 'e.to_unit_id')
    .select([
      'e.id',
      'e.kind',
      'e.effective_on',
      'e.note',
      'f.id as from_id',
      'f.code as from_code',
      'f.name as from_name',
      'f.kind as from_kind',
      't.id as to_id',
      't.code as to_code',
      't.name as to_name',
      't.kind as to_kind',
    ])
    .where((eb) => eb.or([eb('e.from_unit_id', '=', unitId), eb('e.to_unit_id', '=', unitId)]))
    .orderBy('e.effective_on')
    .orderBy('e.id')
    .execute();
}

/** Open units that today carry a unit's history: follow merges and splits forward. */
export async function findSuccessorIds(db: Db, unitId: number, day: string): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive successor(id) as (
      select to_unit_id from lineage_events where from_unit_id = ${unitId} and to_unit_id is not null and to_unit_id <> from_unit_id
      union
      select e.to_unit_id from lineage_events e join successor s on e.from_unit_id = s.id
      where e.to_unit_id is not null and e.to_unit_id <> e.from_unit_id
    )
    select u.id from successor s join org_units u on u.id = s.id
    where (u.valid_to is null or u.valid_to >= ${day})`.execute(db);
  return result.rows.map((row) => row.id);
}

/**
 * Closed units whose history now belongs to a unit in the scope (Hà Giang for a reader of
 * Tuyên Quang): a reader of today's unit may read its predecessors.
 */
export async function findPredecessorIds(db: Db, scope: Scope): Promise<number[]> {
  if (scope.everywhere || scope.paths.length === 0) return [];
  const prefixes = scope.paths.map((path) => `${escapeLike(path)}%`);
  const result = await sql<{ id: number }>`
    with recursive predecessor(id) as (
      select e.from_unit_id from lineage_events e join org_units t on t.id = e.to_unit_id
      where t.path like any(${prefixes}::text[]) and e.from_unit_id <> e.to_unit_id
      union
      select e.from_unit_id from lineage_events e join predecessor p on e.to_unit_id = p.id
      where e.from_unit_id <> e.to_unit_id
    )
    select id from predecessor`.execute(db);
  return result.rows.map((row) => row.id);
}
