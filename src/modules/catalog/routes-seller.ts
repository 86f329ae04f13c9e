import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, requireActor, requireScope, seeOther } from '../../platform/http/context.js';
import { AppError, type FieldError, notFound, ValidationError } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { asUpload, DOCUMENT_TYPES, fileMeta, storeFormFile } from '../../platform/storage/storage.js';
import type { FormState } from '../../web/forms.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { memberships } from '../sellers/index.js';
import { memberSeller } from './access.js';
import { fromForm, ROWS_STEP, rowsOf, toForm } from './form-values.js';
import { addProductImage, deleteProductImage, moveProductImage, removeProduct } from './images.js';
import { listQuery, sellerProducts } from './queries.js';
import { createProduct, getProduct, productForMember, updateProduct } from './service.js';
import { adjustStock, stockHistory } from './stock.js';
import { productHistory, transitionProduct } from './transitions.js';
import { NoShopPage, SellerListPage } from './views/seller-list.js';
import {
  type DoneNotice,
  doneNotices,
  NewProductPage,
  SellerProductPage,
  type SellerProductProps,
} from './views/seller-product.js';

type Body = Record<string, unknown>;
type Params = Record<string, string>;
type Query = Record<string, string | undefined>;

/** The signed-in user acting for a shop; a token needs `read` to look and `seller:write` to change. */
export function memberActor(req: FastifyRequest, scope: 'read' | 'seller:write'): Actor {
  const actor = requireActor(req);
  requireScope(actor, scope);
  return actor;
}

/**
 * The OCOP certificate scan of the form, stored as soon as it is posted so that a form sent
 * back with errors keeps it (its id travels in a hidden field).
 */
export async function storeOcopFile(deps: Deps, userId: string, body: Body) {
  const { _csrf: _, ocopFile, ...values } = body;
  const errors: FieldError[] = [];
  const file = asUpload(ocopFile);
  const stored =
    file &&
    (await storeFormFile(
      deps.db,
      deps.storage,
      'ocopFile',
      file,
      { allowed: DOCUMENT_TYPES, maxBytes: deps.config.uploadMaxBytes, ownerId: userId },
      errors,
    ));
  // A refused file keeps the scan posted before (its id came back in the hidden field).
  if (stored) values.ocopFileId = stored;
  return { values, errors };
}

