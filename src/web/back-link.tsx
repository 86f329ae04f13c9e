/** The link above a page's heading to the page it belongs under (the list, the centre, the console). */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <a href={href} safe>
        {label}
      </a>
    </p>
  );
}
