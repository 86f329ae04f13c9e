import { formatDate, formatMoney } from '../../../platform/http/i18n.js';
import { BackLink } from '../../../web/back-link.js';
import { Csrf, ErrorSummary, emptyForm, Field, type FormState, Submit } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Table } from '../../../web/table.js';
import type { StatementRowReport, statementImports } from '../schema.js';

/** The upload form of a bank statement (CSV or XLSX). */
export function StatementForm({ ctx, state = emptyForm() }: { ctx: PageCtx; state?: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('payment.statement.title')}>
      <BackLink href="/quan-ly/doi-soat" label={t('payment.recon.title')} />
      <h1 safe>{t('payment.statement.title')}</h1>
      <ErrorSummary state={state} t={t} />
      <p safe>{t('payment.statement.intro')}</p>
      <form method="post" action="/quan-ly/doi-soat/sao-ke" enctype="multipart/form-data">
        <Csrf token={ctx.csrf()} />
        <Field name="file" type="file" state={state} t={t} required hint={t('payment.statement.file_hint')} />
        <Submit label={t('payment.statement.submit')} />
      </form>
    </Layout>
  );
}

/** What an import did, row by row. */
export function StatementReport({
  ctx,
  saved,
}: {
  ctx: PageCtx;
  saved: typeof statementImports.$inferSelect;
}) {
  const { t, locale } = ctx;
  const counts = new Map<string, number>();
  for (const r of saved.report) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  return (
    <Layout ctx={ctx} title={t('payment.statement.report_title')}>
      <BackLink href="/quan-ly/doi-soat" label={t('payment.recon.title')} />
      <h1 safe>{t('payment.statement.report_title')}</h1>
      <p safe>
        {t('payment.statement.summary', {
          file: saved.fileName,
          rows: saved.rows,
          at: formatDate(saved.importedAt, locale, true),
        })}
      </p>
      <ul>
        {[...counts].map(([outcome, n]) => (
          <li safe>{`${t(`payment.outcome.${outcome}`)}: ${n}`}</li>
        ))}
      </ul>
      <Table<StatementRowReport>
        caption={t('payment.statement.rows')}
        rows={saved.report}
        columns={[
          { header: t('payment.statement.col.line'), text: (r) => String(r.line) },
          { header: t('payment.recon.col.reference'), text: (r) => r.reference ?? '' },
          {
            header: t('payment.recon.col.amount'),
            text: (r) => (r.amount === null ? '' : formatMoney(BigInt(r.amount), locale)),
          },
          { header: t('payment.recon.col.code'), text: (r) => r.orderCode ?? '' },
          {
            header: t('payment.statement.col.outcome'),
            text: (r) => `${t(`payment.outcome.${r.outcome}`)}${r.problem ? `: ${t(r.problem)}` : ''}`,
          },
        ]}
      />
    </Layout>
  );
}
