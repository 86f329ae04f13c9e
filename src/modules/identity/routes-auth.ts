import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientIp, seeOther } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import type { Deps } from '../../platform/module.js';
import { failedForm } from '../../web/form-post.js';
import { emptyForm } from '../../web/forms.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { clearSessionCookie, presentedSessionId, setSessionCookie } from './auth.js';
import { forgotInput, localPath, resetInput, signinInput, signupInput } from './inputs.js';
import { requestPasswordReset, resetPassword, resetTokenUsable } from './resets.js';
import { accountOut, errorOut } from './schemas.js';
import { signUp } from './service.js';
import { signIn, signOut } from './signin.js';
import { ForgotPage, ResetPage, SigninPage, SignupPage } from './views/auth.js';

/**
 * Per-IP limits on the doors guessers knock on; the page and its API twin share one
 * counter (groupId), kept in PostgreSQL so every instance counts together.
 */
const limit = (groupId: string) => ({ rateLimit: { max: 10, timeWindow: '1 minute', groupId } });

const nextQuery = z.object({ next: z.string().optional() });

export function authRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const meta = (req: FastifyRequest) => ({
    ip: clientIp(req),
    userAgent: req.headers['user-agent'],
    locale: req.locale,
    previousSessionId: presentedSessionId(req),
  });
  const site = (req: FastifyRequest) => ({ publicUrl: config.publicUrl, site: req.server.instance.name });
  const startSession = (reply: FastifyReply, token: string) =>
    setSessionCookie(reply, token, config.publicUrl);

  /** The sign-up and sign-in forms: start a session, then back to where the user was (`next`). */
  const sessionForm =
    (
      Page: typeof SignupPage,
      start: (req: FastifyRequest, body: Record<string, unknown>) => Promise<{ token: string }>,
      fixable: number[] = [],
    ) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      const body = req.body as Record<string, unknown>;
      const next = localPath(body.next);
      try {
        startSession(reply, (await start(req, body)).token);
        return seeOther(reply, next);
      } catch (err) {
        const { state, status } = failedForm(err, body, fixable);
        return sendHtml(reply, Page({ ctx: pageCtx(req, reply), state, next }), status);
      }
    };

  // Sign up
  r.get('/dang-ky', { schema: { hide: true, querystring: nextQuery } }, async (req, reply) =>
    sendHtml(
      reply,
      SignupPage({ ctx: pageCtx(req, reply), state: emptyForm(), next: localPath(req.query.next) }),
    ),
  );
  r.post(
    '/dang-ky',
    { schema: { hide: true }, config: limit('signup') },
    sessionForm(SignupPage, (req, body) => signUp(db, parseInput(signupInput, body), meta(req))),
  );
  r.post(
    '/api/v1/auth/signup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a buyer account (phone or e-mail) and sign in',
        body: signupInput,
        response: { 201: z.object({ user: accountOut }), 422: errorOut },
      },
      config: limit('signup'),
    },
    async (req, reply) => {
      const { user, token } = await signUp(db, req.body, meta(req));
      startSession(reply, token);
      return reply.code(201).send({ user });
    },
  );

  // Sign in
  r.get(
    '/dang-nhap',
    { schema: { hide: true, querystring: nextQuery.extend({ reset: z.string().optional() }) } },
    async (req, reply) => {
      const ctx = pageCtx(req, reply);
      const notice = req.query.reset ? ctx.t('identity.reset.done') : undefined;
      return sendHtml(
        reply,
        SigninPage({ ctx, state: emptyForm(), next: localPath(req.query.next), notice }),
      );
    },
  );
  // A wrong password (401) or a locked account (423) is said on the form.
  r.post(
    '/dang-nhap',
    { schema: { hide: true }, config: limit('signin') },
    sessionForm(
      SigninPage,
      (req, body) => signIn(db, config, parseInput(signinInput, body), meta(req)),
      [401, 423],
    ),
  );
  r.post(
    '/api/v1/auth/signin',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with phone or e-mail; sets the session cookie',
        body: signinInput,
        response: { 200: z.object({ user: accountOut }), 401: errorOut, 423: errorOut },
      },
      config: limit('signin'),
    },
    async (req, reply) => {
      const { user, token } = await signIn(db, config, req.body, meta(req));
      startSession(reply, token);
      return { user };
    },
  );

  // Sign out
  r.post('/dang-xuat', { schema: { hide: true } }, async (req, reply) => {
    if (req.actor) await signOut(db, req.actor, clientIp(req));
    clearSessionCookie(reply);
    return seeOther(reply, '/');
  });
  r.post(
    '/api/v1/auth/signout',
    { schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } } },
    async (req, reply) => {
      if (req.actor) await signOut(db, req.actor, clientIp(req));
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  // Forgotten password: the same answer whether or not the account exists.
  r.get(
    '/quen-mat-khau',
    { schema: { hide: true, querystring: z.object({ sent: z.string().optional() }) } },
    async (req, reply) =>
      sendHtml(reply, ForgotPage({ ctx: pageCtx(req, reply), state: emptyForm(), sent: !!req.query.sent })),
  );
  r.post('/quen-mat-khau', { schema: { hide: true }, config: limit('forgot') }, async (req, reply) => {
    const body = req.body as Record<string, unknown>;
    try {
      await requestPasswordReset(db, parseInput(forgotInput, body).identifier, site(req));
      return seeOther(reply, '/quen-mat-khau?sent=1');
    } catch (err) {
      const { state, status } = failedForm(err, body);
      return sendHtml(reply, ForgotPage({ ctx: pageCtx(req, reply), state, sent: false }), status);
    }
  });
  r.post(
    '/api/v1/auth/password/forgot',
    {
      schema: {
        tags: ['auth'],
        summary: 'Mail a password reset link (answers the same whether or not the account exists)',
        body: forgotInput,
        response: { 202: z.object({ message: z.string() }) },
      },
      config: limit('forgot'),
    },
    async (req, reply) => {
      await requestPasswordReset(db, req.body.identifier, site(req));
      return reply.code(202).send({ message: req.t('identity.forgot.sent') });
    },
  );

  // Reset with the mailed one-time link
  r.get(
    '/dat-lai-mat-khau',
    { schema: { hide: true, querystring: z.object({ token: z.string().optional() }) } },
    async (req, reply) => {
      const token = req.query.token ?? '';
      const usable = !!token && (await resetTokenUsable(db, token));
      reply.header('referrer-policy', 'no-referrer'); // the token is in this page's URL
      return sendHtml(
        reply,
        ResetPage({ ctx: pageCtx(req, reply), state: emptyForm(), token, usable }),
        usable ? 200 : 410,
      );
    },
  );
  r.post('/dat-lai-mat-khau', { schema: { hide: true } }, async (req, reply) => {
    const body = req.body as Record<string, unknown>;
    try {
      await resetPassword(db, parseInput(resetInput, body), clientIp(req));
      clearSessionCookie(reply);
      return seeOther(reply, '/dang-nhap?reset=1');
    } catch (err) {
      const { state, status } = failedForm(err, body, [410]);
      const token = typeof body.token === 'string' ? body.token : '';
      return sendHtml(
        reply,
        ResetPage({ ctx: pageCtx(req, reply), state, token, usable: status !== 410 }),
        status,
      );
    }
  });
  r.post(
    '/api/v1/auth/password/reset',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset token; signs out every session',
        body: resetInput,
        response: { 204: z.null(), 410: errorOut, 422: errorOut },
      },
    },
    async (req, reply) => {
      await resetPassword(db, req.body, clientIp(req));
      return reply.code(204).send(null);
    },
  );
}
