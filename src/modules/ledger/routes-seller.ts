import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { memberShops } from '../sellers/index.js';
import { memberOnly, monthParam, sendStatementXlsx, thisMonth } from './http.js';
import { balanceView, sellerStatement } from './statements.js';
import { BalancePage, NoShopPage, StatementPage } from './views/statements.js';

/** The seller centre's balance, history and monthly statement. */
export function sellerLedgerRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const shopQuery = z.object({
    shop: z.string().optional(),
    page: z.coerce.number().int().min(1).default(1),
  });
  const statementQuery = z.object({ shop: z.string().optional(), thang: monthParam });

  r.get('/kenh-ban-hang/so-du', { schema: { hide: true, querystring: shopQuery } }, async (req, reply) => {
    const actor = memberOnly(req, reply);
    const { shops, seller } = await memberShops(db, actor.id, req.query.shop);
    if (!seller) return sendHtml(reply, NoShopPage({ ctx: pageCtx(req, reply) }));
    const balance = await balanceView(db, seller.id, req.query.page);
    return sendHtml(
      reply,
      BalancePage({ ctx: pageCtx(req, reply), seller, shops, balance, month: thisMonth() }),
    );
  });

  r.get(
    '/kenh-ban-hang/so-du/sao-ke',
    { schema: { hide: true, querystring: statementQuery } },
    async (req, reply) => {
      const actor = memberOnly(req, reply);
      const { seller } = await memberShops(db, actor.id, req.query.shop);
      if (!seller) return sendHtml(reply, NoShopPage({ ctx: pageCtx(req, reply) }));
      const statement = await sellerStatement(db, seller.id, req.query.thang ?? thisMonth());
      const base = '/kenh-ban-hang/so-du/sao-ke';
      const query = { shop: seller.id };
      return sendHtml(
        reply,
        StatementPage({
          ctx: pageCtx(req, reply),
          seller,
          statement,
          base,
          query,
          back: { href: `/kenh-ban-hang/so-du?shop=${seller.id}`, label: req.t('ledger.balance.title') },
          download: `${base}.xlsx?shop=${seller.id}&thang=${statement.month}`,
        }),
      );
    },
  );

  r.get(
    '/kenh-ban-hang/so-du/sao-ke.xlsx',
    { schema: { hide: true, querystring: statementQuery } },
    async (req, reply) => {
      const actor = memberOnly(req, reply);
      const { seller } = await memberShops(db, actor.id, req.query.shop);
      if (!seller) throw notFound();
      return sendStatementXlsx(db, req, reply, seller, req.query.thang ?? thisMonth());
    },
  );
}
