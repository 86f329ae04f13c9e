import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope, seeOther } from '../../platform/http/context.js';
import { type FieldError, ValidationError } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { addSchema, addToCart, buyableLine, type Cart, readCart, removeLine, setQuantity } from './cart.js';
import { cartOwner } from './cart-owner.js';
import {
  ADD_PATH,
  CART_PAGE,
  type CartNotice,
  CartPage,
  ConfirmAddPage,
  cartNotices,
  VISITOR_ADD_PATH,
} from './views/cart.js';

type Body = Record<string, unknown>;

/** Scope of a personal access token for changing a cart, checking out and acting on one's own orders. */
export const BUYING_SCOPE = 'buyer:write';

/** Who may touch a cart: anyone (a visitor has one too); a token reads with `read`, writes with BUYING_SCOPE. */
function allow(req: FastifyRequest, write: boolean) {
  if (req.actor) requireScope(req.actor, write ? BUYING_SCOPE : 'read');
}

const dong = z.number().int().meta({ description: 'Integer đồng' });
const cartJson = z.object({
  groups: z.array(
    z.object({
      seller: z.object({ id: z.string(), shopName: z.string(), slug: z.string() }),
      lines: z.array(
        z.object({
          variantId: z.string(),
          productId: z.string(),
          name: z.string(),
          variantName: z.string().nullable(),
          slug: z.string(),
          unit: z.string(),
          unitPrice: dong,
          quantity: z.number().int(),
          amount: dong,
          problem: z
            .enum(['unavailable', 'shop_unavailable', 'out_of_stock', 'short'])
            .nullable()
            .meta({ description: 'Why the line cannot be bought now; null when it can' }),
          stockLeft: z
            .number()
            .int()
            .nullable()
            .meta({ description: 'Units left, only when fewer than asked' }),
        }),
      ),
      subtotal: dong.meta({ description: 'Lines that can be bought now' }),
    }),
  ),
  count: z.number().int(),
  total: dong,
  ready: z.boolean().meta({ description: 'Every line can be bought as it is: checkout may proceed' }),
});

function toCartJson(cart: Cart): z.infer<typeof cartJson> {
  return {
    groups: cart.groups.map((g) => ({
      seller: { id: g.seller.id, shopName: g.seller.shopName, slug: g.seller.slug },
      lines: g.lines.map((l) => ({
        variantId: l.variantId,
        productId: l.productId,
        name: l.name,
        variantName: l.variantName,
        slug: l.slug,
        unit: l.unit,
        unitPrice: Number(l.unitPrice),
        quantity: l.quantity,
        amount: Number(l.amount),
        problem: l.problem,
        stockLeft: l.problem === 'short' ? l.stock : null,
      })),
      subtotal: Number(g.subtotal),
    })),
    count: cart.count,
    total: Number(cart.total),
    ready: cart.ready,
  };
}

/**
 * Whether a post without a CSRF token was sent by a page of this site: the browser says so in
 * Sec-Fetch-Site, or (older browsers) in Origin. Neither can be set by another site's page.
 */
function sentFromThisSite(req: FastifyRequest, publicOrigin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  return req.headers.origin === publicOrigin;
}

