import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { useDebouncedValue, useResource } from '../app/app.hooks.ts';
import { ErrorNotice, Field } from '../app/app.ui.tsx';
import { searchOrgUnits } from './org-units.api.ts';
import { kindLabel } from './org-units.format.tsx';

export interface PickedUnit {
  id: number;
  code: string;
  name: string;
  kind: string;
}

const PICKER_LIMIT = 10;

interface OrgUnitPickerProps {
  label: string;
  value: PickedUnit | null;
  onChange: (unit: PickedUnit | null) => void;
  hint?: string | undefined;
  error?: string | undefined;
  isOptional?: boolean;
  /** Units that cannot be chosen here, e.g. the unit being merged. */
  excludeIds?: number[];
}

/** Finds an open unit in the user's scope by name (diacritics optional) and picks it. */
export function OrgUnitPicker({
  label,
  value,
  onChange,
  hint,
  error,
  isOptional,
  excludeIds = [],
}: OrgUnitPickerProps) {
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const shouldFocus = useRef(false);

  useEffect(() => {
    if (!value && shouldFocus.current) input.current?.focus();
    shouldFocus.current = false;
  }, [value]);

  if (value) {
    return (
      <fieldset class={error ? 'field picked-field field-invalid' : 'field picked-field'}>
        <legend class="label">{label}</legend>
        <p class="picked">
          <span>
            <strong>{value.name}</strong> <span class="muted">({value.code})</span>
          </span>
          <button
            type="button"
            class="button-quiet"
            onClick={() => {
              shouldFocus.current = true;
              setQuery('');
              onChange(null);
            }}
          >
            {t('orgUnits.picker.change')}
          </button>
        </p>
        {error && <p class="field-error">{error}</p>}
      </fieldset>
    );
  }

  return (
    <div class="picker">
      <Field label={label} hint={hint} error={error} isOptional={isOptional}>
        {(control) => (
          <input
            {...control}
            ref={input}
            type="search"
            autocomplete="off"
            spellcheck={false}
            placeholder={t('orgUnits.picker.placeholder')}
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
            // Enter picks nothing by itself; it must not submit the surrounding form half-filled.
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
        )}
      </Field>
      <PickerResults query={query} excludeIds={excludeIds} onPick={onChange} />
    </div>
  );
}

function PickerResults({
  query,
  excludeIds,
  onPick,
}: {
  query: string;
  excludeIds: number[];
  onPick: (unit: PickedUnit) => void;
}) {
  const debounced = useDebouncedValue(query.trim(), 250);
  const results = useResource(
    (signal) =>
      debounced
        ? searchOrgUnits({ q: debounced, status: 'open', limit: PICKER_LIMIT }, signal)
        : Promise.resolve(null),
    [debounced],
  );
  if (!debounced) return null;
  if (results.error) return <ErrorNotice error={results.error} onRetry={results.reload} />;
  const items = (results.data?.items ?? []).filter((unit) => !excludeIds.includes(unit.id));
  return (
    <div class="picker-results">
      <p class="muted" role="status">
        {results.isLoading
          ? t('orgUnits.search.searching')
          : items.length === 0
            ? t('orgUnits.picker.noResults')
            : t('orgUnits.picker.results', { count: items.length })}
      </p>
      {items.length > 0 && (
        <ul class="plain-list">
          {items.map((unit) => (
            <li key={unit.id}>
              <button
                type="button"
                class="picker-option"
                onClick={() => onPick({ id: unit.id, code: unit.code, name: unit.name, kind: unit.kind })}
              >
                <span class="unit-name">{unit.name}</span>
                <span class="unit-meta">
                  {kindLabel(unit.kind)} · {unit.code}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
