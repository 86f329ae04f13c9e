import type { Role } from '../../platform/http/context.js';

export const ROLES = ['buyer', 'officer', 'admin'] as const satisfies readonly Role[];

/**
 * What a personal access token may be allowed to do. A bearer call is checked twice:
 * the user's role (as for a browser) and the token's scope (`requireRole(req, roles, scope)`).
 */
export const SCOPES = ['read', 'buyer:write', 'seller:write', 'officer:write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** The scopes a role may put on a token: never more than the role itself can do. */
const allowed: Record<Role, readonly Scope[]> = {
  // Sellers are buyers by role (a shop membership makes them sellers). `buyer:write`: one's
  // own cart, checkouts and orders; officers do not buy.
  buyer: ['read', 'buyer:write', 'seller:write'],
  officer: ['read', 'seller:write', 'officer:write'],
  admin: SCOPES,
};

export const scopesForRole = (role: Role): readonly Scope[] => allowed[role];
