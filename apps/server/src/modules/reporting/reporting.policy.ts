import { type Actor, isPathInScope, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { OrgUnitRow } from '../app/database.types.ts';
import { AppError } from '../app/errors.ts';
import { pathInScope } from '../plans/plans.policy.ts';
import {
  findRound,
  findSubmissionContext,
  type RoundWithUnit,
  type SubmissionContext,
} from './reporting.queries.ts';

/*
 * Who reads and writes reports. A round belongs to its consolidating unit: whoever reads that
 * unit reads the whole round; a reporting unit's readers see the round and their own
 * submissions only. A submission is written (saved, submitted) with `reports.submit` on its
 * unit, and returned or accepted with `rounds.manage` on the round's consolidating unit, which
 * also opens rounds. A unit outside the round sees nothing of it.
 */

export type RoundAccess = 'consolidator' | 'reporter';

export async function loadRoundForRead(
  db: Db,
  actor: Actor,
  roundId: number,
): Promise<{ round: RoundWithUnit; access: RoundAccess }> {
  const round = await findRound(db, roundId);
  if (!round) throw new AppError('reporting.round_not_found');
  const scope = scopeOf(actor, 'reports.read');
  if (isPathInScope(scope, round.unit_path)) return { round, access: 'consolidator' };
  if (scope.everywhere) throw new AppError('auth.out_of_scope');
  const own = await db
    .selectFrom('report_submissions as s')
    .innerJoin('org_units as o', 'o.id', 's.org_unit_id')
    .select('s.id')
    .where('s.round_id', '=', round.id)
    .where(pathInScope('o.path', scope))
    .limit(1)
    .executeTakeFirst();
  if (own) return { round, access: 'reporter' };
  throw new AppError('auth.out_of_scope');
}

export function canReadSubmission(actor: Actor, round: RoundWithUnit, unitPath: string): boolean {
  const scope = scopeOf(actor, 'reports.read');
  return isPathInScope(scope, round.unit_path) || isPathInScope(scope, unitPath);
}

export async function loadSubmissionForRead(
  db: Db,
  actor: Actor,
  submissionId: number,
): Promise<SubmissionContext> {
  const context = await findSubmissionContext(db, submissionId);
  if (!context) throw new AppError('reporting.submission_not_found');
  if (!canReadSubmission(actor, context.round, context.submission.unit_path))
    throw new AppError('auth.out_of_scope');
  return context;
}

export function canSubmitFor(actor: Actor, unitPath: string): boolean {
  return isPathInScope(scopeOf(actor, 'reports.submit'), unitPath);
}

export function canManageRound(actor: Actor, consolidatingUnitPath: string): boolean {
  return isPathInScope(scopeOf(actor, 'rounds.manage'), consolidatingUnitPath);
}

export async function loadSubmissionForWrite(
  db: Db,
  actor: Actor,
  submissionId: number,
): Promise<SubmissionContext> {
  const context = await findSubmissionContext(db, submissionId);
  if (!context) throw new AppError('reporting.submission_not_found');
  if (!canSubmitFor(actor, context.submission.unit_path)) throw new AppError('auth.out_of_scope');
  return context;
}

export async function loadSubmissionForReview(
  db: Db,
  actor: Actor,
  submissionId: number,
): Promise<SubmissionContext> {
  const context = await findSubmissionContext(db, submissionId);
  if (!context) throw new AppError('reporting.submission_not_found');
  if (!canManageRound(actor, context.round.unit_path)) throw new AppError('auth.out_of_scope');
  return context;
}

/**
 * Checks units listed as reporting units of a round of `consolidator`: they exist, lie strictly
 * inside its subtree and are open today. Returns the accepted ids; problems go to `issues`.
 */
export async function checkReportingUnits(
  db: Db,
  consolidator: Pick<OrgUnitRow, 'id' | 'path'>,
  unitIds: number[],
  day: string,
  issues: { path: string; message: string }[],
): Promise<Set<number>> {
  const accepted = new Set<number>();
  if (unitIds.length === 0) return accepted;
  const listed = await db.selectFrom('org_units').selectAll().where('id', 'in', unitIds).execute();
  const found = new Map(listed.map((unit) => [unit.id, unit]));
  unitIds.forEach((id, index) => {
    const unit = found.get(id);
    if (!unit) issues.push({ path: `unitIds.${index}`, message: 'Không tìm thấy đơn vị.' });
    else if (!unit.path.startsWith(consolidator.path) || unit.id === consolidator.id)
      issues.push({ path: `unitIds.${index}`, message: `${unit.name} không thuộc đơn vị tổng hợp.` });
    else if (unit.valid_to !== null && unit.valid_to < day)
      issues.push({ path: `unitIds.${index}`, message: `${unit.name} đã ngừng hoạt động.` });
    else accepted.add(unit.id);
  });
  return accepted;
}
