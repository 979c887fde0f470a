import { randomBytes } from 'node:crypto';
import type { MailMode } from '@binhdang/contracts';
import nodemailer from 'nodemailer';
import type { AppConfig } from '../app/config.ts';
import type { Db } from '../app/database.ts';
import { claimOutbox, settleOutbox, settleUnsendable } from './notifications.queries.ts';

/*
 * Delivering the outbox. The transport is an interface: the server has no SMTP client library yet
 * (nodemailer is not a dependency), so with `BINHDANG_SMTP_URL` set and no transport given the
 * mailer is "not configured" and e-mails stay pending until one is; without the URL (demo) they
 * are kept in the outbox as `demo`, the list of what would be sent. Tests pass a fake transport.
 */

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  /** Resolves once the server accepted the message; rejects otherwise. */
  send(message: MailMessage): Promise<void>;
}

export type Mailer =
  | { mode: 'demo'; note: string }
  | { mode: 'not_configured'; note: string }
  | { mode: 'smtp'; note: null; from: string; transport: MailTransport };

/** After this many failed attempts an e-mail is marked failed and left alone. */
export const MAX_ATTEMPTS = 5;
/** A claim older than this belongs to a sender that stopped; the e-mail may be taken again. */
export const CLAIM_LEASE_MS = 10 * 60 * 1000;

/**
 * SMTP through nodemailer: `smtp://user:pass@host:587` (STARTTLS when offered) or
 * `smtps://…:465`. The message is accepted when the server says so, or the promise rejects.
 */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
  };
}

export function createMailer(
  config: Pick<AppConfig, 'smtpUrl' | 'mailFrom'>,
  transport?: MailTransport,
): Mailer {
  if (!config.smtpUrl)
    return {
      mode: 'demo',
      note: 'Chưa cấu hình máy chủ thư (BINHDANG_SMTP_URL): thư được giữ trong hộp thư đi, không gửi.',
    };
  let smtp = transport;
  if (!smtp) {
    try {
      smtp = createSmtpTransport(config.smtpUrl);
    } catch {
      return {
        mode: 'not_configured',
        note: 'Địa chỉ máy chủ thư BINHDANG_SMTP_URL không hợp lệ: thư chờ gửi được giữ lại.',
      };
    }
  }
  return { mode: 'smtp', note: null, from: config.mailFrom, transport: smtp };
}

export interface SendResult {
  mode: MailMode;
  sent: number;
  failed: number;
  kept: number;
}

/**
 * Sends what is pending, in claimed batches. A message is marked sent only after the transport
 * accepted it, and only by the sender that holds its claim; a failure puts it back to pending
 * (failed after MAX_ATTEMPTS). A process that dies between the SMTP answer and the mark may send
 * that one message again after the lease: at least once, never twice by two live senders.
 */
export async function sendPendingMail({
  db,
  clock,
  mailer,
  batchSize = 50,
}: {
  db: Db;
  clock: () => Date;
  mailer: Mailer;
  batchSize?: number;
}): Promise<SendResult> {
  if (mailer.mode === 'not_configured') return { mode: mailer.mode, sent: 0, failed: 0, kept: 0 };
  const kept = await settleUnsendable(db, mailer.mode === 'demo');
  if (mailer.mode === 'demo') return { mode: mailer.mode, sent: 0, failed: 0, kept };

  let sent = 0;
  let failed = 0;
  for (;;) {
    const now = clock();
    const token = randomBytes(12).toString('hex');
    const claimed = await claimOutbox(db, {
      token,
      now,
      leaseExpiredBefore: new Date(now.getTime() - CLAIM_LEASE_MS),
      limit: batchSize,
    });
    if (claimed.length === 0) break;
    for (const row of claimed) {
      try {
        await mailer.transport.send({
          from: mailer.from,
          to: row.recipient!,
          subject: row.subject,
          text: row.body,
        });
        if (await settleOutbox(db, { id: row.id, token }, { status: 'sent', now: clock() })) sent += 1;
      } catch (error) {
        failed += 1;
        await settleOutbox(
          db,
          { id: row.id, token },
          {
            status: row.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            now: clock(),
            error: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
          },
        );
      }
    }
    // A failing server is retried on the next run, not in a loop now.
    if (claimed.length < batchSize || failed > 0) break;
  }
  return { mode: mailer.mode, sent, failed, kept };
}
