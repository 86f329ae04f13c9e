import type { Children } from '@kitajs/html';
import { BackLink } from '../../../web/back-link.js';
import type { PageCtx } from '../../../web/page.js';
import { StateLinks } from '../../../web/state-links.js';

/**
 * The top of an officers' queue page (`/quan-ly/...`): back to the console, the title, what the
 * queue is for, and its states as links. Its texts are `<texts>.title`, `.back_console`,
 * `.intro`, `.filter` and `.state.<state>`; `children` are further links beside the states.
 */
export function QueueHeading<S extends string>({
  ctx,
  texts,
  path,
  states,
  current,
  children,
}: {
  ctx: PageCtx;
  texts: string;
  path: string;
  states: readonly S[];
  current: S;
  children?: Children;
}) {
  const { t } = ctx;
  return (
    <>
      <BackLink href="/quan-ly" label={t(`${texts}.back_console`)} />
      <h1 safe>{t(`${texts}.title`)}</h1>
      <p safe>{t(`${texts}.intro`)}</p>
      <StateLinks
        label={t(`${texts}.filter`)}
        states={states}
        current={current}
        href={(s) => `${path}?state=${s}`}
        text={(s) => t(`${texts}.state.${s}`)}
      >
        {children}
      </StateLinks>
    </>
  );
}
