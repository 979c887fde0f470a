import {
  type PlanImportReporting,
  periodLabel,
  type RoundDetail,
  type RoundProposal,
  type roundUpdateInput,
} from '@binhdang/contracts';
import type { z } from 'zod';
import type { Actor } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import { todayInVietnam } from '../app/dates.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { findReporting } from '../imports/plan-reader.reporting.ts';
import { loadUnitInScope } from '../org-units/org-units.policy.ts';
import { loadPlanForRead } from '../plans/plans.policy.ts';
import { endOfDueDay, isValidIsoDate } from './reporting.periods.ts';
import { canManageRound, checkReportingUnits } from './reporting.policy.ts';
import { findRound, findTemplates, type RoundWithUnit } from './reporting.queries.ts';
import { getRound } from './reporting.service.ts';

/*
 * Managing a round after it opens (issue 6 §2): the consolidator changes its title or due date,
 * adds reporting units it forgot, and closes it when the consolidated report is final (reopening
 * it if a correction is needed). And rounds proposed by a plan's reporting regime, so that
 * "báo cáo 6 tháng trước 05/6" in an issued plan becomes a round in a click.
 */

interface WriteDeps {
  db: Db;
  clock: () => Date;
  actor: Actor;
  meta: RequestMeta;
}

type Issue = { path: string; message: string };

async function loadRoundForManage(db: Db, actor: Actor, roundId: number): Promise<RoundWithUnit> {
  const round = await findRound(db, roundId);
  if (!round) throw new AppError('reporting.round_not_found');
  if (!canManageRound(actor, round.unit_path)) throw new AppError('auth.out_of_scope');
  return round;
}

export async function updateRound({
  db,
  clock,
  actor,
  meta,
  roundId,
  input,
}: WriteDeps & { roundId: number; input: z.output<typeof roundUpdateInput> }): Promise<RoundDetail> {
  const round = await loadRoundForManage(db, actor, roundId);
  if (round.closed_at !== null) throw new AppError('reporting.round_closed');
  if (input.dueOn !== undefined && !isValidIsoDate(input.dueOn))
    throw new AppError('reporting.invalid_round', {
      issues: [{ path: 'dueOn', message: 'Ngày không tồn tại.' }],
    });
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('report_rounds')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.dueOn !== undefined ? { due_on: input.dueOn, due_at: endOfDueDay(input.dueOn) } : {}),
      })
      .where('id', '=', round.id)
      .execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'reporting.round_update',
      entityType: 'report_round',
      entityId: round.id,
      orgUnitId: round.consolidating_unit_id,
      before: { title: round.title, dueOn: round.due_on },
      after: { title: input.title ?? round.title, dueOn: input.dueOn ?? round.due_on },
      ip: meta.ip,
    });
  });
  return getRound({ db, clock, actor, roundId: round.id });
}

