import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import type { AssigneeDraft } from './plans.draft.ts';

interface AssigneesEditorProps {
  legend: string;
  addLabel: string;
  value: AssigneeDraft[];
  onChange: (value: AssigneeDraft[]) => void;
  /** Units already assigned in the other role: a unit either leads or supports a task. */
  takenIds: number[];
  error?: string | undefined;
}

function UnresolvedAssignee({
  assignee,
  takenIds,
  onMap,
  onRemove,
}: {
  assignee: AssigneeDraft;
  takenIds: number[];
  onMap: (unit: PickedUnit) => void;
  onRemove: () => void;
}) {
  const [isMapping, setMapping] = useState(false);
  return (
    <li class="assignee assignee-unresolved">
      <span>
        <mark class="unresolved">{assignee.unitName}</mark>
        <span class="block hint">{t('plans.assignees.unresolvedHint')}</span>
      </span>
      <span class="button-row">
        <button
          type="button"
          class="button-quiet"
          aria-expanded={isMapping}
          onClick={() => setMapping(!isMapping)}
        >
          {t('plans.assignees.map')}
        </button>
        <button
          type="button"
          class="button-quiet"
          aria-label={t('plans.assignees.removeNamed', { name: assignee.unitName })}
          onClick={onRemove}
        >
          {t('plans.assignees.remove')}
        </button>
      </span>
      {isMapping && (
        <div class="assignee-map">
          <OrgUnitPicker
            label={t('plans.assignees.mapLabel', { name: assignee.unitName })}
            value={null}
            onChange={(unit) => unit && onMap(unit)}
            excludeIds={takenIds}
          />
        </div>
      )}
    </li>
  );
}

/**
 * The lead or supporting units of a task: picked from the registry; names an import could not
 * match stay visible, highlighted, until someone maps them to a unit or removes them.
 */
export function AssigneesEditor({
  legend,
  addLabel,
  value,
  onChange,
  takenIds,
  error,
}: AssigneesEditorProps) {
  // A new picker after each pick clears its search box for the next unit.
  const [pickerKey, setPickerKey] = useState(0);
  const ownIds = value.flatMap((assignee) => (assignee.orgUnitId === null ? [] : [assignee.orgUnitId]));
  const excludeIds = [...ownIds, ...takenIds];

  function replace(index: number, next: AssigneeDraft | null) {
    onChange(
      next === null
        ? value.filter((_, position) => position !== index)
        : value.map((a, i) => (i === index ? next : a)),
    );
  }

  return (
    <fieldset class={error ? 'assignees field-invalid' : 'assignees'}>
      <legend>{legend}</legend>
      {value.length === 0 ? (
        <p class="muted">{t('plans.assignees.none')}</p>
      ) : (
        <ul class="plain-list">
          {value.map((assignee, index) =>
            assignee.orgUnitId === null ? (
              <UnresolvedAssignee
                key={`name-${assignee.unitName}`}
                assignee={assignee}
                takenIds={excludeIds}
                onMap={(unit) => replace(index, { orgUnitId: unit.id, unitName: unit.name })}
                onRemove={() => replace(index, null)}
              />
            ) : (
              <li key={assignee.orgUnitId} class="assignee">
                <span>{assignee.unitName}</span>
                <button
                  type="button"
                  class="button-quiet"
                  aria-label={t('plans.assignees.removeNamed', { name: assignee.unitName })}
                  onClick={() => replace(index, null)}
                >
                  {t('plans.assignees.remove')}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      {error && <p class="field-error">{error}</p>}
      <OrgUnitPicker
        key={pickerKey}
        label={addLabel}
        value={null}
        excludeIds={excludeIds}
        onChange={(unit) => {
          if (!unit) return;
          onChange([...value, { orgUnitId: unit.id, unitName: unit.name }]);
          setPickerKey((key) => key + 1);
        }}
      />
    </fieldset>
  );
}
