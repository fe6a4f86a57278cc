/**
 * Measurements that need the real UI: the whole app (App → LocationView → sidebar → TagPanel
 * → AddTagsField) rendered by React into jsdom, talking to the local Zendesk in-process.
 * Real timers (the app's debounce and coalescing run as written); counts come from the local
 * Zendesk's request log, so they do not depend on the machine's speed.
 */
import { createRoot, type Root } from 'react-dom/client';
import userEvent from '@testing-library/user-event';
import { createZendesk } from '../../dev/zendesk/store.mjs';
import { App } from '../../src/ui/App';
import { benchZafClient, type BenchZendesk, type Location } from './benchZaf';

export interface DomCount {
  requests: number;
  calls: string[];
  /** Milliseconds from render() until the first "Remove tag" button or tag region exists. */
  shownMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function calls(zendesk: BenchZendesk): string[] {
  return zendesk.control.log().map((e) => `${e.method} ${e.path}${Object.keys(e.query).length ? '?' + new URLSearchParams(e.query).toString() : ''}`);
}

const REGION = /^(Ticket|User|Organization) tags$/;

function tagsShown(container: HTMLElement): boolean {
  if (container.querySelector('button[aria-label^="Remove tag "]')) return true;
  for (const el of container.querySelectorAll('section[aria-label], [role="region"][aria-label]')) {
    if (REGION.test(el.getAttribute('aria-label') ?? '') && el.getAttribute('aria-busy') !== 'true') return true;
  }
  return false;
}

async function until(what: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (what()) return true;
    await sleep(5);
  }
  return what();
}

interface Mounted {
  zendesk: BenchZendesk;
  root: Root;
  container: HTMLElement;
  shownMs: number;
}

async function mount(location: Location, id: number, zendesk?: BenchZendesk): Promise<Mounted> {
  const z = zendesk ?? (createZendesk({}) as unknown as BenchZendesk);
  window.localStorage.clear();
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  const client = benchZafClient(z, location, id);
  const root = createRoot(container);
  const start = performance.now();
  root.render(<App client={client} />);
  const ok = await until(() => tagsShown(container), 10_000);
  if (!ok) {
    root.unmount();
    throw new Error(`the ${location} never showed tags in jsdom: ${container.textContent?.slice(0, 200)}`);
  }
  return { zendesk: z, root, container, shownMs: performance.now() - start };
}

/** Opens a sidebar (the whole app), waits two seconds of real time, counts requests. */
export async function domOpen(location: Location, id: number, quietMs = 2000): Promise<DomCount> {
  const m = await mount(location, id);
  await sleep(quietMs);
  const result = { requests: m.zendesk.control.log().length, calls: calls(m.zendesk), shownMs: m.shownMs };
  m.root.unmount();
  return result;
}

/**
 * Types a tag into "Add tags" one key every `keyDelayMs` (slower than the field's debounce,
 * so every keystroke could cost a request), waits, counts. Enter is not pressed: only what
 * the suggestions cost is counted.
 */
export async function domTyping(word = 'onboarding', keyDelayMs = 200, location: Location = 'ticket_sidebar', id = 1): Promise<DomCount & { autocomplete: number; popular: number }> {
  const m = await mount(location, id);
  await sleep(500);
  m.zendesk.control.clearLog();
  const input = m.container.querySelector<HTMLInputElement>('input[role="combobox"]');
  if (!input) throw new Error('no "Add tags" combobox input in the panel');
  const user = userEvent.setup({ delay: keyDelayMs, document });
  await user.click(input);
  await user.type(input, word);
  await sleep(1500);
  const list = calls(m.zendesk);
  m.root.unmount();
  return {
    requests: list.length,
    calls: list,
    shownMs: m.shownMs,
    autocomplete: list.filter((c) => c.includes('/autocomplete/')).length,
    popular: list.filter((c) => /\/api\/v2\/tags(\.json)?(\?|$)/.test(c.split(' ')[1] ?? '')).length,
  };
}
