import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError, ValidationError } from '../platform/http/errors.js';
import { keyOf } from '../platform/http/validation.js';
import { Layout } from './layout.js';
import { pageCtx, sendHtml } from './page.js';

/** Any thrown error, as the AppError a user can read (unknown errors become a 500). */
function toAppError(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldError[] = err.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '_',
      ...keyOf({ code: v.keyword, message: v.message ?? '', ...(v.params as object) }),
    }));
    return new ValidationError(fields);
  }
  if (err.code?.startsWith('FST_CSRF')) return new AppError(403, 'csrf', 'error.csrf');
  if (err.statusCode === 429) {
    const seconds = Math.ceil(Number((err as { ttl?: number }).ttl ?? 60000) / 1000);
    return new AppError(429, 'rate_limited', 'error.rate_limited', { seconds });
  }
  if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT') {
    return new AppError(413, 'payload_too_large', 'error.payload_too_large');
  }
  if (err.statusCode === 404) return new AppError(404, 'not_found', 'error.not_found');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError(err.statusCode, 'bad_request', 'v.invalid');
  }
  return new AppError(500, 'server_error', 'error.server');
}

/**
 * One place turns errors into answers: JSON `{ error: { code, message, fields } }` under
 * /api, a page otherwise; a page that needs a signed-in user redirects to the sign-in page.
 */
export async function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const e = toAppError(err);
  if (e.status >= 500) req.log.error({ err }, 'request failed');
  else if (e.status === 429) reply.header('retry-after', String(e.params?.seconds ?? 60));
  const fields = e instanceof ValidationError ? e.fields : undefined;
  if (req.isApi) {
    return reply.code(e.status).send({
      error: {
        code: e.code,
        message: req.t(e.key, e.params),
        fields: fields?.map((f) => ({ field: f.field, message: req.t(f.key, f.params) })),
      },
    });
  }
  if (e.status === 401 && req.method === 'GET') {
    return reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`);
  }
  const ctx = pageCtx(req, reply);
  return sendHtml(
    reply,
    <Layout ctx={ctx} title={ctx.t('error.title')}>
      <h1 safe>{ctx.t('error.title')}</h1>
      <p class="notice error" safe>
        {ctx.t(e.key, e.params)}
      </p>
      <ul>
        {(fields ?? []).map((f) => (
          <li safe>{`${ctx.t(`label.${f.field}`)}: ${ctx.t(f.key, f.params)}`}</li>
        ))}
      </ul>
      <p>
        <a href={e.status === 401 ? '/dang-nhap' : '/'} safe>
          {ctx.t(e.status === 401 ? 'nav.signin' : 'error.back_home')}
        </a>
      </p>
    </Layout>,
    e.status,
  );
}
