import type pg from 'pg';

type Cb = (err: Error | null, res?: { current: number; ttl: number }) => void;

const INCR = `
  INSERT INTO rate_limits (key, count, reset_at) VALUES ($1, 1, now() + $2 * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN rate_limits.reset_at <= now() THEN 1 ELSE rate_limits.count + 1 END,
    reset_at = CASE WHEN rate_limits.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limits.reset_at END
  RETURNING count, (extract(epoch FROM reset_at - now()) * 1000)::int AS ttl`;

const READ = `SELECT count, (extract(epoch FROM reset_at - now()) * 1000)::int AS ttl
  FROM rate_limits WHERE key = $1 AND reset_at > now()`;

/**
 * A @fastify/rate-limit store kept in PostgreSQL, so that every app instance behind a
 * load balancer counts against the same limit.
 */
export function pgRateLimitStore(pool: pg.Pool) {
  return class PgStore {
    constructor(
      _opts?: unknown,
      private prefix = '',
    ) {}
    incr(key: string, cb: Cb, timeWindow: number) {
      pool.query(INCR, [this.prefix + key, timeWindow]).then(
        (r) => cb(null, { current: r.rows[0].count, ttl: Math.max(0, r.rows[0].ttl) }),
        (e) => cb(e),
      );
    }
    read(key: string, cb: Cb) {
      pool.query(READ, [this.prefix + key]).then(
        (r) =>
          cb(null, r.rows[0] ? { current: r.rows[0].count, ttl: r.rows[0].ttl } : { current: 0, ttl: 0 }),
        (e) => cb(e),
      );
    }
    child(options: object) {
      const routeOptions = options as { routeInfo?: { method?: string; url?: string }; groupId?: string };
      const route =
        routeOptions.groupId ?? `${routeOptions.routeInfo?.method} ${routeOptions.routeInfo?.url}`;
      return new PgStore(undefined, `${route}|`);
    }
  };
}
