import type { FastifyInstance } from 'fastify';
import { notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { RENDITION_KEY } from './images.js';

/**
 * Product image renditions, read from storage. A key names one version of one image and never
 * changes (a new upload gets a new key), so browsers and proxies keep it for a year. Only
 * rendition keys are served here: a seller's documents live in the same storage.
 */
export function mediaRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/anh/*', { schema: { hide: true } }, async (req, reply) => {
    const key = (req.params as { '*': string })['*'];
    if (!RENDITION_KEY.test(key)) throw notFound();
    const data = await deps.storage.get(key).catch(() => undefined);
    if (!data) throw notFound();
    return reply
      .header('content-type', 'image/webp')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(data);
  });
}
