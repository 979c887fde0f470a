import type { UserSummary } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { isNotFound } from '../app/app.errors.ts';
import { formatDateTime } from '../app/app.format.ts';
import { useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import {
  confirmAction,
  ErrorNotice,
  Field,
  FormMessages,
  Loading,
  NotFoundPage,
  SubmitButton,
} from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { hasPermission, useSession } from '../auth/auth.session.ts';
import {
  addGrant,
  fetchUser,
  removeGrant,
  resetUserPassword,
  setUserEmail,
  unlockUser,
  updateUser,
} from './users.api.ts';
import {
  describeGrant,
  EmailForm,
  emptyGrant,
  type GrantDraft,
  GrantFields,
  isGrantComplete,
  toGrantInput,
  UserStatusBadges,
} from './users.ui.tsx';

interface UserSectionProps {
  user: UserSummary;
  /** Every write answers with the updated account, which replaces the shown one. */
  onUpdated: (user: UserSummary) => void;
}

export function UserDetailPage() {
  return (
    <RequirePermission permission="users.read">
      <UserDetail />
    </RequirePermission>
  );
}

function UserDetail() {
  const { params } = useRoute();
  const userId = Number(params.id);
  const isValidId = Number.isInteger(userId) && userId > 0;
  const user = useResource((signal) => fetchUser(userId, signal), [userId]);
  const session = useSession();
  usePageTitle(user.data?.username ?? t('users.list.title'));

  if (!isValidId || isNotFound(user.error)) return <NotFoundPage />;
  if (user.error && !user.data) return <ErrorNotice error={user.error} onRetry={user.reload} />;
  if (!user.data || user.data.id !== userId) return <Loading />;

  const account = user.data;
  const canManage = hasPermission(session, 'users.manage');
  return (
    <article class="page">
      <p>
        <a href={paths.users}>← {t('users.detail.back')}</a>
      </p>
      <header class="page-header">
        <h1>{account.displayName}</h1>
        <UserStatusBadges user={account} />
      </header>
      <dl class="facts card">
        <div>
          <dt>{t('users.list.username')}</dt>
          <dd>
            <code>{account.username}</code>
          </dd>
        </div>
        <div>
          <dt>{t('users.email.label')}</dt>
          <dd>{account.email ?? <span class="muted">{t('users.email.none')}</span>}</dd>
        </div>
        <div>
          <dt>{t('users.detail.lastLogin')}</dt>
          <dd>{account.lastLoginAt ? formatDateTime(account.lastLoginAt) : t('users.detail.never')}</dd>
        </div>
      </dl>

      {canManage && account.isLocked && <UnlockSection user={account} onUpdated={user.setData} />}
      <GrantsSection user={account} onUpdated={user.setData} canManage={canManage} />
      {canManage && <ProfileForm key={account.id} user={account} onUpdated={user.setData} />}
      {canManage && (
        <EmailForm
          key={`email-${account.id}`}
          email={account.email}
          intro={t('users.email.adminIntro')}
          save={async (email) => {
            const updated = await setUserEmail(account.id, email);
            user.setData(updated);
            return updated.email;
          }}
        />
      )}
      {canManage && <ResetPasswordForm key={account.id} user={account} onUpdated={user.setData} />}
    </article>
  );
}

function UnlockSection({ user, onUpdated }: UserSectionProps) {
  const action = useFormAction();
  async function unlock() {
    const updated = await action.run(() => unlockUser(user.id), t('users.detail.unlockSuccess'));
    if (updated) onUpdated(updated);
  }
  return (
    <section class="card notice-warning" aria-labelledby="unlock-title">
      <h2 id="unlock-title">{t('users.detail.unlockTitle')}</h2>
      <p>{t('users.detail.unlockIntro')}</p>
      <FormMessages action={action} />
      <button type="button" class="button-primary" onClick={unlock} disabled={action.isSubmitting}>
        {t('users.detail.unlock')}
      </button>
    </section>
  );
}

function GrantsSection({ user, onUpdated, canManage }: UserSectionProps & { canManage: boolean }) {
  const [draft, setDraft] = useState<GrantDraft>(emptyGrant);
  const removal = useFormAction();
  const addition = useFormAction();

  async function remove(grant: UserSummary['grants'][number]) {
    if (!confirmAction(t('users.detail.removeGrantConfirm', { grant: describeGrant(grant) }))) return;
    const updated = await removal.run(() => removeGrant(user.id, grant.id));
    if (updated) onUpdated(updated);
  }

  async function add(event: Event) {
    event.preventDefault();
    if (!isGrantComplete(draft)) {
      const message = t('users.grant.unitRequired');
      addition.fail(new ApiError(0, 'request.invalid', message, [{ path: 'orgUnitId', message }]));
      return;
    }
    const updated = await addition.run(() => addGrant(user.id, toGrantInput(draft)));
    if (!updated) return;
    setDraft(emptyGrant);
    onUpdated(updated);
  }

  return (
    <section class="card" aria-labelledby="grants-title">
      <h2 id="grants-title">{t('users.detail.grants')}</h2>
      <FormMessages action={removal} />
      {user.grants.length === 0 ? (
        <p class="muted">{t('users.detail.noGrants')}</p>
      ) : (
        <ul class="plain-list grant-list">
          {user.grants.map((grant) => (
            <li key={grant.id}>
              <span>
                {grant.orgUnit ? (
                  <a href={paths.orgUnit(grant.orgUnit.id)}>{describeGrant(grant)}</a>
                ) : (
                  describeGrant(grant)
                )}
              </span>
              {canManage && (
                <button
                  type="button"
                  class="button-quiet"
                  aria-label={t('users.detail.removeGrantLabel', { grant: describeGrant(grant) })}
                  disabled={removal.isSubmitting}
                  onClick={() => remove(grant)}
                >
                  {t('users.detail.removeGrant')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      {canManage && (
        <form class="form" onSubmit={add}>
          <h3>{t('users.detail.addGrant')}</h3>
          <FormMessages action={addition} placedPaths={['role', 'orgUnitId']} />
          <GrantFields value={draft} onChange={setDraft} fieldErrors={addition.fieldErrors} />
          <SubmitButton isBusy={addition.isSubmitting} label={t('users.detail.grantSubmit')} />
        </form>
      )}
    </section>
  );
}

function ProfileForm({ user, onUpdated }: UserSectionProps) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [isActive, setActive] = useState(user.isActive);
  const action = useFormAction();

  async function submit(event: Event) {
    event.preventDefault();
    const isDeactivating = user.isActive && !isActive;
    if (isDeactivating && !confirmAction(t('users.detail.deactivateConfirm', { username: user.username })))
      return;
    const updated = await action.run(() => updateUser(user.id, { displayName, isActive }), t('common.saved'));
    if (updated) onUpdated(updated);
  }

  return (
    <section class="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('users.detail.profile')}</h2>
      <form class="form" onSubmit={submit}>
        <FormMessages action={action} placedPaths={['displayName', 'isActive']} />
        <Field label={t('users.detail.displayName')} error={action.fieldErrors.displayName}>
          {(control) => (
            <input
              {...control}
              required
              minLength={2}
              maxLength={120}
              value={displayName}
              onInput={(event) => setDisplayName(event.currentTarget.value)}
            />
          )}
        </Field>
        <label class="choice">
          <input
            type="checkbox"
            checked={isActive}
            onChange={(event) => setActive(event.currentTarget.checked)}
          />
          {t('users.detail.isActive')}
        </label>
        <SubmitButton isBusy={action.isSubmitting} label={t('common.save')} />
      </form>
    </section>
  );
}

function ResetPasswordForm({ user, onUpdated }: UserSectionProps) {
  const [newPassword, setNewPassword] = useState('');
  const action = useFormAction();

  async function submit(event: Event) {
    event.preventDefault();
    const updated = await action.run(
      () => resetUserPassword(user.id, newPassword),
      t('users.detail.resetSuccess'),
    );
    if (!updated) return;
    setNewPassword('');
    onUpdated(updated);
  }

  return (
    <section class="card" aria-labelledby="reset-title">
      <h2 id="reset-title">{t('users.detail.resetPassword')}</h2>
      <form class="form" onSubmit={submit}>
        <FormMessages action={action} placedPaths={['newPassword']} />
        <Field
          label={t('users.detail.newPassword')}
          hint={t('users.create.passwordHint')}
          error={action.fieldErrors.newPassword}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autocomplete="new-password"
              required
              minLength={8}
              maxLength={200}
              value={newPassword}
              onInput={(event) => setNewPassword(event.currentTarget.value)}
            />
          )}
        </Field>
        <SubmitButton isBusy={action.isSubmitting} label={t('users.detail.resetSubmit')} />
      </form>
    </section>
  );
}
