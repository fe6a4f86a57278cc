/// <reference types="vite/client" />
import en from '../../translations/en.json';
import { DEFAULT_LOCALE, type Locale } from './locales';
import { createTranslator, type Messages, type Translator } from './translate';

/** English ships in the main bundle: it is the fallback for every other locale. */
export const englishMessages: Messages = en;

// Every other locale is its own chunk, fetched only for an agent who uses it.
const lazyLocales = import.meta.glob<Messages>(['../../translations/*.json', '!../../translations/en.json'], {
  import: 'default',
});

function fileFor(locale: Locale): string {
  return `../../translations/${locale}.json`;
}

export const englishTranslator: Translator = createTranslator(DEFAULT_LOCALE, englishMessages, englishMessages);

/** Loads one locale's messages; English (or a failed load) needs no request. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === DEFAULT_LOCALE) return englishMessages;
  const load = lazyLocales[fileFor(locale)];
  if (!load) return englishMessages;
  try {
    return await load();
  } catch {
    return englishMessages;
  }
}

export async function loadTranslator(locale: Locale): Promise<Translator> {
  if (locale === DEFAULT_LOCALE) return englishTranslator;
  const messages = await loadMessages(locale);
  return createTranslator(messages === englishMessages ? DEFAULT_LOCALE : locale, messages, englishMessages);
}
