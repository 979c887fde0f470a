import { draftAcceptInput, foldForSearch, type ImportDetail, type Role, roles } from '@binhdang/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readPlanFixture, textFile, uploadForm } from './import-fixtures.ts';
import { evidenceFile, firstTaskId, makePlan } from './plan-fixtures.ts';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestClient } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

/**
 * Every API route × every role × a unit in and out of the role's scope. Roles are granted on
 * Tỉnh Lai Châu (code 12); "out of scope" targets live in Hà Nội (code 01). A route missing
 * from `rules` fails the first test, so a new route cannot ship without a rule.
 */

type Scope = 'in' | 'out';
type Expectation = 'allow' | 'deny';

interface RequestSpec {
  method: string;
  path: string;
  body?: unknown;
}

interface Rule {
  /** Who may call it, per role, for a target in / out of scope. */
  expect: (role: Role, scope: Scope) => Expectation;
  /** Builds a fresh request (fresh target units, users) for one call; `role`: the caller's (absent: no session). */
  build: (ctx: Ctx, scope: Scope, role?: Role) => Promise<RequestSpec>;
  /** Public routes are callable without a session. */
  isPublic?: boolean;
  /** Calls that end or change the caller's own session get a client of their own. */
  needsOwnClient?: boolean;
}

interface Ctx {
  app: TestApp;
  newUnit(scope: Scope): Promise<number>;
  newUser(scope: Scope): Promise<{ userId: number; grantId: number }>;
  /** A plan of the province (in) or of Hà Nội (out) with one task for a new unit there. */
  newPlan(
    scope: Scope,
    issue?: boolean,
  ): Promise<{ planId: number; taskId: number; unitId: number; revision: number }>;
  newAttachment(scope: Scope): Promise<number>;
  /** A pending upload of the seed plan for a new unit of the province (in) or of Hà Nội (out). */
  newImport(scope: Scope): Promise<ImportDetail>;
}

const adminsOnly = (role: Role, scope: Scope): Expectation =>
  role === 'system_admin' || (role === 'unit_admin' && scope === 'in') ? 'allow' : 'deny';
const anyRoleInScope = (role: Role, scope: Scope): Expectation =>
  role === 'system_admin' || scope === 'in' ? 'allow' : 'deny';
const anySession = (): Expectation => 'allow';
const planWriters = (role: Role, scope: Scope): Expectation =>
  role === 'system_admin' || (role !== 'viewer' && scope === 'in') ? 'allow' : 'deny';
const planIssuers = (role: Role, scope: Scope): Expectation =>
  role === 'system_admin' || (['unit_admin', 'planner'].includes(role) && scope === 'in') ? 'allow' : 'deny';
const systemAdminOnly = (role: Role): Expectation => (role === 'system_admin' ? 'allow' : 'deny');
const anyWriter = (role: Role): Expectation => (role === 'viewer' ? 'deny' : 'allow');
const adminRoles = (role: Role): Expectation =>
  role === 'system_admin' || role === 'unit_admin' ? 'allow' : 'deny';

const parentCode = (scope: Scope) => (scope === 'in' ? '12' : '01');
const today = '2026-11-22';

/** A round of the province (in) or of Hà Nội (out) with one submission of a new unit there. */
const templateContent = {
  name: 'Báo cáo chuyên đề thử nghiệm',
  kind: 'ad_hoc',
  periodType: 'any',
  outline: [{ key: '1', level: 1, title: 'I. Kết quả thực hiện', guidance: null }],
  tables: [
    { kind: 'figures', code: 'PL01', title: 'Phụ lục 01. Truyền thông', dataElements: ['TT_SO_CUOC'] },
  ],
};

