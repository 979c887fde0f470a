import type { Permission } from '@binhdang/contracts';
import { type Actor, isPathInScope, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { OrgUnitRow } from '../app/database.types.ts';
import { AppError } from '../app/errors.ts';
import { findOrgUnit, findPredecessorIds } from './org-units.queries.ts';

/**
 * Loads a unit the actor may act on with `permission`: inside the subtree of one of their
 * grants, or (for reading) a closed predecessor of a unit there. Not found and out of scope
 * are different errors: scopes follow the public administrative map, so a unit's existence is
 * no secret, while its data is.
 */
export async function loadUnitInScope(
  db: Db,
  actor: Actor,
  permission: Permission,
  unitId: number,
): Promise<OrgUnitRow> {
  const unit = await findOrgUnit(db, unitId);
  if (!unit) throw new AppError('orgUnits.not_found');
  const scope = scopeOf(actor, permission);
  if (isPathInScope(scope, unit.path)) return unit;
  if (permission === 'orgUnits.read' && unit.valid_to !== null) {
    const predecessors = await findPredecessorIds(db, scope);
    if (predecessors.includes(unit.id)) return unit;
  }
  throw new AppError('auth.out_of_scope');
}

/** A new top-level unit (a province) is a system admin's act; anything else needs manage rights on the parent. */
export async function assertCanManageUnderParent(
  db: Db,
  actor: Actor,
  parentId: number | null,
): Promise<OrgUnitRow | null> {
  if (parentId === null) {
    if (!scopeOf(actor, 'orgUnits.manage').everywhere) throw new AppError('auth.out_of_scope');
    return null;
  }
  return loadUnitInScope(db, actor, 'orgUnits.manage', parentId);
}
