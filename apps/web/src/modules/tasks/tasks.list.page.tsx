import type { TaskRow } from '@binhdang/contracts';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { type MessageKey, t } from '../../i18n/i18n.ts';
import { formatCount, todayIso } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, Loading } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import {
  currentYear,
  Percent,
  planNumber,
  roleLabel,
  TaskStatusBadge,
  yearOptions,
} from '../plans/plans.format.tsx';
import { describeTaskTime } from '../plans/plans.time.ts';
import { listTasks, type TaskFilter } from './tasks.api.ts';
import { TaskTimeline } from './tasks.calendar.tsx';

type View = 'list' | 'calendar';

const LIST_LIMIT = 200;
/** A unit's whole year fits: even a province's plan rarely assigns a unit more than a few hundred tasks. */
const CALENDAR_LIMIT = 1000;

const FILTERS: { value: TaskFilter; key: MessageKey }[] = [
  { value: 'all', key: 'tasks.filters.all' },
  { value: 'open', key: 'tasks.filters.open' },
  { value: 'overdue', key: 'tasks.filters.overdue' },
  { value: 'due_soon', key: 'tasks.filters.due_soon' },
];

function parseFilter(value: string | undefined): TaskFilter {
  return FILTERS.some((filter) => filter.value === value) ? (value as TaskFilter) : 'all';
}

function parseYear(value: string | undefined): number | null {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}

export function TaskListPage() {
  return <TasksPage view="list" />;
}

export function TaskCalendarPage() {
  return <TasksPage view="calendar" />;
}

function TasksPage({ view }: { view: View }) {
  usePageTitle(view === 'list' ? t('tasks.list.title') : t('tasks.calendar.title'));
  return (
    <RequirePermission permission="plans.read">
      <Tasks view={view} />
    </RequirePermission>
  );
}

/** Keeps the filter and year in the address, so Back from a task returns to the same list. */
function useFiltersInAddress(view: View, filters: Record<string, string>) {
  const serialised = new URLSearchParams(
    Object.entries(filters).filter(([, value]) => value !== '' && value !== 'all'),
  ).toString();
  useEffect(() => {
    const base = view === 'list' ? paths.tasks : paths.taskCalendar;
    const url = `${base}${serialised ? `?${serialised}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      history.replaceState(history.state, '', url);
    }
  }, [view, serialised]);
  return serialised ? `?${serialised}` : '';
}

function Tasks({ view }: { view: View }) {
  const { query: initial } = useLocation();
  const [filter, setFilter] = useState<TaskFilter>(parseFilter(initial.filter));
  const [year, setYear] = useState<number | null>(parseYear(initial.year));
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const calendarYear = year ?? currentYear(todayIso());
  const search = useFiltersInAddress(view, { filter, year: year ? String(year) : '' });

  const tasks = useResource(
    (signal) =>
      listTasks(
        {
          filter,
          orgUnitId: unit?.id,
          year: view === 'calendar' ? calendarYear : (year ?? undefined),
          limit: view === 'calendar' ? CALENDAR_LIMIT : LIST_LIMIT,
        },
        signal,
      ),
    [filter, unit?.id, year, view, calendarYear],
  );
  const items = tasks.data?.items ?? [];
  const total = tasks.data?.total ?? 0;

  return (
    <section class="page page-wide">
      <header class="page-header">
        <h1>{t('tasks.list.title')}</h1>
      </header>

      <nav class="view-switch" aria-label={t('tasks.list.views')}>
        <a href={`${paths.tasks}${search}`} aria-current={view === 'list' ? 'page' : undefined}>
          {t('tasks.list.listView')}
        </a>
        <a href={`${paths.taskCalendar}${search}`} aria-current={view === 'calendar' ? 'page' : undefined}>
          {t('tasks.calendar.title')}
        </a>
      </nav>

      <search>
        <form class="card filters" onSubmit={(event) => event.preventDefault()}>
          <fieldset class="toggle-group">
            <legend class="visually-hidden">{t('tasks.filters.label')}</legend>
            {FILTERS.map((option) => (
              <button
                key={option.value}
                type="button"
                aria-pressed={filter === option.value}
                onClick={() => setFilter(option.value)}
              >
                {t(option.key)}
              </button>
            ))}
          </fieldset>
          <div class="filter-row">
            <OrgUnitPicker
              label={t('tasks.filters.unit')}
              hint={t('tasks.filters.unitHint')}
              value={unit}
              onChange={setUnit}
              isOptional
            />
            <Field label={t('plans.list.year')}>
              {(control) => (
                <select
                  {...control}
                  value={view === 'calendar' ? String(calendarYear) : String(year ?? '')}
                  onChange={(event) => setYear(parseYear(event.currentTarget.value))}
                >
                  {view === 'list' && <option value="">{t('plans.list.anyYear')}</option>}
                  {yearOptions(todayIso()).map((option) => (
                    <option key={option} value={String(option)}>
                      {option}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </form>
      </search>

      {tasks.error ? <ErrorNotice error={tasks.error} onRetry={tasks.reload} /> : null}
      {!tasks.data && !tasks.error && <Loading />}
      {tasks.data && (
        <p class="muted" role="status">
          {total === 0
            ? t('tasks.list.empty')
            : total > items.length
              ? t('tasks.list.countTruncated', {
                  total: formatCount(total),
                  count: formatCount(items.length),
                })
              : t('tasks.list.count', { count: formatCount(total) })}
        </p>
      )}
      {tasks.data && view === 'calendar' && items.length > 0 && (
        <TaskTimeline rows={items} year={calendarYear} today={tasks.data.today} />
      )}
      {tasks.data && view === 'list' && items.length > 0 && (
        <TaskTable rows={items} isBusy={tasks.isLoading} />
      )}
    </section>
  );
}

function TaskTable({ rows, isBusy }: { rows: TaskRow[]; isBusy: boolean }) {
  return (
    <div class="table-scroll" aria-busy={isBusy}>
      <table class="card-table">
        <thead>
          <tr>
            <th scope="col">{t('tasks.list.task')}</th>
            <th scope="col">{t('tasks.list.unit')}</th>
            <th scope="col">{t('tasks.list.time')}</th>
            <th scope="col">{t('tasks.list.status')}</th>
            <th scope="col">{t('tasks.list.percent')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.taskId}-${row.orgUnit.id}`}>
              <td data-label={t('tasks.list.task')} class="cell-main">
                <a href={paths.taskProgress(row.taskId, row.orgUnit.id)}>
                  {row.ref && <span class="doc-ref">{row.ref}</span>} {row.text}
                </a>
                <span class="block unit-meta">
                  <a href={paths.plan(row.plan.id)}>{planNumber(row.plan)}</a> · {row.plan.orgUnit.name}
                </span>
              </td>
              <td data-label={t('tasks.list.unit')}>
                {row.orgUnit.name}
                <span class="block unit-meta">{roleLabel(row.role)}</span>
              </td>
              <td data-label={t('tasks.list.time')}>
                {describeTaskTime(row.time, row.timeText) || <span class="muted">—</span>}
              </td>
              <td data-label={t('tasks.list.status')}>
                <TaskStatusBadge status={row.status} />
              </td>
              <td data-label={t('tasks.list.percent')}>
                <Percent value={row.percent} />
                {row.attachmentCount > 0 && (
                  <span class="block unit-meta">
                    {t('tasks.list.attachments', { count: formatCount(row.attachmentCount) })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
