import {
  type ActivityKind,
  type ActivityTaskRef,
  type Campaign,
  type CampaignRef,
  type CampaignResults,
  type campaignInput,
  type campaignUpdateInput,
  formatDocumentNumber,
  type Observance,
  observanceDates,
  observances,
  participantKeys,
} from '@binhdang/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { CampaignRow } from '../app/database.types.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { loadUnitInScope } from '../org-units/org-units.policy.ts';
import { ancestorPaths, loadPlanForRead, pathInScope } from '../plans/plans.policy.ts';
import { canWriteActivities } from './activities.policy.ts';
import { findTaskRefs } from './activities.queries.ts';

/*
 * Campaigns and observances. The national observances (../shared/data/observances.json: 8/3,
 * June's family-violence prevention month, 28/6, 20/10, the Action Month 15/11–15/12, 25/11) are
 * rows per year made the first time a year is asked for; `unique (observance, year)` with
 * `on conflict do nothing` lets two requests ask at once and still makes one row each. A unit's
 * campaign is its own (often its part in an observance): its plan of origin, launch day and the
 * results of the activities logged against it.
 */

interface ServiceDeps {
  db: Db;
  clock: () => Date;
  actor: Actor;
}

type Issue = { path: string; message: string };

/** Makes the year's national observances if they are not there yet; safe to run concurrently. */
export async function ensureObservances(db: Db, year: number): Promise<void> {
  const present = await db
    .selectFrom('campaigns')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('year', '=', year)
    .where('observance', 'is not', null)
    .executeTakeFirstOrThrow();
  if (Number(present.n) >= observances.length) return;
  await db
    .insertInto('campaigns')
    .values(
      observances.map((observance) => ({
        org_unit_id: null,
        observance,
        year,
        name: observanceDates[observance].vi,
        starts_on: `${year}-${observanceDates[observance].from}`,
        ends_on: `${year}-${observanceDates[observance].to}`,
      })),
    )
    .onConflict((conflict) => conflict.columns(['observance', 'year']).doNothing())
    .execute();
}

type CampaignWithUnit = CampaignRow & {
  unit_code: string | null;
  unit_name: string | null;
  unit_path: string | null;
};

function campaignsWithUnit(db: Db) {
  return db
    .selectFrom('campaigns as c')
    .leftJoin('org_units as u', 'u.id', 'c.org_unit_id')
    .selectAll('c')
    .select(['u.code as unit_code', 'u.name as unit_name', 'u.path as unit_path']);
}

export function toCampaignRef(row: CampaignWithUnit): CampaignRef {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    observance: row.observance as Observance | null,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    orgUnit: row.org_unit_id ? { id: row.org_unit_id, code: row.unit_code!, name: row.unit_name! } : null,
  };
}

const emptyResults = (): CampaignResults => ({
  activities: 0,
  participants: { 'male.kinh': 0, 'male.minority': 0, 'female.kinh': 0, 'female.minority': 0 },
  participantTotal: 0,
  costState: 0,
  costNonState: 0,
  byKind: [],
});

/**
 * Results per campaign, over the activities the reader may read: those logged against it, and
 * for an observance also those logged against the units' campaigns that belong to it.
 */
async function campaignResults(
  db: Db,
  actor: Actor,
  campaignIds: number[],
): Promise<Map<number, CampaignResults>> {
  const results = new Map<number, CampaignResults>(campaignIds.map((id) => [id, emptyResults()]));
  if (campaignIds.length === 0) return results;
  const rows = await sql<{
    campaign_id: number;
    kind: ActivityKind;
    n: number;
    cost_state: number | string;
    cost_non_state: number | string;
    male_kinh: number;
    male_minority: number;
    female_kinh: number;
    female_minority: number;
  }>`
    with counted as (
      select k.campaign_id, a.id, a.kind, a.cost_state, a.cost_non_state
      from activities a
      join org_units u on u.id = a.org_unit_id
      join campaigns c on c.id = a.campaign_id
      cross join lateral (select c.id as campaign_id union all select c.parent_id where c.parent_id is not null) k
      where a.deleted_at is null and k.campaign_id = any(${campaignIds}::int[])
        and ${pathInScope('u.path', scopeOf(actor, 'activities.read'))}
    )
    select campaign_id, kind, count(*)::int as n, sum(cost_state) as cost_state, sum(cost_non_state) as cost_non_state,
      coalesce(sum((select sum(p.value) from activity_participants p where p.activity_id = counted.id and p.disaggregation = 'male.kinh')), 0)::int as male_kinh,
      coalesce(sum((select sum(p.value) from activity_participants p where p.activity_id = counted.id and p.disaggregation = 'male.minority')), 0)::int as male_minority,
      coalesce(sum((select sum(p.value) from activity_participants p where p.activity_id = counted.id and p.disaggregation = 'female.kinh')), 0)::int as female_kinh,
      coalesce(sum((select sum(p.value) from activity_participants p where p.activity_id = counted.id and p.disaggregation = 'female.minority')), 0)::int as female_minority
    from counted
    group by campaign_id, kind
    order by campaign_id, kind`.execute(db);
  for (const row of rows.rows) {
    const result = results.get(row.campaign_id)!;
    const participants = {
      'male.kinh': Number(row.male_kinh),
      'male.minority': Number(row.male_minority),
      'female.kinh': Number(row.female_kinh),
      'female.minority': Number(row.female_minority),
    };
    const total = participantKeys.reduce((sum, key) => sum + participants[key], 0);
    result.activities += Number(row.n);
    for (const key of participantKeys) result.participants[key] += participants[key];
    result.participantTotal += total;
    result.costState += Number(row.cost_state);
    result.costNonState += Number(row.cost_non_state);
    result.byKind.push({ kind: row.kind, activities: Number(row.n), participants: total });
  }
  return results;
}

