import type { EventRow, ReportingDutyRow } from '@binhdang/contracts';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { type MessageKey, t } from '../../i18n/i18n.ts';
import { formatCount, formatDate, todayIso } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, Loading } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import { currentYear, PlanLink, yearOptions } from '../plans/plans.format.tsx';
import { listEvents, listReportingDuties, type ReportingDutyFilter } from './calendar.api.ts';
import { dueInText, eventDatesText, reportingKindLabel } from './calendar.format.ts';
import { dayPosition, eventSpan, spanStyle } from './calendar.timeline.ts';
import { YearCalendar } from './calendar.year.tsx';
import './calendar.css';
import '../activities/activities.css';

const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);
const DUTY_LIMIT = 200;

const DUTY_FILTERS: { value: ReportingDutyFilter; key: MessageKey }[] = [
  { value: 'upcoming', key: 'calendar.duties.filters.upcoming' },
  { value: 'overdue', key: 'calendar.duties.filters.overdue' },
  { value: 'all', key: 'calendar.duties.filters.all' },
];

function parseFilter(value: string | undefined): ReportingDutyFilter {
  return DUTY_FILTERS.some((filter) => filter.value === value) ? (value as ReportingDutyFilter) : 'upcoming';
}

function parseYear(value: string | undefined): number | null {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}

export function CalendarPage() {
  usePageTitle(t('calendar.title'));
  return (
    <RequirePermission permission="plans.read">
      <Calendar />
    </RequirePermission>
  );
}

/** Keeps the year and the deadlines filter in the address, so Back from a plan returns here as it was. */
function useFiltersInAddress(filters: Record<string, string>) {
  const serialised = new URLSearchParams(
    Object.entries(filters).filter(([, value]) => value !== ''),
  ).toString();
  useEffect(() => {
    const url = `${paths.calendar}${serialised ? `?${serialised}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      history.replaceState(history.state, '', url);
    }
  }, [serialised]);
}

