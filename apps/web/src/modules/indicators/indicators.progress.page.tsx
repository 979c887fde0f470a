import type { IndicatorProgress, IndicatorProgressStatus, Progress } from '@binhdang/contracts';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import { todayIso } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, Loading } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { useSession } from '../auth/auth.session.ts';
import type { PickedUnit } from '../org-units/org-units.picker.tsx';
import { fetchProgress, progressXlsxUrl } from './indicators.api.ts';
import {
  describeTargetOrigin,
  describeTargetValue,
  FiguresTabs,
  initialUnit,
  ProgressStatusBadge,
  UnitChooser,
  useChoicesInAddress,
} from './indicators.format.tsx';
import { formatFigure } from './indicators.number.ts';
import { IndicatorChart } from './indicators.progress-chart.tsx';
import './indicators.css';

const FIRST_YEAR = 2021;
const LAST_YEAR = 2030;

export function FiguresProgressPage() {
  usePageTitle(t('indicators.progress.title'));
  return (
    <RequirePermission permission="figures.read">
      <ProgressScreen />
    </RequirePermission>
  );
}

function parseYear(value: string | undefined, fallback: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR ? year : fallback;
}

function ProgressScreen() {
  const session = useSession();
  const { query } = useLocation();
  const thisYear = Math.min(LAST_YEAR, Number(todayIso().slice(0, 4)));
  const [unit, setUnit] = useState<PickedUnit | null>(() => initialUnit(session, query.donvi));
  const [from, setFrom] = useState(() => parseYear(query.tu, FIRST_YEAR));
  const [to, setTo] = useState(() => parseYear(query.den, thisYear));
  useChoicesInAddress(paths.figuresProgress, {
    donvi: unit ? String(unit.id) : '',
    tu: String(from),
    den: String(to),
  });
  const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, index) => FIRST_YEAR + index);

  return (
    <section class="page page-wide">
      <header class="page-header">
        <h1>{t('indicators.progress.title')}</h1>
      </header>
      <FiguresTabs current="progress" />
      <form class="card filters" onSubmit={(event) => event.preventDefault()}>
        <div class="filter-row">
          <UnitChooser label={t('indicators.progress.unit')} value={unit} onChange={setUnit} />
          <Field label={t('indicators.progress.from')}>
            {(control) => (
              <select
                {...control}
                value={String(from)}
                onChange={(event) => setFrom(Number(event.currentTarget.value))}
              >
                {years
                  .filter((year) => year <= to)
                  .map((year) => (
                    <option key={year} value={String(year)}>
                      {year}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field label={t('indicators.progress.to')}>
            {(control) => (
              <select
                {...control}
                value={String(to)}
                onChange={(event) => setTo(Number(event.currentTarget.value))}
              >
                {years
                  .filter((year) => year >= from)
                  .map((year) => (
                    <option key={year} value={String(year)}>
                      {year}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        </div>
      </form>
      {unit ? (
        <ProgressOfUnit unit={unit} onUnitNamed={setUnit} from={from} to={to} />
      ) : (
        <p class="muted">{t('indicators.entry.chooseUnit')}</p>
      )}
    </section>
  );
}

function ProgressOfUnit({
  unit,
  onUnitNamed,
  from,
  to,
}: {
  unit: PickedUnit;
  onUnitNamed: (unit: PickedUnit) => void;
  from: number;
  to: number;
}) {
  const progress = useResource(
    (signal) => fetchProgress({ orgUnitId: unit.id, from, to }, signal),
    [unit.id, from, to],
  );
  const data: Progress | undefined = progress.data;

  useEffect(() => {
    if (data && unit.code === '') onUnitNamed({ ...data.orgUnit, kind: unit.kind });
  }, [data, unit.code]);

  if (progress.error) return <ErrorNotice error={progress.error} onRetry={progress.reload} />;
  if (!data) return <Loading />;
  if (data.indicators.length === 0) return <p class="muted">{t('indicators.progress.empty')}</p>;

  const counts: Record<IndicatorProgressStatus, number> = {
    achieved: 0,
    on_track: 0,
    off_track: 0,
    no_data: 0,
  };
  for (const item of data.indicators) counts[item.status]++;

  return (
    <div aria-busy={progress.isLoading}>
      <p class="muted">{t('indicators.progress.subtree', { unit: data.orgUnit.name })}</p>
      <div class="progress-summary">
        <p class="muted" role="status">
          {t('indicators.progress.summary', {
            achieved: counts.achieved,
            onTrack: counts.on_track,
            offTrack: counts.off_track,
            noData: counts.no_data,
          })}
        </p>
        <a class="button-link" href={progressXlsxUrl({ orgUnitId: data.orgUnit.id, from, to })} download>
          {t('indicators.progress.downloadXlsx')}
        </a>
      </div>
      {groupByObjective(data.indicators).map((group) => (
        <section key={group.objective} class="progress-objective" aria-label={group.objective}>
          <h2>{group.objective}</h2>
          <div class="indicator-cards">
            {group.items.map((item) => (
              <IndicatorCard key={item.indicator.code} item={item} unitName={data.orgUnit.name} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function groupByObjective(items: IndicatorProgress[]): { objective: string; items: IndicatorProgress[] }[] {
  const groups: { objective: string; items: IndicatorProgress[] }[] = [];
  for (const item of items) {
    const objective = item.indicator.objective ?? t('indicators.progress.otherObjective');
    const group = groups.find((candidate) => candidate.objective === objective);
    if (group) group.items.push(item);
    else groups.push({ objective, items: [item] });
  }
  return groups;
}

/** `45,5%` or `1.234 người`: a value with the indicator's unit and decimals. */
function withUnit(value: number, unit: string, decimals: number): string {
  const text = formatFigure(value, decimals);
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

function IndicatorCard({ item, unitName }: { item: IndicatorProgress; unitName: string }) {
  const { indicator } = item;
  const titleId = `indicator-${indicator.code}`;
  const target = item.nextTarget;
  const isPercent = indicator.unit === '%';
  return (
    <article class="card indicator-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span class="doc-ref">{indicator.code}</span>
        {indicator.name}
      </h3>
      <p class="badges">
        <ProgressStatusBadge status={item.status} />
        {item.trend && (
          <span class="badge badge-neutral">{t(`indicators.progress.trends.${item.trend}`)}</span>
        )}
      </p>
      <dl class="indicator-facts">
        <dt>{t('indicators.progress.latest')}</dt>
        <dd>
          {item.latestValue !== null && item.latestYear !== null ? (
            <>
              <span class="indicator-value">
                {withUnit(item.latestValue, indicator.unit, indicator.decimals)}
              </span>{' '}
              <span class="muted">({item.latestYear})</span>
            </>
          ) : (
            <span class="muted">{t('indicators.progress.noData')}</span>
          )}
        </dd>
        <dt>{t('indicators.progress.target')}</dt>
        <dd>
          {target ? (
            <>
              {t('indicators.progress.targetValue', {
                value: describeTargetValue(target, indicator.unit),
                year: target.year,
              })}
              <span class="block unit-meta">{describeTargetOrigin(target)}</span>
            </>
          ) : (
            <span class="muted">{t('indicators.progress.noTarget')}</span>
          )}
        </dd>
      </dl>
      <IndicatorChart
        title={indicator.name}
        points={item.years.map((year) => ({ year: year.year, value: year.value }))}
        target={target?.value ?? null}
        isPercent={isPercent}
        fileName={`${indicator.code}-${unitName}`}
      />
      <details>
        <summary>{t('indicators.progress.years')}</summary>
        <div class="table-scroll">
          <table class="year-table">
            <thead>
              <tr>
                <th scope="col">{t('indicators.progress.year')}</th>
                <th scope="col" class="numeric">
                  {t('indicators.progress.value')}
                </th>
                <th scope="col">{t('indicators.progress.target')}</th>
                <th scope="col">{t('indicators.progress.status')}</th>
              </tr>
            </thead>
            <tbody>
              {item.years.map((year) => (
                <tr key={year.year}>
                  <th scope="row">{year.year}</th>
                  <td class="numeric">
                    {year.value === null ? '—' : withUnit(year.value, indicator.unit, indicator.decimals)}
                  </td>
                  <td>{year.target ? describeTargetValue(year.target, indicator.unit) : '—'}</td>
                  <td>{year.status ? <ProgressStatusBadge status={year.status} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="catalogue-formula muted">
          {t('indicators.progress.formula')}: {indicator.numerator.explanation}
          {indicator.denominator ? ` / ${indicator.denominator.explanation}` : ''}
          {indicator.factor !== 1 ? ` × ${formatFigure(indicator.factor)}` : ''}
        </p>
      </details>
    </article>
  );
}
