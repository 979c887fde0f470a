/**
 * `npm run bench [-- --quick] [--only import,web,api,scale,cold-start] [--scale tiny|province|national]`:
 * the figures binhdang's targets are judged by, printed as a
 * table and written to bench-results.json as `[{ name, value, unit, baseline, ratio }]`.
 * Runs on the embedded engine, or on the PostgreSQL server when DATABASE_URL is set.
 *
 * - plan import: milliseconds per fixture document, a 20-page plan, a 5 MB input;
 * - web: gzip bytes of JavaScript and CSS a page loads (built for production);
 * - API on the demo year: p50/p95 of the plan list, a plan, its traceability, overdue tasks;
 * - at scale (bench.scale.ts): consolidated views against the raw GROUP BY, the deadline spike,
 *   server memory — national on the server, the largest province embedded, tiny with --quick;
 * - cold start: `npm start` (README quick start) on a fresh data folder to the first 200 of `/`, and
 *   to the first answer of the API (the fresh database initialised and the demo seeded).
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadConfig, repositoryRoot } from '../src/modules/app/config.ts';
import { createApi } from '../src/modules/app/server.ts';
import { readPlanText } from '../src/modules/imports/plan-reader.ts';
import { freePort, waitForHttp } from '../src/modules/scale/scale.processes.ts';
import { type ScaleName, scaleNames } from '../src/modules/scale/scale.specs.ts';
import { ensureDemoAccounts } from '../src/modules/seed/demo-accounts.ts';
import { seedDemoPlans } from '../src/modules/seed/demo-plans.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { benchScale } from './bench.scale.ts';

interface Result {
  name: string;
  value: number;
  unit: string;
  /** The figure to compare with (a target, or a baseline measured in the same run). */
  baseline: number | null;
  ratio: number | null;
}

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    scale: { type: 'string' },
  },
});
const isQuick = options.quick;
const groups = ['import', 'web', 'api', 'scale', 'cold-start'] as const;
const only = new Set(options.only ? options.only.split(',') : groups);
for (const group of only)
  if (!(groups as readonly string[]).includes(group))
    throw new Error(`--only: ${group}? (${groups.join(', ')})`);
if (options.scale && !(scaleNames as readonly string[]).includes(options.scale))
  throw new Error(`--scale: ${options.scale}? (${scaleNames.join(', ')})`);
/** Tiny with --quick; else national on the server and the largest province embedded, unless --scale says. */
const scale: ScaleName =
  (options.scale as ScaleName | undefined) ??
  (isQuick ? 'tiny' : process.env.DATABASE_URL ? 'national' : 'province');
const results: Result[] = [];

function record(name: string, value: number, unit: string, baseline: number | null = null) {
  const rounded = Math.round(value * 100) / 100;
  results.push({
    name,
    value: rounded,
    unit,
    baseline,
    ratio: baseline ? Math.round((rounded / baseline) * 100) / 100 : null,
  });
}

function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/* Plan import. */

function benchImport() {
  const fixturesDir = path.join(repositoryRoot, '..', 'shared', 'fixtures', 'plans');
  const texts = readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(path.join(fixturesDir, name), 'utf8'));
  for (const text of texts) readPlanText(text); // warm-up
  const rounds = isQuick ? 3 : 20;
  const perDoc = time(() => {
    for (let round = 0; round < rounds; round++) for (const text of texts) readPlanText(text);
  });
  record('import-ms-per-doc', perDoc / (rounds * texts.length), 'ms');

  // A 20-page plan (~3,000 characters a page): the longest fixture's body repeated under new
  // section numbers, between its own header and closing.
  const longest = texts.reduce((a, b) => (a.length >= b.length ? a : b));
  const bodyStart = longest.indexOf('\nII.');
  const closing = longest.indexOf('\nNơi nhận');
  const body = longest.slice(bodyStart, closing > bodyStart ? closing : undefined);
  let twentyPages = longest.slice(0, closing > bodyStart ? closing : undefined);
  const roman = ['V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
  for (let index = 0; twentyPages.length < 60_000 && index < roman.length; index++) {
    twentyPages += body.replace('\nII.', `\n${roman[index]}.`);
  }
  twentyPages += closing > 0 ? longest.slice(closing) : '';
  const samples = Array.from({ length: isQuick ? 3 : 10 }, () => time(() => readPlanText(twentyPages)));
  record('import-20-page-plan-ms', percentile(samples, 0.5), 'ms', 1000);

  const huge = texts
    .join('\n')
    .repeat(Math.ceil(5_000_000 / texts.join('\n').length))
    .slice(0, 5_000_000);
  record(
    'import-5mb-input-ms',
    time(() => readPlanText(huge)),
    'ms',
    5000,
  );
}

/* Web: what a page costs on a slow connection. */

