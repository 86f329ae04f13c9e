import type { Children } from '@kitajs/html';
import { asset } from './assets.js';
import type { PageCtx } from './page.js';

interface Props {
  ctx: PageCtx;
  title: string;
  /** Extra tags for <head> (canonical, Open Graph, JSON-LD). */
  head?: Children;
  children?: Children;
}

/** Links in the header, by what the actor may reach. */
function navLinks(ctx: PageCtx): [string, string][] {
  const a = ctx.actor;
  if (!a)
    return [
      ['/gio-hang', ctx.t('nav.cart')],
      ['/dang-nhap', ctx.t('nav.signin')],
      ['/dang-ky', ctx.t('nav.signup')],
    ];
  const links: [string, string][] = [['/gio-hang', ctx.t('nav.cart')]];
  if (a.role === 'officer' || a.role === 'admin') links.push(['/quan-ly', ctx.t('nav.console')]);
  if (a.role === 'admin') links.push(['/quan-tri', ctx.t('nav.admin')]);
  links.push(
    ['/don-hang', ctx.t('nav.orders')],
    ['/kenh-ban-hang', ctx.t('nav.seller')],
    ['/thong-bao', ctx.t('nav.notifications')],
    ['/tai-khoan', ctx.t('nav.account')],
  );
  return links;
}

export function Layout({ ctx, title, head, children }: Props) {
  const { t, instance, locale } = ctx;
  const other = locale === 'vi' ? 'en' : 'vi';
  return (
    <>
      {'<!doctype html>'}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${title} · ${instance.name}`}</title>
          <link rel="stylesheet" href={asset('app.css')} />
          <script src={asset('app.js')} defer></script>
          {head}
        </head>
        <body>
          <a class="skip" href="#main" safe>
            {t('layout.skip')}
          </a>
          <header class="top">
            <div class="wrap">
              <a class="brand" href="/" safe>
                {instance.name}
              </a>
              <nav aria-label={t('layout.nav')}>
                {navLinks(ctx).map(([href, label]) => (
                  <a href={href} safe>
                    {label}
                  </a>
                ))}
                {ctx.actor ? (
                  <form method="post" action="/dang-xuat" class="inline">
                    <input type="hidden" name="_csrf" value={ctx.csrf()} />
                    <button type="submit" class="link" safe>
                      {t('nav.signout')}
                    </button>
                  </form>
                ) : (
                  ''
                )}
                <a
                  href={`/ngon-ngu?lang=${other}&next=${encodeURIComponent(ctx.path)}`}
                  lang={other}
                  hreflang={other}
                >
                  {other === 'en' ? 'English' : 'Tiếng Việt'}
                </a>
              </nav>
            </div>
          </header>
          <main id="main" class="wrap">
            {children}
          </main>
          <footer class="foot">
            <div class="wrap">
              <p>
                <strong safe>{instance.name}</strong>
                <br />
                <span safe>{`${t('layout.operator')}: ${instance.operator.name}`}</span>
              </p>
              <p safe>
                {[instance.operator.address, instance.operator.phone, instance.operator.email]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
