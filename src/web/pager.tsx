import type { Translate } from '../platform/http/i18n.js';

/** Previous / next links of a list in pages; `href` gives a page's address (keeping the list's filters). */
export function Pager({
  t,
  page,
  pages,
  href,
}: {
  t: Translate;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return '';
  return (
    <nav class="actions" aria-label={t('pager.label')}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" safe>
          {t('pager.prev')}
        </a>
      ) : (
        ''
      )}
      <span safe>{t('pager.page', { page, pages })}</span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next" safe>
          {t('pager.next')}
        </a>
      ) : (
        ''
      )}
    </nav>
  );
}
