import { auditPage, auditQuery } from '@binhdang/contracts';
import { type ApiApp, defineRoute, jsonContent, requireActor } from '../app/http.ts';
import { listAuditEntries } from './audit.service.ts';

export function registerAuditRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('audit.read', {
      method: 'get',
      path: '/audit',
      tags: ['audit'],
      summary: 'Audit log: sign-ins and every change, newest first',
      request: { query: auditQuery },
      responses: { 200: jsonContent(auditPage) },
    }),
    async (c) =>
      c.json(
        await listAuditEntries({
          db: c.get('deps').db,
          actor: requireActor(c),
          filter: c.req.valid('query'),
        }),
        200,
      ),
  );
}
