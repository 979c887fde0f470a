import {
  type Activity,
  type ActivityLinks,
  type ActivityList,
  type AgeGroup,
  type activityInput,
  type activityListQuery,
  type activityUpdateInput,
  type Participants,
  participantKeys,
  type TargetGroup,
} from '@binhdang/contracts';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type Actor, scopeOf } from '../access/access.policy.ts';
import type { AppConfig } from '../app/config.ts';
import type { Db } from '../app/database.ts';
import type { Database, OrgUnitRow } from '../app/database.types.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { loadUnitInScope } from '../org-units/org-units.policy.ts';
import { pathInScope } from '../plans/plans.policy.ts';
import {
  attachmentsDirectory,
  type CheckedFile,
  readStoredAttachment,
  removeStoredAttachment,
  storeAttachment,
} from '../tasks/tasks.files.ts';
import { ensureObservances, toCampaignRef } from './activities.campaigns.ts';
import { canWriteActivities, linkableCampaign, linkableTask, loadActivity } from './activities.policy.ts';
import { findActivityRows, findParticipants, findTaskRefs, sumActivities } from './activities.queries.ts';

/*
 * The activity log: what a unit did, when and where, for which plan tasks and campaign, with how
 * many men and women, Kinh and minority people, at what cost. Writes check the links against
 * what the unit carries (activities.policy.ts), carry the revision the editor loaded, and write
 * the row, its participants, its tasks and the audit row in one transaction.
 */

interface ServiceDeps {
  db: Db;
  clock: () => Date;
  actor: Actor;
}
interface WriteDeps extends ServiceDeps {
  meta: RequestMeta;
}

type Issue = { path: string; message: string };
type ActivityFields = Omit<z.output<typeof activityInput>, 'orgUnitId'>;

