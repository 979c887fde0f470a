// Contract for the register of models and clubs (issue 7 §5) — routes listed below.
/*
 * | method | path                                   | permission             | request                     | response             |
 * | ------ | -------------------------------------- | ---------------------- | --------------------------- | -------------------- |
 * | GET    | /community-models                      | communityModels.read   | communityModelListQuery     | communityModelList   |
 * | POST   | /community-models                      | communityModels.write  | communityModelInput (JSON)  | communityModelDetail |
 * | GET    | /community-models/{id}                 | communityModels.read   | —                           | communityModelDetail |
 * | PUT    | /community-models/{id}                 | communityModels.write  | communityModelUpdateInput   | communityModelDetail |
 * | PUT    | /community-models/{id}/years/{year}    | communityModels.write  | communityModelYearInput     | communityModelDetail |
 * | DELETE | /community-models/{id}/years/{year}    | communityModels.write  | revisionQuery (query)       | communityModelDetail |
 *
 * A model or club belongs to the register of one unit (the commune, or the mass organisation
 * that runs it) and is written by that unit's reporters, planners and administrators; it is
 * read by whoever reads that unit (its own officers and every level above). A list is of the
 * unit asked for and its whole subtree. Every write names the revision the form loaded; a
 * stale one is refused with 409 `communityModels.conflict` and changes nothing.
 *
 * Per year a model has at most one row: members by sex, by ethnicity (Kinh / minority) where
 * known, its status (active, inactive, dissolved) and notes. Totals by kind for a year are
 * summed in SQL over the list's filter.
 */
import { z } from 'zod';
import { cleanText, isoDate } from './org-units.ts';

export const communityModelKinds = [
  'domestic_violence_club',
  'trusted_address',
  'livelihood_model',
  'sustainable_family_club',
  'change_leaders_club',
  'other',
] as const;
export type CommunityModelKind = (typeof communityModelKinds)[number];

export const communityModelKindLabels: Record<CommunityModelKind, { vi: string; en: string }> = {
  domestic_violence_club: {
    vi: 'Câu lạc bộ phòng, chống bạo lực gia đình',
    en: 'Domestic violence prevention club',
  },
  trusted_address: { vi: 'Địa chỉ tin cậy', en: 'Trusted address' },
  livelihood_model: { vi: 'Mô hình sinh kế cho phụ nữ', en: 'Livelihood model for women' },
  sustainable_family_club: {
    vi: 'Câu lạc bộ gia đình phát triển bền vững',
    en: 'Sustainable family development club',
  },
  change_leaders_club: {
    vi: 'Câu lạc bộ “Thủ lĩnh của sự thay đổi”',
    en: '“Leaders of change” club',
  },
  other: { vi: 'Mô hình, câu lạc bộ khác', en: 'Other model or club' },
};

export const communityModelStatuses = ['active', 'inactive', 'dissolved'] as const;
export type CommunityModelStatus = (typeof communityModelStatuses)[number];
export const communityModelStatusLabels: Record<CommunityModelStatus, { vi: string; en: string }> = {
  active: { vi: 'Đang hoạt động', en: 'Active' },
  inactive: { vi: 'Tạm ngừng hoạt động', en: 'Inactive' },
  dissolved: { vi: 'Đã giải thể', en: 'Dissolved' },
};

const memberCount = z
  .number()
  .int({ message: 'Số thành viên phải là số nguyên.' })
  .min(0, { message: 'Số thành viên không được âm.' })
  .max(1_000_000, { message: 'Số thành viên quá lớn.' })
  .nullable()
  .default(null);

const modelYear = z.number().int().min(1990).max(2100);
const optionalText = (max: number) =>
  cleanText(0, max)
    .nullable()
    .default(null)
    .transform((value) => (value ? value : null));

/** One year of a model: members by sex and ethnicity (null: not known), status, notes. */
export const communityModelYearFields = {
  status: z.enum(communityModelStatuses),
  membersMale: memberCount,
  membersFemale: memberCount,
  membersKinh: memberCount,
  membersMinority: memberCount,
  notes: optionalText(2000),
};

// Built with .extend(), not by spreading the fields: a spread would keep the schemas in the web
// bundle (apps/web/src/modules/app/app.bundle.test.ts).
export const communityModelYearInput = z
  .strictObject({ revision: z.number().int().min(0) })
  .extend(communityModelYearFields);
