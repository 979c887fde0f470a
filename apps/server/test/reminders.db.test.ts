import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NotificationList, OutboxList, RoundDetail, Submission } from '@binhdang/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/modules/app/config.ts';
import { createDatabase, type DatabaseHandle, type Db } from '../src/modules/app/database.ts';
import { migrate } from '../src/modules/app/migrations.ts';
import { createApi } from '../src/modules/app/server.ts';
import {
  createMailer,
  type MailMessage,
  sendPendingMail,
} from '../src/modules/notifications/notifications.mail.ts';
import { runReminders } from '../src/modules/notifications/notifications.service.ts';
import { seedReferenceUnits } from '../src/modules/seed/reference-units.ts';
import { seedReportTemplates } from '../src/modules/seed/report-templates.ts';
import { createTestApp, createTestClock, type TestApp, TestClient } from './test-app.ts';
import { describeEachEngine, type Engine, sharedDataDir } from './test-database.ts';

/*
 * Reminders and notices (issue 6): before, on and after the due day, each made once however often
 * and by however many processes the scheduler runs; return and accept notify in the transition's
 * transaction; two senders deliver each e-mail once; demo mode keeps the outbox unsent; and a
 * restart of the server (a new handle on the same database) loses no draft and repeats no notice.
 */

const PROVINCE = '12';
const config = { reminderDaysBefore: 3 };

/** A transport that records what it was asked to send, slowly enough for two senders to overlap. */
function createFakeTransport(options: { failFor?: string } = {}) {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message: MailMessage) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (message.to === options.failFor) throw new Error('550 mailbox unavailable');
      sent.push(message);
    },
  };
}
const smtp = { smtpUrl: 'smtp://user:pass@mail.example:587', mailFrom: 'binhdang <bdg@example.vn>' };

