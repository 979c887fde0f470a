import {
  communityModelDetail,
  communityModelIdParam,
  communityModelInput,
  communityModelList,
  communityModelListQuery,
  communityModelRevisionQuery,
  communityModelUpdateInput,
  communityModelYearInput,
  communityModelYearParam,
} from '@binhdang/contracts';
import { type ApiApp, defineRoute, jsonBody, jsonContent, readDeps, writeDeps } from '../app/http.ts';
import {
  createCommunityModel,
  deleteCommunityModelYear,
  getCommunityModel,
  listCommunityModels,
  saveCommunityModelYear,
  updateCommunityModel,
} from './community-models.service.ts';

const tags = ['community-models'];

export function registerCommunityModelRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('communityModels.read', {
      method: 'get',
      path: '/community-models',
      tags,
      summary: "Models and clubs of a unit and its subtree, with the year's row and totals by kind",
      request: { query: communityModelListQuery },
      responses: { 200: jsonContent(communityModelList) },
    }),
    async (c) => c.json(await listCommunityModels({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('communityModels.write', {
      method: 'post',
      path: '/community-models',
      tags,
      summary: 'Add a model or club to the register of a unit, optionally with its first year',
      request: { body: jsonBody(communityModelInput) },
      responses: { 201: jsonContent(communityModelDetail, 'Created') },
    }),
    async (c) => c.json(await createCommunityModel({ ...writeDeps(c), input: c.req.valid('json') }), 201),
  );

  api.openapi(
    defineRoute('communityModels.read', {
      method: 'get',
      path: '/community-models/{id}',
      tags,
      summary: 'A model or club with its rows per year',
      request: { params: communityModelIdParam },
      responses: { 200: jsonContent(communityModelDetail) },
    }),
    async (c) => c.json(await getCommunityModel({ ...readDeps(c), modelId: c.req.valid('param').id }), 200),
  );

  api.openapi(
    defineRoute('communityModels.write', {
      method: 'put',
      path: '/community-models/{id}',
      tags,
      summary: 'Change name, kind, place, date, managing organisation or notes (revision-checked)',
      request: { params: communityModelIdParam, body: jsonBody(communityModelUpdateInput) },
      responses: { 200: jsonContent(communityModelDetail) },
    }),
    async (c) =>
      c.json(
        await updateCommunityModel({
          ...writeDeps(c),
          modelId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  api.openapi(
    defineRoute('communityModels.write', {
      method: 'put',
      path: '/community-models/{id}/years/{year}',
      tags,
      summary: 'Record a year: members by sex and ethnicity, status, notes (revision-checked)',
      request: { params: communityModelYearParam, body: jsonBody(communityModelYearInput) },
      responses: { 200: jsonContent(communityModelDetail) },
    }),
    async (c) => {
      const { id, year } = c.req.valid('param');
      return c.json(
        await saveCommunityModelYear({ ...writeDeps(c), modelId: id, year, input: c.req.valid('json') }),
        200,
      );
    },
  );

  api.openapi(
    defineRoute('communityModels.write', {
      method: 'delete',
      path: '/community-models/{id}/years/{year}',
      tags,
      summary: 'Remove a year entered by mistake (revision-checked)',
      request: { params: communityModelYearParam, query: communityModelRevisionQuery },
      responses: { 200: jsonContent(communityModelDetail) },
    }),
    async (c) => {
      const { id, year } = c.req.valid('param');
      return c.json(
        await deleteCommunityModelYear({
          ...writeDeps(c),
          modelId: id,
          year,
          revision: c.req.valid('query').revision,
        }),
        200,
      );
    },
  );
}
