import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { asUpload } from '../../platform/storage/storage.js';
import { emptyForm, type FormState } from '../../web/forms.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { normalizeCode } from './document.js';
import { signerFor } from './keys.js';
import { contractFile, contractForParty, publicKeyPem } from './service.js';
import { type Verification, verifyCode, verifyFile } from './verify.js';
import { ContractPage } from './views/contract.js';
import { VerifyPage } from './views/verify.js';

type Query = Record<string, string | undefined>;

/** The public checks share one per-address limit, like search: they read the database for anyone. */
export function verifyRateLimit(deps: Deps) {
  const max = deps.config.buying.contractVerifyRateLimit;
  return { rateLimit: max ? { max, timeWindow: '1 minute', groupId: 'contract-verify' } : (false as const) };
}

/** A contract's code from the address ("hd-dh7k…" is read as "HD-DH7K…"); 404 when it cannot be one. */
export function codeParam(req: FastifyRequest): string {
  const code = normalizeCode(String((req.params as { code?: string }).code ?? ''));
  if (!code) throw notFound();
  return code;
}

/** The pages: the parties' contract and its file, the public check, the public key. */
export function contractRoutes(app: FastifyInstance, deps: Deps): void {
  const { db, config } = deps;
  const limited = verifyRateLimit(deps);
  // Read (or made) at start, so that a wrong CONTRACT_KEY_FILE stops the start instead of the signing.
  signerFor(config);

  app.get('/hop-dong/khoa-cong-khai', { schema: { hide: true } }, async (req, reply) => {
    const signer = signerFor(config);
    const asked = (req.query as Query).khoa;
    const pem = !asked || asked === signer.keyId ? signer.publicKeyPem : await publicKeyPem(db, asked);
    if (!pem) throw notFound();
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=300').send(pem);
  });

  const page = (
    req: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    result?: Verification,
    status = 200,
  ) => {
    reply.header('cache-control', 'private, no-store');
    return sendHtml(reply, VerifyPage({ ctx: pageCtx(req, reply), state, result }), status);
  };

  app.get('/hop-dong/kiem-tra', { config: limited, schema: { hide: true } }, async (req, reply) => {
    const typed = (req.query as Query).ma?.trim();
    if (!typed) return page(req, reply, emptyForm());
    const state = emptyForm({ contract_code: typed });
    if (!normalizeCode(typed)) return page(req, reply, codeFormat(state), undefined, 422);
    return page(req, reply, state, await verifyCode(db, typed));
  });

  app.post('/hop-dong/kiem-tra', { config: limited, schema: { hide: true } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const upload = asUpload(body.contract_file);
    const typed = typeof body.contract_code === 'string' ? body.contract_code.trim() : '';
    const state = emptyForm({ contract_code: typed });
    if (upload) return page(req, reply, state, await verifyFile(db, upload.data.toString('utf8')));
    if (!typed) {
      state.errors.push({ field: '_', key: 'contract.verify.need_one' });
      return page(req, reply, state, undefined, 422);
    }
    if (!normalizeCode(typed)) return page(req, reply, codeFormat(state), undefined, 422);
    return page(req, reply, state, await verifyCode(db, typed));
  });

  app.get('/hop-dong/:code', { schema: { hide: true } }, async (req, reply) => {
    const row = await contractForParty(
      db,
      requireRole(req, ['buyer', 'officer', 'admin'], 'read'),
      codeParam(req),
    );
    reply.header('cache-control', 'private, no-store');
    return sendHtml(
      reply,
      ContractPage({ ctx: pageCtx(req, reply), file: contractFile(row, config.publicUrl) }),
    );
  });

  app.get('/hop-dong/:code/tai-ve', { schema: { hide: true } }, async (req, reply) => {
    const row = await contractForParty(
      db,
      requireRole(req, ['buyer', 'officer', 'admin'], 'read'),
      codeParam(req),
    );
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${row.code}.json"`)
      .header('cache-control', 'private, no-store')
      .send(`${JSON.stringify(contractFile(row, config.publicUrl), null, 2)}\n`);
  });
}

function codeFormat(state: FormState): FormState {
  return { ...state, errors: [{ field: 'contract_code', key: 'contract.verify.code_format' }] };
}
