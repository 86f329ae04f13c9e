import { BackLink } from '../../../web/back-link.js';
import { Choices, Csrf, ErrorSummary, Field, type FormState, Submit } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { ShopSwitch } from '../../../web/shop-switch.js';
import { Table } from '../../../web/table.js';
import type { Seller } from '../../sellers/index.js';
import type { RowError } from './plan.js';
import type { ImportReport } from './service.js';

/** The most errors a page lists; the JSON API gives them all. */
const SHOWN_ERRORS = 1000;

const base = '/kenh-ban-hang/san-pham';

/** Where a download of the shop's products, or of the template, is. */
export const downloadUrl = {
  template: (format: string) => `${base}/mau-nhap.${format}`,
  export: (format: string, sellerId: string) => `${base}/xuat.${format}?shop=${sellerId}`,
};

/** The cell a message is about, as the seller finds it in the spreadsheet. */
export const columnText = (ctx: PageCtx, column: string | null) =>
  column ? ctx.t(`catalog.import.col.${column}`) : '';

/** Every problem of the file, row by row: "Row 7 · Price · Enter the price in whole đồng". */
function ErrorTable({ ctx, errors }: { ctx: PageCtx; errors: RowError[] }) {
  const { t } = ctx;
  if (!errors.length) return '';
  return (
    <>
      <Table
        caption={t('catalog.import.report.caption', { n: errors.length })}
        columns={[
          { header: t('catalog.import.report.row'), text: (e) => String(e.row) },
          { header: t('catalog.import.report.column'), text: (e) => columnText(ctx, e.column) },
          { header: t('catalog.import.report.problem'), text: (e) => t(e.key, e.params) },
        ]}
        rows={errors.slice(0, SHOWN_ERRORS)}
      />
      {errors.length > SHOWN_ERRORS ? (
        <p class="muted" safe>
          {t('catalog.import.report.more', { n: errors.length - SHOWN_ERRORS })}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

/** The report of a file refused as a whole, with the offer to import only its valid rows. */
function Rejected({
  ctx,
  seller,
  report,
  keptId,
}: {
  ctx: PageCtx;
  seller: Seller;
  report: ImportReport;
  keptId?: string;
}) {
  const { t } = ctx;
  const bad = report.rows - report.validRows;
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title" safe>
        {t('catalog.import.report.title', { file: report.filename })}
      </h2>
      <p class="notice error" role="alert" safe>
        {t('catalog.import.report.rejected', { rows: bad, total: report.rows })}
      </p>
      {keptId && report.validProducts > 0 ? (
        <form method="post" action={`${base}/nhap/tep/${keptId}`}>
          <Csrf token={ctx.csrf()} />
          <input type="hidden" name="shop" value={seller.id} />
          <p safe>
            {t('catalog.import.report.offer', { products: report.validProducts, rows: report.validRows })}
          </p>
          <Submit label={t('catalog.import.report.valid_only', { rows: report.validRows })} />
        </form>
      ) : (
        ''
      )}
      <ErrorTable ctx={ctx} errors={report.errors} />
    </section>
  );
}

/** The import and export page of the seller centre: template, export, upload, and the report of a refused file. */
export function ImportPage(p: {
  ctx: PageCtx;
  seller: Seller;
  shops: Seller[];
  state: FormState;
  maxMb: number;
  maxRows: number;
  report?: ImportReport;
  keptId?: string;
}) {
  const { ctx, seller } = p;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('catalog.import.title')}>
      <BackLink href={`${base}?shop=${seller.id}`} label={t('catalog.import.back')} />
      <h1 safe>{t('catalog.import.title')}</h1>
      <ShopSwitch
        seller={seller}
        shops={p.shops}
        action={`${base}/nhap`}
        label={t('catalog.list.shop')}
        submit={t('catalog.list.switch')}
      />
      <ErrorSummary state={p.state} t={t} />
      {p.report ? <Rejected ctx={ctx} seller={seller} report={p.report} keptId={p.keptId} /> : ''}

      <h2 safe>{t('catalog.import.step.template')}</h2>
      <p safe>{t('catalog.import.template_hint')}</p>
      <ul>
        <li>
          <a href={downloadUrl.template('xlsx')} safe>
            {t('catalog.import.template_xlsx')}
          </a>
        </li>
        <li>
          <a href={downloadUrl.template('csv')} safe>
            {t('catalog.import.template_csv')}
          </a>
        </li>
      </ul>

      <h2 safe>{t('catalog.import.step.export')}</h2>
      <p safe>{t('catalog.import.export_hint')}</p>
      <ul>
        <li>
          <a href={downloadUrl.export('xlsx', seller.id)} safe>
            {t('catalog.import.export_xlsx')}
          </a>
        </li>
        <li>
          <a href={downloadUrl.export('csv', seller.id)} safe>
            {t('catalog.import.export_csv')}
          </a>
        </li>
      </ul>

      <h2 safe>{t('catalog.import.step.upload')}</h2>
      <form method="post" action={`${base}/nhap`} enctype="multipart/form-data">
        <Csrf token={ctx.csrf()} />
        <input type="hidden" name="shop" value={seller.id} />
        <Field
          name="file"
          type="file"
          state={p.state}
          t={t}
          required
          hint={t('catalog.import.file_hint', { mb: p.maxMb, rows: p.maxRows })}
        />
        <Choices
          name="mode"
          state={{ ...p.state, values: { mode: 'all', ...p.state.values } }}
          t={t}
          label={t('catalog.import.mode')}
          options={[
            { value: 'all', label: t('catalog.import.mode.all') },
            { value: 'valid_only', label: t('catalog.import.mode.valid_only') },
          ]}
        />
        <Submit label={t('catalog.import.submit')} />
      </form>
    </Layout>
  );
}

/** What an import did: the products written (links to each), and the rows it left out and why. */
export function ResultPage({ ctx, seller, report }: { ctx: PageCtx; seller: Seller; report: ImportReport }) {
  const { t } = ctx;
  const created = report.imported.filter((p) => p.action === 'created').length;
  const updated = report.imported.length - created;
  return (
    <Layout ctx={ctx} title={t('catalog.import.result.title')}>
      <BackLink href={`${base}?shop=${seller.id}`} label={t('catalog.import.back')} />
      <h1 safe>{t('catalog.import.result.title')}</h1>
      <p class="muted" safe>
        {`${seller.shopName} · ${report.filename}`}
      </p>
      <p class="notice ok" role="status" safe>
        {t('catalog.import.result.done', { created, updated })}
      </p>
      {report.skippedRows.length ? (
        <p class="notice warn" safe>
          {t('catalog.import.result.skipped', { rows: report.skippedRows.length })}
        </p>
      ) : (
        ''
      )}
      {report.imported.length ? (
        <ul>
          {report.imported.map((p) => (
            <li>
              <a href={`${base}/${p.id}`} safe>
                {p.name}
              </a>{' '}
              <span class="muted" safe>
                {t(`catalog.import.result.${p.action}`, { rows: p.rows.join(', ') })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <ErrorTable ctx={ctx} errors={report.errors} />
      <p>
        <a class="button" href={`${base}/nhap?shop=${seller.id}`} safe>
          {t('catalog.import.result.again')}
        </a>
      </p>
    </Layout>
  );
}
