import type { SidebarLocation } from '../app/sidebarData';
import type { SidebarView } from './LocationView';

/**
 * Each location's view is its own chunk, loaded only where the app runs. The API layer and
 * sync engine are made inside it, so they do not weigh on the entry chunk.
 */
export const LOADERS = {
  ticket_sidebar: () => import('./locations/TicketSidebar'),
  user_sidebar: () => import('./locations/UserSidebar'),
  organization_sidebar: () => import('./locations/OrganizationSidebar'),
} satisfies Record<SidebarLocation, () => Promise<{ default: SidebarView }>>;

let warming: Promise<unknown> | null = null;

/**
 * The location is known only after the ZAF handshake, but every sidebar shares one chunk
 * (API, engine, tag list): fetch it during the handshake instead of after it. The ticket
 * view's own wrapper is a few hundred bytes, so warming through it costs the others nothing.
 */
export function warmSidebarCode(): void {
  warming ??= LOADERS.ticket_sidebar().catch(() => undefined);
}
