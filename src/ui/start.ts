import { accountPeersOf } from '../app/accountPeers';
import { beginStartup, type Where } from '../app/startup';
import { englishTranslator } from '../i18n/load';
import { connectToZendesk, type ZafClient } from '../zaf/client';
import { paintFirst } from './paintFirst';
import { warmSidebarCode } from './sidebarCode';

/**
 * Starts Tagwise in `container`. Outside Zendesk (no ZAF parameters in the URL) it shows a
 * sentence in the browser's language instead of failing.
 *
 * The entry holds only what the first paint needs (the SDK, start-up, translations, the
 * plain first paint), not React: React, Garden, styled-components and the panel's code load
 * once the tags are on screen, and the panel takes over in their place.
 */
export async function start(
  container: HTMLElement,
  connect: () => ZafClient | null = connectToZendesk,
  browserLanguage: string = navigator.language,
): Promise<void> {
  const client = connect();
  if (!client) {
    const { showOutsideZendesk } = await import('./outsideZendeskPage');
    await showOutsideZendesk(container, browserLanguage);
    return;
  }
  // Ask for everything the first paint needs while the handshake is on its way.
  const startup = beginStartup(client);
  // From now on this instance answers the others' asks for account-wide lists.
  accountPeersOf(client);
  const first = paintFirst(container, client, startup);
  // The panel's code is fetched and run only once the first paint is on screen (or has
  // nothing to show): run earlier, its module evaluation sat between Zendesk's answer and the
  // tags, and fetched earlier (prefetch links), its files competed with the entry's own.
  // Should an answer never come, the panel still loads and says what went wrong.
  const firstPaint = Promise.race([first.shown, new Promise<Where | undefined>((resolve) => setTimeout(() => resolve(undefined), PANEL_AT_THE_LATEST_MS))]);
  void firstPaint.then((where) => {
    if (!where || where.kind === 'sidebar') warmSidebarCode();
  });
  firstPaint
    .then(() => import('./mountApp'))
    .then(
      ({ mountApp }) => mountApp(container, client, startup, first.remove),
      () => {
        first.remove();
        showCodeFailed(container);
      },
    );
}

const PANEL_AT_THE_LATEST_MS = 3000;

/** The panel's code did not arrive (offline, a deploy in between): say so, offer a reload. */
function showCodeFailed(container: HTMLElement): void {
  const { t } = englishTranslator;
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = t('tagwise.panel.retryLoad');
  reload.addEventListener('click', () => window.location.reload());
  alert.append(`${t('tagwise.panel.loadFailed')} `, reload);
  container.append(alert);
}
