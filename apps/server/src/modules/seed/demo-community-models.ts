import { type CommunityModelKind, type CommunityModelStatus, foldForSearch } from '@binhdang/contracts';
import type { Db } from '../app/database.ts';

/*
 * Demo register of models and clubs for Lai Châu (demo mode only): in Mường Tè (the demo
 * reporter's commune) and five more communes, the kinds the provincial plans name, each with
 * 2024–2026 rows. Seeded once: nothing is added when the province already has a model.
 */

interface ModelSeed {
  kind: CommunityModelKind;
  name: (commune: string) => string;
  managing: string;
  establishedYear: number;
  /** Members (male, female) in 2024; later years grow a little. Null: no membership (a trusted address). */
  members: [number, number] | null;
  /** Share of ethnic-minority members, in percent. */
  minorityPercent: number;
  statuses: [CommunityModelStatus, CommunityModelStatus, CommunityModelStatus];
}

const seeds: ModelSeed[] = [
  {
    kind: 'domestic_violence_club',
    name: (commune) => `Câu lạc bộ phòng, chống bạo lực gia đình ${commune}`,
    managing: 'Hội Liên hiệp Phụ nữ xã',
    establishedYear: 2018,
    members: [9, 21],
    minorityPercent: 85,
    statuses: ['active', 'active', 'active'],
  },
  {
    kind: 'trusted_address',
    name: (commune) => `Địa chỉ tin cậy tại cộng đồng ${commune}`,
    managing: 'Ủy ban nhân dân xã',
    establishedYear: 2020,
    members: null,
    minorityPercent: 0,
    statuses: ['active', 'active', 'active'],
  },
  {
    kind: 'livelihood_model',
    name: (commune) => `Mô hình sinh kế trồng dược liệu cho phụ nữ ${commune}`,
    managing: 'Hội Liên hiệp Phụ nữ xã',
    establishedYear: 2022,
    members: [2, 16],
    minorityPercent: 95,
    statuses: ['active', 'active', 'inactive'],
  },
  {
    kind: 'sustainable_family_club',
    name: (commune) => `Câu lạc bộ gia đình phát triển bền vững ${commune}`,
    managing: 'Hội Liên hiệp Phụ nữ xã',
    establishedYear: 2019,
    members: [12, 18],
    minorityPercent: 80,
    statuses: ['active', 'inactive', 'dissolved'],
  },
  {
    kind: 'change_leaders_club',
    name: (commune) => `Câu lạc bộ “Thủ lĩnh của sự thay đổi” trường THCS ${commune}`,
    managing: 'Đoàn Thanh niên xã',
    establishedYear: 2023,
    members: [14, 17],
    minorityPercent: 90,
    statuses: ['active', 'active', 'active'],
  },
];

export async function seedDemoCommunityModels(db: Db): Promise<{ seeded: boolean; models: number }> {
  const province = await db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('code', '=', '12')
    .executeTakeFirst();
  if (!province) return { seeded: false, models: 0 };
  const existing = await db
    .selectFrom('community_models as m')
    .innerJoin('org_units as o', 'o.id', 'm.org_unit_id')
    .select('m.id')
    .where('o.path', 'like', `${province.path}%`)
    .limit(1)
    .executeTakeFirst();
  if (existing) return { seeded: false, models: 0 };

  const communes = await db
    .selectFrom('org_units')
    .select(['id', 'code', 'name'])
    .where('parent_id', '=', province.id)
    .where('kind', '=', 'commune')
    .where('valid_to', 'is', null)
    .orderBy((eb) => eb.case().when('code', '=', '03445').then(0).else(1).end())
    .orderBy('code')
    .limit(6)
    .execute();

  let models = 0;
  await db.transaction().execute(async (trx) => {
    for (const [communeIndex, commune] of communes.entries()) {
      // Every commune has the first two kinds; the others rotate, so the totals differ by kind.
      const chosen = seeds.filter((_, index) => index < 2 || (index + communeIndex) % 2 === 0);
      for (const seed of chosen) {
        const name = seed.name(commune.name.replace(/^Xã /, 'xã '));
        const row = await trx
          .insertInto('community_models')
          .values({
            org_unit_id: commune.id,
            kind: seed.kind,
            name,
            search_name: foldForSearch(name),
            place_unit_id: commune.id,
            established_on: `${seed.establishedYear}-0${(communeIndex % 9) + 1}-15`,
            managing_organisation: seed.managing,
            notes: null,
            created_by: null,
            updated_by: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        models += 1;
        for (const [offset, year] of [2024, 2025, 2026].entries()) {
          if (year < seed.establishedYear) continue;
          const growth = offset * 2 + communeIndex;
          const male = seed.members ? seed.members[0] + growth : null;
          const female = seed.members ? seed.members[1] + growth : null;
          const total = (male ?? 0) + (female ?? 0);
          const minority = seed.members ? Math.round((total * seed.minorityPercent) / 100) : null;
          await trx
            .insertInto('community_model_years')
            .values({
              model_id: row.id,
              year,
              status: seed.statuses[offset]!,
              members_male: male,
              members_female: female,
              members_kinh: minority === null ? null : total - minority,
              members_minority: minority,
              notes: seed.statuses[offset] === 'dissolved' ? 'Giải thể sau khi sáp nhập thôn, bản.' : null,
              updated_by: null,
            })
            .execute();
        }
      }
    }
  });
  return { seeded: true, models };
}
