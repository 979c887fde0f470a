import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SessionInfo } from '@binhdang/contracts';
import { rolePermissions } from '@binhdang/contracts';
import { Secret, TOTP } from 'otpauth';
import type { Actor } from '../access/access.policy.ts';
import type { AppConfig } from '../app/config.ts';
import type { Db } from '../app/database.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import { findGrantsOfUser, findSessionWithUser } from './auth.queries.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';

/** From the third failure on, each attempt must wait 2^(n-3) s; the tenth locks the account. */
export const loginBackoff = { throttleAfter: 3, lockAfter: 10, lockMinutes: 15, maxDelaySeconds: 60 };

/** Sliding expiry is written at most this often, so reads do not become writes. */
const SESSION_TOUCH_INTERVAL_MS = 5 * 60_000;

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface AuthDeps {
  db: Db;
  config: AppConfig;
  clock: () => Date;
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: number; username: string; displayName: string; totpEnabled: boolean };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new session's secrets: the cookie token, the stored id (the token's SHA-256) and the CSRF token. */
export function newSessionSecrets(): { token: string; id: string; csrfToken: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: hashSessionToken(token), csrfToken: randomBytes(24).toString('base64url') };
}

/**
 * Sessions for these users at once, without a password (tools only: the benchmark signs in
 * thousands of generated reporters; what it measures is their saves, not argon2).
 */
export async function createSessions(
  db: Db,
  userIds: number[],
  deps: { config: AppConfig; clock: () => Date },
): Promise<{ userId: number; token: string; csrfToken: string }[]> {
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + deps.config.sessionIdleMinutes * 60_000);
  const sessions = userIds.map((userId) => ({ userId, ...newSessionSecrets() }));
  for (let start = 0; start < sessions.length; start += 1000) {
    await db
      .insertInto('sessions')
      .values(
        sessions.slice(start, start + 1000).map((session) => ({
          id: session.id,
          user_id: session.userId,
          csrf_token: session.csrfToken,
          created_at: now,
          last_seen_at: now,
          expires_at: expiresAt,
          ip: null,
          user_agent: 'session created by a tool',
        })),
      )
      .execute();
  }
  return sessions.map(({ userId, token, csrfToken }) => ({ userId, token, csrfToken }));
}

export function tokensMatch(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function throttleDelaySeconds(failedCount: number): number {
  if (failedCount < loginBackoff.throttleAfter) return 0;
  return Math.min(2 ** (failedCount - loginBackoff.throttleAfter), loginBackoff.maxDelaySeconds);
}

function buildTotp(secret: string, username: string): TOTP {
  return new TOTP({
    issuer: 'binhdang',
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

function isTotpValid(secret: string, username: string, code: string, now: Date): boolean {
  return buildTotp(secret, username).validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}

export async function login(
  deps: AuthDeps & { username: string; password: string; totpCode?: string | undefined; meta: RequestMeta },
): Promise<{ token: string; session: ActiveSession }> {
  const { db, clock, meta } = deps;
  const now = clock();
  const username = deps.username.trim().toLowerCase();
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

  if (!user) {
    await verifyAgainstDummy(deps.password);
    await db.transaction().execute((trx) =>
      insertAuditRecord(trx, {
        actorUserId: null,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: null,
        after: { username },
        ip: meta.ip,
      }),
    );
    throw new AppError('auth.invalid_credentials');
  }

  if (user.locked_until && user.locked_until > now) {
    throw new AppError('auth.locked', {
      retryAfterSeconds: Math.ceil((user.locked_until.getTime() - now.getTime()) / 1000),
    });
  }
  const delay = throttleDelaySeconds(user.failed_login_count);
  if (delay > 0 && user.last_failed_login_at) {
    const allowedAt = user.last_failed_login_at.getTime() + delay * 1000;
    if (allowedAt > now.getTime()) {
      throw new AppError('auth.throttled', {
        retryAfterSeconds: Math.ceil((allowedAt - now.getTime()) / 1000),
      });
    }
  }

  const passwordOk = await verifyPassword(user.password_hash, deps.password);
  if (!passwordOk) {
    const failedCount = user.failed_login_count + 1;
    const locks = failedCount >= loginBackoff.lockAfter;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({
          failed_login_count: failedCount,
          last_failed_login_at: now,
          locked_until: locks
            ? new Date(now.getTime() + loginBackoff.lockMinutes * 60_000)
            : user.locked_until,
        })
        .where('id', '=', user.id)
        .execute();
      await insertAuditRecord(trx, {
        actorUserId: null,
        action: locks ? 'auth.account_locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        after: { username, failedCount },
        ip: meta.ip,
      });
    });
    if (locks) throw new AppError('auth.locked', { retryAfterSeconds: loginBackoff.lockMinutes * 60 });
    throw new AppError('auth.invalid_credentials');
  }

  if (!user.is_active) throw new AppError('auth.inactive');
  if (user.totp_enabled && user.totp_secret) {
    if (!deps.totpCode) throw new AppError('auth.totp_required');
    if (!isTotpValid(user.totp_secret, user.username, deps.totpCode, now)) {
      throw new AppError('auth.totp_invalid');
    }
  }

  const { token, id, csrfToken } = newSessionSecrets();
  const session: ActiveSession = {
    id,
    csrfToken,
    expiresAt: new Date(now.getTime() + deps.config.sessionIdleMinutes * 60_000),
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      totpEnabled: user.totp_enabled,
    },
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: user.id,
        csrf_token: session.csrfToken,
        created_at: now,
        last_seen_at: now,
        expires_at: session.expiresAt,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await trx
      .updateTable('users')
      .set({ failed_login_count: 0, last_failed_login_at: null, locked_until: null, last_login_at: now })
      .where('id', '=', user.id)
      .execute();
    await insertAuditRecord(trx, {
      actorUserId: user.id,
      action: 'auth.login',
      entityType: 'session',
      entityId: user.id,
      ip: meta.ip,
    });
  });
  return { token, session };
}

