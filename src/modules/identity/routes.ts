import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/module.js';

export function identityRoutes(_app: FastifyInstance, _deps: Deps): void {}
