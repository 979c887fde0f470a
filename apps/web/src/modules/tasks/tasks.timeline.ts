import type { TaskTime } from '@binhdang/contracts';

/*
 * The year's tasks on a 12-month timeline: each task becomes a bar from the month it starts to
 * the month it is due, cut to the year; ongoing tasks span the whole year; tasks without a time
 * have no place on it and are listed apart.
 */

interface TimedRow {
  time: TaskTime;
  startsOn: string | null;
  dueOn: string | null;
}

export interface TimelineBar<T> {
  row: T;
  /** 1–12, inclusive. */
  startMonth: number;
  endMonth: number;
  isOngoing: boolean;
  /** The task began in an earlier year or runs into a later one. */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

export interface TimelineLayout<T> {
  bars: TimelineBar<T>[];
  undated: T[];
}

function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

function monthOf(isoDate: string): number {
  return Number(isoDate.slice(5, 7));
}

export function layoutTimeline<T extends TimedRow>(rows: readonly T[], year: number): TimelineLayout<T> {
  const bars: TimelineBar<T>[] = [];
  const undated: T[] = [];
  for (const row of rows) {
    if (row.time.kind === 'ongoing') {
      bars.push({
        row,
        startMonth: 1,
        endMonth: 12,
        isOngoing: true,
        continuesBefore: false,
        continuesAfter: false,
      });
      continue;
    }
    const start = row.startsOn ?? row.dueOn;
    const end = row.dueOn ?? row.startsOn;
    if (!start || !end) {
      undated.push(row);
      continue;
    }
    if (yearOf(end) < year || yearOf(start) > year) continue;
    const continuesBefore = yearOf(start) < year;
    const continuesAfter = yearOf(end) > year;
    bars.push({
      row,
      startMonth: continuesBefore ? 1 : monthOf(start),
      endMonth: continuesAfter ? 12 : monthOf(end),
      isOngoing: false,
      continuesBefore,
      continuesAfter,
    });
  }
  // Ongoing work first, then in the order the year runs; the sort is stable, so ties keep the plan's order.
  bars.sort(
    (a, b) =>
      Number(b.isOngoing) - Number(a.isOngoing) || a.startMonth - b.startMonth || a.endMonth - b.endMonth,
  );
  return { bars, undated };
}

export interface MonthGroup<T> {
  month: number;
  bars: TimelineBar<T>[];
}

/**
 * For a phone: the dated bars stacked under the month they are due (the deadline is what an
 * officer plans around), months without a deadline left out.
 */
export function groupByDueMonth<T>(bars: readonly TimelineBar<T>[]): MonthGroup<T>[] {
  const groups: MonthGroup<T>[] = [];
  for (let month = 1; month <= 12; month++) {
    const due = bars.filter((bar) => !bar.isOngoing && bar.endMonth === month);
    if (due.length > 0) groups.push({ month, bars: due });
  }
  return groups;
}

/** The CSS grid columns of a bar: the first column holds the label, months are columns 2–13. */
export function barColumns(bar: { startMonth: number; endMonth: number }): string {
  return `${bar.startMonth + 1} / ${bar.endMonth + 2}`;
}
