import { foldForSearch } from '@binhdang/contracts';
import { sql } from 'kysely';
import type { Db } from '../app/database.ts';
import type { CommunityModelRow, CommunityModelYearRow } from '../app/database.types.ts';

/* Reads of the register; totals by kind are one GROUP BY with grouping sets. */

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

export type CommunityModelWithUnits = CommunityModelRow & {
  unit_code: string;
  unit_name: string;
  unit_path: string;
  place_code: string | null;
  place_name: string | null;
  updated_by_name: string | null;
};

export function findCommunityModel(db: Db, id: number): Promise<CommunityModelWithUnits | undefined> {
  return db
    .selectFrom('community_models as m')
    .innerJoin('org_units as o', 'o.id', 'm.org_unit_id')
    .leftJoin('org_units as p', 'p.id', 'm.place_unit_id')
    .leftJoin('users as u', 'u.id', 'm.updated_by')
    .selectAll('m')
    .select([
      'o.code as unit_code',
      'o.name as unit_name',
      'o.path as unit_path',
      'p.code as place_code',
      'p.name as place_name',
      'u.display_name as updated_by_name',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export function findModelYears(db: Db, modelId: number): Promise<CommunityModelYearRow[]> {
  return db
    .selectFrom('community_model_years')
    .selectAll()
    .where('model_id', '=', modelId)
    .orderBy('year', 'desc')
    .execute();
}

export interface ModelFilter {
  underPath: string;
  year: number;
  kind?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
}

function filteredModels(db: Db, filter: ModelFilter) {
  let query = db
    .selectFrom('community_models as m')
    .innerJoin('org_units as o', 'o.id', 'm.org_unit_id')
    .leftJoin('org_units as p', 'p.id', 'm.place_unit_id')
    .leftJoin('community_model_years as y', (join) =>
      join.onRef('y.model_id', '=', 'm.id').on('y.year', '=', filter.year),
    )
    .where('o.path', 'like', `${escapeLike(filter.underPath)}%`);
  if (filter.kind) query = query.where('m.kind', '=', filter.kind);
  if (filter.status === 'none') query = query.where('y.id', 'is', null);
  else if (filter.status) query = query.where('y.status', '=', filter.status);
  if (filter.q) query = query.where('m.search_name', 'like', `%${escapeLike(foldForSearch(filter.q))}%`);
  return query;
}

export function searchCommunityModels(db: Db, filter: ModelFilter, limit: number) {
  return filteredModels(db, filter)
    .selectAll('m')
    .select([
      'o.code as unit_code',
      'o.name as unit_name',
      'p.code as place_code',
      'p.name as place_name',
      'y.year',
      'y.status',
      'y.members_male',
      'y.members_female',
      'y.members_kinh',
      'y.members_minority',
      'y.notes as year_notes',
    ])
    .orderBy('m.search_name')
    .orderBy('m.id')
    .limit(limit)
    .execute();
}

export interface ModelTotalsRow {
  kind: string | null;
  is_total: number;
  models: number;
  active: number;
  inactive: number;
  dissolved: number;
  no_data: number;
  members_male: number;
  members_female: number;
  members_kinh: number;
  members_minority: number;
}

/** Per kind and over all: models, by status for the year, and members summed (unknown counts as none). */
export function sumCommunityModels(db: Db, filter: ModelFilter): Promise<ModelTotalsRow[]> {
  return filteredModels(db, filter)
    .select([
      'm.kind',
      sql<number>`grouping(m.kind)::int`.as('is_total'),
      sql<number>`count(*)::int`.as('models'),
      sql<number>`count(*) filter (where y.status = 'active')::int`.as('active'),
      sql<number>`count(*) filter (where y.status = 'inactive')::int`.as('inactive'),
      sql<number>`count(*) filter (where y.status = 'dissolved')::int`.as('dissolved'),
      sql<number>`count(*) filter (where y.id is null)::int`.as('no_data'),
      sql<number>`coalesce(sum(y.members_male), 0)::int`.as('members_male'),
      sql<number>`coalesce(sum(y.members_female), 0)::int`.as('members_female'),
      sql<number>`coalesce(sum(y.members_kinh), 0)::int`.as('members_kinh'),
      sql<number>`coalesce(sum(y.members_minority), 0)::int`.as('members_minority'),
    ])
    .groupBy(sql`grouping sets ((m.kind), ())`)
    .execute() as Promise<ModelTotalsRow[]>;
}
