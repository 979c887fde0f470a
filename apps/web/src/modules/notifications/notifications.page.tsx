import type { Notification, NotificationKind } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { describeError } from '../app/app.errors.ts';
import { formatCount, formatDateTime } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { ErrorNotice, Loading } from '../app/app.ui.tsx';
import { fetchNotifications, markNotificationRead, unreadCountStore } from './notifications.api.ts';
import { notificationHref, withRead } from './notifications.items.ts';
import './notifications.css';

const kindTones: Record<NotificationKind, string> = {
  due_soon: 'badge-info',
  due_today: 'badge-warning',
  overdue: 'badge-danger',
  returned: 'badge-danger',
  accepted: 'badge-success',
};

export function NotificationsPage() {
  usePageTitle(t('notifications.title'));
  const list = useResource((signal) => fetchNotifications({ limit: 100 }, signal), []);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function markRead(item: Notification) {
    if (!list.data) return;
    setBusyId(item.id);
    setError(null);
    try {
      const updated = await markNotificationRead(item.id);
      const next = withRead(list.data, updated);
      list.setData(next);
      unreadCountStore.set(next.unread);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section class="page">
      <h1>{t('notifications.title')}</h1>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error && <Loading />}
      {error ? (
        <p class="notice notice-error" role="alert">
          {describeError(error)}
        </p>
      ) : null}
      {list.data && (
        <section class="card" aria-labelledby="notifications-list-title">
          <h2 id="notifications-list-title" aria-live="polite">
            {list.data.unread > 0
              ? t('notifications.unreadSummary', { count: formatCount(list.data.unread) })
              : t('notifications.allRead')}
          </h2>
          {list.data.items.length === 0 ? (
            <p class="muted">{t('notifications.empty')}</p>
          ) : (
            <ul class="plain-list notification-list">
              {list.data.items.map((item) => (
                <NotificationItem
                  key={item.id}
                  item={item}
                  isBusy={busyId === item.id}
                  onRead={() => markRead(item)}
                />
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}

function NotificationItem({
  item,
  isBusy,
  onRead,
}: {
  item: Notification;
  isBusy: boolean;
  onRead: () => void;
}) {
  const isUnread = item.readAt === null;
  const link = notificationHref(item);
  return (
    <li class={isUnread ? 'is-unread' : undefined}>
      <span class="badges">
        <span class={`badge ${kindTones[item.kind]}`}>{t(`notifications.kinds.${item.kind}`)}</span>
        {isUnread && <span class="visually-hidden">{t('notifications.unread')}</span>}
      </span>
      <span class="block notification-title">{item.title}</span>
      {item.body && <span class="block notification-body">{item.body}</span>}
      <span class="block unit-meta">
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
        {link && (
          <>
            {' · '}
            <a href={link.href}>
              {link.target === 'submission'
                ? t('notifications.openSubmission')
                : t('notifications.openRound')}
            </a>
          </>
        )}
      </span>
      {isUnread && (
        <button type="button" onClick={onRead} disabled={isBusy} aria-busy={isBusy}>
          {isBusy ? t('common.saving') : t('notifications.markRead')}
        </button>
      )}
    </li>
  );
}
