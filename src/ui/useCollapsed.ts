import { useCallback, useState } from 'react';

/** Where a group's collapsed choice is kept: one key per group kind, not per record. */
export function collapsedKey(kind: string): string {
  return `tagwise:v1:collapsed:${kind}`;
}

/** This document's choices, for when storage is blocked (third-party frames in some browsers). */
const inMemory = new Map<string, boolean>();

function readCollapsed(kind: string): boolean {
  try {
    return window.localStorage.getItem(collapsedKey(kind)) === '1';
  } catch {
    // Storage blocked in a third-party frame: the choice lasts for this page only.
    return inMemory.get(kind) ?? false;
  }
}

function writeCollapsed(kind: string, collapsed: boolean): void {
  inMemory.set(kind, collapsed);
  try {
    if (collapsed) window.localStorage.setItem(collapsedKey(kind), '1');
    else window.localStorage.removeItem(collapsedKey(kind));
  } catch {
    // Not remembered this time; the choice still applies on screen.
  }
}

/** Whether a group of this kind is collapsed, remembered across reloads when storage allows. */
export function useCollapsed(kind: string | undefined): [boolean, () => void] {
  const [collapsed, setCollapsed] = useState(() => (kind ? readCollapsed(kind) : false));
  const toggle = useCallback(() => {
    const next = !collapsed;
    if (kind) writeCollapsed(kind, next);
    setCollapsed(next);
  }, [kind, collapsed]);
  return [kind ? collapsed : false, toggle];
}
