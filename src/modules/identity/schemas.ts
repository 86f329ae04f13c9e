import { z } from 'zod';
import { ROLES } from './scopes.js';

/** Shapes of what the identity API answers, for the OpenAPI document and the serializer. */
export const accountOut = z.object({
  id: z.uuid(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.enum(ROLES),
  createdAt: z.date(),
  disabledAt: z.date().nullable(),
});

export const meOut = z.object({
  id: z.uuid(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.enum(ROLES),
  via: z.enum(['session', 'token']),
  scopes: z.array(z.string()).optional().describe('Scopes of the bearer token; absent for a browser session'),
});

export const tokenOut = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const errorOut = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

export const idParams = z.object({ id: z.uuid('error.not_found') });