const PLACE_KINDS = ['commune', 'ward', 'special_zone'];
const MAX_SPAN_DAYS = 366;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every problem of one activity against the log and the registry, with a Vietnamese message per field. */
export async function checkActivity(
  db: Db | Transaction<Database>,
  unit: Pick<OrgUnitRow, 'id' | 'path'>,
  input: ActivityFields,
  prefix = '',
): Promise<Issue[]> {
  const issues: Issue[] = [];
  const at = (path: string) => `${prefix}${path}`;
  const endsOn = input.endsOn ?? input.startsOn;
  if (endsOn < input.startsOn)
    issues.push({ path: at('endsOn'), message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.' });
  else if (daysBetween(input.startsOn, endsOn) > MAX_SPAN_DAYS)
    issues.push({
      path: at('endsOn'),
      message: 'Một hoạt động kéo dài không quá một năm; hãy ghi từng đợt.',
    });
  if (input.placeUnitId !== null) {
    const place = await db
      .selectFrom('org_units')
      .select(['id', 'kind'])
      .where('id', '=', input.placeUnitId)
      .executeTakeFirst();
    if (!place || !PLACE_KINDS.includes(place.kind))
      issues.push({
        path: at('placeUnitId'),
        message: 'Địa điểm phải là một xã, phường hoặc đặc khu trong danh mục.',
      });
  }
  const taskIds = [...new Set(input.taskIds)];
  if (taskIds.length > 0) {
    const found = await db
      .selectFrom('plan_items as i')
      .innerJoin('plans as p', 'p.id', 'i.plan_id')
      .innerJoin('org_units as po', 'po.id', 'p.org_unit_id')
      .select('i.id')
      .where('i.id', 'in', taskIds)
      .where(linkableTask(unit.id, unit.path))
      .execute();
    const ok = new Set(found.map((row) => row.id));
    input.taskIds.forEach((id, index) => {
      if (!ok.has(id))
        issues.push({
          path: at(`taskIds.${index}`),
          message: 'Nhiệm vụ không thuộc kế hoạch đã ban hành mà đơn vị được giao hoặc thực hiện.',
        });
    });
  }
  if (input.campaignId !== null) {
    const campaign = await db
      .selectFrom('campaigns as c')
      .select('c.id')
      .where('c.id', '=', input.campaignId)
      .where(linkableCampaign(unit.path))
      .executeTakeFirst();
    if (!campaign)
      issues.push({
        path: at('campaignId'),
        message: 'Chiến dịch không tồn tại hoặc không phải của đơn vị, đơn vị cấp trên hay toàn quốc.',
      });
  }
  return issues;
}

function participantRows(activityId: number, participants: Participants) {
  return participantKeys
    .filter((key) => participants[key] > 0)
    .map((key) => ({ activity_id: activityId, disaggregation: key, value: participants[key] }));
}

function columnsOf(input: ActivityFields) {
  return {
    kind: input.kind,
    title: input.title,
    starts_on: input.startsOn,
    ends_on: input.endsOn ?? input.startsOn,
    place_unit_id: input.placeUnitId,
    place_text: input.placeText || null,
    campaign_id: input.campaignId,
    age_group: input.ageGroup,
    target_groups: JSON.stringify([...new Set(input.targetGroups)]),
    cost_state: input.costState,
    cost_non_state: input.costNonState,
    minority_language: input.minorityLanguage,
    note: input.note || null,
  };
}

/** Writes activities with their participants and tasks inside `trx`; returns the new ids in order. */
export async function insertActivities(
  trx: Transaction<Database>,
  rows: { orgUnitId: number; input: ActivityFields }[],
  stamp: { userId: number; now: Date; importId: number | null },
): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await trx
    .insertInto('activities')
    .values(
      rows.map(({ orgUnitId, input }) => ({
        org_unit_id: orgUnitId,
        ...columnsOf(input),
        import_id: stamp.importId,
        created_by: stamp.userId,
        created_at: stamp.now,
        updated_by: stamp.userId,
        updated_at: stamp.now,
      })),
    )
    .returning('id')
    .execute();
  // Identity values come back in the order of the VALUES list on both engines.
  const ids = inserted.map((row) => row.id).sort((a, b) => a - b);
  const participants = rows.flatMap(({ input }, index) => participantRows(ids[index]!, input.participants));
  if (participants.length > 0) await trx.insertInto('activity_participants').values(participants).execute();
  const tasks = rows.flatMap(({ input }, index) =>
    [...new Set(input.taskIds)].map((itemId) => ({ activity_id: ids[index]!, item_id: itemId })),
  );
  if (tasks.length > 0) await trx.insertInto('activity_tasks').values(tasks).execute();
  return ids;
}

export async function createActivity({
  db,
  clock,
  actor,
  meta,
  input,
}: WriteDeps & { input: z.output<typeof activityInput> }): Promise<Activity> {
  const unit = await loadUnitInScope(db, actor, 'activities.write', input.orgUnitId);
  await ensureObservances(db, Number(input.startsOn.slice(0, 4)));
  const issues = await checkActivity(db, unit, input);
  if (issues.length > 0) throw new AppError('activities.invalid', { issues });
  const id = await db.transaction().execute(async (trx) => {
    const [id] = await insertActivities(trx, [{ orgUnitId: unit.id, input }], {
      userId: actor.userId,
      now: clock(),
      importId: null,
    });
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'activity.create',
      entityType: 'activity',
      entityId: id!,
      orgUnitId: unit.id,
      after: { ...input },
      ip: meta.ip,
    });
    return id!;
  });
  return getActivity({ db, clock, actor, activityId: id });
}

