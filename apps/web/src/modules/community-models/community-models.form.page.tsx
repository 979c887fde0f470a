import { type CommunityModelDetail, type CommunityModelKind, communityModelKinds } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { isNotFound } from '../app/app.errors.ts';
import { todayIso } from '../app/app.format.ts';
import { useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, FormMessages, Loading, NotFoundPage, SubmitButton } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { fetchOrgUnit } from '../org-units/org-units.api.ts';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import { createCommunityModel, fetchCommunityModel, updateCommunityModel } from './community-models.api.ts';
import { emptyYearDraft, type YearDraft, yearFieldsFrom } from './community-models.form.ts';
import { kindLabel, YearFields } from './community-models.ui.tsx';
import './community-models.css';

/*
 * Adding a model (`/mo-hinh-cau-lac-bo/moi?donvi=12`) with its first year in one go, or changing
 * one (`/mo-hinh-cau-lac-bo/:id/sua`). One column, large targets: made for a phone at 390 px.
 */

const PLACE_KINDS = new Set(['commune', 'ward', 'special_zone']);

interface HeaderDraft {
  kind: CommunityModelKind;
  name: string;
  place: PickedUnit | null;
  establishedOn: string;
  managingOrganisation: string;
  notes: string;
}

export function CommunityModelCreatePage() {
  usePageTitle(t('communityModels.add'));
  const { query } = useLocation();
  const unitId = Number(query.donvi);
  const unit = useResource((signal) => fetchOrgUnit(unitId, signal), [unitId]);
  if (!Number.isInteger(unitId) || unitId <= 0 || isNotFound(unit.error)) return <NotFoundPage />;
  return (
    <RequirePermission permission="communityModels.write">
      {unit.error && !unit.data ? (
        <ErrorNotice error={unit.error} onRetry={unit.reload} />
      ) : !unit.data ? (
        <Loading />
      ) : (
        <ModelForm
          unit={{ id: unit.data.id, code: unit.data.code, name: unit.data.name, kind: unit.data.kind }}
          model={null}
        />
      )}
    </RequirePermission>
  );
}

export function CommunityModelEditPage() {
  const { params } = useRoute();
  const id = Number(params.id);
  const model = useResource((signal) => fetchCommunityModel(id, signal), [id]);
  usePageTitle(model.data?.name ?? t('communityModels.edit'));
  if (!Number.isInteger(id) || id <= 0 || isNotFound(model.error)) return <NotFoundPage />;
  return (
    <RequirePermission permission="communityModels.write">
      {model.error && !model.data ? (
        <ErrorNotice error={model.error} onRetry={model.reload} />
      ) : !model.data || model.data.id !== id ? (
        <Loading />
      ) : (
        <ModelForm unit={{ ...model.data.orgUnit, kind: '' }} model={model.data} />
      )}
    </RequirePermission>
  );
}

