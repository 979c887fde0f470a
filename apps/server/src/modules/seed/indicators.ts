import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../app/database.ts';

/*
 * The indicator catalogue as data: disaggregation categories, category combos, data elements
 * (the numerators and denominators of the national strategy's indicators plus common activity
 * counts), entry forms, validation rules, and the indicators of the National Strategy on
 * Gender Equality 2021–2030 (Nghị quyết 28/NQ-CP) with their 2025 and 2030 national targets,
 * read from ../shared/data/indicators-nq28.json (12 of its 20 indicators; each entry's
 * `source` and `confidence` are kept). Idempotent: rows are matched by code and missing ones
 * added; nothing an administrator changed is overwritten.
 */

interface Nq28Indicator {
  code: string;
  objective: string;
  name_vi: string;
  unit: string;
  direction: 'min' | 'max' | 'reach';
  target_2025: number;
  target_2025_op: string;
  target_2030: number;
  target_2030_op: string;
  source: string[];
  confidence: 'confirmed' | 'press-summary';
  note?: string;
}

export const categories = [
  {
    code: 'sex',
    name: 'Giới tính',
    nameEn: 'Sex',
    totalOption: null,
    options: [
      ['male', 'Nam', 'Male'],
      ['female', 'Nữ', 'Female'],
    ],
  },
  {
    code: 'ethnicity',
    name: 'Dân tộc',
    nameEn: 'Ethnicity',
    totalOption: null,
    options: [
      ['kinh', 'Kinh', 'Kinh'],
      ['minority', 'Dân tộc thiểu số', 'Ethnic minority'],
    ],
  },
  {
    code: 'age',
    name: 'Nhóm tuổi',
    nameEn: 'Age group',
    totalOption: null,
    options: [
      ['age_0_15', 'Dưới 16 tuổi', 'Under 16'],
      ['age_16_30', 'Từ 16 đến 30 tuổi', '16–30'],
      ['age_31_59', 'Từ 31 đến 59 tuổi', '31–59'],
      ['age_60_plus', 'Từ 60 tuổi trở lên', '60 and over'],
    ],
  },
  {
    code: 'area',
    name: 'Khu vực',
    nameEn: 'Area',
    totalOption: null,
    options: [
      ['urban', 'Thành thị', 'Urban'],
      ['rural', 'Nông thôn', 'Rural'],
    ],
  },
  {
    // "Tổng số, trong đó nữ" as the provincial appendix tables print it: the total is entered.
    code: 'of_which_women',
    name: 'Tổng số, trong đó nữ',
    nameEn: 'Total, of which women',
    totalOption: 'all',
    options: [
      ['all', 'Tổng', 'Total'],
      ['women', 'Nữ', 'Women'],
    ],
  },
] as const;

export const categoryCombos = [
  { code: 'default', name: 'Không phân tổ', categories: [] },
  { code: 'sex', name: 'Giới tính', categories: ['sex'] },
  { code: 'sex_ethnicity', name: 'Giới tính × Dân tộc', categories: ['sex', 'ethnicity'] },
  { code: 'sex_age', name: 'Giới tính × Nhóm tuổi', categories: ['sex', 'age'] },
  { code: 'sex_area', name: 'Giới tính × Khu vực', categories: ['sex', 'area'] },
  { code: 'of_which_women', name: 'Tổng số, trong đó nữ', categories: ['of_which_women'] },
] as const;

