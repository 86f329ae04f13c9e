/** A field that failed validation: its path and the message key that says what is wrong. */
export interface FieldError {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

/**
 * Errors a service throws for a user to read. The message is a key translated at the
 * edge, so the same error reads in Vietnamese or English, as a page or as JSON.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly key: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(key);
  }
}

export class ValidationError extends AppError {
  constructor(readonly fields: FieldError[]) {
    super(422, 'validation_failed', 'error.validation');
  }
}

export const notFound = (key = 'error.not_found') => new AppError(404, 'not_found', key);
export const forbidden = (key = 'error.forbidden') => new AppError(403, 'forbidden', key);
export const unauthorized = (key = 'error.unauthorized') => new AppError(401, 'unauthorized', key);
export const conflict = (key: string, params?: Record<string, string | number>) =>
  new AppError(409, 'conflict', key, params);
export const invalid = (field: string, key: string, params?: Record<string, string | number>) =>
  new ValidationError([{ field, key, params }]);
