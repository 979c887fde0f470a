import type {
  Consolidation,
  Inbox,
  ReportTemplate,
  RoundDetail,
  RoundInput,
  RoundProposal,
  RoundSummary,
  Submission,
  SubmissionSaveInput,
  TemplateSummary,
  UnitTimeliness,
} from '@binhdang/contracts';
import { api } from '../app/app.api-client.ts';

/** What my units must submit, what awaits my review, and my rounds with reports missing: one request. */
export function fetchInbox(signal?: AbortSignal): Promise<Inbox> {
  return api.get<Inbox>('/reporting/inbox', undefined, signal);
}

export function listTemplates(signal?: AbortSignal): Promise<{ items: TemplateSummary[] }> {
  return api.get<{ items: TemplateSummary[] }>('/reporting/templates', undefined, signal);
}

export function fetchTemplate(id: number, signal?: AbortSignal): Promise<ReportTemplate> {
  return api.get<ReportTemplate>(`/reporting/templates/${id}`, undefined, signal);
}

export function listRounds(
  query: { orgUnitId?: number; period?: string; limit?: number },
  signal?: AbortSignal,
): Promise<{ items: RoundSummary[] }> {
  return api.get<{ items: RoundSummary[] }>('/reporting/rounds', { ...query }, signal);
}

export function createRound(input: RoundInput): Promise<RoundDetail> {
  return api.post<RoundDetail>('/reporting/rounds', input);
}

export function fetchRound(id: number, signal?: AbortSignal): Promise<RoundDetail> {
  return api.get<RoundDetail>(`/reporting/rounds/${id}`, undefined, signal);
}

export function fetchConsolidation(
  id: number,
  include: 'accepted' | 'submitted',
  signal?: AbortSignal,
): Promise<Consolidation> {
  return api.get<Consolidation>(`/reporting/rounds/${id}/consolidation`, { include }, signal);
}

export function fetchTimeliness(
  query: { orgUnitId: number; year?: number },
  signal?: AbortSignal,
): Promise<UnitTimeliness> {
  return api.get<UnitTimeliness>('/reporting/timeliness', { ...query }, signal);
}

export function fetchSubmission(id: number, signal?: AbortSignal): Promise<Submission> {
  return api.get<Submission>(`/reporting/submissions/${id}`, undefined, signal);
}

/** Refused with `reporting.conflict` (409) when someone saved since `revision`: nothing is written. */
export function saveSubmission(id: number, input: SubmissionSaveInput): Promise<Submission> {
  return api.put<Submission>(`/reporting/submissions/${id}`, input);
}

export function submitSubmission(id: number, revision: number, comment: string | null): Promise<Submission> {
  return api.post<Submission>(`/reporting/submissions/${id}/submit`, { revision, comment });
}

export function returnSubmission(id: number, comment: string): Promise<Submission> {
  return api.post<Submission>(`/reporting/submissions/${id}/return`, { comment });
}

export function acceptSubmission(id: number, comment: string | null): Promise<Submission> {
  return api.post<Submission>(`/reporting/submissions/${id}/accept`, { comment });
}

/** Title or due date of an open round (late is judged against the new date). */
export function updateRound(id: number, input: { title?: string; dueOn?: string }): Promise<RoundDetail> {
  return api.patch<RoundDetail>(`/reporting/rounds/${id}`, input);
}

export function addRoundUnits(id: number, unitIds: number[]): Promise<RoundDetail> {
  return api.post<RoundDetail>(`/reporting/rounds/${id}/units`, { unitIds });
}

export function setRoundClosed(id: number, closed: boolean): Promise<RoundDetail> {
  return api.post<RoundDetail>(`/reporting/rounds/${id}/close`, { closed });
}

/** The rounds an issued plan's reporting regime asks for (Chế độ báo cáo). */
export function fetchRoundProposals(
  planId: number,
  signal?: AbortSignal,
): Promise<{ plan: { id: number; title: string }; items: RoundProposal[] }> {
  return api.get('/reporting/round-proposals', { planId }, signal);
}
