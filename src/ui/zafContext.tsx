import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Startup } from '../app/startup';
import type { ZafClient } from '../zaf/client';

interface AppInstance {
  readonly client: ZafClient;
  readonly startup: Startup;
}

const AppInstanceContext = createContext<AppInstance | null>(null);

/** This app instance's one ZafClient, and what it asked Zendesk at start, for every component below. */
export function AppInstanceProvider({ client, startup, children }: AppInstance & { children: ReactNode }) {
  const instance = useMemo(() => ({ client, startup }), [client, startup]);
  return <AppInstanceContext.Provider value={instance}>{children}</AppInstanceContext.Provider>;
}

function useAppInstance(): AppInstance {
  const instance = useContext(AppInstanceContext);
  if (!instance) throw new Error('Tagwise components need an AppInstanceProvider above them');
  return instance;
}

export function useZafClient(): ZafClient {
  return useAppInstance().client;
}

export function useStartup(): Startup {
  return useAppInstance().startup;
}
