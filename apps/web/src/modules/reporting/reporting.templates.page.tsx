import { reportKindLabels, type TemplateFamily, type TemplateVersion } from '@binhdang/contracts';
import { localized, t } from '../../i18n/i18n.ts';
import { formatCount, formatDateTime } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Loading } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { hasPermission, useSession } from '../auth/auth.session.ts';
import { listTemplateFamilies } from './reporting.templates.api.ts';
import './reporting.css';

/** The report templates with their versions; a system administrator edits them from here. */
export function ReportTemplatesPage() {
  usePageTitle(t('reportTemplates.title'));
  return (
    <RequirePermission permission="reports.read">
      <TemplateList />
    </RequirePermission>
  );
}

function TemplateList() {
  const session = useSession();
  const canManage = hasPermission(session, 'templates.manage');
  const families = useResource((signal) => listTemplateFamilies(signal), []);
  return (
    <section class="page">
      <nav class="breadcrumb" aria-label={t('reporting.breadcrumb')}>
        <a href={paths.reporting}>{t('reporting.inbox.title')}</a>
      </nav>
      <header class="page-header">
        <h1>{t('reportTemplates.title')}</h1>
        {canManage && (
          <a class="button-link button-primary" href={paths.newReportTemplate}>
            {t('reportTemplates.create')}
          </a>
        )}
      </header>
      <p class="hint">{t('reportTemplates.intro')}</p>
      {families.error ? <ErrorNotice error={families.error} onRetry={families.reload} /> : null}
      {!families.data && !families.error && <Loading />}
      {families.data?.items.length === 0 && <p class="muted">{t('reportTemplates.empty')}</p>}
      {families.data && (
        <ul class="plain-list">
          {families.data.items.map((family) => (
            <FamilyCard key={family.code} family={family} canManage={canManage} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FamilyCard({ family, canManage }: { family: TemplateFamily; canManage: boolean }) {
  const current = family.current;
  return (
    <li class="card">
      <h2>
        <a href={paths.reportTemplate(current.id)}>{current.name}</a>
      </h2>
      <p class="unit-meta">
        <code>{family.code}</code> · {localized(reportKindLabels[current.kind])} ·{' '}
        {t('reportTemplates.versionLabel', { version: current.version })} ·{' '}
        {t('reportTemplates.counts', {
          sections: formatCount(current.sectionCount),
          tables: formatCount(current.tableCount),
        })}
      </p>
      {canManage && (
        <p>
          <a class="button-link" href={paths.reportTemplateEdit(current.id)}>
            {t('reportTemplates.edit')}
          </a>
        </p>
      )}
      {family.versions.length > 1 && (
        <details>
          <summary>{t('reportTemplates.versions', { count: family.versions.length })}</summary>
          <VersionTable versions={family.versions} />
        </details>
      )}
    </li>
  );
}

export function VersionTable({ versions }: { versions: TemplateVersion[] }) {
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{t('reportTemplates.versionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reportTemplates.version')}</th>
            <th scope="col">{t('reportTemplates.savedAt')}</th>
            <th scope="col">{t('reportTemplates.savedBy')}</th>
            <th scope="col" class="numeric">
              {t('reportTemplates.rounds')}
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.id}>
              <th scope="row">
                <a href={paths.reportTemplate(version.id)}>
                  {t('reportTemplates.versionLabel', { version: version.version })}
                </a>
                {version.isCurrent && <span class="badge badge-success">{t('reportTemplates.current')}</span>}
              </th>
              <td>{formatDateTime(version.createdAt)}</td>
              <td>{version.createdBy ?? t('reportTemplates.seeded')}</td>
              <td class="numeric">{formatCount(version.roundCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
