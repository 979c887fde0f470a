import type { Notification, NotificationList } from '@binhdang/contracts';
import { paths } from '../app/app.paths.ts';

/** A notice about a submission opens it; one about a round only opens the round. */
export function notificationHref(
  item: Pick<Notification, 'submissionId' | 'roundId'>,
): { href: string; target: 'submission' | 'round' } | null {
  if (item.submissionId !== null) return { href: paths.submission(item.submissionId), target: 'submission' };
  if (item.roundId !== null) return { href: paths.round(item.roundId), target: 'round' };
  return null;
}

/**
 * The list after one notice was marked read: the item is replaced in place (no jump under the
 * reader's finger) and the unread count goes down once, however often the answer arrives.
 */
export function withRead(list: NotificationList, updated: Notification): NotificationList {
  const previous = list.items.find((item) => item.id === updated.id);
  const wasUnread = previous !== undefined && previous.readAt === null && updated.readAt !== null;
  return {
    items: list.items.map((item) => (item.id === updated.id ? updated : item)),
    unread: wasUnread ? Math.max(0, list.unread - 1) : list.unread,
  };
}