/** The cart page and its JSON twin: add, change a quantity, remove. */
export function cartRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const publicOrigin = new URL(deps.config.publicUrl).origin;

  async function showCart(
    req: FastifyRequest,
    reply: FastifyReply,
    owner: string | null,
    errors: FieldError[] = [],
    notice?: CartNotice,
  ) {
    const cart = await readCart(db, owner);
    reply.header('cache-control', 'private, no-store');
    return sendHtml(
      reply,
      CartPage({ ctx: pageCtx(req, reply), cart, notice, errors }),
      errors.length ? 422 : 200,
    );
  }

  /** Runs a change of the cart; a refused one shows the cart again with the reason (422). */
  async function change(
    req: FastifyRequest,
    reply: FastifyReply,
    done: CartNotice,
    run: (owner: string, body: Body) => Promise<void>,
  ) {
    allow(req, true);
    const owner = (await cartOwner(deps, req, reply, true))!;
    try {
      await run(owner, (req.body ?? {}) as Body);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return showCart(req, reply, owner, err.fields);
    }
    return seeOther(reply, `${CART_PAGE}?done=${done}`);
  }

  r.get(CART_PAGE, { schema: { hide: true } }, async (req, reply) => {
    allow(req, false);
    const done = (req.query as Record<string, string | undefined>).done as CartNotice;
    const owner = await cartOwner(deps, req, reply);
    return showCart(req, reply, owner, [], cartNotices.includes(done) ? done : undefined);
  });

  r.post(ADD_PATH, { schema: { hide: true } }, (req, reply) =>
    change(req, reply, 'added', (owner, body) => addToCart(db, owner, body)),
  );

  // From an anonymous product page (no token: see storefront/views/add-to-cart.tsx). A post the browser does
  // not vouch for is asked again, with a form that carries a token.
  r.post(
    VISITOR_ADD_PATH,
    // Anonymous writes: a generous limit per address keeps scripts from filling the table.
    { schema: { hide: true }, config: { csrf: false, rateLimit: { max: 120, timeWindow: '1 minute' } } },
    async (req, reply) => {
      if (sentFromThisSite(req, publicOrigin))
        return change(req, reply, 'added', (owner, body) => addToCart(db, owner, body));
      const body = (req.body ?? {}) as Body;
      const line = await buyableLine(db, String(body.variantId ?? ''));
      const parsed = addSchema.shape.quantity.safeParse(body.quantity);
      reply.header('cache-control', 'private, no-store');
      return sendHtml(
        reply,
        ConfirmAddPage({ ctx: pageCtx(req, reply), line, quantity: parsed.success ? parsed.data : 1 }),
      );
    },
  );

  r.post(`${CART_PAGE}/cap-nhat`, { schema: { hide: true } }, (req, reply) =>
    change(req, reply, 'updated', (owner, body) => setQuantity(db, owner, body)),
  );

  r.post(`${CART_PAGE}/xoa`, { schema: { hide: true } }, (req, reply) =>
    change(req, reply, 'removed', (owner, body) => removeLine(db, owner, String(body.variantId ?? ''))),
  );

  const tags = ['cart'];
  const response = { 200: cartJson };
  const current = async (owner: string | null) => toCartJson(await readCart(db, owner));

  r.get(
    '/api/v1/cart',
    { schema: { tags, summary: 'My cart: lines by shop, what cannot be bought and why, totals', response } },
    async (req, reply) => {
      allow(req, false);
      return current(await cartOwner(deps, req, reply));
    },
  );

  r.post(
    '/api/v1/cart/items',
    {
      schema: {
        tags,
        summary: 'Adds units of a variant (to those already in the cart), no more than in stock',
        body: z.object({
          variantId: z.string(),
          quantity: z.number().int().optional().meta({ description: '1 to 999; 1 when absent' }),
        }),
        response,
      },
    },
    async (req, reply) => {
      allow(req, true);
      const owner = (await cartOwner(deps, req, reply, true))!;
      await addToCart(db, owner, req.body);
      return current(owner);
    },
  );

  r.put(
    '/api/v1/cart/items/:variantId',
    {
      schema: {
        tags,
        summary: 'Sets the quantity of a line (0 removes it), no more than in stock',
        params: z.object({ variantId: z.string() }),
        body: z.object({ quantity: z.number().int() }),
        response,
      },
    },
    async (req, reply) => {
      allow(req, true);
      const owner = (await cartOwner(deps, req, reply, true))!;
      await setQuantity(db, owner, { variantId: req.params.variantId, quantity: req.body.quantity });
      return current(owner);
    },
  );

  r.delete(
    '/api/v1/cart/items/:variantId',
    {
      schema: { tags, summary: 'Removes a line', params: z.object({ variantId: z.string() }), response },
      // A DELETE cannot be sent cross-site without a CORS preflight (decisions/csrf-exemptions.md).
      config: { csrf: false },
    },
    async (req, reply) => {
      allow(req, true);
      const owner = await cartOwner(deps, req, reply);
      if (owner) await removeLine(db, owner, req.params.variantId);
      return current(owner);
    },
  );
}
