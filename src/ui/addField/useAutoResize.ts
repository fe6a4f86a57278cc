import { useEffect, type RefObject } from 'react';
import type { ZafClient } from '../../zaf/client';
import { followHeight } from '../followHeight';

export { RESIZE_THROTTLE_MS } from '../followHeight';

/** Keeps the sidebar iframe as tall as the element `rootRef` holds (see followHeight). */
export function useAutoResize(client: ZafClient, rootRef: RefObject<HTMLElement>): void {
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    return followHeight(client, root);
  }, [client, rootRef]);
}
