import {
  changePasswordInput,
  loginInput,
  publicConfig,
  sessionInfo,
  totpCodeInput,
  totpSetupOutput,
} from '@binhdang/contracts';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { AppError } from '../app/errors.ts';
import {
  type ApiApp,
  type AppContext,
  defineRoute,
  jsonBody,
  jsonContent,
  requestMeta,
  requireActor,
  SESSION_COOKIE,
} from '../app/http.ts';
import { demoAccounts } from '../seed/demo.ts';
import { changePassword, describeSession, login, logout, setTotpEnabled, setUpTotp } from './auth.service.ts';

const ok = z.object({ ok: z.literal(true) });

function setSessionCookie(c: AppContext, token: string, expiresAt: Date) {
  const { config } = c.get('deps');
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: config.sessionMaxHours * 3600,
    expires: new Date(expiresAt.getTime() + config.sessionMaxHours * 3_600_000),
  });
}

export function registerAuthRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('public', {
      method: 'get',
      path: '/config',
      tags: ['auth'],
      summary: 'Public settings for the login page (demo mode and its accounts)',
      responses: { 200: jsonContent(publicConfig) },
    }),
    (c) => {
      const { config } = c.get('deps');
      return c.json(
        {
          demo: config.demo,
          demoAccounts: config.demo
            ? demoAccounts.map(({ username, password, description }) => ({ username, password, description }))
            : [],
          version: '0.1.0',
        },
        200,
      );
    },
  );

  api.openapi(
    defineRoute('public', {
      method: 'post',
      path: '/auth/login',
      tags: ['auth'],
      summary: 'Sign in with username and password (and a TOTP code when enabled)',
      request: { body: jsonBody(loginInput) },
      responses: { 200: jsonContent(sessionInfo) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const input = c.req.valid('json');
      const { token, session } = await login({ ...deps, ...input, meta: requestMeta(c) });
      setSessionCookie(c, token, session.expiresAt);
      return c.json(await describeSession(deps.db, session), 200);
    },
  );

  api.openapi(
    defineRoute('session', {
      method: 'get',
      path: '/auth/session',
      tags: ['auth'],
      summary: 'The signed-in user, their roles and the CSRF token for writes',
      responses: { 200: jsonContent(sessionInfo) },
    }),
    async (c) => {
      const session = c.get('session');
      if (!session) throw new AppError('auth.unauthenticated');
      return c.json(await describeSession(c.get('deps').db, session), 200);
    },
  );

  api.openapi(
    defineRoute('session', {
      method: 'post',
      path: '/auth/logout',
      tags: ['auth'],
      summary: 'End this session; its cookie stops working at once',
      responses: { 200: jsonContent(ok) },
    }),
    async (c) => {
      await logout({ ...c.get('deps'), actor: requireActor(c), meta: requestMeta(c) });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    },
  );

  api.openapi(
    defineRoute('session', {
      method: 'post',
      path: '/auth/password',
      tags: ['auth'],
      summary: 'Change my password; ends my other sessions',
      request: { body: jsonBody(changePasswordInput) },
      responses: { 200: jsonContent(ok) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      await changePassword({ ...c.get('deps'), actor: requireActor(c), ...input, meta: requestMeta(c) });
      return c.json({ ok: true as const }, 200);
    },
  );

  api.openapi(
    defineRoute('session', {
      method: 'post',
      path: '/auth/totp/setup',
      tags: ['auth'],
      summary: 'Start two-factor set-up: a new secret to scan',
      responses: { 200: jsonContent(totpSetupOutput) },
    }),
    async (c) => c.json(await setUpTotp({ ...c.get('deps'), actor: requireActor(c) }), 200),
  );

  for (const [path, enabled] of [
    ['/auth/totp/enable', true],
    ['/auth/totp/disable', false],
  ] as const) {
    api.openapi(
      defineRoute('session', {
        method: 'post',
        path,
        tags: ['auth'],
        summary: enabled
          ? 'Turn two-factor on with a code from the app'
          : 'Turn two-factor off with a current code',
        request: { body: jsonBody(totpCodeInput) },
        responses: { 200: jsonContent(ok) },
      }),
      async (c) => {
        const { code } = c.req.valid('json');
        await setTotpEnabled({
          ...c.get('deps'),
          actor: requireActor(c),
          code,
          enabled,
          meta: requestMeta(c),
        });
        return c.json({ ok: true as const }, 200);
      },
    );
  }
}
