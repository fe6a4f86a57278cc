/**
 * What the agent's screen already knows about the records a sidebar shows, read with one
 * `client.get` and no HTTP: the tags show before any request is made.
 */
import type { RecordRef, Snapshot } from '../domain/record';
import type { ZafClient, ZafLocation } from '../zaf/client';
import { asId, asRecordObject, asString, asTags } from '../zaf/values';

export type SidebarLocation = 'ticket_sidebar' | 'user_sidebar' | 'organization_sidebar';

export function isSidebarLocation(location: ZafLocation): location is SidebarLocation {
  return location === 'ticket_sidebar' || location === 'user_sidebar' || location === 'organization_sidebar';
}

export interface RecordSlot {
  readonly ref: RecordRef;
  /** Shown at once; absent when the screen did not know the tags (then the engine reads). */
  readonly initial?: Snapshot;
  readonly name?: string;
  /** Users: the record's own role ('end-user', 'agent', 'admin'), when the screen says. */
  readonly role?: string;
}

export interface SidebarData {
  readonly location: SidebarLocation;
  readonly primary: RecordSlot;
  /** Ticket sidebar: the requester. */
  readonly requester?: RecordSlot;
  /** Ticket sidebar: the ticket's organization. User sidebar: the user's (first) organization. */
  readonly organization?: RecordSlot;
  /** `currentUser.role` of the signed-in agent: what they may tag, before any write. */
  readonly agentRole?: string;
}

export class MissingRecordError extends Error {
  constructor(path: string) {
    super(`Zendesk did not tell the app which record is open (${path}).`);
    this.name = 'MissingRecordError';
  }
}

function slot(kind: RecordRef['kind'], value: unknown, extra: Partial<Snapshot> = {}): RecordSlot | undefined {
  const obj = asRecordObject(value);
  const id = asId(obj?.id);
  if (!obj || id === undefined) return undefined;
  const tags = asTags(obj.tags);
  const name = asString(obj.name);
  const role = asString(obj.role);
  return {
    ref: { kind, id },
    ...(tags ? { initial: { tags, provisional: true, ...extra } } : {}),
    ...(name ? { name } : {}),
    ...(role ? { role } : {}),
  };
}

export async function readSidebarData(client: ZafClient, location: SidebarLocation): Promise<SidebarData> {
  if (location === 'ticket_sidebar') {
    const got = await client.get(['ticket.id', 'ticket.tags', 'ticket.updatedAt', 'ticket.status', 'ticket.requester', 'ticket.organization', 'currentUser.role']);
    const agentRole = asString(got['currentUser.role']);
    const id = asId(got['ticket.id']);
    if (id === undefined) throw new MissingRecordError('ticket.id');
    const tags = asTags(got['ticket.tags']);
    const stamp = asString(got['ticket.updatedAt']);
    const status = asString(got['ticket.status']);
    const requester = slot('user', got['ticket.requester']);
    const organization = slot('organization', got['ticket.organization']);
    return {
      location,
      primary: {
        ref: { kind: 'ticket', id },
        ...(tags ? { initial: { tags, provisional: true, closed: status === 'closed', ...(stamp ? { stamp } : {}) } } : {}),
      },
      ...(requester ? { requester } : {}),
      ...(organization ? { organization } : {}),
      ...(agentRole ? { agentRole } : {}),
    };
  }
  if (location === 'user_sidebar') {
    const got = await client.get(['user.id', 'user.tags', 'user.name', 'user.organizations', 'user.role', 'currentUser.role']);
    const agentRole = asString(got['currentUser.role']);
    const role = asString(got['user.role']);
    const id = asId(got['user.id']);
    if (id === undefined) throw new MissingRecordError('user.id');
    const tags = asTags(got['user.tags']);
    const name = asString(got['user.name']);
    const orgs = Array.isArray(got['user.organizations']) ? (got['user.organizations'] as unknown[]) : [];
    const organization = slot('organization', orgs[0]);
    return {
      location,
      primary: { ref: { kind: 'user', id }, ...(tags ? { initial: { tags, provisional: true } } : {}), ...(name ? { name } : {}), ...(role ? { role } : {}) },
      ...(organization ? { organization } : {}),
      ...(agentRole ? { agentRole } : {}),
    };
  }
  const got = await client.get(['organization.id', 'organization.tags', 'organization.name', 'currentUser.role']);
  const agentRole = asString(got['currentUser.role']);
  const id = asId(got['organization.id']);
  if (id === undefined) throw new MissingRecordError('organization.id');
  const tags = asTags(got['organization.tags']);
  const name = asString(got['organization.name']);
  return {
    location,
    primary: { ref: { kind: 'organization', id }, ...(tags ? { initial: { tags, provisional: true } } : {}), ...(name ? { name } : {}) },
    ...(agentRole ? { agentRole } : {}),
  };
}
