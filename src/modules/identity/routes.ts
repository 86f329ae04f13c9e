import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/module.js';
import { accountRoutes } from './routes-account.js';
import { adminRoutes } from './routes-admin.js';
import { authRoutes } from './routes-auth.js';

export function identityRoutes(app: FastifyInstance, deps: Deps): void {
  authRoutes(app, deps);
  accountRoutes(app, deps);
  adminRoutes(app, deps);
}
