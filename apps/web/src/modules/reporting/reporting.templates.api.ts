import type {
  TemplateCreateInput,
  TemplateDefinition,
  TemplateFamilyList,
  TemplateVersionInput,
  TimelinessMatrix,
  TimelinessMatrixQuery,
} from '@binhdang/contracts';
import { api } from '../app/app.api-client.ts';

/* Template editing and the completeness/timeliness matrix: the screens added for issue 6 §1 and §4. */

export function listTemplateFamilies(signal?: AbortSignal): Promise<TemplateFamilyList> {
  return api.get<TemplateFamilyList>('/report-templates', undefined, signal);
}

export function fetchTemplateDefinition(id: number, signal?: AbortSignal): Promise<TemplateDefinition> {
  return api.get<TemplateDefinition>(`/report-templates/${id}`, undefined, signal);
}

export function createTemplate(input: TemplateCreateInput): Promise<TemplateDefinition> {
  return api.post<TemplateDefinition>('/report-templates', input);
}

/** Refused with `reportTemplates.conflict` (409) when `basedOnVersion` is no longer current: nothing is written. */
export function saveTemplateVersion(code: string, input: TemplateVersionInput): Promise<TemplateDefinition> {
  return api.post<TemplateDefinition>(`/report-templates/${encodeURIComponent(code)}/versions`, input);
}

export function fetchTimelinessMatrix(
  query: TimelinessMatrixQuery,
  signal?: AbortSignal,
): Promise<TimelinessMatrix> {
  return api.get<TimelinessMatrix>('/reporting/timeliness/matrix', { ...query }, signal);
}
