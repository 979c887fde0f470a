import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { configStore, type PublicConfig } from '../app/app.config.ts';
import { describeError } from '../app/app.errors.ts';
import { useFormAction, usePageTitle } from '../app/app.hooks.ts';
import { useStore } from '../app/app.store.ts';
import { Field } from '../app/app.ui.tsx';
import { login } from './auth.api.ts';
import { setSession } from './auth.session.ts';

function isTotpRequired(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'auth.totp_required';
}

export function LoginPage() {
  usePageTitle(t('auth.login.title'));
  const config = useStore(configStore);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [isTotpStep, setTotpStep] = useState(false);
  const action = useFormAction();
  const totpInput = useRef<HTMLInputElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (isTotpStep) totpInput.current?.focus();
  }, [isTotpStep]);

  async function submit(event: Event) {
    event.preventDefault();
    const session = await action.run(() =>
      login({ username, password, totpCode: isTotpStep ? totpCode.trim() : undefined }),
    );
    // The app's guard leaves the login page as soon as there is a session.
    if (session) setSession(session);
  }

  // The server asking for a code is the next step of signing in, not a failure.
  useEffect(() => {
    if (isTotpRequired(action.error)) setTotpStep(true);
  }, [action.error]);

  function fillDemoAccount(account: PublicConfig['demoAccounts'][number]) {
    setUsername(account.username);
    setPassword(account.password);
    setTotpCode('');
    setTotpStep(false);
    submitButton.current?.focus();
  }

  return (
    <section class="page page-narrow">
      <h1>{t('auth.login.title')}</h1>
      <p class="muted">{t('auth.login.intro')}</p>

      <form class="card form" onSubmit={submit}>
        {action.error ? (
          <p class={isTotpRequired(action.error) ? 'notice' : 'notice notice-error'} role="alert">
            {describeError(action.error)}
          </p>
        ) : null}
        <Field label={t('auth.login.username')}>
          {(control) => (
            <input
              {...control}
              name="username"
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              required
              value={username}
              onInput={(event) => setUsername(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={t('auth.login.password')}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autocomplete="current-password"
              required
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
          )}
        </Field>
        {isTotpStep && (
          <Field label={t('auth.login.totpCode')} hint={t('auth.login.totpHint')}>
            {(control) => (
              <input
                {...control}
                ref={totpInput}
                name="totpCode"
                inputMode="numeric"
                autocomplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                title={t('auth.login.totpFormat')}
                required
                value={totpCode}
                onInput={(event) => setTotpCode(event.currentTarget.value)}
              />
            )}
          </Field>
        )}
        <button type="submit" class="button-primary" ref={submitButton} disabled={action.isSubmitting}>
          {action.isSubmitting ? t('auth.login.submitting') : t('auth.login.submit')}
        </button>
      </form>

      {config?.demo && config.demoAccounts.length > 0 && (
        <section class="card" aria-labelledby="demo-accounts-title">
          <h2 id="demo-accounts-title">{t('auth.login.demoTitle')}</h2>
          <p class="muted">{t('auth.login.demoIntro')}</p>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">
                    {t('auth.login.demoUsername')} / {t('auth.login.demoPassword')}
                  </th>
                  <th scope="col">{t('auth.login.demoDescription')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('auth.login.demoActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {config.demoAccounts.map((account) => (
                  <tr key={account.username}>
                    {/* Username and password share a cell so the table fits a 360-px phone. */}
                    <td>
                      <code class="wrap-anywhere">{account.username}</code>
                      <br />
                      <code>{account.password}</code>
                    </td>
                    <td>{account.description}</td>
                    <td>
                      <button
                        type="button"
                        aria-label={t('auth.login.demoFillLabel', { username: account.username })}
                        onClick={() => fillDemoAccount(account)}
                      >
                        {t('auth.login.demoFill')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </section>
  );
}
