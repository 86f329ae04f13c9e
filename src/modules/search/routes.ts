import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ValidationError } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { sharedPage } from '../../web/shared-page.js';
import type { SearchResult } from './engine.js';
import { filterPairs, type SearchParams, searchParams, toSearchQuery } from './params.js';
import { errorJson, presentSearch, presentSuggest, searchJson, suggestJson } from './presenters.js';
import { searchEngine } from './service.js';
import { SearchPage } from './views/results.js';

/**
 * Answers may be kept a second by browsers and proxies, as long as nobody is signed in
 * (a signed-in page carries the person's name). Language comes from the cookie or the header.
 */
function cacheable(req: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', req.actor ? 'private, no-store' : 'public, max-age=1');
  reply.header('vary', 'Accept-Language, Cookie');
}

export function searchRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const engine = searchEngine(deps.db);
  const max = deps.config.searchRateLimit;
  const limited = { rateLimit: max ? { max, timeWindow: '1 minute' } : (false as const) };

  r.get(
    '/api/v1/search',
    {
      config: limited,
      schema: {
        tags: ['search'],
        summary: 'Search published products (Vietnamese with or without diacritics, typos, synonyms)',
        description:
          'Relevance first, then valid OCOP stars and sales: each hit gives its score as relevance + ocop + sales. ' +
          'Facets count the matches (the first 2,000 when there are more: totalIsLowerBound). ' +
          'Pages of 24; pass nextCursor as cursor for the next one.',
        querystring: searchParams,
        response: { 200: searchJson, 422: errorJson, 429: errorJson },
      },
    },
    async (req, reply) => {
      const result = await engine.search(toSearchQuery(req.query));
      cacheable(req, reply);
      return presentSearch(result, req.locale);
    },
  );

  r.get(
    '/api/v1/search/suggest',
    {
      config: limited,
      schema: {
        tags: ['search'],
        summary: 'Autocomplete: product names and categories for what is being typed',
        querystring: z.object({ q: z.string().optional() }),
        response: { 200: suggestJson, 429: errorJson },
      },
    },
    async (req, reply) => {
      const suggestion = await engine.suggest(req.query.q ?? '');
      cacheable(req, reply);
      return presentSuggest(suggestion, req.locale);
    },
  );

  r.get('/tim-kiem', { config: limited, schema: { hide: true } }, async (req, reply) => {
    const ctx = pageCtx(req, reply);
    const raw = req.query as Record<string, unknown>;
    let params: SearchParams = {};
    let result: SearchResult | undefined;
    try {
      params = parseInput(searchParams, raw);
      // The bare page (nothing asked yet) shows only the form.
      const asked = filterPairs(params).some(([k]) => k !== 'sort');
      result = asked ? await engine.search(toSearchQuery(params)) : undefined;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const shown = { q: typeof raw.q === 'string' ? raw.q : undefined };
      return sendHtml(
        reply,
        SearchPage({ ctx, params: shown, state: { values: raw, errors: err.fields } }),
        422,
      );
    }
    cacheable(req, reply);
    if (!req.actor && result)
      return sendHtml(reply, await sharedPage(ctx, [result], (c) => SearchPage({ ctx: c, params, result })));
    return sendHtml(reply, SearchPage({ ctx, params, result }));
  });
}
