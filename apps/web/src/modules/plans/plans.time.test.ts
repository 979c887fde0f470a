import type { TaskTime } from '@binhdang/contracts';
import { describe, expect, it } from 'vitest';
import { describeTaskTime, formatTaskTime, fromTimeDraft, toTimeDraft } from './plans.time.ts';

describe('task time in the form', () => {
  it('reads back every kind it shows', () => {
    const times: TaskTime[] = [
      { kind: 'none' },
      { kind: 'ongoing' },
      { kind: 'date', due: '2026-06-30' },
      { kind: 'range', from: '2026-11-15', to: '2026-12-15' },
      { kind: 'month', year: 2026, month: 6 },
      { kind: 'quarter', year: 2027, quarter: 2 },
    ];
    for (const time of times) expect(fromTimeDraft(toTimeDraft(time, 2026))).toEqual({ time });
  });

  it('defaults a new month or quarter to the plan’s year', () => {
    const draft = { ...toTimeDraft({ kind: 'none' }, 2026), kind: 'quarter' as const, quarter: '3' };
    expect(fromTimeDraft(draft)).toEqual({ time: { kind: 'quarter', year: 2026, quarter: 3 } });
  });

  it('says what is missing', () => {
    const base = toTimeDraft({ kind: 'none' }, 2026);
    expect(fromTimeDraft({ ...base, kind: 'date' })).toEqual({ problem: 'dueRequired' });
    expect(fromTimeDraft({ ...base, kind: 'range', from: '2026-03-01' })).toEqual({
      problem: 'rangeRequired',
    });
    expect(fromTimeDraft({ ...base, kind: 'range', from: '2026-03-02', to: '2026-03-01' })).toEqual({
      problem: 'rangeOrder',
    });
    expect(fromTimeDraft({ ...base, kind: 'month', year: '26' })).toEqual({ problem: 'yearInvalid' });
  });
});

describe('formatTaskTime', () => {
  it('writes times as Vietnamese documents do, dates dd/mm/yyyy', () => {
    expect(formatTaskTime({ kind: 'quarter', year: 2026, quarter: 2 })).toBe('Quý II/2026');
    expect(formatTaskTime({ kind: 'month', year: 2026, month: 6 })).toBe('Tháng 6/2026');
    expect(formatTaskTime({ kind: 'date', due: '2026-03-08' })).toBe('08/03/2026');
    expect(formatTaskTime({ kind: 'range', from: '2026-11-15', to: '2026-12-15' })).toBe(
      '15/11/2026 – 15/12/2026',
    );
    expect(formatTaskTime({ kind: 'ongoing' })).toBe('Thường xuyên');
    expect(formatTaskTime({ kind: 'none' })).toBe('');
  });

  it('prefers the document’s own wording', () => {
    expect(describeTaskTime({ kind: 'month', year: 2026, month: 11 }, 'Trong tháng 11')).toBe(
      'Trong tháng 11',
    );
    expect(describeTaskTime({ kind: 'ongoing' }, '  ')).toBe('Thường xuyên');
  });
});
