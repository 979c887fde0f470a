import {
  type Attachment,
  formatDocumentNumber,
  type TaskProgressDetail,
  type TaskRow,
  type taskListQuery,
  type updateProgressInput,
} from '@binhdang/contracts';
import { type ExpressionBuilder, sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, isPathInScope, scopeOf } from '../access/access.policy.ts';
import type { AppConfig } from '../app/config.ts';
import type { Db } from '../app/database.ts';
import type { Database, TaskProgressTable } from '../app/database.types.ts';
import { todayInVietnam } from '../app/dates.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { loadUnitInScope } from '../org-units/org-units.policy.ts';
import { pathInScope } from '../plans/plans.policy.ts';
import { findPlanSummary } from '../plans/plans.queries.ts';
import { addDays, computeTaskStatus, DUE_SOON_DAYS, taskTimeFromColumns } from '../plans/plans.time.ts';
import {
  attachmentsDirectory,
  type CheckedFile,
  readStoredAttachment,
  removeStoredAttachment,
  storeAttachment,
} from './tasks.files.ts';

interface ServiceDeps {
  db: Db;
  clock: () => Date;
  actor: Actor;
}

type TaskBuilder = ExpressionBuilder<Database & { tp: TaskProgressTable }, 'tp'>;

function taskRowsQuery(db: Db) {
  return db
    .selectFrom('task_assignments as a')
    .innerJoin('plan_items as i', 'i.id', 'a.item_id')
    .innerJoin('plans as p', 'p.id', 'i.plan_id')
    .innerJoin('org_units as po', 'po.id', 'p.org_unit_id')
    .innerJoin('org_units as u', 'u.id', 'a.org_unit_id')
    .leftJoin('task_progress as tp', (join) =>
      join.onRef('tp.item_id', '=', 'i.id').onRef('tp.org_unit_id', '=', 'a.org_unit_id'),
    )
    .where('i.is_task', '=', true)
    .where('p.status', '=', 'issued');
}

/** Not done: no progress row yet, or one that is not `done`. */
const isOpen = (eb: TaskBuilder) => eb.or([eb('tp.status', 'is', null), eb('tp.status', '<>', 'done')]);

/**
 * Tasks assigned to the units in my scope, in issued plans. A parent's task that the unit has
 * carried into its own issued plan is listed there instead, so it shows once.
 */