describeEachEngine('reminders and notices', (engine) => {
  let app: TestApp;
  let planner: TestClient;
  let round: RoundDetail;
  const users: Record<string, number> = {};
  const unitCodes: string[] = [];

  beforeAll(async () => {
    app = await createTestApp(engine);
    planner = await app.signInAs('planner', PROVINCE, 'tonghop');
    const provinceId = await app.unitId(PROVINCE);
    const communes = await app.db
      .selectFrom('org_units')
      .select(['id', 'code'])
      .where('parent_id', '=', provinceId)
      .where('kind', 'in', ['commune', 'ward'])
      .where('valid_to', 'is', null)
      .orderBy('code')
      .limit(3)
      .execute();
    unitCodes.push(...communes.map((unit) => unit.code));
    // Commune A: a reporter and a planner with addresses; B: a reporter without; C: no account.
    users.repA = await app.createUser('rep-a', [{ role: 'reporter', unitCode: unitCodes[0]! }]);
    users.planA = await app.createUser('plan-a', [{ role: 'planner', unitCode: unitCodes[0]! }]);
    users.repB = await app.createUser('rep-b', [{ role: 'reporter', unitCode: unitCodes[1]! }]);
    users.viewerA = await app.createUser('view-a', [{ role: 'viewer', unitCode: unitCodes[0]! }]);
    await app.db
      .updateTable('users')
      .set({ email: 'rep-a@xa.example.vn' })
      .where('id', '=', users.repA)
      .execute();
    await app.db
      .updateTable('users')
      .set({ email: 'plan-a@xa.example.vn' })
      .where('id', '=', users.planA)
      .execute();

    const template = await app.db
      .selectFrom('report_templates')
      .select('id')
      .where('code', '=', 'BDG_NAM')
      .executeTakeFirstOrThrow();
    // Today is 22/11/2026 in Vietnam; due 25/11: inside the three-day window.
    const opened = await planner.request('POST', '/reporting/rounds', {
      templateId: template.id,
      consolidatingUnitId: provinceId,
      period: '2026',
      dueOn: '2026-11-25',
      unitIds: communes.map((unit) => unit.id),
    });
    expect(opened.status).toBe(200);
    round = opened.body;
  });
  afterAll(() => app?.close());

  const submissionOf = (index: number) =>
    round.submissions.find((s) => s.orgUnit.code === unitCodes[index])!.id;
  const noticesOf = async (userId: number) =>
    (
      await app.db
        .selectFrom('notifications')
        .select(['kind', 'submission_id', 'title', 'body'])
        .where('user_id', '=', userId)
        .orderBy('id')
        .execute()
    ).map((row) => row.kind);
  const count = async (table: 'notifications' | 'outbox') =>
    Number(
      (
        await app.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const run = () => runReminders({ db: app.db, clock: app.clock.now, config });
  const signIn = async (username: string) => {
    const client = app.client();
    expect((await client.login(username)).status).toBe(200);
    return client;
  };
  const day = 24 * 3600 * 1000;

  it('reminds before, on and after the due day, each once, and only those who write the unit’s report', async () => {
    expect((await run()).created).toEqual({ due_soon: 3, due_today: 0, overdue: 0 });
    expect((await run()).created).toEqual({ due_soon: 0, due_today: 0, overdue: 0 });
    // Two schedulers at the same moment (two app processes) add nothing either.
    const twice = await Promise.all([run(), run()]);
    expect(twice.map((result) => result.created.due_soon)).toEqual([0, 0]);
    app.clock.advance(day);
    expect((await run()).created.due_soon).toBe(0);

    // 25/11, the due day; B submits during the day.
    app.clock.advance(2 * day);
    expect((await run()).created).toEqual({ due_soon: 0, due_today: 3, overdue: 0 });
    const reporterB = await signIn('rep-b');
    const current = (await reporterB.request('GET', `/reporting/submissions/${submissionOf(1)}`))
      .body as Submission;
    const submitted = await reporterB.request('POST', `/reporting/submissions/${submissionOf(1)}/submit`, {
      revision: current.revision,
    });
    expect(submitted.status).toBe(200);

    // 26/11: overdue for A only (B submitted; C has no account to tell).
    app.clock.advance(day);
    expect((await run()).created).toEqual({ due_soon: 0, due_today: 0, overdue: 2 });
    expect((await Promise.all([run(), run()])).map((result) => result.created.overdue)).toEqual([0, 0]);

    expect(await noticesOf(users.repA!)).toEqual(['due_soon', 'due_today', 'overdue']);
    expect(await noticesOf(users.planA!)).toEqual(['due_soon', 'due_today', 'overdue']);
    expect(await noticesOf(users.repB!)).toEqual(['due_soon', 'due_today']);
    // A viewer does not write reports; the province's planner is not granted on the commune itself.
    expect(await noticesOf(users.viewerA!)).toEqual([]);
    const provincePlanner = await app.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'tonghop')
      .executeTakeFirstOrThrow();
    expect(await noticesOf(provincePlanner.id)).toEqual([]);
    // Each notice is queued once as an e-mail, with the address the user had (or none).
    expect(await count('notifications')).toBe(8);
    expect(await count('outbox')).toBe(8);
    const overdue = await app.db
      .selectFrom('outbox')
      .selectAll()
      .where('user_id', '=', users.repA!)
      .where('event_key', 'like', 'overdue:%')
      .executeTakeFirstOrThrow();
    expect(overdue).toMatchObject({ recipient: 'rep-a@xa.example.vn', status: 'pending' });
    expect(overdue.subject).toMatch(/^Quá hạn nộp báo cáo: /);
    expect(overdue.body).toMatch(/đã quá hạn nộp \(25\/11\/2026\)/);
  });

  it('notifies the unit’s writers of a return, with the reason, and of an acceptance', async () => {
    const tonghop = await signIn('tonghop');
    const returned = await tonghop.request('POST', `/reporting/submissions/${submissionOf(1)}/return`, {
      comment: 'Đề nghị bổ sung số liệu tập huấn',
    });
    expect(returned.status).toBe(200);
    const notice = await app.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', users.repB!)
      .where('kind', '=', 'returned')
      .executeTakeFirstOrThrow();
    expect(notice.title).toMatch(/^Báo cáo bị trả lại: /);
    expect(notice.body).toContain('Lý do: Đề nghị bổ sung số liệu tập huấn.');
    expect(notice).toMatchObject({ submission_id: submissionOf(1), round_id: round.id });

    const reporterB = await signIn('rep-b');
    const current = (await reporterB.request('GET', `/reporting/submissions/${submissionOf(1)}`))
      .body as Submission;
    await reporterB.request('POST', `/reporting/submissions/${submissionOf(1)}/submit`, {
      revision: current.revision,
    });
    const accepted = await tonghop.request('POST', `/reporting/submissions/${submissionOf(1)}/accept`, {
      comment: 'Đạt yêu cầu',
    });
    expect(accepted.status).toBe(200);
    expect(await noticesOf(users.repB!)).toEqual(['due_soon', 'due_today', 'returned', 'accepted']);

    // A refused transition changes nothing, notices included.
    const before = await count('notifications');
    const again = await tonghop.request('POST', `/reporting/submissions/${submissionOf(1)}/accept`, {});
    expect(again.status).toBe(409);
    expect(await count('notifications')).toBe(before);
    expect(await count('outbox')).toBe(before);
  });

  it('lists my notices unread first, marks one read, and keeps others’ notices out of reach', async () => {
    const reporterA = await signIn('rep-a');
    const list = (await reporterA.request('GET', '/notifications')).body as NotificationList;
    expect(list.unread).toBe(3);
    expect(list.items.map((item) => item.kind)).toEqual(['overdue', 'due_today', 'due_soon']);
    const dueSoon = list.items[2]!;
    const read = await reporterA.request('POST', `/notifications/${dueSoon.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBe(app.clock.now().toISOString());
    const after = (await reporterA.request('GET', '/notifications')).body as NotificationList;
    expect(after.unread).toBe(2);
    expect(after.items.map((item) => [item.kind, item.readAt !== null])).toEqual([
      ['overdue', false],
      ['due_today', false],
      ['due_soon', true],
    ]);
    expect(
      ((await reporterA.request('GET', '/notifications?unreadOnly=true')).body as NotificationList).items,
    ).toHaveLength(2);

    const reporterB = await signIn('rep-b');
    const foreign = await reporterB.request('POST', `/notifications/${dueSoon.id}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('notifications.not_found');
  });

  it('delivers each e-mail once with two senders at the same moment, and retries a failure', async () => {
    const transport = createFakeTransport();
    const mailer = createMailer(smtp, transport);
    const results = await Promise.all([
      sendPendingMail({ db: app.db, clock: app.clock.now, mailer, batchSize: 2 }),
      sendPendingMail({ db: app.db, clock: app.clock.now, mailer, batchSize: 2 }),
    ]);
    // Rep A's and plan A's three reminders each; rep B has no address.
    const sent = transport.sent.map((message) => `${message.to} ${message.subject}`);
    expect(sent).toHaveLength(6);
    expect(new Set(sent).size).toBe(6);
    expect(results[0]!.sent + results[1]!.sent).toBe(6);
    expect(transport.sent[0]).toMatchObject({ from: 'binhdang <bdg@example.vn>' });
    const rows = await app.db.selectFrom('outbox').selectAll().orderBy('id').execute();
    expect(rows.map((row) => row.status).sort()).toEqual([
      ...Array(4).fill('no_address'),
      ...Array(6).fill('sent'),
    ]);
    expect(
      rows.filter((row) => row.status === 'sent').every((row) => row.attempts === 1 && row.sent_at),
    ).toBe(true);
    await sendPendingMail({ db: app.db, clock: app.clock.now, mailer });
    expect(transport.sent).toHaveLength(6);

    // A refused message goes back to pending with the error, and out on a later run.
    await app.db
      .insertInto('outbox')
      .values({
        event_key: 'test:refused',
        user_id: null,
        org_unit_id: null,
        recipient: 'x@bad.example',
        subject: 'S',
        body: 'B',
      })
      .execute();
    const refusing = createMailer(smtp, createFakeTransport({ failFor: 'x@bad.example' }));
    expect(await sendPendingMail({ db: app.db, clock: app.clock.now, mailer: refusing })).toMatchObject({
      failed: 1,
    });
    const refused = await app.db
      .selectFrom('outbox')
      .selectAll()
      .where('event_key', '=', 'test:refused')
      .executeTakeFirstOrThrow();
    expect(refused).toMatchObject({ status: 'pending', attempts: 1, claim_token: null });
    expect(refused.last_error).toMatch(/550/);
    await sendPendingMail({ db: app.db, clock: app.clock.now, mailer });
    expect(transport.sent.map((message) => message.to)).toContain('x@bad.example');
    await app.db.deleteFrom('outbox').where('event_key', '=', 'test:refused').execute();
  });

  it('keeps e-mails unsent without SMTP (demo), and with SMTP but no transport, and shows the outbox to admins', async () => {
    // A second round makes new reminders for commune A.
    const template = await app.db
      .selectFrom('report_templates')
      .select('id')
      .where('code', '=', 'BAN_VSTBPN')
      .executeTakeFirstOrThrow();
    const tonghop = await signIn('tonghop');
    const opened = await tonghop.request('POST', '/reporting/rounds', {
      templateId: template.id,
      consolidatingUnitId: await app.unitId(PROVINCE),
      period: '2026',
      dueOn: '2026-11-28',
      unitIds: [await app.unitId(unitCodes[0]!)],
    });
    expect(opened.status).toBe(200);
    expect((await run()).created.due_soon).toBe(2);

    // A real SMTP transport (nodemailer) to a server that refuses the connection: nothing is
    // marked sent, and both e-mails wait for the next attempt.
    const unreachable = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', mailFrom: smtp.mailFrom });
    expect(unreachable.mode).toBe('smtp');
    expect(await sendPendingMail({ db: app.db, clock: app.clock.now, mailer: unreachable })).toMatchObject({
      sent: 0,
    });
    const pending = await app.db.selectFrom('outbox').select('id').where('status', '=', 'pending').execute();
    expect(pending).toHaveLength(2);

    const demo = createMailer({ smtpUrl: undefined, mailFrom: smtp.mailFrom });
    expect(await sendPendingMail({ db: app.db, clock: app.clock.now, mailer: demo })).toMatchObject({
      mode: 'demo',
      kept: 2,
    });

    // The app under test has no SMTP configured: demo. A unit admin of the province sees its units' mail.
    const admin = await app.signInAs('unit_admin', PROVINCE);
    const outbox = (await admin.request('GET', '/outbox?status=demo')).body as OutboxList;
    expect(outbox.mode).toBe('demo');
    expect(outbox.modeNote).toMatch(/BINHDANG_SMTP_URL/);
    expect(outbox.items).toHaveLength(2);
    expect(outbox.items[0]).toMatchObject({ status: 'demo', recipientName: expect.any(String) });
    expect(outbox.items[0]!.subject).toMatch(/^Sắp đến hạn nộp báo cáo: /);
    const otherAdmin = await app.signInAs('unit_admin', '01');
    expect(((await otherAdmin.request('GET', '/outbox')).body as OutboxList).items).toEqual([]);
  });
});

/**
 * A database that outlives its handle: an embedded data folder on disk, or a schema on the server
 * reached through a new pool, as after a restart of the server process.
 */
async function createDurableDatabase(engine: Engine) {
  if (engine === 'embedded') {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'binhdang-restart-'));
    return {
      open: () => createDatabase({ dataDir }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '', poolSize: 1 });
  await sql.raw(`create schema ${schema}`).execute(admin.db);
  return {
    open: () => createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '', schema, poolSize: 4 }),
    drop: async () => {
      await sql.raw(`drop schema ${schema} cascade`).execute(admin.db);
      await admin.close();
    },
  };
}

