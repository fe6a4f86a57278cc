import { useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { accountPeersOf } from '../app/accountPeers';
import { beginStartup, type Startup, type Where } from '../app/startup';
import { englishTranslator, loadTranslator, resolveLocale } from '../i18n';
import { connectToZendesk, type ZafClient } from '../zaf/client';
import { FirstPaint } from './FirstPaint';
import { warmSidebarCode } from './sidebarCode';

type AppModule = typeof import('./App');

/**
 * Starts Tagwise in `container`. Outside Zendesk (no ZAF parameters in the URL) it shows a
 * sentence in the browser's language instead of failing.
 *
 * The entry holds only what the first paint needs (React, the SDK, start-up, translations,
 * the plain first paint): Garden, styled-components and the panel's code load meanwhile,
 * in their own chunks, and the panel takes over when they are here.
 */
export async function start(
  container: HTMLElement,
  connect: () => ZafClient | null = connectToZendesk,
  browserLanguage: string = navigator.language,
): Promise<void> {
  const root = createRoot(container);
  const client = connect();
  if (!client) {
    const [translator, { OutsideZendesk }] = await Promise.all([loadTranslator(resolveLocale(browserLanguage)), import('./OutsideZendesk')]);
    root.render(<OutsideZendesk translator={translator} />);
    return;
  }
  // Ask for everything the first paint needs while the handshake is on its way.
  const startup = beginStartup(client);
  // From now on this instance answers the others' asks for account-wide lists.
  accountPeersOf(client);
  // The panel's code is run only once the first paint is on screen (or has nothing to show):
  // run earlier, its ~100 ms of module evaluation sat between Zendesk's answer and the tags.
  // Its files are fetched then too, by the import: fetched at once (prefetch links), they
  // competed with the entry's own and the tags showed later (see vite.config.ts).
  let settled!: (where: Where | undefined) => void;
  const firstPaint = new Promise<Where | undefined>((resolve) => (settled = resolve));
  const app = firstPaint.then(() => import('./App'));
  void firstPaint.then((where) => {
    if (!where || where.kind === 'sidebar') warmSidebarCode();
  });
  // Should an answer never come, the panel still loads and says what went wrong.
  setTimeout(() => settled(undefined), PANEL_AT_THE_LATEST_MS);
  root.render(<Boot client={client} startup={startup} app={app} onFirstPaint={settled} />);
}

const PANEL_AT_THE_LATEST_MS = 3000;

function Boot({ client, startup, app, onFirstPaint }: { client: ZafClient; startup: Startup; app: Promise<AppModule>; onFirstPaint: (where: Where | undefined) => void }) {
  const [loaded, setLoaded] = useState<AppModule | null>(null);
  const [failed, setFailed] = useState(false);
  useLayoutEffect(() => {
    let live = true;
    app.then(
      (module) => live && setLoaded(module),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [app]);
  if (loaded) return <loaded.App client={client} startup={startup} />;
  if (failed) return <CodeFailed />;
  return <FirstPaint client={client} startup={startup} onSettled={onFirstPaint} />;
}

/** The panel's code did not arrive (offline, a deploy in between): say so, offer a reload. */
function CodeFailed() {
  const { t } = englishTranslator;
  return (
    <p role="alert">
      {t('tagwise.panel.loadFailed')}{' '}
      <button type="button" onClick={() => window.location.reload()}>
        {t('tagwise.panel.retryLoad')}
      </button>
    </p>
  );
}
