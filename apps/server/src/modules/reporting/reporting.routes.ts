import {
  acceptInput,
  consolidation,
  consolidationQuery,
  inbox,
  reportingIdParam,
  reportTemplate,
  returnInput,
  roundCloseInput,
  roundDetail,
  roundInput,
  roundList,
  roundListQuery,
  roundProposalList,
  roundProposalQuery,
  roundReportQuery,
  roundUnitsInput,
  roundUpdateInput,
  submission,
  submissionSaveInput,
  submitInput,
  templateList,
  timelinessQuery,
  unitTimeliness,
} from '@binhdang/contracts';
import { z } from 'zod';
import { type ApiApp, defineRoute, jsonBody, jsonContent, readDeps, writeDeps } from '../app/http.ts';
import { exportRoundReport } from './reporting.report.ts';
import { addRoundUnits, proposeRoundsFromPlan, setRoundClosed, updateRound } from './reporting.rounds.ts';
import {
  createRound,
  getConsolidation,
  getInbox,
  getRound,
  getSubmission,
  getTemplate,
  getUnitTimeliness,
  listRounds,
  listTemplates,
  reviewSubmission,
  saveSubmission,
  submitSubmission,
} from './reporting.service.ts';

const tags = ['reporting'];

export function registerReportingRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/reporting/templates',
      tags,
      summary: 'Report templates, every version',
      responses: { 200: jsonContent(templateList) },
    }),
    async (c) => c.json(await listTemplates(readDeps(c)), 200),
  );

  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/reporting/templates/{id}',
      tags,
      summary: 'A template: narrative outline and appendix tables (rows and columns from the catalogue)',
      request: { params: reportingIdParam },
      responses: { 200: jsonContent(reportTemplate) },
    }),
    async (c) => c.json(await getTemplate({ ...readDeps(c), templateId: c.req.valid('param').id }), 200),
  );

  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/reporting/rounds',
      tags,
      summary: 'Rounds the caller consolidates or reports in, with completeness and timeliness',
      request: { query: roundListQuery },
      responses: { 200: jsonContent(roundList) },
    }),
    async (c) => c.json(await listRounds({ ...readDeps(c), filter: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('rounds.manage', {
      method: 'post',
      path: '/reporting/rounds',
      tags,
      summary: 'Open a round: template, period, cut-off, due date, reporting units, consolidating unit',
      request: { body: jsonBody(roundInput) },
      responses: { 200: jsonContent(roundDetail) },
    }),
    async (c) => c.json(await createRound({ ...writeDeps(c), input: c.req.valid('json') }), 200),
  );

  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/reporting/rounds/{id}',
      tags,
      summary: 'A round with the submissions the caller may see',
      request: { params: reportingIdParam },
      responses: { 200: jsonContent(roundDetail) },
    }),
    async (c) => c.json(await getRound({ ...readDeps(c), roundId: c.req.valid('param').id }), 200),
  );

  api.openapi(
    defineRoute('rounds.manage', {
      method: 'patch',
      path: '/reporting/rounds/{id}',
      tags,
      summary: 'Change an open round: title or due date',
      request: { params: reportingIdParam, body: jsonBody(roundUpdateInput) },
      responses: { 200: jsonContent(roundDetail) },
    }),
    async (c) =>
      c.json(
        await updateRound({ ...writeDeps(c), roundId: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );

  api.openapi(
    defineRoute('rounds.manage', {
      method: 'post',
      path: '/reporting/rounds/{id}/units',
      tags,
      summary: 'Add reporting units to an open round (a draft report each)',
      request: { params: reportingIdParam, body: jsonBody(roundUnitsInput) },
      responses: { 200: jsonContent(roundDetail) },
    }),
    async (c) =>
      c.json(
        await addRoundUnits({
          ...writeDeps(c),
          roundId: c.req.valid('param').id,
          unitIds: c.req.valid('json').unitIds,
        }),
        200,
      ),
  );

  api.openapi(
    defineRoute('rounds.manage', {
      method: 'post',
      path: '/reporting/rounds/{id}/close',
      tags,
      summary: 'Close a round (final: no more submissions, returns or acceptances) or reopen it',
      request: { params: reportingIdParam, body: jsonBody(roundCloseInput) },
      responses: { 200: jsonContent(roundDetail) },
    }),
    async (c) =>
      c.json(
        await setRoundClosed({
          ...writeDeps(c),
          roundId: c.req.valid('param').id,
          closed: c.req.valid('json').closed,
        }),
        200,
      ),
  );

  api.openapi(
    defineRoute('rounds.manage', {
      method: 'get',
      path: '/reporting/round-proposals',
      tags,
      summary: "Rounds a plan's reporting regime asks for, ready to open",
      request: { query: roundProposalQuery },
      responses: { 200: jsonContent(roundProposalList) },
    }),
    async (c) =>
      c.json(await proposeRoundsFromPlan({ ...readDeps(c), planId: c.req.valid('query').planId }), 200),
  );

  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/reporting/rounds/{id}/consolidation',
      tags,
      summary: 'The round consolidated now: appendix sums with per-unit drill-down, narratives unit by unit',
      request: { params: reportingIdParam, query: consolidationQuery },
      responses: { 200: jsonContent(consolidation) },
    }),
    async (c) =>
      c.json(
        await getConsolidation({
          ...readDeps(c),
          roundId: c.req.valid('param').id,
          ...c.req.valid('query'),
        }),
        200,
      ),
  );

  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/reporting/rounds/{id}/report',
      tags,
      summary:
        'The consolidated report as a file: DOCX (Decree 30 "BÁO CÁO", narrative unit by unit, appendix tables) or XLSX (a sheet per appendix table, with a block per unit)',
      request: { params: reportingIdParam, query: roundReportQuery },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const file = await exportRoundReport({
        ...readDeps(c),
        roundId: c.req.valid('param').id,
        include: query.include,
        format: query.format,
      });
      c.header('Content-Type', file.contentType);
      c.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
      c.header('Cache-Control', 'private, no-store');
      return c.body(new Uint8Array(file.bytes), 200);
    },
  );

  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/reporting/inbox',
      tags,
      summary:
        "The reporter's and consolidator's first screen: due, overdue, returned, awaiting review, missing",
      responses: { 200: jsonContent(inbox) },
    }),
    async (c) => c.json(await getInbox(readDeps(c)), 200),
  );

  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/reporting/timeliness',
      tags,
      summary: 'Per reporting unit over the rounds consolidated in a subtree: expected, submitted, on time',
      request: { query: timelinessQuery },
      responses: { 200: jsonContent(unitTimeliness) },
    }),
    async (c) => c.json(await getUnitTimeliness({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('reports.read', {
      method: 'get',
      path: '/reporting/submissions/{id}',
      tags,
      summary: "A unit's report: outline with answers, appendix figures, validation, history",
      request: { params: reportingIdParam },
      responses: { 200: jsonContent(submission) },
    }),
    async (c) => c.json(await getSubmission({ ...readDeps(c), submissionId: c.req.valid('param').id }), 200),
  );

  api.openapi(
    defineRoute('reports.submit', {
      method: 'put',
      path: '/reporting/submissions/{id}',
      tags,
      summary: 'Save the draft (autosave) with the loaded revision; 409 when someone saved meanwhile',
      request: { params: reportingIdParam, body: jsonBody(submissionSaveInput) },
      responses: { 200: jsonContent(submission) },
    }),
    async (c) =>
      c.json(
        await saveSubmission({
          ...writeDeps(c),
          submissionId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  api.openapi(
    defineRoute('reports.submit', {
      method: 'post',
      path: '/reporting/submissions/{id}/submit',
      tags,
      summary: 'Submit (or resubmit after a return); the figures must pass validation',
      request: { params: reportingIdParam, body: jsonBody(submitInput) },
      responses: { 200: jsonContent(submission) },
    }),
    async (c) =>
      c.json(
        await submitSubmission({
          ...writeDeps(c),
          submissionId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  api.openapi(
    defineRoute('rounds.manage', {
      method: 'post',
      path: '/reporting/submissions/{id}/return',
      tags,
      summary: 'Return a submitted report to its unit, with the reason',
      request: { params: reportingIdParam, body: jsonBody(returnInput) },
      responses: { 200: jsonContent(submission) },
    }),
    async (c) =>
      c.json(
        await reviewSubmission({
          ...writeDeps(c),
          submissionId: c.req.valid('param').id,
          decision: 'returned',
          comment: c.req.valid('json').comment,
        }),
        200,
      ),
  );

  api.openapi(
    defineRoute('rounds.manage', {
      method: 'post',
      path: '/reporting/submissions/{id}/accept',
      tags,
      summary: 'Accept a submitted report; it is locked from then on',
      request: { params: reportingIdParam, body: jsonBody(acceptInput) },
      responses: { 200: jsonContent(submission) },
    }),
    async (c) =>
      c.json(
        await reviewSubmission({
          ...writeDeps(c),
          submissionId: c.req.valid('param').id,
          decision: 'accepted',
          comment: c.req.valid('json').comment,
        }),
        200,
      ),
  );
}
