import {
  formatDateVi,
  type NotificationKind,
  type NotificationList,
  type Notification as NotificationOutput,
  type OutboxList,
  type OutboxStatus,
} from '@binhdang/contracts';
import type { Transaction } from 'kysely';
import { type Actor, scopeOf } from '../access/access.policy.ts';
import type { AppConfig } from '../app/config.ts';
import type { Db } from '../app/database.ts';
import type { Database, NotificationRow } from '../app/database.types.ts';
import { todayInVietnam } from '../app/dates.ts';
import { AppError } from '../app/errors.ts';
import type { Mailer } from './notifications.mail.ts';
import {
  countUnread,
  findOutbox,
  findReminderCandidates,
  findUnitReportWriters,
  findUserNotifications,
  insertNotices,
  markNotificationRead,
  type Notice,
  type ReminderCandidate,
} from './notifications.queries.ts';

/*
 * Reminders before, on and after the due date, computed from the rounds by `runReminders`, and
 * the notices of a returned or accepted report, written in the transition's transaction. Texts
 * are Vietnamese, the language of every recipient; the same text goes by e-mail.
 */

/** Overdue reminders go out for reports due at most this many days ago (no flood from old rounds). */
export const OVERDUE_WINDOW_DAYS = 14;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const withFullStop = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

const mailFooter =
  '\n\n—\nThư tự động từ hệ thống binhdang (công tác bình đẳng giới). Vui lòng không trả lời thư này.';

function reminderText(kind: NotificationKind, candidate: ReminderCandidate, today: string) {
  const due = formatDateVi(candidate.due_on);
  const report = `báo cáo "${candidate.round_title}"`;
  switch (kind) {
    case 'due_soon':
      return {
        title: `Sắp đến hạn nộp báo cáo: ${candidate.round_title}`,
        body: `${candidate.unit_name}: ${report} cần nộp chậm nhất ngày ${due} (còn ${daysBetween(today, candidate.due_on)} ngày).`,
      };
    case 'due_today':
      return {
        title: `Hôm nay là hạn nộp báo cáo: ${candidate.round_title}`,
        body: `${candidate.unit_name}: hôm nay (${due}) là hạn cuối nộp ${report}; báo cáo chưa được nộp.`,
      };
    default:
      return {
        title: `Quá hạn nộp báo cáo: ${candidate.round_title}`,
        body: `${candidate.unit_name}: ${report} đã quá hạn nộp (${due}) mà chưa được nộp. Đề nghị hoàn thành và nộp ngay.`,
      };
  }
}

function reminderNotice(kind: NotificationKind, candidate: ReminderCandidate, today: string): Notice {
  const text = reminderText(kind, candidate, today);
  return {
    // Must match the key findReminderCandidates looks for.
    eventKey: `${kind}:s${candidate.submission_id}:${candidate.due_on}:u${candidate.user_id}`,
    userId: candidate.user_id,
    email: candidate.email,
    orgUnitId: candidate.org_unit_id,
    kind,
    roundId: candidate.round_id,
    submissionId: candidate.submission_id,
    ...text,
    mailBody: `${text.body}${mailFooter}`,
  };
}

export interface ReminderRun {
  today: string;
  /** New notices per kind (each also queued as an e-mail). */
  created: Record<'due_soon' | 'due_today' | 'overdue', number>;
}

/**
 * Computes the reminders due now and inserts those not yet made. Safe to run at any time, as
 * often as wanted, in several processes at once: a notice exists once per event key.
 */
export async function runReminders({
  db,
  clock,
  config,
}: {
  db: Db;
  clock: () => Date;
  config: Pick<AppConfig, 'reminderDaysBefore'>;
}): Promise<ReminderRun> {
  const now = clock();
  const today = todayInVietnam(now);
  const windows = [
    { kind: 'due_soon', fromDay: addDays(today, 1), toDay: addDays(today, config.reminderDaysBefore) },
    { kind: 'due_today', fromDay: today, toDay: today },
    { kind: 'overdue', fromDay: addDays(today, -OVERDUE_WINDOW_DAYS), toDay: addDays(today, -1) },
  ] as const;
  const created = { due_soon: 0, due_today: 0, overdue: 0 };
  for (const window of windows) {
    const candidates = await findReminderCandidates(db, window);
    if (candidates.length === 0) continue;
    const notices = candidates.map((candidate) => reminderNotice(window.kind, candidate, today));
    created[window.kind] = await db.transaction().execute((trx) => insertNotices(trx, notices, now));
  }
  return { today, created };
}

