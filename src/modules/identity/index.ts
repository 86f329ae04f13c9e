import type { Module } from '../../platform/module.js';
import './messages.js';
import { identityRoutes } from './routes.js';

export { actorOf, authenticate, createSession, sha256 } from './auth.js';
export {
  emailField,
  findUserByEmail,
  isMobilePhone,
  normaliseEmail,
  normalisePhone,
  phoneField,
  userContacts,
} from './contacts.js';
export { optionalOf } from './inputs.js';
export { ROLES, SCOPES, type Scope } from './scopes.js';
export { createAdmin, createUser, type Role } from './service.js';

export const identityModule: Module = { name: 'identity', routes: identityRoutes };