async function planRefs(db: Db, planIds: number[]) {
  if (planIds.length === 0) return new Map<number, NonNullable<Campaign['plan']>>();
  const rows = await db
    .selectFrom('plans as p')
    .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
    .select(['p.id', 'p.number', 'p.symbol', 'p.title', 'o.id as unit_id', 'o.code', 'o.name'])
    .where('p.id', 'in', planIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        documentNumber: formatDocumentNumber(row.number, row.symbol),
        title: row.title,
        orgUnit: { id: row.unit_id, code: row.code, name: row.name },
      },
    ]),
  );
}

async function toCampaigns(db: Db, actor: Actor, rows: CampaignWithUnit[]) {
  const parentIds = [...new Set(rows.flatMap((row) => (row.parent_id ? [row.parent_id] : [])))];
  const [results, plans, parents] = await Promise.all([
    campaignResults(
      db,
      actor,
      rows.map((row) => row.id),
    ),
    planRefs(db, [...new Set(rows.flatMap((row) => (row.plan_id ? [row.plan_id] : [])))]),
    parentIds.length > 0
      ? campaignsWithUnit(db).where('c.id', 'in', parentIds).execute()
      : Promise.resolve([]),
  ]);
  const parentById = new Map(parents.map((row) => [row.id, toCampaignRef(row)]));
  return rows.map((row) => ({
    ...toCampaignRef(row),
    parent: row.parent_id ? (parentById.get(row.parent_id) ?? null) : null,
    launchOn: row.launch_on,
    plan: row.plan_id ? (plans.get(row.plan_id) ?? null) : null,
    note: row.note,
    revision: row.revision,
    results: results.get(row.id)!,
    can: { edit: row.org_unit_id !== null && canWriteActivities(actor, row.unit_path!) },
  }));
}

/**
 * The year's observances and the campaigns I read: those of units in my scope and of the units
 * above them; with `orgUnitId`, those of that unit, its subtree and the units above it.
 */
export async function listCampaigns({
  db,
  actor,
  query,
}: ServiceDeps & { query: { year: number; orgUnitId?: number | undefined } }) {
  await ensureObservances(db, query.year);
  const scope = scopeOf(actor, 'activities.read');
  let rows = campaignsWithUnit(db).where('c.year', '=', query.year);
  if (query.orgUnitId) {
    const unit = await loadUnitInScope(db, actor, 'activities.read', query.orgUnitId);
    const above = ancestorPaths(unit.path);
    rows = rows.where((eb) =>
      eb.or([
        eb('c.org_unit_id', 'is', null),
        eb('u.path', 'in', above),
        eb('u.path', 'like', `${unit.path}%`),
      ]),
    );
  } else if (!scope.everywhere) {
    const above = [...new Set(scope.paths.flatMap(ancestorPaths))];
    rows = rows.where((eb) =>
      eb.or([
        eb('c.org_unit_id', 'is', null),
        pathInScope('u.path', scope),
        ...(above.length > 0 ? [eb('u.path', 'in', above)] : []),
      ]),
    );
  }
  const found = await rows
    .orderBy('c.starts_on')
    .orderBy(sql`c.org_unit_id nulls first`)
    .orderBy('c.id')
    .limit(500)
    .execute();
  return { items: await toCampaigns(db, actor, found) };
}

async function loadCampaign(db: Db, actor: Actor, campaignId: number): Promise<CampaignWithUnit> {
  const row = await campaignsWithUnit(db).where('c.id', '=', campaignId).executeTakeFirst();
  if (!row) throw new AppError('campaigns.not_found');
  if (row.unit_path) {
    const scope = scopeOf(actor, 'activities.read');
    const readable =
      scope.everywhere ||
      scope.paths.some((path) => row.unit_path!.startsWith(path) || path.startsWith(row.unit_path!));
    if (!readable) throw new AppError('auth.out_of_scope');
  }
  // A national observance is everyone's (the route has checked `activities.read`).
  return row;
}

