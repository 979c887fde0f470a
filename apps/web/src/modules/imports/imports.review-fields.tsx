import {
  type ImportDetail,
  legalDocumentKinds,
  type PlanImportReportingKind,
  planImportReportingKinds,
} from '@binhdang/contracts';
import { useId } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { Field } from '../app/app.ui.tsx';
import { reportingKindLabel } from '../calendar/calendar.format.ts';
import {
  type BasisReview,
  fieldsUnder,
  flattenSections,
  formatDay,
  type HeaderReview,
  type ReviewAction,
  type ReviewListName,
  type ReviewState,
  type SignerReview,
  tidyDay,
} from './imports.review.ts';

/*
 * The fields of what was read, other than the tasks: every one editable, each showing its issue
 * (found before sending or sent back by the server) beside itself.
 */

type Dispatch = (action: ReviewAction) => void;
type Errors = Record<string, string>;

interface TextProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  isOptional?: boolean;
  rows?: number;
  maxLength?: number;
  list?: string;
}

export function TextField({
  label,
  value,
  onInput,
  hint,
  error,
  isOptional,
  rows,
  maxLength,
  list,
}: TextProps) {
  return (
    <Field label={label} hint={hint} error={error} isOptional={isOptional}>
      {(control) =>
        rows ? (
          <textarea
            {...control}
            rows={rows}
            maxLength={maxLength}
            value={value}
            onInput={(event) => onInput(event.currentTarget.value)}
          />
        ) : (
          <input
            {...control}
            list={list}
            maxLength={maxLength}
            value={value}
            onInput={(event) => onInput(event.currentTarget.value)}
          />
        )
      }
    </Field>
  );
}

/** A day as officers write it (`15/11/2024`, or `11/2024` when the document leaves the day blank). */
export function DayField({
  label,
  value,
  onInput,
  error,
  isOptional,
}: Pick<TextProps, 'label' | 'value' | 'onInput' | 'error' | 'isOptional'>) {
  return (
    <Field label={label} error={error} isOptional={isOptional}>
      {(control) => (
        <input
          {...control}
          inputMode="decimal"
          autocomplete="off"
          placeholder={t('imports.review.dayPlaceholder')}
          maxLength={10}
          value={value}
          onInput={(event) => onInput(event.currentTarget.value)}
          onBlur={(event) => {
            const tidy = tidyDay(event.currentTarget.value);
            if (tidy !== event.currentTarget.value) onInput(tidy);
          }}
        />
      )}
    </Field>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" class="button-quiet review-remove" onClick={onClick}>
      {label}
    </button>
  );
}

function AddButton({ label, list, dispatch }: { label: string; list: ReviewListName; dispatch: Dispatch }) {
  return (
    <button type="button" class="review-add" onClick={() => dispatch({ type: 'addRow', list })}>
      {label}
    </button>
  );
}

/* The header: kind, number, place and date, year, title, issuing body. */

