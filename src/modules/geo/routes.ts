import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { commune, province, provinces } from './reference.js';
import { successorsOf } from './service.js';

const unit = z.object({ code: z.string(), name: z.string() });

/** Public, cacheable look-ups of the 2025 administrative units. */
export function geoRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = 'public, max-age=86400';
  r.get(
    '/api/v1/geo/provinces',
    {
      schema: {
        tags: ['geo'],
        summary: 'Provinces (2025 units)',
        response: { 200: z.object({ items: z.array(unit) }) },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', cache);
      return { items: provinces.map(({ code, name }) => ({ code, name })) };
    },
  );
  r.get(
    '/api/v1/geo/provinces/:code/communes',
    {
      schema: {
        tags: ['geo'],
        summary: 'Communes of a province (2025 units)',
        params: z.object({ code: z.string() }),
        response: { 200: z.object({ items: z.array(unit) }) },
      },
    },
    async (req, reply) => {
      const p = province(req.params.code);
      if (!p) throw notFound();
      reply.header('cache-control', cache);
      return { items: p.communes.map(({ code, name }) => ({ code, name })) };
    },
  );
  r.get(
    '/api/v1/geo/communes/:code',
    {
      schema: {
        tags: ['geo'],
        summary: 'One commune with its province',
        params: z.object({ code: z.string() }),
        response: { 200: unit.extend({ province: unit }) },
      },
    },
    async (req, reply) => {
      const c = commune(req.params.code);
      if (!c) throw notFound();
      const p = province(c.provinceCode)!;
      reply.header('cache-control', cache);
      return { code: c.code, name: c.name, province: { code: p.code, name: p.name } };
    },
  );
  r.get(
    '/api/v1/geo/former-communes/:code',
    {
      schema: {
        tags: ['geo'],
        summary: 'The 2025 commune(s) a pre-2025 commune now belongs to (for converting old addresses)',
        params: z.object({ code: z.string().regex(/^\d{5}$/) }),
        response: {
          200: z.object({
            former: unit.extend({ province: unit }),
            successors: z.array(unit.extend({ province: unit })),
          }),
        },
      },
    },
    async (req, reply) => {
      const found = await successorsOf(deps.db, req.params.code);
      if (!found) throw notFound();
      reply.header('cache-control', cache);
      return found;
    },
  );
}
