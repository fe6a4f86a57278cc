/**
 * The open ticket's updated_at as the agent's screen shows it: one client.get, no HTTP. The
 * screen follows the ticket's updates, so after our own write it often already knows the
 * stamp the next safe write needs. The engine takes it only when it is newer than the one it
 * wrote with, and stops asking for a record once such a stamp met a 409.
 */
import type { RecordRef } from '../domain/record';
import type { ZafClient } from '../zaf/client';
import { asId, asString } from '../zaf/values';

export function screenStampOf(client: ZafClient): (ref: RecordRef) => Promise<string | undefined> {
  return async (ref) => {
    if (ref.kind !== 'ticket') return undefined;
    const got = await client.get(['ticket.id', 'ticket.updatedAt']);
    return asId(got['ticket.id']) === ref.id ? asString(got['ticket.updatedAt']) : undefined;
  };
}