export function GeneralFields({
  state,
  detail,
  dispatch,
  errors,
}: {
  state: ReviewState;
  detail: ImportDetail;
  dispatch: Dispatch;
  errors: Errors;
}) {
  const { header } = state;
  const set = (changes: Partial<HeaderReview>) => dispatch({ type: 'setHeader', changes });
  const issuerMatch = detail.issuerMatch?.unitName;
  return (
    <div class="form form-wide">
      <TextField
        label={t('plans.fields.title')}
        value={header.title}
        onInput={(title) => set({ title })}
        error={errors.title}
        rows={3}
        maxLength={1000}
      />
      <div class="field-row">
        <TextField
          label={t('imports.review.kind')}
          hint={t('imports.review.kindHint')}
          value={header.kind}
          onInput={(kind) => set({ kind })}
          error={errors.kind}
          maxLength={20}
        />
        <TextField
          label={t('plans.fields.year')}
          value={header.year}
          onInput={(year) => set({ year })}
          error={errors.year}
          maxLength={4}
        />
      </div>
      <div class="field-row">
        <TextField
          label={t('imports.review.number')}
          hint={t('imports.review.numberHint')}
          value={header.number}
          onInput={(number) => set({ number })}
          error={errors.number}
          maxLength={60}
          isOptional
        />
        <TextField
          label={t('plans.fields.symbol')}
          hint={t('imports.review.symbolHint')}
          value={header.symbol}
          onInput={(symbol) => set({ symbol })}
          error={errors.symbol}
          maxLength={60}
          isOptional
        />
      </div>
      <div class="field-row">
        <TextField
          label={t('plans.fields.place')}
          value={header.place}
          onInput={(place) => set({ place })}
          error={errors.place}
          maxLength={100}
          isOptional
        />
        <DayField
          label={t('plans.detail.issuedOn')}
          value={header.issuedOn}
          onInput={(issuedOn) => set({ issuedOn })}
          error={errors.issuedOn}
          isOptional
        />
      </div>
      <TextField
        label={t('imports.review.issuerName')}
        hint={
          issuerMatch
            ? t('imports.review.issuerMatched', { unit: issuerMatch })
            : t('imports.review.issuerNameHint', { unit: detail.receivingUnit.name })
        }
        value={header.issuerName}
        onInput={(issuerName) => set({ issuerName })}
        error={errors.issuerName}
        maxLength={300}
        isOptional
      />
    </div>
  );
}

/* Bases, and the other documents the text cites. */

function BasisRow({
  basis,
  index,
  dispatch,
  errors,
  kindListId,
}: {
  basis: BasisReview;
  index: number;
  dispatch: Dispatch;
  errors: Errors;
  kindListId: string;
}) {
  const set = (changes: Partial<Omit<BasisReview, 'key'>>) =>
    dispatch({ type: 'updateRow', list: 'bases', key: basis.key, changes });
  return (
    <li>
      <fieldset class="review-row">
        <legend>{t('imports.review.basisItem', { index: index + 1 })}</legend>
        <div class="field-row">
          <TextField
            label={t('plans.bases.kind')}
            value={basis.kind}
            onInput={(kind) => set({ kind })}
            error={errors.kind}
            list={kindListId}
            maxLength={60}
          />
          <TextField
            label={t('plans.bases.number')}
            value={basis.number}
            onInput={(number) => set({ number })}
            error={errors.number}
            maxLength={60}
          />
          <DayField
            label={t('plans.bases.issuedOn')}
            value={basis.issuedOn}
            onInput={(issuedOn) => set({ issuedOn })}
            error={errors.issuedOn}
            isOptional
          />
        </div>
        <TextField
          label={t('plans.bases.issuer')}
          value={basis.issuer}
          onInput={(issuer) => set({ issuer })}
          error={errors.issuer}
          maxLength={300}
          isOptional
        />
        <RemoveButton
          label={t('imports.review.removeBasis', { index: index + 1 })}
          onClick={() => dispatch({ type: 'removeRow', list: 'bases', key: basis.key })}
        />
      </fieldset>
    </li>
  );
}

