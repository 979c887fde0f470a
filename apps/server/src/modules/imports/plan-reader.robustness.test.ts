import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { planImport } from '@binhdang/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../app/config.ts';
import { readPlanText } from './plan-reader.ts';

/*
 * Whatever arrives, the reader answers: mangled plans (shuffled, cut, doubled, stripped of
 * diacritics, sprinkled with junk), random text and bytes, and megabytes of it. It never
 * throws, always returns the contract's shape, and says in warnings what it could not read.
 */

const fixturesDir = path.join(repositoryRoot, '..', 'shared', 'fixtures', 'plans');
const fixtures = readdirSync(fixturesDir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(path.join(fixturesDir, name), 'utf8'));

const stripDiacritics = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** One way a real document gets damaged on its way to us, applied to its lines. */
const damage = fc.oneof(
  fc.constant((lines: string[]) => [...lines].reverse()),
  fc.integer({ min: 0, max: 10_000 }).map((seed) => (lines: string[]) => {
    const shuffled = [...lines];
    let state = seed + 1;
    for (let index = shuffled.length - 1; index > 0; index--) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const other = state % (index + 1);
      [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
    }
    return shuffled;
  }),
  fc
    .double({ min: 0, max: 1, noNaN: true })
    .map((share) => (lines: string[]) => lines.slice(0, Math.floor(lines.length * share))),
  fc
    .double({ min: 0, max: 1, noNaN: true })
    .map((share) => (lines: string[]) => lines.slice(Math.floor(lines.length * share))),
  fc.constant((lines: string[]) => lines.map(stripDiacritics)),
  fc.constant((lines: string[]) => lines.flatMap((line) => line.split(/(?<=\s)/).filter(Boolean))),
  fc.constant((lines: string[]) => [lines.join(' ')]),
  fc.constant((lines: string[]) => lines.flatMap((line, index) => [line, String(index + 1), ''])),
  fc
    .string({ unit: 'binary', maxLength: 40 })
    .map(
      (junk) => (lines: string[]) => lines.map((line, index) => (index % 7 === 3 ? `${junk}${line}` : line)),
    ),
  fc.constant((lines: string[]) => lines.map((line) => line.toUpperCase())),
  fc.constant((lines: string[]) => lines.map((line) => line.normalize('NFD'))),
);

const mangledPlan = fc
  .tuple(fc.constantFrom(...fixtures), fc.array(damage, { minLength: 1, maxLength: 4 }))
  .map(([text, steps]) => steps.reduce((lines, step) => step(lines), text.split('\n')).join('\n'));

const randomDocument = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 3000 }),
  fc.string({ unit: 'grapheme', maxLength: 3000 }),
  fc.uint8Array({ maxLength: 3000 }).map((bytes) => new TextDecoder().decode(bytes)),
  fc
    .array(
      fc.constantFrom(
        'Số:',
        '/KH-UBND',
        'ngày',
        'tháng',
        'năm 2026',
        'Căn cứ',
        'I.',
        '1.',
        '-',
        'Nơi nhận:',
        'TM.',
        '\n',
        ' ',
      ),
      {
        maxLength: 400,
      },
    )
    .map((words) => words.join(' ')),
);

function expectAnswer(text: string) {
  const result = readPlanText(text);
  expect(planImport.safeParse(result).success).toBe(true);
  return result;
}

describe('plan reader robustness', () => {
  it('reads thousands of mangled plans without throwing, always in the contract shape', () => {
    fc.assert(
      fc.property(mangledPlan, (text) => {
        expectAnswer(text);
      }),
      { numRuns: 1500 },
    );
  });

  it('answers random text and bytes, and says it found no document', () => {
    fc.assert(
      fc.property(randomDocument, (text) => {
        const result = expectAnswer(text);
        if (result.title === null) expect(result.warnings.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500 },
    );
  });

  it('finishes megabyte inputs instead of hanging', () => {
    const plans = fixtures.join('\n');
    const huge = plans.repeat(Math.ceil(5_000_000 / plans.length)).slice(0, 5_000_000);
    let state = 7;
    let junk = '';
    while (junk.length < 5_000_000) {
      state = (state * 1103515245 + 12345) % 2147483648;
      junk += String.fromCharCode(32 + (state % 400));
    }
    // A hang guard, not a speed target: the benchmark reports the time (about 1–2 s for these
    // on an idle machine); the bound leaves room for a loaded CI machine.
    const shortLines = 'Số liệu\n'.repeat(600_000).slice(0, 5_000_000);
    for (const text of [huge, junk, '\n'.repeat(5_000_000), shortLines]) {
      const started = performance.now();
      expectAnswer(text);
      expect(performance.now() - started).toBeLessThan(15_000);
    }
    expect(readPlanText(junk).warnings).toContain('Không tìm thấy trích yếu (tên) văn bản.');
  }, 120_000);
});
