/**
 * The Tag manager's messages, in their own files so that the sidebars (and the entry chunk,
 * which holds English) never carry them: the nav_bar page loads its locale's file, and
 * English as the fallback, when it opens.
 */
import { DEFAULT_LOCALE, type Locale } from '../locales';
import { createTranslator, type MessageKey, type Messages, type Translator } from '../translate';

const files = import.meta.glob<Messages>('./*.json', { import: 'default' });

async function load(locale: Locale): Promise<Messages> {
  const file = files[`./${locale}.json`];
  if (!file) return {};
  try {
    return await file();
  } catch {
    return {};
  }
}

const PREFIX = 'tagwise.manager.';

/** `base` with the Tag manager's messages in the same locale (English where one is missing). */
export async function withManagerMessages(base: Translator): Promise<Translator> {
  const [own, english] = await Promise.all([load(base.locale), base.locale === DEFAULT_LOCALE ? Promise.resolve<Messages | null>(null) : load(DEFAULT_LOCALE)]);
  const manager = createTranslator(base.locale, own, english ?? own);
  return {
    locale: base.locale,
    t: (key: MessageKey, vars) => (key.startsWith(PREFIX) ? manager.t(key, vars) : base.t(key, vars)),
  };
}
