import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, requireActor, requireScope, seeOther } from '../../../platform/http/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { type Translate, translator } from '../../../platform/http/i18n.js';
import type { Deps } from '../../../platform/module.js';
import { asUpload, type Upload } from '../../../platform/storage/storage.js';
import { failedForm } from '../../../web/form-post.js';
import { emptyForm, type FormState } from '../../../web/forms.js';
import { pageCtx, sendHtml } from '../../../web/page.js';
import { memberships, type Seller } from '../../sellers/index.js';
import { memberSeller } from '../access.js';
import './messages.js';
import { vietnamDay } from '../../../platform/http/i18n.js';
import { keep, kept, sweep } from './kept.js';
import { MAX_ROWS, readRows, XLSX_MIME } from './read.js';
import {
  expired,
  exportRows,
  type ImportReport,
  importProducts,
  type Mode,
  modes,
  shopOf,
} from './service.js';
import { ImportPage, ResultPage } from './views.js';
import { productCsv, productWorkbook } from './write.js';

const tags = ['catalog'];
const formats = ['xlsx', 'csv'] as const;
type Format = (typeof formats)[number];
const mimes: Record<Format, string> = { xlsx: XLSX_MIME, csv: 'text/csv; charset=utf-8' };
/** Headings are recognised in both languages, whichever the file was downloaded in. */
const translators = [translator('vi'), translator('en')];

/** The signed-in user; a token must carry `read` to download, `seller:write` to import. */
function actorFor(req: FastifyRequest, scope: 'read' | 'seller:write'): Actor {
  const actor = requireActor(req);
  requireScope(actor, scope);
  return actor;
}

const errorJson = z.object({
  row: z.number(),
  column: z.string().nullable().meta({ description: 'Column key, e.g. price; null for the whole row' }),
  heading: z.string().nullable().meta({ description: 'The column heading in the requested language' }),
  message: z.string(),
});
const reportJson = z.object({
  sellerId: z.string(),
  filename: z.string(),
  format: z.enum(formats),
  mode: z.enum(modes),
  rows: z.number().meta({ description: 'Data rows read' }),
  products: z.number().meta({ description: 'Products in the file (rows grouped by product key)' }),
  validProducts: z.number(),
  validRows: z.number(),
  imported: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      key: z.string(),
      action: z.enum(['created', 'updated']),
      rows: z.array(z.number()),
    }),
  ),
  skippedRows: z.array(z.number()),
  errors: z.array(errorJson),
});

/** A report as the API gives it: every message translated, next to its row and column. */
function toJson(report: ImportReport, t: Translate): z.infer<typeof reportJson> {
  return {
    ...report,
    errors: report.errors.map((e) => ({
      row: e.row,
      column: e.column,
      heading: e.column ? t(`catalog.import.col.${e.column}`) : null,
      message: t(e.key, e.params),
    })),
  };
}

