import { t } from '../../i18n/i18n.ts';
import { formatCount } from '../app/app.format.ts';
import { useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice } from '../app/app.ui.tsx';
import { fetchInbox } from './reporting.api.ts';

/**
 * The home page's reporting card: the inbox's one request, counts only (DESIGN.md "A reporter's
 * inbox": the first screen says what is due and who has not reported, and stays cheap).
 */
export function ReportingInboxCard({ canManage }: { canManage: boolean }) {
  const inbox = useResource((signal) => fetchInbox(signal), []);
  const data = inbox.data;
  const overdue = data ? data.toSubmit.filter((item) => item.isOverdue).length : 0;
  const returned = data ? data.toSubmit.filter((item) => item.status === 'returned').length : 0;
  const missing = data ? data.missing.reduce((sum, round) => sum + round.missing, 0) : 0;
  const counts = [
    { key: 'toSubmit', value: data?.toSubmit.length, isAlert: overdue > 0 },
    { key: 'returned', value: returned, isAlert: returned > 0 },
    { key: 'toReview', value: data?.toReview.length, isAlert: false },
    { key: 'missing', value: missing, isAlert: missing > 0 },
  ].filter((count) => canManage || (count.key !== 'toReview' && count.key !== 'missing'));
  return (
    <section class="card" aria-labelledby="reporting-card-title">
      <h2 id="reporting-card-title">{t('reporting.card.title')}</h2>
      {inbox.error ? (
        <ErrorNotice error={inbox.error} onRetry={inbox.reload} />
      ) : (
        <ul class="summary-counts" aria-busy={inbox.isLoading}>
          {counts.map((count) => (
            <li key={count.key}>
              <a href={paths.reporting} class={count.isAlert ? 'is-alert' : undefined}>
                <strong class="summary-number">
                  {data && count.value !== undefined ? formatCount(count.value) : '…'}
                </strong>
                <span>{t(`reporting.card.${count.key as 'toSubmit'}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={paths.reporting}>{t('reporting.card.all')}</a>
      </p>
    </section>
  );
}
