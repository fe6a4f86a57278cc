/**
 * The page's life as the engine needs it: a change must not wait for a quiet moment when the
 * page is being hidden or closed, and the connection coming back ends a wait at once.
 */
import type { SyncEngine } from '../domain/sync/engine';

export function followPageLifecycle(engine: Pick<SyncEngine, 'pagehide' | 'pageshow' | 'hurryUp' | 'online'>, win: Window | undefined = typeof window === 'undefined' ? undefined : window): () => void {
  if (!win) return () => undefined;
  const onPagehide = () => engine.pagehide();
  const onPageshow = (event: PageTransitionEvent) => {
    if (event.persisted) engine.pageshow();
  };
  const onVisibility = () => {
    if (win.document.visibilityState === 'hidden') engine.hurryUp();
  };
  const onOnline = () => engine.online();
  win.addEventListener('pagehide', onPagehide);
  win.addEventListener('pageshow', onPageshow);
  win.document.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('online', onOnline);
  return () => {
    win.removeEventListener('pagehide', onPagehide);
    win.removeEventListener('pageshow', onPageshow);
    win.document.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('online', onOnline);
  };
}
