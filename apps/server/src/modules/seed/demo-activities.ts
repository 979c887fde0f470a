import {
  type ActivityInput,
  activityInput,
  campaignInput,
  type Observance,
  roundInput,
} from '@binhdang/contracts';
import type { Actor } from '../access/access.policy.ts';
import { createCampaign, ensureObservances } from '../activities/activities.campaigns.ts';
import { createActivity } from '../activities/activities.service.ts';
import type { Db } from '../app/database.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { createRound } from '../reporting/reporting.service.ts';
import { expectedUnitCodes, units } from './demo-plans.content.ts';

/*
 * Demo activities (`serve --demo`): what Lai Châu's units logged in 2026 — the 8/3, June, 28/6
 * and 20/10 observances, trainings, club meetings, and the 2026 Action Month (15/11–15/12,
 * ../shared/data/observances.json) launched by the province and by Xã Mường Tè, whose launch
 * carries out the province plan's Action-Month task — and the province's open annual reporting
 * round for 2026, in which Mường Tè's report is a draft that fills its activity tables from this
 * log. Written through the services as the demo `admin`, each with the clock of its own day, so
 * the same database comes out every time. A database with any activity is left as it is.
 * Participants follow the units: Mường Tè and Bum Tở are mostly Hà Nhì, Cống, Si La and Dao
 * (minority); the wards of the provincial town mostly Kinh (lai-chau-structure.json).
 */

const meta: RequestMeta = { ip: null, userAgent: 'demo-seed' };

type P = [maleKinh: number, maleMinority: number, femaleKinh: number, femaleMinority: number];

interface DemoActivity {
  unit: string;
  kind: ActivityInput['kind'];
  title: string;
  on: string;
  to?: string;
  /** A commune or ward of the registry where it was held; default: the unit itself when it is one. */
  place?: string;
  placeText?: string;
  people: P;
  targets: NonNullable<ActivityInput['targetGroups']>;
  state?: number;
  nonState?: number;
  minorityLanguage?: boolean;
  observance?: Observance;
  /** Logged against the unit's own Action Month campaign (made below). */
  actionMonthCampaign?: boolean;
  /** Carries out the province plan's Action-Month task. */
  actionMonthTask?: boolean;
  ageGroup?: ActivityInput['ageGroup'];
}

