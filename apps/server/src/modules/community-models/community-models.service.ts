import {
  type CommunityModelDetail,
  type CommunityModelKind,
  type CommunityModelList,
  type CommunityModelStatus,
  type CommunityModelSummary,
  type CommunityModelTotals,
  type CommunityModelYear,
  type communityModelInput,
  communityModelKinds,
  type communityModelListQuery,
  type communityModelUpdateInput,
  type communityModelYearFields,
  foldForSearch,
} from '@binhdang/contracts';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type Actor, isPathInScope, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { CommunityModelYearRow, Database } from '../app/database.types.ts';
import { todayInVietnam } from '../app/dates.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { loadUnitInScope } from '../org-units/org-units.policy.ts';
import { canWriteModelOf, loadModelForRead, loadModelForWrite } from './community-models.policy.ts';
import {
  type CommunityModelWithUnits,
  findCommunityModel,
  findModelYears,
  type ModelTotalsRow,
  searchCommunityModels,
  sumCommunityModels,
} from './community-models.queries.ts';

/*
 * The register of models and clubs (issue 7 §5). Every write checks the revision the form
 * loaded in its UPDATE's WHERE clause and writes its audit row in the same transaction, so a
 * stale form changes nothing and nothing acknowledged is lost.
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
type YearFields = z.output<z.ZodObject<typeof communityModelYearFields>>;
type Header = Omit<z.output<typeof communityModelUpdateInput>, 'revision'>;

const PLACE_KINDS = new Set(['commune', 'ward', 'special_zone']);

function toYear(
  row: Pick<
    CommunityModelYearRow,
    'year' | 'status' | 'members_male' | 'members_female' | 'members_kinh' | 'members_minority' | 'notes'
  >,
): CommunityModelYear {
  return {
    year: row.year,
    status: row.status as CommunityModelStatus,
    membersMale: row.members_male,
    membersFemale: row.members_female,
    membersKinh: row.members_kinh,
    membersMinority: row.members_minority,
    notes: row.notes,
  };
}

/** The province a unit belongs to: the first segment of its path (`/12/`). */
const provincePath = (path: string) => `/${path.split('/')[1]}/`;

/**
 * Checks the header against the registry: the place is a commune, ward or special zone of the
 * same province as the register's unit; the date is not in the future.
 */
async function checkHeader(db: Db, header: Header, unitPath: string, today: string, issues: Issue[]) {
  if (header.placeUnitId !== null) {
    const place = await db
      .selectFrom('org_units')
      .select(['id', 'kind', 'path'])
      .where('id', '=', header.placeUnitId)
      .executeTakeFirst();
    if (!place) issues.push({ path: 'placeUnitId', message: 'Không tìm thấy xã, phường.' });
    else if (!PLACE_KINDS.has(place.kind))
      issues.push({ path: 'placeUnitId', message: 'Địa bàn phải là một xã, phường hoặc đặc khu.' });
    else if (provincePath(place.path) !== provincePath(unitPath))
      issues.push({ path: 'placeUnitId', message: 'Địa bàn phải thuộc cùng tỉnh với đơn vị quản lý sổ.' });
  }
  if (header.establishedOn !== null && header.establishedOn > today)
    issues.push({ path: 'establishedOn', message: 'Ngày thành lập không được sau ngày hôm nay.' });
}

/** Members by ethnicity cannot exceed members by sex; a year before the model existed or after this one is refused. */
function checkYear(
  fields: YearFields,
  year: number,
  establishedOn: string | null,
  today: string,
  prefix: string,
  issues: Issue[],
) {
  const { membersMale, membersFemale, membersKinh, membersMinority } = fields;
  if (membersMale !== null && membersFemale !== null && (membersKinh !== null || membersMinority !== null)) {
    const bySex = membersMale + membersFemale;
    const byEthnicity = (membersKinh ?? 0) + (membersMinority ?? 0);
    if (byEthnicity > bySex)
      issues.push({
        path: `${prefix}membersMinority`,
        message: `Số thành viên người Kinh và dân tộc thiểu số (${byEthnicity}) vượt tổng số thành viên nam và nữ (${bySex}).`,
      });
  }
  if (year > Number(today.slice(0, 4))) issues.push({ path: `${prefix}year`, message: 'Chưa đến năm này.' });
  if (establishedOn !== null && year < Number(establishedOn.slice(0, 4)))
    issues.push({ path: `${prefix}year`, message: 'Năm này trước năm thành lập mô hình, câu lạc bộ.' });
}

function yearValues(fields: YearFields) {
  return {
    status: fields.status,
    members_male: fields.membersMale,
    members_female: fields.membersFemale,
    members_kinh: fields.membersKinh,
    members_minority: fields.membersMinority,
    notes: fields.notes,
  };
}

