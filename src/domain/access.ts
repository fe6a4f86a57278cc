/**
 * Whether the signed-in agent may change a record's tags, as far as it can be known before
 * any write: Zendesk's default roles (an agent tags end users and tickets; only admins tag
 * other agents' profiles and organizations) and the account's "Tags on users and
 * organizations" setting. Custom roles can grant more or less: for them only the server's
 * answer tells, and the engine learns it from a refusal. Pure.
 */
import type { RecordKind } from './record';
import type { ReadOnlyReason } from './sync/view';

export interface AccessFacts {
  /** `currentUser.role`: 'admin', 'agent', or a custom role's name. */
  readonly agentRole?: string | undefined;
  /** Users only: the record's own role ('end-user', 'agent', 'admin'). */
  readonly recordRole?: string | undefined;
  /** Users and organizations: the account setting; undefined while not known. */
  readonly userTagging?: boolean | undefined;
}

/** Why the record is read-only for this agent, or undefined when nothing says so. */
export function readOnlyBefore(kind: RecordKind, facts: AccessFacts): ReadOnlyReason | undefined {
  if (kind === 'ticket') return undefined;
  if (facts.userTagging === false) return 'tagging_disabled';
  if (facts.agentRole !== 'agent') return undefined;
  if (kind === 'organization') return 'no_permission';
  return facts.recordRole !== undefined && facts.recordRole !== 'end-user' ? 'no_permission' : undefined;
}
