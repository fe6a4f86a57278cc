/**
 * The app instances of one agent's session share what they fetched for the whole account
 * (popular tags, ticket fields, settings, autocomplete answers) through ZAF: each ticket tab
 * is its own iframe, and the browser often refuses those frames storage, so without this
 * every tab would ask Zendesk again. An instance that needs a list asks the others
 * (`client.get('instances')`, then `client.instance(guid).trigger`); whoever holds a fresh
 * copy answers with it. An instance that fetched offers the copy to the others, so the
 * background location (loaded once for the session) keeps it after the tab is closed.
 *
 * Messages are plain JSON on one event name; anything malformed is ignored.
 */
import type { ZafClient } from '../zaf/client';
import { asRecordObject } from '../zaf/values';
import type { AccountPeers, Stored } from '../zendesk/accountCache';

export const SHARE_EVENT = 'tagwise.account.share';

type Message =
  | { kind: 'ask'; id: string; key: string; maxAgeMs: number; from: string }
  | { kind: 'answer'; id: string; key: string; entry: Stored<unknown> | null; from: string }
  | { kind: 'offer'; key: string; entry: Stored<unknown>; from: string };

export interface PeerOptions {
  readonly now?: () => number;
  /** How long to wait for the others' answers before asking Zendesk. */
  readonly waitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Most entries kept (autocomplete answers come one per prefix). */
  readonly maxEntries?: number;
}

function isEntry(value: unknown): value is Stored<unknown> {
  const o = asRecordObject(value);
  return o !== undefined && typeof o.at === 'number' && 'value' in o && o.value !== undefined;
}

function parse(data: unknown): Message | undefined {
  const m = asRecordObject(data);
  if (!m || typeof m.key !== 'string' || typeof m.from !== 'string') return undefined;
  if (m.kind === 'ask' && typeof m.id === 'string' && typeof m.maxAgeMs === 'number') return m as unknown as Message;
  if (m.kind === 'answer' && typeof m.id === 'string' && (m.entry === null || isEntry(m.entry))) return m as unknown as Message;
  if (m.kind === 'offer' && isEntry(m.entry)) return m as unknown as Message;
  return undefined;
}

/** The guids of the other live instances of this app, as ZAF lists them. */
async function otherInstances(client: ZafClient, self: string): Promise<string[]> {
  try {
    const got = await client.get('instances');
    const map = asRecordObject(got['instances']);
    return map ? Object.keys(map).filter((guid) => guid !== self) : [];
  } catch {
    return [];
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createAccountPeers(client: ZafClient, options: PeerOptions = {}): AccountPeers {
  const now = options.now ?? Date.now;
  const waitMs = options.waitMs ?? 400;
  const sleep = options.sleep ?? realSleep;
  const maxEntries = options.maxEntries ?? 500;
  const shelf = new Map<string, Stored<unknown>>();
  const waiting = new Map<string, (entry: Stored<unknown> | null) => void>();
  let asks = 0;
  const self: Promise<string | undefined> = client.context().then(
    (c) => c.instanceGuid,
    () => undefined,
  );

  function put(key: string, entry: Stored<unknown>) {
    const held = shelf.get(key);
    if (held && held.at >= entry.at) return;
    shelf.delete(key);
    shelf.set(key, entry);
    if (shelf.size > maxEntries) shelf.delete(shelf.keys().next().value!);
  }

  function held(key: string, maxAgeMs: number): Stored<unknown> | undefined {
    const entry = shelf.get(key);
    return entry && now() - entry.at <= maxAgeMs ? entry : undefined;
  }

  function send(guid: string, message: Message) {
    try {
      client.instance(guid).trigger(SHARE_EVENT, message);
    } catch {
      // That instance is gone; the others still answer.
    }
  }

  client.on(SHARE_EVENT, (data) => {
    const message = parse(data);
    if (!message) return;
    if (message.kind === 'offer') put(message.key, message.entry);
    else if (message.kind === 'answer') waiting.get(message.id)?.(message.entry);
    else {
      void self.then((me) => {
        if (me) send(message.from, { kind: 'answer', id: message.id, key: message.key, entry: held(message.key, message.maxAgeMs) ?? null, from: me });
      });
    }
  });

  return {
    async ask(key, maxAgeMs) {
      const mine = held(key, maxAgeMs);
      if (mine) return mine;
      const me = await self;
      if (!me) return undefined;
      const others = await otherInstances(client, me);
      if (others.length === 0) return undefined;
      const id = `${me}:${++asks}`;
      const found = await new Promise<Stored<unknown> | undefined>((resolve) => {
        let unanswered = others.length;
        const finish = (entry: Stored<unknown> | undefined) => {
          waiting.delete(id);
          resolve(entry);
        };
        waiting.set(id, (entry) => {
          if (entry && now() - entry.at <= maxAgeMs) finish(entry);
          else if (--unanswered === 0) finish(undefined);
        });
        void sleep(waitMs).then(() => finish(undefined));
        for (const guid of others) send(guid, { kind: 'ask', id, key, maxAgeMs, from: me });
      });
      if (found) put(key, found);
      return found;
    },

    offer(key, entry) {
      put(key, entry);
      void self.then(async (me) => {
        if (!me) return;
        for (const guid of await otherInstances(client, me)) send(guid, { kind: 'offer', key, entry, from: me });
      });
    },
  };
}

const perClient = new WeakMap<ZafClient, AccountPeers>();

/** One set of peers per app instance: every part of the instance shares the same shelf. */
export function accountPeersOf(client: ZafClient): AccountPeers {
  let peers = perClient.get(client);
  if (!peers) {
    peers = createAccountPeers(client);
    perClient.set(client, peers);
  }
  return peers;
}
