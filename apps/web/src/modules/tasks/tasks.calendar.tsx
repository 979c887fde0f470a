import type { TaskRow } from '@binhdang/contracts';
import { t } from '../../i18n/i18n.ts';
import { paths } from '../app/app.paths.ts';
import { planNumber, TaskStatusBadge, taskStatusLabel } from '../plans/plans.format.tsx';
import { describeTaskTime } from '../plans/plans.time.ts';
import { barColumns, groupByDueMonth, layoutTimeline, type TimelineBar } from './tasks.timeline.ts';

const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

function TaskLabel({ row }: { row: TaskRow }) {
  return (
    <>
      <a href={paths.taskProgress(row.taskId, row.orgUnit.id)}>
        {row.ref && <span class="doc-ref">{row.ref}</span>} {row.text}
      </a>
      <span class="block unit-meta">
        {row.orgUnit.name} · {planNumber(row.plan)}
      </span>
    </>
  );
}

function barClass(bar: TimelineBar<TaskRow>): string {
  const classes = ['timeline-bar', `timeline-bar-${bar.row.status}`];
  if (bar.isOngoing) classes.push('timeline-bar-ongoing');
  if (bar.continuesBefore) classes.push('continues-before');
  if (bar.continuesAfter) classes.push('continues-after');
  return classes.join(' ');
}

/** Desktop and tablet: one row per task, a bar across the months it runs. */
function TimelineGrid({ bars, currentMonth }: { bars: TimelineBar<TaskRow>[]; currentMonth: number | null }) {
  return (
    <div class="timeline">
      <div class="timeline-row timeline-head" aria-hidden="true">
        <span />
        {MONTHS.map((month) => (
          <span key={month} class={month === currentMonth ? 'timeline-month is-current' : 'timeline-month'}>
            {t('tasks.calendar.monthShort', { month })}
          </span>
        ))}
      </div>
      <ol class="plain-list">
        {bars.map((bar) => {
          const time = describeTaskTime(bar.row.time, bar.row.timeText);
          return (
            <li key={`${bar.row.taskId}-${bar.row.orgUnit.id}`} class="timeline-row">
              <span class="timeline-label">
                <TaskLabel row={bar.row} />
              </span>
              <span class="timeline-track" aria-hidden="true" />
              <span
                class={barClass(bar)}
                // A string: style objects do not survive the production build (see vite.config.ts).
                style={`grid-column: ${barColumns(bar)}`}
                title={`${time} · ${taskStatusLabel(bar.row.status)}`}
              >
                <span class="visually-hidden">
                  {time} · {taskStatusLabel(bar.row.status)}
                </span>
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function MonthItem({ bar }: { bar: TimelineBar<TaskRow> }) {
  return (
    <li class="month-item">
      <TaskLabel row={bar.row} />
      <span class="month-item-meta">
        <span class="unit-meta">{describeTaskTime(bar.row.time, bar.row.timeText)}</span>
        <TaskStatusBadge status={bar.row.status} />
      </span>
    </li>
  );
}

/** A phone: the tasks stacked under the month they are due, ongoing work first. */
function MonthStack({ bars, currentMonth }: { bars: TimelineBar<TaskRow>[]; currentMonth: number | null }) {
  const ongoing = bars.filter((bar) => bar.isOngoing);
  return (
    <div class="month-stack">
      {ongoing.length > 0 && (
        <section aria-labelledby="month-ongoing">
          <h3 id="month-ongoing">{t('plans.time.ongoing')}</h3>
          <ul class="plain-list">
            {ongoing.map((bar) => (
              <MonthItem key={`${bar.row.taskId}-${bar.row.orgUnit.id}`} bar={bar} />
            ))}
          </ul>
        </section>
      )}
      {groupByDueMonth(bars).map((group) => (
        <section key={group.month} aria-labelledby={`month-${group.month}`}>
          <h3 id={`month-${group.month}`} class={group.month === currentMonth ? 'is-current' : undefined}>
            {t('tasks.calendar.monthLong', { month: group.month })}
            {group.month === currentMonth && (
              <span class="badge badge-info">{t('tasks.calendar.thisMonth')}</span>
            )}
          </h3>
          <ul class="plain-list">
            {group.bars.map((bar) => (
              <MonthItem key={`${bar.row.taskId}-${bar.row.orgUnit.id}`} bar={bar} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/**
 * The year's tasks at a glance. Both layouts are rendered and CSS shows the one that fits the
 * screen: the month grid needs about 40 rem, a 360-px phone gets the stacked months.
 */
export function TaskTimeline({ rows, year, today }: { rows: TaskRow[]; year: number; today: string }) {
  const { bars, undated } = layoutTimeline(rows, year);
  const currentMonth = Number(today.slice(0, 4)) === year ? Number(today.slice(5, 7)) : null;
  return (
    <div class="task-timeline">
      {bars.length === 0 ? (
        <p class="muted">{t('tasks.calendar.empty', { year })}</p>
      ) : (
        <>
          <TimelineGrid bars={bars} currentMonth={currentMonth} />
          <MonthStack bars={bars} currentMonth={currentMonth} />
        </>
      )}
      {undated.length > 0 && (
        <section class="card" aria-labelledby="undated-title">
          <h3 id="undated-title">{t('tasks.calendar.undated')}</h3>
          <ul class="plain-list">
            {undated.map((row) => (
              <li key={`${row.taskId}-${row.orgUnit.id}`} class="month-item">
                <TaskLabel row={row} />
                <TaskStatusBadge status={row.status} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