function toSummary(
  model: CommunityModelWithUnits,
  yearRow: CommunityModelYear | null,
): CommunityModelSummary {
  return {
    id: model.id,
    orgUnit: { id: model.org_unit_id, code: model.unit_code, name: model.unit_name },
    kind: model.kind as CommunityModelKind,
    name: model.name,
    place:
      model.place_unit_id === null
        ? null
        : { id: model.place_unit_id, code: model.place_code!, name: model.place_name! },
    establishedOn: model.established_on,
    managingOrganisation: model.managing_organisation,
    revision: model.revision,
    yearRow,
  };
}

function toTotals(row: ModelTotalsRow | undefined): CommunityModelTotals {
  return {
    models: row?.models ?? 0,
    active: row?.active ?? 0,
    inactive: row?.inactive ?? 0,
    dissolved: row?.dissolved ?? 0,
    noData: row?.no_data ?? 0,
    membersMale: row?.members_male ?? 0,
    membersFemale: row?.members_female ?? 0,
    membersKinh: row?.members_kinh ?? 0,
    membersMinority: row?.members_minority ?? 0,
  };
}

/** The register of a unit and its subtree for a year, with totals by kind over the whole filter. */
export async function listCommunityModels({
  db,
  actor,
  query,
}: ServiceDeps & { query: z.output<typeof communityModelListQuery> }): Promise<CommunityModelList> {
  const unit = await loadUnitInScope(db, actor, 'communityModels.read', query.orgUnitId);
  const filter = {
    underPath: unit.path,
    year: query.year,
    kind: query.kind,
    status: query.status,
    q: query.q,
  };
  const [rows, sums] = await Promise.all([
    searchCommunityModels(db, filter, query.limit + 1),
    sumCommunityModels(db, filter),
  ]);
  const byKind = new Map(sums.filter((row) => row.is_total === 0).map((row) => [row.kind, row]));
  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name },
    year: query.year,
    items: rows
      .slice(0, query.limit)
      .map((row) =>
        toSummary(
          { ...row, unit_path: '', updated_by_name: null },
          row.year === null
            ? null
            : toYear({ ...row, year: row.year, status: row.status!, notes: row.year_notes }),
        ),
      ),
    totalsByKind: communityModelKinds
      .filter((kind) => byKind.has(kind))
      .map((kind) => ({ kind, ...toTotals(byKind.get(kind)) })),
    totals: toTotals(sums.find((row) => row.is_total === 1)),
    truncated: rows.length > query.limit,
    can: { create: isPathInScope(scopeOf(actor, 'communityModels.write'), unit.path) },
  };
}

async function toDetail(db: Db, actor: Actor, modelId: number): Promise<CommunityModelDetail> {
  const model = (await findCommunityModel(db, modelId))!;
  const years = (await findModelYears(db, modelId)).map(toYear);
  return {
    ...toSummary(model, years[0] ?? null),
    notes: model.notes,
    years,
    updatedAt: model.updated_at.toISOString(),
    updatedBy: model.updated_by_name,
    can: { edit: canWriteModelOf(actor, model.unit_path) },
  };
}

export async function getCommunityModel({
  db,
  actor,
  modelId,
}: ServiceDeps & { modelId: number }): Promise<CommunityModelDetail> {
  await loadModelForRead(db, actor, modelId);
  return toDetail(db, actor, modelId);
}

/** Adds a model to the register of a unit the actor writes for, with its first year row if given. */
export async function createCommunityModel({
  db,
  clock,
  actor,
  meta,
  input,
}: WriteDeps & { input: z.output<typeof communityModelInput> }): Promise<CommunityModelDetail> {
  const unit = await loadUnitInScope(db, actor, 'communityModels.write', input.orgUnitId);
  const today = todayInVietnam(clock());
  const issues: Issue[] = [];
  await checkHeader(db, input, unit.path, today, issues);
  if (input.firstYear)
    checkYear(input.firstYear, input.firstYear.year, input.establishedOn, today, 'firstYear.', issues);
  if (issues.length > 0) throw new AppError('request.invalid', { issues });

  const modelId = await db.transaction().execute(async (trx) => {
    const now = clock();
    const row = await trx
      .insertInto('community_models')
      .values({
        org_unit_id: unit.id,
        kind: input.kind,
        name: input.name,
        search_name: foldForSearch(input.name),
        place_unit_id: input.placeUnitId,
        established_on: input.establishedOn,
        managing_organisation: input.managingOrganisation,
        notes: input.notes,
        created_by: actor.userId,
        created_at: now,
        updated_by: actor.userId,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.firstYear)
      await trx
        .insertInto('community_model_years')
        .values({
          model_id: row.id,
          year: input.firstYear.year,
          ...yearValues(input.firstYear),
          updated_by: actor.userId,
          updated_at: now,
        })
        .execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'communityModels.create',
      entityType: 'community_model',
      entityId: row.id,
      orgUnitId: unit.id,
      after: input,
      ip: meta.ip,
    });
    return row.id;
  });
  return toDetail(db, actor, modelId);
}

