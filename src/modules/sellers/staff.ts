import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditActor, recordAudit } from '../../platform/audit/service.js';
import type { Db, Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { type Locale, translate } from '../../platform/http/i18n.js';
import { parseInput } from '../../platform/http/validation.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Deps } from '../../platform/module.js';
import { findUserByEmail, sha256, userContacts } from '../identity/index.js';
import { isSellerMember } from './documents.js';
import { sellerInvites, sellerMembers, sellers } from './schema.js';
import { zEmail } from './validators.js';

const INVITE_DAYS = 7;
/** A shop that is closed for good takes no new staff. */
const closedStates = ['rejected', 'terminated'];

/** The seller, when the user owns it; 404 / 403 otherwise. Only owners manage staff. */
export async function ownedSeller(db: Executor, sellerId: string, userId: string) {
  const [row] = await db
    .select({ id: sellers.id, shopName: sellers.shopName, status: sellers.status, role: sellerMembers.role })
    .from(sellers)
    .leftJoin(sellerMembers, and(eq(sellerMembers.sellerId, sellers.id), eq(sellerMembers.userId, userId)))
    .where(eq(sellers.id, sellerId));
  if (!row) throw notFound();
  if (row.role !== 'owner') throw forbidden('seller.staff.owner_only');
  return row;
}

const inviteSchema = z.object({
  email: zEmail().superRefine((v, ctx) => {
    if (!v) ctx.addIssue({ code: 'custom', message: 'v.required' });
  }),
});

/**
 * Invites a person by e-mail to help run the shop. The link carries a random token (only its
 * hash is stored) and works for INVITE_DAYS days; inviting the same address again replaces
 * the earlier invitation.
 */
export async function inviteStaff(deps: Deps, actor: Actor, sellerId: string, body: unknown, locale: Locale) {
  const { email } = parseInput(inviteSchema, body);
  const shop = await ownedSeller(deps.db, sellerId, actor.id);
  if (closedStates.includes(shop.status)) throw conflict('seller.staff.closed');
  const user = await findUserByEmail(deps.db, email);
  if (user && (await isSellerMember(deps.db, sellerId, user.id))) {
    throw invalid('email', 'seller.staff.already_member');
  }
  const token = randomBytes(32).toString('base64url');
  const link = `${deps.config.publicUrl}/kenh-ban-hang/loi-moi?token=${token}`;
  await deps.db.transaction(async (tx) => {
    await tx
      .delete(sellerInvites)
      .where(
        and(
          eq(sellerInvites.sellerId, sellerId),
          eq(sellerInvites.email, email),
          isNull(sellerInvites.acceptedAt),
        ),
      );
    await tx.insert(sellerInvites).values({
      sellerId,
      email,
      tokenHash: sha256(token),
      invitedBy: actor.id,
      expiresAt: new Date(Date.now() + INVITE_DAYS * 86400_000),
    });
    const params = { shop: shop.shopName, inviter: actor.fullName, days: INVITE_DAYS };
    await queueMail(tx, {
      to: email,
      subject: translate(locale, 'seller.invite.mail_subject', params),
      text: `${translate(locale, 'seller.invite.mail_body', params)}\n\n${link}\n`,
    });
    await recordAudit(tx, {
      ...auditActor(actor),
      action: 'seller.staff_invite',
      subjectType: 'seller',
      subjectId: sellerId,
      data: { email },
    });
  });
}

/** A pending, unexpired invitation by its token, with the shop's name. */
export async function findInvite(db: Executor, token: string) {
  if (!token) return undefined;
  const [row] = await db
    .select({ invite: sellerInvites, shopName: sellers.shopName })
    .from(sellerInvites)
    .innerJoin(sellers, eq(sellers.id, sellerInvites.sellerId))
    .where(
      and(
        eq(sellerInvites.tokenHash, sha256(token)),
        isNull(sellerInvites.acceptedAt),
        gt(sellerInvites.expiresAt, sql`now()`),
      ),
    );
  return row;
}

/** The signed-in user joins the shop as staff, if the invitation was sent to the user's e-mail. */
export async function acceptInvite(db: Db, actor: Actor, token: string): Promise<string> {
  const found = await findInvite(db, token);
  if (!found) throw notFound('seller.invite.invalid');
  if (actor.email?.toLowerCase() !== found.invite.email) throw forbidden('seller.invite.other_email');
  const { invite } = found;
  await db.transaction(async (tx) => {
    const done = await tx
      .update(sellerInvites)
      .set({ acceptedAt: new Date() })
      .where(and(eq(sellerInvites.id, invite.id), isNull(sellerInvites.acceptedAt)))
      .returning({ id: sellerInvites.id });
    if (!done.length) throw notFound('seller.invite.invalid');
    await tx
      .insert(sellerMembers)
      .values({ sellerId: invite.sellerId, userId: actor.id, role: 'staff' })
      .onConflictDoNothing();
    await recordAudit(tx, {
      ...auditActor(actor),
      action: 'seller.staff_join',
      subjectType: 'seller',
      subjectId: invite.sellerId,
    });
  });
  return invite.sellerId;
}

export async function removeStaff(db: Db, actor: Actor, sellerId: string, userId: string) {
  await ownedSeller(db, sellerId, actor.id);
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(sellerMembers)
      .where(
        and(
          eq(sellerMembers.sellerId, sellerId),
          eq(sellerMembers.userId, userId),
          eq(sellerMembers.role, 'staff'),
        ),
      )
      .returning({ userId: sellerMembers.userId });
    if (!gone.length) throw notFound();
    await recordAudit(tx, {
      ...auditActor(actor),
      action: 'seller.staff_remove',
      subjectType: 'seller',
      subjectId: sellerId,
      data: { userId },
    });
  });
}

export async function cancelInvite(db: Db, actor: Actor, sellerId: string, inviteId: string) {
  await ownedSeller(db, sellerId, actor.id);
  const gone = await db
    .delete(sellerInvites)
    .where(
      and(
        eq(sellerInvites.id, inviteId),
        eq(sellerInvites.sellerId, sellerId),
        isNull(sellerInvites.acceptedAt),
      ),
    )
    .returning({ id: sellerInvites.id });
  if (!gone.length) throw notFound();
}

/** The shop's members (with names and contacts) and its pending invitations. */
export async function staffOf(db: Executor, sellerId: string) {
  const members = await db
    .select({ userId: sellerMembers.userId, role: sellerMembers.role, since: sellerMembers.createdAt })
    .from(sellerMembers)
    .where(eq(sellerMembers.sellerId, sellerId))
    .orderBy(asc(sellerMembers.createdAt));
  const contacts = new Map(
    (
      await userContacts(
        db,
        members.map((m) => m.userId),
      )
    ).map((c) => [c.id, c]),
  );
  const invites = await db
    .select({ id: sellerInvites.id, email: sellerInvites.email, expiresAt: sellerInvites.expiresAt })
    .from(sellerInvites)
    .where(
      and(
        eq(sellerInvites.sellerId, sellerId),
        isNull(sellerInvites.acceptedAt),
        gt(sellerInvites.expiresAt, sql`now()`),
      ),
    )
    .orderBy(asc(sellerInvites.createdAt));
  return {
    members: members.map((m) => ({
      ...m,
      fullName: contacts.get(m.userId)?.fullName ?? '',
      email: contacts.get(m.userId)?.email ?? null,
    })),
    invites,
  };
}
