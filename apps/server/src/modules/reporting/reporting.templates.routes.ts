import {
  reportingIdParam,
  templateCodeParam,
  templateCreateInput,
  templateDefinition,
  templateFamilyList,
  templateVersionInput,
} from '@binhdang/contracts';
import { type ApiApp, defineRoute, jsonBody, jsonContent, readDeps, writeDeps } from '../app/http.ts';
import {
  createTemplate,
  getTemplateDefinition,
  listTemplateFamilies,
  saveTemplateVersion,
} from './reporting.templates.ts';

const tags = ['report-templates'];

/** Report templates for the editor: families with their versions, a version's definition, new versions. */
export function registerReportTemplateRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/report-templates',
      tags,
      summary: 'Template families: the current version and every version, newest first',
      responses: { 200: jsonContent(templateFamilyList) },
    }),
    async (c) => c.json(await listTemplateFamilies(readDeps(c)), 200),
  );

  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/report-templates/{id}',
      tags,
      summary: 'One version as stored: outline sections and tables (figures tables editable, others kept)',
      request: { params: reportingIdParam },
      responses: { 200: jsonContent(templateDefinition) },
    }),
    async (c) =>
      c.json(await getTemplateDefinition({ ...readDeps(c), templateId: c.req.valid('param').id }), 200),
  );

  api.openapi(
    defineRoute('templates.manage', {
      method: 'post',
      path: '/report-templates',
      tags,
      summary: 'Create a template (a new code), version 1',
      request: { body: jsonBody(templateCreateInput) },
      responses: { 201: jsonContent(templateDefinition, 'Created') },
    }),
    async (c) => c.json(await createTemplate({ ...writeDeps(c), input: c.req.valid('json') }), 201),
  );

  api.openapi(
    defineRoute('templates.manage', {
      method: 'post',
      path: '/report-templates/{code}/versions',
      tags,
      summary: 'Save a new version; refused with 409 when the version it is based on is no longer current',
      request: { params: templateCodeParam, body: jsonBody(templateVersionInput) },
      responses: { 201: jsonContent(templateDefinition, 'Created') },
    }),
    async (c) =>
      c.json(
        await saveTemplateVersion({
          ...writeDeps(c),
          code: c.req.valid('param').code,
          input: c.req.valid('json'),
        }),
        201,
      ),
  );
}
