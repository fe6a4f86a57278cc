export { SUPPORTED_LOCALES, DEFAULT_LOCALE, resolveLocale, type Locale } from './locales';
export { createTranslator, type MessageKey, type MessageVars, type Messages, type Translator } from './translate';
export { englishMessages, englishTranslator, loadMessages, loadTranslator } from './load';
export { I18nContext, I18nProvider, useTranslator } from './context';
export { agentLocale } from './agentLocale';
