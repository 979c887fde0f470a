import type { TaskStatus, TaskTime, TaskTimeKind } from '@binhdang/contracts';

/** How many days ahead a task counts as "due soon" (sắp đến hạn). */
export const DUE_SOON_DAYS = 14;

function isoDay(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): string {
  return isoDay(year, month + 1, 0);
}

/** First and last day of a task's time; ongoing tasks and tasks without time have neither. */
export function taskTimeBounds(time: TaskTime): { startsOn: string | null; dueOn: string | null } {
  switch (time.kind) {
    case 'none':
    case 'ongoing':
      return { startsOn: null, dueOn: null };
    case 'date':
      return { startsOn: time.due, dueOn: time.due };
    case 'range':
      return { startsOn: time.from, dueOn: time.to };
    case 'month':
      return { startsOn: isoDay(time.year, time.month, 1), dueOn: lastDayOfMonth(time.year, time.month) };
    case 'quarter': {
      const firstMonth = (time.quarter - 1) * 3 + 1;
      return { startsOn: isoDay(time.year, firstMonth, 1), dueOn: lastDayOfMonth(time.year, firstMonth + 2) };
    }
  }
}

/** Rebuilds the contract's time from the stored kind and bounds. */
export function taskTimeFromColumns(kind: string, startsOn: string | null, dueOn: string | null): TaskTime {
  const timeKind = kind as TaskTimeKind;
  if (timeKind === 'none' || timeKind === 'ongoing' || !dueOn) {
    return { kind: timeKind === 'ongoing' ? 'ongoing' : 'none' };
  }
  const start = startsOn ?? dueOn;
  const [year, month] = start.split('-').map(Number) as [number, number];
  switch (timeKind) {
    case 'date':
      return { kind: 'date', due: dueOn };
    case 'range':
      return { kind: 'range', from: start, to: dueOn };
    case 'month':
      return { kind: 'month', year, month };
    case 'quarter':
      return { kind: 'quarter', year, quarter: Math.floor((month - 1) / 3) + 1 };
  }
}

/** Done stays done; anything else past its last day is overdue (computed, never stored). */
export function computeTaskStatus(stored: string, dueOn: string | null, today: string): TaskStatus {
  if (stored === 'done') return 'done';
  if (dueOn !== null && dueOn < today) return 'overdue';
  return stored === 'in_progress' ? 'in_progress' : 'not_started';
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