export function BasesFields({
  state,
  detail,
  dispatch,
  errors,
}: {
  state: ReviewState;
  detail: ImportDetail;
  dispatch: Dispatch;
  errors: Errors;
}) {
  const kindListId = useId();
  const chosen = new Set(state.bases.map((basis) => basis.number.replace(/\s+/g, '')));
  const others = detail.result.citations.filter((citation) => !chosen.has(citation.number));
  return (
    <div class="list-editor">
      {state.bases.length === 0 && <p class="muted">{t('plans.bases.none')}</p>}
      <ol class="plain-list">
        {state.bases.map((basis, index) => (
          <BasisRow
            key={basis.key}
            basis={basis}
            index={index}
            dispatch={dispatch}
            errors={fieldsUnder(errors, `bases:${basis.key}`)}
            kindListId={kindListId}
          />
        ))}
      </ol>
      <AddButton label={t('imports.review.addBasis')} list="bases" dispatch={dispatch} />
      <datalist id={kindListId}>
        {legalDocumentKinds.map((kind) => (
          <option key={kind} value={kind} />
        ))}
      </datalist>
      {others.length > 0 && (
        <details class="action">
          <summary>{t('imports.review.citations', { count: others.length })}</summary>
          <p class="hint">{t('imports.review.citationsHint')}</p>
          <ul class="plain-list citation-list">
            {others.map((citation) => (
              <li key={`${citation.number}-${citation.issuedOn}`}>
                <span>
                  {[citation.kind, citation.number, citation.issuedOn && formatDay(citation.issuedOn)]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                <button
                  type="button"
                  class="button-quiet"
                  aria-label={t('imports.review.citationAsBasisNamed', { number: citation.number })}
                  onClick={() => dispatch({ type: 'addCitationAsBasis', citation })}
                >
                  {t('imports.review.citationAsBasis')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/* The outline's headings. */

export function SectionFields({
  state,
  dispatch,
  errors,
}: {
  state: ReviewState;
  dispatch: Dispatch;
  errors: Errors;
}) {
  const rows = flattenSections(state.sections);
  if (rows.length === 0) return <p class="muted">{t('imports.review.noSections')}</p>;
  const hasError = rows.some(({ section }) => errors[`sections:${section.key}.title`]);
  return (
    <details class="action" open={hasError}>
      <summary>{t('imports.review.sectionsToggle', { count: rows.length })}</summary>
      <ol class="plain-list review-sections">
        {rows.map(({ section, depth }) => (
          // A string: style objects do not survive the production build (see vite.config.ts).
          <li key={section.key} style={`--depth: ${depth}`}>
            <TextField
              label={t('imports.review.sectionTitle', { ref: section.ref })}
              value={section.title}
              onInput={(title) => dispatch({ type: 'setSectionTitle', key: section.key, title })}
              error={errors[`sections:${section.key}.title`]}
              rows={2}
              maxLength={20_000}
            />
          </li>
        ))}
      </ol>
    </details>
  );
}

/* Events, reporting duties, recipients, signer. */

export function EventFields({
  state,
  dispatch,
  errors,
}: {
  state: ReviewState;
  dispatch: Dispatch;
  errors: Errors;
}) {
  return (
    <div class="list-editor">
      {state.events.length === 0 && <p class="muted">{t('imports.review.noEvents')}</p>}
      <ol class="plain-list">
        {state.events.map((event, index) => {
          const rowErrors = fieldsUnder(errors, `events:${event.key}`);
          const set = (changes: { name?: string; from?: string; to?: string }) =>
            dispatch({ type: 'updateRow', list: 'events', key: event.key, changes });
          return (
            <li key={event.key}>
              <fieldset class="review-row">
                <legend>{t('imports.review.eventItem', { index: index + 1 })}</legend>
                <TextField
                  label={t('imports.review.eventName')}
                  value={event.name}
                  onInput={(name) => set({ name })}
                  error={rowErrors.name}
                  rows={2}
                  maxLength={500}
                />
                <div class="field-row">
                  <DayField
                    label={t('plans.time.from')}
                    value={event.from}
                    onInput={(from) => set({ from })}
                    error={rowErrors.from}
                  />
                  <DayField
                    label={t('plans.time.to')}
                    value={event.to}
                    onInput={(to) => set({ to })}
                    error={rowErrors.to}
                  />
                </div>
                <RemoveButton
                  label={t('imports.review.removeEvent', { index: index + 1 })}
                  onClick={() => dispatch({ type: 'removeRow', list: 'events', key: event.key })}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <AddButton label={t('imports.review.addEvent')} list="events" dispatch={dispatch} />
    </div>
  );
}

function isReportingKind(value: string): value is PlanImportReportingKind {
  return (planImportReportingKinds as readonly string[]).includes(value);
}

export function ReportingFields({
  state,
  dispatch,
  errors,
}: {
  state: ReviewState;
  dispatch: Dispatch;
  errors: Errors;
}) {
  return (
    <div class="list-editor">
      {state.reporting.length === 0 && <p class="muted">{t('imports.review.noReporting')}</p>}
      <ol class="plain-list">
        {state.reporting.map((duty, index) => {
          const rowErrors = fieldsUnder(errors, `reporting:${duty.key}`);
          const set = (changes: { what?: PlanImportReportingKind; due?: string; to?: string }) =>
            dispatch({ type: 'updateRow', list: 'reporting', key: duty.key, changes });
          return (
            <li key={duty.key}>
              <fieldset class="review-row">
                <legend>{t('imports.review.reportingItem', { index: index + 1 })}</legend>
                <div class="field-row">
                  <Field label={t('imports.review.reportingKind')} error={rowErrors.what}>
                    {(control) => (
                      <select
                        {...control}
                        value={duty.what}
                        onChange={(event) => {
                          const what = event.currentTarget.value;
                          if (isReportingKind(what)) set({ what });
                        }}
                      >
                        {planImportReportingKinds.map((kind) => (
                          <option key={kind} value={kind}>
                            {reportingKindLabel(kind)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <DayField
                    label={t('imports.review.reportingDue')}
                    value={duty.due}
                    onInput={(due) => set({ due })}
                    error={rowErrors.due}
                    isOptional
                  />
                </div>
                <TextField
                  label={t('imports.review.reportingTo')}
                  value={duty.to}
                  onInput={(to) => set({ to })}
                  error={rowErrors.to}
                  maxLength={500}
                  isOptional
                />
                <RemoveButton
                  label={t('imports.review.removeReporting', { index: index + 1 })}
                  onClick={() => dispatch({ type: 'removeRow', list: 'reporting', key: duty.key })}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <AddButton label={t('imports.review.addReporting')} list="reporting" dispatch={dispatch} />
    </div>
  );
}

export function RecipientFields({
  state,
  dispatch,
  errors,
}: {
  state: ReviewState;
  dispatch: Dispatch;
  errors: Errors;
}) {
  return (
    <div class="list-editor">
      {state.recipients.length === 0 && <p class="muted">{t('plans.recipients.none')}</p>}
      <ol class="plain-list">
        {state.recipients.map((recipient, index) => (
          <li key={recipient.key} class="list-editor-row">
            <TextField
              label={t('plans.recipients.item', { index: index + 1 })}
              value={recipient.text}
              onInput={(text) =>
                dispatch({ type: 'updateRow', list: 'recipients', key: recipient.key, changes: { text } })
              }
              error={errors[`recipients:${recipient.key}`]}
              maxLength={300}
            />
            <button
              type="button"
              class="button-quiet"
              aria-label={t('plans.recipients.removeNamed', { index: index + 1 })}
              onClick={() => dispatch({ type: 'removeRow', list: 'recipients', key: recipient.key })}
            >
              {t('plans.recipients.remove')}
            </button>
          </li>
        ))}
      </ol>
      <AddButton label={t('plans.recipients.add')} list="recipients" dispatch={dispatch} />
    </div>
  );
}

export function SignerFields({
  state,
  dispatch,
  errors,
}: {
  state: ReviewState;
  dispatch: Dispatch;
  errors: Errors;
}) {
  const set = (changes: Partial<SignerReview>) => dispatch({ type: 'setSigner', changes });
  const { signer } = state;
  return (
    <div class="form form-wide">
      <div class="field-row">
        <TextField
          label={t('plans.signer.authority')}
          value={signer.authority}
          onInput={(authority) => set({ authority })}
          error={errors['signer.authority']}
          maxLength={200}
          isOptional
        />
        <TextField
          label={t('plans.signer.deputy')}
          value={signer.deputy}
          onInput={(deputy) => set({ deputy })}
          error={errors['signer.deputy']}
          maxLength={200}
          isOptional
        />
      </div>
      <div class="field-row">
        <TextField
          label={t('plans.signer.position')}
          value={signer.position}
          onInput={(position) => set({ position })}
          error={errors['signer.position']}
          maxLength={200}
          isOptional
        />
        <TextField
          label={t('plans.signer.name')}
          value={signer.name}
          onInput={(name) => set({ name })}
          error={errors['signer.name']}
          maxLength={200}
          isOptional
        />
      </div>
    </div>
  );
}
