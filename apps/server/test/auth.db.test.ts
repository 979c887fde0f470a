import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginBackoff } from '../src/modules/auth/auth.service.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

describeEachEngine('sign-in, sessions and CSRF', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(engine);
  });
  afterAll(() => app?.close());

  it('signs in, returns the session with a CSRF token, and sets an httpOnly SameSite cookie', async () => {
    await app.createUser('nguyen.van.a', [{ role: 'planner', unitCode: '12' }]);
    const client = app.client();
    const response = await client.login('Nguyen.Van.A');
    expect(response.status).toBe(200);
    expect(response.body.user.username).toBe('nguyen.van.a');
    expect(response.body.permissions).toContain('orgUnits.read');
    expect(response.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await client.request('GET', '/auth/session')).status).toBe(200);
  });

  it('answers a wrong password and an unknown user alike, in Vietnamese', async () => {
    await app.createUser('tran.thi.b', [{ role: 'viewer', unitCode: '12' }]);
    const wrong = await app.client().login('tran.thi.b', 'sai-mat-khau');
    const unknown = await app.client().login('khong.ton.tai', 'sai-mat-khau');
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('backs off after repeated failures and locks the account after ten', async () => {
    await app.createUser('bi.khoa', [{ role: 'viewer', unitCode: '12' }]);
    const client = app.client();
    for (let attempt = 1; attempt <= loginBackoff.throttleAfter; attempt++) {
      expect((await client.login('bi.khoa', 'sai')).status).toBe(401);
    }
    // The next attempt comes too soon: refused without checking the password, even the right one.
    const throttled = await client.login('bi.khoa', TEST_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.code).toBe('auth.throttled');
    expect(throttled.headers.get('retry-after')).toBe('1');

    let failures = loginBackoff.throttleAfter;
    let last = throttled;
    while (failures < loginBackoff.lockAfter) {
      app.clock.advance(61_000);
      last = await client.login('bi.khoa', 'sai');
      failures += 1;
    }
    expect(last.status).toBe(423);
    expect(last.body.error.code).toBe('auth.locked');
    app.clock.advance(61_000);
    expect((await client.login('bi.khoa', TEST_PASSWORD)).status).toBe(423);

    // An admin unlocks it; then the right password works and the counter starts again.
    const admin = await app.signInAs('unit_admin', '12');
    const user = await app.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'bi.khoa')
      .executeTakeFirstOrThrow();
    expect((await admin.request('POST', `/users/${user.id}/unlock`)).status).toBe(200);
    expect((await client.login('bi.khoa', TEST_PASSWORD)).status).toBe(200);
  });

  it('unlocks by itself after the lock period', async () => {
    await app.createUser('tu.mo', [{ role: 'viewer', unitCode: '12' }]);
    const client = app.client();
    await app.db
      .updateTable('users')
      .set({ failed_login_count: loginBackoff.lockAfter - 1, last_failed_login_at: app.clock.now() })
      .where('username', '=', 'tu.mo')
      .execute();
    app.clock.advance(120_000);
    expect((await client.login('tu.mo', 'sai')).status).toBe(423);
    app.clock.advance(loginBackoff.lockMinutes * 60_000 + 1000);
    expect((await client.login('tu.mo', TEST_PASSWORD)).status).toBe(200);
  });

  it('rejects a stolen cookie replayed after logout', async () => {
    const client = await app.signInAs('reporter', '03445');
    const stolen = client.cookie;
    expect((await client.request('POST', '/auth/logout')).status).toBe(200);
    const thief = app.client();
    thief.cookie = stolen;
    const replay = await thief.request('GET', '/auth/session');
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('auth.unauthenticated');
  });

  it('refuses writes without the CSRF token, or with another session’s token, and changes nothing', async () => {
    const admin = await app.signInAs('unit_admin', '12');
    const other = await app.signInAs('unit_admin', '12');
    const unitId = await app.unitId('03445');
    const missing = await admin.request(
      'POST',
      `/org-units/${unitId}/rename`,
      { name: 'Xã Mường Tè Mới', effectiveOn: '2026-11-22' },
      { 'x-csrf-token': '' },
    );
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('auth.csrf_invalid');
    const foreign = await admin.request(
      'POST',
      `/org-units/${unitId}/rename`,
      { name: 'Xã Mường Tè Mới', effectiveOn: '2026-11-22' },
      { 'x-csrf-token': other.csrfToken! },
    );
    expect(foreign.status).toBe(403);
    const unit = await app.db
      .selectFrom('org_units')
      .select('name')
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow();
    expect(unit.name).toBe('Xã Mường Tè');
  });

  it('refuses a login posted as a cross-site form (not JSON)', async () => {
    const response = await app.api.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=admin&password=demo',
    });
    expect(response.status).toBe(403);
  });

  it('expires an idle session', async () => {
    const client = await app.signInAs('viewer', '12');
    app.clock.advance(9 * 3_600_000);
    expect((await client.request('GET', '/auth/session')).status).toBe(401);
  });

  it('ends the other sessions when the password changes', async () => {
    await app.createUser('doi.mat.khau', [{ role: 'viewer', unitCode: '12' }]);
    const phone = app.client();
    const laptop = app.client();
    await phone.login('doi.mat.khau');
    await laptop.login('doi.mat.khau');
    const wrong = await laptop.request('POST', '/auth/password', {
      currentPassword: 'sai',
      newPassword: 'mat-khau-moi-123',
    });
    expect(wrong.body.error.code).toBe('auth.wrong_password');
    const short = await laptop.request('POST', '/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'ngan',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.issues[0].message).toBe('Mật khẩu cần ít nhất 8 ký tự.');
    expect(
      (
        await laptop.request('POST', '/auth/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'mat-khau-moi-123',
        })
      ).status,
    ).toBe(200);
    expect((await phone.request('GET', '/auth/session')).status).toBe(401);
    expect((await laptop.request('GET', '/auth/session')).status).toBe(200);
    expect((await app.client().login('doi.mat.khau', 'mat-khau-moi-123')).status).toBe(200);
  });

  it('asks for a TOTP code once two-factor is on', async () => {
    await app.createUser('hai.lop', [{ role: 'planner', unitCode: '12' }]);
    const client = app.client();
    await client.login('hai.lop');
    const setup = await client.request('POST', '/auth/totp/setup');
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/binhdang:hai\.lop\?/);
    const totp = new TOTP({ secret: Secret.fromBase32(setup.body.secret) });
    const codeNow = () => totp.generate({ timestamp: app.clock.now().getTime() });
    expect(
      (
        await client.request('POST', '/auth/totp/enable', {
          code: '000000' === codeNow() ? '111111' : '000000',
        })
      ).status,
    ).toBe(401);
    expect((await client.request('POST', '/auth/totp/enable', { code: codeNow() })).status).toBe(200);

    const next = app.client();
    const needsCode = await next.login('hai.lop');
    expect(needsCode.body.error.code).toBe('auth.totp_required');
    expect((await next.login('hai.lop', TEST_PASSWORD, codeNow())).status).toBe(200);
  });

  it('records sign-ins and failures in the audit log', async () => {
    const rows = await app.db.selectFrom('audit_log').select('action').execute();
    const actions = new Set(rows.map((row) => row.action));
    for (const action of [
      'auth.login',
      'auth.login_failed',
      'auth.account_locked',
      'auth.logout',
      'auth.password_changed',
      'auth.totp_enabled',
    ]) {
      expect(actions).toContain(action);
    }
  });
});
