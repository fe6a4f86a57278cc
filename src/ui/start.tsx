import { createRoot } from 'react-dom/client';
import { accountPeersOf } from '../app/accountPeers';
import { beginStartup } from '../app/startup';
import { loadTranslator, resolveLocale } from '../i18n';
import { connectToZendesk, type ZafClient } from '../zaf/client';
import { App } from './App';
import { warmSidebarCode } from './LocationView';
import { OutsideZendesk } from './OutsideZendesk';

/**
 * Starts Tagwise in `container`. Outside Zendesk (no ZAF parameters in the URL) it shows a
 * sentence in the browser's language instead of failing.
 */
export async function start(
  container: HTMLElement,
  connect: () => ZafClient | null = connectToZendesk,
  browserLanguage: string = navigator.language,
): Promise<void> {
  const root = createRoot(container);
  const client = connect();
  if (!client) {
    const translator = await loadTranslator(resolveLocale(browserLanguage));
    root.render(<OutsideZendesk translator={translator} />);
    return;
  }
  // Ask for everything the first paint needs, and fetch the sidebar's code, while the
  // handshake is on its way.
  const startup = beginStartup(client);
  // From now on this instance answers the others' asks for account-wide lists.
  accountPeersOf(client);
  warmSidebarCode();
  root.render(<App client={client} startup={startup} />);
}
