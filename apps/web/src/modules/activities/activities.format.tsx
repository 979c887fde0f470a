import {
  type ActivityKind,
  activityKindLabels,
  type ParticipantKey,
  type Permission,
  participantKeys,
} from '@binhdang/contracts';
import { localized } from '../../i18n/i18n.ts';
import type { Session } from '../auth/auth.session.ts';
import type { PickedUnit } from '../org-units/org-units.picker.tsx';

export function kindLabel(kind: ActivityKind): string {
  return localized(activityKindLabels[kind]);
}

export type Participants = Record<ParticipantKey, number>;

export function sumOf(participants: Participants, keys: readonly ParticipantKey[] = participantKeys): number {
  return keys.reduce((sum, key) => sum + (participants[key] ?? 0), 0);
}

export const female = ['female.kinh', 'female.minority'] as const;
export const male = ['male.kinh', 'male.minority'] as const;
export const minority = ['male.minority', 'female.minority'] as const;

/** `1.500.000` */
export function formatMoney(value: number): string {
  return value.toLocaleString('vi-VN');
}

/** The units the signed-in user holds `permission` on, first first: the default unit of a form. */
export function grantUnits(session: Session | null, permission: Permission): PickedUnit[] {
  if (!session?.permissions.includes(permission)) return [];
  const seen = new Set<number>();
  const units: PickedUnit[] = [];
  for (const grant of session.grants) {
    if (!grant.orgUnit || seen.has(grant.orgUnit.id) || grant.role === 'viewer') continue;
    seen.add(grant.orgUnit.id);
    units.push(grant.orgUnit);
  }
  return units;
}

/** A whole number of people or đồng typed on a phone: digits, with dots or spaces between thousands. */
export function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d+$/.test(trimmed) && !/^\d{1,3}([. ]\d{3})+$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(/[. ]/g, ''));
  return Number.isSafeInteger(value) ? value : null;
}
