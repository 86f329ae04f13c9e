import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/module.js';

export function verificationRoutes(_app: FastifyInstance, _deps: Deps): void {}
