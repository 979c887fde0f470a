import { type NotificationKind, rolePermissions, roles } from '@binhdang/contracts';
import { sql, type Transaction } from 'kysely';
import type { Scope } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { Database, NotificationRow, OutboxRow } from '../app/database.types.ts';
import { pathInScope } from '../plans/plans.policy.ts';

/*
 * Notices and the outbox. Every notice has a unique event key; inserting one that exists does
 * nothing, which is what makes the scheduler safe to run twice, concurrently or after a restart.
 */

/** Roles that write a unit's reports; a reminder goes to whoever holds one on the unit itself. */
export const reportWriterRoles = roles.filter(
  (role) => role !== 'system_admin' && rolePermissions[role].includes('reports.submit'),
);

export interface Notice {
  eventKey: string;
  userId: number;
  email: string | null;
  orgUnitId: number | null;
  kind: NotificationKind;
  roundId: number | null;
  submissionId: number | null;
  title: string;
  body: string;
  /** The e-mail's text; the in-app body when absent. */
  mailBody?: string;
}

const BATCH = 500;

/**
 * Inserts the notices and their e-mails; those whose event key exists are skipped, both as a
 * notice and as an e-mail. Returns how many were new. Run it inside the transaction of the change
 * that caused them, so a notice exists exactly when its change committed.
 */
export async function insertNotices(
  trx: Transaction<Database> | Db,
  notices: Notice[],
  now: Date,
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < notices.length; start += BATCH) {
    const batch = notices.slice(start, start + BATCH);
    const created = await trx
      .insertInto('notifications')
      .values(
        batch.map((notice) => ({
          user_id: notice.userId,
          org_unit_id: notice.orgUnitId,
          kind: notice.kind,
          round_id: notice.roundId,
          submission_id: notice.submissionId,
          title: notice.title,
          body: notice.body,
          event_key: notice.eventKey,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.column('event_key').doNothing())
      .returning('event_key')
      .execute();
    const isNew = new Set(created.map((row) => row.event_key));
    const mails = batch.filter((notice) => isNew.has(notice.eventKey));
    if (mails.length > 0)
      await trx
        .insertInto('outbox')
        .values(
          mails.map((notice) => ({
            event_key: notice.eventKey,
            user_id: notice.userId,
            org_unit_id: notice.orgUnitId,
            recipient: notice.email,
            subject: notice.title,
            body: notice.mailBody ?? notice.body,
            created_at: now,
          })),
        )
        .onConflict((oc) => oc.column('event_key').doNothing())
        .execute();
    inserted += created.length;
  }
  return inserted;
}

export interface ReminderCandidate {
  submission_id: number;
  round_id: number;
  round_title: string;
  due_on: string;
  org_unit_id: number;
  unit_name: string;
  user_id: number;
  email: string | null;
}

/**
 * Reports not yet submitted (draft or returned) whose due date lies in [fromDay, toDay], with each
 * active user granted a report-writing role on the reporting unit itself. Pairs already notified
 * for `kind` at this due date are left out, so a run every few minutes reads little.
 */
export async function findReminderCandidates(
  db: Db,
  filter: { kind: NotificationKind; fromDay: string; toDay: string },
): Promise<ReminderCandidate[]> {
  const result = await sql<ReminderCandidate>`
    select distinct s.id as submission_id, r.id as round_id, r.title as round_title, r.due_on,
      s.org_unit_id, o.name as unit_name, u.id as user_id, u.email
    from report_submissions s
    join report_rounds r on r.id = s.round_id
    join org_units o on o.id = s.org_unit_id
    join role_grants g on g.org_unit_id = s.org_unit_id and g.role = any(${reportWriterRoles}::text[])
    join users u on u.id = g.user_id and u.is_active
    where s.status in ('draft', 'returned')
      and r.due_on between ${filter.fromDay}::date and ${filter.toDay}::date
      and not exists (
        select 1 from notifications n
        where n.event_key = ${filter.kind} || ':s' || s.id || ':' || to_char(r.due_on, 'YYYY-MM-DD') || ':u' || u.id
      )
    order by s.id, u.id`.execute(db);
  return result.rows;
}

/** Active users granted a report-writing role on the unit itself. */
export function findUnitReportWriters(db: Db | Transaction<Database>, orgUnitId: number) {
  return db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.id', 'u.email'])
    .distinct()
    .where('g.org_unit_id', '=', orgUnitId)
    .where('g.role', 'in', reportWriterRoles)
    .where('u.is_active', '=', true)
    .orderBy('u.id')
    .execute();
}

export function findUserNotifications(
  db: Db,
  userId: number,
  filter: { unreadOnly: boolean; limit: number },
): Promise<NotificationRow[]> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (filter.unreadOnly) query = query.where('read_at', 'is', null);
  return query
    .orderBy(sql`read_at is null`, 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks a user's notice read (the first reading time stays); undefined when it is not theirs. */
export function markNotificationRead(db: Db, userId: number, id: number, now: Date) {
  return db
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', sql<Date>`${now}`) }))
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export function findOutbox(
  db: Db,
  filter: { scope: Scope; status?: string | undefined; limit: number },
): Promise<(OutboxRow & { recipient_name: string | null })[]> {
  let query = db
    .selectFrom('outbox as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('org_units as o', 'o.id', 'm.org_unit_id')
    .selectAll('m')
    .select('u.display_name as recipient_name');
  if (!filter.scope.everywhere) query = query.where(pathInScope('o.path', filter.scope));
  if (filter.status) query = query.where('m.status', '=', filter.status);
  return query.orderBy('m.id', 'desc').limit(filter.limit).execute();
}

/**
 * Claims up to `limit` e-mails to send: pending ones, and ones whose claim is older than the lease
 * (the process that claimed them stopped). `for update skip locked` lets two senders claim at the
 * same moment without waiting on, or taking, each other's rows.
 */
export async function claimOutbox(
  db: Db,
  claim: { token: string; now: Date; leaseExpiredBefore: Date; limit: number },
): Promise<OutboxRow[]> {
  const result = await sql<OutboxRow>`
    update outbox set status = 'sending', attempts = attempts + 1,
      claim_token = ${claim.token}, claimed_at = ${claim.now}
    where id in (
      select id from outbox
      where recipient is not null
        and (status = 'pending' or (status = 'sending' and claimed_at < ${claim.leaseExpiredBefore}))
      order by id
      limit ${claim.limit}
      for update skip locked
    )
    returning *`.execute(db);
  return result.rows;
}

/** Settles a claimed e-mail; only the holder of the claim can (a taken-over claim is not ours). */
export async function settleOutbox(
  db: Db,
  row: { id: number; token: string },
  outcome: { status: 'sent' | 'pending' | 'failed'; now: Date; error?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: outcome.status,
      sent_at: outcome.status === 'sent' ? outcome.now : null,
      last_error: outcome.error ?? null,
      claim_token: null,
    })
    .where('id', '=', row.id)
    .where('claim_token', '=', row.token)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * E-mails that will not go out through SMTP: without SMTP (demo) every pending one is kept as
 * `demo`, the list of what would be sent; with SMTP, those without an address become `no_address`.
 */
export async function settleUnsendable(db: Db, isDemo: boolean): Promise<number> {
  let query = db
    .updateTable('outbox')
    .set({ status: isDemo ? 'demo' : 'no_address' })
    .where('status', '=', 'pending');
  if (!isDemo) query = query.where('recipient', 'is', null);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
