import type { AccountProfile, UserSummary } from '@binhdang/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDemoAccounts } from '../src/modules/seed/demo-accounts.ts';
import { createTestApp, type TestApp, type TestClient } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

/*
 * E-mail addresses for reminders: a unit admin sets or clears them for accounts in scope, a
 * user sets their own; addresses are checked and lower-cased; every change has its audit row;
 * and the address is where the notices of a returned report are e-mailed.
 */

const PROVINCE = '12';

describeEachEngine('users: e-mail addresses', (engine) => {
  let app: TestApp;
  let unitAdmin: TestClient;
  let reporterId: number;
  let communeCode: string;

  beforeAll(async () => {
    app = await createTestApp(engine);
    unitAdmin = await app.signInAs('unit_admin', PROVINCE, 'quantri.tinh');
    const commune = await app.db
      .selectFrom('org_units')
      .select('code')
      .where('parent_id', '=', await app.unitId(PROVINCE))
      .where('kind', '=', 'commune')
      .where('valid_to', 'is', null)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    communeCode = commune.code;
    reporterId = await app.createUser('baocao.xa', [{ role: 'reporter', unitCode: communeCode }]);
  });
  afterAll(() => app?.close());

  const emailOf = async (userId: number) =>
    (await app.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow())
      .email;
  const auditRows = (userId: number) =>
    app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'users.email_change')
      .where('entity_id', '=', String(userId))
      .orderBy('id')
      .execute();

  it('lets a unit admin set and clear the address of an account in scope, lower-cased, with an audit row', async () => {
    const set = await unitAdmin.request<UserSummary>('PUT', `/users/${reporterId}/email`, {
      email: '  Lo.Thi.Mai@LaiChau.gov.vn ',
    });
    expect(set.status).toBe(200);
    expect(set.body.email).toBe('lo.thi.mai@laichau.gov.vn');
    expect((await unitAdmin.request('GET', `/users/${reporterId}`)).body.email).toBe(
      'lo.thi.mai@laichau.gov.vn',
    );
    const audit = await auditRows(reporterId);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toEqual({ email: 'lo.thi.mai@laichau.gov.vn' });

    // The same address again changes nothing and writes no second audit row.
    await unitAdmin.request('PUT', `/users/${reporterId}/email`, { email: 'lo.thi.mai@laichau.gov.vn' });
    expect(await auditRows(reporterId)).toHaveLength(1);

    const cleared = await unitAdmin.request<UserSummary>('PUT', `/users/${reporterId}/email`, { email: '' });
    expect(cleared.body.email).toBeNull();
    expect(await emailOf(reporterId)).toBeNull();
    expect((await auditRows(reporterId)).map((row) => row.before)).toEqual([
      { email: null },
      { email: 'lo.thi.mai@laichau.gov.vn' },
    ]);
  });

  it('refuses what is not an address with a Vietnamese message and keeps the old one', async () => {
    await unitAdmin.request('PUT', `/users/${reporterId}/email`, { email: 'mai@laichau.gov.vn' });
    for (const email of [
      'mai',
      'mai@laichau',
      'mai @laichau.gov.vn',
      'mai@@laichau.gov.vn',
      '.mai@laichau.gov.vn',
    ]) {
      const refused = await unitAdmin.request('PUT', `/users/${reporterId}/email`, { email });
      expect([email, refused.status]).toEqual([email, 400]);
      expect(refused.body.error.issues[0].message).toMatch(/Địa chỉ thư điện tử không hợp lệ/);
    }
    expect(await emailOf(reporterId)).toBe('mai@laichau.gov.vn');
  });

  it('allows one address on several accounts (a shared office mailbox)', async () => {
    const colleague = await app.createUser('kehoach.xa', [{ role: 'planner', unitCode: communeCode }]);
    const shared = 'vanphong.xa@laichau.gov.vn';
    expect((await unitAdmin.request('PUT', `/users/${reporterId}/email`, { email: shared })).status).toBe(
      200,
    );
    expect((await unitAdmin.request('PUT', `/users/${colleague}/email`, { email: shared })).status).toBe(200);
  });

  it('refuses accounts outside the admin’s subtree and callers without users.manage', async () => {
    const hanoiUser = await app.createUser('canbo.hanoi', [{ role: 'reporter', unitCode: '01' }]);
    const outside = await unitAdmin.request('PUT', `/users/${hanoiUser}/email`, { email: 'a@hanoi.gov.vn' });
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('auth.out_of_scope');
    expect(await emailOf(hanoiUser)).toBeNull();

    const planner = await app.signInAs('planner', PROVINCE);
    const denied = await planner.request('PUT', `/users/${reporterId}/email`, { email: 'x@laichau.gov.vn' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('auth.forbidden');
  });

  it('lets every user read and set their own address', async () => {
    const viewer = await app.signInAs('viewer', PROVINCE, 'xem.tinh');
    const profile = await viewer.request<AccountProfile>('GET', '/account');
    expect(profile.body).toEqual({ username: 'xem.tinh', displayName: 'xem.tinh', email: null });
    const set = await viewer.request<AccountProfile>('PUT', '/account/email', {
      email: 'Xem.Tinh@Gmail.com',
    });
    expect(set.status).toBe(200);
    expect(set.body.email).toBe('xem.tinh@gmail.com');
    const bad = await viewer.request('PUT', '/account/email', { email: 'xem.tinh@' });
    expect(bad.status).toBe(400);
    expect((await viewer.request<AccountProfile>('GET', '/account')).body.email).toBe('xem.tinh@gmail.com');
    const cleared = await viewer.request<AccountProfile>('PUT', '/account/email', { email: null });
    expect(cleared.body.email).toBeNull();
  });

  it('e-mails the notice of a returned report to the address set', async () => {
    await unitAdmin.request('PUT', `/users/${reporterId}/email`, { email: 'Bao.Cao@LaiChau.gov.vn' });
    const planner = await app.signInAs('planner', PROVINCE, 'tonghop');
    const template = await app.db
      .selectFrom('report_templates')
      .select('id')
      .where('code', '=', 'BDG_NAM')
      .where('is_current', '=', true)
      .executeTakeFirstOrThrow();
    const round = await planner.request('POST', '/reporting/rounds', {
      templateId: template.id,
      consolidatingUnitId: await app.unitId(PROVINCE),
      period: '2026',
      dueOn: '2026-12-01',
      unitIds: [await app.unitId(communeCode)],
    });
    expect(round.status).toBe(200);
    const submissionId = round.body.submissions[0].id as number;

    const reporter = app.client();
    expect((await reporter.login('baocao.xa')).status).toBe(200);
    const submitted = await reporter.request('POST', `/reporting/submissions/${submissionId}/submit`, {
      revision: 0,
    });
    expect(submitted.status).toBe(200);
    const returned = await planner.request('POST', `/reporting/submissions/${submissionId}/return`, {
      comment: 'Đề nghị bổ sung số liệu phụ lục 01.',
    });
    expect(returned.status).toBe(200);

    const mail = await app.db
      .selectFrom('outbox')
      .select(['recipient', 'user_id'])
      .where('user_id', '=', reporterId)
      .executeTakeFirstOrThrow();
    expect(mail.recipient).toBe('bao.cao@laichau.gov.vn');
  });

  it('gives the demo accounts addresses under the reserved .example domain', async () => {
    await ensureDemoAccounts(app.db);
    const accounts = await app.db
      .selectFrom('users')
      .select(['username', 'email'])
      .where('username', 'in', ['admin', 'baocao.muongte'])
      .orderBy('username')
      .execute();
    expect(accounts).toEqual([
      { username: 'admin', email: 'admin@binhdang.example' },
      { username: 'baocao.muongte', email: 'baocao.muongte@binhdang.example' },
    ]);
  });
});
