import { sql } from 'kysely';
import { type Actor, isPathInScope, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { ActivityDbRow } from '../app/database.types.ts';
import { AppError } from '../app/errors.ts';
import { ancestorPaths } from '../plans/plans.policy.ts';

/*
 * An activity belongs to its unit. `activities.read` on the unit or a unit above it reads it;
 * `activities.write` there (planners and reporters of the unit, like progress) changes it. A
 * deleted activity is not found. What an activity may be linked to is what its unit carries or
 * reads: tasks of issued plans assigned to it or issued by it or a unit above it, the national
 * observances, and the campaigns of the unit or a unit above it.
 */

export type ActivityWithUnit = ActivityDbRow & { unit_path: string; unit_code: string; unit_name: string };

export async function loadActivity(db: Db, actor: Actor, activityId: number, permission: 'read' | 'write') {
  const activity = await db
    .selectFrom('activities as a')
    .innerJoin('org_units as u', 'u.id', 'a.org_unit_id')
    .selectAll('a')
    .select(['u.path as unit_path', 'u.code as unit_code', 'u.name as unit_name'])
    .where('a.id', '=', activityId)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!activity) throw new AppError('activities.not_found');
  if (!isPathInScope(scopeOf(actor, 'activities.read'), activity.unit_path))
    throw new AppError('auth.out_of_scope');
  if (permission === 'write' && !canWriteActivities(actor, activity.unit_path))
    throw new AppError('auth.out_of_scope');
  return activity;
}

export function canWriteActivities(actor: Actor, unitPath: string): boolean {
  return isPathInScope(scopeOf(actor, 'activities.write'), unitPath);
}

/**
 * SQL: the plan item `i` (in plan `p` issued by unit `po`) is a task the unit at `unitPath`
 * (id `unitId`) may link an activity to.
 */
export function linkableTask(unitId: number, unitPath: string) {
  const above = ancestorPaths(unitPath);
  return sql<boolean>`(i.is_task and p.status = 'issued' and (po.path in (${sql.join(above)})
    or exists (select 1 from task_assignments ta where ta.item_id = i.id and ta.org_unit_id = ${unitId})))`;
}

/** SQL: the campaign `c` may carry an activity of the unit at `unitPath`. */
export function linkableCampaign(unitPath: string) {
  const above = ancestorPaths(unitPath);
  return sql<boolean>`(c.org_unit_id is null
    or exists (select 1 from org_units cu where cu.id = c.org_unit_id and cu.path in (${sql.join(above)})))`;
}
