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
export const LOCATION_VIEWS: Record<SidebarLocation, SidebarView> = {
  ticket_sidebar: lazy(() => import('./sidebars/TicketSidebar')),
  user_sidebar: lazy(() => import('./sidebars/UserSidebar')),
  organization_sidebar: lazy(() => import('./sidebars/OrganizationSidebar')),
};

type Where = { kind: 'sidebar'; location: SidebarLocation; account: string } | { kind: 'elsewhere'; location: ZafLocation };

export function LocationView() {
  const client = useZafClient();
  const { t } = useTranslator();
  const [where, setWhere] = useState<Where | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
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
