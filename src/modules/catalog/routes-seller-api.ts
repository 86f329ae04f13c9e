import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid, notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { asUpload } from '../../platform/storage/storage.js';
import { memberships } from '../sellers/index.js';
import { memberSeller } from './access.js';
import {
  addProductImage,
  deleteProductImage,
  MAX_IMAGES,
  orderProductImages,
  removeProduct,
} from './images.js';
import { MAX_VARIANTS } from './input.js';
import {
  historyJson,
  imageJson,
  productJson,
  toHistoryJson,
  toImageJson,
  toProductJson,
} from './presenters.js';
import { listQuery, sellerProducts } from './queries.js';
import { certificationCodes, unitCodes } from './reference.js';
import { memberActor, storeOcopFile } from './routes-seller.js';
import { createProduct, productForMember, updateProduct } from './service.js';
import { adjustStock, stockHistory } from './stock.js';
import { productHistory, transitionProduct } from './transitions.js';

const tags = ['catalog'];
const value = z.union([z.string(), z.number()]).optional();

/** What a client sends: loose on purpose, the service checks every field and reports all problems at once. */
const productBody = z.object({
  name: z.string().optional(),
  description: z.string().optional().meta({ description: 'Markdown; raw HTML is shown as text' }),
  category: z.string().optional().meta({ description: 'Leaf code of the taxonomy, e.g. food.bird_nest' }),
  unit: z
    .string()
    .optional()
    .meta({ description: `One of: ${unitCodes.join(', ')}` }),
  weightGrams: value,
  originProvinceCode: z.string().optional().meta({ description: 'Province code (2025 units)' }),
  originCommuneCode: z.string().optional().nullable(),
  isKeyProduct: z.union([z.boolean(), z.string()]).optional(),
  ocopGroup: value.nullable().meta({ description: 'OCOP product group 1-6' }),
  ocopStars: value.nullable().meta({ description: '3, 4 or 5' }),
  ocopCertificateNo: z.string().optional().nullable(),
  ocopIssuedOn: z.string().optional().nullable().meta({ description: 'yyyy-mm-dd, not in the future' }),
  ocopFileId: z
    .string()
    .optional()
    .nullable()
    .meta({ description: 'From POST /api/v1/seller/products/ocop-files' }),
  certifications: z
    .array(z.string())
    .optional()
    .meta({ description: `Among: ${certificationCodes.join(', ')}` }),
  shelfLifeDays: value.nullable(),
  storage: z.string().optional().nullable(),
  variants: z
    .array(
      z.object({
        id: z.string().optional().meta({ description: 'Of an existing variant (PUT); left out, a new one' }),
        name: z.string().optional(),
        sku: z
          .string()
          .optional()
          .meta({ description: 'Unique within the product; made from the name when empty' }),
        price: value.meta({ description: 'Integer đồng; "250.000" and "250 000" are read too' }),
        compareAtPrice: value.nullable(),
        stock: value.meta({ description: 'Initial stock of a new variant; later changes go through /stock' }),
      }),
    )
    .max(MAX_VARIANTS + 5)
    .optional(),
});

const idParams = z.object({ id: z.string() });
const listResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      slug: z.string(),
      category: z.string(),
      status: productJson.shape.status,
      priceMin: productJson.shape.priceMin,
      stock: z.number(),
      variants: z.number(),
      updatedAt: z.string(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pages: z.number(),
});

