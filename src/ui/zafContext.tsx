import { createContext, useContext, type ReactNode } from 'react';
import type { ZafClient } from '../zaf/client';

const ZafClientContext = createContext<ZafClient | null>(null);

/** The one ZafClient of this app instance, for every component below. */
export function ZafClientProvider({ client, children }: { client: ZafClient; children: ReactNode }) {
  return <ZafClientContext.Provider value={client}>{children}</ZafClientContext.Provider>;
}

export function useZafClient(): ZafClient {
  const client = useContext(ZafClientContext);
  if (!client) throw new Error('useZafClient needs a ZafClientProvider above it');
  return client;
}
