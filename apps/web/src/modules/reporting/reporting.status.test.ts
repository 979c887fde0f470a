import { describe, expect, it } from 'vitest';
import {
  compareStanding,
  defaultCutOff,
  heatLevel,
  periodChoices,
  ratioText,
  suggestedPeriod,
  unitStanding,
} from './reporting.status.ts';

describe('unitStanding', () => {
  it('tells on time, late, returned, and draft before or after the due day', () => {
    expect(unitStanding({ status: 'accepted', isLate: false }, '2026-12-01', '2026-12-05')).toBe('on_time');
    expect(unitStanding({ status: 'submitted', isLate: true }, '2026-12-01', '2026-12-05')).toBe('late');
    expect(unitStanding({ status: 'returned', isLate: false }, '2026-12-01', '2026-12-05')).toBe('returned');
    expect(unitStanding({ status: 'draft', isLate: false }, '2026-12-01', '2026-12-01')).toBe('pending');
    expect(unitStanding({ status: 'draft', isLate: false }, '2026-12-01', '2026-12-02')).toBe('missing');
  });

  it('puts what needs the consolidator first', () => {
    const sorted = (['on_time', 'late', 'missing', 'returned'] as const).slice().sort(compareStanding);
    expect(sorted).toEqual(['missing', 'returned', 'late', 'on_time']);
  });
});

describe('ratios and heat', () => {
  it('writes part/whole with a whole percent', () => {
    expect(ratioText(10, 13)).toEqual({ fraction: '10/13', percent: 77 });
    expect(ratioText(0, 0)).toEqual({ fraction: '0/0', percent: null });
  });

  it('maps shares to five levels', () => {
    expect([0, 0.2, 0.5, 0.8, 1, null].map(heatLevel)).toEqual([0, 1, 2, 3, 4, null]);
  });
});

describe('dates of a new round', () => {
  it('has the decree cut-off per period, as the server defaults it', () => {
    expect(defaultCutOff('2026')).toEqual({ from: '2025-12-15', to: '2026-12-14' });
    expect(defaultCutOff('2026S1')).toEqual({ from: '2025-12-15', to: '2026-06-14' });
    expect(defaultCutOff('2026S2')).toEqual({ from: '2026-06-15', to: '2026-12-14' });
    expect(defaultCutOff('26')).toBeNull();
  });

  it('offers periods fitting the template, the likely one first', () => {
    expect(periodChoices('year', '2026-11-23')).toEqual(['2026', '2027', '2025']);
    expect(periodChoices('half_year', '2026-11-23').slice(0, 2)).toEqual(['2026S1', '2026S2']);
    expect(suggestedPeriod('half_year', '2026-11-23')).toBe('2026S2');
    expect(suggestedPeriod('year', '2026-03-01')).toBe('2026');
  });
});
