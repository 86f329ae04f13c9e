import { AppError } from './http/errors.js';

/** One allowed move of a lifecycle: from which states, by which action, to which state, by whom. */
export interface Transition<S extends string, A extends string, R extends string> {
  action: A;
  from: readonly S[];
  to: S;
  by: readonly R[];
  /** The actor must give a reason (shown to the other side and kept in the history). */
  reason?: boolean;
}

/**
 * A lifecycle written once as a table of allowed transitions. `next` answers where an
 * action leads from a state, or refuses with a 409 naming the state and the action.
 */
export function stateMachine<S extends string, A extends string, R extends string>(
  name: string,
  table: readonly Transition<S, A, R>[],
) {
  const find = (from: S, action: A) => table.find((t) => t.action === action && t.from.includes(from));
  return {
    table,
    find,
    next(from: S, action: A, by: R, reason?: string): S {
      const t = find(from, action);
      if (!t)
        throw new AppError(409, 'invalid_transition', 'error.transition', { machine: name, from, action });
      if (!t.by.includes(by)) throw new AppError(403, 'forbidden', 'error.forbidden');
      if (t.reason && !reason?.trim()) throw new AppError(422, 'reason_required', 'error.reason_required');
      return t.to;
    },
    /** Actions a given party may take from a state (to show the right buttons). */
    actionsFrom(from: S, by: R): A[] {
      return table.filter((t) => t.from.includes(from) && t.by.includes(by)).map((t) => t.action);
    },
    /** The fewest actions that lead from one state to another (how seeds and tests bring a record to a state). */
    pathTo(from: S, to: S): A[] {
      const paths = new Map<S, A[]>([[from, []]]);
      // A Map is iterated in insertion order, entries added on the way included: breadth first.
      for (const [state, path] of paths) {
        if (state === to) return path;
        for (const t of table)
          if (t.from.includes(state) && !paths.has(t.to)) paths.set(t.to, [...path, t.action]);
      }
      throw new Error(`${name}: no way from ${from} to ${to}`);
    },
  };
}
