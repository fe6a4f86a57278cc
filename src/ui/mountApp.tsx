import { useLayoutEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Startup } from '../app/startup';
import type { ZafClient } from '../zaf/client';
import { App } from './App';

/**
 * The panel takes over from the entry's first paint: React renders the app into the same
 * container, and the first paint goes in the commit that shows the app's first render (whose
 * placeholders draw the same tags), so no frame is painted without them.
 */
export function mountApp(container: HTMLElement, client: ZafClient, startup: Startup, removeFirstPaint: () => void): void {
  createRoot(container).render(
    <HandOver onMounted={removeFirstPaint}>
      <App client={client} startup={startup} />
    </HandOver>,
  );
}

function HandOver({ onMounted, children }: { onMounted: () => void; children: ReactNode }) {
  useLayoutEffect(() => onMounted(), [onMounted]);
  return <>{children}</>;
}