type ValueTypeSeed = 'integer' | 'number' | 'percent';
export const dataElements: {
  code: string;
  name: string;
  valueType: ValueTypeSeed;
  combo: string;
  aggregation?: 'sum' | 'average';
  description?: string;
}[] = [
  {
    code: 'CQ_TONG',
    name: 'Số cơ quan quản lý nhà nước, chính quyền địa phương',
    valueType: 'integer',
    combo: 'default',
  },
  {
    code: 'CQ_LANH_DAO_NU',
    name: 'Số cơ quan quản lý nhà nước, chính quyền địa phương có lãnh đạo chủ chốt là nữ',
    valueType: 'integer',
    combo: 'default',
  },
  { code: 'LD_CO_VIEC_LAM', name: 'Số lao động có việc làm', valueType: 'integer', combo: 'sex_area' },
  {
    code: 'LD_HUONG_LUONG',
    name: 'Số lao động làm công hưởng lương',
    valueType: 'integer',
    combo: 'sex_area',
  },
  {
    code: 'LD_NONG_NGHIEP',
    name: 'Số lao động làm việc trong khu vực nông nghiệp',
    valueType: 'integer',
    combo: 'sex_area',
  },
  { code: 'DN_CHU', name: 'Số giám đốc, chủ doanh nghiệp, hợp tác xã', valueType: 'integer', combo: 'sex' },
  {
    code: 'GIO_NOI_TRO',
    name: 'Số giờ trung bình một ngày làm công việc nội trợ, chăm sóc gia đình không được trả công',
    valueType: 'number',
    combo: 'sex',
    aggregation: 'average',
  },
  {
    code: 'BL_PHAT_HIEN',
    name: 'Số người bị bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện',
    valueType: 'integer',
    combo: 'sex_age',
  },
  {
    code: 'BL_DUOC_HO_TRO',
    name: 'Số người bị bạo lực gia đình, bạo lực trên cơ sở giới được tiếp cận ít nhất một dịch vụ hỗ trợ cơ bản',
    valueType: 'integer',
    combo: 'sex_age',
  },
  {
    code: 'BL_GAY_BL_PHAT_HIEN',
    name: 'Số người gây bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện ở mức chưa bị truy cứu trách nhiệm hình sự',
    valueType: 'integer',
    combo: 'sex',
  },
  {
    code: 'BL_GAY_BL_TU_VAN',
    name: 'Số người gây bạo lực gia đình, bạo lực trên cơ sở giới được tư vấn, tham vấn',
    valueType: 'integer',
    combo: 'sex',
  },
  {
    code: 'MB_CO_NHU_CAU',
    name: 'Số nạn nhân bị mua bán trở về được phát hiện có nhu cầu hỗ trợ',
    valueType: 'integer',
    combo: 'sex',
  },
  {
    code: 'MB_DUOC_HO_TRO',
    name: 'Số nạn nhân bị mua bán trở về được hưởng dịch vụ hỗ trợ và tái hòa nhập cộng đồng',
    valueType: 'integer',
    combo: 'sex',
  },
  { code: 'CS_TGXH', name: 'Số cơ sở trợ giúp xã hội công lập', valueType: 'integer', combo: 'default' },
  {
    code: 'CS_TGXH_BLG',
    name: 'Số cơ sở trợ giúp xã hội công lập triển khai hoạt động trợ giúp, phòng ngừa và ứng phó với bạo lực trên cơ sở giới',
    valueType: 'integer',
    combo: 'default',
  },
  { code: 'TRE_SINH_SONG', name: 'Số trẻ sinh ra sống', valueType: 'integer', combo: 'sex' },
  { code: 'TU_VONG_ME', name: 'Số ca tử vong mẹ', valueType: 'integer', combo: 'default' },
  {
    code: 'HS_CUOI_CAP_TH',
    name: 'Số trẻ em trong độ tuổi hoàn thành cấp tiểu học',
    valueType: 'integer',
    combo: 'sex_ethnicity',
  },
  {
    code: 'HS_HOAN_THANH_TH',
    name: 'Số trẻ em hoàn thành cấp tiểu học',
    valueType: 'integer',
    combo: 'sex_ethnicity',
  },
  {
    code: 'TT_SO_CUOC',
    name: 'Số cuộc truyền thông về bình đẳng giới',
    valueType: 'integer',
    combo: 'default',
  },
  {
    code: 'TT_NGUOI_THAM_GIA',
    name: 'Số người tham gia truyền thông',
    valueType: 'integer',
    combo: 'sex_ethnicity',
  },
  { code: 'TH_SO_LOP', name: 'Số lớp tập huấn về bình đẳng giới', valueType: 'integer', combo: 'default' },
  {
    code: 'TH_NGUOI_THAM_GIA',
    name: 'Số người tham gia tập huấn',
    valueType: 'integer',
    combo: 'of_which_women',
  },
  {
    code: 'TL_NU_DAI_BIEU_HDND',
    name: 'Tỷ lệ nữ đại biểu Hội đồng nhân dân',
    valueType: 'percent',
    combo: 'default',
    aggregation: 'average',
  },
];

