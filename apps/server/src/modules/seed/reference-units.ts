import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { foldForSearch, type OrgUnitKind } from '@binhdang/contracts';
import { sql } from 'kysely';
import type { Db } from '../app/database.ts';

/** First day of the structure set by the July 2025 reform (Nghị quyết 202/2025/QH15). */
export const REFORM_DAY = '2025-07-01';
const LAST_DAY_BEFORE_REFORM = '2025-06-30';

// Centrally-run cities before the reform; the others were provinces ("Tỉnh").
const CITIES_BEFORE_REFORM = new Set(['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ', 'Huế']);

interface ProvinceAfterReform {
  code: string;
  name: string;
  full_name: string;
  merged_from: string[];
  unchanged: boolean;
}
interface ProvinceUnits {
  Code: string;
  FullName: string;
  Wards: { Code: string; FullName: string }[];
}
interface LaiChauStructure {
  province: { code: string };
  agencies: string[];
  massOrganisations: string[];
  advancementCommittee: { name: string };
  labourFederationChain: { top: string; children: string[] };
  formerDistricts: { validTo: string; units: string[] };
}

interface SeedUnit {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}
interface SeedLineage {
  kind: 'merged_into' | 'closed';
  effectiveOn: string;
  fromCode: string;
  toCode: string | null;
  note: string;
}