/** JSON twins of the seller centre's product pages. */
export function sellerProductApiRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const base = '/api/v1/seller/products';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: "My shop's products (the first shop I belong to unless sellerId is given)",
        querystring: listQuery.extend({ sellerId: z.string().optional() }),
        response: { 200: listResponse },
      },
    },
    async (req) => {
      const actor = memberActor(req, 'read');
      const sellerId = req.query.sellerId ?? (await memberships(db, actor.id))[0]?.seller.id;
      if (!sellerId) throw notFound();
      await memberSeller(db, actor.id, sellerId);
      const list = await sellerProducts(db, sellerId, req.query);
      return {
        ...list,
        items: list.items.map((i) => ({
          ...i,
          priceMin: i.priceMin === null ? null : Number(i.priceMin),
          updatedAt: i.updatedAt.toISOString(),
        })),
      };
    },
  );

  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Create a product (a draft) of my shop',
        body: productBody.extend({ sellerId: z.string() }),
        response: { 201: productJson },
      },
    },
    async (req, reply) => {
      const actor = memberActor(req, 'seller:write');
      const { sellerId, ...input } = req.body;
      const view = await createProduct(db, { userId: actor.id, sellerId }, input);
      return reply.code(201).send(toProductJson(view));
    },
  );

  r.post(
    `${base}/ocop-files`,
    {
      schema: {
        tags,
        summary:
          'Upload the scan of an OCOP certificate (multipart: file; PDF, JPG, PNG or WebP); its id goes in ocopFileId',
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ fileId: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = memberActor(req, 'seller:write');
      const file = ((req.body ?? {}) as Record<string, unknown>).file;
      if (!file) throw invalid('file', 'v.required');
      const { values, errors } = await storeOcopFile(deps, actor.id, { ocopFile: file });
      if (errors.length) throw invalid('file', errors[0].key, errors[0].params);
      return reply.code(201).send({ fileId: String(values.ocopFileId) });
    },
  );

  r.get(
    `${base}/:id`,
    { schema: { tags, summary: 'One of my products', params: idParams, response: { 200: productJson } } },
    async (req) => toProductJson(await productForMember(db, memberActor(req, 'read').id, req.params.id)),
  );

  r.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Save a product; variants are matched by id (new rows added, missing ones removed)',
        params: idParams,
        body: productBody,
        response: { 200: productJson },
      },
    },
    async (req) =>
      toProductJson(await updateProduct(db, memberActor(req, 'seller:write').id, req.params.id, req.body)),
  );

  r.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Delete a draft or hidden product',
        params: idParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await removeProduct(deps, memberActor(req, 'seller:write').id, req.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    `${base}/:id/transitions`,
    {
      schema: {
        tags,
        summary: "A product's lifecycle history, with the officer's reasons",
        params: idParams,
        response: { 200: z.object({ items: z.array(historyJson) }) },
      },
    },
    async (req) => {
      const { product } = await productForMember(db, memberActor(req, 'read').id, req.params.id);
      return { items: (await productHistory(db, product.id)).map(toHistoryJson) };
    },
  );

  r.post(
    `${base}/:id/transitions`,
    {
      schema: {
        tags,
        summary: 'Publish (draft or hidden; approved shops only) or hide (published) a product',
        params: idParams,
        body: z.object({ action: z.enum(['publish', 'hide']) }),
        response: { 200: productJson },
      },
    },
    async (req) => {
      const actor = memberActor(req, 'seller:write');
      await transitionProduct(db, {
        productId: req.params.id,
        action: req.body.action,
        actor,
        party: 'seller',
        ip: req.ip,
        publicUrl: deps.config.publicUrl,
      });
      return toProductJson(await productForMember(db, actor.id, req.params.id));
    },
  );

  r.post(
    `${base}/:id/images`,
    {
      schema: {
        tags,
        summary: `Add an image (multipart: image, alt; JPEG, PNG or WebP; at most ${MAX_IMAGES}). WebP renditions are made at 320, 640 and 1024 px`,
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: imageJson },
      },
    },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const image = await addProductImage(deps, memberActor(req, 'seller:write').id, req.params.id, {
        image: asUpload(body.image),
        alt: body.alt,
      });
      return reply.code(201).send(toImageJson(image));
    },
  );

  r.put(
    `${base}/:id/images/order`,
    {
      schema: {
        tags,
        summary: "Order a product's images: every image id, the first shown first",
        params: idParams,
        body: z.object({ ids: z.array(z.string()) }),
        response: { 200: z.object({ items: z.array(imageJson) }) },
      },
    },
    async (req) => {
      const actor = memberActor(req, 'seller:write');
      await orderProductImages(deps, actor.id, req.params.id, req.body.ids);
      return { items: (await productForMember(db, actor.id, req.params.id)).images.map(toImageJson) };
    },
  );

  r.delete(
    `${base}/:id/images/:imageId`,
    {
      schema: {
        tags,
        summary: 'Delete an image and its renditions',
        params: idParams.extend({ imageId: z.string() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await deleteProductImage(deps, memberActor(req, 'seller:write').id, req.params.id, req.params.imageId);
      return { ok: true as const };
    },
  );

  const stockParams = idParams.extend({ variantId: z.string() });
  const adjustment = z.object({
    delta: z.number(),
    stockAfter: z.number(),
    reason: z.string(),
    at: z.string(),
  });

  r.get(
    `${base}/:id/variants/:variantId/stock`,
    {
      schema: {
        tags,
        summary: "A variant's stock and its latest adjustments",
        params: stockParams,
        response: { 200: z.object({ stock: z.number(), adjustments: z.array(adjustment) }) },
      },
    },
    async (req) => {
      const { variants } = await productForMember(db, memberActor(req, 'read').id, req.params.id);
      const v = variants.find((x) => x.id === req.params.variantId);
      if (!v) throw notFound();
      const history = (await stockHistory(db, req.params.id)).filter((a) => a.variantId === v.id);
      return { stock: v.stock, adjustments: history.map((a) => ({ ...a, at: a.at.toISOString() })) };
    },
  );

  r.post(
    `${base}/:id/variants/:variantId/stock`,
    {
      schema: {
        tags,
        summary:
          'Adjust the stock of a variant by a delta (e.g. +20 received, -3 damaged), with a reason; never below 0',
        params: stockParams,
        body: z.object({ delta: z.union([z.number(), z.string()]), reason: z.string().optional() }),
        response: { 200: z.object({ stock: z.number() }) },
      },
    },
    async (req) =>
      adjustStock(db, memberActor(req, 'seller:write').id, req.params.id, req.params.variantId, req.body),
  );
}
