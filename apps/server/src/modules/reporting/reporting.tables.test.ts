import type { OptionCombo } from '@binhdang/contracts';
import { describe, expect, it } from 'vitest';
import { buildRow, rowTotal } from './reporting.tables.ts';

const combo = (keys: string[], computedTotal: boolean): OptionCombo[] => [
  ...keys.map((key) => ({ key, options: key.split('.'), name: key, computed: false })),
  ...(computedTotal ? [{ key: 'total', options: [], name: 'Tổng', computed: true }] : []),
];

describe('appendix rows', () => {
  it('adds the entered cells into the computed total', () => {
    const row = buildRow(
      {
        code: 'TRE_SINH_SONG',
        name: 'Số trẻ sinh ra sống',
        aggregation: 'sum',
        columns: combo(['male', 'female'], true),
      },
      new Map([
        ['male', { value: 12, comment: null }],
        ['female', { value: 10, comment: 'ước tính' }],
      ]),
    );
    expect(row.cells.map((cell) => cell.value)).toEqual([12, 10, 22]);
    expect(row.cells[1]!.comment).toBe('ước tính');
    expect(rowTotal(row)).toBe(22);
  });

  it('leaves empty cells and totals empty, and does not sum an average', () => {
    const empty = buildRow(
      { code: 'X', name: 'X', aggregation: 'sum', columns: combo(['male', 'female'], true) },
      new Map(),
    );
    expect(empty.cells.map((cell) => cell.value)).toEqual([null, null, null]);
    const average = buildRow(
      { code: 'GIO', name: 'Giờ', aggregation: 'average', columns: combo(['male', 'female'], true) },
      new Map([['male', { value: 2, comment: null }]]),
    );
    expect(rowTotal(average)).toBeNull();
  });

  it('takes the "of which" total as entered', () => {
    const row = buildRow(
      { code: 'TH', name: 'Tập huấn', aggregation: 'sum', columns: combo(['all', 'women'], false) },
      new Map([
        ['all', { value: 40, comment: null }],
        ['women', { value: 25, comment: null }],
      ]),
    );
    expect(rowTotal(row)).toBe(40);
  });
});
