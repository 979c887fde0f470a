import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/i18n.ts';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';

/**
 * Reporting units picked one by one: a chip per unit (with the server's message for it, found at
 * `unitIds.N`) and a search box to add the next. Used when opening a round and when adding units.
 */
export function UnitChipsField({
  legend,
  picked,
  onChange,
  errors,
  excludeIds = [],
  children,
}: {
  legend: string;
  picked: PickedUnit[];
  onChange: (update: (current: PickedUnit[]) => PickedUnit[]) => void;
  errors: Record<string, string | undefined>;
  excludeIds?: number[];
  children?: ComponentChildren;
}) {
  return (
    <fieldset class="field">
      <legend class="label">{legend}</legend>
      {picked.length > 0 && (
        <ul class="plain-list unit-chips">
          {picked.map((unit, index) => (
            <li key={unit.id} class={errors[`unitIds.${index}`] ? 'field-invalid' : undefined}>
              <span>{unit.name}</span>
              <button
                type="button"
                class="button-quiet"
                aria-label={t('reporting.create.removeUnit', { unit: unit.name })}
                onClick={() => onChange((current) => current.filter((other) => other.id !== unit.id))}
              >
                ×
              </button>
              {errors[`unitIds.${index}`] && (
                <span class="field-error block">{errors[`unitIds.${index}`]}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <OrgUnitPicker
        label={t('reporting.create.addUnit')}
        value={null}
        excludeIds={[...excludeIds, ...picked.map((unit) => unit.id)]}
        onChange={(unit) => unit && onChange((current) => [...current, unit])}
        error={errors.unitIds}
      />
      {children}
    </fieldset>
  );
}
