import { describe, expect, it } from 'vitest';
import { female, minority, parseWhole, sumOf } from './activities.format.tsx';

describe('numbers typed on a phone', () => {
  it('reads whole numbers, with dots or spaces between thousands as Vietnamese write them', () => {
    expect(parseWhole('')).toBe(0);
    expect(parseWhole(' 37 ')).toBe(37);
    expect(parseWhole('1.200')).toBe(1200);
    expect(parseWhole('1 500 000')).toBe(1_500_000);
  });

  it('refuses what is not a whole number of people or đồng', () => {
    for (const text of ['-3', '2,5', '1.20', 'mười', '12a', '1..000']) expect(parseWhole(text)).toBeNull();
  });

  it('totals the participants grid by sex and by ethnicity', () => {
    const people = { 'male.kinh': 3, 'male.minority': 21, 'female.kinh': 4, 'female.minority': 37 };
    expect(sumOf(people)).toBe(65);
    expect(sumOf(people, female)).toBe(41);
    expect(sumOf(people, minority)).toBe(58);
  });
});
