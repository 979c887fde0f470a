/**
 * The benchmarks at scale: a generated country (scale.generator.ts) served by a separate
 * `serve` process, driven over loopback HTTP.
 *
 * - consolidated view: p50/p95 of `GET /api/reporting/rounds/{id}/consolidation` (one appendix
 *   table) of the latest accepted national round and of its largest province round, signed in as
 *   a viewer of that scope; baseline: the plain GROUP BY over the raw figures of every unit under
 *   the round, run directly in the same database in the same run;
 * - deadline spike: every commune and agency of the scale's country (or, on the embedded engine,
 *   of its province) saves its 100-value report and submits it, as fast as the server takes them
 *   (N connections, each request with its unit's own session and CSRF token); afterwards every
 *   acknowledged submission must be stored with its values and counted in its province's
 *   consolidation (`spike-lost`);
 * - server memory (RSS, from /proc) at rest and the peak during the spike.
 *
 * Database: embedded, a fresh data folder with the scale generated in it; server, a new database
 * next to DATABASE_URL's, dropped afterwards: a copy of BINHDANG_BENCH_DATABASE_URL's country
 * (generated there on first use: the national one takes minutes), or generated now.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/modules/app/config.ts';
import { createDatabase, type Db } from '../src/modules/app/database.ts';
import { migrate } from '../src/modules/app/migrations.ts';
import { createSessions } from '../src/modules/auth/auth.service.ts';
import { previousPeriod } from '../src/modules/indicators/indicators.validation.ts';
import { roundElementIds } from '../src/modules/reporting/reporting.totals.ts';
import { generateCountry } from '../src/modules/scale/scale.generator.ts';
import {
  freePort,
  rssMb,
  spawnServe,
  stopProcess,
  waitForHttp,
} from '../src/modules/scale/scale.processes.ts';
import { SCALE_TEMPLATE_CODE, type ScaleName, scales } from '../src/modules/scale/scale.specs.ts';

export type RecordResult = (name: string, value: number, unit: string, baseline?: number | null) => void;

export function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

interface Target {
  db: Db;
  close(): Promise<void>;
  /** Environment for `serve` on this database. */
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

async function openTarget(scale: ScaleName): Promise<Target> {
  const serverUrl = process.env.DATABASE_URL;
  const sharedDataDir = loadConfig().sharedDataDir;
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, BINHDANG_LOG_LEVEL: 'error' };
  const generate = async (db: Db) => {
    log(`Generating the ${scale} scale (demo generate --scale ${scale} --seed 1)…`);
    await generateCountry(db, {
      scale,
      seed: 1,
      password: 'demo',
      sharedDataDir,
      today: new Date(),
      log: (message) => log(`  ${message}`),
    });
  };
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'binhdang-bench-scale-'));
    const handle = await createDatabase({ dataDir });
    await migrate(handle.db);
    await generate(handle.db);
    return {
      db: handle.db,
      close: () => handle.close(),
      env: { ...baseEnv, DATABASE_URL: '', BINHDANG_DATA_DIR: dataDir },
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `binhdang_bench_${process.pid}`;
  const url = new URL(serverUrl);
  const admin = await createDatabase({ databaseUrl: serverUrl, dataDir: '', poolSize: 1 });
  await sql.raw(`drop database if exists ${name}`).execute(admin.db);
  const prepared = process.env.BINHDANG_BENCH_DATABASE_URL;
  let template: string | null = null;
  if (prepared) {
    // The prepared country is generated once and copied for each run (the spike submits the
    // open round, so a run spends its database): a file-level copy takes seconds, not minutes.
    const handle = await createDatabase({ databaseUrl: prepared, dataDir: '' });
    await migrate(handle.db);
    const provinces = await sql<{ count: number }>`
      select count(*)::int as count from report_rounds c join report_rounds r on r.id = c.parent_round_id
      where r.parent_round_id is null and r.period = (select max(period) from report_rounds)`.execute(
      handle.db,
    );
    const found = provinces.rows[0]?.count ?? 0;
    const expected = scales[scale].provinces === 'all' ? 34 : scales[scale].provinces;
    if (found === 0) await generate(handle.db);
    else if (found !== expected)
      throw new Error(
        `BINHDANG_BENCH_DATABASE_URL holds a country of ${found} provinces, not the ${scale} scale (${expected}).`,
      );
    else log(`Copying the ${scale} country already generated in BINHDANG_BENCH_DATABASE_URL…`);
    await handle.close();
    template = decodeURIComponent(new URL(prepared).pathname.slice(1));
  }
  const copyOf = template === null ? '' : ` template "${template.replaceAll('"', '""')}"`;
  await sql.raw(`create database ${name}${copyOf}`).execute(admin.db);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ databaseUrl: url.toString(), dataDir: '' });
  if (template === null) {
    await migrate(handle.db);
    await generate(handle.db);
  }
  return {
    db: handle.db,
    close: () => handle.close(),
    env: { ...baseEnv, DATABASE_URL: url.toString() },
    cleanup: async () => {
      await sql.raw(`drop database if exists ${name}`).execute(admin.db);
      await admin.close();
    },
  };
}

