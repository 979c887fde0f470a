import {
  activityCell,
  activityCellQuery,
  reportingIdParam,
  roundActivityCellQuery,
} from '@binhdang/contracts';
import { type ApiApp, defineRoute, jsonContent, readDeps } from '../app/http.ts';
import { getRoundActivityCell, getSubmissionActivityCell } from './reporting.activity-tables.ts';

/* The drill-down of a report's activity tables: the activities behind one number. */

const tags = ['reporting'];

export function registerReportingActivityRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/reporting/submissions/{id}/activity-cells',
      tags,
      summary: "The activities behind one number of a report's activity table (as submitted, once it is)",
      request: { params: reportingIdParam, query: activityCellQuery },
      responses: { 200: jsonContent(activityCell) },
    }),
    async (c) =>
      c.json(
        await getSubmissionActivityCell({
          ...readDeps(c),
          submissionId: c.req.valid('param').id,
          query: c.req.valid('query'),
        }),
        200,
      ),
  );

  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/reporting/rounds/{id}/activity-cells',
      tags,
      summary: "The activities behind one consolidated number, or one reporting unit's part of it",
      request: { params: reportingIdParam, query: roundActivityCellQuery },
      responses: { 200: jsonContent(activityCell) },
    }),
    async (c) =>
      c.json(
        await getRoundActivityCell({
          ...readDeps(c),
          roundId: c.req.valid('param').id,
          query: c.req.valid('query'),
        }),
        200,
      ),
  );
}
