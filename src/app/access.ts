/**
 * Tells each open user or organization record what the agent may do with its tags before
 * the first write: the role rules from the screen (no request) and the account's "Tags on
 * users and organizations" setting (one request per account, cached). While the setting is
 * off, each return to the tab (app.activated) asks again, so the panel lifts its read-only
 * state once an admin turns it back on.
 */
import { readOnlyBefore } from '../domain/access';
import type { RecordHandle } from '../domain/sync/view';
import type { ZafClient } from '../zaf/client';
import type { CachedPerAccount } from '../zendesk/accountCache';

export interface AccessSlot {
  readonly handle: RecordHandle;
  /** Users: the record's own role. */
  readonly role?: string | undefined;
}

export function applyAccess(
  client: ZafClient,
  userTagging: CachedPerAccount<boolean | null>,
  slots: () => readonly AccessSlot[],
  agentRole: string | undefined,
): () => void {
  const apply = (tagging: boolean | null | undefined) => {
    for (const { handle, role } of slots()) {
      const { kind } = handle.getView().ref;
      if (kind === 'ticket') continue;
      handle.setAccess?.(readOnlyBefore(kind, { agentRole, recordRole: role, userTagging: tagging ?? undefined }));
    }
  };
  const ask = (read: () => Promise<boolean | null>) =>
    read().then(apply, () => {
      // Not known: the server decides at the first write, as before.
      apply(undefined);
    });

  if (!slots().some((s) => s.handle.getView().ref.kind !== 'ticket')) return () => undefined;
  for (const { handle } of slots()) if (handle.getView().ref.kind !== 'ticket') handle.setAccess?.('unknown');
  void ask(userTagging);

  const onActivated = (data: unknown) => {
    if ((data as { firstLoad?: unknown } | null)?.firstLoad === true) return;
    if (slots().some((s) => s.handle.getView().readOnly === 'tagging_disabled')) void ask(userTagging.refresh);
  };
  client.on('app.activated', onActivated);
  return () => client.off('app.activated', onActivated);
}
