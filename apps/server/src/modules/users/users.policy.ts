import { grantableByUnitAdmin, type Role } from '@binhdang/contracts';
import { type Actor, isPathInScope, isSystemAdmin, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import { AppError } from '../app/errors.ts';
import { findGrantsOfUser } from '../auth/auth.queries.ts';
import { findOrgUnit } from '../org-units/org-units.queries.ts';

/**
 * A unit admin manages the accounts whose every grant lies inside the admin's subtree, and
 * grants only below system level; a system admin manages everyone.
 */
export async function assertCanManageUser(db: Db, actor: Actor, userId: number) {
  const grants = await findGrantsOfUser(db, userId);
  if (isSystemAdmin(actor)) return grants;
  const scope = scopeOf(actor, 'users.manage');
  const manageable =
    grants.length > 0 &&
    grants.every((grant) => grant.unitPath !== null && isPathInScope(scope, grant.unitPath));
  if (!manageable) throw new AppError('auth.out_of_scope');
  return grants;
}

export async function assertCanReadUser(db: Db, actor: Actor, userId: number) {
  const grants = await findGrantsOfUser(db, userId);
  if (isSystemAdmin(actor)) return grants;
  const scope = scopeOf(actor, 'users.read');
  if (!grants.some((grant) => grant.unitPath !== null && isPathInScope(scope, grant.unitPath))) {
    throw new AppError('auth.out_of_scope');
  }
  return grants;
}

export async function assertCanGrant(
  db: Db,
  actor: Actor,
  role: Role,
  orgUnitId: number | null,
): Promise<void> {
  if (role === 'system_admin' || orgUnitId === null) {
    if (!isSystemAdmin(actor)) throw new AppError('users.cannot_grant');
    if ((role === 'system_admin') !== (orgUnitId === null)) {
      throw new AppError('request.invalid', {
        issues: [{ path: 'orgUnitId', message: 'Vai trò này cần chọn đơn vị (trừ quản trị hệ thống).' }],
      });
    }
    return;
  }
  const unit = await findOrgUnit(db, orgUnitId);
  if (!unit) throw new AppError('orgUnits.not_found');
  if (isSystemAdmin(actor)) return;
  if (!grantableByUnitAdmin.includes(role)) throw new AppError('users.cannot_grant');
  if (!isPathInScope(scopeOf(actor, 'users.manage'), unit.path)) throw new AppError('auth.out_of_scope');
}
