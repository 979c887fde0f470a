import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planImport } from '@binhdang/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../app/config.ts';
import { readPlanText } from './plan-reader.ts';

/** `../shared` beside the checkout (CI clones it there), or the parent of BINHDANG_SHARED_DATA_DIR. */
const sharedRoot = process.env.BINHDANG_SHARED_DATA_DIR
  ? path.dirname(process.env.BINHDANG_SHARED_DATA_DIR)
  : path.join(repositoryRoot, '..', 'shared');
const fixturesDir = path.join(sharedRoot, 'fixtures', 'plans');
const scorer = path.join(sharedRoot, 'tools', 'score-plan-import.mjs');

/**
 * Every fixture must score at least 11 of 12 fields; all five seed plans score 12/12 today,
 * so together they must stay at 95 % or more. New fixtures in the folder are picked up.
 */
const minimumPerFixture = 11 / 12;
const minimumOverall = 0.95;

const fixtures = existsSync(fixturesDir)
  ? readdirSync(fixturesDir)
      .filter(
        (name) =>
          name.endsWith('.txt') &&
          existsSync(path.join(fixturesDir, name.replace(/\.txt$/, '.expected.json'))),
      )
      .sort()
  : [];

const workDir = mkdtempSync(path.join(tmpdir(), 'binhdang-plan-reader-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const scores: { name: string; matched: number; checked: number }[] = [];

describe('plan reader on the seed plans (../shared/fixtures/plans)', () => {
  it('finds the fixtures and the scorer', () => {
    expect(existsSync(scorer), scorer).toBe(true);
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('%s scores well against its expected file', (name) => {
    const result = readPlanText(readFileSync(path.join(fixturesDir, name), 'utf8'));
    expect(planImport.safeParse(result).success).toBe(true);

    const actualFile = path.join(workDir, name.replace(/\.txt$/, '.actual.json'));
    writeFileSync(actualFile, JSON.stringify(result, null, 2));
    const expectedFile = path.join(fixturesDir, name.replace(/\.txt$/, '.expected.json'));
    const report = execFileSync(process.execPath, [scorer, expectedFile, actualFile], { encoding: 'utf8' });
    const [, matched = '0', checked = '1'] = report.match(/score: (\d+)\/(\d+)/) ?? [];
    scores.push({ name, matched: Number(matched), checked: Number(checked) });
    console.log(`${name}: score ${matched}/${checked}${report.includes('MISS') ? `\n${report}` : ''}`);

    expect(Number(matched) / Number(checked), report).toBeGreaterThanOrEqual(minimumPerFixture);
  });

  it('keeps the overall score', () => {
    const matched = scores.reduce((sum, score) => sum + score.matched, 0);
    const checked = scores.reduce((sum, score) => sum + score.checked, 0);
    console.log(`plan reader: ${matched}/${checked} over ${scores.length} fixtures`);
    expect(checked).toBeGreaterThan(0);
    expect(matched / checked).toBeGreaterThanOrEqual(minimumOverall);
  });
});
