import { createRoot } from 'react-dom/client';
import { loadTranslator, resolveLocale } from '../i18n';
import { OutsideZendesk } from './OutsideZendesk';

/** Opened outside Zendesk: a sentence in the browser's language, in a chunk of its own. */
export async function showOutsideZendesk(container: HTMLElement, browserLanguage: string): Promise<void> {
  const translator = await loadTranslator(resolveLocale(browserLanguage));
  createRoot(container).render(<OutsideZendesk translator={translator} />);
}
