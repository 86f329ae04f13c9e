import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { normaliseEmail, normalisePhone } from './contacts.js';

// Argon2id with the OWASP-recommended minimum (19 MiB, 2 passes); about 20-40 ms per hash here.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);
export const verifyPassword = (stored: string, password: string) =>
  verify(stored, password).catch(() => false);

export const PASSWORD_MIN = 10;

/** A new password: long enough (NIST SP 800-63B favours length over composition rules). */
export const newPasswordField = () =>
  // No schema-wide message: it would replace min()'s generic "at least {min} characters".
  z.string().min(1, 'v.required').min(PASSWORD_MIN).max(200, 'v.too_long');

/** True when the password is just the account's own phone number or e-mail address. */
export function isOwnContact(
  password: string,
  contact: { email?: string | null; phone?: string | null },
): boolean {
  return (
    (!!contact.email && normaliseEmail(password) === contact.email.toLowerCase()) ||
    (!!contact.phone && normalisePhone(password.trim()) === contact.phone)
  );
}

let dummy: Promise<string> | undefined;
/**
 * Verifies against a throwaway hash, so that a sign-in for an unknown account takes as
 * long as one for a known account and timing does not tell which accounts exist.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('no account has this password');
  await verifyPassword(await dummy, password);
}
