import { AppError, ValidationError } from '../../platform/http/errors.js';
import type { FormState } from '../../web/forms.js';

/** Statuses of errors a person can fix on the form itself (wrong password, locked, taken, expired link). */
const FIXABLE = new Set([401, 409, 410, 423]);

/**
 * A failed form submission as the form re-rendered with its errors: field errors from
 * validation (422), or one message at the top for the fixable refusals above. Anything
 * else (403, 500, ...) is not the form's business and goes on to the error handler.
 */
export function failedForm(err: unknown, body: unknown): { state: FormState; status: number } {
  const { _csrf: _, ...values } = (body ?? {}) as Record<string, unknown>;
  if (err instanceof ValidationError) return { state: { values, errors: err.fields }, status: 422 };
  if (err instanceof AppError && FIXABLE.has(err.status)) {
    return {
      state: { values, errors: [{ field: '_', key: err.key, params: err.params }] },
      status: err.status,
    };
  }
  throw err;
}
