import type {
  CommunityModelDetail,
  CommunityModelInput,
  CommunityModelList,
  CommunityModelListQuery,
  CommunityModelUpdateInput,
  CommunityModelYearInput,
} from '@binhdang/contracts';
import { api, apiRequest } from '../app/app.api-client.ts';

export function listCommunityModels(
  query: CommunityModelListQuery,
  signal?: AbortSignal,
): Promise<CommunityModelList> {
  return api.get<CommunityModelList>('/community-models', { ...query }, signal);
}

export function fetchCommunityModel(id: number, signal?: AbortSignal): Promise<CommunityModelDetail> {
  return api.get<CommunityModelDetail>(`/community-models/${id}`, undefined, signal);
}

export function createCommunityModel(input: CommunityModelInput): Promise<CommunityModelDetail> {
  return api.post<CommunityModelDetail>('/community-models', input);
}

/** Refused with `communityModels.conflict` (409) when someone saved since `revision`. */
export function updateCommunityModel(
  id: number,
  input: CommunityModelUpdateInput,
): Promise<CommunityModelDetail> {
  return api.put<CommunityModelDetail>(`/community-models/${id}`, input);
}

export function saveCommunityModelYear(
  id: number,
  year: number,
  input: CommunityModelYearInput,
): Promise<CommunityModelDetail> {
  return api.put<CommunityModelDetail>(`/community-models/${id}/years/${year}`, input);
}

export function deleteCommunityModelYear(
  id: number,
  year: number,
  revision: number,
): Promise<CommunityModelDetail> {
  return apiRequest<CommunityModelDetail>('DELETE', `/community-models/${id}/years/${year}`, {
    query: { revision },
  });
}
