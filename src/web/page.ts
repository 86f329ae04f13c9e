import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../platform/http/context.js';
import type { Locale, Translate } from '../platform/http/i18n.js';

/** What this instance is: which province it serves and who operates it. */
export interface Instance {
  name: string;
  provinceCode: string;
  provinceName: string;
  operator: { name: string; address: string; phone: string; email: string };
}

/** Everything a view needs about the request it renders for. */
export interface PageCtx {
  t: Translate;
  locale: Locale;
  actor: Actor | null;
  path: string;
  instance: Instance;
  /** A CSRF token for the forms on the page (made on first use). */
  csrf(): string;
}

declare module 'fastify' {
  interface FastifyInstance {
    instance: Instance;
  }
}

export function pageCtx(req: FastifyRequest, reply: FastifyReply): PageCtx {
  let token: string | undefined;
  return {
    t: req.t,
    locale: req.locale,
    actor: req.actor,
    path: req.url,
    instance: req.server.instance,
    csrf: () => {
      token ??= reply.generateCsrf();
      return token;
    },
  };
}

export async function sendHtml(reply: FastifyReply, html: JSX.Element, status = 200) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(await html);
}
