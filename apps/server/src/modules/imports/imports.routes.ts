import {
  acceptImportInput,
  eventList,
  eventListQuery,
  importDetail,
  importIdParam,
  importList,
  importListQuery,
  importRules,
  importSectionInput,
  planDetail,
  planImportSection,
  reportingDutyList,
  reportingDutyListQuery,
} from '@binhdang/contracts';
import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../app/errors.ts';
import { type ApiApp, defineRoute, jsonBody, jsonContent, readDeps, writeDeps } from '../app/http.ts';
import {
  acceptPlanImport,
  discardPlanImport,
  getImportDetail,
  listEvents,
  listImports,
  listReportingDuties,
  uploadPlanImport,
} from './imports.service.ts';

const tags = ['imports'];

/**
 * Names a recursive (lazy) contract schema so the OpenAPI document can refer to it from within
 * itself. Contract schemas are built before @hono/zod-openapi extends zod, so they lack their
 * own `.openapi`; the extension's method is borrowed, and on a lazy schema it records the name
 * on that very schema.
 */
function nameRecursiveSchema(schema: z.ZodType, name: string) {
  const extension = z.ZodType.prototype as unknown as {
    openapi: (this: z.ZodType, refId: string) => unknown;
  };
  extension.openapi.call(schema, name);
}
nameRecursiveSchema(planImportSection, 'PlanImportSection');
nameRecursiveSchema(importSectionInput, 'ImportSectionInput');

const uploadForm = z.object({
  file: z
    .custom<File>((value) => value instanceof File, { message: 'Chưa chọn tệp văn bản để tải lên.' })
    .openapi({ type: 'string', format: 'binary' }),
  orgUnitId: z.coerce
    .number({ message: 'Chưa chọn đơn vị nhận văn bản.' })
    .int({ message: 'Chưa chọn đơn vị nhận văn bản.' })
    .positive({ message: 'Chưa chọn đơn vị nhận văn bản.' }),
});

export function registerImportRoutes(api: ApiApp) {
  // Refuse an oversized upload before reading it whole.
  api.use(
    '/imports',
    bodyLimit({
      maxSize: importRules.maxBytes + 64 * 1024,
      onError: () => {
        throw new AppError('imports.too_large');
      },
    }),
  );

  api.openapi(
    defineRoute('plans.write', {
      method: 'post',
      path: '/imports',
      tags,
      summary:
        'Upload a received plan (.docx, .pdf with a text layer, .txt) for a receiving unit as multipart `file` + `orgUnitId`: it is read and kept for review (201); a document the unit already accepted comes back as that import with `duplicate` set (200)',
      request: {
        body: { required: true, content: { 'multipart/form-data': { schema: uploadForm } } },
      },
      responses: {
        200: jsonContent(importDetail, 'The unit already accepted this document'),
        201: jsonContent(importDetail, 'Read and kept for review'),
      },
    }),
    async (c) => {
      const { file, orgUnitId } = c.req.valid('form');
      const { detail, isNew } = await uploadPlanImport({
        ...writeDeps(c),
        orgUnitId,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return isNew ? c.json(detail, 201) : c.json(detail, 200);
    },
  );

  api.openapi(
    defineRoute('plans.read', {
      method: 'get',
      path: '/imports',
      tags,
      summary: 'Recent uploads of units in my scope (or of one unit and its subtree), newest first',
      request: { query: importListQuery },
      responses: { 200: jsonContent(importList) },
    }),
    async (c) => c.json(await listImports({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('plans.read', {
      method: 'get',
      path: '/imports/{id}',
      tags,
      summary:
        'An upload for review: the text, what was read, the unit names matched to the registry, and the plan already made from the same document',
      request: { params: importIdParam },
      responses: { 200: jsonContent(importDetail) },
    }),
    async (c) => c.json(await getImportDetail({ ...readDeps(c), importId: c.req.valid('param').id }), 200),
  );

  api.openapi(
    defineRoute('plans.write', {
      method: 'post',
      path: '/imports/{id}/accept',
      tags,
      summary:
        'Accept the reviewed document: the issued plan of the receiving unit with its bases, tasks and assignments, events and reporting duties (409 when already accepted)',
      request: { params: importIdParam, body: jsonBody(acceptImportInput) },
      responses: { 201: jsonContent(planDetail, 'The plan made from the document') },
    }),
    async (c) =>
      c.json(
        await acceptPlanImport({
          ...writeDeps(c),
          importId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        201,
      ),
  );

  api.openapi(
    defineRoute('plans.write', {
      method: 'post',
      path: '/imports/{id}/discard',
      tags,
      summary: 'Discard an upload that will not be accepted',
      request: { params: importIdParam },
      responses: { 200: jsonContent(importDetail) },
    }),
    async (c) => c.json(await discardPlanImport({ ...writeDeps(c), importId: c.req.valid('param').id }), 200),
  );

  api.openapi(
    defineRoute('plans.read', {
      method: 'get',
      path: '/events',
      tags: ['calendar'],
      summary:
        'The calendar: campaigns and observances of the issued plans I may read (with orgUnitId, those that unit reads), by date',
      request: { query: eventListQuery },
      responses: { 200: jsonContent(eventList) },
    }),
    async (c) => c.json(await listEvents({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('plans.read', {
      method: 'get',
      path: '/reporting-duties',
      tags: ['calendar'],
      summary: 'Reports units in my scope must send, with the plan that asks for them, by due date',
      request: { query: reportingDutyListQuery },
      responses: { 200: jsonContent(reportingDutyList) },
    }),
    async (c) => c.json(await listReportingDuties({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );
}