export async function getCampaign({
  db,
  actor,
  campaignId,
}: ServiceDeps & { campaignId: number }): Promise<Campaign> {
  const row = await loadCampaign(db, actor, campaignId);
  const [campaign] = await toCampaigns(db, actor, [row]);
  let planTasks: ActivityTaskRef[] = [];
  let planEvents: Campaign['planEvents'] = [];
  if (row.plan_id) {
    const items = await db
      .selectFrom('plan_items')
      .select('id')
      .where('plan_id', '=', row.plan_id)
      .where('is_task', '=', true)
      .orderBy('position')
      .limit(300)
      .execute();
    planTasks = await findTaskRefs(
      db,
      items.map((item) => item.id),
      row.org_unit_id,
    );
    planEvents = (
      await db
        .selectFrom('plan_events')
        .select(['id', 'name', 'starts_on', 'ends_on'])
        .where('plan_id', '=', row.plan_id)
        .orderBy('starts_on')
        .execute()
    ).map((event) => ({ id: event.id, name: event.name, startsOn: event.starts_on, endsOn: event.ends_on }));
  }
  return { ...campaign!, planTasks, planEvents };
}

async function checkCampaign(
  db: Db,
  actor: Actor,
  input: z.output<typeof campaignUpdateInput> | z.output<typeof campaignInput>,
): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (input.startsOn > input.endsOn)
    issues.push({ path: 'endsOn', message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.' });
  if (input.startsOn.slice(0, 4) !== input.endsOn.slice(0, 4))
    issues.push({ path: 'endsOn', message: 'Chiến dịch phải bắt đầu và kết thúc trong cùng một năm.' });
  if (input.launchOn && (input.launchOn < input.startsOn || input.launchOn > input.endsOn))
    issues.push({ path: 'launchOn', message: 'Ngày phát động phải nằm trong thời gian của chiến dịch.' });
  if (input.parentId) {
    const parent = await db
      .selectFrom('campaigns')
      .selectAll()
      .where('id', '=', input.parentId)
      .executeTakeFirst();
    if (!parent || parent.observance === null)
      issues.push({
        path: 'parentId',
        message: 'Chỉ chọn được một ngày kỷ niệm hoặc tháng hành động toàn quốc.',
      });
    else if (String(parent.year) !== input.startsOn.slice(0, 4))
      issues.push({ path: 'parentId', message: 'Chiến dịch phải cùng năm với đợt hưởng ứng toàn quốc.' });
  }
  if (input.planId) {
    try {
      await loadPlanForRead(db, actor, input.planId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      issues.push({
        path: 'planId',
        message: 'Không tìm thấy kế hoạch, hoặc kế hoạch nằm ngoài phạm vi của bạn.',
      });
    }
  }
  return issues;
}

export async function createCampaign({
  db,
  clock,
  actor,
  meta,
  input,
}: ServiceDeps & { meta: RequestMeta; input: z.output<typeof campaignInput> }): Promise<Campaign> {
  const unit = await loadUnitInScope(db, actor, 'activities.write', input.orgUnitId);
  await ensureObservances(db, Number(input.startsOn.slice(0, 4)));
  const issues = await checkCampaign(db, actor, input);
  if (issues.length > 0) throw new AppError('request.invalid', { issues });
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('campaigns')
      .values({
        org_unit_id: unit.id,
        observance: null,
        parent_id: input.parentId,
        year: Number(input.startsOn.slice(0, 4)),
        name: input.name,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        launch_on: input.launchOn,
        plan_id: input.planId,
        note: input.note || null,
        created_by: actor.userId,
        created_at: clock(),
        updated_by: actor.userId,
        updated_at: clock(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: row.id,
      orgUnitId: unit.id,
      after: { ...input },
      ip: meta.ip,
    });
    return row.id;
  });
  return getCampaign({ db, clock, actor, campaignId: id });
}

export async function updateCampaign({
  db,
  clock,
  actor,
  meta,
  campaignId,
  input,
}: ServiceDeps & {
  meta: RequestMeta;
  campaignId: number;
  input: z.output<typeof campaignUpdateInput>;
}): Promise<Campaign> {
  const row = await loadCampaign(db, actor, campaignId);
  if (row.org_unit_id === null) throw new AppError('campaigns.observance_fixed');
  if (!canWriteActivities(actor, row.unit_path!)) throw new AppError('auth.out_of_scope');
  const issues = await checkCampaign(db, actor, input);
  if (issues.length > 0) throw new AppError('request.invalid', { issues });
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('campaigns')
      .set((eb) => ({
        name: input.name,
        year: Number(input.startsOn.slice(0, 4)),
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        launch_on: input.launchOn,
        parent_id: input.parentId,
        plan_id: input.planId,
        note: input.note || null,
        revision: eb('revision', '+', 1),
        updated_by: actor.userId,
        updated_at: clock(),
      }))
      .where('id', '=', campaignId)
      .where('revision', '=', input.revision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('campaigns.conflict');
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'campaign.update',
      entityType: 'campaign',
      entityId: campaignId,
      orgUnitId: row.org_unit_id,
      before: {
        name: row.name,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        launchOn: row.launch_on,
        parentId: row.parent_id,
        planId: row.plan_id,
        note: row.note,
      },
      after: { ...input },
      ip: meta.ip,
    });
  });
  return getCampaign({ db, clock, actor, campaignId });
}
