import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
import { confirmAction, ErrorNotice, Field, FormMessages, Loading, SubmitButton } from '../app/app.ui.tsx';
import { fetchAccount, setOwnEmail } from '../users/users.api.ts';
import { EmailForm } from '../users/users.ui.tsx';
import { changePassword, disableTotp, enableTotp, setUpTotp, type TotpSetup } from './auth.api.ts';
import { type Session, setSession, useSession } from './auth.session.ts';

/** Four characters at a time, as authenticator apps show them, so it can be typed without slips. */
function groupInFours(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

export function AccountPage() {
  usePageTitle(t('account.title'));
  const session = useSession();
  if (!session) return null;
  return (
    <section class="page page-narrow">
      <h1>{t('account.title')}</h1>
      <dl class="facts card">
        <div>
          <dt>{t('account.username')}</dt>
          <dd>
            <code>{session.user.username}</code>
          </dd>
        </div>
        <div>
          <dt>{t('account.displayName')}</dt>
          <dd>{session.user.displayName}</dd>
        </div>
      </dl>
      <OwnEmail />
      <ChangePasswordForm />
      <TwoFactorSection session={session} />
    </section>
  );
}

/** My address for reminders; loaded on its own, since the session does not carry it. */
function OwnEmail() {
  const account = useResource((signal) => fetchAccount(signal), []);
  if (account.error && !account.data) return <ErrorNotice error={account.error} onRetry={account.reload} />;
  if (!account.data) return <Loading />;
  return (
    <EmailForm
      email={account.data.email}
      intro={t('users.email.ownIntro')}
      save={async (email) => (await setOwnEmail(email)).email}
    />
  );
}

function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const action = useFormAction();

  async function submit(event: Event) {
    event.preventDefault();
    if (newPassword !== confirmation) {
      action.fail(
        new ApiError(0, 'request.invalid', 'mismatch', [
          { path: 'confirmation', message: t('account.password.mismatch') },
        ]),
      );
      return;
    }
    const done = await action.run(
      () => changePassword({ currentPassword, newPassword }),
      t('account.password.success'),
    );
    if (!done) return;
    setCurrentPassword('');
    setNewPassword('');
    setConfirmation('');
  }

  return (
    <section class="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password.title')}</h2>
      <form class="form" onSubmit={submit}>
        <FormMessages action={action} placedPaths={['currentPassword', 'newPassword', 'confirmation']} />
        <Field label={t('account.password.current')} error={action.fieldErrors.currentPassword}>
          {(control) => (
            <input
              {...control}
              type="password"
              autocomplete="current-password"
              required
              value={currentPassword}
              onInput={(event) => setCurrentPassword(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          label={t('account.password.next')}
          hint={t('account.password.nextHint')}
          error={action.fieldErrors.newPassword}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autocomplete="new-password"
              minLength={8}
              maxLength={200}
              required
              value={newPassword}
              onInput={(event) => setNewPassword(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={t('account.password.confirm')} error={action.fieldErrors.confirmation}>
          {(control) => (
            <input
              {...control}
              type="password"
              autocomplete="new-password"
              required
              value={confirmation}
              onInput={(event) => setConfirmation(event.currentTarget.value)}
            />
          )}
        </Field>
        <SubmitButton isBusy={action.isSubmitting} label={t('account.password.submit')} />
      </form>
    </section>
  );
}

function TotpCodeField({
  value,
  onInput,
  error,
}: {
  value: string;
  onInput: (value: string) => void;
  error?: string;
}) {
  return (
    <Field label={t('account.totp.code')} hint={t('account.totp.codeHint')} error={error}>
      {(control) => (
        <input
          {...control}
          inputMode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          title={t('auth.login.totpFormat')}
          required
          value={value}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

function TwoFactorSection({ session }: { session: Session }) {
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const action = useFormAction();

  function markTotp(enabled: boolean) {
    setSession({ ...session, user: { ...session.user, totpEnabled: enabled } });
    setSetup(null);
    setCode('');
  }

  async function start() {
    const created = await action.run(() => setUpTotp());
    if (created) setSetup(created);
  }

  async function enable(event: Event) {
    event.preventDefault();
    const done = await action.run(() => enableTotp(code.trim()), t('account.totp.enabledSuccess'));
    if (done) markTotp(true);
  }

  async function disable(event: Event) {
    event.preventDefault();
    if (!confirmAction(t('account.totp.disableConfirm'))) return;
    const done = await action.run(() => disableTotp(code.trim()), t('account.totp.disabledSuccess'));
    if (done) markTotp(false);
  }

  return (
    <section class="card" aria-labelledby="totp-title">
      <h2 id="totp-title">{t('account.totp.title')}</h2>
      <p>{session.user.totpEnabled ? t('account.totp.enabled') : t('account.totp.disabled')}</p>
      <FormMessages action={action} placedPaths={['code']} />

      {session.user.totpEnabled && (
        <form class="form" onSubmit={disable}>
          <p class="muted">{t('account.totp.disableIntro')}</p>
          <TotpCodeField value={code} onInput={setCode} error={action.fieldErrors.code} />
          <SubmitButton
            isBusy={action.isSubmitting}
            label={t('account.totp.disable')}
            class="button-danger"
          />
        </form>
      )}

      {!session.user.totpEnabled && !setup && (
        <button type="button" class="button-primary" onClick={start} disabled={action.isSubmitting}>
          {t('account.totp.start')}
        </button>
      )}

      {!session.user.totpEnabled && setup && (
        <form class="form" onSubmit={enable}>
          <p class="muted">{t('account.totp.secretHint')}</p>
          <dl class="facts">
            <div>
              <dt>{t('account.totp.secret')}</dt>
              <dd>
                <code class="secret">{groupInFours(setup.secret)}</code>
              </dd>
            </div>
            <div>
              <dt>{t('account.totp.uri')}</dt>
              <dd>
                <code class="wrap-anywhere">{setup.otpauthUri}</code>
                <br />
                <a href={setup.otpauthUri}>{t('account.totp.openApp')}</a>
              </dd>
            </div>
          </dl>
          <TotpCodeField value={code} onInput={setCode} error={action.fieldErrors.code} />
          <SubmitButton isBusy={action.isSubmitting} label={t('account.totp.enable')} />
        </form>
      )}
    </section>
  );
}
