import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types written by hand from `migrations/*.sql`; `database.db.test.ts` checks them
 * against the migrated schema. `date` columns come back as `YYYY-MM-DD` strings on both
 * engines (see database.ts), timestamps as Date.
 */
export interface Database {
  org_units: OrgUnitsTable;
  org_unit_names: OrgUnitNamesTable;
  lineage_events: LineageEventsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}

export interface OrgUnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  search_name: string;
  kind: string;
  parent_id: number | null;
  path: Generated<string>;
  valid_from: string | null;
  valid_to: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type OrgUnitRow = Selectable<OrgUnitsTable>;

export interface OrgUnitNamesTable {
  id: Generated<number>;
  org_unit_id: number;
  name: string;
  valid_from: string | null;
  valid_to: string | null;
}

export interface LineageEventsTable {
  id: Generated<number>;
  kind: string;
  effective_on: string;
  from_unit_id: number;
  to_unit_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  is_active: Generated<boolean>;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  failed_login_count: Generated<number>;
  last_failed_login_at: Date | null;
  locked_until: Date | null;
  last_login_at: Date | null;
  password_changed_at: Generated<Date>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type UserRow = Selectable<UsersTable>;

export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  org_unit_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_unit_id: number | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}
export type NewAuditRow = Insertable<AuditLogTable>;

export interface SchemaMigrationsTable {
  version: string;
  applied_at: Generated<Date>;
}
