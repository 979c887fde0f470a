import {
  grantableByUnitAdmin,
  type Role,
  type RoleGrant,
  roleLabels,
  roles,
  type UserSummary,
} from '@binhdang/contracts';
import { localized, t } from '../../i18n/i18n.ts';
import { Badge, Field } from '../app/app.ui.tsx';
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
