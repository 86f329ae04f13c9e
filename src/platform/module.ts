import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from './db/pool.js';
import type { Handler } from './jobs/outbox.js';
import type { PeriodicTask } from './jobs/periodic.js';
import type { MailSender } from './mail/mailer.js';
import type { Storage } from './storage/storage.js';

/** What the composition root hands every module. */
export interface Deps {
  config: Config;
  db: Db;
  storage: Storage;
  mailer: MailSender;
}

/** A module plugs its routes, its outbox handlers and its periodic tasks into the app; nothing else. */
export interface Module {
  name: string;
  routes?(app: FastifyInstance, deps: Deps): Promise<void> | void;
  handlers?(deps: Deps): Record<string, Handler<never>>;
  /** Work due by the clock, named `<module>.<what>` (platform/jobs/periodic.ts). */
  tasks?(deps: Deps): Record<string, PeriodicTask>;
}
