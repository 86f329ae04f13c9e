import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, requireActor, requireScope } from '../../platform/http/context.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { storeFormUploads } from './documents.js';
import { sellerLifecycle } from './lifecycle.js';
import { categoryCodes, documentKinds, legalForms, OCOP_MAX } from './reference.js';
import { sellerStatus } from './schema.js';
import { shopHistoryJson, shopJson, shopViews } from './seller-center-data.js';
import {
  applicationData,
  attachDocument,
  latestOwned,
  saveApplication,
  submitApplication,
} from './service.js';
import { acceptInvite, cancelInvite, inviteStaff, ownedSeller, removeStaff, staffOf } from './staff.js';

const tags = ['sellers'];

/**
 * The signed-in user, for the seller side; a personal access token must also carry the
 * scope: `read` to look, `seller:write` to change anything.
 */
export function sellerActor(req: FastifyRequest, scope: 'read' | 'seller:write'): Actor {
  const actor = requireActor(req);
  requireScope(actor, scope);
  return actor;
}
const text = z.string().optional();
const status = z.enum(sellerStatus.enumValues);

/** What a client sends: loose on purpose, the service checks every field and reports all problems at once. */
const applicationBody = z.object({
  legalForm: z.string().meta({ description: `One of: ${legalForms.join(', ')}` }),
  shopName: z.string(),
  description: text,
  categories: z
    .array(z.string())
    .optional()
    .meta({ description: `Codes among: ${categoryCodes.join(', ')}` }),
  taxCode: text.meta({
    description:
      '10 digits, 10 digits + "-NNN" for a branch, or a 12-digit personal number (individuals, households)',
  }),
  businessRegNo: text,
  businessRegDate: text.meta({ description: 'yyyy-mm-dd' }),
  repName: text,
  repCitizenId: text.meta({ description: '12-digit personal identification number' }),
  provinceCode: text.meta({ description: 'Province code (2025 units), see /api/v1/geo/provinces' }),
  communeCode: text,
  street: text,
  phone: text,
  email: text,
  bankBin: text.meta({ description: 'BIN of a bank in the VietQR list' }),
  bankAccountNo: text,
  bankAccountName: text,
  documents: z
    .object(
      Object.fromEntries(documentKinds.map((k) => [k, text])) as Record<
        (typeof documentKinds)[number],
        typeof text
      >,
    )
    .optional()
    .meta({
      description:
        'File ids from POST /api/v1/seller/application/documents; a kind left out keeps its document',
    }),
  ocop: z
    .array(
      z.object({
        number: z.string(),
        productName: z.string(),
        stars: z.union([z.number(), z.string()]),
        groupCode: z.union([z.number(), z.string()]),
        issuedOn: z.string(),
        fileId: text,
      }),
    )
    .max(OCOP_MAX)
    .optional()
    .meta({ description: 'OCOP certificates; left out keeps those recorded, a list replaces them' }),
});

const application = z.object({
  id: z.string(),
  status,
  slug: z.string(),
  legalForm: z.enum(legalForms),
  shopName: z.string(),
  description: z.string(),
  categories: z.array(z.string()),
  taxCode: z.string(),
  businessRegNo: z.string(),
  businessRegDate: z.string(),
  repName: z.string(),
  repCitizenId: z.string(),
  provinceCode: z.string(),
  communeCode: z.string(),
  street: z.string(),
  phone: z.string(),
  email: z.string(),
  bankBin: z.string(),
  bankAccountNo: z.string(),
  bankAccountName: z.string(),
  documents: z.record(z.string(), z.string()),
  ocop: z.array(
    z.object({
      number: z.string(),
      productName: z.string(),
      stars: z.number(),
      groupCode: z.number(),
      issuedOn: z.string(),
      fileId: z.string(),
    }),
  ),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** What the shop may do from here (e.g. ["submit"]). */
  actions: z.array(z.string()),
});
const historyItem = z.object({
  from: status.nullable(),
  to: status,
  reason: z.string().nullable(),
  at: z.string(),
  byOfficer: z.boolean(),
});
const shop = z.object({
  id: z.string(),
  shopName: z.string(),
  slug: z.string(),
  status,
  legalForm: z.enum(legalForms),
  role: z.enum(['owner', 'staff']),
  storefrontUrl: z.string().nullable(),
  submittedAt: z.string().nullable(),
  history: z.array(historyItem),
  documents: z.array(z.object({ kind: z.string(), fileId: z.string(), name: z.string(), url: z.string() })),
  verification: z.object({
    method: z.enum(['documents', 'oidc']).nullable(),
    verifiedAt: z.string().nullable(),
  }),
});
const staffList = z.object({
  members: z.array(
    z.object({
      userId: z.string(),
      role: z.enum(['owner', 'staff']),
      fullName: z.string(),
      email: z.string().nullable(),
    }),
  ),
  invites: z.array(z.object({ id: z.string(), email: z.string(), expiresAt: z.string() })),
});
const sellerParams = z.object({ sellerId: z.uuid() });
const ok = z.object({ ok: z.literal(true) });

