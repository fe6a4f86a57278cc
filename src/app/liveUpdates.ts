/**
 * Follows changes Zendesk reports while the sidebar is open. Event payloads are not always
 * the server's state (ticket.tags.changed is the agent's form), so each event costs at most
 * one read, and none when the tags it reports are what we already hold.
 */
import type { RecordHandle } from '../domain/sync/view';
import type { ZafClient } from '../zaf/client';
import { asTags } from '../zaf/values';
import type { RateBudget } from '../zendesk/rateBudget';
import type { SidebarLocation } from './sidebarData';

/** The ticket's requester or organization changed on screen. */
export const OWNER_EVENTS = ['ticket.requester.id.changed', 'ticket.organization.changed'] as const;

export interface LiveUpdateOptions {
  /**
   * Ticket sidebar: the requester or organization changed. Called once per burst of such
   * events (changing the requester often changes the organization in the same moment), so
   * the caller re-reads what the screen knows once, not once per event.
   */
  readonly onOwnersChanged?: () => void;
  /**
   * Ticket sidebar: the requester's and organization's handles. Nothing tells the ticket
   * sidebar when they change elsewhere, so they are read again when the agent comes back.
   */
  readonly owners?: () => readonly RecordHandle[];
  /**
   * While the account's API budget is low, a refresh waits until it recovers (one refresh
   * then, however many events came meanwhile): saves need what is left.
   */
  readonly rateBudget?: Pick<RateBudget, 'isLow' | 'onRecovered'>;
}

/** `refresh`, now, or once when the budget recovers if it is low. */
export function refreshWithinBudget(refresh: () => void, budget: LiveUpdateOptions['rateBudget']): { request(): void; cancel(): void } {
  let owed: (() => void) | undefined;
  return {
    request() {
      if (!budget?.isLow()) {
        refresh();
        return;
      }
      owed ??= budget.onRecovered(() => {
        owed = undefined;
        refresh();
      });
    },
    cancel() {
      owed?.();
      owed = undefined;
    },
  };
}

export function followLiveUpdates(client: ZafClient, location: SidebarLocation, primary: RecordHandle, options: LiveUpdateOptions = {}): () => void {
  const subscriptions: [string, (data: unknown) => void][] = [];
  const on = (event: string, handler: (data: unknown) => void) => {
    client.on(event, handler);
    subscriptions.push([event, handler]);
  };
  let ownersTimer: ReturnType<typeof setTimeout> | undefined;
  const refresh = refreshWithinBudget(() => void primary.refresh(), options.rateBudget);

  if (location === 'ticket_sidebar') {
    on('ticket.updated', () => refresh.request());
    on('ticket.tags.changed', (data) => {
      const tags = asTags(data);
      if (tags) primary.observe(tags);
      else refresh.request();
    });
    const { onOwnersChanged, owners: ownerHandles } = options;
    if (ownerHandles) {
      on('app.activated', (data) => {
        if ((data as { firstLoad?: unknown } | null)?.firstLoad === true) return;
        for (const handle of ownerHandles()) void handle.refresh();
      });
    }
    if (onOwnersChanged) {
      const owners = () => {
        if (ownersTimer !== undefined) return;
        ownersTimer = setTimeout(() => {
          ownersTimer = undefined;
          onOwnersChanged();
        }, 0);
      };
      for (const event of OWNER_EVENTS) on(event, owners);
    }
  } else {
    const event = location === 'user_sidebar' ? 'user.tags.changed' : 'organization.tags.changed';
    on(event, (data) => {
      const tags = asTags(data);
      if (tags) primary.observe(tags);
      else refresh.request();
    });
  }
  return () => {
    refresh.cancel();
    if (ownersTimer !== undefined) clearTimeout(ownersTimer);
    for (const [event, handler] of subscriptions) client.off(event, handler);
  };
}
