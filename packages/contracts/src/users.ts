import { z } from 'zod';
import { passwordPolicy, roleGrant } from './auth.ts';
import { cleanText } from './org-units.ts';
import { roles } from './permissions.ts';

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, {
    message: 'Tên đăng nhập gồm 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.',
  });

/**
 * An e-mail address for reminders: trimmed and lower-cased (mail servers treat the domain without
 * case, and officers type the local part in any case), one `@`, a dotted domain, no spaces.
 * Not unique: a commune's officers often share the office mailbox, and sign-in is by username.
 */
export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: 'Địa chỉ thư điện tử tối đa 254 ký tự.' })
  .regex(
    /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/,
    {
      message: 'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten.canbo@laichau.gov.vn).',
    },
  )
  .refine(
    (value) =>
      !value.split('@')[0]!.startsWith('.') && !value.split('@')[0]!.endsWith('.') && !value.includes('..'),
    {
      message: 'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten.canbo@laichau.gov.vn).',
    },
  );

/** Sets the address, or clears it with null or an empty string (the reminders then stay in the app). */
export const emailInput = z.strictObject({
  email: z
    .string()
    .nullable()
    .transform((value) => (value?.trim() ? value : null))
    .pipe(emailAddress.nullable()),
});
export type EmailInput = z.input<typeof emailInput>;

export const userSummary = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  /** Where reminders are e-mailed; null: in-app only. */
  email: z.string().nullable(),
  isActive: z.boolean(),
  isLocked: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(roleGrant),
});
export type UserSummary = z.infer<typeof userSummary>;

export const userList = z.object({ items: z.array(userSummary) });

export const userSearchQuery = z.object({
  q: z.string().max(100).optional(),
  orgUnitId: z.coerce.number().int().positive().optional(),
});

export const grantInput = z.strictObject({
  role: z.enum(roles),
  orgUnitId: z.number().int().positive().nullable(),
});

export const createUserInput = z.strictObject({
  username,
  displayName: cleanText(2, 120),
  password: passwordPolicy,
  grants: z.array(grantInput).max(20).default([]),
});

export const updateUserInput = z.strictObject({
  displayName: cleanText(2, 120).optional(),
  isActive: z.boolean().optional(),
});

export const resetPasswordInput = z.strictObject({ newPassword: passwordPolicy });

export const userIdParam = z.object({ id: z.coerce.number().int().positive() });
export const grantIdParam = z.object({
  id: z.coerce.number().int().positive(),
  grantId: z.coerce.number().int().positive(),
});

/** My own account as the account page shows it. */
export const accountProfile = z.object({
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
});
export type AccountProfile = z.infer<typeof accountProfile>;
