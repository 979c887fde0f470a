/*
 * What a synthetic country is made of: the scales, the standard list of a province's agencies
 * and mass organisations, the generated data elements, the sizes of figures, and the names of
 * the people who report. Only data; scale.generator.ts writes it.
 *
 * Sources: the agencies and mass organisations follow ../shared/data/lai-chau-structure.json
 * (the standard list of provincial departments after the 2025 restructuring; "demo only:
 * verify names"), written for each province; the national unit is Bộ Nội vụ, which the Lai Châu
 * plan (../shared/fixtures/plans/001_313e71faf7f6eb78.txt) reports to through Sở Nội vụ.
 */

export const scaleNames = ['national', 'province', 'tiny'] as const;
export type ScaleName = (typeof scaleNames)[number];

export interface ScaleSpec {
  /** Provinces in the country: all 34, or the given number (the largest first for `province`). */
  provinces: number | 'all';
  /** Communes and wards per province that report: all of them, or the first N by code. */
  communesPerProvince: number | 'all';
  /** Agencies and mass organisations per province that report. */
  agenciesPerProvince: number;
  /** Half-year periods with figures and accepted rounds before the current (open) one. */
  pastPeriods: number;
  /** Data elements in the catalogue after generation (the seeded ones plus generated ones). */
  dataElements: number;
}

export const scales: Record<ScaleName, ScaleSpec> = {
  national: {
    provinces: 'all',
    communesPerProvince: 'all',
    agenciesPerProvince: 25,
    pastPeriods: 10,
    dataElements: 80,
  },
  province: {
    provinces: 1,
    communesPerProvince: 'all',
    agenciesPerProvince: 25,
    pastPeriods: 10,
    dataElements: 80,
  },
  // CI's `bench --quick`: every part of the country at a size that generates in seconds.
  tiny: { provinces: 2, communesPerProvince: 12, agenciesPerProvince: 5, pastPeriods: 2, dataElements: 80 },
};

export const NATIONAL_UNIT = { code: 'BNV', name: 'Bộ Nội vụ' } as const;

/** The template of the generated rounds: the six-month report with a 100-value appendix. */
export const SCALE_TEMPLATE_CODE = 'BDG_6_THANG_TQ';
export const REPORT_VALUES = 100;

/**
 * A province's agencies and mass organisations, the ones that matter most for gender equality
 * first (a small scale takes the first N). `{p}` is the province's level and name ("tỉnh Nghệ
 * An", "thành phố Hà Nội"), `{n}` its name alone.
 */
