import { describe, expect, it } from 'vitest';
import { bandLayout, linearScale, linePath, niceStep, valueAxis } from './indicators.chart.ts';

describe('niceStep', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(17)).toBe(20);
    expect(niceStep(23)).toBe(25);
    expect(niceStep(340)).toBe(500);
    expect(niceStep(6000)).toBe(10000);
    expect(niceStep(0)).toBe(1);
  });
});

describe('valueAxis', () => {
  it('starts at zero and ends on a round tick above the largest value or target', () => {
    expect(valueAxis([12, 57, 33])).toEqual({ min: 0, max: 60, ticks: [0, 20, 40, 60] });
    expect(valueAxis([1234])).toEqual({ min: 0, max: 1500, ticks: [0, 500, 1000, 1500] });
  });

  it('stops percentages at 100 and gives an empty chart a usable axis', () => {
    expect(valueAxis([92, 95], { isPercent: true }).max).toBe(100);
    expect(valueAxis([], { isPercent: true })).toEqual({ min: 0, max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(valueAxis([0]).ticks.length).toBeGreaterThan(1);
  });

  it('keeps small steps exact', () => {
    expect(valueAxis([0.3]).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('includes negative values', () => {
    expect(valueAxis([-5, 10]).min).toBeLessThanOrEqual(-5);
  });
});

describe('scales and paths', () => {
  it('maps a domain onto a range, also an inverted one (SVG y grows downwards)', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });

  it('breaks the line at a missing year', () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 10, y: 5 }, null, { x: 30, y: 1 }])).toBe('M0,10 L10,5 M30,1');
    expect(linePath([])).toBe('');
  });

  it('centres bars in equal bands', () => {
    const bands = bandLayout(4, 0, 100, 0.5);
    expect(bands.width).toBe(12.5);
    expect(bands.x(0)).toBe(6.25);
    expect(bands.center(3)).toBe(87.5);
  });
});
