/*
 * Dated events (a campaign from 15/11 to 15/12, a one-day observance) on a year drawn as twelve
 * equal month columns, the way the task timeline draws months: a day sits inside its month's
 * column at the share of the month that has passed, so 15/11 is half-way through November.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Where a day starts (or, with `atEnd`, ends) on the year's axis, as a percentage of the width. */
export function dayPosition(isoDay: string, year: number, atEnd = false): number {
  const match = ISO_DAY.exec(isoDay);
  if (!match) return 0;
  const [dayYear, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (dayYear < year) return 0;
  if (dayYear > year) return 100;
  const withinMonth = (atEnd ? day : day - 1) / daysInMonth(year, month);
  return ((month - 1 + withinMonth) / 12) * 100;
}

export interface EventSpan {
  /** Percentages of the year's width. */
  left: number;
  width: number;
  /** The event began in an earlier year or runs into a later one. */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

/** The bar of an event from `startsOn` to `endsOn` (both days included) in `year`, or null when it falls outside. */
export function eventSpan(startsOn: string, endsOn: string, year: number): EventSpan | null {
  if (endsOn < `${year}-01-01` || startsOn > `${year}-12-31`) return null;
  const left = dayPosition(startsOn, year);
  const right = dayPosition(endsOn, year, true);
  return {
    left: round(left),
    width: round(Math.max(0, right - left)),
    continuesBefore: startsOn < `${year}-01-01`,
    continuesAfter: endsOn > `${year}-12-31`,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The inline style of a bar: a string, as style objects do not survive the build (see vite.config.ts). */
export function spanStyle(span: Pick<EventSpan, 'left' | 'width'>): string {
  return `left: ${span.left}%; width: ${span.width}%`;
}
