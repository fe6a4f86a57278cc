/**
 * Checks what an admin types as a rename's new name or a merge's target, normalised the way
 * the sidebar normalises tags, before anything is sent.
 */
import { MAX_TAG_LENGTH, parseTagInput } from '../normalize';

export type TargetProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'same' }
  | { readonly kind: 'several'; readonly count: number }
  | { readonly kind: 'noTag'; readonly text: string }
  | { readonly kind: 'tooLong' }
  | { readonly kind: 'exists'; readonly tag: string }
  | { readonly kind: 'unknown' };

export type TargetCheck = { readonly tag: string } | { readonly problem: TargetProblem };

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
export function checkNewName(text: string, from: string, exists: (tag: string) => boolean): TargetCheck {
  const checked = single(text, from);
  if ('tag' in checked && exists(checked.tag)) return { problem: { kind: 'exists', tag: checked.tag } };
  return checked;
}

/** A merge goes into one of the account's tags. */
export function checkMergeTarget(text: string, from: string, exists: (tag: string) => boolean): TargetCheck {
  const checked = single(text, from);
  if ('tag' in checked && !exists(checked.tag)) return { problem: { kind: 'unknown' } };
  return checked;
}

export { MAX_TAG_LENGTH };
