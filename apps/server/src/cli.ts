import { parseArgs } from 'node:util';
import { createUserInput, roles } from '@binhdang/contracts';
import { z } from 'zod';
import { type AppConfig, loadConfig } from './modules/app/config.ts';
import { createDatabase, type Db } from './modules/app/database.ts';
import { migrate } from './modules/app/migrations.ts';
import { createApi, createStartingServerApp, listen } from './modules/app/server.ts';
import { insertAuditRecord } from './modules/audit/audit.queries.ts';
import { hashPassword } from './modules/auth/passwords.ts';
import { importCliUsage, runParsePlanCommand } from './modules/imports/imports.cli.ts';
import { runValuesCommand, valuesCliUsage } from './modules/indicators/indicators.cli.ts';
import { createMailer } from './modules/notifications/notifications.mail.ts';
import { startReminderScheduler } from './modules/notifications/notifications.scheduler.ts';
import { planCliUsage, runPlanCommand } from './modules/plans/plans.cli.ts';
import { runDemoGenerateCommand, scaleCliUsage } from './modules/scale/scale.cli.ts';
import { ensureDemoAccounts } from './modules/seed/demo-accounts.ts';
import { seedDemoActivities } from './modules/seed/demo-activities.ts';
import { seedDemoCommunityModels } from './modules/seed/demo-community-models.ts';
import { seedDemoPlans } from './modules/seed/demo-plans.ts';
import { seedDemoFigures, seedIndicatorCatalogue } from './modules/seed/indicators.ts';
import { seedReferenceUnits } from './modules/seed/reference-units.ts';
import { seedReportTemplates } from './modules/seed/report-templates.ts';
import { insertUserWithGrants } from './modules/users/users.queries.ts';

const usage = `binhdang — administration

  npm run cli -- migrate                 apply pending database migrations
  npm run cli -- seed                    seed the organisation registry into an empty database
  npm run cli -- user add USERNAME --role ROLE [--unit CODE] [--name "Display name"] [--password-stdin]
                                         create an account (asks for the password, or reads it from stdin)
  npm run cli -- serve [--demo]          run the server (--demo: seed units and demo accounts)
${planCliUsage}
${importCliUsage}
${valuesCliUsage}
${scaleCliUsage}

Configuration: DATABASE_URL (PostgreSQL server; default: embedded in BINHDANG_DATA_DIR or ./data), PORT (3000),
BINHDANG_SMTP_URL (smtp://user:pass@host:587; without it e-mail reminders stay in the outbox, unsent).`;

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

async function openDatabase(config: AppConfig) {
  const handle = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(handle.db);
  if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
  return handle;
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.trimEnd();
  }
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const password = await rl.question('Mật khẩu (ít nhất 8 ký tự): ');
  rl.close();
  return password;
}

async function addUser(config: AppConfig, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      unit: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const username = positionals[0];
  const role = values.role ?? 'system_admin';
  if (!username || !(roles as readonly string[]).includes(role)) {
    throw new Error(`Usage: user add USERNAME --role ${roles.join('|')} [--unit CODE]`);
  }
  const password = await readPassword(values['password-stdin'] ?? false);
  const { db, close } = await openDatabase(config);
  try {
    const unit = values.unit
      ? await db.selectFrom('org_units').select('id').where('code', '=', values.unit).executeTakeFirst()
      : null;
    if (values.unit && !unit) throw new Error(`Không tìm thấy đơn vị có mã ${values.unit}.`);
    const input = createUserInput.parse({
      username,
      displayName: values.name ?? username,
      password,
      grants: [{ role, orgUnitId: unit?.id ?? null }],
    });
    const passwordHash = await hashPassword(input.password);
    await db.transaction().execute(async (trx) => {
      const userId = await insertUserWithGrants(trx, {
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        grants: input.grants,
        createdBy: null,
      });
      await insertAuditRecord(trx, {
        actorUserId: null,
        action: 'users.create',
        entityType: 'user',
        entityId: userId,
        orgUnitId: unit?.id ?? null,
        after: { username: input.username, role, via: 'cli' },
      });
    });
    log(`Đã tạo tài khoản ${input.username} (${role}).`);
  } finally {
    await close();
  }
}

