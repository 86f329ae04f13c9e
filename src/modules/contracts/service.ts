import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import type { Instance } from '../../web/page.js';
import type { OrderSnapshot } from '../orders/events.js';
import { isSellerMember } from '../sellers/index.js';
import { type ContractDocument, contractDocument } from './document.js';
import type { Signer } from './keys.js';
import { contractKeys, contracts } from './schema.js';

export type ContractRow = typeof contracts.$inferSelect;

/** What the parties download: the document with its hash and the platform's signature. */
export interface ContractFile {
  format: typeof FILE_FORMAT;
  document: ContractDocument;
  hash: { algorithm: 'SHA-256'; value: string };
  signature: { algorithm: 'Ed25519'; keyId: string; value: string; publicKey: string };
}

export const FILE_FORMAT = 'tmdt-contract/1';

/** The bytes that are hashed and signed: the RFC 8785 canonical JSON, UTF-8. */
export function canonicalBytes(document: unknown): Buffer {
  return Buffer.from(canonicalize(document) ?? '', 'utf8');
}

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export interface ContractContext {
  signer: Signer;
  instance: Instance;
  publicUrl: string;
  autoCompleteDays: number;
}

/**
 * Makes the contract of a placed order, once: the outbox may hand the same event over again,
 * or to two instances at once, and the unique order id keeps the first. Returns whether this
 * call made it.
 */
export async function createContract(db: Db, ctx: ContractContext, order: OrderSnapshot): Promise<boolean> {
  const [existing] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.orderId, order.orderId));
  if (existing) return false;
  const signedAt = new Date();
  const document = contractDocument(order, { ...ctx, signedAt });
  const bytes = canonicalBytes(document);
  return db.transaction(async (tx) => {
    await tx
      .insert(contractKeys)
      .values({ keyId: ctx.signer.keyId, publicKeyPem: ctx.signer.publicKeyPem })
      .onConflictDoNothing();
    const made = await tx
      .insert(contracts)
      .values({
        code: document.code,
        orderId: order.orderId,
        buyerId: order.buyer.userId,
        sellerId: order.seller.sellerId,
        document: bytes.toString('utf8'),
        hash: sha256Hex(bytes),
        signature: ctx.signer.sign(bytes),
        keyId: ctx.signer.keyId,
        signedAt,
      })
      .onConflictDoNothing()
      .returning({ id: contracts.id });
    return made.length > 0;
  });
}

export async function findContract(db: Executor, code: string): Promise<ContractRow | undefined> {
  const [row] = await db.select().from(contracts).where(eq(contracts.code, code));
  return row;
}

/** The contract, for its parties only: the buyer, and the seller's members. 404 / 403 otherwise. */
export async function contractForParty(db: Executor, actor: Actor, code: string): Promise<ContractRow> {
  const row = await findContract(db, code);
  if (!row) throw notFound();
  if (row.buyerId !== actor.id && !(await isSellerMember(db, row.sellerId, actor.id))) throw forbidden();
  return row;
}

export const keyUrl = (publicUrl: string, keyId: string) =>
  `${publicUrl}/hop-dong/khoa-cong-khai?khoa=${encodeURIComponent(keyId)}`;

export function contractFile(row: ContractRow, publicUrl: string): ContractFile {
  return {
    format: FILE_FORMAT,
    document: JSON.parse(row.document),
    hash: { algorithm: 'SHA-256', value: row.hash },
    signature: {
      algorithm: 'Ed25519',
      keyId: row.keyId,
      value: row.signature,
      publicKey: keyUrl(publicUrl, row.keyId),
    },
  };
}

/** Where an order's contract is, for the order pages. */
export interface ContractRef {
  code: string;
  signedAt: Date;
  hash: string;
  /** The parties' page, and the file to download. */
  path: string;
  downloadPath: string;
}

export const contractPath = (code: string) => `/hop-dong/${encodeURIComponent(code)}`;

/**
 * The contracts of the given orders, by order id. An order without one yet (the outbox makes
 * it within a second or so of the order) is missing from the map.
 */
export async function contractsOfOrders(db: Executor, orderIds: string[]): Promise<Map<string, ContractRef>> {
  if (!orderIds.length) return new Map();
  const rows = await db
    .select({
      orderId: contracts.orderId,
      code: contracts.code,
      signedAt: contracts.signedAt,
      hash: contracts.hash,
    })
    .from(contracts)
    .where(inArray(contracts.orderId, orderIds));
  return new Map(
    rows.map((r) => [
      r.orderId,
      {
        code: r.code,
        signedAt: r.signedAt,
        hash: r.hash,
        path: contractPath(r.code),
        downloadPath: `${contractPath(r.code)}/tai-ve`,
      },
    ]),
  );
}

export interface PublicKey {
  keyId: string;
  algorithm: 'Ed25519';
  publicKeyPem: string;
  current: boolean;
}

/** Every key that signed contracts here, and the one signing now (first). */
export async function publicKeys(db: Executor, signer: Signer): Promise<PublicKey[]> {
  const rows = await db.select().from(contractKeys).orderBy(asc(contractKeys.createdAt));
  const others = rows.filter((r) => r.keyId !== signer.keyId);
  return [
    { keyId: signer.keyId, algorithm: 'Ed25519', publicKeyPem: signer.publicKeyPem, current: true },
    ...others.map((r) => ({
      keyId: r.keyId,
      algorithm: 'Ed25519' as const,
      publicKeyPem: r.publicKeyPem,
      current: false,
    })),
  ];
}

export async function publicKeyPem(db: Executor, keyId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ pem: contractKeys.publicKeyPem })
    .from(contractKeys)
    .where(eq(contractKeys.keyId, keyId));
  return row?.pem;
}