/** The notices of a return (with the reason) or an acceptance, in the transition's transaction. */
export async function notifySubmissionReviewed(
  trx: Transaction<Database>,
  review: {
    submission: { id: number; round_id: number; org_unit_id: number; unit_name: string };
    /** The submission's revision after the transition: one notice per transition. */
    revision: number;
    roundTitle: string;
    decision: 'returned' | 'accepted';
    comment: string | null;
    now: Date;
  },
): Promise<number> {
  const { submission, roundTitle, decision, comment } = review;
  const report = `báo cáo "${roundTitle}"`;
  const text =
    decision === 'returned'
      ? {
          title: `Báo cáo bị trả lại: ${roundTitle}`,
          body: `${submission.unit_name}: ${report} đã bị đơn vị tổng hợp trả lại. Lý do: ${withFullStop(comment ?? '')} Đề nghị chỉnh sửa và nộp lại.`,
        }
      : {
          title: `Báo cáo đã được duyệt: ${roundTitle}`,
          body: `${submission.unit_name}: ${report} đã được duyệt.${comment ? ` Ý kiến: ${comment}` : ''}`,
        };
  const recipients = await findUnitReportWriters(trx, submission.org_unit_id);
  return insertNotices(
    trx,
    recipients.map((user) => ({
      eventKey: `${decision}:s${submission.id}:r${review.revision}:u${user.id}`,
      userId: user.id,
      email: user.email,
      orgUnitId: submission.org_unit_id,
      kind: decision,
      roundId: submission.round_id,
      submissionId: submission.id,
      ...text,
      mailBody: `${text.body}${mailFooter}`,
    })),
    review.now,
  );
}

function toNotification(row: NotificationRow): NotificationOutput {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    orgUnitId: row.org_unit_id,
    roundId: row.round_id,
    submissionId: row.submission_id,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

/** My notices, unread first. */
export async function listNotifications({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: { unreadOnly: boolean; limit: number };
}): Promise<NotificationList> {
  const [rows, unread] = await Promise.all([
    findUserNotifications(db, actor.userId, query),
    countUnread(db, actor.userId),
  ]);
  return { items: rows.map(toNotification), unread };
}

export async function readNotification({
  db,
  clock,
  actor,
  notificationId,
}: {
  db: Db;
  clock: () => Date;
  actor: Actor;
  notificationId: number;
}): Promise<NotificationOutput> {
  const row = await markNotificationRead(db, actor.userId, notificationId, clock());
  // Someone else's notice is answered as missing: its existence is not the reader's business.
  if (!row) throw new AppError('notifications.not_found');
  return toNotification(row);
}

/** The outbox: every e-mail for a system administrator, those about units in a unit administrator's subtree. */
export async function listOutbox({
  db,
  actor,
  mailer,
  query,
}: {
  db: Db;
  actor: Actor;
  mailer: Mailer;
  query: { status?: OutboxStatus | undefined; limit: number };
}): Promise<OutboxList> {
  const rows = await findOutbox(db, { scope: scopeOf(actor, 'audit.read'), ...query });
  return {
    mode: mailer.mode,
    modeNote: mailer.note,
    items: rows.map((row) => ({
      id: row.id,
      eventKey: row.event_key,
      recipient: row.recipient,
      recipientName: row.recipient_name,
      orgUnitId: row.org_unit_id,
      subject: row.subject,
      body: row.body,
      status: row.status as OutboxStatus,
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at.toISOString(),
      sentAt: row.sent_at?.toISOString() ?? null,
    })),
  };
}
