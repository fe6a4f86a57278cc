/**
 * What an app instance must learn from Zendesk before it can show tags: the agent's language,
 * where it runs, the admin's tag rules (installation settings), and what the screen knows
 * about the open record. Each is one postMessage away and none needs another's answer (the
 * location and settings come with the SDK's handshake), so they are asked together as soon as
 * the client exists, instead of one after another as the components that need them mount.
 * The SDK holds them until its handshake is done.
 */
import { agentLocale } from '../i18n/agentLocale';
import { loadTranslator } from '../i18n/load';
import type { Translator } from '../i18n/translate';
import type { ReadRules } from '../domain/rules';
import type { ZafClient, ZafLocation } from '../zaf/client';
import { isSidebarLocation, readSidebarData, type SidebarData, type SidebarLocation } from './sidebarData';
import { readTagRules } from './tagRules';

export type Where = { kind: 'sidebar'; location: SidebarLocation; account: string } | { kind: 'elsewhere'; location: ZafLocation };

export interface Startup {
  readonly translator: Promise<Translator>;
  readonly where: Promise<Where>;
  /** The admin's tag rules (installation settings); never rejects. */
  readonly rules: Promise<ReadRules>;
  /**
   * The screen's data, read for the first view of `location`. Given once: a later view (a
   * remount, a retry) must read the screen again, as it may have changed since.
   */
  takeSidebarData(location: SidebarLocation): Promise<SidebarData> | undefined;
  /**
   * The same read, for the plain tags shown until the panel is ready (the first paint and the
   * app's placeholders). It stays after the panel took it: a placeholder drawn after that moment
   * must still show what the first paint did, or the tags would blink out. Only the page's
   * first view shows it (a crash's Reload reloads the page).
   */
  peekSidebarData(location: SidebarLocation): Promise<SidebarData> | undefined;
}

export function beginStartup(client: ZafClient): Startup {
  const translator = agentLocale(client).then(loadTranslator);
  const rules = readTagRules(client);
  let first: { location: SidebarLocation; data: Promise<SidebarData> } | undefined;
  let taken = false;
  const where = client.context().then((context): Where => {
    if (!isSidebarLocation(context.location)) return { kind: 'elsewhere', location: context.location };
    const data = readSidebarData(client, context.location);
    data.catch(() => undefined);
    first = { location: context.location, data };
    return { kind: 'sidebar', location: context.location, account: context.account?.subdomain ?? 'unknown' };
  });
  // The components that wait on these mount later and handle a failure themselves; until
  // then, a failure must not count as unhandled.
  translator.catch(() => undefined);
  where.catch(() => undefined);
  return {
    translator,
    where,
    rules,
    peekSidebarData(location) {
      return first?.location === location ? first.data : undefined;
    },
    takeSidebarData(location) {
      if (taken || first?.location !== location) return undefined;
      taken = true;
      return first.data;
    },
  };
}
