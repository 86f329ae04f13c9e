import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/module.js';

export function sellerRoutes(_app: FastifyInstance, _deps: Deps): void {}
