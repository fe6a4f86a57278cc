/** The app's long-lived parts, made once per app instance from the ZAF client. */
import { createSyncEngine, type SyncEngine } from '../domain/sync/engine';
import type { KeyValueStore } from '../domain/sync/persistence';
import { PrefixCache, type AutocompleteAnswer } from '../domain/suggest';
import type { ZafClient } from '../zaf/client';
import { instanceGuid, liveInstanceGuids } from '../zaf/instances';
import { ACCOUNT_CACHE_TTL_MS, accountKey, cachedPerAccount, type AccountPeers, type CachedPerAccount } from '../zendesk/accountCache';
import { createZendeskApi, isPopularTagList, isTicketFieldTagList, type PopularTag, type TicketFieldTag, type ZendeskApi } from '../zendesk/api';
import type { RateBudget } from '../zendesk/rateBudget';
import { accountPeersOf } from './accountPeers';
import { announceChange, followInstanceNews } from './instanceNews';
import { followPageLifecycle } from './pageLifecycle';
import { screenStampOf } from './screenStamp';
import { browserStore, intentStore } from './storage';

/** A stored answer to "Tags on users and organizations": on, off, or the answer did not say. */
const isUserTagging = (value: unknown): value is boolean | null => value === null || typeof value === 'boolean';

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
  /** Autocomplete, answered from what this agent's session already asked when it can. */
  readonly autocomplete: (prefix: string) => Promise<AutocompleteAnswer>;
  readonly account: string;
}

/** Parts the bench and tests set themselves (storage refused, a virtual clock, shared peers). */
export interface ServiceParts {
  /** Where account caches are kept; `undefined` means storage is refused. */
  readonly cacheStore?: KeyValueStore | undefined;
  readonly peers?: AccountPeers;
  readonly now?: () => number;
  readonly rateBudget?: RateBudget;
}

/**
 * Autocomplete answers kept for the whole session, shared with the other instances: agents
 * type the same few prefixes on ticket after ticket, and an answer that was complete for
 * "bi" also answers "bil" and "bill".
 */
export function sharedAutocomplete(api: Pick<ZendeskApi, 'autocomplete'>, account: string, peers: AccountPeers | undefined, now: () => number = Date.now) {
  const known = new PrefixCache();
  const keyOf = (prefix: string) => accountKey(account, `autocomplete:${prefix}`);
  return async (prefix: string): Promise<AutocompleteAnswer> => {
    const local = known.lookup(prefix);
    if (local) return { tags: local };
    const shared = await peers?.ask(keyOf(prefix), ACCOUNT_CACHE_TTL_MS).catch(() => undefined);
    const answer = shared && isAnswer(shared.value) ? shared.value : await api.autocomplete(prefix);
    known.store(prefix, answer);
    if (!shared) peers?.offer(keyOf(prefix), { at: now(), value: answer });
    return answer;
  };
}

function isAnswer(value: unknown): value is AutocompleteAnswer {
  const tags = (value as { tags?: unknown } | null)?.tags;
  return Array.isArray(tags) && tags.every((t) => typeof t === 'string');
}

export function createAppServices(client: ZafClient, account: string, parts: ServiceParts = {}): AppServices {
  const api = createZendeskApi(client, parts.rateBudget ? { rateBudget: parts.rateBudget } : {});
  // Account caches are big and only save requests: localStorage or nothing (the other
  // instances of the session share them through ZAF). Pending intents are small and must
  // survive a reload: a cookie where localStorage is refused.
  const cacheStore = 'cacheStore' in parts ? parts.cacheStore : browserStore();
  const peers = parts.peers ?? accountPeersOf(client);
  const now = parts.now ?? Date.now;
  const guid = instanceGuid();
  const engine = createSyncEngine({
    backend: api,
    ...(cacheStore ? { store: cacheStore } : withIntentStore()),
    account,
    screenStamp: screenStampOf(client),
    ...(guid ? { instanceId: guid } : {}),
    liveInstances: () => liveInstanceGuids(client),
    onServerChange: (ref, tags) => announceChange(client, guid, ref, tags),
  });
  followPageLifecycle(engine);
  followInstanceNews(client, engine);
  return {
    client,
    api,
    engine,
    popularTags: cachedPerAccount('popular-tags', () => api.popularTags(), cacheStore, account, now, ACCOUNT_CACHE_TTL_MS, isPopularTagList, peers),
    ticketFieldTags: cachedPerAccount('ticket-field-tags', () => api.ticketFieldTags(), cacheStore, account, now, ACCOUNT_CACHE_TTL_MS, isTicketFieldTagList, peers),
    autocomplete: sharedAutocomplete(api, account, peers, now),
    // null, not undefined, for "did not say": the cache takes undefined as "nothing stored".
    userTagging: cachedPerAccount('user-tagging', async () => (await api.userTaggingEnabled()) ?? null, cacheStore, account, now, ACCOUNT_CACHE_TTL_MS, isUserTagging, peers),
    account,
  };
}

function withIntentStore(): { store?: ReturnType<typeof intentStore> } {
  const store = intentStore();
  return store ? { store } : {};
}
