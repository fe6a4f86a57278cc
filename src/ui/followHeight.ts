import type { ZafClient } from '../zaf/client';

export const RESIZE_THROTTLE_MS = 100;

/**
 * Keeps the sidebar iframe as tall as `root`: a ResizeObserver (tags wrapping, notices,
 * suggestions) asks Zendesk to resize, at most once per throttle window and only when the
 * height changed. Plain DOM, so that the entry's first paint can use it before React loads.
 * Returns what stops it.
 */
export function followHeight(client: ZafClient, root: HTMLElement): () => void {
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
}
