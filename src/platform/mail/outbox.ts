import type { Executor } from '../db/pool.js';
import { publish } from '../jobs/outbox.js';
import type { Mail } from './mailer.js';

export const MAIL_TOPIC = 'mail.send';

/** Queues a mail in the caller's transaction: it is sent only if the change commits. */
export async function queueMail(tx: Executor, mail: Mail): Promise<void> {
  await publish(tx, MAIL_TOPIC, { ...mail });
}
