import { useEffect, useState } from 'react';
import { followLiveUpdates, readSidebarData, type AppServices, type SidebarData, type SidebarLocation } from '../../app/bootstrap';
import type { RecordHandle } from '../../domain/sync/view';

export interface OpenSlot {
  readonly handle: RecordHandle;
  readonly role: 'primary' | 'requester' | 'organization';
}

export type SidebarState =
  | { status: 'loading' }
  | { status: 'failed' }
  | {
      status: 'ready';
      slots: readonly OpenSlot[];
      /** Ticket sidebar: the organization's tags as the agent's screen knows them (for provenance). */
      organizationTags?: readonly string[];
    };

/**
 * Reads what the agent's screen knows (one client.get, no HTTP), opens the records in the
 * sync engine and follows Zendesk's change events while mounted.
 */
export function useSidebar(services: AppServices, location: SidebarLocation, withRequester: boolean): SidebarState {
  const [state, setState] = useState<SidebarState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let stop: (() => void) | undefined;
    readSidebarData(services.client, location).then(
      (data: SidebarData) => {
        if (!live) return;
        const primary = services.engine.open(data.primary.ref, data.primary.initial);
        const slots: OpenSlot[] = [{ handle: primary, role: 'primary' }];
        if (withRequester && data.requester) {
          slots.push({ handle: services.engine.open(data.requester.ref, data.requester.initial), role: 'requester' });
        }
        if (withRequester && data.organization) {
          slots.push({ handle: services.engine.open(data.organization.ref, data.organization.initial), role: 'organization' });
        }
        stop = followLiveUpdates(services.client, location, primary);
        const organizationTags = data.location === 'ticket_sidebar' ? data.organization?.initial?.tags : undefined;
        setState({ status: 'ready', slots, ...(organizationTags ? { organizationTags } : {}) });
      },
      () => live && setState({ status: 'failed' }),
    );
    return () => {
      live = false;
      stop?.();
    };
  }, [services, location, withRequester]);
  return state;
}
