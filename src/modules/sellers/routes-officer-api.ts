import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/module.js';
import { commune, formatAddress } from '../geo/index.js';
import { decideFromRequest, officerOnly, sendRegistryXlsx } from './console-http.js';
import {
  type ApplicationDetail,
  applicationDetail,
  consoleSummary,
  listQueue,
  listRegistry,
  type OcopView,
  OFFICER_ACTIONS,
  queueQuery,
  registryQuery,
  type SellerListRow,
} from './console-service.js';
import { legalForm, sellerStatus, verificationMethod } from './schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const status = z.enum(sellerStatus.enumValues);
const when = z.iso.datetime().nullable();

const listItem = z.object({
  id: z.string(),
  status,
  legalForm: z.enum(legalForm.enumValues),
  shopName: z.string(),
  slug: z.string(),
  taxCode: z.string().nullable(),
  businessRegNo: z.string().nullable(),
  businessRegDate: z.string().nullable(),
  repName: z.string().nullable(),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  address: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  verificationMethod: z.enum(verificationMethod.enumValues).nullable(),
  submittedAt: when,
  decidedAt: when,
  daysWaiting: z.number().int().nullable().describe('Calendar days (Asia/Ho_Chi_Minh) since submission'),
});
const listPage = z.object({
  items: z.array(listItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
});

export const ocopItem = z.object({
  number: z.string(),
  productName: z.string(),
  stars: z.number().int(),
  group: z.object({ code: z.number().int(), vi: z.string(), en: z.string() }),
  issuedOn: z.string(),
  validUntil: z.string().describe('Last day of validity (36 months from issue)'),
  valid: z.boolean(),
});
/** A certificate as the API shows it: everything but the row and file ids. */
export function presentOcop(c: OcopView) {
  const { id: _, fileId: __, ...shown } = c;
  return shown;
}

const person = z.object({
  id: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
const detail = listItem.omit({ daysWaiting: true }).extend({
  description: z.string(),
  categories: z.array(z.string()),
  repCitizenId: z.string().nullable(),
  street: z.string().nullable(),
  bank: z.object({ bin: z.string(), shortName: z.string(), name: z.string() }).nullable(),
  bankAccountNo: z.string().nullable(),
  bankAccountName: z.string().nullable(),
  verifiedAt: when,
  documents: z.array(
    z.object({
      kind: z.string(),
      fileId: z.string(),
      name: z.string().nullable(),
      mime: z.string().nullable(),
      size: z.number().nullable(),
      url: z.string(),
    }),
  ),
  ocop: z.array(ocopItem.extend({ url: z.string().nullable() })),
  members: z.array(person.extend({ role: z.enum(['owner', 'staff']) })),
  history: z.array(
    z.object({
      at: z.iso.datetime(),
      from: status.nullable(),
      to: status,
      actor: person,
      reason: z.string().nullable(),
    }),
  ),
  actions: z.array(z.enum(OFFICER_ACTIONS)).describe('Decisions open to an officer in the current state'),
});

/** A list row with the address written out and dates as ISO strings. */
function presentRow(r: SellerListRow) {
  const { street: _, verifiedAt: __, ...row } = r;
  return {
    ...row,
    communeName: commune(r.communeCode)?.name ?? null,
    address: formatAddress(r),
    submittedAt: iso(r.submittedAt),
    decidedAt: iso(r.decidedAt),
  };
}

function presentDetail(d: ApplicationDetail) {
  const s = d.seller;
  const { daysWaiting: _, ...row } = presentRow({ ...s, daysWaiting: null });
  const fileUrl = (id: string) => `/quan-ly/tep/${id}`;
  return {
    ...row,
    description: s.description,
    categories: s.categories,
    repCitizenId: s.repCitizenId,
    street: s.street,
    bank: d.bank,
    bankAccountNo: s.bankAccountNo,
    bankAccountName: s.bankAccountName,
    verifiedAt: iso(s.verifiedAt),
    documents: d.documents.map((x) => ({
      kind: x.kind,
      fileId: x.fileId,
      name: x.name,
      mime: x.mime,
      size: x.size,
      url: fileUrl(x.fileId),
    })),
    ocop: d.ocop.map((c) => ({ ...presentOcop(c), url: c.fileId ? fileUrl(c.fileId) : null })),
    members: d.members,
    history: d.history.map((h) => ({
      at: h.at.toISOString(),
      from: h.fromStatus,
      to: h.toStatus,
      actor: h.actor,
      reason: h.reason,
    })),
    actions: d.actions,
  };
}

/** JSON twins of the console pages, for integrations (bearer tokens: `read`, and `officer:write` to decide). */
export function officerApiRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['officer'];
  const security = [{ bearer: [] }];

  r.get(
    '/api/v1/officer/summary',
    {
      schema: {
        tags,
        security,
        summary: 'Number of sellers in each state',
        response: {
          200: z.object({
            counts: z.record(status, z.number().int()),
            oldestWaitingDays: z.number().int().nullable(),
          }),
        },
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      return consoleSummary(db);
    },
  );

  r.get(
    '/api/v1/officer/applications',
    {
      schema: {
        tags,
        security,
        summary: 'Queue of seller applications, longest waiting first',
        querystring: queueQuery,
        response: { 200: listPage },
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      const list = await listQueue(db, req.query);
      return { ...list, items: list.items.map(presentRow) };
    },
  );

  r.get(
    '/api/v1/officer/applications/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One seller application in full',
        params: z.object({ id: z.string() }),
        response: { 200: detail },
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      const d = await applicationDetail(db, req.params.id);
      return presentDetail(d);
    },
  );

  r.post(
    '/api/v1/officer/applications/:id/transitions',
    {
      schema: {
        tags,
        security,
        summary:
          'Decide on an application or a shop (approve, reject, request changes, suspend, reinstate, terminate)',
        params: z.object({ id: z.string() }),
        body: z.object({
          action: z.enum(OFFICER_ACTIONS),
          reason: z.string().optional().describe('Required for every action but approve'),
        }),
        response: { 200: z.object({ id: z.string(), status }) },
      },
    },
    async (req, reply) => {
      const actor = officerOnly(req, reply, 'officer:write');
      const { action, ...body } = req.body;
      const to = await decideFromRequest(deps, req, { actor, sellerId: req.params.id, action, body });
      return { id: req.params.id, status: to };
    },
  );

  r.get(
    '/api/v1/officer/sellers',
    {
      schema: {
        tags,
        security,
        summary: 'Registry of sellers (approved, suspended, terminated)',
        querystring: registryQuery,
        response: { 200: listPage },
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      const list = await listRegistry(db, req.query);
      return { ...list, items: list.items.map(presentRow) };
    },
  );

  r.get(
    '/api/v1/officer/sellers.xlsx',
    {
      schema: {
        tags,
        security,
        summary: 'Registry of sellers as an Excel workbook (same filters)',
        querystring: registryQuery,
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      return sendRegistryXlsx(deps, req, reply, req.query);
    },
  );
}
