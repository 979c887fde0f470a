import type { IndicatorProgressStatus, Target } from '@binhdang/contracts';
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../i18n/i18n.ts';
import { paths } from '../app/app.paths.ts';
import { Field } from '../app/app.ui.tsx';
import { hasPermission, type Session, useSession } from '../auth/auth.session.ts';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import { formatFigure } from './indicators.number.ts';

type Tab = 'entry' | 'progress' | 'catalogue';

/** The three figures screens, one tap apart. */
export function FiguresTabs({ current }: { current: Tab }) {
  const session = useSession();
  const tabs: { tab: Tab; href: string; key: MessageKey; isShown: boolean }[] = [
    { tab: 'entry', href: paths.figuresEntry, key: 'indicators.tabs.entry', isShown: true },
    { tab: 'progress', href: paths.figuresProgress, key: 'indicators.tabs.progress', isShown: true },
    { tab: 'catalogue', href: paths.figuresCatalogue, key: 'indicators.tabs.catalogue', isShown: true },
  ];
  if (!session) return null;
  return (
    <nav class="view-switch" aria-label={t('indicators.views')}>
      {tabs
        .filter((tab) => tab.isShown)
        .map((tab) => (
          <a key={tab.tab} href={tab.href} aria-current={tab.tab === current ? 'page' : undefined}>
            {t(tab.key)}
          </a>
        ))}
    </nav>
  );
}

const statusTones: Record<IndicatorProgressStatus, string> = {
  achieved: 'badge-success',
  on_track: 'badge-info',
  off_track: 'badge-danger',
  no_data: 'badge-muted',
};

export function progressStatusLabel(status: IndicatorProgressStatus): string {
  return t(`indicators.progress.statuses.${status}`);
}

export function ProgressStatusBadge({ status }: { status: IndicatorProgressStatus }) {
  return <span class={`badge ${statusTones[status]}`}>{progressStatusLabel(status)}</span>;
}

/** `≥ 60` as the strategy words it: "ít nhất 60%". */
export function describeTargetValue(target: Pick<Target, 'operator' | 'value'>, unit: string): string {
  const suffix = unit === '%' ? '%' : ` ${unit}`;
  return `${t(`indicators.targetOperators.${target.operator}`)} ${formatFigure(target.value)}${suffix}`;
}

/** Whose target it is: the unit's own, inherited from a unit above, or national. */
export function describeTargetOrigin(target: Target): string {
  if (target.inheritedFrom) {
    return target.inheritedFrom.level === 'national'
      ? t('indicators.progress.targetNational')
      : t('indicators.progress.targetInherited', { unit: target.inheritedFrom.name });
  }
  if (!target.orgUnit) return t('indicators.progress.targetNational');
  return t('indicators.progress.targetOwn', { unit: target.orgUnit.name });
}

/** The units the user holds a role on, the usual answer to "which unit?". */
export function grantUnits(session: Session | null): PickedUnit[] {
  const units: PickedUnit[] = [];
  for (const grant of session?.grants ?? []) {
    if (grant.orgUnit && !units.some((unit) => unit.id === grant.orgUnit?.id)) units.push(grant.orgUnit);
  }
  return units;
}

export function canManageCatalogue(session: Session | null): boolean {
  return hasPermission(session, 'catalogue.manage');
}

const OTHER = 'other';

/**
 * The user's own units in a select (one tap on a phone), and a search for any other unit in
 * their scope. `value` may be a unit known only by id (from the address) until a page names it.
 */
export function UnitChooser({
  label,
  value,
  onChange,
}: {
  label: string;
  value: PickedUnit | null;
  onChange: (unit: PickedUnit | null) => void;
}) {
  const session = useSession();
  const own = grantUnits(session);
  const isOwn = value !== null && own.some((unit) => unit.id === value.id);
  const [isSearching, setSearching] = useState(own.length === 0 || (value !== null && !isOwn));

  useEffect(() => {
    if (value && !isOwn) setSearching(true);
  }, [value, isOwn]);

  if (isSearching) {
    return (
      <div class="unit-chooser">
        <OrgUnitPicker label={label} value={value} onChange={onChange} />
        {own.length > 0 && (
          <button
            type="button"
            class="button-quiet"
            onClick={() => {
              setSearching(false);
              onChange(own[0] ?? null);
            }}
          >
            {t('common.cancel')}
          </button>
        )}
      </div>
    );
  }

  return (
    <Field label={label}>
      {(control) => (
        <select
          {...control}
          value={value ? String(value.id) : ''}
          onChange={(event) => {
            const chosen = event.currentTarget.value;
            if (chosen === OTHER) {
              setSearching(true);
              onChange(null);
              return;
            }
            onChange(own.find((unit) => String(unit.id) === chosen) ?? null);
          }}
        >
          {own.map((unit) => (
            <option key={unit.id} value={String(unit.id)}>
              {unit.name}
            </option>
          ))}
          <option value={OTHER}>{t('indicators.entry.otherUnit')}</option>
        </select>
      )}
    </Field>
  );
}

/** Keeps a page's choices in the address, so a reload or a shared link opens the same figures. */
export function useChoicesInAddress(base: string, choices: Record<string, string>): void {
  const serialised = new URLSearchParams(
    Object.entries(choices).filter(([, value]) => value !== ''),
  ).toString();
  useEffect(() => {
    const url = `${base}${serialised ? `?${serialised}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      history.replaceState(history.state, '', url);
    }
  }, [base, serialised]);
}

/** The unit named in the address (`?donvi=12`), else the user's first unit. */
export function initialUnit(session: Session | null, idInAddress: string | undefined): PickedUnit | null {
  const own = grantUnits(session);
  const id = Number(idInAddress);
  if (Number.isInteger(id) && id > 0) {
    return own.find((unit) => unit.id === id) ?? { id, code: '', name: '…', kind: '' };
  }
  return own[0] ?? null;
}
