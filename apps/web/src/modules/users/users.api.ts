import type {
  AccountProfile,
  createUserInput,
  EmailInput,
  grantInput,
  UserSummary,
  updateUserInput,
  userList,
} from '@binhdang/contracts';
import type { z } from 'zod';
import { api } from '../app/app.api-client.ts';

export type UserList = z.infer<typeof userList>;
export type GrantInput = z.input<typeof grantInput>;

export function listUsers(query: string, signal?: AbortSignal): Promise<UserList> {
  return api.get<UserList>('/users', { q: query }, signal);
}

export function fetchUser(id: number, signal?: AbortSignal): Promise<UserSummary> {
  return api.get<UserSummary>(`/users/${id}`, undefined, signal);
}

export function createUser(input: z.input<typeof createUserInput>): Promise<UserSummary> {
  return api.post<UserSummary>('/users', input);
}

export function updateUser(id: number, input: z.input<typeof updateUserInput>): Promise<UserSummary> {
  return api.patch<UserSummary>(`/users/${id}`, input);
}

export function resetUserPassword(id: number, newPassword: string): Promise<UserSummary> {
  return api.post<UserSummary>(`/users/${id}/password`, { newPassword });
}

export function unlockUser(id: number): Promise<UserSummary> {
  return api.post<UserSummary>(`/users/${id}/unlock`);
}

export function addGrant(id: number, input: GrantInput): Promise<UserSummary> {
  return api.post<UserSummary>(`/users/${id}/grants`, input);
}

export function removeGrant(id: number, grantId: number): Promise<UserSummary> {
  return api.delete<UserSummary>(`/users/${id}/grants/${grantId}`);
}

/** Sets or clears (null) the address an account's reminders are e-mailed to. */
export function setUserEmail(id: number, email: EmailInput['email']): Promise<UserSummary> {
  return api.put<UserSummary>(`/users/${id}/email`, { email });
}

export function fetchAccount(signal?: AbortSignal): Promise<AccountProfile> {
  return api.get<AccountProfile>('/account', undefined, signal);
}

export function setOwnEmail(email: EmailInput['email']): Promise<AccountProfile> {
  return api.put<AccountProfile>('/account/email', { email });
}
