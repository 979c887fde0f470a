import type { Permission } from '@binhdang/contracts';
import { type Actor, isPathInScope, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { OrgUnitRow } from '../app/database.types.ts';
import { AppError } from '../app/errors.ts';
import { loadUnitInScope } from '../org-units/org-units.policy.ts';
import { findImportWithUnit, type ImportWithUnit } from './imports.queries.ts';

/*
 * Who sees and handles an uploaded document: it belongs to its receiving unit. Readers of that
 * unit's plans (`plans.read` on its subtree) see it; its planners (`plans.write`) accept or
 * discard it and upload for it.
 */

export async function loadImportInScope(
  db: Db,
  actor: Actor,
  permission: Extract<Permission, 'plans.read' | 'plans.write'>,
  importId: number,
): Promise<ImportWithUnit> {
  const record = await findImportWithUnit(db, importId);
  if (!record) throw new AppError('imports.not_found');
  if (!isPathInScope(scopeOf(actor, permission), record.unit_path)) throw new AppError('auth.out_of_scope');
  return record;
}

/** The unit that receives an upload: one the actor plans for. An unknown id is bad input, not a missing page. */
export async function loadReceivingUnit(db: Db, actor: Actor, orgUnitId: number): Promise<OrgUnitRow> {
  try {
    return await loadUnitInScope(db, actor, 'plans.write', orgUnitId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'orgUnits.not_found')
      throw new AppError('imports.receiving_unit_not_found');
    throw error;
  }
}

/**
 * The plans a unit itself reads (its own, its superiors' issued plans, those assigning it
 * tasks) are the ones a viewer granted on that unit reads: the calendar of one unit.
 */
export function unitAsReader(unit: Pick<OrgUnitRow, 'id' | 'path'>): Actor {
  return {
    userId: 0,
    username: '',
    sessionId: '',
    grants: [{ id: 0, role: 'viewer', orgUnitId: unit.id, unitPath: unit.path }],
  };
}
