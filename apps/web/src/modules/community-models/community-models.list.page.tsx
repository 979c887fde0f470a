import {
  type CommunityModelKind,
  type CommunityModelList,
  type CommunityModelTotals,
  communityModelKinds,
  communityModelStatuses,
  communityModelStatusLabels,
} from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { localized, t } from '../../i18n/i18n.ts';
import { todayIso } from '../app/app.format.ts';
import { useDebouncedValue, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, Loading } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { useSession } from '../auth/auth.session.ts';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import { listCommunityModels } from './community-models.api.ts';
import { totalMembers } from './community-models.form.ts';
import { formatMembers, kindLabel, StatusBadge } from './community-models.ui.tsx';
import './community-models.css';

type StatusFilter = (typeof communityModelStatuses)[number] | 'none' | '';

/** The register of models and clubs of a unit and its subtree, for one year, with totals by kind. */
export function CommunityModelListPage() {
  usePageTitle(t('communityModels.title'));
  return (
    <RequirePermission permission="communityModels.read">
      <ModelList />
    </RequirePermission>
  );
}

function ModelList() {
  const session = useSession();
  const currentYear = Number(todayIso().slice(0, 4));
  const [unit, setUnit] = useState<PickedUnit | null>(
    session?.grants.find((grant) => grant.orgUnit)?.orgUnit ?? null,
  );
  const [year, setYear] = useState(currentYear);
  const [kind, setKind] = useState<CommunityModelKind | ''>('');
  const [status, setStatus] = useState<StatusFilter>('');
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 300);
  const years = Array.from({ length: currentYear - 2014 }, (_, index) => currentYear - index);

  return (
    <section class="page">
      <header class="page-header">
        <h1>{t('communityModels.title')}</h1>
        {unit && (
          <a class="button-link button-primary" href={paths.newCommunityModel(unit.id)}>
            {t('communityModels.add')}
          </a>
        )}
      </header>
      <p class="hint">{t('communityModels.intro')}</p>
      <form class="filters card" onSubmit={(event) => event.preventDefault()}>
        <OrgUnitPicker label={t('communityModels.unit')} value={unit} onChange={setUnit} />
        <div class="filter-row">
          <Field label={t('communityModels.year')}>
            {(control) => (
              <select
                {...control}
                value={String(year)}
                onChange={(event) => setYear(Number(event.currentTarget.value))}
              >
                {years.map((choice) => (
                  <option key={choice} value={String(choice)}>
                    {choice}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('communityModels.kind')}>
            {(control) => (
              <select
                {...control}
                value={kind}
                onChange={(event) => setKind(event.currentTarget.value as CommunityModelKind | '')}
              >
                <option value="">{t('communityModels.allKinds')}</option>
                {communityModelKinds.map((choice) => (
                  <option key={choice} value={choice}>
                    {kindLabel(choice)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('communityModels.status')}>
            {(control) => (
              <select
                {...control}
                value={status}
                onChange={(event) => setStatus(event.currentTarget.value as StatusFilter)}
              >
                <option value="">{t('communityModels.allStatuses')}</option>
                {communityModelStatuses.map((choice) => (
                  <option key={choice} value={choice}>
                    {localized(communityModelStatusLabels[choice])}
                  </option>
                ))}
                <option value="none">{t('communityModels.noYearRow')}</option>
              </select>
            )}
          </Field>
        </div>
        <Field label={t('communityModels.search')}>
          {(control) => (
            <input
              {...control}
              type="search"
              value={query}
              maxLength={100}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          )}
        </Field>
      </form>
      {unit ? (
        <Results unitId={unit.id} year={year} kind={kind} status={status} q={q} />
      ) : (
        <p class="muted">{t('communityModels.pickUnit')}</p>
      )}
    </section>
  );
}

function Results({
  unitId,
  year,
  kind,
  status,
  q,
}: {
  unitId: number;
  year: number;
  kind: CommunityModelKind | '';
  status: StatusFilter;
  q: string;
}) {
  const list = useResource(
    (signal) =>
      listCommunityModels(
        {
          orgUnitId: unitId,
          year,
          ...(kind ? { kind } : {}),
          ...(status ? { status } : {}),
          ...(q ? { q } : {}),
        },
        signal,
      ),
    [unitId, year, kind, status, q],
  );
  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const data = list.data;
  return (
    <>
      <TotalsTable data={data} />
      <section class="card" aria-labelledby="models-title" aria-busy={list.isLoading}>
        <h2 id="models-title">
          {t('communityModels.listTitle', { count: data.items.length, year: data.year })}
        </h2>
        {data.items.length === 0 && <p class="muted">{t('communityModels.empty')}</p>}
        <ul class="plain-list model-list">
          {data.items.map((item) => (
            <li key={item.id}>
              <a href={paths.communityModel(item.id)}>
                <strong>{item.name}</strong>
              </a>
              <span class="block unit-meta">
                {kindLabel(item.kind)} · {item.orgUnit.name}
                {item.place && item.place.id !== item.orgUnit.id ? ` · ${item.place.name}` : ''}
              </span>
              <span class="badges">
                <StatusBadge status={item.yearRow?.status ?? null} />
                {item.yearRow && totalMembers(item.yearRow) !== null && (
                  <span class="badge badge-neutral">
                    {t('communityModels.membersShort', {
                      total: formatMembers(totalMembers(item.yearRow)),
                      female: formatMembers(item.yearRow.membersFemale),
                    })}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
        {data.truncated && <p class="hint">{t('communityModels.truncated')}</p>}
      </section>
    </>
  );
}

function TotalsTable({ data }: { data: CommunityModelList }) {
  if (data.totals.models === 0) return null;
  return (
    <section class="card" aria-labelledby="totals-title">
      <h2 id="totals-title">
        {t('communityModels.totalsTitle', { year: data.year, unit: data.orgUnit.name })}
      </h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('communityModels.kind')}</th>
              <th scope="col" class="numeric">
                {t('communityModels.totals.models')}
              </th>
              <th scope="col" class="numeric">
                {t('communityModels.totals.active')}
              </th>
              <th scope="col" class="numeric">
                {t('communityModels.totals.notActive')}
              </th>
              <th scope="col" class="numeric">
                {t('communityModels.totals.noData')}
              </th>
              <th scope="col" class="numeric">
                {t('communityModels.members.female')}
              </th>
              <th scope="col" class="numeric">
                {t('communityModels.members.male')}
              </th>
              <th scope="col" class="numeric">
                {t('communityModels.members.minority')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.totalsByKind.map((totals) => (
              <TotalsRow key={totals.kind} label={kindLabel(totals.kind)} totals={totals} />
            ))}
          </tbody>
          <tfoot>
            <TotalsRow label={t('communityModels.totals.all')} totals={data.totals} />
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function TotalsRow({ label, totals }: { label: string; totals: CommunityModelTotals }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td class="numeric">{totals.models}</td>
      <td class="numeric">{totals.active}</td>
      <td class="numeric">{totals.inactive + totals.dissolved}</td>
      <td class="numeric">{totals.noData}</td>
      <td class="numeric">{formatMembers(totals.membersFemale)}</td>
      <td class="numeric">{formatMembers(totals.membersMale)}</td>
      <td class="numeric">{formatMembers(totals.membersMinority)}</td>
    </tr>
  );
}
