import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/pool.js';

/**
 * Work that is due by the clock rather than by an event: release the stock of orders whose
 * payment did not come in time, complete orders some days after delivery. Each task finds
 * what is due with a query and changes it with conditional updates, so running it twice, or
 * on two instances at once, is harmless; an advisory lock still keeps instances from doing the
 * same sweep at the same moment.
 */
export interface PeriodicTask {
  /** How often it runs, in milliseconds. */
  everyMs: number;
  /** Does what is due now; returns how many things it changed (for the log and for tests). */
  run(): Promise<number>;
}

export class PeriodicTasks {
  private tasks = new Map<string, PeriodicTask>();
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();
  private stopped = true;

  constructor(
    private db: Db,
    private log: FastifyBaseLogger,
  ) {}

  add(name: string, task: PeriodicTask): this {
    if (this.tasks.has(name)) throw new Error(`periodic task ${name} is already registered`);
    this.tasks.set(name, task);
    return this;
  }

  names(): string[] {
    return [...this.tasks.keys()];
  }

  /**
   * Runs one task now, unless another instance is running it (then 0). Tests call this
   * instead of waiting for the clock.
   */
  async run(name: string): Promise<number> {
    const task = this.tasks.get(name);
    if (!task) throw new Error(`no periodic task ${name}`);
    return this.db.transaction(async (tx) => {
      const got = await tx.execute<{ ok: boolean }>(
        sql`SELECT pg_try_advisory_xact_lock(hashtext(${`periodic:${name}`})) AS ok`,
      );
      return got.rows[0]?.ok ? task.run() : 0;
    });
  }

  start(): void {
    this.stopped = false;
    for (const [name, task] of this.tasks) {
      const tick = async () => {
        const p = this.run(name).catch((err) => {
          this.log.error({ err, task: name }, 'periodic task failed; runs again at its next turn');
          return 0;
        });
        this.running.add(p);
        const n = await p;
        this.running.delete(p);
        if (n > 0) this.log.info({ task: name, changed: n }, 'periodic task ran');
        if (!this.stopped) this.timers.push(setTimeout(tick, task.everyMs));
      };
      this.timers.push(setTimeout(tick, task.everyMs));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    await Promise.all(this.running);
  }
}
