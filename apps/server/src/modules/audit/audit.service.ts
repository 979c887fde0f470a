import type { AuditEntry } from '@binhdang/contracts';
import { type Actor, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';

export interface AuditFilter {
  action?: string | undefined;
  entityType?: string | undefined;
  actorId?: number | undefined;
  before?: number | undefined;
  limit: number;
}

/**
 * Newest first, paged by id. A unit admin reads the entries about units in their subtree;
 * sign-ins and account-wide events (no unit) are for system admins.
 */
export async function listAuditEntries({ db, actor, filter }: { db: Db; actor: Actor; filter: AuditFilter }) {
  const scope = scopeOf(actor, 'audit.read');
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_user_id',
      'u.username',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.org_unit_id',
      'a.before',
      'a.after',
      'a.ip',
    ]);
  if (!scope.everywhere) {
    query = query
      .innerJoin('org_units as o', 'o.id', 'a.org_unit_id')
      .where((eb) => eb.or(scope.paths.map((path) => eb('o.path', 'like', `${path}%`))));
  }
  if (filter.action) query = query.where('a.action', '=', filter.action);
  if (filter.entityType) query = query.where('a.entity_type', '=', filter.entityType);
  if (filter.actorId) query = query.where('a.actor_user_id', '=', filter.actorId);
  if (filter.before) query = query.where('a.id', '<', String(filter.before));
  const rows = await query
    .orderBy('a.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const items: AuditEntry[] = page.map((row) => ({
    id: Number(row.id),
    at: row.at.toISOString(),
    actor: row.actor_user_id === null ? null : { id: row.actor_user_id, username: row.username ?? '' },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    orgUnitId: row.org_unit_id,
    before: row.before ?? null,
    after: row.after ?? null,
    ip: row.ip,
  }));
  return { items, nextBefore: rows.length > filter.limit ? Number(page.at(-1)!.id) : null };
}
