import { describe, expect, it } from 'vitest';
import { daysUntil } from './calendar.format.ts';
import { dayPosition, eventSpan, spanStyle } from './calendar.timeline.ts';

describe('eventSpan', () => {
  it('puts the Action Month from half-way through November to half-way through December', () => {
    const span = eventSpan('2024-11-15', '2024-12-15', 2024)!;
    expect(span.left).toBeCloseTo(((10 + 14 / 30) / 12) * 100, 1);
    expect(span.left + span.width).toBeCloseTo(((11 + 15 / 31) / 12) * 100, 1);
    expect(span).toMatchObject({ continuesBefore: false, continuesAfter: false });
  });

  it('gives a one-day observance its day', () => {
    const span = eventSpan('2026-03-08', '2026-03-08', 2026)!;
    expect(span.width).toBeCloseTo((1 / 31 / 12) * 100, 1);
  });

  it('cuts an event to the year and says it goes on', () => {
    expect(eventSpan('2025-12-20', '2026-01-10', 2026)).toMatchObject({
      left: 0,
      continuesBefore: true,
      continuesAfter: false,
    });
    expect(eventSpan('2025-12-20', '2026-01-10', 2025)).toMatchObject({
      continuesBefore: false,
      continuesAfter: true,
    });
    expect(
      eventSpan('2025-12-20', '2026-01-10', 2025)!.left + eventSpan('2025-12-20', '2026-01-10', 2025)!.width,
    ).toBe(100);
  });

  it('has no bar for an event of another year', () => {
    expect(eventSpan('2024-11-15', '2024-12-15', 2026)).toBeNull();
  });
});

describe('dayPosition', () => {
  it('places the first and last day of the year at the edges', () => {
    expect(dayPosition('2026-01-01', 2026)).toBe(0);
    expect(dayPosition('2026-12-31', 2026, true)).toBe(100);
  });

  it('writes the bar as a style string', () => {
    expect(spanStyle({ left: 12.5, width: 8 })).toBe('left: 12.5%; width: 8%');
  });
});

describe('daysUntil', () => {
  it('counts whole days, negative when past', () => {
    expect(daysUntil('2026-11-23', '2026-12-01')).toBe(8);
    expect(daysUntil('2026-11-23', '2026-11-23')).toBe(0);
    expect(daysUntil('2026-11-23', '2024-12-25')).toBe(-698);
  });
});
