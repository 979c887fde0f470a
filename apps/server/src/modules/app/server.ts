import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { errorCatalogue } from '@binhdang/contracts';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { sql } from 'kysely';
import { z } from 'zod';
import { registerActivityRoutes } from '../activities/activities.routes.ts';
import { registerAuditRoutes } from '../audit/audit.routes.ts';
import { registerAuthRoutes } from '../auth/auth.routes.ts';
import { registerCommunityModelRoutes } from '../community-models/community-models.routes.ts';
import { registerImportRoutes } from '../imports/imports.routes.ts';
import { registerIndicatorRoutes } from '../indicators/indicators.routes.ts';
import { registerLegalDocumentRoutes } from '../legal-documents/legal-documents.routes.ts';
import { registerNotificationRoutes } from '../notifications/notifications.routes.ts';
import { registerOrgUnitRoutes } from '../org-units/org-units.routes.ts';
import { registerPlanRoutes } from '../plans/plans.routes.ts';
import { registerReportingActivityRoutes } from '../reporting/reporting.activity-routes.ts';
import { registerReportingRoutes } from '../reporting/reporting.routes.ts';
import { registerReportTemplateRoutes } from '../reporting/reporting.templates.routes.ts';
import { registerReportingTimelinessRoutes } from '../reporting/reporting.timeliness.routes.ts';
import { registerTaskRoutes } from '../tasks/tasks.routes.ts';
import { registerUserRoutes } from '../users/users.routes.ts';
import { type AppDeps, createApiApp, defineRoute, jsonContent } from './http.ts';

const healthOutput = z.object({
  status: z.literal('ok'),
  engine: z.enum(['embedded', 'server']),
  demo: z.boolean(),
});

/** The API with every module's routes, and the OpenAPI document generated from the same schemas. */
export function createApi(deps: AppDeps & { engine: 'embedded' | 'server' }) {
  const api = createApiApp(deps);

  api.openapi(
    defineRoute('public', {
      method: 'get',
      path: '/health',
      tags: ['system'],
      summary: 'Liveness: the database answers',
      responses: { 200: jsonContent(healthOutput) },
    }),
    async (c) => {
      await sql`select 1`.execute(deps.db);
      return c.json({ status: 'ok' as const, engine: deps.engine, demo: deps.config.demo }, 200);
    },
  );
  registerAuthRoutes(api);
  registerOrgUnitRoutes(api);
  registerUserRoutes(api);
  registerAuditRoutes(api);
  registerLegalDocumentRoutes(api);
  registerPlanRoutes(api);
  registerTaskRoutes(api);
  registerImportRoutes(api);
  registerIndicatorRoutes(api);
  registerReportingRoutes(api);
  registerReportTemplateRoutes(api);
  registerReportingTimelinessRoutes(api);
  registerCommunityModelRoutes(api);
  registerNotificationRoutes(api);
  registerActivityRoutes(api);
  registerReportingActivityRoutes(api);

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'binhdang API',
      version: '0.1.0',
      description:
        'Kế hoạch, phân công, theo dõi và báo cáo công tác bình đẳng giới. Errors are {"error":{"code","message"}} with the message in Vietnamese; writes with a session need the X-CSRF-Token header.',
    },
    servers: [{ url: '/api' }],
  });
  return api;
}

/** API under /api, the built web app everywhere else (index.html for client-side routes). */
export function createServerApp(deps: AppDeps & { engine: 'embedded' | 'server' }) {
  const app = new Hono();
  app.use('*', compress());
  app.route('/api', createApi(deps));
  serveWebApp(app, deps.config.webDistDir);
  return app;
}

/**
 * The same app while the database is still being opened, migrated and (in demo) seeded: the web
 * app is served at once, and API requests wait for `api` (a fresh embedded database takes
 * seconds to initialise; the first visit should not). A failed start fails them with 503.
 */
export function createStartingServerApp(
  webDistDir: string,
  api: Promise<ReturnType<typeof createApi>>,
): Hono {
  const app = new Hono();
  app.use('*', compress());
  app.mount('/api', async (request, env, executionContext) => {
    try {
      return await (await api).fetch(request, env, executionContext);
    } catch {
      const { status, vi } = errorCatalogue['request.unavailable'];
      return Response.json({ error: { code: 'request.unavailable', message: vi } }, { status });
    }
  });
  serveWebApp(app, webDistDir);
  return app;
}

function serveWebApp(app: Hono, webDir: string) {
  if (existsSync(path.join(webDir, 'index.html'))) {
    const root = path.relative(process.cwd(), webDir) || '.';
    app.use(
      '/assets/*',
      serveStatic({
        root,
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    );
    app.use('*', serveStatic({ root }));
    let indexHtml: string | null = null;
    app.get('*', async (c) => {
      indexHtml ??= await readFile(path.join(webDir, 'index.html'), 'utf8');
      c.header('Cache-Control', 'no-cache');
      return c.html(indexHtml);
    });
  } else {
    app.get('/', (c) => c.text('Web app not built: run `npm run build` (npm start does it).', 503));
  }
}

export function listen(app: Hono, port: number, host: string) {
  return new Promise<ReturnType<typeof serve>>((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(server));
  });
}
