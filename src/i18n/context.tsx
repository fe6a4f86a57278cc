import { createContext, useContext, type ReactNode } from 'react';
import { englishTranslator } from './load';
import type { Translator } from './translate';

/** Without a provider (e.g. in the error boundary's own fallback) the app speaks English. */
export const I18nContext = createContext<Translator>(englishTranslator);

export function I18nProvider({ translator, children }: { translator: Translator; children: ReactNode }) {
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

export function useTranslator(): Translator {
  return useContext(I18nContext);
}