export async function listTasks({
  db,
  clock,
  actor,
  query,
}: ServiceDeps & { query: z.output<typeof taskListQuery> }): Promise<{
  items: TaskRow[];
  total: number;
  today: string;
}> {
  const today = todayInVietnam(clock());
  const scope = scopeOf(actor, 'plans.read');
  let rows = taskRowsQuery(db)
    .where(pathInScope('u.path', scope))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('plan_items as ci')
            .innerJoin('plans as cp', 'cp.id', 'ci.plan_id')
            .select('ci.id')
            .whereRef('ci.source_item_id', '=', 'i.id')
            .whereRef('cp.org_unit_id', '=', 'a.org_unit_id')
            .where('cp.status', '=', 'issued'),
        ),
      ),
    );
  if (query.orgUnitId) {
    const unit = await loadUnitInScope(db, actor, 'plans.read', query.orgUnitId);
    rows = rows.where('u.path', 'like', `${unit.path}%`);
  }
  if (query.planId) rows = rows.where('p.id', '=', query.planId);
  if (query.year) {
    const year = query.year;
    rows = rows.where((eb) =>
      eb.or([
        eb.and([eb('i.due_on', '>=', `${year}-01-01`), eb('i.starts_on', '<=', `${year}-12-31`)]),
        eb.and([eb('i.due_on', 'is', null), eb('p.year', '=', year)]),
      ]),
    );
  }
  if (query.filter === 'open') rows = rows.where(isOpen);
  if (query.filter === 'overdue') rows = rows.where(isOpen).where('i.due_on', '<', today);
  if (query.filter === 'due_soon') {
    rows = rows
      .where(isOpen)
      .where('i.due_on', '>=', today)
      .where('i.due_on', '<=', addDays(today, DUE_SOON_DAYS));
  }

  const counted = await rows.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const found = await rows
    .select([
      'i.id as task_id',
      'i.ref',
      'i.title',
      'i.body',
      'i.time_kind',
      'i.starts_on',
      'i.due_on',
      'i.time_text',
      'a.role',
      'u.id as unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'p.id as plan_id',
      'p.number',
      'p.symbol',
      'p.title as plan_title',
      'p.year',
      'po.id as issuer_id',
      'po.code as issuer_code',
      'po.name as issuer_name',
      'tp.status',
      'tp.percent',
    ])
    .select((eb) =>
      eb
        .selectFrom('attachments as f')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('f.progress_id', '=', 'tp.id')
        .as('attachment_count'),
    )
    .orderBy(sql`i.due_on asc nulls last`)
    .orderBy('p.id')
    .orderBy('i.position')
    .orderBy('u.name')
    .limit(query.limit)
    .execute();

  const items = found.map(
    (row): TaskRow => ({
      taskId: row.task_id,
      ref: row.ref,
      text: row.title || row.body,
      plan: {
        id: row.plan_id,
        documentNumber: formatDocumentNumber(row.number, row.symbol),
        title: row.plan_title,
        year: row.year,
        orgUnit: { id: row.issuer_id, code: row.issuer_code, name: row.issuer_name },
      },
      orgUnit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
      role: row.role as 'lead' | 'support',
      time: taskTimeFromColumns(row.time_kind, row.starts_on, row.due_on),
      timeText: row.time_text,
      dueOn: row.due_on,
      startsOn: row.starts_on,
      status: computeTaskStatus(row.status ?? 'not_started', row.due_on, today),
      percent: row.percent,
      attachmentCount: Number(row.attachment_count ?? 0),
    }),
  );
  return { items, total: Number(counted.n), today };
}

/**
 * A task as one assigned unit carries it. Readers of the unit, and readers on the issuing side
 * of the plan, may look; only the unit's own reporters and planners update it.
 */
async function loadAssignment(db: Db, actor: Actor, taskId: number, unitId: number) {
  const row = await db
    .selectFrom('task_assignments as a')
    .innerJoin('plan_items as i', 'i.id', 'a.item_id')
    .innerJoin('plans as p', 'p.id', 'i.plan_id')
    .innerJoin('org_units as po', 'po.id', 'p.org_unit_id')
    .innerJoin('org_units as u', 'u.id', 'a.org_unit_id')
    .select([
      'a.role',
      'i.id as task_id',
      'i.ref',
      'i.title',
      'i.body',
      'i.time_kind',
      'i.starts_on',
      'i.due_on',
      'i.time_text',
      'i.expected_output',
      'p.id as plan_id',
      'p.status as plan_status',
      'po.path as issuer_path',
      'u.id as unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.path as unit_path',
    ])
    .where('a.item_id', '=', taskId)
    .where('a.org_unit_id', '=', unitId)
    .where('i.is_task', '=', true)
    .executeTakeFirst();
  if (!row || row.plan_status === 'draft') throw new AppError('tasks.not_found');
  const readScope = scopeOf(actor, 'plans.read');
  if (!isPathInScope(readScope, row.unit_path) && !isPathInScope(readScope, row.issuer_path)) {
    throw new AppError('auth.out_of_scope');
  }
  const canUpdate =
    row.plan_status === 'issued' && isPathInScope(scopeOf(actor, 'tasks.progress'), row.unit_path);
  return { ...row, canUpdate };
}

async function findAttachments(
  db: Db,
  where: { progressId: number | null } | { attachmentId: number },
): Promise<Attachment[]> {
  if ('progressId' in where && where.progressId === null) return [];
  const rows = await db
    .selectFrom('attachments as f')
    .leftJoin('users as s', 's.id', 'f.uploaded_by')
    .select(['f.id', 'f.file_name', 'f.content_type', 'f.size_bytes', 'f.uploaded_at', 's.display_name'])
    .where((eb) =>
      'attachmentId' in where
        ? eb('f.id', '=', where.attachmentId)
        : eb('f.progress_id', '=', where.progressId!),
    )
    .orderBy('f.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedBy: row.display_name ?? '',
  }));
}

