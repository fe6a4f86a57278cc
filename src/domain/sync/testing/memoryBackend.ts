/**
 * A test double for the sync engine's backend: one in-memory record per key with
 * Zendesk's stamp rules, a log of calls, and failures queued on demand.
 */
import { ApiError, type ApiErrorKind } from '../../errors';
import { recordKey, type RecordRef, type Snapshot } from '../../record';
import type { TagBackend } from '../backend';

export interface Call {
  readonly method: 'read' | 'add' | 'remove';
  readonly key: string;
  readonly tags?: readonly string[];
  readonly stamp?: string | undefined;
}

interface Stored {
  tags: string[];
  version: number;
  closed: boolean;
}

export class MemoryBackend implements TagBackend {
  readonly calls: Call[] = [];
  private readonly records = new Map<string, Stored>();
  private readonly failures: { kind: ApiErrorKind; retryAfterSeconds?: number; forbiddenReason?: 'tagging_disabled' | 'no_permission'; on?: Call['method'] }[] = [];
  /** Runs just before a call is answered: lets a test change the record "behind the app's back". */
  beforeAnswer: ((call: Call) => void) | undefined;

  seed(ref: RecordRef, tags: string[], options: { closed?: boolean } = {}): void {
    this.records.set(recordKey(ref), { tags: [...tags], version: 1, closed: options.closed ?? false });
  }

  tagsOf(ref: RecordRef): string[] {
    return [...this.get(ref).tags];
  }

  stampOf(ref: RecordRef): string {
    return `v${this.get(ref).version}`;
  }

  /** Someone else edits the record: moves the stamp like any tag change. */
  external(ref: RecordRef, change: { add?: string[]; remove?: string[] }): void {
    const stored = this.get(ref);
    stored.tags = [...stored.tags.filter((t) => !change.remove?.includes(t)), ...(change.add ?? []).filter((t) => !stored.tags.includes(t))];
    stored.version += 1;
  }

  failNext(failure: (typeof this.failures)[number], times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(failure);
  }

  writes(): Call[] {
    return this.calls.filter((c) => c.method !== 'read');
  }

  async read(ref: RecordRef): Promise<Snapshot> {
    const stored = this.answer({ method: 'read', key: recordKey(ref) }, ref);
    return ref.kind === 'ticket' ? { tags: [...stored.tags], stamp: `v${stored.version}`, closed: stored.closed } : { tags: [...stored.tags] };
  }

  async add(ref: RecordRef, tags: readonly string[], stamp: string | undefined): Promise<readonly string[]> {
    const stored = this.answer({ method: 'add', key: recordKey(ref), tags, stamp }, ref);
    const fresh = tags.filter((t) => !stored.tags.includes(t));
    if (fresh.length) {
      stored.tags.push(...fresh);
      stored.version += 1;
    }
    return [...stored.tags];
  }

  async remove(ref: RecordRef, tags: readonly string[], stamp: string | undefined): Promise<null> {
    const stored = this.answer({ method: 'remove', key: recordKey(ref), tags, stamp }, ref);
    const kept = stored.tags.filter((t) => !tags.includes(t));
    if (kept.length !== stored.tags.length) {
      stored.tags = kept;
      stored.version += 1;
    }
    return null;
  }

  private get(ref: RecordRef): Stored {
    const stored = this.records.get(recordKey(ref));
    if (!stored) throw new ApiError({ kind: 'not_found', status: 404 });
    return stored;
  }

  private answer(call: Call, ref: RecordRef): Stored {
    this.calls.push(call);
    this.beforeAnswer?.(call);
    const index = this.failures.findIndex((f) => !f.on || f.on === call.method);
    if (index >= 0) {
      const [failure] = this.failures.splice(index, 1);
      if (failure) throw new ApiError({ status: 0, ...failure });
    }
    const stored = this.get(ref);
    if (call.method !== 'read') {
      if (ref.kind === 'ticket' && stored.closed) throw new ApiError({ kind: 'closed', status: 422 });
      if (ref.kind === 'ticket' && call.stamp !== undefined && call.stamp !== `v${stored.version}`) {
        throw new ApiError({ kind: 'conflict', status: 409 });
      }
    }
    return stored;
  }
}
