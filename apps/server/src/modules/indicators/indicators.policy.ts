import { type Actor, isPathInScope, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { OrgUnitRow } from '../app/database.types.ts';
import { AppError } from '../app/errors.ts';
import { findOrgUnit, findPredecessorIds } from '../org-units/org-units.queries.ts';

/*
 * Who reads and writes figures and targets. Figures of a unit are read by every role whose
 * grant covers the unit (or, for a closed unit, a unit it was merged into); written by
 * reporters, planners and admins of the unit's subtree. A unit's targets are set by planners
 * and admins above or at it; national targets (no unit) by a system administrator only. The
 * catalogue is a system administrator's.
 */

export async function loadReadableUnit(db: Db, actor: Actor, unitId: number): Promise<OrgUnitRow> {
  const unit = await findOrgUnit(db, unitId);
  if (!unit) throw new AppError('orgUnits.not_found');
  const scope = scopeOf(actor, 'figures.read');
  if (isPathInScope(scope, unit.path)) return unit;
  if (unit.valid_to !== null && (await findPredecessorIds(db, scope)).includes(unit.id)) return unit;
  throw new AppError('auth.out_of_scope');
}

export function canWriteFigures(actor: Actor, unitPath: string): boolean {
  return isPathInScope(scopeOf(actor, 'figures.write'), unitPath);
}

export function assertCanWriteFigures(actor: Actor, units: { path: string }[]): void {
  if (units.some((unit) => !canWriteFigures(actor, unit.path))) throw new AppError('auth.out_of_scope');
}

export function assertCanManageTarget(actor: Actor, unit: { path: string } | null): void {
  const scope = scopeOf(actor, 'targets.manage');
  if (unit === null ? !scope.everywhere : !isPathInScope(scope, unit.path))
    throw new AppError('auth.out_of_scope');
}

export function assertCanManageCatalogue(actor: Actor): void {
  if (!scopeOf(actor, 'catalogue.manage').everywhere) throw new AppError('auth.forbidden');
}
