import {
  activity,
  activityDeleteQuery,
  activityFile,
  activityIdParam,
  activityImportResult,
  activityImportRules,
  activityInput,
  activityLinks,
  activityLinksQuery,
  activityList,
  activityListQuery,
  activityUpdateInput,
  attachmentRules,
  calendar,
  calendarQuery,
  campaign,
  campaignInput,
  campaignList,
  campaignListQuery,
  campaignUpdateInput,
} from '@binhdang/contracts';
import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../app/errors.ts';
import {
  type ApiApp,
  type AppContext,
  defineRoute,
  jsonBody,
  jsonContent,
  readDeps,
  writeDeps,
} from '../app/http.ts';
import { checkAttachment } from '../tasks/tasks.files.ts';
import { calendarToIcs, getCalendar } from './activities.calendar.ts';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from './activities.campaigns.ts';
import {
  addActivityFile,
  createActivity,
  deleteActivity,
  getActivity,
  getActivityLinks,
  listActivities,
  readActivityFile,
  updateActivity,
} from './activities.service.ts';
import { buildActivityTemplate, importActivities } from './activities.xlsx.ts';

const tags = ['activities'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fileField = z
  .custom<File>((value) => value instanceof File, { message: 'Chưa chọn tệp để tải lên.' })
  .openapi({ type: 'string', format: 'binary' });

function sendFile(c: AppContext, file: { bytes: Uint8Array; fileName: string; contentType: string }) {
  c.header('Content-Type', file.contentType);
  c.header(
    'Content-Disposition',
    `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  );
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Cache-Control', 'private, no-store');
  return c.body(new Uint8Array(file.bytes), 200);
}

const binary = (description: string, type = 'application/octet-stream') => ({
  description,
  content: { [type]: { schema: z.string().meta({ format: 'binary' }) } },
});

export function registerActivityRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('activities.read', {
      method: 'get',
      path: '/activities',
      tags,
      summary:
        'Activities I read, filtered by unit (and subtree), period, kind, campaign or task; totals over all matches',
      request: { query: activityListQuery },
      responses: { 200: jsonContent(activityList) },
    }),
    async (c) => c.json(await listActivities({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('activities.write', {
      method: 'post',
      path: '/activities',
      tags,
      summary: 'Log an activity of a unit in my scope (links checked against what the unit carries)',
      request: { body: jsonBody(activityInput) },
      responses: { 201: jsonContent(activity) },
    }),
    async (c) => c.json(await createActivity({ ...writeDeps(c), input: c.req.valid('json') }), 201),
  );

  api.openapi(
    defineRoute('activities.read', {
      method: 'get',
      path: '/activities/links',
      tags,
      summary: "What a unit's activity may be linked to: plan tasks, campaigns and observances, places",
      request: { query: activityLinksQuery },
      responses: { 200: jsonContent(activityLinks) },
    }),
    async (c) => c.json(await getActivityLinks({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('activities.write', {
      method: 'get',
      path: '/activities/template.xlsx',
      tags,
      summary: 'The XLSX template for bulk entry, with Vietnamese headers and a sheet of codes',
      responses: { 200: binary('The workbook', XLSX_TYPE) },
    }),
    async (c) =>
      sendFile(c, {
        bytes: await buildActivityTemplate(),
        fileName: 'Mau-nhap-hoat-dong.xlsx',
        contentType: XLSX_TYPE,
      }),
  );

  api.use(
    '/activities/import',
    bodyLimit({
      maxSize: activityImportRules.maxBytes + 64 * 1024,
      onError: () => {
        throw new AppError('request.too_large');
      },
    }),
  );

  api.openapi(
    defineRoute('activities.write', {
      method: 'post',
      path: '/activities/import',
      tags,
      summary:
        'Import a filled template (multipart `file`, `orgUnitId`, `confirmDuplicate`): every row or none; bad rows are listed by row and column (422)',
      request: {
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                file: fileField,
                orgUnitId: z.coerce.number().int().positive(),
                confirmDuplicate: z
                  .enum(['true', 'false'])
                  .default('false')
                  .transform((value) => value === 'true'),
              }),
            },
          },
        },
      },
      responses: { 200: jsonContent(activityImportResult) },
    }),
    async (c) => {
      const form = c.req.valid('form');
      const bytes = new Uint8Array(await form.file.arrayBuffer());
      if (bytes.byteLength === 0) throw new AppError('attachments.missing_file');
      // An XLSX is a zip archive; anything else is refused before it is parsed.
      if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new AppError('activities.import_unreadable');
      return c.json(
        await importActivities({
          ...writeDeps(c),
          orgUnitId: form.orgUnitId,
          fileName: form.file.name.normalize('NFC').slice(-200),
          bytes,
          confirmDuplicate: form.confirmDuplicate,
        }),
        200,
      );
    },
  );

  api.openapi(
    defineRoute('activities.read', {
      method: 'get',
      path: '/activities/{id}',
      tags,
      summary: 'An activity with its tasks, campaign, participants and files',
      request: { params: activityIdParam },
      responses: { 200: jsonContent(activity) },
    }),
    async (c) => c.json(await getActivity({ ...readDeps(c), activityId: c.req.valid('param').id }), 200),
  );

  api.openapi(
    defineRoute('activities.write', {
      method: 'put',
      path: '/activities/{id}',
      tags,
      summary: 'Save the whole activity (409 when the revision is not the latest)',
      request: { params: activityIdParam, body: jsonBody(activityUpdateInput) },
      responses: { 200: jsonContent(activity) },
    }),
    async (c) =>
      c.json(
        await updateActivity({
          ...writeDeps(c),
          activityId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  api.openapi(
    defineRoute('activities.write', {
      method: 'delete',
      path: '/activities/{id}',
      tags,
      summary: 'Delete an activity (kept for the reports that counted it; 409 when the revision is stale)',
      request: { params: activityIdParam, query: activityDeleteQuery },
      responses: { 200: jsonContent(z.object({ deleted: z.literal(true) })) },
    }),
    async (c) =>
      c.json(
        await deleteActivity({
          ...writeDeps(c),
          activityId: c.req.valid('param').id,
          revision: c.req.valid('query').revision,
        }),
        200,
      ),
  );

  api.use(
    '/activities/:id/files',
    bodyLimit({
      maxSize: attachmentRules.maxBytes + 64 * 1024,
      onError: () => {
        throw new AppError('attachments.too_large');
      },
    }),
  );

  api.openapi(
    defineRoute('activities.write', {
      method: 'post',
      path: '/activities/{id}/files',
      tags,
      summary:
        'Attach a file or photo (PDF, Word, Excel, JPG/PNG, TXT; 10 MB at most) as multipart field `file`',
      request: {
        params: activityIdParam,
        body: {
          required: true,
          content: { 'multipart/form-data': { schema: z.object({ file: fileField }) } },
        },
      },
      responses: { 201: jsonContent(activityFile) },
    }),
    async (c) => {
      const { file } = c.req.valid('form');
      const checked = checkAttachment(file.name, new Uint8Array(await file.arrayBuffer()));
      const saved = await addActivityFile({
        ...writeDeps(c),
        config: c.get('deps').config,
        activityId: c.req.valid('param').id,
        file: checked,
      });
      return c.json(saved, 201);
    },
  );

  api.openapi(
    defineRoute('activities.read', {
      method: 'get',
      path: '/activity-files/{id}',
      tags,
      summary: "Download an activity's file, for readers of the activity",
      request: { params: activityIdParam },
      responses: { 200: binary('The file') },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const file = await readActivityFile({
        db,
        actor: readDeps(c).actor,
        config: c.get('deps').config,
        fileId: c.req.valid('param').id,
      });
      return sendFile(c, file);
    },
  );

  /* ------------------------------------------------------------------ campaigns */

  api.openapi(
    defineRoute('activities.read', {
      method: 'get',
      path: '/campaigns',
      tags,
      summary:
        "The year's national observances (made on first request) and the campaigns I read, with results",
      request: { query: campaignListQuery },
      responses: { 200: jsonContent(campaignList) },
    }),
    async (c) => c.json(await listCampaigns({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('activities.write', {
      method: 'post',
      path: '/campaigns',
      tags,
      summary:
        "A unit's campaign: its part in an observance or its own, with the plan it comes from and its launch",
      request: { body: jsonBody(campaignInput) },
      responses: { 201: jsonContent(campaign) },
    }),
    async (c) => c.json(await createCampaign({ ...writeDeps(c), input: c.req.valid('json') }), 201),
  );

  api.openapi(
    defineRoute('activities.read', {
      method: 'get',
      path: '/campaigns/{id}',
      tags,
      summary: 'A campaign with its results, its plan tasks and events',
      request: { params: activityIdParam },
      responses: { 200: jsonContent(campaign) },
    }),
    async (c) => c.json(await getCampaign({ ...readDeps(c), campaignId: c.req.valid('param').id }), 200),
  );

  api.openapi(
    defineRoute('activities.write', {
      method: 'put',
      path: '/campaigns/{id}',
      tags,
      summary: "Change a unit's campaign (409 when the revision is stale; observances are fixed)",
      request: { params: activityIdParam, body: jsonBody(campaignUpdateInput) },
      responses: { 200: jsonContent(campaign) },
    }),
    async (c) =>
      c.json(
        await updateCampaign({
          ...writeDeps(c),
          campaignId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  /* ------------------------------------------------------------------- calendar */

  api.openapi(
    defineRoute('activities.read', {
      method: 'get',
      path: '/calendar',
      tags,
      summary:
        "A unit's year: activities, observances and campaigns, plan events, task deadlines, reporting duties, report due days",
      request: { query: calendarQuery },
      responses: { 200: jsonContent(calendar) },
    }),
    async (c) => c.json(await getCalendar({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('activities.read', {
      method: 'get',
      path: '/calendar.ics',
      tags,
      summary: 'The same calendar as iCalendar (RFC 5545), for a phone or Outlook',
      request: { query: calendarQuery },
      responses: { 200: binary('The calendar', 'text/calendar') },
    }),
    async (c) => {
      const deps = readDeps(c);
      const result = await getCalendar({ ...deps, query: c.req.valid('query') });
      const text = calendarToIcs(result, { now: deps.clock(), host: 'binhdang' });
      c.header('Content-Type', 'text/calendar; charset=utf-8');
      c.header(
        'Content-Disposition',
        `attachment; filename="lich-cong-tac-${result.year}-${result.orgUnit.code.replace(/[^A-Za-z0-9-]/g, '_')}.ics"`,
      );
      c.header('Cache-Control', 'private, no-store');
      return c.body(text, 200);
    },
  );
}
