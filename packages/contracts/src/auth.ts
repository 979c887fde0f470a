import { z } from 'zod';
import { type Permission, type Role, roles } from './permissions.ts';

export const loginInput = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  totpCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .optional(),
});

export const roleGrant = z.object({
  id: z.number().int(),
  role: z.enum(roles),
  orgUnit: z
    .object({ id: z.number().int(), code: z.string(), name: z.string(), kind: z.string() })
    .nullable(),
});
export type RoleGrant = z.infer<typeof roleGrant>;

export const sessionInfo = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    totpEnabled: z.boolean(),
  }),
  grants: z.array(roleGrant),
  /** Every permission the user holds on at least one unit, for showing or hiding screens. */
  permissions: z.array(z.string()),
  /** Sent back in the `X-CSRF-Token` header on every write. */
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfo> & { permissions: Permission[] };

export const passwordPolicy = z
  .string()
  .min(8, { message: 'Mật khẩu cần ít nhất 8 ký tự.' })
  .max(200, { message: 'Mật khẩu tối đa 200 ký tự.' });

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordPolicy,
});

export const totpSetupOutput = z.object({ secret: z.string(), otpauthUri: z.string() });
export const totpCodeInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'Mã xác thực gồm 6 chữ số.' }),
});

export const publicConfig = z.object({
  demo: z.boolean(),
  demoAccounts: z.array(z.object({ username: z.string(), password: z.string(), description: z.string() })),
  version: z.string(),
});

export type { Role };
