import { type OutboxItem, type OutboxStatus, outboxStatuses, outboxStatusLabels } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { getLanguage, localized, t } from '../../i18n/i18n.ts';
import { formatDateTime } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { ErrorNotice, Field, Loading } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { fetchOutbox } from './notifications.api.ts';
import './notifications.css';

const statusTones: Record<OutboxStatus, string> = {
  pending: 'badge-neutral',
  sending: 'badge-info',
  sent: 'badge-success',
  failed: 'badge-danger',
  demo: 'badge-muted',
  no_address: 'badge-warning',
};

export function OutboxPage() {
  usePageTitle(t('notifications.outbox.title'));
  return (
    <RequirePermission permission="audit.read">
      <OutboxView />
    </RequirePermission>
  );
}

function OutboxView() {
  const [status, setStatus] = useState<OutboxStatus | ''>('');
  const outbox = useResource(
    (signal) => fetchOutbox({ status: status || undefined, limit: 200 }, signal),
    [status],
  );
  const data = outbox.data;
  return (
    <section class="page page-wide">
      <h1>{t('notifications.outbox.title')}</h1>
      {data && data.mode !== 'smtp' && (
        <div class={data.mode === 'demo' ? 'notice notice-warning' : 'notice notice-error'} role="note">
          <p>
            <strong>{t(`notifications.outbox.modes.${data.mode}`)}</strong>
          </p>
          {/* The server explains why in Vietnamese; it stays in Vietnamese, marked as such. */}
          {data.modeNote && <p lang="vi">{data.modeNote}</p>}
        </div>
      )}
      {data?.mode === 'smtp' && <p class="muted">{t('notifications.outbox.modes.smtp')}</p>}
      <fieldset class="card filters">
        <legend>{t('notifications.outbox.filters')}</legend>
        <div class="filter-row">
          <Field label={t('notifications.outbox.status')}>
            {(control) => (
              <select
                {...control}
                value={status}
                onChange={(event) => setStatus(event.currentTarget.value as OutboxStatus | '')}
              >
                <option value="">{t('notifications.outbox.anyStatus')}</option>
                {outboxStatuses.map((value) => (
                  <option key={value} value={value}>
                    {localized(outboxStatusLabels[value])}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      {outbox.error ? <ErrorNotice error={outbox.error} onRetry={outbox.reload} /> : null}
      {!data && !outbox.error && <Loading />}
      {data &&
        (data.items.length === 0 ? (
          <p class="muted">{t('notifications.outbox.empty')}</p>
        ) : (
          <div class="table-scroll" aria-busy={outbox.isLoading}>
            <table class="outbox-table">
              <thead>
                <tr>
                  <th scope="col">{t('notifications.outbox.recipient')}</th>
                  <th scope="col">{t('notifications.outbox.subject')}</th>
                  <th scope="col">{t('notifications.outbox.status')}</th>
                  <th scope="col">{t('notifications.outbox.createdAt')}</th>
                  <th scope="col">{t('notifications.outbox.sentAt')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <OutboxRow key={item.id} item={item} />
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

function OutboxRow({ item }: { item: OutboxItem }) {
  return (
    <tr>
      <td>
        {item.recipientName ?? '—'}
        <br />
        <span class="muted">{item.recipient ?? t('notifications.outbox.noAddress')}</span>
      </td>
      <td lang={getLanguage() === 'vi' ? undefined : 'vi'}>{item.subject}</td>
      <td>
        <span class={`badge ${statusTones[item.status]}`}>{localized(outboxStatusLabels[item.status])}</span>
        {item.lastError && (
          <span class="block hint">{t('notifications.outbox.lastError', { error: item.lastError })}</span>
        )}
      </td>
      <td>{formatDateTime(item.createdAt)}</td>
      <td>{item.sentAt ? formatDateTime(item.sentAt) : '—'}</td>
    </tr>
  );
}
