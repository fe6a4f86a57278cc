/**
 * A jsdom window as Node's globals, for running the real React app in-process. Must run
 * before React, Garden or the app are imported (they look at `window` when they load).
 */
import { JSDOM } from 'jsdom';

let installed = false;

export function installDom(): void {
  if (installed) return;
  installed = true;
  const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', {
    url: 'http://localhost/assets/index.html',
    pretendToBeVisual: true,
  });
  const win = dom.window as unknown as Record<string, unknown> & Window;
  // Garden's theming asks matchMedia for the colour scheme; jsdom has none.
  (win as any).matchMedia = (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  });
  const g = globalThis as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(win)) {
    if (key in g) continue;
    try {
      g[key] = win[key];
    } catch {
      // a few getters refuse; they are not needed
    }
  }
  g.window = win;
  g.document = win.document;
  g.navigator = win.navigator;
  g.localStorage = win.localStorage;
  g.IS_REACT_ACT_ENVIRONMENT = false;
}
