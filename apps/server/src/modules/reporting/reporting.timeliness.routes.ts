import { timelinessMatrix, timelinessMatrixQuery } from '@binhdang/contracts';
import { type ApiApp, defineRoute, jsonContent, readDeps } from '../app/http.ts';
import { getTimelinessMatrix } from './reporting.timeliness.ts';

export function registerReportingTimelinessRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/reporting/timeliness/matrix',
      tags: ['reporting'],
      summary:
        'Unit × round over years: on time, late, awaiting review, returned, missing, not expected; with rates',
      request: { query: timelinessMatrixQuery },
      responses: { 200: jsonContent(timelinessMatrix) },
    }),
    async (c) => c.json(await getTimelinessMatrix({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );
}
