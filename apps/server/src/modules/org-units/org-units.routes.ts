import {
  closeOrgUnitInput,
  createOrgUnitInput,
  mergeOrgUnitsInput,
  orgUnitDetail,
  orgUnitIdParam,
  orgUnitList,
  orgUnitSearchQuery,
  renameOrgUnitInput,
  splitOrgUnitInput,
} from '@binhdang/contracts';
import { type ApiApp, defineRoute, jsonBody, jsonContent, requireActor, writeDeps } from '../app/http.ts';
import {
  closeOrgUnit,
  createOrgUnit,
  getOrgUnitDetail,
  listOrgUnits,
  mergeOrgUnits,
  renameOrgUnit,
  splitOrgUnit,
} from './org-units.service.ts';

const tags = ['org-units'];

export function registerOrgUnitRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('orgUnits.read', {
      method: 'get',
      path: '/org-units',
      tags,
      summary:
        'Search units in my scope (diacritics and tone placement ignored), or list children or my top units',
      request: { query: orgUnitSearchQuery },
      responses: { 200: jsonContent(orgUnitList) },
    }),
    async (c) => {
      const { db, clock } = c.get('deps');
      return c.json(
        await listOrgUnits({ db, clock, actor: requireActor(c), search: c.req.valid('query') }),
        200,
      );
    },
  );

  api.openapi(
    defineRoute('orgUnits.read', {
      method: 'get',
      path: '/org-units/{id}',
      tags,
      summary: 'A unit with its ancestors, children, name history, lineage and successors',
      request: { params: orgUnitIdParam },
      responses: { 200: jsonContent(orgUnitDetail) },
    }),
    async (c) => {
      const { db, clock } = c.get('deps');
      return c.json(
        await getOrgUnitDetail({ db, clock, actor: requireActor(c), unitId: c.req.valid('param').id }),
        200,
      );
    },
  );

  api.openapi(
    defineRoute('orgUnits.manage', {
      method: 'post',
      path: '/org-units',
      tags,
      summary: 'Add a unit under a parent in my scope',
      request: { body: jsonBody(createOrgUnitInput) },
      responses: { 201: jsonContent(orgUnitDetail, 'Created') },
    }),
    async (c) => c.json(await createOrgUnit({ ...writeDeps(c), input: c.req.valid('json') }), 201),
  );

  api.openapi(
    defineRoute('orgUnits.manage', {
      method: 'post',
      path: '/org-units/{id}/rename',
      tags,
      summary: 'Rename from a date; the old name stays in the history',
      request: { params: orgUnitIdParam, body: jsonBody(renameOrgUnitInput) },
      responses: { 200: jsonContent(orgUnitDetail) },
    }),
    async (c) =>
      c.json(
        await renameOrgUnit({ ...writeDeps(c), unitId: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );

  api.openapi(
    defineRoute('orgUnits.manage', {
      method: 'post',
      path: '/org-units/{id}/close',
      tags,
      summary: 'Close a unit after a given last day; it stays readable as history',
      request: { params: orgUnitIdParam, body: jsonBody(closeOrgUnitInput) },
      responses: { 200: jsonContent(orgUnitDetail) },
    }),
    async (c) =>
      c.json(
        await closeOrgUnit({ ...writeDeps(c), unitId: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );

  api.openapi(
    defineRoute('orgUnits.manage', {
      method: 'post',
      path: '/org-units/merge',
      tags,
      summary: 'Merge units into an existing or a new unit from a date',
      request: { body: jsonBody(mergeOrgUnitsInput) },
      responses: { 200: jsonContent(orgUnitDetail) },
    }),
    async (c) => c.json(await mergeOrgUnits({ ...writeDeps(c), input: c.req.valid('json') }), 200),
  );

  api.openapi(
    defineRoute('orgUnits.manage', {
      method: 'post',
      path: '/org-units/{id}/split',
      tags,
      summary: 'Split new units off a unit from a date, optionally closing it',
      request: { params: orgUnitIdParam, body: jsonBody(splitOrgUnitInput) },
      responses: { 200: jsonContent(orgUnitDetail) },
    }),
    async (c) =>
      c.json(
        await splitOrgUnit({ ...writeDeps(c), unitId: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );
}
