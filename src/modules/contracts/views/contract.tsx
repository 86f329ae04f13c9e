import { formatDate, formatMoney, type Translate } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { legalFormLabel } from '../../sellers/index.js';
import type { ContractDocument } from '../document.js';
import type { ContractFile } from '../service.js';

/** A list of facts, leaving out those that are empty. */
function Facts({ rows }: { rows: [string, string | null | undefined][] }) {
  return (
    <dl class="facts">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <>
            <dt safe>{k}</dt>
            <dd safe>{v}</dd>
          </>
        ))}
    </dl>
  );
}

function Parties({ doc, t }: { doc: ContractDocument; t: Translate }) {
  const { buyer, seller, platform } = doc;
  return (
    <>
      <h2 safe>{t('contract.parties')}</h2>
      <h3 safe>{t('contract.seller')}</h3>
      <Facts
        rows={[
          [t('contract.name'), seller.name],
          [t('contract.legal_form'), legalFormLabel(t, seller.legalForm)],
          [t('contract.tax_code'), seller.taxCode],
          [t('contract.address'), seller.address],
          [t('contract.phone'), seller.phone],
          [t('contract.email'), seller.email],
        ]}
      />
      <h3 safe>{t('contract.buyer')}</h3>
      <Facts
        rows={[
          [t('contract.name'), buyer.name],
          [t('contract.tax_code'), buyer.taxCode],
          [t('contract.address'), buyer.address],
          [t('contract.phone'), buyer.phone],
          [t('contract.email'), buyer.email],
        ]}
      />
      <h3 safe>{t('contract.platform')}</h3>
      <Facts
        rows={[
          [t('contract.name'), platform.name],
          [t('contract.operator'), platform.operator.name],
          [t('contract.address'), platform.operator.address],
          [t('contract.phone'), platform.operator.phone],
          [t('contract.email'), platform.operator.email],
        ]}
      />
    </>
  );
}

function Lines({ doc, ctx }: { doc: ContractDocument; ctx: PageCtx }) {
  const { t, locale } = ctx;
  const money = (v: string) => formatMoney(BigInt(v), locale);
  return (
    <div class="scroll">
      <table>
        <caption safe>{t('contract.lines')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('contract.product')}
            </th>
            <th scope="col" safe>
              {t('contract.quantity')}
            </th>
            <th scope="col" safe>
              {t('contract.unit_price')}
            </th>
            <th scope="col" safe>
              {t('contract.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {doc.lines.map((l) => (
            <tr>
              <td safe>{l.variantName ? `${l.name} — ${l.variantName}` : l.name}</td>
              <td safe>{`${l.quantity} ${l.unit}`}</td>
              <td safe>{money(l.unitPrice)}</td>
              <td safe>{money(l.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The contract as its parties read it; the file is the authoritative form. */
export function ContractPage({ ctx, file }: { ctx: PageCtx; file: ContractFile }) {
  const { t, locale } = ctx;
  const doc = file.document;
  const money = (v: string) => formatMoney(BigInt(v), locale);
  const base = `/hop-dong/${encodeURIComponent(doc.code)}`;
  return (
    <Layout ctx={ctx} title={t('contract.title', { code: doc.code })}>
      <h1 safe>{t('contract.title', { code: doc.code })}</h1>
      <p class="muted" safe>
        {t('contract.intro')}
      </p>
      <p class="actions">
        <a class="button" href={`${base}/tai-ve`} safe>
          {t('contract.download')}
        </a>{' '}
        <a href={`/hop-dong/kiem-tra?ma=${encodeURIComponent(doc.code)}`} safe>
          {t('contract.verify_this')}
        </a>
      </p>
      <h2 safe>{doc.title}</h2>
      <Facts
        rows={[
          [t('contract.order'), doc.order.code],
          [t('contract.concluded_at'), formatDate(doc.concludedAt, locale, true)],
          [t('contract.signed_at'), formatDate(doc.signedAt, locale, true)],
        ]}
      />
      <Parties doc={doc} t={t} />
      <Lines doc={doc} ctx={ctx} />
      <Facts
        rows={[
          [t('contract.subtotal'), money(doc.subtotal)],
          [t('contract.shipping_fee'), money(doc.shipping.fee)],
          [t('contract.total'), money(doc.total)],
          [
            t('contract.payment'),
            `${t(`contract.payment.${doc.payment.method}`)}${doc.payment.escrow ? ` — ${t('contract.escrow')}` : ''}`,
          ],
          [t('contract.delivery'), `${t(`contract.delivery.${doc.delivery.method}`)} ${doc.delivery.place}`],
        ]}
      />
      <h2 safe>{t('contract.terms')}</h2>
      {locale === 'vi' ? (
        ''
      ) : (
        <p class="muted" safe>
          {t('contract.terms_language')}
        </p>
      )}
      <ol lang="vi">
        {doc.terms.clauses.map((c) => (
          <li safe>{c}</li>
        ))}
      </ol>
      <h2 safe>{t('contract.law')}</h2>
      <ul lang="vi">
        {doc.law.map((l) => (
          <li safe>
            {`${l.title} số ${l.number}${l.amendedBy ? ` (${t('contract.amended_by', { number: l.amendedBy })})` : ''}`}
          </li>
        ))}
      </ul>
      <h2 safe>{t('contract.signature')}</h2>
      <dl class="facts">
        <dt safe>{t('contract.hash')}</dt>
        <dd>
          <code safe>{file.hash.value}</code>
        </dd>
        <dt safe>{t('contract.key_id')}</dt>
        <dd>
          <a href={`/hop-dong/khoa-cong-khai?khoa=${encodeURIComponent(file.signature.keyId)}`}>
            <code safe>{file.signature.keyId}</code>
          </a>
        </dd>
        <dt safe>{t('contract.signature_value')}</dt>
        <dd>
          <code safe>{file.signature.value}</code>
        </dd>
      </dl>
    </Layout>
  );
}