/** Adds reporting units to an open round: one draft report each, like those made at opening. */
export async function addRoundUnits({
  db,
  clock,
  actor,
  meta,
  roundId,
  unitIds,
}: WriteDeps & { roundId: number; unitIds: number[] }): Promise<RoundDetail> {
  const round = await loadRoundForManage(db, actor, roundId);
  if (round.closed_at !== null) throw new AppError('reporting.round_closed');
  const consolidator = { id: round.consolidating_unit_id, path: round.unit_path };
  const issues: Issue[] = [];
  const accepted = await checkReportingUnits(db, consolidator, unitIds, todayInVietnam(clock()), issues);
  const [present, inParent] = await Promise.all([
    db.selectFrom('report_submissions').select('org_unit_id').where('round_id', '=', round.id).execute(),
    round.parent_round_id === null
      ? Promise.resolve([])
      : db
          .selectFrom('report_submissions')
          .select('org_unit_id')
          .where('round_id', '=', round.parent_round_id)
          .execute(),
  ]);
  const presentIds = new Set(present.map((row) => row.org_unit_id));
  const parentIds = new Set(inParent.map((row) => row.org_unit_id));
  unitIds.forEach((id, index) => {
    if (!accepted.has(id)) return;
    if (presentIds.has(id))
      issues.push({ path: `unitIds.${index}`, message: 'Đơn vị đã có trong đợt báo cáo.' });
    else if (parentIds.has(id))
      // Reporting in both would count the unit twice in the parent's consolidation.
      issues.push({
        path: `unitIds.${index}`,
        message: 'Đơn vị đã báo cáo trực tiếp trong đợt báo cáo cấp trên.',
      });
  });
  if (issues.length > 0) throw new AppError('reporting.invalid_round', { issues });
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report_submissions')
      .values([...accepted].map((unitId) => ({ round_id: round.id, org_unit_id: unitId })))
      .onConflict((oc) => oc.columns(['round_id', 'org_unit_id']).doNothing())
      .execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'reporting.round_add_units',
      entityType: 'report_round',
      entityId: round.id,
      orgUnitId: round.consolidating_unit_id,
      after: { unitIds: [...accepted] },
      ip: meta.ip,
    });
  });
  return getRound({ db, clock, actor, roundId: round.id });
}

/** Closes (final: nothing more is submitted, returned or accepted) or reopens a round. */
export async function setRoundClosed({
  db,
  clock,
  actor,
  meta,
  roundId,
  closed,
}: WriteDeps & { roundId: number; closed: boolean }): Promise<RoundDetail> {
  const round = await loadRoundForManage(db, actor, roundId);
  if ((round.closed_at !== null) === closed) return getRound({ db, clock, actor, roundId: round.id });
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('report_rounds')
      .set(closed ? { closed_at: clock(), closed_by: actor.userId } : { closed_at: null, closed_by: null })
      .where('id', '=', round.id)
      .execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: closed ? 'reporting.round_close' : 'reporting.round_reopen',
      entityType: 'report_round',
      entityId: round.id,
      orgUnitId: round.consolidating_unit_id,
      ip: meta.ip,
    });
  });
  return getRound({ db, clock, actor, roundId: round.id });
}

/* ------------------------------------------------------- rounds from a plan */

const templateKindOf: Record<RoundProposal['kind'], string> = {
  '6-month': 'six_month',
  annual: 'annual',
  'self-inspection': 'self_inspection',
  thematic: 'action_month',
  'ad-hoc': 'ad_hoc',
  other: 'ad_hoc',
};

/**
 * The period a report due on `dueOn` covers: a six-month report due by September is the first
 * half (Nghị định 09/2019: cut-off 14/6), a later one the second; an annual report due from July
 * on covers that year, earlier (a January deadline) the year before.
 */
export function periodOfDuty(kind: RoundProposal['kind'], dueOn: string): string {
  const year = Number(dueOn.slice(0, 4));
  const month = Number(dueOn.slice(5, 7));
  if (kind === '6-month') return `${year}S${month <= 9 ? 1 : 2}`;
  return String(month >= 7 ? year : year - 1);
}

/**
 * Rounds a plan's reporting regime asks for: the duties read from an imported plan and those
 * found in a written plan's "Chế độ báo cáo" text. The plan's unit consolidates; its reporting
 * units are the units the duties name inside its subtree or, when a duty names only the plan's
 * own unit (a received plan), the units the plan assigns tasks to.
 */