/**
 * Resolves a cookie token to a live session and its actor. Expired sessions are deleted on
 * sight; live ones slide their expiry, capped at `sessionMaxHours` after login.
 */
export async function authenticate(
  deps: AuthDeps & { token: string },
): Promise<{ actor: Actor; session: ActiveSession } | null> {
  const { db, config, clock } = deps;
  const now = clock();
  const row = await findSessionWithUser(db, hashSessionToken(deps.token));
  if (!row) return null;
  if (row.expires_at <= now || !row.is_active) {
    await db.deleteFrom('sessions').where('id', '=', row.id).execute();
    return null;
  }

  let expiresAt = row.expires_at;
  if (now.getTime() - row.last_seen_at.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    const hardLimit = row.created_at.getTime() + config.sessionMaxHours * 3_600_000;
    expiresAt = new Date(Math.min(now.getTime() + config.sessionIdleMinutes * 60_000, hardLimit));
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('id', '=', row.id)
      .execute();
  }

  return {
    actor: { userId: row.user_id, username: row.username, sessionId: row.id, grants: row.grants },
    session: {
      id: row.id,
      csrfToken: row.csrf_token,
      expiresAt,
      user: {
        id: row.user_id,
        username: row.username,
        displayName: row.display_name,
        totpEnabled: row.totp_enabled,
      },
    },
  };
}

export async function describeSession(db: Db, session: ActiveSession): Promise<SessionInfo> {
  const grants = await findGrantsOfUser(db, session.user.id);
  const permissions = [...new Set(grants.flatMap((grant) => rolePermissions[grant.role]))];
  return {
    user: session.user,
    grants: grants.map((grant) => ({
      id: grant.id,
      role: grant.role,
      orgUnit:
        grant.orgUnitId === null
          ? null
          : { id: grant.orgUnitId, code: grant.unitCode!, name: grant.unitName!, kind: grant.unitKind! },
    })),
    permissions,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
  };
}

export async function logout(deps: AuthDeps & { actor: Actor; meta: RequestMeta }): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', deps.actor.sessionId).execute();
    await insertAuditRecord(trx, {
      actorUserId: deps.actor.userId,
      action: 'auth.logout',
      entityType: 'session',
      entityId: deps.actor.userId,
      ip: deps.meta.ip,
    });
  });
}

/** Changing the password ends every other session of the user (a thief's cookie stops working). */
export async function changePassword(
  deps: AuthDeps & { actor: Actor; currentPassword: string; newPassword: string; meta: RequestMeta },
): Promise<void> {
  const { db, actor } = deps;
  const user = await db
    .selectFrom('users')
    .select(['password_hash'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, deps.currentPassword)))
    throw new AppError('auth.wrong_password');
  const passwordHash = await hashPassword(deps.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: deps.clock(), updated_at: deps.clock() })
      .where('id', '=', actor.userId)
      .execute();
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', actor.userId)
      .where('id', '!=', actor.sessionId)
      .execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: actor.userId,
      ip: deps.meta.ip,
    });
  });
}

/** Stores a fresh secret, not yet enabled: the user proves they scanned it with a code first. */
export async function setUpTotp(
  deps: AuthDeps & { actor: Actor },
): Promise<{ secret: string; otpauthUri: string }> {
  const secret = new Secret({ size: 20 }).base32;
  await deps.db
    .updateTable('users')
    .set({ totp_secret: secret, totp_enabled: false, updated_at: deps.clock() })
    .where('id', '=', deps.actor.userId)
    .execute();
  return { secret, otpauthUri: buildTotp(secret, deps.actor.username).toString() };
}

export async function setTotpEnabled(
  deps: AuthDeps & { actor: Actor; code: string; enabled: boolean; meta: RequestMeta },
): Promise<void> {
  const { db, actor, clock } = deps;
  const user = await db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!user.totp_secret) throw new AppError('auth.totp_not_set_up');
  if (!isTotpValid(user.totp_secret, actor.username, deps.code, clock()))
    throw new AppError('auth.totp_invalid');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        totp_enabled: deps.enabled,
        totp_secret: deps.enabled ? user.totp_secret : null,
        updated_at: clock(),
      })
      .where('id', '=', actor.userId)
      .execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: deps.enabled ? 'auth.totp_enabled' : 'auth.totp_disabled',
      entityType: 'user',
      entityId: actor.userId,
      ip: deps.meta.ip,
    });
  });
}
