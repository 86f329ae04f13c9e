import type { Children } from '@kitajs/html';

/**
 * The views of a list by state as links, the one shown in bold instead of a link; `children`
 * are further links of the same bar.
 */
export function StateLinks<S extends string>({
  label,
  states,
  current,
  href,
  text,
  children,
}: {
  label: string;
  states: readonly S[];
  current: S;
  href: (state: S) => string;
  text: (state: S) => string;
  children?: Children;
}) {
  return (
    <nav class="actions" aria-label={label}>
      {states.map((s) =>
        s === current ? (
          <strong safe>{text(s)}</strong>
        ) : (
          <a href={href(s)} safe>
            {text(s)}
          </a>
        ),
      )}
      {children}
    </nav>
  );
}
