import { describe, expect, it } from 'vitest';
import { formatFigure, formatPercent, parseFigure } from './indicators.number.ts';

const readBack = (text: string) => {
  const parsed = parseFigure(text);
  return parsed.kind === 'number' ? parsed.value : parsed.kind;
};

describe('parseFigure', () => {
  it('reads Vietnamese numbers: dot groups thousands, comma is the decimal mark', () => {
    expect(readBack('1.234,5')).toBe(1234.5);
    expect(readBack('1.234')).toBe(1234);
    expect(readBack('12.345.678')).toBe(12345678);
    expect(readBack('0,75')).toBe(0.75);
    expect(readBack(',5')).toBe(0.5);
    expect(readBack('42')).toBe(42);
  });

  it('takes a lone dot that cannot group thousands as the decimal mark of an English keyboard', () => {
    expect(readBack('2.5')).toBe(2.5);
    expect(readBack('0.75')).toBe(0.75);
    expect(readBack('1234.56')).toBe(1234.56);
  });

  it('ignores spaces, also no-break ones, and reads a minus', () => {
    expect(readBack(' 1 234 ')).toBe(1234);
    expect(readBack('1\u202f234,5')).toBe(1234.5);
    expect(readBack('-3,5')).toBe(-3.5);
  });

  it('tells an empty cell from a wrong one', () => {
    expect(readBack('')).toBe('empty');
    expect(readBack('   ')).toBe('empty');
    for (const wrong of ['abc', '1,2,3', '1.23.4', '12.34,5', '1,', '--1', '1e3', '.', '1.234.5']) {
      expect(readBack(wrong), wrong).toBe('invalid');
    }
  });
});

describe('formatFigure', () => {
  it('writes Vietnamese numbers', () => {
    expect(formatFigure(1234.5)).toBe('1.234,5');
    expect(formatFigure(12345678)).toBe('12.345.678');
    expect(formatFigure(0.125, 2)).toBe('0,13');
    expect(formatFigure(-0)).toBe('0');
    expect(formatFigure(null)).toBe('');
    expect(formatFigure(Number.NaN)).toBe('');
  });

  it('reads back what it writes', () => {
    for (const value of [0, 7, 999, 1000, 1234.5, 98765.43, 1_000_000]) {
      expect(readBack(formatFigure(value))).toBe(value);
    }
  });

  it('writes percentages with a comma', () => {
    expect(formatPercent(45.55)).toBe('45,6%');
    expect(formatPercent(null)).toBe('');
  });
});