export async function getActivity({
  db,
  actor,
  activityId,
}: ServiceDeps & { activityId: number }): Promise<Activity> {
  const activity = await loadActivity(db, actor, activityId, 'read');
  const [[row], taskItems, files, place, campaign, people] = await Promise.all([
    findActivityRows(db, [activity.id]),
    db
      .selectFrom('activity_tasks')
      .select('item_id')
      .where('activity_id', '=', activity.id)
      .orderBy('item_id')
      .execute(),
    db
      .selectFrom('activity_files as f')
      .leftJoin('users as s', 's.id', 'f.uploaded_by')
      .select(['f.id', 'f.file_name', 'f.content_type', 'f.size_bytes', 'f.uploaded_at', 's.display_name'])
      .where('f.activity_id', '=', activity.id)
      .orderBy('f.id')
      .execute(),
    activity.place_unit_id
      ? db
          .selectFrom('org_units')
          .select(['id', 'code', 'name'])
          .where('id', '=', activity.place_unit_id)
          .executeTakeFirst()
      : undefined,
    activity.campaign_id
      ? db
          .selectFrom('campaigns as c')
          .leftJoin('org_units as u', 'u.id', 'c.org_unit_id')
          .selectAll('c')
          .select(['u.code as unit_code', 'u.name as unit_name', 'u.path as unit_path'])
          .where('c.id', '=', activity.campaign_id)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where(
        'id',
        'in',
        [activity.created_by ?? 0, activity.updated_by ?? 0].filter((id) => id > 0).concat([0]),
      )
      .execute(),
  ]);
  const tasks = await findTaskRefs(
    db,
    taskItems.map((item) => item.item_id),
    activity.org_unit_id,
  );
  const nameOf = (id: number | null) => people.find((person) => person.id === id)?.display_name ?? null;
  const targetGroups = (
    typeof activity.target_groups === 'string' ? JSON.parse(activity.target_groups) : activity.target_groups
  ) as TargetGroup[];
  return {
    ...row!,
    placeUnit: place ?? null,
    placeText: activity.place_text,
    tasks,
    campaign: campaign ? toCampaignRef(campaign) : null,
    ageGroup: activity.age_group as AgeGroup | null,
    targetGroups,
    note: activity.note,
    files: files.map((file) => ({
      id: file.id,
      fileName: file.file_name,
      contentType: file.content_type,
      sizeBytes: file.size_bytes,
      uploadedAt: file.uploaded_at.toISOString(),
      uploadedBy: file.display_name ?? '',
    })),
    revision: activity.revision,
    createdAt: activity.created_at.toISOString(),
    createdBy: nameOf(activity.created_by),
    updatedAt: activity.updated_at.toISOString(),
    updatedBy: nameOf(activity.updated_by),
    importId: activity.import_id,
    can: { edit: canWriteActivities(actor, activity.unit_path) },
  };
}

function snapshotOf(activity: { [key: string]: unknown }, participants: Participants, taskIds: number[]) {
  return {
    kind: activity.kind,
    title: activity.title,
    startsOn: activity.starts_on,
    endsOn: activity.ends_on,
    placeUnitId: activity.place_unit_id,
    placeText: activity.place_text,
    campaignId: activity.campaign_id,
    ageGroup: activity.age_group,
    costState: Number(activity.cost_state),
    costNonState: Number(activity.cost_non_state),
    minorityLanguage: activity.minority_language,
    note: activity.note,
    participants,
    taskIds,
  };
}

/** Saves the whole activity against the revision the editor loaded (409 `activities.conflict` when stale). */
export async function updateActivity({
  db,
  clock,
  actor,
  meta,
  activityId,
  input,
}: WriteDeps & { activityId: number; input: z.output<typeof activityUpdateInput> }): Promise<Activity> {
  const activity = await loadActivity(db, actor, activityId, 'write');
  if (activity.revision !== input.revision) throw new AppError('activities.conflict');
  await ensureObservances(db, Number(input.startsOn.slice(0, 4)));
  const issues = await checkActivity(db, { id: activity.org_unit_id, path: activity.unit_path }, input);
  if (issues.length > 0) throw new AppError('activities.invalid', { issues });
  const [beforeParticipants, beforeTasks] = await Promise.all([
    findParticipants(db, [activity.id]),
    db.selectFrom('activity_tasks').select('item_id').where('activity_id', '=', activity.id).execute(),
  ]);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('activities')
      .set((eb) => ({
        ...columnsOf(input),
        revision: eb('revision', '+', 1),
        updated_by: actor.userId,
        updated_at: clock(),
      }))
      .where('id', '=', activity.id)
      .where('revision', '=', input.revision)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('activities.conflict');
    await trx.deleteFrom('activity_participants').where('activity_id', '=', activity.id).execute();
    const participants = participantRows(activity.id, input.participants);
    if (participants.length > 0) await trx.insertInto('activity_participants').values(participants).execute();
    await trx.deleteFrom('activity_tasks').where('activity_id', '=', activity.id).execute();
    const tasks = [...new Set(input.taskIds)].map((itemId) => ({
      activity_id: activity.id,
      item_id: itemId,
    }));
    if (tasks.length > 0) await trx.insertInto('activity_tasks').values(tasks).execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'activity.update',
      entityType: 'activity',
      entityId: activity.id,
      orgUnitId: activity.org_unit_id,
      before: snapshotOf(
        activity,
        beforeParticipants.get(activity.id)!,
        beforeTasks.map((row) => row.item_id),
      ),
      after: { ...input },
      ip: meta.ip,
    });
  });
  return getActivity({ db, clock, actor, activityId: activity.id });
}

