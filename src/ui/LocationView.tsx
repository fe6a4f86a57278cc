import { useLayoutEffect, useState, type ComponentType } from 'react';
import type { SidebarData, SidebarLocation } from '../app/sidebarData';
import type { Where } from '../app/startup';
import type { ReadRules } from '../domain/rules';
import { useTranslator } from '../i18n';
import type { ZafClient } from '../zaf/client';
import { EarlyTags } from './FirstPaint';
import { LoadingTags } from './panel/LoadingTags';
import { TagRulesProvider } from './rules/TagRulesContext';
import { LOADERS } from './sidebarCode';
import { Sentence } from './Sentence';
import { useStartup, useZafClient } from './zafContext';

export interface SidebarViewProps {
  readonly client: ZafClient;
  readonly account: string;
  /** The screen's data, already asked for at start; the view reads it itself when absent. */
  readonly firstRead?: Promise<SidebarData>;
}

export type SidebarView = ComponentType<SidebarViewProps>;

export interface PageViewProps {
  readonly client: ZafClient;
}

type PageView = ComponentType<PageViewProps>;

/** Locations outside the sidebars: the nav bar holds the Tag manager, in a chunk of its own. */
const PAGE_LOADERS: Partial<Record<string, () => Promise<{ default: PageView }>>> = {
  nav_bar: () => import('./manager/TagManagerPage'),
};

type Shown =
  | (Extract<Where, { kind: 'sidebar' }> & { View: SidebarView; rules: ReadRules; firstRead?: Promise<SidebarData> })
  | { kind: 'page'; Page: PageView; rules: ReadRules }
  | Extract<Where, { kind: 'elsewhere' }>;

export function LocationView() {
  const client = useZafClient();
  const startup = useStartup();
  const { t } = useTranslator();
  const [where, setWhere] = useState<Shown | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  // A layout effect, not an effect: effects wait for the next frame, and by now the answer
  // is usually here already, so taking it before the paint spares the agent a frame.
  useLayoutEffect(() => {
    let live = true;
    // The view's code is loaded before the view is shown (no Suspense): it is usually there
    // already (see warmSidebarCode), and a Suspense boundary would cost an extra render pass.
    startup.where
      .then(async (found): Promise<Shown> => {
        if (found.kind !== 'sidebar') {
          const load = PAGE_LOADERS[found.location];
          if (!load) return found;
          // The Tag manager refuses protected tags: it needs the admin's rules as the sidebars do.
          const [{ default: Page }, rules] = await Promise.all([load(), startup.rules]);
          return { kind: 'page', Page, rules };
        }
        const firstRead = startup.takeSidebarData(found.location);
        // The rules come with the handshake, like the location: waiting for them costs nothing,
        // and a protected tag must never show a remove button, even for a moment.
        const [{ default: View }, rules] = await Promise.all([LOADERS[found.location](), startup.rules]);
        return { ...found, View, rules, ...(firstRead ? { firstRead } : {}) };
      })
      .then(
        (shown) => live && setWhere(shown),
        (error: unknown) => live && setFailure(error ?? new Error('ZAF context failed')),
      );
    return () => {
      live = false;
    };
  }, [startup]);

  // Let the error boundary show its message rather than wait forever.
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  // The tags the first paint showed stay until the view replaces them.
  if (!where) return <EarlyTags startup={startup} fallback={<LoadingTags />} />;
  if (where.kind === 'elsewhere') return <Sentence role="note">{t('tagwise.location.unknown')}</Sentence>;
  if (where.kind === 'page')
    return (
      <TagRulesProvider value={where.rules}>
        <where.Page client={client} />
      </TagRulesProvider>
    );
  const { View } = where;
  return (
    <TagRulesProvider value={where.rules}>
      <View client={client} account={where.account} {...(where.firstRead ? { firstRead: where.firstRead } : {})} />
    </TagRulesProvider>
  );
}
