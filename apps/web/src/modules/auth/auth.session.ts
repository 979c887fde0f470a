import type { Permission, SessionInfo } from '@binhdang/contracts';
import { setCsrfToken } from '../app/app.api-client.ts';
import { createStore, useStore } from '../app/app.store.ts';

export type Session = SessionInfo;

const sessionStore = createStore<Session | null>(null);

export function getSession(): Session | null {
  return sessionStore.get();
}

export function setSession(session: Session | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  sessionStore.set(session);
}

export function useSession(): Session | null {
  return useStore(sessionStore);
}

/** For showing or hiding screens only; the server checks the scope of every call. */
export function hasPermission(session: Session | null, permission: Permission): boolean {
  return session?.permissions.includes(permission) ?? false;
}

export function isSystemAdmin(session: Session | null): boolean {
  return session?.grants.some((grant) => grant.role === 'system_admin') ?? false;
}
