import {
  type ActivityKind,
  type ActivityRow,
  type ActivityTaskRef,
  formatDocumentNumber,
  type Participants,
  participantKeys,
} from '@binhdang/contracts';
import { type Expression, type Kysely, sql } from 'kysely';
import type { Database } from '../app/database.types.ts';

/* Reads of the activity log shared by the service, the calendar and the campaigns. */

type Executor = Kysely<Database>;

/** `kinh`… per activity; the grain is one row per cell, absent = 0. */
export async function findParticipants(
  db: Executor,
  activityIds: number[],
): Promise<Map<number, Participants>> {
  const result = new Map<number, Participants>();
  for (const id of activityIds)
    result.set(id, { 'male.kinh': 0, 'male.minority': 0, 'female.kinh': 0, 'female.minority': 0 });
  if (activityIds.length === 0) return result;
  const rows = await db
    .selectFrom('activity_participants')
    .select(['activity_id', 'disaggregation', 'value'])
    .where('activity_id', 'in', activityIds)
    .execute();
  for (const row of rows) {
    const participants = result.get(row.activity_id)!;
    if ((participantKeys as readonly string[]).includes(row.disaggregation))
      participants[row.disaggregation as keyof Participants] = row.value;
  }
  return result;
}

export const participantTotal = (participants: Participants) =>
  participantKeys.reduce((sum, key) => sum + participants[key], 0);

/** Rows of the list for these ids, in the given order. */
export async function findActivityRows(db: Executor, ids: number[]): Promise<ActivityRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('activities as a')
    .innerJoin('org_units as u', 'u.id', 'a.org_unit_id')
    .leftJoin('org_units as pu', 'pu.id', 'a.place_unit_id')
    .leftJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .select([
      'a.id',
      'a.kind',
      'a.title',
      'a.starts_on',
      'a.ends_on',
      'a.place_text',
      'a.cost_state',
      'a.cost_non_state',
      'a.minority_language',
      'u.id as unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'pu.name as place_name',
      'c.id as campaign_id',
      'c.name as campaign_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('activity_tasks as t')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('t.activity_id', '=', 'a.id')
        .as('task_count'),
      eb
        .selectFrom('activity_files as f')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('f.activity_id', '=', 'a.id')
        .as('file_count'),
    ])
    .where('a.id', 'in', ids)
    .execute();
  const participants = await findParticipants(db, ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const cells = participants.get(id)!;
    return [
      {
        id: row.id,
        orgUnit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
        kind: row.kind as ActivityKind,
        title: row.title,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        place: row.place_name ?? row.place_text,
        campaign: row.campaign_id ? { id: row.campaign_id, name: row.campaign_name! } : null,
        participants: cells,
        participantTotal: participantTotal(cells),
        costState: Number(row.cost_state),
        costNonState: Number(row.cost_non_state),
        minorityLanguage: row.minority_language,
        taskCount: Number(row.task_count ?? 0),
        fileCount: Number(row.file_count ?? 0),
      },
    ];
  });
}

/**
 * Task references for these plan items; `assignedUnitId` is `forUnitId` when that unit is
 * assigned the task (its progress page exists), else null.
 */
export async function findTaskRefs(
  db: Executor,
  itemIds: number[],
  forUnitId: number | null,
): Promise<ActivityTaskRef[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('plan_items as i')
    .innerJoin('plans as p', 'p.id', 'i.plan_id')
    .innerJoin('org_units as po', 'po.id', 'p.org_unit_id')
    .select([
      'i.id',
      'i.ref',
      'i.title',
      'i.body',
      'p.id as plan_id',
      'p.number',
      'p.symbol',
      'p.title as plan_title',
      'po.id as unit_id',
      'po.code as unit_code',
      'po.name as unit_name',
    ])
    .select((eb) =>
      forUnitId === null
        ? sql<number | null>`null`.as('assigned_unit_id')
        : eb
            .selectFrom('task_assignments as ta')
            .select('ta.org_unit_id')
            .whereRef('ta.item_id', '=', 'i.id')
            .where('ta.org_unit_id', '=', forUnitId)
            .limit(1)
            .as('assigned_unit_id'),
    )
    .where('i.id', 'in', itemIds)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return itemIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        ref: row.ref,
        text: row.title || row.body,
        plan: {
          id: row.plan_id,
          documentNumber: formatDocumentNumber(row.number, row.symbol),
          title: row.plan_title,
          orgUnit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
        },
        assignedUnitId: (row.assigned_unit_id as number | null) ?? null,
      },
    ];
  });
}

/** `activities as a` in the list: participants summed per key over many activities, and costs. */
export async function sumActivities(db: Executor, idsQuery: Expression<unknown>) {
  const result = await sql<{
    n: number;
    cost_state: number | string | null;
    cost_non_state: number | string | null;
    male_kinh: number | string | null;
    male_minority: number | string | null;
    female_kinh: number | string | null;
    female_minority: number | string | null;
  }>`
    with chosen as (${idsQuery})
    select
      (select count(*) from chosen)::int as n,
      (select sum(a.cost_state) from activities a where a.id in (select id from chosen)) as cost_state,
      (select sum(a.cost_non_state) from activities a where a.id in (select id from chosen)) as cost_non_state,
      (select sum(p.value) from activity_participants p where p.activity_id in (select id from chosen) and p.disaggregation = 'male.kinh') as male_kinh,
      (select sum(p.value) from activity_participants p where p.activity_id in (select id from chosen) and p.disaggregation = 'male.minority') as male_minority,
      (select sum(p.value) from activity_participants p where p.activity_id in (select id from chosen) and p.disaggregation = 'female.kinh') as female_kinh,
      (select sum(p.value) from activity_participants p where p.activity_id in (select id from chosen) and p.disaggregation = 'female.minority') as female_minority`.execute(
    db,
  );
  const row = result.rows[0]!;
  const participants: Participants = {
    'male.kinh': Number(row.male_kinh ?? 0),
    'male.minority': Number(row.male_minority ?? 0),
    'female.kinh': Number(row.female_kinh ?? 0),
    'female.minority': Number(row.female_minority ?? 0),
  };
  return {
    activities: Number(row.n),
    participants,
    participantTotal: participantTotal(participants),
    costState: Number(row.cost_state ?? 0),
    costNonState: Number(row.cost_non_state ?? 0),
  };
}
