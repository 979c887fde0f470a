import type { PlanStatus } from '@binhdang/contracts';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import { formatCount, todayIso } from '../app/app.format.ts';
import { useDebouncedValue, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, Loading } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { hasPermission, useSession } from '../auth/auth.session.ts';
import { listPlans, type PlanRelation } from './plans.api.ts';
import { PlanStatusBadge, planNumber, planStatuses, planStatusLabel, yearOptions } from './plans.format.tsx';

const SEARCH_DELAY_MS = 250;
const LIST_LIMIT = 50;

function parseRelation(value: string | undefined): PlanRelation {
  return value === 'own' || value === 'received' ? value : 'all';
}

function parseStatus(value: string | undefined): PlanStatus | '' {
  return (planStatuses as readonly string[]).includes(value ?? '') ? (value as PlanStatus) : '';
}

function parseYear(value: string | undefined): number | '' {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : '';
}

/** Keeps the filters in the address, so Back from a plan returns to the same list. */
function useFiltersInAddress(filters: Record<string, string>) {
  const serialised = new URLSearchParams(
    Object.entries(filters).filter(([, value]) => value !== '' && value !== 'all'),
  ).toString();
  useEffect(() => {
    const url = `${paths.plans}${serialised ? `?${serialised}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      history.replaceState(history.state, '', url);
    }
  }, [serialised]);
}

export function PlanListPage() {
  usePageTitle(t('plans.list.title'));
  return (
    <RequirePermission permission="plans.read">
      <PlanList />
    </RequirePermission>
  );
}

function PlanList() {
  const session = useSession();
  const { query: initial } = useLocation();
  const [query, setQuery] = useState(initial.q ?? '');
  const [year, setYear] = useState<number | ''>(parseYear(initial.year));
  const [status, setStatus] = useState<PlanStatus | ''>(parseStatus(initial.status));
  const [relation, setRelation] = useState<PlanRelation>(parseRelation(initial.relation));
  const debouncedQuery = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  useFiltersInAddress({ q: debouncedQuery, year: String(year), status, relation });

  const plans = useResource(
    (signal) =>
      listPlans(
        {
          q: debouncedQuery || undefined,
          year: year || undefined,
          status: status || undefined,
          relation,
          limit: LIST_LIMIT,
        },
        signal,
      ),
    [debouncedQuery, year, status, relation],
  );

  const items = plans.data?.items ?? [];
  const total = plans.data?.total ?? 0;

  return (
    <section class="page page-wide">
      <header class="page-header">
        <h1>{t('plans.list.title')}</h1>
        {hasPermission(session, 'plans.write') && (
          <span class="button-row">
            <a class="button-link button-primary" href={paths.newPlan}>
              {t('plans.list.create')}
            </a>
            <a class="button-link" href={paths.planImport}>
              {t('imports.upload.fromPlans')}
            </a>
          </span>
        )}
      </header>

      <search>
        <form class="card filters" onSubmit={(event) => event.preventDefault()}>
          <Field label={t('plans.list.search')} hint={t('plans.list.searchHint')}>
            {(control) => (
              <input
                {...control}
                type="search"
                autocomplete="off"
                spellcheck={false}
                placeholder={t('plans.list.searchPlaceholder')}
                value={query}
                onInput={(event) => setQuery(event.currentTarget.value)}
              />
            )}
          </Field>
          <div class="filter-row">
            <Field label={t('plans.list.year')}>
              {(control) => (
                <select
                  {...control}
                  value={String(year)}
                  onChange={(event) => setYear(parseYear(event.currentTarget.value))}
                >
                  <option value="">{t('plans.list.anyYear')}</option>
                  {yearOptions(todayIso()).map((option) => (
                    <option key={option} value={String(option)}>
                      {option}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('plans.list.status')}>
              {(control) => (
                <select
                  {...control}
                  value={status}
                  onChange={(event) => setStatus(parseStatus(event.currentTarget.value))}
                >
                  <option value="">{t('plans.list.anyStatus')}</option>
                  {planStatuses.map((option) => (
                    <option key={option} value={option}>
                      {planStatusLabel(option)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <fieldset class="segmented">
            <legend>{t('plans.list.relation')}</legend>
            {(['all', 'own', 'received'] as const).map((option) => (
              <label key={option} class="choice">
                <input
                  type="radio"
                  name="relation"
                  value={option}
                  checked={relation === option}
                  onChange={() => setRelation(option)}
                />
                {t(`plans.list.relations.${option}`)}
              </label>
            ))}
          </fieldset>
        </form>
      </search>

      {plans.error ? <ErrorNotice error={plans.error} onRetry={plans.reload} /> : null}
      {!plans.data && !plans.error && <Loading />}
      {plans.data && (
        <p class="muted" role="status">
          {total === 0
            ? t('plans.list.empty')
            : total > items.length
              ? t('plans.list.countTruncated', {
                  total: formatCount(total),
                  count: formatCount(items.length),
                })
              : t('plans.list.count', { count: formatCount(total) })}
        </p>
      )}
      {items.length > 0 && (
        <div class="table-scroll" aria-busy={plans.isLoading}>
          <table class="card-table">
            <thead>
              <tr>
                <th scope="col">{t('plans.list.number')}</th>
                <th scope="col">{t('plans.list.planTitle')}</th>
                <th scope="col">{t('plans.list.issuer')}</th>
                <th scope="col">{t('plans.list.year')}</th>
                <th scope="col">{t('plans.list.status')}</th>
                <th scope="col">{t('plans.list.tasks')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((plan) => (
                <tr key={plan.id}>
                  <td data-label={t('plans.list.number')} class="nowrap">
                    {planNumber(plan)}
                  </td>
                  <td data-label={t('plans.list.planTitle')} class="cell-main">
                    <a href={paths.plan(plan.id)}>{plan.title}</a>
                    {plan.version > 1 && (
                      <span class="muted">
                        {' '}
                        · {t('plans.detail.versionNumber', { version: plan.version })}
                      </span>
                    )}
                  </td>
                  <td data-label={t('plans.list.issuer')}>{plan.orgUnit.name}</td>
                  <td data-label={t('plans.list.year')}>{plan.year}</td>
                  <td data-label={t('plans.list.status')}>
                    <PlanStatusBadge status={plan.status} />
                  </td>
                  <td data-label={t('plans.list.tasks')} class="numeric">
                    {formatCount(plan.taskCount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
