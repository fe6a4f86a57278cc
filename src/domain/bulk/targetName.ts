/**
 * Checks what an admin types as a rename's new name or a merge's target, normalised the way
 * the sidebar normalises tags, before anything is sent.
 */
import { MAX_TAG_LENGTH, parseTagInput } from '../normalize';
import type { TagOperation } from './operation';

export type TargetProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'same' }
  | { readonly kind: 'several'; readonly count: number }
  | { readonly kind: 'noTag'; readonly text: string }
  | { readonly kind: 'tooLong' }
  | { readonly kind: 'exists'; readonly tag: string }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'protected'; readonly tag: string };

export type TargetCheck = { readonly tag: string } | { readonly problem: TargetProblem };

/** The admin's protected tags (settings `protected_tags`): Tagwise never changes them. */
export type IsProtected = (tag: string) => boolean;

const NONE_PROTECTED: IsProtected = () => false;

function single(text: string, from: string): TargetCheck {
  const { tags, rejected } = parseTagInput(text);
  if (!tags.length && !rejected.length) return { problem: { kind: 'empty' } };
  if (rejected.some((r) => r.reason === 'too_long')) return { problem: { kind: 'tooLong' } };
  if (rejected.length) return { problem: { kind: 'noTag', text: rejected[0]?.input ?? text } };
  if (tags.length > 1) return { problem: { kind: 'several', count: tags.length } };
  const tag = tags[0] as string;
  if (tag === from) return { problem: { kind: 'same' } };
  return { tag };
}

/** A rename needs a name no tag has yet: folding into an existing tag is a merge. */
export function checkNewName(text: string, from: string, exists: (tag: string) => boolean, isProtected: IsProtected = NONE_PROTECTED): TargetCheck {
  const checked = single(text, from);
  // A rename to a protected name would put an automation's tag on every ticket.
  if ('tag' in checked && isProtected(checked.tag)) return { problem: { kind: 'protected', tag: checked.tag } };
  if ('tag' in checked && exists(checked.tag)) return { problem: { kind: 'exists', tag: checked.tag } };
  return checked;
}

/** A merge goes into one of the account's tags. */
export function checkMergeTarget(text: string, from: string, exists: (tag: string) => boolean, isProtected: IsProtected = NONE_PROTECTED): TargetCheck {
  const checked = single(text, from);
  if ('tag' in checked && isProtected(checked.tag)) return { problem: { kind: 'protected', tag: checked.tag } };
  if ('tag' in checked && !exists(checked.tag)) return { problem: { kind: 'unknown' } };
  return checked;
}

/**
 * The protected tag an operation would change, if any: its own tag (renamed, merged away or
 * deleted) or the tag it renames or merges into. Such an operation is never sent.
 */
export function protectedTagIn(op: TagOperation, isProtected: IsProtected): string | null {
  if (isProtected(op.from)) return op.from;
  if (op.kind !== 'delete' && isProtected(op.to)) return op.to;
  return null;
}

export { MAX_TAG_LENGTH };
