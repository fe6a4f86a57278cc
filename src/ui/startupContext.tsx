import { createContext, useContext, type ReactNode } from 'react';
import type { Startup } from '../app/startup';

const StartupContext = createContext<Startup | null>(null);

/** The answers this app instance asked for at start, for the components that wait on them. */
export function StartupProvider({ startup, children }: { startup: Startup; children: ReactNode }) {
  return <StartupContext.Provider value={startup}>{children}</StartupContext.Provider>;
}

export function useStartup(): Startup {
  const startup = useContext(StartupContext);
  if (!startup) throw new Error('useStartup needs a StartupProvider above it');
  return startup;
}
