import {
  grantableByUnitAdmin,
  type Role,
  type RoleGrant,
  roleLabels,
  roles,
  type UserSummary,
} from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { localized, t } from '../../i18n/i18n.ts';
import { useFormAction } from '../app/app.hooks.ts';
import { Badge, Field, FormMessages, SubmitButton } from '../app/app.ui.tsx';
import { isSystemAdmin, useSession } from '../auth/auth.session.ts';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import type { GrantInput } from './users.api.ts';

export interface GrantDraft {
  role: Role;
  unit: PickedUnit | null;
}

export const emptyGrant: GrantDraft = { role: 'viewer', unit: null };

/** A system administrator's role covers everything and is the only one granted without a unit. */
function needsUnit(role: Role): boolean {
  return role !== 'system_admin';
}

export function toGrantInput(draft: GrantDraft): GrantInput {
  return { role: draft.role, orgUnitId: needsUnit(draft.role) ? (draft.unit?.id ?? null) : null };
}

export function isGrantComplete(draft: GrantDraft): boolean {
  return !needsUnit(draft.role) || draft.unit !== null;
}

export function describeGrant(grant: RoleGrant): string {
  return t('users.grant.onUnit', {
    role: localized(roleLabels[grant.role]),
    unit: grant.orgUnit?.name ?? t('users.grant.wholeSystem'),
  });
}

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Role and unit of one grant; `pathPrefix` matches the server's issue paths (`grants.0.`). */
export function GrantFields({
  value,
  onChange,
  fieldErrors,
  pathPrefix = '',
}: {
  value: GrantDraft;
  onChange: (value: GrantDraft) => void;
  fieldErrors: Record<string, string>;
  pathPrefix?: string;
}) {
  const session = useSession();
  // Offering only the roles this user may hand out saves a round trip ending in "cannot grant".
  const offered = isSystemAdmin(session) ? roles : grantableByUnitAdmin;
  return (
    <>
      <Field label={t('users.grant.role')} error={fieldErrors[`${pathPrefix}role`]}>
        {(control) => (
          <select
            {...control}
            value={value.role}
            onChange={(event) => {
              const role = event.currentTarget.value;
              if (isRole(role)) onChange({ ...value, role });
            }}
          >
            {offered.map((role) => (
              <option key={role} value={role}>
                {localized(roleLabels[role])}
              </option>
            ))}
          </select>
        )}
      </Field>
      {needsUnit(value.role) ? (
        <OrgUnitPicker
          label={t('users.grant.unit')}
          value={value.unit}
          onChange={(unit) => onChange({ ...value, unit })}
          error={fieldErrors[`${pathPrefix}orgUnitId`]}
        />
      ) : (
        <p class="hint">{t('users.grant.wholeSystemHint')}</p>
      )}
    </>
  );
}

export function UserStatusBadges({ user }: { user: UserSummary }) {
  return (
    <span class="badges">
      {user.isActive ? (
        <Badge>{t('users.status.active')}</Badge>
      ) : (
        <Badge tone="warning">{t('users.status.inactive')}</Badge>
      )}
      {user.isLocked && <Badge tone="warning">{t('users.status.locked')}</Badge>}
      {user.totpEnabled && <Badge>{t('users.status.totp')}</Badge>}
    </span>
  );
}

/**
 * The address reminders are e-mailed to: set, change or clear (empty). `save` answers with the
 * stored address (lower-cased by the server), which replaces what was typed.
 */
export function EmailForm({
  email,
  save,
  intro,
}: {
  email: string | null;
  save: (email: string | null) => Promise<string | null>;
  intro: string;
}) {
  const [value, setValue] = useState(email ?? '');
  const action = useFormAction();

  async function submit(event: Event) {
    event.preventDefault();
    const typed = value.trim();
    const stored = await action.run(
      () => save(typed === '' ? null : typed),
      typed === '' ? t('users.email.cleared') : t('users.email.saved'),
    );
    if (stored !== undefined) setValue(stored ?? '');
  }

  return (
    <section class="card" aria-labelledby="email-title">
      <h2 id="email-title">{t('users.email.title')}</h2>
      <p class="muted">{intro}</p>
      <form class="form" onSubmit={submit} noValidate>
        <FormMessages action={action} placedPaths={['email']} />
        <Field
          label={t('users.email.label')}
          hint={t('users.email.hint')}
          error={action.fieldErrors.email}
          isOptional
        >
          {(control) => (
            <input
              {...control}
              type="email"
              inputMode="email"
              autocomplete="email"
              maxLength={254}
              value={value}
              onInput={(event) => setValue(event.currentTarget.value)}
            />
          )}
        </Field>
        <SubmitButton isBusy={action.isSubmitting} label={t('common.save')} />
      </form>
    </section>
  );
}
