import type { CommunityModelDetail, CommunityModelYear } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { isNotFound } from '../app/app.errors.ts';
import { formatDate, formatDateTime, todayIso } from '../app/app.format.ts';
import { useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import {
  confirmAction,
  ErrorNotice,
  Field,
  FormMessages,
  Loading,
  NotFoundPage,
  SubmitButton,
} from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import {
  deleteCommunityModelYear,
  fetchCommunityModel,
  saveCommunityModelYear,
} from './community-models.api.ts';
import {
  emptyYearDraft,
  totalMembers,
  type YearDraft,
  yearDraftFrom,
  yearFieldsFrom,
} from './community-models.form.ts';
import { formatMembers, kindLabel, StatusBadge, YearFields } from './community-models.ui.tsx';
import './community-models.css';

/** A model or club: its facts and one row per year, each year recorded or corrected here. */
export function CommunityModelDetailPage() {
  const { params } = useRoute();
  const id = Number(params.id);
  const model = useResource((signal) => fetchCommunityModel(id, signal), [id]);
  usePageTitle(model.data?.name ?? t('communityModels.title'));
  if (!Number.isInteger(id) || id <= 0 || isNotFound(model.error)) return <NotFoundPage />;
  return (
    <RequirePermission permission="communityModels.read">
      {model.error && !model.data ? (
        <ErrorNotice error={model.error} onRetry={model.reload} />
      ) : !model.data || model.data.id !== id ? (
        <Loading />
      ) : (
        <ModelView model={model.data} onUpdated={model.setData} onReload={model.reload} />
      )}
    </RequirePermission>
  );
}

function ModelView({
  model,
  onUpdated,
  onReload,
}: {
  model: CommunityModelDetail;
  onUpdated: (model: CommunityModelDetail) => void;
  onReload: () => void;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  // A new form after each save; a failed save (a conflict) keeps what was typed, even across a reload.
  const [formKey, setFormKey] = useState(0);
  const removal = useFormAction();

  async function remove(row: CommunityModelYear) {
    if (!confirmAction(t('communityModels.deleteYearConfirm', { year: row.year }))) return;
    const updated = await removal.run(() => deleteCommunityModelYear(model.id, row.year, model.revision));
    if (updated) onUpdated(updated);
  }

  return (
    <article class="page">
      <nav class="breadcrumb" aria-label={t('reporting.breadcrumb')}>
        <a href={paths.communityModels}>{t('communityModels.title')}</a>
      </nav>
      <header class="page-header">
        <h1>{model.name}</h1>
        {model.can.edit && (
          <a class="button-link" href={paths.editCommunityModel(model.id)}>
            {t('communityModels.edit')}
          </a>
        )}
      </header>
      <dl class="facts card">
        <div>
          <dt>{t('communityModels.kind')}</dt>
          <dd>{kindLabel(model.kind)}</dd>
        </div>
        <div>
          <dt>{t('communityModels.unit')}</dt>
          <dd>{model.orgUnit.name}</dd>
        </div>
        <div>
          <dt>{t('communityModels.place')}</dt>
          <dd>{model.place?.name ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('communityModels.establishedOn')}</dt>
          <dd>{model.establishedOn ? formatDate(model.establishedOn) : '–'}</dd>
        </div>
        <div>
          <dt>{t('communityModels.managingOrganisation')}</dt>
          <dd>{model.managingOrganisation ?? '–'}</dd>
        </div>
        {model.notes && (
          <div>
            <dt>{t('communityModels.notes')}</dt>
            <dd>{model.notes}</dd>
          </div>
        )}
        <div>
          <dt>{t('communityModels.updated')}</dt>
          <dd>
            {formatDateTime(model.updatedAt)}
            {model.updatedBy ? ` · ${model.updatedBy}` : ''}
          </dd>
        </div>
      </dl>

      <section class="card" aria-labelledby="years-title">
        <h2 id="years-title">{t('communityModels.years')}</h2>
        <FormMessages action={removal} />
        {model.years.length === 0 && <p class="muted">{t('communityModels.noYears')}</p>}
        {model.years.length > 0 && (
          <div class="table-scroll">
            <table class="year-table">
              <thead>
                <tr>
                  <th scope="col">{t('communityModels.year')}</th>
                  <th scope="col">{t('communityModels.status')}</th>
                  <th scope="col" class="numeric">
                    {t('communityModels.members.total')}
                  </th>
                  <th scope="col" class="numeric">
                    {t('communityModels.members.female')}
                  </th>
                  <th scope="col" class="numeric">
                    {t('communityModels.members.male')}
                  </th>
                  <th scope="col" class="numeric">
                    {t('communityModels.members.kinh')}
                  </th>
                  <th scope="col" class="numeric">
                    {t('communityModels.members.minority')}
                  </th>
                  <th scope="col">{t('communityModels.yearNotes')}</th>
                  {model.can.edit && <th scope="col">{t('communityModels.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {model.years.map((row) => (
                  <tr key={row.year}>
                    <th scope="row">{row.year}</th>
                    <td>
                      <StatusBadge status={row.status} />
                    </td>
                    <td class="numeric">{formatMembers(totalMembers(row))}</td>
                    <td class="numeric">{formatMembers(row.membersFemale)}</td>
                    <td class="numeric">{formatMembers(row.membersMale)}</td>
                    <td class="numeric">{formatMembers(row.membersKinh)}</td>
                    <td class="numeric">{formatMembers(row.membersMinority)}</td>
                    <td>{row.notes ?? ''}</td>
                    {model.can.edit && (
                      <td>
                        <span class="button-row">
                          <button type="button" class="button-quiet" onClick={() => setEditing(row.year)}>
                            {t('communityModels.editYear', { year: row.year })}
                          </button>
                          <button
                            type="button"
                            class="button-quiet"
                            disabled={removal.isSubmitting}
                            onClick={() => remove(row)}
                          >
                            {t('communityModels.deleteYear', { year: row.year })}
                          </button>
                        </span>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {model.can.edit && (
        <YearForm
          key={`${editing ?? 'new'}-${formKey}`}
          model={model}
          year={editing}
          onSaved={(updated) => {
            setEditing(null);
            setFormKey((current) => current + 1);
            onUpdated(updated);
          }}
          onReload={onReload}
        />
      )}
    </article>
  );
}

function YearForm({
  model,
  year,
  onSaved,
  onReload,
}: {
  model: CommunityModelDetail;
  /** The year being corrected; null: a new year. */
  year: number | null;
  onSaved: (model: CommunityModelDetail) => void;
  onReload: () => void;
}) {
  const existing = year === null ? undefined : model.years.find((row) => row.year === year);
  const nextYear = Number(todayIso().slice(0, 4));
  const [yearText, setYearText] = useState(String(year ?? nextYear));
  const [draft, setDraft] = useState<YearDraft>(() =>
    existing ? yearDraftFrom(existing) : emptyYearDraft(),
  );
  const action = useFormAction();
  const isConflict = action.error instanceof ApiError && action.error.code === 'communityModels.conflict';

  async function submit(event: Event) {
    event.preventDefault();
    const parsed = yearFieldsFrom(draft);
    const chosen = Number(yearText);
    if (!parsed.ok || !Number.isInteger(chosen) || chosen < 1990 || chosen > 2100) {
      const message = t('communityModels.countInvalid');
      const issues: { path: string; message: string }[] = parsed.ok
        ? []
        : parsed.invalid.map((field) => ({ path: field, message }));
      if (!Number.isInteger(chosen) || chosen < 1990 || chosen > 2100)
        issues.push({ path: 'year', message: t('communityModels.yearInvalid') });
      action.fail(new ApiError(0, 'request.invalid', issues[0]!.message, issues));
      return;
    }
    if (
      year === null &&
      model.years.some((row) => row.year === chosen) &&
      !confirmAction(t('communityModels.overwriteYearConfirm', { year: chosen }))
    )
      return;
    const saved = await action.run(
      () => saveCommunityModelYear(model.id, chosen, { revision: model.revision, ...parsed.fields }),
      t('common.saved'),
    );
    if (saved) onSaved(saved);
  }

  return (
    <section class="card" aria-labelledby="year-form-title">
      <h2 id="year-form-title">
        {year === null ? t('communityModels.addYear') : t('communityModels.editYear', { year })}
      </h2>
      <form class="form" onSubmit={submit} noValidate>
        <FormMessages
          action={action}
          placedPaths={[
            'year',
            'status',
            'membersMale',
            'membersFemale',
            'membersKinh',
            'membersMinority',
            'notes',
          ]}
        />
        {isConflict && (
          <button type="button" onClick={onReload}>
            {t('communityModels.reloadLatest')}
          </button>
        )}
        {year === null && (
          <Field
            label={t('communityModels.year')}
            hint={t('communityModels.yearHint')}
            error={action.fieldErrors.year}
          >
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                maxLength={4}
                value={yearText}
                onInput={(event) => setYearText(event.currentTarget.value)}
              />
            )}
          </Field>
        )}
        <YearFields value={draft} onChange={setDraft} errors={action.fieldErrors} />
        <SubmitButton isBusy={action.isSubmitting} label={t('common.save')} />
      </form>
    </section>
  );
}
