import { useId } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { Field } from '../app/app.ui.tsx';
import type { PlanDraft, SignerDraft } from './plans.draft.ts';

type Errors = Record<string, string>;

interface DraftFieldsProps {
  draft: PlanDraft;
  onChange: (changes: Partial<PlanDraft>) => void;
  errors: Errors;
}

/** Title, year, symbol, place and the cascade deadline: the document's header. */
export function HeaderFields({ draft, onChange, errors }: DraftFieldsProps) {
  return (
    <div class="form form-wide">
      <Field label={t('plans.fields.title')} hint={t('plans.fields.titleHint')} error={errors.title}>
        {(control) => (
          <textarea
            {...control}
            required
            rows={3}
            maxLength={1000}
            value={draft.title}
            onInput={(event) => onChange({ title: event.currentTarget.value })}
          />
        )}
      </Field>
      <div class="field-row">
        <Field label={t('plans.fields.year')} error={errors.year}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={2000}
              max={2100}
              required
              value={draft.year}
              onInput={(event) => onChange({ year: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          label={t('plans.fields.symbol')}
          hint={t('plans.fields.symbolHint')}
          error={errors.symbol}
          isOptional
        >
          {(control) => (
            <input
              {...control}
              maxLength={40}
              spellcheck={false}
              placeholder="KH-UBND"
              value={draft.symbol}
              onInput={(event) => onChange({ symbol: event.currentTarget.value })}
            />
          )}
        </Field>
      </div>
      <div class="field-row">
        <Field
          label={t('plans.fields.place')}
          hint={t('plans.fields.placeHint')}
          error={errors.place}
          isOptional
        >
          {(control) => (
            <input
              {...control}
              maxLength={100}
              value={draft.place}
              onInput={(event) => onChange({ place: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          label={t('plans.fields.cascadeDueOn')}
          hint={t('plans.fields.cascadeDueOnHint')}
          error={errors.cascadeDueOn}
          isOptional
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.cascadeDueOn}
              onInput={(event) => onChange({ cascadeDueOn: event.currentTarget.value })}
            />
          )}
        </Field>
      </div>
    </div>
  );
}

type TextFieldName = 'purpose' | 'budget' | 'implementation' | 'reportingRegime';

const TEXT_LIMITS: Record<TextFieldName, number> = {
  purpose: 20_000,
  budget: 20_000,
  implementation: 40_000,
  reportingRegime: 20_000,
};

/** One of the plan's prose sections; blank lines separate paragraphs, as in the printed plan. */
export function PlanTextField({
  name,
  label,
  hint,
  draft,
  onChange,
  errors,
  rows = 6,
}: DraftFieldsProps & { name: TextFieldName; label: string; hint?: string; rows?: number }) {
  return (
    <Field label={label} hint={hint ?? t('plans.fields.paragraphHint')} error={errors[name]} isOptional>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          maxLength={TEXT_LIMITS[name]}
          value={draft[name]}
          onInput={(event) => onChange({ [name]: event.currentTarget.value })}
        />
      )}
    </Field>
  );
}

/** "Nơi nhận": one line per recipient, in the order printed. */
export function RecipientsEditor({ draft, onChange, errors }: DraftFieldsProps) {
  const recipients = draft.recipients;
  const set = (index: number, value: string) =>
    onChange({
      recipients: recipients.map((recipient, position) => (position === index ? value : recipient)),
    });
  return (
    <div class="list-editor">
      {recipients.length === 0 && <p class="muted">{t('plans.recipients.none')}</p>}
      <ol class="plain-list">
        {recipients.map((recipient, index) => (
          <li key={index} class="list-editor-row">
            <Field
              label={t('plans.recipients.item', { index: index + 1 })}
              error={errors[`recipients.${index}`]}
            >
              {(control) => (
                <input
                  {...control}
                  maxLength={300}
                  value={recipient}
                  onInput={(event) => set(index, event.currentTarget.value)}
                />
              )}
            </Field>
            <button
              type="button"
              class="button-quiet"
              aria-label={t('plans.recipients.removeNamed', { index: index + 1 })}
              onClick={() => onChange({ recipients: recipients.filter((_, position) => position !== index) })}
            >
              {t('plans.recipients.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange({ recipients: [...recipients, ''] })}>
        {t('plans.recipients.add')}
      </button>
      <p class="hint">{t('plans.recipients.hint')}</p>
    </div>
  );
}

/*
 * Wording the signature block takes in Vietnamese administrative documents (Decree 30, Appendix I):
 * offered as suggestions, any other wording can be typed.
 */
const AUTHORITY_SUGGESTIONS = [
  'TM. ỦY BAN NHÂN DÂN',
  'TM. BAN THƯỜNG VỤ',
  'TM. BAN CHẤP HÀNH',
  'TL. CHỦ TỊCH',
  'TUQ. CHỦ TỊCH',
];
const DEPUTY_SUGGESTIONS = ['KT. CHỦ TỊCH', 'KT. GIÁM ĐỐC', 'KT. TRƯỞNG BAN', 'Q. CHỦ TỊCH', 'Q. GIÁM ĐỐC'];
const POSITION_SUGGESTIONS = [
  'CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  'GIÁM ĐỐC',
  'PHÓ GIÁM ĐỐC',
  'TRƯỞNG BAN',
  'PHÓ TRƯỞNG BAN',
];

function Suggestions({ id, values }: { id: string; values: string[] }) {
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}

export function SignerFields({ draft, onChange, errors }: DraftFieldsProps) {
  const id = useId();
  const listIds = { authority: `${id}-authority`, deputy: `${id}-deputy`, position: `${id}-position` };
  const set = (changes: Partial<SignerDraft>) => onChange({ signer: { ...draft.signer, ...changes } });
  return (
    <div class="form form-wide">
      <p class="hint">{t('plans.signer.intro')}</p>
      <div class="field-row">
        <Field
          label={t('plans.signer.authority')}
          hint={t('plans.signer.authorityHint')}
          error={errors['signer.authority']}
          isOptional
        >
          {(control) => (
            <input
              {...control}
              list={listIds.authority}
              maxLength={200}
              value={draft.signer.authority}
              onInput={(event) => set({ authority: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          label={t('plans.signer.deputy')}
          hint={t('plans.signer.deputyHint')}
          error={errors['signer.deputy']}
          isOptional
        >
          {(control) => (
            <input
              {...control}
              list={listIds.deputy}
              maxLength={200}
              value={draft.signer.deputy}
              onInput={(event) => set({ deputy: event.currentTarget.value })}
            />
          )}
        </Field>
      </div>
      <div class="field-row">
        <Field label={t('plans.signer.position')} error={errors['signer.position']} isOptional>
          {(control) => (
            <input
              {...control}
              list={listIds.position}
              maxLength={200}
              value={draft.signer.position}
              onInput={(event) => set({ position: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field label={t('plans.signer.name')} error={errors['signer.name']} isOptional>
          {(control) => (
            <input
              {...control}
              maxLength={200}
              autocomplete="off"
              value={draft.signer.name}
              onInput={(event) => set({ name: event.currentTarget.value })}
            />
          )}
        </Field>
      </div>
      <Suggestions id={listIds.authority} values={AUTHORITY_SUGGESTIONS} />
      <Suggestions id={listIds.deputy} values={DEPUTY_SUGGESTIONS} />
      <Suggestions id={listIds.position} values={POSITION_SUGGESTIONS} />
    </div>
  );
}
