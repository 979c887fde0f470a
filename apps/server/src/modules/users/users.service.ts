import type {
  AccountProfile,
  createUserInput,
  grantInput,
  UserSummary,
  updateUserInput,
} from '@binhdang/contracts';
import { foldForSearch, type Role } from '@binhdang/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { Database } from '../app/database.types.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import { findGrantsOfUser } from '../auth/auth.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/passwords.ts';
import { assertCanGrant, assertCanManageUser, assertCanReadUser } from './users.policy.ts';
import { insertUserWithGrants } from './users.queries.ts';

interface ServiceDeps {
  db: Db;
  clock: () => Date;
  actor: Actor;
}
interface WriteDeps extends ServiceDeps {
  meta: RequestMeta;
}

async function toSummaries(db: Db, userIds: number[], now: Date): Promise<UserSummary[]> {
  if (userIds.length === 0) return [];
  const users = await db
    .selectFrom('users')
    .selectAll()
    .where('id', 'in', userIds)
    .orderBy('username')
    .execute();
  return Promise.all(
    users.map(async (user) => {
      const grants = await findGrantsOfUser(db, user.id);
      return {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        email: user.email,
        isActive: user.is_active,
        isLocked: user.locked_until !== null && user.locked_until > now,
        totpEnabled: user.totp_enabled,
        lastLoginAt: user.last_login_at?.toISOString() ?? null,
        grants: grants.map((grant) => ({
          id: grant.id,
          role: grant.role,
          orgUnit:
            grant.orgUnitId === null
              ? null
              : { id: grant.orgUnitId, code: grant.unitCode!, name: grant.unitName!, kind: grant.unitKind! },
        })),
      };
    }),
  );
}

