import { periodPattern } from '@binhdang/contracts';

/*
 * Dates of a round, pure. Data cut-off per Nghị định 09/2019/NĐ-CP Điều 12 as the provincial
 * decisions repeat it (../shared/data/reporting-regime.json): the year runs from 15/12 of the
 * year before to 14/12; the first half to 14/6; the second half from 15/6 to 14/12.
 */

export function defaultCutOff(period: string): { from: string; to: string } {
  const match = periodPattern.exec(period);
  if (!match) throw new Error(`not a period: ${period}`);
  const year = Number(match[1]);
  if (match[2] === 'S1') return { from: `${year - 1}-12-15`, to: `${year}-06-14` };
  if (match[2] === 'S2') return { from: `${year}-06-15`, to: `${year}-12-14` };
  return { from: `${year - 1}-12-15`, to: `${year}-12-14` };
}

/** The end of a due day in Vietnam (UTC+7, no daylight saving): the next day at 00:00 there. */
export function endOfDueDay(dueOn: string): Date {
  const next = new Date(`${dueOn}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(`${next.toISOString().slice(0, 10)}T00:00:00+07:00`);
}

/** Late = first submitted after the end of the due day; not yet submitted is not late (it is missing). */
export function isLate(firstSubmittedAt: Date | null, dueAt: Date): boolean {
  return firstSubmittedAt !== null && firstSubmittedAt.getTime() >= dueAt.getTime();
}

export function periodFitsTemplate(period: string, periodType: string): boolean {
  const isHalf = /S[12]$/.test(period);
  if (periodType === 'any') return true;
  return periodType === 'half_year' ? isHalf : !isHalf;
}

export function isValidIsoDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
