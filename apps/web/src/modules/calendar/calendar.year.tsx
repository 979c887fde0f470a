import { type CalendarEntry, type CalendarEntryKind, calendarEntryKinds } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { calendarIcsUrl, fetchCalendar } from '../activities/activities.api.ts';
import { formatCount, formatDate } from '../app/app.format.ts';
import { useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Loading } from '../app/app.ui.tsx';

/*
 * A unit's year (and, by default, its subtree's): activities, observances and campaigns, plan
 * events, task deadlines and report due days, month by month, with a filter per kind of entry
 * and the same selection as an .ics file for a phone's or Outlook's calendar.
 */

function linkOf(entry: CalendarEntry): string {
  switch (entry.link.to) {
    case 'activity':
      return paths.activity(entry.link.id);
    case 'campaign':
      return `${paths.campaigns}`;
    case 'plan':
      return paths.plan(entry.link.id);
    case 'task':
      return paths.taskProgress(entry.link.taskId, entry.link.unitId);
    case 'submission':
      return paths.submission(entry.link.id);
  }
}

function datesText(entry: CalendarEntry): string {
  return entry.endsOn === entry.startsOn
    ? formatDate(entry.startsOn)
    : `${formatDate(entry.startsOn)}–${formatDate(entry.endsOn)}`;
}

export function YearCalendar({ year, unitId }: { year: number; unitId: number | undefined }) {
  const [subtree, setSubtree] = useState(true);
  const [kinds, setKinds] = useState<CalendarEntryKind[]>([...calendarEntryKinds]);
  const search = { year, orgUnitId: unitId, subtree, kinds };
  const calendar = useResource(
    (signal) => (kinds.length === 0 ? Promise.resolve(null) : fetchCalendar(search, signal)),
    [year, unitId, subtree, kinds.join(',')],
  );
  const data = calendar.data;
  const months = new Map<string, CalendarEntry[]>();
  for (const entry of data?.entries ?? []) {
    // An entry that began the year before is shown in January.
    const month = entry.startsOn.slice(0, 4) < String(year) ? `${year}-01` : entry.startsOn.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), entry]);
  }
  return (
    <section class="calendar-section" aria-labelledby="year-calendar-title">
      <h2 id="year-calendar-title">
        {t('activities.calendar.title')} {year}
        {data ? ` — ${data.orgUnit.name}` : ''}
      </h2>
      <p class="muted">{t('activities.calendar.intro')}</p>
      <div class="card filters">
        <label class="choice">
          <input
            type="checkbox"
            checked={subtree}
            onChange={(event) => setSubtree(event.currentTarget.checked)}
          />
          {t('activities.calendar.subtree')}
        </label>
        <fieldset class="checkbox-group">
          <legend>{t('activities.calendar.kinds')}</legend>
          {calendarEntryKinds.map((kind) => (
            <label key={kind} class="choice">
              <input
                type="checkbox"
                checked={kinds.includes(kind)}
                onChange={(event) =>
                  setKinds(
                    event.currentTarget.checked
                      ? calendarEntryKinds.filter((known) => known === kind || kinds.includes(known))
                      : kinds.filter((known) => known !== kind),
                  )
                }
              />
              {t(`activities.calendar.entryKinds.${kind}`)}
            </label>
          ))}
        </fieldset>
        <p>
          <a class="button" href={calendarIcsUrl(search)} download>
            {t('activities.calendar.ics')}
          </a>
        </p>
      </div>
      {calendar.error ? <ErrorNotice error={calendar.error} onRetry={calendar.reload} /> : null}
      {calendar.isLoading && !data && <Loading />}
      {data && (
        <p class="muted" role="status">
          {data.entries.length === 0
            ? t('activities.calendar.empty', { year })
            : data.truncated
              ? t('activities.calendar.truncated', { count: formatCount(data.entries.length) })
              : t('activities.calendar.count', { count: formatCount(data.entries.length) })}
        </p>
      )}
      {[...months.entries()].map(([month, entries]) => (
        <section
          key={month}
          class="calendar-month"
          aria-label={t('tasks.calendar.monthShort', { month: Number(month.slice(5)) })}
        >
          <h3>{t('tasks.calendar.monthShort', { month: Number(month.slice(5)) })}</h3>
          <ol class="plain-list calendar-entries" aria-busy={calendar.isLoading}>
            {entries.map((entry) => (
              <li key={entry.uid}>
                <span class="badge badge-neutral calendar-kind">
                  {t(`activities.calendar.entryKinds.${entry.kind}`)}
                </span>
                <a href={linkOf(entry)}>{entry.title}</a>
                <span class="block unit-meta">
                  {datesText(entry)}
                  {entry.orgUnit ? ` · ${entry.orgUnit.name}` : ''}
                  {entry.detail ? ` · ${entry.detail}` : ''}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
