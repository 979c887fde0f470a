import {
  createPlanInput,
  issuePlanInput,
  planDetail,
  planExportQuery,
  planIdParam,
  planList,
  planListQuery,
  planTrace,
  savePlanInput,
} from '@binhdang/contracts';
import { z } from 'zod';
import { type ApiApp, defineRoute, jsonBody, jsonContent, readDeps, writeDeps } from '../app/http.ts';
import { exportPlan } from './plans.document.ts';
import {
  createPlan,
  createPlanVersion,
  deletePlan,
  getPlanDetail,
  issuePlan,
  listPlans,
  savePlan,
  tracePlan,
} from './plans.service.ts';

const tags = ['plans'];

export function registerPlanRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('plans.read', {
      method: 'get',
      path: '/plans',
      tags,
      summary: 'Plans I may read: of units in my scope, and issued plans above me or assigning me tasks',
      request: { query: planListQuery },
      responses: { 200: jsonContent(planList) },
    }),
    async (c) => c.json(await listPlans({ ...readDeps(c), filter: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('plans.write', {
      method: 'post',
      path: '/plans',
      tags,
      summary:
        'Start a draft plan; with parentPlanId, from the parent plan with its tasks for the unit (cascade)',
      request: { body: jsonBody(createPlanInput) },
      responses: { 201: jsonContent(planDetail) },
    }),
    async (c) => c.json(await createPlan({ ...writeDeps(c), input: c.req.valid('json') }), 201),
  );

  api.openapi(
    defineRoute('plans.read', {
      method: 'get',
      path: '/plans/{id}',
      tags,
      summary: 'A plan with its bases, numbered content, tasks and assignments, versions and child plans',
      request: { params: planIdParam },
      responses: { 200: jsonContent(planDetail) },
    }),
    async (c) => c.json(await getPlanDetail({ ...readDeps(c), planId: c.req.valid('param').id }), 200),
  );

  api.openapi(
    defineRoute('plans.write', {
      method: 'put',
      path: '/plans/{id}',
      tags,
      summary: 'Save a draft whole (refused with 409 when the revision is not the latest)',
      request: { params: planIdParam, body: jsonBody(savePlanInput) },
      responses: { 200: jsonContent(planDetail) },
    }),
    async (c) =>
      c.json(
        await savePlan({ ...writeDeps(c), planId: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );

  api.openapi(
    defineRoute('plans.write', {
      method: 'delete',
      path: '/plans/{id}',
      tags,
      summary: 'Delete a draft (issued plans are kept for ever)',
      request: { params: planIdParam },
      responses: { 204: { description: 'Deleted' } },
    }),
    async (c) => {
      await deletePlan({ ...writeDeps(c), planId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

  api.openapi(
    defineRoute('plans.issue', {
      method: 'post',
      path: '/plans/{id}/issue',
      tags,
      summary: 'Issue a draft: it gets its number and date and is locked; a new version supersedes the old',
      request: { params: planIdParam, body: jsonBody(issuePlanInput) },
      responses: { 200: jsonContent(planDetail) },
    }),
    async (c) =>
      c.json(
        await issuePlan({ ...writeDeps(c), planId: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );

  api.openapi(
    defineRoute('plans.write', {
      method: 'post',
      path: '/plans/{id}/versions',
      tags,
      summary: 'Start a new draft version of an issued plan',
      request: { params: planIdParam },
      responses: { 201: jsonContent(planDetail) },
    }),
    async (c) => c.json(await createPlanVersion({ ...writeDeps(c), planId: c.req.valid('param').id }), 201),
  );

  api.openapi(
    defineRoute('plans.read', {
      method: 'get',
      path: '/plans/{id}/trace',
      tags,
      summary: 'Traceability: per task and assigned unit, its plan made from this one and how far it got',
      request: { params: planIdParam },
      responses: { 200: jsonContent(planTrace) },
    }),
    async (c) => c.json(await tracePlan({ ...readDeps(c), planId: c.req.valid('param').id }), 200),
  );

  api.openapi(
    defineRoute('plans.read', {
      method: 'get',
      path: '/plans/{id}/export',
      tags,
      summary:
        'The plan as an official document: DOCX (Decree 30 layout with the assignment appendix), XLSX appendix, or PDF',
      request: { params: planIdParam, query: planExportQuery },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const file = await exportPlan({
        ...readDeps(c),
        planId: c.req.valid('param').id,
        format: c.req.valid('query').format,
      });
      c.header('Content-Type', file.contentType);
      c.header(
        'Content-Disposition',
        `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      c.header('Cache-Control', 'private, no-store');
      return c.body(new Uint8Array(file.bytes), 200);
    },
  );
}
