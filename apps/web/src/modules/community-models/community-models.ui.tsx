import {
  type CommunityModelKind,
  type CommunityModelStatus,
  communityModelKindLabels,
  communityModelStatuses,
  communityModelStatusLabels,
} from '@binhdang/contracts';
import { localized, t } from '../../i18n/i18n.ts';
import { Field } from '../app/app.ui.tsx';
import { type CountField, countFields, type YearDraft } from './community-models.form.ts';

export function kindLabel(kind: CommunityModelKind): string {
  return localized(communityModelKindLabels[kind]);
}

export function StatusBadge({ status }: { status: CommunityModelStatus | null }) {
  if (status === null) return <span class="badge badge-muted">{t('communityModels.noYearRow')}</span>;
  const tone = status === 'active' ? 'success' : status === 'inactive' ? 'warning' : 'muted';
  return <span class={`badge badge-${tone}`}>{localized(communityModelStatusLabels[status])}</span>;
}

const countLabels: Record<CountField, 'male' | 'female' | 'kinh' | 'minority'> = {
  membersMale: 'male',
  membersFemale: 'female',
  membersKinh: 'kinh',
  membersMinority: 'minority',
};

/** Status, members by sex and ethnicity, notes: big touch targets and a numeric keypad on a phone. */
export function YearFields({
  value,
  onChange,
  errors,
  prefix = '',
}: {
  value: YearDraft;
  onChange: (next: YearDraft) => void;
  errors: Record<string, string>;
  prefix?: string;
}) {
  return (
    <>
      <fieldset class="field segmented-field">
        <legend class="label">{t('communityModels.status')}</legend>
        <div class="toggle-group">
          {communityModelStatuses.map((status) => (
            <label key={status} class="choice">
              <input
                type="radio"
                name={`${prefix}status`}
                value={status}
                checked={value.status === status}
                onChange={() => onChange({ ...value, status })}
              />
              {localized(communityModelStatusLabels[status])}
            </label>
          ))}
        </div>
      </fieldset>
      <p class="hint">{t('communityModels.membersHint')}</p>
      <div class="members-grid">
        {countFields.map((field) => (
          <Field
            key={field}
            label={t(`communityModels.members.${countLabels[field]}`)}
            error={errors[`${prefix}${field}`]}
            isOptional
          >
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                autocomplete="off"
                maxLength={9}
                value={value[field]}
                onInput={(event) => onChange({ ...value, [field]: event.currentTarget.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <Field label={t('communityModels.yearNotes')} error={errors[`${prefix}notes`]} isOptional>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={2000}
            value={value.notes}
            onInput={(event) => onChange({ ...value, notes: event.currentTarget.value })}
          />
        )}
      </Field>
    </>
  );
}

/** `1.250` in Vietnamese, `–` when not known. */
export function formatMembers(value: number | null): string {
  return value === null ? '–' : value.toLocaleString('vi-VN');
}
