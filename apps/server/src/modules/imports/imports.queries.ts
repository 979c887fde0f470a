import {
  type EventRow,
  formatDocumentNumber,
  type ImportStatus,
  type ImportSummary,
  type OrgUnitKind,
  type PlanImport,
  type PlanImportReportingKind,
  type ReportingDutyRow,
} from '@binhdang/contracts';
import type { Kysely } from 'kysely';
import type { Actor, Scope } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { Database, PlanImportRow } from '../app/database.types.ts';
import { pathInScope, planReadableBy } from '../plans/plans.policy.ts';
import type { UnitCandidate } from './unit-names.ts';

export type ImportWithUnit = PlanImportRow & {
  unit_path: string;
  unit_name: string;
  unit_code: string;
  created_by_name: string | null;
};

function importQuery(db: Kysely<Database>) {
  return db
    .selectFrom('plan_imports as i')
    .innerJoin('org_units as o', 'o.id', 'i.org_unit_id')
    .leftJoin('users as u', 'u.id', 'i.created_by')
    .selectAll('i')
    .select([
      'o.path as unit_path',
      'o.name as unit_name',
      'o.code as unit_code',
      'u.username as created_by_name',
    ]);
}

export function findImportWithUnit(
  db: Kysely<Database>,
  importId: number,
): Promise<ImportWithUnit | undefined> {
  return importQuery(db).where('i.id', '=', importId).executeTakeFirst();
}

export function toImportSummary(row: ImportWithUnit): ImportSummary {
  const result = row.result as PlanImport;
  return {
    id: row.id,
    fileName: row.file_name,
    status: row.status as ImportStatus,
    receivingUnit: { id: row.org_unit_id, code: row.unit_code, name: row.unit_name },
    title: result.title,
    documentNumber: result.number ?? (result.symbol ? formatDocumentNumber(null, result.symbol) : null),
    year: result.year,
    planId: row.plan_id,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    acceptedAt: row.accepted_at?.toISOString() ?? null,
  };
}

/** Recent uploads of units in the scope (and under `unitPath`), newest first. */
export async function searchImports(
  db: Db,
  filter: { scope: Scope; unitPath?: string | undefined; status?: ImportStatus | undefined; limit: number },
) {
  let query = importQuery(db).where(pathInScope('o.path', filter.scope));
  if (filter.unitPath) query = query.where('o.path', 'like', `${filter.unitPath}%`);
  if (filter.status) query = query.where('i.status', '=', filter.status);
  const rows = await query
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(toImportSummary);
}

/** The accepted upload of the same document by the same unit, if any. */
export function findAcceptedImport(db: Kysely<Database>, orgUnitId: number, contentSha256: string) {
  return db
    .selectFrom('plan_imports')
    .select(['id', 'plan_id'])
    .where('org_unit_id', '=', orgUnitId)
    .where('content_sha256', '=', contentSha256)
    .where('status', '=', 'accepted')
    .executeTakeFirst();
}

export type RegistryUnit = UnitCandidate & { path: string };

/** Units open on `day` under the subtree at `rootPath` (a province and everything in it). */
export async function findOpenUnitsUnder(
  db: Kysely<Database>,
  rootPath: string,
  day: string,
): Promise<RegistryUnit[]> {
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'kind', 'parent_id', 'path'])
    .where('path', 'like', `${rootPath}%`)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .orderBy('path')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind as OrgUnitKind,
    parentId: row.parent_id,
    path: row.path,
  }));
}

/** Ids of the plans the reader may see. */
function readablePlanIds(db: Db, reader: Actor) {
  return db
    .selectFrom('plans as p')
    .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
    .select('p.id')
    .where((eb) => planReadableBy(eb, reader));
}

/** Events of issued plans readable by every one of `readers`, overlapping `year` when given, by date. */
export async function findEvents(
  db: Db,
  filter: { readers: Actor[]; year?: number | undefined; limit: number },
): Promise<EventRow[]> {
  let query = db
    .selectFrom('plan_events as e')
    .innerJoin('plans as p', 'p.id', 'e.plan_id')
    .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
    .select([
      'e.id',
      'e.name',
      'e.starts_on',
      'e.ends_on',
      'p.id as plan_id',
      'p.number',
      'p.symbol',
      'p.title',
      'p.year',
      'o.id as unit_id',
      'o.code as unit_code',
      'o.name as unit_name',
    ])
    .where('p.status', '=', 'issued');
  for (const reader of filter.readers) query = query.where('p.id', 'in', readablePlanIds(db, reader));
  if (filter.year) {
    query = query
      .where('e.starts_on', '<=', `${filter.year}-12-31`)
      .where('e.ends_on', '>=', `${filter.year}-01-01`);
  }
  const rows = await query
    .orderBy('e.starts_on')
    .orderBy('e.ends_on')
    .orderBy('e.id')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    plan: {
      id: row.plan_id,
      documentNumber: formatDocumentNumber(row.number, row.symbol),
      title: row.title,
      year: row.year,
      orgUnit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    },
  }));
}

/** Reporting duties of issued plans for units in the scope (and under `unitPath`), by due date. */
export async function findReportingDuties(
  db: Db,
  filter: {
    scope: Scope;
    unitPath?: string | undefined;
    filter: 'upcoming' | 'overdue' | 'all';
    today: string;
    limit: number;
  },
): Promise<ReportingDutyRow[]> {
  let query = db
    .selectFrom('reporting_duties as d')
    .innerJoin('org_units as u', 'u.id', 'd.org_unit_id')
    .innerJoin('plans as p', 'p.id', 'd.plan_id')
    .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
    .select([
      'd.id',
      'd.kind',
      'd.due_on',
      'd.recipient',
      'u.id as duty_unit_id',
      'u.code as duty_unit_code',
      'u.name as duty_unit_name',
      'p.id as plan_id',
      'p.number',
      'p.symbol',
      'p.title',
      'p.year',
      'p.issuer_name',
      'o.id as unit_id',
      'o.code as unit_code',
      'o.name as unit_name',
    ])
    .where('p.status', '=', 'issued')
    .where(pathInScope('u.path', filter.scope));
  if (filter.unitPath) query = query.where('u.path', 'like', `${filter.unitPath}%`);
  if (filter.filter === 'upcoming') query = query.where('d.due_on', '>=', filter.today);
  if (filter.filter === 'overdue') query = query.where('d.due_on', '<', filter.today);
  const rows = await query
    .orderBy('d.due_on', (order) => order.asc().nullsLast())
    .orderBy('d.id')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as PlanImportReportingKind,
    dueOn: row.due_on,
    recipient: row.recipient,
    orgUnit: { id: row.duty_unit_id, code: row.duty_unit_code, name: row.duty_unit_name },
    plan: {
      id: row.plan_id,
      documentNumber: formatDocumentNumber(row.number, row.symbol),
      title: row.title,
      year: row.year,
      orgUnit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
      issuerName: row.issuer_name,
    },
    isOverdue: row.due_on !== null && row.due_on < filter.today,
  }));
}
