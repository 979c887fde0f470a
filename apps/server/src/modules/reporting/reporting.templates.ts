import {
  activityTableLayouts,
  type Observance,
  type OutlineSection,
  observances,
  type ReportKind,
  type TemplateDefinition,
  type TemplateFamily,
  type TemplateTableEntry,
  type TemplateVersion,
  type templateCreateInput,
  type templateVersionInput,
} from '@binhdang/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { ReportTemplateRow } from '../app/database.types.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { asJson } from './reporting.queries.ts';

/*
 * Editing report templates (issue 6 §1). A template is a family of versions under one code;
 * saving never changes a stored version: it inserts the next one and clears `is_current` on the
 * one it was based on, in one transaction, so rounds opened earlier keep reading the version
 * they were opened with. A table of a kind this editor does not know (e.g. activity tables) is
 * copied unchanged from the base version, so it survives every save.
 */

interface ServiceDeps {
  db: Db;
  clock: () => Date;
  actor: Actor;
}

interface WriteDeps extends ServiceDeps {
  meta: RequestMeta;
}

type Issue = { path: string; message: string };
type StoredTable = Record<string, unknown> & { code?: unknown; title?: unknown };

/** A stored table is a figures table when it lists data elements and names no other source. */
function isFiguresTable(table: StoredTable): boolean {
  const source = table.source;
  return (
    (source === undefined || source === null || source === 'data_elements' || source === 'figures') &&
    Array.isArray(table.dataElements)
  );
}

/** An activity table (activities.ts `activityTableDefinition`) this editor can edit. */
function isActivityTable(table: StoredTable): boolean {
  return (
    table.source === 'activities' &&
    (activityTableLayouts as readonly unknown[]).includes(table.layout) &&
    (table.observance === undefined ||
      table.observance === null ||
      (observances as readonly unknown[]).includes(table.observance))
  );
}

function toTableEntry(table: StoredTable): TemplateTableEntry {
  const code = String(table.code ?? '');
  const title = String(table.title ?? '');
  if (isActivityTable(table))
    return {
      kind: 'activities',
      code,
      title,
      layout: table.layout as (typeof activityTableLayouts)[number],
      observance: (table.observance as Observance | undefined) ?? null,
    };
  if (isFiguresTable(table))
    return { kind: 'figures', code, title, dataElements: (table.dataElements as unknown[]).map(String) };
  return { kind: 'kept', code, title, source: String(table.source ?? 'unknown') };
}

interface VersionFacts {
  createdBy: string | null;
  roundCount: number;
}

function toVersion(row: ReportTemplateRow, facts: VersionFacts | undefined): TemplateVersion {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    isCurrent: row.is_current,
    kind: row.kind as ReportKind,
    name: row.name,
    periodType: row.period_type as TemplateVersion['periodType'],
    createdAt: row.created_at.toISOString(),
    createdBy: facts?.createdBy ?? null,
    roundCount: facts?.roundCount ?? 0,
    sectionCount: asJson<unknown[]>(row.outline, []).length,
    tableCount: asJson<unknown[]>(row.tables, []).length,
  };
}

/** Per version: rounds opened with it, and who saved it (its audit row; none for a seeded one). */
async function findVersionFacts(db: Db, ids: number[]): Promise<Map<number, VersionFacts>> {
  if (ids.length === 0) return new Map();
  const result = await sql<{ id: number; round_count: number; created_by: string | null }>`
    select t.id,
      (select count(*)::int from report_rounds r where r.template_id = t.id) as round_count,
      (select u.display_name from audit_log a join users u on u.id = a.actor_user_id
        where a.entity_type = 'report_template' and a.entity_id = t.id::text
        order by a.id limit 1) as created_by
    from report_templates t
    where t.id = any(${ids}::int[])`.execute(db);
  return new Map(
    result.rows.map((row) => [row.id, { createdBy: row.created_by, roundCount: Number(row.round_count) }]),
  );
}

