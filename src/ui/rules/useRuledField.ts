/**
 * The admin's rules in the "Add tags" field: which suggestions show (see ruledOptions) and
 * what Enter does with what was typed. Enter may add at once, refuse with a sentence (a
 * protected tag, or a new tag where only existing ones are allowed: nothing is sent), or,
 * when new tags need confirming, ask first: a second Enter on the same text, or choosing
 * "Create <tag>", adds them.
 */
import { useCallback, useMemo, useState } from 'react';
import { decideAdd, didYouMean, type AddVerdict, type KnownTag } from '../../domain/rules';
import { useTranslator, type Translator } from '../../i18n';
import { quoteTags } from '../notices/noticeText';
import type { SuggestionSource } from '../addField/suggestionSource';
import { useSuggestionState } from '../addField/useSuggestions';
import { CREATE_OPTION, existsLocally, ruledOptions } from './ruledOptions';
import { useTagRules } from './TagRulesContext';

export type Outcome = { readonly kind: 'add' } | { readonly kind: 'refuse'; readonly message: string } | { readonly kind: 'confirm' };

export interface OptionText {
  readonly label: string;
  readonly hint?: string;
}

export interface RuledField {
  /** Suggestion values, in order; `CREATE_OPTION` stands for "Create <tag>". */
  readonly options: readonly string[];
  /** What an option shows when it is more than its name. */
  readonly describe: (value: string) => OptionText | undefined;
  /** The sentence asking to confirm new tags, while the text is the one it asked about. */
  readonly prompt: string | null;
  /**
   * The verdict on adding `tags` typed as `text`; a promise when Zendesk must be asked whether
   * a tag exists. `created` is true when the agent chose "Create <tag>".
   */
  readonly check: (text: string, tags: readonly string[], created: boolean) => Outcome | Promise<Outcome>;
}

export { CREATE_OPTION };

function refusal(verdict: AddVerdict, closest: KnownTag | null, t: Translator['t']): string | null {
  const reason = t('tagwise.rules.protectedReason');
  if (verdict.kind === 'protected') return t('tagwise.rules.refusedProtected', { count: verdict.tags.length, tags: quoteTags(verdict.tags, t), reason });
  if (verdict.kind !== 'not_existing') return null;
  const sentence = t('tagwise.rules.refusedNew', { count: verdict.tags.length, tags: quoteTags(verdict.tags, t) });
  return closest ? `${sentence} ${t('tagwise.rules.didYouMeanSentence', { tag: closest.name })}` : sentence;
}

export function useRuledField(source: SuggestionSource | undefined, text: string, present: readonly string[]): RuledField {
  const { t } = useTranslator();
  const { rules } = useTagRules();
  const state = useSuggestionState(source, text, present);
  const { token, names, popular, known, ask } = state;
  const popularNames = useMemo(() => new Set(popular.map((tag) => tag.name)), [popular]);
  const answered = token === '' ? undefined : known(token);
  const options = useMemo(
    () => ruledOptions({ token, ranked: names, popular, popularNames, answered, present, rules }),
    [token, names, popular, popularNames, answered, present, rules],
  );
  // The text a confirmation was asked for, and the new tags it named.
  const [asked, setAsked] = useState<{ text: string; tags: readonly string[] } | null>(null);

  const describe = useCallback(
    (value: string): OptionText | undefined => {
      if (value === CREATE_OPTION) return options.creating ? { label: t('tagwise.rules.create', { tag: options.creating }) } : undefined;
      const description = rules.descriptions.get(value);
      const closest = options.closest?.name === value ? options.closest : null;
      if (closest) {
        const label = closest.count === undefined ? value : t('tagwise.rules.didYouMean', { tag: value, count: closest.count });
        return { label, hint: description ?? t('tagwise.rules.didYouMeanHint') };
      }
      return description ? { label: value, hint: description } : undefined;
    },
    [options, rules, t],
  );

  const check = useCallback(
    (typed: string, tags: readonly string[], created: boolean): Outcome | Promise<Outcome> => {
      const confirmed = created || asked?.text === typed;
      const local = (tag: string) => existsLocally(tag, popularNames, known(tag), rules);
      const closestTo = (tag: string) => {
        const extra = (known(tag) ?? []).filter((name) => !popularNames.has(name)).map((name) => ({ name }));
        return didYouMean(tag, [popular, extra], (name) => present.includes(name) || rules.protectedTags.isProtected(name));
      };
      const conclude = (exists: (tag: string) => boolean): Outcome => {
        const verdict = decideAdd(tags, rules, exists, confirmed);
        if (verdict.kind === 'confirm') {
          setAsked({ text: typed, tags: verdict.tags });
          return { kind: 'confirm' };
        }
        const message = refusal(verdict, verdict.kind === 'not_existing' && verdict.tags.length === 1 ? closestTo(verdict.tags[0]!) : null, t);
        if (message) return { kind: 'refuse', message };
        setAsked(null);
        return { kind: 'add' };
      };
      const first = decideAdd(tags, rules, (tag) => local(tag) !== false, confirmed);
      // Only a tag that may be new, under a rule about new tags, needs Zendesk's word.
      const unknown = first.kind === 'protected' || rules.mode === 'anyone' ? [] : tags.filter((tag) => !rules.allowed.has(tag) && local(tag) === undefined);
      if (unknown.length === 0) return conclude((tag) => local(tag) === true);
      return Promise.all(unknown.map(async (tag) => [tag, tag.length >= 2 && (await ask(tag)).includes(tag)] as const)).then(
        (answers) => {
          const found = new Map(answers);
          return conclude((tag) => found.get(tag) ?? local(tag) === true);
        },
        (): Outcome => ({ kind: 'refuse', message: t('tagwise.rules.checkFailed', { tags: quoteTags(unknown, t) }) }),
      );
    },
    [asked, popular, popularNames, known, ask, present, rules, t],
  );

  const prompt = asked && asked.text === text ? t('tagwise.rules.confirmNew', { count: asked.tags.length, tags: quoteTags(asked.tags, t) }) : null;
  return { options: options.values, describe, prompt, check };
}