export async function proposeRoundsFromPlan({
  db,
  clock,
  actor,
  planId,
}: {
  db: Db;
  clock: () => Date;
  actor: Actor;
  planId: number;
}): Promise<{ plan: { id: number; title: string }; items: RoundProposal[] }> {
  const { plan } = await loadPlanForRead(db, actor, planId);
  const consolidator = await loadUnitInScope(db, actor, 'rounds.manage', plan.org_unit_id);
  const stored = await db
    .selectFrom('reporting_duties')
    .select(['org_unit_id', 'kind', 'due_on', 'recipient'])
    .where('plan_id', '=', plan.id)
    .execute();
  const fromText: PlanImportReporting[] = findReporting(
    plan.reporting_regime.split(/\n+/).filter((line) => line.trim() !== ''),
    plan.year,
  );
  const duties = new Map<
    string,
    { kind: RoundProposal['kind']; dueOn: string; recipient: string | null; unitIds: Set<number> }
  >();
  const addDuty = (
    kind: RoundProposal['kind'],
    dueOn: string | null,
    recipient: string | null,
    unitId: number | null,
  ) => {
    if (!dueOn) return;
    const key = `${kind}|${dueOn}`;
    const duty = duties.get(key) ?? { kind, dueOn, recipient, unitIds: new Set<number>() };
    if (unitId !== null) duty.unitIds.add(unitId);
    duty.recipient ??= recipient;
    duties.set(key, duty);
  };
  for (const row of stored)
    addDuty(row.kind as RoundProposal['kind'], row.due_on, row.recipient, row.org_unit_id);
  for (const duty of fromText) addDuty(duty.what, duty.due, duty.to, null);
  if (duties.size === 0) return { plan: { id: plan.id, title: plan.title }, items: [] };

  const day = todayInVietnam(clock());
  const assigned = await db
    .selectFrom('task_assignments as a')
    .innerJoin('plan_items as i', 'i.id', 'a.item_id')
    .innerJoin('org_units as o', 'o.id', 'a.org_unit_id')
    .select(['o.id', 'o.code', 'o.name', 'o.kind', 'o.path', 'o.valid_to'])
    .where('i.plan_id', '=', plan.id)
    .distinct()
    .execute();
  const inside = (unit: { id: number; path: string; valid_to: string | null }) =>
    unit.path.startsWith(consolidator.path) &&
    unit.id !== consolidator.id &&
    (unit.valid_to === null || unit.valid_to >= day);
  const named = await db
    .selectFrom('org_units')
    .select(['id', 'code', 'name', 'kind', 'path', 'valid_to'])
    .where('id', 'in', [0, ...[...duties.values()].flatMap((duty) => [...duty.unitIds])])
    .execute();
  const namedById = new Map(named.map((unit) => [unit.id, unit]));
  const [templates, existing] = await Promise.all([
    findTemplates(db),
    db
      .selectFrom('report_rounds as r')
      .innerJoin('report_templates as t', 't.id', 'r.template_id')
      .select(['r.id', 'r.period', 't.kind'])
      .where('r.consolidating_unit_id', '=', consolidator.id)
      .execute(),
  ]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');
  const items = [...duties.values()]
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .map((duty): RoundProposal => {
      const templateKind = templateKindOf[duty.kind];
      const template = templates.find((candidate) => candidate.is_current && candidate.kind === templateKind);
      const period = periodOfDuty(duty.kind, duty.dueOn);
      const listed = [...duty.unitIds].flatMap((id) => {
        const unit = namedById.get(id);
        return unit && inside(unit) ? [unit] : [];
      });
      const units = (listed.length > 0 ? listed : assigned.filter(inside)).sort(byName);
      return {
        kind: duty.kind,
        template: template
          ? {
              id: template.id,
              code: template.code,
              version: template.version,
              isCurrent: template.is_current,
              kind: template.kind as NonNullable<RoundProposal['template']>['kind'],
              name: template.name,
              periodType: template.period_type as NonNullable<RoundProposal['template']>['periodType'],
            }
          : null,
        period,
        periodLabel: periodLabel(period),
        dueOn: duty.dueOn,
        recipient: duty.recipient,
        consolidatingUnit: {
          id: consolidator.id,
          code: consolidator.code,
          name: consolidator.name,
          kind: consolidator.kind,
        },
        units: units.map((unit) => ({ id: unit.id, code: unit.code, name: unit.name, kind: unit.kind })),
        existingRoundId:
          existing.find((round) => round.period === period && round.kind === templateKind)?.id ?? null,
      };
    });
  return { plan: { id: plan.id, title: plan.title }, items };
}