function ModelForm({ unit, model }: { unit: PickedUnit; model: CommunityModelDetail | null }) {
  const { route } = useLocation();
  const [header, setHeader] = useState<HeaderDraft>(() => ({
    kind: model?.kind ?? 'domestic_violence_club',
    name: model?.name ?? '',
    place: model?.place
      ? { ...model.place, kind: 'commune' }
      : model === null && PLACE_KINDS.has(unit.kind)
        ? unit
        : null,
    establishedOn: model?.establishedOn ?? '',
    managingOrganisation: model?.managingOrganisation ?? '',
    notes: model?.notes ?? '',
  }));
  const [withYear, setWithYear] = useState(true);
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const [yearDraft, setYearDraft] = useState<YearDraft>(emptyYearDraft);
  const action = useFormAction();
  const errors = action.fieldErrors;
  const set = (next: Partial<HeaderDraft>) => setHeader((current) => ({ ...current, ...next }));

  async function submit(event: Event) {
    event.preventDefault();
    const common = {
      kind: header.kind,
      name: header.name,
      placeUnitId: header.place?.id ?? null,
      establishedOn: header.establishedOn === '' ? null : header.establishedOn,
      managingOrganisation: header.managingOrganisation,
      notes: header.notes,
    };
    let firstYear = null;
    if (model === null && withYear) {
      const parsed = yearFieldsFrom(yearDraft);
      if (!parsed.ok) {
        const message = t('communityModels.countInvalid');
        action.fail(
          new ApiError(
            0,
            'request.invalid',
            message,
            parsed.invalid.map((field) => ({ path: `firstYear.${field}`, message })),
          ),
        );
        return;
      }
      firstYear = { year, ...parsed.fields };
    }
    const saved = await action.run(() =>
      model === null
        ? createCommunityModel({ orgUnitId: unit.id, ...common, firstYear })
        : updateCommunityModel(model.id, { revision: model.revision, ...common }),
    );
    if (saved) route(paths.communityModel(saved.id));
  }

  return (
    <form class="page page-narrow form" onSubmit={submit} noValidate>
      <nav class="breadcrumb" aria-label={t('reporting.breadcrumb')}>
        <a href={model ? paths.communityModel(model.id) : paths.communityModels}>
          {model ? model.name : t('communityModels.title')}
        </a>
      </nav>
      <h1>{model ? t('communityModels.edit') : t('communityModels.add')}</h1>
      <p class="muted">{t('communityModels.inRegisterOf', { unit: unit.name })}</p>
      <FormMessages action={action} placedPaths={Object.keys(errors)} />
      <Field label={t('communityModels.kind')} error={errors.kind}>
        {(control) => (
          <select
            {...control}
            value={header.kind}
            onChange={(event) => set({ kind: event.currentTarget.value as CommunityModelKind })}
          >
            {communityModelKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('communityModels.name')} hint={t('communityModels.nameHint')} error={errors.name}>
        {(control) => (
          <input
            {...control}
            required
            minLength={3}
            maxLength={300}
            value={header.name}
            onInput={(event) => set({ name: event.currentTarget.value })}
          />
        )}
      </Field>
      <OrgUnitPicker
        label={t('communityModels.place')}
        hint={t('communityModels.placeHint')}
        value={header.place}
        onChange={(place) => set({ place })}
        error={errors.placeUnitId}
        isOptional
      />
      <Field label={t('communityModels.establishedOn')} error={errors.establishedOn} isOptional>
        {(control) => (
          <input
            {...control}
            type="date"
            max={todayIso()}
            value={header.establishedOn}
            onInput={(event) => set({ establishedOn: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field
        label={t('communityModels.managingOrganisation')}
        hint={t('communityModels.managingHint')}
        error={errors.managingOrganisation}
        isOptional
      >
        {(control) => (
          <input
            {...control}
            maxLength={300}
            value={header.managingOrganisation}
            onInput={(event) => set({ managingOrganisation: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field label={t('communityModels.notes')} error={errors.notes} isOptional>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={4000}
            value={header.notes}
            onInput={(event) => set({ notes: event.currentTarget.value })}
          />
        )}
      </Field>
      {model === null && (
        <fieldset class="card editor-fieldset">
          <legend>{t('communityModels.firstYear')}</legend>
          <label class="choice">
            <input
              type="checkbox"
              checked={withYear}
              onChange={(event) => setWithYear(event.currentTarget.checked)}
            />
            {t('communityModels.withFirstYear')}
          </label>
          {withYear && (
            <>
              <Field label={t('communityModels.year')} error={errors['firstYear.year']}>
                {(control) => (
                  <input
                    {...control}
                    inputMode="numeric"
                    maxLength={4}
                    value={String(year)}
                    onInput={(event) => setYear(Number(event.currentTarget.value) || 0)}
                  />
                )}
              </Field>
              <YearFields value={yearDraft} onChange={setYearDraft} errors={errors} prefix="firstYear." />
            </>
          )}
        </fieldset>
      )}
      <div class="save-bar">
        <SubmitButton
          isBusy={action.isSubmitting}
          label={model ? t('common.save') : t('communityModels.addSubmit')}
        />
      </div>
    </form>
  );
}
