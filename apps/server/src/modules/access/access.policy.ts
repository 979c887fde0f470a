import { type Permission, type Role, rolePermissions } from '@binhdang/contracts';
import { AppError } from '../app/errors.ts';

export interface ActorGrant {
  id: number;
  role: Role;
  orgUnitId: number | null;
  /** Path of the granted unit (`/1/12/`); null for a system-wide grant. */
  unitPath: string | null;
}

/** The signed-in user as every service sees them. */
export interface Actor {
  userId: number;
  username: string;
  sessionId: string;
  grants: ActorGrant[];
}

/** Where a permission reaches: everywhere, or the subtrees under these paths. */
export type Scope = { everywhere: true } | { everywhere: false; paths: string[] };

export function grantsWith(actor: Actor, permission: Permission): ActorGrant[] {
  return actor.grants.filter((grant) => rolePermissions[grant.role].includes(permission));
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return grantsWith(actor, permission).length > 0;
}

export function scopeOf(actor: Actor, permission: Permission): Scope {
  const grants = grantsWith(actor, permission);
  if (grants.some((grant) => grant.unitPath === null)) return { everywhere: true };
  return { everywhere: false, paths: grants.map((grant) => grant.unitPath!) };
}

export function isPathInScope(scope: Scope, unitPath: string): boolean {
  return scope.everywhere || scope.paths.some((path) => unitPath.startsWith(path));
}

export function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((grant) => grant.role === 'system_admin');
}

export function assertPermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor, permission)) throw new AppError('auth.forbidden');
}
