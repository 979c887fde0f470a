import type { SubmissionStatus, SubmissionSummary } from '@binhdang/contracts';
import { periodPattern } from '@binhdang/contracts';

/*
 * The words of reporting as data: where a unit stands in a round, ratios, heat levels and the
 * dates of a new round. Pure, so the inbox, the round view and the tests agree.
 */

/** How a unit stands in a round for the consolidator: in time, late, sent back, or nothing yet. */
export type UnitStanding = 'on_time' | 'late' | 'returned' | 'missing' | 'pending';

/** A report still in draft is "missing" once its due day is over, "pending" before. */
export function unitStanding(
  submission: Pick<SubmissionSummary, 'status' | 'isLate'>,
  dueOn: string,
  todayIso: string,
): UnitStanding {
  if (submission.status === 'returned') return 'returned';
  if (submission.status === 'draft') return todayIso > dueOn ? 'missing' : 'pending';
  return submission.isLate ? 'late' : 'on_time';
}

/** Order of the round view: what needs the consolidator first. */
const standingOrder: Record<UnitStanding, number> = {
  missing: 0,
  returned: 1,
  late: 2,
  pending: 3,
  on_time: 4,
};

export function compareStanding(a: UnitStanding, b: UnitStanding): number {
  return standingOrder[a] - standingOrder[b];
}

export function isWritable(status: SubmissionStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** `10/13` and the share as a whole percent; no share when nothing is expected. */
export function ratioText(part: number, whole: number): { fraction: string; percent: number | null } {
  return { fraction: `${part}/${whole}`, percent: whole > 0 ? Math.round((part / whole) * 100) : null };
}

/** A share 0–1 as one of five heat levels (0: none reported … 4: all); null: nothing expected. */
export function heatLevel(share: number | null): 0 | 1 | 2 | 3 | 4 | null {
  if (share === null) return null;
  if (share >= 1) return 4;
  if (share >= 0.75) return 3;
  if (share >= 0.5) return 2;
  if (share > 0) return 1;
  return 0;
}

/**
 * The server's default data cut-off (Nghị định 09/2019/NĐ-CP): the year from 15/12 of the year
 * before to 14/12; the first half to 14/6; the second half from 15/6. Shown before opening.
 */
export function defaultCutOff(period: string): { from: string; to: string } | null {
  const match = periodPattern.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === 'S1') return { from: `${year - 1}-12-15`, to: `${year}-06-14` };
  if (match[2] === 'S2') return { from: `${year}-06-15`, to: `${year}-12-14` };
  return { from: `${year - 1}-12-15`, to: `${year}-12-14` };
}

/** Periods a template can be opened for, this year's first, then the next and the last. */
export function periodChoices(periodType: 'year' | 'half_year' | 'any', todayIso: string): string[] {
  const year = Number(todayIso.slice(0, 4));
  const years = [year, year + 1, year - 1];
  const choices: string[] = [];
  for (const candidate of years) {
    if (periodType !== 'half_year') choices.push(String(candidate));
    if (periodType !== 'year') choices.push(`${candidate}S1`, `${candidate}S2`);
  }
  return choices;
}

/** The period a new round most likely covers: the half or year that ends next. */
export function suggestedPeriod(periodType: 'year' | 'half_year' | 'any', todayIso: string): string {
  const year = todayIso.slice(0, 4);
  if (periodType !== 'half_year') return year;
  return Number(todayIso.slice(5, 7)) <= 6 ? `${year}S1` : `${year}S2`;
}
