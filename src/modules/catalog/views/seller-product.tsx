import { formatDate } from '../../../platform/http/i18n.js';
import { BackLink } from '../../../web/back-link.js';
import { ButtonForm, Confirmation, Csrf, ErrorSummary, Field, type FormState } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Table } from '../../../web/table.js';
import type { Seller } from '../../sellers/index.js';
import { canPublish } from '../access.js';
import { MAX_IMAGES } from '../images.js';
import { productLifecycle } from '../lifecycle.js';
import type { ProductView } from '../service.js';
import type { stockHistory } from '../stock.js';
import type { productHistory } from '../transitions.js';
import { ProductPicture } from './image.js';
import { History, ProductHeading, prefixed } from './parts.js';
import { keyed, ProductForm } from './product-form.js';

export const doneNotices = [
  'created',
  'saved',
  'publish',
  'hide',
  'image_added',
  'image_deleted',
  'image_moved',
  'stock',
] as const;
export type DoneNotice = (typeof doneNotices)[number];

export interface SellerProductProps {
  ctx: PageCtx;
  view: ProductView;
  seller: Seller;
  history: Awaited<ReturnType<typeof productHistory>>;
  stock: Awaited<ReturnType<typeof stockHistory>>;
  form: FormState;
  /** The image form as posted, when it was refused. */
  imageState?: FormState;
  /** The stock form of one variant as posted, when it was refused. */
  stockState?: { variantId: string; state: FormState };
  /** A refusal of a lifecycle action (e.g. the shop is not approved). */
  actionError?: string;
  done?: DoneNotice;
}

function Lifecycle({ ctx, view, seller, actionError }: SellerProductProps) {
  const { t } = ctx;
  const p = view.product;
  const base = `/kenh-ban-hang/san-pham/${p.id}`;
  const actions = productLifecycle.actionsFrom(p.status, 'seller');
  return (
    <section aria-labelledby="lifecycle">
      <h2 id="lifecycle" safe>
        {t('catalog.page.lifecycle')}
      </h2>
      {p.status === 'taken_down' ? (
        <div class="notice error" id="takedown">
          <p safe>{t('catalog.page.taken_down')}</p>
          <p>
            <strong safe>{`${t('catalog.reason')}: `}</strong>
            <span safe>{p.statusReason ?? ''}</span>
          </p>
        </div>
      ) : (
        ''
      )}
      {actionError ? (
        <p class="notice error" role="alert" safe>
          {t(actionError)}
        </p>
      ) : (
        ''
      )}
      {actions.includes('publish') && !canPublish(seller) ? (
        <p class="notice warn" safe>
          {t('catalog.publish.seller_not_approved')}
        </p>
      ) : (
        ''
      )}
      <div class="actions">
        {actions.map((a) => (
          <ButtonForm csrf={ctx.csrf()} action={`${base}/${a}`} label={t(`catalog.action.${a}`)} />
        ))}
        {p.status === 'draft' || p.status === 'hidden' ? (
          <ButtonForm
            csrf={ctx.csrf()}
            action={`${base}/xoa`}
            label={t('catalog.action.delete')}
            class="danger"
          />
        ) : (
          ''
        )}
      </div>
    </section>
  );
}

