import { useLayoutEffect, useRef, useState } from 'react';
import { applyAccess } from '../../app/access';
import { followLiveUpdates, readSidebarData, type AppServices, type RecordSlot, type SidebarData, type SidebarLocation } from '../../app/bootstrap';
import { recordKey } from '../../domain/record';
import type { RecordHandle } from '../../domain/sync/view';

export interface OpenSlot {
  readonly handle: RecordHandle;
  readonly role: 'primary' | 'requester' | 'organization';
  /** The record's name as the screen knows it (the organization link uses it). */
  readonly name?: string;
  /** Users: the record's own role (agents may tag end users only). */
  readonly recordRole?: string;
}

export type SidebarState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; slots: readonly OpenSlot[] };

type OwnerRole = 'requester' | 'organization';

/**
 * Which records a location shows besides its own: the ticket sidebar its requester and
 * organization (editable groups), the user sidebar the user's organization (shown only).
 */
function ownerSlots(data: SidebarData, withRequester: boolean): [OwnerRole, RecordSlot][] {
  const out: [OwnerRole, RecordSlot][] = [];
  if (data.location === 'ticket_sidebar' && withRequester && data.requester) out.push(['requester', data.requester]);
  if (data.location === 'ticket_sidebar' && withRequester && data.organization) out.push(['organization', data.organization]);
  if (data.location === 'user_sidebar' && data.organization) out.push(['organization', data.organization]);
  return out;
}

/**
 * Reads what the agent's screen knows (one client.get, no HTTP), opens the records in the
 * sync engine and follows Zendesk's change events while mounted. When the ticket's requester
 * or organization changes, the screen is read again (once) and the new records are opened.
 */
export function useSidebar(services: AppServices, location: SidebarLocation, withRequester: boolean, firstRead?: Promise<SidebarData>): SidebarState {
  const [state, setState] = useState<SidebarState>({ status: 'loading' });
  // Asked for at start-up: good for the first opening only, later ones read the screen anew.
  const unread = useRef(firstRead);
  // A layout effect, not an effect: effects wait for the next frame, and by now the answer
  // is usually here already, so taking it before the paint spares the agent a frame.
  useLayoutEffect(() => {
    let live = true;
    let stop: (() => void) | undefined;
    let slots: OpenSlot[] = [];
    let stopAccess: (() => void) | undefined;
    // Known before the first write: what the agent may tag here (see app/access).
    const watchAccess = (agentRole: string | undefined) => {
      stopAccess?.();
      stopAccess = applyAccess(services.client, services.userTagging, () => slots.map((s) => ({ handle: s.handle, role: s.recordRole })), agentRole);
    };

    const openOwners = (data: SidebarData, previous: readonly OpenSlot[]): OpenSlot[] =>
      ownerSlots(data, withRequester).map(([role, slot]) => {
        const kept = previous.find((s) => s.role === role && recordKey(s.handle.getView().ref) === recordKey(slot.ref));
        const handle = kept?.handle ?? services.engine.open(slot.ref, slot.initial);
        return { handle, role, ...(slot.name ? { name: slot.name } : {}), ...(slot.role ? { recordRole: slot.role } : {}) };
      });

    const ownersChanged = () => {
      readSidebarData(services.client, location).then(
        (data) => {
          if (!live) return;
          const primary = slots.find((s) => s.role === 'primary');
          if (!primary) return;
          const owners = openOwners(data, slots);
          const gone = slots.filter((s) => s.role !== 'primary' && !owners.some((o) => o.handle === s.handle));
          // A record that still has changes on their way finishes them; the others are let go.
          for (const s of gone) if (!s.handle.getView().busy) s.handle.close();
          slots = [primary, ...owners];
          watchAccess(data.agentRole);
          setState({ status: 'ready', slots });
        },
        () => undefined,
      );
    };

    const read = unread.current ?? readSidebarData(services.client, location);
    unread.current = undefined;
    read.then(
      (data: SidebarData) => {
        if (!live) return;
        const primary = services.engine.open(data.primary.ref, data.primary.initial);
        slots = [{ handle: primary, role: 'primary', ...(data.primary.role ? { recordRole: data.primary.role } : {}) }, ...openOwners(data, [])];
        watchAccess(data.agentRole);
        stop = followLiveUpdates(services.client, location, primary, {
          onOwnersChanged: ownersChanged,
          owners: () => slots.filter((s) => s.role !== 'primary').map((s) => s.handle),
          rateBudget: services.api.rateBudget,
        });
        setState({ status: 'ready', slots });
      },
      () => live && setState({ status: 'failed' }),
    );
    return () => {
      live = false;
      stop?.();
      stopAccess?.();
    };
  }, [services, location, withRequester]);
  return state;
}