/** Numerator / denominator × factor of each indicator in indicators-nq28.json, by its code. */
export const nq28Formulas: Record<
  string,
  { numerator: string; denominator: string; factor: number; decimals?: number }
> = {
  'MT1.CT1': { numerator: '#{CQ_LANH_DAO_NU}', denominator: '#{CQ_TONG}', factor: 100 },
  'MT2.CT1': { numerator: '#{LD_HUONG_LUONG.female}', denominator: '#{LD_CO_VIEC_LAM.female}', factor: 100 },
  'MT2.CT2': { numerator: '#{LD_NONG_NGHIEP.female}', denominator: '#{LD_CO_VIEC_LAM.female}', factor: 100 },
  'MT2.CT3': { numerator: '#{DN_CHU.female}', denominator: '#{DN_CHU}', factor: 100 },
  'MT3.CT1': {
    numerator: '#{GIO_NOI_TRO.female}',
    denominator: '#{GIO_NOI_TRO.male}',
    factor: 1,
    decimals: 2,
  },
  'MT3.CT2a': { numerator: '#{BL_DUOC_HO_TRO}', denominator: '#{BL_PHAT_HIEN}', factor: 100 },
  'MT3.CT2b': { numerator: '#{BL_GAY_BL_TU_VAN}', denominator: '#{BL_GAY_BL_PHAT_HIEN}', factor: 100 },
  'MT3.CT3': { numerator: '#{MB_DUOC_HO_TRO}', denominator: '#{MB_CO_NHU_CAU}', factor: 100 },
  'MT3.CT4': { numerator: '#{CS_TGXH_BLG}', denominator: '#{CS_TGXH}', factor: 100 },
  'MT4.CT1': { numerator: '#{TRE_SINH_SONG.male}', denominator: '#{TRE_SINH_SONG.female}', factor: 100 },
  'MT4.CT2': { numerator: '#{TU_VONG_ME}', denominator: '#{TRE_SINH_SONG}', factor: 100_000 },
  'MT5.CTx': {
    numerator: '#{HS_HOAN_THANH_TH.minority}',
    denominator: '#{HS_CUOI_CAP_TH.minority}',
    factor: 100,
  },
};

export const validationRules = [
  {
    code: 'TH_NU_KHONG_VUOT_TONG',
    kind: 'compare',
    name: 'Số nữ tham gia tập huấn không lớn hơn tổng số',
    importance: 'error',
    left: '#{TH_NGUOI_THAM_GIA.women}',
    operator: '<=',
    right: '#{TH_NGUOI_THAM_GIA}',
  },
  {
    code: 'CQ_LANH_DAO_NU_KHONG_VUOT_TONG',
    kind: 'compare',
    name: 'Số cơ quan có lãnh đạo chủ chốt là nữ không lớn hơn tổng số cơ quan',
    importance: 'error',
    left: '#{CQ_LANH_DAO_NU}',
    operator: '<=',
    right: '#{CQ_TONG}',
  },
  {
    code: 'LD_HUONG_LUONG_KHONG_VUOT',
    kind: 'compare',
    name: 'Lao động nữ làm công hưởng lương không lớn hơn lao động nữ có việc làm',
    importance: 'error',
    left: '#{LD_HUONG_LUONG.female}',
    operator: '<=',
    right: '#{LD_CO_VIEC_LAM.female}',
  },
  {
    code: 'LD_NONG_NGHIEP_KHONG_VUOT',
    kind: 'compare',
    name: 'Lao động nữ trong nông nghiệp không lớn hơn lao động nữ có việc làm',
    importance: 'error',
    left: '#{LD_NONG_NGHIEP.female}',
    operator: '<=',
    right: '#{LD_CO_VIEC_LAM.female}',
  },
  {
    code: 'BL_HO_TRO_KHONG_VUOT',
    kind: 'compare',
    name: 'Người bị bạo lực được hỗ trợ không nhiều hơn số được phát hiện',
    importance: 'error',
    left: '#{BL_DUOC_HO_TRO}',
    operator: '<=',
    right: '#{BL_PHAT_HIEN}',
  },
  {
    code: 'BL_TU_VAN_KHONG_VUOT',
    kind: 'compare',
    name: 'Người gây bạo lực được tư vấn không nhiều hơn số được phát hiện',
    importance: 'error',
    left: '#{BL_GAY_BL_TU_VAN}',
    operator: '<=',
    right: '#{BL_GAY_BL_PHAT_HIEN}',
  },
  {
    code: 'MB_HO_TRO_KHONG_VUOT',
    kind: 'compare',
    name: 'Nạn nhân bị mua bán được hỗ trợ không nhiều hơn số có nhu cầu',
    importance: 'error',
    left: '#{MB_DUOC_HO_TRO}',
    operator: '<=',
    right: '#{MB_CO_NHU_CAU}',
  },
  {
    code: 'CS_TGXH_KHONG_VUOT',
    kind: 'compare',
    name: 'Cơ sở trợ giúp xã hội có hoạt động về bạo lực giới không nhiều hơn tổng số cơ sở',
    importance: 'error',
    left: '#{CS_TGXH_BLG}',
    operator: '<=',
    right: '#{CS_TGXH}',
  },
  {
    code: 'HS_HOAN_THANH_KHONG_VUOT',
    kind: 'compare',
    name: 'Trẻ em hoàn thành tiểu học không nhiều hơn số trẻ trong độ tuổi',
    importance: 'error',
    left: '#{HS_HOAN_THANH_TH}',
    operator: '<=',
    right: '#{HS_CUOI_CAP_TH}',
  },
  {
    code: 'TY_LE_0_100',
    kind: 'percent_range',
    name: 'Tỷ lệ phần trăm nằm trong khoảng 0–100',
    importance: 'error',
  },
  {
    code: 'CHENH_LECH_NAM_TRUOC',
    kind: 'change_from_last_year',
    name: 'Chênh lệch quá ±50% so với cùng kỳ năm trước',
    importance: 'warning',
    threshold: 0.5,
  },
] as const;

