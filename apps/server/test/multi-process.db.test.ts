import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../src/modules/app/database.ts';
import { todayInVietnam } from '../src/modules/app/dates.ts';
import { migrate } from '../src/modules/app/migrations.ts';
import { runReminders } from '../src/modules/notifications/notifications.service.ts';
import { endOfDueDay } from '../src/modules/reporting/reporting.periods.ts';
import { generateCountry } from '../src/modules/scale/scale.generator.ts';
import { freePort, spawnServe, stopProcess, waitForHttp } from '../src/modules/scale/scale.processes.ts';
import { sharedDataDir } from './test-database.ts';

/*
 * Several stateless processes, one PostgreSQL (server engine only: the embedded database has one
 * owner). Two real `serve` processes on a fresh database: a session made on one is used on the
 * other; saves of one report race on both and one wins, the other is refused as stale, and saves
 * of many reports on both lose nothing; both schedulers run at start and every reminder exists
 * once, none missing; the consolidation read on either is the same right after a submission on
 * either.
 */

const serverUrl = process.env.DATABASE_URL;

interface Session {
  cookie: string;
  csrfToken: string;
}

describe.skipIf(!serverUrl)('several server processes on one database [server]', () => {
  const name = `binhdang_mp_${randomBytes(4).toString('hex')}`;
  let admin: DatabaseHandle;
  let handle: DatabaseHandle;
  const servers: ChildProcess[] = [];
  const bases: string[] = [];
  let openRounds: { id: number; unit_id: number }[] = [];

  const call = async (
    base: string,
    method: string,
    path: string,
    session: Session | null,
    body?: unknown,
  ) => {
    const response = await fetch(`${base}/api${path}`, {
      method,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
  const login = async (base: string, username: string): Promise<Session> => {
    const response = await call(base, 'POST', '/auth/login', null, { username, password: 'demo' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrfToken: response.body.csrfToken };
  };

  beforeAll(async () => {
    admin = await createDatabase({ databaseUrl: serverUrl, dataDir: '', poolSize: 1 });
    await sql.raw(`create database ${name}`).execute(admin.db);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    handle = await createDatabase({ databaseUrl: url.toString(), dataDir: '' });
    await migrate(handle.db);
    await generateCountry(handle.db, {
      scale: 'tiny',
      seed: 3,
      password: 'demo',
      sharedDataDir,
      today: new Date(),
      log: () => {},
    });
    // The open round is due tomorrow, so each scheduler has "due soon" reminders to make at start.
    const tomorrow = new Date(`${todayInVietnam(new Date())}T00:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    const dueOn = tomorrow.toISOString().slice(0, 10);
    const open = await sql<{ id: number }>`
      select r.id from report_rounds r where not exists (
        select 1 from report_submissions s where s.round_id = r.id and s.status <> 'draft')`.execute(
      handle.db,
    );
    await handle.db
      .updateTable('report_rounds')
      .set({ due_on: dueOn, due_at: endOfDueDay(dueOn) })
      .where(
        'id',
        'in',
        open.rows.map((row) => row.id),
      )
      .execute();
    await sql`update users set email = username || '@donvi.example.vn' where username like 'bc.%'`.execute(
      handle.db,
    );
    openRounds = (
      await sql<{ id: number; unit_id: number }>`
        select id, consolidating_unit_id as unit_id from report_rounds
        where id = any(${open.rows.map((row) => row.id)}::int[]) and parent_round_id is not null order by id`.execute(
        handle.db,
      )
    ).rows;
    for (let index = 0; index < 2; index++) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      servers.push(
        spawnServe({
          ...process.env,
          DATABASE_URL: url.toString(),
          PORT: String(port),
          BINHDANG_HOST: '127.0.0.1',
          BINHDANG_LOG_LEVEL: 'error',
        }),
      );
      bases.push(base);
    }
    await Promise.all(bases.map((base, index) => waitForHttp(`${base}/api/health`, servers[index]!, 60_000)));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map(stopProcess));
    await handle?.close();
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
    await admin?.close();
  });

  /** A draft report of the open round in the first province, its unit's reporter and last year's figures + 10 %. */
  const draft = async (offset: number) => {
    const row = (
      await sql<{ id: number; revision: number; org_unit_id: number; username: string }>`
        select s.id, s.revision, s.org_unit_id, u.username from report_submissions s
        join role_grants g on g.org_unit_id = s.org_unit_id and g.role = 'reporter'
        join users u on u.id = g.user_id
        where s.round_id = ${openRounds[0]!.id} and s.status = 'draft'
        order by s.id offset ${offset} limit 1`.execute(handle.db)
    ).rows[0]!;
    const previous = await sql<{ code: string; disaggregation: string; value: number }>`
      select e.code, v.disaggregation, v.value from data_values v join data_elements e on e.id = v.data_element_id
      join report_rounds r on r.id = ${openRounds[0]!.id}
      where v.org_unit_id = ${row.org_unit_id} and v.period = ${'2025S2'}
        and e.code = any(select jsonb_array_elements_text(t -> 'dataElements') from report_templates rt
          cross join lateral jsonb_array_elements(rt.tables) t where rt.id = r.template_id)`.execute(
      handle.db,
    );
    return {
      ...row,
      figures: previous.rows.map((figure) => ({
        dataElement: figure.code,
        disaggregation: figure.disaggregation,
        value: Math.round(figure.value * 1.1),
      })),
    };
  };

  it('signs in on one process and uses the session on the other', async () => {
    const report = await draft(0);
    const session = await login(bases[0]!, report.username);
    const seen = await call(bases[1]!, 'GET', '/auth/session', session);
    expect(seen.status).toBe(200);
    expect(seen.body.user.username).toBe(report.username);
    // A write on the second process with the first one's CSRF token.
    const saved = await call(bases[1]!, 'PUT', `/reporting/submissions/${report.id}`, session, {
      revision: report.revision,
      narrative: { '1': 'Lưu qua tiến trình thứ hai.' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });

  it('refuses the stale one of two saves racing on both processes, and loses none of many', async () => {
    const report = await draft(1);
    const session = await login(bases[0]!, report.username);
    const [first, second] = await Promise.all(
      bases.map((base, index) =>
        call(base, 'PUT', `/reporting/submissions/${report.id}`, session, {
          revision: report.revision,
          narrative: { '1': `Bản lưu từ tiến trình ${index + 1}.` },
          // The same figures on both: only the revision check may refuse one (changed figures
          // could fail a validation rule and answer 422 before the race is decided).
          figures: report.figures,
        }),
      ),
    );
    expect([first!.status, second!.status].sort()).toEqual([200, 409]);
    const winner = first!.status === 200 ? 0 : 1;
    const stored = await sql<{ revision: number; narrative: { '1': string } }>`
      select revision, narrative from report_submissions where id = ${report.id}`.execute(handle.db);
    expect(stored.rows[0]!.revision).toBe(report.revision + 1);
    expect(stored.rows[0]!.narrative['1']).toBe(`Bản lưu từ tiến trình ${winner + 1}.`);
    const values = await sql<{ n: number }>`
      select count(*)::int as n from data_values v join data_elements e on e.id = v.data_element_id
      where v.org_unit_id = ${report.org_unit_id} and v.period = '2026S2'`.execute(handle.db);
    expect(values.rows[0]!.n).toBe(report.figures.length);

    // Eight other reports saved at once, alternately through each process: every one stored.
    const reports = await Promise.all([2, 3, 4, 5, 6, 7, 8, 9].map(draft));
    const results = await Promise.all(
      reports.map(async (other, index) => {
        const own = await login(bases[index % 2]!, other.username);
        return call(bases[(index + 1) % 2]!, 'PUT', `/reporting/submissions/${other.id}`, own, {
          revision: other.revision,
          figures: other.figures,
        });
      }),
    );
    expect(results.map((result) => result.status)).toEqual(reports.map(() => 200));
    const counts = await sql<{ org_unit_id: number; n: number; total: number }>`
      select org_unit_id, count(*)::int as n, sum(value)::float8 as total from data_values
      where org_unit_id = any(${reports.map((other) => other.org_unit_id)}::int[]) and period = '2026S2'
      group by org_unit_id`.execute(handle.db);
    expect(new Map(counts.rows.map((row) => [row.org_unit_id, [row.n, row.total]]))).toEqual(
      new Map(
        reports.map((other) => [
          other.org_unit_id,
          [other.figures.length, other.figures.reduce((sum, figure) => sum + figure.value, 0)],
        ]),
      ),
    );
  });

  it('makes each reminder once with two schedulers, and misses none', async () => {
    // Both schedulers ran at start; wait until their runs have settled.
    let previous = -1;
    for (let attempt = 0; attempt < 60; attempt++) {
      const now = (await sql<{ n: number }>`select count(*)::int as n from notifications`.execute(handle.db))
        .rows[0]!.n;
      if (now > 0 && now === previous) break;
      previous = now;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const notices = await sql<{
      kind: string;
      n: number;
      distinct_keys: number;
      per_user_submission: number;
    }>`
      select kind, count(*)::int as n, count(distinct event_key)::int as distinct_keys,
        count(distinct (user_id, submission_id))::int as per_user_submission
      from notifications group by kind`.execute(handle.db);
    expect(notices.rows.length).toBeGreaterThan(0);
    for (const row of notices.rows) {
      expect(row.n).toBe(row.distinct_keys);
      expect(row.n).toBe(row.per_user_submission);
    }
    const mails = await sql<{ n: number; keys: number }>`
      select count(*)::int as n, count(distinct event_key)::int as keys from outbox`.execute(handle.db);
    expect(mails.rows[0]!.n).toBe(mails.rows[0]!.keys);
    expect(mails.rows[0]!.n).toBeGreaterThan(0);
    // Nothing missed: a third run here finds nothing left to make.
    const again = await runReminders({
      db: handle.db,
      clock: () => new Date(),
      config: { reminderDaysBefore: 3 },
    });
    expect(again.created).toEqual({ due_soon: 0, due_today: 0, overdue: 0 });
  });

  it('shows the same consolidation on both processes right after a submission on either', async () => {
    const province = (
      await sql<{ code: string }>`select code from org_units where id = ${openRounds[0]!.unit_id}`.execute(
        handle.db,
      )
    ).rows[0]!;
    const reader = await login(bases[0]!, `tonghop.${province.code.toLowerCase()}`);
    const consolidation = (base: string) =>
      call(base, 'GET', `/reporting/rounds/${openRounds[0]!.id}/consolidation?include=submitted`, reader);
    for (const [index, offset] of [10, 11].entries()) {
      const report = await draft(offset);
      const session = await login(bases[index]!, report.username);
      const saved = await call(bases[index]!, 'PUT', `/reporting/submissions/${report.id}`, session, {
        revision: report.revision,
        figures: report.figures,
      });
      expect(saved.status).toBe(200);
      const submitted = await call(
        bases[index]!,
        'POST',
        `/reporting/submissions/${report.id}/submit`,
        session,
        {
          revision: saved.body.revision,
        },
      );
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
      const [onFirst, onSecond] = await Promise.all(bases.map(consolidation));
      expect(onFirst!.status).toBe(200);
      expect(onSecond!.body).toEqual(onFirst!.body);
      expect(onFirst!.body.units.map((unit: { id: number }) => unit.id)).toContain(report.org_unit_id);
    }
  });
});
