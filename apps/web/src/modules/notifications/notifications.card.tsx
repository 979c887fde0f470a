import { t } from '../../i18n/i18n.ts';
import { formatCount } from '../app/app.format.ts';
import { useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice } from '../app/app.ui.tsx';
import { fetchNotifications } from './notifications.api.ts';

/** The home page's notices card: one small request (the count and the newest unread notice). */
export function NotificationsCard() {
  const list = useResource((signal) => fetchNotifications({ unreadOnly: true, limit: 1 }, signal), []);
  const data = list.data;
  const newest = data?.items[0];
  return (
    <section class="card" aria-labelledby="notifications-card-title">
      <h2 id="notifications-card-title">{t('notifications.card.title')}</h2>
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : (
        <ul class="summary-counts" aria-busy={list.isLoading}>
          <li>
            <a href={paths.notifications} class={data && data.unread > 0 ? 'is-alert' : undefined}>
              <strong class="summary-number">{data ? formatCount(data.unread) : '…'}</strong>
              <span>{t('notifications.card.unread')}</span>
            </a>
          </li>
        </ul>
      )}
      {newest && <p class="notification-title">{newest.title}</p>}
      <p>
        <a href={paths.notifications}>{t('notifications.card.all')}</a>
      </p>
    </section>
  );
}
