import {
  catalogue,
  csvImportInput,
  csvImportResult,
  dataElement,
  dataElementInput,
  entryForm,
  entryFormQuery,
  indicator,
  indicatorInput,
  progress,
  progressQuery,
  targetInput,
  targetList,
  targetListQuery,
  targetWriteResult,
  valueHistory,
  valueHistoryQuery,
  valueList,
  valueListQuery,
  valuesWriteInput,
  valuesWriteResult,
} from '@binhdang/contracts';
import { z } from 'zod';
import { AppError } from '../app/errors.ts';
import { type ApiApp, defineRoute, jsonBody, jsonContent, readDeps, writeDeps } from '../app/http.ts';
import { progressWorkbook } from './indicators.export.ts';
import {
  createDataElement,
  createIndicator,
  getCatalogue,
  getEntryForm,
  getProgress,
  getValueHistory,
  importValuesCsv,
  listTargets,
  listValues,
  setTarget,
  writeValues,
} from './indicators.service.ts';

const tags = ['indicators'];
const MAX_CSV_BYTES = 5 * 1024 * 1024;

export function registerIndicatorRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('figures.read', {
      method: 'get',
      path: '/indicators/catalogue',
      tags,
      summary: 'The catalogue: disaggregations, data elements, entry forms, indicators, validation rules',
      responses: { 200: jsonContent(catalogue) },
    }),
    async (c) => c.json(await getCatalogue(readDeps(c)), 200),
  );

  api.openapi(
    defineRoute('catalogue.manage', {
      method: 'post',
      path: '/indicators/catalogue/data-elements',
      tags,
      summary: 'Add a data element (system administrator)',
      request: { body: jsonBody(dataElementInput) },
      responses: { 200: jsonContent(dataElement) },
    }),
    async (c) => c.json(await createDataElement({ ...writeDeps(c), input: c.req.valid('json') }), 200),
  );

  api.openapi(
    defineRoute('catalogue.manage', {
      method: 'post',
      path: '/indicators/catalogue/indicators',
      tags,
      summary: 'Add an indicator as a formula over data elements (system administrator)',
      request: { body: jsonBody(indicatorInput) },
      responses: { 200: jsonContent(indicator) },
    }),
    async (c) => c.json(await createIndicator({ ...writeDeps(c), input: c.req.valid('json') }), 200),
  );

  api.openapi(
    defineRoute('figures.read', {
      method: 'get',
      path: '/indicators/targets',
      tags,
      summary: 'Targets: national, or those in effect for a unit (own, else inherited from above)',
      request: { query: targetListQuery },
      responses: { 200: jsonContent(targetList) },
    }),
    async (c) => c.json(await listTargets({ ...readDeps(c), filter: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('targets.manage', {
      method: 'put',
      path: '/indicators/targets',
      tags,
      summary: "Set (or with value null remove) a unit's or the national target of an indicator for a year",
      request: { body: jsonBody(targetInput) },
      responses: { 200: jsonContent(targetWriteResult) },
    }),
    async (c) => c.json(await setTarget({ ...writeDeps(c), input: c.req.valid('json') }), 200),
  );

  api.openapi(
    defineRoute('figures.read', {
      method: 'get',
      path: '/indicators/entry',
      tags,
      summary: 'An entry form for a unit and period: rows, columns, stored values and validation',
      request: { query: entryFormQuery },
      responses: { 200: jsonContent(entryForm) },
    }),
    async (c) => c.json(await getEntryForm({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('figures.read', {
      method: 'get',
      path: '/indicators/values',
      tags,
      summary: 'Stored figures of a unit (and its subtree)',
      request: { query: valueListQuery },
      responses: { 200: jsonContent(valueList) },
    }),
    async (c) => c.json(await listValues({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('figures.write', {
      method: 'post',
      path: '/indicators/values',
      tags,
      summary: 'Write figures in bulk: all or nothing, validated, with history',
      request: { body: jsonBody(valuesWriteInput) },
      responses: {
        200: jsonContent(valuesWriteResult),
        422: jsonContent(
          z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
          'Validation failed',
        ),
      },
    }),
    async (c) => c.json(await writeValues({ ...writeDeps(c), input: c.req.valid('json') }), 200),
  );

  api.openapi(
    defineRoute('figures.write', {
      method: 'post',
      path: '/indicators/values/csv',
      tags,
      summary:
        'Import figures from CSV (data_element,org_unit,period,disaggregation,value,comment): all or nothing',
      request: {
        // Also accepted: `application/json` with csvImportInput ({ csv, dryRun }), parsed in the
        // handler (declaring it here would make the JSON validator run on text/csv bodies too).
        body: { required: true, content: { 'text/csv': { schema: z.string() } } },
      },
      responses: { 200: jsonContent(csvImportResult) },
    }),
    async (c) => {
      const isJson = c.req.header('content-type')?.startsWith('application/json');
      const raw = await c.req.text();
      if (raw.length > MAX_CSV_BYTES * 2) throw new AppError('request.too_large');
      let text = raw;
      let dryRun = false;
      if (isJson) {
        const parsed = csvImportInput.safeParse(JSON.parse(raw));
        if (!parsed.success) {
          const issues = parsed.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            message: issue.message,
          }));
          throw new AppError('request.invalid', { issues });
        }
        ({ csv: text, dryRun } = parsed.data);
      }
      const result = await importValuesCsv({ ...writeDeps(c), text, dryRun });
      return c.json(result, 200);
    },
  );

  api.openapi(
    defineRoute('figures.read', {
      method: 'get',
      path: '/indicators/values/history',
      tags,
      summary: 'Every change of one figure, newest first',
      request: { query: valueHistoryQuery },
      responses: { 200: jsonContent(valueHistory) },
    }),
    async (c) => c.json(await getValueHistory({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('figures.read', {
      method: 'get',
      path: '/indicators/progress',
      tags,
      summary: "Each indicator's value per year for a unit's subtree (and merged units) against its targets",
      request: { query: progressQuery },
      responses: { 200: jsonContent(progress) },
    }),
    async (c) => c.json(await getProgress({ ...readDeps(c), query: c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('figures.read', {
      method: 'get',
      path: '/indicators/progress/xlsx',
      tags,
      summary: 'The progress table as XLSX',
      request: { query: progressQuery },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const data = await getProgress({ ...readDeps(c), query: c.req.valid('query') });
      const bytes = await progressWorkbook(data);
      const name = `tien-do-chi-tieu-${data.orgUnit.code}-${data.from}-${data.to}.xlsx`;
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('Content-Disposition', `attachment; filename="${name}"`);
      c.header('Cache-Control', 'private, no-store');
      return c.body(new Uint8Array(bytes), 200);
    },
  );
}
