import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { useFormAction } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { Field, FormMessages, SubmitButton } from '../app/app.ui.tsx';
import { createUser } from './users.api.ts';
import { emptyGrant, type GrantDraft, GrantFields, isGrantComplete, toGrantInput } from './users.ui.tsx';

export function CreateUserForm() {
  const { route } = useLocation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [grants, setGrants] = useState<GrantDraft[]>([emptyGrant]);
  const action = useFormAction();

  async function submit(event: Event) {
    event.preventDefault();
    const incomplete = grants.findIndex((grant) => !isGrantComplete(grant));
    if (incomplete >= 0) {
      const message = t('users.grant.unitRequired');
      action.fail(
        new ApiError(0, 'request.invalid', message, [{ path: `grants.${incomplete}.orgUnitId`, message }]),
      );
      return;
    }
    const created = await action.run(() =>
      createUser({ username: username.trim(), displayName, password, grants: grants.map(toGrantInput) }),
    );
    if (created) route(paths.user(created.id));
  }

  const placedPaths = [
    'username',
    'displayName',
    'password',
    ...grants.flatMap((_, index) => [`grants.${index}.role`, `grants.${index}.orgUnitId`]),
  ];
  return (
    <form class="form" onSubmit={submit}>
      <FormMessages action={action} placedPaths={placedPaths} />
      <Field
        label={t('users.create.username')}
        hint={t('users.create.usernameHint')}
        error={action.fieldErrors.username}
      >
        {(control) => (
          <input
            {...control}
            required
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            pattern="[a-zA-Z0-9][a-zA-Z0-9._\-]{2,49}"
            value={username}
            onInput={(event) => setUsername(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field label={t('users.create.displayName')} error={action.fieldErrors.displayName}>
        {(control) => (
          <input
            {...control}
            required
            minLength={2}
            maxLength={120}
            autocomplete="off"
            value={displayName}
            onInput={(event) => setDisplayName(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        label={t('users.create.password')}
        hint={t('users.create.passwordHint')}
        error={action.fieldErrors.password}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autocomplete="new-password"
            required
            minLength={8}
            maxLength={200}
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        )}
      </Field>
      <h3>{t('users.create.grants')}</h3>
      {grants.map((grant, index) => (
        <fieldset key={index}>
          <legend>{t('users.create.grantNumber', { index: index + 1 })}</legend>
          <GrantFields
            value={grant}
            onChange={(value) =>
              setGrants(grants.map((current, position) => (position === index ? value : current)))
            }
            fieldErrors={action.fieldErrors}
            pathPrefix={`grants.${index}.`}
          />
          <button
            type="button"
            class="button-quiet"
            onClick={() => setGrants(grants.filter((_, position) => position !== index))}
          >
            {t('users.create.removeGrant', { index: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setGrants([...grants, emptyGrant])}>
        {t('users.create.addGrant')}
      </button>
      <SubmitButton isBusy={action.isSubmitting} label={t('users.create.submit')} />
    </form>
  );
}
