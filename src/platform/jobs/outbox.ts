import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Executor } from '../db/pool.js';
import { outbox } from './schema.js';

/** Handles one event's payload (as it was published, after a round trip through jsonb). */
export type Handler<T = never> = (payload: T) => Promise<void>;

/** Writes an event in the caller's transaction; it is handled after the transaction commits. */
export async function publish(tx: Executor, topic: string, payload: Record<string, unknown>): Promise<void> {
  await tx.insert(outbox).values({ topic, payload });
}

/**
 * Hands outbox events to the handlers of their topic. Several app instances may run it at
 * once: each claims a batch with FOR UPDATE SKIP LOCKED. A failing handler is retried with
 * a growing delay; handlers must therefore be idempotent.
 */
export class OutboxDispatcher {
  private handlers = new Map<string, { name: string; handle: Handler<unknown> }[]>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    private db: Db,
    private log: FastifyBaseLogger,
  ) {}

  /**
   * Adds a handler of a topic. Several modules may handle one topic (an order completed: the
   * invoice, the trust score, the statistics); each is named (its module) so that a retry after
   * one of them failed runs only those that have not succeeded yet.
   */
  on<T>(topic: string, handler: Handler<T>, name = 'default'): this {
    // The topic names the payload's shape; the publisher and the handlers agree on it.
    const list = this.handlers.get(topic) ?? [];
    if (list.some((h) => h.name === name)) throw new Error(`${name} already handles ${topic}`);
    this.handlers.set(topic, [...list, { name, handle: handler as Handler<unknown> }]);
    return this;
  }

  /** Handles what is due now; returns how many events were handled. Tests call it directly. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        const rows = await tx.execute<{
          id: string;
          topic: string;
          payload: unknown;
          attempts: number;
          handled_by: string[];
        }>(sql`
          SELECT id, topic, payload, attempts, handled_by FROM ${outbox}
          WHERE processed_at IS NULL AND available_at <= now()
          ORDER BY available_at LIMIT 50 FOR UPDATE SKIP LOCKED`);
        for (const ev of rows.rows) {
          const done = new Set(ev.handled_by);
          let failure: unknown;
          for (const h of this.handlers.get(ev.topic) ?? []) {
            if (done.has(h.name)) continue;
            try {
              await h.handle(ev.payload);
              done.add(h.name);
            } catch (err) {
              failure ??= err;
              this.log.warn(
                { err, topic: ev.topic, id: ev.id, handler: h.name },
                'outbox handler failed; will retry',
              );
            }
          }
          const handledBy = [...done];
          if (failure === undefined) {
            await tx.execute(sql`UPDATE ${outbox} SET processed_at = now(), attempts = attempts + 1,
              handled_by = ${sql.param(handledBy)}::text[] WHERE id = ${ev.id}`);
          } else {
            const delay = Math.min(3600, 2 ** ev.attempts * 5);
            await tx.execute(sql`UPDATE ${outbox} SET attempts = attempts + 1, last_error = ${String(failure)},
              handled_by = ${sql.param(handledBy)}::text[], available_at = now() + ${delay} * interval '1 second' WHERE id = ${ev.id}`);
          }
        }
        return rows.rows.length;
      });
      total += n;
      if (n < 50) return total;
    }
  }

  start(intervalMs = 1000): void {
    this.stopped = false;
    const tick = async () => {
      this.running = this.drain().catch((err) => {
        this.log.error({ err }, 'outbox dispatch failed');
        return 0;
      });
      await this.running;
      // stop() may have been called while the batch ran: then do not poll again.
      if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
