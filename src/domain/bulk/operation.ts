/**
 * What a Tag manager run does to each record, as a delta: tags to add and tags to remove, sent
 * in the same call so that no record is ever left with neither the old tag nor the new one.
 */
export type TagOperation =
  | { readonly kind: 'rename'; readonly from: string; readonly to: string }
  | { readonly kind: 'merge'; readonly from: string; readonly to: string }
  | { readonly kind: 'delete'; readonly from: string };

export interface TagDelta {
  readonly add: readonly string[];
  readonly remove: readonly string[];
}

/** The delta a run asks Zendesk for on every record it finds. */
export function deltaOf(op: TagOperation): TagDelta {
  return op.kind === 'delete' ? { add: [], remove: [op.from] } : { add: [op.to], remove: [op.from] };
}

/**
 * What the delta really changes on a record that held `before`: a tag it already had is not
 * added by the run, a tag it did not have is not removed by it. Undo must invert only this,
 * or it would strip a merge target from tickets that carried it before the merge.
 */
export function effectiveDelta(delta: TagDelta, before: readonly string[]): TagDelta {
  return {
    add: delta.add.filter((t) => !before.includes(t) && !delta.remove.includes(t)),
    remove: delta.remove.filter((t) => before.includes(t)),
  };
}

export function inverseDelta(delta: TagDelta): TagDelta {
  return { add: [...delta.remove], remove: [...delta.add] };
}

export function isEmptyDelta(delta: TagDelta): boolean {
  return delta.add.length === 0 && delta.remove.length === 0;
}

/** A stable key for grouping records that need the same call. */
export function deltaKey(delta: TagDelta): string {
  return JSON.stringify([[...delta.add].sort(), [...delta.remove].sort()]);
}
