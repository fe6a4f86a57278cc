import { useMemo } from 'react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { beginStartup, type Startup } from '../app/startup';
import type { ZafClient } from '../zaf/client';
import { AgentLanguage } from './AgentLanguage';
import { ErrorBoundary } from './ErrorBoundary';
import { EarlyTags } from './FirstPaint';
import { LocationView } from './LocationView';
import { LoadingTags } from './panel/LoadingTags';
import { SizedRoot } from './SizedRoot';
import { AppInstanceProvider } from './zafContext';

interface AppProps {
  client: ZafClient;
  /** Asked for by `start()` before the first render; made here when absent. */
  startup?: Startup;
  onReload?: () => void;
}

/** The app inside Zendesk: theme, sizing, a safety net, the client, the agent's language, the location's view. */
export function App({ client, startup, onReload }: AppProps) {
  const asked = useMemo(() => startup ?? beginStartup(client), [client, startup]);
  return (
    <ThemeProvider>
      <SizedRoot client={client}>
        <ErrorBoundary {...(onReload ? { onReload } : {})}>
          <AppInstanceProvider client={client} startup={asked}>
            <AgentLanguage translator={asked.translator} fallback={<EarlyTags startup={asked} fallback={<LoadingTags />} />}>
              <LocationView />
            </AgentLanguage>
          </AppInstanceProvider>
        </ErrorBoundary>
      </SizedRoot>
    </ThemeProvider>
  );
}
