import MarkdownIt from 'markdown-it';

/**
 * Product descriptions are Markdown written by sellers. Raw HTML is escaped (`html: false`),
 * links may only go to http(s) and mailto and are marked as user content, and images are
 * off: a product's pictures are its uploaded images, not hot-linked ones.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
md.disable(['image']);
md.validateLink = (url: string) => /^(https?:|mailto:)/i.test(url.trim());

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('rel', 'nofollow ugc noopener');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** The description as HTML, safe to put in a page as is. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** The description as plain text (for search and meta descriptions): the words, no markup. */
export function markdownText(source: string): string {
  const words: string[] = [];
  for (const token of md.parse(source, {})) {
    if (token.type === 'inline')
      for (const c of token.children ?? []) {
        if (c.type === 'text' || c.type === 'code_inline') words.push(c.content);
        else if (c.type === 'softbreak' || c.type === 'hardbreak') words.push(' ');
      }
    else if (token.type === 'fence' || token.type === 'code_block') words.push(token.content);
    if (token.block && token.nesting === -1) words.push(' ');
  }
  return words.join('').replace(/\s+/g, ' ').trim();
}
