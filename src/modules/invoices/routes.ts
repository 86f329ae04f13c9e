import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, requireActor, requireScope, seeOther } from '../../platform/http/context.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { failedForm } from '../../web/form-post.js';
import type { FormState } from '../../web/forms.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { memberships } from '../sellers/index.js';
import type { Invoice, Issuer } from './issue.js';
import { invoicePdf } from './pdf.js';
import { invoiceLinkSchema, invoiceSchema, presentInvoice, presentLink } from './present.js';
import { invoiceById, invoiceByLookup, invoicesOf, relatedInvoices, signatureCheck } from './queries.js';
import { partyOf, replaceInvoice, replacementInput } from './replacement.js';
import { checkInvoiceCopy } from './verify.js';
import { type InvoiceView, LookupPage } from './views/invoice.js';
import { InvoiceListPage } from './views/lists.js';
import { ReplacePage, replaceValues } from './views/replace.js';

/**
 * Look-ups by code are public (the code printed on the invoice is what lets one in), so guessing
 * is slowed per address; the page, its JSON twin and the files share one counter.
 */
const limited = { rateLimit: { max: 60, timeWindow: '1 minute', groupId: 'invoice-lookup' } };
const tags = ['invoices'];

/** The public look-up page and files, the replacement form, and the buyer's and the seller's lists. */
export function invoiceRoutes(app: FastifyInstance, deps: Deps, issuer: Issuer): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  async function view(inv: Invoice, actor: Actor | null): Promise<InvoiceView> {
    const check = await signatureCheck(db, inv);
    const party = actor && (await partyOf(db, actor, inv));
    return {
      invoice: inv,
      signatureValid: check.valid,
      signer: check.signer,
      related: await relatedInvoices(db, inv),
      canReplace: !!party && inv.status === 'issued' && inv.kind !== 'adjustment',
    };
  }
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store');
  /** The invoice of a look-up code, or 404. */
  async function lookedUp(code: string): Promise<Invoice> {
    const inv = await invoiceByLookup(db, code);
    if (!inv) throw notFound();
    return inv;
  }

  r.get(
    '/hoa-don/tra-cuu',
    {
      config: limited,
      schema: {
        hide: true,
        querystring: z.object({ ma: z.string().max(40).optional(), done: z.string().optional() }),
      },
    },
    async (req, reply) => {
      const code = req.query.ma?.trim() ?? '';
      const inv = code ? await invoiceByLookup(db, code) : undefined;
      const ctx = pageCtx(req, reply);
      const done =
        inv && req.query.done === '1'
          ? ctx.t('invoice.replace.done', { symbol: inv.symbol, number: inv.number })
          : undefined;
      noStore(reply);
      const page = LookupPage({
        ctx,
        code,
        notFound: !!code && !inv,
        view: inv && (await view(inv, req.actor)),
        done,
      });
      return sendHtml(reply, page, code && !inv ? 404 : 200);
    },
  );

  r.get(
    '/api/v1/invoices/lookup/:code',
    {
      config: limited,
      schema: {
        tags,
        summary: 'An invoice by the look-up code printed on it, with the check of its digital signature',
        params: z.object({ code: z.string().max(40) }),
        response: { 200: invoiceSchema },
      },
    },
    async (req, reply) => {
      const inv = await lookedUp(req.params.code);
      noStore(reply);
      const v = await view(inv, null);
      return presentInvoice(inv, { signatureValid: v.signatureValid, signer: v.signer, related: v.related });
    },
  );

  const fileParams = z.object({ code: z.string().max(40) });
  r.get(
    '/hoa-don/tra-cuu/:code/xml',
    { config: limited, schema: { tags, summary: 'The signed invoice XML', params: fileParams } },
    async (req, reply) => {
      const inv = await lookedUp(req.params.code);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="hoa-don-${inv.symbol}-${inv.number}.xml"`)
        .header('cache-control', 'private, no-store')
        .send(inv.xml);
    },
  );

  r.get(
    '/hoa-don/tra-cuu/:code/pdf',
    { config: limited, schema: { tags, summary: 'The invoice as a printable PDF', params: fileParams } },
    async (req, reply) => {
      const inv = await lookedUp(req.params.code);
      const check = await signatureCheck(db, inv);
      const pdf = await invoicePdf(inv.document, {
        kindLabel: inv.kind === 'original' ? null : req.t(`invoice.kind.${inv.kind}`),
        replaced: inv.status === 'replaced',
        taxAuthorityCode: inv.taxAuthorityCode,
        signer: check.signer,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="hoa-don-${inv.symbol}-${inv.number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  /** A copy someone holds, uploaded (multipart field `xml`): is it signed here and unchanged? */
  r.post('/hoa-don/tra-cuu/kiem-tra', { config: limited, schema: { hide: true } }, async (req, reply) => {
    const file = (req.body as { xml?: { data: Buffer; truncated: boolean } | null } | undefined)?.xml;
    const ctx = pageCtx(req, reply);
    noStore(reply);
    if (!file?.data.length || file.truncated) {
      const copyState = { values: {}, errors: [{ field: 'xml', key: 'invoice.copy.missing' }] };
      return sendHtml(reply, LookupPage({ ctx, code: '', notFound: false, copyState }), 422);
    }
    const check = await checkInvoiceCopy(db, file.data.toString('utf8'));
    const shown = check.valid && check.invoice ? await view(check.invoice, req.actor) : undefined;
    return sendHtml(
      reply,
      LookupPage({ ctx, code: '', notFound: false, copy: { valid: check.valid, view: shown } }),
    );
  });

  r.post(
    '/api/v1/invoices/verify',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Check an invoice XML someone holds: signed by this platform and unchanged since',
        body: z.object({ xml: z.string().max(2_000_000) }),
        response: {
          200: z.object({
            signatureValid: z.boolean(),
            signer: z.string().nullable(),
            invoice: invoiceLinkSchema
              .nullable()
              .meta({ description: 'The stored invoice, when the copy is valid' }),
          }),
        },
      },
    },
    async (req) => {
      const check = await checkInvoiceCopy(db, req.body.xml);
      return {
        signatureValid: check.valid,
        signer: check.signer,
        invoice: check.invoice ? presentLink(check.invoice) : null,
      };
    },
  );

  const idParams = z.object({ id: z.string().max(40) });
  async function replacePage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    state?: FormState,
    status = 200,
  ) {
    const actor = requireActor(req);
    const inv = await invoiceById(db, id);
    if (!inv) throw notFound();
    const party = await partyOf(db, actor, inv);
    if (!party) throw forbidden();
    const page = ReplacePage({
      ctx: pageCtx(req, reply),
      invoice: inv,
      state: state ?? { values: replaceValues(inv), errors: [] },
    });
    return sendHtml(reply, page, status);
  }

  r.get('/hoa-don/:id/thay-the', { schema: { hide: true, params: idParams } }, async (req, reply) =>
    replacePage(req, reply, req.params.id),
  );

  r.post('/hoa-don/:id/thay-the', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const actor = requireActor(req);
    try {
      const made = await replaceInvoice(issuer, {
        invoiceId: req.params.id,
        actor,
        body: req.body,
        ip: req.ip,
      });
      return seeOther(reply, `/hoa-don/tra-cuu?ma=${made.lookupCode}&done=1`);
    } catch (err) {
      const { state, status } = failedForm(err, req.body, [409, 422]);
      return replacePage(req, reply, req.params.id, state, status);
    }
  });

  r.post(
    '/api/v1/invoices/:id/replacement',
    {
      schema: {
        tags,
        summary: "Replace an invoice whose buyer details are wrong (the seller's members, or officers)",
        params: idParams,
        body: replacementInput,
        response: { 201: invoiceSchema },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const made = await replaceInvoice(issuer, {
        invoiceId: req.params.id,
        actor,
        body: req.body,
        ip: req.ip,
      });
      const v = await view(made, actor);
      reply.code(201);
      return presentInvoice(made, { signatureValid: v.signatureValid, signer: v.signer, related: v.related });
    },
  );

  const list = z.object({ invoices: z.array(invoiceLinkSchema) });

  r.get('/tai-khoan/hoa-don', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    const invoices = await invoicesOf(db, { buyerId: actor.id });
    const ctx = pageCtx(req, reply);
    return sendHtml(reply, InvoiceListPage({ ctx, title: ctx.t('invoice.list.buyer_title'), invoices }));
  });

  r.get(
    '/api/v1/me/invoices',
    { schema: { tags, summary: 'My invoices as a buyer, newest first', response: { 200: list } } },
    async (req) => {
      const actor = requireActor(req);
      requireScope(actor, 'read');
      return { invoices: (await invoicesOf(db, { buyerId: actor.id })).map(presentLink) };
    },
  );

  /** The member's shop asked for (`shop`), or its first; 403 for a shop it is not a member of. */
  async function memberShop(req: FastifyRequest, shop: string | undefined) {
    const actor = requireActor(req);
    requireScope(actor, 'read');
    const shops = (await memberships(db, actor.id)).map((m) => ({
      id: m.seller.id,
      name: m.seller.shopName,
    }));
    const chosen = shop ? shops.find((s) => s.id === shop) : shops[0];
    if (!chosen) throw shop ? forbidden() : notFound();
    return { shops, chosen };
  }

  const shopQuery = z.object({ shop: z.string().max(40).optional() });
  r.get('/kenh-ban-hang/hoa-don', { schema: { hide: true, querystring: shopQuery } }, async (req, reply) => {
    const { shops, chosen } = await memberShop(req, req.query.shop);
    const invoices = await invoicesOf(db, { sellerId: chosen.id });
    const ctx = pageCtx(req, reply);
    const title = `${ctx.t('invoice.list.seller_title')} · ${chosen.name}`;
    return sendHtml(reply, InvoiceListPage({ ctx, title, invoices, shops, shopId: chosen.id }));
  });

  r.get(
    '/api/v1/seller/invoices',
    {
      schema: {
        tags,
        summary: "A shop's issued invoices, newest first (shop: the seller id; default the first shop)",
        querystring: shopQuery,
        response: { 200: list },
      },
    },
    async (req) => {
      const { chosen } = await memberShop(req, req.query.shop);
      return { invoices: (await invoicesOf(db, { sellerId: chosen.id })).map(presentLink) };
    },
  );
}