function slug(name: string): string {
  return foldForSearch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function communeKind(fullName: string): OrgUnitKind {
  if (fullName.startsWith('Phường')) return 'ward';
  if (fullName.startsWith('Đặc khu')) return 'special_zone';
  return 'commune';
}

async function readJson<T>(dir: string, file: string): Promise<T> {
  try {
    return JSON.parse(await readFile(path.join(dir, file), 'utf8')) as T;
  } catch (error) {
    throw new Error(
      `Cannot read seed data ${path.join(dir, file)} (set BINHDANG_SHARED_DATA_DIR): ${String(error)}`,
    );
  }
}

/**
 * The registry as of today from the shared facts:
 * - `provinces-2025.json`: the 34 provinces and the 63 they were merged from (Nghị quyết
 *   202/2025/QH15); each merged province becomes a historical unit closed on 30/06/2025
 *   with a "merged into" event.
 * - `vn-units-2026.json`: the 3,321 communes, wards and special zones (NSO codes, data of 2026-07-25).
 * - `lai-chau-structure.json` (demo only, names to verify): Lai Châu's agencies, mass
 *   organisations, committee for the advancement of women, the Labour Federation chain and
 *   the former districts, closed on 30/06/2025 when district-level government ended.
 */
export async function buildReferenceUnits(
  sharedDataDir: string,
): Promise<{ units: SeedUnit[]; lineage: SeedLineage[] }> {
  const provinces = await readJson<ProvinceAfterReform[]>(sharedDataDir, 'provinces-2025.json');
  const units2026 = await readJson<ProvinceUnits[]>(sharedDataDir, 'vn-units-2026.json');
  const laiChau = await readJson<LaiChauStructure>(sharedDataDir, 'lai-chau-structure.json');
  const units: SeedUnit[] = [];
  const lineage: SeedLineage[] = [];

  for (const province of provinces) {
    units.push({
      code: province.code,
      name: province.full_name,
      kind: 'province',
      parentCode: null,
      validFrom: province.unchanged ? null : REFORM_DAY,
      validTo: null,
    });
    if (province.unchanged) continue;
    for (const formerName of province.merged_from) {
      const code = `pre2025.${slug(formerName)}`;
      const prefix = CITIES_BEFORE_REFORM.has(formerName) ? 'Thành phố' : 'Tỉnh';
      units.push({
        code,
        name: `${prefix} ${formerName}`,
        kind: 'province',
        parentCode: null,
        validFrom: null,
        validTo: LAST_DAY_BEFORE_REFORM,
      });
      lineage.push({
        kind: 'merged_into',
        effectiveOn: REFORM_DAY,
        fromCode: code,
        toCode: province.code,
        note: 'Sắp xếp đơn vị hành chính cấp tỉnh theo Nghị quyết 202/2025/QH15',
      });
    }
  }

  for (const province of units2026) {
    for (const ward of province.Wards) {
      units.push({
        code: ward.Code,
        name: ward.FullName,
        kind: communeKind(ward.FullName),
        parentCode: province.Code,
        validFrom: REFORM_DAY,
        validTo: null,
      });
    }
  }

  const lc = laiChau.province.code;
  const agencyCode = (name: string) => `${lc}.${slug(name)}`;
  for (const name of laiChau.agencies)
    units.push({
      code: agencyCode(name),
      name,
      kind: 'agency',
      parentCode: lc,
      validFrom: null,
      validTo: null,
    });
  for (const name of laiChau.massOrganisations) {
    units.push({
      code: agencyCode(name),
      name,
      kind: 'mass_organisation',
      parentCode: lc,
      validFrom: null,
      validTo: null,
    });
  }
  units.push({
    code: agencyCode(laiChau.advancementCommittee.name),
    name: laiChau.advancementCommittee.name,
    kind: 'advancement_committee',
    parentCode: lc,
    validFrom: null,
    validTo: null,
  });
  const federation = agencyCode(laiChau.labourFederationChain.top);
  for (const name of laiChau.labourFederationChain.children) {
    units.push({
      code: `${federation}.${slug(name)}`,
      name,
      kind: 'mass_organisation',
      parentCode: federation,
      validFrom: null,
      validTo: null,
    });
  }

  const districtEnd = laiChau.formerDistricts.validTo;
  for (const district of laiChau.formerDistricts.units) {
    const code = `${lc}.${slug(district)}`;
    units.push({
      code,
      name: district,
      kind: 'district',
      parentCode: lc,
      validFrom: null,
      validTo: districtEnd,
    });
    lineage.push({
      kind: 'closed',
      effectiveOn: REFORM_DAY,
      fromCode: code,
      toCode: null,
      note: 'Kết thúc hoạt động của chính quyền địa phương cấp huyện từ 01/07/2025',
    });
    // Each district had its own Labour Federation until district level ended (lai-chau-structure.json, historicalChildren).
    const federationName = `Liên đoàn Lao động ${district.replace(/^Huyện/, 'huyện').replace(/^Thành phố/, 'thành phố')}`;
    const federationCode = `${federation}.${slug(federationName)}`;
    units.push({
      code: federationCode,
      name: federationName,
      kind: 'mass_organisation',
      parentCode: federation,
      validFrom: null,
      validTo: districtEnd,
    });
    lineage.push({
      kind: 'closed',
      effectiveOn: REFORM_DAY,
      fromCode: federationCode,
      toCode: null,
      note: 'Kết thúc Liên đoàn Lao động cấp huyện từ 01/07/2025',
    });
  }
  return { units, lineage };
}

/** Seeds an empty registry; does nothing (and says so) when units already exist. */
export async function seedReferenceUnits(
  db: Db,
  sharedDataDir: string,
): Promise<{ inserted: number; skipped: boolean }> {
  const existing = await db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return { inserted: 0, skipped: true };
  const { units, lineage } = await buildReferenceUnits(sharedDataDir);

  await db.transaction().execute(async (trx) => {
    const idByCode = new Map<string, number>();
    // Level by level, so that every parent has its id before its children are inserted.
    const levelOf = (unit: SeedUnit): number =>
      unit.parentCode === null ? 0 : unit.parentCode.includes('.') ? 2 : 1;
    for (const level of [0, 1, 2]) {
      const levelUnits = units.filter((unit) => levelOf(unit) === level);
      for (let start = 0; start < levelUnits.length; start += 500) {
        const rows = await trx
          .insertInto('org_units')
          .values(
            levelUnits.slice(start, start + 500).map((unit) => ({
              code: unit.code,
              name: unit.name,
              search_name: foldForSearch(unit.name),
              kind: unit.kind,
              parent_id: unit.parentCode === null ? null : idByCode.get(unit.parentCode)!,
              valid_from: unit.validFrom,
              valid_to: unit.validTo,
            })),
          )
          .returning(['id', 'code'])
          .execute();
        for (const row of rows) idByCode.set(row.code, row.id);
      }
    }
    await sql`insert into org_unit_names (org_unit_id, name, valid_from, valid_to)
      select id, name, valid_from, valid_to from org_units`.execute(trx);
    for (const event of lineage) {
      await trx
        .insertInto('lineage_events')
        .values({
          kind: event.kind,
          effective_on: event.effectiveOn,
          from_unit_id: idByCode.get(event.fromCode)!,
          to_unit_id: event.toCode === null ? null : idByCode.get(event.toCode)!,
          note: event.note,
          created_by: null,
        })
        .execute();
    }
  });
  return { inserted: units.length, skipped: false };
}
