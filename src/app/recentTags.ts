import { rememberRecent, type RecentTags } from '../domain/recentTags';

const memory = new Map<string, readonly string[]>();

/** sessionStorage when the frame may use it (it is shared by the sidebars of one tab). */
function sessionStore(): Storage | undefined {
  try {
    const store = window.sessionStorage;
    store.setItem('__tagwise_probe__', '1');
    store.removeItem('__tagwise_probe__');
    return store;
  } catch {
    return undefined;
  }
}

/**
 * The tags the agent added on this account during this browser session: in sessionStorage,
 * so that every sidebar of the tab shares them, or in memory when storage is refused.
 */
export function sessionRecentTags(account: string): RecentTags {
  const key = `tagwise:v1:recent:${account}`;
  const store = sessionStore();
  const read = (): readonly string[] => {
    if (!store) return memory.get(key) ?? [];
    try {
      const parsed: unknown = JSON.parse(store.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
    } catch {
      return [];
    }
  };
  return {
    list: read,
    add(tags) {
      const next = rememberRecent(read(), tags);
      memory.set(key, next);
      try {
        store?.setItem(key, JSON.stringify(next));
      } catch {
        // Full or refused: memory keeps it for this frame.
      }
    },
  };
}
