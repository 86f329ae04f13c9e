import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, requireActor, requireScope, seeOther } from '../../platform/http/context.js';
import { notFound, ValidationError } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { formatAddress } from '../geo/index.js';
import { memberships } from '../sellers/index.js';
import {
  getShippingRule,
  type ShippingRule,
  saveShippingRule,
  shippingModes,
  shopOfMember,
} from './shipping.js';
import { NoShopPage, ruleForm, SHIPPING_PAGE, ShippingPage } from './views/shipping.js';

type Body = Record<string, unknown>;

/** A member of a shop; a token needs `read` to look and `seller:write` to change. */
function member(req: FastifyRequest, scope: 'read' | 'seller:write'): Actor {
  const actor = requireActor(req);
  requireScope(actor, scope);
  return actor;
}

const dong = z.number().int().meta({ description: 'Integer đồng' });
const ruleJson = z.object({
  sellerId: z.string(),
  /** Whether the shop wrote a rule; without one buyers can only pick up at the shop's address. */
  configured: z.boolean(),
  delivers: z.boolean(),
  mode: z.enum(shippingModes),
  baseFee: dong,
  perKgFee: dong,
  insideFee: dong,
  outsideFee: dong,
  freeFrom: dong.nullable(),
  pickup: z.boolean(),
  pickupAddress: z
    .string()
    .meta({ description: "Where pick-up happens (the shop's address when none was given)" }),
});

function toRuleJson(sellerId: string, rule: ShippingRule | undefined, shopAddress: string) {
  return {
    sellerId,
    configured: !!rule,
    delivers: rule?.delivers ?? false,
    mode: rule?.mode ?? 'flat',
    baseFee: Number(rule?.baseFee ?? 0n),
    perKgFee: Number(rule?.perKgFee ?? 0n),
    insideFee: Number(rule?.insideFee ?? 0n),
    outsideFee: Number(rule?.outsideFee ?? 0n),
    freeFrom: rule?.freeFrom == null ? null : Number(rule.freeFrom),
    pickup: rule?.pickup ?? true,
    pickupAddress: rule?.pickupAddress || shopAddress,
  };
}

const money = z.union([z.string(), z.number()]).optional();
const ruleBody = z.object({
  sellerId: z.string(),
  delivers: z.boolean().optional().meta({ description: 'Absent: false' }),
  mode: z.string().meta({ description: `One of: ${shippingModes.join(', ')}` }),
  baseFee: money.meta({ description: 'flat: the fee; weight: the first kilogram. Absent: 0' }),
  perKgFee: money.meta({ description: 'weight: each further started kilogram' }),
  insideFee: money.meta({ description: "zone: inside the shop's province" }),
  outsideFee: money.meta({ description: "zone: outside the shop's province" }),
  freeFrom: money
    .nullable()
    .meta({ description: 'Orders whose lines reach this amount ship free; null: never' }),
  pickup: z.boolean().optional().meta({ description: 'Absent: false' }),
  pickupAddress: z.string().optional(),
});

/** The seller centre's delivery settings (page and JSON twin). */
export function shippingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(SHIPPING_PAGE, { schema: { hide: true } }, async (req, reply) => {
    const actor = member(req, 'read');
    const shops = (await memberships(db, actor.id)).map((m) => m.seller);
    const wanted = (req.query as Record<string, string | undefined>).shop;
    if (!wanted && !shops.length) return sendHtml(reply, NoShopPage({ ctx: pageCtx(req, reply) }));
    const seller = await shopOfMember(db, actor.id, wanted ?? shops[0].id);
    const rule = await getShippingRule(db, seller.id);
    const saved = (req.query as Record<string, string | undefined>).done === 'saved';
    return sendHtml(
      reply,
      ShippingPage({ ctx: pageCtx(req, reply), seller, shops, rule, state: ruleForm(rule), saved }),
    );
  });

  r.post(SHIPPING_PAGE, { schema: { hide: true } }, async (req, reply) => {
    const actor = member(req, 'seller:write');
    const { _csrf: _, sellerId, ...values } = (req.body ?? {}) as Body;
    const seller = await shopOfMember(db, actor.id, String(sellerId ?? ''), true);
    try {
      await saveShippingRule(db, actor.id, seller.id, values);
      return seeOther(reply, `${SHIPPING_PAGE}?shop=${seller.id}&done=saved`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const shops = (await memberships(db, actor.id)).map((m) => m.seller);
      const rule = await getShippingRule(db, seller.id);
      const state = { values, errors: err.fields };
      return sendHtml(reply, ShippingPage({ ctx: pageCtx(req, reply), seller, shops, rule, state }), 422);
    }
  });

  r.get(
    '/api/v1/seller/shipping',
    {
      schema: {
        tags: ['orders'],
        summary: "My shop's delivery settings (the first shop I belong to unless sellerId is given)",
        querystring: z.object({ sellerId: z.string().optional() }),
        response: { 200: ruleJson },
      },
    },
    async (req) => {
      const actor = member(req, 'read');
      const sellerId = req.query.sellerId ?? (await memberships(db, actor.id))[0]?.seller.id;
      if (!sellerId) throw notFound();
      const seller = await shopOfMember(db, actor.id, sellerId);
      return toRuleJson(seller.id, await getShippingRule(db, seller.id), formatAddress(seller));
    },
  );

  r.put(
    '/api/v1/seller/shipping',
    {
      schema: {
        tags: ['orders'],
        summary:
          "Sets a shop's delivery: delivers or not, fee by flat / weight / zone, free-from amount, pick-up",
        body: ruleBody,
        response: { 200: ruleJson },
      },
    },
    async (req) => {
      const actor = member(req, 'seller:write');
      const { sellerId, ...values } = req.body;
      const rule = await saveShippingRule(db, actor.id, sellerId, values);
      const seller = await shopOfMember(db, actor.id, sellerId);
      return toRuleJson(seller.id, rule, formatAddress(seller));
    },
  );
}
