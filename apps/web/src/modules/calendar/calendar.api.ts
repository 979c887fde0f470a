import type { eventList, reportingDutyFilters, reportingDutyList } from '@binhdang/contracts';
import type { z } from 'zod';
import { api } from '../app/app.api-client.ts';

export type EventList = z.infer<typeof eventList>;
export type ReportingDutyList = z.infer<typeof reportingDutyList>;
export type ReportingDutyFilter = (typeof reportingDutyFilters)[number];

/** Campaigns and observances of the issued plans I read (with `orgUnitId`, those that unit reads). */
export function listEvents(
  search: { year?: number; orgUnitId?: number; limit?: number },
  signal?: AbortSignal,
): Promise<EventList> {
  return api.get<EventList>('/events', { ...search }, signal);
}

/** Reports units in my scope must send, by due date; `today` is the server's day in Viet Nam. */
export function listReportingDuties(
  search: { filter?: ReportingDutyFilter; orgUnitId?: number; limit?: number },
  signal?: AbortSignal,
): Promise<ReportingDutyList> {
  return api.get<ReportingDutyList>('/reporting-duties', { ...search }, signal);
}
