import type { Notification, NotificationList, OutboxList, OutboxStatus } from '@binhdang/contracts';
import { api } from '../app/app.api-client.ts';
import { createStore } from '../app/app.store.ts';

/**
 * My unread count as last seen by the home card or the notices page; null until one of them
 * loaded. The nav shows it as a badge without a request of its own, keeping the first download light.
 */
export const unreadCountStore = createStore<number | null>(null);

/** Mine, unread first, newest first within each, with the unread count. */
export async function fetchNotifications(
  query: { unreadOnly?: boolean; limit?: number },
  signal?: AbortSignal,
): Promise<NotificationList> {
  const list = await api.get<NotificationList>('/notifications', { ...query }, signal);
  unreadCountStore.set(list.unread);
  return list;
}

export function markNotificationRead(id: number): Promise<Notification> {
  return api.post<Notification>(`/notifications/${id}/read`, {});
}

/** The e-mails queued or kept (demo); `audit.read`. */
export function fetchOutbox(
  query: { status?: OutboxStatus | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<OutboxList> {
  return api.get<OutboxList>('/outbox', { ...query }, signal);
}