/** JSON twins of the seller pages. */
export function sellerApiRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  async function current(userId: string) {
    const s = await latestOwned(db, userId);
    if (!s) throw notFound('seller.application.none');
    return { ...(await applicationData(db, s)), actions: sellerLifecycle.actionsFrom(s.status, 'member') };
  }

  r.get(
    '/api/v1/seller/application',
    { schema: { tags, summary: 'My newest application (or shop) as owner', response: { 200: application } } },
    async (req) => current(sellerActor(req, 'read').id),
  );

  r.post(
    '/api/v1/seller/application',
    {
      schema: {
        tags,
        summary:
          'Save my application as a draft (created on the first call; only shopName and legalForm required)',
        body: applicationBody,
        response: { 200: application },
      },
    },
    async (req) => {
      const actor = sellerActor(req, 'seller:write');
      await saveApplication(deps, actor, req.body, { submit: false, ip: req.ip });
      return current(actor.id);
    },
  );

  r.post(
    '/api/v1/seller/application/documents',
    {
      schema: {
        tags,
        summary: `Upload a document (multipart: kind, file). Kinds ${documentKinds.join(', ')} are attached to the application at once; kind "ocop" only stores the file, whose id then goes in ocop[].fileId`,
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ fileId: z.string(), kind: z.string(), attached: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const actor = sellerActor(req, 'seller:write');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const kind = String(body.kind ?? '');
      const target = kind === 'ocop' ? 'upload.ocop.0' : `upload.${kind}`;
      const field = kind === 'ocop' ? 'ocop.0.fileId' : `documents.${kind}`;
      if (kind !== 'ocop' && !documentKinds.includes(kind as never)) throw invalid('kind', 'v.choose');
      const { values, errors } = await storeFormUploads(deps, actor.id, { [target]: body.file });
      if (errors.length) throw invalid('file', errors[0].key, errors[0].params);
      const fileId = values[field] as string | undefined;
      if (!fileId) throw invalid('file', 'v.required');
      if (kind !== 'ocop') await attachDocument(db, actor, kind as (typeof documentKinds)[number], fileId);
      return reply.code(201).send({ fileId, kind, attached: kind !== 'ocop' });
    },
  );

  r.post(
    '/api/v1/seller/application/submit',
    {
      schema: {
        tags,
        summary: 'Submit my application as saved, for review by the Department',
        response: { 200: application },
      },
    },
    async (req) => {
      const actor = sellerActor(req, 'seller:write');
      await submitApplication(deps, actor, req.ip);
      return current(actor.id);
    },
  );

  r.get(
    '/api/v1/seller/application/history',
    {
      schema: {
        tags,
        summary: 'Lifecycle history of my newest application, with the reasons given',
        response: { 200: z.object({ items: z.array(historyItem) }) },
      },
    },
    async (req) => {
      const actor = sellerActor(req, 'read');
      const s = await latestOwned(db, actor.id);
      if (!s) throw notFound('seller.application.none');
      return { items: await shopHistoryJson(db, s.id) };
    },
  );

  r.get(
    '/api/v1/seller/shops',
    {
      schema: {
        tags,
        summary: 'The shops I own or work for, with status, history and documents',
        response: { 200: z.object({ items: z.array(shop) }) },
      },
    },
    async (req) => ({ items: (await shopViews(db, sellerActor(req, 'read').id)).map(shopJson) }),
  );

  r.get(
    '/api/v1/seller/shops/:sellerId/staff',
    {
      schema: {
        tags,
        summary: 'Members and pending invitations of my shop (owner only)',
        params: sellerParams,
        response: { 200: staffList },
      },
    },
    async (req) => {
      await ownedSeller(db, req.params.sellerId, sellerActor(req, 'read').id);
      const s = await staffOf(db, req.params.sellerId);
      return {
        members: s.members,
        invites: s.invites.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
      };
    },
  );

  r.post(
    '/api/v1/seller/shops/:sellerId/staff/invites',
    {
      schema: {
        tags,
        summary: 'Invite a person by e-mail to work for my shop (owner only)',
        params: sellerParams,
        body: z.object({ email: z.string() }),
        response: { 201: ok },
      },
    },
    async (req, reply) => {
      await inviteStaff(deps, sellerActor(req, 'seller:write'), req.params.sellerId, req.body, req.locale);
      return reply.code(201).send({ ok: true });
    },
  );

  r.delete(
    '/api/v1/seller/shops/:sellerId/staff/invites/:inviteId',
    {
      schema: {
        tags,
        summary: 'Cancel a pending invitation (owner only)',
        params: sellerParams.extend({ inviteId: z.uuid() }),
        response: { 200: ok },
      },
    },
    async (req) => {
      await cancelInvite(db, sellerActor(req, 'seller:write'), req.params.sellerId, req.params.inviteId);
      return { ok: true as const };
    },
  );

  r.delete(
    '/api/v1/seller/shops/:sellerId/staff/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a staff member from my shop (owner only)',
        params: sellerParams.extend({ userId: z.uuid() }),
        response: { 200: ok },
      },
    },
    async (req) => {
      await removeStaff(db, sellerActor(req, 'seller:write'), req.params.sellerId, req.params.userId);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/seller/invites/accept',
    {
      schema: {
        tags,
        summary:
          'Accept an invitation (the token from the e-mailed link); the signed-in user must have the invited e-mail',
        body: z.object({ token: z.string() }),
        response: { 200: z.object({ sellerId: z.string() }) },
      },
    },
    async (req) => ({ sellerId: await acceptInvite(db, sellerActor(req, 'seller:write'), req.body.token) }),
  );
}
