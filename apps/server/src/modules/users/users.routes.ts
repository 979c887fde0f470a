import {
  accountProfile,
  createUserInput,
  emailInput,
  grantIdParam,
  grantInput,
  resetPasswordInput,
  updateUserInput,
  userIdParam,
  userList,
  userSearchQuery,
  userSummary,
} from '@binhdang/contracts';
import {
  type ApiApp,
  type AppContext,
  defineRoute,
  jsonBody,
  jsonContent,
  requestMeta,
  requireActor,
} from '../app/http.ts';
import {
  addGrant,
  createUser,
  getAccount,
  getUser,
  listUsers,
  removeGrant,
  resetPassword,
  setOwnEmail,
  setUserEmail,
  unlockUser,
  updateUser,
} from './users.service.ts';

const tags = ['users'];

function deps(c: AppContext) {
  const { db, clock } = c.get('deps');
  return { db, clock, actor: requireActor(c), meta: requestMeta(c) };
}

export function registerUserRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('users.read', {
      method: 'get',
      path: '/users',
      tags,
      summary: 'Accounts with a role in my scope',
      request: { query: userSearchQuery },
      responses: { 200: jsonContent(userList) },
    }),
    async (c) => c.json(await listUsers({ ...deps(c), ...c.req.valid('query') }), 200),
  );

  api.openapi(
    defineRoute('users.read', {
      method: 'get',
      path: '/users/{id}',
      tags,
      summary: 'One account with its roles',
      request: { params: userIdParam },
      responses: { 200: jsonContent(userSummary) },
    }),
    async (c) => c.json(await getUser({ ...deps(c), userId: c.req.valid('param').id }), 200),
  );

  api.openapi(
    defineRoute('users.manage', {
      method: 'post',
      path: '/users',
      tags,
      summary: 'Create an account with roles on units in my scope',
      request: { body: jsonBody(createUserInput) },
      responses: { 201: jsonContent(userSummary, 'Created') },
    }),
    async (c) => c.json(await createUser({ ...deps(c), input: c.req.valid('json') }), 201),
  );

  api.openapi(
    defineRoute('users.manage', {
      method: 'patch',
      path: '/users/{id}',
      tags,
      summary: 'Change display name or disable an account (ends its sessions)',
      request: { params: userIdParam, body: jsonBody(updateUserInput) },
      responses: { 200: jsonContent(userSummary) },
    }),
    async (c) =>
      c.json(
        await updateUser({ ...deps(c), userId: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );

  api.openapi(
    defineRoute('users.manage', {
      method: 'post',
      path: '/users/{id}/password',
      tags,
      summary: 'Set a new password for an account (unlocks it, ends its sessions)',
      request: { params: userIdParam, body: jsonBody(resetPasswordInput) },
      responses: { 200: jsonContent(userSummary) },
    }),
    async (c) =>
      c.json(
        await resetPassword({
          ...deps(c),
          userId: c.req.valid('param').id,
          newPassword: c.req.valid('json').newPassword,
        }),
        200,
      ),
  );

  api.openapi(
    defineRoute('users.manage', {
      method: 'post',
      path: '/users/{id}/unlock',
      tags,
      summary: 'Unlock an account locked by failed sign-ins',
      request: { params: userIdParam },
      responses: { 200: jsonContent(userSummary) },
    }),
    async (c) => c.json(await unlockUser({ ...deps(c), userId: c.req.valid('param').id }), 200),
  );

  api.openapi(
    defineRoute('users.manage', {
      method: 'post',
      path: '/users/{id}/grants',
      tags,
      summary: 'Grant a role on a unit',
      request: { params: userIdParam, body: jsonBody(grantInput) },
      responses: { 200: jsonContent(userSummary) },
    }),
    async (c) =>
      c.json(
        await addGrant({ ...deps(c), userId: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );

  api.openapi(
    defineRoute('users.manage', {
      method: 'delete',
      path: '/users/{id}/grants/{grantId}',
      tags,
      summary: 'Remove a role grant',
      request: { params: grantIdParam },
      responses: { 200: jsonContent(userSummary) },
    }),
    async (c) => {
      const { id, grantId } = c.req.valid('param');
      return c.json(await removeGrant({ ...deps(c), userId: id, grantId }), 200);
    },
  );

  api.openapi(
    defineRoute('users.manage', {
      method: 'put',
      path: '/users/{id}/email',
      tags,
      summary: 'Set or clear the e-mail address reminders are sent to',
      request: { params: userIdParam, body: jsonBody(emailInput) },
      responses: { 200: jsonContent(userSummary) },
    }),
    async (c) =>
      c.json(
        await setUserEmail({ ...deps(c), userId: c.req.valid('param').id, email: c.req.valid('json').email }),
        200,
      ),
  );

  api.openapi(
    defineRoute('session', {
      method: 'get',
      path: '/account',
      tags,
      summary: 'My own account: username, display name, e-mail address',
      responses: { 200: jsonContent(accountProfile) },
    }),
    async (c) => c.json(await getAccount(deps(c)), 200),
  );

  api.openapi(
    defineRoute('session', {
      method: 'put',
      path: '/account/email',
      tags,
      summary: 'Set or clear my own e-mail address for reminders',
      request: { body: jsonBody(emailInput) },
      responses: { 200: jsonContent(accountProfile) },
    }),
    async (c) => c.json(await setOwnEmail({ ...deps(c), email: c.req.valid('json').email }), 200),
  );
}
