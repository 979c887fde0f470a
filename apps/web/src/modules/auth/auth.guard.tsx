import type { Permission } from '@binhdang/contracts';
import { errorCatalogue } from '@binhdang/contracts';
import type { ComponentChildren } from 'preact';
import { getLanguage, t } from '../../i18n/i18n.ts';
import { paths } from '../app/app.paths.ts';
import { hasPermission, useSession } from './auth.session.ts';

/** Hides a screen from users without the permission; the server refuses them anyway. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ComponentChildren;
}) {
  const session = useSession();
  if (hasPermission(session, permission)) return <>{children}</>;
  return (
    <section class="page">
      <h1>{t('app.forbiddenTitle')}</h1>
      <p class="notice notice-error" role="alert">
        {errorCatalogue['auth.forbidden'][getLanguage()]}
      </p>
      <p>
        <a href={paths.home}>{t('app.backHome')}</a>
      </p>
    </section>
  );
}
