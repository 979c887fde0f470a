import type { MatrixCell, TimelinessMatrix } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { formatDate, todayIso } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, Loading } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { useSession } from '../auth/auth.session.ts';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import { cellSymbols, legendOrder, percentText, yearChoices } from './reporting.heatmap.ts';
import { fetchTimelinessMatrix, listTemplateFamilies } from './reporting.templates.api.ts';
import './reporting.css';
import './reporting.heatmap.css';

/**
 * Completeness and timeliness over time: the units of my subtree × the rounds consolidated there,
 * one cell per report with a colour and a symbol, rates per unit, per round and overall.
 */
export function ReportingHeatmapPage() {
  usePageTitle(t('reportingHeatmap.title'));
  return (
    <RequirePermission permission="reports.read">
      <Heatmap />
    </RequirePermission>
  );
}

function Heatmap() {
  const session = useSession();
  const firstUnit = session?.grants.find((grant) => grant.orgUnit)?.orgUnit ?? null;
  const currentYear = Number(todayIso().slice(0, 4));
  const [unit, setUnit] = useState<PickedUnit | null>(firstUnit);
  const [fromYear, setFromYear] = useState(currentYear - 1);
  const [toYear, setToYear] = useState(currentYear);
  const [templateCode, setTemplateCode] = useState('');
  const families = useResource((signal) => listTemplateFamilies(signal), []);
  const years = yearChoices(currentYear);

  return (
    <section class="page page-wide">
      <nav class="breadcrumb" aria-label={t('reporting.breadcrumb')}>
        <a href={paths.reporting}>{t('reporting.inbox.title')}</a>
      </nav>
      <h1>{t('reportingHeatmap.title')}</h1>
      <p class="hint">{t('reportingHeatmap.intro')}</p>
      <form class="filters card" onSubmit={(event) => event.preventDefault()}>
        <OrgUnitPicker label={t('reportingHeatmap.unit')} value={unit} onChange={setUnit} />
        <div class="filter-row">
          <Field label={t('reportingHeatmap.fromYear')}>
            {(control) => (
              <select
                {...control}
                value={String(fromYear)}
                onChange={(event) => {
                  const year = Number(event.currentTarget.value);
                  setFromYear(year);
                  if (toYear < year) setToYear(year);
                }}
              >
                {years.map((year) => (
                  <option key={year} value={String(year)}>
                    {year}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('reportingHeatmap.toYear')}>
            {(control) => (
              <select
                {...control}
                value={String(toYear)}
                onChange={(event) => {
                  const year = Number(event.currentTarget.value);
                  setToYear(year);
                  if (fromYear > year) setFromYear(year);
                }}
              >
                {years.map((year) => (
                  <option key={year} value={String(year)}>
                    {year}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('reportingHeatmap.template')}>
            {(control) => (
              <select
                {...control}
                value={templateCode}
                onChange={(event) => setTemplateCode(event.currentTarget.value)}
              >
                <option value="">{t('reportingHeatmap.allTemplates')}</option>
                {families.data?.items.map((family) => (
                  <option key={family.code} value={family.code}>
                    {family.current.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </form>
      {unit ? (
        <MatrixView
          orgUnitId={unit.id}
          fromYear={Math.min(fromYear, toYear)}
          toYear={Math.max(fromYear, toYear)}
          templateCode={templateCode}
        />
      ) : (
        <p class="muted">{t('reportingHeatmap.pickUnit')}</p>
      )}
    </section>
  );
}

function MatrixView({
  orgUnitId,
  fromYear,
  toYear,
  templateCode,
}: {
  orgUnitId: number;
  fromYear: number;
  toYear: number;
  templateCode: string;
}) {
  const matrix = useResource(
    (signal) =>
      fetchTimelinessMatrix(
        { orgUnitId, fromYear, toYear, ...(templateCode ? { templateCode } : {}) },
        signal,
      ),
    [orgUnitId, fromYear, toYear, templateCode],
  );
  if (matrix.error) return <ErrorNotice error={matrix.error} onRetry={matrix.reload} />;
  if (!matrix.data || matrix.isLoading) return <Loading />;
  const data = matrix.data;
  if (data.rounds.length === 0) return <p class="muted">{t('reportingHeatmap.empty')}</p>;
  return (
    <section class="card" aria-labelledby="matrix-title">
      <h2 id="matrix-title">
        {t('reportingHeatmap.matrixTitle', { unit: data.orgUnit.name, from: data.fromYear, to: data.toYear })}
      </h2>
      <p class="summary-counts">
        {t('reportingHeatmap.totals', {
          submitted: data.total.submitted,
          onTime: data.total.onTime,
          expected: data.total.expected,
          completeness: percentText(data.total.completeness),
          timeliness: percentText(data.total.timeliness),
        })}
      </p>
      {data.truncated && <p class="notice notice-warning">{t('reportingHeatmap.truncated')}</p>}
      <Legend />
      <p class="hint">{t('reportingHeatmap.scrollHint')}</p>
      <MatrixTable data={data} />
    </section>
  );
}

function Legend() {
  return (
    <ul class="heatmap-legend" aria-label={t('reportingHeatmap.legend')}>
      {legendOrder.map((status) => (
        <li key={status}>
          <span class={`matrix-cell matrix-${status}`} aria-hidden="true">
            {cellSymbols[status]}
          </span>{' '}
          {t(`reportingHeatmap.status.${status}`)}
        </li>
      ))}
    </ul>
  );
}

function MatrixTable({ data }: { data: TimelinessMatrix }) {
  return (
    <div class="table-scroll heatmap-scroll">
      <table class="heatmap-table">
        <caption class="visually-hidden">
          {t('reportingHeatmap.caption', { unit: data.orgUnit.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="heatmap-unit">
              {t('reportingHeatmap.unitColumn')}
            </th>
            {data.rounds.map((round) => (
              <th scope="col" key={round.id} class="heatmap-round">
                <a href={paths.round(round.id)}>{round.periodLabel}</a>
                <span class="block muted">{round.templateCode}</span>
                <span class="block muted">
                  {t('reportingHeatmap.due', { date: formatDate(round.dueOn) })}
                </span>
              </th>
            ))}
            <th scope="col" class="numeric">
              {t('reportingHeatmap.completeness')}
            </th>
            <th scope="col" class="numeric">
              {t('reportingHeatmap.timeliness')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.units.map((unit) => (
            <tr key={unit.id}>
              <th scope="row" class="heatmap-unit">
                {unit.name}
              </th>
              {unit.cells.map((cell, index) => (
                <MatrixCellView key={data.rounds[index]!.id} cell={cell} />
              ))}
              <td class="numeric">
                {percentText(unit.completeness)}
                <span class="block muted">
                  {unit.submitted}/{unit.expected}
                </span>
              </td>
              <td class="numeric">
                {percentText(unit.timeliness)}
                <span class="block muted">
                  {unit.onTime}/{unit.expected}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" class="heatmap-unit">
              {t('reportingHeatmap.roundRates')}
            </th>
            {data.rounds.map((round) => (
              <td key={round.id} class="numeric">
                {percentText(round.completeness)}
                <span class="block muted">{percentText(round.timeliness)}</span>
              </td>
            ))}
            <td class="numeric">{percentText(data.total.completeness)}</td>
            <td class="numeric">{percentText(data.total.timeliness)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function MatrixCellView({ cell }: { cell: MatrixCell }) {
  const label = t(`reportingHeatmap.status.${cell.status}`);
  const text =
    cell.status === 'submitted' && cell.isLate ? `${label} (${t('reportingHeatmap.lateNote')})` : label;
  const content = (
    <>
      <span aria-hidden="true">{cellSymbols[cell.status]}</span>
      <span class="visually-hidden">{text}</span>
    </>
  );
  return (
    <td class={`matrix-cell matrix-${cell.status}`} title={text}>
      {cell.submissionId === null ? content : <a href={paths.submission(cell.submissionId)}>{content}</a>}
    </td>
  );
}
