import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Actor, requireActor, requireScope, seeOther } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { failedForm } from '../../web/form-post.js';
import { isOrderAction, type OrderAction, type OrderParty } from './lifecycle.js';
import type { Order } from './order-queries.js';
import { type OrderTransitionInput, transitionOrder } from './transitions.js';
import { type FailedAction, fixable } from './views/order-parts.js';

type Body = Record<string, unknown>;

/**
 * The signed-in user with a token's scope checked: `read` to look; to act, `seller:write` for a
 * shop, `buyer:write` for one's own orders, `officer:write` for an officer. A browser session
 * holds every right of its role.
 */
export function orderActor(
  req: FastifyRequest,
  scope: 'read' | 'buyer:write' | 'seller:write' | 'officer:write',
): Actor {
  const actor = requireActor(req);
  requireScope(actor, scope);
  return actor;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** What a posted action form carries: a reason, the shipment, the quantities of a return. */
export function formFields(action: OrderAction, body: Body): Partial<OrderTransitionInput> {
  const returned =
    action === 'accept_return'
      ? Object.entries(body)
          .filter(([k]) => k.startsWith('returned.'))
          .map(([k, v]) => ({
            lineId: k.slice('returned.'.length),
            quantity: /^\s*\d+\s*$/.test(String(v)) ? Number(v) : Number.NaN,
          }))
      : undefined;
  return {
    reason: str(body.reason),
    carrier: str(body.carrier),
    trackingNo: str(body.trackingNo),
    returned: returned?.length ? returned : undefined,
  };
}

/**
 * Handles the post of one action form of an order page: the step, then back to the page with
 * what was done (303); a refusal the viewer can act on shows the page again with the form's errors.
 */
export async function postAction(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  opts: {
    order: Order;
    actor: Actor;
    party: OrderParty;
    /** Actions this page offers (the others are not its business: 404). */
    offers: readonly OrderAction[];
    page: string;
    render: (failed: FailedAction, status: number) => Promise<unknown>;
  },
) {
  const action = (req.params as { action: string }).action;
  if (!isOrderAction(action) || !opts.offers.includes(action)) throw notFound();
  const body = (req.body ?? {}) as Body;
  try {
    await transitionOrder(deps.db, {
      orderId: opts.order.id,
      action,
      actor: opts.actor,
      party: opts.party,
      ...formFields(action, body),
      ip: req.ip,
      publicUrl: deps.config.publicUrl,
    });
  } catch (err) {
    const { state, status } = failedForm(err, body, fixable);
    return opts.render({ action, state }, status);
  }
  return seeOther(reply, `${opts.page}?done=${action}`);
}

/** The body of the JSON twin of the action forms. */
export const transitionBody = (actions: readonly OrderAction[]) =>
  z.object({
    action: z.enum(actions as [OrderAction, ...OrderAction[]]),
    reason: z.string().max(2000).optional(),
    carrier: z
      .string()
      .max(200)
      .optional()
      .meta({ description: 'ship: the carrier (the seller’s own delivery)' }),
    trackingNo: z.string().max(100).optional().meta({ description: 'ship: its tracking number' }),
    returned: z
      .array(z.object({ lineId: z.string(), quantity: z.number().int() }))
      .optional()
      .meta({
        description: 'accept_return: quantities taken back per line; every line in full when left out',
      }),
  });

export const doneOf = (q: unknown) => {
  const done = (q as { done?: string }).done;
  return isOrderAction(done) ? done : undefined;
};