export async function getTaskProgress({
  db,
  clock,
  actor,
  taskId,
  unitId,
}: ServiceDeps & { taskId: number; unitId: number }): Promise<TaskProgressDetail> {
  const today = todayInVietnam(clock());
  const task = await loadAssignment(db, actor, taskId, unitId);
  const progress = await db
    .selectFrom('task_progress as tp')
    .leftJoin('users as s', 's.id', 'tp.updated_by')
    .selectAll('tp')
    .select('s.display_name')
    .where('tp.item_id', '=', taskId)
    .where('tp.org_unit_id', '=', unitId)
    .executeTakeFirst();
  const [history, attachments, plan] = await Promise.all([
    progress
      ? db
          .selectFrom('task_progress_history as h')
          .leftJoin('users as s', 's.id', 'h.changed_by')
          .select(['h.changed_at', 's.display_name', 'h.status', 'h.percent', 'h.note'])
          .where('h.progress_id', '=', progress.id)
          .orderBy('h.id', 'desc')
          .limit(100)
          .execute()
      : Promise.resolve([]),
    findAttachments(db, { progressId: progress?.id ?? null }),
    findPlanSummary(db, task.plan_id),
  ]);
  const stored = (progress?.status ?? 'not_started') as 'not_started' | 'in_progress' | 'done';
  return {
    taskId: task.task_id,
    orgUnit: { id: task.unit_id, code: task.unit_code, name: task.unit_name },
    role: task.role as 'lead' | 'support',
    status: computeTaskStatus(stored, task.due_on, today),
    storedStatus: stored,
    percent: progress?.percent ?? null,
    note: progress?.note ?? null,
    links: (progress?.links as string[] | undefined) ?? [],
    revision: progress?.revision ?? 0,
    updatedAt: progress && progress.revision > 0 ? progress.updated_at.toISOString() : null,
    updatedBy: progress && progress.revision > 0 ? (progress.display_name ?? null) : null,
    attachments,
    task: {
      id: task.task_id,
      ref: task.ref,
      text: task.title || task.body,
      time: taskTimeFromColumns(task.time_kind, task.starts_on, task.due_on),
      timeText: task.time_text,
      expectedOutput: task.expected_output,
      plan,
    },
    history: history.map((entry) => ({
      at: entry.changed_at.toISOString(),
      by: entry.display_name ?? '',
      status: entry.status as 'not_started' | 'in_progress' | 'done',
      percent: entry.percent,
      note: entry.note,
    })),
    canUpdate: task.canUpdate,
  };
}

function assertCanUpdate(task: { canUpdate: boolean; plan_status: string; unit_path: string }, actor: Actor) {
  if (task.canUpdate) return;
  if (task.plan_status !== 'issued') throw new AppError('tasks.plan_not_issued');
  if (!isPathInScope(scopeOf(actor, 'tasks.progress'), task.unit_path))
    throw new AppError('auth.out_of_scope');
}

