import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { AppError } from '../../platform/http/errors.js';
import type { PeriodicTask } from '../../platform/jobs/periodic.js';
import type { Deps } from '../../platform/module.js';
import type { OrderAction } from './lifecycle.js';
import { orders } from './schema.js';
import { transitionOrder } from './transitions.js';

/** Orders moved per run: a backlog drains over a few runs rather than in one long one. */
const BATCH = 200;

/**
 * Moves each order by the system, each in its own transaction. An order someone moved in the
 * meantime (paid just before its deadline, completed by its buyer) is left as it now is.
 */
async function moveAll(deps: Deps, ids: string[], action: OrderAction): Promise<number> {
  let moved = 0;
  for (const orderId of ids) {
    try {
      await transitionOrder(deps.db, { orderId, action, actor: 'system', publicUrl: deps.config.publicUrl });
      moved++;
    } catch (err) {
      if (!(err instanceof AppError && err.status === 409)) throw err;
    }
  }
  return moved;
}

/** The order module's work by the clock. */
export function orderTasks(deps: Deps): Record<string, PeriodicTask> {
  const { db } = deps;
  return {
    /** Orders whose online payment did not arrive by their deadline: cancelled, stock back on sale. */
    'orders.expire_unpaid': {
      everyMs: 30_000,
      async run() {
        const due = await db
          .select({ id: orders.id })
          .from(orders)
          .where(and(eq(orders.status, 'awaiting_payment'), lt(orders.payBy, sql`now()`)))
          .orderBy(asc(orders.payBy))
          .limit(BATCH);
        return moveAll(
          deps,
          due.map((o) => o.id),
          'expire',
        );
      },
    },
    /** Orders delivered autoCompleteDays ago that nobody completed or disputed: completed. */
    'orders.auto_complete': {
      everyMs: 10 * 60_000,
      async run() {
        const days = deps.config.buying.autoCompleteDays;
        const due = await db
          .select({ id: orders.id })
          .from(orders)
          .where(
            and(
              eq(orders.status, 'delivered'),
              lt(orders.deliveredAt, sql`now() - make_interval(days => ${days})`),
            ),
          )
          .orderBy(asc(orders.deliveredAt))
          .limit(BATCH);
        return moveAll(
          deps,
          due.map((o) => o.id),
          'complete',
        );
      },
    },
  };
}