describeEachEngine('a restart of the server', (engine) => {
  let durable: Awaited<ReturnType<typeof createDurableDatabase>>;
  const clock = createTestClock();
  const appConfig = loadConfig({}, { demo: false, logLevel: 'silent' });

  beforeAll(async () => {
    durable = await createDurableDatabase(engine);
  });
  afterAll(() => durable?.drop());

  /** Starts "the server" on the database: migrations, an API, a signed-in reporter. */
  async function start(handle: DatabaseHandle, username: string) {
    await migrate(handle.db);
    const api = createApi({ db: handle.db, config: appConfig, clock: clock.now, engine: handle.engine });
    const client = new TestClient(api);
    expect((await client.login(username)).status).toBe(200);
    return client;
  }

  async function prepare(db: Db) {
    await migrate(db);
    await seedReferenceUnits(db, sharedDataDir);
    await seedReportTemplates(db);
    const { hashPassword } = await import('../src/modules/auth/passwords.ts');
    const { TEST_PASSWORD } = await import('./test-app.ts');
    const unit = await db
      .selectFrom('org_units')
      .select(['id', 'parent_id'])
      .where('kind', '=', 'commune')
      .where('valid_to', 'is', null)
      .orderBy('code')
      .limit(1)
      .executeTakeFirstOrThrow();
    const user = await db
      .insertInto('users')
      .values({
        username: 'xa-nhaplieu',
        display_name: 'Cán bộ xã',
        password_hash: await hashPassword(TEST_PASSWORD),
        totp_secret: null,
        last_failed_login_at: null,
        locked_until: null,
        last_login_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('users').set({ email: 'xa@example.vn' }).where('id', '=', user.id).execute();
    await db
      .insertInto('role_grants')
      .values({ user_id: user.id, role: 'reporter', org_unit_id: unit.id, created_by: null })
      .execute();
    const template = await db
      .selectFrom('report_templates')
      .select('id')
      .where('code', '=', 'BDG_NAM')
      .executeTakeFirstOrThrow();
    const round = await db
      .insertInto('report_rounds')
      .values({
        template_id: template.id,
        consolidating_unit_id: unit.parent_id!,
        title: 'Báo cáo năm 2026',
        period: '2026',
        cut_off_from: '2025-12-15',
        cut_off_to: '2026-12-14',
        due_on: '2026-11-24',
        due_at: new Date('2026-11-24T17:00:00Z'),
        created_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return db
      .insertInto('report_submissions')
      .values({ round_id: round.id, org_unit_id: unit.id })
      .returning('id')
      .executeTakeFirstOrThrow();
  }

  it('loses no saved draft, repeats no reminder and resends no e-mail', async () => {
    const first = await durable.open();
    const submission = await prepare(first.db);
    const reporter = await start(first, 'xa-nhaplieu');
    const saved = await reporter.request('PUT', `/reporting/submissions/${submission.id}`, {
      revision: 0,
      narrative: { '1': 'Đã ban hành kế hoạch bình đẳng giới năm 2026.' },
    });
    expect(saved.status).toBe(200);
    expect((await runReminders({ db: first.db, clock: clock.now, config })).created.due_soon).toBe(1);
    const transport = createFakeTransport();
    await sendPendingMail({ db: first.db, clock: clock.now, mailer: createMailer(smtp, transport) });
    expect(transport.sent).toHaveLength(1);
    // The process stops: the handle closes (an embedded database flushes to its folder).
    await first.close();

    const second = await durable.open();
    try {
      const again = await start(second, 'xa-nhaplieu');
      const reloaded = (await again.request('GET', `/reporting/submissions/${submission.id}`))
        .body as Submission;
      expect(reloaded.revision).toBe(1);
      expect(reloaded.sections.find((section) => section.key === '1')!.answer).toBe(
        'Đã ban hành kế hoạch bình đẳng giới năm 2026.',
      );
      expect((await runReminders({ db: second.db, clock: clock.now, config })).created.due_soon).toBe(0);
      await sendPendingMail({ db: second.db, clock: clock.now, mailer: createMailer(smtp, transport) });
      expect(transport.sent).toHaveLength(1);
      const notices = (await again.request('GET', '/notifications')).body as NotificationList;
      expect(notices.items.map((item) => item.kind)).toEqual(['due_soon']);
    } finally {
      await second.close();
    }
  });
});
