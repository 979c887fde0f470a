import type { OrgUnitKind, OrgUnitSummary } from '@binhdang/contracts';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import { formatCount } from '../app/app.format.ts';
import { useDebouncedValue, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, Loading } from '../app/app.ui.tsx';
import { type OrgUnitStatus, searchOrgUnits } from './org-units.api.ts';
import { ClosedBadge, isOrgUnitKind, KindOptions, kindLabel, validityText } from './org-units.format.tsx';

const SEARCH_DELAY_MS = 250;
const SEARCH_LIMIT = 50;
/** Generous enough for a province's communes and agencies; more than that is a job for the search box. */
const CHILDREN_LIMIT = 500;

function parseStatus(value: string | undefined): OrgUnitStatus {
  return value === 'closed' || value === 'all' ? value : 'open';
}

/** Keeps the filters in the address, so Back from a unit page returns to the same results. */
function useFiltersInAddress(filters: Record<string, string>) {
  const serialised = new URLSearchParams(
    Object.entries(filters).filter(([, value]) => value !== '' && value !== 'open'),
  ).toString();
  useEffect(() => {
    const url = `${paths.orgUnits}${serialised ? `?${serialised}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      history.replaceState(history.state, '', url);
    }
  }, [serialised]);
}

export function OrgUnitTreePage() {
  usePageTitle(t('orgUnits.tree.title'));
  const { query: initial } = useLocation();
  const [query, setQuery] = useState(initial.q ?? '');
  const [status, setStatus] = useState<OrgUnitStatus>(parseStatus(initial.status));
  const [kind, setKind] = useState<OrgUnitKind | ''>(isOrgUnitKind(initial.kind) ? initial.kind : '');
  const debouncedQuery = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  useFiltersInAddress({ q: debouncedQuery, status, kind });

  return (
    <section class="page">
      <h1>{t('orgUnits.tree.title')}</h1>
      <search>
        <form class="card filters" onSubmit={(event) => event.preventDefault()}>
          <Field label={t('orgUnits.search.label')} hint={t('orgUnits.search.hint')}>
            {(control) => (
              <input
                {...control}
                type="search"
                data-testid="org-search"
                placeholder={t('orgUnits.search.placeholder')}
                autocomplete="off"
                spellcheck={false}
                value={query}
                onInput={(event) => setQuery(event.currentTarget.value)}
              />
            )}
          </Field>
          <div class="filter-row">
            <Field label={t('orgUnits.search.status')}>
              {(control) => (
                <select
                  {...control}
                  value={status}
                  onChange={(event) => setStatus(parseStatus(event.currentTarget.value))}
                >
                  <option value="open">{t('orgUnits.search.statusOpen')}</option>
                  <option value="closed">{t('orgUnits.search.statusClosed')}</option>
                  <option value="all">{t('orgUnits.search.statusAll')}</option>
                </select>
              )}
            </Field>
            <Field label={t('orgUnits.search.kind')} hint={t('orgUnits.search.kindHint')}>
              {(control) => (
                <select
                  {...control}
                  value={kind}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setKind(isOrgUnitKind(value) ? value : '');
                  }}
                >
                  <option value="">{t('orgUnits.search.kindAll')}</option>
                  <KindOptions />
                </select>
              )}
            </Field>
          </div>
        </form>
      </search>

      {debouncedQuery ? (
        <SearchResults query={debouncedQuery} status={status} kind={kind || undefined} />
      ) : (
        <UnitTree status={status} />
      )}
    </section>
  );
}

