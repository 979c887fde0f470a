import type { TaskTime, TaskTimeKind } from '@binhdang/contracts';
import { toRoman } from '@binhdang/contracts';
import { type MessageKey, t } from '../../i18n/i18n.ts';
import { formatDate } from '../app/app.format.ts';

/** A task's time as its form holds it: every input as typed, so a half-filled form is still a value. */
export interface TimeDraft {
  kind: TaskTimeKind;
  due: string;
  from: string;
  to: string;
  year: string;
  month: string;
  quarter: string;
}

/** The order the kinds are offered in the editor. */
export const timeKindsOffered: readonly TaskTimeKind[] = [
  'none',
  'ongoing',
  'date',
  'range',
  'month',
  'quarter',
];

export function toTimeDraft(time: TaskTime, defaultYear: number): TimeDraft {
  const draft: TimeDraft = {
    kind: time.kind,
    due: '',
    from: '',
    to: '',
    year: String(defaultYear),
    month: '1',
    quarter: '1',
  };
  switch (time.kind) {
    case 'date':
      return { ...draft, due: time.due };
    case 'range':
      return { ...draft, from: time.from, to: time.to };
    case 'month':
      return { ...draft, year: String(time.year), month: String(time.month) };
    case 'quarter':
      return { ...draft, year: String(time.year), quarter: String(time.quarter) };
    default:
      return draft;
  }
}

export type TimeProblem = 'dueRequired' | 'rangeRequired' | 'rangeOrder' | 'yearInvalid';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseYear(value: string): number | null {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}

function clampInteger(value: string, min: number, max: number): number {
  const number = Math.trunc(Number(value));
  return Number.isFinite(number) ? Math.min(max, Math.max(min, number)) : min;
}

/** The contract's time from the form, or what is missing. */
export function fromTimeDraft(draft: TimeDraft): { time: TaskTime } | { problem: TimeProblem } {
  switch (draft.kind) {
    case 'none':
    case 'ongoing':
      return { time: { kind: draft.kind } };
    case 'date':
      return ISO_DATE.test(draft.due)
        ? { time: { kind: 'date', due: draft.due } }
        : { problem: 'dueRequired' };
    case 'range':
      if (!ISO_DATE.test(draft.from) || !ISO_DATE.test(draft.to)) return { problem: 'rangeRequired' };
      if (draft.from > draft.to) return { problem: 'rangeOrder' };
      return { time: { kind: 'range', from: draft.from, to: draft.to } };
    case 'month':
    case 'quarter': {
      const year = parseYear(draft.year);
      if (year === null) return { problem: 'yearInvalid' };
      return draft.kind === 'month'
        ? { time: { kind: 'month', year, month: clampInteger(draft.month, 1, 12) } }
        : { time: { kind: 'quarter', year, quarter: clampInteger(draft.quarter, 1, 4) } };
    }
  }
}

export const timeProblemKeys: Record<TimeProblem, MessageKey> = {
  dueRequired: 'plans.time.problems.dueRequired',
  rangeRequired: 'plans.time.problems.rangeRequired',
  rangeOrder: 'plans.time.problems.rangeOrder',
  yearInvalid: 'plans.time.problems.yearInvalid',
};

export const timeKindKeys: Record<TaskTimeKind, MessageKey> = {
  none: 'plans.time.kinds.none',
  ongoing: 'plans.time.kinds.ongoing',
  date: 'plans.time.kinds.date',
  range: 'plans.time.kinds.range',
  month: 'plans.time.kinds.month',
  quarter: 'plans.time.kinds.quarter',
};

/** `Quý II/2026`, `Tháng 6/2026`, `15/11/2026 – 15/12/2026`, `Thường xuyên`; empty when there is no time. */
export function formatTaskTime(time: TaskTime): string {
  switch (time.kind) {
    case 'none':
      return '';
    case 'ongoing':
      return t('plans.time.ongoing');
    case 'date':
      return formatDate(time.due);
    case 'range':
      return t('plans.time.range', { from: formatDate(time.from), to: formatDate(time.to) });
    case 'month':
      return t('plans.time.month', { month: time.month, year: time.year });
    case 'quarter':
      return t('plans.time.quarter', { quarter: toRoman(time.quarter), year: time.year });
  }
}

/** The time as the document words it when it does ("Trong tháng 11"), else as the structured time says. */
export function describeTaskTime(time: TaskTime, timeText: string | null | undefined): string {
  return timeText?.trim() || formatTaskTime(time);
}
