import type { PlanDetail } from '@binhdang/contracts';
import { useEffect, useState } from 'preact/hooks';
import { t, tRich } from '../../i18n/i18n.ts';
import { isNotFound } from '../app/app.errors.ts';
import { formatDate, formatDateTime } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Loading, NotFoundPage } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { fetchPlan } from './plans.api.ts';
import { PlanActions } from './plans.detail-actions.tsx';
import { PlanDocument } from './plans.document.tsx';
import { PlanLink, PlanStatusBadge, planNumber, usePlanIdParam } from './plans.format.tsx';

export function PlanDetailPage() {
  return (
    <RequirePermission permission="plans.read">
      <PlanDetailView />
    </RequirePermission>
  );
}

function PlanDetailView() {
  const planId = usePlanIdParam();
  const plan = useResource((signal) => fetchPlan(planId ?? 0, signal), [planId]);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(plan.data?.title ?? t('plans.list.title'));
  // A notice about one plan must not follow the user to the next.
  useEffect(() => setNotice(null), [planId]);

  if (planId === null || isNotFound(plan.error)) return <NotFoundPage />;
  if (plan.error && !plan.data) return <ErrorNotice error={plan.error} onRetry={plan.reload} />;
  if (!plan.data || plan.data.id !== planId) return <Loading />;

  const detail = plan.data;
  function onChanged(fresh: PlanDetail, message: string) {
    setNotice(message);
    plan.setData(fresh);
  }

  return (
    <div class="page page-wide">
      <nav aria-label={t('plans.detail.breadcrumb')}>
        <ol class="breadcrumb">
          <li>
            <a href={paths.plans}>{t('plans.list.title')}</a>
          </li>
          {detail.parentPlan && (
            <li>
              <PlanLink plan={detail.parentPlan}>{planNumber(detail.parentPlan)}</PlanLink>
            </li>
          )}
          <li aria-current="page">{planNumber(detail)}</li>
        </ol>
      </nav>

      <header class="page-header">
        <h1 class="plan-heading">{detail.title}</h1>
        <span class="badges">
          <PlanStatusBadge status={detail.status} />
          {detail.origin === 'imported' && <span class="badge">{t('plans.detail.imported')}</span>}
        </span>
      </header>

      {notice && (
        <p class="notice notice-success" role="status">
          {notice}
        </p>
      )}
      {detail.status === 'superseded' && (
        <p class="notice notice-warning" role="note">
          {t('plans.detail.supersededNotice')}
        </p>
      )}

      <dl class="facts card plan-facts">
        <div>
          <dt>{t('plans.list.issuer')}</dt>
          <dd>{detail.orgUnit.name}</dd>
        </div>
        <div>
          <dt>{t('plans.list.number')}</dt>
          <dd>{planNumber(detail)}</dd>
        </div>
        <div>
          <dt>{t('plans.detail.issuedOn')}</dt>
          <dd>{detail.issuedOn ? formatDate(detail.issuedOn) : t('plans.detail.notIssued')}</dd>
        </div>
        <div>
          <dt>{t('plans.detail.version')}</dt>
          <dd>{t('plans.detail.versionNumber', { version: detail.version })}</dd>
        </div>
        <div>
          <dt>{t('plans.list.tasks')}</dt>
          <dd>{detail.taskCount}</dd>
        </div>
        {detail.cascadeDueOn && (
          <div>
            <dt>{t('plans.fields.cascadeDueOn')}</dt>
            <dd>{formatDate(detail.cascadeDueOn)}</dd>
          </div>
        )}
        <div>
          <dt>{t('plans.detail.updatedAt')}</dt>
          <dd>{formatDateTime(detail.updatedAt)}</dd>
        </div>
      </dl>

      {detail.parentPlan && (
        <p class="notice" role="note">
          {tRich('plans.detail.madeFrom', { plan: <PlanLink plan={detail.parentPlan} /> })}
        </p>
      )}

      <PlanActions plan={detail} onChanged={onChanged} />

      <div class="plan-layout">
        <PlanDocument plan={detail} />

        <aside class="plan-aside">
          <section class="card" aria-labelledby="children-title">
            <h2 id="children-title">{t('plans.detail.childPlans')}</h2>
            {detail.childPlans.length === 0 ? (
              <p class="muted">{t('plans.detail.noChildPlans')}</p>
            ) : (
              <ul class="plain-list">
                {detail.childPlans.map((child) => (
                  <li key={child.id}>
                    <a href={paths.plan(child.id)}>{child.orgUnit.name}</a>{' '}
                    <PlanStatusBadge status={child.status} />
                    <span class="block unit-meta">
                      {planNumber(child)} · {child.title}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {detail.versions.length > 1 && (
            <section class="card" aria-labelledby="versions-title">
              <h2 id="versions-title">{t('plans.detail.versions')}</h2>
              <ol class="plain-list">
                {detail.versions.map((version) => (
                  <li key={version.id}>
                    {version.id === detail.id ? (
                      <strong aria-current="page">
                        {t('plans.detail.versionNumber', { version: version.version })}
                      </strong>
                    ) : (
                      <a href={paths.plan(version.id)}>
                        {t('plans.detail.versionNumber', { version: version.version })}
                      </a>
                    )}{' '}
                    <PlanStatusBadge status={version.status} />
                    <span class="block unit-meta">
                      {version.issuedOn
                        ? t('plans.detail.issuedOnDate', { date: formatDate(version.issuedOn) })
                        : t('plans.detail.updatedOnDate', { date: formatDateTime(version.updatedAt) })}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
