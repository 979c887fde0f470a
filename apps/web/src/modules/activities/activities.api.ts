import type {
  Activity,
  ActivityCell,
  ActivityImportResult,
  ActivityInput,
  ActivityLinks,
  ActivityList,
  ActivityUpdateInput,
  Calendar,
  CalendarEntryKind,
  Campaign,
  CampaignInput,
  CampaignList,
  CampaignUpdateInput,
} from '@binhdang/contracts';
import { api, apiRequest } from '../app/app.api-client.ts';

export interface ActivitySearch {
  orgUnitId?: number | undefined;
  subtree?: boolean;
  from?: string | undefined;
  to?: string | undefined;
  kind?: string | undefined;
  campaignId?: number | undefined;
  taskId?: number | undefined;
  limit?: number;
  offset?: number;
}

export function listActivities(search: ActivitySearch, signal?: AbortSignal): Promise<ActivityList> {
  return api.get<ActivityList>(
    '/activities',
    { ...search, subtree: search.subtree === undefined ? undefined : String(search.subtree) },
    signal,
  );
}

export function fetchActivity(id: number, signal?: AbortSignal): Promise<Activity> {
  return api.get<Activity>(`/activities/${id}`, undefined, signal);
}

export function createActivity(input: ActivityInput): Promise<Activity> {
  return api.post<Activity>('/activities', input);
}

/** Refused with `activities.conflict` when someone saved since `revision`. */
export function updateActivity(id: number, input: ActivityUpdateInput): Promise<Activity> {
  return api.put<Activity>(`/activities/${id}`, input);
}

export function deleteActivity(id: number, revision: number): Promise<{ deleted: true }> {
  return apiRequest<{ deleted: true }>('DELETE', `/activities/${id}`, { query: { revision } });
}

export function uploadActivityFile(id: number, file: File): Promise<Activity['files'][number]> {
  return api.upload(`/activities/${id}/files`, file);
}

export function fetchActivityLinks(
  orgUnitId: number,
  year: number,
  signal?: AbortSignal,
): Promise<ActivityLinks> {
  return api.get<ActivityLinks>('/activities/links', { orgUnitId, year }, signal);
}

export function importActivities(orgUnitId: number, file: File, confirmDuplicate: boolean) {
  const form = new FormData();
  form.append('file', file);
  form.append('orgUnitId', String(orgUnitId));
  form.append('confirmDuplicate', String(confirmDuplicate));
  return apiRequest<ActivityImportResult>('POST', '/activities/import', { body: form });
}

export const activityTemplateUrl = '/api/activities/template.xlsx';
export const activityFileUrl = (id: number) => `/api/activity-files/${id}`;

export function listCampaigns(year: number, orgUnitId?: number, signal?: AbortSignal): Promise<CampaignList> {
  return api.get<CampaignList>('/campaigns', { year, orgUnitId }, signal);
}

export function fetchCampaign(id: number, signal?: AbortSignal): Promise<Campaign> {
  return api.get<Campaign>(`/campaigns/${id}`, undefined, signal);
}

export function createCampaign(input: CampaignInput): Promise<Campaign> {
  return api.post<Campaign>('/campaigns', input);
}

/** Refused with 409 when someone saved the campaign since `revision`: nothing is written. */
export function updateCampaign(id: number, input: CampaignUpdateInput): Promise<Campaign> {
  return api.put<Campaign>(`/campaigns/${id}`, input);
}

export interface CalendarSearch {
  year: number;
  orgUnitId?: number | undefined;
  subtree: boolean;
  kinds: CalendarEntryKind[];
}

function calendarQuery(search: CalendarSearch) {
  return {
    year: search.year,
    orgUnitId: search.orgUnitId,
    subtree: String(search.subtree),
    kinds: search.kinds.join(','),
  };
}

export function fetchCalendar(search: CalendarSearch, signal?: AbortSignal): Promise<Calendar> {
  return api.get<Calendar>('/calendar', calendarQuery(search), signal);
}

export function calendarIcsUrl(search: CalendarSearch): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(calendarQuery(search)))
    if (value !== undefined && value !== '') params.set(name, String(value));
  return `/api/calendar.ics?${params.toString()}`;
}

/** The activities behind one number of a report's activity table. */
export function fetchSubmissionActivityCell(
  submissionId: number,
  cell: { table: string; row: string; column: string },
  signal?: AbortSignal,
): Promise<ActivityCell> {
  return api.get<ActivityCell>(`/reporting/submissions/${submissionId}/activity-cells`, cell, signal);
}

export function fetchRoundActivityCell(
  roundId: number,
  cell: { table: string; row: string; column: string; include: string; unitId?: number | undefined },
  signal?: AbortSignal,
): Promise<ActivityCell> {
  return api.get<ActivityCell>(`/reporting/rounds/${roundId}/activity-cells`, cell, signal);
}
