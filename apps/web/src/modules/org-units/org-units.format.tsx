import { type OrgUnitKind, orgUnitKindLabels, orgUnitKinds } from '@binhdang/contracts';
import { localized, t } from '../../i18n/i18n.ts';
import { formatDate } from '../app/app.format.ts';
import { paths } from '../app/app.paths.ts';
import { Badge } from '../app/app.ui.tsx';

export function isOrgUnitKind(value: string | undefined): value is OrgUnitKind {
  return (orgUnitKinds as readonly string[]).includes(value ?? '');
}

export function kindLabel(kind: string): string {
  return isOrgUnitKind(kind) ? localized(orgUnitKindLabels[kind]) : t('orgUnits.kindUnknown');
}

export function validityText(unit: { validFrom: string | null; validTo: string | null }): string {
  const from = formatDate(unit.validFrom);
  const to = formatDate(unit.validTo);
  if (from && to) return t('orgUnits.validity.range', { from, to });
  if (from) return t('orgUnits.validity.from', { from });
  if (to) return t('orgUnits.validity.until', { to });
  return t('orgUnits.validity.unknown');
}

export function ClosedBadge() {
  return <Badge tone="warning">{t('orgUnits.closedBadge')}</Badge>;
}

export function KindOptions() {
  return (
    <>
      {orgUnitKinds.map((kind) => (
        <option key={kind} value={kind}>
          {localized(orgUnitKindLabels[kind])}
        </option>
      ))}
    </>
  );
}

export function OrgUnitLink({ unit }: { unit: { id: number; name: string } }) {
  return <a href={paths.orgUnit(unit.id)}>{unit.name}</a>;
}
