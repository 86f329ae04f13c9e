import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientIp, requireActor, requireRole, seeOther } from '../../platform/http/context.js';
import { forbidden } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import type { Deps } from '../../platform/module.js';
import { failedForm } from '../../web/form-post.js';
import { emptyForm, type FormState } from '../../web/forms.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { changePasswordInput, tokenInput } from './inputs.js';
import { errorOut, idParams, meOut, tokenOut } from './schemas.js';
import { ROLES, scopesForRole } from './scopes.js';
import { changePassword, getAccount } from './service.js';
import { createToken, listTokens, revokeToken } from './tokens.js';
import { AccountPage, TokensPage } from './views/account.js';

const anyone = [...ROLES];

/** The signed-in user's own account: profile, password, personal access tokens. */
export function accountRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  const accountPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    changed: boolean,
    status = 200,
  ) => {
    const actor = requireActor(req);
    const [account, tokens] = await Promise.all([
      getAccount(db, actor.id),
      listTokens(db, actor.id, { activeOnly: true }),
    ]);
    return sendHtml(
      reply,
      AccountPage({ ctx: pageCtx(req, reply), account, tokens, state, changed }),
      status,
    );
  };
  r.get(
    '/tai-khoan',
    { schema: { hide: true, querystring: z.object({ password: z.string().optional() }) } },
    async (req, reply) => accountPage(req, reply, emptyForm(), !!req.query.password),
  );
  r.post('/tai-khoan/mat-khau', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    const body = req.body as Record<string, unknown>;
    try {
      await changePassword(db, actor, parseInput(changePasswordInput, body), clientIp(req));
      return seeOther(reply, '/tai-khoan?password=1');
    } catch (err) {
      const { state, status } = failedForm(err, body);
      return accountPage(req, reply, state, false, status);
    }
  });

  r.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['account'],
        summary: 'Who is calling: the signed-in user or the owner of the bearer token',
        security: [{ bearer: [] }],
        response: { 200: meOut, 401: errorOut },
      },
    },
    async (req) => requireActor(req),
  );
  r.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['account'],
        summary: 'Change the password (signs out the other sessions)',
        body: changePasswordInput,
        response: { 204: z.null(), 422: errorOut },
      },
    },
    async (req, reply) => {
      // Only from a session: a leaked token must not be able to take the account over.
      const actor = requireActor(req);
      if (actor.via !== 'session') throw forbidden('identity.token.session_only');
      await changePassword(db, actor, req.body, clientIp(req));
      return reply.code(204).send(null);
    },
  );

  // Personal access tokens
  type Extra = Partial<Pick<Parameters<typeof TokensPage>[0], 'state' | 'created'>>;
  const tokensPage = async (req: FastifyRequest, reply: FastifyReply, extra: Extra, status = 200) => {
    const actor = requireActor(req);
    const tokens = await listTokens(db, actor.id);
    const ctx = pageCtx(req, reply);
    reply.header('cache-control', 'no-store');
    return sendHtml(
      reply,
      TokensPage({ ctx, tokens, allowedScopes: scopesForRole(actor.role), state: emptyForm(), ...extra }),
      status,
    );
  };
  r.get('/tai-khoan/token', { schema: { hide: true } }, async (req, reply) => tokensPage(req, reply, {}));
  r.post('/tai-khoan/token', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    const body = req.body as Record<string, unknown>;
    try {
      const { token, view } = await createToken(db, actor, parseInput(tokenInput, body));
      // The secret is shown in this answer and never again, so no redirect: nothing keeps it to show later.
      return tokensPage(req, reply, { created: { token, name: view.name } }, 201);
    } catch (err) {
      const { state, status } = failedForm(err, body);
      return tokensPage(req, reply, { state }, status);
    }
  });
  r.post('/tai-khoan/token/:id/thu-hoi', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    await revokeToken(db, requireActor(req), req.params.id);
    return seeOther(reply, '/tai-khoan/token');
  });

  r.get(
    '/api/v1/me/tokens',
    {
      schema: {
        tags: ['account'],
        summary: 'My personal access tokens (never the secrets)',
        security: [{ bearer: [] }],
        response: { 200: z.object({ items: z.array(tokenOut) }), 401: errorOut },
      },
    },
    async (req) => ({ items: await listTokens(db, requireRole(req, anyone, 'read').id) }),
  );
  r.post(
    '/api/v1/me/tokens',
    {
      schema: {
        tags: ['account'],
        summary: 'Create a personal access token; the secret is in this answer only',
        body: tokenInput,
        response: { 201: tokenOut.extend({ token: z.string() }), 403: errorOut, 422: errorOut },
      },
    },
    async (req, reply) => {
      const { token, view } = await createToken(db, requireActor(req), req.body);
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ ...view, token });
    },
  );
  r.delete(
    '/api/v1/me/tokens/:id',
    {
      schema: {
        tags: ['account'],
        summary: 'Revoke one of my tokens',
        security: [{ bearer: [] }],
        params: idParams,
        response: { 204: z.null(), 404: errorOut },
      },
      // A cross-site page cannot send DELETE without a CORS preflight, which this app never grants.
      config: { csrf: false },
    },
    async (req, reply) => {
      await revokeToken(db, requireActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
