import {
  notification,
  notificationIdParam,
  notificationList,
  notificationListQuery,
  outboxList,
  outboxQuery,
} from '@binhdang/contracts';
import { type ApiApp, defineRoute, jsonContent, requireActor } from '../app/http.ts';
import { createMailer } from './notifications.mail.ts';
import { listNotifications, listOutbox, readNotification } from './notifications.service.ts';

const tags = ['notifications'];

export function registerNotificationRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('session', {
      method: 'get',
      path: '/notifications',
      tags,
      summary: 'My notices (reminders, returned and accepted reports), unread first',
      request: { query: notificationListQuery },
      responses: { 200: jsonContent(notificationList) },
    }),
    async (c) =>
      c.json(
        await listNotifications({
          db: c.get('deps').db,
          actor: requireActor(c),
          query: c.req.valid('query'),
        }),
        200,
      ),
  );

  api.openapi(
    defineRoute('session', {
      method: 'post',
      path: '/notifications/{id}/read',
      tags,
      summary: 'Mark one of my notices read',
      request: { params: notificationIdParam },
      responses: { 200: jsonContent(notification) },
    }),
    async (c) => {
      const { db, clock } = c.get('deps');
      return c.json(
        await readNotification({
          db,
          clock,
          actor: requireActor(c),
          notificationId: c.req.valid('param').id,
        }),
        200,
      );
    },
  );

  api.openapi(
    defineRoute('audit.read', {
      method: 'get',
      path: '/outbox',
      tags,
      summary: 'E-mails queued, sent or (in demo, without SMTP) kept unsent: what would be sent',
      request: { query: outboxQuery },
      responses: { 200: jsonContent(outboxList) },
    }),
    async (c) => {
      const { db, config, mailer } = c.get('deps');
      return c.json(
        await listOutbox({
          db,
          actor: requireActor(c),
          mailer: mailer ?? createMailer(config),
          query: c.req.valid('query'),
        }),
        200,
      );
    },
  );
}
