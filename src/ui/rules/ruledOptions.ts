/**
 * The suggestion list under the admin's rules, computed locally on what the field already
 * holds (the cached account tags and autocomplete answers): no request of its own.
 *   - protected tags are never offered;
 *   - with only existing tags, the allow list is offered too;
 *   - a new tag close to an existing one puts that one first ("did you mean"), with its count;
 *   - when new tags need confirming, "Create <tag>" comes last.
 */
import { MIN_PREFIX_LENGTH, rankSuggestions } from '../../domain/suggest';
import { didYouMean, type KnownTag, type TagRules } from '../../domain/rules';
import type { PopularTag } from '../addField/suggestionSource';

/** The value of the "Create <tag>" option: it has a space, so no tag can have it. */
export const CREATE_OPTION = ' create';

export interface RuledOptions {
  readonly values: readonly string[];
  /** The existing tag put first as "did you mean", if any. */
  readonly closest: KnownTag | null;
  /** The word being typed when the list holds "Create <tag>". */
  readonly creating: string | null;
}

export interface OptionsInput {
  readonly token: string;
  readonly ranked: readonly string[];
  readonly popular: readonly PopularTag[];
  readonly popularNames: ReadonlySet<string>;
  /** What the account has starting with the token, when known. */
  readonly answered: readonly string[] | undefined;
  readonly present: readonly string[];
  readonly rules: TagRules;
}

/** Whether the account (or the allow list) has `tag`: true, false, or undefined when unknown here. */
export function existsLocally(tag: string, popularNames: ReadonlySet<string>, answered: readonly string[] | undefined, rules: TagRules): boolean | undefined {
  if (rules.allowed.has(tag) || popularNames.has(tag) || answered?.includes(tag)) return true;
  return answered ? false : undefined;
}

export function ruledOptions({ token, ranked, popular, popularNames, answered, present, rules }: OptionsInput): RuledOptions {
  const locked = rules.protectedTags;
  const skip = (name: string) => present.includes(name) || locked.isProtected(name);
  let values = ranked.filter((name) => !locked.isProtected(name));
  if (rules.mode === 'existing' && rules.allowed.size > 0 && token.length >= MIN_PREFIX_LENGTH) {
    values = rankSuggestions([...values, ...rules.allowed], { prefix: token, popular: values, exclude: present }).filter((name) => !locked.isProtected(name));
  }
  if (token.length < MIN_PREFIX_LENGTH) return { values, closest: null, creating: null };
  const exists = existsLocally(token, popularNames, answered, rules);
  let closest: KnownTag | null = null;
  if (exists !== true) {
    // Autocomplete answers know no counts: the popular list's entry (with its count) comes first.
    const extra: KnownTag[] = (answered ?? []).filter((name) => !popularNames.has(name)).map((name) => ({ name }));
    closest = didYouMean(token, [popular, extra], skip);
    if (closest) values = [closest.name, ...values.filter((name) => name !== closest!.name)];
  }
  const creating = rules.mode === 'confirm' && exists === false && !locked.isProtected(token) && !present.includes(token) ? token : null;
  if (creating) values = [...values, CREATE_OPTION];
  return { values, closest, creating };
}
