import type {
  closeOrgUnitInput,
  createOrgUnitInput,
  mergeOrgUnitsInput,
  OrgUnitDetail,
  OrgUnitKind,
  orgUnitList,
  renameOrgUnitInput,
  splitOrgUnitInput,
} from '@binhdang/contracts';
import type { z } from 'zod';
import { api } from '../app/app.api-client.ts';

export type OrgUnitList = z.infer<typeof orgUnitList>;
export type OrgUnitStatus = 'open' | 'closed' | 'all';

export interface OrgUnitSearch {
  q?: string;
  parentId?: number;
  kind?: OrgUnitKind;
  status?: OrgUnitStatus;
  limit?: number;
}

/** With neither `q` nor `parentId` the server lists the top units of the user's scope. */
export function searchOrgUnits(search: OrgUnitSearch, signal?: AbortSignal): Promise<OrgUnitList> {
  return api.get<OrgUnitList>('/org-units', { ...search }, signal);
}

export function fetchOrgUnit(id: number, signal?: AbortSignal): Promise<OrgUnitDetail> {
  return api.get<OrgUnitDetail>(`/org-units/${id}`, undefined, signal);
}

export function createOrgUnit(input: z.input<typeof createOrgUnitInput>): Promise<OrgUnitDetail> {
  return api.post<OrgUnitDetail>('/org-units', input);
}

export function renameOrgUnit(id: number, input: z.input<typeof renameOrgUnitInput>): Promise<OrgUnitDetail> {
  return api.post<OrgUnitDetail>(`/org-units/${id}/rename`, input);
}

export function closeOrgUnit(id: number, input: z.input<typeof closeOrgUnitInput>): Promise<OrgUnitDetail> {
  return api.post<OrgUnitDetail>(`/org-units/${id}/close`, input);
}

/** Answers with the receiving unit. */
export function mergeOrgUnits(input: z.input<typeof mergeOrgUnitsInput>): Promise<OrgUnitDetail> {
  return api.post<OrgUnitDetail>('/org-units/merge', input);
}

export function splitOrgUnit(id: number, input: z.input<typeof splitOrgUnitInput>): Promise<OrgUnitDetail> {
  return api.post<OrgUnitDetail>(`/org-units/${id}/split`, input);
}
