import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { useDebouncedValue, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, Loading } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { hasPermission, useSession } from '../auth/auth.session.ts';
import { listUsers } from './users.api.ts';
import { CreateUserForm } from './users.create-form.tsx';
import { describeGrant, UserStatusBadges } from './users.ui.tsx';

export function UserListPage() {
  usePageTitle(t('users.list.title'));
  return (
    <RequirePermission permission="users.read">
      <UserList />
    </RequirePermission>
  );
}

function UserList() {
  const session = useSession();
  const [query, setQuery] = useState('');
  const debouncedQuery = useDebouncedValue(query.trim(), 250);
  const users = useResource((signal) => listUsers(debouncedQuery, signal), [debouncedQuery]);

  return (
    <section class="page">
      <h1>{t('users.list.title')}</h1>

      {hasPermission(session, 'users.manage') && (
        <details class="card action">
          <summary>{t('users.list.create')}</summary>
          <CreateUserForm />
        </details>
      )}

      <search>
        <form class="card filters" onSubmit={(event) => event.preventDefault()}>
          <Field label={t('users.list.search')}>
            {(control) => (
              <input
                {...control}
                type="search"
                autocomplete="off"
                spellcheck={false}
                placeholder={t('users.list.placeholder')}
                value={query}
                onInput={(event) => setQuery(event.currentTarget.value)}
              />
            )}
          </Field>
        </form>
      </search>

      {users.error ? <ErrorNotice error={users.error} onRetry={users.reload} /> : null}
      {!users.data && !users.error && <Loading />}
      {users.data && users.data.items.length === 0 && <p>{t('users.list.empty')}</p>}
      {users.data && users.data.items.length > 0 && (
        <div class="table-scroll" aria-busy={users.isLoading}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('users.list.username')}</th>
                <th scope="col">{t('users.list.displayName')}</th>
                <th scope="col">{t('users.list.roles')}</th>
                <th scope="col">{t('users.list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((user) => (
                <tr key={user.id}>
                  <td>
                    <a href={paths.user(user.id)}>{user.username}</a>
                  </td>
                  <td>{user.displayName}</td>
                  <td>
                    <ul class="plain-list compact">
                      {user.grants.map((grant) => (
                        <li key={grant.id}>{describeGrant(grant)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <UserStatusBadges user={user} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
