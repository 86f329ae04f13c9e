import type { Module } from '../../platform/module.js';
import { identityRoutes } from './routes.js';

export { authenticate, createSession, sha256 } from './auth.js';
export { findUserByEmail, userContacts } from './contacts.js';
export { createAdmin, createUser } from './service.js';

export const identityModule: Module = { name: 'identity', routes: identityRoutes };
