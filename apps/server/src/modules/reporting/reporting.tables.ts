import type { AppendixRow, OptionCombo } from '@binhdang/contracts';

/*
 * Appendix rows, pure: the entered cells of a data element in its combo's column order, and the
 * computed total column (the sum of the entered cells, as on the entry form). A rate or average
 * (`aggregation: average`) has no meaningful sum over its cells, so its total stays empty.
 */

export interface StoredCell {
  value: number;
  comment: string | null;
}

export interface RowElement {
  code: string;
  name: string;
  aggregation: string;
  columns: OptionCombo[];
}

export function buildRow(element: RowElement, cells: ReadonlyMap<string, StoredCell>): AppendixRow {
  return {
    dataElement: element.code,
    name: element.name,
    columns: element.columns,
    cells: buildCells(element, cells),
  };
}

export function buildCells(element: RowElement, cells: ReadonlyMap<string, StoredCell>) {
  return element.columns.map((column) => {
    if (!column.computed) {
      const cell = cells.get(column.key);
      return { key: column.key, value: cell?.value ?? null, computed: false, comment: cell?.comment ?? null };
    }
    const entered = element.columns
      .filter((other) => !other.computed)
      .map((other) => cells.get(other.key)?.value)
      .filter((value) => value !== undefined);
    const value =
      element.aggregation === 'sum' && entered.length > 0
        ? entered.reduce((sum, next) => sum + next, 0)
        : null;
    return { key: column.key, value, computed: true, comment: null };
  });
}

/** A row's total: the computed column, else the only or the "of which" total cell (`all`, `total`). */
export function rowTotal(row: AppendixRow): number | null {
  const computed = row.cells.find((cell) => cell.computed);
  if (computed) return computed.value;
  if (row.cells.length === 1) return row.cells[0]!.value;
  return row.cells.find((cell) => cell.key === 'all' || cell.key === 'total')?.value ?? null;
}
