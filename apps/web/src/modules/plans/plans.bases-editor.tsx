import { type LegalDocument, legalDocumentKinds } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { useDebouncedValue, useFormAction, useResource } from '../app/app.hooks.ts';
import { ErrorNotice, Field, FormMessages, SubmitButton } from '../app/app.ui.tsx';
import { createLegalDocument, searchLegalDocuments } from './plans.api.ts';
import { legalDocumentText } from './plans.format.tsx';

interface BasesEditorProps {
  value: LegalDocument[];
  onChange: (value: LegalDocument[]) => void;
}

/** The documents the plan is made "căn cứ": found in the shared registry, or added to it here. */
export function BasesEditor({ value, onChange }: BasesEditorProps) {
  const chosenIds = value.map((basis) => basis.id);
  const add = (document: LegalDocument) => {
    if (!chosenIds.includes(document.id)) onChange([...value, document]);
  };
  const move = (index: number, offset: -1 | 1) => {
    const next = [...value];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + offset, 0, moved);
    onChange(next);
  };

  return (
    <div class="bases-editor">
      {value.length === 0 ? (
        <p class="muted">{t('plans.bases.none')}</p>
      ) : (
        <ol class="bases-list">
          {value.map((basis, index) => {
            const text = legalDocumentText(basis);
            return (
              <li key={basis.id}>
                <span>{text}</span>
                <span class="button-row">
                  <button
                    type="button"
                    class="button-quiet"
                    disabled={index === 0}
                    aria-label={t('plans.bases.moveUpNamed', { document: text })}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="button-quiet"
                    disabled={index === value.length - 1}
                    aria-label={t('plans.bases.moveDownNamed', { document: text })}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    class="button-quiet"
                    aria-label={t('plans.bases.removeNamed', { document: text })}
                    onClick={() => onChange(value.filter((other) => other.id !== basis.id))}
                  >
                    {t('plans.bases.remove')}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <RegistrySearch chosenIds={chosenIds} onPick={add} />
      <details class="action">
        <summary>{t('plans.bases.newTitle')}</summary>
        <NewLegalDocumentForm onCreated={add} />
      </details>
    </div>
  );
}

function RegistrySearch({
  chosenIds,
  onPick,
}: {
  chosenIds: number[];
  onPick: (document: LegalDocument) => void;
}) {
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query.trim(), 250);
  const results = useResource(
    (signal) => (debounced ? searchLegalDocuments(debounced, signal) : Promise.resolve(null)),
    [debounced],
  );
  const items = (results.data?.items ?? []).filter((document) => !chosenIds.includes(document.id));
  return (
    <div class="picker">
      <Field label={t('plans.bases.search')} hint={t('plans.bases.searchHint')}>
        {(control) => (
          <input
            {...control}
            type="search"
            autocomplete="off"
            spellcheck={false}
            placeholder={t('plans.bases.searchPlaceholder')}
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
        )}
      </Field>
      {debounced && results.error ? <ErrorNotice error={results.error} onRetry={results.reload} /> : null}
      {debounced && !results.error && (
        <div class="picker-results">
          <p class="muted" role="status">
            {results.isLoading
              ? t('orgUnits.search.searching')
              : items.length === 0
                ? t('plans.bases.noResults')
                : t('orgUnits.picker.results', { count: items.length })}
          </p>
          {items.length > 0 && (
            <ul class="plain-list">
              {items.map((document) => (
                <li key={document.id}>
                  <button
                    type="button"
                    class="picker-option"
                    onClick={() => {
                      onPick(document);
                      setQuery('');
                    }}
                  >
                    <span>{legalDocumentText(document)}</span>
                    <span class="unit-meta">{t('plans.bases.add')}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function NewLegalDocumentForm({ onCreated }: { onCreated: (document: LegalDocument) => void }) {
  const action = useFormAction();
  const [kind, setKind] = useState<string>('Kế hoạch');
  const [number, setNumber] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [issuer, setIssuer] = useState('');
  const [title, setTitle] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    const created = await action.run(
      () =>
        createLegalDocument({
          kind,
          number: number.trim() || null,
          issuedOn: issuedOn || null,
          issuer: issuer.trim() || null,
          title: title.trim() || null,
        }),
      t('plans.bases.created'),
    );
    if (!created) return;
    onCreated(created);
    setNumber('');
    setIssuedOn('');
    setIssuer('');
    setTitle('');
  }

  return (
    <form class="form" onSubmit={submit}>
      <FormMessages action={action} placedPaths={['kind', 'number', 'issuedOn', 'issuer', 'title']} />
      <div class="field-row">
        <Field label={t('plans.bases.kind')} error={action.fieldErrors.kind}>
          {(control) => (
            <select {...control} value={kind} onChange={(event) => setKind(event.currentTarget.value)}>
              {legalDocumentKinds.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('plans.bases.number')}
          hint={t('plans.bases.numberHint')}
          error={action.fieldErrors.number}
          isOptional
        >
          {(control) => (
            <input
              {...control}
              maxLength={60}
              spellcheck={false}
              value={number}
              onInput={(event) => setNumber(event.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <div class="field-row">
        <Field label={t('plans.bases.issuedOn')} error={action.fieldErrors.issuedOn} isOptional>
          {(control) => (
            <input
              {...control}
              type="date"
              value={issuedOn}
              onInput={(event) => setIssuedOn(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          label={t('plans.bases.issuer')}
          hint={t('plans.bases.issuerHint')}
          error={action.fieldErrors.issuer}
          isOptional
        >
          {(control) => (
            <input
              {...control}
              maxLength={300}
              value={issuer}
              onInput={(event) => setIssuer(event.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <Field
        label={t('plans.bases.title')}
        hint={t('plans.bases.titleHint')}
        error={action.fieldErrors.title}
        isOptional
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={1000}
            value={title}
            onInput={(event) => setTitle(event.currentTarget.value)}
          />
        )}
      </Field>
      <SubmitButton isBusy={action.isSubmitting} label={t('plans.bases.create')} class="button" />
    </form>
  );
}
