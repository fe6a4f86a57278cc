/**
 * What happens when an agent adds tags, under the admin's rules. Three behaviours for new
 * tags (ones the account does not have yet), set by two checkboxes:
 *   anyone    — new tags are added like any other (the default);
 *   confirm   — the agent confirms new tags first (a second Enter, or "Create <tag>");
 *   existing  — only the account's tags and the allow list; a new tag is refused.
 * Protected tags are refused in every mode.
 */
import type { ProtectedTags } from './protectedTags';

export type NewTagMode = 'anyone' | 'confirm' | 'existing';

export function newTagMode(existingTagsOnly: boolean, confirmNewTags: boolean): NewTagMode {
  // confirm_new_tags has nothing left to confirm when new tags are refused anyway.
  if (existingTagsOnly) return 'existing';
  return confirmNewTags ? 'confirm' : 'anyone';
}

export interface AddRules {
  readonly mode: NewTagMode;
  readonly allowed: ReadonlySet<string>;
  readonly protectedTags: ProtectedTags;
}

export type AddVerdict =
  | { readonly kind: 'add' }
  | { readonly kind: 'protected'; readonly tags: readonly string[] }
  | { readonly kind: 'not_existing'; readonly tags: readonly string[] }
  | { readonly kind: 'confirm'; readonly tags: readonly string[] };

/**
 * The verdict on adding `tags` (normalised, none already on the record). `exists` says
 * whether the account has a tag; `confirmed` is true once the agent confirmed the new ones.
 * Anything refused refuses the whole entry: nothing of it is sent.
 */
export function decideAdd(tags: readonly string[], rules: AddRules, exists: (tag: string) => boolean, confirmed: boolean): AddVerdict {
  const locked = tags.filter((tag) => rules.protectedTags.isProtected(tag));
  if (locked.length > 0) return { kind: 'protected', tags: locked };
  if (rules.mode === 'anyone') return { kind: 'add' };
  const fresh = tags.filter((tag) => !rules.allowed.has(tag) && !exists(tag));
  if (fresh.length === 0) return { kind: 'add' };
  if (rules.mode === 'existing') return { kind: 'not_existing', tags: fresh };
  return confirmed ? { kind: 'add' } : { kind: 'confirm', tags: fresh };
}