/** Marks the activity deleted (kept for the reports that counted it), against the revision shown. */
export async function deleteActivity({
  db,
  clock,
  actor,
  meta,
  activityId,
  revision,
}: WriteDeps & { activityId: number; revision: number }): Promise<{ deleted: true }> {
  const activity = await loadActivity(db, actor, activityId, 'write');
  if (activity.revision !== revision) throw new AppError('activities.conflict');
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('activities')
      .set((eb) => ({
        deleted_at: clock(),
        deleted_by: actor.userId,
        revision: eb('revision', '+', 1),
        updated_by: actor.userId,
        updated_at: clock(),
      }))
      .where('id', '=', activity.id)
      .where('revision', '=', revision)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('activities.conflict');
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'activity.delete',
      entityType: 'activity',
      entityId: activity.id,
      orgUnitId: activity.org_unit_id,
      before: { title: activity.title, kind: activity.kind, startsOn: activity.starts_on },
      ip: meta.ip,
    });
  });
  return { deleted: true };
}

/** The activities I read, filtered; newest first, with the totals over every match. */
export async function listActivities({
  db,
  actor,
  query,
}: ServiceDeps & { query: z.output<typeof activityListQuery> }): Promise<ActivityList> {
  let rows = db
    .selectFrom('activities as a')
    .innerJoin('org_units as u', 'u.id', 'a.org_unit_id')
    .where('a.deleted_at', 'is', null)
    .where(pathInScope('u.path', scopeOf(actor, 'activities.read')));
  if (query.orgUnitId) {
    const unit = await loadUnitInScope(db, actor, 'activities.read', query.orgUnitId);
    rows = query.subtree ? rows.where('u.path', 'like', `${unit.path}%`) : rows.where('u.id', '=', unit.id);
  }
  if (query.from) rows = rows.where('a.starts_on', '>=', query.from);
  if (query.to) rows = rows.where('a.starts_on', '<=', query.to);
  if (query.kind) rows = rows.where('a.kind', '=', query.kind);
  if (query.campaignId) {
    const campaignId = query.campaignId;
    rows = rows.where((eb) =>
      eb.or([
        eb('a.campaign_id', '=', campaignId),
        eb(
          'a.campaign_id',
          'in',
          eb.selectFrom('campaigns').select('id').where('parent_id', '=', campaignId),
        ),
      ]),
    );
  }
  if (query.taskId) {
    const taskId = query.taskId;
    rows = rows.where((eb) =>
      eb.exists(
        eb
          .selectFrom('activity_tasks as t')
          .select('t.activity_id')
          .whereRef('t.activity_id', '=', 'a.id')
          .where('t.item_id', '=', taskId),
      ),
    );
  }
  const page = await rows
    .select('a.id')
    .orderBy('a.starts_on', 'desc')
    .orderBy('a.id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const [items, totals] = await Promise.all([
    findActivityRows(
      db,
      page.map((row) => row.id),
    ),
    sumActivities(db, rows.select('a.id')),
  ]);
  return { items, total: totals.activities, totals };
}

