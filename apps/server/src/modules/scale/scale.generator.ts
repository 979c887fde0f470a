import { foldForSearch, periodLabel } from '@binhdang/contracts';
import { sql } from 'kysely';
import type { Db } from '../app/database.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import { hashPassword } from '../auth/passwords.ts';
import { loadCatalogue } from '../indicators/indicators.queries.ts';
import { defaultCutOff, endOfDueDay } from '../reporting/reporting.periods.ts';
import { refreshRoundTotals } from '../reporting/reporting.totals.ts';
import type { DemoItem } from '../seed/demo-plans.content.ts';
import { provincePlan } from '../seed/demo-plans.content.ts';
import { seedIndicatorCatalogue } from '../seed/indicators.ts';
import { seedReferenceUnits } from '../seed/reference-units.ts';
import { reportTemplates, seedReportTemplates } from '../seed/report-templates.ts';
import {
  cellFactor,
  elementBase,
  elementShareOf,
  familyNames,
  generatedElements,
  menNames,
  NATIONAL_UNIT,
  provinceAgencies,
  REPORT_VALUES,
  SCALE_TEMPLATE_CODE,
  type ScaleName,
  type ScaleSpec,
  scales,
  seededRandom,
  unscaledElements,
  womenNames,
} from './scale.specs.ts';

/*
 * `demo generate --scale national|province|tiny`: a synthetic country for the benchmarks, on
 * either engine. Units come from the reference registry (../shared/data/vn-units-2026.json,
 * provinces-2025.json via seed/reference-units.ts); each province gets its agencies and mass
 * organisations, every reporting unit a reporter, the catalogue grows to ~80 data elements,
 * and every half-year has a national round (Bộ Nội vụ, the provinces report) whose provinces
 * consolidate their own child round (communes, wards and agencies). Past rounds are accepted
 * with every reporting unit's figures; the current half-year's round is open, all drafts.
 *
 * Everything big is written set-based (`insert … select … from unnest(…) cross join …`), one
 * statement per period or per table, so the country fits in minutes. Values are a function of
 * the seed, the unit, the cell and the period (`hashtext`, the same on both engines), so the
 * same seed makes the same figures. Figures are written without `data_value_history` rows
 * (a history row per generated value would double the table without changing what is measured).
 */

export interface GenerateOptions {
  scale: ScaleName;
  seed: number;
  /** The province of `--scale province` (default: the one with most communes). */
  provinceCode?: string | undefined;
  /** Password of every generated account. */
  password: string;
  sharedDataDir: string;
  /** Today: decides the current (open) half-year. */
  today: Date;
  log: (message: string) => void;
}

export interface GenerateResult {
  provinces: number;
  reportingUnits: number;
  users: number;
  dataElements: number;
  periods: string[];
  rounds: number;
  submissions: number;
  values: number;
  plans: number;
  tasks: number;
  activities: number | null;
  /** The latest accepted national round and the open one. */
  nationalRoundId: number;
  currentNationalRoundId: number;
}

interface Unit {
  id: number;
  code: string;
  name: string;
  kind: string;
}

interface ProvinceScope extends Unit {
  communes: Unit[];
  agencies: Unit[];
}

/** The current half-year and the `count` before it, oldest first (`2026S2` → `2021S2`…`2026S1`). */
export function halfYearPeriods(today: Date, count: number): { past: string[]; current: string } {
  let year = today.getUTCFullYear();
  let half = today.getUTCMonth() < 6 ? 1 : 2;
  const current = `${year}S${half}`;
  const past: string[] = [];
  for (let index = 0; index < count; index++) {
    if (half === 1) {
      year -= 1;
      half = 2;
    } else half = 1;
    past.unshift(`${year}S${half}`);
  }
  return { past, current };
}

/** Due days: a province's units report by the 20th of the half-year's last month, the provinces by its last day. */
function dueDays(period: string): { child: string; national: string } {
  const year = period.slice(0, 4);
  return period.endsWith('S1')
    ? { child: `${year}-06-20`, national: `${year}-06-30` }
    : { child: `${year}-12-20`, national: `${year}-12-31` };
}