function Images({ ctx, view, imageState }: SellerProductProps) {
  const { t } = ctx;
  const base = `/kenh-ban-hang/san-pham/${view.product.id}/anh`;
  const state = keyed(imageState ?? { values: {}, errors: [] });
  return (
    <section aria-labelledby="images">
      <h2 id="images" safe>
        {t('catalog.page.images')}
      </h2>
      {view.images.length ? (
        <ol class="images">
          {view.images.map((img, i) => (
            <li data-image={img.id}>
              <ProductPicture image={img} sizes="10rem" />
              <p safe>{img.alt}</p>
              <div class="actions">
                {i > 0 ? (
                  <ButtonForm
                    csrf={ctx.csrf()}
                    action={`${base}/${img.id}/len`}
                    label={t('catalog.image.up')}
                    class="secondary"
                  />
                ) : (
                  ''
                )}
                {i < view.images.length - 1 ? (
                  <ButtonForm
                    csrf={ctx.csrf()}
                    action={`${base}/${img.id}/xuong`}
                    label={t('catalog.image.down')}
                    class="secondary"
                  />
                ) : (
                  ''
                )}
                <ButtonForm
                  csrf={ctx.csrf()}
                  action={`${base}/${img.id}/xoa`}
                  label={t('catalog.image.delete')}
                  class="danger"
                />
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted" safe>
          {t('catalog.page.no_images')}
        </p>
      )}
      {view.images.length < MAX_IMAGES ? (
        <form method="post" action={base} enctype="multipart/form-data" novalidate>
          <ErrorSummary state={state} t={t} />
          <Csrf token={ctx.csrf()} />
          <Field
            name="image"
            field="product.image"
            type="file"
            state={state}
            t={t}
            required
            hint={t('catalog.image.hint')}
          />
          <Field
            name="alt"
            field="product.alt"
            state={state}
            t={t}
            required
            maxlength={200}
            hint={t('catalog.image.alt_hint')}
          />
          <p>
            <button type="submit" safe>
              {t('catalog.image.upload')}
            </button>
          </p>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

function Stock({ ctx, view, stock, stockState }: SellerProductProps) {
  const { t, locale } = ctx;
  const base = `/kenh-ban-hang/san-pham/${view.product.id}/bien-the`;
  return (
    <section aria-labelledby="stock">
      <h2 id="stock" safe>
        {t('catalog.page.stock')}
      </h2>
      {view.variants.map((v) => {
        const s = prefixed(stockState?.variantId === v.id ? stockState.state : undefined, `stock.${v.id}`);
        return (
          <form method="post" action={`${base}/${v.id}/ton-kho`} class="stock" data-variant={v.id}>
            <h3>
              <span safe>{`${v.name} (${v.sku})`}</span>{' '}
              <span class="muted" safe>
                {t('catalog.stock.current', { stock: v.stock })}
              </span>
            </h3>
            <Csrf token={ctx.csrf()} />
            <div class="filters">
              <Field
                name="delta"
                field={`stock.${v.id}.delta`}
                label={t('label.product.delta')}
                state={s}
                t={t}
                inputmode="numeric"
                hint={t('catalog.stock.delta_hint')}
              />
              <Field
                name="reason"
                field={`stock.${v.id}.reason`}
                label={t('label.product.reason')}
                state={s}
                t={t}
                maxlength={200}
              />
              <button type="submit" safe>
                {t('catalog.stock.apply')}
              </button>
            </div>
          </form>
        );
      })}
      {stock.length ? (
        <Table
          caption={t('catalog.stock.history')}
          columns={[
            { header: t('catalog.stock.at'), text: (a) => formatDate(a.at, locale, true) },
            { header: t('catalog.stock.variant'), text: (a) => a.variantName },
            {
              header: t('label.product.delta'),
              text: (a) => (a.delta > 0 ? `+${a.delta}` : String(a.delta)),
            },
            { header: t('catalog.stock.after'), text: (a) => String(a.stockAfter) },
            { header: t('label.product.reason'), text: (a) => a.reason },
          ]}
          rows={stock}
        />
      ) : (
        ''
      )}
    </section>
  );
}

/** One product in the seller centre: status and actions, the form, images, stock, history. */
export function SellerProductPage(props: SellerProductProps) {
  const { ctx, view, form, done, history } = props;
  const { t } = ctx;
  const p = view.product;
  return (
    <Layout ctx={ctx} title={p.name}>
      <BackLink href={`/kenh-ban-hang/san-pham?shop=${p.sellerId}`} label={t('catalog.page.back')} />
      <ProductHeading ctx={ctx} product={p} />
      <Confirmation text={done && t(`catalog.done.${done}`)} />
      <Lifecycle {...props} />
      <Images {...props} />
      <Stock {...props} />
      <section aria-labelledby="details">
        <h2 id="details" safe>
          {t('catalog.page.details')}
        </h2>
        <ProductForm
          ctx={ctx}
          state={form}
          action={`/kenh-ban-hang/san-pham/${p.id}`}
          ocopFileUrl={
            p.ocopFileId && form.values.ocopFileId === p.ocopFileId
              ? `/kenh-ban-hang/san-pham/${p.id}/chung-nhan-ocop`
              : undefined
          }
        />
      </section>
      <section aria-labelledby="history">
        <h2 id="history" safe>
          {t('catalog.page.history')}
        </h2>
        <History ctx={ctx} history={history} />
      </section>
    </Layout>
  );
}

/** The form of a new product. */
export function NewProductPage({ ctx, state, seller }: { ctx: PageCtx; state: FormState; seller: Seller }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('catalog.new.title')}>
      <BackLink href={`/kenh-ban-hang/san-pham?shop=${seller.id}`} label={t('catalog.page.back')} />
      <h1 safe>{t('catalog.new.title')}</h1>
      <p class="muted" safe>
        {t('catalog.new.lead', { shop: seller.shopName })}
      </p>
      <ProductForm ctx={ctx} state={state} action="/kenh-ban-hang/san-pham/moi" sellerId={seller.id} />
    </Layout>
  );
}
