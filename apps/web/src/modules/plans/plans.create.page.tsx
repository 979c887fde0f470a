import type { PlanDetail } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t, tRich } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { todayIso } from '../app/app.format.ts';
import { useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, FormMessages, Loading, SubmitButton } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import { createPlan, fetchPlan } from './plans.api.ts';
import { currentYear, PlanLink } from './plans.format.tsx';

function positiveId(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function PlanCreatePage() {
  usePageTitle(t('plans.create.title'));
  const { query } = useLocation();
  const parentId = positiveId(query.tu);
  const unitId = positiveId(query.donvi);
  return (
    <RequirePermission permission="plans.write">
      <section class="page">
        <p>
          <a href={paths.plans}>← {t('plans.list.title')}</a>
        </p>
        <h1>{parentId ? t('plans.create.cascadeTitle') : t('plans.create.title')}</h1>
        {parentId ? (
          <CascadeForm key={parentId} parentId={parentId} unitId={unitId} />
        ) : (
          <CreatePlanForm parent={null} units={null} initialUnitId={null} />
        )}
      </section>
    </RequirePermission>
  );
}

/** A unit's own plan "căn cứ" a plan it received: the unit comes from the plan's assignments. */
function CascadeForm({ parentId, unitId }: { parentId: number; unitId: number | null }) {
  const parent = useResource((signal) => fetchPlan(parentId, signal), [parentId]);
  if (parent.error) return <ErrorNotice error={parent.error} onRetry={parent.reload} />;
  if (!parent.data) return <Loading />;
  if (parent.data.cascadeUnits.length === 0) {
    return (
      <div class="notice notice-warning" role="alert">
        <p>{t('plans.create.noCascadeUnits')}</p>
        <p>
          <PlanLink plan={parent.data} />
        </p>
      </div>
    );
  }
  return <CreatePlanForm parent={parent.data} units={parent.data.cascadeUnits} initialUnitId={unitId} />;
}

function CreatePlanForm({
  parent,
  units,
  initialUnitId,
}: {
  parent: PlanDetail | null;
  units: PlanDetail['cascadeUnits'] | null;
  initialUnitId: number | null;
}) {
  const { route } = useLocation();
  const action = useFormAction();
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [cascadeUnitId, setCascadeUnitId] = useState<number | null>(
    units?.find((candidate) => candidate.id === initialUnitId)?.id ?? units?.[0]?.id ?? null,
  );
  const [title, setTitle] = useState(parent?.title ?? '');
  const [year, setYear] = useState(String(parent?.year ?? currentYear(todayIso())));
  const [symbol, setSymbol] = useState('');
  const [place, setPlace] = useState(parent?.place ?? '');

  async function submit(event: Event) {
    event.preventDefault();
    const orgUnitId = units ? cascadeUnitId : (unit?.id ?? null);
    if (orgUnitId === null) {
      const message = t('plans.create.unitRequired');
      action.fail(new ApiError(0, 'request.invalid', message, [{ path: 'orgUnitId', message }]));
      return;
    }
    const created = await action.run(() =>
      createPlan({
        orgUnitId,
        title,
        year: Number(year),
        symbol: symbol.trim() || null,
        place: place.trim() || null,
        parentPlanId: parent?.id ?? null,
      }),
    );
    if (created) route(paths.planEditor(created.id));
  }

  return (
    <form class="form card" onSubmit={submit}>
      {parent && (
        <div class="notice" role="note">
          <p>{tRich('plans.create.fromParent', { plan: <PlanLink plan={parent} /> })}</p>
          <p>{t('plans.create.fromParentHint')}</p>
        </div>
      )}
      <FormMessages action={action} placedPaths={['orgUnitId', 'title', 'year', 'symbol', 'place']} />

      {units ? (
        <Field label={t('plans.create.unit')} error={action.fieldErrors.orgUnitId}>
          {(control) => (
            <select
              {...control}
              value={String(cascadeUnitId ?? '')}
              onChange={(event) => setCascadeUnitId(Number(event.currentTarget.value))}
            >
              {units.map((candidate) => (
                <option key={candidate.id} value={String(candidate.id)}>
                  {candidate.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <OrgUnitPicker
          label={t('plans.create.unit')}
          hint={t('plans.create.unitHint')}
          value={unit}
          onChange={setUnit}
          error={action.fieldErrors.orgUnitId}
        />
      )}

      <Field
        label={t('plans.fields.title')}
        hint={t('plans.fields.titleHint')}
        error={action.fieldErrors.title}
      >
        {(control) => (
          <textarea
            {...control}
            required
            minLength={5}
            maxLength={1000}
            rows={3}
            value={title}
            onInput={(event) => setTitle(event.currentTarget.value)}
          />
        )}
      </Field>
      <div class="field-row">
        <Field label={t('plans.fields.year')} error={action.fieldErrors.year}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              required
              min={2000}
              max={2100}
              value={year}
              onInput={(event) => setYear(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          label={t('plans.fields.symbol')}
          hint={t('plans.fields.symbolHint')}
          error={action.fieldErrors.symbol}
          isOptional
        >
          {(control) => (
            <input
              {...control}
              maxLength={40}
              autocapitalize="characters"
              spellcheck={false}
              placeholder="KH-UBND"
              value={symbol}
              onInput={(event) => setSymbol(event.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <Field
        label={t('plans.fields.place')}
        hint={t('plans.fields.placeHint')}
        error={action.fieldErrors.place}
        isOptional
      >
        {(control) => (
          <input
            {...control}
            maxLength={100}
            value={place}
            onInput={(event) => setPlace(event.currentTarget.value)}
          />
        )}
      </Field>
      <SubmitButton isBusy={action.isSubmitting} label={t('plans.create.submit')} />
    </form>
  );
}
