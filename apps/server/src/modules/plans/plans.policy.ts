import type { Permission } from '@binhdang/contracts';
import { type ExpressionBuilder, type RawBuilder, sql } from 'kysely';
import { type Actor, isPathInScope, type Scope, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { Database, OrgUnitsTable, PlanRow, PlansTable } from '../app/database.types.ts';
import { AppError } from '../app/errors.ts';

/*
 * Who sees and edits a plan. The issuing unit's subtree owns it: its planners write drafts and
 * issue; its readers see everything about it. Once issued, a plan is also readable by the
 * units below its issuer (a commune reads its province's plan) and by every unit it assigns a
 * task to. Drafts stay with the issuing side.
 */

export type PlanWithUnit = PlanRow & {
  unit_path: string;
  unit_name: string;
  unit_code: string;
  unit_kind: string;
};

export type PlanAccess = 'issuer' | 'receiver';

/** `/1/12/345/` → `/1/`, `/1/12/`, `/1/12/345/`: the units above (and at) a granted unit. */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, index) => `/${ids.slice(0, index + 1).join('/')}/`);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** SQL: the unit path in `column` (e.g. `u.path`) lies in the scope's subtrees. */
export function pathInScope(column: string, scope: Scope): RawBuilder<boolean> {
  if (scope.everywhere) return sql<boolean>`true`;
  if (scope.paths.length === 0) return sql<boolean>`false`;
  const matches = scope.paths.map((path) => sql`${sql.ref(column)} like ${`${escapeLike(path)}%`}`);
  return sql<boolean>`(${sql.join(matches, sql` or `)})`;
}

/** `plans as p` joined with `org_units as o`. */
export type PlanBuilder = ExpressionBuilder<Database & { p: PlansTable; o: OrgUnitsTable }, 'p' | 'o'>;

/** The SQL condition "the reader may see this plan". */
export function planReadableBy(eb: PlanBuilder, actor: Actor) {
  const scope = scopeOf(actor, 'plans.read');
  if (scope.everywhere) return sql<boolean>`true`;
  if (scope.paths.length === 0) return sql<boolean>`false`;
  const above = [...new Set(scope.paths.flatMap(ancestorPaths))];
  return eb.or([
    pathInScope('o.path', scope),
    eb.and([
      eb('p.status', '<>', 'draft'),
      eb.or([
        eb('o.path', 'in', above),
        eb.exists(
          eb
            .selectFrom('plan_items as ri')
            .innerJoin('task_assignments as ra', 'ra.item_id', 'ri.id')
            .innerJoin('org_units as ru', 'ru.id', 'ra.org_unit_id')
            .select('ra.id')
            .whereRef('ri.plan_id', '=', 'p.id')
            .where(pathInScope('ru.path', scope)),
        ),
      ]),
    ]),
  ]);
}

export async function findPlanWithUnit(db: Db, planId: number): Promise<PlanWithUnit | undefined> {
  return db
    .selectFrom('plans as p')
    .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
    .selectAll('p')
    .select(['o.path as unit_path', 'o.name as unit_name', 'o.code as unit_code', 'o.kind as unit_kind'])
    .where('p.id', '=', planId)
    .executeTakeFirst();
}

/** Loads a plan the actor may read, and says from which side: the issuer's or a receiver's. */
export async function loadPlanForRead(
  db: Db,
  actor: Actor,
  planId: number,
): Promise<{ plan: PlanWithUnit; access: PlanAccess }> {
  const plan = await findPlanWithUnit(db, planId);
  if (!plan) throw new AppError('plans.not_found');
  const scope = scopeOf(actor, 'plans.read');
  if (isPathInScope(scope, plan.unit_path)) return { plan, access: 'issuer' };
  if (plan.status === 'draft' || scope.everywhere) throw new AppError('auth.out_of_scope');

  const isBelowIssuer = scope.paths.some((path) => path.startsWith(plan.unit_path));
  if (isBelowIssuer) return { plan, access: 'receiver' };
  const assigned = await db
    .selectFrom('plan_items as i')
    .innerJoin('task_assignments as a', 'a.item_id', 'i.id')
    .innerJoin('org_units as u', 'u.id', 'a.org_unit_id')
    .select('a.id')
    .where('i.plan_id', '=', plan.id)
    .where(pathInScope('u.path', scope))
    .limit(1)
    .executeTakeFirst();
  if (assigned) return { plan, access: 'receiver' };
  throw new AppError('auth.out_of_scope');
}

/** Loads a plan whose issuing unit lies in the actor's scope for `permission` (write or issue). */
export async function loadPlanForChange(
  db: Db,
  actor: Actor,
  planId: number,
  permission: Extract<Permission, 'plans.write' | 'plans.issue'>,
): Promise<PlanWithUnit> {
  const plan = await findPlanWithUnit(db, planId);
  if (!plan) throw new AppError('plans.not_found');
  if (!isPathInScope(scopeOf(actor, permission), plan.unit_path)) {
    // Whoever cannot even read the plan learns no more than that it is out of their scope.
    throw new AppError('auth.out_of_scope');
  }
  return plan;
}

export function canOnUnit(actor: Actor, permission: Permission, unitPath: string): boolean {
  return isPathInScope(scopeOf(actor, permission), unitPath);
}
