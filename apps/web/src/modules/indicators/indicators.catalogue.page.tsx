import {
  aggregationTypes,
  type Catalogue,
  type Indicator,
  indicatorDirectionLabels,
  indicatorDirections,
  type Target,
  type TargetOperator,
  targetOperators,
  valueTypes,
} from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { localized, type MessageKey, t } from '../../i18n/i18n.ts';
import { formatDateTime, todayIso } from '../app/app.format.ts';
import { useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
import { ErrorNotice, Field, FormMessages, Loading, SubmitButton } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { hasPermission, isSystemAdmin, useSession } from '../auth/auth.session.ts';
import {
  createDataElement,
  createIndicator,
  fetchCatalogue,
  forgetCatalogue,
  listTargets,
  saveTarget,
} from './indicators.api.ts';
import {
  canManageCatalogue,
  describeTargetOrigin,
  describeTargetValue,
  FiguresTabs,
  grantUnits,
} from './indicators.format.tsx';
import { formatFigure, parseFigure } from './indicators.number.ts';
import './indicators.css';

type Part = 'dataElements' | 'indicators' | 'targets' | 'rules' | 'forms';
const PARTS: Part[] = ['indicators', 'targets', 'dataElements', 'rules', 'forms'];

export function FiguresCataloguePage() {
  usePageTitle(t('indicators.catalogue.title'));
  return (
    <RequirePermission permission="figures.read">
      <CatalogueScreen />
    </RequirePermission>
  );
}

function CatalogueScreen() {
  const session = useSession();
  const [part, setPart] = useState<Part>('indicators');
  const catalogue = useResource((signal) => fetchCatalogue(signal), []);
  const canManage = canManageCatalogue(session);
  const reload = () => {
    forgetCatalogue();
    catalogue.reload();
  };

  return (
    <section class="page page-wide">
      <header class="page-header">
        <h1>{t('indicators.catalogue.title')}</h1>
      </header>
      <FiguresTabs current="catalogue" />
      {!canManage && <p class="muted">{t('indicators.catalogue.readOnly')}</p>}
      <fieldset class="toggle-group">
        <legend class="visually-hidden">{t('indicators.catalogue.sections')}</legend>
        {PARTS.map((candidate) => (
          <button
            key={candidate}
            type="button"
            aria-pressed={part === candidate}
            onClick={() => setPart(candidate)}
          >
            {t(`indicators.catalogue.${candidate}`)}
          </button>
        ))}
      </fieldset>
      {catalogue.error ? <ErrorNotice error={catalogue.error} onRetry={catalogue.reload} /> : null}
      {!catalogue.data && !catalogue.error && <Loading />}
      {catalogue.data && part === 'dataElements' && (
        <DataElements catalogue={catalogue.data} canManage={canManage} onChanged={reload} />
      )}
      {catalogue.data && part === 'indicators' && (
        <Indicators catalogue={catalogue.data} canManage={canManage} onChanged={reload} />
      )}
      {catalogue.data && part === 'targets' && <Targets catalogue={catalogue.data} />}
      {catalogue.data && part === 'rules' && <Rules catalogue={catalogue.data} />}
      {catalogue.data && part === 'forms' && <Forms catalogue={catalogue.data} />}
    </section>
  );
}

function DataElements({
  catalogue,
  canManage,
  onChanged,
}: {
  catalogue: Catalogue;
  canManage: boolean;
  onChanged: () => void;
}) {
  const comboNames = new Map(catalogue.categoryCombos.map((combo) => [combo.code, combo.name]));
  return (
    <>
      {canManage && <DataElementForm catalogue={catalogue} onCreated={onChanged} />}
      <div class="table-scroll">
        <table class="card-table">
          <thead>
            <tr>
              <th scope="col">{t('indicators.catalogue.code')}</th>
              <th scope="col">{t('indicators.catalogue.name')}</th>
              <th scope="col">{t('indicators.catalogue.valueType')}</th>
              <th scope="col">{t('indicators.catalogue.disaggregation')}</th>
              <th scope="col">{t('indicators.catalogue.aggregation')}</th>
            </tr>
          </thead>
          <tbody>
            {catalogue.dataElements.map((element) => (
              <tr key={element.code}>
                <td data-label={t('indicators.catalogue.code')}>
                  <code class="wrap-anywhere">{element.code}</code>
                </td>
                <td data-label={t('indicators.catalogue.name')} class="cell-main">
                  {element.name}
                  {element.description && <span class="block unit-meta">{element.description}</span>}
                </td>
                <td data-label={t('indicators.catalogue.valueType')}>
                  {t(`indicators.catalogue.valueTypes.${element.valueType}`)}
                </td>
                <td data-label={t('indicators.catalogue.disaggregation')}>
                  {comboNames.get(element.categoryCombo) ?? element.categoryCombo}
                </td>
                <td data-label={t('indicators.catalogue.aggregation')}>
                  {t(`indicators.catalogue.aggregations.${element.aggregation}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function DataElementForm({ catalogue, onCreated }: { catalogue: Catalogue; onCreated: () => void }) {
  const action = useFormAction();
  const [isOpen, setOpen] = useState(false);
  if (!isOpen) {
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          {t('indicators.catalogue.addDataElement')}
        </button>
      </p>
    );
  }
  async function submit(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const created = await action.run(
      () =>
        createDataElement({
          code: text('code'),
          name: text('name'),
          shortName: text('shortName') || null,
          valueType: text('valueType') as (typeof valueTypes)[number],
          aggregation: text('aggregation') as (typeof aggregationTypes)[number],
          categoryCombo: text('categoryCombo'),
          description: text('description') || null,
        }),
      t('indicators.catalogue.created'),
    );
    if (created) onCreated();
  }
  return (
    <form class="card form" onSubmit={submit}>
      <h2>{t('indicators.catalogue.addDataElement')}</h2>
      <FormMessages action={action} placedPaths={['code', 'name']} />
      <div class="field-row">
        <Field label={t('indicators.catalogue.code')} error={action.fieldErrors.code}>
          {(control) => <input {...control} name="code" required autocapitalize="characters" />}
        </Field>
        <Field label={t('indicators.catalogue.name')} error={action.fieldErrors.name}>
          {(control) => <input {...control} name="name" required />}
        </Field>
        <Field label={t('indicators.catalogue.shortName')} isOptional>
          {(control) => <input {...control} name="shortName" />}
        </Field>
        <Field label={t('indicators.catalogue.valueType')}>
          {(control) => (
            <select {...control} name="valueType">
              {valueTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`indicators.catalogue.valueTypes.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('indicators.catalogue.aggregation')}>
          {(control) => (
            <select {...control} name="aggregation">
              {aggregationTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`indicators.catalogue.aggregations.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('indicators.catalogue.disaggregation')}>
          {(control) => (
            <select {...control} name="categoryCombo">
              {catalogue.categoryCombos.map((combo) => (
                <option key={combo.code} value={combo.code}>
                  {combo.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('indicators.catalogue.description')} isOptional>
        {(control) => <textarea {...control} name="description" rows={2} />}
      </Field>
      <div class="button-row">
        <SubmitButton isBusy={action.isSubmitting} label={t('indicators.catalogue.addDataElement')} />
        <button type="button" class="button-quiet" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A formula in words, as the catalogue explains its terms. */
function formulaInWords(indicator: Indicator): string {
  const factor = formatFigure(indicator.factor);
  if (indicator.denominator && indicator.factor === 1) {
    return t('indicators.catalogue.ratioPlain', {
      numerator: indicator.numerator.explanation,
      denominator: indicator.denominator.explanation,
    });
  }
  if (indicator.denominator) {
    return t('indicators.catalogue.ratio', {
      numerator: indicator.numerator.explanation,
      denominator: indicator.denominator.explanation,
      factor,
    });
  }
  if (indicator.factor === 1) return indicator.numerator.explanation;
  return t('indicators.catalogue.times', { numerator: indicator.numerator.explanation, factor });
}

function Indicators({
  catalogue,
  canManage,
  onChanged,
}: {
  catalogue: Catalogue;
  canManage: boolean;
  onChanged: () => void;
}) {
  return (
    <>
      {canManage && <IndicatorForm onCreated={onChanged} />}
      <div class="table-scroll">
        <table class="card-table">
          <thead>
            <tr>
              <th scope="col">{t('indicators.catalogue.code')}</th>
              <th scope="col">{t('indicators.catalogue.name')}</th>
              <th scope="col">{t('indicators.catalogue.formula')}</th>
              <th scope="col">{t('indicators.catalogue.direction')}</th>
            </tr>
          </thead>
          <tbody>
            {catalogue.indicators.map((indicator) => (
              <tr key={indicator.code}>
                <td data-label={t('indicators.catalogue.code')}>
                  <code>{indicator.code}</code>
                </td>
                <td data-label={t('indicators.catalogue.name')} class="cell-main">
                  {indicator.name} <span class="muted">({indicator.unit})</span>
                  {indicator.objective && <span class="block unit-meta">{indicator.objective}</span>}
                </td>
                <td data-label={t('indicators.catalogue.formula')} class="catalogue-formula">
                  {formulaInWords(indicator)}
                  <code class="block muted">
                    {indicator.numerator.text}
                    {indicator.denominator ? ` / (${indicator.denominator.text})` : ''}
                    {indicator.factor !== 1 ? ` × ${formatFigure(indicator.factor)}` : ''}
                  </code>
                </td>
                <td data-label={t('indicators.catalogue.direction')}>
                  {localized(indicatorDirectionLabels[indicator.direction])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function IndicatorForm({ onCreated }: { onCreated: () => void }) {
  const action = useFormAction();
  const [isOpen, setOpen] = useState(false);
  if (!isOpen) {
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          {t('indicators.catalogue.addIndicator')}
        </button>
      </p>
    );
  }
  async function submit(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const factor = parseFigure(text('factor'));
    const created = await action.run(
      () =>
        createIndicator({
          code: text('code'),
          objective: text('objective') || null,
          name: text('name'),
          unit: text('unit'),
          direction: text('direction') as (typeof indicatorDirections)[number],
          numerator: text('numerator'),
          denominator: text('denominator') || null,
          factor: factor.kind === 'number' ? factor.value : 1,
          decimals: Number(text('decimals') || 1),
        }),
      t('indicators.catalogue.created'),
    );
    if (created) onCreated();
  }
  return (
    <form class="card form" onSubmit={submit}>
      <h2>{t('indicators.catalogue.addIndicator')}</h2>
      <FormMessages action={action} placedPaths={['code', 'name', 'numerator', 'denominator']} />
      <div class="field-row">
        <Field label={t('indicators.catalogue.code')} error={action.fieldErrors.code}>
          {(control) => <input {...control} name="code" required />}
        </Field>
        <Field label={t('indicators.catalogue.measureUnit')}>
          {(control) => <input {...control} name="unit" required placeholder="%" />}
        </Field>
        <Field label={t('indicators.catalogue.direction')}>
          {(control) => (
            <select {...control} name="direction">
              {indicatorDirections.map((direction) => (
                <option key={direction} value={direction}>
                  {localized(indicatorDirectionLabels[direction])}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('indicators.catalogue.name')} error={action.fieldErrors.name}>
        {(control) => <input {...control} name="name" required />}
      </Field>
      <Field label={t('indicators.catalogue.objective')} isOptional>
        {(control) => <input {...control} name="objective" />}
      </Field>
      <Field
        label={t('indicators.catalogue.numerator')}
        hint={t('indicators.catalogue.formulaHint')}
        error={action.fieldErrors.numerator}
      >
        {(control) => <input {...control} name="numerator" required spellcheck={false} />}
      </Field>
      <div class="field-row">
        <Field
          label={t('indicators.catalogue.denominator')}
          isOptional
          error={action.fieldErrors.denominator}
        >
          {(control) => <input {...control} name="denominator" spellcheck={false} />}
        </Field>
        <Field label={t('indicators.catalogue.factor')}>
          {(control) => <input {...control} name="factor" inputMode="decimal" value="100" />}
        </Field>
        <Field label={t('indicators.catalogue.decimals')}>
          {(control) => <input {...control} name="decimals" type="number" min={0} max={4} value="1" />}
        </Field>
      </div>
      <div class="button-row">
        <SubmitButton isBusy={action.isSubmitting} label={t('indicators.catalogue.addIndicator')} />
        <button type="button" class="button-quiet" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

const NATIONAL = 'national';

function Targets({ catalogue }: { catalogue: Catalogue }) {
  const session = useSession();
  const units = grantUnits(session);
  const [scope, setScope] = useState<string>(units[0] ? String(units[0].id) : NATIONAL);
  const unitId = scope === NATIONAL ? undefined : Number(scope);
  const targets = useResource((signal) => listTargets({ orgUnitId: unitId }, signal), [unitId]);
  const canEdit =
    hasPermission(session, 'targets.manage') && (unitId !== undefined || isSystemAdmin(session));
  const indicators = new Map(catalogue.indicators.map((indicator) => [indicator.code, indicator]));

  return (
    <>
      <div class="card filters">
        <Field label={t('indicators.targets.scope')}>
          {(control) => (
            <select {...control} value={scope} onChange={(event) => setScope(event.currentTarget.value)}>
              {units.map((unit) => (
                <option key={unit.id} value={String(unit.id)}>
                  {unit.name}
                </option>
              ))}
              <option value={NATIONAL}>{t('indicators.targets.national')}</option>
            </select>
          )}
        </Field>
        {scope === NATIONAL && !isSystemAdmin(session) && hasPermission(session, 'targets.manage') && (
          <p class="hint">{t('indicators.targets.nationalOnlyAdmin')}</p>
        )}
      </div>
      {canEdit && (
        <TargetForm key={scope} catalogue={catalogue} orgUnitId={unitId ?? null} onSaved={targets.reload} />
      )}
      {targets.error ? <ErrorNotice error={targets.error} onRetry={targets.reload} /> : null}
      {!targets.data && !targets.error && <Loading />}
      {targets.data && targets.data.items.length === 0 && (
        <p class="muted">{t('indicators.targets.empty')}</p>
      )}
      {targets.data && targets.data.items.length > 0 && (
        <div class="table-scroll">
          <table class="card-table">
            <thead>
              <tr>
                <th scope="col">{t('indicators.targets.indicator')}</th>
                <th scope="col">{t('indicators.targets.year')}</th>
                <th scope="col">{t('indicators.targets.value')}</th>
                <th scope="col">{t('indicators.targets.origin')}</th>
                <th scope="col">{t('indicators.targets.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {targets.data.items.map((target) => {
                const indicator = indicators.get(target.indicator);
                return (
                  <tr key={target.id}>
                    <td data-label={t('indicators.targets.indicator')} class="cell-main">
                      <code>{target.indicator}</code> {indicator?.name}
                    </td>
                    <td data-label={t('indicators.targets.year')}>{target.year}</td>
                    <td data-label={t('indicators.targets.value')}>
                      {describeTargetValue(target, indicator?.unit ?? '')}
                      {target.source && <span class="block unit-meta">{target.source}</span>}
                    </td>
                    <td data-label={t('indicators.targets.origin')}>{describeOrigin(target, unitId)}</td>
                    <td data-label={t('indicators.targets.updated')}>
                      {formatDateTime(target.updatedAt)}
                      {target.updatedBy && <span class="block unit-meta">{target.updatedBy}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function describeOrigin(target: Target, unitId: number | undefined): string {
  if (unitId === undefined) return t('indicators.targets.national');
  if (!target.inheritedFrom && target.orgUnit?.id === unitId) return t('indicators.targets.own');
  return describeTargetOrigin(target);
}

/** Sets (or, with an empty value, removes) a target of the chosen scope for an indicator and year. */
function TargetForm({
  catalogue,
  orgUnitId,
  onSaved,
}: {
  catalogue: Catalogue;
  orgUnitId: number | null;
  onSaved: () => void;
}) {
  const action = useFormAction();
  const [value, setValue] = useState('');
  async function submit(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const parsed = parseFigure(value);
    if (parsed.kind === 'invalid') {
      action.fail(new Error('value'));
      return;
    }
    const saved = await action.run(
      () =>
        saveTarget({
          indicator: text('indicator'),
          orgUnitId,
          year: Number(text('year')),
          operator: text('operator') as TargetOperator,
          value: parsed.kind === 'number' ? parsed.value : null,
          source: text('source') || null,
        }),
      t('indicators.targets.saved'),
    );
    if (saved) onSaved();
  }
  const thisYear = Number(todayIso().slice(0, 4));
  const years = [2025, 2030, ...Array.from({ length: 6 }, (_, index) => thisYear + index)].filter(
    (year, index, all) => all.indexOf(year) === index,
  );
  return (
    <form class="card form" onSubmit={submit}>
      <h2>{t('indicators.targets.add')}</h2>
      <FormMessages action={action} />
      <Field label={t('indicators.targets.indicator')}>
        {(control) => (
          <select {...control} name="indicator">
            {catalogue.indicators.map((indicator) => (
              <option key={indicator.code} value={indicator.code}>
                {indicator.code} — {indicator.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="field-row">
        <Field label={t('indicators.targets.year')}>
          {(control) => (
            <select {...control} name="year">
              {years
                .sort((a, b) => a - b)
                .map((year) => (
                  <option key={year} value={String(year)}>
                    {year}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={t('indicators.targets.operator')}>
          {(control) => (
            <select {...control} name="operator">
              {targetOperators.map((operator) => (
                <option key={operator} value={operator}>
                  {t(`indicators.targetOperators.${operator}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('indicators.targets.value')} hint={t('indicators.targets.removeHint')}>
          {(control) => (
            <input
              {...control}
              name="value"
              inputMode="decimal"
              value={value}
              onInput={(event) => setValue(event.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <Field label={t('indicators.targets.source')} isOptional>
        {(control) => <input {...control} name="source" />}
      </Field>
      <SubmitButton isBusy={action.isSubmitting} label={t('common.save')} />
    </form>
  );
}

const operatorSigns: Record<string, string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>', '==': '=' };

function Rules({ catalogue }: { catalogue: Catalogue }) {
  return (
    <div class="table-scroll">
      <table class="card-table">
        <thead>
          <tr>
            <th scope="col">{t('indicators.catalogue.name')}</th>
            <th scope="col">{t('indicators.catalogue.rule')}</th>
            <th scope="col">{t('indicators.catalogue.importance')}</th>
          </tr>
        </thead>
        <tbody>
          {catalogue.validationRules.map((rule) => (
            <tr key={rule.code}>
              <td data-label={t('indicators.catalogue.name')} class="cell-main">
                {rule.name}
                <code class="block muted">{rule.code}</code>
              </td>
              <td data-label={t('indicators.catalogue.rule')} class="catalogue-formula">
                {rule.kind === 'compare' && (
                  <code>
                    {rule.left} {operatorSigns[rule.operator ?? ''] ?? rule.operator} {rule.right}
                  </code>
                )}
                {rule.kind === 'change_from_last_year' &&
                  t('indicators.catalogue.changeRule', {
                    percent: `${formatFigure((rule.threshold ?? 0) * 100)}%`,
                  })}
              </td>
              <td data-label={t('indicators.catalogue.importance')}>
                <span class={rule.importance === 'error' ? 'badge badge-danger' : 'badge badge-warning'}>
                  {t(`indicators.catalogue.importances.${rule.importance}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Forms({ catalogue }: { catalogue: Catalogue }) {
  const names = new Map(catalogue.dataElements.map((element) => [element.code, element.name]));
  return (
    <ul class="plain-list">
      {catalogue.forms.map((form) => (
        <li key={form.code} class="card">
          <h2>{form.name}</h2>
          <p class="muted">
            {t(`indicators.catalogue.periodTypes.${form.periodType}`)} ·{' '}
            {t('indicators.catalogue.elementsCount', { count: form.dataElements.length })}
          </p>
          <ol>
            {form.dataElements.map((code) => (
              <li key={code}>{names.get(code) ?? code}</li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}
