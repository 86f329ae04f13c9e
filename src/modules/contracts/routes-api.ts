import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../platform/http/context.js';
import { invalid } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { normalizeCode } from './document.js';
import { signerFor } from './keys.js';
import { codeParam, verifyRateLimit } from './routes.js';
import { contractFile, contractForParty, publicKeys } from './service.js';
import { verifyCode, verifyFile } from './verify.js';

const tags = ['contracts'];

const errorJson = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

const fileJson = z.object({
  format: z.literal('tmdt-contract/1'),
  document: z.record(z.string(), z.unknown()),
  hash: z.object({ algorithm: z.literal('SHA-256'), value: z.string() }),
  signature: z.object({
    algorithm: z.literal('Ed25519'),
    keyId: z.string(),
    value: z.string(),
    publicKey: z.string(),
  }),
});

const outcome = <T extends [string, ...string[]]>(values: T) => z.enum(values);

const verificationJson = z.object({
  verdict: z.enum(['authentic', 'unreadable', 'unknown_code', 'altered', 'bad_signature']),
  message: z.string(),
  code: z.string().nullable(),
  checks: z.object({
    hash: outcome(['ok', 'mismatch', 'not_checked']),
    signature: outcome(['ok', 'invalid', 'unknown_key', 'not_checked']),
    record: outcome(['ok', 'differs', 'missing', 'not_checked']),
  }),
  differences: z.array(z.string()),
  contract: z
    .object({
      code: z.string(),
      orderCode: z.string(),
      sellerName: z.string(),
      total: z.string(),
      signedAt: z.date(),
      hash: z.string(),
      keyId: z.string(),
    })
    .nullable(),
});

const verifyBody = z.object({
  code: z.string().max(40).optional().describe('A contract code (HD-DH…) or its order code'),
  file: z
    .union([z.string().max(1_000_000), z.record(z.string(), z.unknown())])
    .optional()
    .describe('The downloaded contract file: its text (checked as is) or its JSON'),
});

export function contractApiRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;

  r.get(
    '/api/v1/contracts/keys',
    {
      schema: {
        tags,
        summary: "The platform's contract-signing public keys (Ed25519, PEM); the current one first",
        description:
          'A key id is the RFC 7638 thumbprint of the key (base64url SHA-256 of its canonical JWK).',
        response: {
          200: z.object({
            current: z.string(),
            keys: z.array(
              z.object({
                keyId: z.string(),
                algorithm: z.literal('Ed25519'),
                publicKeyPem: z.string(),
                current: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const signer = signerFor(config);
      return { current: signer.keyId, keys: await publicKeys(db, signer) };
    },
  );

  r.post(
    '/api/v1/contracts/verify',
    {
      config: verifyRateLimit(deps),
      schema: {
        tags,
        summary: 'Check a contract file, or a contract by its code (public)',
        description:
          'authentic: the Ed25519 signature of a platform key is valid for the RFC 8785 canonical bytes of the document, ' +
          'the SHA-256 hash matches them, and the document is the contract on record. Otherwise the verdict names what failed ' +
          '(unreadable, unknown_code, altered, bad_signature); checks give each test, differences the JSON paths that differ from the record.',
        body: verifyBody,
        response: { 200: verificationJson, 422: errorJson, 429: errorJson },
      },
    },
    async (req) => {
      const { code, file } = req.body;
      let result: Awaited<ReturnType<typeof verifyFile>>;
      if (file !== undefined) result = await verifyFile(db, file);
      else if (!code?.trim()) throw invalid('_', 'contract.verify.need_one');
      else if (!normalizeCode(code)) throw invalid('code', 'contract.verify.code_format');
      else result = await verifyCode(db, code);
      return { ...result, message: req.t(`contract.verdict.${result.verdict}`) };
    },
  );

  r.get(
    '/api/v1/contracts/:code',
    {
      schema: {
        tags,
        summary: 'A contract of mine (as buyer or seller): the contract file',
        security: [{ bearer: [] }],
        params: z.object({ code: z.string() }),
        response: { 200: fileJson },
      },
    },
    async (req) => {
      const row = await contractForParty(
        db,
        requireRole(req, ['buyer', 'officer', 'admin'], 'read'),
        codeParam(req),
      );
      const file = contractFile(row, config.publicUrl);
      return { ...file, document: { ...file.document } };
    },
  );
}
