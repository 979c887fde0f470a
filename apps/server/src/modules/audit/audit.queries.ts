import type { Kysely } from 'kysely';
import type { Database } from '../app/database.types.ts';

export interface AuditRecord {
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  orgUnitId?: number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Written in the caller's transaction, so a change and its audit row commit or fail together. */
export async function insertAuditRecord(db: Kysely<Database>, record: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: record.actorUserId,
      action: record.action,
      entity_type: record.entityType,
      entity_id: record.entityId === null ? null : String(record.entityId),
      org_unit_id: record.orgUnitId ?? null,
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
      ip: record.ip ?? null,
    })
    .execute();
}
