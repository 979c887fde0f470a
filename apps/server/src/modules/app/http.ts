import { type ErrorCode, errorCatalogue, type Permission } from '@binhdang/contracts';
import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { type Actor, assertPermission } from '../access/access.policy.ts';
import { type ActiveSession, authenticate, type RequestMeta, tokensMatch } from '../auth/auth.service.ts';
import type { Mailer } from '../notifications/notifications.mail.ts';
import type { AppConfig } from './config.ts';
import type { Db } from './database.ts';
import { AppError, errorBody, errorStatus } from './errors.ts';

// Validation messages from zod come out in Vietnamese.
z.config(z.locales.vi());

export const SESSION_COOKIE = 'binhdang_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface AppDeps {
  db: Db;
  config: AppConfig;
  clock: () => Date;
  /** How e-mail goes out; by default from the configuration (demo without SMTP). */
  mailer?: Mailer;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    actor: Actor | null;
    session: ActiveSession | null;
  };
}

export type AppContext = Context<AppEnv>;

/**
 * Who may call a route: anyone (`public`), any signed-in user (`session`), or a user holding
 * the named permission on at least one unit. Scope (which units) is checked in the service
 * through the domain's policy. Every route declares one; the authorization test fails on a
 * route without.
 */
export type RouteAccess = 'public' | 'session' | Permission;

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retryAfterSeconds: z.number().optional(),
  }),
});

const errorResponses = {
  400: {
    description: 'Dữ liệu không hợp lệ',
    content: { 'application/json': { schema: errorResponseSchema } },
  },
  401: { description: 'Chưa đăng nhập', content: { 'application/json': { schema: errorResponseSchema } } },
  403: { description: 'Không có quyền', content: { 'application/json': { schema: errorResponseSchema } } },
} as const;

export function jsonContent<T extends z.ZodType>(schema: T, description = 'OK') {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

/** createRoute plus the access rule: the rule becomes middleware and an `x-access` note in OpenAPI. */
export function defineRoute<const R extends Omit<RouteConfig, 'middleware'>>(access: RouteAccess, route: R) {
  return createRoute({
    ...route,
    middleware: [requireAccess(access)] as const,
    responses: { ...errorResponses, ...route.responses },
    'x-access': access,
  } as R & { middleware: [MiddlewareHandler<AppEnv>] });
}

function requireAccess(access: RouteAccess): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access === 'public') {
      // A public write without a session (login) must be JSON, which a cross-site form cannot
      // send without a CORS preflight that we never answer.
      const isJson = c.req.header('content-type')?.startsWith('application/json');
      if (!SAFE_METHODS.has(c.req.method) && !c.get('session') && !isJson)
        throw new AppError('auth.csrf_invalid');
      return next();
    }
    const actor = c.get('actor');
    if (!actor) throw new AppError('auth.unauthenticated');
    if (access === 'session') return next();
    assertPermission(actor, access);
    return next();
  };
}

export function requestMeta(c: AppContext): RequestMeta {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  const remote = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
    ?.socket?.remoteAddress;
  return { ip: forwarded || remote || null, userAgent: c.req.header('user-agent') ?? null };
}

export function requireActor(c: AppContext): Actor {
  const actor = c.get('actor');
  if (!actor) throw new AppError('auth.unauthenticated');
  return actor;
}

/** What a service needs to read on the signed-in user's behalf. */
export function readDeps(c: AppContext) {
  const { db, clock } = c.get('deps');
  return { db, clock, actor: requireActor(c) };
}

/** What a service needs to change data: the reader's deps plus the request's IP and agent for the audit log. */
export function writeDeps(c: AppContext) {
  return { ...readDeps(c), meta: requestMeta(c) };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The API app with sessions, CSRF and error mapping; routes are added by each module. */
export function createApiApp(deps: AppDeps) {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      }));
      return c.json(errorBody('request.invalid', { issues }), 400);
    },
  });

  api.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('actor', null);
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const authenticated = await authenticate({ ...deps, token });
      if (authenticated) {
        c.set('actor', authenticated.actor);
        c.set('session', authenticated.session);
      }
    }
    // Every write made with a session must echo the session's CSRF token in a header, which a
    // page on another site cannot read or set. Writes without a session are refused by their
    // route unless it is public (see requireAccess).
    const session = c.get('session');
    if (!SAFE_METHODS.has(c.req.method) && session) {
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!tokensMatch(sent, session.csrfToken)) throw new AppError('auth.csrf_invalid');
    }
    await next();
  });

  api.onError((error, c) => {
    if (error instanceof AppError) {
      const status = errorStatus(error.code) as 400;
      if (error.details.retryAfterSeconds) c.header('Retry-After', String(error.details.retryAfterSeconds));
      return c.json(errorBody(error.code, error.details), status);
    }
    if (isBodyParseError(error)) return c.json(errorBody('request.invalid'), 400);
    console.error('[binhdang] unhandled error', c.req.method, c.req.path, error);
    return c.json(errorBody('server.internal'), 500);
  });

  api.notFound((c) => c.json(errorBody('request.not_found'), 404));
  return api;
}

function isBodyParseError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'SyntaxError' || /Malformed JSON/i.test(error.message));
}

export function isErrorCode(value: string): value is ErrorCode {
  return value in errorCatalogue;
}

export type ApiApp = ReturnType<typeof createApiApp>;