/** Reference units, catalogue and templates, and the demo accounts, plans, figures, models and activities. */
async function seedDemo(db: Db, config: AppConfig) {
  const seeded = await seedReferenceUnits(db, config.sharedDataDir);
  if (!seeded.skipped) log(`Seeded ${seeded.inserted} units.`);
  await seedIndicatorCatalogue(db, config.sharedDataDir);
  await seedReportTemplates(db);
  const created = await ensureDemoAccounts(db);
  if (created.length > 0) log(`Demo accounts (password "demo"): ${created.join(', ')}`);
  const plans = await seedDemoPlans({ db, clock: () => new Date(), config });
  if (plans.seeded)
    log(
      `Demo plans: ${plans.plans} plans, ${plans.tasks} tasks, ${plans.progressUpdates} progress updates, evidence files: ${plans.attachments}.`,
    );
  const figures = await seedDemoFigures(db);
  if (figures.values > 0) log(`Demo figures: ${figures.values} values for Lai Châu, 2023–2026.`);
  const communityModels = await seedDemoCommunityModels(db);
  if (communityModels.seeded) log(`Demo models and clubs: ${communityModels.models} in Lai Châu communes.`);
  const activities = await seedDemoActivities(db);
  if (activities.seeded)
    log(
      `Demo activities: ${activities.activities} for Lai Châu in 2026, annual round ${activities.roundId ?? '—'}.`,
    );
}

async function serveCommand(config: AppConfig) {
  const startedAt = performance.now();
  const clock = () => new Date();
  const mailer = createMailer(config);
  // Listen first: the web app is served while the database opens and the demo is seeded, and API
  // requests wait for it (createStartingServerApp), so a first start shows the page at once.
  const starting = (async () => {
    const handle = await openDatabase(config);
    if (config.demo) await seedDemo(handle.db, config);
    return handle;
  })();
  const api = starting.then((handle) =>
    createApi({ db: handle.db, engine: handle.engine, config, clock, mailer }),
  );
  const server = await listen(createStartingServerApp(config.webDistDir, api), config.port, config.host);
  log(
    `binhdang: web app on http://localhost:${config.port} after ${Math.round(performance.now() - startedAt)} ms`,
  );
  const handle = await starting.catch((error: unknown) => {
    log(`binhdang could not start: ${error instanceof Error ? error.message : String(error)}`);
    server.close();
    process.exit(1);
  });
  await api;
  log(
    `binhdang ${config.demo ? '(demo) ' : ''}ready on http://localhost:${config.port} — ${handle.engine === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'} — in ${Math.round(performance.now() - startedAt)} ms`,
  );
  const reminders = startReminderScheduler({ db: handle.db, clock, config, mailer, log });
  const shutdown = () => {
    server.close();
    void reminders
      .stop()
      .then(() => handle.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (command === 'serve') {
    const demo = rest.includes('--demo');
    return serveCommand(loadConfig(process.env, { demo }));
  }
  // Reads a file only: no configuration or database needed.
  if (command === 'parse-plan') {
    process.exitCode = await runParsePlanCommand(rest, log);
    return;
  }
  const config = loadConfig();
  if (command === 'migrate') {
    const { close } = await openDatabase(config);
    await close();
    log('Cơ sở dữ liệu đã ở phiên bản mới nhất.');
    return;
  }
  if (command === 'seed') {
    const { db, close } = await openDatabase(config);
    const result = await seedReferenceUnits(db, config.sharedDataDir);
    await seedIndicatorCatalogue(db, config.sharedDataDir);
    await seedReportTemplates(db);
    await close();
    log(
      result.skipped ? 'Danh mục đơn vị đã có dữ liệu; không nạp lại.' : `Đã nạp ${result.inserted} đơn vị.`,
    );
    return;
  }
  if (command === 'user' && rest[0] === 'add') return addUser(config, rest.slice(1));
  if (command === 'demo' && rest[0] === 'generate') {
    const { db, close } = await openDatabase(config);
    try {
      process.exitCode = await runDemoGenerateCommand(db, rest.slice(1), {
        sharedDataDir: config.sharedDataDir,
        log,
      });
    } finally {
      await close();
    }
    return;
  }
  if (command === 'values') {
    const { db, close } = await openDatabase(config);
    try {
      process.exitCode = await runValuesCommand(db, rest, log);
    } finally {
      await close();
    }
    return;
  }
  if (command === 'plan') {
    const { db, close } = await openDatabase(config);
    try {
      process.exitCode = await runPlanCommand(db, rest, log);
    } finally {
      await close();
    }
    return;
  }
  process.stdout.write(`${usage}\n`);
  if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof z.ZodError) {
    for (const issue of error.issues) log(`${issue.path.join('.')}: ${issue.message}`);
  } else {
    log(error instanceof Error ? error.message : String(error));
  }
  process.exit(1);
});
