import { lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { createAppServices, isSidebarLocation, type AppServices, type SidebarLocation } from '../app/bootstrap';
import { useTranslator } from '../i18n';
import type { ZafLocation } from '../zaf/client';
import { LoadingTags } from './PanelStates';
import { Sentence } from './Sentence';
import { useZafClient } from './zafContext';

type SidebarView = LazyExoticComponent<ComponentType<{ services: AppServices }>>;

/** Each location's view is its own chunk, loaded only where the app runs. */
export const LOCATION_VIEWS: Record<SidebarLocation, SidebarView> = {
  ticket_sidebar: lazy(() => import('./sidebars/TicketSidebar')),
  user_sidebar: lazy(() => import('./sidebars/UserSidebar')),
  organization_sidebar: lazy(() => import('./sidebars/OrganizationSidebar')),
};

type Where = { kind: 'sidebar'; location: SidebarLocation; services: AppServices } | { kind: 'elsewhere'; location: ZafLocation };

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
            ? { kind: 'sidebar', location: context.location, services: createAppServices(client, context.account?.subdomain ?? 'unknown') }
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
      <View services={where.services} />
    </Suspense>
  );
}