interface SpikeUnit {
  unitId: number;
  provinceId: number;
  submissionId: number;
  revision: number;
  token: string;
  csrfToken: string;
  figures: { dataElement: string; disaggregation: string; value: number }[];
}

interface Prepared {
  nationalRoundId: number;
  provinceRoundId: number;
  table: string;
  readers: { national: { token: string }; province: { token: string } };
  spike: SpikeUnit[];
  /** Province round of the open half-year per province, and the viewer session of that province. */
  openProvinceRounds: Map<number, { roundId: number; token: string }>;
  elementCodes: Map<number, string>;
  nationalBaselineMs: number;
}

/** Rounds, sessions and the spike's reports, read and made directly in the database before `serve` starts. */
async function prepare(
  db: Db,
  spikeScope: 'country' | 'province',
  record: RecordResult,
  isQuick: boolean,
): Promise<Prepared> {
  const config = loadConfig({}, { logLevel: 'silent' });
  const clock = () => new Date();
  const rounds = await sql<{ id: number; period: string; open: boolean }>`
    select r.id, r.period, not exists (select 1 from report_submissions s where s.round_id = r.id and s.status <> 'draft') as open
    from report_rounds r join report_templates t on t.id = r.template_id
    where r.parent_round_id is null and t.code = ${SCALE_TEMPLATE_CODE}
    order by r.period`.execute(db);
  const accepted = rounds.rows.filter((round) => !round.open).at(-1)!;
  const open = rounds.rows.filter((round) => round.open).at(-1)!;
  const provinceRound = await sql<{ id: number; unit_id: number; code: string }>`
    select c.id, o.id as unit_id, o.code from report_rounds c
    join org_units o on o.id = c.consolidating_unit_id
    where c.parent_round_id = ${accepted.id}
    order by (select count(*) from report_submissions s where s.round_id = c.id) desc, o.code limit 1`.execute(
    db,
  );
  const province = provinceRound.rows[0]!;
  const elementIds = await roundElementIds(db, accepted.id);
  const elementCodes = new Map(
    (await db.selectFrom('data_elements').select(['id', 'code']).execute()).map((row) => [row.id, row.code]),
  );

  // Baseline: the plain GROUP BY over the raw figures of all the units under the round.
  const baseline = async (roundId: number) => {
    const samples: number[] = [];
    for (let index = 0; index < (isQuick ? 3 : 7); index++) {
      const started = performance.now();
      await sql`
        select v.data_element_id, v.disaggregation, sum(v.value), avg(v.value)
        from data_values v join org_units o on o.id = v.org_unit_id
        where o.path like any(
            select replace(replace(u.path, '%', '\\%'), '_', '\\_') || '%' from report_submissions s join org_units u on u.id = s.org_unit_id
            where s.round_id = ${roundId})
          and v.period = ${accepted.period} and v.data_element_id = any(${elementIds}::int[])
        group by v.data_element_id, v.disaggregation`.execute(db);
      samples.push(performance.now() - started);
    }
    return percentile(samples, 0.5);
  };
  const nationalBaseline = await baseline(accepted.id);
  record('groupby-baseline-national-ms', nationalBaseline, 'ms');
  record('groupby-baseline-province-ms', await baseline(province.id), 'ms');

  const users = async (names: string[]) =>
    new Map(
      (await db.selectFrom('users').select(['id', 'username']).where('username', 'in', names).execute()).map(
        (row) => [row.username, row.id],
      ),
    );
  const readerIds = await users(['xem.tw', `xem.${province.code.toLowerCase()}`]);
  const [nationalReader, provinceReader] = await createSessions(
    db,
    [readerIds.get('xem.tw')!, readerIds.get(`xem.${province.code.toLowerCase()}`)!],
    { config, clock },
  );

  // The spike: every reporting unit of the open round (of the country, or of the largest province).
  const openChildren = await sql<{ id: number; unit_id: number; code: string }>`
    select c.id, o.id as unit_id, o.code from report_rounds c join org_units o on o.id = c.consolidating_unit_id
    where c.parent_round_id = ${open.id} order by o.code`.execute(db);
  const spikeRounds =
    spikeScope === 'country'
      ? openChildren.rows
      : openChildren.rows.filter((row) => row.unit_id === province.unit_id);
  const provinceViewers = await users(spikeRounds.map((row) => `xem.${row.code.toLowerCase()}`));
  const viewerSessions = await createSessions(
    db,
    spikeRounds.map((row) => provinceViewers.get(`xem.${row.code.toLowerCase()}`)!),
    { config, clock },
  );
  const openProvinceRounds = new Map(
    spikeRounds.map((row, index) => [row.unit_id, { roundId: row.id, token: viewerSessions[index]!.token }]),
  );
  const reports = await sql<{
    submission_id: number;
    revision: number;
    unit_id: number;
    round_id: number;
    user_id: number;
  }>`
    select s.id as submission_id, s.revision, s.org_unit_id as unit_id, s.round_id, g.user_id
    from report_submissions s
    join lateral (select g.user_id from role_grants g where g.org_unit_id = s.org_unit_id and g.role = 'reporter' order by g.id limit 1) g on true
    where s.round_id = any(${spikeRounds.map((row) => row.id)}::int[]) and s.status = 'draft'
    order by s.id`.execute(db);
  const provinceOfRound = new Map(spikeRounds.map((row) => [row.id, row.unit_id]));
  // Last year's figures of the same half, 10 % more: inside the ±50 % rule, and every "≤" rule still holds.
  const previous = await sql<{
    org_unit_id: number;
    data_element_id: number;
    disaggregation: string;
    value: number;
  }>`
    select v.org_unit_id, v.data_element_id, v.disaggregation, v.value from data_values v
    where v.org_unit_id = any(${reports.rows.map((row) => row.unit_id)}::int[])
      and v.period = ${previousPeriod(open.period)} and v.data_element_id = any(${elementIds}::int[])`.execute(
    db,
  );
  const figuresOf = new Map<number, SpikeUnit['figures']>();
  for (const row of previous.rows) {
    const list = figuresOf.get(row.org_unit_id) ?? [];
    figuresOf.set(row.org_unit_id, list);
    const value = Math.round(row.value * 1.1 * 10) / 10;
    list.push({
      dataElement: elementCodes.get(row.data_element_id)!,
      disaggregation: row.disaggregation,
      value: Number.isInteger(row.value) ? Math.round(row.value * 1.1) : value,
    });
  }
  const sessions = await createSessions(
    db,
    reports.rows.map((row) => row.user_id),
    { config, clock },
  );
  const spike = reports.rows.map((row, index) => ({
    unitId: row.unit_id,
    provinceId: provinceOfRound.get(row.round_id)!,
    submissionId: row.submission_id,
    revision: row.revision,
    token: sessions[index]!.token,
    csrfToken: sessions[index]!.csrfToken,
    figures: figuresOf.get(row.unit_id) ?? [],
  }));
  const table = (
    await sql<{
      code: string;
    }>`select t.tables -> 0 ->> 'code' as code from report_rounds r join report_templates t on t.id = r.template_id where r.id = ${accepted.id}`.execute(
      db,
    )
  ).rows[0]!.code;
  return {
    nationalRoundId: accepted.id,
    provinceRoundId: province.id,
    table,
    readers: { national: nationalReader!, province: provinceReader! },
    spike,
    openProvinceRounds,
    elementCodes,
    nationalBaselineMs: nationalBaseline,
  };
}

