import type { Role } from '@binhdang/contracts';
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

export function findSessionWithUser(db: Db, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
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
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}
