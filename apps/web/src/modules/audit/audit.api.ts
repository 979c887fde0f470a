import type { auditPage } from '@binhdang/contracts';
import type { z } from 'zod';
import { api } from '../app/app.api-client.ts';

export type AuditPage = z.infer<typeof auditPage>;

export interface AuditFilter {
  action: string;
  entityType: string;
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first; `before` is the `nextBefore` of the previous page. */
export function fetchAuditPage(
  filter: AuditFilter,
  before?: number,
  signal?: AbortSignal,
): Promise<AuditPage> {
  return api.get<AuditPage>('/audit', { ...filter, before, limit: AUDIT_PAGE_SIZE }, signal);
}
