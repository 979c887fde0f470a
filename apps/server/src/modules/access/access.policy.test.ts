import { describe, expect, it } from 'vitest';
import { type Actor, hasPermission, isPathInScope, scopeOf } from './access.policy.ts';

const actor = (grants: Actor['grants']): Actor => ({ userId: 1, username: 'x', sessionId: 's', grants });

describe('access policy', () => {
  it('covers the subtree of the granted unit and nothing beside it', () => {
    const planner = actor([{ id: 1, role: 'planner', orgUnitId: 12, unitPath: '/12/' }]);
    const scope = scopeOf(planner, 'orgUnits.read');
    expect(isPathInScope(scope, '/12/')).toBe(true);
    expect(isPathInScope(scope, '/12/345/')).toBe(true);
    expect(isPathInScope(scope, '/1/')).toBe(false);
    // A prefix of digits is not a parent: /1/ must not cover /12/.
    expect(
      isPathInScope(
        scopeOf(actor([{ id: 2, role: 'viewer', orgUnitId: 1, unitPath: '/1/' }]), 'orgUnits.read'),
        '/12/',
      ),
    ).toBe(false);
  });

  it('gives management permissions only to admins', () => {
    const reporter = actor([{ id: 1, role: 'reporter', orgUnitId: 12, unitPath: '/12/' }]);
    expect(hasPermission(reporter, 'orgUnits.read')).toBe(true);
    expect(hasPermission(reporter, 'orgUnits.manage')).toBe(false);
    expect(hasPermission(reporter, 'users.manage')).toBe(false);
  });

  it('lets a system admin reach everywhere', () => {
    const admin = actor([{ id: 1, role: 'system_admin', orgUnitId: null, unitPath: null }]);
    expect(scopeOf(admin, 'users.manage')).toEqual({ everywhere: true });
  });
});