export const entryForms = [
  {
    code: 'BDG_HOAT_DONG',
    name: 'Hoạt động truyền thông, tập huấn về bình đẳng giới',
    periodType: 'year',
    dataElements: ['TT_SO_CUOC', 'TT_NGUOI_THAM_GIA', 'TH_SO_LOP', 'TH_NGUOI_THAM_GIA'],
  },
  {
    code: 'BDG_HOAT_DONG_6T',
    name: 'Hoạt động truyền thông, tập huấn về bình đẳng giới (6 tháng)',
    periodType: 'half_year',
    dataElements: ['TT_SO_CUOC', 'TT_NGUOI_THAM_GIA', 'TH_SO_LOP', 'TH_NGUOI_THAM_GIA'],
  },
  {
    code: 'NQ28_CHI_TIEU',
    name: 'Số liệu các chỉ tiêu Chiến lược quốc gia về bình đẳng giới (Nghị quyết 28/NQ-CP)',
    periodType: 'year',
    dataElements: [
      'CQ_TONG',
      'CQ_LANH_DAO_NU',
      'TL_NU_DAI_BIEU_HDND',
      'LD_CO_VIEC_LAM',
      'LD_HUONG_LUONG',
      'LD_NONG_NGHIEP',
      'DN_CHU',
      'GIO_NOI_TRO',
      'BL_PHAT_HIEN',
      'BL_DUOC_HO_TRO',
      'BL_GAY_BL_PHAT_HIEN',
      'BL_GAY_BL_TU_VAN',
      'MB_CO_NHU_CAU',
      'MB_DUOC_HO_TRO',
      'CS_TGXH',
      'CS_TGXH_BLG',
      'TRE_SINH_SONG',
      'TU_VONG_ME',
      'HS_CUOI_CAP_TH',
      'HS_HOAN_THANH_TH',
    ],
  },
] as const;

export async function readNq28Indicators(sharedDataDir: string): Promise<Nq28Indicator[]> {
  const file = path.join(sharedDataDir, 'indicators-nq28.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Nq28Indicator[];
  } catch (error) {
    throw new Error(`Cannot read seed data ${file} (set BINHDANG_SHARED_DATA_DIR): ${String(error)}`);
  }
}

