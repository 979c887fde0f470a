import type { LineageEvent, OrgUnitDetail } from '@binhdang/contracts';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBoundary, lazy, useRoute } from 'preact-iso';
import { type MessageKey, t, tRich } from '../../i18n/i18n.ts';
import { isNotFound } from '../app/app.errors.ts';
import { formatDate } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Loading, NotFoundPage, PageLoadFailed } from '../app/app.ui.tsx';
import { hasPermission, useSession } from '../auth/auth.session.ts';
import { fetchOrgUnit } from './org-units.api.ts';
import { ClosedBadge, kindLabel, OrgUnitLink, validityText } from './org-units.format.tsx';

// Only unit administrators change units; everyone else never downloads the forms.
const OrgUnitActions = lazy(() =>
  import('./org-units.actions.tsx').then(
    (module) => module.OrgUnitActions,
    () => PageLoadFailed as unknown as typeof import('./org-units.actions.tsx').OrgUnitActions,
  ),
);

type UnitRef = { id: number; name: string };

/** The event told from this unit's side: "merged into X" on the source, "took in Y" on the target. */
function describeLineage(event: LineageEvent, unitId: number): { key: MessageKey; other: UnitRef | null } {
  const isSource = event.fromUnit.id === unitId;
  switch (event.kind) {
    case 'merged_into':
      return isSource
        ? { key: 'orgUnits.lineage.mergedInto', other: event.toUnit }
        : { key: 'orgUnits.lineage.mergedFrom', other: event.fromUnit };
    case 'split_from':
      return isSource
        ? { key: 'orgUnits.lineage.splitInto', other: event.toUnit }
        : { key: 'orgUnits.lineage.splitFrom', other: event.fromUnit };
    case 'renamed':
      return { key: 'orgUnits.lineage.renamed', other: null };
    case 'closed':
      return { key: 'orgUnits.lineage.closed', other: null };
  }
}

function LineageItem({ event, unitId }: { event: LineageEvent; unitId: number }) {
  const { key, other } = describeLineage(event, unitId);
  return (
    <li>
      {tRich(key, { unit: other ? <OrgUnitLink unit={other} /> : '', date: formatDate(event.effectiveOn) })}
      {event.note && <span class="muted"> — {event.note}</span>}
    </li>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function OrgUnitDetailPage() {
  const { params } = useRoute();
  const unitId = Number(params.id);
  const isValidId = Number.isInteger(unitId) && unitId > 0;
  const detail = useResource((signal) => fetchOrgUnit(unitId, signal), [unitId]);
  const [notice, setNotice] = useState<ComponentChildren>(null);
  const session = useSession();
  usePageTitle(detail.data?.name ?? t('orgUnits.tree.title'));
  // A notice about one unit must not follow the user to the next.
  useEffect(() => setNotice(null), [unitId]);

  if (!isValidId || isNotFound(detail.error)) return <NotFoundPage />;
  if (detail.error && !detail.data) return <ErrorNotice error={detail.error} onRetry={detail.reload} />;
  if (!detail.data || detail.data.id !== unitId) return <Loading />;

  const unit = detail.data;
  const canManage = hasPermission(session, 'orgUnits.manage') && unit.isOpen;

  function onChanged(message: ComponentChildren, fresh?: OrgUnitDetail) {
    setNotice(message);
    if (fresh && fresh.id === unitId) detail.setData(fresh);
    else detail.reload();
  }

  return (
    <article class="page">
      <nav aria-label={t('orgUnits.detail.breadcrumb')}>
        <ol class="breadcrumb">
          <li>
            <a href={paths.orgUnits}>{t('orgUnits.detail.allUnits')}</a>
          </li>
          {unit.ancestors.map((ancestor) => (
            <li key={ancestor.id}>
              <OrgUnitLink unit={ancestor} />
            </li>
          ))}
          <li aria-current="page">{unit.name}</li>
        </ol>
      </nav>

      <header class="page-header">
        <h1>{unit.name}</h1>
        {!unit.isOpen && <ClosedBadge />}
      </header>

      {notice && (
        <p class="notice notice-success" role="status">
          {notice}
        </p>
      )}

      <dl class="facts card">
        <div>
          <dt>{t('orgUnits.detail.code')}</dt>
          <dd>
            <code>{unit.code}</code>
          </dd>
        </div>
        <div>
          <dt>{t('orgUnits.detail.kind')}</dt>
          <dd>{kindLabel(unit.kind)}</dd>
        </div>
        <div>
          <dt>{t('orgUnits.detail.validity')}</dt>
          <dd>{validityText(unit)}</dd>
        </div>
      </dl>

      {unit.successors.length > 0 && (
        <Section id="successors-title" title={t('orgUnits.detail.successors')}>
          <p>{t('orgUnits.detail.successorsIntro')}</p>
          <ul class="plain-list">
            {unit.successors.map((successor) => (
              <li key={successor.id}>
                <OrgUnitLink unit={successor} /> <span class="muted">({kindLabel(successor.kind)})</span>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section id="children-title" title={t('orgUnits.detail.children')}>
        {unit.children.length === 0 ? (
          <p class="muted">{t('orgUnits.detail.noChildren')}</p>
        ) : (
          <ul class="unit-list">
            {unit.children.map((child) => (
              <li key={child.id}>
                <a href={paths.orgUnit(child.id)} class="unit-link">
                  <span class="unit-name">{child.name}</span>
                  <span class="unit-meta">
                    {kindLabel(child.kind)} · <code>{child.code}</code> · {validityText(child)}
                  </span>
                </a>
                {!child.isOpen && <ClosedBadge />}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="lineage-title" title={t('orgUnits.detail.lineage')}>
        {unit.lineage.length === 0 ? (
          <p class="muted">{t('orgUnits.detail.noLineage')}</p>
        ) : (
          <ul class="plain-list">
            {unit.lineage.map((event) => (
              <LineageItem key={event.id} event={event} unitId={unit.id} />
            ))}
          </ul>
        )}
      </Section>

      {unit.names.length > 0 && (
        <Section id="names-title" title={t('orgUnits.detail.names')}>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('orgUnits.detail.name')}</th>
                  <th scope="col">{t('orgUnits.detail.from')}</th>
                  <th scope="col">{t('orgUnits.detail.to')}</th>
                </tr>
              </thead>
              <tbody>
                {unit.names.map((entry) => (
                  <tr key={`${entry.name}-${entry.validFrom ?? ''}`}>
                    <td>{entry.name}</td>
                    <td>{formatDate(entry.validFrom)}</td>
                    <td>{entry.validTo ? formatDate(entry.validTo) : t('orgUnits.detail.now')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}

      {canManage && (
        <ErrorBoundary>
          <OrgUnitActions key={unit.id} unit={unit} onChanged={onChanged} />
        </ErrorBoundary>
      )}
    </article>
  );
}
