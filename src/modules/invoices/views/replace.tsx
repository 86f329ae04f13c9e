import { Csrf, ErrorSummary, Field, type FormState, Submit, TextArea } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import type { Invoice } from '../issue.js';

/** The form of a replacement invoice: the buyer's details as they should read, and why. */
export function ReplacePage({ ctx, invoice, state }: { ctx: PageCtx; invoice: Invoice; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('invoice.replace.title')}>
      <h1 safe>{t('invoice.replace.title')}</h1>
      <p safe>{t('invoice.replace.intro', { symbol: invoice.symbol, number: invoice.number })}</p>
      <ErrorSummary state={state} t={t} />
      <form method="post" action={`/hoa-don/${invoice.id}/thay-the`}>
        <Csrf token={ctx.csrf()} />
        <Field name="buyerName" state={state} t={t} required maxlength={400} />
        <Field name="buyerTaxCode" state={state} t={t} maxlength={14} inputmode="numeric" />
        <Field name="buyerAddress" state={state} t={t} required maxlength={400} />
        <Field name="buyerContact" state={state} t={t} maxlength={100} />
        <TextArea name="reason" state={state} t={t} required maxlength={255} rows={3} />
        <Submit label={t('invoice.replace.submit')} />
      </form>
      <p>
        <a href={`/hoa-don/tra-cuu?ma=${invoice.lookupCode}`} safe>
          {t('invoice.lookup.title')}
        </a>
      </p>
    </Layout>
  );
}

/** What the form starts with: the buyer as the invoice names them. */
export const replaceValues = (inv: Invoice): Record<string, string> => ({
  buyerName: inv.document.buyer.name,
  buyerTaxCode: inv.document.buyer.taxCode ?? '',
  buyerAddress: inv.document.buyer.address,
  buyerContact: inv.document.buyer.contact,
  reason: '',
});
