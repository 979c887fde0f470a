import { z } from 'zod';
import { normalizeText } from './text.ts';

/** Unit kinds (DESIGN.md, capability 1). Communes, wards and special zones are the lowest level since July 2025. */
export const orgUnitKinds = [
  'province',
  'agency',
  'mass_organisation',
  'commune',
  'ward',
  'special_zone',
  'district',
  'advancement_committee',
  'public_unit',
] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export const orgUnitKindLabels: Record<OrgUnitKind, { vi: string; en: string }> = {
  province: { vi: 'Tỉnh, thành phố', en: 'Province' },
  agency: { vi: 'Sở, ban, ngành', en: 'Provincial agency' },
  mass_organisation: { vi: 'Tổ chức chính trị - xã hội', en: 'Mass organisation' },
  commune: { vi: 'Xã', en: 'Commune' },
  ward: { vi: 'Phường', en: 'Ward' },
  special_zone: { vi: 'Đặc khu', en: 'Special zone' },
  district: { vi: 'Huyện (trước 07/2025)', en: 'District (before July 2025)' },
  advancement_committee: { vi: 'Ban vì sự tiến bộ của phụ nữ', en: 'Committee for the Advancement of Women' },
  public_unit: { vi: 'Đơn vị sự nghiệp (trường, bệnh viện...)', en: 'Public service unit' },
};

export const lineageKinds = ['merged_into', 'split_from', 'renamed', 'closed'] as const;
export type LineageKind = (typeof lineageKinds)[number];

export const isoDate = z.iso.date();

/** Trims, folds white space and NFC-normalises before checking length. */
export const cleanText = (min: number, max: number) =>
  z
    .string()
    .transform((value) => normalizeText(value))
    .pipe(z.string().min(min).max(max));

export const unitCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (tối đa 64 ký tự).',
  });

export const orgUnitSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(orgUnitKinds),
  parentId: z.number().int().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  isOpen: z.boolean(),
  childCount: z.number().int(),
});
export type OrgUnitSummary = z.infer<typeof orgUnitSummary>;

export const orgUnitNameHistoryEntry = z.object({
  name: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

export const lineageEvent = z.object({
  id: z.number().int(),
  kind: z.enum(lineageKinds),
  effectiveOn: z.string(),
  fromUnit: orgUnitSummary.pick({ id: true, code: true, name: true, kind: true }),
  toUnit: orgUnitSummary.pick({ id: true, code: true, name: true, kind: true }).nullable(),
  note: z.string().nullable(),
});
export type LineageEvent = z.infer<typeof lineageEvent>;

export const orgUnitDetail = orgUnitSummary.extend({
  ancestors: z.array(orgUnitSummary.pick({ id: true, code: true, name: true, kind: true })),
  children: z.array(orgUnitSummary),
  names: z.array(orgUnitNameHistoryEntry),
  /** Events where this unit is the source (it merged into / was renamed) or the target (others merged into it). */
  lineage: z.array(lineageEvent),
  /** Today's open units that carry this closed unit's history, following lineage forward. */
  successors: z.array(orgUnitSummary.pick({ id: true, code: true, name: true, kind: true })),
});
export type OrgUnitDetail = z.infer<typeof orgUnitDetail>;

export const orgUnitSearchQuery = z.object({
  q: z.string().max(200).optional(),
  parentId: z.coerce.number().int().positive().optional(),
  kind: z.enum(orgUnitKinds).optional(),
  /** `open` (default): units valid today; `closed`: historical only; `all`. */
  status: z.enum(['open', 'closed', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const orgUnitList = z.object({ items: z.array(orgUnitSummary), total: z.number().int() });

export const createOrgUnitInput = z.strictObject({
  code: unitCode,
  name: cleanText(2, 200),
  kind: z.enum(orgUnitKinds),
  parentId: z.number().int().positive().nullable(),
  validFrom: isoDate,
});
export type CreateOrgUnitInput = z.infer<typeof createOrgUnitInput>;

export const renameOrgUnitInput = z.strictObject({
  name: cleanText(2, 200),
  effectiveOn: isoDate,
  note: cleanText(0, 500).optional(),
});

/**
 * Every lineage input names the first day of the new state: a unit closed, merged or split
 * `effectiveOn` 2025-07-01 was last valid on 2025-06-30.
 */
export const closeOrgUnitInput = z.strictObject({
  effectiveOn: isoDate,
  note: cleanText(0, 500).optional(),
});

export const newUnitForLineage = z.strictObject({
  code: unitCode,
  name: cleanText(2, 200),
  kind: z.enum(orgUnitKinds).optional(),
});

export const mergeOrgUnitsInput = z.strictObject({
  sourceIds: z.array(z.number().int().positive()).min(1).max(50),
  /** Merge into an open unit, or into a new unit created by the merge. */
  targetId: z.number().int().positive().optional(),
  newTarget: newUnitForLineage.extend({ parentId: z.number().int().positive().nullable() }).optional(),
  /** First day of the merged structure; the sources' last day is the day before. */
  effectiveOn: isoDate,
  note: cleanText(0, 500).optional(),
});

export const splitOrgUnitInput = z.strictObject({
  newUnits: z.array(newUnitForLineage).min(1).max(50),
  /** Whether the source stops existing (a full split) or continues beside the new units. */
  closeSource: z.boolean(),
  effectiveOn: isoDate,
  note: cleanText(0, 500).optional(),
});

export const orgUnitIdParam = z.object({ id: z.coerce.number().int().positive() });