/** Bumps the revision only if it is still the one the form loaded; otherwise 409 and the transaction rolls back. */
async function claimRevision(
  trx: Transaction<Database>,
  modelId: number,
  revision: number,
  actor: Actor,
  now: Date,
  header?: Record<string, unknown>,
) {
  const updated = await trx
    .updateTable('community_models')
    .set((eb) => ({
      ...header,
      revision: eb('revision', '+', 1),
      updated_by: actor.userId,
      updated_at: now,
    }))
    .where('id', '=', modelId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('communityModels.conflict');
}

export async function updateCommunityModel({
  db,
  clock,
  actor,
  meta,
  modelId,
  input,
}: WriteDeps & {
  modelId: number;
  input: z.output<typeof communityModelUpdateInput>;
}): Promise<CommunityModelDetail> {
  const model = await loadModelForWrite(db, actor, modelId);
  if (model.revision !== input.revision) throw new AppError('communityModels.conflict');
  const today = todayInVietnam(clock());
  const issues: Issue[] = [];
  await checkHeader(db, input, model.unit_path, today, issues);
  if (input.establishedOn !== null) {
    const earliest = (await findModelYears(db, modelId)).at(-1);
    if (earliest && earliest.year < Number(input.establishedOn.slice(0, 4)))
      issues.push({
        path: 'establishedOn',
        message: `Đã có số liệu năm ${earliest.year}, trước năm thành lập này.`,
      });
  }
  if (issues.length > 0) throw new AppError('request.invalid', { issues });

  await db.transaction().execute(async (trx) => {
    await claimRevision(trx, modelId, input.revision, actor, clock(), {
      kind: input.kind,
      name: input.name,
      search_name: foldForSearch(input.name),
      place_unit_id: input.placeUnitId,
      established_on: input.establishedOn,
      managing_organisation: input.managingOrganisation,
      notes: input.notes,
    });
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'communityModels.update',
      entityType: 'community_model',
      entityId: modelId,
      orgUnitId: model.org_unit_id,
      before: {
        kind: model.kind,
        name: model.name,
        placeUnitId: model.place_unit_id,
        establishedOn: model.established_on,
        managingOrganisation: model.managing_organisation,
        notes: model.notes,
      },
      after: { ...input, revision: input.revision + 1 },
      ip: meta.ip,
    });
  });
  return toDetail(db, actor, modelId);
}

/** Records (or corrects) one year of a model. */
export async function saveCommunityModelYear({
  db,
  clock,
  actor,
  meta,
  modelId,
  year,
  input,
}: WriteDeps & {
  modelId: number;
  year: number;
  input: YearFields & { revision: number };
}): Promise<CommunityModelDetail> {
  const model = await loadModelForWrite(db, actor, modelId);
  if (model.revision !== input.revision) throw new AppError('communityModels.conflict');
  const issues: Issue[] = [];
  checkYear(input, year, model.established_on, todayInVietnam(clock()), '', issues);
  if (issues.length > 0) throw new AppError('request.invalid', { issues });

  await db.transaction().execute(async (trx) => {
    const now = clock();
    await claimRevision(trx, modelId, input.revision, actor, now);
    const before = await trx
      .selectFrom('community_model_years')
      .selectAll()
      .where('model_id', '=', modelId)
      .where('year', '=', year)
      .executeTakeFirst();
    await trx
      .insertInto('community_model_years')
      .values({ model_id: modelId, year, ...yearValues(input), updated_by: actor.userId, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['model_id', 'year']).doUpdateSet({
          ...yearValues(input),
          updated_by: actor.userId,
          updated_at: now,
        }),
      )
      .execute();
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'communityModels.year_save',
      entityType: 'community_model',
      entityId: modelId,
      orgUnitId: model.org_unit_id,
      before: before ? toYear(before) : null,
      after: { year, ...input, revision: input.revision + 1 },
      ip: meta.ip,
    });
  });
  return toDetail(db, actor, modelId);
}

/** Removes a year entered by mistake. */
export async function deleteCommunityModelYear({
  db,
  clock,
  actor,
  meta,
  modelId,
  year,
  revision,
}: WriteDeps & { modelId: number; year: number; revision: number }): Promise<CommunityModelDetail> {
  const model = await loadModelForWrite(db, actor, modelId);
  if (model.revision !== revision) throw new AppError('communityModels.conflict');

  await db.transaction().execute(async (trx) => {
    await claimRevision(trx, modelId, revision, actor, clock());
    const removed = await trx
      .deleteFrom('community_model_years')
      .where('model_id', '=', modelId)
      .where('year', '=', year)
      .returningAll()
      .executeTakeFirst();
    if (!removed)
      throw new AppError('request.invalid', {
        issues: [{ path: 'year', message: `Chưa có số liệu năm ${year} để xoá.` }],
      });
    await insertAuditRecord(trx, {
      actorUserId: actor.userId,
      action: 'communityModels.year_delete',
      entityType: 'community_model',
      entityId: modelId,
      orgUnitId: model.org_unit_id,
      before: toYear(removed),
      ip: meta.ip,
    });
  });
  return toDetail(db, actor, modelId);
}
