import type { MatrixCellStatus } from '@binhdang/contracts';

/*
 * How the heat map shows a cell: a colour class and a symbol with its own shape, so a cell reads
 * the same without colour (printouts, colour-blind readers); the words come from the dictionary.
 */

export const cellSymbols: Record<MatrixCellStatus, string> = {
  on_time: '✓',
  late: '!',
  submitted: '…',
  returned: '↩',
  missing: '✗',
  pending: '○',
  not_expected: '–',
};

/** The order of the legend: the good news first, then what needs chasing, then nothing expected. */
export const legendOrder: MatrixCellStatus[] = [
  'on_time',
  'late',
  'submitted',
  'returned',
  'pending',
  'missing',
  'not_expected',
];

/** A 0–1 share as a whole percent, or a dash when nothing was expected. */
export function percentText(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** Years to choose from: from 2020 to next year, newest first. */
export function yearChoices(currentYear: number): number[] {
  const years: number[] = [];
  for (let year = currentYear + 1; year >= 2020; year -= 1) years.push(year);
  return years;
}
