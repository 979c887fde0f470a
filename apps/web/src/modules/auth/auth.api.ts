import type { changePasswordInput, loginInput, totpSetupOutput } from '@binhdang/contracts';
import type { z } from 'zod';
import { ApiError, api } from '../app/app.api-client.ts';
import type { Session } from './auth.session.ts';

export type LoginInput = z.input<typeof loginInput>;
export type TotpSetup = z.infer<typeof totpSetupOutput>;

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    return await api.get<Session>('/auth/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function login(input: LoginInput): Promise<Session> {
  return api.post<Session>('/auth/login', input);
}

export function logout(): Promise<{ ok: true }> {
  return api.post('/auth/logout');
}

export function changePassword(input: z.input<typeof changePasswordInput>): Promise<{ ok: true }> {
  return api.post('/auth/password', input);
}

export function setUpTotp(): Promise<TotpSetup> {
  return api.post<TotpSetup>('/auth/totp/setup');
}

export function enableTotp(code: string): Promise<{ ok: true }> {
  return api.post('/auth/totp/enable', { code });
}

export function disableTotp(code: string): Promise<{ ok: true }> {
  return api.post('/auth/totp/disable', { code });
}
