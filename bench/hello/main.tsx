// The baseline for "time to first tags painted": a hello built the way Zendesk's official
// React scaffold (zendesk/app_scaffolds, packages/react) is, with the same toolchain as the
// app: React 18.3 and react-dom/client, the SDK from npm, nothing rendered until the ZAF
// handshake is done (app.registered), Garden's ThemeProvider around a location component
// that the scaffold loads lazily, and in it one client.get('ticket.tags') whose tags render
// as Garden tags with the accessible names the app uses. No translations, sync engine or
// combobox.
import { lazy, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import ZAFClient from 'zendesk_app_framework_sdk';
import type { HelloClient } from './client';

const TicketSidebar = lazy(() => import('./TicketSidebar'));

function Registered({ client, registered: handshake }: { client: HelloClient; registered: Promise<void> }) {
  const [registered, setRegistered] = useState(false);
  useEffect(() => void handshake.then(() => setRegistered(true)), [handshake]);
  if (!registered) return null;
  return (
    <ThemeProvider theme={{ ...DEFAULT_THEME }}>
      <Suspense fallback={<span>Loading…</span>}>
        <TicketSidebar client={client} />
      </Suspense>
    </ThemeProvider>
  );
}

const client = (ZAFClient as unknown as { init(): HelloClient | false }).init();
if (client) {
  // Listened for before the first render, so an early answer to the handshake is not missed.
  const registered = new Promise<void>((resolve) => client.on('app.registered', () => resolve()));
  createRoot(document.getElementById('root')!).render(<Registered client={client} registered={registered} />);
}
