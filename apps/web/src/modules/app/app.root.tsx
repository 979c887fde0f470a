import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, useLocation } from 'preact-iso';
import { readStoredLanguage, setLanguage, t, useLanguage } from '../../i18n/i18n.ts';
import { fetchSession } from '../auth/auth.api.ts';
import { type Session, setSession, useSession } from '../auth/auth.session.ts';
import { setUnauthenticatedHandler } from './app.api-client.ts';
import { loadPublicConfig } from './app.config.ts';
import { paths, safeReturnPath } from './app.paths.ts';
import { AppRouter } from './app.routes.tsx';
import { AppShell } from './app.shell.tsx';
import { ErrorNotice, Loading } from './app.ui.tsx';

// A session that ends on the server (expiry, sign-out elsewhere) sends the user to the login page.
setUnauthenticatedHandler(() => setSession(null));

type Startup = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; error: unknown };

/** Session, public config and the stored language, fetched together so a slow link pays one wait. */
async function startApp(): Promise<void> {
  const [session] = await Promise.all([
    fetchSession(),
    loadPublicConfig(),
    // Without the English texts (download failed) the app still works in Vietnamese.
    setLanguage(readStoredLanguage(), { persist: false }).catch(() => undefined),
  ]);
  setSession(session);
}

/** Sends signed-out visitors to the login page (remembering where they were going) and back. */
function GuardedRoutes({ session }: { session: Session | null }) {
  const location = useLocation();
  const [isRouteLoading, setRouteLoading] = useState(false);
  const isLoginPage = location.path === paths.login;
  const mustSignIn = !session && !isLoginPage;
  const mustLeaveLogin = Boolean(session) && isLoginPage;

  useEffect(() => {
    if (mustSignIn) location.route(`${paths.login}?next=${encodeURIComponent(location.url)}`, true);
    if (mustLeaveLogin) location.route(safeReturnPath(location.query.next), true);
  }, [mustSignIn, mustLeaveLogin, location]);

  function onRouteChange() {
    window.scrollTo(0, 0);
    // Screen readers otherwise stay on the clicked link and never hear the new page.
    document.getElementById('main')?.focus({ preventScroll: true });
  }

  return (
    <AppShell session={session} isRouteLoading={isRouteLoading}>
      {mustSignIn || mustLeaveLogin ? null : (
        <AppRouter
          onLoadStart={() => setRouteLoading(true)}
          onLoadEnd={() => setRouteLoading(false)}
          onRouteChange={onRouteChange}
        />
      )}
    </AppShell>
  );
}

export function App() {
  useLanguage();
  const session = useSession();
  const [startup, setStartup] = useState<Startup>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setStartup({ state: 'loading' });
    startApp().then(
      () => setStartup({ state: 'ready' }),
      (error: unknown) => setStartup({ state: 'failed', error }),
    );
  }, [attempt]);

  if (startup.state === 'loading') return <Loading label={t('app.loading')} />;
  if (startup.state === 'failed') {
    return (
      <main class="page page-narrow">
        <ErrorNotice error={startup.error} onRetry={() => setAttempt((count) => count + 1)} />
      </main>
    );
  }
  return (
    <LocationProvider>
      <GuardedRoutes session={session} />
    </LocationProvider>
  );
}
