import { useMemo } from 'react';
import { createAppServices, type AppServices } from '../../app/bootstrap';
import type { ZafClient } from '../../zaf/client';

/** One set of services (API, engine, caches) per app instance. */
export function useServices(client: ZafClient, account: string): AppServices {
  return useMemo(() => createAppServices(client, account), [client, account]);
}
