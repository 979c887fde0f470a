import type { AppendixRow, AppendixTable } from '@binhdang/contracts';
import { cellId, readCell } from '../indicators/indicators.grid.ts';

/*
 * The appendix tables of a submission while the officer types: each entered cell's text and the
 * value last saved, the figures changed since (sent with the next save, whole and with the
 * revision), live row totals, and the cells whose text is not a number, named for the message.
 * Parsing and cell ids are the figures grid's (indicators.grid.ts), so both read `1.234,5` alike.
 */

export interface FigureDraft {
  dataElement: string;
  disaggregation: string;
  text: string;
  savedValue: number | null;
}

export type FigureDrafts = ReadonlyMap<string, FigureDraft>;

export function createFigureDrafts(
  tables: readonly AppendixTable[],
  format: (value: number | null) => string,
): Map<string, FigureDraft> {
  const drafts = new Map<string, FigureDraft>();
  for (const table of tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.computed) continue;
        drafts.set(cellId(row.dataElement, cell.key), {
          dataElement: row.dataElement,
          disaggregation: cell.key,
          text: format(cell.value),
          savedValue: cell.value,
        });
      }
    }
  }
  return drafts;
}

export interface ChangedFigure {
  dataElement: string;
  disaggregation: string;
  value: number | null;
}

/** Cells whose typed value differs from the saved one; cells that are not numbers wait. */
export function changedFigures(drafts: FigureDrafts): ChangedFigure[] {
  const changed: ChangedFigure[] = [];
  for (const draft of drafts.values()) {
    const { value, problem } = readCell(draft.text, 'number');
    if (problem || value === draft.savedValue) continue;
    changed.push({ dataElement: draft.dataElement, disaggregation: draft.disaggregation, value });
  }
  return changed;
}

/** After a save: the sent values are the saved ones; what was typed meanwhile stays typed. */
export function markFiguresSaved(
  drafts: FigureDrafts,
  sent: readonly ChangedFigure[],
): Map<string, FigureDraft> {
  const next = new Map(drafts);
  for (const figure of sent) {
    const id = cellId(figure.dataElement, figure.disaggregation);
    const draft = next.get(id);
    if (draft) next.set(id, { ...draft, savedValue: figure.value });
  }
  return next;
}

/** The computed total of a row: the sum of its entered cells as typed; empty while all are. */
export function appendixRowTotal(row: AppendixRow, drafts: FigureDrafts): number | null {
  let total: number | null = null;
  for (const column of row.columns) {
    if (column.computed) continue;
    const draft = drafts.get(cellId(row.dataElement, column.key));
    if (!draft) continue;
    const { value, problem } = readCell(draft.text, 'number');
    const current = problem ? draft.savedValue : value;
    if (current !== null) total = (total ?? 0) + current;
  }
  return total;
}

/** Cells whose text cannot be read as a number, in table order. */
export function unreadableCells(drafts: FigureDrafts): FigureDraft[] {
  return [...drafts.values()].filter((draft) => readCell(draft.text, 'number').problem !== null);
}

/** Narrative answers changed since the last save, by section key. */
export function changedAnswers(
  answers: Readonly<Record<string, string>>,
  saved: Readonly<Record<string, string>>,
): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const [key, text] of Object.entries(answers)) if (text !== (saved[key] ?? '')) changed[key] = text;
  return changed;
}
