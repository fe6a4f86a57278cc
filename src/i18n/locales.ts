/** The locales Tagwise ships translations for (file names in translations/). */
export const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'pt-br'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

function isSupported(value: string): value is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * Maps whatever Zendesk or the browser reports ("pt-BR", "de-CH", "en_US", "es-419")
 * to a locale we ship: the exact locale, else the same language in any region we have
 * ("pt-PT" → pt-br), else English.
 */
export function resolveLocale(raw: unknown): Locale {
  if (typeof raw !== 'string') return DEFAULT_LOCALE;
  const wanted = raw.trim().toLowerCase().replace(/_/g, '-');
  if (wanted === '') return DEFAULT_LOCALE;
  if (isSupported(wanted)) return wanted;
  const language = wanted.split('-')[0] ?? '';
  if (isSupported(language)) return language;
  const sameLanguage = SUPPORTED_LOCALES.find((locale) => locale.split('-')[0] === language);
  return sameLanguage ?? DEFAULT_LOCALE;
}
