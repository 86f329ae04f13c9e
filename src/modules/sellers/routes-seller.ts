import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, seeOther } from '../../platform/http/context.js';
import type { Deps } from '../../platform/module.js';
import { failedForm } from '../../web/form-post.js';
import type { FormState } from '../../web/forms.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { fromForm, toForm } from './application-schema.js';
import { attachedFiles, readSellerFile, storeFormUploads } from './documents.js';
import { sellerActor, sellerApiRoutes } from './routes-seller-api.js';
import { shopViews } from './seller-center-data.js';
import { applicationData, currentApplication, type Seller, saveApplication } from './service.js';
import { acceptInvite, cancelInvite, findInvite, inviteStaff, removeStaff } from './staff.js';
import { sellerHistory } from './transitions.js';
import { vneidStartUrl } from './verification/index.js';
import { ApplicationPage, UnderReviewPage } from './views/application.js';
import { type DoneNotice, doneNotices, SellerCenterPage } from './views/seller-center.js';
import { InvitePage } from './views/seller-center-staff.js';

type Body = Record<string, unknown>;
type Params = Record<string, string>;
type Query = Record<string, string | undefined>;

/** Seller-side pages: the application form, the seller centre, staff invitations, documents. */
export function sellerRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const maxMb = Math.round(deps.config.uploadMaxBytes / 1048576);
  const vneidUrl = (sellerId: string) => vneidStartUrl(deps, sellerId);

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    cur: Seller | undefined,
    state: FormState,
    opts: { status?: number; saved?: boolean } = {},
  ) {
    let changesRequested: { at: Date; reason: string | null } | undefined;
    if (cur?.status === 'needs_changes') {
      changesRequested = (await sellerHistory(db, cur.id))
        .filter((h) => h.toStatus === 'needs_changes')
        .at(-1);
    }
    const attached = await attachedFiles(db, actor.id, cur?.id, state.values);
    const page = ApplicationPage({
      ctx: pageCtx(req, reply),
      state,
      status: cur?.status,
      changesRequested,
      attached,
      saved: opts.saved,
      maxMb,
    });
    return sendHtml(reply, page, opts.status);
  }

  app.get('/kenh-ban-hang/dang-ky', { schema: { hide: true } }, async (req, reply) => {
    const actor = sellerActor(req, 'read');
    const cur = await currentApplication(db, actor.id);
    if (cur?.status === 'submitted') {
      return sendHtml(
        reply,
        UnderReviewPage({ ctx: pageCtx(req, reply), shopName: cur.shopName, submittedAt: cur.submittedAt }),
      );
    }
    // A new application starts with what the account already says about the applicant.
    const values = cur
      ? toForm(await applicationData(db, cur))
      : {
          provinceCode: req.server.instance.provinceCode,
          repName: actor.fullName,
          email: actor.email ?? '',
          phone: actor.phone ?? '',
        };
    const saved = (req.query as Query).saved === '1';
    return renderForm(req, reply, actor, cur, { values, errors: [] }, { saved });
  });

  app.post('/kenh-ban-hang/dang-ky', { schema: { hide: true } }, async (req, reply) => {
    const actor = sellerActor(req, 'seller:write');
    const body = (req.body ?? {}) as Body;
    const { values, errors } = await storeFormUploads(deps, actor.id, body);
    const cur = await currentApplication(db, actor.id);
    // "Update the commune list" (no JavaScript): the same form again, answers kept, no errors yet.
    if (body._refresh) return renderForm(req, reply, actor, cur, { values, errors: [] });
    const submit = body._action === 'submit';
    try {
      await saveApplication(deps, actor, fromForm(values), { submit, ip: req.ip, errors });
    } catch (err) {
      const { state, status } = failedForm(err, values);
      return renderForm(req, reply, actor, cur, state, { status });
    }
    return seeOther(reply, submit ? '/kenh-ban-hang?done=submitted' : '/kenh-ban-hang/dang-ky?saved=1');
  });

  app.get('/kenh-ban-hang', { schema: { hide: true } }, async (req, reply) => {
    const actor = sellerActor(req, 'read');
    const done = (req.query as Query).done as DoneNotice | undefined;
    const shops = await shopViews(db, actor.id, { vneidUrl });
    return sendHtml(
      reply,
      SellerCenterPage({
        ctx: pageCtx(req, reply),
        shops,
        done: doneNotices.includes(done!) ? done : undefined,
      }),
    );
  });

  app.post('/kenh-ban-hang/:sellerId/nhan-vien', { schema: { hide: true } }, async (req, reply) => {
    const actor = sellerActor(req, 'seller:write');
    const { sellerId } = req.params as Params;
    try {
      await inviteStaff(deps, actor, sellerId, req.body, req.locale);
    } catch (err) {
      const { state, status } = failedForm(err, req.body);
      const shops = await shopViews(db, actor.id, { invite: { sellerId, state }, vneidUrl });
      return sendHtml(reply, SellerCenterPage({ ctx: pageCtx(req, reply), shops }), status);
    }
    return seeOther(reply, '/kenh-ban-hang?done=invited');
  });

  app.post(
    '/kenh-ban-hang/:sellerId/nhan-vien/:userId/xoa',
    { schema: { hide: true } },
    async (req, reply) => {
      const { sellerId, userId } = req.params as Params;
      await removeStaff(db, sellerActor(req, 'seller:write'), sellerId, userId);
      return seeOther(reply, '/kenh-ban-hang?done=removed');
    },
  );

  app.post(
    '/kenh-ban-hang/:sellerId/loi-moi/:inviteId/huy',
    { schema: { hide: true } },
    async (req, reply) => {
      const { sellerId, inviteId } = req.params as Params;
      await cancelInvite(db, sellerActor(req, 'seller:write'), sellerId, inviteId);
      return seeOther(reply, '/kenh-ban-hang?done=cancelled');
    },
  );

  // Opening the link requires signing in first (the 401 redirects back here afterwards).
  app.get('/kenh-ban-hang/loi-moi', { schema: { hide: true } }, async (req, reply) => {
    sellerActor(req, 'read');
    const token = String((req.query as Query).token ?? '');
    const found = await findInvite(db, token);
    return sendHtml(
      reply,
      InvitePage({ ctx: pageCtx(req, reply), token, shopName: found?.shopName }),
      found ? 200 : 404,
    );
  });

  app.post('/kenh-ban-hang/loi-moi', { schema: { hide: true } }, async (req, reply) => {
    await acceptInvite(db, sellerActor(req, 'seller:write'), String((req.body as Body)?.token ?? ''));
    return seeOther(reply, '/kenh-ban-hang?done=joined');
  });

  /** A seller's document, for the seller's members and the Department's officers only. */
  app.get('/tep/:id', { schema: { hide: true } }, async (req, reply) => {
    const { meta, data } = await readSellerFile(deps, sellerActor(req, 'read'), (req.params as Params).id);
    return reply
      .header('content-type', meta.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.originalName)}`)
      .header('cache-control', 'private, no-store')
      .send(data);
  });

  sellerApiRoutes(app, deps);
}
