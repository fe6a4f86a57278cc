/** The app's long-lived parts, made once per app instance from the ZAF client. */
import { createSyncEngine, type SyncEngine } from '../domain/sync/engine';
import type { ZafClient } from '../zaf/client';
import { cachedPerAccount, type CachedPerAccount } from '../zendesk/accountCache';
import { createZendeskApi, type PopularTag, type TicketFieldTag, type ZendeskApi } from '../zendesk/api';
import { screenStampOf } from './screenStamp';
import { browserStore } from './storage';

export interface AppServices {
  readonly client: ZafClient;
  readonly api: ZendeskApi;
  readonly engine: SyncEngine;
  /** Account-wide cached list, most popular first. */
  readonly popularTags: () => Promise<PopularTag[]>;
  /** Account-wide cached list of tags that back ticket field options. */
  readonly ticketFieldTags: () => Promise<TicketFieldTag[]>;
  /** Account-wide cached "Tags on users and organizations" (undefined: the answer did not say). */
  readonly userTagging: CachedPerAccount<boolean | null>;
  readonly account: string;
}

export function createAppServices(client: ZafClient, account: string): AppServices {
  const api = createZendeskApi(client);
  const store = browserStore();
  return {
    client,
    api,
    engine: createSyncEngine({ backend: api, store, account, screenStamp: screenStampOf(client) }),
    popularTags: cachedPerAccount('popular-tags', () => api.popularTags(), store, account),
    ticketFieldTags: cachedPerAccount('ticket-field-tags', () => api.ticketFieldTags(), store, account),
    // null, not undefined, for "did not say": the cache takes undefined as "nothing stored".
    userTagging: cachedPerAccount('user-tagging', async () => (await api.userTaggingEnabled()) ?? null, store, account),
    account,
  };
}