export type CommunityModelYearInput = z.input<typeof communityModelYearInput>;

const headerFields = {
  kind: z.enum(communityModelKinds),
  name: cleanText(3, 300),
  /** The commune or ward where it meets or works. */
  placeUnitId: z.number().int().positive().nullable().default(null),
  establishedOn: isoDate.nullable().default(null),
  /** The organisation that runs it (Hội LHPN xã, Đoàn Thanh niên, UBND xã…). */
  managingOrganisation: optionalText(300),
  notes: optionalText(4000),
};

/** A new model in the register of `orgUnitId`, optionally with its first year row (quick entry on a phone). */
export const communityModelInput = z
  .strictObject({ orgUnitId: z.number().int().positive() })
  .extend(headerFields)
  .extend({
    firstYear: z.strictObject({ year: modelYear }).extend(communityModelYearFields).nullable().default(null),
  });
export type CommunityModelInput = z.input<typeof communityModelInput>;

export const communityModelUpdateInput = z
  .strictObject({ revision: z.number().int().min(0) })
  .extend(headerFields);
export type CommunityModelUpdateInput = z.input<typeof communityModelUpdateInput>;

export const communityModelIdParam = z.object({ id: z.coerce.number().int().positive() });
export const communityModelYearParam = z.object({
  id: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(1990).max(2100),
});
export const communityModelRevisionQuery = z.object({ revision: z.coerce.number().int().min(0) });

export const communityModelListQuery = z.object({
  /** The register of this unit and its subtree. */
  orgUnitId: z.coerce.number().int().positive(),
  /** The year whose rows, statuses and totals are shown. */
  year: z.coerce.number().int().min(1990).max(2100),
  kind: z.enum(communityModelKinds).optional(),
  /** `none`: no row for the year yet. */
  status: z.enum([...communityModelStatuses, 'none']).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type CommunityModelListQuery = Omit<z.output<typeof communityModelListQuery>, 'limit'> & {
  limit?: number;
};

/* --------------------------------------------------------------------- output */

const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const communityModelYear = z.object({
  year: z.number().int(),
  status: z.enum(communityModelStatuses),
  membersMale: z.number().int().nullable(),
  membersFemale: z.number().int().nullable(),
  membersKinh: z.number().int().nullable(),
  membersMinority: z.number().int().nullable(),
  notes: z.string().nullable(),
});
export type CommunityModelYear = z.infer<typeof communityModelYear>;

export const communityModelSummary = z.object({
  id: z.number().int(),
  orgUnit: unitRef,
  kind: z.enum(communityModelKinds),
  name: z.string(),
  place: unitRef.nullable(),
  establishedOn: z.string().nullable(),
  managingOrganisation: z.string().nullable(),
  revision: z.number().int(),
  /** The row of the year asked for (list), or of the latest year (detail); null when none. */
  yearRow: communityModelYear.nullable(),
});
export type CommunityModelSummary = z.infer<typeof communityModelSummary>;

export const communityModelTotals = z.object({
  models: z.number().int(),
  active: z.number().int(),
  inactive: z.number().int(),
  dissolved: z.number().int(),
  /** No row for the year. */
  noData: z.number().int(),
  membersMale: z.number().int(),
  membersFemale: z.number().int(),
  membersKinh: z.number().int(),
  membersMinority: z.number().int(),
});
export type CommunityModelTotals = z.infer<typeof communityModelTotals>;

export const communityModelList = z.object({
  orgUnit: unitRef,
  year: z.number().int(),
  items: z.array(communityModelSummary),
  /** Over every model matching the filter, not only the items shown. */
  totalsByKind: z.array(communityModelTotals.extend({ kind: z.enum(communityModelKinds) })),
  totals: communityModelTotals,
  truncated: z.boolean(),
  can: z.object({ create: z.boolean() }),
});
export type CommunityModelList = z.infer<typeof communityModelList>;

export const communityModelDetail = communityModelSummary.extend({
  notes: z.string().nullable(),
  /** Newest year first. */
  years: z.array(communityModelYear),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type CommunityModelDetail = z.infer<typeof communityModelDetail>;
