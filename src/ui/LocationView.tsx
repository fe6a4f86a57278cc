import { lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { isSidebarLocation, type SidebarLocation } from '../app/sidebarData';
import { useTranslator } from '../i18n';
import type { ZafClient, ZafLocation } from '../zaf/client';
import { LoadingTags } from './LoadingTags';
import { Sentence } from './Sentence';
import { useZafClient } from './zafContext';

export interface SidebarViewProps {
  readonly client: ZafClient;
  readonly account: string;
}

type SidebarView = LazyExoticComponent<ComponentType<SidebarViewProps>>;

/**
 * Each location's view is its own chunk, loaded only where the app runs. The API layer and
 * sync engine are made inside it, so they do not weigh on the entry chunk.
 */
const LOADERS = {
  ticket_sidebar: () => import('./sidebars/TicketSidebar'),
  user_sidebar: () => import('./sidebars/UserSidebar'),
  organization_sidebar: () => import('./sidebars/OrganizationSidebar'),
} satisfies Record<SidebarLocation, () => Promise<{ default: ComponentType<SidebarViewProps> }>>;

export const LOCATION_VIEWS: Record<SidebarLocation, SidebarView> = {
  ticket_sidebar: lazy(LOADERS.ticket_sidebar),
  user_sidebar: lazy(LOADERS.user_sidebar),
  organization_sidebar: lazy(LOADERS.organization_sidebar),
};

let warming: Promise<unknown> | null = null;

/**
 * The location is known only after the ZAF handshake, but every sidebar shares one chunk
 * (API, engine, tag list): fetch it during the handshake instead of after it. The ticket
 * view's own wrapper is a few hundred bytes, so warming through it costs the others nothing.
 */
export function warmSidebarCode(): void {
  warming ??= LOADERS.ticket_sidebar().catch(() => undefined);
}

type Where = { kind: 'sidebar'; location: SidebarLocation; account: string } | { kind: 'elsewhere'; location: ZafLocation };

export function LocationView() {
  const client = useZafClient();
  const { t } = useTranslator();
  const [where, setWhere] = useState<Where | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    warmSidebarCode();
    client.context().then(
      (context) => {
        if (!live) return;
        setWhere(
          isSidebarLocation(context.location)
            ? { kind: 'sidebar', location: context.location, account: context.account?.subdomain ?? 'unknown' }
            : { kind: 'elsewhere', location: context.location },
        );
      },
      (error: unknown) => live && setFailure(error ?? new Error('ZAF context failed')),
    );
    return () => {
      live = false;
    };
  }, [client]);

  // Let the error boundary show its message rather than wait forever.
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  if (!where) return <LoadingTags />;
  if (where.kind === 'elsewhere') return <Sentence role="note">{t('tagwise.location.unknown')}</Sentence>;
  const View = LOCATION_VIEWS[where.location];
  return (
    <Suspense fallback={<LoadingTags />}>
      <View client={client} account={where.account} />
    </Suspense>
  );
}
