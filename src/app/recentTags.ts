import { rememberRecent, type RecentTags } from '../domain/recentTags';

const memory = new Map<string, readonly string[]>();

/**
 * The tags the agent added on this account during this browser session: in sessionStorage,
 * so that every sidebar of the tab shares them, or in memory when storage is refused (reading
 * `sessionStorage` then throws) or full.
 */
export function sessionRecentTags(account: string): RecentTags {
  const key = `tagwise:v1:recent:${account}`;
  const read = (): readonly string[] => {
    try {
      const parsed: unknown = JSON.parse(window.sessionStorage.getItem(key) ?? 'null');
      if (Array.isArray(parsed)) return parsed.filter((t): t is string => typeof t === 'string');
    } catch {
      // Refused or unreadable: this frame's memory.
    }
    return memory.get(key) ?? [];
  };
  return {
    list: read,
    add(tags) {
      const next = rememberRecent(read(), tags);
      memory.set(key, next);
      try {
        window.sessionStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Refused or full: memory keeps it for this frame.
      }
    },
  };
}
