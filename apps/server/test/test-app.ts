import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@binhdang/contracts';
import { loadConfig } from '../src/modules/app/config.ts';
import type { DatabaseHandle } from '../src/modules/app/database.ts';
import { createApi } from '../src/modules/app/server.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { createTestDatabase, type Engine } from './test-database.ts';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';
let passwordHash: Promise<string> | null = null;

/** A clock the test moves by hand, for expiry and back-off. */
export function createTestClock(start = new Date('2026-11-22T03:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client of the API: keeps the session cookie and sends the CSRF token on writes. */
export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(private readonly api: ReturnType<typeof createApi>) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const allHeaders: Record<string, string> = { ...headers };
    if (this.cookie) allHeaders.cookie = this.cookie;
    if (method !== 'GET' && this.csrfToken && !('x-csrf-token' in headers))
      allHeaders['x-csrf-token'] = this.csrfToken;
    const isForm = body instanceof FormData;
    if (!isForm && (body !== undefined || method !== 'GET'))
      allHeaders['content-type'] ??= 'application/json';
    const response = await this.api.request(path, {
      method,
      headers: allHeaders,
      ...(body !== undefined ? { body: isForm ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('binhdang_session=')) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'binhdang_session=' ? null : value;
    }
    if (!response.headers.get('content-type')?.includes('application/json')) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        body: (bytes.length > 0 ? bytes : null) as T,
        headers: response.headers,
      };
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }

  async login(username: string, password = TEST_PASSWORD, totpCode?: string) {
    const response = await this.request('POST', '/auth/login', {
      username,
      password,
      ...(totpCode ? { totpCode } : {}),
    });
    if (response.status === 200) this.csrfToken = (response.body as { csrfToken: string }).csrfToken;
    return response;
  }
}

export interface TestApp {
  db: DatabaseHandle['db'];
  api: ReturnType<typeof createApi>;
  clock: ReturnType<typeof createTestClock>;
  client(): TestClient;
  /** Logs a new client in as a fresh user holding `role` on the unit with `unitCode` (null for system admin). */
  signInAs(role: Role, unitCode: string | null, username?: string): Promise<TestClient>;
  createUser(username: string, grants: { role: Role; unitCode: string | null }[]): Promise<number>;
  unitId(code: string): Promise<number>;
  close(): Promise<void>;
}

export async function createTestApp(
  engine: Engine,
  options: { seed?: boolean } = { seed: true },
): Promise<TestApp> {
  const handle = await createTestDatabase(engine, options);
  const clock = createTestClock();
  // Evidence files of a test go to a folder of its own, removed with the app.
  const attachmentsDir = mkdtempSync(path.join(os.tmpdir(), 'binhdang-attachments-'));
  const config = loadConfig({}, { demo: false, logLevel: 'silent', attachmentsDir });
  const api = createApi({ db: handle.db, config, clock: clock.now, engine: handle.engine });
  let userCounter = 0;

  const unitId = async (code: string) =>
    (await handle.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow())
      .id;

  const createUser: TestApp['createUser'] = async (username, grants) => {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const user = await handle.db
      .insertInto('users')
      .values({
        username,
        display_name: username,
        password_hash: await passwordHash,
        totp_secret: null,
        last_failed_login_at: null,
        locked_until: null,
        last_login_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const grant of grants) {
      await handle.db
        .insertInto('role_grants')
        .values({
          user_id: user.id,
          role: grant.role,
          org_unit_id: grant.unitCode === null ? null : await unitId(grant.unitCode),
          created_by: null,
        })
        .execute();
    }
    return user.id;
  };

  return {
    db: handle.db,
    api,
    clock,
    client: () => new TestClient(api),
    unitId,
    createUser,
    async signInAs(role, unitCode, username) {
      userCounter += 1;
      const name = username ?? `${role.replace('_', '')}${userCounter}`;
      await createUser(name, [{ role, unitCode }]);
      const client = new TestClient(api);
      const response = await client.login(name);
      if (response.status !== 200) throw new Error(`login failed: ${JSON.stringify(response.body)}`);
      return client;
    },
    close: async () => {
      await handle.close();
      rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
}
