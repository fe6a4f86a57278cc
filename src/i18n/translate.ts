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

function interpolate(template: string, vars: MessageVars | undefined, numbers: () => Intl.NumberFormat): string {
  if (!vars) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    if (typeof value !== 'number') return value;
    // Below 1,000 an integer reads the same in every shipped locale (no grouping, Latin
    // digits): no Intl.NumberFormat, whose first use costs the first paint milliseconds.
    return Number.isInteger(value) && Math.abs(value) < 1000 ? String(value) : numbers().format(value);
  });
}

/** Made on first use: building Intl objects is the costly part of a translator. */
function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

function numberFormat(locale: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale);
  } catch {
    return new Intl.NumberFormat('en');
  }
}

/** English's rule for whole numbers (one for 1, other otherwise), as Intl.PluralRules('en') says. */
const ENGLISH_INTEGERS = { select: (n: number) => (n === 1 ? 'one' : 'other') } as Pick<Intl.PluralRules, 'select'>;

function pluralRules(locale: string): Pick<Intl.PluralRules, 'select'> {
  try {
    return new Intl.PluralRules(locale);
  } catch {
    return new Intl.PluralRules('en');
  }
}

export function createTranslator(locale: Locale, messages: Messages, fallback: Messages): Translator {
  const rules = lazy(() => pluralRules(locale));
  const englishRules = lazy(() => pluralRules('en'));
  const english = locale === 'en';
  const numbers = lazy(() => numberFormat(locale));

  function render(found: string | PluralMessage, vars: MessageVars | undefined, pluralWith: () => Pick<Intl.PluralRules, 'select'>, inEnglish: boolean): string {
    if (typeof found === 'string') return interpolate(found, vars, numbers);
    const count = typeof vars?.count === 'number' ? vars.count : Number(vars?.count ?? NaN);
    const rule = inEnglish && Number.isInteger(count) ? ENGLISH_INTEGERS : Number.isFinite(count) ? pluralWith() : undefined;
    const form = rule ? (rule.select(count) as keyof PluralMessage) : 'other';
    return interpolate(found[form] ?? found.other, vars, numbers);
  }

  return {
    locale,
    t(key, vars) {
      try {
        const own = lookup(messages, key);
        if (own !== undefined) return render(own, vars, rules, english);
        const fromEnglish = lookup(fallback, key);
        if (fromEnglish !== undefined) return render(fromEnglish, vars, englishRules, true);
      } catch {
        // A malformed translation file must not take the screen down.
      }
      return key;
    },
  };
}
