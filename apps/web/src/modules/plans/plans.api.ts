import type {
  CreatePlanInput,
  issuePlanInput,
  LegalDocument,
  LegalDocumentInput,
  legalDocumentList,
  PlanDetail,
  PlanStatus,
  PlanTrace,
  planList,
  planListQuery,
  SavePlanInput,
} from '@binhdang/contracts';
import type { z } from 'zod';
import { api } from '../app/app.api-client.ts';

export type PlanList = z.infer<typeof planList>;
export type PlanRelation = z.infer<typeof planListQuery>['relation'];
export type IssuePlanInput = z.input<typeof issuePlanInput>;
export type LegalDocumentList = z.infer<typeof legalDocumentList>;

export interface PlanSearch {
  q?: string;
  orgUnitId?: number;
  year?: number;
  status?: PlanStatus;
  relation?: PlanRelation;
  limit?: number;
}

export function listPlans(search: PlanSearch, signal?: AbortSignal): Promise<PlanList> {
  return api.get<PlanList>('/plans', { ...search }, signal);
}

export function fetchPlan(id: number, signal?: AbortSignal): Promise<PlanDetail> {
  return api.get<PlanDetail>(`/plans/${id}`, undefined, signal);
}

/** With `parentPlanId` the new draft comes with the parent's tasks for the unit (cascade). */
export function createPlan(input: CreatePlanInput): Promise<PlanDetail> {
  return api.post<PlanDetail>('/plans', input);
}

/** Saves a draft whole; refused with `plans.conflict` when someone saved since `revision`. */
export function savePlan(id: number, input: SavePlanInput): Promise<PlanDetail> {
  return api.put<PlanDetail>(`/plans/${id}`, input);
}

export function deletePlan(id: number): Promise<void> {
  return api.delete<void>(`/plans/${id}`);
}

export function issuePlan(id: number, input: IssuePlanInput): Promise<PlanDetail> {
  return api.post<PlanDetail>(`/plans/${id}/issue`, input);
}

/** A new draft version of an issued plan; issuing it supersedes the old one. */
export function createPlanVersion(id: number): Promise<PlanDetail> {
  return api.post<PlanDetail>(`/plans/${id}/versions`);
}

export function fetchPlanTrace(id: number, signal?: AbortSignal): Promise<PlanTrace> {
  return api.get<PlanTrace>(`/plans/${id}/trace`, undefined, signal);
}

export function searchLegalDocuments(q: string, signal?: AbortSignal): Promise<LegalDocumentList> {
  return api.get<LegalDocumentList>('/legal-documents', { q, limit: 10 }, signal);
}

export function createLegalDocument(input: LegalDocumentInput): Promise<LegalDocument> {
  return api.post<LegalDocument>('/legal-documents', input);
}