export async function updateTaskProgress({
  db,
  clock,
  actor,
  meta,
  taskId,
  unitId,
  input,
}: ServiceDeps & {
  meta: RequestMeta;
  taskId: number;
  unitId: number;
  input: z.output<typeof updateProgressInput>;
}): Promise<TaskProgressDetail> {
  const task = await loadAssignment(db, actor, taskId, unitId);
  assertCanUpdate(task, actor);
  const percent = input.status === 'done' ? (input.percent ?? 100) : input.percent;

  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('task_progress')
      .selectAll()
      .where('item_id', '=', taskId)
      .where('org_unit_id', '=', unitId)
      .executeTakeFirst();
    if ((before?.revision ?? 0) !== input.revision) throw new AppError('tasks.conflict');
    const values = {
      status: input.status,
      percent,
      note: input.note || null,
      links: JSON.stringify(input.links),
      updated_by: actor.userId,
      updated_at: clock(),
    };
    let progressId: number;
    if (before) {
      const updated = await trx
        .updateTable('task_progress')
        .set((eb) => ({ ...values, revision: eb('revision', '+', 1) }))
        .where('id', '=', before.id)
        .where('revision', '=', input.revision)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('tasks.conflict');
      progressId = before.id;
    } else {
      const inserted = await trx
        .insertInto('task_progress')
        .values({ ...values, item_id: taskId, org_unit_id: unitId, revision: 1 })
        .onConflict((conflict) => conflict.columns(['item_id', 'org_unit_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw new AppError('tasks.conflict');
      progressId = inserted.id;
    }
    await trx
      .insertInto('task_progress_history')
      .values({
        progress_id: progressId,
        status: input.status,
        percent,
        note: input.note || null,
        changed_by: actor.userId,
        changed_at: clock(),
      })
      .execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'task.progress',
      entityType: 'task',
      entityId: taskId,
      orgUnitId: unitId,
      before: before ? { status: before.status, percent: before.percent, note: before.note } : null,
      after: { status: input.status, percent, note: input.note || null },
      ip: meta.ip,
    });
  });
  return getTaskProgress({ db, clock, actor, taskId, unitId });
}

export async function addTaskAttachment({
  db,
  clock,
  actor,
  meta,
  config,
  taskId,
  unitId,
  file,
}: ServiceDeps & {
  meta: RequestMeta;
  config: Pick<AppConfig, 'attachmentsDir' | 'dataDir'>;
  taskId: number;
  unitId: number;
  file: CheckedFile;
}): Promise<Attachment> {
  const task = await loadAssignment(db, actor, taskId, unitId);
  assertCanUpdate(task, actor);
  const directory = attachmentsDirectory(config);
  const stored = await storeAttachment(directory, file.bytes);
  let id: number;
  try {
    id = await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('task_progress')
        .values({ item_id: taskId, org_unit_id: unitId, updated_by: actor.userId, updated_at: clock() })
        .onConflict((conflict) => conflict.columns(['item_id', 'org_unit_id']).doNothing())
        .execute();
      const progress = await trx
        .selectFrom('task_progress')
        .select('id')
        .where('item_id', '=', taskId)
        .where('org_unit_id', '=', unitId)
        .executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('attachments')
        .values({
          progress_id: progress.id,
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
        action: 'task.attach',
        entityType: 'attachment',
        entityId: row.id,
        orgUnitId: unitId,
        after: { taskId, fileName: file.fileName, sizeBytes: file.bytes.byteLength, sha256: stored.sha256 },
        ip: meta.ip,
      });
      return row.id;
    });
  } catch (error) {
    // The row never committed, so nothing names the file: remove it.
    await removeStoredAttachment(directory, stored.storageKey);
    throw error;
  }
  const [attachment] = await findAttachments(db, { attachmentId: id });
  return attachment!;
}

/** The file, for whoever may read the task it is evidence for. */
export async function readTaskAttachment({
  db,
  actor,
  config,
  attachmentId,
}: Omit<ServiceDeps, 'clock'> & {
  config: Pick<AppConfig, 'attachmentsDir' | 'dataDir'>;
  attachmentId: number;
}) {
  const row = await db
    .selectFrom('attachments as f')
    .innerJoin('task_progress as tp', 'tp.id', 'f.progress_id')
    .select(['f.file_name', 'f.content_type', 'f.storage_key', 'tp.item_id', 'tp.org_unit_id'])
    .where('f.id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) throw new AppError('attachments.not_found');
  await loadAssignment(db, actor, row.item_id, row.org_unit_id);
  const bytes = await readStoredAttachment(attachmentsDirectory(config), row.storage_key);
  return { bytes, fileName: row.file_name, contentType: row.content_type };
}
