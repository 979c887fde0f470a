import { type Actor, isPathInScope, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import { AppError } from '../app/errors.ts';
import { type CommunityModelWithUnits, findCommunityModel } from './community-models.queries.ts';

/*
 * Who reads and writes the register. A model belongs to its unit: it is read by whoever reads
 * that unit (`communityModels.read` on the unit or a unit above it) and written by whoever
 * writes there (`communityModels.write`: the unit's reporters, planners and administrators, and
 * those of the units above). Existence is no secret (404 before 403), the content is.
 */

export function canWriteModelOf(actor: Actor, unitPath: string): boolean {
  return isPathInScope(scopeOf(actor, 'communityModels.write'), unitPath);
}

export async function loadModelForRead(
  db: Db,
  actor: Actor,
  modelId: number,
): Promise<CommunityModelWithUnits> {
  const model = await findCommunityModel(db, modelId);
  if (!model) throw new AppError('communityModels.not_found');
  if (!isPathInScope(scopeOf(actor, 'communityModels.read'), model.unit_path))
    throw new AppError('auth.out_of_scope');
  return model;
}

export async function loadModelForWrite(
  db: Db,
  actor: Actor,
  modelId: number,
): Promise<CommunityModelWithUnits> {
  const model = await findCommunityModel(db, modelId);
  if (!model) throw new AppError('communityModels.not_found');
  if (!canWriteModelOf(actor, model.unit_path)) throw new AppError('auth.out_of_scope');
  return model;
}
