import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addMessages, isLocale } from '../platform/http/i18n.js';
import type { Module } from '../platform/module.js';
import { Layout } from './layout.js';
import { pageCtx, sendHtml } from './page.js';

addMessages({
  vi: {
    'home.title': 'Trang chủ',
    'home.lead':
      'Mua đặc sản, sản phẩm OCOP và dịch vụ du lịch trực tiếp từ hợp tác xã, hộ kinh doanh và doanh nghiệp của {province}.',
    'home.sell': 'Bạn là hợp tác xã, hộ kinh doanh hay doanh nghiệp địa phương? Đăng ký bán hàng miễn phí.',
    'home.sell_cta': 'Đăng ký bán hàng',
  },
  en: {
    'home.title': 'Home',
    'home.lead':
      'Buy local specialities, OCOP products and tourism services directly from the cooperatives, household businesses and companies of {province}.',
    'home.sell': 'A local cooperative, household business or company? Apply to sell, free of charge.',
    'home.sell_cta': 'Apply to sell',
  },
});

function routes(app: FastifyInstance) {
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const ctx = pageCtx(req, reply);
    return sendHtml(
      reply,
      <Layout ctx={ctx} title={ctx.t('home.title')}>
        <h1 safe>{ctx.instance.name}</h1>
        <p safe>{ctx.t('home.lead', { province: ctx.instance.provinceName })}</p>
        <p class="notice">
          <span safe>{ctx.t('home.sell')}</span>{' '}
          <a href="/kenh-ban-hang/dang-ky" safe>
            {ctx.t('home.sell_cta')}
          </a>
        </p>
      </Layout>,
    );
  });

  /** A CSRF token for scripts and API clients that post forms with a session cookie. */
  app.get(
    '/api/v1/csrf',
    { schema: { tags: ['auth'], summary: 'CSRF token for form posts' } },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return { token: reply.generateCsrf() };
    },
  );

  /** Language switch that works without JavaScript: sets the cookie and goes back. */
  app.get(
    '/ngon-ngu',
    { schema: { hide: true, querystring: z.object({ lang: z.string(), next: z.string().optional() }) } },
    async (req, reply) => {
      const { lang, next } = req.query as { lang: string; next?: string };
      if (isLocale(lang)) reply.setCookie('lang', lang, { path: '/', maxAge: 365 * 86400, sameSite: 'lax' });
      // Only local paths: never an open redirect.
      const target =
        next?.startsWith('/') && !next.startsWith('//') ? next.replace(/([?&])lang=\w+&?/, '$1') : '/';
      return reply.redirect(target);
    },
  );
}

export const homeModule: Module = { name: 'home', routes };