export const provinceAgencies: {
  name: string;
  kind: 'agency' | 'mass_organisation' | 'advancement_committee';
}[] = [
  { name: 'Sở Nội vụ {p}', kind: 'agency' },
  { name: 'Hội Liên hiệp Phụ nữ {p}', kind: 'mass_organisation' },
  { name: 'Liên đoàn Lao động {p}', kind: 'mass_organisation' },
  { name: 'Ủy ban Mặt trận Tổ quốc Việt Nam {p}', kind: 'mass_organisation' },
  { name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh {p}', kind: 'mass_organisation' },
  { name: 'Ban vì sự tiến bộ của phụ nữ {p}', kind: 'advancement_committee' },
  { name: 'Sở Y tế {p}', kind: 'agency' },
  { name: 'Sở Giáo dục và Đào tạo {p}', kind: 'agency' },
  { name: 'Sở Văn hóa, Thể thao và Du lịch {p}', kind: 'agency' },
  { name: 'Sở Tư pháp {p}', kind: 'agency' },
  { name: 'Công an {p}', kind: 'agency' },
  { name: 'Sở Dân tộc và Tôn giáo {p}', kind: 'agency' },
  { name: 'Hội Nông dân {p}', kind: 'mass_organisation' },
  { name: 'Hội Cựu chiến binh {p}', kind: 'mass_organisation' },
  { name: 'Văn phòng Ủy ban nhân dân {p}', kind: 'agency' },
  { name: 'Sở Tài chính {p}', kind: 'agency' },
  { name: 'Sở Công Thương {p}', kind: 'agency' },
  { name: 'Sở Nông nghiệp và Môi trường {p}', kind: 'agency' },
  { name: 'Sở Xây dựng {p}', kind: 'agency' },
  { name: 'Sở Khoa học và Công nghệ {p}', kind: 'agency' },
  { name: 'Thanh tra {p}', kind: 'agency' },
  { name: 'Bộ Chỉ huy Quân sự {p}', kind: 'agency' },
  { name: 'Báo và Phát thanh, Truyền hình {n}', kind: 'agency' },
  { name: 'Bảo hiểm xã hội {p}', kind: 'agency' },
  { name: 'Trường Chính trị {p}', kind: 'agency' },
];

/** What the generated data elements count (× who), by sex and ethnicity: 14 topics × 4 actions. */
const topics: [string, string][] = [
  ['PCBLGD', 'về phòng, chống bạo lực gia đình'],
  ['BDGGD', 'về bình đẳng giới trong gia đình'],
  ['LANHDAO', 'về kỹ năng lãnh đạo, quản lý'],
  ['KHOINGHIEP', 'về khởi nghiệp, phát triển kinh tế'],
  ['SKSS', 'về chăm sóc sức khỏe sinh sản'],
  ['MBN', 'về phòng, chống mua bán người'],
  ['CDS', 'về kỹ năng số, chuyển đổi số'],
  ['HNGD', 'về pháp luật hôn nhân và gia đình'],
  ['TAOHON', 'về phòng, chống tảo hôn, hôn nhân cận huyết thống'],
  ['LCGT', 'về phòng, chống lựa chọn giới tính khi sinh'],
  ['CHINHTRI', 'về sự tham gia của phụ nữ trong chính trị'],
  ['ATLD', 'về an toàn, vệ sinh lao động'],
  ['DINHDUONG', 'về dinh dưỡng và chăm sóc trẻ em'],
  ['XANHSACH', 'về xây dựng gia đình no ấm, bình đẳng, tiến bộ, hạnh phúc'],
];
const actions: [string, string][] = [
  ['TT', 'Số người được tuyên truyền'],
  ['TH', 'Số người được tập huấn'],
  ['TV', 'Số người được tư vấn'],
  ['HT', 'Số người được hỗ trợ'],
];

/** The generated elements in order: action by action, topic by topic (`TT_PCBLGD`, `TH_PCBLGD`, …). */
export const generatedElements = topics.flatMap(([topicCode, topic]) =>
  actions.map(([actionCode, action]) => ({
    code: `${actionCode}_${topicCode}`,
    name: `${action} ${topic}`,
  })),
);

/**
 * Size of a commune's figure per data element for half a year (cells share it), before the
 * unit's weight and the yearly growth. Elements not listed are counts of people (40).
 */
export const elementBase: Record<string, number> = {
  CQ_TONG: 3,
  LD_CO_VIEC_LAM: 1500,
  LD_HUONG_LUONG: 1500,
  LD_NONG_NGHIEP: 1500,
  DN_CHU: 12,
  GIO_NOI_TRO: 2.2,
  BL_PHAT_HIEN: 2,
  BL_GAY_BL_PHAT_HIEN: 3,
  MB_CO_NHU_CAU: 1,
  CS_TGXH: 1,
  TRE_SINH_SONG: 60,
  TU_VONG_ME: 0.3,
  HS_CUOI_CAP_TH: 70,
  TT_SO_CUOC: 6,
  TT_NGUOI_THAM_GIA: 90,
  TH_SO_LOP: 2,
  TH_NGUOI_THAM_GIA: 120,
  TL_NU_DAI_BIEU_HDND: 30,
};

/** Figures that are a share of another element's figure in the same cell, so the validation rules hold. */
export const elementShareOf: Record<string, [string, number]> = {
  CQ_LANH_DAO_NU: ['CQ_TONG', 0.4],
  LD_HUONG_LUONG: ['LD_CO_VIEC_LAM', 0.45],
  LD_NONG_NGHIEP: ['LD_CO_VIEC_LAM', 0.5],
  BL_DUOC_HO_TRO: ['BL_PHAT_HIEN', 0.8],
  BL_GAY_BL_TU_VAN: ['BL_GAY_BL_PHAT_HIEN', 0.7],
  MB_DUOC_HO_TRO: ['MB_CO_NHU_CAU', 0.85],
  CS_TGXH_BLG: ['CS_TGXH', 0.6],
  HS_HOAN_THANH_TH: ['HS_CUOI_CAP_TH', 0.96],
};

/** Elements that do not grow with the unit: rates and averages. */
export const unscaledElements = new Set(['GIO_NOI_TRO', 'TL_NU_DAI_BIEU_HDND']);

/** Women do more unpaid housework (Gender Strategy indicator MT3.CT1, ../shared/data/indicators-nq28.json). */
export const cellFactor: Record<string, number> = { 'GIO_NOI_TRO.female': 1.25, 'GIO_NOI_TRO.male': 0.55 };

export const familyNames = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Lò',
  'Giàng',
  'Sùng',
  'Hà',
];
export const womenNames = [
  'Thị Lan',
  'Thị Hương',
  'Thu Trang',
  'Thị Mai',
  'Ngọc Ánh',
  'Thị Hoa',
  'Thanh Hà',
  'Thị Thảo',
  'Minh Phương',
  'Thị Yến',
];
export const menNames = [
  'Văn Hùng',
  'Đức Minh',
  'Văn Nam',
  'Quang Huy',
  'Văn Dũng',
  'Minh Tuấn',
  'Hữu Phước',
  'Văn Sơn',
];

/** A seeded generator of numbers in [0, 1) (mulberry32), so the same seed makes the same country. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
