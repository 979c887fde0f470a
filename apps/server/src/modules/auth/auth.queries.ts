import type { Role } from '@binhdang/contracts';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { ActorGrant } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';

export async function findGrantsOfUser(
  db: Db,
  userId: number,
): Promise<(ActorGrant & { unitCode: string | null; unitName: string | null; unitKind: string | null })[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .leftJoin('org_units as u', 'u.id', 'g.org_unit_id')
    .select(['g.id', 'g.role', 'g.org_unit_id', 'u.path', 'u.code', 'u.name', 'u.kind'])
    .where('g.user_id', '=', userId)
    .orderBy('g.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    role: row.role as Role,
    orgUnitId: row.org_unit_id,
    unitPath: row.path,
    unitCode: row.code,
    unitName: row.name,
    unitKind: row.kind,
  }));
}

/**
 * A session with its user and the user's grants, in one query: every signed-in request runs it
 * first, so it is one round trip (national scale, issue 8).
 */
export async function findSessionWithUser(db: Db, sessionId: string) {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select((eb) => [
      's.id',
      's.user_id',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'u.username',
      'u.display_name',
      'u.is_active',
      'u.totp_enabled',
      jsonArrayFrom(
        eb
          .selectFrom('role_grants as g')
          .leftJoin('org_units as o', 'o.id', 'g.org_unit_id')
          .select(['g.id', 'g.role', 'g.org_unit_id as orgUnitId', 'o.path as unitPath'])
          .whereRef('g.user_id', '=', 's.user_id')
          .orderBy('g.id'),
      ).as('grants'),
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, grants: row.grants.map((grant) => ({ ...grant, role: grant.role as Role })) };
}
