import type {
  AcceptImportInput,
  ImportDetail,
  ImportStatus,
  importList,
  PlanDetail,
} from '@binhdang/contracts';
import type { z } from 'zod';
import { api, apiUploadWithProgress } from '../app/app.api-client.ts';

export type ImportList = z.infer<typeof importList>;

/**
 * Uploads a received document for its receiving unit; the answer is the document as read, or,
 * when the unit already accepted the same text, that earlier import with `duplicate` set.
 */
export function uploadPlanDocument(
  file: File,
  orgUnitId: number,
  onProgress: (sent: number, total: number) => void,
): Promise<ImportDetail> {
  const form = new FormData();
  form.append('file', file);
  form.append('orgUnitId', String(orgUnitId));
  return apiUploadWithProgress<ImportDetail>('/imports', form, onProgress);
}

export function listImports(
  search: { orgUnitId?: number; status?: ImportStatus; limit?: number },
  signal?: AbortSignal,
): Promise<ImportList> {
  return api.get<ImportList>('/imports', { ...search }, signal);
}

export function fetchImport(id: number, signal?: AbortSignal): Promise<ImportDetail> {
  return api.get<ImportDetail>(`/imports/${id}`, undefined, signal);
}

/** The reviewed document becomes an issued plan of the receiving unit. */
export function acceptImport(id: number, input: AcceptImportInput): Promise<PlanDetail> {
  return api.post<PlanDetail>(`/imports/${id}/accept`, input);
}

export function discardImport(id: number): Promise<ImportDetail> {
  return api.post<ImportDetail>(`/imports/${id}/discard`);
}