/** What an activity of this unit can be linked to, for the entry form. */
export async function getActivityLinks({
  db,
  actor,
  query,
}: ServiceDeps & { query: { orgUnitId: number; year: number } }): Promise<ActivityLinks> {
  const unit = await loadUnitInScope(db, actor, 'activities.read', query.orgUnitId);
  await ensureObservances(db, query.year);
  const rootPath = `/${unit.path.split('/').filter(Boolean)[0]}/`;
  const [taskItems, campaigns, places] = await Promise.all([
    db
      .selectFrom('plan_items as i')
      .innerJoin('plans as p', 'p.id', 'i.plan_id')
      .innerJoin('org_units as po', 'po.id', 'p.org_unit_id')
      .select('i.id')
      .where(linkableTask(unit.id, unit.path))
      .where('p.year', '=', query.year)
      .orderBy('p.id')
      .orderBy('i.position')
      .limit(500)
      .execute(),
    db
      .selectFrom('campaigns as c')
      .leftJoin('org_units as u', 'u.id', 'c.org_unit_id')
      .selectAll('c')
      .select(['u.code as unit_code', 'u.name as unit_name', 'u.path as unit_path'])
      .where('c.year', '=', query.year)
      .where(linkableCampaign(unit.path))
      .orderBy('c.starts_on')
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('org_units')
      .select(['id', 'code', 'name'])
      .where('path', 'like', `${rootPath}%`)
      .where('kind', 'in', PLACE_KINDS)
      .where('valid_to', 'is', null)
      .orderBy('name')
      .limit(1000)
      .execute(),
  ]);
  return {
    tasks: await findTaskRefs(
      db,
      taskItems.map((item) => item.id),
      unit.id,
    ),
    campaigns: campaigns.map(toCampaignRef),
    places,
  };
}

/* ----------------------------------------------------------------------- files */

export async function addActivityFile({
  db,
  clock,
  actor,
  meta,
  config,
  activityId,
  file,
}: WriteDeps & {
  config: Pick<AppConfig, 'attachmentsDir' | 'dataDir'>;
  activityId: number;
  file: CheckedFile;
}): Promise<Activity['files'][number]> {
  const activity = await loadActivity(db, actor, activityId, 'write');
  const directory = attachmentsDirectory(config);
  // Flushed to disk before the row that names it commits (tasks.files.ts).
  const stored = await storeAttachment(directory, file.bytes);
  let id: number;
  try {
    id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('activity_files')
        .values({
          activity_id: activity.id,
          file_name: file.fileName,
          content_type: file.contentType,
          size_bytes: file.bytes.byteLength,
          sha256: stored.sha256,
          storage_key: stored.storageKey,
          uploaded_by: actor.userId,
          uploaded_at: clock(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertAuditRecord(trx, {
        actorUserId: actor.userId,
        action: 'activity.attach',
        entityType: 'activity_file',
        entityId: row.id,
        orgUnitId: activity.org_unit_id,
        after: {
          activityId,
          fileName: file.fileName,
          sizeBytes: file.bytes.byteLength,
          sha256: stored.sha256,
        },
        ip: meta.ip,
      });
      return row.id;
    });
  } catch (error) {
    await removeStoredAttachment(directory, stored.storageKey);
    throw error;
  }
  const saved = (await getActivity({ db, clock, actor, activityId })).files.find((entry) => entry.id === id);
  return saved!;
}

/** The file, for whoever may read its activity. */
export async function readActivityFile({
  db,
  actor,
  config,
  fileId,
}: Omit<ServiceDeps, 'clock'> & { config: Pick<AppConfig, 'attachmentsDir' | 'dataDir'>; fileId: number }) {
  const row = await db
    .selectFrom('activity_files')
    .select(['file_name', 'content_type', 'storage_key', 'activity_id'])
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!row) throw new AppError('attachments.not_found');
  await loadActivity(db, actor, row.activity_id, 'read');
  const bytes = await readStoredAttachment(attachmentsDirectory(config), row.storage_key);
  return { bytes, fileName: row.file_name, contentType: row.content_type };
}