function Calendar() {
  const { query: initial } = useLocation();
  const thisYear = currentYear(todayIso());
  const [year, setYear] = useState(parseYear(initial.year) ?? thisYear);
  const [filter, setFilter] = useState<ReportingDutyFilter>(parseFilter(initial.filter));
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  useFiltersInAddress({
    year: year === thisYear ? '' : String(year),
    filter: filter === 'upcoming' ? '' : filter,
  });

  const years = yearOptions(todayIso());
  if (!years.includes(year)) years.push(year);

  return (
    <section class="page page-wide">
      <header class="page-header">
        <h1>{t('calendar.title')}</h1>
      </header>
      <p class="muted">{t('calendar.intro')}</p>

      <search>
        <form class="card filters" onSubmit={(event) => event.preventDefault()}>
          <div class="filter-row">
            <OrgUnitPicker
              label={t('calendar.unit')}
              hint={t('calendar.unitHint')}
              value={unit}
              onChange={setUnit}
              isOptional
            />
            <Field label={t('calendar.year')}>
              {(control) => (
                <select
                  {...control}
                  value={String(year)}
                  onChange={(event) => setYear(parseYear(event.currentTarget.value) ?? thisYear)}
                >
                  {years.map((option) => (
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

      <YearCalendar year={year} unitId={unit?.id} />
      <Events year={year} unitId={unit?.id} />
      <Duties filter={filter} onFilter={setFilter} unitId={unit?.id} />
    </section>
  );
}

function Events({ year, unitId }: { year: number; unitId: number | undefined }) {
  const events = useResource((signal) => listEvents({ year, orgUnitId: unitId }, signal), [year, unitId]);
  const items = events.data?.items ?? [];
  return (
    <section class="calendar-section" aria-labelledby="events-title">
      <h2 id="events-title">{t('calendar.events.title', { year })}</h2>
      {events.error ? <ErrorNotice error={events.error} onRetry={events.reload} /> : null}
      {!events.data && !events.error && <Loading />}
      {events.data && items.length === 0 && <p class="muted">{t('calendar.events.empty', { year })}</p>}
      {items.length > 0 && (
        <EventTimeline events={items} year={year} today={todayIso()} isBusy={events.isLoading} />
      )}
    </section>
  );
}

/**
 * Every event is a row: its name, dates and plan, and a bar across the months it runs. A phone
 * gets the same rows with the months under the words instead of beside them.
 */
function EventTimeline({
  events,
  year,
  today,
  isBusy,
}: {
  events: EventRow[];
  year: number;
  today: string;
  isBusy: boolean;
}) {
  const todayLeft = Number(today.slice(0, 4)) === year ? dayPosition(today, year) : null;
  const currentMonth = todayLeft === null ? null : Number(today.slice(5, 7));
  return (
    <div class="event-timeline" aria-busy={isBusy}>
      <div class="event-row event-head" aria-hidden="true">
        <span />
        <span class="event-months">
          {MONTHS.map((month) => (
            <span key={month} class={month === currentMonth ? 'is-current' : undefined}>
              {t('tasks.calendar.monthShort', { month })}
            </span>
          ))}
        </span>
      </div>
      <ol class="plain-list">
        {events.map((event) => {
          const span = eventSpan(event.startsOn, event.endsOn, year);
          const classes = ['event-bar'];
          if (span?.continuesBefore) classes.push('continues-before');
          if (span?.continuesAfter) classes.push('continues-after');
          return (
            <li key={event.id} class="event-row">
              <span class="event-label">
                <strong class="block">{event.name}</strong>
                <span class="block event-dates">{eventDatesText(event)}</span>
                <span class="block unit-meta">
                  {/* A plan received without a number is named by its title. */}
                  <PlanLink plan={event.plan}>{event.plan.documentNumber || event.plan.title}</PlanLink> ·{' '}
                  {event.plan.orgUnit.name}
                </span>
              </span>
              <span class="event-track" aria-hidden="true">
                {span && <span class={classes.join(' ')} style={spanStyle(span)} />}
                {todayLeft !== null && <span class="event-today" style={`left: ${todayLeft}%`} />}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function Duties({
  filter,
  onFilter,
  unitId,
}: {
  filter: ReportingDutyFilter;
  onFilter: (filter: ReportingDutyFilter) => void;
  unitId: number | undefined;
}) {
  const duties = useResource(
    (signal) => listReportingDuties({ filter, orgUnitId: unitId, limit: DUTY_LIMIT }, signal),
    [filter, unitId],
  );
  const items = duties.data?.items ?? [];
  return (
    <section class="calendar-section" aria-labelledby="duties-title">
      <h2 id="duties-title">{t('calendar.duties.title')}</h2>
      <fieldset class="toggle-group">
        <legend class="visually-hidden">{t('calendar.duties.filters.label')}</legend>
        {DUTY_FILTERS.map((option) => (
          <button
            key={option.value}
            type="button"
            aria-pressed={filter === option.value}
            onClick={() => onFilter(option.value)}
          >
            {t(option.key)}
          </button>
        ))}
      </fieldset>
      {duties.error ? <ErrorNotice error={duties.error} onRetry={duties.reload} /> : null}
      {!duties.data && !duties.error && <Loading />}
      {duties.data && (
        <p class="muted" role="status">
          {items.length === 0
            ? t(`calendar.duties.empty.${filter}`)
            : items.length >= DUTY_LIMIT
              ? t('calendar.duties.countTruncated', { count: formatCount(items.length) })
              : t('calendar.duties.count', { count: formatCount(items.length) })}
        </p>
      )}
      {duties.data && items.length > 0 && (
        <DutyTable rows={items} today={duties.data.today} isBusy={duties.isLoading} />
      )}
    </section>
  );
}

function DutyTable({ rows, today, isBusy }: { rows: ReportingDutyRow[]; today: string; isBusy: boolean }) {
  return (
    <div class="table-scroll" aria-busy={isBusy}>
      <table class="card-table duty-table">
        <thead>
          <tr>
            <th scope="col">{t('calendar.duties.dueOn')}</th>
            <th scope="col">{t('calendar.duties.kind')}</th>
            <th scope="col">{t('calendar.duties.recipient')}</th>
            <th scope="col">{t('calendar.duties.unit')}</th>
            <th scope="col">{t('calendar.duties.plan')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} class={row.isOverdue ? 'is-overdue' : undefined}>
              <td data-label={t('calendar.duties.dueOn')} class="cell-main duty-due">
                {row.dueOn ? (
                  <>
                    <strong class="nowrap">{formatDate(row.dueOn)}</strong>{' '}
                    {row.isOverdue ? (
                      <span class="badge badge-danger">
                        <span aria-hidden="true">⚠ </span>
                        {t('calendar.duties.overdue')}
                      </span>
                    ) : null}
                    <span class="block unit-meta">{dueInText(today, row.dueOn)}</span>
                  </>
                ) : (
                  <span class="muted">{t('calendar.duties.noDate')}</span>
                )}
              </td>
              <td data-label={t('calendar.duties.kind')}>{reportingKindLabel(row.kind)}</td>
              <td data-label={t('calendar.duties.recipient')}>
                {row.recipient ?? <span class="muted">—</span>}
              </td>
              <td data-label={t('calendar.duties.unit')}>{row.orgUnit.name}</td>
              <td data-label={t('calendar.duties.plan')}>
                <PlanLink plan={row.plan} />
                {row.plan.issuerName && <span class="block unit-meta">{row.plan.issuerName}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