async function timeGets(url: string, token: string, repeats: number): Promise<number[]> {
  const get = async () => {
    const response = await fetch(url, { headers: { cookie: `binhdang_session=${token}` } });
    const body = await response.arrayBuffer();
    if (response.status !== 200)
      throw new Error(`${url}: ${response.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  };
  // A fresh process answers its first ~20 views slower (JIT, the database's caches): warm up past
  // them, so the figures are those of a server that has been running.
  for (let index = 0; index < 20; index++) await get();
  const samples: number[] = [];
  for (let index = 0; index < repeats; index++) {
    const started = performance.now();
    await get();
    samples.push(performance.now() - started);
  }
  if (process.env.BINHDANG_BENCH_SAMPLES)
    log(`${url}: ${samples.map((sample) => sample.toFixed(0)).join(' ')}`);
  return samples;
}

interface SpikeOutcome {
  /** Submission ids whose save and submit were both answered 200. */
  acknowledged: Set<number>;
  seconds: number;
  p99: number;
  errors: number;
  peakRssMb: number;
}

/** One HTTP request over a kept-alive connection: status, body and milliseconds. */
function send(
  agent: Agent,
  base: URL,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = httpRequest(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
          }),
        );
      },
    );
    request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
    request.on('error', (error) =>
      resolve({ status: 0, body: String(error), ms: performance.now() - started }),
    );
    request.end(body);
  });
}

/**
 * Every unit saves its report and submits it, `connections` units at a time with no pause
 * between them, each request with the unit's own session and CSRF token.
 */
async function runSpike(
  base: string,
  units: SpikeUnit[],
  serverPid: number,
  connections: number,
): Promise<SpikeOutcome> {
  const queue = [...units];
  const acknowledged = new Set<number>();
  const latencies: number[] = [];
  let errors = 0;
  let peakRssMb = rssMb(serverPid) ?? 0;
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, rssMb(serverPid) ?? 0);
  }, 100);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(base);
  const started = performance.now();
  const worker = async () => {
    for (let unit = queue.shift(); unit; unit = queue.shift()) {
      const headers = {
        cookie: `binhdang_session=${unit.token}`,
        'x-csrf-token': unit.csrfToken,
        'content-type': 'application/json',
      };
      const saved = await send(
        agent,
        url,
        'PUT',
        `/api/reporting/submissions/${unit.submissionId}`,
        headers,
        JSON.stringify({ revision: unit.revision, figures: unit.figures }),
      );
      latencies.push(saved.ms);
      if (saved.status !== 200) {
        errors += 1;
        log(`  save ${unit.submissionId}: ${saved.status} ${saved.body.slice(0, 300)}`);
        continue;
      }
      const revision = (JSON.parse(saved.body) as { revision: number }).revision;
      const submitted = await send(
        agent,
        url,
        'POST',
        `/api/reporting/submissions/${unit.submissionId}/submit`,
        headers,
        JSON.stringify({ revision }),
      );
      latencies.push(submitted.ms);
      if (submitted.status === 200) acknowledged.add(unit.submissionId);
      else {
        errors += 1;
        log(`  submit ${unit.submissionId}: ${submitted.status} ${submitted.body.slice(0, 300)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  agent.destroy();
  return { acknowledged, seconds, p99: percentile(latencies, 0.99), errors, peakRssMb };
}

/** Acknowledged submissions not stored as submitted with every value as sent. */
async function notStored(db: Db, prepared: Prepared, outcome: SpikeOutcome): Promise<Set<number>> {
  const acknowledged = prepared.spike.filter((unit) => outcome.acknowledged.has(unit.submissionId));
  const lost = new Set<number>();
  if (acknowledged.length === 0) return lost;
  const stored = await sql<{
    submission_id: number;
    status: string;
    code: string | null;
    disaggregation: string | null;
    value: number | null;
  }>`
    select s.id as submission_id, s.status, e.code, v.disaggregation, v.value
    from report_submissions s
    join report_rounds r on r.id = s.round_id
    left join data_values v on v.org_unit_id = s.org_unit_id and v.period = r.period
    left join data_elements e on e.id = v.data_element_id
    where s.id = any(${acknowledged.map((unit) => unit.submissionId)}::int[])`.execute(db);
  const bySubmission = new Map<number, { status: string; values: Map<string, number> }>();
  for (const row of stored.rows) {
    const entry = bySubmission.get(row.submission_id) ?? {
      status: row.status,
      values: new Map<string, number>(),
    };
    bySubmission.set(row.submission_id, entry);
    if (row.code) entry.values.set(`${row.code}|${row.disaggregation}`, row.value!);
  }
  for (const unit of acknowledged) {
    const entry = bySubmission.get(unit.submissionId);
    const intact =
      entry?.status === 'submitted' &&
      unit.figures.every(
        (figure) => entry.values.get(`${figure.dataElement}|${figure.disaggregation}`) === figure.value,
      );
    if (!intact) lost.add(unit.submissionId);
  }
  return lost;
}

/**
 * Acknowledged submissions not counted: each province's consolidation (submitted included) must
 * equal, cell by cell, the sum of what its acknowledged units sent; otherwise all of them count.
 */
async function notCounted(base: string, prepared: Prepared, outcome: SpikeOutcome): Promise<Set<number>> {
  const acknowledged = prepared.spike.filter((unit) => outcome.acknowledged.has(unit.submissionId));
  const lost = new Set<number>();
  for (const [provinceId, { roundId, token }] of prepared.openProvinceRounds) {
    const units = acknowledged.filter((unit) => unit.provinceId === provinceId);
    const response = await fetch(`${base}/api/reporting/rounds/${roundId}/consolidation?include=submitted`, {
      headers: { cookie: `binhdang_session=${token}` },
    });
    const consolidation = (await response.json()) as {
      appendix?: { rows: { dataElement: string; cells: { key: string; value: number | null }[] }[] }[];
    };
    const expected = new Map<string, number>();
    for (const unit of units)
      for (const figure of unit.figures) {
        const key = `${figure.dataElement}|${figure.disaggregation}`;
        expected.set(key, (expected.get(key) ?? 0) + figure.value);
      }
    const shown = new Map<string, number>();
    for (const table of consolidation.appendix ?? [])
      for (const row of table.rows)
        for (const cell of row.cells) shown.set(`${row.dataElement}|${cell.key}`, cell.value ?? 0);
    const agrees =
      response.status === 200 &&
      [...expected].every(([key, value]) => Math.abs((shown.get(key) ?? Number.NaN) - value) < 1e-6);
    if (!agrees) for (const unit of units) lost.add(unit.submissionId);
  }
  return lost;
}

export async function benchScale(record: RecordResult, scale: ScaleName, isQuick: boolean): Promise<string> {
  const onServer = Boolean(process.env.DATABASE_URL);
  const target = await openTarget(scale);
  let server: ChildProcess | null = null;
  try {
    const prepared = await prepare(target.db, onServer ? 'country' : 'province', record, isQuick);
    // The embedded database has one owner: the server process from now on.
    if (!onServer) await target.close();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawnServe({ ...target.env, PORT: String(port), BINHDANG_HOST: '127.0.0.1' });
    await waitForHttp(`${base}/api/health`, server, 120_000);

    const repeats = isQuick ? 10 : 100;
    const view = async (name: string, roundId: number, token: string) => {
      const samples = await timeGets(
        `${base}/api/reporting/rounds/${roundId}/consolidation?table=${prepared.table}`,
        token,
        repeats,
      );
      record(`consolidated-view-${name}-p50-ms`, percentile(samples, 0.5), 'ms');
      const p95 = percentile(samples, 0.95);
      record(`consolidated-view-${name}-p95-ms`, p95, 'ms', 50);
      return p95;
    };
    const nationalP95 = await view('national', prepared.nationalRoundId, prepared.readers.national.token);
    await view('province', prepared.provinceRoundId, prepared.readers.province.token);
    record('consolidated-view-vs-groupby-ratio', prepared.nationalBaselineMs / nationalP95, '×', 20);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    record('server-rss-mb-idle', rssMb(server.pid!) ?? Number.NaN, 'MB');

    log(
      `Deadline spike: ${prepared.spike.length} reports of ${prepared.spike[0]?.figures.length ?? 0} values, saved and submitted…`,
    );
    const outcome = await runSpike(base, prepared.spike, server.pid!, onServer ? 16 : 8);
    record('spike-reports', prepared.spike.length, 'reports');
    record('spike-submissions-per-s', outcome.acknowledged.size / outcome.seconds, '/s', 200);
    record('spike-p99-ms', outcome.p99, 'ms', 500);
    record('spike-errors', outcome.errors, 'count');
    record('server-rss-mb-spike', outcome.peakRssMb, 'MB');

    // Every acknowledged submission counted in its province's consolidation, read while the
    // server runs, and stored with its values (embedded: read once the server has stopped).
    const uncounted = await notCounted(base, prepared, outcome);
    let missing: Set<number>;
    if (onServer) missing = await notStored(target.db, prepared, outcome);
    else {
      await stopProcess(server);
      server = null;
      const reopened = await createDatabase({ dataDir: target.env.BINHDANG_DATA_DIR! });
      try {
        missing = await notStored(reopened.db, prepared, outcome);
      } finally {
        await reopened.close();
      }
    }
    record('spike-lost', new Set([...uncounted, ...missing]).size, 'count', 0);
    return `${scale} scale`;
  } finally {
    if (server) await stopProcess(server);
    if (onServer) await target.close();
    await target.cleanup();
  }
}
