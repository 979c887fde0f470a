import { describe, expect, it } from 'vitest';
import { computeTaskStatus, taskTimeBounds, taskTimeFromColumns } from './plans.time.ts';

describe('task time', () => {
  it('turns months and quarters into their first and last day', () => {
    expect(taskTimeBounds({ kind: 'month', year: 2026, month: 2 })).toEqual({
      startsOn: '2026-02-01',
      dueOn: '2026-02-28',
    });
    expect(taskTimeBounds({ kind: 'quarter', year: 2026, quarter: 4 })).toEqual({
      startsOn: '2026-10-01',
      dueOn: '2026-12-31',
    });
    expect(taskTimeBounds({ kind: 'ongoing' })).toEqual({ startsOn: null, dueOn: null });
  });

  it('reads back what it stored', () => {
    const times = [
      { kind: 'date', due: '2026-06-30' },
      { kind: 'range', from: '2026-11-15', to: '2026-12-15' },
      { kind: 'month', year: 2026, month: 6 },
      { kind: 'quarter', year: 2026, quarter: 2 },
      { kind: 'ongoing' },
      { kind: 'none' },
    ] as const;
    for (const time of times) {
      const { startsOn, dueOn } = taskTimeBounds(time);
      expect(taskTimeFromColumns(time.kind, startsOn, dueOn)).toEqual(time);
    }
  });

  it('computes overdue from the last day, never for done or ongoing tasks', () => {
    expect(computeTaskStatus('in_progress', '2026-06-30', '2026-07-01')).toBe('overdue');
    expect(computeTaskStatus('not_started', '2026-06-30', '2026-06-30')).toBe('not_started');
    expect(computeTaskStatus('done', '2026-06-30', '2026-07-01')).toBe('done');
    expect(computeTaskStatus('not_started', null, '2030-01-01')).toBe('not_started');
  });
});
