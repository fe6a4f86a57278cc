import { useCallback, useState } from 'react';

/** Where a group's collapsed choice is kept: one key per group kind, not per record. */
export function collapsedKey(kind: string): string {
  return `tagwise:v1:collapsed:${kind}`;
}

/** This document's choices, for when storage is blocked (third-party frames in some browsers). */
const inMemory = new Map<string, boolean>();

/** The agent's own choice for this kind of group, if they made one. */
function readCollapsed(kind: string): boolean | undefined {
  try {
    const stored = window.localStorage.getItem(collapsedKey(kind));
    // '0' is an explicit "open": it must outlive an admin's "start collapsed".
    return stored === '1' ? true : stored === '0' ? false : undefined;
  } catch {
    // Storage blocked in a third-party frame: the choice lasts for this page only.
    return inMemory.get(kind);
  }
}

function writeCollapsed(kind: string, collapsed: boolean): void {
  inMemory.set(kind, collapsed);
  try {
    window.localStorage.setItem(collapsedKey(kind), collapsed ? '1' : '0');
  } catch {
    // Not remembered this time; the choice still applies on screen.
  }
}

/**
 * Whether a group of this kind is collapsed: the agent's last choice, remembered across
 * reloads when storage allows, else `startCollapsed` (the admin's setting).
 */
export function useCollapsed(kind: string | undefined, startCollapsed = false): [boolean, () => void] {
  const [collapsed, setCollapsed] = useState(() => (kind ? (readCollapsed(kind) ?? startCollapsed) : false));
  const toggle = useCallback(() => {
    const next = !collapsed;
    if (kind) writeCollapsed(kind, next);
    setCollapsed(next);
  }, [kind, collapsed]);
  return [kind ? collapsed : false, toggle];
}
