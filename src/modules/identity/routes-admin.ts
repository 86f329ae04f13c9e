import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientIp, requireRole, seeOther } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import type { Deps } from '../../platform/module.js';
import { failedForm } from '../../web/form-post.js';
import { emptyForm } from '../../web/forms.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { changeRole, createOfficer, listOfficers, listUsers, setDisabled } from './admin.js';
import { officerInput, reasonInput, roleInput, userSearchInput } from './inputs.js';
import { accountOut, errorOut, idParams } from './schemas.js';
import { getAccount } from './service.js';
import { AdminHome, OfficersPage, RolePage, StatusPage, UserPage } from './views/admin.js';

/** Only administrators; a bearer token also needs the `admin` scope. */
const admin = (req: FastifyRequest) => requireRole(req, ['admin'], 'admin');

/** Administration of accounts: the user list, officer accounts, roles, disabling. */
export function adminRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const mailSite = (req: FastifyRequest) => ({
    publicUrl: config.publicUrl,
    site: req.server.instance.name,
    locale: req.locale,
    ip: clientIp(req),
  });

  r.get('/quan-tri', { schema: { hide: true } }, async (req, reply) => {
    admin(req);
    const filters = userSearchInput.parse(req.query);
    const result = await listUsers(db, filters);
    return sendHtml(reply, AdminHome({ ctx: pageCtx(req, reply), result, filters }));
  });
  r.get(
    '/api/v1/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Search users by name, e-mail or phone; filter by role',
        security: [{ bearer: [] }],
        querystring: userSearchInput,
        response: {
          200: z.object({
            items: z.array(accountOut),
            total: z.number(),
            page: z.number(),
            pages: z.number(),
          }),
          401: errorOut,
          403: errorOut,
        },
      },
    },
    async (req) => {
      admin(req);
      return listUsers(db, req.query);
    },
  );

  // One user: facts, then a page per decision (role, status), each with its reason.
  r.get('/quan-tri/nguoi-dung/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const actor = admin(req);
    const user = await getAccount(db, req.params.id);
    return sendHtml(reply, UserPage({ ctx: pageCtx(req, reply), user, self: user.id === actor.id }));
  });
  r.get(
    '/api/v1/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'One user account',
        security: [{ bearer: [] }],
        params: idParams,
        response: { 200: accountOut, 404: errorOut },
      },
    },
    async (req) => {
      admin(req);
      return getAccount(db, req.params.id);
    },
  );

  r.get(
    '/quan-tri/nguoi-dung/:id/vai-tro',
    { schema: { hide: true, params: idParams } },
    async (req, reply) => {
      admin(req);
      const user = await getAccount(db, req.params.id);
      return sendHtml(
        reply,
        RolePage({ ctx: pageCtx(req, reply), user, state: emptyForm({ role: user.role }) }),
      );
    },
  );
  r.post(
    '/quan-tri/nguoi-dung/:id/vai-tro',
    { schema: { hide: true, params: idParams } },
    async (req, reply) => {
      const actor = admin(req);
      const body = req.body as Record<string, unknown>;
      try {
        await changeRole(db, actor, req.params.id, parseInput(roleInput, body), clientIp(req));
        return seeOther(reply, `/quan-tri/nguoi-dung/${req.params.id}`);
      } catch (err) {
        const { state, status } = failedForm(err, body, [409]);
        const user = await getAccount(db, req.params.id);
        return sendHtml(reply, RolePage({ ctx: pageCtx(req, reply), user, state }), status);
      }
    },
  );
  r.post(
    '/api/v1/admin/users/:id/role',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change a user’s role (audited with the reason)',
        security: [{ bearer: [] }],
        params: idParams,
        body: roleInput,
        response: { 200: accountOut, 404: errorOut, 409: errorOut, 422: errorOut },
      },
    },
    async (req) => {
      await changeRole(db, admin(req), req.params.id, req.body, clientIp(req));
      return getAccount(db, req.params.id);
    },
  );

  r.get(
    '/quan-tri/nguoi-dung/:id/trang-thai',
    { schema: { hide: true, params: idParams } },
    async (req, reply) => {
      admin(req);
      const user = await getAccount(db, req.params.id);
      return sendHtml(reply, StatusPage({ ctx: pageCtx(req, reply), user, state: emptyForm() }));
    },
  );
  r.post(
    '/quan-tri/nguoi-dung/:id/trang-thai',
    { schema: { hide: true, params: idParams } },
    async (req, reply) => {
      const actor = admin(req);
      const body = req.body as Record<string, unknown>;
      const user = await getAccount(db, req.params.id);
      try {
        const { reason } = parseInput(reasonInput, body);
        // The form toggles what the page offered: disable an active account, enable a disabled one.
        await setDisabled(db, actor, user.id, !user.disabledAt, reason, clientIp(req));
        return seeOther(reply, `/quan-tri/nguoi-dung/${user.id}`);
      } catch (err) {
        const { state, status } = failedForm(err, body, [409]);
        return sendHtml(reply, StatusPage({ ctx: pageCtx(req, reply), user, state }), status);
      }
    },
  );
  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    r.post(
      `/api/v1/admin/users/:id/${path}`,
      {
        schema: {
          tags: ['admin'],
          summary: disabled
            ? 'Disable a user: ends their sessions, revokes their tokens (audited with the reason)'
            : 'Enable a disabled user again (audited with the reason)',
          security: [{ bearer: [] }],
          params: idParams,
          body: reasonInput,
          response: { 200: accountOut, 404: errorOut, 409: errorOut, 422: errorOut },
        },
      },
      async (req) => {
        await setDisabled(db, admin(req), req.params.id, disabled, req.body.reason, clientIp(req));
        return getAccount(db, req.params.id);
      },
    );
  }

  // Officer accounts
  r.get(
    '/quan-tri/can-bo',
    { schema: { hide: true, querystring: z.object({ created: z.string().optional() }) } },
    async (req, reply) => {
      admin(req);
      const officers = await listOfficers(db);
      return sendHtml(
        reply,
        OfficersPage({
          ctx: pageCtx(req, reply),
          officers,
          state: emptyForm(),
          created: !!req.query.created,
        }),
      );
    },
  );
  r.post('/quan-tri/can-bo', { schema: { hide: true } }, async (req, reply) => {
    const actor = admin(req);
    const body = req.body as Record<string, unknown>;
    try {
      await createOfficer(db, actor, parseInput(officerInput, body), mailSite(req));
      return seeOther(reply, '/quan-tri/can-bo?created=1');
    } catch (err) {
      const { state, status } = failedForm(err, body);
      const officers = await listOfficers(db);
      return sendHtml(
        reply,
        OfficersPage({ ctx: pageCtx(req, reply), officers, state, created: false }),
        status,
      );
    }
  });
  r.get(
    '/api/v1/admin/officers',
    {
      schema: {
        tags: ['admin'],
        summary: 'Officer accounts',
        security: [{ bearer: [] }],
        response: { 200: z.object({ items: z.array(accountOut) }), 401: errorOut, 403: errorOut },
      },
    },
    async (req) => {
      admin(req);
      return { items: await listOfficers(db) };
    },
  );
  r.post(
    '/api/v1/admin/officers',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create an officer account; the officer gets a mail to set their password',
        security: [{ bearer: [] }],
        body: officerInput,
        response: { 201: accountOut, 403: errorOut, 422: errorOut },
      },
    },
    async (req, reply) => {
      const user = await createOfficer(db, admin(req), req.body, mailSite(req));
      return reply.code(201).send(user);
    },
  );
}
