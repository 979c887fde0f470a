import { type Catalogue, type EntryForm, periodLabel } from '@binhdang/contracts';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { getLanguage, t } from '../../i18n/i18n.ts';
import { todayIso } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, Loading } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { useSession } from '../auth/auth.session.ts';
import type { PickedUnit } from '../org-units/org-units.picker.tsx';
import { fetchCatalogue, fetchEntryForm } from './indicators.api.ts';
import { EntryGrid } from './indicators.entry-grid.tsx';
import { FiguresTabs, initialUnit, UnitChooser, useChoicesInAddress } from './indicators.format.tsx';
import { currentPeriod, periodOptions } from './indicators.grid.ts';
import './indicators.css';

export function FiguresEntryPage() {
  usePageTitle(t('indicators.entry.title'));
  return (
    <RequirePermission permission="figures.read">
      <Entry />
    </RequirePermission>
  );
}

function Entry() {
  const session = useSession();
  const { query } = useLocation();
  const catalogue = useResource((signal) => fetchCatalogue(signal), []);
  const [unit, setUnit] = useState<PickedUnit | null>(() => initialUnit(session, query.donvi));
  const [formCode, setFormCode] = useState<string>(query.bieu ?? '');
  const [period, setPeriod] = useState<string>(query.ky ?? '');

  return (
    <section class="page page-wide">
      <header class="page-header">
        <h1>{t('indicators.entry.title')}</h1>
      </header>
      <FiguresTabs current="entry" />
      {catalogue.error ? <ErrorNotice error={catalogue.error} onRetry={catalogue.reload} /> : null}
      {!catalogue.data && !catalogue.error && <Loading />}
      {catalogue.data && (
        <EntryChoices
          catalogue={catalogue.data}
          unit={unit}
          onUnit={setUnit}
          formCode={formCode}
          onForm={setFormCode}
          period={period}
          onPeriod={setPeriod}
        />
      )}
    </section>
  );
}

function EntryChoices({
  catalogue,
  unit,
  onUnit,
  formCode,
  onForm,
  period,
  onPeriod,
}: {
  catalogue: Catalogue;
  unit: PickedUnit | null;
  onUnit: (unit: PickedUnit | null) => void;
  formCode: string;
  onForm: (code: string) => void;
  period: string;
  onPeriod: (period: string) => void;
}) {
  const form = catalogue.forms.find((candidate) => candidate.code === formCode) ?? catalogue.forms[0];
  const today = todayIso();
  const periods = form ? periodOptions(form.periodType, today) : [];
  const chosenPeriod =
    form && periods.includes(period) ? period : form ? currentPeriod(form.periodType, today) : '';
  useChoicesInAddress(paths.figuresEntry, {
    donvi: unit ? String(unit.id) : '',
    bieu: form?.code ?? '',
    ky: chosenPeriod,
  });

  if (!form) return <p class="notice">{t('indicators.entry.noForms')}</p>;
  return (
    <>
      <form class="card filters entry-choices" onSubmit={(event) => event.preventDefault()}>
        <div class="filter-row">
          <UnitChooser label={t('indicators.entry.unit')} value={unit} onChange={onUnit} />
          <Field label={t('indicators.entry.form')}>
            {(control) => (
              <select {...control} value={form.code} onChange={(event) => onForm(event.currentTarget.value)}>
                {catalogue.forms.map((candidate) => (
                  <option key={candidate.code} value={candidate.code}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('indicators.entry.period')}>
            {(control) => (
              <select
                {...control}
                value={chosenPeriod}
                onChange={(event) => onPeriod(event.currentTarget.value)}
              >
                {periods.map((option) => (
                  <option key={option} value={option}>
                    {periodLabel(option, getLanguage())}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </form>
      {unit ? (
        <EntryFormLoader
          key={`${unit.id}-${form.code}-${chosenPeriod}`}
          catalogue={catalogue}
          unit={unit}
          onUnitNamed={onUnit}
          formCode={form.code}
          period={chosenPeriod}
        />
      ) : (
        <p class="muted">{t('indicators.entry.chooseUnit')}</p>
      )}
    </>
  );
}

function EntryFormLoader({
  catalogue,
  unit,
  onUnitNamed,
  formCode,
  period,
}: {
  catalogue: Catalogue;
  unit: PickedUnit;
  onUnitNamed: (unit: PickedUnit) => void;
  formCode: string;
  period: string;
}) {
  const entry = useResource(
    (signal) => fetchEntryForm({ form: formCode, orgUnitId: unit.id, period }, signal),
    [formCode, unit.id, period],
  );
  const data: EntryForm | undefined = entry.data;

  // A unit known only by its id (from the address) gets its name from the answer.
  useEffect(() => {
    if (data && unit.code === '') onUnitNamed({ ...data.orgUnit, kind: unit.kind });
  }, [data, unit.code]);

  if (entry.error) return <ErrorNotice error={entry.error} onRetry={entry.reload} />;
  if (!data) return <Loading />;
  return <EntryGrid form={data} catalogue={catalogue} />;
}
