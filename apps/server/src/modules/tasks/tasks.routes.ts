import {
  attachment,
  attachmentRules,
  taskList,
  taskListQuery,
  taskProgressDetail,
  taskUnitParam,
  updateProgressInput,
} from '@binhdang/contracts';
import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../app/errors.ts';
import {
  type ApiApp,
  defineRoute,
  jsonBody,
  jsonContent,
  readDeps,
  requestMeta,
  requireActor,
} from '../app/http.ts';
import { checkAttachment } from './tasks.files.ts';
import {
  addTaskAttachment,
  getTaskProgress,
  listTasks,
  readTaskAttachment,
  updateTaskProgress,
} from './tasks.service.ts';

const tags = ['tasks'];

const attachmentIdParam = z.object({ id: z.coerce.number().int().positive() });

export function registerTaskRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('plans.read', {
      method: 'get',
      path: '/tasks',
      tags,
      summary:
        "Tasks of issued plans assigned to units in my scope: all, open, overdue or due soon (my tasks, the year's timeline)",
      request: { query: taskListQuery },
      responses: { 200: jsonContent(taskList) },
    }),
    async (c) => c.json(await listTasks({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('plans.read', {
      method: 'get',
      path: '/tasks/{taskId}/units/{unitId}',
      tags,
      summary: 'A task as one assigned unit carries it: progress, evidence and history',
      request: { params: taskUnitParam },
      responses: { 200: jsonContent(taskProgressDetail) },
    }),
    async (c) => c.json(await getTaskProgress({ ...readDeps(c), ...c.req.valid('param') }), 200),
  );

  api.openapi(
    defineRoute('tasks.progress', {
      method: 'put',
      path: '/tasks/{taskId}/units/{unitId}',
      tags,
      summary: 'Record progress (refused with 409 when the revision is not the latest)',
      request: { params: taskUnitParam, body: jsonBody(updateProgressInput) },
      responses: { 200: jsonContent(taskProgressDetail) },
    }),
    async (c) =>
      c.json(
        await updateTaskProgress({
          ...readDeps(c),
          meta: requestMeta(c),
          ...c.req.valid('param'),
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  // Refuse an oversized upload before reading it whole.
  api.use(
    '/tasks/:taskId/units/:unitId/attachments',
    bodyLimit({
      maxSize: attachmentRules.maxBytes + 64 * 1024,
      onError: () => {
        throw new AppError('attachments.too_large');
      },
    }),
  );

  api.openapi(
    defineRoute('tasks.progress', {
      method: 'post',
      path: '/tasks/{taskId}/units/{unitId}/attachments',
      tags,
      summary:
        'Attach an evidence file (PDF, Word, Excel, JPG/PNG, TXT; 10 MB at most) as multipart field `file`',
      request: {
        params: taskUnitParam,
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                file: z
                  .custom<File>((value) => value instanceof File, { message: 'Chưa chọn tệp để tải lên.' })
                  .openapi({ type: 'string', format: 'binary' }),
              }),
            },
          },
        },
      },
      responses: { 201: jsonContent(attachment) },
    }),
    async (c) => {
      const { file } = c.req.valid('form');
      const checked = checkAttachment(file.name, new Uint8Array(await file.arrayBuffer()));
      const saved = await addTaskAttachment({
        ...readDeps(c),
        meta: requestMeta(c),
        config: c.get('deps').config,
        ...c.req.valid('param'),
        file: checked,
      });
      return c.json(saved, 201);
    },
  );

  api.openapi(
    defineRoute('plans.read', {
      method: 'get',
      path: '/attachments/{id}',
      tags,
      summary: 'Download an evidence file, for readers of the task it belongs to',
      request: { params: attachmentIdParam },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const file = await readTaskAttachment({
        db,
        actor: requireActor(c),
        config: c.get('deps').config,
        attachmentId: c.req.valid('param').id,
      });
      c.header('Content-Type', file.contentType);
      c.header(
        'Content-Disposition',
        `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Cache-Control', 'private, no-store');
      return c.body(new Uint8Array(file.bytes), 200);
    },
  );
}