const demoActivities: DemoActivity[] = [
  // Xã Mường Tè
  {
    unit: units.muongTe,
    kind: 'communication',
    title: 'Truyền thông kỷ niệm Ngày Quốc tế Phụ nữ 8/3 tại bản Nậm Củm',
    on: '2026-03-06',
    people: [4, 32, 7, 78],
    targets: ['community', 'women'],
    state: 3_000_000,
    minorityLanguage: true,
    observance: 'womens_day',
  },
  {
    unit: units.muongTe,
    kind: 'club_meeting',
    title: 'Sinh hoạt Câu lạc bộ phòng, chống bạo lực gia đình bản Pa Ủ',
    on: '2026-04-16',
    people: [0, 14, 1, 27],
    targets: ['community'],
    nonState: 500_000,
    minorityLanguage: true,
  },
  {
    unit: units.muongTe,
    kind: 'talk',
    title: 'Tọa đàm "Nói không với tảo hôn, hôn nhân cận huyết thống" cho đồng bào Hà Nhì',
    on: '2026-06-11',
    people: [2, 41, 3, 56],
    targets: ['community', 'religious_leaders'],
    state: 2_500_000,
    minorityLanguage: true,
    observance: 'family_violence_month',
  },
  {
    unit: units.muongTe,
    kind: 'training',
    title: 'Tập huấn kỹ năng lồng ghép giới cho cán bộ xã và trưởng bản',
    on: '2026-08-20',
    to: '2026-08-21',
    people: [7, 16, 5, 9],
    targets: ['officials'],
    state: 8_500_000,
    ageGroup: 'age_31_59',
  },
  {
    unit: units.muongTe,
    kind: 'media_product',
    title: 'Phát thanh song ngữ Việt – Hà Nhì về bình đẳng giới (8 số)',
    on: '2026-09-10',
    to: '2026-10-30',
    people: [0, 0, 0, 0],
    targets: ['community'],
    state: 1_200_000,
    minorityLanguage: true,
  },
  {
    unit: units.muongTe,
    kind: 'contest',
    title: 'Hội thi "Phụ nữ bản làng duyên dáng, tài năng" chào mừng Ngày Phụ nữ Việt Nam',
    on: '2026-10-19',
    people: [15, 60, 22, 135],
    targets: ['women', 'community'],
    state: 6_000_000,
    nonState: 4_000_000,
    observance: 'vietnamese_womens_day',
  },
  {
    unit: units.muongTe,
    kind: 'campaign_event',
    title:
      'Lễ phát động Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2026 xã Mường Tè',
    on: '2026-11-16',
    people: [18, 74, 21, 112],
    targets: ['officials', 'community', 'students'],
    state: 5_000_000,
    minorityLanguage: true,
    actionMonthCampaign: true,
    actionMonthTask: true,
  },
  {
    unit: units.muongTe,
    kind: 'communication',
    title: 'Truyền thông lưu động về phòng ngừa bạo lực trên cơ sở giới tại các bản Nậm Củm, Pa Ủ',
    on: '2026-11-19',
    to: '2026-11-20',
    people: [3, 38, 4, 61],
    targets: ['community'],
    state: 2_000_000,
    minorityLanguage: true,
    actionMonthCampaign: true,
  },
  // Xã Bum Tở
  {
    unit: units.bumTo,
    kind: 'communication',
    title: 'Mít tinh kỷ niệm Ngày Quốc tế Phụ nữ 8/3',
    on: '2026-03-08',
    people: [6, 40, 9, 95],
    targets: ['community', 'women'],
    state: 2_000_000,
    observance: 'womens_day',
  },
  {
    unit: units.bumTo,
    kind: 'club_meeting',
    title: 'Sinh hoạt Câu lạc bộ "Ông bố trách nhiệm" bản Nậm Khao',
    on: '2026-05-21',
    people: [2, 26, 0, 0],
    targets: ['men'],
    nonState: 800_000,
  },
  {
    unit: units.bumTo,
    kind: 'talk',
    title: 'Nói chuyện chuyên đề phòng, chống bạo lực gia đình tại nhà văn hóa bản',
    on: '2026-06-18',
    people: [3, 30, 4, 47],
    targets: ['community'],
    state: 1_500_000,
    minorityLanguage: true,
    observance: 'family_violence_month',
  },
  {
    unit: units.bumTo,
    kind: 'communication',
    title: 'Hưởng ứng Tháng hành động vì bình đẳng giới: truyền thông tại chợ phiên',
    on: '2026-11-18',
    people: [10, 45, 12, 70],
    targets: ['community'],
    state: 2_500_000,
    observance: 'action_month',
  },
  // Phường Tân Phong, Phường Đoàn Kết
  {
    unit: units.tanPhong,
    kind: 'communication',
    title: 'Ngày hội gia đình hạnh phúc nhân Ngày Gia đình Việt Nam 28/6',
    on: '2026-06-27',
    people: [85, 12, 110, 18],
    targets: ['community'],
    state: 4_000_000,
    nonState: 6_000_000,
    observance: 'family_day',
  },
  {
    unit: units.tanPhong,
    kind: 'talk',
    title: 'Tọa đàm "Bình đẳng giới trong gia đình" cho hội viên phụ nữ tổ dân phố',
    on: '2026-09-24',
    people: [5, 0, 64, 9],
    targets: ['union_members', 'women'],
    state: 1_800_000,
  },
  {
    unit: units.doanKet,
    kind: 'contest',
    title: 'Hội thi tìm hiểu pháp luật về bình đẳng giới cho học sinh trung học cơ sở',
    on: '2026-10-16',
    people: [48, 9, 55, 11],
    targets: ['students'],
    state: 3_500_000,
    ageGroup: 'age_0_15',
    observance: 'vietnamese_womens_day',
  },
  {
    unit: units.doanKet,
    kind: 'communication',
    title: 'Treo băng rôn, phát tờ rơi hưởng ứng Tháng hành động vì bình đẳng giới',
    on: '2026-11-17',
    people: [30, 4, 42, 6],
    targets: ['community'],
    state: 1_000_000,
    observance: 'action_month',
  },
  // Province agencies and mass organisations
  {
    unit: units.homeAffairs,
    kind: 'training',
    title: 'Hội nghị tập huấn nghiệp vụ công tác bình đẳng giới cho cán bộ cấp xã năm 2026',
    on: '2026-05-14',
    to: '2026-05-15',
    place: units.tanPhong,
    people: [31, 22, 28, 19],
    targets: ['officials'],
    state: 45_000_000,
  },
  {
    unit: units.homeAffairs,
    kind: 'campaign_event',
    title:
      'Lễ phát động Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới tỉnh Lai Châu năm 2026',
    on: '2026-11-17',
    place: units.doanKet,
    people: [120, 65, 140, 95],
    targets: ['officials', 'union_members', 'students'],
    state: 60_000_000,
    nonState: 20_000_000,
    actionMonthCampaign: true,
  },
  {
    unit: units.health,
    kind: 'talk',
    title: 'Nói chuyện chuyên đề chăm sóc sức khỏe sinh sản, phòng tránh mất cân bằng giới tính khi sinh',
    on: '2026-07-09',
    place: units.muongTe,
    people: [6, 34, 9, 58],
    targets: ['community', 'women'],
    state: 7_000_000,
    minorityLanguage: true,
  },
  {
    unit: units.culture,
    kind: 'media_product',
    title: 'Phóng sự "Phụ nữ vùng cao vượt lên định kiến giới" phát trên sóng truyền hình tỉnh',
    on: '2026-10-18',
    people: [0, 0, 0, 0],
    targets: ['community'],
    state: 12_000_000,
    observance: 'vietnamese_womens_day',
  },
  {
    unit: units.womenUnion,
    kind: 'club_meeting',
    title: 'Sinh hoạt mô hình "Địa chỉ tin cậy" tại cộng đồng: hỗ trợ phụ nữ bị bạo lực',
    on: '2026-04-09',
    place: units.bumTo,
    people: [0, 3, 4, 31],
    targets: ['women'],
    nonState: 2_000_000,
    minorityLanguage: true,
  },
  {
    unit: units.womenUnion,
    kind: 'contest',
    title: 'Hội thi "Phụ nữ Lai Châu với pháp luật về bình đẳng giới"',
    on: '2026-10-14',
    place: units.doanKet,
    people: [8, 5, 96, 74],
    targets: ['union_members'],
    state: 25_000_000,
    nonState: 10_000_000,
    observance: 'vietnamese_womens_day',
  },
  {
    unit: units.womenUnion,
    kind: 'communication',
    title: 'Truyền thông "Chung tay chấm dứt bạo lực đối với phụ nữ và trẻ em gái" hưởng ứng Tháng hành động',
    on: '2026-11-20',
    place: units.muongTe,
    people: [9, 46, 15, 88],
    targets: ['women', 'community'],
    state: 8_000_000,
    minorityLanguage: true,
    observance: 'action_month',
  },
  {
    unit: units.labourFederation,
    kind: 'talk',
    title: 'Tọa đàm "Nữ công nhân, viên chức với bình đẳng giới tại nơi làm việc" nhân Ngày Quốc tế Phụ nữ',
    on: '2026-03-05',
    place: units.tanPhong,
    people: [22, 6, 71, 18],
    targets: ['union_members', 'businesses'],
    state: 9_000_000,
    observance: 'womens_day',
  },
  {
    unit: units.youthUnion,
    kind: 'contest',
    title: 'Cuộc thi "Thanh niên Lai Châu nói không với bạo lực giới" trên mạng xã hội',
    on: '2026-06-05',
    to: '2026-06-25',
    people: [310, 145, 362, 171],
    targets: ['students'],
    state: 15_000_000,
    ageGroup: 'age_16_30',
    observance: 'family_violence_month',
  },
];

