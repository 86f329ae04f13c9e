import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * HTTP caching of public pages. Anonymous visitors all see the same page for an address
 * and language, so browsers and shared caches may keep it for a minute and then revalidate
 * with the ETag or the date; a signed-in visitor's page carries their session (header, sign
 * out form) and is never stored.
 */
export function publicCache(req: FastifyRequest, reply: FastifyReply): void {
  reply.header('cache-control', req.actor ? 'private, no-store' : 'public, max-age=60');
  reply.header('vary', 'Cookie, Authorization, Accept-Language');
}

/**
 * Validators of an anonymous page: sets ETag and Last-Modified and answers whether the
 * visitor's copy is still current (then the caller sends 304 without rendering). The ETag
 * wins over the date when both are sent (RFC 9110, 13.2.2).
 */
export function notModified(
  req: FastifyRequest,
  reply: FastifyReply,
  validators: { etag: string; lastModified: Date },
): boolean {
  publicCache(req, reply);
  if (req.actor) return false;
  const etag = `"${validators.etag}"`;
  // HTTP dates have whole seconds.
  const seconds = Math.floor(validators.lastModified.getTime() / 1000);
  reply.header('etag', etag);
  reply.header('last-modified', new Date(seconds * 1000).toUTCString());
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined)
    return ifNoneMatch
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === etag || t === '*');
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && seconds * 1000 <= since;
}
