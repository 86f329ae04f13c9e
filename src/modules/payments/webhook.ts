import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db/pool.js';
import { recordEvent, setEventOutcome, settleTransfer } from './transfers.js';

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body>` (docs/payments-webhook.md). */
export const SIGNATURE_HEADER = 'x-signature';

/**
 * A bank-transfer notification in the format of SePay's webhook: one transaction of a linked
 * bank account. Amounts are whole đồng; `transactionDate` is Vietnam time.
 */
export const sepayNotification = z.looseObject({
  id: z.union([z.number().int(), z.string().min(1)]),
  gateway: z.string(),
  transactionDate: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
  accountNumber: z.string(),
  code: z.string().nullish(),
  content: z.string(),
  transferType: z.enum(['in', 'out']),
  transferAmount: z.number().int().positive(),
  accumulated: z.number().optional(),
  subAccount: z.string().nullish(),
  referenceCode: z.string().nullish(),
  description: z.string().optional(),
});
export type SepayNotification = z.infer<typeof sepayNotification>;

export const sign = (secret: string, rawBody: string) =>
  `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;

type Verification = 'ok' | 'missing_signature' | 'bad_signature' | 'not_configured';

/** Checks the signature in constant time (the lengths are fixed before comparing). */
export function verifySignature(
  secret: string | undefined,
  rawBody: string,
  header: string | undefined,
): Verification {
  if (!secret) return 'not_configured';
  if (!header) return 'missing_signature';
  const expected = Buffer.from(sign(secret, rawBody));
  const given = Buffer.from(header.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'bad_signature';
}

export interface WebhookRequest {
  rawBody: string;
  headers: Record<string, string>;
  signature: string | undefined;
}

export type WebhookAnswer =
  | { status: 200; outcome: string }
  | { status: 400 | 401 | 503; outcome: Verification | 'malformed' };

/**
 * Handles one notification: recorded verbatim first (forged ones too), then verified, then
 * settled in one transaction. Only money coming in to the collection account is settled;
 * anything else is acknowledged and left alone, so the service does not send it again.
 */
export async function receiveBankNotification(
  db: Db,
  config: Config,
  req: WebhookRequest,
): Promise<WebhookAnswer> {
  const verification = verifySignature(config.buying.bankWebhookSecret, req.rawBody, req.signature);
  let parsed: SepayNotification | undefined;
  if (verification === 'ok') {
    try {
      parsed = sepayNotification.parse(JSON.parse(req.rawBody));
    } catch {
      parsed = undefined;
    }
  }
  const eventId = await recordEvent(db, {
    source: 'bank_webhook',
    rawBody: req.rawBody,
    headers: req.headers,
    verified: verification === 'ok',
    verification: verification === 'ok' && !parsed ? 'malformed' : verification,
    providerRef: parsed ? `sepay:${parsed.id}` : null,
  });
  if (verification !== 'ok')
    return { status: verification === 'not_configured' ? 503 : 401, outcome: verification };
  if (!parsed) return { status: 400, outcome: 'malformed' };

  const n = parsed;
  const { accountNo } = config.buying.collection;
  if (n.transferType !== 'in' || (n.accountNumber !== accountNo && n.subAccount !== accountNo)) {
    await setEventOutcome(db, eventId, { outcome: 'ignored' });
    return { status: 200, outcome: 'ignored' };
  }
  const settled = await db.transaction(async (tx) => {
    const s = await settleTransfer(tx, {
      source: 'webhook',
      reference: n.referenceCode?.trim() || `sepay:${n.id}`,
      providerTxnId: `sepay:${n.id}`,
      accountNo,
      amount: BigInt(n.transferAmount),
      // The payment code SePay recognised is read too, when the content does not carry it.
      content: n.code && !n.content.includes(n.code) ? `${n.code} ${n.content}` : n.content,
      transferredAt: new Date(`${n.transactionDate.replace(' ', 'T')}+07:00`),
      eventId,
    });
    await setEventOutcome(tx, eventId, s);
    return s;
  });
  return { status: 200, outcome: settled.outcome };
}