function slug(name: string): string {
  return foldForSearch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "Tỉnh Nghệ An" → "tỉnh Nghệ An"; "Thành phố Hà Nội" → "thành phố Hà Nội". */
function provinceWords(fullName: string): { level: string; name: string } {
  const city = fullName.startsWith('Thành phố ');
  const name = fullName.replace(/^(Tỉnh|Thành phố) /, '');
  return { level: `${city ? 'thành phố' : 'tỉnh'} ${name}`, name };
}

function username(prefix: string, code: string): string {
  const full = `${prefix}.${code.toLowerCase()}`;
  return full.length <= 50
    ? full
    : `${full.slice(0, 41)}.${Math.abs(hashCode(full)).toString(36).slice(0, 8)}`;
}

function hashCode(text: string): number {
  let hash = 0;
  for (const char of text) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

async function count(db: Db, table: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return result.rows[0]!.n;
}

async function tableExists(db: Db, table: string): Promise<boolean> {
  const result = await sql<{ found: string | null }>`select to_regclass(${table})::text as found`.execute(db);
  return result.rows[0]!.found !== null;
}

export async function generateCountry(db: Db, options: GenerateOptions): Promise<GenerateResult> {
  const spec: ScaleSpec = scales[options.scale];
  const { log } = options;
  const started = performance.now();
  const step = (message: string) =>
    log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
  const random = seededRandom(options.seed);
  const seedText = String(options.seed);

  if (await db.selectFrom('org_units').select('id').where('code', '=', NATIONAL_UNIT.code).executeTakeFirst())
    throw new Error(
      'Cơ sở dữ liệu này đã có dữ liệu sinh tự động (đơn vị Bộ Nội vụ). Hãy dùng một cơ sở dữ liệu mới.',
    );

  /* Reference data: units, catalogue, templates (each seed adds only what is missing). */
  const seeded = await seedReferenceUnits(db, options.sharedDataDir);
  await seedIndicatorCatalogue(db, options.sharedDataDir);
  await seedReportTemplates(db);
  step(
    `registry: ${seeded.skipped ? 'already loaded' : `${seeded.inserted} units loaded`}, catalogue and templates seeded`,
  );

  /* The country in scope. */
  const allProvinces = await db
    .selectFrom('org_units as p')
    .select(['p.id', 'p.code', 'p.name', 'p.kind'])
    .select((eb) =>
      eb
        .selectFrom('org_units as c')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('c.parent_id', '=', 'p.id')
        .where('c.kind', 'in', ['commune', 'ward', 'special_zone'])
        .as('communes'),
    )
    .where('p.kind', '=', 'province')
    .where('p.valid_to', 'is', null)
    .orderBy('p.code')
    .execute();
  let chosen: typeof allProvinces;
  if (spec.provinces === 'all') chosen = allProvinces;
  else if (options.provinceCode) {
    const found = allProvinces.find((province) => province.code === options.provinceCode);
    if (!found) throw new Error(`Không có tỉnh, thành phố mã ${options.provinceCode}.`);
    chosen = [found];
  } else if (options.scale === 'province')
    chosen = [...allProvinces].sort((a, b) => Number(b.communes) - Number(a.communes)).slice(0, 1);
  else chosen = allProvinces.slice(0, spec.provinces);

  const provinces: ProvinceScope[] = [];
  for (const province of chosen) {
    const children = await db
      .selectFrom('org_units')
      .select(['id', 'code', 'name', 'kind'])
      .where('path', 'like', `/${province.id}/%`)
      .where('valid_to', 'is', null)
      .where('kind', 'in', [
        'commune',
        'ward',
        'special_zone',
        'agency',
        'mass_organisation',
        'advancement_committee',
      ])
      .orderBy('code')
      .execute();
    const communes = children.filter((unit) => ['commune', 'ward', 'special_zone'].includes(unit.kind));
    provinces.push({
      id: province.id,
      code: province.code,
      name: province.name,
      kind: province.kind,
      communes: spec.communesPerProvince === 'all' ? communes : communes.slice(0, spec.communesPerProvince),
      agencies: children
        .filter((unit) => !['commune', 'ward', 'special_zone'].includes(unit.kind))
        .slice(0, spec.agenciesPerProvince),
    });
  }

  /* The national unit and each province's missing agencies and mass organisations. */
  await db.transaction().execute(async (trx) => {
    const national = await trx
      .insertInto('org_units')
      .values({
        code: NATIONAL_UNIT.code,
        name: NATIONAL_UNIT.name,
        search_name: foldForSearch(NATIONAL_UNIT.name),
        kind: 'agency',
        parent_id: null,
        valid_from: null,
        valid_to: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows: { code: string; name: string; kind: string; parent: number }[] = [];
    for (const province of provinces) {
      const words = provinceWords(province.name);
      const existingCodes = new Set(province.agencies.map((unit) => unit.code));
      for (const template of provinceAgencies) {
        if (
          province.agencies.length + rows.filter((row) => row.parent === province.id).length >=
          spec.agenciesPerProvince
        )
          break;
        const base = template.name.replace(' {p}', '').replace(' {n}', '');
        const code = `${province.code}.${slug(base)}`;
        if (existingCodes.has(code)) continue;
        rows.push({
          code,
          name: template.name.replace('{p}', words.level).replace('{n}', words.name),
          kind: template.kind,
          parent: province.id,
        });
      }
    }
    if (rows.length > 0) {
      await sql`
        insert into org_units (code, name, search_name, kind, parent_id)
        select * from unnest(${rows.map((row) => row.code)}::text[], ${rows.map((row) => row.name)}::text[],
          ${rows.map((row) => foldForSearch(row.name))}::text[], ${rows.map((row) => row.kind)}::text[],
          ${rows.map((row) => row.parent)}::int[])`.execute(trx);
    }
    await sql`insert into org_unit_names (org_unit_id, name, valid_from, valid_to)
      select id, name, valid_from, valid_to from org_units o
      where (o.id = ${national.id} or o.code = any(${rows.map((row) => row.code)}::text[]))`.execute(trx);
    const added = await trx
      .selectFrom('org_units')
      .select(['id', 'code', 'name', 'kind', 'parent_id'])
      .where('code', 'in', rows.length > 0 ? rows.map((row) => row.code) : ['-'])
      .orderBy('code')
      .execute();
    for (const province of provinces)
      province.agencies.push(...added.filter((unit) => unit.parent_id === province.id));
  });
  const nationalUnit = await db
    .selectFrom('org_units')
    .select(['id', 'code', 'name', 'kind'])
    .where('code', '=', NATIONAL_UNIT.code)
    .executeTakeFirstOrThrow();
  const reportingUnits = provinces.flatMap((province) =>
    [...province.communes, ...province.agencies].map((unit) => ({ ...unit, provinceId: province.id })),
  );
  step(
    `${provinces.length} provinces, ${reportingUnits.length} reporting units (${provinces.reduce((n, p) => n + p.communes.length, 0)} communes and wards, ${provinces.reduce((n, p) => n + p.agencies.length, 0)} agencies and mass organisations)`,
  );

  /* Accounts: a reporter per reporting unit, a planner and a viewer per province and for the country. */
  const passwordHash = await hashPassword(options.password);
  const personName = () => {
    const family = familyNames[Math.floor(random() * familyNames.length)]!;
    const given =
      random() < 0.6
        ? womenNames[Math.floor(random() * womenNames.length)]!
        : menNames[Math.floor(random() * menNames.length)]!;
    return `${family} ${given}`;
  };
  const accounts: { username: string; displayName: string; role: string; unitId: number }[] = [];
  for (const unit of reportingUnits)
    accounts.push({
      username: username('bc', unit.code),
      displayName: personName(),
      role: 'reporter',
      unitId: unit.id,
    });
  for (const unit of [nationalUnit, ...provinces]) {
    const key = unit.id === nationalUnit.id ? 'tw' : unit.code;
    accounts.push({
      username: username('tonghop', key),
      displayName: personName(),
      role: 'planner',
      unitId: unit.id,
    });
    accounts.push({
      username: username('xem', key),
      displayName: personName(),
      role: 'viewer',
      unitId: unit.id,
    });
  }
  await db.transaction().execute(async (trx) => {
    await sql`
      insert into users (username, display_name, password_hash)
      select u, d, ${passwordHash} from unnest(${accounts.map((a) => a.username)}::text[], ${accounts.map((a) => a.displayName)}::text[]) as t(u, d)`.execute(
      trx,
    );
    await sql`
      insert into role_grants (user_id, role, org_unit_id)
      select u.id, t.role, t.unit_id
      from unnest(${accounts.map((a) => a.username)}::text[], ${accounts.map((a) => a.role)}::text[], ${accounts.map((a) => a.unitId)}::int[]) as t(username, role, unit_id)
      join users u on u.username = t.username`.execute(trx);
  });
  const userIds = new Map(
    (
      await db
        .selectFrom('users')
        .select(['id', 'username'])
        .where(
          'username',
          'in',
          accounts.map((a) => a.username),
        )
        .execute()
    ).map((row) => [row.username, row.id]),
  );
  const reporterOf = (unit: { code: string }) => userIds.get(username('bc', unit.code))!;
  const plannerOf = (unit: { id: number; code: string }) =>
    userIds.get(username('tonghop', unit.id === nationalUnit.id ? 'tw' : unit.code))!;
  step(`${accounts.length} accounts (password "${options.password}")`);

  /* Catalogue: generated data elements up to the scale's count, and the round template. */
  const existingElements = await count(db, 'data_elements');
  const toAdd = generatedElements.slice(0, Math.max(0, spec.dataElements - existingElements));
  if (toAdd.length > 0) {
    await sql`
      insert into data_elements (code, name, value_type, aggregation, category_combo_id)
      select t.code, t.name, 'integer', 'sum', c.id
      from unnest(${toAdd.map((e) => e.code)}::text[], ${toAdd.map((e) => e.name)}::text[]) as t(code, name)
      cross join category_combos c
      where c.code = 'sex_ethnicity'
      on conflict (code) do nothing`.execute(db);
  }
  const catalogue = await loadCatalogue(db);
  const entered = (code: string) => {
    const element = catalogue.elements.get(code)!;
    const combo = catalogue.combos.find((candidate) => candidate.code === element.categoryCombo)!;
    return combo.optionCombos.filter((cell) => !cell.computed).map((cell) => cell.key);
  };
  const sixMonth = reportTemplates.find((template) => template.code === 'BDG_6_THANG')!;
  // The figure tables only: the activity tables (migration 0007) are frozen on submit, not entered.
  const figureTables = sixMonth.tables.flatMap((table) =>
    'dataElements' in table
      ? [{ code: table.code, title: table.title, dataElements: table.dataElements }]
      : [],
  );
  const seededCells = figureTables
    .flatMap((table) => table.dataElements)
    .reduce((n, code) => n + entered(code).length, 0);
  const extraCodes: string[] = [];
  let cellsSoFar = seededCells;
  for (const element of generatedElements) {
    if (cellsSoFar >= REPORT_VALUES || !catalogue.elements.has(element.code)) break;
    extraCodes.push(element.code);
    cellsSoFar += entered(element.code).length;
  }
  const template = await db
    .insertInto('report_templates')
    .values({
      code: SCALE_TEMPLATE_CODE,
      version: 1,
      kind: 'six_month',
      name: `${sixMonth.name} (mẫu tổng hợp toàn quốc)`,
      period_type: 'half_year',
      outline: JSON.stringify(sixMonth.outline),
      tables: JSON.stringify([
        ...figureTables,
        {
          code: 'PL04',
          title: 'Phụ lục 04. Kết quả tuyên truyền, tập huấn, tư vấn, hỗ trợ theo giới tính và dân tộc',
          dataElements: extraCodes,
        },
      ]),
      is_current: true,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  step(
    `catalogue: ${catalogue.elements.size} data elements; template ${SCALE_TEMPLATE_CODE} with ${cellsSoFar} values a report`,
  );

  /* Cells: every entered cell of every element, with its size and the cell it is a share of. */
  const slots: {
    elementId: number;
    key: string;
    base: number;
    scaled: boolean;
    decimals: number;
    source: number;
    share: number;
  }[] = [];
  const slotIndex = new Map<string, number>();
  for (const element of catalogue.elements.values()) {
    for (const key of entered(element.code)) {
      slotIndex.set(`${element.code}|${key}`, slots.length);
      slots.push({
        elementId: element.id,
        key,
        base: (elementBase[element.code] ?? 40) * (cellFactor[`${element.code}.${key}`] ?? 1),
        scaled: !unscaledElements.has(element.code),
        decimals: element.valueType === 'integer' ? 0 : 1,
        source: slots.length,
        share: 1,
      });
    }
  }
  for (const [code, [parent, share]] of Object.entries(elementShareOf)) {
    for (const key of catalogue.elements.has(code) ? entered(code) : []) {
      const own = slotIndex.get(`${code}|${key}`);
      const source = slotIndex.get(`${parent}|${key}`);
      if (own === undefined || source === undefined) continue;
      slots[own]!.source = source;
      slots[own]!.share = share;
    }
  }
  const women = slotIndex.get('TH_NGUOI_THAM_GIA|women');
  const all = slotIndex.get('TH_NGUOI_THAM_GIA|all');
  if (women !== undefined && all !== undefined) {
    slots[women]!.source = all;
    slots[women]!.share = 0.55;
  }

  /* Rounds and reports, period by period; figures of the past periods. */
  const { past, current } = halfYearPeriods(options.today, spec.pastPeriods);
  const roundIds: number[] = [];
  let nationalRoundId = 0;
  let currentNationalRoundId = 0;
  let values = 0;
  const unitIds = reportingUnits.map((unit) => unit.id);
  const unitReporters = reportingUnits.map(reporterOf);
  const unitWeights = reportingUnits.map((unit) =>
    ['commune', 'ward', 'special_zone'].includes(unit.kind) ? 1 : 0.4,
  );
  for (const [index, period] of [...past, current].entries()) {
    const isCurrent = period === current;
    const due = dueDays(period);
    const cutOff = defaultCutOff(period);
    const title = `${template.name} (${periodLabel(period).toLowerCase()})`;
    const ids = await db.transaction().execute(async (trx) => {
      const national = await trx
        .insertInto('report_rounds')
        .values({
          template_id: template.id,
          consolidating_unit_id: nationalUnit.id,
          parent_round_id: null,
          title,
          period,
          cut_off_from: cutOff.from,
          cut_off_to: cutOff.to,
          due_on: due.national,
          due_at: endOfDueDay(due.national),
          created_by: plannerOf(nationalUnit),
          created_at: new Date(`${cutOff.to}T02:00:00Z`),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const children = await sql<{ id: number; consolidating_unit_id: number }>`
        insert into report_rounds (template_id, consolidating_unit_id, parent_round_id, title, period,
          cut_off_from, cut_off_to, due_on, due_at, created_by, created_at)
        select ${template.id}, t.unit_id, ${national.id}, ${title}, ${period}, ${cutOff.from}::date, ${cutOff.to}::date,
          ${due.child}::date, ${endOfDueDay(due.child)}::timestamptz, t.planner, ${new Date(`${cutOff.to}T03:00:00Z`)}::timestamptz
        from unnest(${provinces.map((p) => p.id)}::int[], ${provinces.map(plannerOf)}::int[]) as t(unit_id, planner)
        returning id, consolidating_unit_id`.execute(trx);
      const childOf = new Map(children.rows.map((row) => [row.consolidating_unit_id, row.id]));
      // Reports: the provinces in the national round, communes and agencies in their province's round.
      const reportRounds = [
        ...provinces.map(() => national.id),
        ...reportingUnits.map((unit) => childOf.get(unit.provinceId)!),
      ];
      const reportUnits = [...provinces.map((p) => p.id), ...unitIds];
      const reportUsers = [...provinces.map(plannerOf), ...unitReporters];
      const reviewers = [
        ...provinces.map(() => plannerOf(nationalUnit)),
        ...reportingUnits.map((unit) => plannerOf(provinces.find((p) => p.id === unit.provinceId)!)),
      ];
      if (isCurrent) {
        await sql`
          insert into report_submissions (round_id, org_unit_id)
          select * from unnest(${reportRounds}::int[], ${reportUnits}::int[])`.execute(trx);
      } else {
        // First submitted within ten days before the due day's end; one report in twenty late.
        await sql`
          with t as (
            select t.round_id, t.unit_id, t.user_id, t.reviewer_id, r.due_at,
              abs(hashtext(${seedText}::text || ':s:' || t.unit_id || ':' || ${period}::text)) as h
            from unnest(${reportRounds}::int[], ${reportUnits}::int[], ${reportUsers}::int[], ${reviewers}::int[])
              as t(round_id, unit_id, user_id, reviewer_id)
            join report_rounds r on r.id = t.round_id
          ), timed as (
            select *, case when h % 20 = 0 then due_at + make_interval(secs => 3600 + h % 259200)
              else due_at - make_interval(secs => 3600 + h % 864000) end as submitted
            from t
          )
          insert into report_submissions (round_id, org_unit_id, status, revision, narrative,
            first_submitted_at, submitted_at, accepted_at, updated_by, updated_at)
          select round_id, unit_id, 'accepted', 3,
            jsonb_build_object(
              '1', 'Đã ban hành kế hoạch thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ ' || ${periodLabel(period).toLowerCase()}::text || '; kiện toàn Ban vì sự tiến bộ của phụ nữ và phân công cán bộ phụ trách.',
              '2.1', 'Tổ chức ' || (3 + h % 9) || ' cuộc truyền thông về bình đẳng giới, phòng, chống bạo lực gia đình, lồng ghép trong sinh hoạt của các đoàn thể.',
              '3', 'Công tác bình đẳng giới được quan tâm; việc thu thập số liệu phân tách theo giới tính còn khó khăn ở cơ sở.'),
            submitted, submitted, submitted + interval '2 days', reviewer_id, submitted + interval '2 days'
          from timed`.execute(trx);
        await sql`
          insert into report_submission_events (submission_id, action, from_status, to_status, actor_user_id, at)
          select s.id, 'submitted', 'draft', 'submitted', t.user_id, s.first_submitted_at
          from unnest(${reportRounds}::int[], ${reportUnits}::int[], ${reportUsers}::int[]) as t(round_id, unit_id, user_id)
          join report_submissions s on s.round_id = t.round_id and s.org_unit_id = t.unit_id
          union all
          select s.id, 'accepted', 'submitted', 'accepted', s.updated_by, s.accepted_at
          from unnest(${reportRounds}::int[], ${reportUnits}::int[]) as t(round_id, unit_id)
          join report_submissions s on s.round_id = t.round_id and s.org_unit_id = t.unit_id`.execute(trx);
      }
      return { national: national.id, children: children.rows.map((row) => row.id) };
    });
    roundIds.push(...ids.children, ids.national);
    if (isCurrent) currentNationalRoundId = ids.national;
    else nationalRoundId = ids.national;

    if (!isCurrent) {
      // value = size of the cell × unit weight × yearly growth × noise in [0.85, 1.15); a share
      // of another cell takes that cell's value × its share, so every rule (≤) holds.
      const inserted = await sql`
        insert into data_values (data_element_id, org_unit_id, period, disaggregation, value, updated_by, updated_at)
        select c.element_id, u.id, ${period}, c.key,
          case when c.decimals = 0
            then floor(round(src.base * (case when src.scaled then u.weight * (0.5 + (abs(hashtext(${seedText}::text || ':w:' || u.id)) % 1000) / 1000.0) else 1 end)
              * (1 + 0.04 * ${index}::int) * (0.85 + 0.3 * (abs(hashtext(${seedText}::text || ':' || u.id || ':' || c.source || ':' || ${period}::text)) % 1000) / 1000.0)) * c.share)
            else round((src.base * (1 + 0.04 * ${index}::int) * (0.85 + 0.3 * (abs(hashtext(${seedText}::text || ':' || u.id || ':' || c.source || ':' || ${period}::text)) % 1000) / 1000.0) * c.share)::numeric, 1)
          end,
          u.reporter, ${new Date(`${dueDays(period).child}T01:00:00Z`)}::timestamptz
        from unnest(${unitIds}::int[], ${unitReporters}::int[], ${unitWeights}::float8[]) as u(id, reporter, weight)
        cross join unnest(${slots.map((s) => s.elementId)}::int[], ${slots.map((s) => s.key)}::text[],
          ${slots.map((s) => s.decimals)}::int[], ${slots.map((s) => s.source)}::int[], ${slots.map((s) => s.share)}::float8[])
          as c(element_id, key, decimals, source, share)
        join unnest(${slots.map((_, i) => i)}::int[], ${slots.map((s) => s.base)}::float8[], ${slots.map((s) => s.scaled)}::bool[])
          as src(slot, base, scaled) on src.slot = c.source`.execute(db);
      values += Number(inserted.numAffectedRows ?? 0);
    }
    step(
      `${period}: national round and ${provinces.length} province rounds, ${reportingUnits.length + provinces.length} reports${isCurrent ? ' (open, drafts)' : `, accepted; ${values.toLocaleString('en-US')} figures so far`}`,
    );
  }

  /* Totals of every round, from the figures and report states just written. */
  for (const [index, roundId] of roundIds.entries()) {
    await refreshRoundTotals(db, roundId);
    if ((index + 1) % 100 === 0) step(`round totals: ${index + 1}/${roundIds.length}`);
  }
  step(`round totals of ${roundIds.length} rounds`);

  const plans = await generatePlans(db, {
    provinces,
    plannerOf,
    reporterOf,
    year: Number(current.slice(0, 4)),
    seedText,
  });
  step(
    `plans: ${plans.plans} plans, ${plans.tasks} tasks, ${plans.assignments} assignments, ${plans.progress} progress rows`,
  );

  let activities: number | null = null;
  if (await tableExists(db, 'activities')) {
    activities = await generateActivities(db, { reportingUnits, reporterOf, periods: past, seedText });
    step(`activities: ${activities.toLocaleString('en-US')}`);
  } else step('activities: table not there (migration 0007 not applied), skipped');

  await db.transaction().execute((trx) =>
    insertAuditRecord(trx, {
      actorUserId: null,
      action: 'scale.generate',
      entityType: 'database',
      entityId: null,
      after: {
        scale: options.scale,
        seed: options.seed,
        provinces: provinces.length,
        units: reportingUnits.length,
        values,
      },
    }),
  );
  // As autovacuum would in a running system: statistics, and the visibility map that lets the
  // figures be read from the covering index alone (migration 0012).
  await sql`vacuum analyze`.execute(db);
  step('statistics and visibility map updated (vacuum analyze); done');
  const submissions = await count(db, 'report_submissions');
  return {
    provinces: provinces.length,
    reportingUnits: reportingUnits.length,
    users: accounts.length,
    dataElements: catalogue.elements.size,
    periods: [...past, current],
    rounds: roundIds.length,
    submissions,
    values,
    plans: plans.plans,
    tasks: plans.tasks,
    activities,
    nationalRoundId,
    currentNationalRoundId,
  };
}

/* ---------------------------------------------------------------------- plans */

interface FlatItem {
  index: number;
  parent: number | null;
  position: number;
  ref: string;
  title: string;
  body: string;
  isTask: boolean;
  timeKind: string;
  startsOn: string | null;
  dueOn: string | null;
}

/** Lai Châu's 2026 plan (demo-plans.content.ts, fixture 001) as flat rows, its year replaced. */
function flattenPlan(items: DemoItem[], year: number): FlatItem[] {
  const rows: FlatItem[] = [];
  const shift = (date: string) => `${year}${date.slice(4)}`;
  const walk = (list: DemoItem[], parent: number | null) =>
    list.forEach((item, position) => {
      const index = rows.length;
      const time = item.task?.time;
      let timeKind = 'none';
      let startsOn: string | null = null;
      let dueOn: string | null = null;
      if (time?.kind === 'ongoing') timeKind = 'ongoing';
      else if (time?.kind === 'date') {
        timeKind = 'date';
        startsOn = dueOn = shift(time.due);
      } else if (time?.kind === 'range') {
        timeKind = 'range';
        startsOn = shift(time.from);
        dueOn = shift(time.to);
      } else if (time?.kind === 'quarter') {
        timeKind = 'quarter';
        const firstMonth = (time.quarter - 1) * 3 + 1;
        startsOn = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
        dueOn = new Date(Date.UTC(year, firstMonth + 2, 0)).toISOString().slice(0, 10);
      } else if (time) timeKind = 'ongoing';
      rows.push({
        index,
        parent,
        position,
        ref: item.ref,
        title: item.title,
        body: item.body ?? '',
        isTask: item.task !== undefined,
        timeKind,
        startsOn,
        dueOn,
      });
      if (item.children) walk(item.children, index);
    });
  walk(items, null);
  return rows;
}

/**
 * Plans in the demo province's proportions (6 plans, 87 tasks, 175 assignments, 53 progress rows
 * for 65 units, demo-plans.ts): per province its plan with the demo plan's outline, and child plans
 * (cascade) for one reporting unit in thirteen, agencies first, each carrying ten of the province's
 * tasks; a province task has a lead agency and, two in five, a supporting one; three tasks in
 * five have progress; one child plan in six is still a draft.
 */
async function generatePlans(
  db: Db,
  context: {
    provinces: ProvinceScope[];
    plannerOf: (unit: { id: number; code: string }) => number;
    reporterOf: (unit: { code: string }) => number;
    year: number;
    seedText: string;
  },
): Promise<{ plans: number; tasks: number; assignments: number; progress: number }> {
  const { provinces, year } = context;
  const flat = flattenPlan(provincePlan.items, year);
  const before = {
    plans: await count(db, 'plans'),
    tasks: Number(
      (await sql<{ n: number }>`select count(*)::int as n from plan_items where is_task`.execute(db)).rows[0]!
        .n,
    ),
    assignments: await count(db, 'task_assignments'),
    progress: await count(db, 'task_progress'),
  };
  await db.transaction().execute(async (trx) => {
    const issuedAt = new Date(`${year}-04-14T03:00:00Z`);
    const titles = provinces.map(
      (province) =>
        `Thực hiện công tác bình đẳng giới và Vì sự tiến bộ của phụ nữ trên địa bàn ${provinceWords(province.name).level} năm ${year}`,
    );
    const provincePlans = await sql<{ id: number; org_unit_id: number }>`
      insert into plans (org_unit_id, kind, number, symbol, title, year, place, issued_on, status, search_text,
        created_by, issued_by, issued_at, revision)
      select t.unit_id, 'KH', (1000 + t.ordinal)::text, 'KH-UBND', t.title, ${year}, t.place, ${`${year}-04-14`}::date, 'issued',
        t.search, t.planner, t.planner, ${issuedAt}::timestamptz, 3
      from unnest(${provinces.map((p) => p.id)}::int[], ${titles}::text[], ${titles.map((title) => foldForSearch(title))}::text[],
        ${provinces.map((p) => provinceWords(p.name).name)}::text[], ${provinces.map(context.plannerOf)}::int[])
        with ordinality as t(unit_id, title, search, place, planner, ordinal)
      returning id, org_unit_id`.execute(trx);
    const planIds = provincePlans.rows.map((row) => row.id);
    // Items with their outline index as position, then parents linked and positions set.
    await sql`
      insert into plan_items (plan_id, position, ref, title, body, is_task, time_kind, starts_on, due_on)
      select p.id, i.idx, i.ref, i.title, i.body, i.is_task, i.time_kind, i.starts_on, i.due_on
      from unnest(${planIds}::int[]) as p(id)
      cross join unnest(${flat.map((r) => r.index)}::int[], ${flat.map((r) => r.ref)}::text[], ${flat.map((r) => r.title)}::text[],
        ${flat.map((r) => r.body)}::text[], ${flat.map((r) => r.isTask)}::bool[], ${flat.map((r) => r.timeKind)}::text[],
        ${flat.map((r) => r.startsOn)}::date[], ${flat.map((r) => r.dueOn)}::date[])
        as i(idx, ref, title, body, is_task, time_kind, starts_on, due_on)`.execute(trx);
    await sql`
      with mapped as (
        select c.id, parent.id as parent_id, f.position
        from plan_items c
        join unnest(${flat.map((r) => r.index)}::int[], ${flat.map((r) => r.parent ?? -1)}::int[], ${flat.map((r) => r.position)}::int[])
          as f(idx, parent_idx, position) on c.position = f.idx
        left join plan_items parent on parent.plan_id = c.plan_id and parent.position = f.parent_idx
        where c.plan_id = any(${planIds}::int[])
      )
      update plan_items t set parent_id = m.parent_id, position = m.position from mapped m where t.id = m.id`.execute(
      trx,
    );
    // Assignments of the province tasks: a lead agency in turn, a supporting one for two in five.
    const agencyProvince = provinces.flatMap((p) => p.agencies.map(() => p.id));
    const agencyIds = provinces.flatMap((p) => p.agencies.map((a) => a.id));
    const agencyNames = provinces.flatMap((p) => p.agencies.map((a) => a.name));
    const agencyOrdinal = provinces.flatMap((p) => p.agencies.map((_, i) => i));
    const agencyCount = provinces.flatMap((p) => p.agencies.map(() => p.agencies.length));
    await sql`
      with tasks as (
        select i.id, p.org_unit_id as province_id,
          row_number() over (partition by i.plan_id order by i.id) - 1 as ordinal
        from plan_items i join plans p on p.id = i.plan_id
        where i.plan_id = any(${planIds}::int[]) and i.is_task
      ), agencies as (
        select * from unnest(${agencyProvince}::int[], ${agencyIds}::int[], ${agencyNames}::text[], ${agencyOrdinal}::int[], ${agencyCount}::int[])
          as a(province_id, id, name, ordinal, n)
      )
      insert into task_assignments (item_id, role, org_unit_id, unit_name, position)
      select t.id, 'lead', a.id, a.name, 0 from tasks t
      join agencies a on a.province_id = t.province_id and a.ordinal = t.ordinal % a.n
      union all
      select t.id, 'support', a.id, a.name, 1 from tasks t
      join agencies a on a.province_id = t.province_id and a.n > 1 and a.ordinal = (t.ordinal + 1) % a.n
      where t.ordinal % 5 in (1, 3)`.execute(trx);

    // Child plans: one unit in thirteen, agencies first, ten carried tasks each.
    const childUnits = provinces.flatMap((province) => {
      const units = [...province.agencies, ...province.communes];
      const howMany = Math.max(1, Math.round(units.length / 13));
      return units.slice(0, howMany).map((unit) => ({ unit, province }));
    });
    if (childUnits.length === 0) return;
    const planOf = new Map(provincePlans.rows.map((row) => [row.org_unit_id, row.id]));
    const childTitles = childUnits.map(
      ({ unit }) =>
        `Thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm ${year} của ${unit.name}`,
    );
    const childPlans = await sql<{ id: number; org_unit_id: number }>`
      insert into plans (org_unit_id, kind, title, year, status, parent_plan_id, search_text, created_by, issued_on, issued_by, issued_at, revision)
      select t.unit_id, 'KH', t.title, ${year}, case when t.ordinal % 6 = 0 then 'draft' else 'issued' end, t.parent_plan, t.search, t.author,
        case when t.ordinal % 6 = 0 then null else ${`${year}-05-10`}::date end,
        case when t.ordinal % 6 = 0 then null else t.author end,
        case when t.ordinal % 6 = 0 then null else ${new Date(`${year}-05-10T03:00:00Z`)}::timestamptz end, 2
      from unnest(${childUnits.map(({ unit }) => unit.id)}::int[], ${childTitles}::text[], ${childTitles.map((title) => foldForSearch(title))}::text[],
        ${childUnits.map(({ province }) => planOf.get(province.id)!)}::int[], ${childUnits.map(({ unit }) => context.reporterOf(unit))}::int[])
        with ordinality as t(unit_id, title, search, parent_plan, author, ordinal)
      returning id, org_unit_id`.execute(trx);
    const childPlanIds = childPlans.rows.map((row) => row.id);
    await sql`
      with carried as (
        select c.id as plan_id, c.org_unit_id, i.id as source_id, i.title, i.time_kind, i.starts_on, i.due_on,
          row_number() over (partition by c.id order by i.id) as n,
          count(*) over (partition by c.id) as total
        from plans c
        join plan_items i on i.plan_id = c.parent_plan_id and i.is_task
        where c.id = any(${childPlanIds}::int[])
      )
      insert into plan_items (plan_id, position, ref, title, is_task, time_kind, starts_on, due_on, source_item_id)
      select plan_id, n, n || '.', title, true, time_kind, starts_on, due_on, source_id
      from carried
      where (n + plan_id) % greatest(1, total / 10) = 0
      order by plan_id, n`.execute(trx);
    await sql`
      insert into task_assignments (item_id, role, org_unit_id, unit_name, position)
      select i.id, 'lead', o.id, o.name, 0
      from plan_items i join plans p on p.id = i.plan_id join org_units o on o.id = p.org_unit_id
      where i.plan_id = any(${childPlanIds}::int[])`.execute(trx);
    // Progress of three tasks in five, by their lead unit, in issued plans.
    await sql`
      with leads as (
        select a.item_id, a.org_unit_id, row_number() over (order by a.item_id) as n,
          abs(hashtext(${context.seedText}::text || ':p:' || a.item_id)) as h
        from task_assignments a
        join plan_items i on i.id = a.item_id
        join plans p on p.id = i.plan_id and p.status = 'issued'
        where a.role = 'lead' and (i.plan_id = any(${planIds}::int[]) or i.plan_id = any(${childPlanIds}::int[]))
      ), progress as (
        insert into task_progress (item_id, org_unit_id, status, percent, note, revision, updated_by, updated_at)
        select l.item_id, l.org_unit_id,
          case when l.h % 3 = 0 then 'done' when l.h % 3 = 1 then 'in_progress' else 'not_started' end,
          case when l.h % 3 = 0 then 100 when l.h % 3 = 1 then 20 + l.h % 60 else 0 end,
          case when l.h % 3 = 0 then 'Đã hoàn thành, có báo cáo kết quả.' when l.h % 3 = 1 then 'Đang triển khai theo kế hoạch.' else null end,
          1, u.id, ${new Date(`${year}-09-30T03:00:00Z`)}::timestamptz
        from leads l
        join lateral (
          select g.user_id as id from role_grants g
          where g.org_unit_id = l.org_unit_id and g.role in ('reporter', 'planner') order by g.id limit 1
        ) u on true
        where l.n % 5 in (0, 2, 4)
        returning id, status, percent, note, updated_by, updated_at
      )
      insert into task_progress_history (progress_id, status, percent, note, changed_by, changed_at)
      select id, status, percent, note, updated_by, updated_at from progress`.execute(trx);
  });
  return {
    plans: (await count(db, 'plans')) - before.plans,
    tasks:
      Number(
        (await sql<{ n: number }>`select count(*)::int as n from plan_items where is_task`.execute(db))
          .rows[0]!.n,
      ) - before.tasks,
    assignments: (await count(db, 'task_assignments')) - before.assignments,
    progress: (await count(db, 'task_progress')) - before.progress,
  };
}

/* ----------------------------------------------------------------- activities */

/**
 * Two activities a reporting unit and half-year (a communication session and a training class),
 * with participants by sex × ethnicity (migration 0007's `activities`, `activity_participants`).
 */
async function generateActivities(
  db: Db,
  context: {
    reportingUnits: Unit[];
    reporterOf: (unit: { code: string }) => number;
    periods: string[];
    seedText: string;
  },
): Promise<number> {
  let total = 0;
  for (const period of context.periods) {
    const year = Number(period.slice(0, 4));
    const from = period.endsWith('S1') ? `${year}-03-01` : `${year}-10-01`;
    const inserted = await db.transaction().execute(async (trx) => {
      const rows = await sql<{ id: number }>`
        insert into activities (org_unit_id, kind, title, starts_on, ends_on, place_unit_id, target_groups,
          cost_state, cost_non_state, minority_language, created_by, updated_by, created_at, updated_at)
        select u.id, k.kind,
          case when k.kind = 'communication' then 'Truyền thông về bình đẳng giới và phòng, chống bạo lực gia đình tại ' || u.name
            else 'Tập huấn kiến thức, kỹ năng lồng ghép giới cho cán bộ ' || u.name end,
          ${from}::date + (abs(hashtext(${context.seedText}::text || ':a:' || u.id || k.kind || ${period}::text)) % 60),
          ${from}::date + (abs(hashtext(${context.seedText}::text || ':a:' || u.id || k.kind || ${period}::text)) % 60) + k.days,
          case when u.kind in ('commune', 'ward', 'special_zone') then u.id else null end,
          '["officials"]'::jsonb,
          (1 + abs(hashtext(${context.seedText}::text || ':c:' || u.id || ${period}::text)) % 20) * 500000, 0,
          abs(hashtext(${context.seedText}::text || ':l:' || u.id)) % 4 = 0,
          u.reporter, u.reporter, ${new Date(`${from}T03:00:00Z`)}::timestamptz, ${new Date(`${from}T03:00:00Z`)}::timestamptz
        from unnest(${context.reportingUnits.map((unit) => unit.id)}::int[], ${context.reportingUnits.map((unit) => unit.name)}::text[],
          ${context.reportingUnits.map((unit) => unit.kind)}::text[], ${context.reportingUnits.map(context.reporterOf)}::int[])
          as u(id, name, kind, reporter)
        cross join (values ('communication', 0), ('training', 1)) as k(kind, days)
        returning id`.execute(trx);
      const ids = rows.rows.map((row) => row.id);
      await sql`
        insert into activity_participants (activity_id, disaggregation, value)
        select a.id, d.key, 5 + abs(hashtext(${context.seedText}::text || ':ap:' || a.id || d.key)) % 40
        from unnest(${ids}::int[]) as a(id)
        cross join unnest(array['male.kinh', 'male.minority', 'female.kinh', 'female.minority']) as d(key)`.execute(
        trx,
      );
      return ids.length;
    });
    total += inserted;
  }
  return total;
}
