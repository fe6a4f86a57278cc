/** The app's long-lived parts, made once per app instance from the ZAF client. */
import { createSyncEngine, type SyncEngine } from '../domain/sync/engine';
import type { ZafClient } from '../zaf/client';
import { createZendeskApi, type PopularTag, type ZendeskApi } from '../zendesk/api';
import { cachedPopularTags } from '../zendesk/popularTagsCache';
import { browserStore } from './storage';

export interface AppServices {
  readonly client: ZafClient;
  readonly api: ZendeskApi;
  readonly engine: SyncEngine;
  /** Account-wide cached list, most popular first. */
  readonly popularTags: () => Promise<PopularTag[]>;
  readonly account: string;
}

export function createAppServices(client: ZafClient, account: string): AppServices {
  const api = createZendeskApi(client);
  const store = browserStore();
  return {
    client,
    api,
    engine: createSyncEngine({ backend: api, store, account }),
    popularTags: cachedPopularTags(api, store, account),
    account,
  };
}