/** The demo `admin` account as a signed-in system administrator. */
async function loadSeedActor(db: Db): Promise<Actor | null> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('role_grants as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.username', 'g.id as grant_id'])
    .where('u.username', '=', 'admin')
    .where('g.role', '=', 'system_admin')
    .where('g.org_unit_id', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    userId: row.id,
    username: row.username,
    sessionId: 'demo-seed',
    grants: [{ id: row.grant_id, role: 'system_admin', orgUnitId: null, unitPath: null }],
  };
}

const dayClock = (isoDate: string) => () => new Date(`${isoDate}T10:00:00+07:00`);

export type DemoActivitiesResult =
  | { seeded: false }
  | { seeded: true; activities: number; roundId: number | null };

/** Seeds the demo activities, campaigns and the annual round into a database that has no activity yet. */
export async function seedDemoActivities(db: Db): Promise<DemoActivitiesResult> {
  const existing = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return { seeded: false };
  const actor = await loadSeedActor(db);
  if (!actor) return { seeded: false };

  const province = await db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('code', '=', expectedUnitCodes[units.province]!)
    .executeTakeFirst();
  if (!province) return { seeded: false };
  const names = new Set(demoActivities.flatMap((entry) => [entry.unit, entry.place ?? entry.unit]));
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'kind'])
    .where('path', 'like', `${province.path}%`)
    .where('valid_to', 'is', null)
    .where('name', 'in', [...names])
    .execute();
  const unitOf = (name: string) => {
    const found = rows.filter((row) => row.name === name);
    if (found.length !== 1) throw new Error(`Demo activities: unit ${name} is missing or doubled.`);
    return found[0]!;
  };
  for (const name of names) unitOf(name);

  await ensureObservances(db, 2026);
  const actionMonth = await db
    .selectFrom('campaigns')
    .select('id')
    .where('observance', '=', 'action_month')
    .where('year', '=', 2026)
    .executeTakeFirstOrThrow();
  const observanceIds = new Map(
    (
      await db
        .selectFrom('campaigns')
        .select(['id', 'observance'])
        .where('year', '=', 2026)
        .where('observance', 'is not', null)
        .execute()
    ).map((row) => [row.observance as Observance, row.id]),
  );

  // The plans the demo wrote (demo-plans.ts): the province's, and Mường Tè's own.
  const provincePlan = await db
    .selectFrom('plans')
    .select('id')
    .where('org_unit_id', '=', province.id)
    .where('status', '=', 'issued')
    .where('year', '=', 2026)
    .orderBy('id')
    .executeTakeFirst();
  const muongTe = unitOf(units.muongTe);
  const muongTePlan = await db
    .selectFrom('plans')
    .select('id')
    .where('org_unit_id', '=', muongTe.id)
    .where('status', '=', 'issued')
    .orderBy('id')
    .executeTakeFirst();
  const actionMonthTask = provincePlan
    ? await db
        .selectFrom('plan_items as i')
        .innerJoin('task_assignments as a', 'a.item_id', 'i.id')
        .select('i.id')
        .where('i.plan_id', '=', provincePlan.id)
        .where('i.is_task', '=', true)
        .where('a.org_unit_id', '=', muongTe.id)
        .where('i.title', 'like', '%Tháng hành động vì bình đẳng giới%')
        .orderBy('i.position')
        .executeTakeFirst()
    : undefined;

  // The Action Month campaigns of the province (run by Sở Nội vụ's launch) and of Mường Tè.
  const campaignOf = new Map<string, number>();
  const provinceCampaign = await createCampaign({
    db,
    clock: dayClock('2026-11-10'),
    actor,
    meta,
    input: campaignInput.parse({
      orgUnitId: province.id,
      name: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới tỉnh Lai Châu năm 2026',
      startsOn: '2026-11-15',
      endsOn: '2026-12-15',
      launchOn: '2026-11-17',
      parentId: actionMonth.id,
      planId: provincePlan?.id ?? null,
      note: 'Chủ đề năm 2026 theo hướng dẫn của Bộ Nội vụ; Sở Nội vụ là cơ quan thường trực.',
    }),
  });
  campaignOf.set(units.homeAffairs, provinceCampaign.id);
  const communeCampaign = await createCampaign({
    db,
    clock: dayClock('2026-11-12'),
    actor,
    meta,
    input: campaignInput.parse({
      orgUnitId: muongTe.id,
      name: 'Tháng hành động vì bình đẳng giới xã Mường Tè năm 2026',
      startsOn: '2026-11-15',
      endsOn: '2026-12-15',
      launchOn: '2026-11-16',
      parentId: actionMonth.id,
      planId: muongTePlan?.id ?? provincePlan?.id ?? null,
    }),
  });
  campaignOf.set(units.muongTe, communeCampaign.id);

  for (const entry of demoActivities) {
    const unit = unitOf(entry.unit);
    const place = entry.place
      ? unitOf(entry.place)
      : ['commune', 'ward', 'special_zone'].includes(unit.kind)
        ? unit
        : null;
    const [maleKinh, maleMinority, femaleKinh, femaleMinority] = entry.people;
    await createActivity({
      db,
      clock: dayClock(entry.to ?? entry.on),
      actor,
      meta,
      input: activityInput.parse({
        orgUnitId: unit.id,
        kind: entry.kind,
        title: entry.title,
        startsOn: entry.on,
        endsOn: entry.to ?? null,
        placeUnitId: place?.id ?? null,
        placeText: entry.placeText ?? null,
        taskIds: entry.actionMonthTask && actionMonthTask ? [actionMonthTask.id] : [],
        campaignId: entry.actionMonthCampaign
          ? (campaignOf.get(entry.unit) ?? actionMonth.id)
          : entry.observance
            ? (observanceIds.get(entry.observance) ?? null)
            : null,
        participants: {
          'male.kinh': maleKinh,
          'male.minority': maleMinority,
          'female.kinh': femaleKinh,
          'female.minority': femaleMinority,
        },
        ageGroup: entry.ageGroup ?? null,
        targetGroups: entry.targets,
        costState: entry.state ?? 0,
        costNonState: entry.nonState ?? 0,
        minorityLanguage: entry.minorityLanguage ?? false,
      }),
    });
  }

  return {
    seeded: true,
    activities: demoActivities.length,
    roundId: await seedAnnualRound(db, actor, province),
  };
}

