import type {
  Catalogue,
  DataElement,
  DataElementInput,
  EntryForm,
  Indicator,
  IndicatorInput,
  Progress,
  Target,
  TargetInput,
  ValidationMessage,
  ValuesWriteInput,
  ValuesWriteResult,
  valueHistory,
} from '@binhdang/contracts';
import type { z } from 'zod';
import { ApiError, api } from '../app/app.api-client.ts';

export type ValueHistory = z.infer<typeof valueHistory>;

/**
 * The catalogue changes rarely and every figures screen needs it: one download per visit
 * (and again after an admin changes it), not one per screen.
 */
let catalogueCache: Promise<Catalogue> | null = null;

export function fetchCatalogue(signal?: AbortSignal): Promise<Catalogue> {
  if (!catalogueCache) {
    catalogueCache = api.get<Catalogue>('/indicators/catalogue', undefined, signal);
    catalogueCache.catch(() => {
      catalogueCache = null;
    });
  }
  return catalogueCache;
}

export function forgetCatalogue(): void {
  catalogueCache = null;
}

export function fetchEntryForm(
  query: { form: string; orgUnitId: number; period: string },
  signal?: AbortSignal,
): Promise<EntryForm> {
  return api.get<EntryForm>('/indicators/entry', query, signal);
}

/** Refused with `figures.validation_failed` (the messages in `validationMessagesOf`) when a rule fails. */
export function writeValues(input: ValuesWriteInput): Promise<ValuesWriteResult> {
  return api.post<ValuesWriteResult>('/indicators/values', input);
}

export function validationMessagesOf(error: unknown): ValidationMessage[] {
  if (!(error instanceof ApiError)) return [];
  return error.validation as ValidationMessage[];
}

export function fetchValueHistory(
  query: { dataElement: string; orgUnitId: number; period: string; disaggregation: string },
  signal?: AbortSignal,
): Promise<ValueHistory> {
  return api.get<ValueHistory>('/indicators/values/history', query, signal);
}

export interface ProgressSearch {
  orgUnitId: number;
  from?: number;
  to?: number;
}

export function fetchProgress(search: ProgressSearch, signal?: AbortSignal): Promise<Progress> {
  return api.get<Progress>('/indicators/progress', { ...search }, signal);
}

/** A download link, not a call: the browser saves the file itself. */
export function progressXlsxUrl(search: ProgressSearch): string {
  const params = new URLSearchParams({ orgUnitId: String(search.orgUnitId) });
  if (search.from) params.set('from', String(search.from));
  if (search.to) params.set('to', String(search.to));
  return `/api/indicators/progress/xlsx?${params}`;
}

export function listTargets(
  query: { orgUnitId?: number; indicator?: string; year?: number },
  signal?: AbortSignal,
): Promise<{ items: Target[] }> {
  return api.get<{ items: Target[] }>('/indicators/targets', { ...query }, signal);
}

export function saveTarget(input: TargetInput): Promise<Target> {
  return api.put<Target>('/indicators/targets', input);
}

export function createDataElement(input: DataElementInput): Promise<DataElement> {
  return api.post<DataElement>('/indicators/catalogue/data-elements', input);
}

export function createIndicator(input: IndicatorInput): Promise<Indicator> {
  return api.post<Indicator>('/indicators/catalogue/indicators', input);
}
