/**
 * Dates as Vietnamese administrative documents write them, read from folded text
 * (`foldAligned`): `24/4/2024`, `ngày 07 tháng 4 năm 2022`, `trước ngày 30/5` (the document's
 * year), `05 tháng 12`, `tháng 6/2024`, `Quý II/2024`.
 */

export interface DayMonth {
  day: number;
  month: number;
  year: number | null;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return false;
  return day <= lastDayOfMonth(year, month);
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `2024-05-30`; null when the day does not exist. */
export function toIsoDate(year: number, month: number, day: number): string | null {
  return isValidDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

export function monthSpan(year: number, month: number): { from: string; to: string } | null {
  if (month < 1 || month > 12) return null;
  return {
    from: `${year}-${pad(month)}-01`,
    to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`,
  };
}

const romanQuarters: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

export function quarterSpan(year: number, quarter: string): { from: string; to: string } | null {
  const index = romanQuarters[quarter.toLowerCase()];
  if (!index) return null;
  const first = monthSpan(year, index * 3 - 2)!;
  const last = monthSpan(year, index * 3)!;
  return { from: first.from, to: last.to };
}

/** A day and month, with an optional year: `30/5`, `19/05/2009`, `05 thang 12 nam 2024`, `ngay 7 thang 4`. */
export const dayMonthPattern = String.raw`(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?(?!\s*\/?\d)|(?<![\d/])(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:nam\s+|\/\s*)(\d{4}))?`;

/** Reads the groups of one `dayMonthPattern` match (six groups, from `offset`). */
export function readDayMonth(groups: (string | undefined)[], offset = 1): DayMonth | null {
  const numeric = groups[offset] !== undefined;
  const day = Number(numeric ? groups[offset] : groups[offset + 3]);
  const month = Number(numeric ? groups[offset + 1] : groups[offset + 4]);
  const yearText = numeric ? groups[offset + 2] : groups[offset + 5];
  if (!(day >= 1 && day <= 31 && month >= 1 && month <= 12)) return null;
  return { day, month, year: yearText ? Number(yearText) : null };
}

/** The ISO date of a day/month, taking `year` when the text gives none. */
export function resolveDayMonth(value: DayMonth, year: number | null): string | null {
  const fullYear = value.year ?? year;
  return fullYear === null ? null : toIsoDate(fullYear, value.month, value.day);
}

/** The first date of the folded text (`ngay 24/4/2024`, `ngay 26 thang 12 nam 2025`), or null. */
export function findFirstDate(folded: string, year: number | null): string | null {
  const match = new RegExp(dayMonthPattern).exec(folded);
  if (!match) return null;
  const value = readDayMonth(match);
  return value ? resolveDayMonth(value, year) : null;
}

export interface DateRange {
  from: string;
  to: string;
  index: number;
  length: number;
}

/**
 * Date ranges: `tu ngay 15/11 den ngay 15/12/2024`, `tu 15/11 den 15/12 nam 2024`,
 * `tu 11 -15/11/2024`, `tu ngay 15/11/2022 den ngay 15/12/2022`. The first end takes the
 * month and year of the second when it lacks them.
 */
export function findDateRanges(folded: string, year: number | null): DateRange[] {
  const ranges: DateRange[] = [];
  const full =
    /\btu\s+(?:ngay\s+)?(\d{1,2})(?:\s*\/\s*(\d{1,2}))?(?:\s*\/\s*(\d{4}))?\s*(?:den|toi|-|–)\s*(?:het\s+)?(?:ngay\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?(?:\s+nam\s+(\d{4}))?/g;
  for (const match of folded.matchAll(full)) {
    const endYear = Number(match[6] ?? match[7] ?? year ?? Number.NaN);
    const endMonth = Number(match[5]);
    const startMonth = match[2] ? Number(match[2]) : endMonth;
    const startYear = match[3] ? Number(match[3]) : startMonth > endMonth ? endYear - 1 : endYear;
    if (Number.isNaN(endYear)) continue;
    const from = toIsoDate(startYear, startMonth, Number(match[1]));
    const to = toIsoDate(endYear, endMonth, Number(match[4]));
    if (from && to && from <= to) ranges.push({ from, to, index: match.index, length: match[0].length });
  }
  return ranges;
}

/** `thang 6/2024`, `thang 6 nam 2024`, `(thang 6)`: whole months. */
export function findMonths(folded: string, year: number | null): DateRange[] {
  const months: DateRange[] = [];
  for (const match of folded.matchAll(
    /(?<!\d\s*)\bthang\s+(\d{1,2})(?:\s*(?:\/|nam)\s*(\d{4}))?(?![\d/])/g,
  )) {
    const fullYear = match[2] ? Number(match[2]) : year;
    if (fullYear === null) continue;
    const span = monthSpan(fullYear, Number(match[1]));
    if (span) months.push({ ...span, index: match.index, length: match[0].length });
  }
  return months;
}
