import { AppError, ValidationError } from '../platform/http/errors.js';
import type { FormState } from './forms.js';

/**
 * A refused form post as the form shown again: field errors from validation (422), or one
 * message at the top for a refusal the person can act on from the form, when its status is
 * one of `fixable` (a wrong password, a decision someone else took, an expired link...).
 * Anything else (403, 404, 500, ...) is not the form's business: it goes on to the error handler.
 */
export function failedForm(
  err: unknown,
  body: unknown,
  fixable: readonly number[] = [],
): { state: FormState; status: number } {
  const { _csrf: _, ...values } = (body ?? {}) as Record<string, unknown>;
  if (err instanceof ValidationError) return { state: { values, errors: err.fields }, status: 422 };
  if (err instanceof AppError && fixable.includes(err.status)) {
    return {
      state: { values, errors: [{ field: '_', key: err.key, params: err.params }] },
      status: err.status,
    };
  }
  throw err;
}