/** Every template family with its current version and all its versions, newest first. */
export async function listTemplateFamilies({ db }: ServiceDeps): Promise<{ items: TemplateFamily[] }> {
  const rows = await db
    .selectFrom('report_templates')
    .selectAll()
    .orderBy('code')
    .orderBy('version', 'desc')
    .execute();
  const facts = await findVersionFacts(
    db,
    rows.map((row) => row.id),
  );
  const families = new Map<string, TemplateVersion[]>();
  for (const row of rows) {
    const versions = families.get(row.code) ?? [];
    families.set(row.code, versions);
    versions.push(toVersion(row, facts.get(row.id)));
  }
  const items = [...families.entries()].map(([code, versions]) => ({
    code,
    current: versions.find((version) => version.isCurrent) ?? versions[0]!,
    versions,
  }));
  items.sort((a, b) => a.current.name.localeCompare(b.current.name, 'vi'));
  return { items };
}

export async function getTemplateDefinition({
  db,
  templateId,
}: ServiceDeps & { templateId: number }): Promise<TemplateDefinition> {
  const row = await db
    .selectFrom('report_templates')
    .selectAll()
    .where('id', '=', templateId)
    .executeTakeFirst();
  if (!row) throw new AppError('reporting.template_not_found');
  const facts = await findVersionFacts(db, [row.id]);
  return {
    ...toVersion(row, facts.get(row.id)),
    outline: asJson<OutlineSection[]>(row.outline, []),
    tables: asJson<StoredTable[]>(row.tables, []).map(toTableEntry),
  };
}

type ContentInput = Pick<
  z.output<typeof templateVersionInput>,
  'name' | 'kind' | 'periodType' | 'outline' | 'tables'
>;

/**
 * Checks a template's content and gives what is stored: the outline as given, the figures tables
 * as given and the kept tables copied from `baseTables`. Every problem is reported at once.
 */
async function buildContent(
  db: Db,
  input: ContentInput,
  baseTables: StoredTable[],
): Promise<{ outline: OutlineSection[]; tables: StoredTable[] }> {
  const issues: Issue[] = [];

  if (input.outline.length === 0)
    issues.push({ path: 'outline', message: 'Đề cương cần có ít nhất một mục.' });
  const keys = new Map<string, number>();
  input.outline.forEach((section, index) => {
    const earlier = keys.get(section.key);
    if (earlier !== undefined)
      issues.push({
        path: `outline.${index}.key`,
        message: `Mã mục “${section.key}” trùng với mục thứ ${earlier + 1}.`,
      });
    else keys.set(section.key, index);
    const previousLevel = index === 0 ? 0 : input.outline[index - 1]!.level;
    if (section.level > previousLevel + 1)
      issues.push({
        path: `outline.${index}.level`,
        message:
          index === 0
            ? 'Mục đầu tiên của đề cương phải là mục cấp 1.'
            : 'Mục con phải đứng ngay dưới một mục cấp trên liền kề (không nhảy cấp).',
      });
  });

  const elementCodes = input.tables.flatMap((table) => (table.kind === 'figures' ? table.dataElements : []));
  const known = new Set(
    elementCodes.length === 0
      ? []
      : (
          await db
            .selectFrom('data_elements')
            .select('code')
            .where('code', 'in', [...new Set(elementCodes)])
            .execute()
        ).map((row) => row.code),
  );
  const baseByCode = new Map(baseTables.map((table) => [String(table.code ?? ''), table]));
  const tableCodes = new Map<string, number>();
  const tables: StoredTable[] = [];
  input.tables.forEach((table, index) => {
    const earlier = tableCodes.get(table.code);
    if (earlier !== undefined)
      issues.push({
        path: `tables.${index}.code`,
        message: `Mã phụ lục “${table.code}” trùng với phụ lục thứ ${earlier + 1}.`,
      });
    else tableCodes.set(table.code, index);

    if (table.kind === 'kept') {
      const base = baseByCode.get(table.code);
      if (!base)
        issues.push({
          path: `tables.${index}.code`,
          message: `Phụ lục “${table.code}” không có trong phiên bản đang sửa.`,
        });
      else tables.push(base);
      return;
    }
    if (table.kind === 'activities') {
      tables.push({
        source: 'activities',
        code: table.code,
        title: table.title,
        layout: table.layout,
        ...(table.observance ? { observance: table.observance } : {}),
      });
      return;
    }
    const seen = new Set<string>();
    table.dataElements.forEach((code, elementIndex) => {
      if (!known.has(code))
        issues.push({
          path: `tables.${index}.dataElements.${elementIndex}`,
          message: `Chỉ tiêu “${code}” không có trong danh mục chỉ tiêu.`,
        });
      else if (seen.has(code))
        issues.push({
          path: `tables.${index}.dataElements.${elementIndex}`,
          message: `Chỉ tiêu “${code}” đã có trong phụ lục này.`,
        });
      seen.add(code);
    });
    tables.push({ code: table.code, title: table.title, dataElements: table.dataElements });
  });

  if (issues.length > 0) throw new AppError('reportTemplates.invalid', { issues });
  return {
    outline: input.outline.map((section) => ({
      key: section.key,
      level: section.level,
      title: section.title,
      guidance: section.guidance,
    })),
    tables,
  };
}

