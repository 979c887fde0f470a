import path from 'node:path';
import { z } from 'zod';

/** Repository root, so that `./data` and `../shared` mean the same wherever a command starts. */
export const repositoryRoot = path.resolve(import.meta.dirname, '../../../../..');

const configSchema = z.object({
  port: z.coerce.number().int().min(1).max(65535).default(3000),
  host: z.string().default('0.0.0.0'),
  /** With it, a PostgreSQL server; without it, embedded PostgreSQL (PGlite) in `dataDir`. */
  databaseUrl: z.string().url().optional(),
  dataDir: z.string().default(path.join(repositoryRoot, 'data')),
  /** `../shared/data` beside the checkout: the seed facts (units, indicators). */
  sharedDataDir: z.string().default(path.join(repositoryRoot, '..', 'shared', 'data')),
  webDistDir: z.string().default(path.join(repositoryRoot, 'apps', 'web', 'dist')),
  /** Evidence files; default `<dataDir>/attachments`. */
  attachmentsDir: z.string().optional(),
  /** Session lifetime without activity, and the hard limit after login. */
  sessionIdleMinutes: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(8 * 60),
  sessionMaxHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(7 * 24),
  /** Marks cookies Secure; set it when served over HTTPS. */
  secureCookies: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  logLevel: z.enum(['silent', 'error', 'info']).default('info'),
  /** Outgoing mail, `smtp://user:pass@host:587` (or `smtps://`); without it the outbox is kept, unsent (demo). */
  smtpUrl: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), { message: 'Phải bắt đầu bằng smtp:// hoặc smtps://' })
    .optional(),
  mailFrom: z.string().min(3).default('binhdang <no-reply@localhost>'),
  /** Reminders: how many days before the due date the first one goes out. */
  reminderDaysBefore: z.coerce.number().int().min(1).max(30).default(3),
  /** How often `serve` runs the reminder scheduler and the mail sender. */
  reminderIntervalMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(5),
});

export type AppConfig = z.infer<typeof configSchema> & { demo: boolean };

/** Reads the environment once at start and fails listing every problem. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  const parsed = configSchema.safeParse({
    port: env.PORT,
    host: env.BINHDANG_HOST,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.BINHDANG_DATA_DIR,
    sharedDataDir: env.BINHDANG_SHARED_DATA_DIR,
    webDistDir: env.BINHDANG_WEB_DIST_DIR,
    attachmentsDir: env.BINHDANG_ATTACHMENTS_DIR || undefined,
    sessionIdleMinutes: env.BINHDANG_SESSION_IDLE_MINUTES,
    sessionMaxHours: env.BINHDANG_SESSION_MAX_HOURS,
    secureCookies: env.BINHDANG_SECURE_COOKIES,
    logLevel: env.BINHDANG_LOG_LEVEL,
    smtpUrl: env.BINHDANG_SMTP_URL || undefined,
    mailFrom: env.BINHDANG_MAIL_FROM || undefined,
    reminderDaysBefore: env.BINHDANG_REMINDER_DAYS_BEFORE,
    reminderIntervalMinutes: env.BINHDANG_REMINDER_INTERVAL_MINUTES,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return { ...parsed.data, demo: false, ...overrides };
}
