import type { CommunityModelStatus, CommunityModelYear } from '@binhdang/contracts';

/*
 * The year row as typed on a phone, pure: counts are text until saved, `1.250` (a Vietnamese
 * thousands dot) and `1 250` both mean 1250, empty means "not known".
 */

export interface YearDraft {
  status: CommunityModelStatus;
  membersMale: string;
  membersFemale: string;
  membersKinh: string;
  membersMinority: string;
  notes: string;
}

export const countFields = ['membersMale', 'membersFemale', 'membersKinh', 'membersMinority'] as const;
export type CountField = (typeof countFields)[number];

/** A count typed by hand: a whole number ≥ 0, null when empty, `invalid` otherwise. */
export function parseCount(text: string): number | null | 'invalid' {
  const compact = text.replace(/[\s.]/g, '');
  if (compact === '') return null;
  if (!/^\d{1,7}$/.test(compact)) return 'invalid';
  return Number(compact);
}

export function emptyYearDraft(): YearDraft {
  return {
    status: 'active',
    membersMale: '',
    membersFemale: '',
    membersKinh: '',
    membersMinority: '',
    notes: '',
  };
}

export function yearDraftFrom(row: CommunityModelYear): YearDraft {
  const text = (value: number | null) => (value === null ? '' : String(value));
  return {
    status: row.status,
    membersMale: text(row.membersMale),
    membersFemale: text(row.membersFemale),
    membersKinh: text(row.membersKinh),
    membersMinority: text(row.membersMinority),
    notes: row.notes ?? '',
  };
}

/** The fields to send, or the fields that are not whole numbers. */
export function yearFieldsFrom(
  draft: YearDraft,
): { ok: true; fields: Omit<CommunityModelYear, 'year'> } | { ok: false; invalid: CountField[] } {
  const invalid: CountField[] = [];
  const counts = {} as Record<CountField, number | null>;
  for (const field of countFields) {
    const parsed = parseCount(draft[field]);
    if (parsed === 'invalid') invalid.push(field);
    else counts[field] = parsed;
  }
  if (invalid.length > 0) return { ok: false, invalid };
  return {
    ok: true,
    fields: { status: draft.status, ...counts, notes: draft.notes.trim() === '' ? null : draft.notes },
  };
}

/** Members by sex, `null` when neither is known. */
export function totalMembers(row: Pick<CommunityModelYear, 'membersMale' | 'membersFemale'>): number | null {
  if (row.membersMale === null && row.membersFemale === null) return null;
  return (row.membersMale ?? 0) + (row.membersFemale ?? 0);
}