function SearchResults({
  query,
  status,
  kind,
}: {
  query: string;
  status: OrgUnitStatus;
  kind?: OrgUnitKind;
}) {
  const results = useResource(
    (signal) => searchOrgUnits({ q: query, status, kind, limit: SEARCH_LIMIT }, signal),
    [query, status, kind],
  );
  const items = results.data?.items ?? [];
  const total = results.data?.total ?? 0;

  let summary = t('orgUnits.search.searching');
  if (!results.isLoading && results.data) {
    if (total === 0) summary = t('orgUnits.search.noResults');
    else if (total > items.length)
      summary = t('orgUnits.search.resultsTruncated', {
        total: formatCount(total),
        count: formatCount(items.length),
      });
    else summary = t('orgUnits.search.results', { count: formatCount(total) });
  }

  return (
    <section aria-label={t('orgUnits.search.label')}>
      {results.error ? <ErrorNotice error={results.error} onRetry={results.reload} /> : null}
      <p class="muted" role="status">
        {summary}
      </p>
      {items.length > 0 && (
        <ul class="unit-list">
          {items.map((unit) => (
            <li key={unit.id}>
              <a href={paths.orgUnit(unit.id)} data-testid="org-result" class="unit-link">
                <span class="unit-name">{unit.name}</span>
                <span class="unit-meta">
                  {kindLabel(unit.kind)} · <code>{unit.code}</code> · {validityText(unit)}
                </span>
              </a>
              {!unit.isOpen && <ClosedBadge />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function UnitTree({ status }: { status: OrgUnitStatus }) {
  // Top units are usually open even when their closed descendants are wanted, so only the
  // levels below follow a "closed" filter.
  const rootStatus: OrgUnitStatus = status === 'open' ? 'open' : 'all';
  const roots = useResource(
    (signal) => searchOrgUnits({ status: rootStatus, limit: CHILDREN_LIMIT }, signal),
    [rootStatus],
  );

  if (roots.error) return <ErrorNotice error={roots.error} onRetry={roots.reload} />;
  if (!roots.data) return <Loading />;
  if (roots.data.items.length === 0) return <p>{t('orgUnits.tree.empty')}</p>;
  return (
    <nav aria-label={t('orgUnits.tree.treeLabel')}>
      <ul class="tree">
        {roots.data.items.map((unit) => (
          <TreeNode key={unit.id} unit={unit} status={status} />
        ))}
      </ul>
    </nav>
  );
}

function TreeNode({ unit, status }: { unit: OrgUnitSummary; status: OrgUnitStatus }) {
  const [isExpanded, setExpanded] = useState(false);
  // `childCount` counts open children only; closed ones may hide under any unit.
  const mayHaveChildren = unit.childCount > 0 || status !== 'open';
  return (
    <li>
      <div class="tree-row">
        {mayHaveChildren ? (
          <button
            type="button"
            class="tree-toggle"
            aria-expanded={isExpanded}
            aria-label={t(isExpanded ? 'orgUnits.tree.collapse' : 'orgUnits.tree.expand', {
              name: unit.name,
            })}
            onClick={() => setExpanded(!isExpanded)}
          >
            <span aria-hidden="true">{isExpanded ? '−' : '+'}</span>
          </button>
        ) : (
          <span class="tree-spacer" />
        )}
        <a href={paths.orgUnit(unit.id)} class="tree-link">
          {unit.name}
        </a>
        <span class="unit-meta">
          {kindLabel(unit.kind)}
          {unit.childCount > 0 &&
            ` · ${t('orgUnits.tree.childCount', { count: formatCount(unit.childCount) })}`}
        </span>
        {!unit.isOpen && <ClosedBadge />}
      </div>
      {isExpanded && <TreeChildren parentId={unit.id} status={status} />}
    </li>
  );
}

function TreeChildren({ parentId, status }: { parentId: number; status: OrgUnitStatus }) {
  const children = useResource(
    (signal) => searchOrgUnits({ parentId, status, limit: CHILDREN_LIMIT }, signal),
    [parentId, status],
  );
  if (children.error) return <ErrorNotice error={children.error} onRetry={children.reload} />;
  if (!children.data) return <Loading />;
  const { items, total } = children.data;
  if (items.length === 0) return <p class="tree-empty muted">{t('orgUnits.detail.noChildren')}</p>;
  return (
    <ul class="tree">
      {items.map((child) => (
        <TreeNode key={child.id} unit={child} status={status} />
      ))}
      {total > items.length && (
        <li class="muted">{t('orgUnits.tree.more', { count: formatCount(total - items.length) })}</li>
      )}
    </ul>
  );
}
