import { formatDate } from '../../../platform/http/i18n.js';
import {
  Choices,
  Confirmation,
  Csrf,
  ErrorSummary,
  Field,
  type FormState,
  Select,
  TextArea,
} from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { AddressFields } from '../../geo/index.js';
import { requiredDocuments } from '../application-schema.js';
import type { SellerStatus } from '../lifecycle.js';
import { banks, categories, documentKinds, type LegalForm, legalForms } from '../reference.js';
import { type AttachedFiles, DocumentFields, OcopFields } from './application-parts.js';

export interface ApplicationPageProps {
  ctx: PageCtx;
  state: FormState;
  /** The application being edited; none for a new one. */
  status?: SellerStatus;
  /** The officer's latest request for changes, when the application was sent back. */
  changesRequested?: { at: Date; reason: string | null };
  attached: AttachedFiles;
  saved?: boolean;
  maxMb: number;
}

/**
 * The application form, also the edit form while the application is a draft or sent back
 * for changes. One long page in sections (a cooperative fills it in once, often over
 * several sittings, hence "save draft"); it works without JavaScript.
 */
export function ApplicationPage(p: ApplicationPageProps) {
  const { ctx, state } = p;
  const { t, locale } = ctx;
  const s = { state, t };
  const form = String(state.values.legalForm ?? '') as LegalForm;
  const docRequired = new Set(requiredDocuments(legalForms.includes(form) ? form : 'company'));
  const title = t(p.status ? 'seller.apply.edit_title' : 'seller.apply.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <Confirmation text={p.saved && !state.errors.length && t('seller.apply.saved')} />
      {p.changesRequested ? (
        <div class="notice warn">
          <h2 safe>{t('seller.apply.changes_requested')}</h2>
          <p class="muted" safe>
            {formatDate(p.changesRequested.at, locale, true)}
          </p>
          <p safe>{p.changesRequested.reason ?? ''}</p>
        </div>
      ) : (
        <p safe>{t('seller.apply.intro')}</p>
      )}
      <ErrorSummary state={state} t={t} />
      <form method="post" action="/kenh-ban-hang/dang-ky" enctype="multipart/form-data" novalidate>
        <Csrf token={ctx.csrf()} />
        <p class="hint" safe>
          {t('seller.apply.required_note')}
        </p>
        <fieldset class="group">
          <legend safe>{t('seller.apply.shop')}</legend>
          <Choices
            {...s}
            name="legalForm"
            required
            options={legalForms.map((f) => ({ value: f, label: t(`seller.legal_form.${f}`) }))}
          />
          <Field {...s} name="shopName" required maxlength={120} hint={t('seller.apply.shop_name_hint')} />
          <TextArea
            {...s}
            name="description"
            rows={4}
            maxlength={2000}
            hint={t('seller.apply.description_hint')}
          />
          <Choices
            {...s}
            name="categories"
            multiple
            options={categories.map((c) => ({ value: c.code, label: c[locale] }))}
          />
        </fieldset>
        <fieldset class="group">
          <legend safe>{t('seller.apply.legal')}</legend>
          <Field
            {...s}
            name="taxCode"
            inputmode="numeric"
            maxlength={20}
            hint={t('seller.apply.tax_code_hint')}
          />
          <Field {...s} name="businessRegNo" maxlength={20} hint={t('seller.apply.reg_no_hint')} />
          <Field {...s} name="businessRegDate" type="date" />
          <Field {...s} name="repName" autocomplete="name" maxlength={100} />
          <Field
            {...s}
            name="repCitizenId"
            inputmode="numeric"
            maxlength={15}
            hint={t('seller.apply.citizen_id_hint')}
          />
        </fieldset>
        <AddressFields ctx={ctx} state={state} />
        <fieldset class="group">
          <legend safe>{t('seller.apply.contact')}</legend>
          <Field {...s} name="phone" type="tel" autocomplete="tel" hint={t('seller.apply.phone_hint')} />
          <Field {...s} name="email" type="email" autocomplete="email" />
        </fieldset>
        <fieldset class="group">
          <legend safe>{t('seller.apply.bank')}</legend>
          <Select
            {...s}
            name="bankBin"
            options={banks.map((b) => ({ value: b.bin, label: `${b.shortName} — ${b.name}` }))}
          />
          <Field {...s} name="bankAccountNo" inputmode="numeric" maxlength={25} />
          <Field {...s} name="bankAccountName" maxlength={70} hint={t('seller.apply.holder_hint')} />
        </fieldset>
        <DocumentFields
          ctx={ctx}
          state={state}
          attached={p.attached}
          kinds={documentKinds.map((kind) => ({ kind, required: docRequired.has(kind) }))}
          maxMb={p.maxMb}
        />
        <OcopFields ctx={ctx} state={state} attached={p.attached} maxMb={p.maxMb} />
        <div class="actions">
          <button type="submit" name="_action" value="submit" safe>
            {t('seller.apply.submit')}
          </button>
          <button type="submit" name="_action" value="draft" class="secondary" safe>
            {t('seller.apply.save_draft')}
          </button>
        </div>
        <p class="hint" safe>
          {t('seller.apply.draft_hint')}
        </p>
      </form>
    </Layout>
  );
}

/** Shown instead of the form while the application waits for the Department's decision. */
export function UnderReviewPage({
  ctx,
  shopName,
  submittedAt,
}: {
  ctx: PageCtx;
  shopName: string;
  submittedAt: Date | null;
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('seller.apply.title')}>
      <h1 safe>{t('seller.apply.title')}</h1>
      <p class="notice" safe>
        {t('seller.apply.under_review', { shop: shopName, date: formatDate(submittedAt, locale) })}
      </p>
      <p>
        <a href="/kenh-ban-hang" safe>
          {t('seller.center.title')}
        </a>
      </p>
    </Layout>
  );
}
