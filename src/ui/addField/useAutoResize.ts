import { useEffect, type RefObject } from 'react';
import type { ZafClient } from '../../zaf/client';

export const RESIZE_THROTTLE_MS = 100;

/**
 * Keeps the sidebar iframe as tall as the app: a ResizeObserver on the root (tags wrapping,
 * notices, suggestions) asks Zendesk to resize, at most once per throttle window and only
 * when the height changed.
 */
export function useAutoResize(client: ZafClient, rootRef: RefObject<HTMLElement>): void {
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let lastSent = -1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastRun = 0;

    const send = () => {
      timer = undefined;
      lastRun = Date.now();
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height === lastSent) return;
      lastSent = height;
      client.invoke('resize', { width: '100%', height: `${height}px` }).catch(() => undefined);
    };
    const schedule = () => {
      if (timer !== undefined) return;
      const wait = Math.max(0, RESIZE_THROTTLE_MS - (Date.now() - lastRun));
      timer = setTimeout(send, wait);
    };

    send();
    if (typeof ResizeObserver === 'undefined') return () => clearTimeout(timer);
    const observer = new ResizeObserver(schedule);
    observer.observe(root);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [client, rootRef]);
}
