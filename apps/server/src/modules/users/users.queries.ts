import type { Role } from '@binhdang/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../app/database.types.ts';

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  /** Where reminders are e-mailed; none by default. */
  email?: string | null;
  grants: { role: Role; orgUnitId: number | null }[];
  createdBy: number | null;
}

/** One account and its role grants, in the caller's transaction (service, CLI and demo seed alike). */
export async function insertUserWithGrants(trx: Kysely<Database>, user: NewUser): Promise<number> {
  const row = await trx
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      email: user.email ?? null,
      totp_secret: null,
      last_failed_login_at: null,
      locked_until: null,
      last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const grant of user.grants) {
    await trx
      .insertInto('role_grants')
      .values({ user_id: row.id, role: grant.role, org_unit_id: grant.orgUnitId, created_by: user.createdBy })
      .execute();
  }
  return row.id;
}