/** A template family of its own (version 1, current) for one call. */
async function newTemplate(ctx: Ctx) {
  const code = `THU_${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  return ctx.app.db
    .insertInto('report_templates')
    .values({
      code,
      kind: 'ad_hoc',
      name: 'Mẫu thử',
      period_type: 'any',
      outline: JSON.stringify(templateContent.outline),
      tables: JSON.stringify([{ code: 'PL01', title: 'Phụ lục 01', dataElements: ['TT_SO_CUOC'] }]),
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
}

/** A model in the register of a new unit of the province (in) or of Hà Nội (out), at revision 0. */
async function newModel(ctx: Ctx, scope: Scope, withYear?: number) {
  const model = await ctx.app.db
    .insertInto('community_models')
    .values({
      org_unit_id: await ctx.newUnit(scope),
      kind: 'domestic_violence_club',
      name: 'Câu lạc bộ phòng, chống bạo lực gia đình',
      search_name: 'cau lac bo phong, chong bao luc gia dinh',
      place_unit_id: null,
      established_on: null,
      managing_organisation: null,
      notes: null,
      created_by: null,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (withYear)
    await ctx.app.db
      .insertInto('community_model_years')
      .values({
        model_id: model.id,
        year: withYear,
        status: 'active',
        members_male: 3,
        members_female: 12,
        members_kinh: null,
        members_minority: null,
        notes: null,
        updated_by: null,
      })
      .execute();
  return model.id;
}

async function newSubmission(ctx: Ctx, scope: Scope, status: 'draft' | 'submitted' = 'draft') {
  const db = ctx.app.db;
  const unitId = await ctx.newUnit(scope);
  const template = await db
    .selectFrom('report_templates')
    .select('id')
    .where('code', '=', 'BDG_NAM')
    .executeTakeFirstOrThrow();
  const creator = await db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
  const round = await db
    .insertInto('report_rounds')
    .values({
      template_id: template.id,
      consolidating_unit_id: await ctx.app.unitId(parentCode(scope)),
      title: 'Đợt báo cáo thử',
      period: '2026',
      cut_off_from: '2025-12-15',
      cut_off_to: '2026-12-14',
      due_on: '2026-12-01',
      due_at: new Date('2026-12-01T17:00:00Z'),
      created_by: creator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const submittedAt = status === 'draft' ? null : new Date('2026-11-20T03:00:00Z');
  const submission = await db
    .insertInto('report_submissions')
    .values({
      round_id: round.id,
      org_unit_id: unitId,
      status,
      first_submitted_at: submittedAt,
      submitted_at: submittedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { roundId: round.id, submissionId: submission.id, unitId };
}

/** An activity of a new unit of the province (in) or of Hà Nội (out), revision 1. */
async function newActivity(ctx: Ctx, scope: Scope): Promise<number> {
  const unitId = await ctx.newUnit(scope);
  const row = await ctx.app.db
    .insertInto('activities')
    .values({
      org_unit_id: unitId,
      kind: 'talk',
      title: 'Tọa đàm thử',
      starts_on: '2026-10-20',
      ends_on: '2026-10-20',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A campaign of a new unit of the province (in) or of Hà Nội (out), revision 1. */
async function newCampaign(ctx: Ctx, scope: Scope): Promise<number> {
  const unitId = await ctx.newUnit(scope);
  const row = await ctx.app.db
    .insertInto('campaigns')
    .values({
      org_unit_id: unitId,
      year: 2026,
      name: 'Chiến dịch thử',
      starts_on: '2026-11-15',
      ends_on: '2026-12-15',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const activityFields = {
  kind: 'communication',
  title: 'Truyền thông về bình đẳng giới',
  startsOn: '2026-11-18',
  participants: { 'female.minority': 12 },
};

/** A one-row workbook laid out as the activity template. */
async function activityWorkbook(unitId: number): Promise<FormData> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Hoạt động');
  sheet.addRow(['Loại hoạt động', 'Tên hoạt động', 'Từ ngày', 'Nữ – DTTS']);
  sheet.addRow(['TT', `Truyền thông tại đơn vị ${unitId}`, '18/11/2026', 12]);
  const form = new FormData();
  form.append('file', new File([new Uint8Array(await book.xlsx.writeBuffer())], 'hoat-dong.xlsx'));
  form.append('orgUnitId', String(unitId));
  return form;
}

const rules: Record<string, Rule> = {
  'GET /health': {
    isPublic: true,
    expect: anySession,
    build: async () => ({ method: 'GET', path: '/health' }),
  },
  'GET /openapi.json': {
    isPublic: true,
    expect: anySession,
    build: async () => ({ method: 'GET', path: '/openapi.json' }),
  },
  'GET /config': {
    isPublic: true,
    expect: anySession,
    build: async () => ({ method: 'GET', path: '/config' }),
  },
  'POST /auth/login': {
    isPublic: true,
    needsOwnClient: true,
    expect: anySession,
    build: async (ctx) => {
      await ctx.app.createUser(`login${Math.random().toString(36).slice(2, 8)}`, []);
      const row = await ctx.app.db
        .selectFrom('users')
        .select('username')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return {
        method: 'POST',
        path: '/auth/login',
        body: { username: row.username, password: TEST_PASSWORD },
      };
    },
  },
  'GET /auth/session': { expect: anySession, build: async () => ({ method: 'GET', path: '/auth/session' }) },
  'POST /auth/logout': {
    expect: anySession,
    needsOwnClient: true,
    build: async () => ({ method: 'POST', path: '/auth/logout' }),
  },
  'POST /auth/password': {
    expect: anySession,
    needsOwnClient: true,
    build: async () => ({
      method: 'POST',
      path: '/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-123' },
    }),
  },
  'POST /auth/totp/setup': {
    expect: anySession,
    needsOwnClient: true,
    build: async () => ({ method: 'POST', path: '/auth/totp/setup' }),
  },
  // Without a set-up secret the answer is a business error (409), not a denial: the route let the caller in.
  'POST /auth/totp/enable': {
    expect: anySession,
    build: async () => ({ method: 'POST', path: '/auth/totp/enable', body: { code: '123456' } }),
  },
  'POST /auth/totp/disable': {
    expect: anySession,
    build: async () => ({ method: 'POST', path: '/auth/totp/disable', body: { code: '123456' } }),
  },
  'GET /org-units': {
    expect: (role) => (role ? 'allow' : 'deny'),
    build: async () => ({ method: 'GET', path: '/org-units?q=xa' }),
  },
  'GET /org-units/:id': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({ method: 'GET', path: `/org-units/${await ctx.newUnit(scope)}` }),
  },
  'POST /org-units': {
    expect: adminsOnly,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: '/org-units',
      body: {
        code: `t${Math.random().toString(36).slice(2, 10)}`,
        name: 'Trường thử nghiệm',
        kind: 'public_unit',
        parentId: await ctx.app.unitId(parentCode(scope)),
        validFrom: today,
      },
    }),
  },
  'POST /org-units/:id/rename': {
    expect: adminsOnly,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: `/org-units/${await ctx.newUnit(scope)}/rename`,
      body: { name: 'Tên mới', effectiveOn: today },
    }),
  },
  'POST /org-units/:id/close': {
    expect: adminsOnly,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: `/org-units/${await ctx.newUnit(scope)}/close`,
      body: { effectiveOn: today },
    }),
  },
  'POST /org-units/:id/split': {
    expect: adminsOnly,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: `/org-units/${await ctx.newUnit(scope)}/split`,
      body: {
        newUnits: [{ code: `s${Math.random().toString(36).slice(2, 10)}`, name: 'Đơn vị tách' }],
        closeSource: false,
        effectiveOn: today,
      },
    }),
  },
  'POST /org-units/merge': {
    expect: adminsOnly,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: '/org-units/merge',
      body: { sourceIds: [await ctx.newUnit(scope)], targetId: await ctx.newUnit(scope), effectiveOn: today },
    }),
  },
  'GET /users': { expect: adminRoles, build: async () => ({ method: 'GET', path: '/users' }) },
  'GET /users/:id': {
    expect: adminsOnly,
    build: async (ctx, scope) => ({ method: 'GET', path: `/users/${(await ctx.newUser(scope)).userId}` }),
  },
  'POST /users': {
    expect: adminsOnly,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: '/users',
      body: {
        username: `u${Math.random().toString(36).slice(2, 10)}`,
        displayName: 'Người dùng thử',
        password: 'mat-khau-123',
        grants: [{ role: 'reporter', orgUnitId: await ctx.app.unitId(parentCode(scope)) }],
      },
    }),
  },
  'PATCH /users/:id': {
    expect: adminsOnly,
    build: async (ctx, scope) => ({
      method: 'PATCH',
      path: `/users/${(await ctx.newUser(scope)).userId}`,
      body: { displayName: 'Tên hiển thị mới' },
    }),
  },
  'POST /users/:id/password': {
    expect: adminsOnly,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: `/users/${(await ctx.newUser(scope)).userId}/password`,
      body: { newPassword: 'mat-khau-dat-lai' },
    }),
  },
  'POST /users/:id/unlock': {
    expect: adminsOnly,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: `/users/${(await ctx.newUser(scope)).userId}/unlock`,
    }),
  },
  'POST /users/:id/grants': {
    expect: adminsOnly,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: `/users/${(await ctx.newUser(scope)).userId}/grants`,
      body: { role: 'viewer', orgUnitId: await ctx.newUnit(scope) },
    }),
  },
  'DELETE /users/:id/grants/:grantId': {
    expect: adminsOnly,
    build: async (ctx, scope) => {
      const { userId, grantId } = await ctx.newUser(scope);
      return { method: 'DELETE', path: `/users/${userId}/grants/${grantId}` };
    },
  },
  'GET /audit': { expect: adminRoles, build: async () => ({ method: 'GET', path: '/audit' }) },
  'GET /legal-documents': {
    expect: anySession,
    build: async () => ({ method: 'GET', path: '/legal-documents?q=nghi%20quyet' }),
  },
  'POST /legal-documents': {
    expect: anyWriter,
    build: async () => ({
      method: 'POST',
      path: '/legal-documents',
      body: {
        kind: 'Nghị quyết',
        number: '28/NQ-CP',
        issuedOn: '2021-03-03',
        issuer: 'Chính phủ',
        title: null,
      },
    }),
  },
  'GET /plans': { expect: anySession, build: async () => ({ method: 'GET', path: '/plans' }) },
  'POST /plans': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: '/plans',
      body: { orgUnitId: await ctx.newUnit(scope), title: 'Kế hoạch bình đẳng giới năm 2026', year: 2026 },
    }),
  },
  'GET /plans/:id': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/plans/${(await ctx.newPlan(scope, false)).planId}`,
    }),
  },
  'PUT /plans/:id': {
    expect: planWriters,
    build: async (ctx, scope) => {
      const { planId, revision } = await ctx.newPlan(scope, false);
      return {
        method: 'PUT',
        path: `/plans/${planId}`,
        body: {
          revision,
          title: 'Kế hoạch đã sửa',
          year: 2026,
          symbol: null,
          place: null,
          basisIds: [],
          purpose: '',
          budget: '',
          implementation: '',
          reportingRegime: '',
          recipients: [],
          signer: { authority: null, deputy: null, position: null, name: null },
          cascadeDueOn: null,
          items: [],
        },
      };
    },
  },
  'DELETE /plans/:id': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'DELETE',
      path: `/plans/${(await ctx.newPlan(scope, false)).planId}`,
    }),
  },
  'POST /plans/:id/issue': {
    expect: planIssuers,
    build: async (ctx, scope) => {
      const { planId, revision } = await ctx.newPlan(scope, false);
      return {
        method: 'POST',
        path: `/plans/${planId}/issue`,
        body: { revision, number: '7', issuedOn: today },
      };
    },
  },
  'POST /plans/:id/versions': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: `/plans/${(await ctx.newPlan(scope)).planId}/versions`,
    }),
  },
  'GET /plans/:id/trace': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/plans/${(await ctx.newPlan(scope)).planId}/trace`,
    }),
  },
  'GET /plans/:id/export': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/plans/${(await ctx.newPlan(scope)).planId}/export?format=xlsx`,
    }),
  },
  'GET /tasks': { expect: anySession, build: async () => ({ method: 'GET', path: '/tasks?filter=overdue' }) },
  'GET /tasks/:taskId/units/:unitId': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => {
      const { taskId, unitId } = await ctx.newPlan(scope);
      return { method: 'GET', path: `/tasks/${taskId}/units/${unitId}` };
    },
  },
  'PUT /tasks/:taskId/units/:unitId': {
    expect: planWriters,
    build: async (ctx, scope) => {
      const { taskId, unitId } = await ctx.newPlan(scope);
      return {
        method: 'PUT',
        path: `/tasks/${taskId}/units/${unitId}`,
        body: { revision: 0, status: 'in_progress', percent: 30, note: 'Đã tổ chức 2 buổi', links: [] },
      };
    },
  },
  'POST /tasks/:taskId/units/:unitId/attachments': {
    expect: planWriters,
    build: async (ctx, scope) => {
      const { taskId, unitId } = await ctx.newPlan(scope);
      return { method: 'POST', path: `/tasks/${taskId}/units/${unitId}/attachments`, body: evidenceFile() };
    },
  },
  'GET /attachments/:id': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({ method: 'GET', path: `/attachments/${await ctx.newAttachment(scope)}` }),
  },
  'POST /imports': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: '/imports',
      body: uploadForm(await ctx.newUnit(scope), textFile(readPlanFixture())),
    }),
  },
  'GET /imports': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({ method: 'GET', path: `/imports?orgUnitId=${await ctx.newUnit(scope)}` }),
  },
  'GET /imports/:id': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({ method: 'GET', path: `/imports/${(await ctx.newImport(scope)).id}` }),
  },
  'POST /imports/:id/accept': {
    expect: planWriters,
    build: async (ctx, scope) => {
      const detail = await ctx.newImport(scope);
      return { method: 'POST', path: `/imports/${detail.id}/accept`, body: draftAcceptInput(detail) };
    },
  },
  'POST /imports/:id/discard': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: `/imports/${(await ctx.newImport(scope)).id}/discard`,
    }),
  },
  'GET /events': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/events?year=2026&orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'GET /indicators/catalogue': {
    expect: anySession,
    build: async () => ({ method: 'GET', path: '/indicators/catalogue' }),
  },
  'POST /indicators/catalogue/data-elements': {
    expect: systemAdminOnly,
    build: async () => ({
      method: 'POST',
      path: '/indicators/catalogue/data-elements',
      body: {
        code: `DE_${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
        name: 'Số câu lạc bộ gia đình phát triển bền vững',
        valueType: 'integer',
        categoryCombo: 'default',
      },
    }),
  },
  'POST /indicators/catalogue/indicators': {
    expect: systemAdminOnly,
    build: async () => ({
      method: 'POST',
      path: '/indicators/catalogue/indicators',
      body: {
        code: `X.${Math.random().toString(36).slice(2, 10)}`,
        name: 'Tỷ lệ nữ tham gia tập huấn',
        unit: '%',
        direction: 'min',
        numerator: '#{TH_NGUOI_THAM_GIA.women}',
        denominator: '#{TH_NGUOI_THAM_GIA}',
        factor: 100,
      },
    }),
  },
  'GET /indicators/targets': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/indicators/targets?indicator=MT1.CT1&orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'PUT /indicators/targets': {
    expect: planIssuers,
    build: async (ctx, scope) => ({
      method: 'PUT',
      path: '/indicators/targets',
      body: {
        indicator: 'MT1.CT1',
        orgUnitId: await ctx.newUnit(scope),
        year: 2026,
        operator: '>=',
        value: 65,
      },
    }),
  },
  'GET /indicators/entry': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/indicators/entry?form=BDG_HOAT_DONG&period=2026&orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'GET /indicators/values': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/indicators/values?orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'POST /indicators/values': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: '/indicators/values',
      body: {
        items: [
          {
            dataElement: 'TT_SO_CUOC',
            orgUnitId: await ctx.newUnit(scope),
            period: '2026',
            disaggregation: 'total',
            value: 3,
          },
        ],
      },
    }),
  },
  'POST /indicators/values/csv': {
    expect: planWriters,
    build: async (ctx, scope) => {
      const unitId = await ctx.newUnit(scope);
      const unit = await ctx.app.db
        .selectFrom('org_units')
        .select('code')
        .where('id', '=', unitId)
        .executeTakeFirstOrThrow();
      return {
        method: 'POST',
        path: '/indicators/values/csv',
        body: {
          csv: `data_element,org_unit,period,disaggregation,value,comment\nTT_SO_CUOC,${unit.code},2026,total,4,\n`,
        },
      };
    },
  },
  'GET /indicators/values/history': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/indicators/values/history?dataElement=TT_SO_CUOC&period=2026&disaggregation=total&orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'GET /indicators/progress': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/indicators/progress?from=2024&to=2026&orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'GET /indicators/progress/xlsx': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/indicators/progress/xlsx?from=2024&to=2026&orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'GET /reporting-duties': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/reporting-duties?filter=all&orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'GET /reporting/templates': {
    expect: anySession,
    build: async () => ({ method: 'GET', path: '/reporting/templates' }),
  },
  'GET /reporting/templates/:id': {
    expect: anySession,
    build: async (ctx) => {
      const template = await ctx.app.db.selectFrom('report_templates').select('id').executeTakeFirstOrThrow();
      return { method: 'GET', path: `/reporting/templates/${template.id}` };
    },
  },
  'GET /reporting/rounds': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/reporting/rounds?orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'POST /reporting/rounds': {
    expect: planIssuers,
    build: async (ctx, scope) => {
      const template = await ctx.app.db
        .selectFrom('report_templates')
        .select('id')
        .where('code', '=', 'BDG_NAM')
        .executeTakeFirstOrThrow();
      return {
        method: 'POST',
        path: '/reporting/rounds',
        body: {
          templateId: template.id,
          consolidatingUnitId: await ctx.app.unitId(parentCode(scope)),
          period: '2026',
          dueOn: '2026-12-01',
          unitIds: [await ctx.newUnit(scope)],
        },
      };
    },
  },
  'GET /reporting/rounds/:id': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/reporting/rounds/${(await newSubmission(ctx, scope)).roundId}`,
    }),
  },
  'PATCH /reporting/rounds/:id': {
    expect: planIssuers,
    build: async (ctx, scope) => ({
      method: 'PATCH',
      path: `/reporting/rounds/${(await newSubmission(ctx, scope)).roundId}`,
      body: { dueOn: '2026-12-10' },
    }),
  },
  'POST /reporting/rounds/:id/units': {
    expect: planIssuers,
    build: async (ctx, scope) => {
      const { roundId } = await newSubmission(ctx, scope);
      return {
        method: 'POST',
        path: `/reporting/rounds/${roundId}/units`,
        body: { unitIds: [await ctx.newUnit(scope)] },
      };
    },
  },
  'POST /reporting/rounds/:id/close': {
    expect: planIssuers,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: `/reporting/rounds/${(await newSubmission(ctx, scope)).roundId}/close`,
      body: { closed: true },
    }),
  },
  'GET /reporting/round-proposals': {
    expect: planIssuers,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/reporting/round-proposals?planId=${(await ctx.newPlan(scope)).planId}`,
    }),
  },
  'GET /reporting/rounds/:id/consolidation': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/reporting/rounds/${(await newSubmission(ctx, scope, 'submitted')).roundId}/consolidation?include=submitted`,
    }),
  },
  'GET /reporting/rounds/:id/report': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/reporting/rounds/${(await newSubmission(ctx, scope, 'submitted')).roundId}/report?format=docx&include=submitted`,
    }),
  },
  'GET /reporting/inbox': {
    expect: anySession,
    build: async () => ({ method: 'GET', path: '/reporting/inbox' }),
  },
  'GET /reporting/timeliness': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/reporting/timeliness?orgUnitId=${await ctx.app.unitId(parentCode(scope))}`,
    }),
  },
  'GET /reporting/submissions/:id': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/reporting/submissions/${(await newSubmission(ctx, scope)).submissionId}`,
    }),
  },
  'PUT /reporting/submissions/:id': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'PUT',
      path: `/reporting/submissions/${(await newSubmission(ctx, scope)).submissionId}`,
      body: {
        revision: 0,
        narrative: { '1': 'Đã ban hành kế hoạch.' },
        figures: [{ dataElement: 'TT_SO_CUOC', disaggregation: 'total', value: 3 }],
      },
    }),
  },
  'POST /reporting/submissions/:id/submit': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: `/reporting/submissions/${(await newSubmission(ctx, scope)).submissionId}/submit`,
      body: { revision: 0 },
    }),
  },
  'POST /reporting/submissions/:id/return': {
    expect: planIssuers,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: `/reporting/submissions/${(await newSubmission(ctx, scope, 'submitted')).submissionId}/return`,
      body: { comment: 'Đề nghị bổ sung số liệu.' },
    }),
  },
  'POST /reporting/submissions/:id/accept': {
    expect: planIssuers,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: `/reporting/submissions/${(await newSubmission(ctx, scope, 'submitted')).submissionId}/accept`,
      body: {},
    }),
  },
  'GET /notifications': {
    expect: anySession,
    build: async () => ({ method: 'GET', path: '/notifications' }),
  },
  // One's own notices only: the notice is made for the caller (another's is answered 404).
  'POST /notifications/:id/read': {
    expect: anySession,
    build: async (ctx, _scope, role) => {
      const user = await ctx.app.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', role ? `role-${role}` : 'role-viewer')
        .executeTakeFirstOrThrow();
      const row = await ctx.app.db
        .insertInto('notifications')
        .values({
          user_id: user.id,
          org_unit_id: null,
          kind: 'due_soon',
          round_id: null,
          submission_id: null,
          title: 'Sắp đến hạn nộp báo cáo',
          body: 'Thử nghiệm',
          event_key: `test:${Math.random().toString(36).slice(2)}`,
          read_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { method: 'POST', path: `/notifications/${row.id}/read` };
    },
  },
  'GET /outbox': {
    expect: adminRoles,
    build: async () => ({ method: 'GET', path: '/outbox' }),
  },
  'PUT /users/:id/email': {
    expect: adminsOnly,
    build: async (ctx, scope) => ({
      method: 'PUT',
      path: `/users/${(await ctx.newUser(scope)).userId}/email`,
      body: { email: 'can.bo@laichau.gov.vn' },
    }),
  },
  'GET /account': { expect: anySession, build: async () => ({ method: 'GET', path: '/account' }) },
  'PUT /account/email': {
    expect: anySession,
    build: async () => ({ method: 'PUT', path: '/account/email', body: { email: 'toi@laichau.gov.vn' } }),
  },
  'GET /report-templates': {
    expect: anySession,
    build: async () => ({ method: 'GET', path: '/report-templates' }),
  },
  'GET /report-templates/:id': {
    expect: anySession,
    build: async (ctx) => ({ method: 'GET', path: `/report-templates/${(await newTemplate(ctx)).id}` }),
  },
  'POST /report-templates': {
    expect: systemAdminOnly,
    build: async () => ({
      method: 'POST',
      path: '/report-templates',
      body: { ...templateContent, code: `MAU_${Math.random().toString(36).slice(2, 10).toUpperCase()}` },
    }),
  },
  'POST /report-templates/:code/versions': {
    expect: systemAdminOnly,
    build: async (ctx) => ({
      method: 'POST',
      path: `/report-templates/${(await newTemplate(ctx)).code}/versions`,
      body: { ...templateContent, basedOnVersion: 1 },
    }),
  },
  'GET /reporting/timeliness/matrix': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/reporting/timeliness/matrix?orgUnitId=${await ctx.app.unitId(parentCode(scope))}&fromYear=2025&toYear=2026`,
    }),
  },
  'GET /community-models': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/community-models?year=2026&orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'POST /community-models': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: '/community-models',
      body: {
        orgUnitId: await ctx.newUnit(scope),
        kind: 'trusted_address',
        name: 'Địa chỉ tin cậy thôn Nậm Cấu',
      },
    }),
  },
  'GET /community-models/:id': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({ method: 'GET', path: `/community-models/${await newModel(ctx, scope)}` }),
  },
  'PUT /community-models/:id': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'PUT',
      path: `/community-models/${await newModel(ctx, scope)}`,
      body: {
        revision: 0,
        kind: 'domestic_violence_club',
        name: 'Câu lạc bộ phòng, chống bạo lực gia đình bản Mới',
      },
    }),
  },
  'PUT /community-models/:id/years/:year': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'PUT',
      path: `/community-models/${await newModel(ctx, scope)}/years/2026`,
      body: { revision: 0, status: 'active', membersMale: 5, membersFemale: 20 },
    }),
  },
  'DELETE /community-models/:id/years/:year': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'DELETE',
      path: `/community-models/${await newModel(ctx, scope, 2025)}/years/2025?revision=0`,
    }),
  },
  'GET /activities': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/activities?orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'POST /activities': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: '/activities',
      body: { orgUnitId: await ctx.newUnit(scope), ...activityFields },
    }),
  },
  'GET /activities/links': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/activities/links?orgUnitId=${await ctx.newUnit(scope)}&year=2026`,
    }),
  },
  'GET /activities/template.xlsx': {
    expect: anyWriter,
    build: async () => ({ method: 'GET', path: '/activities/template.xlsx' }),
  },
  'POST /activities/import': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: '/activities/import',
      body: await activityWorkbook(await ctx.newUnit(scope)),
    }),
  },
  'GET /activities/:id': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({ method: 'GET', path: `/activities/${await newActivity(ctx, scope)}` }),
  },
  'PUT /activities/:id': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'PUT',
      path: `/activities/${await newActivity(ctx, scope)}`,
      body: { revision: 1, ...activityFields },
    }),
  },
  'DELETE /activities/:id': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'DELETE',
      path: `/activities/${await newActivity(ctx, scope)}?revision=1`,
    }),
  },
  'POST /activities/:id/files': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: `/activities/${await newActivity(ctx, scope)}/files`,
      body: evidenceFile(),
    }),
  },
  'GET /activity-files/:id': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => {
      const activityId = await newActivity(ctx, scope);
      const admin = await ctx.app.signInAs('system_admin', null);
      const uploaded = await admin.request('POST', `/activities/${activityId}/files`, evidenceFile());
      return { method: 'GET', path: `/activity-files/${uploaded.body.id}` };
    },
  },
  'GET /campaigns': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/campaigns?year=2026&orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'POST /campaigns': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'POST',
      path: '/campaigns',
      body: {
        orgUnitId: await ctx.newUnit(scope),
        name: 'Tháng hành động của đơn vị',
        startsOn: '2026-11-15',
        endsOn: '2026-12-15',
      },
    }),
  },
  'GET /campaigns/:id': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({ method: 'GET', path: `/campaigns/${await newCampaign(ctx, scope)}` }),
  },
  'PUT /campaigns/:id': {
    expect: planWriters,
    build: async (ctx, scope) => ({
      method: 'PUT',
      path: `/campaigns/${await newCampaign(ctx, scope)}`,
      body: { revision: 1, name: 'Chiến dịch đã sửa', startsOn: '2026-11-15', endsOn: '2026-12-15' },
    }),
  },
  'GET /calendar': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/calendar?year=2026&orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'GET /calendar.ics': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/calendar.ics?year=2026&orgUnitId=${await ctx.newUnit(scope)}`,
    }),
  },
  'GET /reporting/submissions/:id/activity-cells': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/reporting/submissions/${(await newSubmission(ctx, scope)).submissionId}/activity-cells?table=HD01&row=total&column=total`,
    }),
  },
  'GET /reporting/rounds/:id/activity-cells': {
    expect: anyRoleInScope,
    build: async (ctx, scope) => ({
      method: 'GET',
      path: `/reporting/rounds/${(await newSubmission(ctx, scope, 'submitted')).roundId}/activity-cells?table=HD01&row=total&column=activities&include=submitted`,
    }),
  },
};

const denialCodes = new Set([
  'auth.unauthenticated',
  'auth.forbidden',
  'auth.out_of_scope',
  'users.cannot_grant',
]);

describeEachEngine('authorization of every route', (engine) => {
  let app: TestApp;
  const clients = new Map<Role, TestClient>();
  let counter = 0;
  let ctx: Ctx;

  beforeAll(async () => {
    app = await createTestApp(engine);
    for (const role of roles)
      clients.set(role, await app.signInAs(role, role === 'system_admin' ? null : '12', `role-${role}`));
    ctx = {
      app,
      async newUnit(scope) {
        counter += 1;
        const parentId = await app.unitId(parentCode(scope));
        const row = await app.db
          .insertInto('org_units')
          .values({
            code: `auth-${counter}`,
            name: `Trường số ${counter}`,
            search_name: foldForSearch(`Truong so ${counter}`),
            kind: 'public_unit',
            parent_id: parentId,
            valid_from: '2025-07-01',
            valid_to: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await app.db
          .insertInto('org_unit_names')
          .values({
            org_unit_id: row.id,
            name: `Trường số ${counter}`,
            valid_from: '2025-07-01',
            valid_to: null,
          })
          .execute();
        return row.id;
      },
      async newUser(scope) {
        counter += 1;
        const userId = await app.createUser(`target-${counter}`, [
          { role: 'reporter', unitCode: parentCode(scope) },
        ]);
        const grant = await app.db
          .selectFrom('role_grants')
          .select('id')
          .where('user_id', '=', userId)
          .executeTakeFirstOrThrow();
        return { userId, grantId: grant.id };
      },
      async newPlan(scope, issue = true) {
        const unitId = await ctx.newUnit(scope);
        const plan = await makePlan(clients.get('system_admin')!, {
          unitId: await app.unitId(parentCode(scope)),
          assignees: [unitId],
          issue,
        });
        return { planId: plan.id, taskId: firstTaskId(plan), unitId, revision: plan.revision };
      },
      async newAttachment(scope) {
        const { taskId, unitId } = await ctx.newPlan(scope);
        const response = await clients
          .get('system_admin')!
          .request('POST', `/tasks/${taskId}/units/${unitId}/attachments`, evidenceFile());
        return response.body.id;
      },
      async newImport(scope) {
        const response = await clients
          .get('system_admin')!
          .request('POST', '/imports', uploadForm(await ctx.newUnit(scope), textFile(readPlanFixture())));
        if (response.status !== 201) throw new Error(`upload: ${JSON.stringify(response.body)}`);
        return response.body;
      },
    };
  });
  afterAll(() => app?.close());

  it('has a rule for every registered route, and no rule for a route that does not exist', () => {
    const registered = app.api.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path}`);
    expect(new Set(registered)).toEqual(new Set(Object.keys(rules)));
  });

  it('refuses every non-public route without a session', async () => {
    for (const [key, rule] of Object.entries(rules)) {
      if (rule.isPublic) continue;
      const request = await rule.build(ctx, 'in');
      const response = await app.client().request(request.method, request.path, request.body);
      expect([key, response.status, response.body?.error?.code]).toEqual([key, 401, 'auth.unauthenticated']);
    }
  });

  for (const role of roles) {
    it(`applies the rules for ${role}`, async () => {
      for (const [key, rule] of Object.entries(rules)) {
        for (const scope of ['in', 'out'] as const) {
          const request = await rule.build(ctx, scope, role);
          let client = clients.get(role)!;
          if (rule.needsOwnClient) client = await app.signInAs(role, role === 'system_admin' ? null : '12');
          const response = await client.request(request.method, request.path, request.body);
          const code: string | undefined = response.body?.error?.code;
          const outcome =
            code && denialCodes.has(code)
              ? 'deny'
              : response.status < 500
                ? 'allow'
                : `error ${response.status}`;
          if (outcome !== rule.expect(role, scope) || (outcome === 'allow' && response.status >= 300)) {
            console.error(key, scope, response.status, JSON.stringify(response.body).slice(0, 300));
          }
          expect({ key, scope, outcome }).toEqual({ key, scope, outcome: rule.expect(role, scope) });
          if (outcome === 'deny') {
            expect(response.status).toBe(403);
            expect(response.body.error.message).toMatch(/quyền|phạm vi/);
          } else if (!key.startsWith('POST /auth/totp/e') && !key.startsWith('POST /auth/totp/d')) {
            expect([key, response.status < 300]).toEqual([key, true]);
          }
        }
      }
    });
  }

  it('keeps units of other provinces out of search results', async () => {
    const response = await clients.get('reporter')!.request('GET', '/org-units?q=ha%20noi&status=all');
    expect(response.body.total).toBe(0);
  });
});
