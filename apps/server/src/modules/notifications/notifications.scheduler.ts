import type { AppConfig } from '../app/config.ts';
import type { Db } from '../app/database.ts';
import { type Mailer, sendPendingMail } from './notifications.mail.ts';
import { runReminders } from './notifications.service.ts';

/*
 * `serve` runs the reminders and the mail sender once at start and then every few minutes. A run
 * never overlaps the previous one in this process; several processes may run at once, which the
 * unique event keys and the claimed outbox rows make harmless.
 */

export interface ReminderScheduler {
  /** Runs now (unless a run is under way) and resolves when it ends. */
  runNow(): Promise<void>;
  /** Stops the timer and waits for a run under way, so the database can then be closed. */
  stop(): Promise<void>;
}

export function startReminderScheduler({
  db,
  clock,
  config,
  mailer,
  log,
}: {
  db: Db;
  clock: () => Date;
  config: Pick<AppConfig, 'reminderDaysBefore' | 'reminderIntervalMinutes'>;
  mailer: Mailer;
  log: (message: string) => void;
}): ReminderScheduler {
  let running: Promise<void> | null = null;
  let stopped = false;

  const runOnce = async () => {
    try {
      const reminders = await runReminders({ db, clock, config });
      const made = reminders.created.due_soon + reminders.created.due_today + reminders.created.overdue;
      const mail = await sendPendingMail({ db, clock, mailer });
      if (made > 0 || mail.sent > 0 || mail.failed > 0)
        log(
          `Reminders: ${made} new; e-mail (${mail.mode}): ${mail.sent} sent, ${mail.failed} failed, ${mail.kept} kept.`,
        );
    } catch (error) {
      // A failed run is retried at the next tick; nothing it wrote is half done (one transaction per batch).
      log(`Reminders failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const runNow = () => {
    if (stopped) return Promise.resolve();
    running ??= runOnce().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => void runNow(), config.reminderIntervalMinutes * 60_000);
  timer.unref();
  void runNow();
  if (mailer.mode !== 'smtp') log(mailer.note);

  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
