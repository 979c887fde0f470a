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

export const userSummary = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
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
