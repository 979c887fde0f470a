import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { OrgUnitPicker } from '../org-units/org-units.picker.tsx';
import {
  type AssigneeRef,
  type NameResolution,
  nameUseCounts,
  type ReviewAction,
  type ReviewState,
  resolutionOf,
} from './imports.review.ts';

/*
 * The unit names the document prints, and what each stands for: a registry unit (matched when
 * the document was read, or chosen here), a group of units, or a name left as printed. A name
 * still unmatched is shown in a warning colour, with an icon and words, never colour alone.
 */

export const NAMES_SECTION_ID = 'don-vi';

/** One lead or supporting unit of a task, as the task list shows it. */
export function AssigneeChip({ state, assignee }: { state: ReviewState; assignee: AssigneeRef }) {
  if ('orgUnitId' in assignee) {
    return (
      <span class="assignee-chip is-resolved">
        <span aria-hidden="true">✓ </span>
        {assignee.unitName}
      </span>
    );
  }
  const resolution = resolutionOf(state, assignee.name);
  switch (resolution.status) {
    case 'matched':
    case 'mapped':
      return (
        <span class="assignee-chip is-resolved" title={assignee.name}>
          <span aria-hidden="true">✓ </span>
          {resolution.unitName}
        </span>
      );
    case 'group':
      return (
        <span class="assignee-chip is-group">
          {assignee.name}{' '}
          <span class="unit-meta">({t('imports.names.groupShort', { label: resolution.group.label })})</span>
        </span>
      );
    case 'kept':
      return (
        <span class="assignee-chip">
          {assignee.name} <span class="unit-meta">({t('imports.names.keptShort')})</span>
        </span>
      );
    default:
      return (
        <mark class="unresolved assignee-chip">
          <span aria-hidden="true">⚠ </span>
          {assignee.name} <span class="unresolved-tag">({t('imports.names.unresolvedShort')})</span>
        </mark>
      );
  }
}

function statusText(resolution: NameResolution): string {
  switch (resolution.status) {
    case 'matched':
      return t('imports.names.matched', { unit: resolution.unitName });
    case 'mapped':
      return t('imports.names.mapped', { unit: resolution.unitName });
    case 'group':
      return t('imports.names.group', { label: resolution.group.label });
    case 'kept':
      return t('imports.names.kept');
    default:
      return t('imports.names.unresolved');
  }
}

const icons: Record<NameResolution['status'], string> = {
  matched: '✓',
  mapped: '✓',
  group: '≡',
  kept: '•',
  unresolved: '⚠',
};

function NameRow({
  name,
  resolution,
  useCount,
  dispatch,
}: {
  name: string;
  resolution: NameResolution;
  useCount: number;
  dispatch: (action: ReviewAction) => void;
}) {
  const [isMapping, setMapping] = useState(false);
  const isUnresolved = resolution.status === 'unresolved';
  const canUndo = resolution.status === 'mapped' || resolution.status === 'kept';
  return (
    <li class={`name-row name-${resolution.status}`}>
      <p class="name-printed">
        <span class="name-icon" aria-hidden="true">
          {icons[resolution.status]}
        </span>{' '}
        {isUnresolved ? <mark class="unresolved">{name}</mark> : <strong>{name}</strong>}{' '}
        <span class="unit-meta">{t('imports.names.usedIn', { count: useCount })}</span>
      </p>
      <p class="name-status">{statusText(resolution)}</p>
      <div class="button-row">
        {!canUndo && (
          <button
            type="button"
            class={isUnresolved ? undefined : 'button-quiet'}
            aria-expanded={isMapping}
            aria-label={t(isUnresolved ? 'imports.names.mapNamed' : 'imports.names.remapNamed', { name })}
            onClick={() => setMapping(!isMapping)}
          >
            {t(isUnresolved ? 'imports.names.map' : 'imports.names.remap')}
          </button>
        )}
        {isUnresolved && (
          <button
            type="button"
            aria-label={t('imports.names.keepNamed', { name })}
            onClick={() => {
              setMapping(false);
              dispatch({ type: 'keepName', name });
            }}
          >
            {t('imports.names.keep')}
          </button>
        )}
        {canUndo && (
          <button
            type="button"
            class="button-quiet"
            aria-label={t('imports.names.undoNamed', { name })}
            onClick={() => dispatch({ type: 'resetName', name })}
          >
            {t('imports.names.undo')}
          </button>
        )}
      </div>
      {isMapping && (
        <div class="assignee-map">
          <OrgUnitPicker
            label={t('plans.assignees.mapLabel', { name })}
            value={null}
            onChange={(unit) => {
              if (!unit) return;
              setMapping(false);
              dispatch({ type: 'mapName', name, unit: { orgUnitId: unit.id, unitName: unit.name } });
            }}
          />
        </div>
      )}
    </li>
  );
}

/** Every name a remaining task prints, with what it stands for. */
export function NamesEditor({
  state,
  dispatch,
}: {
  state: ReviewState;
  dispatch: (action: ReviewAction) => void;
}) {
  const counts = nameUseCounts(state);
  // In the order the document names them: a row must not jump away when its name is mapped.
  const ordered = state.names.filter((name) => counts.has(name));
  if (ordered.length === 0) return <p class="muted">{t('imports.names.none')}</p>;
  return (
    <>
      <p class="hint">{t('imports.names.intro')}</p>
      <ul class="plain-list name-list">
        {ordered.map((name) => (
          <NameRow
            key={name}
            name={name}
            resolution={resolutionOf(state, name)}
            useCount={counts.get(name) ?? 0}
            dispatch={dispatch}
          />
        ))}
      </ul>
    </>
  );
}
