import { and, asc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../../platform/http/errors.js';
import type { PeriodicTask } from '../../platform/jobs/periodic.js';
import type { Deps } from '../../platform/module.js';
import type { OrderAction, OrderStatus } from './lifecycle.js';
import { orders } from './schema.js';
import { transitionOrder } from './transitions.js';

/** Orders moved per run: a backlog drains over a few runs rather than in one long one. */
const BATCH = 200;

/**
 * Moves by the system the orders in `status` whose time `at` is before `before`, oldest first
 * and at most BATCH, each in its own transaction. An order someone moved in the meantime (paid
 * just before its deadline, completed by its buyer) is left as it now is.
 */
async function moveDue(
  deps: Deps,
  due: { status: OrderStatus; at: AnyPgColumn; before: SQL; action: OrderAction },
): Promise<number> {
  const rows = await deps.db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, due.status), lt(due.at, due.before)))
    .orderBy(asc(due.at))
    .limit(BATCH);
  let moved = 0;
  for (const { id } of rows) {
    try {
      await transitionOrder(deps.db, {
        orderId: id,
        action: due.action,
        actor: 'system',
        publicUrl: deps.config.publicUrl,
      });
      moved++;
    } catch (err) {
      if (!(err instanceof AppError && err.status === 409)) throw err;
    }
  }
  return moved;
}

/** The order module's work by the clock. */
export function orderTasks(deps: Deps): Record<string, PeriodicTask> {
  return {
    /** Orders whose online payment did not arrive by their deadline: cancelled, stock back on sale. */
    'orders.expire_unpaid': {
      everyMs: 30_000,
      run: () =>
        moveDue(deps, { status: 'awaiting_payment', at: orders.payBy, before: sql`now()`, action: 'expire' }),
    },
    /** Orders delivered autoCompleteDays ago that nobody completed or disputed: completed. */
    'orders.auto_complete': {
      everyMs: 10 * 60_000,
      run: () =>
        moveDue(deps, {
          status: 'delivered',
          at: orders.deliveredAt,
          before: sql`now() - make_interval(days => ${deps.config.buying.autoCompleteDays})`,
          action: 'complete',
        }),
    },
  };
}
