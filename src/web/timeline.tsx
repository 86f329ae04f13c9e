import { formatDate, type Locale } from '../platform/http/i18n.js';

/** One transition of a lifecycle: when, the state it led to, who made it, why. */
export interface TimelineStep<S> {
  at: Date;
  status: S;
  by: string;
  reason: string | null;
}

/**
 * A lifecycle's history, oldest first: each state reached as its `badge`, who moved it there,
 * and the reason, introduced by `reasonLabel` ("Lý do: ...").
 */
export function Timeline<S>({
  locale,
  steps,
  badge,
  reasonLabel,
}: {
  locale: Locale;
  steps: TimelineStep<S>[];
  badge: (status: S) => JSX.Element;
  reasonLabel: string;
}) {
  return (
    <ol class="timeline">
      {steps.map((s) => (
        <li>
          <span class="muted" safe>
            {formatDate(s.at, locale, true)}
          </span>{' '}
          {badge(s.status)} <span safe>{s.by}</span>
          {s.reason ? <p safe>{`${reasonLabel}: ${s.reason}`}</p> : ''}
        </li>
      ))}
    </ol>
  );
}
