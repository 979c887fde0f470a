// Contract for reminders and notices (issue 6 "Reminders") — routes listed below.
/*
 * All paths are under `/api`.
 *
 * | method | path                       | access     | request                   | response (200)   |
 * | ------ | -------------------------- | ---------- | ------------------------- | ---------------- |
 * | GET    | /notifications             | session    | notificationListQuery     | notificationList |
 * | POST   | /notifications/{id}/read   | session    | —                         | notification     |
 * | GET    | /outbox                    | audit.read | outboxQuery (query)       | outboxList       |
 *
 * A notification belongs to one user (each has their own read state) and is about a unit, a
 * round and a submission. Reminders go to the users granted on the reporting unit itself
 * (administrator, planner, reporter): before the due date, on the due day and once overdue, while
 * the report is not submitted; returning and accepting a report notify the same users at once,
 * with the comment. Each notice is also queued as an e-mail in the outbox; without SMTP
 * configured (demo) the outbox is kept, unsent, as the list of what would be sent. The outbox is
 * read by system administrators, and by unit administrators for the units in their subtree.
 */
import { z } from 'zod';

export const notificationKinds = ['due_soon', 'due_today', 'overdue', 'returned', 'accepted'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notification = z.object({
  id: z.number().int(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string(),
  orgUnitId: z.number().int().nullable(),
  roundId: z.number().int().nullable(),
  submissionId: z.number().int().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationListQuery = z.object({
  unreadOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const notificationList = z.object({
  /** Unread first, newest first within each. */
  items: z.array(notification),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationList>;

export const notificationIdParam = z.object({ id: z.coerce.number().int().positive() });

export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'demo', 'no_address'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
export const outboxStatusLabels: Record<OutboxStatus, { vi: string; en: string }> = {
  pending: { vi: 'Chờ gửi', en: 'Pending' },
  sending: { vi: 'Đang gửi', en: 'Sending' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  failed: { vi: 'Gửi không thành công', en: 'Failed' },
  demo: { vi: 'Chế độ thử: không gửi', en: 'Demo: not sent' },
  no_address: { vi: 'Người nhận chưa có địa chỉ e-mail', en: 'No e-mail address' },
};

/** `demo`: no SMTP configured; `smtp`: sending; `not_configured`: SMTP set but no transport available. */
export const mailModes = ['demo', 'smtp', 'not_configured'] as const;
export type MailMode = (typeof mailModes)[number];

export const outboxQuery = z.object({
  status: z.enum(outboxStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const outboxItem = z.object({
  id: z.number().int(),
  eventKey: z.string(),
  recipient: z.string().nullable(),
  recipientName: z.string().nullable(),
  orgUnitId: z.number().int().nullable(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(outboxStatuses),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItem>;

export const outboxList = z.object({
  mode: z.enum(mailModes),
  /** Why mail is not sent, in Vietnamese (null when sending). */
  modeNote: z.string().nullable(),
  items: z.array(outboxItem),
});
export type OutboxList = z.infer<typeof outboxList>;
