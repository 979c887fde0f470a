import type { AuditEntry } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { isMessageKey, t } from '../../i18n/i18n.ts';
import { vi } from '../../i18n/vi.ts';
import { formatDateTime } from '../app/app.format.ts';
import { useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, FormMessages, Loading } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { type AuditFilter, fetchAuditPage } from './audit.api.ts';
import { changedFields } from './audit.diff.ts';

/** The actions and entity types the dictionary names are the ones worth filtering on. */
const knownActions = Object.entries(vi.audit.actions).flatMap(([domain, actions]) =>
  Object.keys(actions).map((name) => `${domain}.${name}`),
);
const knownEntityTypes = Object.keys(vi.audit.entityTypes);

function actionLabel(action: string): string {
  const key = `audit.actions.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

function entityTypeLabel(entityType: string): string {
  const key = `audit.entityTypes.${entityType}`;
  return isMessageKey(key) ? t(key) : entityType;
}

export function AuditPage() {
  usePageTitle(t('audit.title'));
  return (
    <RequirePermission permission="audit.read">
      <AuditLog />
    </RequirePermission>
  );
}

function AuditLog() {
  const [filter, setFilter] = useState<AuditFilter>({ action: '', entityType: '' });
  return (
    <section class="page page-wide">
      <h1>{t('audit.title')}</h1>
      <p>
        <a href={paths.outbox}>{t('notifications.outbox.auditLink')}</a>
      </p>
      <fieldset class="card filters">
        <legend>{t('audit.filters')}</legend>
        <div class="filter-row">
          <Field label={t('audit.action')}>
            {(control) => (
              <select
                {...control}
                value={filter.action}
                onChange={(event) => setFilter({ ...filter, action: event.currentTarget.value })}
              >
                <option value="">{t('audit.anyAction')}</option>
                {knownActions.map((action) => (
                  <option key={action} value={action}>
                    {actionLabel(action)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('audit.entityType')}>
            {(control) => (
              <select
                {...control}
                value={filter.entityType}
                onChange={(event) => setFilter({ ...filter, entityType: event.currentTarget.value })}
              >
                <option value="">{t('audit.anyEntity')}</option>
                {knownEntityTypes.map((entityType) => (
                  <option key={entityType} value={entityType}>
                    {entityTypeLabel(entityType)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      {/* A new filter starts a new list, dropping the pages loaded for the old one. */}
      <AuditEntries key={`${filter.action}|${filter.entityType}`} filter={filter} />
    </section>
  );
}

function AuditEntries({ filter }: { filter: AuditFilter }) {
  const firstPage = useResource((signal) => fetchAuditPage(filter, undefined, signal), []);
  const [laterPages, setLaterPages] = useState<{ items: AuditEntry[]; nextBefore: number | null } | null>(
    null,
  );
  const loadMore = useFormAction();

  const items = [...(firstPage.data?.items ?? []), ...(laterPages?.items ?? [])];
  const nextBefore = laterPages ? laterPages.nextBefore : (firstPage.data?.nextBefore ?? null);

  async function showMore() {
    if (nextBefore === null) return;
    const page = await loadMore.run(() => fetchAuditPage(filter, nextBefore));
    if (page)
      setLaterPages({ items: [...(laterPages?.items ?? []), ...page.items], nextBefore: page.nextBefore });
  }

  if (firstPage.error) return <ErrorNotice error={firstPage.error} onRetry={firstPage.reload} />;
  if (!firstPage.data) return <Loading />;
  if (items.length === 0) return <p>{t('audit.empty')}</p>;
  return (
    <>
      <div class="table-scroll">
        <table class="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.entity')}</th>
              <th scope="col">{t('audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      </div>
      <FormMessages action={loadMore} />
      {nextBefore !== null ? (
        <button type="button" onClick={showMore} disabled={loadMore.isSubmitting}>
          {loadMore.isSubmitting ? t('common.loading') : t('common.loadMore')}
        </button>
      ) : (
        <p class="muted">{t('audit.end')}</p>
      )}
    </>
  );
}

function EntityCell({ entry }: { entry: AuditEntry }) {
  const label = `${entityTypeLabel(entry.entityType)}${entry.entityId ? ` #${entry.entityId}` : ''}`;
  let href: string | null = null;
  if (entry.entityId && entry.entityType === 'org_unit') href = paths.orgUnit(Number(entry.entityId));
  if (entry.entityId && entry.entityType === 'user') href = paths.user(Number(entry.entityId));
  return (
    <>
      {href ? <a href={href}>{label}</a> : label}
      {entry.orgUnitId !== null && entry.entityType !== 'org_unit' && (
        <>
          <br />
          <a href={paths.orgUnit(entry.orgUnitId)} class="muted">
            {t('audit.unit')} #{entry.orgUnitId}
          </a>
        </>
      )}
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const changes = changedFields(entry.before, entry.after);
  return (
    <tr>
      <td class="nowrap">{formatDateTime(entry.at)}</td>
      <td>
        {entry.actor ? entry.actor.username : t('audit.system')}
        {entry.ip && (
          <span class="muted block" title={t('audit.ip')}>
            {entry.ip}
          </span>
        )}
      </td>
      <td>
        {actionLabel(entry.action)}
        {actionLabel(entry.action) !== entry.action && (
          <span class="muted block">
            <code>{entry.action}</code>
          </span>
        )}
      </td>
      <td>
        <EntityCell entry={entry} />
      </td>
      <td>
        {changes.length === 0 ? (
          <span class="muted">{t('audit.noChanges')}</span>
        ) : (
          <details>
            <summary>{t('audit.showChanges', { count: changes.length })}</summary>
            <table class="diff">
              <thead>
                <tr>
                  <th scope="col">{t('audit.field')}</th>
                  <th scope="col">{t('audit.before')}</th>
                  <th scope="col">{t('audit.after')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((change) => (
                  <tr key={change.field}>
                    <th scope="row">
                      <code>{change.field || '—'}</code>
                    </th>
                    <td class="diff-before">{change.before}</td>
                    <td class="diff-after">{change.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </td>
    </tr>
  );
}