/**
 * The province's annual round for 2026 (Sở Nội vụ consolidates for UBND tỉnh; due 10/12/2026):
 * the demo's communes and wards and the agencies and unions that ran activities, each with a
 * draft report. Made once; an existing annual round of the province for 2026 is kept.
 */
async function seedAnnualRound(
  db: Db,
  actor: Actor,
  province: { id: number; path: string },
): Promise<number | null> {
  const provinceId = province.id;
  const template = await db
    .selectFrom('report_templates')
    .select('id')
    .where('code', '=', 'BDG_NAM')
    .where('is_current', '=', true)
    .executeTakeFirst();
  if (!template) return null;
  const existing = await db
    .selectFrom('report_rounds')
    .select('id')
    .where('template_id', '=', template.id)
    .where('consolidating_unit_id', '=', provinceId)
    .where('period', '=', '2026')
    .executeTakeFirst();
  if (existing) return existing.id;
  const reporting = await db
    .selectFrom('org_units')
    .select('id')
    .where('name', 'in', [
      units.muongTe,
      units.bumTo,
      units.tanPhong,
      units.doanKet,
      units.health,
      units.culture,
      units.womenUnion,
      units.labourFederation,
      units.youthUnion,
    ])
    .where('valid_to', 'is', null)
    .where('path', 'like', `${province.path}%`)
    .orderBy('id')
    .execute();
  const round = await createRound({
    db,
    clock: dayClock('2026-11-02'),
    actor,
    meta,
    input: roundInput.parse({
      templateId: template.id,
      consolidatingUnitId: provinceId,
      period: '2026',
      title: 'Báo cáo kết quả công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2026',
      dueOn: '2026-12-10',
      unitIds: reporting.map((row) => row.id),
    }),
  });
  return round.id;
}
