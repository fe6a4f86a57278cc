import { track } from '../app/settled';
import type { Startup, Where } from '../app/startup';
import type { ZafClient } from '../zaf/client';
import { firstPaintBox, firstTagsView } from './firstTags';
import { followHeight } from './followHeight';

export interface FirstPaint {
  /**
   * Settles once the record's tags are on screen (after the frame that shows them), or as
   * soon as it is known there are none to show (another location, a failed answer), with
   * where the app runs if known.
   */
  readonly shown: Promise<Where | undefined>;
  /** Takes the first paint away: the panel stands in its place. */
  remove(): void;
}

/**
 * The record's tags as soon as Zendesk has told us them, drawn into `container` with plain
 * DOM and the static CSS of index.html, before React, Garden and the panel are loaded (they
 * cost the tags ~30 ms in the frame when the entry carried React). Its remove buttons are
 * disabled: a press can only be honoured by the panel, which knows the record's state.
 */
export function paintFirst(container: HTMLElement, client: ZafClient, startup: Startup): FirstPaint {
  const root = document.createElement('div');
  container.append(root);
  const stopResizing = followHeight(client, root);
  const shown = (async (): Promise<Where | undefined> => {
    const [translator, where, rules] = await Promise.all([track(startup.translator), track(startup.where), track(startup.rules)]);
    const read = where.kind === 'sidebar' ? startup.peekSidebarData(where.location) : undefined;
    const data = read ? await track(read) : undefined;
    const view = data ? firstTagsView(translator, rules, data) : undefined;
    if (!view) return where;
    document.documentElement.lang = translator.locale;
    // Padded only once it holds tags: an empty root keeps the frame at no height.
    root.className = 'tw-first-root';
    root.append(firstPaintBox(view));
    await afterPaint();
    return where;
  })().catch(() => undefined);
  return {
    shown,
    remove() {
      stopResizing();
      root.remove();
    },
  };
}

/**
 * Resolves once the frame that shows the current DOM has been painted: after the next
 * animation frame, in a task of its own. A hidden frame gets no animation frames, so a short
 * timer stands in.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}
