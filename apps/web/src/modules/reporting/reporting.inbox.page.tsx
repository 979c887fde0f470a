import type { Inbox } from '@binhdang/contracts';
import { t } from '../../i18n/i18n.ts';
import { formatCount, formatDate } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Loading } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { hasPermission, useSession } from '../auth/auth.session.ts';
import { fetchInbox } from './reporting.api.ts';
import { SubmissionStatusBadge } from './reporting.format.tsx';
import './reporting.css';

type InboxItem = Inbox['toSubmit'][number];

export function ReportingInboxPage() {
  usePageTitle(t('reporting.inbox.title'));
  return (
    <RequirePermission permission="reports.read">
      <InboxView />
    </RequirePermission>
  );
}

function InboxView() {
  const session = useSession();
  const inbox = useResource((signal) => fetchInbox(signal), []);
  const canManage = hasPermission(session, 'rounds.manage');
  return (
    <section class="page">
      <header class="page-header">
        <h1>{t('reporting.inbox.title')}</h1>
        {canManage && (
          <a class="button-link button-primary" href={paths.newRound}>
            {t('reporting.inbox.newRound')}
          </a>
        )}
      </header>
      <nav class="link-cards" aria-label={t('reportingHeatmap.related')}>
        <a href={paths.reportingHeatmap}>{t('reportingHeatmap.title')}</a>{' '}
        <a href={paths.reportTemplates}>{t('reportTemplates.title')}</a>
      </nav>
      {inbox.error ? <ErrorNotice error={inbox.error} onRetry={inbox.reload} /> : null}
      {!inbox.data && !inbox.error && <Loading />}
      {inbox.data && (
        <>
          <section class="card" aria-labelledby="to-submit-title">
            <h2 id="to-submit-title">{t('reporting.inbox.toSubmit')}</h2>
            {inbox.data.toSubmit.length === 0 ? (
              <p class="muted">{t('reporting.inbox.nothingToSubmit')}</p>
            ) : (
              <InboxList items={inbox.data.toSubmit} />
            )}
          </section>
          {(canManage || inbox.data.toReview.length > 0 || inbox.data.missing.length > 0) && (
            <>
              <section class="card" aria-labelledby="to-review-title">
                <h2 id="to-review-title">{t('reporting.inbox.toReview')}</h2>
                {inbox.data.toReview.length === 0 ? (
                  <p class="muted">{t('reporting.inbox.nothingToReview')}</p>
                ) : (
                  <InboxList items={inbox.data.toReview} />
                )}
              </section>
              <section class="card" aria-labelledby="missing-title">
                <h2 id="missing-title">{t('reporting.inbox.missing')}</h2>
                {inbox.data.missing.length === 0 ? (
                  <p class="muted">{t('reporting.inbox.nothingMissing')}</p>
                ) : (
                  <ul class="plain-list inbox-list">
                    {inbox.data.missing.map((round) => (
                      <li key={round.roundId}>
                        <a href={paths.round(round.roundId)}>{round.roundTitle}</a>
                        <span class="block unit-meta">
                          {t('reporting.inbox.dueOn', { date: formatDate(round.dueOn) })} ·{' '}
                          <strong class="danger-text">
                            {t('reporting.inbox.missingCount', { count: formatCount(round.missing) })}
                          </strong>
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          )}
        </>
      )}
    </section>
  );
}

function InboxList({ items }: { items: InboxItem[] }) {
  return (
    <ul class="plain-list inbox-list">
      {items.map((item) => (
        <li
          key={item.submissionId}
          class={item.isOverdue || item.status === 'returned' ? 'is-alert' : undefined}
        >
          <a href={paths.submission(item.submissionId)}>{item.roundTitle}</a>
          <span class="block unit-meta">
            {item.orgUnit.name} · {t('reporting.inbox.dueOn', { date: formatDate(item.dueOn) })}
          </span>
          <span class="badges">
            <SubmissionStatusBadge status={item.status} />
            {item.isOverdue && <span class="badge badge-danger">{t('reporting.inbox.overdue')}</span>}
          </span>
          {item.status === 'returned' && (
            <span class="block hint">
              {item.returnComment
                ? t('reporting.inbox.returnedBecause', { reason: item.returnComment })
                : t('reporting.inbox.returnedHint')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
