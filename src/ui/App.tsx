import { ThemeProvider } from '@zendeskgarden/react-theming';
import type { ZafClient } from '../zaf/client';
import { AgentLanguage } from './AgentLanguage';
import { ErrorBoundary } from './ErrorBoundary';
import { LocationView } from './LocationView';
import { LoadingTags } from './LoadingTags';
import { SizedRoot } from './SizedRoot';
import { ZafClientProvider } from './zafContext';

/** The app inside Zendesk: theme, sizing, a safety net, the client, the agent's language, the location's view. */
export function App({ client, onReload }: { client: ZafClient; onReload?: () => void }) {
  return (
    <ThemeProvider>
      <SizedRoot client={client}>
        <ErrorBoundary {...(onReload ? { onReload } : {})}>
          <ZafClientProvider client={client}>
            <AgentLanguage client={client} fallback={<LoadingTags />}>
              <LocationView />
            </AgentLanguage>
          </ZafClientProvider>
        </ErrorBoundary>
      </SizedRoot>
    </ThemeProvider>
  );
}
