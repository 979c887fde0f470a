import { describe, expect, it } from 'vitest';
import {
  defaultCutOff,
  endOfDueDay,
  isLate,
  isValidIsoDate,
  periodFitsTemplate,
} from './reporting.periods.ts';

describe('round dates', () => {
  it('takes the data cut-off of Nghị định 09/2019', () => {
    expect(defaultCutOff('2026S1')).toEqual({ from: '2025-12-15', to: '2026-06-14' });
    expect(defaultCutOff('2026')).toEqual({ from: '2025-12-15', to: '2026-12-14' });
    expect(defaultCutOff('2026S2')).toEqual({ from: '2026-06-15', to: '2026-12-14' });
  });

  it('ends a due day at midnight in Vietnam', () => {
    expect(endOfDueDay('2026-12-01').toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(endOfDueDay('2026-12-31').toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  it('marks a report late only when first submitted after the due day', () => {
    const dueAt = endOfDueDay('2026-12-01');
    expect(isLate(new Date('2026-12-01T16:59:59Z'), dueAt)).toBe(false);
    expect(isLate(new Date('2026-12-01T17:00:00Z'), dueAt)).toBe(true);
    expect(isLate(null, dueAt)).toBe(false);
  });

  it('matches periods to templates and checks dates', () => {
    expect(periodFitsTemplate('2026S1', 'half_year')).toBe(true);
    expect(periodFitsTemplate('2026', 'half_year')).toBe(false);
    expect(periodFitsTemplate('2026S2', 'year')).toBe(false);
    expect(periodFitsTemplate('2026S2', 'any')).toBe(true);
    expect(isValidIsoDate('2026-02-30')).toBe(false);
    expect(isValidIsoDate('2026-02-28')).toBe(true);
  });
});