/** Users with at least one role inside my scope (a system admin sees all). */
export async function listUsers({
  db,
  clock,
  actor,
  q,
  orgUnitId,
}: ServiceDeps & { q?: string | undefined; orgUnitId?: number | undefined }) {
  const scope = scopeOf(actor, 'users.read');
  const folded = q ? `%${foldForSearch(q).replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null;
  const rows = await db
    .selectFrom('users')
    .leftJoin('role_grants as g', 'g.user_id', 'users.id')
    .leftJoin('org_units as u', 'u.id', 'g.org_unit_id')
    .select('users.id')
    .distinct()
    .$if(!scope.everywhere, (query) =>
      query.where((eb) =>
        eb.or(scope.everywhere ? [] : scope.paths.map((path) => eb('u.path', 'like', `${path}%`))),
      ),
    )
    .$if(orgUnitId !== undefined, (query) => query.where('g.org_unit_id', '=', orgUnitId!))
    .$if(folded !== null, (query) =>
      query.where((eb) =>
        eb.or([
          eb('users.username', 'like', folded!),
          eb(eb.fn('lower', ['users.display_name']), 'like', folded!),
        ]),
      ),
    )
    .limit(200)
    .execute();
  return {
    items: await toSummaries(
      db,
      rows.map((row) => row.id),
      clock(),
    ),
  };
}

export async function getUser({ db, clock, actor, userId }: ServiceDeps & { userId: number }) {
  const exists = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!exists) throw new AppError('users.not_found');
  await assertCanReadUser(db, actor, userId);
  return (await toSummaries(db, [userId], clock()))[0]!;
}

async function loadManageableUser(db: Db, actor: Actor, userId: number) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw new AppError('users.not_found');
  await assertCanManageUser(db, actor, userId);
  return user;
}

export async function createUser({
  db,
  clock,
  actor,
  meta,
  input,
}: WriteDeps & { input: z.infer<typeof createUserInput> }) {
  if (input.grants.length === 0 && !scopeOf(actor, 'users.manage').everywhere) {
    throw new AppError('request.invalid', {
      issues: [{ path: 'grants', message: 'Cần cấp ít nhất một vai trò trên một đơn vị.' }],
    });
  }
  for (const grant of input.grants) await assertCanGrant(db, actor, grant.role, grant.orgUnitId);
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken) throw new AppError('users.username_taken');
  const passwordHash = await hashPassword(input.password);
  const userId = await db.transaction().execute(async (trx) => {
    const userId = await insertUserWithGrants(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      grants: input.grants,
      createdBy: actor.userId,
    });
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'users.create',
      entityType: 'user',
      entityId: userId,
      orgUnitId: input.grants[0]?.orgUnitId ?? null,
      after: { username: input.username, displayName: input.displayName, grants: input.grants },
      ip: meta.ip,
    });
    return userId;
  });
  return getUser({ db, clock, actor, userId });
}

export async function updateUser({
  db,
  clock,
  actor,
  meta,
  userId,
  input,
}: WriteDeps & { userId: number; input: z.infer<typeof updateUserInput> }) {
  const user = await loadManageableUser(db, actor, userId);
  if (input.isActive === false && userId === actor.userId) {
    throw new AppError('request.invalid', {
      issues: [{ path: 'isActive', message: 'Không thể tự vô hiệu hoá tài khoản của mình.' }],
    });
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
        updated_at: clock(),
      })
      .where('id', '=', userId)
      .execute();
    if (input.isActive === false) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'users.update',
      entityType: 'user',
      entityId: userId,
      orgUnitId: await firstGrantUnit(trx, userId),
      before: { displayName: user.display_name, isActive: user.is_active },
      after: input,
      ip: meta.ip,
    });
  });
  return getUser({ db, clock, actor, userId });
}

async function firstGrantUnit(db: Kysely<Database>, userId: number): Promise<number | null> {
  const row = await db
    .selectFrom('role_grants')
    .select('org_unit_id')
    .where('user_id', '=', userId)
    .where('org_unit_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirst();
  return row?.org_unit_id ?? null;
}

/** An admin's reset also unlocks the account and ends its sessions. */
export async function resetPassword({
  db,
  clock,
  actor,
  meta,
  userId,
  newPassword,
}: WriteDeps & { userId: number; newPassword: string }) {
  await loadManageableUser(db, actor, userId);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        password_changed_at: clock(),
        failed_login_count: 0,
        locked_until: null,
        last_failed_login_at: null,
        updated_at: clock(),
      })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'users.password_reset',
      entityType: 'user',
      entityId: userId,
      orgUnitId: await firstGrantUnit(trx, userId),
      ip: meta.ip,
    });
  });
  return getUser({ db, clock, actor, userId });
}

export async function unlockUser({ db, clock, actor, meta, userId }: WriteDeps & { userId: number }) {
  const user = await loadManageableUser(db, actor, userId);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_login_count: 0, locked_until: null, last_failed_login_at: null, updated_at: clock() })
      .where('id', '=', userId)
      .execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'users.unlock',
      entityType: 'user',
      entityId: userId,
      orgUnitId: await firstGrantUnit(trx, userId),
      before: { failedLoginCount: user.failed_login_count, lockedUntil: user.locked_until },
      ip: meta.ip,
    });
  });
  return getUser({ db, clock, actor, userId });
}

export async function addGrant({
  db,
  clock,
  actor,
  meta,
  userId,
  input,
}: WriteDeps & { userId: number; input: z.infer<typeof grantInput> }) {
  const user = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw new AppError('users.not_found');
  // A unit admin may add roles to users they can already read (e.g. someone from a sibling unit joining theirs).
  const existing = await findGrantsOfUser(db, userId);
  if (existing.length > 0) await assertCanReadUser(db, actor, userId);
  await assertCanGrant(db, actor, input.role, input.orgUnitId);
  if (existing.some((grant) => grant.role === input.role && grant.orgUnitId === input.orgUnitId)) {
    return getUser({ db, clock, actor, userId });
  }
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('role_grants')
      .values({ user_id: userId, role: input.role, org_unit_id: input.orgUnitId, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'users.grant_add',
      entityType: 'role_grant',
      entityId: row.id,
      orgUnitId: input.orgUnitId,
      after: { userId, ...input },
      ip: meta.ip,
    });
  });
  return getUser({ db, clock, actor, userId });
}

export async function removeGrant({
  db,
  clock,
  actor,
  meta,
  userId,
  grantId,
}: WriteDeps & { userId: number; grantId: number }) {
  const grant = await db
    .selectFrom('role_grants')
    .selectAll()
    .where('id', '=', grantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!grant) throw new AppError('users.grant_not_found');
  await assertCanGrant(db, actor, grant.role as Role, grant.org_unit_id);
  await db.transaction().execute(async (trx) => {
    if (grant.role === 'system_admin') {
      const admins = await trx
        .selectFrom('role_grants')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'system_admin')
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) throw new AppError('users.last_admin');
    }
    await trx.deleteFrom('role_grants').where('id', '=', grantId).execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'users.grant_remove',
      entityType: 'role_grant',
      entityId: grantId,
      orgUnitId: grant.org_unit_id,
      before: { userId, role: grant.role, orgUnitId: grant.org_unit_id },
      ip: meta.ip,
    });
  });
  // Authorized above; the user may now have no role in my scope, so no read-scope check here.
  return (await toSummaries(db, [userId], clock()))[0]!;
}

/** Writes an e-mail address (or clears it) with its audit row, in one transaction. */
async function writeEmail(
  { db, clock, actor, meta }: WriteDeps,
  user: { id: number; email: string | null },
  email: string | null,
) {
  if (user.email === email) return;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ email, updated_at: clock() }).where('id', '=', user.id).execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'users.email_change',
      entityType: 'user',
      entityId: user.id,
      orgUnitId: await firstGrantUnit(trx, user.id),
      before: { email: user.email },
      after: { email },
      ip: meta.ip,
    });
  });
}

/**
 * An administrator sets or clears the address reminders are e-mailed to, for an account they
 * manage. The address is checked and lower-cased by the contract; it need not be unique.
 */
export async function setUserEmail(deps: WriteDeps & { userId: number; email: string | null }) {
  const user = await loadManageableUser(deps.db, deps.actor, deps.userId);
  await writeEmail(deps, user, deps.email);
  return getUser(deps);
}

export async function getAccount({ db, actor }: ServiceDeps): Promise<AccountProfile> {
  const user = await db
    .selectFrom('users')
    .select(['username', 'display_name', 'email'])
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  if (!user) throw new AppError('users.not_found');
  return { username: user.username, displayName: user.display_name, email: user.email };
}

/** A signed-in user sets or clears their own address. */
export async function setOwnEmail(deps: WriteDeps & { email: string | null }): Promise<AccountProfile> {
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', '=', deps.actor.userId)
    .executeTakeFirst();
  if (!user) throw new AppError('users.not_found');
  await writeEmail(deps, user, deps.email);
  return getAccount(deps);
}
