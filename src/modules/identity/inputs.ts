import { z } from 'zod';
import { f } from '../../platform/http/validation.js';
import { emailField, phoneField } from './contacts.js';
import { isOwnContact, newPasswordField } from './passwords.js';
import { ROLES, SCOPES } from './scopes.js';

/**
 * An optional field whose value, when given, must pass `inner`. Empty input is "not
 * given". Written as a plain string with a transform so the OpenAPI document shows a string.
 */
export function optionalOf<T>(inner: z.ZodType<T, string>) {
  return z
    .string()
    .optional()
    .transform((v, ctx): T | undefined => {
      if (!v?.trim()) return undefined;
      const r = inner.safeParse(v);
      if (r.success) return r.data;
      for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message });
      return z.NEVER;
    });
}

/** A path inside this site to go back to after signing in; anything else is dropped (no open redirect). */
export function localPath(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

const noOwnContactAsPassword = (
  v: { password?: string; email?: string; phone?: string },
  ctx: z.RefinementCtx,
) => {
  if (v.password && isOwnContact(v.password, v)) {
    ctx.addIssue({ code: 'custom', path: ['password'], message: 'identity.password.is_contact' });
  }
};

export const signupInput = z
  .object({
    fullName: f.text(100),
    phone: optionalOf(phoneField()),
    email: optionalOf(emailField()),
    password: newPasswordField(),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email)
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'identity.contact_required' });
    noOwnContactAsPassword(v, ctx);
  });
export type SignupInput = z.output<typeof signupInput>;

export const signinInput = z.object({
  identifier: f.text(254),
  password: z.string('v.required').min(1, 'v.required').max(200, 'v.too_long'),
});

export const forgotInput = z.object({ identifier: f.text(254) });

export const resetInput = z.object({
  token: z.string('identity.reset.invalid').min(1, 'identity.reset.invalid').max(200),
  password: newPasswordField(),
});

export const changePasswordInput = z.object({
  currentPassword: z.string('v.required').min(1, 'v.required').max(200, 'v.too_long'),
  password: newPasswordField(),
});

export const officerInput = z.object({
  fullName: f.text(100),
  email: emailField(),
  phone: optionalOf(phoneField()),
});

const reason = () =>
  z.string('error.reason_required').trim().min(1, 'error.reason_required').max(500, 'v.too_long');

export const roleInput = z.object({ role: z.enum(ROLES, 'v.choose'), reason: reason() });

export const reasonInput = z.object({ reason: reason() });

export const tokenInput = z.object({
  name: f.text(80),
  scopes: f.list(z.enum(SCOPES, 'v.choose')).refine((s) => s.length > 0, 'identity.token.scopes_required'),
  /** Days until the token expires; empty means it does not expire. */
  expiresInDays: z
    .union([z.string(), z.number()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const n = Number(v);
      if (Number.isInteger(n) && n >= 1 && n <= 3650) return n;
      ctx.addIssue({ code: 'custom', message: 'identity.token.expiry' });
      return z.NEVER;
    }),
});

export const userSearchInput = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
