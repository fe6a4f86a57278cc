import type en from '../../translations/en.json';
import type managerEn from './manager/en.json';
import type { Locale } from './locales';

/** A plural message: Intl.PluralRules picks the form; `other` is always there. */
export interface PluralMessage {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

/** The nested JSON of a translations/<locale>.json file. */
export interface Messages {
  readonly [key: string]: string | PluralMessage | Messages;
}

type IsPlural<T> = T extends { other: string } ? true : false;

/** Dotted paths to every message in a messages tree, e.g. "tagwise.panel.count". */
type PathsOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : IsPlural<T[K]> extends true
      ? `${Prefix}${K}`
      : PathsOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * Every key English has. English is complete by definition: other locales fall back to it.
 * The Tag manager's messages live apart (src/i18n/manager), loaded only on its page.
 */
export type MessageKey = PathsOf<typeof en> | PathsOf<typeof managerEn>;

export type MessageVars = Readonly<Record<string, string | number>>;

export interface Translator {
  readonly locale: Locale;
  /** Never throws: a missing key falls back to English, then to the key itself. */
  t(key: MessageKey, vars?: MessageVars): string;
}

function lookup(messages: Messages | undefined, key: string): string | PluralMessage | undefined {
  let node: string | PluralMessage | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = (node as Messages)[part];
  }
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && typeof (node as { other?: unknown }).other === 'string') {
    return node as PluralMessage;
  }
  return undefined;
}

function interpolate(template: string, vars: MessageVars | undefined, numbers: Intl.NumberFormat): string {
  if (!vars) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

function numberFormat(locale: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale);
  } catch {
    return new Intl.NumberFormat('en');
  }
}

function pluralRules(locale: string): Intl.PluralRules {
  try {
    return new Intl.PluralRules(locale);
  } catch {
    return new Intl.PluralRules('en');
  }
}

export function createTranslator(locale: Locale, messages: Messages, fallback: Messages): Translator {
  const rules = pluralRules(locale);
  const englishRules = pluralRules('en');
  const numbers = numberFormat(locale);

  function render(found: string | PluralMessage, vars: MessageVars | undefined, pluralWith: Intl.PluralRules): string {
    if (typeof found === 'string') return interpolate(found, vars, numbers);
    const count = typeof vars?.count === 'number' ? vars.count : Number(vars?.count ?? NaN);
    const form = Number.isFinite(count) ? pluralWith.select(count) : 'other';
    return interpolate(found[form] ?? found.other, vars, numbers);
  }

  return {
    locale,
    t(key, vars) {
      try {
        const own = lookup(messages, key);
        if (own !== undefined) return render(own, vars, rules);
        const english = lookup(fallback, key);
        if (english !== undefined) return render(english, vars, englishRules);
      } catch {
        // A malformed translation file must not take the screen down.
      }
      return key;
    },
  };
}
