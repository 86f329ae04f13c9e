import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isLocale } from '../platform/http/i18n.js';
import type { Module } from '../platform/module.js';

function routes(app: FastifyInstance) {
  /** A CSRF token for scripts and API clients that post forms with a session cookie. */
  app.get(
    '/api/v1/csrf',
    { schema: { tags: ['auth'], summary: 'CSRF token for form posts' } },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return { token: reply.generateCsrf() };
    },
  );

  /** Language switch that works without JavaScript: sets the cookie and goes back. */
  app.get(
    '/ngon-ngu',
    { schema: { hide: true, querystring: z.object({ lang: z.string(), next: z.string().optional() }) } },
    async (req, reply) => {
      const { lang, next } = req.query as { lang: string; next?: string };
      if (isLocale(lang)) reply.setCookie('lang', lang, { path: '/', maxAge: 365 * 86400, sameSite: 'lax' });
      // Only local paths: never an open redirect.
      const target =
        next?.startsWith('/') && !next.startsWith('//') ? next.replace(/([?&])lang=\w+&?/, '$1') : '/';
      return reply.redirect(target);
    },
  );
}

/** What every page relies on besides the pages themselves (the home page is the storefront module's). */
export const homeModule: Module = { name: 'home', routes };
