/**
 * Follows changes Zendesk reports while the sidebar is open. Event payloads are not always
 * the server's state (ticket.tags.changed is the agent's form), so each event costs at most
 * one read, and none when the tags it reports are what we already hold.
 */
import type { RecordHandle } from '../domain/sync/view';
import type { ZafClient } from '../zaf/client';
import { asTags } from '../zaf/values';
import type { SidebarLocation } from './sidebarData';

export function followLiveUpdates(client: ZafClient, location: SidebarLocation, primary: RecordHandle): () => void {
  const subscriptions: [string, (data: unknown) => void][] = [];
  const on = (event: string, handler: (data: unknown) => void) => {
    client.on(event, handler);
    subscriptions.push([event, handler]);
  };

  if (location === 'ticket_sidebar') {
    on('ticket.updated', () => void primary.refresh());
    on('ticket.tags.changed', (data) => {
      const tags = asTags(data);
      if (tags) primary.observe(tags);
      else void primary.refresh();
    });
  } else {
    const event = location === 'user_sidebar' ? 'user.tags.changed' : 'organization.tags.changed';
    on(event, (data) => {
      const tags = asTags(data);
      if (tags) primary.observe(tags);
      else void primary.refresh();
    });
  }
  return () => {
    for (const [event, handler] of subscriptions) client.off(event, handler);
  };
}
