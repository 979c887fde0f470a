import { t } from '../../i18n/i18n.ts';
import { formatCount } from '../app/app.format.ts';
import { useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice } from '../app/app.ui.tsx';
import { listTasks } from './tasks.api.ts';

/**
 * The home page's "what needs me" card: overdue and due-soon tasks of the user's units. Two
 * one-row requests read only the totals, so the first screen stays cheap for everybody.
 */
export function TaskSummaryCard() {
  const counts = useResource(
    (signal) =>
      Promise.all([
        listTasks({ filter: 'overdue', limit: 1 }, signal),
        listTasks({ filter: 'due_soon', limit: 1 }, signal),
      ]).then(([overdue, dueSoon]) => ({ overdue: overdue.total, dueSoon: dueSoon.total })),
    [],
  );

  return (
    <section class="card task-summary" aria-labelledby="task-summary-title">
      <h2 id="task-summary-title">{t('tasks.summary.title')}</h2>
      {counts.error ? (
        <ErrorNotice error={counts.error} onRetry={counts.reload} />
      ) : (
        <ul class="summary-counts" aria-busy={counts.isLoading}>
          <li>
            <a href={`${paths.tasks}?filter=overdue`} class={counts.data?.overdue ? 'is-alert' : undefined}>
              <strong class="summary-number">{counts.data ? formatCount(counts.data.overdue) : '…'}</strong>
              <span>{t('tasks.summary.overdue')}</span>
            </a>
          </li>
          <li>
            <a href={`${paths.tasks}?filter=due_soon`}>
              <strong class="summary-number">{counts.data ? formatCount(counts.data.dueSoon) : '…'}</strong>
              <span>{t('tasks.summary.dueSoon')}</span>
            </a>
          </li>
        </ul>
      )}
      <p>
        <a href={paths.tasks}>{t('tasks.summary.all')}</a>
      </p>
    </section>
  );
}
