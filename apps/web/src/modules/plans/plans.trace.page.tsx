import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { isNotFound } from '../app/app.errors.ts';
import { formatCount, formatDate, formatDateTime } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Loading, NotFoundPage } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { fetchPlanTrace } from './plans.api.ts';
import {
  Percent,
  PlanStatusBadge,
  planNumber,
  roleLabel,
  TaskStatusBadge,
  usePlanIdParam,
} from './plans.format.tsx';
import { groupTraceRows, openGroups, type TraceRow, traceTotals } from './plans.trace.ts';

export function PlanTracePage() {
  usePageTitle(t('plans.trace.title'));
  return (
    <RequirePermission permission="plans.read">
      <Trace />
    </RequirePermission>
  );
}

function UnitCell({ row }: { row: TraceRow }) {
  if (!row.orgUnit) {
    return (
      <mark class="unresolved" title={t('plans.assignees.unresolvedHint')}>
        {row.unitName}
      </mark>
    );
  }
  return <a href={paths.taskProgress(row.taskId, row.orgUnit.id)}>{row.orgUnit.name}</a>;
}

function PlannedCell({ row }: { row: TraceRow }) {
  if (!row.childPlan) return <span class="muted">{t('plans.trace.notPlanned')}</span>;
  return (
    <>
      <a href={paths.plan(row.childPlan.id)}>{planNumber(row.childPlan)}</a>{' '}
      <PlanStatusBadge status={row.childPlan.status} />
      {row.childTaskCount > 0 && (
        <span class="block unit-meta">
          {t('plans.trace.childTasks', { done: row.childTasksDone, count: row.childTaskCount })}
        </span>
      )}
    </>
  );
}

function Trace() {
  const planId = usePlanIdParam();
  const trace = useResource((signal) => fetchPlanTrace(planId ?? 0, signal), [planId]);
  const [isOpenOnly, setOpenOnly] = useState(false);

  if (planId === null || isNotFound(trace.error)) return <NotFoundPage />;
  if (trace.error && !trace.data) return <ErrorNotice error={trace.error} onRetry={trace.reload} />;
  if (!trace.data || trace.data.plan.id !== planId) return <Loading />;

  const { plan, rows, unitsWithoutPlan } = trace.data;
  const totals = traceTotals(rows);
  const allGroups = groupTraceRows(rows);
  const groups = isOpenOnly ? openGroups(allGroups) : allGroups;
  const lateCount = unitsWithoutPlan.filter((unit) => unit.isLate).length;

  return (
    <div class="page page-wide">
      <nav aria-label={t('plans.detail.breadcrumb')}>
        <ol class="breadcrumb">
          <li>
            <a href={paths.plans}>{t('plans.list.title')}</a>
          </li>
          <li>
            <a href={paths.plan(plan.id)}>{planNumber(plan)}</a>
          </li>
          <li aria-current="page">{t('plans.trace.title')}</li>
        </ol>
      </nav>
      <header class="page-header">
        <h1>{t('plans.trace.title')}</h1>
        <PlanStatusBadge status={plan.status} />
      </header>
      <p class="plan-subtitle">
        <a href={paths.plan(plan.id)}>{plan.title}</a>
      </p>

      <dl class="facts card plan-facts stats">
        <div>
          <dt>{t('plans.trace.assignments')}</dt>
          <dd>{formatCount(totals.assignments)}</dd>
        </div>
        <div>
          <dt>{t('plans.trace.done')}</dt>
          <dd>{formatCount(totals.done)}</dd>
        </div>
        <div>
          <dt>{t('plans.trace.overdue')}</dt>
          <dd class={totals.overdue > 0 ? 'danger-text' : undefined}>{formatCount(totals.overdue)}</dd>
        </div>
        <div>
          <dt>{t('plans.trace.planned')}</dt>
          <dd>{formatCount(totals.planned)}</dd>
        </div>
      </dl>

      <section class={lateCount > 0 ? 'card notice-warning' : 'card'} aria-labelledby="without-plan-title">
        <h2 id="without-plan-title">{t('plans.trace.withoutPlan')}</h2>
        {plan.cascadeDueOn && (
          <p class="hint">{t('plans.trace.cascadeDue', { date: formatDate(plan.cascadeDueOn) })}</p>
        )}
        {unitsWithoutPlan.length === 0 ? (
          <p class="muted">{t('plans.trace.allPlanned')}</p>
        ) : (
          <ul class="plain-list unit-chips">
            {unitsWithoutPlan.map((unit) => (
              <li key={unit.id} class={unit.isLate ? 'is-late' : undefined}>
                {unit.name}
                {unit.draftPlanId !== null && (
                  <a href={paths.plan(unit.draftPlanId)} class="badge">
                    {t('plans.trace.drafting')}
                  </a>
                )}
                {unit.isLate && <span class="badge badge-danger">{t('plans.trace.late')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <label class="choice">
        <input
          type="checkbox"
          checked={isOpenOnly}
          onChange={(event) => setOpenOnly(event.currentTarget.checked)}
        />
        {t('plans.trace.openOnly')}
      </label>

      {groups.length === 0 && (
        <p class="muted">{isOpenOnly ? t('plans.trace.allDone') : t('plans.trace.empty')}</p>
      )}
      {groups.map((group) => (
        <section key={group.taskId} class="card trace-task" aria-labelledby={`trace-task-${group.taskId}`}>
          <h2 id={`trace-task-${group.taskId}`} class="trace-task-title">
            {group.ref && <span class="doc-ref">{group.ref}</span>} {group.text}
          </h2>
          <p class="unit-meta">
            {t('plans.trace.taskSummary', { done: group.doneCount, count: group.rows.length })}
          </p>
          <div class="table-scroll">
            <table class="card-table">
              <thead>
                <tr>
                  <th scope="col">{t('plans.trace.unit')}</th>
                  <th scope="col">{t('plans.trace.role')}</th>
                  <th scope="col">{t('plans.trace.childPlan')}</th>
                  <th scope="col">{t('plans.trace.status')}</th>
                  <th scope="col">{t('plans.trace.percent')}</th>
                  <th scope="col">{t('plans.trace.evidence')}</th>
                  <th scope="col">{t('plans.trace.updatedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {group.rows.map((row) => (
                  <tr key={`${row.orgUnit?.id ?? row.unitName}-${row.role}`}>
                    <td data-label={t('plans.trace.unit')} class="cell-main">
                      <UnitCell row={row} />
                    </td>
                    <td data-label={t('plans.trace.role')}>{roleLabel(row.role)}</td>
                    <td data-label={t('plans.trace.childPlan')}>
                      <PlannedCell row={row} />
                    </td>
                    <td data-label={t('plans.trace.status')}>
                      <TaskStatusBadge status={row.status} />
                      {row.note && <span class="block unit-meta">{row.note}</span>}
                    </td>
                    <td data-label={t('plans.trace.percent')}>
                      <Percent value={row.percent} />
                    </td>
                    <td data-label={t('plans.trace.evidence')} class="numeric">
                      {formatCount(row.attachmentCount)}
                    </td>
                    <td data-label={t('plans.trace.updatedAt')}>
                      {row.updatedAt ? formatDateTime(row.updatedAt) : <span class="muted">—</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