/** A new template family, version 1 and current. */
export async function createTemplate({
  db,
  clock,
  actor,
  meta,
  input,
}: WriteDeps & { input: z.output<typeof templateCreateInput> }): Promise<TemplateDefinition> {
  const taken = await db
    .selectFrom('report_templates')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken) throw new AppError('reportTemplates.code_taken');
  const content = await buildContent(db, input, []);

  const templateId = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('report_templates')
      .values({
        code: input.code,
        version: 1,
        kind: input.kind,
        name: input.name,
        period_type: input.periodType,
        outline: JSON.stringify(content.outline),
        tables: JSON.stringify(content.tables),
        is_current: true,
        created_at: clock(),
      })
      // Two admins creating the same code at once: the unique (code, version) lets one win.
      .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('reportTemplates.code_taken');
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'reportTemplates.create',
      entityType: 'report_template',
      entityId: row.id,
      after: { code: input.code, version: 1, name: input.name, ...content },
      ip: meta.ip,
    });
    return row.id;
  });
  return getTemplateDefinition({ db, clock, actor, templateId });
}

/**
 * Saves the next version of the family `code`, based on `basedOnVersion`, which must still be
 * the current one: otherwise someone saved in between and the save is refused (409) with
 * nothing written. The base stops being current in the same transaction.
 */
export async function saveTemplateVersion({
  db,
  clock,
  actor,
  meta,
  code,
  input,
}: WriteDeps & { code: string; input: z.output<typeof templateVersionInput> }): Promise<TemplateDefinition> {
  const base = await db
    .selectFrom('report_templates')
    .selectAll()
    .where('code', '=', code)
    .where('version', '=', input.basedOnVersion)
    .executeTakeFirst();
  if (!base) {
    const exists = await db
      .selectFrom('report_templates')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    if (!exists) throw new AppError('reporting.template_not_found');
    throw new AppError('reportTemplates.conflict');
  }
  if (!base.is_current) throw new AppError('reportTemplates.conflict');
  const baseTables = asJson<StoredTable[]>(base.tables, []);
  const content = await buildContent(db, input, baseTables);

  const templateId = await db.transaction().execute(async (trx) => {
    // The row lock taken here makes a concurrent save wait, then find the base no longer current.
    const released = await trx
      .updateTable('report_templates')
      .set({ is_current: false })
      .where('id', '=', base.id)
      .where('is_current', '=', true)
      .executeTakeFirst();
    if (Number(released.numUpdatedRows) !== 1) throw new AppError('reportTemplates.conflict');
    const row = await trx
      .insertInto('report_templates')
      .values({
        code,
        version: base.version + 1,
        kind: input.kind,
        name: input.name,
        period_type: input.periodType,
        outline: JSON.stringify(content.outline),
        tables: JSON.stringify(content.tables),
        is_current: true,
        created_at: clock(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'reportTemplates.version',
      entityType: 'report_template',
      entityId: row.id,
      before: { version: base.version, name: base.name, kind: base.kind, periodType: base.period_type },
      after: {
        code,
        version: base.version + 1,
        name: input.name,
        kind: input.kind,
        periodType: input.periodType,
        ...content,
      },
      ip: meta.ip,
    });
    return row.id;
  });
  return getTemplateDefinition({ db, clock, actor, templateId });
}
