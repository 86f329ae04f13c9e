import { z } from 'zod';
import { type FieldError, ValidationError } from './errors.js';

/**
 * Parses input with a Zod schema whose messages are i18n keys; on failure throws one
 * ValidationError listing every field, so the form can show all errors at once.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new ValidationError(toFieldErrors(r.error));
}

export function toFieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_';
    if (seen.has(field)) continue; // the first problem of a field is the one to fix first
    seen.add(field);
    out.push({ field, ...keyOf(issue) });
  }
  return out;
}

/** The message key of one Zod issue: the schema's own key when it gave one, a generic one otherwise. */
export function keyOf(issue: {
  code: string;
  message: string;
  input?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}): Pick<FieldError, 'key' | 'params'> {
  if (issue.message.includes('.') && !issue.message.includes(' ')) return { key: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return { key: issue.input === undefined || issue.input === '' ? 'v.required' : 'v.invalid' };
    case 'too_small':
      return { key: 'v.too_short', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'v.too_long', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { key: 'v.choose' };
    default:
      return { key: 'v.invalid' };
  }
}

/** Form fields arrive as strings; these read them the way a person typed them. */
export const f = {
  /** Required text, trimmed. */
  text: (max = 200) => z.string('v.required').trim().min(1, 'v.required').max(max, 'v.too_long'),
  /** Optional text: empty becomes undefined. */
  optText: (max = 200) =>
    z
      .string()
      .trim()
      .max(max, 'v.too_long')
      .optional()
      .transform((v) => (v ? v : undefined)),
  /** A checkbox or a list of checkboxes, always an array. */
  list: <T extends z.ZodType>(item: T) =>
    z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item)),
  /** yyyy-mm-dd, not in the future. */
  pastDate: () =>
    z
      .string('v.required')
      .trim()
      .min(1, 'v.required')
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'v.date')
      .refine((v) => !Number.isNaN(Date.parse(v)), 'v.date')
      .refine((v) => new Date(v) <= new Date(), 'v.date_future'),
};
