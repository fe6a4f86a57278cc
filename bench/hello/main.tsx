// The baseline for "time to first tags painted": the least a React + Garden sidebar must do
// to show a record's tags in Zendesk. It connects with the same ZAF SDK, asks the screen for
// the ticket's tags with one client.get (no HTTP), and renders them inside Garden's
// ThemeProvider with the same accessible names the app uses. Nothing else: no lazy chunks,
// no translations, no sync engine, no combobox.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import ZAFClient from 'zendesk_app_framework_sdk';

interface Client {
  get(path: string): Promise<Record<string, unknown>>;
}

function Hello({ client }: { client: Client | null }) {
  const [tags, setTags] = useState<string[] | null>(client ? null : ['hello']);
  useEffect(() => {
    client?.get('ticket.tags').then(
      (got) => setTags(Array.isArray(got['ticket.tags']) ? (got['ticket.tags'] as string[]) : ['hello']),
      () => setTags(['hello']),
    );
  }, [client]);
  if (!tags) return <p>Loading…</p>;
  return (
    <section aria-label="Ticket tags">
      {tags.map((tag) => (
        <span key={tag}>
          {tag} <button type="button" aria-label={`Remove tag ${tag}`}>×</button>{' '}
        </span>
      ))}
    </section>
  );
}

const client = (ZAFClient as unknown as { init(): Client | false }).init() || null;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemeProvider>
      <Hello client={client} />
    </ThemeProvider>
  </StrictMode>,
);
