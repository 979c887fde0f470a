import type { TaskTime } from '@binhdang/contracts';
import { describe, expect, it } from 'vitest';
import { barColumns, groupByDueMonth, layoutTimeline } from './tasks.timeline.ts';

function row(ref: string, time: TaskTime, startsOn: string | null, dueOn: string | null) {
  return { ref, time, startsOn, dueOn };
}

const rows = [
  row('q4', { kind: 'quarter', year: 2026, quarter: 4 }, '2026-10-01', '2026-12-31'),
  row('march', { kind: 'date', due: '2026-03-08' }, '2026-03-08', '2026-03-08'),
  row('ongoing', { kind: 'ongoing' }, null, null),
  row('none', { kind: 'none' }, null, null),
  row('action-month', { kind: 'range', from: '2026-11-15', to: '2027-01-15' }, '2026-11-15', '2027-01-15'),
  row('last-year', { kind: 'date', due: '2025-12-31' }, '2025-12-31', '2025-12-31'),
  row('from-last-year', { kind: 'range', from: '2025-11-01', to: '2026-02-15' }, '2025-11-01', '2026-02-15'),
];

describe('layoutTimeline', () => {
  const { bars, undated } = layoutTimeline(rows, 2026);

  it('puts ongoing tasks first over the whole year, then by start month', () => {
    expect(bars.map((bar) => [bar.row.ref, bar.startMonth, bar.endMonth])).toEqual([
      ['ongoing', 1, 12],
      ['from-last-year', 1, 2],
      ['march', 3, 3],
      ['q4', 10, 12],
      ['action-month', 11, 12],
    ]);
    expect(bars[0]?.isOngoing).toBe(true);
  });

  it('cuts tasks to the year and says so', () => {
    const actionMonth = bars.find((bar) => bar.row.ref === 'action-month');
    expect(actionMonth?.continuesAfter).toBe(true);
    expect(bars.find((bar) => bar.row.ref === 'from-last-year')?.continuesBefore).toBe(true);
    expect(bars.some((bar) => bar.row.ref === 'last-year')).toBe(false);
  });

  it('lists tasks without a time apart', () => {
    expect(undated.map((entry) => entry.ref)).toEqual(['none']);
  });

  it('places bars on grid columns after the label column', () => {
    expect(barColumns({ startMonth: 1, endMonth: 12 })).toBe('2 / 14');
    expect(barColumns({ startMonth: 3, endMonth: 3 })).toBe('4 / 5');
  });

  it('stacks dated tasks under the month they are due for a phone', () => {
    expect(groupByDueMonth(bars).map((group) => [group.month, group.bars.map((bar) => bar.row.ref)])).toEqual(
      [
        [2, ['from-last-year']],
        [3, ['march']],
        [12, ['q4', 'action-month']],
      ],
    );
  });
});