/** Seeds the catalogue and the national targets; adds what is missing, never overwrites. */
export async function seedIndicatorCatalogue(db: Db, sharedDataDir: string): Promise<{ added: number }> {
  const nq28 = await readNq28Indicators(sharedDataDir);
  let added = 0;
  await db.transaction().execute(async (trx) => {
    for (const category of categories) {
      const inserted = await trx
        .insertInto('disaggregation_categories')
        .values({
          code: category.code,
          name: category.name,
          name_en: category.nameEn,
          total_option: category.totalOption,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      added += 1;
      await trx
        .insertInto('disaggregation_options')
        .values(
          category.options.map(([code, name, nameEn], position) => ({
            category_id: inserted.id,
            code,
            name,
            name_en: nameEn,
            position,
          })),
        )
        .execute();
    }
    for (const combo of categoryCombos) {
      const result = await trx
        .insertInto('category_combos')
        .values({ code: combo.code, name: combo.name, categories: JSON.stringify(combo.categories) })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    const comboIds = new Map(
      (await trx.selectFrom('category_combos').select(['id', 'code']).execute()).map((row) => [
        row.code,
        row.id,
      ]),
    );
    for (const element of dataElements) {
      const result = await trx
        .insertInto('data_elements')
        .values({
          code: element.code,
          name: element.name,
          short_name: null,
          value_type: element.valueType,
          aggregation: element.aggregation ?? 'sum',
          category_combo_id: comboIds.get(element.combo)!,
          description: element.description ?? null,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    for (const form of entryForms) {
      const result = await trx
        .insertInto('data_entry_forms')
        .values({
          code: form.code,
          name: form.name,
          period_type: form.periodType,
          data_elements: JSON.stringify(form.dataElements),
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    for (const rule of validationRules) {
      const result = await trx
        .insertInto('validation_rules')
        .values({
          code: rule.code,
          kind: rule.kind,
          name: rule.name,
          importance: rule.importance,
          left_side: 'left' in rule ? rule.left : null,
          operator: 'operator' in rule ? rule.operator : null,
          right_side: 'right' in rule ? rule.right : null,
          threshold: 'threshold' in rule ? rule.threshold : null,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    for (const [position, entry] of nq28.entries()) {
      const formula = nq28Formulas[entry.code];
      if (!formula)
        throw new Error(`indicators-nq28.json: no formula for ${entry.code} in seed/indicators.ts`);
      const inserted = await trx
        .insertInto('indicators')
        .values({
          code: entry.code,
          objective: entry.objective,
          name: entry.name_vi,
          unit: entry.unit,
          direction: entry.direction,
          numerator: formula.numerator,
          denominator: formula.denominator,
          factor: formula.factor,
          decimals: formula.decimals ?? 1,
          source: JSON.stringify(entry.source),
          confidence: entry.confidence,
          note: entry.note ?? null,
          position,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      added += 1;
      const source = 'Nghị quyết 28/NQ-CP (indicators-nq28.json)';
      await trx
        .insertInto('indicator_targets')
        .values([
          {
            indicator_id: inserted.id,
            org_unit_id: null,
            year: 2025,
            operator: entry.target_2025_op,
            value: entry.target_2025,
            source,
            updated_by: null,
          },
          {
            indicator_id: inserted.id,
            org_unit_id: null,
            year: 2030,
            operator: entry.target_2030_op,
            value: entry.target_2030,
            source,
            updated_by: null,
          },
        ])
        .execute();
    }
  });
  return { added };
}

/*
 * Demo figures for Lai Châu (code 12), 2023–2026, so the progress page has a story: 2023–2024
 * entered by two former districts (closed on 30/06/2025, lineage in reference-units.ts),
 * 2025–2026 by three communes. Invented, modest numbers; demo only. Skipped when the province
 * already has figures.
 */
const demoUnits: Record<number, string[]> = {
  2023: ['12.thanh-pho-lai-chau', '12.huyen-tam-duong'],
  2024: ['12.thanh-pho-lai-chau', '12.huyen-tam-duong'],
  2025: ['03388', '03390', '03394'],
  2026: ['03388', '03390', '03394'],
};
// Province totals per year: [agencies, with a woman key leader, boys born, girls born, GBV
// victims detected, of whom supported, communication events, participants women minority].
const demoTotals: Record<number, number[]> = {
  2023: [30, 12, 590, 500, 40, 28, 24, 300],
  2024: [30, 15, 580, 500, 36, 27, 30, 380],
  2025: [36, 20, 570, 500, 30, 24, 42, 450],
  2026: [36, 23, 560, 500, 28, 24, 48, 520],
};

export async function seedDemoFigures(db: Db): Promise<{ values: number }> {
  const province = await db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('code', '=', '12')
    .executeTakeFirst();
  const admin = await db
    .selectFrom('users as u')
    .innerJoin('role_grants as g', 'g.user_id', 'u.id')
    .select('u.id')
    .where('g.role', '=', 'system_admin')
    .orderBy('u.id')
    .executeTakeFirst();
  if (!province || !admin) return { values: 0 };
  const existing = await db
    .selectFrom('data_values as v')
    .innerJoin('org_units as o', 'o.id', 'v.org_unit_id')
    .select('v.id')
    .where('o.path', 'like', `${province.path}%`)
    .executeTakeFirst();
  if (existing) return { values: 0 };
  const elementIds = new Map(
    (await db.selectFrom('data_elements').select(['id', 'code']).execute()).map((row) => [row.code, row.id]),
  );
  const unitIds = new Map(
    (
      await db
        .selectFrom('org_units')
        .select(['id', 'code'])
        .where('code', 'in', [...new Set(Object.values(demoUnits).flat())])
        .execute()
    ).map((row) => [row.code, row.id]),
  );
  const rows: {
    data_element_id: number;
    org_unit_id: number;
    period: string;
    disaggregation: string;
    value: number;
    comment: string | null;
    updated_by: number;
  }[] = [];
  for (const [yearText, codes] of Object.entries(demoUnits)) {
    const year = Number(yearText);
    const [agencies, womenLed, boys, girls, victims, supported, events, minorityWomen] = demoTotals[year]!;
    const units = codes.map((code) => unitIds.get(code)).filter((id) => id !== undefined);
    units.forEach((unitId, index) => {
      // Unit i of n takes its share; the last one takes the rest so the totals hold.
      const share = (total: number) =>
        index === units.length - 1
          ? total - Math.floor(total / units.length) * (units.length - 1)
          : Math.floor(total / units.length);
      const add = (code: string, disaggregation: string, value: number) => {
        const id = elementIds.get(code);
        if (id !== undefined)
          rows.push({
            data_element_id: id,
            org_unit_id: unitId,
            period: String(year),
            disaggregation,
            value,
            comment: null,
            updated_by: admin.id,
          });
      };
      add('CQ_TONG', 'total', share(agencies!));
      add('CQ_LANH_DAO_NU', 'total', share(womenLed!));
      add('TRE_SINH_SONG', 'male', share(boys!));
      add('TRE_SINH_SONG', 'female', share(girls!));
      add('BL_PHAT_HIEN', 'female.age_16_30', share(victims!));
      add('BL_DUOC_HO_TRO', 'female.age_16_30', share(supported!));
      add('TT_SO_CUOC', 'total', share(events!));
      add('TT_NGUOI_THAM_GIA', 'female.minority', share(minorityWomen!));
      add('TT_NGUOI_THAM_GIA', 'male.minority', share(Math.round(minorityWomen! * 0.6)));
      add('TT_NGUOI_THAM_GIA', 'female.kinh', share(Math.round(minorityWomen! * 0.3)));
      add('TT_NGUOI_THAM_GIA', 'male.kinh', share(Math.round(minorityWomen! * 0.2)));
      add('TH_NGUOI_THAM_GIA', 'all', share(Math.round(events! * 4)));
      add('TH_NGUOI_THAM_GIA', 'women', share(Math.round(events! * 2.5)));
    });
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('data_values').values(rows).execute();
    await trx
      .insertInto('data_value_history')
      .values(
        rows.map((row) => ({
          data_element_id: row.data_element_id,
          org_unit_id: row.org_unit_id,
          period: row.period,
          disaggregation: row.disaggregation,
          action: 'created',
          value: row.value,
          previous_value: null,
          comment: 'Số liệu minh hoạ (demo)',
          changed_by: admin.id,
        })),
      )
      .execute();
  });
  return { values: rows.length };
}
