import { roleLabels } from '@binhdang/contracts';
import { localized, t } from '../../i18n/i18n.ts';
import { hasPermission, useSession } from '../auth/auth.session.ts';
import { ReportingDutiesCard } from '../calendar/calendar.duties-card.tsx';
import { NotificationsCard } from '../notifications/notifications.card.tsx';
import { ReportingInboxCard } from '../reporting/reporting.inbox-card.tsx';
import { TaskSummaryCard } from '../tasks/tasks.summary-card.tsx';
import { usePageTitle } from './app.hooks.ts';
import { paths } from './app.paths.ts';

export function HomePage() {
  usePageTitle(t('home.title'));
  const session = useSession();
  if (!session) return null;

  const quickLinks = [
    {
      href: paths.plans,
      label: t('home.plans'),
      hint: t('home.plansHint'),
      isShown: hasPermission(session, 'plans.read'),
    },
    {
      href: paths.tasks,
      label: t('home.tasks'),
      hint: t('home.tasksHint'),
      isShown: hasPermission(session, 'plans.read'),
    },
    {
      href: paths.figures,
      label: t('indicators.nav'),
      hint: t('indicators.homeHint'),
      isShown: hasPermission(session, 'figures.read'),
    },
    {
      href: paths.orgUnits,
      label: t('home.orgUnits'),
      hint: t('home.orgUnitsHint'),
      isShown: hasPermission(session, 'orgUnits.read'),
    },
    {
      href: paths.users,
      label: t('home.users'),
      hint: t('home.usersHint'),
      isShown: hasPermission(session, 'users.read'),
    },
    {
      href: paths.audit,
      label: t('home.audit'),
      hint: t('home.auditHint'),
      isShown: hasPermission(session, 'audit.read'),
    },
    {
      href: paths.outbox,
      label: t('notifications.outbox.nav'),
      hint: t('notifications.outbox.auditLink'),
      isShown: hasPermission(session, 'audit.read'),
    },
    { href: paths.account, label: t('home.account'), hint: t('home.accountHint'), isShown: true },
  ];

  return (
    <section class="page">
      <h1>{t('home.greeting', { name: session.user.displayName })}</h1>

      {/* Officers who carry out or plan tasks first see what is late and what is coming. */}
      {hasPermission(session, 'tasks.progress') && <TaskSummaryCard />}
      <NotificationsCard />
      {hasPermission(session, 'reports.read') && (
        <ReportingInboxCard canManage={hasPermission(session, 'rounds.manage')} />
      )}
      {hasPermission(session, 'plans.read') && <ReportingDutiesCard />}

      <section class="card" aria-labelledby="roles-title">
        <h2 id="roles-title">{t('home.rolesTitle')}</h2>
        {session.grants.length === 0 ? (
          <p>{t('home.noRoles')}</p>
        ) : (
          <ul class="plain-list">
            {session.grants.map((grant) => (
              <li key={grant.id}>
                <strong>{localized(roleLabels[grant.role])}</strong>
                {' — '}
                {grant.orgUnit ? (
                  <a href={paths.orgUnit(grant.orgUnit.id)}>{grant.orgUnit.name}</a>
                ) : (
                  t('home.wholeSystem')
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <nav aria-labelledby="quick-links-title">
        <h2 id="quick-links-title">{t('home.quickLinks')}</h2>
        <ul class="link-cards">
          {quickLinks
            .filter((link) => link.isShown)
            .map((link) => (
              <li key={link.href}>
                <a href={link.href}>
                  <strong>{link.label}</strong>
                  <span class="muted">{link.hint}</span>
                </a>
              </li>
            ))}
        </ul>
      </nav>
    </section>
  );
}
