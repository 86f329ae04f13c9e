import type { PageCtx } from './page.js';

/**
 * Pages rendered for anonymous visitors, kept with the answers they were made from. Brief
 * caches (platform/brief-cache.ts) hand out the same answer object for a question during its
 * second, so a page made from the same answers is the same for every anonymous visitor in that
 * language at that address until an answer is renewed; then the WeakMap lets the old pages go.
 * Rendering the cards and facets is most of a cached list's cost under load.
 */
const kept = new WeakMap<object, Map<string, { others: object[]; html: string }>>();
const PAGES_PER_ANSWER = 16;

export async function sharedPage(
  ctx: PageCtx,
  answers: [object, ...object[]],
  render: (ctx: PageCtx) => JSX.Element,
): Promise<string> {
  const [first, ...others] = answers;
  const key = `${ctx.locale}|${ctx.path}`;
  let pages = kept.get(first);
  const hit = pages?.get(key);
  if (hit?.others.every((o, i) => o === others[i])) return hit.html;
  let tokenUsed = false;
  const csrf = () => {
    tokenUsed = true;
    return ctx.csrf();
  };
  const html = await render({ ...ctx, csrf });
  // A page that carries a visitor's CSRF token is theirs alone.
  if (ctx.actor || tokenUsed) return html;
  if (!pages) {
    pages = new Map();
    kept.set(first, pages);
  }
  if (pages.size < PAGES_PER_ANSWER || pages.has(key)) pages.set(key, { others, html });
  return html;
}