function benchWeb() {
  const dist = path.join(repositoryRoot, 'apps', 'web', 'dist');
  const manifestPath = path.join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) {
    console.error('apps/web/dist has no manifest: run `npm run build` first; web sizes skipped.');
    return;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<
    string,
    { file: string; css?: string[]; imports?: string[]; isEntry?: boolean }
  >;
  const gzipKb = (file: string) => gzipSync(readFileSync(path.join(dist, file))).byteLength / 1024;

  /** JS and CSS files a chunk loads, with its static imports. */
  function filesOf(key: string, seen = new Set<string>()): Set<string> {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return seen;
    seen.add(chunk.file);
    for (const css of chunk.css ?? []) seen.add(css);
    for (const imported of chunk.imports ?? []) filesOf(imported, seen);
    return seen;
  }
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
  const entry = filesOf(entryKey);
  const sum = (files: Set<string>, extension: string) =>
    [...files].filter((file) => file.endsWith(extension)).reduce((total, file) => total + gzipKb(file), 0);
  record('web-login-js-gzip-kb', sum(entry, '.js'), 'KB', 150);
  record('web-login-css-gzip-kb', sum(entry, '.css'), 'KB');

  const pages: [string, string][] = [
    ['web-plan-editor-js-gzip-kb', 'src/modules/plans/plans.editor.page.tsx'],
    ['web-task-progress-js-gzip-kb', 'src/modules/tasks/tasks.progress.page.tsx'],
    ['web-data-entry-js-gzip-kb', 'src/modules/indicators/indicators.entry.page.tsx'],
  ];
  for (const [name, key] of pages) {
    if (!manifest[key]) continue;
    record(name, sum(filesOf(key, new Set(entry)), '.js'), 'KB', 150);
  }
}

/* API on the demo year, in process (no network between client and server). */

async function benchApi() {
  const engine = process.env.DATABASE_URL ? 'server' : 'embedded';
  const handle = await createTestDatabase(engine, { seed: true });
  const attachmentsDir = mkdtempSync(path.join(os.tmpdir(), 'binhdang-bench-'));
  try {
    const config = loadConfig({}, { demo: true, logLevel: 'silent', attachmentsDir });
    await ensureDemoAccounts(handle.db);
    await seedDemoPlans({ db: handle.db, clock: () => new Date(), config });
    const api = createApi({ db: handle.db, config, clock: () => new Date(), engine: handle.engine });

    const login = await api.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'kehoach.laichau', password: 'demo' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const get = async (url: string) => {
      const response = await api.request(url, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      return response.json() as Promise<{
        items?: { id: number; origin?: string; parentPlanId?: number | null }[];
      }>;
    };
    const plans = await get('/plans?limit=50');
    const province = plans.items!.find((plan) => plan.parentPlanId === null)!;

    const requests: [string, string][] = [
      ['api-plan-list-p95-ms', '/plans'],
      ['api-plan-detail-p95-ms', `/plans/${province.id}`],
      ['api-plan-trace-p95-ms', `/plans/${province.id}/trace`],
      ['api-tasks-overdue-p95-ms', '/tasks?filter=overdue'],
    ];
    const repeats = isQuick ? 10 : 100;
    for (const [name, url] of requests) {
      await get(url);
      const samples: number[] = [];
      for (let index = 0; index < repeats; index++) {
        const started = performance.now();
        await get(url);
        samples.push(performance.now() - started);
      }
      record(name.replace('-p95-', '-p50-'), percentile(samples, 0.5), 'ms');
      record(name, percentile(samples, 0.95), 'ms', 50);
    }
  } finally {
    await handle.close();
    rmSync(attachmentsDir, { recursive: true, force: true });
  }
}

/* Cold start: `npm start` as the README's quick start runs it, on a fresh data folder. */

async function benchColdStart() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'binhdang-bench-start-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), BINHDANG_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const started = performance.now();
  // Its own process group, so that npm, the web build and the server stop together.
  const child = spawn('npm', ['start', '--silent'], {
    cwd: repositoryRoot,
    env,
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, child, 180_000);
    record('cold-start-s', (performance.now() - started) / 1000, 's', 10);
    // The page is served while the fresh database initialises and the demo is seeded; sign-in
    // and every API call wait for that.
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, child, 180_000);
    record('cold-start-api-ready-s', (performance.now() - started) / 1000, 's');
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (only.has('import')) benchImport();
if (only.has('web')) benchWeb();
if (only.has('api')) await benchApi();
const scaleNote = only.has('scale') ? await benchScale(record, scale, isQuick) : 'no scale';
if (only.has('cold-start')) await benchColdStart();

const engineName = process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite';
console.log(
  `\nbinhdang benchmarks (${engineName}, ${scaleNote}${isQuick ? ', quick' : ''}; ${os.cpus().length} cores)\n`,
);
console.log(`${'name'.padEnd(38)} ${'value'.padStart(10)} unit  ${'target'.padStart(8)}  ratio`);
for (const result of results) {
  console.log(
    `${result.name.padEnd(38)} ${String(result.value).padStart(10)} ${result.unit.padEnd(5)} ${String(result.baseline ?? '').padStart(8)}  ${result.ratio ?? ''}`,
  );
}
writeFileSync(path.join(repositoryRoot, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWritten to bench-results.json');
