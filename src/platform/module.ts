import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from './db/pool.js';
import type { Handler } from './jobs/outbox.js';
import type { MailSender } from './mail/mailer.js';
import type { Storage } from './storage/storage.js';

/** What the composition root hands every module. */
export interface Deps {
  config: Config;
  db: Db;
  storage: Storage;
  mailer: MailSender;
}

/** A module plugs its routes and its outbox handlers into the app; nothing else. */
export interface Module {
  name: string;
  routes?(app: FastifyInstance, deps: Deps): Promise<void> | void;
  handlers?(deps: Deps): Record<string, Handler<never>>;
}
