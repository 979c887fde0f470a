import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { type Language, languages, setLanguage, t, useLanguage } from '../../i18n/i18n.ts';
import { logout } from '../auth/auth.api.ts';
import { hasPermission, type Session, setSession } from '../auth/auth.session.ts';
import { unreadCountStore } from '../notifications/notifications.api.ts';
import { configStore } from './app.config.ts';
import { describeError } from './app.errors.ts';
import { formatCount } from './app.format.ts';
import { paths } from './app.paths.ts';
import { useStore } from './app.store.ts';

function LanguageSwitch() {
  const current = useLanguage();
  return (
    <fieldset class="language-switch">
      <legend class="visually-hidden">{t('language.label')}</legend>
      {languages.map((language: Language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === current}
          aria-label={t(`language.${language}`)}
          onClick={() => setLanguage(language).catch(() => window.alert(t('app.pageLoadFailed')))}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}

function MainNav({ session }: { session: Session }) {
  const { path } = useLocation();
  // Known once the home card or the notices page loaded it: the shell makes no request of its own.
  const unread = useStore(unreadCountStore);
  const links = [
    { href: paths.home, label: t('nav.home'), isShown: true },
    { href: paths.notifications, label: t('notifications.nav'), isShown: true, count: unread },
    { href: paths.plans, label: t('nav.plans'), isShown: hasPermission(session, 'plans.read') },
    { href: paths.tasks, label: t('nav.tasks'), isShown: hasPermission(session, 'plans.read') },
    {
      href: paths.activities,
      label: t('activities.nav'),
      isShown: hasPermission(session, 'activities.read'),
    },
    { href: paths.calendar, label: t('nav.calendar'), isShown: hasPermission(session, 'plans.read') },
    { href: paths.reporting, label: t('reporting.nav'), isShown: hasPermission(session, 'reports.read') },
    { href: paths.figures, label: t('indicators.nav'), isShown: hasPermission(session, 'figures.read') },
    {
      href: paths.communityModels,
      label: t('communityModels.nav'),
      isShown: hasPermission(session, 'communityModels.read'),
    },
    { href: paths.orgUnits, label: t('nav.orgUnits'), isShown: hasPermission(session, 'orgUnits.read') },
    { href: paths.users, label: t('nav.users'), isShown: hasPermission(session, 'users.read') },
    { href: paths.audit, label: t('nav.audit'), isShown: hasPermission(session, 'audit.read') },
    { href: paths.account, label: t('nav.account'), isShown: true },
  ];
  const isCurrent = (href: string) => (href === paths.home ? path === href : path.startsWith(href));
  return (
    <nav class="main-nav" aria-label={t('app.mainNav')}>
      <ul>
        {links
          .filter((link) => link.isShown)
          .map((link) => (
            <li key={link.href}>
              <a href={link.href} aria-current={isCurrent(link.href) ? 'page' : undefined}>
                {link.label}
                {'count' in link && link.count ? (
                  <span class="badge badge-danger nav-count">
                    <span aria-hidden="true">{formatCount(link.count)}</span>
                    <span class="visually-hidden">
                      {t('notifications.unreadBadge', { count: formatCount(link.count) })}
                    </span>
                  </span>
                ) : null}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function LogoutButton() {
  const { route } = useLocation();
  const [isBusy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    try {
      await logout();
      // Straight to the login page: after signing out on purpose, there is nowhere to return to.
      route(paths.login);
      setSession(null);
    } catch (error) {
      // An expired session is already signed out (the client clears it); anything else is worth saying.
      window.alert(describeError(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" class="button-quiet" onClick={signOut} disabled={isBusy}>
      {t('app.logout')}
    </button>
  );
}

export function AppShell({
  session,
  isRouteLoading,
  children,
}: {
  session: Session | null;
  isRouteLoading: boolean;
  children: ComponentChildren;
}) {
  const config = useStore(configStore);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {config?.demo && (
        <p class="demo-banner" role="note">
          {t('app.demoBanner')}
        </p>
      )}
      <header class="topbar">
        <div class="topbar-row">
          <a class="brand" href={paths.home}>
            {t('app.name')}
          </a>
          <div class="topbar-tools">
            {session && (
              <span class="user-name" title={t('app.signedInAs', { username: session.user.username })}>
                {session.user.displayName}
              </span>
            )}
            <LanguageSwitch />
            {session && <LogoutButton />}
          </div>
        </div>
        {session && <MainNav session={session} />}
      </header>
      <div class={isRouteLoading ? 'route-progress is-active' : 'route-progress'} aria-hidden="true" />
      <main id="main" tabIndex={-1} aria-busy={isRouteLoading}>
        {children}
      </main>
    </>
  );
}
