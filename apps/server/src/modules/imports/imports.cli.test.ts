import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { errorCatalogue, planImport } from '@binhdang/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../app/config.ts';

const fixturesDir = path.join(
  process.env.BINHDANG_SHARED_DATA_DIR
    ? path.dirname(process.env.BINHDANG_SHARED_DATA_DIR)
    : path.join(repositoryRoot, '..', 'shared'),
  'fixtures',
  'plans',
);
const fixture = existsSync(fixturesDir)
  ? readdirSync(fixturesDir)
      .filter((name) => name.endsWith('.txt'))
      .sort()[0]
  : undefined;

const workDir = mkdtempSync(path.join(tmpdir(), 'binhdang-parse-plan-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function parsePlan(...args: string[]) {
  // No DATABASE_URL and a data directory that does not exist: the command must not need either.
  const env = { ...process.env, DATABASE_URL: '', BINHDANG_DATA_DIR: path.join(workDir, 'no-database') };
  return spawnSync('npx', ['tsx', 'apps/server/src/cli.ts', 'parse-plan', ...args], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
}

describe('cli parse-plan', () => {
  it('prints only the contract JSON on stdout and exits 0', () => {
    expect(fixture).toBeDefined();
    const run = parsePlan(path.join(fixturesDir, fixture!), '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trimStart().startsWith('{')).toBe(true);
    const parsed = planImport.safeParse(JSON.parse(run.stdout));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.sections.length).toBeGreaterThan(0);
    expect(existsSync(path.join(workDir, 'no-database'))).toBe(false);
  });

  it('fails with a Vietnamese message for a file that is no document, or is missing', () => {
    const noise = path.join(workDir, 'noise.bin');
    writeFileSync(
      noise,
      Uint8Array.from({ length: 256 }, (_, index) => (index * 7919 + 13) % 256),
    );
    const unsupported = parsePlan(noise, '--json');
    expect(unsupported.status).not.toBe(0);
    expect(unsupported.stdout).toBe('');
    expect(unsupported.stderr).toContain(errorCatalogue['imports.unsupported_file'].vi);

    const missing = parsePlan(path.join(workDir, 'khong-co.pdf'), '--json');
    expect(missing.status).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('Không tìm thấy tệp');
  });
});