/** Seller-centre pages of the catalog: the shop's products, the product form, images, stock. */
export function sellerProductRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const base = '/kenh-ban-hang/san-pham';

  async function renderProduct(
    req: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    productId: string,
    extra: Partial<Omit<SellerProductProps, 'ctx' | 'view' | 'seller' | 'history' | 'stock'>> = {},
    status = 200,
  ) {
    const { seller, ...view } = await productForMember(db, userId, productId);
    const page = SellerProductPage({
      ctx: pageCtx(req, reply),
      view,
      seller,
      history: await productHistory(db, productId),
      stock: await stockHistory(db, productId),
      form: extra.form ?? { values: toForm(view), errors: [] },
      ...extra,
    });
    return sendHtml(reply, page, status);
  }

  /** The form posted back without saving: more variant rows, or the communes of another province. */
  function redisplay(body: Body, values: Body): Body | undefined {
    if (body._more) return { ...values, _rows: rowsOf(values) + ROWS_STEP };
    if (body._refresh) return { ...values, originCommuneCode: '' };
    return undefined;
  }

  app.get(base, { schema: { hide: true } }, async (req, reply) => {
    const actor = memberActor(req, 'read');
    const q = req.query as Query;
    const chosen = q.shop ? await memberSeller(db, actor.id, q.shop) : undefined;
    const shops = (await memberships(db, actor.id)).map((m) => m.seller);
    const seller = chosen ?? shops[0];
    if (!seller) return sendHtml(reply, NoShopPage({ ctx: pageCtx(req, reply) }));
    const filters = listQuery.parse(q);
    const list = await sellerProducts(db, seller.id, filters);
    return sendHtml(reply, SellerListPage({ ctx: pageCtx(req, reply), seller, shops, filters, list }));
  });

  app.get(`${base}/moi`, { schema: { hide: true } }, async (req, reply) => {
    const actor = memberActor(req, 'read');
    const q = req.query as Query;
    const first = (await memberships(db, actor.id))[0]?.seller;
    if (!q.shop && !first) return sendHtml(reply, NoShopPage({ ctx: pageCtx(req, reply) }));
    const seller = await memberSeller(db, actor.id, q.shop ?? first.id, { write: true });
    const values = {
      originProvinceCode: seller.provinceCode ?? req.server.instance.provinceCode,
      originCommuneCode: seller.communeCode ?? '',
      _rows: ROWS_STEP,
    };
    return sendHtml(
      reply,
      NewProductPage({ ctx: pageCtx(req, reply), seller, state: { values, errors: [] } }),
    );
  });

  app.post(`${base}/moi`, { schema: { hide: true } }, async (req, reply) => {
    const actor = memberActor(req, 'seller:write');
    const body = (req.body ?? {}) as Body;
    const seller = await memberSeller(db, actor.id, String(body.sellerId ?? ''), { write: true });
    const { values, errors } = await storeOcopFile(deps, actor.id, body);
    const show = (state: FormState, status: number) =>
      sendHtml(reply, NewProductPage({ ctx: pageCtx(req, reply), seller, state }), status);
    const again = redisplay(body, values);
    if (again) return show({ values: again, errors: [] }, 200);
    try {
      if (errors.length) throw new ValidationError([]);
      const { product } = await createProduct(
        db,
        { userId: actor.id, sellerId: seller.id },
        fromForm(values),
      );
      return seeOther(reply, `${base}/${product.id}?done=created`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return show({ values, errors: [...errors, ...err.fields] }, 422);
    }
  });

  app.get(`${base}/:id`, { schema: { hide: true } }, async (req, reply) => {
    const actor = memberActor(req, 'read');
    const done = (req.query as Query).done as DoneNotice | undefined;
    return renderProduct(req, reply, actor.id, (req.params as Params).id, {
      done: doneNotices.includes(done!) ? done : undefined,
    });
  });

  app.post(`${base}/:id`, { schema: { hide: true } }, async (req, reply) => {
    const actor = memberActor(req, 'seller:write');
    const { id } = req.params as Params;
    const body = (req.body ?? {}) as Body;
    await productForMember(db, actor.id, id);
    const { values, errors } = await storeOcopFile(deps, actor.id, body);
    const again = redisplay(body, values);
    if (again) return renderProduct(req, reply, actor.id, id, { form: { values: again, errors: [] } });
    try {
      if (errors.length) throw new ValidationError([]);
      await updateProduct(db, actor.id, id, fromForm(values));
      return seeOther(reply, `${base}/${id}?done=saved`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const form = { values, errors: [...errors, ...err.fields] };
      return renderProduct(req, reply, actor.id, id, { form }, 422);
    }
  });

  app.post(`${base}/:id/xoa`, { schema: { hide: true } }, async (req, reply) => {
    const actor = memberActor(req, 'seller:write');
    const { id } = req.params as Params;
    const { product } = await productForMember(db, actor.id, id);
    await removeProduct(deps, actor.id, id);
    return seeOther(reply, `${base}?shop=${product.sellerId}`);
  });

  app.post(`${base}/:id/:action`, { schema: { hide: true } }, async (req, reply) => {
    const actor = memberActor(req, 'seller:write');
    const { id, action } = req.params as Params;
    if (action !== 'publish' && action !== 'hide') throw notFound();
    try {
      await transitionProduct(db, {
        productId: id,
        action,
        actor,
        party: 'seller',
        ip: req.ip,
        publicUrl: deps.config.publicUrl,
      });
    } catch (err) {
      // A product someone else already changed, or a shop that may not publish: said on the page.
      if (!(err instanceof AppError && err.status === 409)) throw err;
      return renderProduct(req, reply, actor.id, id, { actionError: err.key }, 409);
    }
    return seeOther(reply, `${base}/${id}?done=${action}`);
  });

  app.post(`${base}/:id/anh`, { schema: { hide: true } }, async (req, reply) => {
    const actor = memberActor(req, 'seller:write');
    const { id } = req.params as Params;
    const body = (req.body ?? {}) as Body;
    try {
      await addProductImage(deps, actor.id, id, { image: asUpload(body.image), alt: body.alt });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const imageState = { values: { alt: body.alt }, errors: err.fields };
      return renderProduct(req, reply, actor.id, id, { imageState }, 422);
    }
    return seeOther(reply, `${base}/${id}?done=image_added#images`);
  });

  app.post(`${base}/:id/anh/:imageId/:move`, { schema: { hide: true } }, async (req, reply) => {
    const actor = memberActor(req, 'seller:write');
    const { id, imageId, move } = req.params as Params;
    if (move === 'xoa') {
      await deleteProductImage(deps, actor.id, id, imageId);
      return seeOther(reply, `${base}/${id}?done=image_deleted#images`);
    }
    if (move !== 'len' && move !== 'xuong') throw notFound();
    await moveProductImage(deps, actor.id, id, imageId, move === 'len' ? -1 : 1);
    return seeOther(reply, `${base}/${id}?done=image_moved#images`);
  });

  /** The product's OCOP certificate scan, for the shop's members and the Department's officers. */
  app.get(`${base}/:id/chung-nhan-ocop`, { schema: { hide: true } }, async (req, reply) => {
    const actor = memberActor(req, 'read');
    const { id } = req.params as Params;
    const officer = actor.role === 'officer' || actor.role === 'admin';
    const view = officer ? await getProduct(db, id) : await productForMember(db, actor.id, id);
    const meta = view?.product.ocopFileId ? await fileMeta(db, view.product.ocopFileId) : undefined;
    if (!meta) throw notFound();
    return reply
      .header('content-type', meta.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.originalName)}`)
      .header('cache-control', 'private, no-store')
      .send(await deps.storage.get(meta.key));
  });

  app.post(`${base}/:id/bien-the/:variantId/ton-kho`, { schema: { hide: true } }, async (req, reply) => {
    const actor = memberActor(req, 'seller:write');
    const { id, variantId } = req.params as Params;
    const body = (req.body ?? {}) as Body;
    try {
      await adjustStock(db, actor.id, id, variantId, body);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const stockState = {
        variantId,
        state: { values: { delta: body.delta, reason: body.reason }, errors: err.fields },
      };
      return renderProduct(req, reply, actor.id, id, { stockState }, 422);
    }
    return seeOther(reply, `${base}/${id}?done=stock#stock`);
  });
}
