/** The app's long-lived parts, made once per app instance from the ZAF client. */
import { createSyncEngine, type SyncEngine } from '../domain/sync/engine';
import { instanceGuid, liveInstanceGuids, type ZafClient } from '../zaf/client';
import { ACCOUNT_CACHE_TTL_MS, cachedPerAccount } from '../zendesk/accountCache';
import { createZendeskApi, isPopularTagList, isTicketFieldTagList, type PopularTag, type TicketFieldTag, type ZendeskApi } from '../zendesk/api';
import { followPageLifecycle } from './pageLifecycle';
import { screenStampOf } from './screenStamp';
import { browserStore, intentStore } from './storage';

export interface AppServices {
  readonly client: ZafClient;
  readonly api: ZendeskApi;
  readonly engine: SyncEngine;
  /** Account-wide cached list, most popular first. */
  readonly popularTags: () => Promise<PopularTag[]>;
  /** Account-wide cached list of tags that back ticket field options. */
  readonly ticketFieldTags: () => Promise<TicketFieldTag[]>;
  readonly account: string;
}

export function createAppServices(client: ZafClient, account: string): AppServices {
  const api = createZendeskApi(client);
  // Account caches are big and only save requests: localStorage or nothing. Pending intents
  // are small and must survive a reload: a cookie where localStorage is refused.
  const cacheStore = browserStore();
  const guid = instanceGuid();
  const engine = createSyncEngine({
    backend: api,
    ...(cacheStore ? { store: cacheStore } : withIntentStore()),
    account,
    screenStamp: screenStampOf(client),
    ...(guid ? { instanceId: guid } : {}),
    liveInstances: () => liveInstanceGuids(client),
  });
  followPageLifecycle(engine);
  return {
    client,
    api,
    engine,
    popularTags: cachedPerAccount('popular-tags', () => api.popularTags(), cacheStore, account, Date.now, ACCOUNT_CACHE_TTL_MS, isPopularTagList),
    ticketFieldTags: cachedPerAccount('ticket-field-tags', () => api.ticketFieldTags(), cacheStore, account, Date.now, ACCOUNT_CACHE_TTL_MS, isTicketFieldTagList),
    account,
  };
}

function withIntentStore(): { store?: ReturnType<typeof intentStore> } {
  const store = intentStore();
  return store ? { store } : {};
}