/** Seller-centre pages and JSON API for importing products from XLSX/CSV and exporting them. */
export function importExportRoutes(app: FastifyInstance, deps: Deps): void {
  const { db, storage, config } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const maxMb = Math.round(config.uploadMaxBytes / 1048576);

  async function runImport(
    req: FastifyRequest,
    actor: Actor,
    seller: Seller,
    upload: Upload | undefined,
    mode: Mode,
    keptId?: string,
  ) {
    const file = await readRows(upload, { maxBytes: config.uploadMaxBytes, t: req.t, translators });
    return importProducts(
      deps,
      { userId: actor.id, sellerId: seller.id },
      { filename: upload!.filename, ...file },
      mode,
      keptId,
    );
  }

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    seller: Seller,
    opts: { state?: FormState; report?: ImportReport; keptId?: string; status?: number } = {},
  ) {
    const shops = (await memberships(db, actor.id)).map((m) => m.seller);
    const html = ImportPage({
      ctx: pageCtx(req, reply),
      seller,
      shops,
      state: opts.state ?? emptyForm(),
      maxMb,
      maxRows: MAX_ROWS,
      report: opts.report,
      keptId: opts.keptId,
    });
    return sendHtml(reply, html, opts.status);
  }

  /** After an import that wrote something: the report kept for an hour, and a redirect to it (no resubmit on reload). */
  async function showResult(reply: FastifyReply, actor: Actor, report: ImportReport) {
    const id = await keep(db, storage, actor.id, {
      name: `${report.filename}.report.json`,
      data: Buffer.from(JSON.stringify(report)),
      mime: 'application/json',
      ext: 'json',
    });
    return seeOther(reply, `/kenh-ban-hang/san-pham/nhap/ket-qua/${id}`);
  }

  app.get('/kenh-ban-hang/san-pham/nhap', { schema: { hide: true } }, async (req, reply) => {
    const actor = actorFor(req, 'read');
    const shop = (req.query as { shop?: string }).shop || undefined;
    const seller = await shopOf(db, actor.id, shop, { firstWhenMany: true });
    return page(req, reply, actor, seller);
  });

  app.post('/kenh-ban-hang/san-pham/nhap', { schema: { hide: true } }, async (req, reply) => {
    const actor = actorFor(req, 'seller:write');
    const { file, _csrf: _, ...values } = (req.body ?? {}) as Record<string, unknown>;
    const seller = await shopOf(db, actor.id, String(values.shop ?? '') || undefined, {
      write: true,
      firstWhenMany: true,
    });
    const mode: Mode = values.mode === 'valid_only' ? 'valid_only' : 'all';
    await sweep(db, storage);
    const upload = asUpload(file);
    let report: ImportReport;
    try {
      report = await runImport(req, actor, seller, upload, mode);
    } catch (err) {
      const { state, status } = failedForm(err, values);
      return page(req, reply, actor, seller, { state, status });
    }
    if (report.imported.length || mode === 'valid_only') return showResult(reply, actor, report);
    // Refused as a whole: the upload is kept, so importing its valid rows needs no second upload.
    const keptId =
      report.validProducts > 0
        ? await keep(db, storage, actor.id, {
            name: upload!.filename,
            data: upload!.data,
            mime: mimes[report.format],
            ext: report.format,
          })
        : undefined;
    return page(req, reply, actor, seller, { state: emptyForm({ mode }), report, keptId, status: 422 });
  });

  app.post('/kenh-ban-hang/san-pham/nhap/tep/:fileId', { schema: { hide: true } }, async (req, reply) => {
    const actor = actorFor(req, 'seller:write');
    const { fileId } = req.params as { fileId: string };
    const body = (req.body ?? {}) as Record<string, unknown>;
    const seller = await shopOf(db, actor.id, String(body.shop ?? '') || undefined, {
      write: true,
      firstWhenMany: true,
    });
    try {
      const f = await kept(db, storage, actor.id, fileId);
      if (!f) throw expired();
      const report = await runImport(req, actor, seller, f, 'valid_only', fileId);
      return showResult(reply, actor, report);
    } catch (err) {
      const { state, status } = failedForm(err, {}, [410]);
      return page(req, reply, actor, seller, { state, status });
    }
  });

  app.get('/kenh-ban-hang/san-pham/nhap/ket-qua/:id', { schema: { hide: true } }, async (req, reply) => {
    const actor = actorFor(req, 'read');
    const { report, seller } = await keptReport(actor, (req.params as { id: string }).id);
    return sendHtml(reply, ResultPage({ ctx: pageCtx(req, reply), seller, report }));
  });

  /** A kept report of the user's, for a shop they still belong to; 404 once it is gone. */
  async function keptReport(actor: Actor, id: string) {
    const f = await kept(db, storage, actor.id, id, true);
    if (!f) throw notFound();
    const report = JSON.parse(f.data.toString('utf8')) as ImportReport;
    return { report, seller: await memberSeller(db, actor.id, report.sellerId) };
  }

  async function template(req: FastifyRequest, reply: FastifyReply, format: Format) {
    actorFor(req, 'read');
    return download(reply, format, 'mau-nhap-san-pham', []);
  }

  async function exported(
    req: FastifyRequest,
    reply: FastifyReply,
    format: Format,
    shop?: string,
    firstWhenMany = false,
  ) {
    const actor = actorFor(req, 'read');
    const seller = await shopOf(db, actor.id, shop || undefined, { firstWhenMany });
    const name = `san-pham-${seller.slug}-${vietnamDay()}`;
    return download(reply, format, name, await exportRows(db, seller.id));
  }

  async function download(
    reply: FastifyReply,
    format: Format,
    name: string,
    rows: Awaited<ReturnType<typeof exportRows>>,
  ) {
    const t = reply.request.t;
    const data =
      format === 'xlsx'
        ? await productWorkbook(rows, { t, locale: reply.request.locale, provinceCode: config.provinceCode })
        : productCsv(rows, t);
    return reply
      .header('content-type', mimes[format])
      .header('content-disposition', `attachment; filename="${name}.${format}"`)
      .header('cache-control', 'private, no-store')
      .send(data);
  }

  for (const format of formats) {
    app.get(`/kenh-ban-hang/san-pham/mau-nhap.${format}`, { schema: { hide: true } }, (req, reply) =>
      template(req, reply, format),
    );
    app.get(`/kenh-ban-hang/san-pham/xuat.${format}`, { schema: { hide: true } }, (req, reply) =>
      exported(req, reply, format, (req.query as { shop?: string }).shop, true),
    );
  }

  const formatQuery = z
    .enum(formats)
    .default('xlsx')
    .meta({ description: 'xlsx (with the guide sheet) or csv' });
  const sellerQuery = z.string().optional().meta({ description: 'The shop (seller id)' });

  r.get(
    '/api/v1/seller/products/import-template',
    {
      schema: {
        tags,
        summary: 'Download the product import template (XLSX with a guide sheet, or CSV)',
        querystring: z.object({ format: formatQuery }),
      },
    },
    (req, reply) => template(req, reply, req.query.format),
  );

  r.get(
    '/api/v1/seller/products/export',
    {
      schema: {
        tags,
        summary: "Export the shop's products in the template's columns (one row per variant)",
        querystring: z.object({ format: formatQuery, sellerId: sellerQuery }),
      },
    },
    // Like the product list: the first shop of a member of several unless told which.
    (req, reply) => exported(req, reply, req.query.format, req.query.sellerId, true),
  );

  r.post(
    '/api/v1/seller/products/import',
    {
      schema: {
        tags,
        summary:
          'Import products from an XLSX or CSV file (multipart field "file"). mode=all imports nothing when a row has an error (422 with the report); mode=valid_only imports the products whose rows are all valid',
        consumes: ['multipart/form-data'],
        querystring: z.object({
          mode: z.enum(modes).default('all'),
          sellerId: sellerQuery.meta({
            description: 'The shop (seller id); required for a member of several shops',
          }),
        }),
        response: {
          200: reportJson,
          422: z.object({
            error: z.object({
              code: z.string(),
              message: z.string(),
              fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
            }),
            report: reportJson.optional(),
          }),
        },
      },
    },
    async (req, reply) => {
      const actor = actorFor(req, 'seller:write');
      const seller = await shopOf(db, actor.id, req.query.sellerId, { write: true });
      await sweep(db, storage);
      const upload = (req.body as { file?: Upload } | undefined)?.file;
      const report = toJson(await runImport(req, actor, seller, upload, req.query.mode), req.t);
      if (report.imported.length || req.query.mode === 'valid_only') return report;
      return reply.code(422).send({
        error: {
          code: 'import_rejected',
          message: req.t('catalog.import.report.rejected', {
            rows: report.rows - report.validRows,
            total: report.rows,
          }),
          fields: report.errors.map((e) => ({
            field: `rows.${e.row}.${e.column ?? '_'}`,
            message: e.message,
          })),
        },
        report,
      });
    },
  );

  r.get(
    '/api/v1/seller/products/imports/:id',
    {
      schema: {
        tags,
        summary: 'The report of an import made from the seller centre (kept for an hour)',
        params: z.object({ id: z.string() }),
        response: { 200: reportJson },
      },
    },
    async (req) => {
      const { report } = await keptReport(actorFor(req, 'read'), req.params.id);
      return toJson(report, req.t);
    },
  );
}
